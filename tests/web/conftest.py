"""A real `newsflow serve` app on a free local port, fed from a file the test writes to."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import orjson
import pytest
import uvicorn

from pipeline.web.app import create_app
from pipeline.web.feeds import FileFeed
from pipeline.web.store import IncidentStore


@dataclass
class Served:
    url: str
    feed_file: Path
    store: IncidentStore

    def append(self, *records: dict) -> None:
        """Adds incident versions to the feed file, as a sink would."""
        with self.feed_file.open("ab") as handle:
            handle.write(b"".join(orjson.dumps(r) + b"\n" for r in records))

    def wait_for(self, condition: Callable[[], bool], timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("the server did not take in the records in time")
            time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def run_app() -> Iterator[Callable[[object], str]]:
    """run_app(app) → the address of `app` served by uvicorn in a thread, until the test ends."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(app) -> str:
        port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        servers.append((server, thread))
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def serve(tmp_path: Path, run_app) -> Callable[..., Served]:
    """serve(records, evict_after_days=90) → a running server holding `records`."""
    made = 0

    def start(records: list[dict] = (), *, evict_after_days: int = 90) -> Served:
        nonlocal made
        made += 1
        feed_file = tmp_path / f"incidents-{made}.jsonl"
        feed_file.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
        store = IncidentStore(evict_after_days=evict_after_days)
        url = run_app(create_app(feed=FileFeed(feed_file, poll_s=0.05), store=store))
        served = Served(url, feed_file, store)
        served.wait_for(lambda: _healthy(served.url))
        return served

    return start


def _healthy(url: str) -> bool:
    try:
        body = httpx.get(f"{url}/healthz", timeout=1).json()
    except httpx.HTTPError:
        return False
    return body["caught_up"]
