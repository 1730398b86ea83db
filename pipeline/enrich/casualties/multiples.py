"""Victims counted by the crime's own name: "a double homicide", "a triple shooting",
"Murray police investigate apparent double murder-suicide"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.enrich.casualties.words import MULTIPLE_HARMS, MULTIPLE_KILLINGS, MULTIPLES
from pipeline.enrich.common.tokens import columns

HYPHENS = {"-", "–"}
SUICIDES = {"suicide", "suicides"}


@dataclass(frozen=True, slots=True)
class Multiple:
    kind: str  # "killed": the dead; "injured": everyone hit, the dead among them
    count: int
    start: int  # tokens
    end: int
    suicide: bool  # "murder-suicide": the attacker died by his own hand besides


def find_multiples(sent: Span) -> list[Multiple]:
    words = columns(sent.doc).lowers
    found = []
    for i in range(sent.start, sent.end - 1):
        count = MULTIPLES.get(words[i])
        if count is None:
            continue
        j = i + 1
        if words[j] in HYPHENS and j + 1 < sent.end:
            j += 1  # "double-homicide"
        fatal = words[j] == "fatal" and j + 1 < sent.end
        if fatal:
            j += 1  # "a double fatal shooting"
        noun = words[j]
        if noun in MULTIPLE_KILLINGS or (fatal and noun in MULTIPLE_HARMS):
            kind = "killed"
        elif noun in MULTIPLE_HARMS:
            kind = "injured"
        else:
            continue
        end = j + 1
        if end < sent.end and words[end] in HYPHENS:
            end += 1
        suicide = end < sent.end and words[end] in SUICIDES and noun.startswith("murder")
        found.append(Multiple(kind, count, i, end + 1 if suicide else j + 1, suicide))
    return found
