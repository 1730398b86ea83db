"""Feeds on the real broker: a local RSS file and an Atom file are published; published again,
nothing new is sent (the guids are remembered)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from kafka import KafkaConsumer

from pipeline.testing import NEWSFLOW, pipeline_env

pytestmark = pytest.mark.kafka
FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"


def produce(env, state: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            NEWSFLOW,
            "produce",
            str(FEEDS / "wire.rss"),
            str(FEEDS / "local.atom"),
            "--state",
            str(state),
        ],
        env={**env, "COLUMNS": "200"},
        capture_output=True,
        timeout=120,
        check=False,
    )


def summary_count(stderr: bytes, label: str) -> int:
    for line in stderr.decode().splitlines():
        if label in line:
            return int(line.strip(" │|").split("│")[-1].strip())
    raise AssertionError(f"{label!r} not in summary:\n{stderr.decode()}")


def test_feeds_are_published_once(kafka_bootstrap, tmp_path):
    prefix = f"feeds{int(time.time() * 1000) % 10**9}"
    env = pipeline_env(kafka_bootstrap, prefix)
    state = tmp_path / "state.json"
    first = produce(env, state)
    assert first.returncode == 0, first.stderr.decode()
    assert summary_count(first.stderr, "sent (acknowledged)") == 4
    assert summary_count(first.stderr, "bad input") == 1  # the RSS item with an empty body
    second = produce(env, state)
    assert second.returncode == 0, second.stderr.decode()
    assert summary_count(second.stderr, "sent (acknowledged)") == 0
    assert summary_count(second.stderr, "skipped as duplicate") == 4
    consumer = KafkaConsumer(
        f"{prefix}.raw",
        bootstrap_servers=kafka_bootstrap,
        auto_offset_reset="earliest",
        consumer_timeout_ms=3000,
    )
    keys = sorted(m.key.decode() for m in consumer)
    consumer.close()
    assert len(keys) == 4 and "https://wire.example.org/a/1001" in keys
