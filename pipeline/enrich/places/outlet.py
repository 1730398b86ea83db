"""Where an outlet is, from its web address: local papers and stations carry their town or
state in their host name ("chicagotribune.com", "dhakatribune.com", "tennessean.com" aside),
and many carry it in their name too ("Bangkok Post", "The New Nation (Bangladesh)"). The place
is context for the article's own place names (of two Franklins, the one in the outlet's state);
when the article names no place of its own, its country is the incident's country, and when it
names no town, the outlet's town is the incident's (a local station's story is most often of its
own town; incidents.place)."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from pipeline.enrich.headline import title_parts
from pipeline.enrich.places.gazetteer import GENERIC_REGION_WORDS, Gazetteer, Place
from pipeline.enrich.places.known_outlets import known_host_country, known_outlet_country
from pipeline.enrich.places.us_outlets import us_outlet_town
from pipeline.enrich.places.words import BIG_CITY, COMMON_WORDS, COMPASS, DEMONYMS

# Shorter names are inside too many unrelated words ("Lima" in "climate").
MIN_NAME_LETTERS = 5
OUTLET_CITY_MIN = 100_000
# An archived copy's address holds the original one after the archive's own prefix.
_ARCHIVED = re.compile(r"^/web/\d+[a-z_]*/(?P<url>.+)$")
# The ITU gave the United States the K and W call-sign prefixes, and a US station's host name is
# its call sign or its network and channel: wkyt.com, wsoctv.com, kare11.com, abc7ny.com.
_US_STATION = re.compile(
    r"^(?:[kw][a-z]{2,3}(?:tv|fm|am|\d{1,2})?|(?:abc|cbs|nbc|fox|cw)\d{1,2}[a-z]*)$"
)
# Names under a country's domain that only say what kind of site it is ("bbc.co.uk").
_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "ac", "gov", "edu", "news", "nic"])
# Country domains sold to anyone, which say nothing of where a site is.
_VANITY_DOMAINS = frozenset(["tv", "fm", "me", "io", "co", "ly", "ai", "cc", "ws", "to", "am"])
_COUNTRY_DOMAIN = {"uk": "GB"}
_GENERIC_SUBDOMAINS = frozenset(
    ["www", "www2", "m", "mobile", "amp", "news", "blog", "blogs", "web", "edition", "beta"]
)
_COMMA = re.compile(r",\s*")
_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_POSTAL_CODE = re.compile(r"\b[A-Z]{2}\b")


def outlet_place(url: str | None, gazetteer: Gazetteer, *, title: str = "") -> Place | None:
    """Where the outlet is, from the likeliest clue to the vaguest: a listed US outlet's town
    (us_outlets: "wkrg.com" is Mobile's); the one country, first-level
    region or city of OUTLET_CITY_MIN+ that the outlet's host name spells (the longest such
    name; "chicagotribune.com", "chicago.suntimes.com"); the place its name gives after the
    headline in the page title (title_place); the country of its country domain
    ("thehindu.co.in"); the United States for a station's call sign ("wkyt.com"); the country
    of a known outlet's host name (known_outlets: "dawn.com"). None when nothing says, or
    several places share the name."""
    labels = _host_labels(url)
    spelled = (
        _spelled_place(label, gazetteer) for label in [outlet_label(url), *_subdomains(labels)]
    )
    return (
        _listed_us_outlet_town(labels, gazetteer)
        or next((place for place in spelled if place is not None), None)
        or title_place(title, gazetteer)
        or _domain_country(labels, gazetteer)
        or gazetteer.countries.get(known_host_country(outlet_label(url)) or "")
    )


def _listed_us_outlet_town(labels: list[str], gazetteer: Gazetteer) -> Place | None:
    listed = us_outlet_town(labels)
    if listed is None:
        return None
    town, state = listed
    return next(
        (
            p
            for p in gazetteer.candidates(town)
            if p.feature == "city" and p.country_code == "US" and p.admin1_code == f"US-{state}"
        ),
        None,
    )


def title_place(title: str, gazetteer: Gazetteer) -> Place | None:
    """A page title is often the headline, then the outlet's name after a dash or a bar, and a
    local station's name says where it is: "… - WKRX.com-Columbus, GA News and Weather",
    "… | WBXX Charlotte", "… - Action 9 - Memphis, Tennessee". A town with its region
    ("Columbus, GA"), else a region's whole name or a city of OUTLET_CITY_MIN+ found after the
    headline: the one such place, or None when they disagree on the region."""
    parts = title_parts(title or "")
    if len(parts) < 2:
        return None
    tail = " | ".join(parts[1:])
    found = [_town_in(words, region, gazetteer) for words, region in _stated_pairs(tail, gazetteer)]
    if not found:
        named = [
            place
            for run in _CAPITALISED.findall(tail)
            for place in [_named_region_or_city(run.split(), gazetteer)]
            if place is not None
        ]
        # A US state's postal code ("Aiken/North Augusta SC") outweighs a namesake abroad.
        states = [
            region
            for code in _POSTAL_CODE.findall(tail)
            for region in gazetteer.regions(code)[:1]
            if region.feature == "admin1" and region.country_code == "US"
        ]
        inside = [p for p in named if any(p.admin1 == s.name for s in states)]
        found = (inside or states) if states else named
    return _one_place(found)


def _one_place(found: list[Place]) -> Place | None:
    """The most precise of `found` when all lie in one country and one region, else None."""
    regions = {p.admin1 or p.name for p in found if p.feature != "country"}
    if len({p.country_code for p in found}) != 1 or len(regions) > 1:
        return None
    rank = {"city": 0, "admin1": 1, "country": 2}
    return min(found, key=lambda p: rank.get(p.feature, 3))


def _subdomains(labels: list[str]) -> list[str]:
    """'chicago.suntimes.com' → ['chicago']; 'www', 'm', 'news' and the like say nothing."""
    return [
        re.sub(r"[^a-z]", "", label) for label in labels[:-2] if label not in _GENERIC_SUBDOMAINS
    ]


def _stated_pairs(text: str, gazetteer: Gazetteer) -> list[tuple[list[str], Place]]:
    """("Columbus", Georgia) for each "Columbus, GA" in `text`: the words before a comma, and
    the first-level region that the one or two words after it name."""
    pairs = []
    for match in _COMMA.finditer(text):
        before = re.split(r"[\s/-]+", text[: match.start()].strip())
        after = re.findall(r"[A-Za-z][A-Za-z.]*", text[match.end() :])
        for width in (2, 1):
            name = " ".join(after[:width])
            if name in COMMON_WORDS or name in GENERIC_REGION_WORDS or name in COMPASS:
                continue  # "West", "Central": regions of a dozen countries
            regions = [r for r in gazetteer.regions(name) if r.feature == "admin1"]
            if len(after) >= width and regions:
                pairs.append((before[-3:], regions[0]))
                break
    return pairs


def _town_in(words: list[str], region: Place, gazetteer: Gazetteer) -> Place:
    """The town the last one to three `words` name inside `region`, else the region."""
    for width in (3, 2, 1):
        name = " ".join(words[-width:])
        for place in gazetteer.candidates(name) if len(words) >= width else []:
            if place.country_code == region.country_code and place.admin1 == region.name:
                return place
    return region


def _named_region_or_city(words: list[str], gazetteer: Gazetteer) -> Place | None:
    """A country or first-level region by its whole name ("Alabama"), or the one city of
    OUTLET_CITY_MIN+ that a run of `words` names ("Louisville" in "Louisville News"): the
    longest run first."""
    for width in range(min(len(words), 3), 0, -1):
        for start in range(len(words) - width + 1):
            name = " ".join(words[start : start + width])
            if name in COMMON_WORDS or name in GENERIC_REGION_WORDS:
                continue
            candidates = gazetteer.candidates(name)
            regions = [
                p for p in candidates if p.feature in {"admin1", "country"} and p.name == name
            ]
            if regions:
                return regions[0]
            cities = [
                p for p in candidates if p.feature == "city" and p.population >= OUTLET_CITY_MIN
            ]
            if len(cities) == 1:
                return cities[0]
    return None


def _spelled_place(label: str, gazetteer: Gazetteer) -> Place | None:
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
    """'http://www.chicagotribune.com/news/...' → 'chicagotribune', '…dailymail.co.uk/…' →
    'dailymail'."""
    labels = _host_labels(url)
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-1]
    return re.sub(r"[^a-z]", "", labels[-2]) if len(labels) >= 2 else ""


def _host_labels(url: str | None) -> list[str]:
    """The labels of the original host name (an archived copy's, not the archive's)."""
    if not url:
        return []
    try:
        parts = urlsplit(url.strip())
        archived = _ARCHIVED.match(parts.path) if parts.hostname == "web.archive.org" else None
        if archived:
            original = archived.group("url")
            parts = urlsplit(original if "://" in original else f"http://{original}")
        return (parts.hostname or "").split(".")
    except ValueError:
        return []


def _domain_country(labels: list[str], gazetteer: Gazetteer) -> Place | None:
    if len(labels) < 2:
        return None
    domain = labels[-1]
    if len(domain) == 2 and domain not in _VANITY_DOMAINS:
        return gazetteer.countries.get(_COUNTRY_DOMAIN.get(domain, domain.upper()))
    name = labels[-2]
    if domain in {"com", "net", "org"} and _US_STATION.match(name):
        return gazetteer.countries.get("US")
    return None


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


def known_outlet(source: str | None, url: str | None, gazetteer: Gazetteer) -> Place | None:
    """The country listed for the outlet (known_outlets), by its name or its host name: a
    national outlet's own country, which the enricher trusts before a nationality the text
    names (as often the attackers' as the victims')."""
    code = known_outlet_country(source) or known_host_country(outlet_label(url))
    return gazetteer.countries.get(code or "")


def outlet_country(
    source: str | None, from_address: Place | None, gazetteer: Gazetteer
) -> Place | None:
    """The country of the outlet: the one listed for its name (known_outlets: "Dawn", "The
    Hindu"), else the one country that the places spelled in its name give (a country, a
    first-level region or a city of BIG_CITY+: "Bangkok Post", "Kashmir Observer",
    "Democratic Voice of Burma"), else that of `from_address`, the place its web address
    spells (outlet_place, found once per article by the enricher)."""
    known = known_outlet_country(source)
    if known and known in gazetteer.countries:
        return gazetteer.countries[known]
    phrases = _name_phrases(source or "")
    countries = {
        p.country_code
        for name in phrases
        for p in gazetteer.candidates(name)
        if p.feature in {"country", "admin1"} or (p.feature == "city" and p.population >= BIG_CITY)
    }
    # "The Indian Express", "Nepali Times": a nationality in the name
    countries |= {DEMONYMS[name] for name in phrases if name in DEMONYMS}
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
