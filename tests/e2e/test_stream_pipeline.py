"""End to end on the real broker with real processes: produce the seeds and 200 articles, two
workers in one group, the file sink; then check the file, the DLQ and an outside client (kcat)."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import orjson
import pytest
from kafka import KafkaProducer

from bench.corpus import generated
from pipeline.records.schema import schema_errors
from pipeline.testing import (
    NEWSFLOW,
    pipeline_env,
    read_topic_json,
    start,
    stop,
    wait_for_lines,
)

pytestmark = pytest.mark.kafka
REPO = Path(__file__).resolve().parents[2]
ARTICLES = 200
MAX_TEXT = 20_000
POISON = {
    "not-utf8": b"\xff\xfe\x00 not text",
    "not-json": b"{this is not json",
    "wrong-shape": b"[1, 2, 3]",
    "no-date": orjson.dumps({"id": "p-no-date", "text": "Two people were killed."}),
    "too-long": orjson.dumps(
        {"id": "p-long", "published": "2024-01-01", "text": "word " * MAX_TEXT}
    ),
}


@pytest.fixture(scope="module")
def run(kafka_bootstrap, tmp_path_factory):
    work = tmp_path_factory.mktemp("e2e")
    prefix = f"e2e{int(time.time() * 1000) % 10**9}"
    env = pipeline_env(kafka_bootstrap, prefix, NEWSFLOW_MAX_TEXT_CHARS=str(MAX_TEXT))
    archive = work / "archive.jsonl"
    with archive.open("wb") as handle:
        for article in generated(ARTICLES, seed=7, min_words=60, max_words=160):
            handle.write(orjson.dumps(article.to_dict()) + b"\n")
    inputs = [str(REPO / "seeds"), str(archive)]
    produced = subprocess.run(
        [NEWSFLOW, "produce", *inputs, "--state", str(work / "state.json")],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert produced.returncode == 0, produced.stderr.decode()
    raw = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    for key, value in POISON.items():
        raw.send(f"{prefix}.raw", key=key.encode(), value=value)
    raw.flush()
    raw.close()
    output = work / "sink.jsonl"
    workers = [start(["worker"], env, work / f"worker{n}.log") for n in (1, 2)]
    sink = start(["sink", "--output", str(output)], env, work / "sink.log")
    expected = ARTICLES + 1
    try:
        count = wait_for_lines(output, expected, timeout=300, procs=[*workers, sink])
        time.sleep(2)  # anything extra (a duplicate) would arrive now
    finally:  # no process outlives the test, whatever happened
        exit_codes = [stop(p) for p in (*workers, sink)]
    embedded = subprocess.run(
        [NEWSFLOW, "run", *inputs], env=env, capture_output=True, timeout=300, check=False
    )
    return {
        "work": work,
        "prefix": prefix,
        "count": count,
        "expected": expected,
        "output": output,
        "exit_codes": exit_codes,
        "embedded": embedded,
        "env": env,
        "logs": {p.name: p.read_text(errors="replace")[-3000:] for p in work.glob("*.log")},
    }


def records(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_every_article_exactly_once(run):
    assert run["count"] == run["expected"], run["logs"]
    got = records(run["output"])
    ids = [r["id"] for r in got]
    assert len(ids) == len(set(ids)) == run["expected"]


def test_stream_records_equal_embedded_run_and_are_schema_valid(run):
    assert run["embedded"].returncode == 0
    embedded = {r["id"]: r for r in map(orjson.loads, run["embedded"].stdout.splitlines())}
    streamed = {r["id"]: r for r in records(run["output"])}
    assert streamed.keys() == embedded.keys()
    for ident, record in streamed.items():
        assert schema_errors(record) == []
        assert record == embedded[ident], ident


def test_workers_and_sink_stop_cleanly_on_sigterm(run):
    assert run["exit_codes"] == [0, 0, 0], run["logs"]


def test_worker_logs_are_json_lines(run):
    # One format for log shippers: faust's and aiokafka's lines too, and no terminal codes.
    for name in ("worker1.log", "worker2.log"):
        entries = [orjson.loads(line) for line in (run["work"] / name).read_bytes().splitlines()]
        assert any(e["msg"] == "worker ready" for e in entries), name
        assert any(e["msg"] == "batch" and e["nlp_cpu_seconds"] > 0 for e in entries), name


def test_poison_records_are_in_the_dlq_with_reasons(run, kafka_bootstrap):
    letters = read_topic_json(kafka_bootstrap, f"{run['prefix']}.dlq")
    assert set(letters) == set(POISON)
    assert "not UTF-8" in letters["not-utf8"]["reason"]
    assert "not JSON" in letters["not-json"]["reason"]
    assert "expected a JSON object" in letters["wrong-shape"]["reason"]
    assert "'published' is missing" in letters["no-date"]["reason"]
    assert "over the limit" in letters["too-long"]["reason"]
    for letter in letters.values():
        assert letter["source"]["topic"] == f"{run['prefix']}.raw" and letter["value_base64"]


def test_an_outside_client_reads_schema_valid_json(run, kafka_bootstrap):
    kcat = shutil.which("kcat")
    assert kcat, "kcat is not installed (make tools, or apt-get install kcat)"
    result = subprocess.run(
        [
            kcat,
            "-b",
            kafka_bootstrap,
            "-C",
            "-t",
            f"{run['prefix']}.enriched",
            "-o",
            "beginning",
            "-e",
            "-q",
            "-c",
            "20",
            "-f",
            "%s\n",
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 20
    for line in lines:
        assert schema_errors(orjson.loads(line)) == []
