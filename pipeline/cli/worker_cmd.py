"""`newsflow worker`: a faust worker in the enrichment consumer group."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.console import err, user_errors
from pipeline.cli.faust_runner import (
    LOGLEVEL_HELP,
    METRICS_HELP,
    log_level,
    run_faust,
    serve_metrics,
)
from pipeline.kafka.offsets import reset_offsets
from pipeline.kafka.topics import ensure_topics
from pipeline.settings import Settings


@user_errors
def worker(
    reset_to: Annotated[
        str | None,
        typer.Option(
            help="before starting, move the group to 'earliest', 'latest' or an ISO timestamp "
            "(re-enrich archived articles); stop the other workers of the group first"
        ),
    ] = None,
    metrics_port: Annotated[
        int | None,
        typer.Option(help=METRICS_HELP),
    ] = None,
    loglevel: Annotated[
        str,
        typer.Option(help=LOGLEVEL_HELP),
    ] = "warn",
) -> None:
    """Enrich raw articles from the raw topic into the enriched and events topics.

    Start several to share the partitions (one consumer group). Records that cannot be read or
    enriched go to the dead-letter topic with the reason; the worker keeps going. SIGTERM
    finishes the batch in hand, commits and exits."""
    from pipeline.stream.worker import build_worker_app

    level = log_level(loglevel)
    settings = Settings()
    ensure_topics(settings)
    if reset_to:
        moved = reset_offsets(
            settings, group=settings.consumer_group, topic=settings.topic_raw, to=reset_to
        )
        err.print(f"group {settings.consumer_group} on {settings.topic_raw} moved to {moved}")
    serve_metrics(settings.metrics_port if metrics_port is None else metrics_port)
    datadir = Path(tempfile.mkdtemp(prefix="newsflow-worker-"))
    app, nlp = build_worker_app(settings, datadir=datadir)
    try:
        run_faust(app, level)
    finally:
        nlp.close()
        shutil.rmtree(datadir, ignore_errors=True)
