"""The incident workers (`newsflow link`) on the real broker: a worker killed mid-stream and
restarted, and a worker joining mid-stream, leave the same incidents as an uninterrupted run,
and no incident version is written twice."""

from __future__ import annotations

import re
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from kafka import KafkaProducer

from pipeline.evaluation.clusters import bcubed
from pipeline.kafka.topics import ensure_topics
from pipeline.testing import line_count, pipeline_env, settings_for, start, stop
from tests.reliability.conftest import wait_until
from tests.stream.test_incidents import embedded
from tests.tracking.stories import stories, truth

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(600)]

# A live wire's coverage: the stories of six weeks, sent over SEND_SECONDS. (Compressing
# months into seconds would make a worker's few seconds of outage reorder reports by weeks.)
INCIDENTS, DAYS, SEND_SECONDS = 150, 45, 30
# F1 against the generator's incidents: the stream may differ from an uninterrupted run by this
# much (a rebuilt table weighs words by the reports still open, not by every report seen).
F1_TOLERANCE = 0.01
LINK = ["link", "--loglevel", "info"]  # info: faust's recovery lines are what the tests read


def send_slowly(
    bootstrap: str, topic: str, records: list[dict], seconds: float
) -> threading.Thread:
    """Publish the enriched records over about `seconds`, as a live wire would."""

    def run() -> None:
        producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
        pause = seconds / len(records)
        for record in records:
            producer.send(topic, key=record["id"].encode(), value=orjson.dumps(record))
            time.sleep(pause)
        producer.flush()
        producer.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def latest_versions(path: Path) -> tuple[dict[str, dict], list[tuple[str, int]]]:
    lines = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    latest: dict[str, dict] = {}
    for incident in lines:
        held = latest.get(incident["incident_id"])
        if held is None or incident["version"] > held["version"]:
            latest[incident["incident_id"]] = incident
    return latest, [(i["incident_id"], i["version"]) for i in lines]


def articles_in(path: Path) -> int:
    if not path.exists():
        return 0
    latest, _ = latest_versions(path)
    return len({a for i in latest.values() for a in i["articles"]})


def sink_conflicts(log: Path) -> int:
    found = re.search(r"(\d+) conflicting copies kept out", log.read_text(errors="replace"))
    assert found, f"no summary in {log.name}"
    return int(found[1])


def check_against_uninterrupted(output: Path, records: list[dict], sink_log: Path) -> None:
    latest, versions = latest_versions(output)
    assert len(versions) == len(set(versions)), "an incident version written twice"
    clusters = {a: i["incident_id"] for i in latest.values() for a in i["articles"]}
    assert set(clusters) == {r["id"] for r in records}, "articles missing from the incidents"
    gold = truth(records)
    stream_f1 = bcubed(clusters, gold)["f1"]
    uninterrupted_f1 = bcubed(embedded(records), gold)["f1"]
    agreement = bcubed(clusters, embedded(records))["f1"]
    print(
        f"F1 stream {stream_f1:.3f}, uninterrupted {uninterrupted_f1:.3f}, agreement "
        f"{agreement:.3f}; {len(versions)} versions, {sink_conflicts(sink_log)} conflicting "
        "copies kept out by the sink"
    )
    assert stream_f1 >= uninterrupted_f1 - F1_TOLERANCE


@pytest.fixture
def link_env(kafka_bootstrap, prefix):
    env = pipeline_env(kafka_bootstrap, prefix)
    ensure_topics(settings_for(env))  # before the first record is sent
    return env


def linking_run(
    env: dict[str, str],
    tmp_path: Path,
    records: list[dict],
    workers: list[subprocess.Popen],
    disturb: Callable[[list[subprocess.Popen]], None],
) -> tuple[Path, Path]:
    """The records sent over SEND_SECONDS to the running `workers`, with a sink of the
    incidents; `disturb` is called once a third of the reports are linked. Returns the sink's
    file and log once every article is in an incident."""
    output, sink_log = tmp_path / "incidents.jsonl", tmp_path / "sink.log"
    sink = start(
        ["sink", "--topic", env["NEWSFLOW_TOPIC_INCIDENTS"], "--output", str(output)],
        env,
        sink_log,
    )
    sender = send_slowly(
        env["NEWSFLOW_BOOTSTRAP_SERVERS"], env["NEWSFLOW_TOPIC_ENRICHED"], records, SEND_SECONDS
    )
    try:
        wait_until(lambda: line_count(output) >= len(records) // 3, 120, "a third of the reports")
        disturb(workers)
        sender.join()
        wait_until(lambda: articles_in(output) >= len(records), 240, "every article linked")
        time.sleep(3)
    finally:
        sender.join()
        for proc in [*workers, sink]:
            stop(proc)
    return output, sink_log


def test_a_link_worker_killed_mid_stream_and_restarted(link_env, tmp_path):
    records = stories(INCIDENTS, seed=31, days=DAYS)
    states = [tmp_path / "state1", tmp_path / "state2"]
    workers = [
        start([*LINK, "--state-dir", str(states[n])], link_env, tmp_path / f"link{n}.log")
        for n in range(2)
    ]

    def kill_and_restart(running: list[subprocess.Popen]) -> None:
        running[0].send_signal(signal.SIGKILL)
        running[0].wait()
        assert articles_in(tmp_path / "incidents.jsonl") < len(records), "killed too late"
        time.sleep(2)
        # The same state directory: the local store is reopened and the changelog's tail read.
        running[0] = start(
            [*LINK, "--state-dir", str(states[0])], link_env, tmp_path / "link0-again.log"
        )

    output, sink_log = linking_run(link_env, tmp_path, records, workers, kill_and_restart)
    assert "Restore complete" in (tmp_path / "link0-again.log").read_text()
    check_against_uninterrupted(output, records, sink_log)


def test_a_second_link_worker_joins_mid_stream(link_env, tmp_path):
    records = stories(INCIDENTS, seed=37, days=DAYS)
    workers = [start(LINK, link_env, tmp_path / "link0.log")]

    def join(running: list[subprocess.Popen]) -> None:
        running.append(start(LINK, link_env, tmp_path / "link1.log"))

    output, sink_log = linking_run(link_env, tmp_path, records, workers, join)
    # The newcomer took partitions over: it rebuilt their incidents from the changelog.
    assert "Restore complete" in (tmp_path / "link1.log").read_text()
    check_against_uninterrupted(output, records, sink_log)
