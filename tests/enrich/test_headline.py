"""The title read as the first sentence; every span of the record still indexes into `text`."""

from __future__ import annotations

import pytest

from pipeline.enrich.headline import analysed_text, text_spans_only
from pipeline.records import Article


def _article(title: str, text: str) -> Article:
    return Article(id="t", published="2016-05-02", title=title, text=text)


def test_the_title_comes_first_as_a_sentence_of_its_own():
    text, offset = analysed_text(_article("Two hurt in Elm Street shooting", "Police said."))
    assert text == "Two hurt in Elm Street shooting.\n\nPolice said."
    assert text[offset:] == "Police said."


def test_the_outlets_name_after_the_headline_is_left_out():
    text, _ = analysed_text(
        _article("Two hurt in shooting - WXYZ Columbus, GA News", "Police said.")
    )
    assert text.startswith("Two hurt in shooting.\n\n")


@pytest.mark.parametrize(
    "text",
    [
        "Two hurt in Elm Street shooting  Police said two men were shot.",
        "\n two HURT in Elm Street shooting. Police said two men were shot.",
    ],
)
def test_a_text_that_opens_with_its_title_is_read_once(text):
    assert analysed_text(_article("Two hurt in Elm Street shooting", text)) == (text, 0)


def test_no_title_no_change():
    assert analysed_text(_article("", "Police said.")) == ("Police said.", 0)


def test_spans_in_the_title_leave_and_the_others_shift_back():
    record = {
        "entities": [
            {"text": "Elm", "label": "FAC", "start": 12, "end": 15},
            {"text": "Bob", "label": "PERSON", "start": 40, "end": 43},
        ],
        "dates": [{"text": "Sunday", "start": 50, "end": 56}],
        "places": [
            {"name": "Elgin", "mentions": [[3, 8]]},
            {"name": "Aurora", "mentions": [[4, 10], [60, 66]]},
        ],
        "casualties": [
            {"kind": "killed", "start": 0, "end": 5, "subset_of": None},
            {"kind": "killed", "start": 30, "end": 35, "subset_of": None},
            {"kind": "killed", "start": 36, "end": 39, "subset_of": 1},
        ],
        "events": [{"evidence": [[0, 5], [30, 35]]}],
    }
    out = text_spans_only(record, 20)
    assert [(e["text"], e["start"]) for e in out["entities"]] == [("Bob", 20)]
    assert out["dates"][0]["start"] == 30
    assert out["places"] == [{"name": "Aurora", "mentions": [[40, 46]]}]
    assert [(c["start"], c["subset_of"]) for c in out["casualties"]] == [(10, None), (16, 0)]
    assert out["events"][0]["evidence"] == [[10, 15]]


def test_the_headline_s_facts_reach_the_event_and_every_span_is_the_texts(model):
    from pipeline.enrich.enricher import Enricher

    article = Article(
        id="t",
        published="2016-05-02",
        title="Two killed, one hurt in Elm Street shooting in Elgin - WXYZ News",
        text="Police are asking anyone who saw the shooting on Sunday night to call detectives. "
        "Officers found the victims outside a bar on Elm Street.",
    )
    record = Enricher(nlp=model).enrich(article)
    event = record["events"][0]
    assert (event["killed"]["min"], event["injured"]["min"]) == (2, 1)
    assert event["place"]["name"] == "Elgin"
    text = record["text"]
    assert text == article.text
    for item in [*record["entities"], *record["dates"], *record["casualties"]]:
        assert text[item["start"] : item["end"]] == item["text"]
    for place in record["places"]:
        assert all(0 <= start < end <= len(text) for start, end in place["mentions"])
    assert all(0 <= start < end <= len(text) for start, end in event["evidence"])
