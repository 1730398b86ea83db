"""Fault tests need brokers of their own (to restart them, or to require SASL), and helpers to
run the pipeline's processes against them."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import orjson
import pytest

from bench.corpus import generated
from pipeline.testing import NEWSFLOW

REPO = Path(__file__).resolve().parents[2]
KAFKA_SH = REPO / "deploy" / "kafka" / "kafka.sh"


@dataclass
class LocalBroker:
    port: int
    state: Path
    extra_env: dict[str, str]

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _run(self, *args: str) -> None:
        env = {
            **os.environ,
            "NEWSFLOW_KAFKA_PORT": str(self.port),
            "NEWSFLOW_KAFKA_STATE_DIR": str(self.state),
            **self.extra_env,
        }
        result = subprocess.run(
            [str(KAFKA_SH), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        if result.returncode != 0:
            pytest.fail(
                f"kafka.sh {' '.join(args)} failed:\n{result.stderr[-3000:]}", pytrace=False
            )

    def up(self, *, fresh: bool = False) -> None:
        self._run("up", *(["--fresh"] if fresh else []))

    def down(self) -> None:
        self._run("down")


@pytest.fixture
def own_broker(tmp_path: Path) -> Iterator[Callable[..., LocalBroker]]:
    """Start a broker of this test's own, on the given port; stopped after the test."""
    started: list[LocalBroker] = []

    def make(port: int, **extra_env: str) -> LocalBroker:
        broker = LocalBroker(port, tmp_path / f"kafka-{port}", extra_env)
        broker.up(fresh=True)
        started.append(broker)
        return broker

    yield make
    for broker in started:
        broker.down()


@pytest.fixture
def prefix() -> str:
    return f"rel{uuid.uuid4().hex[:10]}"


def write_archive(
    path: Path, count: int, *, seed: int, seconds_apart: float | None = None
) -> list[str]:
    """Short generated articles as JSONL; `seconds_apart` spaces their published times evenly
    (for --replay-speed)."""
    articles = generated(count, seed=seed, min_words=40, max_words=90)
    if seconds_apart is not None:
        start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
        articles = [
            replace(a, published=(start + dt.timedelta(seconds=i * seconds_apart)).isoformat())
            for i, a in enumerate(articles)
        ]
    path.write_bytes(b"".join(orjson.dumps(a.to_dict()) + b"\n" for a in articles))
    return [a.id for a in articles]


def produce(
    env: dict[str, str], *sources: str, extra: tuple[str, ...] = (), timeout: float = 300
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            NEWSFLOW,
            "produce",
            *sources,
            "--state",
            str(Path(sources[0]).parent / "state.json"),
            *extra,
        ],
        env=env,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def sink_ids(path: Path) -> list[str]:
    """Every line must be whole JSON: a torn line fails here."""
    return [orjson.loads(line)["id"] for line in path.read_bytes().splitlines()]


def wait_until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.25)
