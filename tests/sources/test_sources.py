from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.records import Article
from pipeline.sources import ReadProblem, read_paths
from pipeline.sources.seedfile import parse_seed_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_seed_format_with_leading_whitespace():
    article = parse_seed_text(" date 2024-01-01 Russia has accused Ukraine.\n\nMore.", name="x.txt")
    assert (article.published, article.text, article.id) == (
        "2024-01-01",
        "Russia has accused Ukraine.\n\nMore.",
        "x",
    )


def test_seed_without_dateline_is_an_input_error():
    with pytest.raises(InputError, match="does not start with 'date YYYY-MM-DD'"):
        parse_seed_text("Russia has accused Ukraine.", name="bad.txt")


def test_directory_of_seeds_is_read_in_order():
    items = list(read_paths([str(SEEDS)]))
    assert items and all(isinstance(i, Article) for i in items)
    assert items[0].id == "000_74950425cb7e5c78"


def test_jsonl_bad_lines_are_reported_with_file_and_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "a", "published": "2024-01-01", "text": "ok"}\n'
        b"not json\n"
        b"\n"
        b'{"id": "b", "published": "2024-01-01"}\n'
        b'{"id": "c", "published": "2024-01-01", "text": "caf\xe9"}\n'
        b'{"id": "d", "published": "2024-01-02", "text": "fine"}\n'
    )
    items = list(read_paths([str(path)]))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "d"]
    problems = [str(i) for i in items if isinstance(i, ReadProblem)]
    assert problems[0].startswith(f"{path}:2: invalid JSON")
    assert problems[1] == f"{path}:4: field 'text' is missing or not a string"
    assert problems[2] == f"{path}:5: not UTF-8"


def test_missing_path_and_non_utf8_file_are_problems_not_crashes(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b" date 2024-01-01 caf\xe9")
    problems = [str(i) for i in read_paths([str(tmp_path / "nope"), str(bad)])]
    assert problems == [
        f"{tmp_path / 'nope'}: no such file or directory",
        f"{bad}: not UTF-8 (byte 20)",
    ]
