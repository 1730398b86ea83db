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
        shrink_after_days=settings.incident_shrink_after_days,
    )


class IncidentTracker:
    def __init__(self, linker: Linker | None = None) -> None:
        self.linker = linker or Linker()
        self.incidents: dict[str, Incident] = {}  # the open ones, with what linking needs
        # Incidents that left the table keep only their last record: a long archive's
        # memory grows with its incidents' records, not with their vectors.
        self.closed: dict[str, dict] = {}

    def observe(self, record: dict) -> list[Incident]:
        """Link the record's events (their `incident_id` is set in place); returns the
        incidents they joined or opened, each at its new version (`as_record()`)."""
        changed = []
        for event, report in zip(record.get("events") or [], reports_of(record), strict=True):
            linked = self.linker.link(report)
            event["incident_id"] = linked.incident.incident_id
            self.incidents[linked.incident.incident_id] = linked.incident
            changed.append(linked.incident)
        for gone in self.linker.evict():
            if self.incidents.pop(gone.incident_id, None) is not None:
                self.closed[gone.incident_id] = gone.as_record()
        return changed

    def tolls(self) -> dict[str, dict]:
        """incident id → its best killed and injured minimum (None: none reported), victims
        alone and with the attackers ("killed+", "injured+"): see incident_tolls."""
        records = [*self.closed.values(), *(i.as_record() for i in self.incidents.values())]
        return {r["incident_id"]: incident_tolls(r) for r in records}

    def final(self) -> list[dict]:
        """The latest version of every incident, ordered by its first report."""
        records = {**self.closed, **{k: i.as_record() for k, i in self.incidents.items()}}
        return sorted(records.values(), key=lambda r: (r["first_seen"], r["incident_id"]))


def incident_tolls(record: dict) -> dict[str, int | None]:
    """An incident record's low counts: victims ("killed", "injured") and victims with the
    attackers ("killed+", "injured+"), as databases that count attackers in their totals do."""
    tolls: dict[str, int | None] = {}
    attackers = record.get("perpetrators") or {}
    for kind in ("killed", "injured"):
        victims = (record.get(kind) or {}).get("min")
        own = (attackers.get(kind) or {}).get("min")
        tolls[kind] = victims
        tolls[f"{kind}+"] = None if victims is None and own is None else (victims or 0) + (own or 0)
    return tolls
