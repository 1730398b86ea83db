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
    found += _murder_suicides(words, sent, {m.start for m in found})
    return found


def _murder_suicides(words: list[str], sent: Span, counted: set[int]) -> list[Multiple]:
    """'an apparent murder-suicide': one dead at least besides the attacker ("murders-suicide":
    two; "an attempted murder-suicide": none); a count before it ("a double murder-suicide")
    is read above."""
    found = []
    for i in range(sent.start, sent.end - 1):
        if words[i] not in {"murder", "murders"} or (i - 1) in counted:
            continue
        if i > sent.start and words[i - 1] == "attempted":
            continue  # "an attempted murder-suicide": the one shot lived
        j = i + 1
        if words[j] in HYPHENS and j + 1 < sent.end:
            j += 1
        if words[j] in SUICIDES:
            found.append(Multiple("killed", 2 if words[i] == "murders" else 1, i, j + 1, True))
    return found
