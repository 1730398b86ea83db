"""The eviction clock of the stream: the day every input still sending has reached."""

from __future__ import annotations

import datetime as dt

from pipeline.stream.watermark import Watermark

DAY = dt.date(2024, 3, 1)


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_the_slowest_input_holds_the_watermark_back() -> None:
    clock = Clock()
    mark = Watermark(now=clock)
    mark.advance("0", DAY + dt.timedelta(days=400))  # one partition of a replay runs ahead
    mark.advance("1", DAY)
    assert mark.value() == DAY
    mark.advance("1", DAY + dt.timedelta(days=10))
    assert mark.value() == DAY + dt.timedelta(days=10)


def test_an_input_silent_for_a_while_no_longer_holds_it_back() -> None:
    clock = Clock()
    mark = Watermark(now=clock, idle_seconds=60)
    mark.advance("0", DAY)
    clock.t = 61
    mark.advance("1", DAY + dt.timedelta(days=5))
    assert mark.value() == DAY + dt.timedelta(days=5)


def test_no_watermark_until_every_expected_input_was_heard_or_the_wait_is_over() -> None:
    clock = Clock()
    mark = Watermark(expected=3, now=clock, idle_seconds=60)
    mark.advance("0", DAY + dt.timedelta(days=30))
    mark.advance("1", DAY + dt.timedelta(days=31))
    assert mark.value() is None  # input 2 may still bring reports from the first days
    mark.advance("2", DAY)
    assert mark.value() == DAY
    late = Watermark(expected=3, now=clock, idle_seconds=60)
    late.advance("0", DAY)
    clock.t += 61
    late.advance("0", DAY + dt.timedelta(days=2))
    assert late.value() == DAY + dt.timedelta(days=2)
