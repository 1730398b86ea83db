"""Shared fixtures. `kafka_bootstrap` finds a real broker or fails the test: it never skips.

Order: NEWSFLOW_BOOTSTRAP_SERVERS when set; else testcontainers' Kafka when a Docker engine
answers; else the local broker from Apache Kafka's jars (deploy/kafka/kafka.sh), on a port and
state dir of its own, stopped when the session ends."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
KAFKA_SH = REPO / "deploy" / "kafka" / "kafka.sh"
PROBE = REPO / "deploy" / "kafka" / "probe.py"
OWN_BROKER_PORT = int(os.environ.get("NEWSFLOW_TEST_KAFKA_PORT", "19092"))


def broker_answers(bootstrap: str, timeout: float = 3.0) -> bool:
    first = bootstrap.split(",")[0].strip()
    result = subprocess.run(
        [sys.executable, str(PROBE), first, str(timeout)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True
    except Exception:  # no engine, no socket, no permission: all mean "not here"
        return False


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    configured = os.environ.get("NEWSFLOW_BOOTSTRAP_SERVERS")
    if configured:
        deadline = time.monotonic() + 30
        while not broker_answers(configured):
            if time.monotonic() > deadline:
                pytest.fail(
                    f"NEWSFLOW_BOOTSTRAP_SERVERS={configured} names a broker that does not answer "
                    "a metadata request; start it (make kafka-up) or unset the variable",
                    pytrace=False,
                )
            time.sleep(1)
        yield configured
        return
    if _docker_answers():
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer().with_kraft() as container:
            yield container.get_bootstrap_server()
        return
    state = tmp_path_factory.mktemp("kafka-state")
    env = {
        **os.environ,
        "NEWSFLOW_KAFKA_PORT": str(OWN_BROKER_PORT),
        "NEWSFLOW_KAFKA_STATE_DIR": str(state),
    }
    started = subprocess.run(
        [str(KAFKA_SH), "up", "--fresh"], env=env, capture_output=True, text=True, check=False
    )
    if started.returncode != 0:
        pytest.fail(
            "no Kafka broker could be had: NEWSFLOW_BOOTSTRAP_SERVERS is unset, no Docker engine "
            f"answers, and the local jar broker did not start:\n{started.stderr[-3000:]}",
            pytrace=False,
        )
    try:
        yield f"127.0.0.1:{OWN_BROKER_PORT}"
    finally:
        subprocess.run([str(KAFKA_SH), "down"], env=env, capture_output=True, check=False)


@pytest.fixture
def unique_name(request: pytest.FixtureRequest) -> Callable[[str], str]:
    """Names no other test (or earlier run on the same broker) uses: topics, groups."""
    test = "".join(c if c.isalnum() else "-" for c in request.node.name)[:40].strip("-")
    run = uuid.uuid4().hex[:8]

    def make(prefix: str) -> str:
        return f"{prefix}.{test}.{run}"

    return make


@pytest.fixture
def new_topic(
    kafka_bootstrap: str, unique_name: Callable[[str], str]
) -> Iterator[Callable[..., str]]:
    """Create uniquely named topics for one test; they are deleted afterwards."""
    from kafka.admin import KafkaAdminClient, NewTopic

    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap, client_id="newsflow-tests")
    created: list[str] = []

    def make(prefix: str = "t", partitions: int = 1) -> str:
        name = unique_name(prefix)
        admin.create_topics([NewTopic(name, num_partitions=partitions, replication_factor=1)])
        created.append(name)
        return name

    try:
        yield make
    finally:
        if created:
            try:
                admin.delete_topics(created)
            except Exception as exc:  # cleanup only; the test's own result stands
                print(f"could not delete test topics {created}: {exc}", file=sys.stderr)
        admin.close()
