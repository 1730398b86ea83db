"""The incident stage of the stream, without faust: one linker per partition of the reports
topic (a partition holds whole countries, see linker.blocking_key), its open incidents stored in
a table (faust's, backed by a changelog topic) so that a restarted or newly assigned worker
rebuilds the linker from it. Incidents leave the table when quiet for the eviction period before
the partition's watermark (stream/watermark.py), not before the latest day seen: inputs replayed
together run at different paces.

The table holds each report once, under a key of its own (`incident_id/n`), with what the
incident's record was after it (version, best figures) and the revision it made: one write per
report, and the last of an incident's reports says its state. Storing the whole incident again
at each report would write, over an incident's life, the square of its reports into the
changelog.

At least once: a report seen again after a crash (its event already in an incident) changes
nothing and re-publishes the incident's current version, which the sink drops if it wrote it
already (it keys incident records by id and version)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, MutableMapping

import orjson

from pipeline.stream.watermark import Watermark
from pipeline.tracking.incident import Incident
from pipeline.tracking.linker import Linked, Linker
from pipeline.tracking.report import Report, report_state

Published = tuple[bytes, bytes]  # key (incident id), value (the incident record)
_SEPARATOR = b"/"


class IncidentStage:
    def __init__(
        self,
        *,
        table: MutableMapping[bytes, bytes],
        make_linker: Callable[[], Linker],
        inputs: int = 0,
    ) -> None:
        """`inputs`: how many partitions the enriched topic has (the watermark waits for each)."""
        self.table = table  # headers and reports of the open incidents (see the module's doc)
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
        self._store(partition, report, linked)
        for gone in linker.evict(watermark.value()):
            self._drop(gone)
        return [published(linked.incident)]

    def linker_for(self, partition: int) -> Linker:
        linker = self.linkers.get(partition)
        if linker is None:
            linker = self.make_linker()
            linker.restore(self._states(partition))
            self.linkers[partition] = linker
        return linker

    def _store(self, partition: int, report: Report, linked: Linked) -> None:
        incident = linked.incident
        if self.table.get(_key(incident)) is not None:
            self._split(partition, incident)  # a whole state, as stop 26 stored it
            return
        certainty = None if linked.opened else incident.certainties[-1]
        self._put(partition, incident, len(incident.reports), report, linked.revision, certainty)

    def _split(self, partition: int, incident: Incident) -> None:
        """An incident an older worker stored whole, now one entry per report. Every report
        but the first joined with a certainty, in order."""
        pairs = zip(incident.reports, incident.revisions, strict=True)
        for n, (report, revision) in enumerate(pairs, 1):
            certainty = (
                incident.certainties[n - 2] if 1 < n <= len(incident.certainties) + 1 else None
            )
            self._put(partition, incident, n, report, revision, certainty)
        self._remove(_key(incident))

    def _remove(self, key: bytes) -> None:
        # by get and del: a faust table and a bare rocksdict store (the benchmark's) both have
        # them; a store has no pop
        if self.table.get(key) is not None:
            del self.table[key]

    def _put(
        self,
        partition: int,
        incident: Incident,
        n: int,
        report: Report,
        revision: dict,
        certainty: float | None,
    ) -> None:
        self.table[_report_key(incident, n)] = orjson.dumps(
            {
                "partition": partition,
                "incident_id": incident.incident_id,
                "version": incident.version,
                "killed": incident.killed,
                "injured": incident.injured,
                "report": report_state(report),
                "revision": revision,
                "certainty": certainty,
            }
        )

    def _drop(self, incident: Incident) -> None:
        for n in range(1, len(incident.reports) + 1):
            self._remove(_report_key(incident, n))
        self._remove(_key(incident))  # a whole state, as stop 26 stored it

    def _states(self, partition: int) -> Iterator[dict]:
        """The stored incidents of `partition` as Incident.state() gives them."""
        stored: dict[bytes, dict[int, dict]] = defaultdict(dict)
        for key, value in list(self.table.items()):
            entry = orjson.loads(value)
            if entry.get("partition") != partition:
                continue
            incident_key, _, n = key.partition(_SEPARATOR)
            if not n:  # a whole state, as stop 26 stored it
                yield entry
                continue
            stored[incident_key][int(n)] = entry
        for by_number in stored.values():
            entries = [by_number[n] for n in sorted(by_number)]
            last = entries[-1]
            yield {
                "incident_id": last["incident_id"],
                "version": last["version"],
                "killed": last["killed"],
                "injured": last["injured"],
                "revisions": [e["revision"] for e in entries],
                "certainties": [e["certainty"] for e in entries if e["certainty"] is not None],
                "reports": [e["report"] for e in entries],
            }


def published(incident: Incident) -> Published:
    return _key(incident), orjson.dumps(incident.as_record())


def _key(incident: Incident) -> bytes:
    return incident.incident_id.encode("utf-8")


def _report_key(incident: Incident, n: int) -> bytes:
    return _key(incident) + _SEPARATOR + b"%05d" % n
