"""Incidents linked by the stream (two `newsflow link` workers) against embedded mode, on the
same enriched records of a labelled file (gva-incidents-dev): the records of one part are
replayed onto the enriched topic in published order, the incidents topic is copied by
`newsflow sink`, and both are scored by eval-incidents' code. Writes bench/report.json
(section "incidents_stream_PART").

    python -m bench.incidents_stream GOLD.jsonl ENRICHED.jsonl [--part aside|tune|all]

ENRICHED: `newsflow run GOLD.jsonl -o ENRICHED.jsonl`. Needs a broker (the configured one,
else a private local one)."""

from __future__ import annotations

import argparse
import time
import uuid
from pathlib import Path

import orjson
from kafka import KafkaProducer

from bench.harness import OUT, broker, update_report, wait_for_log
from pipeline.cli.eval_cmd import load_rows
from pipeline.evaluation.datasets import Part, in_part
from pipeline.evaluation.linking import score_incidents, score_linking
from pipeline.kafka.topics import ensure_topics
from pipeline.testing import line_count, pipeline_env, settings_for, start, stop

REPORT = Path(__file__).with_name("report.json")
WORKERS = 2


def replay(bootstrap: str, topic: str, records: list[dict]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    for record in records:
        producer.send(topic, key=record["id"].encode(), value=orjson.dumps(record))
    producer.flush()
    producer.close()


def through_stream(bootstrap: str, records: list[dict], logs: Path) -> tuple[list[dict], float]:
    """(every incident version the stream published, seconds from the first send to the last
    version)."""
    env = pipeline_env(bootstrap, f"inc{uuid.uuid4().hex[:8]}", NEWSFLOW_TOPIC_PARTITIONS="6")
    ensure_topics(settings_for(env))
    logs.mkdir(parents=True, exist_ok=True)
    output = logs / "incidents.jsonl"
    output.unlink(missing_ok=True)  # the sink appends: a previous run's lines would count
    workers = [
        start(["link", "--loglevel", "info"], env, logs / f"link{n}.log") for n in range(WORKERS)
    ]
    sink = start(
        ["sink", "--topic", env["NEWSFLOW_TOPIC_INCIDENTS"], "--output", str(output)],
        env,
        logs / "sink.log",
    )
    for n in range(WORKERS):
        wait_for_log(logs / f"link{n}.log", "Worker ready", 1, 120, workers)
    time.sleep(5)  # let the group settle its partitions before the first record
    events = sum(len(r.get("events") or []) for r in records)
    started = time.monotonic()
    try:
        replay(bootstrap, env["NEWSFLOW_TOPIC_ENRICHED"], records)
        # Each event makes one version: done when they are all in the file and it stays so.
        deadline = started + 1800
        while line_count(output) < events and time.monotonic() < deadline:
            for proc in [*workers, sink]:
                if proc.poll() is not None:
                    raise RuntimeError(f"{proc.args} exited; see {logs}")
            time.sleep(0.5)
        elapsed = time.monotonic() - started
        time.sleep(5)
    finally:
        for proc in [*workers, sink]:
            stop(proc)
    return [orjson.loads(line) for line in output.read_bytes().splitlines()], elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("enriched", type=Path)
    parser.add_argument("--part", default="aside", choices=[str(p) for p in Part])
    args = parser.parse_args()
    part = Part(args.part)
    rows = [r for r in load_rows(args.gold, None) if in_part(r, part)]
    wanted = {r["id"] for r in rows}
    records = [r for r in load_rows(args.enriched, None) if r.get("id") in wanted]
    records.sort(key=lambda r: (r.get("published") or "", r["id"]))
    by_id = {r["id"]: r for r in records}
    embedded = score_linking(rows, {k: orjson.loads(orjson.dumps(v)) for k, v in by_id.items()})
    with broker() as (bootstrap, _):
        versions, seconds = through_stream(bootstrap, records, OUT / f"incidents-{part}")
    streamed = score_incidents([r for r in rows if r["id"] in by_id], versions)
    key = str(part)
    result = {
        "file": args.gold.name,
        "part": key,
        "articles": len(records),
        "workers": WORKERS,
        "versions": len(versions),
        "seconds": round(seconds, 1),
        "embedded": _summary(embedded[key]),
        "stream": _summary(streamed[key]),
    }
    result["bcubed_f1_difference"] = round(
        result["stream"]["bcubed_f1"] - result["embedded"]["bcubed_f1"], 4
    )
    update_report(REPORT, f"incidents_stream_{key}", result)
    print(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())


def _summary(scores: dict) -> dict:
    return {
        "bcubed_f1": round(scores["bcubed"]["f1"], 4),
        "bcubed_precision": round(scores["bcubed"]["precision"], 4),
        "bcubed_recall": round(scores["bcubed"]["recall"], 4),
        "pairwise_f1": round(scores["pairwise"]["f1"], 4),
        "toll_killed": scores["toll_accuracy"]["killed"],
        "toll_injured": scores["toll_accuracy"]["injured"],
        "incidents": scores["incidents"],
    }


if __name__ == "__main__":
    main()
