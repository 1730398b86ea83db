"""The incident linker: each report joins the best-matching open incident, or opens one.

Candidates come from indexes of the open incidents, never from a scan: those of the report's
country and region (or of no region) with a report dated within `window_days` of its date, and
those sharing a rare name with it (a street, a business, a surname), whatever the region and
however long ago. The match score adds evidence for and against (match.score); the best
candidate at or above the threshold wins. A candidate outside the close window, and any
candidate of a report without its own date or region, needs a slightly higher score; one
farther than `wide_window_days` (a trial's report on a shooting months before) a much higher
one. Incidents with no report for `shrink_after_days` keep their reports but drop their
summed vectors until a report finds them again (most of their memory); with no report for
`evict_after_days` they leave the table and the indexes."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.tracking.incident import Incident, incident_id_for
from pipeline.tracking.match import Weights, score
from pipeline.tracking.report import Report
from pipeline.tracking.vectors import DocumentFrequencies, Vectors

ANYWHERE = "*"
NO_REGION = "-"
# A name feature held by at most this many reports so far is indexed and looked up: a rare
# street, business or victim name finds its incident however far apart the dates are.
RARE_NAME_REPORTS = 50


@dataclass(frozen=True, slots=True)
class Linked:
    incident: Incident
    revision: dict  # the version the report made
    opened: bool


def blocking_key(report: Report) -> str:
    """Where the report's incident is held: its country (the stream's partition key). Regions
    narrow the day index only: one article in five gives no region or another one than the
    rest of its incident's, and reaches it through a shared name."""
    return report.country or ANYWHERE


class Linker:
    def __init__(
        self,
        *,
        window_days: int = 3,
        wide_window_days: int = 30,
        # Follow-ups (arrests, charges, trials) come for months, and a trial's report names
        # the street and the victim of a shooting a year before.
        evict_after_days: int = 365,
        shrink_after_days: int = 90,
        weights: Weights | None = None,
    ) -> None:
        self.window = dt.timedelta(days=window_days)
        self.wide_window = dt.timedelta(days=wide_window_days)
        self.evict_after = dt.timedelta(days=evict_after_days)
        self.shrink_after = dt.timedelta(days=min(shrink_after_days, evict_after_days))
        self.weights = weights or Weights()
        self.frequencies = DocumentFrequencies()
        self.open: dict[str, Incident] = {}
        self.blocks: dict[str, set[str]] = defaultdict(set)  # blocking key → incident ids
        # Indexes of the open incidents, so a report scores a few of them, not all of a country:
        # by (country, region, day found in a text), also under the region "*" for reports
        # without one, and by rare name (feature hash or surname), whatever the place and date.
        self.by_day: dict[tuple[str, str, dt.date], set[str]] = defaultdict(set)
        self.by_name: dict[int | str, set[str]] = defaultdict(set)
        self.indexed: dict[str, list] = {}  # incident id → the keys it is indexed under
        self.events: dict[str, str] = {}  # event id → its open incident's id
        # What "quiet for N days" is measured by: the latest publication day seen. Not the
        # event dates: one misread year in a text would close every open incident.
        self.clock = dt.date.min
        self._evicted_at = dt.date.min

    def link(self, report: Report) -> Linked:
        vectors = self.vectors_of(report)
        best, best_score, needed = None, float("-inf"), self.weights.threshold
        for incident, margin in self._candidates(report):
            value = score(report, vectors, incident, self.weights)
            # Dates that disagree, or a report without its own date or place: only strong
            # name and text evidence joins it (the date found may be a court date, the place
            # the newsroom's).
            bar = self.weights.threshold + margin
            if value - bar > best_score - needed:
                best, best_score, needed = incident, value, bar
        opened = best is None or best_score < needed
        if opened:
            best = Incident(incident_id_for(report))
        assert best is not None
        # How sure the join is: 0.5 at the threshold, towards 1 as the evidence mounts.
        certainty = None if opened else 1 / (1 + math.exp(needed - best_score))
        revision = best.add(report, vectors=vectors, certainty=certainty)
        self.admit(best, report)
        self._tick(report)
        return Linked(best, revision, opened)

    def vectors_of(self, report: Report) -> Vectors:
        """The report's vectors, weighted by what the reports so far (this one included) hold."""
        self.frequencies.add(report.lead, report.names)
        return self._weighted(report)

    def admit(self, incident: Incident, report: Report) -> None:
        """Hold `incident`, which `report` has just joined, where later reports will look."""
        self.open[incident.incident_id] = incident
        self.events[report.event_id] = incident.incident_id
        self.blocks[blocking_key(report)].add(incident.incident_id)
        keys = self.indexed.setdefault(incident.incident_id, [])
        keys.append(("block", blocking_key(report)))
        if report.dated:
            country = report.country or ANYWHERE
            for region in (report.region or NO_REGION, ANYWHERE):
                self.by_day[(country, region, report.date)].add(incident.incident_id)
                keys.append(("day", (country, region, report.date)))
        rare = [h for h in report.names if self.frequencies.counts[h] <= RARE_NAME_REPORTS]
        for name in [*rare, *report.people]:
            self.by_name[name].add(incident.incident_id)
            keys.append(("name", name))

    def incident_of(self, event_id: str) -> Incident | None:
        """The open incident holding this event, if it was linked already (a stream worker
        sees an event again after a crash: linking it twice would count it twice)."""
        incident_id = self.events.get(event_id)
        return None if incident_id is None else self.open.get(incident_id)

    def restore(self, states: Iterable[dict]) -> None:
        """Rebuild open incidents from their stored states (Incident.state), as a stream
        worker does after a restart or a rebalance: the document frequencies from all their
        reports first, then each incident with its vectors, indexed as if its reports had just
        arrived. Frequencies of incidents already evicted are not recovered: the weights of
        common words differ a little from an uninterrupted run's."""
        states = list(states)
        for state in states:
            for saved in state["reports"]:
                self.frequencies.add(saved["lead"], saved["names"])
        for state in states:
            incident = Incident.from_state(state, self._weighted)
            for report in incident.reports:
                self.admit(incident, report)
                self._tick(report)

    def _tick(self, report: Report) -> None:
        self.clock = max(self.clock, report.published_day or report.date)

    def _weighted(self, report: Report) -> Vectors:
        return Vectors(
            lead=self.frequencies.vector(report.lead), names=self.frequencies.vector(report.names)
        )

    def _unindex(self, incident: Incident) -> None:
        for report in incident.reports:
            self.events.pop(report.event_id, None)
        for kind, key in self.indexed.pop(incident.incident_id, []):
            index = {"day": self.by_day, "name": self.by_name, "block": self.blocks}[kind]
            ids = index.get(key)
            if ids is not None:
                ids.discard(incident.incident_id)
                if not ids:
                    del index[key]

    def _candidates(self, report: Report) -> list[tuple[Incident, float]]:
        """(incident, margin): what the score must pass beyond the threshold (_margin). Looked
        up by day (within the window) and by rare name; then kept when in the report's block."""
        ids: set[str] = set()
        if report.dated:
            places = (
                [(report.country, report.region or ANYWHERE)]
                if report.country
                else [(country, ANYWHERE) for country in self.blocks]
            )
            if report.country and report.region:
                places.append((report.country, NO_REGION))  # reports that gave no region
            for country, region in places:
                for offset in range(-self.window.days, self.window.days + 1):
                    day = report.date + dt.timedelta(days=offset)
                    ids |= self.by_day.get((country, region, day), set())
        for name in [*report.names, *report.people]:
            found = self.by_name.get(name)
            if found is not None and len(found) <= RARE_NAME_REPORTS:
                ids |= found
        blocks = [] if report.country is None else [report.country, ANYWHERE]
        seen: dict[str, tuple[Incident, float]] = {}
        for incident_id in ids:
            incident = self.open.get(incident_id)
            if incident is None or (
                blocks and not any(incident_id in self.blocks.get(k, ()) for k in blocks)
            ):
                continue  # no longer open, or another country's
            if any(r.article_id == report.article_id for r in incident.reports):
                continue  # this article's own: the enricher told its incidents apart already
            if incident.expand(self._weighted):
                incident.woken = self.clock
            seen[incident_id] = (incident, self._margin(report, incident))
        return [seen[i] for i in sorted(seen)]

    def _margin(self, report: Report, incident: Incident) -> float:
        """0 when the report has a date and a region of its own and the incident a report dated
        within the window of it; the unsure margin within the wide window (for a report dated
        by its publication only: an incident day up to that far before it); the far margin
        on top of it beyond."""
        w = self.weights
        if not report.dated:  # only the publication date: the incident happened before it
            near = any(
                dt.timedelta(0) <= report.date - day <= self.wide_window for day in incident.days
            )
            return w.unsure_margin + (0.0 if near else w.far_margin)
        if report.region is not None and any(
            abs(report.date - day) <= self.window for day in incident.dated_days
        ):
            return 0.0
        nearest = min(abs(report.date - day) for day in incident.days)
        return w.unsure_margin + (0.0 if nearest <= self.wide_window else w.far_margin)

    def evict(self, clock: dt.date | None = None) -> list[Incident]:
        """Drop incidents quiet for `evict_after_days` before `clock` (default: the latest
        publication day seen; a stream passes its watermark), and shrink those quiet for
        `shrink_after_days`. A scan at most once a day."""
        clock = clock or self.clock
        if clock <= self._evicted_at:
            return []
        self._evicted_at = clock
        gone = [
            incident
            for incident in self.open.values()
            if clock - incident.last_seen > self.evict_after
        ]
        for incident in gone:
            del self.open[incident.incident_id]
            self._unindex(incident)
        for incident in self.open.values():
            # One that a report just found stays whole a while: rare names find old incidents
            # again and again, and each waking rebuilds all their vectors.
            quiet = clock - max(incident.last_seen, incident.woken)
            if not incident.compact and quiet > self.shrink_after:
                incident.shrink()
        return gone

    def open_incidents(self) -> list[Incident]:
        return list(self.open.values())
