from __future__ import annotations

import orjson

from pipeline.records.schema import schema_errors


def lines(stdout: bytes) -> list[dict]:
    return [orjson.loads(line) for line in stdout.splitlines() if line.strip()]


def test_main_job_on_the_bundled_seeds(newsflow):
    result = newsflow("run", "seeds/")
    assert result.returncode == 0, result.stderr.decode()
    (record,) = lines(result.stdout)
    assert schema_errors(record) == []
    assert record["events"][0]["killed"]["min"] == 21
    assert b"1 enriched, 0 skipped" in result.stderr


def test_bad_lines_are_reported_and_the_rest_written(newsflow, tmp_path):
    source = tmp_path / "mixed.jsonl"
    source.write_bytes(
        b'{"id": "ok-1", "published": "2024-02-02", "text": "Two people were killed on Monday."}\n'
        b"{oops\n"
        b'{"id": "no-date", "text": "Three were hurt."}\n'
    )
    out = tmp_path / "out.jsonl"
    result = newsflow("run", str(source), "-o", str(out))
    assert result.returncode == 0
    stderr = result.stderr.decode()
    assert f"{source}:2" in stderr and f"{source}:3" in stderr and "Traceback" not in stderr
    (record,) = lines(out.read_bytes())
    assert record["id"] == "ok-1" and record["events"][0]["killed"]["min"] == 2


def test_nothing_readable_exits_non_zero_without_a_traceback(newsflow, tmp_path):
    result = newsflow("run", str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert b"nothing could be read" in result.stderr and b"Traceback" not in result.stderr


def test_stdin_jsonl(newsflow):
    payload = b'{"id": "s", "published": "2024-05-06", "text": "Nobody was hurt in the blast on Sunday."}\n'
    result = newsflow("run", "-", stdin=payload)
    (record,) = lines(result.stdout)
    assert record["events"][0]["injured"] == {"min": 0, "max": 0, "qualifier": "exact"}
