"""`newsflow run PATH...`: embedded mode, no broker."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from pipeline.cli.console import err, fail, user_errors
from pipeline.settings import Settings
from pipeline.sources import ReadProblem, read_paths


@user_errors
def run(
    paths: Annotated[list[str], typer.Argument(help="seed-format .txt files, .jsonl archives, directories, or - for stdin")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write JSONL here instead of stdout")] = None,
) -> None:
    """Read articles and write one JSON line per article (embedded mode, no broker)."""
    settings = Settings()
    sink = output.open("wb") if output else sys.stdout.buffer
    written = problems = 0
    try:
        for item in read_paths(paths, max_text_chars=settings.max_text_chars):
            if isinstance(item, ReadProblem):
                problems += 1
                err.print(f"[yellow]skipped[/] {item}")
                continue
            sink.write(orjson.dumps(item.to_dict()) + b"\n")
            written += 1
    finally:
        if output:
            sink.close()
    err.print(f"{written} written, {problems} skipped")
    if written == 0:
        raise fail("nothing could be read", code=1)
