"""Attackers counted apart from the victims: "In addition to the perpetrator, seven people were
killed", "Thirty people were killed, in addition to the three assailants". Terrorism databases write
their summaries so; their totals take in the attackers, which newsflow keeps apart
(Figure.perpetrators)."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.enrich.casualties.words import SINGULAR_PERPETRATORS
from pipeline.enrich.common.numbers import parse_count
from pipeline.enrich.common.tokens import columns

OPENING = ["in", "addition", "to"]
PLURAL_PERPETRATORS = {
    *("perpetrators", "assailants", "attackers", "bombers", "gunmen", "militants"),
    *("hijackers", "kidnappers", "shooters"),
}
# how far before the count the phrase may end ("In addition to the bomber, at least 8 …")
REACH = 4


def attackers_besides(sent: Span, count_start: int) -> tuple[int, int] | None:
    """(how many attackers, the token naming them) when "in addition to the <attackers>," ends
    right before the count at `count_start`; None otherwise, or when their number is not told
    ("in addition to the assailants")."""
    words = columns(sent.doc).lowers
    comma = next(
        (
            j
            for j in range(count_start - 1, max(count_start - REACH, sent.start) - 1, -1)
            if words[j] == ","
        ),
        None,
    )
    if comma is None:
        return None
    noun = comma - 1
    opening = next(
        (
            j
            for j in range(noun - 1, max(noun - 5, sent.start) - 1, -1)
            if words[j : j + 3] == OPENING
        ),
        None,
    )
    if opening is None or noun <= opening + 2:
        return None
    return _attackers_named(words, opening, noun)


def attackers_after(sent: Span, trigger_end: int) -> tuple[int, int] | None:
    """(how many attackers, the token naming them) when ", in addition to the <attackers>"
    follows the casualty word ending at `trigger_end` ("Eight people were killed, in addition
    to the three perpetrators, and 48 others were injured"); None otherwise."""
    words = columns(sent.doc).lowers
    opening = trigger_end + (trigger_end < sent.end and words[trigger_end] == ",")
    if words[opening : opening + 3] != OPENING:
        return None
    noun = next(
        (
            j
            for j in range(opening + 3, min(opening + 8, sent.end))
            if words[j] in PLURAL_PERPETRATORS or words[j] in SINGULAR_PERPETRATORS
        ),
        None,
    )
    if noun is None or (noun + 1 < sent.end and words[noun + 1] not in {",", ".", "and", ";"}):
        return None
    return _attackers_named(words, opening, noun)


def _attackers_named(words: list[str], opening: int, noun: int) -> tuple[int, int] | None:
    """How many attackers "in addition to <words up to noun>" names, with the naming token."""
    between = [w for w in words[opening + 3 : noun] if w not in {"the", "a", "an", "both"}]
    if words[noun] in SINGULAR_PERPETRATORS - {"gunmen", "suspect"}:
        return (1, noun) if not between or between == ["suicide"] else None
    if words[noun] in PLURAL_PERPETRATORS:
        if "both" in words[opening + 3 : noun]:
            return 2, noun
        count = parse_count(" ".join(w for w in between if w != "suicide")) if between else None
        return (count, noun) if count else None
    return None
