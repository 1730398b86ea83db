"""Quantity phrases in a sentence: '[qualifier] count [victim group]', vague amounts, ranges and
zeros ('no one'), with the token span they cover. Numbers that are ages, years, times or
counts of things ('21 buildings') are left out here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.enrich.casualties.words import (
    ANIMALS,
    DIALLING_AFTER,
    DIALLING_BEFORE,
    EMERGENCY_NUMBERS,
    GROUP_MODIFIERS,
    GROUPS,
    LINKS_OK,
    NON_CASUALTY_AFTER,
    NOT_COUNT_BEFORE,
    PARENT_NOUNS,
    QUALIFIERS,
    RANGE_JOINERS,
    SINGULAR_PERPETRATORS,
    SINGULAR_PERSONS,
    STREET_WORDS,
    TRIGGER_WORDS,
    VAGUE,
    ZERO_WORDS,
)
from pipeline.enrich.common.numbers import NUMBER_WORDS, parse_count
from pipeline.enrich.common.tokens import columns
from pipeline.enrich.dates.calendar import MONTHS, WEEKDAYS

MAX_GROUP_GAP = 3  # "three Ukrainian border guards": adjectives between count and noun


def _by_first_word(phrases) -> dict[str, list[tuple[str, int]]]:
    """first word → [(phrase, word count)], longest first: only these need comparing."""
    index: dict[str, list[tuple[str, int]]] = {}
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        index.setdefault(phrase.split()[0], []).append((phrase, len(phrase.split())))
    return index


_QUALIFIER_WORDS = _by_first_word(QUALIFIERS)
_VAGUE_WORDS = _by_first_word(VAGUE)


@dataclass(slots=True)
class Quantity:
    start: int  # token index in the doc
    end: int
    min: int | None
    max: int | None
    qualifier: str
    group: str | None
    zero: bool = False
    # "two motorcyclists": a noun not known as a person noun; only a casualty verb right after
    # it ("were killed") makes it a casualty count.
    unknown_noun: bool = False
    estimate: int | None = None  # vague amounts ("several", "dozens"): never a count


def lowers(doc: Doc) -> list[str]:
    return columns(doc).lowers


def _words(sent: Span, i: int, n: int) -> str:
    return " ".join(lowers(sent.doc)[i : min(i + n, sent.end)])


# Only these words (and numbers) can open a quantity phrase: a cheap test for every token.
_OPENERS = (
    {q.split()[0] for q in QUALIFIERS}
    | {v.split()[0] for v in VAGUE}
    | ZERO_WORDS
    | NUMBER_WORDS
    | {"between", "not", "a", "an", "both", "couple", "pair", "dozen", "half"}
)


def _count_at(sent: Span, i: int) -> tuple[int, int] | None:
    """A count starting at token i: (value, end index). Joins 'twenty - one', 'one hundred and five'."""
    doc = sent.doc
    cols = columns(doc)
    if i >= sent.end:
        return None
    first = cols.lowers[i]
    if first == "half" and cols.lowers[i + 1 : i + 3] in (["-", "dozen"], ["a", "dozen"]):
        return 6, i + 3  # "a half-dozen people", "half a dozen"
    value = parse_count(first)
    if value is None:
        return None
    if first not in NUMBER_WORDS:
        return value, i + 1
    end = i + 1
    best = (value, end)
    while end < sent.end and (cols.lowers[end] in NUMBER_WORDS or cols.texts[end] in {"-", "and"}):
        end += 1
        parsed = parse_count(" ".join(t.text for t in doc[i:end]).replace(" - ", "-"))
        # "killing three and wounding 16": a joiner counts only with a number after it
        if parsed is not None and cols.texts[end - 1] not in {"-", "and"}:
            best = (parsed, end)
    if best[1] < sent.end and cols.lowers[best[1]] == "dozen":
        return best[0] * 12, best[1] + 1  # "more than two dozen others"
    return best


def _qualifier_at(sent: Span, i: int) -> tuple[str, int]:
    for phrase, n in _QUALIFIER_WORDS.get(lowers(sent.doc)[i], ()):
        if _words(sent, i, n) == phrase:
            return QUALIFIERS[phrase], i + n
    return "exact", i


def _is_age_or_unit(sent: Span, end: int) -> bool:
    doc = sent.doc
    cols = columns(doc)
    nxt = cols.lowers[end] if end < sent.end else ""
    if nxt in NON_CASUALTY_AFTER or nxt in WEEKDAYS:
        return True  # "around 8 Sunday night": a time
    if _wounds_at(cols.lowers, end, sent.end):
        return True  # "several gunshot wounds to his upper body": wounds on one body
    # "a six-shot revolver": a count joined to "shot" describes a gun; "7-Eleven" is a store
    joined = {*NON_CASUALTY_AFTER, "shot", "round", "eleven"}
    return nxt == "-" and end + 1 < sent.end and cols.lowers[end + 1] in joined


_WOUND_KINDS = {"gunshot", "bullet", "stab", "knife", "puncture", "shotgun", "-"}


def _wounds_at(words: list[str], end: int, stop: int) -> bool:
    j = end
    while j < stop and words[j] in _WOUND_KINDS and j - end < 3:
        j += 1
    return j < stop and words[j] in {"wound", "wounds"}


def _group_after(sent: Span, i: int) -> tuple[str | None, int, bool | None]:
    """(group, end, blocked): blocked when a count of things follows ('21 buildings');
    None for an unknown plural noun, which the casualty linker decides on."""
    doc = sent.doc
    cols = columns(doc)
    # "Two NSCN (Khaplang) [National Socialist Council of Nagaland] cadres": what brackets hold
    # is stepped over and not counted in the gap
    bracketed = _bracketed(sent, i)
    # "4 TTP and LI militants", "21 suspected TTP and LeI militants": outfits' initials and the
    # "and" between them are names, not words of the gap
    initials = _initials(sent, i)
    reach = min(i + MAX_GROUP_GAP + 1 + len(bracketed) + len(initials), sent.end)
    for j in range(i, reach):
        if j in bracketed or j in initials:
            continue
        word = cols.lowers[j]
        if word in GROUPS:
            end = j + 1
            while end < sent.end and cols.lowers[end] in GROUPS:  # "police officers"
                end += 1
            if end < sent.end and cols.lowers[end] in ANIMALS:
                return None, i, True  # "two family dogs": the group word is a modifier
            return GROUPS[cols.lowers[end - 1]], end, False
        token = doc[j]
        if _inside_hyphenated_name(sent, j):
            continue  # "Lashkar-e-Toiba", "Jamaat-ul-Mujahideen"
        if word in {"them", "whom", "those"} and j > i and cols.lowers[j - 1] == "of":
            return "people", j + 1, False  # "killing four of them"
        if token.text[:1].isupper() and token.is_alpha:
            if word in TRIGGER_WORDS:
                break  # a headline in title case: "Four Wounded in Drive-By", "3 Shot, 1 Dead"
            if word.endswith("s") and j + 1 < sent.end and not cols.texts[j + 1][:1].isupper():
                return "people", j + 1, False  # "21 Palestinians were killed"
            continue  # "Ukrainian soldiers", "Afghan police"
        if word in GROUP_MODIFIERS:
            continue
        if token.tag_ in {"VBN", "VBG"} and token.dep_ == "amod" and word not in TRIGGER_WORDS:
            continue  # "four attempted holdups", "two speeding cars": the noun decides
        if token.is_alpha and word not in LINKS_OK and not token.tag_.startswith(("VB", "RB")):
            if word.endswith("s") and not token.tag_.startswith("NNP"):
                return "people", j + 1, None
            if not token.like_num and _person_noun_next(sent, j):
                continue  # "four defense volunteers", "two ex-army jawans": a modifier
            return None, i, True
        break
    return None, i, False


BRACKET_REACH = 12


def _initials(sent: Span, i: int) -> set[int]:
    """Outfits' initials in the few words after token i ("TTP", "LeI"), with an "and" or "&"
    joining two of them."""
    texts = columns(sent.doc).texts
    end = min(i + MAX_GROUP_GAP + 4, sent.end)

    def initial(k: int) -> bool:
        t = texts[k]
        return 2 <= len(t) <= 6 and t.isalpha() and t[0].isupper() and sum(map(str.isupper, t)) >= 2

    out = {k for k in range(i, end) if initial(k)}
    out |= {
        k
        for k in range(i + 1, end - 1)
        if texts[k] in {"and", "&"}
        and k - 1 in out
        and (k + 1 in out or texts[k + 1].lower() in GROUP_MODIFIERS)
    }
    return out


def _bracketed(sent: Span, i: int) -> set[int]:
    """Tokens inside brackets (brackets included) in the few words after token i."""
    texts = columns(sent.doc).texts
    out: set[int] = set()
    j, plain = i, 0
    while j < sent.end and plain <= MAX_GROUP_GAP:
        if texts[j] in {"(", "["}:
            close = ")" if texts[j] == "(" else "]"
            stop = min(j + BRACKET_REACH, sent.end)
            end = next((k for k in range(j + 1, stop) if texts[k] == close), None)
            if end is None:
                break
            out.update(range(j, end + 1))
            j = end + 1
            continue
        plain += 1
        j += 1
    return out


def _inside_hyphenated_name(sent: Span, j: int) -> bool:
    """The lower-case middle of a capitalised hyphenated name (not of '22-year-old')."""
    doc = sent.doc
    cols = columns(doc)
    return (
        j - 2 >= sent.start
        and j + 1 < sent.end
        and cols.texts[j - 1] == "-"
        and cols.texts[j + 1] == "-"
        and cols.texts[j - 2][:1].isupper()
    )


def _person_noun_next(sent: Span, j: int) -> bool:
    """A person noun within the next two words, over hyphens: the word at j modifies it (not
    an age: "a 22-month-old toddler" is one toddler)."""
    doc = sent.doc
    words = [t.lower_ for t in doc[j + 1 : min(j + 4, sent.end)] if t.text != "-"]
    return "old" not in words[:2] and any(w in GROUPS for w in words[:2])


def find_quantities(sent: Span) -> list[Quantity]:
    found: list[Quantity] = []
    words = lowers(sent.doc)
    i = sent.start
    while i < sent.end:
        word = words[i]
        aged = _counted_by_ages(sent, i) if word in GROUPS else None
        if aged is not None:
            found.append(aged)
            i = aged.end
            continue
        if word not in _OPENERS and not word[:1].isdigit():
            i += 1
            continue
        quantity = _quantity_at(sent, i)
        if quantity is None:
            i += 1
            continue
        found.append(quantity)
        i = quantity.end
    return found


MAX_AGE = 110


def _counted_by_ages(sent: Span, i: int) -> Quantity | None:
    """'shot his daughters, 6 and 9', 'the victims, 17, 19 and 22, were hurt', 'his sons, ages
    3 and 4': a plural person noun with a list of ages after it counts as many people as ages."""
    doc = sent.doc
    cols = columns(doc)
    word = cols.lowers[i]
    if word in SINGULAR_PERSONS or not (word.endswith("s") or word in {"men", "women", "people"}):
        return None
    if i + 1 >= sent.end or cols.texts[i + 1] != ",":
        return None
    ages = 0
    k = i + 2
    if k < sent.end and cols.lowers[k] in {"ages", "aged"}:
        k += 1  # "his sons, ages 3 and 4"
    first = k
    while (
        k < sent.end
        and doc[k].like_num
        and cols.texts[k].isdigit()
        and 0 < int(cols.texts[k]) < MAX_AGE
    ):
        ages += 1
        k += 1
        if (
            k < sent.end
            and cols.lowers[k] in {",", "and"}
            and k + 1 < sent.end
            and doc[k + 1].like_num
        ):
            k += 1
            continue
        break
    closed = k == sent.end or cols.texts[k] in {",", ")", ".", ";"}
    if ages < 2 or not closed or "and" not in cols.lowers[first:k]:
        return None
    return Quantity(i, k, ages, ages, "exact", GROUPS[word])


def _quantity_at(sent: Span, i: int) -> Quantity | None:
    doc = sent.doc
    cols = columns(doc)
    word = cols.lowers[i]
    if word in ZERO_WORDS or (word == "not" and _words(sent, i, 3) == "not a single"):
        end = i + (3 if word == "not" else 1)
        if word == "no" and end < sent.end and cols.lowers[end] == "one":
            end += 1
        group, end2, _ = _group_after(sent, end)
        return Quantity(i, end2 if group else end, 0, 0, "exact", group, zero=True)
    previous = doc[i - 1] if i > sent.start else None
    if previous is not None and (
        previous.text in {"$", "£", "€", "No.", "#"}
        or previous.lower_ in NOT_COUNT_BEFORE
        or previous.lower_.rstrip(".") in MONTHS  # "March 17", "on Jan. 5"
    ):
        return None
    if _apposed_age(sent, i) or _address(sent, i) or _age_list(sent, i) or _label(sent, i):
        return None
    if _age_told(sent, i):
        return None
    if _children_of(sent, i):
        return None
    qualifier, j = _qualifier_at(sent, i)
    if j < sent.end and cols.lowers[j] == "between":
        return _range(sent, i, j + 1, between=True)
    counted = _count_at(sent, j)
    if counted is None:
        return _vague(sent, i, j)
    value, end = counted
    if cols.texts[j] in EMERGENCY_NUMBERS and _dialled(sent, j):
        return None  # "called 911": the number dialled
    joined_to_name = (
        end + 1 < sent.end and cols.texts[end] == "-" and cols.texts[end + 1][:1].isupper()
    )
    if cols.texts[j].isdigit() and (joined_to_name or any(t.is_alpha for t in doc[j + 1 : end])):
        return None  # "a 7-Eleven": digits joined to a capitalised word are a name
    if cols.lowers[j] in {"a", "an"} and end == j + 1:
        return None  # a lone article is not a count here; implicit singulars are found elsewhere
    if end < sent.end and cols.texts[end] in RANGE_JOINERS and qualifier == "exact":
        ranged = _range(sent, i, j, between=False)
        if ranged is not None:
            return ranged
    if _is_age_or_unit(sent, end) or (
        1900 <= value <= 2100 and doc[j].like_num and "," not in cols.texts[j]
    ):
        return None
    group, group_end, blocked = _group_after(sent, end)
    if blocked:
        return None
    low, high, qualifier = _bounds(value, qualifier)
    return Quantity(
        i, group_end if group else end, low, high, qualifier, group, unknown_noun=blocked is None
    )


_COPULAS = {"was", "were", "is", "are"}
_LIST_WORDS = {"and", "to", "or", ",", "-", "–"}


def _age_told(sent: Span, i: int) -> bool:
    """'Those hurt were 28 and 31 years old', 'three who were 17': a number that the words
    after it, or 'who were' before it, make someone's age."""
    doc = sent.doc
    cols = columns(doc)
    if i - 2 >= sent.start and cols.lowers[i - 1] in _COPULAS and cols.lowers[i - 2] == "who":
        return not (i + 1 < sent.end and cols.lowers[i + 1] in GROUPS)
    j = i + 1
    while j < sent.end and (doc[j].like_num or cols.lowers[j] in _LIST_WORDS) and j - i < 6:
        j += 1
    if j + 1 >= sent.end or cols.lowers[j] not in {"year", "years"}:
        return False
    after = cols.lowers[j + 1 : j + 3]
    return after[:1] == ["old"] or after == ["-", "old"]


def _children_of(sent: Span, i: int) -> bool:
    doc = sent.doc
    cols = columns(doc)
    return i - 2 >= sent.start and cols.lowers[i - 1] == "of" and cols.lowers[i - 2] in PARENT_NOUNS


def _age_list(sent: Span, i: int) -> bool:
    """'ages 15 and 17', 'aged 8 to 15': every number of an age list is an age."""
    doc = sent.doc
    cols = columns(doc)
    j = i - 1
    while j >= sent.start and i - j <= 8:
        word = cols.lowers[j]
        if word in {"ages", "aged", "age"}:
            return True
        # "between the ages of 11 and 15", "range in age from 19 to 34"
        if not (doc[j].like_num or word in {"and", "to", ",", "-", "–", "through", "of", "from"}):
            return False
        j -= 1
    return False


# A US broadcaster's call letters ("WPXI", "KSDK-TV"), before its channel in a page's text.
_CALL_SIGN = re.compile(r"^[KW][A-Z]{2,3}(?:-TV)?$")
UNIT_NAMES = {
    *("Rifles", "Battalion", "Regiment", "Brigade", "Corps", "Division", "Squadron"),
    *("Infantry", "Artillery", "Company", "Precinct", "District"),
}


def _label(sent: Span, i: int) -> bool:
    """'Club 108', 'Route 66', 'Engine 5': a number right after a name is part of it."""
    doc = sent.doc
    cols = columns(doc)
    if i <= sent.start or not doc[i].like_num or not cols.texts[i][:1].isdigit():
        return False
    before = doc[i - 1]
    # "WPXI 11 News": a station's call letters and channel, even where a sentence starts
    after = doc[i + 1] if i + 1 < len(doc) else None
    if any(t.text in UNIT_NAMES for t in doc[i + 1 : min(i + 4, sent.end)]) and (
        after is not None and after.text.istitle()
    ):
        return True  # "12 Assam Rifles", "23 Punjab Regiment": a unit's number
    if _CALL_SIGN.match(before.text) and after is not None and after.text.istitle():
        return True
    return (
        before.is_alpha
        and before.text[:1].isupper()
        and i - 1 > sent.start
        and before.lower_ not in _OPENERS
        and before.lower_ not in GROUPS
        and before.lower_ not in WEEKDAYS
        # "in Kabul 21 people were killed", "on Monday 3 died": a place or a day, then a count
        and before.ent_type_ not in {"GPE", "LOC", "NORP", "DATE", "TIME"}
    )


def _address(sent: Span, i: int) -> bool:
    """'1400 Oak Lane', '300 N. Main St.', 'a shooting call at 4408 Suncrest': a number before
    a capitalised street name; '410-396-2221': a phone number."""
    doc = sent.doc
    cols = columns(doc)
    if i + 2 < sent.end and cols.texts[i + 1] == "-" and cols.texts[i + 2][:1].isdigit():
        return True
    if not doc[i].like_num or i + 1 >= sent.end or not cols.texts[i + 1][:1].isupper():
        return False
    # House numbers are digits: "Four Wounded in Drive-By" is a title-case headline.
    if cols.texts[i][:1].isdigit() and any(
        t.lower_ in STREET_WORDS for t in doc[i + 1 : min(i + 5, sent.end)]
    ):
        return True
    # "at 4408 Suncrest": a house number, which no count of people follows a place word with.
    return (
        i > sent.start
        and cols.lowers[i - 1] == "at"
        and cols.texts[i].isdigit()
        and len(cols.texts[i]) >= 3
        and cols.lowers[i + 1] not in GROUPS
    )


def _apposed_age(sent: Span, i: int) -> bool:
    """'John Smith, 21, was shot', 'the victim, 34, died', 'Prahlad Singh (40) was killed': a
    bare number set off by commas or brackets right after a name or a person is an age."""
    doc = sent.doc
    cols = columns(doc)
    if not (sent.start < i - 1 and i + 1 < sent.end):
        return False
    opener, closer = cols.texts[i - 1], cols.texts[i + 1]
    person_at = i - 2
    if (
        i - 4 > sent.start
        and cols.lowers[i - 3 : i] in (["believed", "to", "be"], ["thought", "to", "be"])
        and cols.texts[i - 4] == ","
    ):
        # "her boyfriend, believed to be 19, who lives there": an age, hedged
        opener, person_at = ",", i - 5
    if opener in {"and", ","} and doc[i - 2].like_num and _apposed_age(sent, i - 2):
        return True  # a later age of "daughters, 6 and 9", "three people, 21, 23 and 30"
    if opener == "both" and closer == "," and i - 2 > sent.start and cols.texts[i - 2] == ",":
        return True  # "The women, both 22, were taken to a hospital"
    # "kills daughters, 6 and 9": two ages
    listed = (
        closer == "and"
        and i + 2 < sent.end
        and doc[i + 2].like_num
        and (i + 3 == sent.end or cols.texts[i + 3] in {",", ";", ")", "."})
    )
    if not (
        (opener == "," and (closer in {",", ";", ")"} or listed))
        or (opener == "(" and closer == ")")
    ):
        return False
    before = doc[person_at]
    if opener == "(":  # "Militants (20) were killed" may be a count; a name's bracket is an age
        return before.tag_ == "NNP" or before.lower_ in SINGULAR_PERSONS
    return (
        before.tag_.startswith("NNP")
        or before.lower_ in GROUPS
        or before.lower_ in SINGULAR_PERSONS  # "his son, 3, shot himself"
        or before.lower_ in SINGULAR_PERPETRATORS
        or before.text[:1].isupper()
    )


def _bounds(value: int, qualifier: str) -> tuple[int | None, int | None, str]:
    # 'More than 20' keeps its own qualifier: the bound is 21, but coders of incident data
    # (ACLED, GTD) record the number the text states, which the bound alone would lose.
    if qualifier == "more_than":
        return value + 1, None, "more_than"
    if qualifier == "fewer_than":
        return None, max(value - 1, 0), "fewer_than"
    if qualifier == "at_least":
        return value, None, "at_least"
    if qualifier == "at_most":
        return None, value, "at_most"
    return value, value, qualifier


def _range(sent: Span, start: int, j: int, *, between: bool) -> Quantity | None:
    doc = sent.doc
    first = _count_at(sent, j)
    if first is None or first[1] >= sent.end or doc[first[1]].text not in RANGE_JOINERS:
        return None
    if between and doc[first[1]].lower_ != "and":
        return None
    second = _count_at(sent, first[1] + 1)
    if second is None or second[0] < first[0]:
        return None
    if _is_age_or_unit(sent, second[1]):
        return None
    group, group_end, blocked = _group_after(sent, second[1])
    if blocked:
        return None
    return Quantity(
        start,
        group_end if group else second[1],
        first[0],
        second[0],
        "range",
        group,
        unknown_noun=blocked is None,
    )


def _vague(sent: Span, start: int, j: int) -> Quantity | None:
    doc = sent.doc
    cols = columns(doc)
    if j >= sent.end:
        return None
    for phrase, n in _VAGUE_WORDS.get(lowers(doc)[j], ()):
        if _words(sent, j, n) != phrase:
            continue
        end = j + n
        if _is_age_or_unit(sent, end):
            return None  # "shot several times"
        if end < sent.end and cols.lowers[end] == "of":
            end += 1
        estimate = VAGUE[phrase]
        group, group_end, blocked = _group_after(sent, end)
        if blocked is not False and phrase in {"some", "more", "other", "others", "few", "many"}:
            return None  # "some buildings", "many homes"
        if phrase in {"more", "other"} and group is None:
            return None
        return Quantity(
            start,
            group_end if group else end,
            None,
            None,
            "unspecified",
            group,
            estimate=estimate,
        )
    return None


def _dialled(sent: Span, i: int) -> bool:
    """An emergency number told as the number dialled: "called 911", "a 999 call", "told
    911 dispatchers"; at a sentence's end too ("they called 112")."""
    lowers = columns(sent.doc).lowers
    before = lowers[i - 1] if i > sent.start else ""
    after = lowers[i + 1] if i + 1 < sent.end else "."
    return before in DIALLING_BEFORE or after in DIALLING_AFTER
