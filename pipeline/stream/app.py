"""The faust app, configured from the settings object."""

from __future__ import annotations

from pathlib import Path

import faust

from pipeline.kafka.connection import Connection
from pipeline.settings import Settings

# The workers' producer, in kafka-python's option names so that the benchmark's naive consumer
# can send with exactly the same settings: every replica acknowledges, no compression, no linger.
WORKER_PRODUCER = {
    "acks": "all",
    "compression_type": None,
    "linger_ms": 0,
    "enable_idempotence": False,
    "max_request_size": 16 * 1024 * 1024,
}


# Records are bytes on every topic: newsflow encodes and decodes them itself (orjson).
RAW_OPTIONS = {
    "key_type": bytes,
    "value_type": bytes,
    "key_serializer": "raw",
    "value_serializer": "raw",
}


def make_app(
    settings: Settings, *, datadir: Path, app_id: str | None = None, store: str = "memory://"
) -> faust.App:
    return faust.App(
        # the app id is the consumer group every worker of the app joins
        app_id or settings.consumer_group,
        **Connection.from_settings(settings).for_faust(),
        store=store,
        web_enabled=False,
        datadir=str(datadir),
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,  # "all"
        producer_compression_type=WORKER_PRODUCER["compression_type"],
        producer_linger=WORKER_PRODUCER["linger_ms"] / 1000,
        producer_max_request_size=WORKER_PRODUCER["max_request_size"],
        # A killed worker's partitions move to the others after 10 s, not faust's default 60 s.
        broker_session_timeout=10.0,
        broker_heartbeat_interval=3.0,
        broker_commit_every=1000,
        broker_commit_interval=2.0,
        stream_wait_empty=True,
        worker_redirect_stdouts=False,
    )
