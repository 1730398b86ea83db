"""Enriched records made by hand, shaped as the enricher writes them, for the linker's tests."""

from __future__ import annotations

import itertools

import pytest

_ids = itertools.count(1)

TOWNS = {
    "Elgin": (42.04, -88.28, "Illinois"),
    "Aurora": (41.76, -88.32, "Illinois"),
    "Peoria": (40.69, -89.59, "Illinois"),
    "Dayton": (39.76, -84.19, "Ohio"),
}


def place(town: str | None) -> dict | None:
    if town is None:
        return None
    lat, lon, state = TOWNS[town]
    return {
        "name": town,
        "country_code": "US",
        "lat": lat,
        "lon": lon,
        "geonameid": 1000 + list(TOWNS).index(town),
        "feature": "city",
        "admin1": {"name": state, "code": None},
    }


def figure(n: int | None) -> dict | None:
    return None if n is None else {"min": n, "max": n, "qualifier": "exact"}


def record(
    text: str,
    *,
    published: str,
    date: str | None = None,
    town: str | None = None,
    killed: int | None = None,
    injured: int | None = None,
    source: str = "Elgin Courier",
    people: tuple[str, ...] = (),
    title: str = "",
    attackers_killed: int | None = None,
) -> dict:
    number = next(_ids)
    return {
        "id": f"a{number}",
        "published": published,
        "title": title,
        "source": source,
        "url": None,
        "text": text,
        "entities": [
            {"text": name, "label": "PERSON", "start": 0, "end": len(name)} for name in people
        ],
        "events": [
            {
                "event_id": f"a{number}#1",
                "date": date or published,
                "date_basis": "stated" if date else "published",
                "place": place(town),
                "killed": figure(killed),
                "injured": figure(injured),
                "perpetrators": {"killed": figure(attackers_killed), "injured": None},
                "weapons": ["firearm"],
                "accused": [],
            }
        ],
    }


@pytest.fixture
def make_record():
    return record
