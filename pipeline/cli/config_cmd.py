"""`newsflow config`: the settings in force, secrets masked."""

from __future__ import annotations

import orjson
import typer

from pipeline.cli.console import user_errors
from pipeline.settings import Settings


@user_errors
def config() -> None:
    """Print the settings in force (from NEWSFLOW_* variables and .env) as JSON; secrets are masked."""
    typer.echo(orjson.dumps(Settings().masked(), option=orjson.OPT_INDENT_2).decode())
