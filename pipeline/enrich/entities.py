"""Named entities straight from spaCy's NER, with character offsets into the article text."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str  # spaCy's label: PERSON, ORG, GPE, NORP, ...
    start: int
    end: int

    def as_record(self) -> dict:
        return {"text": self.text, "label": self.label, "start": self.start, "end": self.end}


def extract_entities(doc: Doc) -> list[Entity]:
    return [Entity(ent.text, ent.label_, ent.start_char, ent.end_char) for ent in doc.ents]
