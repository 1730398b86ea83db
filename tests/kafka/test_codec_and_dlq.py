"""The wire codec and dead letters, without a broker (pipeline/kafka/codec.py, dlq.py)."""

from __future__ import annotations

import base64

import orjson
import pytest

from pipeline.errors import InputError
from pipeline.kafka.codec import decode_article, encode_article
from pipeline.kafka.dlq import dead_letter
from pipeline.records import article_from_mapping


def test_round_trip():
    article = article_from_mapping({"id": "x", "published": "2024-01-01", "text": "Text."})
    key, value = encode_article(article)
    assert key == b"x"
    assert decode_article(value, max_text_chars=100) == article


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"\xff\xfe", "not UTF-8"),
        (b"{nope", "not JSON"),
        (b"[1]", "expected a JSON object"),
        (b'{"text": "x"}', "'published' is missing"),
        (b'{"text": "", "published": "2024-01-01"}', "'text' is empty"),
        (b'{"text": "a\\u0000b", "published": "2024-01-01"}', "NUL"),
        (b"[" * 2000 + b"]" * 2000, "nested too deeply"),
        (None, "tombstone"),
    ],
)
def test_poison_is_an_input_error_with_a_reason(value, reason):
    with pytest.raises(InputError, match=reason):
        decode_article(value, max_text_chars=1000)


def test_dead_letter_keeps_the_original_bytes_and_origin():
    letter = orjson.loads(
        dead_letter(
            reason="not JSON",
            stage="decode",
            topic="raw",
            partition=3,
            offset=42,
            key=b"k",
            value=b"\xff raw",
        )
    )
    assert letter["source"] == {"topic": "raw", "partition": 3, "offset": 42}
    assert base64.b64decode(letter["value_base64"]) == b"\xff raw"
    assert letter["reason"] == "not JSON" and letter["key"] == "k"
