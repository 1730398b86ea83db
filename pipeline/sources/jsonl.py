"""JSONL archives: one article object per line; a bad line is reported and skipped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import orjson

from pipeline.errors import InputError
from pipeline.records import article_from_mapping
from pipeline.sources.base import ReadProblem, SourceItem


def read_jsonl_lines(
    lines: Iterable[bytes], *, name: str, max_text_chars: int | None = None
) -> Iterator[SourceItem]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            reason = "not UTF-8" if "utf-8" in str(exc).lower() else f"invalid JSON ({exc})"
            yield ReadProblem(where, reason)
            continue
        try:
            yield article_from_mapping(obj, max_text_chars=max_text_chars)
        except InputError as exc:
            yield ReadProblem(where, exc.reason)
