"""Processes and clocks for the streaming benchmarks: a broker, a producer that stamps send
times, a sink file watched for arrival times, CPU and RSS read from /proc."""

from __future__ import annotations

import contextlib
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
from kafka import KafkaProducer

from pipeline.kafka.codec import encode_article, headers
from pipeline.records import Article
from pipeline.testing import process_tree

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
TICKS = os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def broker() -> Iterator[tuple[str, int | None]]:
    """(bootstrap, broker pid or None): the configured broker, else a private local one."""
    configured = os.environ.get("NEWSFLOW_BOOTSTRAP_SERVERS")
    if configured:
        yield configured, None
        return
    port = 19192
    env = {
        **os.environ,
        "NEWSFLOW_KAFKA_PORT": str(port),
        "NEWSFLOW_KAFKA_STATE_DIR": str(OUT / "kafka"),
    }
    kafka = REPO / "deploy" / "kafka" / "kafka.sh"
    subprocess.run([str(kafka), "up", "--fresh"], env=env, check=True)
    pid = int((OUT / "kafka" / "broker.pid").read_text())
    try:
        yield f"127.0.0.1:{port}", pid
    finally:
        subprocess.run([str(kafka), "down"], env=env, check=False)


def cpu_seconds(pid: int | None) -> float:
    """CPU time used so far by the process and its live children."""
    if pid is None:
        return 0.0
    total = 0.0
    for member in process_tree(pid):
        with contextlib.suppress(OSError, IndexError):
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def rss_mib(pid: int) -> float:
    """Resident memory of the process and its children, MiB."""
    total = 0
    for member in process_tree(pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def spacy_seconds(log: Path) -> tuple[float, float]:
    """(wall, CPU) seconds the worker's spaCy process spent on batches, from its batch log."""
    wall = cpu = 0.0
    batches = 0
    for line in log.read_bytes().splitlines():
        if b'"msg":"batch"' in line:
            entry = orjson.loads(line)
            wall += entry["nlp_seconds"]
            cpu += entry["nlp_cpu_seconds"]
            batches += 1
    if not batches:
        raise RuntimeError(f"no batch lines in {log}: has the worker's log format changed?")
    return wall, cpu


def wait_for_log(
    path: Path, text: str, count: int, timeout: float, procs: list[subprocess.Popen]
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text(errors="replace").count(text) >= count:
            return
        for proc in procs:
            if proc.poll() is not None:
                raise RuntimeError(f"{proc.args} exited with {proc.returncode}; see {path}")
        time.sleep(0.2)
    raise RuntimeError(f"{text!r} not seen {count} times in {path} within {timeout}s")


def send_all(
    bootstrap: str, topic: str, articles: list[Article], *, rate: float | None = None
) -> dict[str, float]:
    """Send the articles (at `rate` per second if given); return each id's send time."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    sent: dict[str, float] = {}
    start = time.monotonic()
    for index, article in enumerate(articles):
        if rate:
            delay = start + index / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        key, value = encode_article(article)
        sent[article.id] = time.monotonic()
        producer.send(topic, key=key, value=value, headers=headers())
        if rate:
            producer.flush()
    producer.flush()
    producer.close()
    return sent


def record_id(record: dict) -> str:
    return record["id"]


def incident_version(record: dict) -> str:
    return f"{record['incident_id']}@{record['version']}"


class FileWatcher:
    """Arrival time of each id appended to a JSONL file (polled every few milliseconds)."""

    def __init__(self, path: Path, key: Callable[[dict], str] = record_id) -> None:
        self.path = path
        self.key = key
        self.offset = 0
        self.seen: dict[str, float] = {}
        self._partial = b""

    def poll(self) -> int:
        if not self.path.exists():
            return 0
        with self.path.open("rb") as handle:
            handle.seek(self.offset)
            data = handle.read()
        now = time.monotonic()
        self.offset += len(data)
        lines = (self._partial + data).split(b"\n")
        self._partial = lines.pop()
        for line in lines:
            if line:
                self.seen.setdefault(self.key(orjson.loads(line)), now)
        return len(self.seen)

    def wait(
        self, count: int, timeout: float, procs: list[subprocess.Popen], every: float = 0.01
    ) -> None:
        wait_all({self: count}, timeout, procs, every)


def wait_all(
    expected: dict[FileWatcher, int],
    timeout: float,
    procs: list[subprocess.Popen],
    every: float = 0.01,
) -> None:
    """Poll every watcher until each has seen its count (arrival times stay exact for all)."""
    deadline = time.monotonic() + timeout
    while True:
        seen = [watcher.poll() for watcher in expected]  # every one, every round
        if all(count >= n for count, n in zip(seen, expected.values(), strict=True)):
            return
        if time.monotonic() > deadline:
            short = {str(w.path): (len(w.seen), n) for w, n in expected.items()}
            raise RuntimeError(f"not all arrived in {timeout}s (seen, expected): {short}")
        for proc in procs:
            if proc.poll() is not None:
                raise RuntimeError(f"{proc.args} exited with {proc.returncode}")
        time.sleep(every)


def python_module(module: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", module],
        env=env,
        cwd=REPO,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def update_report(report_path: Path, section: str, values: dict) -> None:
    """Merge one benchmark's section into the shared report file."""
    report = orjson.loads(report_path.read_bytes()) if report_path.exists() else {}
    report["machine"] = machine()
    report[section] = values
    report_path.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
