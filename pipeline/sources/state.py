"""What the producer already sent, kept between runs: per feed its ETag/Last-Modified and the
guids/links sent; per watched directory the files read. Written atomically (rename)."""

from __future__ import annotations

import os
import tempfile
from collections import OrderedDict
from pathlib import Path
from typing import Any

import orjson

MAX_SEEN_PER_SOURCE = 20_000  # old guids fall off; feeds only carry recent items


class SourceState:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: dict[str, dict[str, Any]] = {}
        if path.exists():
            try:
                self._data = orjson.loads(path.read_bytes())
            except orjson.JSONDecodeError:
                # A damaged state file must not stop a live wire; worst case is a re-send,
                # which the sink drops by id.
                self._data = {}
        self._seen: dict[str, OrderedDict[str, None]] = {
            key: OrderedDict.fromkeys(entry.get("seen", [])) for key, entry in self._data.items()
        }

    def entry(self, source: str) -> dict[str, Any]:
        return self._data.setdefault(source, {})

    def seen(self, source: str, item: str) -> bool:
        return item in self._seen.get(source, ())

    def mark(self, source: str, item: str) -> None:
        seen = self._seen.setdefault(source, OrderedDict())
        seen[item] = None
        while len(seen) > MAX_SEEN_PER_SOURCE:
            seen.popitem(last=False)

    def save(self) -> None:
        for key, seen in self._seen.items():
            self.entry(key)["seen"] = list(seen)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".state-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(orjson.dumps(self._data))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
