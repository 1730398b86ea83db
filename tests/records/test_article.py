from __future__ import annotations

import datetime as dt

import pytest

from pipeline.errors import InputError
from pipeline.records import article_from_mapping
from pipeline.records.ids import canonical_url
from pipeline.records.schema import RAW, schema_errors


def test_valid_article_round_trips_to_a_schema_valid_record():
    article = article_from_mapping(
        {
            "id": 7,
            "published": "2024-01-01T23:30:00+03:00",
            "text": "Text.",
            "title": " T ",
            "url": None,
        }
    )
    assert article.id == "7" and article.title == "T"
    assert article.published_date == dt.date(2024, 1, 1)  # the dateline's own day, not UTC's
    assert schema_errors(article.to_dict(), RAW) == []


@pytest.mark.parametrize(
    ("obj", "reason"),
    [
        ([1, 2], "expected a JSON object"),
        ({"published": "2024-01-01"}, "'text' is missing"),
        ({"published": "2024-01-01", "text": "  "}, "'text' is empty"),
        ({"published": "2024-01-01", "text": "a\x00b"}, "NUL"),
        ({"text": "x"}, "'published' is missing"),
        ({"text": "x", "published": "yesterday"}, "not an ISO date"),
        ({"text": "x", "published": "2024-01-01", "title": 5}, "'title' must be a string"),
        ({"text": "x", "published": "2024-01-01", "id": {"a": 1}}, "'id' must be"),
    ],
)
def test_bad_records_say_why(obj, reason):
    with pytest.raises(InputError, match=reason):
        article_from_mapping(obj)


def test_text_over_the_limit_is_refused():
    with pytest.raises(InputError, match="over the limit"):
        article_from_mapping({"published": "2024-01-01", "text": "x" * 11}, max_text_chars=10)


def test_ids_are_stable_and_prefer_the_source_id():
    base = {"published": "2024-01-01", "text": "Same text."}
    assert article_from_mapping({**base, "id": "src-1"}).id == "src-1"
    by_url = article_from_mapping({**base, "url": "https://Example.com/a/?utm_source=x&b=2"})
    again = article_from_mapping({**base, "url": "https://example.com/a?b=2"})
    assert by_url.id == again.id and by_url.id.startswith("u-")
    hashed = article_from_mapping({**base, "title": "T", "source": "wire"})
    assert (
        hashed.id.startswith("h-")
        and hashed.id == article_from_mapping({**base, "title": "T", "source": "wire"}).id
    )
    assert hashed.id != article_from_mapping({**base, "title": "U", "source": "wire"}).id


def test_canonical_url_drops_tracking_and_fragments():
    assert (
        canonical_url("HTTPS://News.example.com/story/?utm_medium=x&id=3#top")
        == "https://news.example.com/story?id=3"
    )
