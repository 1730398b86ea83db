"""`newsflow eval-incidents FILE`: how well incidents are linked across articles, against
articles labelled with their incident (e.g. gva-incidents-dev.jsonl)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.table import Table

from pipeline.cli.console import err, fail, user_errors
from pipeline.cli.eval_cmd import load_rows
from pipeline.cli.progress import progress
from pipeline.errors import InputError
from pipeline.evaluation.datasets import Part
from pipeline.evaluation.linking import score_incidents, score_linking
from pipeline.records import article_from_mapping

INCIDENT_KEYS = {"incident_id", "version", "articles"}


@user_errors
def eval_incidents_cmd(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.jsonl",
            help="articles with their incident: {id, incident_id, published, text, killed, "
            "injured} per line",
        ),
    ],
    enriched: Annotated[
        Path | None,
        typer.Option(
            help="enriched records of these articles (from `newsflow run`), to link again "
            "without enriching again"
        ),
    ] = None,
    incidents: Annotated[
        Path | None,
        typer.Option(
            help="score these incidents instead of linking here: a stream's versions as "
            "`newsflow sink --topic news.incidents` writes them (the latest of each counts)"
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    floor: Annotated[
        float | None,
        typer.Option("--min-f1", help="fail (exit 1) when the kept-aside BCubed F1 is below this"),
    ] = None,
) -> None:
    """Score incident linking: BCubed and pairwise F1 over articles, and toll accuracy.

    Articles are linked in published order, each part (tune, kept aside) on its own, beside two
    baselines: every article alone, and one incident per publication date. With --incidents,
    the incidents a stream linked are scored instead (each part: its articles in them)."""
    rows = load_rows(path, None)
    missing = [n for n, r in enumerate(rows, 1) if not r.get("id") or not r.get("incident_id")]
    if missing:
        raise InputError("needs 'id' and 'incident_id' on every row", where=f"{path}:{missing[0]}")
    if incidents is not None and enriched is not None:
        raise fail("give --incidents or --enriched, not both")
    if incidents is not None:
        linked = load_rows(incidents, None)
        bad = [n for n, r in enumerate(linked, 1) if not r.keys() >= INCIDENT_KEYS]
        if bad:
            raise InputError("not an incident record", where=f"{incidents}:{bad[0]}")
        report = score_incidents(rows, linked)
    else:
        report = score_linking(rows, _read_enriched(enriched) if enriched else _enrich(rows))
    if as_json:
        typer.echo(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode())
    else:
        _print(report, path)
    if floor is not None:
        if str(Part.ASIDE) not in report:
            raise fail("--min-f1: no article of this file falls in the kept-aside part", code=1)
        aside = report[str(Part.ASIDE)]["bcubed"]["f1"]
        if aside < floor:
            raise fail(f"below the floor: kept-aside BCubed F1 {aside:.4f} < {floor}", code=1)


def _enrich(rows: list[dict]) -> dict[str, dict]:
    from pipeline.enrich.enricher import Enricher, EnrichFailure

    articles = []
    for row in rows:
        try:
            articles.append(article_from_mapping(row))
        except InputError as exc:
            err.print(f"[yellow]skipped[/] {row.get('id')}: {exc.reason}")
    records = {}
    with progress(known_total=True) as bar:
        task = bar.add_task("enriching", total=len(articles), rate="")
        for result in Enricher().enrich_many(articles):
            bar.advance(task)
            if isinstance(result, EnrichFailure):
                err.print(f"[yellow]not enriched[/] {result.article.id}: {result.reason}")
            else:
                records[result["id"]] = result
    return records


def _read_enriched(path: Path) -> dict[str, dict]:
    return {record["id"]: record for record in load_rows(path, None) if "events" in record}


def _print(report: dict[str, dict], path: Path) -> None:
    table = Table(title=f"incident linking: {path.name}")
    table.add_column("measure")
    for part, scores in report.items():
        table.add_column(f"{part} ({scores['articles']} articles)")
    rows = [
        (
            "gold incidents / linked incidents",
            lambda s: f"{s['gold_incidents']} / {s['incidents']}",
        ),
        ("BCubed precision", lambda s: f"{s['bcubed']['precision']:.3f}"),
        ("BCubed recall", lambda s: f"{s['bcubed']['recall']:.3f}"),
        ("BCubed F1", lambda s: f"{s['bcubed']['f1']:.3f}"),
        ("pairwise F1", lambda s: f"{s['pairwise']['f1']:.3f}"),
        # GVA counts the attackers in its totals; the victims alone are shown beside
        ("toll accuracy killed (with attackers)", lambda s: _share(s["toll_accuracy"]["killed"])),
        ("toll accuracy injured (with attackers)", lambda s: _share(s["toll_accuracy"]["injured"])),
        (
            "toll accuracy killed, victims only",
            lambda s: _share(s["toll_accuracy_victims_only"]["killed"]),
        ),
        (
            "toll accuracy injured, victims only",
            lambda s: _share(s["toll_accuracy_victims_only"]["injured"]),
        ),
    ]
    rows += [
        (f"baseline BCubed F1: {name}", lambda s, n=name: f"{s['baselines'][n]['f1']:.3f}")
        for name in next(iter(report.values()))["baselines"]
    ]
    rows += [
        (f"limit: {name}", lambda s, n=name: f"{s['limits'][n]:.1%}")
        for name in next(iter(report.values()))["limits"]
    ]
    for name, cell in rows:
        table.add_row(name, *(cell(scores) for scores in report.values()))
    Console().print(table)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"
