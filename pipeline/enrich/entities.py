"""Named entities straight from spaCy's NER, with character offsets into the article text."""

from __future__ import annotations

from spacy.tokens import Doc


def extract_entities(doc: Doc) -> list[dict]:
    return [
        {"text": ent.text, "label": ent.label_, "start": ent.start_char, "end": ent.end_char}
        for ent in doc.ents
    ]
