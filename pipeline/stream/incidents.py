"""The incident stage of the stream, without faust: one linker per partition of the reports
topic (a partition holds whole countries, see linker.blocking_key), its open incidents stored in
a table (faust's, backed by a changelog topic) so that a restarted or newly assigned worker
rebuilds the linker from it. Incidents leave the table when quiet for the eviction period before
the partition's watermark (stream/watermark.py), not before the latest day seen: inputs replayed
together run at different paces.

At least once: a report seen again after a crash (its event already in an incident) changes
nothing and re-publishes the incident's current version, which the sink drops if it wrote it
already (it keys incident records by id and version)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, MutableMapping

import orjson

from pipeline.stream.watermark import Watermark
from pipeline.tracking.incident import Incident
from pipeline.tracking.linker import Linker
from pipeline.tracking.report import Report

Published = tuple[bytes, bytes]  # key (incident id), value (the incident record)


class IncidentStage:
    def __init__(
        self,
        *,
        table: MutableMapping[bytes, bytes],
        make_linker: Callable[[], Linker],
        inputs: int = 0,
    ) -> None:
        """`inputs`: how many partitions the enriched topic has (the watermark waits for each)."""
        self.table = table  # incident id → its state and the partition that owns it
        self.make_linker = make_linker
        self.linkers: dict[int, Linker] = {}
        self.watermarks: dict[int, Watermark] = defaultdict(lambda: Watermark(expected=inputs))

    def forget(self) -> None:
        """After a rebalance a partition's linker may be stale (another worker linked its
        reports meanwhile): rebuild each from the table when next needed."""
        self.linkers.clear()

    def handle(self, partition: int, report: Report, *, source: str = "") -> list[Published]:
        """Link one report; returns the incident versions to publish. `source`: the input
        (enriched partition) it came from, whose progress moves the eviction clock."""
        linker = self.linker_for(partition)
        watermark = self.watermarks[partition]
        watermark.advance(source, report.published_day or report.date)
        held = linker.incident_of(report.event_id)
        if held is not None:
            return [published(held)]
        linked = linker.link(report)
        self.table[_key(linked.incident)] = orjson.dumps(
            {"partition": partition, **linked.incident.state()}
        )
        for gone in linker.evict(watermark.value()):
            self.table.pop(_key(gone), None)
        return [published(linked.incident)]

    def linker_for(self, partition: int) -> Linker:
        linker = self.linkers.get(partition)
        if linker is None:
            linker = self.make_linker()
            states = (orjson.loads(value) for value in list(self.table.values()))
            linker.restore(s for s in states if s.get("partition") == partition)
            self.linkers[partition] = linker
        return linker


def published(incident: Incident) -> Published:
    return _key(incident), orjson.dumps(incident.as_record())


def _key(incident: Incident) -> bytes:
    return incident.incident_id.encode("utf-8")
