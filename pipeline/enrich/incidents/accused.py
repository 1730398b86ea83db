"""Who is accused of, blamed for, or claims an attack: 'Russia has accused Ukraine of ...',
'blamed on Hamas', 'Islamic State claimed responsibility'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.enrich.common.tokens import columns
from pipeline.enrich.incidents.words import CUE_WORDS, NOT_ACCUSED

ACTOR_LABELS = {"GPE", "ORG", "NORP", "PERSON"}
# The accused party follows these words...
_AFTER = re.compile(
    r"\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\s+$|\b(?:blamed|pinned)\s+(?:\w+\s+){0,3}on\s+$|"
    r"\b(?:carried out|perpetrated|claimed|orchestrated)\s+by\s+$|\battributed\s+(?:\w+\s+){0,3}to\s+$",
    re.IGNORECASE,
)
# ...or precedes these.
_BEFORE = re.compile(
    r"^\s*(?:(?:has|have|had)\s+)?(?:claimed|admitted|took)\s+responsibility|^\s*(?:was|were)\s+behind",
    re.IGNORECASE,
)
_CLAIMED = re.compile(r"((?:[A-Z][\w'’-]+\s+){1,4})(?:has\s+|have\s+)?claimed\s+responsibility")
_GROUP_ACCUSED = re.compile(
    r"\b(?:accus\w+|blam\w+)\s+(?:the\s+)?((?:[a-z]+\s+)?(?:rebels|militants|insurgents|"
    r"separatists|jihadists|gangs?|cartels?|terrorists|extremists))\s+(?:of|for)\b"
)


@dataclass(frozen=True, slots=True)
class AccusedMention:
    name: str
    start: int
    end: int


def _actor_spans(doc: Doc) -> list[Span]:
    cols = columns(doc)
    actors = [ent for ent in doc.ents if ent.label_ in ACTOR_LABELS]
    if actors or doc.has_annotation("ENT_IOB"):
        return actors
    # Untagged doc: runs of capitalised words stand in for entities.
    spans, i = [], 0
    while i < len(doc):
        if cols.texts[i][:1].isupper() and doc[i].is_alpha:
            j = i
            while j < len(doc) and cols.texts[j][:1].isupper() and doc[j].is_alpha:
                j += 1
            spans.append(doc[i:j])
            i = j
        else:
            i += 1
    return spans


def _name(span: Span) -> str:
    words = span.text
    return words[4:] if words.lower().startswith("the ") else words


def extract_accused(doc: Doc) -> list[AccusedMention]:
    text = columns(doc).full_text
    lower = columns(doc).lower_text or text.lower()
    if not any(cue in lower for cue in CUE_WORDS):
        return []
    actors = _actor_spans(doc)
    found: list[AccusedMention] = []
    for index, actor in enumerate(actors):
        if actor.text.lower() in NOT_ACCUSED:
            continue
        before = text[max(0, actor.start_char - 60) : actor.start_char]
        before_clean = re.sub(r"\bthe\s+$", "", before, flags=re.IGNORECASE)
        hit = bool(_AFTER.search(before_clean)) or bool(
            _BEFORE.match(text[actor.end_char : actor.end_char + 40])
        )
        if not hit and index > 0:
            # "accused the United States and Britain of": the second of a listed pair.
            previous = actors[index - 1]
            between = text[previous.end_char : actor.start_char]
            hit = bool(re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", between)) and any(
                f.start == previous.start_char for f in found
            )
        if hit:
            found.append(AccusedMention(_name(actor), actor.start_char, actor.end_char))
    taken = {(f.start, f.end) for f in found}
    for pattern in (_CLAIMED, _GROUP_ACCUSED):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            name = match.group(1).strip()
            end = start + len(match.group(1).rstrip())
            if name.lower().startswith("the "):
                start, name = start + 4, name[4:]
            if not any(s <= start < e for s, e in taken) and name.lower() not in NOT_ACCUSED:
                found.append(AccusedMention(name, start, end))
                taken.add((start, end))
    return sorted(found, key=lambda f: f.start)
