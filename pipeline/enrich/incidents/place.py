"""Which place an incident is filed under: the most specific place its own sentences name,
settled against the article's other places (the region and the country the article names
most), else the article's fallbacks (dateline, first town, country clue, outlet's town or
region)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.enrich.places.found import FoundPlace
from pipeline.enrich.places.gazetteer import (
    BOROUGH_BY_COUNTY,
    NEIGHBOURHOOD_KM,
    NEW_YORK_CITY,
    distance_km,
)

if TYPE_CHECKING:
    from pipeline.enrich.incidents.assemble import Event

FEATURE_RANK = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}


def _most_specific(places: list[FoundPlace]) -> FoundPlace | None:
    """The article's most specific place otherwise (a district, a region, a country)."""
    if not places:
        return None
    return min(places, key=lambda p: (FEATURE_RANK.get(p.feature, 3), p.mentions[0][0]))


def incident_place(
    event: Event,
    article_places: list[FoundPlace],
    country: FoundPlace | None = None,
    home: FoundPlace | None = None,
    told_from: str | None = None,
) -> dict | None:
    """The most specific place the event's sentences name; a region or country gives way to a
    town of the article inside it (the dateline's first). With none named in the event: the
    dateline's place, else the town the article names first, else its most specific place, else
    the country the article is told from (places.resolve.country_clue). When that leaves no
    town, the outlet's own town or region (`home`) in that country or region: a local
    station's story that names no town is most often about its own town. `told_from`: the
    outlet's country, which takes a tie between countries the story names as often."""
    chosen = _named_place(event, article_places, country)
    if chosen is not None:
        # Local news stays in one country and one region: a place of a country or region the
        # article names less than another gives way to the other's town (see _in_the_majority).
        chosen = _in_the_majority(
            chosen,
            article_places,
            lambda p: p.country_code,
            preferred=told_from,
        )
        own = chosen.country_code
        chosen = _in_the_majority(
            chosen, article_places, lambda p: p.region if p.country_code == own else None
        )
    if chosen is not None:
        chosen = _policed_from_afar(chosen, article_places) or chosen
    if chosen is not None and chosen.part_of is not None:
        # "East Flatbush, Brooklyn": a town the story names around the neighbourhood is where
        # it files it, before the biggest city nearby (places.gazetteer.part_of)
        chosen = _named_town_around(chosen, article_places) or chosen
    if chosen is not None and _is_new_york_city(chosen):
        chosen = _the_borough_named(article_places) or chosen
    if home is not None and (
        chosen is None
        or (chosen.feature == "country" and chosen.country_code == home.country_code)
        or (chosen.feature == "admin1" and home.feature == "city" and _within(home, chosen))
        or (chosen.feature == "admin2" and home.feature == "city" and _in_county(home, chosen))
    ):
        chosen = home
    return chosen.as_incident_place() if chosen is not None else None


# How many more mentions another country or region needs to take the incident (one: any
# majority; two scored 0.879 against 0.884 for gva-incidents-dev's state and 0.823 against
# 0.826 for acled-dev's country, tune parts).
MAJORITY_MARGIN = 1


def _in_the_majority(
    chosen: FoundPlace,
    article_places: list[FoundPlace],
    key: Callable[[FoundPlace], str | None],
    *,
    preferred: str | None = None,
) -> FoundPlace:
    """`chosen` unless the article names another country or region (`key`) more: then that
    one's town the article names first (its dateline's first), else its most specific place.
    This fixes a common word read as a town abroad ("Congress", "Hill" in a note of Indian
    towns), a country named in passing, and a town read in a region the story barely names
    ("Lawndale", whose only gazetteer entry is California's, in a story of Chicago's West
    Side)."""
    mentions: Counter = Counter()
    for place in article_places:
        if (name := key(place)) is not None:
            mentions[name] += place.located
    own = key(chosen)
    if own is None or not mentions:
        return chosen
    top, most = mentions.most_common(1)[0]
    if preferred is not None and preferred != own and 0 < mentions[preferred] == mentions[own]:
        # A tie goes to the country the story is told from (its outlet's, or the clue's):
        # "Lakeside" and "Pokhara" in a Nepali paper's note are both Nepal's.
        top, most = preferred, mentions[preferred] + MAJORITY_MARGIN
    if mentions[own] + MAJORITY_MARGIN > most:
        return chosen
    inside = [p for p in article_places if key(p) == top]
    towns = sorted(
        (p for p in inside if p.feature in {"city", "admin2"}),
        key=lambda p: (not p.dateline, FEATURE_RANK.get(p.feature, 3), p.mentions[0][0]),
    )
    return towns[0] if towns else _most_specific(inside) or chosen


def _named_place(
    event: Event, article_places: list[FoundPlace], country: FoundPlace | None
) -> FoundPlace | None:
    accused_spans = [(a.start, a.end) for s in event.sentences for a in s.accused]
    candidates = [
        (place, mention)
        for s in event.sentences
        for place, mention in s.places
        if not any(a0 <= mention[0] < a1 for a0, a1 in accused_spans)
    ] or list(event.lead_places)
    towns = sorted(
        (p for p in article_places if p.feature == "city"),
        key=lambda p: (not p.dateline, p.mentions[0][0]),
    )
    if not candidates:
        dateline = next((p for p in article_places if p.dateline), None)
        fallback = dateline or (towns[0] if towns else None) or _most_specific(article_places)
        return fallback or country
    filed_from = _dateline_of_a_nearby_town(candidates)
    place, _ = min(
        candidates,
        key=lambda c: (
            FEATURE_RANK.get(c[0].feature, 3),
            c[0] is filed_from and c[1] == c[0].mentions[0],
            c[1][0],
        ),
    )
    if place.feature != "city":
        inside = next((t for t in towns if _within(t, place)), None)
        place = inside or place
    return place


# How far from the dateline's town another town the lead names may lie to be taken for the
# incident's (Kent from Seattle: 25 km); a farther one is most often where an arrest or a
# victim's home was.
DATELINE_AREA_KM = 60


def _dateline_of_a_nearby_town(
    candidates: list[tuple[FoundPlace, list[int]]],
) -> FoundPlace | None:
    """The dateline's town when the same sentence names another town near it ("SEATTLE — A
    drive-by shooting that killed a baby girl in Kent"): the dateline says where the story was
    filed, the town where it happened."""
    dateline = next(
        (p for p, m in candidates if p.dateline and p.feature == "city" and m == p.mentions[0]),
        None,
    )
    if dateline is None:
        return None
    near = any(
        p is not dateline
        and p.feature == "city"
        and p.region == dateline.region
        and distance_km(p.lat, p.lon, dateline.lat, dateline.lon) < DATELINE_AREA_KM
        for p, _ in candidates
    )
    return dateline if near else None


# How far a city whose police the story quotes must lie from the incident's town for that town
# to be taken for a part of the city the gazetteer lacks, and how big the city must be: a
# neighbouring town's force often helps, and a small town's name is often a street's or a
# county's ("DeKalb").
POLICED_FROM_KM = 200
POLICING_CITY_MIN = 50_000


def _policed_from_afar(chosen: FoundPlace, article_places: list[FoundPlace]) -> FoundPlace | None:
    """'a shooting in Madisonville … Cincinnati police said': when every city whose police the
    story names lies far from the chosen town, the town is a neighbourhood of one of them that
    shares its name with a town elsewhere (Madisonville, Kentucky): the incident is that city's.
    None when no such city."""
    if chosen.feature != "city" or chosen.agencies:
        return None
    policing = [p for p in article_places if p.agencies and p.feature == "city"]
    if _region_named(chosen, article_places):
        # "Karachi, Sindh": the story placed the town itself; only a city of its own region
        # may still take it
        policing = [
            p
            for p in policing
            if (p.country_code, p.region) == (chosen.country_code, chosen.region)
        ]
    if not policing or any(
        distance_km(p.lat, p.lon, chosen.lat, chosen.lon) < POLICED_FROM_KM for p in policing
    ):
        return None
    big = [p for p in policing if p.population >= POLICING_CITY_MIN]
    return max(big, key=lambda p: len(p.agencies), default=None)


def _region_named(town: FoundPlace, article_places: list[FoundPlace]) -> bool:
    """The story names the town's region or country on its own ("Karachi, Sindh")."""
    return any(
        p.country_code == town.country_code
        and (p.feature == "country" or (p.feature == "admin1" and p.name == town.region))
        for p in article_places
    )


def _named_town_around(part: FoundPlace, article_places: list[FoundPlace]) -> FoundPlace | None:
    towns = [
        p
        for p in article_places
        if p.feature == "city"
        and p.part_of is None
        and p is not part
        and _admin1_name(p) == _admin1_name(part)
        and None not in (p.lat, p.lon, part.lat, part.lon)
        and distance_km(p.lat, p.lon, part.lat, part.lon) < NEIGHBOURHOOD_KM
    ]
    # the nearest: "Brooklyn" before "New York City" when the story names both
    town = min(towns, key=lambda p: distance_km(p.lat, p.lon, part.lat, part.lon), default=None)
    # a part of New York City is filed under its borough, not the city the story also names
    return None if town is not None and _is_new_york_city(town) else town


def _is_new_york_city(place: FoundPlace) -> bool:
    return place.name == NEW_YORK_CITY and place.region == "New York"


def _the_borough_named(article_places: list[FoundPlace]) -> FoundPlace | None:
    """'NEW YORK (AP) — … a public housing building in the Bronx': New York City is filed under
    the one borough the story names, itself or by a place of it; None when it names several."""
    named: dict[str, FoundPlace] = {}
    for place in article_places:
        if place.county in BOROUGH_BY_COUNTY and BOROUGH_BY_COUNTY[place.county] == place.name:
            named.setdefault(place.name, place)
        elif place.part_of is not None and place.part_of.name in BOROUGH_BY_COUNTY.values():
            named.setdefault(place.part_of.name, place)
    return next(iter(named.values())) if len(named) == 1 else None


def _in_county(town: FoundPlace, county: FoundPlace) -> bool:
    """A US town lies in the county ("a shooting in Warren County" told by the county seat's
    paper)."""
    return (
        town.county is not None
        and town.county == county.name
        and _admin1_name(town) == _admin1_name(county)
    )


def _within(town: FoundPlace, region: FoundPlace) -> bool:
    if town.country_code != region.country_code:
        return False
    if region.feature == "country":
        return True
    return _admin1_name(town) == _admin1_name(region)


def _admin1_name(place: FoundPlace) -> str | None:
    return place.admin1.name if place.admin1 is not None else None
