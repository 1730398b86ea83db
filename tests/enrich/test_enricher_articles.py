"""Whole articles of other wordings than the seed: incidents, dates and places together."""

from __future__ import annotations

import pytest

from pipeline.enrich.enricher import Enricher, EnrichFailure
from pipeline.records import article_from_mapping
from pipeline.records.schema import schema_errors


@pytest.fixture(scope="module")
def enricher():
    return Enricher()


def enrich(enricher, published, text):
    record = enricher.enrich(article_from_mapping({"published": published, "text": text}))
    assert schema_errors(record) == []
    return record


def test_wire_story_with_a_second_earlier_incident(enricher):
    record = enrich(
        enricher,
        "2023-06-12",
        (
            "A bomb exploded in a crowded market in Kandahar on Sunday, killing at least 14 people, "
            "provincial officials said. Two days earlier, a roadside bomb killed three soldiers near "
            "Herat. The Taliban claimed responsibility for the market attack."
        ),
    )
    first, second = record["events"]
    # GeoNames spells it Kandahār; the ASCII spelling in the text is one of its alternate names.
    assert (first["date"], first["place"]["country_code"], first["killed"]["min"]) == (
        "2023-06-11",
        "AF",
        14,
    )
    assert first["place"]["name"].startswith("Kandah")
    assert first["weapons"] == ["explosives"]
    assert (second["date"], second["killed"]["min"]) == ("2023-06-09", 3)


def test_local_crime_report(enricher):
    record = enrich(
        enricher,
        "2024-03-20",
        (
            "A 52-year-old man was shot outside his home in Baltimore on Tuesday night, police said. "
            "He was taken to a hospital in stable condition."
        ),
    )
    (event,) = record["events"]
    assert event["killed"] is None
    assert event["injured"] == {"min": 1, "max": 1, "qualifier": "exact"}
    assert event["date"] == "2024-03-19"
    assert event["place"]["country_code"] == "US"


def test_article_without_an_incident_has_no_event(enricher):
    record = enrich(
        enricher,
        "2024-03-01",
        (
            "Parliament approved the budget on Thursday by 312 votes to 98. The finance minister "
            "said 21 projects would be funded in 2025."
        ),
    )
    assert record["events"] == [] and record["casualties"] == []


def test_a_failing_article_does_not_stop_the_batch(enricher, monkeypatch):
    articles = [
        article_from_mapping({"published": "2024-01-02", "text": t})
        for t in ("Two people were killed.", "BOOM", "Three people were hurt.")
    ]

    def weapons_with_a_bug(doc):
        if doc.text == "BOOM":
            raise RuntimeError("extractor bug")
        return []

    monkeypatch.setattr("pipeline.enrich.enricher.extract_weapons", weapons_with_a_bug)

    results = list(enricher.enrich_many(articles))
    assert isinstance(results[1], EnrichFailure) and "extractor bug" in results[1].reason
    assert results[0]["events"][0]["killed"]["min"] == 2
    assert results[2]["events"][0]["injured"]["min"] == 3
