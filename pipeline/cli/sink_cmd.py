"""`newsflow sink --output FILE`: the enriched (or events) topic into a JSONL file, exactly once."""

from __future__ import annotations

import logging.config
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.console import err, user_errors
from pipeline.logs import root_logging_config
from pipeline.settings import Settings
from pipeline.sink.runner import run_sink


@user_errors
def sink(
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file to append to")],
    topic: Annotated[
        str | None,
        typer.Option(
            help="topic to copy (default: NEWSFLOW_TOPIC_ENRICHED); news.events for the events"
        ),
    ] = None,
    group: Annotated[
        str | None, typer.Option(help="consumer group (default: newsflow-sink-TOPIC)")
    ] = None,
    idle_exit: Annotated[
        float | None,
        typer.Option(help="stop after this many seconds without a record (for batch jobs)"),
    ] = None,
) -> None:
    """Append records to FILE: written, flushed and fsynced before offsets are committed.

    Restarts drop records whose id is already in the file, so every article (or event) is in it
    exactly once even after a crash at any moment. SIGTERM finishes the batch in hand and exits."""
    logging.config.dictConfig(root_logging_config(logging.WARNING))  # kafka-python's warnings
    settings = Settings()
    name = topic or settings.topic_enriched
    stats = run_sink(
        settings,
        topic=name,
        output=output,
        group=group or f"newsflow-sink-{name}",
        idle_exit_s=idle_exit,
    )
    err.print(
        f"{stats.written} written, {stats.duplicates} duplicates dropped, "
        f"{stats.conflicts} conflicting copies kept out, {stats.unreadable} unreadable → {output}"
    )
