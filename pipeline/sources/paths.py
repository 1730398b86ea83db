"""Turn command-line paths (files, directories, '-') into a stream of articles and problems."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.sources.base import ReadProblem, SourceItem
from pipeline.sources.formats import FORMATS, format_of_head, format_of_path

_KNOWN_SUFFIXES = frozenset().union(*(f.suffixes for f in FORMATS))


def expand(paths: Iterable[str]) -> Iterator[Path | ReadProblem]:
    """Files in the order given; directories sorted, recursively, readable kinds only."""
    for given in paths:
        path = Path(given)
        if given == "-":
            yield path
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _readable_kind(p))
            if not files:
                kinds = ", ".join(sorted(s for s in _KNOWN_SUFFIXES if s))
                yield ReadProblem(str(path), f"directory holds no {kinds} files")
            yield from files
        elif path.is_file():
            yield path
        else:
            yield ReadProblem(given, "no such file or directory")


def _readable_kind(path: Path) -> bool:
    return not path.name.startswith(".") and path.suffix.lower() in _KNOWN_SUFFIXES


def read_paths(paths: Iterable[str], *, max_text_chars: int | None = None) -> Iterator[SourceItem]:
    for entry in expand(paths):
        if isinstance(entry, ReadProblem):
            yield entry
        elif str(entry) == "-":
            data = sys.stdin.buffer.read()
            yield from format_of_head(data).read_data(data, "<stdin>", max_text_chars)
        else:
            yield from format_of_path(entry).read(entry, max_text_chars)
