"""The latest version of each incident, in memory, newest first, bounded like the worker's table.

Versions come from a compacted topic or a file that may hold several versions of one incident and
may deliver one again: a version not above the held one is ignored. Incidents quiet for
`evict_after_days` before the latest publication day seen leave, as they leave the link
workers' table, so memory stays bounded on a wire that never stops."""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections.abc import Iterator
from operator import attrgetter

from sortedcontainers import SortedKeyList

from pipeline.errors import InputError
from pipeline.records.article import parse_published
from pipeline.web.query import Filters, Summary


class IncidentStore:
    def __init__(self, *, evict_after_days: int = 365) -> None:
        self.evict_after = dt.timedelta(days=evict_after_days)
        self.records: dict[str, dict] = {}
        self._summaries: dict[str, Summary] = {}
        self._order = SortedKeyList(key=attrgetter("order"))  # summaries, oldest first
        self._quiet: list[tuple[dt.date, str]] = []  # (last day, id) heap; stale rows skipped
        self.clock = dt.date.min
        self.evicted = 0

    def __len__(self) -> int:
        return len(self.records)

    def put(self, record: dict) -> bool:
        """Keep `record` if it is a newer version; False when it changes nothing. Raises
        InputError for a record that is not an incident version."""
        incident_id, version = record.get("incident_id"), record.get("version")
        if not isinstance(incident_id, str) or not isinstance(version, int):
            raise InputError("not an incident version: incident_id and version missing")
        held = self.records.get(incident_id)
        if held is not None and held["version"] >= version:
            return False
        updated, last_day = _times(record)
        summary = Summary.of(record, updated)  # before any change: it may refuse the record
        if held is not None:
            self._order.remove(self._summaries[incident_id])
        self.records[incident_id] = record
        self._summaries[incident_id] = summary
        self._order.add(summary)
        heapq.heappush(self._quiet, (last_day, incident_id))
        self.clock = max(self.clock, last_day)
        return True

    def evict(self) -> list[str]:
        """Drop the incidents quiet too long before the clock; returns their ids."""
        gone = []
        while self._quiet and self.clock - self._quiet[0][0] > self.evict_after:
            day, incident_id = heapq.heappop(self._quiet)
            record = self.records.get(incident_id)
            if record is None or _times(record)[1] != day:
                continue  # a later version moved it on
            del self.records[incident_id]
            self._order.remove(self._summaries.pop(incident_id))
            gone.append(incident_id)
        self.evicted += len(gone)
        return gone

    def get(self, incident_id: str) -> dict | None:
        return self.records.get(incident_id)

    def page(
        self, filters: Filters, *, limit: int, after: tuple[str, str] | None = None
    ) -> tuple[list[dict], tuple[str, str] | None]:
        """Up to `limit` matching incidents, newest first, starting after the cursor `after`;
        and the cursor of the next page (None on the last page)."""
        # filter() and islice() walk the list in C: only the predicate runs as Python.
        found = list(
            itertools.islice(filter(filters.predicate(), self._newest_first(after)), limit + 1)
        )
        if len(found) > limit:
            return self._records(found[:limit]), found[limit - 1].order
        return self._records(found), None

    def _newest_first(self, after: tuple[str, str] | None) -> Iterator[Summary]:
        if after is None:
            return reversed(self._order)
        return self._order.irange_key(max_key=after, inclusive=(True, False), reverse=True)

    def _records(self, found: list[Summary]) -> list[dict]:
        return [self.records[s.order[1]] for s in found]


def _times(record: dict) -> tuple[str, dt.date]:
    """(last update as a UTC ISO string, for the order; the incident's last day, for eviction)."""
    raw = record.get("last_updated") or ""
    try:
        updated = parse_published(raw).astimezone(dt.UTC)
    except InputError:
        updated = None
    try:
        day = dt.date.fromisoformat(str(record.get("date"))[:10])
    except ValueError:
        day = dt.date.min
    if updated is None:
        return raw, day
    return updated.isoformat(), max(day, updated.date())
