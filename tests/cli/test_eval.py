"""`newsflow eval` on the hand-coded gold sets. The floors guard against regressions; the
README states the accuracy reached."""

from __future__ import annotations

import orjson
import pytest


@pytest.mark.parametrize("gold", ["tests/data/gold.jsonl", "tests/data/heldout.jsonl"])
def test_eval_on_gold_sets(newsflow, gold):
    result = newsflow("eval", gold, "--json")
    assert result.returncode == 0, result.stderr.decode()
    report = orjson.loads(result.stdout)
    assert report["articles"] >= 25
    accuracy = report["accuracy"]
    assert (
        accuracy["killed"] >= 0.9 and accuracy["injured"] >= 0.9 and accuracy["event_date"] >= 0.85
    )
    assert report["invented"]["killed"] == 0 and report["invented"]["injured"] <= 1


def test_eval_table_for_humans(newsflow):
    result = newsflow("eval", "tests/data/gold.jsonl")
    assert result.returncode == 0
    assert b"exact match" in result.stdout and b"event_date" in result.stdout
