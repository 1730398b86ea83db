"""Seed-format text files: optional whitespace, the word `date`, YYYY-MM-DD, then the article text."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import InputError
from pipeline.records import Article, article_from_mapping

_DATELINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]*(?:\r?\n)?")


def parse_seed_text(
    raw: str, *, name: str, source: str | None = None, max_text_chars: int | None = None
) -> Article:
    match = _DATELINE.match(raw)
    if not match:
        raise InputError("does not start with 'date YYYY-MM-DD'", where=name)
    text = raw[match.end() :].strip()
    try:
        return article_from_mapping(
            {"id": Path(name).stem, "published": match.group(1), "text": text, "source": source},
            max_text_chars=max_text_chars,
        )
    except InputError as exc:
        raise InputError(exc.reason, where=name) from None
