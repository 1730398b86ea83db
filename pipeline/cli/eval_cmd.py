"""`newsflow eval GOLD.jsonl`: accuracy of killed, injured and event date against gold lines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.table import Table

from pipeline.cli.console import err, fail, user_errors
from pipeline.enrich.enricher import Enricher, EnrichFailure
from pipeline.errors import InputError
from pipeline.evaluation.scoring import FIELDS, Score
from pipeline.records import article_from_mapping


def _load_gold(path: Path) -> list[dict]:
    lines = []
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), where=str(path)) from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                gold = orjson.loads(line)
                article_from_mapping(gold)
            except orjson.JSONDecodeError as exc:
                raise InputError(f"invalid JSON ({exc})", where=f"{path}:{number}") from None
            except InputError as exc:
                raise InputError(exc.reason, where=f"{path}:{number}") from None
            lines.append(gold)
    if not lines:
        raise InputError("no gold lines", where=str(path))
    return lines


@user_errors
def evaluate(
    gold_path: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD.jsonl", help="lines of {id, published, text, killed, injured, event_date}"
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
) -> None:
    """Score the primary event's killed / injured / date against hand-coded gold articles."""
    gold = _load_gold(gold_path)
    score = Score()
    articles = [article_from_mapping(g) for g in gold]
    for g, record in zip(gold, Enricher().enrich_many(articles), strict=True):
        if isinstance(record, EnrichFailure):
            raise fail(f"{g.get('id')}: enrichment failed: {record.reason}")
        score.add(g, record)
    if as_json:
        typer.echo(orjson.dumps(score.as_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    out = Console()
    table = Table(title=f"{gold_path} — {score.total} articles")
    for column in ("field", "exact match", "invented (gold null)"):
        table.add_column(column)
    for name in FIELDS:
        table.add_row(
            name,
            f"{score.accuracy(name):.1%} ({score.correct[name]}/{score.total})",
            f"{score.invented[name]} of {score.gold_null[name]}",
        )
    out.print(table)
    if score.misses:
        misses = Table(title="misses")
        for column in ("id", "field", "gold", "got"):
            misses.add_column(column)
        for miss in score.misses:
            misses.add_row(str(miss["id"]), miss["field"], str(miss["gold"]), str(miss["got"]))
        out.print(misses)
    err.print(f"{len(score.misses)} misses")
