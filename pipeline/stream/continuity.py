"""Records of each partition in offset order, or the worker restarts.

faust can hand an agent, just after a rebalance, a record it fetched before it, past records
it never delivered (faust-streaming issues #216, #221, #606), and it then counts the records in
between as done: the consumer commits past them and they are lost. Seeking back does not help
(faust drops what is below the offset it last handed out). So the guard remembers, per
partition, the offset it expects next; a record beyond it is not processed nor acknowledged,
and the worker stops and starts again (`newsflow link` re-executes itself), reading from the
last committed offset, which is never past the gap. Records before the expected offset (read
again after a rebalance) pass: the stages are idempotent."""

from __future__ import annotations

from collections.abc import Hashable


class OffsetGap(RuntimeError):
    """A record arrived past records of its partition that were never delivered."""


class OffsetGuard:
    def __init__(self) -> None:
        self.expected: dict[Hashable, int] = {}

    def check(self, tp: Hashable, offset: int) -> None:
        """Raise OffsetGap for a record past the one expected next; else expect the next."""
        expected = self.expected.get(tp)
        if expected is not None and offset > expected:
            raise OffsetGap(f"{tp}: offset {offset} delivered, {expected} expected")
        self.expected[tp] = offset + 1
