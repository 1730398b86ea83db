"""`newsflow eval FILE`: accuracy of the primary incident against labelled articles, or of date
values against TimeML sentences. Reads the hand-coded gold sets in tests/data and the labelled
dev sets (GVA, ACLED, TimeBank) as they are; see pipeline/evaluation/datasets.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.table import Table

from pipeline.cli.console import err, fail, user_errors
from pipeline.errors import InputError
from pipeline.evaluation.datasets import Part
from pipeline.evaluation.run import Evaluation, evaluate
from pipeline.evaluation.scoring import FIGURES, Score


def load_rows(path: Path, limit: int | None) -> list[dict]:
    rows = []
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), where=str(path)) from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise InputError(f"invalid JSON ({exc})", where=f"{path}:{number}") from None
            if not isinstance(row, dict):
                raise InputError("expected a JSON object", where=f"{path}:{number}")
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    if not rows:
        raise InputError("no rows", where=str(path))
    return rows


def _parse_floors(floors: list[str]) -> dict[str, float]:
    parsed = {}
    for floor in floors:
        name, _, value = floor.partition("=")
        try:
            parsed[name.strip()] = float(value)
        except ValueError:
            raise InputError(f"--min {floor!r}: expected FIELD=NUMBER, e.g. killed=0.9") from None
    return parsed


@user_errors
def evaluate_cmd(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.jsonl",
            help="labelled rows: hand-coded gold {id, published, text, killed, injured, "
            "event_date}, GVA or ACLED rows (with country), or TimeML sentences (with timexes)",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    part: Annotated[
        Part,
        typer.Option(
            help="which rows to show: all, the part rules are tuned on, or the one in five "
            "kept aside (by a stable hash of the row's id, incident or document)"
        ),
    ] = Part.ALL,
    limit: Annotated[
        int | None, typer.Option(min=1, help="score only the first N rows (a quick look)")
    ] = None,
    floors: Annotated[
        list[str],
        typer.Option(
            "--min",
            metavar="FIELD=NUMBER",
            help="fail (exit 1) when the whole file's accuracy of FIELD is below NUMBER; "
            "FIELD is killed, injured, event_date, country, state, city or date_value; "
            "'invented_share=0.02' fails when more articles than that get an invented number",
        ),
    ] = [],  # noqa: B006 - typer reads the default, never mutates it
) -> None:
    """Score extraction against labelled articles.

    Prints per field accuracy, numbers invented, and the misses grouped by cause."""
    wanted = _parse_floors(floors)
    rows = load_rows(path, limit)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task(f"scoring {path.name}", total=len(rows))
        result = evaluate(rows, advance=lambda: progress.advance(task))
    if as_json:
        typer.echo(orjson.dumps(result.as_dict(), option=orjson.OPT_INDENT_2).decode())
    else:
        _print(result, path, part)
    below = _below_floors(result, wanted)
    if below:
        raise fail("below the floor: " + "; ".join(below), code=1)


def _below_floors(result: Evaluation, wanted: dict[str, float]) -> list[str]:
    report = result.scores[Part.ALL].as_dict()
    below = []
    for name, floor in wanted.items():
        if name == "invented_share":
            got = report.get("invented_share", 0.0)
            if got > floor:
                below.append(f"invented_share {got:.4f} > {floor}")
            continue
        got = report["accuracy"].get(name)
        if got is None:
            raise InputError(f"--min {name}: this file has no field {name!r} to score")
        if got < floor:
            below.append(f"{name} {got:.4f} < {floor}")
    return below


def _print(result: Evaluation, path: Path, part: Part) -> None:
    out = Console()
    parts = [Part.ALL, Part.TUNE, Part.ASIDE] if part is Part.ALL else [part]
    reports = {p: result.scores[p].as_dict() for p in {*parts, Part.ALL}}
    table = Table(title=f"{path} ({result.kind})")
    table.add_column("field")
    for p in parts:
        table.add_column(f"{p} ({_size(result.scores[p])})")
    for name in reports[parts[0]]["accuracy"]:
        table.add_row(name, *(f"{reports[p]['accuracy'].get(name, 0):.1%}" for p in parts))
    first = result.scores[parts[0]]
    if isinstance(first, Score):
        for name in FIGURES:
            if first.scored[name]:
                table.add_row(
                    f"{name} (victims only)",
                    *(f"{reports[p]['victims_only'][name]:.1%}" for p in parts),
                )
        table.add_row(
            "articles with an invented number",
            *(f"{reports[p]['invented_share']:.1%}" for p in parts),
        )
    out.print(table)
    causes = Table(title="misses by cause (all rows)")
    for column in ("field", "cause", "count"):
        causes.add_column(column)
    for cause in reports[Part.ALL]["miss_causes"][:15]:
        causes.add_row(cause.get("field", "date_value"), cause["cause"], str(cause["count"]))
    out.print(causes)
    for reason, count in reports[Part.ALL].get("left_out", {}).items():
        err.print(f"left out: {count} rows ({reason})")
    for failure in result.failures:
        err.print(f"enrichment failed: {failure}")


def _size(score) -> str:
    return f"{score.total} articles" if isinstance(score, Score) else f"{score.gold} timexes"
