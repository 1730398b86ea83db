"""`newsflow worker`: a faust worker in the enrichment consumer group."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.console import err, fail, user_errors
from pipeline.kafka.offsets import reset_offsets
from pipeline.kafka.topics import ensure_topics
from pipeline.settings import Settings

LOG_LEVELS = {
    "crit": logging.CRITICAL,
    "error": logging.ERROR,
    "warn": logging.WARNING,
    "info": logging.INFO,
    "debug": logging.DEBUG,
}


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
        typer.Option(
            help="Prometheus /metrics port on 127.0.0.1, 0 = off (default: NEWSFLOW_METRICS_PORT)"
        ),
    ] = None,
    loglevel: Annotated[
        str,
        typer.Option(
            help="level of faust's and aiokafka's log lines: crit, error, warn, info, debug"
        ),
    ] = "warn",
) -> None:
    """Enrich raw articles from the raw topic into the enriched and events topics.

    Start several to share the partitions (one consumer group). Records that cannot be read or
    enriched go to the dead-letter topic with the reason; the worker keeps going. SIGTERM
    finishes the batch in hand, commits and exits."""
    import faust

    from pipeline.logs import root_logging_config
    from pipeline.stream import metrics
    from pipeline.stream.worker import build_worker_app

    level = LOG_LEVELS.get(loglevel.lower())
    if level is None:
        raise fail(f"--loglevel must be one of {', '.join(LOG_LEVELS)}, not {loglevel!r}")
    settings = Settings()
    ensure_topics(settings)
    if reset_to:
        moved = reset_offsets(
            settings, group=settings.consumer_group, topic=settings.topic_raw, to=reset_to
        )
        err.print(f"group {settings.consumer_group} on {settings.topic_raw} moved to {moved}")
    port = settings.metrics_port if metrics_port is None else metrics_port
    if port and not metrics.serve(port):
        err.print(f"[yellow]metrics port {port} is taken; serving no metrics[/]")
    datadir = Path(tempfile.mkdtemp(prefix="newsflow-worker-"))
    app, nlp = build_worker_app(settings, datadir=datadir)
    try:
        runner = faust.Worker(
            app,
            loglevel=level,
            quiet=True,
            logging_config=root_logging_config(level),
        )
        # faust's startup spinner writes cursor codes even when its output is not a terminal,
        # which glued them to the first JSON log line.
        runner.spinner = None
        runner.execute_from_commandline()
    finally:
        nlp.close()
        shutil.rmtree(datadir, ignore_errors=True)
