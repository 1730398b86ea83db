"""`newsflow run PATH...`: embedded mode, no broker. Same enrichment as the stream worker."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import orjson
import typer

from pipeline.cli.console import err, fail, user_errors
from pipeline.cli.progress import progress
from pipeline.enrich.enricher import Enricher, EnrichFailure
from pipeline.errors import InputError
from pipeline.records import Article
from pipeline.settings import Settings
from pipeline.sources import ReadProblem, SourceItem, read_paths
from pipeline.sources.formats import described
from pipeline.tracking.tracker import IncidentTracker, linker_from


def _write_jsonl(path: Path, records: list[dict]) -> None:
    # Written whole to a temporary name, then renamed: a reader never sees half a file.
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as handle:
        for record in records:
            handle.write(orjson.dumps(record) + b"\n")
    partial.replace(path)


def _writable(path: Path | None) -> None:
    """Output folders are made as needed; one that cannot be is said before any work starts."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a directory")


def _articles(items: Iterable[SourceItem], problems: list[ReadProblem]) -> Iterator[Article]:
    for item in items:
        if isinstance(item, ReadProblem):
            problems.append(item)
            err.print(f"[yellow]skipped[/] {item}")
        else:
            yield item


@user_errors
def run(
    paths: Annotated[
        list[str],
        typer.Argument(help=described()),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="write enriched JSONL here instead of stdout"),
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(help="articles per spaCy batch (default: NEWSFLOW_BATCH_SIZE, or 32)", min=1),
    ] = None,
    incidents_out: Annotated[
        Path | None,
        typer.Option(
            help="link the events into incidents across articles (in input order) and write the "
            "final version of each incident here (schemas/incident.schema.json); events then "
            "carry their incident_id"
        ),
    ] = None,
) -> None:
    """Enrich articles without a broker: one enriched JSON record per line (schemas/enriched-article.schema.json).

    Bad input is reported on stderr with its file and line and skipped; the exit code is
    non-zero only when nothing could be read."""
    settings = Settings()
    for path in (output, incidents_out):
        _writable(path)
    problems: list[ReadProblem] = []
    enricher = Enricher(batch_size=batch_size or settings.batch_size)
    articles = _articles(read_paths(paths, max_text_chars=settings.max_text_chars), problems)
    tracker = IncidentTracker(linker_from(settings)) if incidents_out else None
    sink = output.open("wb") if output else sys.stdout.buffer
    written = failed = 0
    started = time.monotonic()
    try:
        with progress(known_total=False) as bar:
            task = bar.add_task("enriching", total=None, rate="")
            for result in enricher.enrich_many(articles):
                if isinstance(result, EnrichFailure):
                    failed += 1
                    err.print(f"[red]failed[/] {result.article.id}: {result.reason}")
                    continue
                if tracker is not None:
                    tracker.observe(result)
                sink.write(orjson.dumps(result) + b"\n")
                written += 1
                rate = written / max(time.monotonic() - started, 1e-9)
                bar.update(task, advance=1, rate=f"{rate:.1f}/s")
        sink.flush()
    finally:
        if output:
            sink.close()
    err.print(
        f"{written} enriched, {len(problems)} skipped as bad input, {failed} failed"
        + (f" → {output}" if output else "")
    )
    if tracker is not None and incidents_out is not None:
        incidents = tracker.final()
        _write_jsonl(incidents_out, incidents)
        err.print(f"{len(incidents)} incidents → {incidents_out}")
    if written == 0:
        raise fail("nothing could be read", code=1)
