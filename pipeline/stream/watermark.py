"""Event time for a stream whose inputs run at different paces: the publication day every
input still sending has reached. A replay reads several partitions at once, each its own
stretch of the archive; the latest day seen anywhere would run years ahead of the slowest input,
and incidents still being reported there would be closed as quiet."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

# An input with nothing for this long no longer holds the clock back (a partition that a
# country's news rarely reaches, or one that has ended).
IDLE_SECONDS = 60.0


class Watermark:
    def __init__(
        self,
        *,
        expected: int = 0,
        idle_seconds: float = IDLE_SECONDS,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        """`expected`: how many inputs there are; until each has been heard from (or has been
        silent for `idle_seconds` since the start), there is no watermark: the first input to
        be read must not close incidents that a slower one's reports are still to reach."""
        self.expected = expected
        self.idle_seconds = idle_seconds
        self.now = now
        self.started = now()
        self.inputs: dict[str, tuple[dt.date, float]] = {}  # input → latest day, seen when

    def advance(self, source: str, day: dt.date) -> None:
        held = self.inputs.get(source)
        self.inputs[source] = (day if held is None else max(held[0], day), self.now())

    def value(self) -> dt.date | None:
        """The earliest latest day of the inputs heard from lately (None: none yet)."""
        now = self.now()
        if len(self.inputs) < self.expected and now - self.started <= self.idle_seconds:
            return None
        active = [day for day, seen in self.inputs.values() if now - seen <= self.idle_seconds]
        return min(active) if active else None
