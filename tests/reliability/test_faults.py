"""Crashes, restarts and stops lose nothing and duplicate nothing (tests on the real broker)."""

from __future__ import annotations

import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from pipeline.testing import (
    NEWSFLOW,
    count_topic_keys,
    line_count,
    pipeline_env,
    process_tree,
    start,
    stop,
)
from tests.reliability.conftest import produce, sink_ids, wait_until, write_archive

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(600)]


def assert_exactly_once(output, expected_ids):
    ids = sink_ids(output)
    assert len(ids) == len(set(ids)), "duplicates in the sink file"
    assert set(ids) == set(expected_ids), f"{len(set(expected_ids) - set(ids))} lost"


def sink_summary(log: Path) -> tuple[int, int]:
    """(written, duplicates dropped) from the line a sink prints when it stops."""
    found = re.search(r"(\d+) written, (\d+) duplicates dropped", log.read_text(errors="replace"))
    assert found, f"no summary in {log.name}"
    return int(found[1]), int(found[2])


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def running_pipeline(bootstrap, tmp_path, prefix, *, count, seed, sink_log="sink.log"):
    """Publish `count` articles, then start one worker and the sink on them."""
    env = pipeline_env(bootstrap, prefix)
    ids = write_archive(tmp_path / "archive.jsonl", count, seed=seed)
    assert produce(env, str(tmp_path / "archive.jsonl")).returncode == 0
    output = tmp_path / "sink.jsonl"
    worker = start(["worker"], env, tmp_path / "worker1.log")
    sink = start(["sink", "--output", str(output)], env, tmp_path / sink_log)
    return env, ids, output, worker, sink


def test_worker_killed_and_restarted(kafka_bootstrap, tmp_path, prefix):
    env, ids, output, worker, sink = running_pipeline(
        kafka_bootstrap, tmp_path, prefix, count=2000, seed=21
    )
    try:
        wait_until(lambda: line_count(output) >= 300, 300, "the first 300 articles")
        spacy_children = process_tree(worker.pid)[1:]
        assert spacy_children, "the worker runs spaCy in a child process"
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        assert line_count(output) < len(ids), "killed too late to test anything"
        # Its spaCy process must not live on as an orphan holding the model's memory.
        wait_until(lambda: not any(alive(pid) for pid in spacy_children), 15, "orphan exit")
        worker = start(["worker"], env, tmp_path / "worker2.log")
        wait_until(lambda: line_count(output) >= len(ids), 400, "all articles after the restart")
        time.sleep(3)
    finally:
        stop(worker)
        stop(sink)
    assert_exactly_once(output, ids)
    # At least once upstream: the batch in hand at the kill is enriched again, so some ids may
    # have two records on the topic; the sink, which read them all, must have dropped exactly
    # those extra records.
    on_topic = count_topic_keys(env["NEWSFLOW_BOOTSTRAP_SERVERS"], env["NEWSFLOW_TOPIC_ENRICHED"])
    assert set(on_topic) == set(ids)
    redelivered = sum(on_topic.values()) - len(on_topic)
    written, dropped = sink_summary(tmp_path / "sink.log")
    print(f"enriched records {sum(on_topic.values())} for {len(ids)} ids; sink dropped {dropped}")
    assert (written, dropped) == (len(ids), redelivered)


def test_sink_killed_mid_write_and_restarted(kafka_bootstrap, tmp_path, prefix):
    env, ids, output, worker, sink = running_pipeline(
        kafka_bootstrap, tmp_path, prefix, count=2000, seed=22, sink_log="sink1.log"
    )
    try:
        wait_until(lambda: line_count(output) >= 400, 300, "400 lines")
        sink.send_signal(signal.SIGKILL)
        sink.wait()
        kept = line_count(output)
        # What a crash in the middle of a write leaves behind: half a record, no newline.
        with output.open("ab") as handle:
            handle.write(b'{"schema":"newsflow.enriched/2","id":"torn-rec')
        sink = start(["sink", "--output", str(output)], env, tmp_path / "sink2.log")
        wait_until(lambda: line_count(output) >= len(ids), 400, "all articles after the restart")
        time.sleep(3)
    finally:
        stop(worker)
        stop(sink)
    assert_exactly_once(output, ids)
    assert "cut a torn last line" in (tmp_path / "sink2.log").read_text()
    # The restarted sink re-reads from the last commit: what it had written since then is
    # dropped as duplicates, and it writes exactly the rest.
    written, dropped = sink_summary(tmp_path / "sink2.log")
    print(f"kept {kept} lines at the kill; the restarted sink wrote {written}, dropped {dropped}")
    assert written == len(ids) - kept


def test_broker_restarted_mid_stream(own_broker, tmp_path, prefix):
    broker = own_broker(19492)
    env = pipeline_env(broker.bootstrap, prefix)
    ids = write_archive(tmp_path / "archive.jsonl", 1000, seed=23)
    assert produce(env, str(tmp_path / "archive.jsonl")).returncode == 0
    late = tmp_path / "late" / "late.jsonl"
    late.parent.mkdir()
    late_ids = write_archive(late, 40, seed=24, seconds_apart=1.0)
    output = tmp_path / "sink.jsonl"
    worker = start(["worker"], env, tmp_path / "worker.log")
    sink = start(["sink", "--output", str(output)], env, tmp_path / "sink.log")
    trickle = None
    try:
        wait_until(lambda: line_count(output) >= 200, 300, "200 lines before the restart")
        # A producer still sending while the broker goes away: 40 articles half a second apart.
        trickle = subprocess.Popen(
            [
                NEWSFLOW,
                "produce",
                str(late),
                "--replay-speed",
                "2",
                "--state",
                str(late.parent / "state.json"),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / "late.log").open("wb"),
        )
        began = time.monotonic()
        time.sleep(4)
        assert trickle.poll() is None, "the producer finished before the outage"
        down_at = time.monotonic() - began
        broker.down()
        time.sleep(6)
        assert trickle.poll() is None, "the producer did not outlive the outage"
        up_at = time.monotonic() - began
        broker.up()
        assert trickle.wait(timeout=300) == 0, (tmp_path / "late.log").read_text()
        wait_until(lambda: line_count(output) >= len(ids) + len(late_ids), 400, "all articles")
        time.sleep(3)
        assert worker.poll() is None and sink.poll() is None, "a process died instead of recovering"
    finally:
        if trickle is not None and trickle.poll() is None:
            trickle.kill()
        stop(worker)
        stop(sink)
    assert_exactly_once(output, ids + late_ids)
    # Article i is due i/2 s after the producer starts, later by its start-up (under 2 s): those
    # due from the outage to 2 s before its end were handed to the producer with no broker.
    during = [a for i, a in enumerate(late_ids) if down_at <= i / 2 <= up_at - 2]
    assert during, (down_at, up_at)
    assert set(during) <= set(sink_ids(output))


def test_sigterm_finishes_the_batch_and_exits_zero_quickly(kafka_bootstrap, tmp_path, prefix):
    env, ids, output, worker, sink = running_pipeline(
        kafka_bootstrap, tmp_path, prefix, count=300, seed=25
    )
    try:
        wait_until(lambda: line_count(output) >= 50, 300, "50 lines")
    except AssertionError:
        stop(worker)
        stop(sink)
        raise
    timings = []
    for proc in (worker, sink):
        began = time.monotonic()
        code = stop(proc, timeout=30)
        timings.append((code, time.monotonic() - began))
    assert [code for code, _ in timings] == [0, 0]
    assert all(seconds < 15 for _, seconds in timings), timings
    # Whatever was written is whole and once; a restart delivers the rest, still once.
    restarted = [
        start(["worker"], env, tmp_path / "worker2.log"),
        start(["sink", "--output", str(output)], env, tmp_path / "sink2.log"),
    ]
    try:
        wait_until(lambda: line_count(output) >= len(ids), 300, "the rest after the restart")
        time.sleep(2)
    finally:
        for proc in restarted:
            stop(proc)
    assert_exactly_once(output, ids)
