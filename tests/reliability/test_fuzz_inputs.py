"""Any bytes into the decoder and adversarial text into the extractors: a result or a clean
error, never a crash; a long input must not make a regex backtrack for ever (the timeout mark
is the hang guard, not a speed target)."""

from __future__ import annotations

import json
import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.enrich.enricher import Enricher
from pipeline.errors import InputError
from pipeline.kafka.codec import decode_article
from pipeline.records import Article, article_from_mapping
from pipeline.records.schema import ENRICHED, validator

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)
ARTICLE_LIKE = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON,
        "published": st.one_of(JSON, st.dates().map(str)),
        "text": JSON,
        "title": JSON,
        "url": JSON,
        "source": JSON,
    },
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=500))
def test_decoder_any_bytes(value):
    try:
        assert isinstance(decode_article(value, max_text_chars=1000), Article)
    except InputError as exc:
        assert exc.reason


@settings(max_examples=300, deadline=None)
@given(ARTICLE_LIKE)
def test_decoder_any_json(obj):
    try:
        decode_article(json.dumps(obj).encode(), max_text_chars=1000)
    except InputError as exc:
        assert exc.reason


# The published schema's pattern for date values ("2024-01-01", "2024-W05", "2024-Q3", ...).
DATE_VALUE = re.compile(
    validator(ENRICHED).schema["$defs"]["date"]["properties"]["value"]["pattern"]
)
ADVERSARIAL = {
    "digits and spaces": "1 " * 60_000,
    "qualifiers without end": "at least " * 20_000,
    "capitalised words": "Kandahar Police Said " * 10_000,
    "triggers": "killed wounded dead " * 15_000,
    "dates": "on Monday last week in February New Year's Eve 2024-01-01 " * 3_000,
    "short parenthesised runs": "((((((((x)))))))) " * 10_000,
    "one huge sentence": (
        "the man who was shot by the police near the house where the bomb "
        "exploded killing 3 " * 2_000
    ),
}


@pytest.fixture(scope="module")
def blank_enricher():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 2_000_000
    return Enricher(nlp=nlp)


@pytest.mark.parametrize("blob", ["x" * 150_000, "(" * 50_000 + ")" * 50_000, "ab" * 1_500])
def test_long_runs_without_whitespace_are_refused_before_the_tokenizer(blob):
    # spaCy's tokenizer strips affixes one at a time: quadratic on a 100,000-character run.
    with pytest.raises(InputError, match="without whitespace"):
        article_from_mapping(
            {"id": "blob", "published": "2024-01-01", "text": f"Intro. {blob} end."}
        )


# The README says these finish in seconds (under 2 s each here); the bound leaves room for a
# slower CI machine, not for a quadratic step (the worst one took 106 s).
@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_extractors_on_adversarial_text(blank_enricher, name):
    article = article_from_mapping(
        {"id": name, "published": "2024-01-01", "text": ADVERSARIAL[name]}
    )
    assert_well_formed(blank_enricher.enrich(article))


@pytest.mark.timeout(60)
def test_adversarial_dates_through_the_model():
    from pipeline.enrich.common.model import load_nlp

    text = "on Monday last week in February New Year's Eve 2024-01-01 " * 500
    record = Enricher(nlp=load_nlp()).enrich(
        article_from_mapping({"id": "dates", "published": "2024-01-01", "text": text})
    )
    assert_well_formed(record)
    assert len(record["dates"]) >= 2_000


def assert_well_formed(record: dict) -> None:
    text = record["text"]
    for figure in record["casualties"]:
        assert 0 <= figure["start"] <= figure["end"] <= len(text)
    for date in record["dates"]:
        assert DATE_VALUE.fullmatch(date["value"]), date
        assert text[date["start"] : date["end"]] == date["text"]
