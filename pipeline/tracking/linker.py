"""The incident linker: each report joins the best-matching open incident, or opens one.

Candidates: open incidents of the report's blocking key (its country; every incident when the
report has no place) with a report dated within `window_days` of its date. The match score adds
evidence for and against (match.score); the best candidate at or above the threshold wins.
Reports whose dates disagree by more (up to `wide_window_days`), and a report whose date or
place the text does not give, need a higher score: only strong text and name evidence links
them. Incidents with no report for `evict_after_days` leave the table."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass

from pipeline.tracking.incident import Incident, incident_id_for
from pipeline.tracking.match import Weights, score
from pipeline.tracking.report import Report
from pipeline.tracking.vectors import DocumentFrequencies, Vectors

ANYWHERE = "*"


@dataclass(frozen=True, slots=True)
class Linked:
    incident: Incident
    revision: dict | None  # None when the report changed nothing subscribers see
    opened: bool


def blocking_key(report: Report) -> str:
    """Where the report's incident can be: its country. The region is scored, not blocked on:
    one article in five gives no region or another one than the rest of its incident's."""
    return report.country or ANYWHERE


class Linker:
    def __init__(
        self,
        *,
        window_days: int = 3,
        wide_window_days: int = 30,
        evict_after_days: int = 30,
        weights: Weights | None = None,
    ) -> None:
        self.window = dt.timedelta(days=window_days)
        self.wide_window = dt.timedelta(days=wide_window_days)
        self.evict_after = dt.timedelta(days=evict_after_days)
        self.weights = weights or Weights()
        self.frequencies = DocumentFrequencies()
        self.blocks: dict[str, dict[str, Incident]] = defaultdict(dict)
        self.clock = dt.date.min  # the latest date seen: what "quiet for N days" is measured by
        self._evicted_at = dt.date.min

    def link(self, report: Report) -> Linked:
        vectors = self.vectors_of(report)
        best, best_score, needed = None, float("-inf"), self.weights.threshold
        for incident, close in self._candidates(report):
            value = score(report, vectors, incident, self.weights)
            # Dates that disagree, or a report without its own date or place: only strong
            # name and text evidence joins it (the date found may be a court date, the place
            # the newsroom's).
            bar = self.weights.threshold + (0.0 if close else self.weights.unsure_margin)
            if value - bar > best_score - needed:
                best, best_score, needed = incident, value, bar
        opened = best is None or best_score < needed
        if opened:
            best = Incident(incident_id_for(report))
        assert best is not None
        # How sure the join is: 0.5 at the threshold, towards 1 as the evidence mounts.
        certainty = None if opened else 1 / (1 + math.exp(needed - best_score))
        revision = best.add(report, vectors=vectors, certainty=certainty)
        self.blocks[blocking_key(report)][best.incident_id] = best
        self.clock = max(self.clock, report.date)
        return Linked(best, revision, opened)

    def vectors_of(self, report: Report) -> Vectors:
        """The report's vectors, weighted by what the reports so far (this one included) hold."""
        self.frequencies.add(report.lead, report.names)
        return Vectors(
            lead=self.frequencies.vector(report.lead), names=self.frequencies.vector(report.names)
        )

    def _candidates(self, report: Report) -> list[tuple[Incident, bool]]:
        """(incident, close): close when the report has a date and a region of its own and the
        incident a report dated within the window of it."""
        keys = list(self.blocks) if report.country is None else [report.country, ANYWHERE]
        seen: dict[str, tuple[Incident, bool]] = {}
        for key in keys:
            for incident in self.blocks.get(key, {}).values():
                if incident.incident_id in seen or any(
                    r.article_id == report.article_id for r in incident.reports
                ):
                    continue  # the enricher told this article's incidents apart already
                reach = self._reach(report, incident)
                if reach is not None:
                    seen[incident.incident_id] = (incident, reach)
        return list(seen.values())

    def _reach(self, report: Report, incident: Incident) -> bool | None:
        """True: within the window; False: within the wide window only; None: out of reach."""
        if not report.dated:  # only the publication date: the incident happened before it
            near = any(
                dt.timedelta(0) <= report.date - day <= self.wide_window for day in incident.days
            )
            return False if near else None
        if report.region is not None and any(
            abs(report.date - day) <= self.window for day in incident.dated_days
        ):
            return True
        nearest = min(abs(report.date - day) for day in incident.days)
        return False if nearest <= self.wide_window else None

    def evict(self) -> list[Incident]:
        """Drop incidents quiet for `evict_after_days` before the latest date seen (a scan at
        most once per day of the clock)."""
        if self.clock == self._evicted_at:
            return []
        self._evicted_at = self.clock
        gone = []
        for block in self.blocks.values():
            for incident_id, incident in list(block.items()):
                if self.clock - incident.last_seen > self.evict_after:
                    gone.append(block.pop(incident_id))
        return gone

    def open_incidents(self) -> list[Incident]:
        unique = {i.incident_id: i for block in self.blocks.values() for i in block.values()}
        return list(unique.values())
