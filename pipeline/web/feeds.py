"""Where `newsflow serve` reads incident versions: the compacted incident topic, or a file.

A feed runs in a thread of its own (kafka-python and file reads block) and hands batches of
parsed records to `deliver`, which the server runs on its event loop. A line or record that is
not JSON is counted and skipped: one bad record never stops the map."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from kafka import TopicPartition

from pipeline.kafka.clients import consumer
from pipeline.kafka.topics import ensure_topics
from pipeline.settings import Settings

log = logging.getLogger(__name__)
Deliver = Callable[[list[dict]], None]
BATCH = 500
LAST_LINE_POLLS = 4  # polls without growth after which a line lacking its newline is complete


@dataclass
class FeedState:
    """What /healthz and /metrics tell of the feed."""

    kind: str
    read: int = 0
    rejected: int = 0
    caught_up: bool = False  # the backlog present at start has been read
    error: str | None = None
    stop: threading.Event = field(default_factory=threading.Event)

    def parse(self, raw: bytes, where: str) -> dict | None:
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            record = None
            reason = f"not JSON ({exc})"
        else:
            reason = "not an object"
        if not isinstance(record, dict):
            self.rejected += 1
            log.warning("%s: skipped: %s", where, reason)
            return None
        self.read += 1
        return record


class FileFeed:
    """A JSONL file of incident versions (`newsflow run --incidents-out`, `newsflow sink -o`),
    read whole, then followed: lines appended later arrive like live updates."""

    def __init__(self, path: Path, *, poll_s: float = 0.25) -> None:
        self.path = path
        self.poll_s = poll_s
        self.state = FeedState(kind="file")

    def run(self, deliver: Deliver) -> None:
        state = self.state
        with self.path.open("rb") as handle:
            number, pending, quiet, batch = 0, b"", 0, []
            while not state.stop.is_set():
                chunk = handle.readline()
                if chunk and not chunk.endswith(b"\n"):
                    pending += chunk  # a line being written: wait for its end
                    continue
                if not chunk and pending and quiet >= LAST_LINE_POLLS:
                    chunk = b"\n"  # a last line that never got its newline
                if chunk:
                    number += 1
                    line, pending, quiet = pending + chunk, b"", 0
                    if line.strip():
                        record = state.parse(line, f"{self.path}:{number}")
                        if record is not None:
                            batch.append(record)
                    if len(batch) < BATCH:
                        continue
                if batch:
                    deliver(batch)
                    batch = []
                if not chunk:
                    state.caught_up = True
                    quiet += 1
                    state.stop.wait(self.poll_s)


class KafkaFeed:
    """Every partition of the incident topic from its beginning (the compacted topic holds the
    latest version of each incident), then live. The group id names the reader on the broker;
    no offset is committed, since each start reads the topic again."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.state = FeedState(kind="kafka")
        ensure_topics(settings, [settings.topic_incidents])
        self.client = consumer(
            settings,
            group_id=settings.serve_group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
        )

    def run(self, deliver: Deliver) -> None:
        state, client, topic = self.state, self.client, self.settings.topic_incidents
        try:
            partitions = [TopicPartition(topic, p) for p in sorted(_partitions(client, topic))]
            client.assign(partitions)
            client.seek_to_beginning(*partitions)
            ends = client.end_offsets(partitions)
            while not state.stop.is_set():
                polled = client.poll(timeout_ms=200, max_records=BATCH)
                batch = [
                    record
                    for tp, messages in polled.items()
                    for m in messages
                    if m.value is not None  # a tombstone: nothing to show
                    and (record := state.parse(m.value, f"{tp.topic}[{tp.partition}]@{m.offset}"))
                ]
                if batch:
                    deliver(batch)
                if not state.caught_up:
                    state.caught_up = all(client.position(tp) >= ends[tp] for tp in partitions)
        finally:
            client.close()


def run_guarded(feed, deliver: Deliver) -> None:
    """A feed's thread: its end by an error must show in /healthz, not vanish with the thread."""
    try:
        feed.run(deliver)
    except Exception as exc:
        feed.state.error = f"{type(exc).__name__}: {exc}"
        log.exception("incident feed stopped")


def _partitions(client, topic: str) -> set[int]:
    # Metadata of a topic created a moment ago can come without its partitions.
    for _ in range(50):
        found = client.partitions_for_topic(topic)
        if found:
            return found
        client.topics()  # refreshes the metadata
        time.sleep(0.2)
    raise RuntimeError(f"topic {topic} has no partitions")
