"""The incident list's filters, as the API takes them and as the store applies them."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.errors import InputError

MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Summary:
    """What the filters and the order read of an incident, kept beside its record so that a
    list over 100,000 incidents compares plain values."""

    order: tuple[str, str]  # (last update, incident id): the list is newest first
    date: str
    country: str | None
    killed: int
    lat: float | None
    lon: float | None
    words: str  # place, region, accused, weapons, lower-case: what `q` searches

    @classmethod
    def of(cls, record: dict, updated: str) -> Summary:
        place = record.get("place") or {}
        words = [
            place.get("name") or "",
            place.get("region") or "",
            *record.get("accused", ()),
            *record.get("weapons", ()),
        ]
        return cls(
            order=(updated, record["incident_id"]),
            date=record.get("date") or "",
            country=place.get("country_code"),
            killed=(record.get("killed") or {}).get("min") or 0,
            lat=place.get("lat"),
            lon=place.get("lon"),
            words=" | ".join(words).lower(),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    since: str | None = None  # incident date, inclusive (YYYY-MM-DD)
    until: str | None = None
    countries: frozenset[str] = frozenset()
    min_killed: int = 0
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    q: str | None = None

    def match(self, s: Summary) -> bool:
        return self.predicate()(s)

    def predicate(self) -> Callable[[Summary], bool]:
        """One function testing only the filters given. A full scan of 100,000 incidents pays
        for every call it makes per incident, so the tests are joined into one expression,
        compiled once per request from the fixed fragments below: the values are bound as
        names, never written into the source."""
        tests, names = [], {}
        if self.countries:
            tests.append("s.country in countries")
            names["countries"] = self.countries
        if self.min_killed:
            tests.append("s.killed >= least")
            names["least"] = self.min_killed
        if self.since:
            tests.append("s.date >= since")
            names["since"] = self.since
        if self.until:
            tests.append("s.date <= until")
            names["until"] = self.until
        if self.bbox is not None:
            west, south, east, north = self.bbox
            across = west > east  # the box spans the antimeridian
            tests.append(
                "s.lat is not None and s.lon is not None and south <= s.lat <= north and "
                + ("(s.lon >= west or s.lon <= east)" if across else "west <= s.lon <= east")
            )
            names.update(west=west, south=south, east=east, north=north)
        if self.q:
            tests.append("q in s.words")
            names["q"] = self.q
        source = " and ".join(f"({t})" for t in tests) or "True"
        return eval(f"lambda s: {source}", {"__builtins__": {}, **names})


def parse_filters(
    *,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    min_killed: int = 0,
    bbox: str | None = None,
    q: str | None = None,
) -> Filters:
    """Filters from query parameters; InputError says which one is wrong and why."""
    for name, value in (("since", since), ("until", until)):
        if value and not _is_date(value):
            raise InputError(f"{name} must be a date YYYY-MM-DD, not {value!r}")
    if min_killed < 0:
        raise InputError("min_killed must be 0 or more")
    countries = frozenset(c.strip().upper() for c in (country or "").split(",") if c.strip())
    if any(len(c) != 2 or not c.isalpha() for c in countries):
        raise InputError(f"country takes ISO 3166-1 alpha-2 codes (e.g. US,RU), not {country!r}")
    return Filters(
        since=since or None,
        until=until or None,
        countries=countries,
        min_killed=min_killed,
        bbox=_bbox(bbox) if bbox else None,
        q=q.strip().lower() if q and q.strip() else None,
    )


def _is_date(value: str) -> bool:
    try:
        return len(value) == 10 and bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise InputError(f"bbox is west,south,east,north in degrees, not {value!r}") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise InputError(f"bbox {value!r}: south ≤ north within ±90, west/east within ±180")
    return west, south, east, north


def encode_cursor(order: tuple[str, str]) -> str:
    return base64.urlsafe_b64encode("\n".join(order).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        updated, incident_id = raw.split("\n")
    except ValueError:
        raise InputError(
            "cursor is not one this server gave (take `next` from a response)"
        ) from None
    return updated, incident_id
