"""The model as newsflow loads it (enrich.common.model)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("DOVER, Del.—A man was shot", ["Del.", "—", "A"]),
        ("victims aged 19–34 were hurt", ["19", "–", "34"]),
    ],
)
def test_dashes_run_into_words_are_split(model, text, pieces):
    words = [t.text for t in model(text)]
    start = words.index(pieces[0])
    assert words[start : start + len(pieces)] == pieces


def test_hyphens_stay_as_spacy_splits_them(model):
    assert [t.text for t in model("a 17-year-old")] == ["a", "17", "-", "year", "-", "old"]
