"""Generated coverage of many incidents, as enriched records in publication order: each
incident has a town, a day, named victims and a street, and one to four reports from different
outlets whose tolls may rise. Used where a test needs volume (the stream's incident stage,
restarts and rebalances), not wording: the linker's wording tests use hand-written stories."""

from __future__ import annotations

import datetime as dt
import random

# (town, country, region, lat, lon): several countries, so that reports spread over partitions.
TOWNS = [
    ("Elgin", "US", "Illinois", 42.04, -88.28),
    ("Peoria", "US", "Illinois", 40.69, -89.59),
    ("Dayton", "US", "Ohio", 39.76, -84.19),
    ("Toledo", "US", "Ohio", 41.66, -83.56),
    ("Leeds", "GB", "England", 53.80, -1.55),
    ("Cardiff", "GB", "Wales", 51.48, -3.18),
    ("Lyon", "FR", "Auvergne-Rhone-Alpes", 45.76, 4.84),
    ("Kano", "NG", "Kano", 12.00, 8.52),
    ("Maiduguri", "NG", "Borno", 11.85, 13.16),
    ("Peshawar", "PK", "Khyber Pakhtunkhwa", 34.01, 71.58),
    ("Quetta", "PK", "Balochistan", 30.18, 67.00),
    ("Kharkiv", "UA", "Kharkiv", 49.99, 36.23),
]
FIRST_NAMES = ["Marcus", "Dana", "Ahmed", "Grace", "Tomas", "Ifeoma", "Liam", "Sana", "Oleh"]
SYLLABLES = ["kor", "mal", "bren", "ost", "val", "dun", "ri", "sa", "to", "len", "mi", "gar"]
ROADS = ["Street", "Road", "Avenue", "Lane"]
PLACES = ["a bar", "a market", "a bus stop", "a mosque", "a petrol station", "a school gate"]
OUTLETS = ["Courier", "Herald", "Gazette", "Wire", "Times", "Post", "Chronicle"]


def stories(
    incidents: int, *, seed: int, days: int = 120, start: dt.date = dt.date(2024, 3, 1)
) -> list[dict]:
    """`incidents` incidents on `days` days from `start`, their reports in publication order."""
    rng = random.Random(seed)
    records = []
    for number in range(incidents):
        town, country, region, lat, lon = rng.choice(TOWNS)
        day = start + dt.timedelta(days=rng.randint(0, days - 1))
        victims = [f"{rng.choice(FIRST_NAMES)} {_word(rng)}" for _ in range(2)]
        street, spot = f"{_word(rng)} {rng.choice(ROADS)}", rng.choice(PLACES)
        killed = rng.randint(1, 4)
        for report in range(rng.randint(1, 4)):
            killed += rng.choice((0, 0, 1))
            published = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(
                hours=report * rng.randint(3, 20) + rng.random()
            )
            text = _text(rng, killed, spot, street, town, day, victims, first=report == 0)
            records.append(
                _record(
                    f"s{seed}-{number}-{report}",
                    text,
                    published=published,
                    day=day,
                    place=(town, country, region, lat, lon),
                    killed=killed,
                    people=victims,
                    source=f"{town} {rng.choice(OUTLETS)}",
                )
            )
    records.sort(key=lambda r: (r["published"], r["id"]))
    return records


OPENINGS = [
    "{killed} people were killed near {spot} on {street} in {town} {when}, officials said.",
    "Gunmen opened fire at {spot} on {street}, {town}, {when}, killing {killed}.",
    "The death toll from {when}'s attack at {spot} in {town} has risen to {killed}.",
    "An explosion tore through {spot} off {street} in {town} {when}; {killed} died.",
]
DETAILS = [
    "{a} and {b} were among the victims named by relatives.",
    "Relatives identified two of the dead as {a} and {b}.",
    "{a}, a teacher, was buried on the same day; {b} died in hospital.",
]
COLOURS = ["red", "grey", "white", "black", "blue", "green"]
VEHICLES = ["van", "motorbike", "pickup", "sedan", "truck"]


def _word(rng: random.Random) -> str:
    """A made-up name: 1,728 of them, so that two incidents rarely share one."""
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _text(rng, killed, spot, street, town, day, victims, *, first) -> str:
    when = "today" if first else "on " + day.strftime("%A")
    opening = rng.choice(OPENINGS).format(
        killed=killed, spot=spot, street=street, town=town, when=when
    )
    detail = rng.choice(DETAILS).format(a=victims[0], b=victims[1])
    vehicle = f"Witnesses saw a {rng.choice(COLOURS)} {rng.choice(VEHICLES)} leave {street}."
    return " ".join([opening, detail, vehicle])


def _record(article_id, text, *, published, day, place, killed, people, source) -> dict:
    town, country, region, lat, lon = place
    return {
        "id": article_id,
        "published": published.isoformat() + "Z",
        "title": "",
        "source": source,
        "url": None,
        "text": text,
        "entities": [{"text": p, "label": "PERSON", "start": 0, "end": len(p)} for p in people],
        "events": [
            {
                "event_id": f"{article_id}#1",
                "date": day.isoformat(),
                "date_basis": "stated",
                "place": {
                    "name": town,
                    "country_code": country,
                    "lat": lat,
                    "lon": lon,
                    "geonameid": 2000 + [t[0] for t in TOWNS].index(town),
                    "feature": "city",
                    "admin1": {"name": region, "code": None},
                },
                "killed": {"min": killed, "max": killed, "qualifier": "exact"},
                "injured": None,
                "weapons": ["firearm"],
                "accused": [],
            }
        ],
    }


def truth(records: list[dict]) -> dict[str, str]:
    """article id → its incident (the generator's, read back from the article id)."""
    return {r["id"]: r["id"].rsplit("-", 1)[0] for r in records}
