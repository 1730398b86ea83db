"""Incident linking scored on articles labelled with their incident (gva-incidents-dev): the
articles are linked in arrival order (published date, then id), each part on its own, beside
two baselines: every article alone, and one incident per publication date."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.evaluation.clusters import bcubed, pairwise, toll_accuracy
from pipeline.evaluation.datasets import Part, in_part
from pipeline.tracking.linker import Linker
from pipeline.tracking.tracker import IncidentTracker, incident_tolls

PARTS = (Part.ALL, Part.TUNE, Part.ASIDE)


def score_linking(
    rows: list[dict],
    records: dict[str, dict],
    *,
    new_linker: Callable[[], Linker] = Linker,
) -> dict[str, dict]:
    """`records`: enriched record by article id (rows without one are left out and counted).
    Parts without an article are left out of the report."""
    return {
        str(part): _score_part(rows, records, part, new_linker)
        for part in PARTS
        if any(in_part(r, part) and r["id"] in records for r in rows)
    }


def score_incidents(rows: list[dict], incidents: list[dict]) -> dict[str, dict]:
    """Score incidents linked elsewhere (a stream's news.incidents, as `newsflow sink` writes
    it: every version): the latest version of each incident gives its articles and its toll.
    An article in no incident (no event found) counts as alone."""
    latest: dict[str, dict] = {}
    for incident in incidents:
        held = latest.get(incident["incident_id"])
        if held is None or incident["version"] > held["version"]:
            latest[incident["incident_id"]] = incident
    # An article with several events is in several incidents: as when linking here, its first
    # event's incident is the article's.
    firsts: dict[str, tuple[int, str]] = {}
    for incident in latest.values():
        for event_id in incident.get("events") or [f"{a}#1" for a in incident["articles"]]:
            article, _, number = event_id.rpartition("#")
            order = int(number) if number.isdigit() else 1
            held = firsts.get(article or event_id)
            if held is None or order < held[0]:
                firsts[article or event_id] = (order, incident["incident_id"])
    incident_of = {article: incident_id for article, (_, incident_id) in firsts.items()}
    tolls = {i["incident_id"]: incident_tolls(i) for i in latest.values()}
    report = {}
    for part in PARTS:
        chosen = [r for r in rows if in_part(r, part)]
        if chosen:
            predicted = {r["id"]: incident_of.get(r["id"], f"alone:{r['id']}") for r in chosen}
            report[str(part)] = _scores(chosen, predicted, tolls, left_out=0, limits={})
    return report


def _score_part(rows, records, part: Part, new_linker) -> dict:
    chosen = [r for r in rows if in_part(r, part) and r["id"] in records]
    chosen.sort(key=lambda r: (r.get("published") or "", r["id"]))
    tracker = IncidentTracker(new_linker())
    predicted: dict[str, str] = {}
    no_event = no_place = undated = 0
    for row in chosen:
        record = records[row["id"]]
        tracker.observe(record)
        events = record.get("events") or []
        if not events:
            no_event += 1
            predicted[row["id"]] = f"alone:{row['id']}"
            continue
        predicted[row["id"]] = events[0]["incident_id"]
        no_place += events[0].get("place") is None
        undated += events[0].get("date_basis") == "published"
    n = len(chosen) or 1
    return _scores(
        chosen,
        predicted,
        tracker.tolls(),
        left_out=sum(1 for r in rows if in_part(r, part) and r["id"] not in records),
        limits={
            "no incident found": no_event / n,
            "incident without a place": no_place / n,
            "incident dated by publication only": undated / n,
        },
    )


def _with_attackers(tolls: dict[str, dict]) -> dict[str, dict]:
    return {
        incident: {kind: toll.get(f"{kind}+") for kind in ("killed", "injured")}
        for incident, toll in tolls.items()
    }


def _scores(
    chosen: list[dict],
    predicted: dict[str, str],
    tolls: dict[str, dict],
    *,
    left_out: int,
    limits: dict[str, float],
) -> dict:
    gold = {r["id"]: str(r["incident_id"]) for r in chosen}
    gold_tolls = {
        str(r["incident_id"]): {k: r.get(k) for k in ("killed", "injured")} for r in chosen
    }
    alone = {a: a for a in gold}
    by_day = {r["id"]: (r.get("published") or "")[:10] for r in chosen}
    return {
        "articles": len(chosen),
        "left_out": left_out,
        "gold_incidents": len(set(gold.values())),
        "incidents": len(set(predicted.values())),
        "bcubed": bcubed(predicted, gold),
        "pairwise": pairwise(predicted, gold),
        # the Gun Violence Archive counts attackers in its totals, as the article scores do
        "toll_accuracy": toll_accuracy(predicted, gold, _with_attackers(tolls), gold_tolls),
        "toll_accuracy_victims_only": toll_accuracy(predicted, gold, tolls, gold_tolls),
        "baselines": {
            "every article alone": bcubed(alone, gold),
            "one incident per publication date": bcubed(by_day, gold),
        },
        "limits": limits,
    }
