"""`newsflow link`: a faust worker in the incident group."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli import faust_runner
from pipeline.cli.console import err, fail, user_errors
from pipeline.kafka.topics import ensure_topics
from pipeline.settings import Settings


@user_errors
def link(
    state_dir: Annotated[
        Path | None,
        typer.Option(
            help="where this worker keeps its table (RocksDB), kept across restarts so that "
            "recovery reads only the changelog's tail; one directory per worker (default: a "
            "temporary one, removed at exit: the table is rebuilt from its changelog)",
            file_okay=False,
        ),
    ] = None,
    metrics_port: Annotated[int | None, typer.Option(help=faust_runner.METRICS_HELP)] = None,
    loglevel: Annotated[str, typer.Option(help=faust_runner.LOGLEVEL_HELP)] = "warn",
) -> None:
    """Link enriched articles into incidents and publish each incident's versions.

    Reads the enriched topic; each event joins an open incident of its country or opens one
    (see README "Incidents"), and every change of an incident goes to the incidents topic
    (compacted, keyed by incident id). Start several to share the countries (one consumer
    group, NEWSFLOW_INCIDENT_GROUP). Incidents without a report for
    NEWSFLOW_INCIDENT_EVICT_AFTER_DAYS leave the table. SIGTERM commits and exits."""
    from pipeline.stream.link_worker import build_link_app, reports_topic_name

    level = faust_runner.log_level(loglevel)
    settings = Settings()
    ensure_topics(settings)
    # Created here, not by faust at start-up: a group formed before the topic's metadata
    # reached it would assign none of its partitions, and link nothing.
    ensure_topics(settings, [reports_topic_name(settings)])
    faust_runner.serve_metrics(settings.metrics_port if metrics_port is None else metrics_port)
    if state_dir is None:
        datadir, temporary = Path(tempfile.mkdtemp(prefix="newsflow-link-")), True
    else:
        datadir, temporary = state_dir, False
        try:
            datadir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise fail(f"cannot use --state-dir {state_dir}: {exc.strerror}") from None
    app, restart = build_link_app(settings, datadir=datadir)
    try:
        faust_runner.run_faust(app, level)
    finally:
        if temporary:
            shutil.rmtree(datadir, ignore_errors=True)
        if restart.requested:
            # A fresh process, the same pid and arguments: it reads from the committed offsets
            # (never past the gap) with a new consumer.
            err.print("[yellow]offset gap: restarting the incident worker[/]")
            os.execv(sys.executable, [sys.executable, *sys.argv])
