"""Victims a headline lists with commas where prose writes "and": "Mother, toddler killed in
shooting", "3 women, 1 man shot", "Man kills wife, son, daughter, then himself"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.enrich.casualties.quantities import Quantity
from pipeline.enrich.casualties.words import (
    AUXILIARIES,
    SINGULAR_PERPETRATORS,
    SINGULAR_PERSONS,
    TRIGGER_WORDS,
)
from pipeline.enrich.common.ages import age_start
from pipeline.enrich.common.tokens import columns

SEPARATORS = {",", "and", "&"}
# Words a list item may open with: "her son", "then himself", "his two sons"
ITEM_OPENERS = {"then", "his", "her", "their", "a", "an", "the", "also", "of"}  # "murder of"
REFLEXIVES = {"himself", "herself", "self", "themselves"}
# Between a subject list and its trigger: "Mother, 2 children found dead"
SUBJECT_TO_TRIGGER = AUXILIARIES | {"found", "fatally", "critically", "seriously", "accidentally"}
# Where an object list ends: "kills woman, her son, himself in south Las Vegas"
LIST_ENDS = {
    *("in", "at", "on", "after", "before", "during", "near", "over", "with", "by", "for"),
    *("from", "inside", "outside", "while", "as", "following", "amid", "when"),
    *(":", "-", "—", "–", ";", "|", "(", "'s", "’s"),
    *("including", "among"),  # "18 people, including seven children": a part, not more
}
PLURAL_PERSONS = {word + "s" for word in SINGULAR_PERSONS} | {
    *("children", "women", "men", "people", "adults", "kids", "teens", "teenagers"),
}
MAX_ITEM_WORDS = 4
LIST_REACH = 30  # tokens: a headline's list is short, and a longer reach is quadratic
PEOPLE = SINGULAR_PERSONS | SINGULAR_PERPETRATORS | PLURAL_PERSONS


@dataclass(frozen=True, slots=True)
class HeadlineList:
    victims: int
    # "..., then himself": the attacker by his own hand; "Officer, suspect injured": the
    # attacker among those listed
    attackers: int
    start: int  # tokens, the list's first and one past its last
    end: int


def _item_people(doc: Doc, start: int, end: int, quantities: list[Quantity]) -> int | None:
    """How many people one item names: a count ("2 children"), an age ("10-year-old"), or a
    person noun ("toddler", "Teen Daughter"); None when it names no one."""
    cols = columns(doc)
    while start < end and cols.lowers[start] in ITEM_OPENERS:
        start += 1
    if start == end or sum(cols.texts[k] != "-" for k in range(start, end)) > MAX_ITEM_WORDS:
        return None
    if "of" in cols.lowers[start:end]:
        return None  # "seven people, one of them fatally": a part of the count before
    if any(
        cols.lowers[k] in TRIGGER_WORDS
        or (doc[k].tag_.startswith("VB") and doc[k].is_lower and cols.lowers[k] not in PEOPLE)
        for k in range(start, end)
    ):
        return None  # "kills man, grazes child": a clause of its own, not an item
    counts = [q for q in quantities if start <= q.start and q.end <= end]
    if counts:
        q = counts[0]
        last = cols.lowers[end - 1]
        if q.min is None or q.max != q.min or end - q.end > 2:
            return None
        if not (last in PLURAL_PERSONS or (q.group and end - q.end <= 1)):
            return None
        return q.min
    if any(
        not (doc[k].is_alpha or doc[k].like_num or cols.texts[k] == "-") for k in range(start, end)
    ):
        return None  # a number here is an age's ("10-year-old"): counts were read above
    last = cols.lowers[end - 1]
    if (
        last in SINGULAR_PERSONS
        or last in SINGULAR_PERPETRATORS
        or any(age_start(doc, k) is not None for k in range(start, end))
    ):
        return 1
    return None


def _items(
    doc: Doc, start: int, end: int, quantities: list[Quantity], *, leading: bool = False
) -> tuple[int, int, int, int] | None:
    """(victims, attackers, items, end) of the list from start to end, None if an item is no
    person; with `leading`, the items up to the first that is none ("kills clerk, customer,
    wounds guard")."""
    cols = columns(doc)
    bounds, k0 = [], start
    for k in range(start, end + 1):
        if k == end or cols.lowers[k] in SEPARATORS:
            if k > k0:
                bounds.append((k0, k))
            k0 = k + 1
    people, attackers, last = 0, 0, start
    for n, (a, b) in enumerate(bounds):
        words = [w for w in cols.lowers[a:b] if w not in ITEM_OPENERS]
        if len(words) == 1 and words[0] in REFLEXIVES and n > 0:
            attackers += 1
            last = b
            break  # "..., then himself" ends the list
        one = _item_people(doc, a, b, quantities)
        if one is None:
            if leading and n > 0:
                return people, attackers, n, last
            return None
        if words[-1] in SINGULAR_PERPETRATORS:
            attackers += one
        else:
            people += one
        last = b
    return people, attackers, len(bounds), last


def subject_list(
    doc: Doc, sent: Span, opening: int, trigger: int, quantities: list[Quantity]
) -> HeadlineList | None:
    """'Man, toddler killed', 'Two Adults, One Child Dead': the list from the headline's
    opening up to its trigger."""
    cols = columns(doc)
    end = trigger
    while end > opening and cols.lowers[end - 1] in SUBJECT_TO_TRIGGER:
        end -= 1
    if end - opening > LIST_REACH or "," not in cols.texts[opening:end]:
        return None
    found = _items(doc, opening, end, quantities)
    if found is None or found[2] < 2:
        return None
    return HeadlineList(found[0], found[1], opening, end)


def object_list(
    doc: Doc, sent: Span, trigger: int, quantities: list[Quantity]
) -> HeadlineList | None:
    """'kills woman, her son, himself', 'Shoots Girlfriend, Self Before Crashing': the people
    after an active trigger, up to a preposition, the headline's end, or an item that is no
    person ("kills clerk, customer, wounds guard")."""
    cols = columns(doc)
    if trigger + 1 < sent.end and cols.lowers[trigger + 1] in {"and", "or", "but"}:
        return None  # "A man was killed and his wife, son ... were wounded": a new clause
    end = trigger + 1
    stop = min(sent.end, trigger + 1 + LIST_REACH)
    while end < stop and cols.lowers[end] not in LIST_ENDS and not doc[end].is_punct:
        end += 1
        while end < stop and cols.texts[end] == ",":
            end += 1
    while end > trigger + 1 and cols.texts[end - 1] == ",":
        end -= 1
    found = _items(doc, trigger + 1, end, quantities, leading=True)
    if found is None or found[2] < 2:
        return None  # one bare noun ("shoots friend") is told by the rules of one victim
    return HeadlineList(found[0], found[1], trigger + 1, found[3])
