"""Where an outlet is, from its web address: local papers and stations carry their town or
state in their host name ("chicagotribune.com", "dhakatribune.com", "tennessean.com" aside).
The place is only context for the article's own place names (of two Franklins, the one in the
outlet's state); it never becomes a place of the story."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from pipeline.enrich.places.gazetteer import Gazetteer, Place

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
