"""Smoke tests on the real broker: admin, producer/consumer round trip, a faust worker process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient

pytestmark = pytest.mark.kafka
HERE = Path(__file__).parent


def consume(
    bootstrap: str,
    topic: str,
    expected: int,
    timeout: float = 60.0,
    producer_alive: Callable[[], bool] = lambda: True,
) -> list:
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=1000,
    )
    records: list = []
    deadline = time.monotonic() + timeout
    try:
        while len(records) < expected and time.monotonic() < deadline and producer_alive():
            records.extend(consumer)
    finally:
        consumer.close()
    return records


def test_admin_creates_a_topic_with_four_partitions(kafka_bootstrap, new_topic):
    topic = new_topic("smoke", partitions=4)
    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    try:
        (description,) = admin.describe_topics([topic])
    finally:
        admin.close()
    assert description["name"] == topic and description["error_code"] == 0
    assert len(description["partitions"]) == 4


def test_thousand_keyed_records_round_trip_in_per_key_order(kafka_bootstrap, new_topic):
    topic = new_topic("roundtrip", partitions=4)
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all", linger_ms=5)
    keys = [f"article-{k}" for k in range(10)]
    for seq in range(1000):
        key = keys[seq % 10]
        producer.send(topic, key=key.encode(), value=orjson.dumps({"seq": seq, "key": key}))
    producer.flush()
    producer.close()

    records = consume(kafka_bootstrap, topic, expected=1000)
    assert len(records) == 1000
    by_key: dict[str, list[int]] = defaultdict(list)
    for record in records:
        value = orjson.loads(record.value)
        assert value["key"] == record.key.decode()
        by_key[value["key"]].append(value["seq"])
    assert set(by_key) == set(keys)
    for seqs in by_key.values():
        assert seqs == sorted(seqs) and len(seqs) == 100
    partitions_used = {r.partition for r in records}
    assert len(partitions_used) > 1, "keys should spread over the partitions"


def test_faust_worker_process_reads_one_topic_and_writes_another(
    kafka_bootstrap, new_topic, unique_name, tmp_path
):
    source, sink = new_topic("faust-in"), new_topic("faust-out")
    env = {
        **os.environ,
        "ECHO_BROKER": kafka_bootstrap.split(",")[0],
        "ECHO_SOURCE": source,
        "ECHO_SINK": sink,
        "ECHO_APP_ID": unique_name("echo"),
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "faust_echo_app.py"),
            "--datadir",
            str(tmp_path / "faust"),
            "worker",
            "-l",
            "warn",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
        for n in range(20):
            producer.send(source, key=f"k{n}".encode(), value=f"hello {n}".encode())
        producer.flush()
        producer.close()
        records = consume(
            kafka_bootstrap,
            sink,
            expected=20,
            timeout=90,
            producer_alive=lambda: worker.poll() is None,
        )
    finally:
        worker.terminate()
        try:
            output, _ = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
    values = sorted(r.value for r in records)
    assert values == sorted(f"HELLO {n}".encode() for n in range(20)), output.decode()[-2000:]
    assert {r.key for r in records} == {f"k{n}".encode() for n in range(20)}
