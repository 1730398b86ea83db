"""Where an outlet is, from its web address: local papers and stations carry their town or
state in their host name ("chicagotribune.com", "dhakatribune.com", "tennessean.com" aside),
and many carry it in their name too ("Bangkok Post", "The New Nation (Bangladesh)"). The place
is context for the article's own place names (of two Franklins, the one in the outlet's state)
and, when the article names no place of its own, its country is the incident's country; it never
becomes the town or region of the story."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from pipeline.enrich.places.gazetteer import GENERIC_REGION_WORDS, Gazetteer, Place
from pipeline.enrich.places.words import BIG_CITY, COMMON_WORDS

# Shorter names are inside too many unrelated words ("Lima" in "climate").
MIN_NAME_LETTERS = 5
OUTLET_CITY_MIN = 100_000
# An archived copy's address holds the original one after the archive's own prefix.
_ARCHIVED = re.compile(r"^/web/\d+[a-z_]*/(?P<url>.+)$")


def outlet_place(url: str | None, gazetteer: Gazetteer) -> Place | None:
    """The one country, first-level region or city of OUTLET_CITY_MIN+ that the outlet's host
    name spells (the longest such name), or None when none or several places share it."""
    label = outlet_label(url)
    if len(label) < MIN_NAME_LETTERS:
        return None
    index = _index(gazetteer)
    found = [
        label[i:j]
        for i in range(len(label))
        for j in range(i + MIN_NAME_LETTERS, len(label) + 1)
        if label[i:j] in index
    ]
    if not found:
        return None
    places = index[max(found, key=len)]
    return places[0] if len(places) == 1 else None


def outlet_label(url: str | None) -> str:
    """'http://www.chicagotribune.com/news/...' → 'chicagotribune'."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
        archived = _ARCHIVED.match(parts.path) if parts.hostname == "web.archive.org" else None
        if archived:
            original = archived.group("url")
            parts = urlsplit(original if "://" in original else f"http://{original}")
        labels = (parts.hostname or "").split(".")
    except ValueError:
        return ""
    return re.sub(r"[^a-z]", "", labels[-2]) if len(labels) >= 2 else ""


@lru_cache(maxsize=4)
def _index(gazetteer: Gazetteer) -> dict[str, list[Place]]:
    """Letters-only lower-case name → the distinct places (by region) it names."""
    index: dict[str, dict[tuple, Place]] = {}
    for place in gazetteer.named_places():
        if place.feature == "city" and place.population < OUTLET_CITY_MIN:
            continue
        if place.feature == "admin2":
            continue
        key = re.sub(r"[^a-z]", "", place.name.lower())
        if len(key) >= MIN_NAME_LETTERS:
            index.setdefault(key, {})[(place.country_code, place.admin1)] = place
    return {key: list(places.values()) for key, places in index.items()}


def outlet_country(
    source: str | None, from_address: Place | None, gazetteer: Gazetteer
) -> Place | None:
    """The country of the outlet: the one country that the places spelled in its name give
    (a country, a first-level region or a city of BIG_CITY+: "Bangkok Post", "Kashmir
    Observer", "Democratic Voice of Burma"), else that of `from_address`, the place its web
    address spells (outlet_place, found once per article by the enricher)."""
    countries = {
        p.country_code
        for name in _name_phrases(source or "")
        for p in gazetteer.candidates(name)
        if p.feature in {"country", "admin1"} or (p.feature == "city" and p.population >= BIG_CITY)
    }
    if len(countries) == 1:
        return gazetteer.countries.get(countries.pop())
    if countries:
        return None  # "Pakistan Observer of India": no single answer
    return gazetteer.countries.get(from_address.country_code) if from_address else None


def _name_phrases(name: str) -> list[str]:
    """Runs of one to three adjacent capitalised words of an outlet's name, common words
    left out: "Times of India" gives "Times" and "India", not "Times India"."""
    words = re.findall(r"[\w'-]+", name)
    phrases = []
    for i in range(len(words)):
        for j in range(i + 1, min(i + 3, len(words)) + 1):
            if not words[j - 1][:1].isupper():
                break
            phrase = " ".join(words[i:j])
            if phrase not in COMMON_WORDS and phrase not in GENERIC_REGION_WORDS:
                phrases.append(phrase)
    return phrases
