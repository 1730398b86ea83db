"""The golden test: the seed article gives every fact in seeds/README.md's table."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.enrich.enricher import Enricher
from pipeline.records.schema import schema_errors
from pipeline.sources import read_paths

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_74950425cb7e5c78.txt"


@pytest.fixture(scope="module")
def record():
    return Enricher().enrich(next(read_paths([str(SEED)])))


def test_record_is_schema_valid(record):
    assert schema_errors(record) == []


def test_incident_one_belgorod_new_years_eve(record):
    first = record["events"][0]
    assert first["date"] == "2023-12-31"
    assert (first["place"]["name"], first["place"]["country_code"]) == ("Belgorod", "RU")
    assert first["place"]["lat"] == pytest.approx(50.60, abs=0.05)
    assert first["place"]["lon"] == pytest.approx(36.58, abs=0.05)
    assert first["killed"] == {"min": 21, "max": None, "qualifier": "at_least"}
    assert first["injured"] == {"min": None, "max": None, "qualifier": "unspecified"}
    assert first["weapons"] == ["cluster munitions"]
    assert first["accused"] == ["Ukraine"]


def test_children_are_a_breakdown_never_added(record):
    first = record["events"][0]
    assert {(b["kind"], b["group"], b["min"]) for b in first["breakdown"]} == {
        ("killed", "children", 3),
        ("injured", "children", 17),
    }
    assert first["killed"]["min"] != 24
    casualties = record["casualties"]
    three = next(c for c in casualties if c["min"] == 3)
    seventeen = next(c for c in casualties if c["min"] == 17)
    assert casualties[three["subset_of"]]["min"] == 21
    assert casualties[seventeen["subset_of"]]["kind"] == "injured"
    assert casualties[seventeen["subset_of"]]["qualifier"] == "unspecified"


def test_incident_two_a_day_before(record):
    second = record["events"][1]
    assert second["date"] == "2023-12-30"
    assert second["killed"] == {"min": 39, "max": None, "qualifier": "at_least"}
    assert second["injured"]["qualifier"] == "unspecified" and second["injured"]["min"] is None
    assert len(record["events"]) == 2


def test_february_is_the_coming_one(record):
    february = next(d for d in record["dates"] if "February" in d["text"])
    assert (february["value"], february["granularity"]) == ("2024-02", "month")


def test_other_places(record):
    codes = {p["country_code"] for p in record["places"]}
    assert {"PL", "US", "GB", "UA", "RU"} <= codes


def test_every_span_points_into_the_text(record):
    text = record["text"]
    for entity in record["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
    for date in record["dates"]:
        assert text[date["start"] : date["end"]] == date["text"]
    for figure in record["casualties"]:
        assert text[figure["start"] : figure["end"]] == figure["text"]
    for place in record["places"]:
        for start, end in place["mentions"]:
            assert 0 <= start < end <= len(text)
