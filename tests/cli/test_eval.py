"""`newsflow eval` on the hand-coded gold sets. Floors sit one article under what the README
states, and no invented number is allowed."""

from __future__ import annotations

import orjson
import pytest

# set → (killed, injured, event date) correct as the README states them
STATED = {
    "tests/data/gold.jsonl": (46, 46, 42),
    "tests/data/heldout.jsonl": (25, 25, 23),
}


@pytest.mark.parametrize("gold", sorted(STATED))
def test_eval_on_gold_sets(newsflow, gold):
    result = newsflow("eval", gold, "--json")
    assert result.returncode == 0, result.stderr.decode()
    report = orjson.loads(result.stdout)["all"]
    for name, stated in zip(("killed", "injured", "event_date"), STATED[gold], strict=True):
        scored = report["scored"][name]
        assert report["accuracy"][name] >= (stated - 1) / scored, name
    assert report["invented"] == {"killed": 0, "injured": 0}


def test_eval_table_for_humans(newsflow):
    result = newsflow("eval", "tests/data/gold.jsonl")
    assert result.returncode == 0
    assert b"event_date" in result.stdout and b"aside" in result.stdout
    assert b"misses by cause" in result.stdout


def test_eval_floor_fails_with_exit_1(newsflow, tmp_path):
    # One article whose label disagrees with its text: killed accuracy 0, under any floor.
    miscoded = tmp_path / "miscoded.jsonl"
    miscoded.write_bytes(
        orjson.dumps(
            {
                "id": "m1",
                "published": "2024-03-11",
                "text": "Two people were killed in a shooting on Friday.",
                "killed": 7,
                "injured": 0,
                "event_date": "2024-03-08",
            }
        )
        + b"\n"
    )
    result = newsflow("eval", str(miscoded), "--min", "killed=0.5")
    assert result.returncode == 1
    assert b"below the floor: killed" in result.stderr


def test_eval_bad_floor_is_one_line(newsflow):
    result = newsflow("eval", "tests/data/heldout.jsonl", "--min", "killed")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and b"FIELD=NUMBER" in result.stderr
