"""Every kind of input newsflow reads, in one table: how a file of that kind is named, how its
first bytes look, how it is read, and how the CLI describes it. Path expansion, stdin, `run`,
`produce` and the commands' help all ask this table, so a new kind is one row."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from pipeline.errors import InputError
from pipeline.sources.base import ReadProblem, SourceItem
from pipeline.sources.feeds import parse_feed
from pipeline.sources.jsonl import read_jsonl_lines
from pipeline.sources.ninjs import looks_like_ninjs, ninjs_items
from pipeline.sources.seedfile import parse_seed_text

SNIFF_BYTES = 512

ReadData = Callable[[bytes, str, int | None], Iterator[SourceItem]]


@dataclass(frozen=True, slots=True, kw_only=True)
class InputFormat:
    name: str
    description: str  # for --help
    suffixes: frozenset[str]
    sniff: Callable[[bytes], bool]  # on the first bytes, for names without a known suffix
    read_data: ReadData  # the whole content (stdin, a feed, a ninjs file)
    read_path: Callable[[Path, int | None], Iterator[SourceItem]] | None = None  # streaming

    def read(self, path: Path, max_text_chars: int | None) -> Iterator[SourceItem]:
        if self.read_path is not None:
            yield from self.read_path(path, max_text_chars)
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield ReadProblem(str(path), exc.strerror or str(exc))
            return
        yield from self.read_data(data, str(path), max_text_chars)


def _jsonl_data(data: bytes, name: str, max_text_chars: int | None) -> Iterator[SourceItem]:
    yield from read_jsonl_lines(data.splitlines(), name=name, max_text_chars=max_text_chars)


def _jsonl_path(path: Path, max_text_chars: int | None) -> Iterator[SourceItem]:
    try:
        handle = path.open("rb")  # line by line: archives can be larger than memory
    except OSError as exc:
        yield ReadProblem(str(path), exc.strerror or str(exc))
        return
    with handle:
        yield from read_jsonl_lines(handle, name=str(path), max_text_chars=max_text_chars)


def _ninjs_data(data: bytes, name: str, max_text_chars: int | None) -> Iterator[SourceItem]:
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        yield ReadProblem(name, f"invalid JSON ({exc})")
        return
    yield from ninjs_items(obj, name=name, max_text_chars=max_text_chars)


def _is_ninjs(head: bytes) -> bool:
    try:  # a sniff sees only the head; a whole small document is the common case
        return looks_like_ninjs(orjson.loads(head))
    except orjson.JSONDecodeError:
        return head.lstrip().startswith((b"[", b"{\n", b"{\r")) and b'"uri"' in head


def _feed_data(data: bytes, name: str, max_text_chars: int | None) -> Iterator[SourceItem]:
    try:
        for feed_item in parse_feed(data, name=name, max_text_chars=max_text_chars):
            yield feed_item.item
    except InputError as exc:
        yield ReadProblem(exc.where or name, exc.reason)


def _is_feed(head: bytes) -> bool:
    return head.lstrip().lower().startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


def _seed_data(data: bytes, name: str, max_text_chars: int | None) -> Iterator[SourceItem]:
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield ReadProblem(name, f"not UTF-8 (byte {exc.start})")
        return
    source = "stdin" if name == "<stdin>" else "file"
    try:
        yield parse_seed_text(raw, name=name, source=source, max_text_chars=max_text_chars)
    except InputError as exc:
        yield ReadProblem(exc.where or name, exc.reason)


FEED = InputFormat(
    name="feed",
    description="RSS/Atom feed files",
    suffixes=frozenset({".rss", ".atom", ".xml", ".rdf"}),
    sniff=_is_feed,
    read_data=_feed_data,
)
NINJS = InputFormat(
    name="ninjs",
    description="IPTC ninjs .json (one item or a list)",
    suffixes=frozenset({".json"}),
    sniff=_is_ninjs,
    read_data=_ninjs_data,
)
JSONL = InputFormat(
    name="jsonl",
    description=".jsonl archives (one {id, published, title, text, url, source} object per line)",
    suffixes=frozenset({".jsonl", ".ndjson"}),
    sniff=lambda head: head.lstrip().startswith(b"{"),
    read_data=_jsonl_data,
    read_path=_jsonl_path,
)
SEED = InputFormat(
    name="seed",
    description="seed-format .txt (' date YYYY-MM-DD' then the text)",
    suffixes=frozenset({".txt", ""}),
    sniff=lambda head: True,
    read_data=_seed_data,
)
# Sniffing order: the first whose sniff accepts the head wins; seed text takes the rest.
FORMATS: tuple[InputFormat, ...] = (FEED, NINJS, JSONL, SEED)


def format_of_suffix(path: Path) -> InputFormat | None:
    suffix = path.suffix.lower()
    return next((f for f in FORMATS if suffix in f.suffixes), None)


def format_of_head(head: bytes) -> InputFormat:
    return next(f for f in FORMATS if f.sniff(head[:SNIFF_BYTES]))


def format_of_path(path: Path) -> InputFormat:
    """By suffix; a file without one (or with one no row knows) by its first bytes."""
    known = format_of_suffix(path)
    if known is not None and path.suffix:
        return known
    try:
        with path.open("rb") as handle:
            return format_of_head(handle.read(SNIFF_BYTES))
    except OSError:
        return known or SEED  # the reader reports why it cannot be read


def described(*, with_stdin: bool = True) -> str:
    parts = [f.description for f in FORMATS]
    if with_stdin:
        parts.append("directories of them, or - for stdin")
    return ", ".join(parts)
