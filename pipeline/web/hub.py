"""Live updates for the page: each new incident version goes to every open event stream.

Each subscriber has a bounded queue. A client too slow to drain it is dropped rather than let
the server's memory grow; its browser reconnects on its own and reloads the list."""

from __future__ import annotations

import asyncio
import contextlib

QUEUE_SIZE = 1000


class Hub:
    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[dict | None]] = set()
        self.dropped = 0

    @property
    def clients(self) -> int:
        return len(self._queues)

    def subscribe(self) -> asyncio.Queue[dict | None]:
        queue: asyncio.Queue[dict | None] = asyncio.Queue(QUEUE_SIZE)
        self._queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[dict | None]) -> None:
        self._queues.discard(queue)

    def publish(self, record: dict) -> None:
        for queue in list(self._queues):
            try:
                queue.put_nowait(record)
            except asyncio.QueueFull:
                self._queues.discard(queue)
                self.dropped += 1
                queue.get_nowait()  # room for the end-of-stream mark
                queue.put_nowait(None)

    def close(self) -> None:
        """End every stream (server shutdown)."""
        for queue in list(self._queues):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(None)
        self._queues.clear()
