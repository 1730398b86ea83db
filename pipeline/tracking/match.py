"""How well a report matches an open incident: evidence for and against, added up.

Each kind of evidence has a weight (Weights; defaults tuned on the tune part of
gva-incidents-dev, see README "Incidents"): the date, the town (same, near, far), the region,
compatible figures (a toll may rise between reports, so only equal figures count for and a
different count never counts against), the people and organisations both name, the weapons, and
the likeness of the leads (cosine of IDF-weighted hashed words)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.enrich.places.gazetteer import distance_km
from pipeline.tracking.incident import Incident
from pipeline.tracking.report import Report
from pipeline.tracking.vectors import Vectors, cosine

EVIDENCE = (
    "same_day",
    "next_day",
    "days_apart",
    "same_town",
    "near_town",
    "far_town",
    "same_region",
    "other_region",
    "same_killed",
    "same_injured",
    "shared_person",
    "shared_organisation",
    "shared_weapon",
    "lead",
    "names",
    "published_apart",
)
NEAR_KM = 25.0  # a town's suburbs and the next town: a shooting "in X" may be filed under Y
FAR_KM = 80.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Weights:
    """Fitted by pipeline/evaluation/fit_linking.py (a logistic regression over the evidence of
    every candidate the linker offered, replaying the tune part of gva-incidents-dev with the
    right answers); the threshold was then chosen on the same part for BCubed F1 (3.0: 0.910,
    3.5: 0.913, 4.0: 0.913; the regression's own bias, 4.7, links too little). The fit saw every
    open incident of the country as a candidate; with the candidate indexes since (linker.py)
    a refit moves the weights a little and scores the same (0.913), so these stayed. A weight
    below zero is evidence against."""

    same_day: float = 1.27
    next_day: float = -0.49  # below zero: next to same_day, a day apart is weaker evidence
    days_apart: float = -2.32  # two or more days between dates both found in their texts
    same_town: float = 1.0
    near_town: float = 0.93  # within NEAR_KM
    far_town: float = -0.93  # more than FAR_KM apart
    same_region: float = 1.01
    other_region: float = -1.09
    same_killed: float = 1.15
    same_injured: float = 0.81
    shared_person: float = 1.97  # per surname both name, at most two
    shared_organisation: float = 0.2
    shared_weapon: float = -0.25  # "gunfire" is in nearly every story: no evidence
    lead: float = 6.67  # times the cosine of the leads
    names: float = 11.78  # times the cosine of the texts' capitalised runs (streets, names)
    published_apart: float = -1.49  # published more than two days from every report of it
    threshold: float = 3.5
    unsure_margin: float = 0.22  # added for a report without its own date and region, or
    # whose date is outside the window of every report of the incident
    # Added on top for an incident only a rare name leads to, with every date of it farther
    # than the wide window (chosen on the tune part for BCubed F1: 2.0: 0.929, 3.0: 0.931,
    # 3.5: 0.931, 5.0: 0.931; none: 0.928, with no such candidate at all).
    far_margin: float = 3.5


def evidence(report: Report, vectors: Vectors, incident: Incident) -> dict[str, float]:
    """The evidence for and against, one value per weight (0 when there is none either way).
    `vectors`: the report's, weighted by the linker's document frequencies."""
    found = dict.fromkeys(EVIDENCE, 0.0)
    found.update(_date(report, incident))
    found.update(_place(report, incident))
    found.update(_figures(report, incident))
    found["shared_person"] = float(min(len(incident.people & report.people), 2))
    if incident.organisations & report.organisations:
        found["shared_organisation"] = 1.0
    if incident.weapons & report.weapons:
        found["shared_weapon"] = 1.0
    lead_norm, names_norm = incident.norms
    found["lead"] = cosine(vectors.lead, incident.lead) / lead_norm
    found["names"] = cosine(vectors.names, incident.names) / names_norm
    return found


def score(report: Report, vectors: Vectors, incident: Incident, w: Weights) -> float:
    weight = _table(w)
    return sum(
        weight[name] * value for name, value in evidence(report, vectors, incident).items() if value
    )


@lru_cache(maxsize=8)
def _table(w: Weights) -> dict[str, float]:
    return {name: getattr(w, name) for name in EVIDENCE}


def _date(report: Report, incident: Incident) -> dict[str, float]:
    found = {}
    published = report.published_day
    if (
        published is not None
        and incident.published_days
        and min(abs((published - day).days) for day in incident.published_days) > 2
    ):
        found["published_apart"] = 1.0
    if report.dated and incident.dated_days:
        gap = min(abs((report.date - day).days) for day in incident.dated_days)
        found["same_day" if gap == 0 else "next_day" if gap == 1 else "days_apart"] = 1.0
    return found


def _place(report: Report, incident: Incident) -> dict[str, float]:
    found = {}
    if report.region and incident.regions:
        found["same_region" if report.region in incident.regions else "other_region"] = 1.0
    key = report.town_key
    if key is None or not incident.towns:
        return found
    if key in incident.towns:
        found["same_town"] = 1.0
        return found
    here = report.coordinates
    distances = [distance_km(*here, *there) for there in incident.towns.values() if here and there]
    if distances and min(distances) <= NEAR_KM:
        found["near_town"] = 1.0
    elif distances and min(distances) > FAR_KM:
        found["far_town"] = 1.0
    return found


def _figures(report: Report, incident: Incident) -> dict[str, float]:
    """The report's figure equals the highest its incident was given (tolls rise between
    reports; a different figure never counts against)."""
    found = {}
    for kind in ("killed", "injured"):
        mine = (getattr(report, kind) or {}).get("min")
        if mine is not None and mine == (incident.ranges[kind] or {}).get("high"):
            found[f"same_{kind}"] = 1.0
    return found
