"""`newsflow enrich --date D FILE|-`: one article, pretty JSON, for humans."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from pipeline.cli.console import fail, user_errors
from pipeline.enrich.enricher import Enricher
from pipeline.errors import InputError
from pipeline.records import article_from_mapping
from pipeline.sources.seedfile import parse_seed_text


@user_errors
def enrich(
    source: Annotated[str, typer.Argument(help="a text file, or - to read the text from stdin")],
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            help="publication date YYYY-MM-DD (needed unless the text starts with ' date YYYY-MM-DD')",
        ),
    ] = None,
) -> None:
    """Enrich one article and print the record as indented JSON."""
    try:
        raw = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail(f"{source}: no such file") from None
    except UnicodeDecodeError as exc:
        raise fail(f"{source}: not UTF-8 (byte {exc.start})") from None
    name = "<stdin>" if source == "-" else source
    if date is None:
        article = parse_seed_text(raw, name=name)
    else:
        try:
            ident = None if source == "-" else Path(name).stem
            article = article_from_mapping({"id": ident, "published": date, "text": raw.strip()})
        except InputError as exc:
            raise InputError(exc.reason, where=name) from None
    record = Enricher().enrich(article)
    typer.echo(orjson.dumps(record, option=orjson.OPT_INDENT_2).decode())
