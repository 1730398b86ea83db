"""The incident linker: each report joins the best-matching open incident, or opens one.

Candidates: open incidents of the report's blocking key (its country; every incident when the
report has no place) whose reports are dated within `window_days` of its date. The match score
adds evidence for and against (match.score); the best candidate at or above the threshold wins.
A report whose date or place the text does not give needs a higher score: only strong text and
name evidence links it. Incidents with no report for `evict_after_days` leave the table."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass

from pipeline.tracking.incident import Incident, incident_id_for
from pipeline.tracking.match import Weights, score
from pipeline.tracking.report import Report
from pipeline.tracking.vectors import DocumentFrequencies

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
        undated_window_days: int = 30,
        evict_after_days: int = 30,
        weights: Weights | None = None,
    ) -> None:
        self.window = dt.timedelta(days=window_days)
        self.undated_window = dt.timedelta(days=undated_window_days)
        self.evict_after = dt.timedelta(days=evict_after_days)
        self.weights = weights or Weights()
        self.frequencies = DocumentFrequencies()
        self.blocks: dict[str, dict[str, Incident]] = defaultdict(dict)
        self.clock = dt.date.min  # the latest date seen: what "quiet for N days" is measured by
        self._evicted_at = dt.date.min

    def link(self, report: Report) -> Linked:
        self.frequencies.add(report.lead)
        lead = self.frequencies.vector(report.lead)
        best, best_score = None, float("-inf")
        for incident in self._candidates(report):
            value = score(report, lead, incident, self.weights)
            if value > best_score:
                best, best_score = incident, value
        needed = self.weights.threshold
        if not report.dated or report.place is None:
            needed += self.weights.unsure_margin
        opened = best is None or best_score < needed
        if opened:
            best = Incident(incident_id_for(report))
        assert best is not None
        # How sure the join is: 0.5 at the threshold, towards 1 as the evidence mounts.
        certainty = None if opened else 1 / (1 + math.exp(needed - best_score))
        revision = best.add(report, lead=lead, certainty=certainty)
        self.blocks[blocking_key(report)][best.incident_id] = best
        self.clock = max(self.clock, report.date)
        return Linked(best, revision, opened)

    def _candidates(self, report: Report) -> list[Incident]:
        keys = list(self.blocks) if report.country is None else [report.country, ANYWHERE]
        seen: dict[str, Incident] = {}
        for key in keys:
            for incident in self.blocks.get(key, {}).values():
                if (
                    incident.incident_id not in seen
                    and self._in_window(report, incident)
                    # the enricher told this article's incidents apart already
                    and all(r.article_id != report.article_id for r in incident.reports)
                ):
                    seen[incident.incident_id] = incident
        return list(seen.values())

    def _in_window(self, report: Report, incident: Incident) -> bool:
        if not report.dated:  # only the publication date: the incident happened before it
            return any(
                dt.timedelta(0) <= report.date - r.date <= self.undated_window
                for r in incident.reports
            )
        return any(
            abs(report.date - r.date) <= self.window for r in incident.reports if r.dated
        ) or (
            any(abs(report.date - r.date) <= self.undated_window for r in incident.reports)
            and not any(r.dated for r in incident.reports)
        )

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
