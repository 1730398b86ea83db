"""`python -m pipeline` is the same as the `newsflow` command."""

from pipeline.cli.main import app

app()
