"""An incident as several reports tell it, and the versioned record subscribers receive.

The best figure (killed, injured; the attackers' own apart, in `perpetrators`): the figure most
of its reports give; between figures given equally often, that of the latest report. A report
that gives figures but none of a kind says none of that kind; a report with no figure at all
(an arrest, a court hearing) has no say; one text that several outlets carry speaks once (its
latest copy). So a rise supersedes as soon as it is no rarer than the figure before it ("at
least 5 killed", then "death toll rises to 12": 12), and one report that counts wrong ("three
people hurt", where every other report says two) does not move a figure the others agree on;
every figure reported is kept in `range`. Each report that joins
is a new version (its article joins `articles`), with a revision saying why: first report,
rise or correction (the best figure went up or down), new source (an outlet not seen before,
with a text of its own), or new report (anything else: a follow-up from an outlet already
counted, a syndicated copy)."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.records.schema import INCIDENT_SCHEMA_ID
from pipeline.tracking.report import Report, report_from_state, report_state
from pipeline.tracking.vectors import Vector, Vectors

FEATURE_RANK = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}


def incident_id_for(report: Report) -> str:
    """Stable: the same first report opens an incident of the same id on every run."""
    return "inc-" + hashlib.blake2b(report.event_id.encode(), digest_size=8).hexdigest()


@dataclass(slots=True)
class Incident:
    incident_id: str
    reports: list[Report] = field(default_factory=list)
    version: int = 0
    killed: dict | None = None
    injured: dict | None = None
    perpetrators: dict = field(default_factory=lambda: {"killed": None, "injured": None})
    # the lowest and highest victims' figures its reports gave ({"low", "high"} or None): the
    # record's `range`, and the high one what the linker compares a report with
    ranges: dict = field(default_factory=lambda: {"killed": None, "injured": None})
    revisions: list[dict] = field(default_factory=list)
    certainties: list[float] = field(default_factory=list)  # of each report that joined
    lead: Vector = field(default_factory=dict)  # sum of the reports' lead vectors
    names: Vector = field(default_factory=dict)  # sum of the reports' name vectors
    norms: tuple[float, float] = (1.0, 1.0)  # of `lead` and `names`, kept with them
    people: set[str] = field(default_factory=set)  # named by any of its reports
    organisations: set[str] = field(default_factory=set)
    weapons: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    towns: dict[str, tuple[float, float] | None] = field(default_factory=dict)  # key → lat, lon
    days: set[dt.date] = field(default_factory=set)  # its reports' event dates
    dated_days: set[dt.date] = field(default_factory=set)  # those found in the texts
    published_days: set[dt.date] = field(default_factory=set)
    last_seen: dt.date = dt.date.min  # latest event or publication date: eviction clock
    compact: bool = False  # quiet: the summed vectors were dropped (see `expand`)
    woken: dt.date = dt.date.min  # when a report last found it compact (the linker's clock)

    def add(self, report: Report, *, vectors: Vectors, certainty: float | None) -> dict:
        """Take in a report; returns the revision (the new version) it caused."""
        new_source = report.source not in self.sources
        new_text = report.fingerprint not in {r.fingerprint for r in self.reports}
        self._absorb(report, vectors)
        if certainty is not None:
            self.certainties.append(certainty)
        before = [_low(self.killed), _low(self.injured)]
        self._settle_figures()
        after = [_low(self.killed), _low(self.injured)]
        why = ["rise"] if after > before else ["correction"] if after != before else []
        if len(self.reports) == 1:
            why = ["first report"]
        elif new_source and new_text and not why:
            why = ["new source"]
        elif not why:
            why = ["new report"]  # its article joins the list: subscribers see it
        self.version += 1
        revision = {
            "version": self.version,
            "time": report.published,
            "article_id": report.article_id,
            "source": report.source,
            "title": report.title,
            "url": report.url,
            "snippet": report.snippet,
            "killed": self.killed,
            "injured": self.injured,
            "why": why[0],
        }
        self.revisions.append(revision)
        return revision

    def _settle_figures(self) -> None:
        """The best figures from the reports that give any (see the module's docstring)."""
        # one text carried by several outlets speaks once: its latest copy
        latest = {r.fingerprint: r for r in self.reports if r.counts}
        counting = [r for r in self.reports if r.counts and latest[r.fingerprint] is r]
        self.killed = _consensus(counting, "killed")
        self.injured = _consensus(counting, "injured")
        self.perpetrators = {
            kind: _consensus(counting, kind, attackers=True) for kind in ("killed", "injured")
        }

    def _absorb(self, report: Report, vectors: Vectors) -> None:
        """What linking compares: the report's vectors, names, places and days."""
        self.reports.append(report)
        for kind in ("killed", "injured"):
            low = (report.figure(kind) or {}).get("min")
            held = self.ranges[kind]
            if low is not None:
                self.ranges[kind] = (
                    {"low": low, "high": low}
                    if held is None
                    else {"low": min(held["low"], low), "high": max(held["high"], low)}
                )
        self._sum(vectors)
        self.norms = (_norm(self.lead), _norm(self.names))
        self.people |= report.people
        self.organisations |= report.organisations
        self.weapons |= report.weapons
        if report.region:
            self.regions.add(report.region)
        if report.town:
            self.towns[report.town_key] = report.coordinates
        self.days.add(report.date)
        if report.dated:
            self.dated_days.add(report.date)
        published = report.published_day
        if published is not None:
            self.published_days.add(published)
        self.last_seen = max(self.last_seen, report.date, published or report.date)

    def shrink(self) -> None:
        """Drop the summed vectors, most of a quiet incident's memory: a late follow-up (a
        charge, a trial) can still find it by its names, and `expand` rebuilds them then."""
        self.lead, self.names, self.norms, self.compact = {}, {}, (1.0, 1.0), True

    def expand(self, vectors_of: Callable[[Report], Vectors]) -> bool:
        """The summed vectors again, after `shrink`, weighted as the linker weighs now; False
        when they were there."""
        if not self.compact:
            return False
        for report in self.reports:
            self._sum(vectors_of(report))
        self.norms = (_norm(self.lead), _norm(self.names))
        self.compact = False
        return True

    def _sum(self, vectors: Vectors) -> None:
        for total, vector in ((self.lead, vectors.lead), (self.names, vectors.names)):
            for h, w in vector.items():
                total[h] = total.get(h, 0.0) + w

    def state(self) -> dict:
        """What a stream worker stores (its table): enough to rebuild the incident after a
        restart. The vectors are not stored: they are recomputed from the reports' hashed
        words with the document frequencies of the rebuilt table."""
        return {
            "incident_id": self.incident_id,
            "version": self.version,
            "killed": self.killed,
            "injured": self.injured,
            "revisions": self.revisions,
            "certainties": self.certainties,
            "reports": [report_state(r) for r in self.reports],
        }

    @classmethod
    def from_state(cls, state: dict, vectors_of: Callable[[Report], Vectors]) -> Incident:
        incident = cls(
            state["incident_id"],
            version=state["version"],
            revisions=state["revisions"],
            certainties=state["certainties"],
        )
        for saved in state["reports"]:
            report = report_from_state(saved)
            incident._absorb(report, vectors_of(report))
        incident._settle_figures()  # the figures follow from the reports, whatever was stored
        return incident

    @property
    def sources(self) -> list[str]:
        """Distinct outlets; a syndicated copy (same opening text) counts once."""
        seen_texts: set[str] = set()
        out: list[str] = []
        for r in self.reports:
            if r.fingerprint in seen_texts:
                continue
            seen_texts.add(r.fingerprint)
            if r.source not in out:
                out.append(r.source)
        return out

    @property
    def date(self) -> dt.date:
        """The date most reports that found one in their text give; ties: the earliest."""
        dated = Counter(r.date for r in self.reports if r.dated)
        if not dated:
            return min(r.date for r in self.reports)
        return min(dated, key=lambda d: (-dated[d], d))

    @property
    def place(self) -> dict | None:
        """The most specific place the reports give, the one most of them give at that level."""
        places = [r.place for r in self.reports if r.place]
        if not places:
            return None
        level = min(FEATURE_RANK.get(p.get("feature"), 3) for p in places)
        at_level = [p for p in places if FEATURE_RANK.get(p.get("feature"), 3) == level]
        counts = Counter(p.get("geonameid") or p["name"] for p in at_level)
        top = max(counts, key=counts.__getitem__)
        return next(p for p in at_level if (p.get("geonameid") or p["name"]) == top)

    @property
    def confidence(self) -> float:
        """How sure the linking is: 1.0 for a single report, else the weakest join's certainty
        (0.5 at the linker's threshold, towards 1 as the evidence mounts)."""
        return round(min(self.certainties), 3) if self.certainties else 1.0

    def as_record(self) -> dict:
        place = self.place
        return {
            "schema": INCIDENT_SCHEMA_ID,
            "incident_id": self.incident_id,
            "version": self.version,
            "date": self.date.isoformat(),
            "place": None
            if place is None
            else {
                **{k: place.get(k) for k in ("name", "country_code", "lat", "lon", "feature")},
                "region": (place.get("admin1") or {}).get("name"),
            },
            "killed": self.killed,
            "injured": self.injured,
            "perpetrators": dict(self.perpetrators),
            "range": dict(self.ranges),
            "revisions": self.revisions,
            "articles": list(dict.fromkeys(r.article_id for r in self.reports)),
            "events": [r.event_id for r in self.reports],
            "sources": self.sources,
            "weapons": sorted({w for r in self.reports for w in r.weapons}),
            "accused": sorted({a for r in self.reports for a in r.accused}),
            "first_seen": min(r.published for r in self.reports),
            "last_updated": max(r.published for r in self.reports),
            "confidence": self.confidence,
        }


def _norm(vector: Vector) -> float:
    return math.sqrt(sum(v * v for v in vector.values())) or 1.0


def _consensus(reports: list[Report], kind: str, *, attackers: bool = False) -> dict | None:
    """The figure of `kind` most of `reports` give, ties to the latest report's; None when that
    is "none given" (a report without a figure of the kind counts as none)."""
    figures = [r.figure(kind, attackers=attackers) for r in reports]
    votes = [_vote(f) for f in figures]
    if not votes:
        return None
    tally = Counter(votes)
    top = max(tally.values())
    chosen = next(v for v in reversed(votes) if tally[v] == top)
    latest = next((f for f in reversed(figures) if f is not None and _vote(f) == chosen), None)
    return None if latest is None else _best(latest)


def _vote(figure: dict | None) -> int | str:
    """What a report says of a kind: its low count; none given counts as none (0); a vague
    amount ("several wounded") as some."""
    if figure is None:
        return 0
    return "some" if figure.get("min") is None else figure["min"]


def _low(figure: dict | None) -> int:
    """A figure's low count as a vote: none given counts as none."""
    return (figure or {}).get("min") or 0


def _best(figure: dict) -> dict:
    return {"min": figure["min"], "max": figure.get("max"), "qualifier": figure.get("qualifier")}
