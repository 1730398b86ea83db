"""A big city named for its metropolitan area ("in suburban Phoenix", "Houston-area homes",
"Atlanta's northeastern suburbs", "metro Detroit"): when the story also names a town of that
area, the town is where it happened, and the city only says where the town lies."""

from __future__ import annotations

import re

from pipeline.enrich.places.found import FoundPlace
from pipeline.enrich.places.gazetteer import PARENT_CITY_MIN, distance_km

_METRO_BEFORE = re.compile(r"\b(?:suburban|metro|metropolitan|greater)\s+$", re.IGNORECASE)
_METRO_AFTER = re.compile(
    r"^(?:['’]s\s+(?:[a-z]+\s+){0,2}suburbs\b|-area\b|\s+(?:metro(?:politan)?\s+)?area\b"
    r"|\s+suburbs\b)",
    re.IGNORECASE,
)
METRO_REACH = 32
# How far from the city's point a town of its area may lie (Acworth is 50 km from Atlanta's).
METRO_KM = 80


def without_metro_areas(places: list[FoundPlace], text: str) -> list[FoundPlace]:
    """`places` but the cities every mention of which names a metropolitan area that holds
    another town the story names. A small town's "area" is the town's own ("in the Tolleson
    area"), so only cities of 100,000+ (places.gazetteer.PARENT_CITY_MIN) count."""
    metros = [
        p
        for p in places
        if p.feature == "city"
        and p.population >= PARENT_CITY_MIN
        and p.mentions
        and all(_names_an_area(text, mention) for mention in p.mentions)
    ]
    areas = {
        id(metro)
        for metro in metros
        if any(_lies_around(town, metro) for town in places if town is not metro)
    }
    return [p for p in places if id(p) not in areas]


def _names_an_area(text: str, mention: list[int]) -> bool:
    before = text[max(0, mention[0] - METRO_REACH) : mention[0]]
    after = text[mention[1] : mention[1] + METRO_REACH]
    return bool(_METRO_BEFORE.search(before) or _METRO_AFTER.match(after))


def _lies_around(town: FoundPlace, metro: FoundPlace) -> bool:
    return (
        town.feature == "city"
        and town.located > 0
        and town.country_code == metro.country_code
        and town.region == metro.region
        and distance_km(town.lat, town.lon, metro.lat, metro.lon) < METRO_KM
    )
