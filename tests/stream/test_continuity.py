"""The offset guard: a record past a gap is refused; records read again pass."""

from __future__ import annotations

import pytest

from pipeline.stream.continuity import OffsetGap, OffsetGuard


def test_records_in_order_pass_and_each_partition_has_its_own_expectation() -> None:
    guard = OffsetGuard()
    for n in range(3):
        guard.check("p0", n)
    guard.check("p1", 7)
    assert guard.expected == {"p0": 3, "p1": 8}


def test_a_record_past_a_gap_is_refused() -> None:
    guard = OffsetGuard()
    guard.check("p0", 0)
    # After a rebalance faust delivers a record it fetched before; 1..19 were never delivered.
    with pytest.raises(OffsetGap, match="offset 20 delivered, 1 expected"):
        guard.check("p0", 20)
    assert guard.expected["p0"] == 1  # nothing past the gap counts as done


def test_records_read_again_pass_the_stages_are_idempotent() -> None:
    guard = OffsetGuard()
    for n in range(5):
        guard.check("p0", n)
    guard.check("p0", 2)  # a re-read after a rebalance
    guard.check("p0", 3)
    assert guard.expected["p0"] == 4
