"""Entry point: `newsflow COMMAND`. Each command lives in a module of its own."""

from __future__ import annotations

import typer

from pipeline import __version__
from pipeline.cli.config_cmd import config
from pipeline.cli.enrich_cmd import enrich
from pipeline.cli.eval_cmd import evaluate_cmd
from pipeline.cli.eval_incidents_cmd import eval_incidents_cmd
from pipeline.cli.link_cmd import link
from pipeline.cli.produce_cmd import produce
from pipeline.cli.reset_cmd import reset_offsets_cmd
from pipeline.cli.run_cmd import run
from pipeline.cli.serve_cmd import serve
from pipeline.cli.sink_cmd import sink
from pipeline.cli.tail_cmd import tail
from pipeline.cli.worker_cmd import worker

app = typer.Typer(
    name="newsflow",
    help="Streaming news ingestion: articles in, geocoded places, dates and casualty figures out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Docstrings are wrapped at 100 columns in the source: markdown joins a paragraph's lines,
    # so that help flows to the terminal's width.
    rich_markup_mode="markdown",
)
app.command(name="run")(run)
app.command(name="enrich")(enrich)
app.command(name="eval")(evaluate_cmd)
app.command(name="eval-incidents")(eval_incidents_cmd)
app.command(name="produce")(produce)
app.command(name="worker")(worker)
app.command(name="link")(link)
app.command(name="sink")(sink)
app.command(name="tail")(tail)
app.command(name="serve")(serve)
app.command(name="reset-offsets")(reset_offsets_cmd)
app.command(name="config")(config)


@app.command()
def version() -> None:
    """Print newsflow's version."""
    typer.echo(__version__)
