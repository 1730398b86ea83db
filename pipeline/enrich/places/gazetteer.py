"""An offline gazetteer: countries, first-level regions of every country, US counties and towns
of 1,000+ people (GeoNames, see geodata.py).

GeoNames as packaged has no coordinates for countries and regions, so theirs are the
population-weighted centroid of their towns (marked `approx`): a fair point for a map pin,
not a boundary centroid."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.enrich.places.geodata import fold, load_tables
from pipeline.enrich.places.words import (
    CITY_ALIASES,
    COUNTRY_ALIASES,
    REGION_SUFFIXES,
    US_STATE_ABBREVIATIONS,
)

_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z.'\- ]{2,40}$")
# What is left of "North Province" or "Central Region" without its last word is no name.
GENERIC_REGION_WORDS = {
    f"{a}{b}"
    for a in ("", "North", "South", "Far ", "Upper ", "Lower ")
    for b in ("", "North", "South", "East", "West", "ern", "east", "west", "Central", "Coast")
} | {
    "Capital",
    "Central",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Lakes",
    "Coast",
    "Islands",
}
FEATURE_PRIORITY = {"country": 0, "admin1": 1, "admin2": 2, "city": 3}
# GeoNames lists big-city neighbourhoods as towns of their own ("Rogers Park", "Logan Square"),
# and the US places it gives no county are mostly such neighbourhoods. One lies in the biggest
# city of 100,000+ within this many kilometres, at least twice its size, in its state.
NEIGHBOURHOOD_KM = 25
PARENT_CITY_MIN = 100_000
# New York City files its places by borough, as its police, its postal addresses and the
# casualty databases do ("Coney Island" is Brooklyn's); GeoNames gives a borough's places the
# borough's county, and the places it gives no county are put in the borough whose centre is
# nearest (an approximation: Astoria, Queens, lies nearer Manhattan's centre).
NEW_YORK_CITY = "New York City"
BOROUGH_BY_COUNTY = {
    "Kings County": "Brooklyn",
    "Queens County": "Queens",
    "Bronx": "The Bronx",
    "Richmond County": "Staten Island",
    "New York County": "Manhattan",
}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country_code: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    feature: str  # country | admin1 | admin2 (US county) | city
    admin1: str | None = None  # the first-level region's name ("Illinois", "Punjab")
    admin1_code: str | None = None  # its ISO 3166-2 code, when pycountry has one
    admin2: str | None = None
    approx: bool = False  # regions and countries: the centroid of their towns

    @property
    def key(self) -> int:
        return (
            self.geonameid
            if self.geonameid is not None
            else hash((self.name, self.country_code, self.feature, self.admin1))
        )


class Gazetteer:
    """Case-sensitive name → candidate places, and a few lookups the extractors need. Towns of
    1,000+ people worldwide, first-level regions of every country, US counties, countries."""

    def __init__(self) -> None:
        self._by_name: dict[str, list[Place]] = defaultdict(list)
        self.countries: dict[str, Place] = {}
        self.us_states: dict[str, Place] = {}
        # Names that say which region a town is in but are no place alone ("Ill.", "IL").
        self.qualifiers_only: dict[str, Place] = {}
        self._big_us_cities: dict[str | None, list[Place]] | None = None
        self._boroughs: dict[str, Place] | None = None
        primary: set[str] = set()
        rows, alternates = load_tables()
        for row in rows:
            name, cc, lat, lon, gid, population, feature, admin1, code, admin2 = row
            place = Place(
                name,
                cc,
                lat,
                lon,
                gid,
                population,
                feature,
                admin1,
                code,
                admin2,
                approx=feature != "city",
            )
            names = {name, fold(name)}
            if feature == "country":
                self.countries[cc] = place
                names.update(COUNTRY_ALIASES.get(cc, ()))
            elif feature == "admin1":
                names.update(
                    name[: -len(s)]
                    for s in REGION_SUFFIXES
                    if name.endswith(s) and name[: -len(s)] not in GENERIC_REGION_WORDS
                )
                if cc == "US" and code:
                    self.us_states[code[3:]] = place
            elif feature == "city":
                names.update(CITY_ALIASES.get(name, ()))
                # Text cleaners that expand every "St." write "Street Louis"; no town is called
                # "Street <name>", so the expanded form can only mean the saint's town.
                saint, _, rest = name.partition(" ")
                if saint in {"St.", "Saint"} and rest:
                    names.add(f"Street {rest}")
                primary.add(name)
            for alias in names:
                if alias:
                    self._by_name[alias].append(place)
        for abbreviation, code in US_STATE_ABBREVIATIONS.items():
            if code in self.us_states:
                self.qualifiers_only[abbreviation] = self.us_states[code]
        for code, place in self.us_states.items():
            self.qualifiers_only.setdefault(code, place)
        # Alternate spellings help with transliterations, but GeoNames' lists hold codes and
        # other towns' names too: only Latin, capitalised, not already another place's own name.
        self._add_alternates(primary, alternates)
        for candidates in self._by_name.values():
            candidates.sort(key=lambda p: (FEATURE_PRIORITY[p.feature], -p.population))
        self.max_words = max(len(name.split()) for name in self._by_name)

    def _add_alternates(self, primary: set[str], alternates: dict[int, list[str]]) -> None:
        by_id = {
            p.geonameid: p
            for places in self._by_name.values()
            for p in places
            if p.feature == "city"
        }
        for gid, names in alternates.items():
            place = by_id.get(gid)
            if place is None:
                continue
            for alt in names:
                if (
                    alt in primary
                    or alt == place.name
                    or not _LATIN_NAME.match(alt)
                    or alt.isupper()
                    or alt.lower() in STOP_WORDS  # "More" for Mora, "As" for Aš
                    or _saint_spelled(alt) in primary
                ):
                    continue
                if place not in self._by_name[alt]:
                    self._by_name[alt].append(place)

    def named_places(self) -> list[Place]:
        """Every place once, under its own name (no aliases or alternate spellings)."""
        return [p for name, places in self._by_name.items() for p in places if p.name == name]

    def candidates(self, name: str) -> list[Place]:
        return self._by_name.get(name, [])

    def part_of(self, place: Place) -> Place | None:
        """The US city a neighbourhood listed as a town lies in ("Rogers Park" → Chicago); in
        New York City, its borough ("Coney Island" → Brooklyn)."""
        if place.country_code != "US" or place.feature != "city":
            return None
        if place.admin1 == "New York" and place.admin2 in BOROUGH_BY_COUNTY:
            borough = self.boroughs().get(BOROUGH_BY_COUNTY[place.admin2])
            return None if borough is None or borough.key == place.key else borough
        city = self._parent_city(place)
        if city is not None and city.name == NEW_YORK_CITY and city.admin1 == "New York":
            return self._nearest_borough(place) or city
        return city

    def boroughs(self) -> dict[str, Place]:
        """New York City's five boroughs by name."""
        if self._boroughs is None:
            self._boroughs = {
                p.name: p
                for name in BOROUGH_BY_COUNTY.values()
                for p in self._by_name.get(name, [])
                if p.admin1 == "New York" and p.admin2 in BOROUGH_BY_COUNTY and p.name == name
            }
        return self._boroughs

    def _nearest_borough(self, place: Place) -> Place | None:
        assert place.lat is not None and place.lon is not None
        located = [b for b in self.boroughs().values() if b.lat is not None and b.lon is not None]
        return min(
            located,
            key=lambda b: distance_km(place.lat, place.lon, b.lat, b.lon),  # type: ignore[arg-type]
            default=None,
        )

    def _parent_city(self, place: Place) -> Place | None:
        if place.admin2 is not None:
            return None
        if place.lat is None or place.lon is None:
            return None
        if self._big_us_cities is None:
            self._big_us_cities = defaultdict(list)
            for candidates in self._by_name.values():
                for p in candidates:
                    if (
                        p.country_code == "US"
                        and p.feature == "city"
                        and p.population >= PARENT_CITY_MIN
                        and p.lat is not None
                    ):
                        self._big_us_cities[p.admin1].append(p)
        near = [
            (distance, city)
            for city in self._big_us_cities.get(place.admin1, [])
            if city.population > 2 * place.population
            and city.lon is not None
            and (distance := distance_km(place.lat, place.lon, city.lat, city.lon))
            < NEIGHBOURHOOD_KM
        ]
        # The biggest, not the nearest: Venice lies nearer Inglewood than Los Angeles' centre.
        return max(near, key=lambda pair: pair[1].population)[1] if near else None

    def region(self, name: str) -> Place | None:
        """A first-level region or country named by `name`, an abbreviation or a postal code
        ("Ill.", "IL", "Illinois", "Punjab"): what may follow "Town," to say where it is."""
        readings = self.regions(name)
        return readings[0] if readings else None

    def regions(self, name: str) -> list[Place]:
        """Every region or country `name` may be, likeliest first ("Georgia": the US state,
        the country)."""
        if name in self.qualifiers_only:
            return [self.qualifiers_only[name]]
        if f"{name}." in self.qualifiers_only:  # "JACKSON, Tenn —": the period left off
            return [self.qualifiers_only[f"{name}."]]
        return [p for p in self.candidates(name) if p.feature in {"admin1", "country"}]

    def __contains__(self, name: str) -> bool:
        return name in self._by_name


def _saint_spelled(name: str) -> str:
    """'St. Joseph' as GeoNames writes the primary names: 'Saint Joseph'. Towns named after
    saints are many; an alternate 'St.' spelling of one must not hide the others."""
    return re.sub(r"^(?:St\.?|Ste\.?)\s+", "Saint ", name)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    a = (
        math.sin(math.radians(lat2 - lat1) / 2) ** 2
        + math.cos(math.radians(lat1))
        * math.cos(math.radians(lat2))
        * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(a))


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    return Gazetteer()
