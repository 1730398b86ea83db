"""An append-only JSONL file that is its own record of what was written.

`add` buffers, `flush` writes, flushes and fsyncs; the caller commits offsets only after
`flush`. On open, a torn last line (a crash mid-write) is cut off, and the ids already in the
file are loaded, so records re-read after a crash are dropped: each id is in the file once."""

from __future__ import annotations

import hashlib
import os
from enum import Enum
from pathlib import Path

import orjson

from pipeline.records.schema import INCIDENT_SCHEMA_FAMILY

ID_FIELDS = ("event_id", "id")  # an event's own id first: events also carry "article_id"


class Added(Enum):
    WRITTEN = "written"
    DUPLICATE = "duplicate"  # the same record again (a re-read after a crash)
    CONFLICT = "conflict"  # the same id with other content: the first one stays


def _digest(line: bytes) -> bytes:
    return hashlib.blake2b(line, digest_size=8).digest()


def record_id(record: dict) -> str | None:
    # An incident is published once per version: each version is written once (records of
    # an earlier schema version, still on a topic, too).
    if str(record.get("schema") or "").startswith(INCIDENT_SCHEMA_FAMILY):
        return f"{record.get('incident_id')}@{record.get('version')}"
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
        self.ids: dict[str, bytes] = {}  # id → digest of the line written for it
        if path.exists():
            with path.open("rb") as handle:
                for line in handle:
                    ident = record_id(orjson.loads(line))
                    if ident:
                        self.ids[ident] = _digest(line.rstrip(b"\n"))
        self._handle = path.open("ab")
        self._pending: list[bytes] = []

    def add(self, value: bytes) -> Added:
        """Queue one record unless its id is already in the file (or queued)."""
        line = orjson.dumps(orjson.loads(value))
        ident = record_id(orjson.loads(line))
        if ident is not None:
            known = self.ids.get(ident)
            if known is not None:
                return Added.DUPLICATE if known == _digest(line) else Added.CONFLICT
            self.ids[ident] = _digest(line)
        self._pending.append(line + b"\n")
        return Added.WRITTEN

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
