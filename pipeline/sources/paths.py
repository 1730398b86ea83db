"""Turn command-line paths (files, directories, '-') into a stream of articles and problems."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.errors import InputError
from pipeline.sources.base import ReadProblem, SourceItem
from pipeline.sources.jsonl import read_jsonl, read_jsonl_lines
from pipeline.sources.ninjs import read_ninjs
from pipeline.sources.seedfile import parse_seed_text, read_seed_file

_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_TEXT_SUFFIXES = {".txt", ""}
_JSON_SUFFIXES = {".json"}  # IPTC ninjs items


def expand(paths: Iterable[str]) -> Iterator[Path | ReadProblem]:
    """Files in the order given; directories sorted, recursively, readable kinds only."""
    for given in paths:
        path = Path(given)
        if given == "-":
            yield path
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _readable_kind(p))
            if not files:
                yield ReadProblem(str(path), "directory holds no .txt, .jsonl or .json files")
            yield from files
        elif path.is_file():
            yield path
        else:
            yield ReadProblem(given, "no such file or directory")


def _readable_kind(path: Path) -> bool:
    suffix = path.suffix.lower()
    known = _JSONL_SUFFIXES | _TEXT_SUFFIXES | _JSON_SUFFIXES
    return not path.name.startswith(".") and suffix in known


def read_paths(paths: Iterable[str], *, max_text_chars: int | None = None) -> Iterator[SourceItem]:
    for entry in expand(paths):
        if isinstance(entry, ReadProblem):
            yield entry
        elif str(entry) == "-":
            yield from _read_stdin(max_text_chars)
        elif entry.suffix.lower() in _JSONL_SUFFIXES:
            yield from read_jsonl(entry, max_text_chars=max_text_chars)
        elif entry.suffix.lower() in _JSON_SUFFIXES:
            yield from read_ninjs(entry, max_text_chars=max_text_chars)
        else:
            try:
                yield read_seed_file(entry, max_text_chars=max_text_chars)
            except InputError as exc:
                yield ReadProblem(exc.where or str(entry), exc.reason)
            except OSError as exc:
                yield ReadProblem(str(entry), exc.strerror or str(exc))


def _read_stdin(max_text_chars: int | None) -> Iterator[SourceItem]:
    """JSONL when the first character is '{', else one seed-format article."""
    data = sys.stdin.buffer.read()
    if data.lstrip().startswith(b"{"):
        yield from read_jsonl_lines(
            data.splitlines(), name="<stdin>", max_text_chars=max_text_chars
        )
        return
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield ReadProblem("<stdin>", f"not UTF-8 (byte {exc.start})")
        return
    try:
        yield parse_seed_text(raw, name="<stdin>", source="stdin", max_text_chars=max_text_chars)
    except InputError as exc:
        yield ReadProblem(exc.where or "<stdin>", exc.reason)
