"""Move a consumer group's committed offsets (reprocessing after the extractors improve)."""

from __future__ import annotations

from kafka import TopicPartition
from kafka.structs import OffsetAndMetadata

from pipeline.errors import InputError
from pipeline.kafka.clients import consumer
from pipeline.records.article import parse_published
from pipeline.settings import Settings


def reset_offsets(settings: Settings, *, group: str, topic: str, to: str) -> dict[int, int]:
    """Point `group` at `earliest`, `latest` or the first offset at/after an ISO timestamp.
    The group must have no running members (stop the workers first)."""
    client = consumer(settings, group_id=group, enable_auto_commit=False)
    try:
        partitions = client.partitions_for_topic(topic)
        if not partitions:
            raise InputError(f"topic {topic!r} does not exist")
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        client.assign(tps)
        ends = client.end_offsets(tps)
        if to == "earliest":
            targets = client.beginning_offsets(tps)
        elif to == "latest":
            targets = ends
        else:
            millis = int(parse_published(to).timestamp() * 1000)
            found = client.offsets_for_times(dict.fromkeys(tps, millis))
            targets = {tp: (found[tp].offset if found.get(tp) else ends[tp]) for tp in tps}
        client.commit({tp: OffsetAndMetadata(offset, "", -1) for tp, offset in targets.items()})
        return {tp.partition: offset for tp, offset in targets.items()}
    finally:
        client.close()
