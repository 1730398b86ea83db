"""Consume a topic into the JSONL file sink: poll, add, flush+fsync, then commit offsets."""

from __future__ import annotations

import logging
import signal
import time
from dataclasses import dataclass
from pathlib import Path

import orjson
from kafka.errors import KafkaError

from pipeline.kafka.clients import consumer
from pipeline.logs import get_logger, log
from pipeline.settings import Settings
from pipeline.sink.jsonl_file import Added, JsonlFileSink


@dataclass
class SinkStats:
    written: int = 0
    duplicates: int = 0
    conflicts: int = 0
    unreadable: int = 0


def run_sink(
    settings: Settings, *, topic: str, output: Path, group: str, idle_exit_s: float | None = None
) -> SinkStats:
    logger = get_logger()
    sink = JsonlFileSink(output)
    if sink.repaired_bytes:
        log(
            logger,
            logging.WARNING,
            "cut a torn last line",
            bytes=sink.repaired_bytes,
            file=str(output),
        )
    client = consumer(
        settings,
        topic,
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_poll_records=500,
    )
    stats = SinkStats()
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, stop)
    idle = 0.0
    clean = False
    log(logger, logging.INFO, "sink ready", topic=topic, file=str(output), known_ids=len(sink.ids))
    try:
        while not stopping:
            try:
                batches = client.poll(timeout_ms=500)
            except KafkaError as exc:  # broker away (restart, network): wait and go on
                log(logger, logging.WARNING, "poll failed; retrying", error=repr(exc))
                time.sleep(1.0)
                continue
            if not batches:
                idle += 0.5
                if idle_exit_s is not None and idle >= idle_exit_s:
                    break
                continue
            idle = 0.0
            for records in batches.values():
                for record in records:
                    try:
                        added = sink.add(record.value)
                    except (orjson.JSONDecodeError, TypeError):
                        stats.unreadable += 1
                        log(
                            logger,
                            logging.WARNING,
                            "unreadable record skipped",
                            partition=record.partition,
                            offset=record.offset,
                        )
                        continue
                    if added is Added.WRITTEN:
                        stats.written += 1
                    elif added is Added.DUPLICATE:
                        stats.duplicates += 1
                    else:
                        stats.conflicts += 1
                        log(
                            logger,
                            logging.WARNING,
                            "same id, other content: first one kept",
                            key=record.key.decode("utf-8", "replace") if record.key else None,
                            partition=record.partition,
                            offset=record.offset,
                        )
            # Durable on disk first, then the offsets: a crash in between re-reads, never loses.
            sink.flush()
            _commit(client, logger)
        clean = True
    finally:
        sink.close()
        try:
            if clean:  # after an error, leave the offsets where the file is known to be
                _commit(client, logger)
        finally:
            client.close()
    log(
        logger,
        logging.INFO,
        "sink stopped",
        written=stats.written,
        duplicates=stats.duplicates,
        unreadable=stats.unreadable,
    )
    return stats


def _commit(client, logger: logging.Logger) -> None:
    """Commit what was read; if the broker is away, the next commit covers it (the file's
    ids drop whatever is read twice meanwhile)."""
    try:
        client.commit()
    except KafkaError as exc:
        log(logger, logging.WARNING, "commit failed; it will be retried", error=repr(exc))
