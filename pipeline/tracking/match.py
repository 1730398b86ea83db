"""How well a report matches an open incident: evidence for and against, added up.

Each kind of evidence has a weight (Weights; defaults tuned on the tune part of
gva-incidents-dev, see README "Incidents"): the date, the town (same, near, far), the region,
compatible figures (a toll may rise between reports, so only equal figures count for and a
different count never counts against), the people and organisations both name, the weapons, and
the likeness of the leads (cosine of IDF-weighted hashed words)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from pipeline.tracking.incident import Incident
from pipeline.tracking.report import Report
from pipeline.tracking.vectors import Vector, cosine

NEAR_KM = 25.0  # a town's suburbs and the next town: a shooting "in X" may be filed under Y
FAR_KM = 80.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Weights:
    same_day: float = 2.0
    next_day: float = 1.0
    days_apart: float = -1.0  # two or more days between dates both found in their texts
    same_town: float = 2.0
    near_town: float = 0.5
    far_town: float = -3.0
    same_region: float = 0.5
    other_region: float = -2.0
    same_killed: float = 1.0
    same_injured: float = 0.75
    shared_person: float = 2.5  # per surname both name, at most two
    shared_organisation: float = 1.0
    shared_weapon: float = 0.25
    lead: float = 8.0  # times the cosine of the leads
    threshold: float = 4.0
    unsure_margin: float = 2.0  # added to the threshold for a report without a date or a place


def score(report: Report, lead: Vector, incident: Incident, w: Weights) -> float:
    """`lead`: the report's lead vector, weighted by the linker's document frequencies."""
    total = _date(report, incident, w) + _place(report, incident, w)
    total += _figures(report, incident, w)
    people = set().union(*(r.people for r in incident.reports)) & report.people
    total += w.shared_person * min(len(people), 2)
    if set().union(*(r.organisations for r in incident.reports)) & report.organisations:
        total += w.shared_organisation
    if set().union(*(r.weapons for r in incident.reports)) & report.weapons:
        total += w.shared_weapon
    norm = math.sqrt(sum(v * v for v in incident.lead.values())) or 1.0
    total += w.lead * cosine(lead, incident.lead) / norm
    return total


def _date(report: Report, incident: Incident, w: Weights) -> float:
    if not report.dated:
        return 0.0
    gaps = [abs((report.date - r.date).days) for r in incident.reports if r.dated]
    if not gaps:
        return 0.0
    gap = min(gaps)
    return w.same_day if gap == 0 else w.next_day if gap == 1 else w.days_apart


def _place(report: Report, incident: Incident, w: Weights) -> float:
    total = 0.0
    regions = {r.region for r in incident.reports if r.region}
    if report.region and regions:
        total += w.same_region if report.region in regions else w.other_region
    towns = [r for r in incident.reports if r.town]
    if report.town and towns:
        if any(_same_town(report, r) for r in towns):
            return total + w.same_town
        here = report.coordinates
        distances = [_km(here, r.coordinates) for r in towns if here and r.coordinates]
        if distances and min(distances) <= NEAR_KM:
            total += w.near_town
        elif distances and min(distances) > FAR_KM:
            total += w.far_town
    return total


def _same_town(a: Report, b: Report) -> bool:
    ida = a.place.get("geonameid") if a.place else None
    idb = b.place.get("geonameid") if b.place else None
    return ida == idb if ida and idb else a.town == b.town


def _figures(report: Report, incident: Incident, w: Weights) -> float:
    total = 0.0
    for kind, weight in (("killed", w.same_killed), ("injured", w.same_injured)):
        mine = getattr(report, kind)
        theirs = getattr(incident, kind)
        if mine and theirs and mine.get("min") is not None and mine["min"] == theirs["min"]:
            total += weight
    return total


def _km(a: tuple[float, float] | None, b: tuple[float, float] | None) -> float:
    if a is None or b is None:
        return float("inf")
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
