"""Create the pipeline's topics when they do not exist (never change ones that do)."""

from __future__ import annotations

import contextlib

from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from pipeline.kafka.clients import admin
from pipeline.settings import Settings


def pipeline_topics(settings: Settings) -> list[str]:
    return [
        settings.topic_raw,
        settings.topic_enriched,
        settings.topic_events,
        settings.topic_dlq,
        settings.topic_incidents,
    ]


def _configs(settings: Settings, name: str) -> dict[str, str]:
    # Keyed by incident id, each record a new version: the latest version is what must stay.
    return {"cleanup.policy": "compact"} if name == settings.topic_incidents else {}


def ensure_topics(settings: Settings, names: list[str] | None = None) -> list[str]:
    """Create missing topics with the configured partitions; return the names it created."""
    wanted = names or pipeline_topics(settings)
    client = admin(settings)
    try:
        existing = set(client.list_topics())
        missing = [n for n in wanted if n not in existing]
        if not missing:
            return []
        new = [
            NewTopic(
                n,
                num_partitions=settings.topic_partitions,
                replication_factor=settings.topic_replication,
                topic_configs=_configs(settings, n),
            )
            for n in missing
        ]
        # Another process may create one between our list and our create.
        with contextlib.suppress(TopicAlreadyExistsError):
            client.create_topics(new)
        return missing
    finally:
        client.close()
