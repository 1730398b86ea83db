"""Helpers to run the real pipeline (produce, workers, sink) as subprocesses, for the
end-to-end tests and the benchmarks: environment with private topic names, start, wait, stop."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from pipeline.settings import Settings

NEWSFLOW = str(Path(sys.executable).parent / "newsflow")


def process_tree(pid: int) -> list[int]:
    """The process and its live descendants (the worker runs spaCy in a child process)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
    return found


def pipeline_env(bootstrap: str, prefix: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "NEWSFLOW_BOOTSTRAP_SERVERS": bootstrap,
        "NEWSFLOW_TOPIC_RAW": f"{prefix}.raw",
        "NEWSFLOW_TOPIC_ENRICHED": f"{prefix}.enriched",
        "NEWSFLOW_TOPIC_EVENTS": f"{prefix}.events",
        "NEWSFLOW_TOPIC_DLQ": f"{prefix}.dlq",
        "NEWSFLOW_TOPIC_INCIDENTS": f"{prefix}.incidents",
        "NEWSFLOW_CONSUMER_GROUP": f"{prefix}.enrich",
        "NEWSFLOW_INCIDENT_GROUP": f"{prefix}.link",
        "NEWSFLOW_TOPIC_PARTITIONS": "4",
        "NEWSFLOW_METRICS_PORT": "0",
        **extra,
    }


def settings_for(env: dict[str, str]) -> Settings:
    """The settings the subprocesses started with `env` will read."""
    fields = {k[len("NEWSFLOW_") :].lower(): v for k, v in env.items() if k.startswith("NEWSFLOW_")}
    return Settings(
        _env_file=None, **{k: v for k, v in fields.items() if k in Settings.model_fields}
    )


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    handle = log.open("wb")
    return subprocess.Popen(
        [NEWSFLOW, *args], env=env, stdout=handle, stderr=subprocess.STDOUT, cwd=log.parent
    )


def line_count(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def wait_for_lines(path: Path, expected: int, timeout: float, procs: list[subprocess.Popen]) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count = line_count(path)
        if count >= expected:
            return count
        dead = [p for p in procs if p.poll() is not None]
        if dead:
            raise AssertionError(f"{dead[0].args} exited with {dead[0].returncode}")
        time.sleep(0.5)
    return line_count(path)


def stop(proc: subprocess.Popen, timeout: float = 30) -> int:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return -9


def _topic_records(bootstrap: str, topic: str, idle_ms: int) -> list[tuple[str, bytes]]:
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        consumer_timeout_ms=idle_ms,
    )
    try:
        return [(m.key.decode(), m.value) for m in consumer]
    finally:
        consumer.close()


def read_topic_json(bootstrap: str, topic: str, *, idle_ms: int = 5000) -> dict[str, dict]:
    """Every record of a topic from the start, as {key: decoded JSON value} (e.g. the DLQ)."""
    import orjson

    return {key: orjson.loads(value) for key, value in _topic_records(bootstrap, topic, idle_ms)}


def count_topic_keys(bootstrap: str, topic: str, *, idle_ms: int = 5000) -> Counter[str]:
    """How many records each key has on a topic: redeliveries show as counts above one."""
    return Counter(key for key, _ in _topic_records(bootstrap, topic, idle_ms))
