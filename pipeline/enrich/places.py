"""Place mentions geocoded against the offline gazetteer.

Mentions come from spaCy's GPE/LOC/FAC entities and from gazetteer names found in the text
(the small model tags some towns as ORG or PERSON). A name found only by the gazetteer must be
a proper noun standing where places stand ("in Belgorod", "the city of X", "X, Texas"), or a
country or state, or be a name accepted elsewhere in the same article. Each name is resolved
once per article: the reading whose country the article names, else the most populous."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.enrich.gazetteer import Gazetteer, Place, get_gazetteer
from pipeline.enrich.tokens import Columns, columns

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entities that are certainly not places even when the gazetteer knows the word ("March", "Of").
NOT_PLACE_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
PLACE_PREPOSITIONS = {
    "in",
    "at",
    "near",
    "outside",
    "from",
    "into",
    "across",
    "toward",
    "towards",
    "around",
    "to",
    "through",
    "between",
}
PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "capital",
    "outskirts",
    "suburbs",
    "suburb",
    "streets",
    "state",
    "county",
    "port",
    "area",
}
# Verbs whose object is so often a place that they cue one: "shelling hit Kharkiv".
PLACE_VERBS = {
    "hit",
    "struck",
    "strikes",
    "attacked",
    "shelled",
    "bombed",
    "targeted",
    "rocked",
    "entered",
    "captured",
    "seized",
    "stormed",
    "visited",
    "besieged",
    "raided",
    "evacuated",
    "fled",
    "left",
    "reached",
    "toured",
    "pounded",
    "liberated",
}
BIG_CITY = 250_000  # big enough to be named without a cue, unless the NER calls it a person
ALL_CAPS_OK = 4  # "US", "UK", "UAE", "DRC": short all-caps names are country codes, not shouting


@dataclass(slots=True)
class Mention:
    start: int  # token index
    end: int
    surface: str
    by_ner: bool


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    mentions: list[Mention] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            span = _strip_article(ent)
            if span is not None and span.text in gazetteer:
                mentions.append(Mention(span.start, span.end, span.text, True))
                taken.update(range(span.start, span.end))
    blocked = {
        i
        for ent in doc.ents
        if ent.label_ in NOT_PLACE_LABELS or _long_person(ent)
        for i in range(ent.start, ent.end)
    }
    cols = columns(doc)
    excluded = taken | blocked
    i = 0
    while i < len(doc):
        if i in excluded or not cols.texts[i][:1].isupper():
            i += 1
            continue
        match = _longest_name(doc, cols, i, gazetteer, excluded)
        if match is None:
            i += 1
            continue
        mentions.append(Mention(i, match, cols.text(i, match), False))
        i = match
    mentions.sort(key=lambda m: m.start)
    return mentions


def _strip_article(span: Span) -> Span | None:
    if span[0].lower_ == "the":
        span = span[1:]
    return span if len(span) else None


def _long_person(ent: Span) -> bool:
    # "Michael Jackson" is a person; a lone "Jackson" may still be the city.
    return ent.label_ in {"PERSON", "ORG"} and len(ent) > 1


def _longest_name(
    doc: Doc, cols: Columns, i: int, gazetteer: Gazetteer, excluded: set[int]
) -> int | None:
    best = None
    end = i
    while end < len(doc) and end - i < gazetteer.max_words and end not in excluded:
        end += 1
        if cols.text(i, end) in gazetteer:
            best = end
    return best


def _plausible(doc: Doc, mention: Mention, places: list[Place], after_place: bool) -> bool:
    if mention.by_ner or after_place:
        return True
    first = doc[mention.start]
    if mention.surface.isupper() and len(mention.surface) > ALL_CAPS_OK:
        return False
    if first.tag_ and not first.tag_.startswith("NNP"):
        return False  # tagged: must be a proper noun ("Split" the verb, "Most" the adjective)
    if _place_context(doc, mention):
        return True
    named_person = first.ent_type_ == "PERSON"
    if any(p.feature != "city" for p in places):
        return not named_person
    return not named_person and max(p.population for p in places) >= BIG_CITY


def _place_context(doc: Doc, mention: Mention) -> bool:
    before = doc[mention.start - 1].lower_ if mention.start > 0 else ""
    two_before = doc[mention.start - 2].lower_ if mention.start > 1 else ""
    if before in PLACE_PREPOSITIONS or before in PLACE_VERBS:
        return True
    if before == "of" and two_before in PLACE_NOUNS:
        return True
    # "Belgorod, Russia" / "Paris, Texas"
    return (
        mention.end + 1 < len(doc)
        and doc[mention.end].text == ","
        and doc[mention.end + 1].text[:1].isupper()
        and doc[mention.end + 1].is_alpha
    )


def _qualifier(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> set[str]:
    """Country codes named right after the mention: 'Paris, Texas' → {'US'}."""
    if mention.end + 1 >= len(doc) or doc[mention.end].text != ",":
        return set()
    for width in (3, 2, 1):
        name = doc[mention.end + 1 : mention.end + 1 + width].text
        places = [p for p in gazetteer.candidates(name) if p.feature != "city"]
        if places:
            return {p.country_code for p in places} | {f"admin:{p.name}" for p in places}
    return set()


def _score(place: Place, context: Counter, qualifier: set[str]) -> float:
    score = math.log10(place.population + 10)
    if place.feature == "country":
        score += 2
    if qualifier:
        hit = place.country_code in qualifier or f"admin:{place.name}" in qualifier
        score += 100 if hit else -100
    score += 10 * min(context.get(place.country_code, 0), 3)
    return score


def extract_places(doc: Doc, gazetteer: Gazetteer | None = None) -> list[dict]:
    gazetteer = gazetteer or get_gazetteer()
    mentions = find_mentions(doc, gazetteer)
    accepted_surfaces: set[str] = set()
    accepted_ends: set[int] = set()
    for m in mentions:
        # "Kharkiv and Kiev", "Gaza, Rafah": a name listed right after a place is a place.
        listed = (
            m.start >= 2
            and doc[m.start - 1].lower_ in {"and", "or", ","}
            and (m.start - 1) in accepted_ends
        )
        if _plausible(doc, m, gazetteer.candidates(m.surface), listed):
            accepted_surfaces.add(m.surface)
            accepted_ends.add(m.end)
    kept = [m for m in mentions if m.surface in accepted_surfaces]
    countries: Counter = Counter()
    for m in kept:
        for place in gazetteer.candidates(m.surface):
            if place.feature != "city":
                countries[place.country_code] += 1
                break
    resolved: dict[int, dict] = {}
    choice: dict[str, Place] = {}
    for m in kept:
        qualifier = _qualifier(doc, m, gazetteer)
        key = m.surface if not qualifier else f"{m.surface}|{sorted(qualifier)}"
        if key not in choice:
            candidates = gazetteer.candidates(m.surface)
            choice[key] = max(candidates, key=lambda p: _score(p, countries, qualifier))
        place = choice[key]
        span = doc[m.start : m.end]
        entry = resolved.setdefault(
            place.geonameid or id(place),
            {
                "name": place.name,
                "country_code": place.country_code,
                "lat": place.lat,
                "lon": place.lon,
                "geonameid": place.geonameid,
                "feature": place.feature,
                "mentions": [],
            },
        )
        entry["mentions"].append([span.start_char, span.end_char])
    return list(resolved.values())
