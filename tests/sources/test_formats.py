"""The input-format table: each kind is found by its name or, without one, by its first bytes,
and read the same way from a file, a directory or stdin."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import orjson
import pytest

from pipeline.records import Article
from pipeline.sources import ReadProblem, read_paths
from pipeline.sources.formats import (
    FEED,
    FORMATS,
    JSONL,
    NINJS,
    SEED,
    described,
    format_of_head,
    format_of_path,
)

FEEDS = Path(__file__).parents[1] / "data" / "feeds"
NINJS_ITEM = {
    "uri": "urn:wire:1",
    "versioncreated": "2024-05-02T10:00:00Z",
    "headline": "Storm kills two",
    "body_text": "A storm killed two people in Ohio on Wednesday.",
}
JSONL_LINES = b'{"id": "x1", "published": "2024-05-02", "text": "One"}\n' + (
    b'{"id": "x2", "published": "2024-05-02", "text": "Two"}\n'
)
SEED_TEXT = b" date 2024-05-02 A storm killed two people in Ohio on Wednesday."


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (FEEDS.joinpath("wire.rss").read_bytes(), FEED),
        (FEEDS.joinpath("local.atom").read_bytes(), FEED),
        (orjson.dumps(NINJS_ITEM, option=orjson.OPT_INDENT_2), NINJS),
        (orjson.dumps([NINJS_ITEM]), NINJS),
        (JSONL_LINES, JSONL),
        (SEED_TEXT, SEED),
    ],
)
def test_each_kind_is_known_by_its_first_bytes(head: bytes, expected) -> None:
    assert format_of_head(head) is expected


def test_a_suffix_decides_and_a_file_without_one_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "wire").write_bytes(FEEDS.joinpath("wire.rss").read_bytes())
    (tmp_path / "archive").write_bytes(JSONL_LINES)
    (tmp_path / "story").write_bytes(SEED_TEXT)
    (tmp_path / "odd.jsonl").write_bytes(SEED_TEXT)  # named as JSONL: read as JSONL, and fails
    assert format_of_path(tmp_path / "wire") is FEED
    assert format_of_path(tmp_path / "archive") is JSONL
    assert format_of_path(tmp_path / "story") is SEED
    assert format_of_path(tmp_path / "odd.jsonl") is JSONL


def test_every_kind_is_read_from_a_directory_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_bytes(FEEDS.joinpath("wire.rss").read_bytes())
    (tmp_path / "b.json").write_bytes(orjson.dumps(NINJS_ITEM))
    (tmp_path / "c.jsonl").write_bytes(JSONL_LINES)
    (tmp_path / "d.txt").write_bytes(SEED_TEXT)
    (tmp_path / "e.pdf").write_bytes(b"%PDF")  # no row reads it: left out, not an error
    items = list(read_paths([str(tmp_path)]))
    problems = [str(i) for i in items if isinstance(i, ReadProblem)]
    assert problems == [f"{tmp_path / 'a.rss'} item 3: field 'text' is empty"]  # in the fixture
    ids = [i.id for i in items if isinstance(i, Article)]
    assert ids[-4:] == ["urn:wire:1", "x1", "x2", "d"]
    assert len(ids) > 4  # the feed's items come first


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        (JSONL_LINES, ["x1", "x2"]),
        (orjson.dumps(NINJS_ITEM, option=orjson.OPT_INDENT_2), ["urn:wire:1"]),
        (SEED_TEXT, ["<stdin>"]),
    ],
)
def test_stdin_is_sniffed_like_a_file(monkeypatch, data: bytes, ids: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(read_paths(["-"]))
    assert [i.id for i in items if isinstance(i, Article)] == ids


def test_unreadable_content_is_a_problem_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_bytes(b"{ not json")
    (tmp_path / "feed.xml").write_bytes(b"<?xml version='1.0'?><html>nothing</html")
    problems = [i for i in read_paths([str(tmp_path)]) if isinstance(i, ReadProblem)]
    assert [Path(p.where).name for p in problems] == ["broken.json", "feed.xml"]
    assert "invalid JSON" in problems[0].reason and "not a feed" in problems[1].reason


def test_the_help_names_every_kind() -> None:
    text = described()
    assert all(f.description in text for f in FORMATS) and text.endswith("- for stdin")
