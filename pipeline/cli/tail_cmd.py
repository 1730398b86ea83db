"""`newsflow tail`: follow the enriched or events topic and print incidents for humans."""

from __future__ import annotations

from typing import Annotated

import orjson
import typer
from kafka import TopicPartition
from rich.console import Console

from pipeline.cli.console import user_errors
from pipeline.kafka.clients import consumer
from pipeline.settings import Settings


def _events(record: dict) -> list[dict]:
    return record.get("events", [record])


def _wanted(record: dict, country: str | None, min_killed: int) -> bool:
    place = record.get("place") or {}
    if country and place.get("country_code") != country.upper():
        return False
    return not min_killed or ((record.get("killed") or {}).get("min") or 0) >= min_killed


def _count(figure: dict | None) -> str:
    if not figure:
        return "-"
    low, high, qualifier = figure["min"], figure["max"], figure["qualifier"]
    if qualifier == "unspecified":
        return "some"
    if qualifier == "range":
        return f"{low}-{high}"
    if qualifier == "more_than":
        return f">{low - 1}"
    if qualifier == "fewer_than":
        return f"<{high + 1}"
    prefix = {"at_least": "≥", "at_most": "≤", "about": "~"}.get(qualifier, "")
    return f"{prefix}{low if low is not None else high}"


def incident_line(previous: dict | None, current: dict) -> str:
    """'Belgorod, RU 2023-12-31: killed ≥21 → ≥24, 3 reports, 2 sources'."""
    place = current.get("place") or {}
    where = f"{place.get('name', '?')}, {place.get('country_code') or '?'}" if place else "?"
    figures = []
    for kind in ("killed", "injured"):
        now = _count(current.get(kind))
        before = _count((previous or {}).get(kind)) if previous else now
        if now == "-" and before == "-":
            continue
        figures.append(f"{kind} {before} → {now}" if before != now else f"{kind} {now}")
    reports, sources = len(current.get("articles", [])), len(current.get("sources", []))
    counts = f"{reports} report{'s' * (reports != 1)}, {sources} source{'s' * (sources != 1)}"
    return f"{where} {current.get('date', '?')}: " + ", ".join([*figures, counts])


@user_errors
def tail(
    topic: Annotated[
        str | None,
        typer.Option(
            help="topic to follow (default: NEWSFLOW_TOPIC_EVENTS; the enriched topic also works)"
        ),
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="only events in this ISO country code")
    ] = None,
    min_killed: Annotated[int, typer.Option(help="only events with at least N killed")] = 0,
    from_beginning: Annotated[
        bool, typer.Option(help="start at the oldest record, not the newest")
    ] = False,
    limit: Annotated[int | None, typer.Option(help="stop after printing N events")] = None,
    incidents: Annotated[
        bool,
        typer.Option(
            "--incidents",
            help="follow incident versions (NEWSFLOW_TOPIC_INCIDENTS): one line per change, "
            "with the toll before and after",
        ),
    ] = False,
) -> None:
    """Print incidents as they arrive: date, place, killed, injured, weapons, article."""
    settings = Settings()
    name = topic or (settings.topic_incidents if incidents else settings.topic_events)
    client = consumer(settings, enable_auto_commit=False, consumer_timeout_ms=1000)
    partitions = client.partitions_for_topic(name) or set()
    tps = [TopicPartition(name, p) for p in sorted(partitions)]
    client.assign(tps)
    (client.seek_to_beginning if from_beginning else client.seek_to_end)(*tps)
    out = Console()
    if not incidents:
        out.print(
            f"[bold]{'date':<11} {'place':<28} {'killed':>7} {'injured':>8}  weapons / article[/]"
        )
    latest: dict[str, dict] = {}  # incident id → the last version printed
    shown = 0
    try:
        while limit is None or shown < limit:
            for message in client:
                if incidents:
                    current = orjson.loads(message.value)
                    previous = latest.get(current.get("incident_id", ""))
                    if previous is not None and previous.get("version", 0) >= current["version"]:
                        continue  # a re-delivered or older version
                    latest[current["incident_id"]] = current
                    if not _wanted(current, country, min_killed):
                        continue
                    out.print(incident_line(previous, current), markup=False, highlight=False)
                    shown += 1
                    if limit is not None and shown >= limit:
                        return
                    continue
                for event in _events(orjson.loads(message.value)):
                    if not _wanted(event, country, min_killed):
                        continue
                    place = event.get("place") or {}
                    where = (
                        f"{place.get('name', '?')}, {place.get('country_code', '?')}"
                        if place
                        else "?"
                    )
                    out.print(
                        f"{event.get('date') or '?':<11} {where[:28]:<28} "
                        f"{_count(event.get('killed')):>7} {_count(event.get('injured')):>8}  "
                        f"{', '.join(event.get('weapons', [])) or '-'} / "
                        f"{event.get('article_id') or event.get('event_id', '')}"
                    )
                    shown += 1
                    if limit is not None and shown >= limit:
                        return
    except KeyboardInterrupt:
        pass
    finally:
        client.close()
