"""`newsflow serve`: the live incident map and its JSON API."""

from __future__ import annotations

import logging.config
import socket
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from pipeline.cli.console import err, fail, user_errors
from pipeline.logs import root_logging_config
from pipeline.settings import Settings
from pipeline.web.app import create_app
from pipeline.web.feeds import FileFeed, KafkaFeed
from pipeline.web.store import IncidentStore


@user_errors
def serve(
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from-file",
            help="read incident versions from this JSONL file (`run --incidents-out`, `sink -o`) "
            "and follow what is appended, instead of the incident topic",
            dir_okay=False,
        ),
    ] = None,
    host: Annotated[
        str, typer.Option(help="address to listen on; 0.0.0.0 opens the page to the network")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="port to listen on")] = 8000,
    evict_after_days: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="drop incidents without a report for this long "
            "(default: NEWSFLOW_INCIDENT_EVICT_AFTER_DAYS, as the link workers)",
        ),
    ] = None,
) -> None:
    """Serve the incident map at / and the JSON API at /api (OpenAPI at /docs).

    Reads every incident version from the compacted incident topic (NEWSFLOW_TOPIC_INCIDENTS)
    from its beginning, then live, and keeps the latest version of each incident in memory.
    `/api/stream` sends each new version as a server-sent event; `/healthz` and `/metrics`
    are for the operator."""
    logging.config.dictConfig(root_logging_config(logging.WARNING))
    settings = Settings()
    if from_file is not None and not from_file.is_file():
        raise fail(f"{from_file}: no such file")
    _check_port_free(host, port)
    feed = FileFeed(from_file) if from_file is not None else KafkaFeed(settings)
    store = IncidentStore(evict_after_days=evict_after_days or settings.incident_evict_after_days)
    source = str(from_file) if from_file else f"topic {settings.topic_incidents}"
    err.print(
        f"newsflow serve: http://{host}:{port}/ (incidents from {source}); Ctrl-C stops",
        soft_wrap=True,
    )
    uvicorn.run(create_app(feed=feed, store=store), host=host, port=port, log_level="warning")


def _check_port_free(host: str, port: int) -> None:
    """A taken port is a user's mistake: say so in one line before anything starts."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise fail(f"cannot listen on {host}:{port}: {exc.strerror}") from None
