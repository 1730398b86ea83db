"""Linking scores on a small case worked out by hand."""

from __future__ import annotations

import pytest

from pipeline.evaluation.clusters import bcubed, pairwise, toll_accuracy

# gold: {a,b,c} and {d}; predicted: {a,b} and {c,d}
GOLD = {"a": "G1", "b": "G1", "c": "G1", "d": "G2"}
PREDICTED = {"a": "P1", "b": "P1", "c": "P2", "d": "P2"}


def test_bcubed_by_hand() -> None:
    scores = bcubed(PREDICTED, GOLD)
    # precision: a 2/2, b 2/2, c 1/2, d 1/2 → 0.75; recall: a 2/3, b 2/3, c 1/3, d 1/1 → 2/3
    assert scores["precision"] == pytest.approx(0.75)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_pairwise_by_hand() -> None:
    scores = pairwise(PREDICTED, GOLD)
    # predicted pairs ab, cd; gold pairs ab, ac, bc: one in common
    assert (scores["precision"], scores["recall"]) == (pytest.approx(0.5), pytest.approx(1 / 3))


def test_everything_alone_is_perfectly_precise() -> None:
    alone = {a: a for a in GOLD}
    assert bcubed(alone, GOLD)["precision"] == 1.0
    assert bcubed(alone, GOLD)["recall"] == pytest.approx((1 / 3 * 3 + 1) / 4)


def test_toll_accuracy_uses_the_incident_holding_most_articles() -> None:
    tolls = {"P1": {"killed": 2, "injured": None}, "P2": {"killed": 1, "injured": 3}}
    gold_tolls = {"G1": {"killed": 2, "injured": 0}, "G2": {"killed": 1, "injured": None}}
    scores = toll_accuracy(PREDICTED, GOLD, tolls, gold_tolls)
    # G1 → P1 (2 of 3 articles): killed 2 ✓, injured none = 0 ✓; G2 → P2: killed 1 ✓
    assert scores == {"killed": 1.0, "injured": 1.0}
