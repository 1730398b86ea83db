"""The latest version of each incident, newest first, paged, evicted like the worker's table."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from pipeline.errors import InputError
from pipeline.web.query import parse_filters
from pipeline.web.store import IncidentStore
from pipeline.web.synthetic import incident, incidents

START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def make(number: int, *, versions: int = 1, days: int = 0) -> dict:
    rng = random.Random(number)
    return incident(number, rng=rng, start=START + dt.timedelta(days=days), versions=versions)


def test_keeps_the_latest_version_only():
    store = IncidentStore()
    second = make(1, versions=2)
    first = {**second, "version": 1}
    assert store.put(second)
    assert not store.put(first), "an older version arriving late must not replace a newer one"
    assert not store.put(second), "a version delivered again changes nothing"
    assert store.get(second["incident_id"])["version"] == 2
    assert len(store) == 1


def test_refuses_what_is_not_an_incident():
    with pytest.raises(InputError):
        IncidentStore().put({"hello": "world"})


def test_pages_newest_first_without_gaps_or_repeats():
    store = IncidentStore()
    records = list(incidents(250, seed=3))
    for record in reversed(records):  # arrival order must not matter
        store.put(record)
    seen, cursor = [], None
    while True:
        page, cursor = store.page(parse_filters(), limit=40, after=cursor)
        seen += [r["incident_id"] for r in page]
        if cursor is None:
            break
    newest_first = sorted(
        records, key=lambda r: (r["last_updated"], r["incident_id"]), reverse=True
    )
    assert seen == [r["incident_id"] for r in newest_first]


def test_a_new_version_moves_the_incident_to_the_top():
    store = IncidentStore()
    for number in range(5):
        store.put(make(number))
    old = store.get("inc-0000000000000000")
    newer = {**old, "version": 2, "last_updated": "2024-02-01T00:00:00+00:00"}
    store.put(newer)
    page, _ = store.page(parse_filters(), limit=2)
    assert page[0]["incident_id"] == "inc-0000000000000000"
    assert len({r["incident_id"] for r in store.page(parse_filters(), limit=10)[0]}) == 5


def test_filters_apply_before_the_limit():
    store = IncidentStore()
    for record in incidents(300, seed=5):
        store.put(record)
    wanted = parse_filters(country="UA", min_killed=3)
    page, cursor = store.page(wanted, limit=1000)
    expected = [
        r
        for r in store.records.values()
        if r["place"]["country_code"] == "UA" and r["killed"]["min"] >= 3
    ]
    assert cursor is None
    assert {r["incident_id"] for r in page} == {r["incident_id"] for r in expected}
    assert expected, "the sample must hold some matches for this test to mean anything"


def test_quiet_incidents_leave_as_the_clock_moves():
    store = IncidentStore(evict_after_days=30)
    store.put(make(1, days=0))
    store.put(make(2, days=20))
    store.put(make(3, days=45))
    assert store.evict() == ["inc-0000000000000001"]
    assert store.get("inc-0000000000000002") is not None
    assert store.evicted == 1
    assert [r["incident_id"] for r in store.page(parse_filters(), limit=10)[0]] == [
        "inc-0000000000000003",
        "inc-0000000000000002",
    ]


def test_a_later_version_keeps_an_incident_from_eviction():
    store = IncidentStore(evict_after_days=30)
    first = make(1, days=0)
    store.put(first)
    store.put({**first, "version": 2, "last_updated": "2024-02-10T00:00:00+00:00"})
    store.put(make(2, days=45))
    assert store.evict() == []
    assert len(store) == 2
