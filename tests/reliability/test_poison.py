"""Poison input: the stream routes each class to the DLQ with a reason (or enriches it, when it
is valid but odd) and keeps going; the CLI reports each with its file and line."""

from __future__ import annotations

import subprocess

import orjson
import pytest
from kafka import KafkaProducer

from pipeline.testing import NEWSFLOW, line_count, pipeline_env, read_topic_json, start, stop
from tests.reliability.conftest import produce, sink_ids, wait_until
from tests.reliability.poison import DUPLICATES, POISON

pytestmark = pytest.mark.timeout(600)


@pytest.mark.kafka
def test_stream_routes_every_poison_class(kafka_bootstrap, tmp_path, prefix):
    env = pipeline_env(kafka_bootstrap, prefix)
    seeds = tmp_path / "first.jsonl"
    seeds.write_bytes(
        orjson.dumps(
            {"id": "before", "published": "2024-03-01", "text": "One man was killed on Sunday."}
        )
        + b"\n"
    )
    assert produce(env, str(seeds)).returncode == 0  # creates the topics
    raw = KafkaProducer(
        bootstrap_servers=kafka_bootstrap,
        acks="all",
        max_request_size=16 * 1024 * 1024,
        compression_type="gzip",
    )
    for name, (value, _) in POISON.items():
        raw.send(f"{prefix}.raw", key=name.encode(), value=value)
    for value in DUPLICATES:
        raw.send(f"{prefix}.raw", key=b"dup", value=value)
    raw.send(
        f"{prefix}.raw",
        key=b"after",
        value=orjson.dumps(
            {
                "id": "after",
                "published": "2024-03-02",
                "text": "Four people were injured on Friday.",
            }
        ),
    )
    raw.flush()
    raw.close()
    output = tmp_path / "sink.jsonl"
    worker = start(["worker"], env, tmp_path / "worker.log")
    sink = start(["sink", "--output", str(output)], env, tmp_path / "sink.log")
    enriched = [n for n, (_, where) in POISON.items() if where == "enriched"]
    expected_lines = 1 + len(enriched) + 1 + 1  # before, valid oddities, one "dup", after
    try:
        wait_until(lambda: line_count(output) >= expected_lines, 300, "the valid records")
        wait_until(
            lambda: "first one kept" in (tmp_path / "sink.log").read_text(),
            60,
            "the sink to report the conflicting duplicate",
        )
        assert worker.poll() is None, "the worker stopped on poison"
    finally:
        stop(worker)
        stop(sink)
    # The summary line counts the conflicting copy apart from plain duplicates.
    assert "1 conflicting copies kept out" in (tmp_path / "sink.log").read_text()
    ids = sink_ids(output)
    assert sorted(ids) == sorted(["before", "after", "dup", "bignum", "rtl"])
    records = {
        orjson.loads(line)["id"]: orjson.loads(line) for line in output.read_bytes().splitlines()
    }
    assert records["dup"]["events"][0]["killed"]["min"] == 2  # the first version stays
    # A 400-digit number is no count: no figure of that record may hold it, and its clash is
    # still an incident.
    bignum = records["bignum"]
    assert bignum["events"], "the clash on Monday opens no incident"
    assert all(
        value is None or value < 10_000_000
        for c in bignum["casualties"]
        for value in (c["min"], c["max"])
    )
    assert records["rtl"]["events"][0]["killed"]["min"] == 3
    letters = read_topic_json(kafka_bootstrap, f"{prefix}.dlq")
    dead = {n: where for n, (_, where) in POISON.items() if where != "enriched"}
    assert set(letters) == set(dead)
    for name, reason in dead.items():
        assert reason in letters[name]["reason"], (name, letters[name]["reason"])


def test_cli_reports_each_poison_line_with_file_and_line(tmp_path):
    archive = tmp_path / "poison.jsonl"
    lines = [value for value, _ in POISON.values()] + list(DUPLICATES)
    archive.write_bytes(b"\n".join(lines) + b"\n")
    result = subprocess.run(
        [NEWSFLOW, "run", str(archive)], capture_output=True, timeout=300, check=False
    )
    assert result.returncode == 0
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    for number, (name, (_, where)) in enumerate(POISON.items(), start=1):
        if where == "enriched":
            continue
        located = [line for line in stderr.splitlines() if f"{archive}:{number}:" in line]
        assert located, f"{name} (line {number}) not reported"
    written = [orjson.loads(line)["id"] for line in result.stdout.splitlines()]
    assert written == ["bignum", "rtl", "dup", "dup"]  # embedded mode does not deduplicate
