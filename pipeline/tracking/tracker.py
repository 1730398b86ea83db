"""Incident tracking over enriched records in arrival order (embedded mode and evaluation): each
event gets its incident_id, and the final version of every incident is kept."""

from __future__ import annotations

from pipeline.settings import Settings
from pipeline.tracking.incident import Incident
from pipeline.tracking.linker import Linker
from pipeline.tracking.report import reports_of


def linker_from(settings: Settings) -> Linker:
    return Linker(
        window_days=settings.incident_window_days,
        wide_window_days=settings.incident_wide_window_days,
        evict_after_days=settings.incident_evict_after_days,
    )


class IncidentTracker:
    def __init__(self, linker: Linker | None = None) -> None:
        self.linker = linker or Linker()
        self.incidents: dict[str, Incident] = {}  # every incident, evicted or not, for the file

    def observe(self, record: dict) -> list[dict]:
        """Link the record's events (their `incident_id` is set in place); returns the incident
        versions the record caused, in the order they happened."""
        versions = []
        for event, report in zip(record.get("events") or [], reports_of(record), strict=True):
            linked = self.linker.link(report)
            event["incident_id"] = linked.incident.incident_id
            self.incidents[linked.incident.incident_id] = linked.incident
            if linked.revision is not None:
                versions.append(linked.incident.as_record())
        self.linker.evict()
        return versions

    def final(self) -> list[dict]:
        """The latest version of every incident, in the order they were opened."""
        return [incident.as_record() for incident in self.incidents.values()]
