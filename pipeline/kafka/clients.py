"""kafka-python clients built from the one settings object, and a clear error when no broker answers."""

from __future__ import annotations

from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.errors import KafkaError

from pipeline.errors import BrokerUnavailable
from pipeline.kafka.connection import Connection
from pipeline.kafka.reach import unavailable, wait_for_broker
from pipeline.settings import Settings

# No loss: every in-sync replica has the record; retries cannot reorder or duplicate it.
RELIABLE_PRODUCER = {
    "acks": "all",
    "retries": 2_147_483_647,
    "enable_idempotence": True,
    "max_in_flight_requests_per_connection": 5,
    "compression_type": "gzip",
    "linger_ms": 20,
    "delivery_timeout_ms": 120_000,
    "request_timeout_ms": 30_000,
    "max_request_size": 16 * 1024 * 1024,
}


def _unavailable(settings: Settings, exc: Exception) -> BrokerUnavailable:
    return unavailable(settings.bootstrap_servers, type(exc).__name__)


def producer(settings: Settings, **overrides: Any) -> KafkaProducer:
    wait_for_broker(settings.bootstrap_servers)
    try:
        return KafkaProducer(
            **Connection.from_settings(settings).for_kafka_python(),
            client_id="newsflow-producer",
            **{**RELIABLE_PRODUCER, **overrides},
        )
    except KafkaError as exc:
        raise _unavailable(settings, exc) from None


def consumer(settings: Settings, *topics: str, **options: Any) -> KafkaConsumer:
    wait_for_broker(settings.bootstrap_servers)
    # A topic created a moment before may have no partitions in the first metadata: the group
    # then assigns nothing until the next refresh, five minutes later by default.
    options.setdefault("metadata_max_age_ms", 10_000)
    try:
        return KafkaConsumer(
            *topics, **Connection.from_settings(settings).for_kafka_python(), **options
        )
    except KafkaError as exc:
        raise _unavailable(settings, exc) from None


def admin(settings: Settings) -> KafkaAdminClient:
    wait_for_broker(settings.bootstrap_servers)
    try:
        return KafkaAdminClient(
            **Connection.from_settings(settings).for_kafka_python(), client_id="newsflow-admin"
        )
    except KafkaError as exc:
        raise _unavailable(settings, exc) from None
