"""Running a faust app as a command's worker: log level, metrics endpoint, faust's Worker."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from pipeline.cli.console import err, fail

if TYPE_CHECKING:
    import faust

LOG_LEVELS = {
    "crit": logging.CRITICAL,
    "error": logging.ERROR,
    "warn": logging.WARNING,
    "info": logging.INFO,
    "debug": logging.DEBUG,
}
LOGLEVEL_HELP = "level of faust's and aiokafka's log lines: crit, error, warn, info, debug"
METRICS_HELP = "Prometheus /metrics port on 127.0.0.1, 0 = off (default: NEWSFLOW_METRICS_PORT)"


def log_level(name: str) -> int:
    level = LOG_LEVELS.get(name.lower())
    if level is None:
        raise fail(f"--loglevel must be one of {', '.join(LOG_LEVELS)}, not {name!r}")
    return level


def serve_metrics(port: int) -> None:
    from pipeline.stream import metrics

    if port and not metrics.serve(port):
        err.print(f"[yellow]metrics port {port} is taken; serving no metrics[/]")


def run_faust(app: faust.App, level: int) -> None:
    """Run until SIGTERM / SIGINT (faust's Worker handles both and stops the app cleanly)."""
    import faust

    from pipeline.logs import root_logging_config

    runner = faust.Worker(
        app, loglevel=level, quiet=True, logging_config=root_logging_config(level)
    )
    # faust's startup spinner writes cursor codes even when its output is not a terminal,
    # which glued them to the first JSON log line.
    runner.spinner = None
    runner.execute_from_commandline()
