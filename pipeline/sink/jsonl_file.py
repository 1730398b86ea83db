"""An append-only JSONL file that is its own record of what was written.

`add` buffers, `flush` writes, flushes and fsyncs; the caller commits offsets only after
`flush`. On open, a torn last line (a crash mid-write) is cut off, and the ids already in the
file are loaded, so records re-read after a crash are dropped: each id is in the file once."""

from __future__ import annotations

import os
from pathlib import Path

import orjson

ID_FIELDS = ("event_id", "id")  # an event's own id first: events also carry "article_id"


def record_id(record: dict) -> str | None:
    for name in ID_FIELDS:
        value = record.get(name)
        if isinstance(value, str):
            return value
    return None


class JsonlFileSink:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.repaired_bytes = _cut_torn_tail(path)
        self.ids: set[str] = set()
        if path.exists():
            with path.open("rb") as handle:
                for line in handle:
                    ident = record_id(orjson.loads(line))
                    if ident:
                        self.ids.add(ident)
        self._handle = path.open("ab")
        self._pending: list[bytes] = []

    def add(self, value: bytes) -> bool:
        """Queue one record; False if its id is already in the file (or queued)."""
        record = orjson.loads(value)
        ident = record_id(record)
        if ident is not None and ident in self.ids:
            return False
        if ident is not None:
            self.ids.add(ident)
        self._pending.append(orjson.dumps(record) + b"\n")
        return True

    def flush(self) -> int:
        if not self._pending:
            return 0
        written = len(self._pending)
        self._handle.write(b"".join(self._pending))
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._pending.clear()
        return written

    def close(self) -> None:
        self.flush()
        self._handle.close()


def _cut_torn_tail(path: Path) -> int:
    """Truncate after the last newline; return how many bytes were cut."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as handle:
        block = min(size, 1 << 20)
        position = size
        while position > 0:
            start = max(0, position - block)
            handle.seek(start)
            chunk = handle.read(position - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            position = start
        else:
            keep = 0
        if keep < size:
            handle.truncate(keep)
            handle.flush()
            os.fsync(handle.fileno())
        return size - keep
