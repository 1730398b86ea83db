"""Incident versions made up from a seed, valid against the incident schema: the load tests and
benchmarks of `newsflow serve` need tens of thousands, more than any labelled set holds."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from pipeline.records.schema import INCIDENT_SCHEMA_ID

PLACES = [  # name, country, region, lat, lon
    ("Springfield", "US", "Illinois", 39.80, -89.64),
    ("Dover", "US", "Delaware", 39.16, -75.52),
    ("Belgorod", "RU", "Belgorod Oblast", 50.61, 36.58),
    ("Kharkiv", "UA", "Kharkiv Oblast", 49.99, 36.23),
    ("Peshawar", "PK", "Khyber Pakhtunkhwa", 34.01, 71.58),
    ("Marawi", "PH", "Lanao del Sur", 8.00, 124.29),
    ("Maiduguri", "NG", "Borno", 11.85, 13.16),
    ("Lyon", "FR", "Auvergne-Rhone-Alpes", 45.75, 4.85),
]
WEAPONS = ["firearm", "knife", "explosive", "vehicle", "missile"]


def incident(
    number: int,
    *,
    rng: random.Random,
    start: dt.datetime,
    versions: int = 1,
) -> dict:
    """Incident `number`: a place near one of PLACES, figures rising over `versions`."""
    name, country, region, lat, lon = rng.choice(PLACES)
    seen = start + dt.timedelta(minutes=number)  # 100,000 span 70 days: none evicted
    killed, injured = rng.randint(0, 6), rng.randint(0, 12)
    revisions = []
    for version in range(1, versions + 1):
        killed += rng.randint(0, 2) if version > 1 else 0
        figures = {
            "killed": {"min": killed, "max": killed, "qualifier": "exact"},
            "injured": {"min": injured, "max": injured, "qualifier": "exact"},
        }
        revisions.append(
            {
                "version": version,
                "time": (seen + dt.timedelta(hours=version - 1)).isoformat(),
                "article_id": f"synthetic-{number}-{version}",
                "source": f"outlet{rng.randint(1, 40)}.example",
                "title": f"Report {version} on incident {number} in {name}",
                "url": f"https://outlet.example/{number}/{version}",
                **figures,
                "why": "first report" if version == 1 else "new report",
            }
        )
    last = revisions[-1]
    return {
        "schema": INCIDENT_SCHEMA_ID,
        "incident_id": f"inc-{number:016x}",
        "version": versions,
        "date": seen.date().isoformat(),
        "place": {
            "name": name,
            "country_code": country,
            "lat": round(lat + rng.uniform(-2, 2), 4),
            "lon": round(lon + rng.uniform(-2, 2), 4),
            "feature": "city",
            "region": region,
        },
        "killed": last["killed"],
        "injured": last["injured"],
        "perpetrators": {"killed": None, "injured": None},
        "range": {
            kind: {"low": revisions[0][kind]["min"], "high": last[kind]["min"]}
            for kind in ("killed", "injured")
        },
        "revisions": revisions,
        "articles": [r["article_id"] for r in revisions],
        "events": [f"{r['article_id']}#1" for r in revisions],
        "sources": sorted({r["source"] for r in revisions}),
        "weapons": [rng.choice(WEAPONS)],
        "accused": [],
        "first_seen": revisions[0]["time"],
        "last_updated": last["time"],
        "confidence": 1.0,
    }


def incidents(count: int, *, seed: int = 7, start: dt.datetime | None = None) -> Iterator[dict]:
    rng = random.Random(seed)
    start = start or dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    for number in range(count):
        yield incident(number, rng=rng, start=start, versions=rng.randint(1, 3))
