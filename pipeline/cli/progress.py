"""A progress display on stderr for long jobs: count, rate, elapsed (and ETA when the total is known)."""

from __future__ import annotations

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from pipeline.cli.console import err


def progress(*, known_total: bool) -> Progress:
    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    if known_total:
        columns += [BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    else:
        columns += [TextColumn("{task.completed} articles")]
    columns += [TextColumn("{task.fields[rate]}"), TimeElapsedColumn()]
    return Progress(*columns, console=err, transient=True)
