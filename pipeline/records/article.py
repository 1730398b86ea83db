"""The raw article: what the producer publishes and every extractor reads."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from pipeline.errors import InputError
from pipeline.records.ids import article_id

RAW_SCHEMA = "newsflow.raw/1"
# No word of prose is this long; a longer run without whitespace is a blob (base64, minified
# markup) and makes spaCy's tokenizer work quadratically on its affixes.
MAX_RUN_CHARS = 2_000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1}}}")


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    published: str  # ISO date or datetime, as given (validated)
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @property
    def published_date(self) -> dt.date:
        # The dateline's own calendar day: no conversion to UTC.
        return parse_published(self.published).date()

    def to_dict(self) -> dict[str, Any]:
        return {"schema": RAW_SCHEMA, **asdict(self)}


def parse_published(value: str) -> dt.datetime:
    """An ISO 8601 date or datetime ('Z' allowed); naive values are taken as UTC."""
    text = value.strip()
    try:
        if len(text) == 10:
            parsed = dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
        else:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(f"published {value!r} is not an ISO date or datetime") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _optional_str(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"field {key!r} must be a string, not {type(value).__name__}")
    return value.strip() or None


def article_from_mapping(
    obj: Any, *, max_text_chars: int | None = None, default_source: str | None = None
) -> Article:
    """Validate a decoded JSON object as an article; InputError says what is wrong."""
    if not isinstance(obj, Mapping):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError("field 'text' is missing or not a string")
    if not text.strip():
        raise InputError("field 'text' is empty")
    if "\x00" in text:
        raise InputError("field 'text' contains NUL bytes")
    if max_text_chars is not None and len(text) > max_text_chars:
        raise InputError(f"text has {len(text)} characters, over the limit of {max_text_chars}")
    long_run = _LONG_RUN.search(text)
    if long_run:
        raise InputError(
            f"text has a run of over {MAX_RUN_CHARS} characters without whitespace "
            f"(at character {long_run.start()}): not prose"
        )
    published = obj.get("published")
    if not isinstance(published, str) or not published.strip():
        raise InputError("field 'published' is missing (an ISO date such as 2024-01-01 is needed)")
    parse_published(published)
    raw_id = obj.get("id")
    if raw_id is not None and not isinstance(raw_id, str | int):
        raise InputError("field 'id' must be a string or an integer")
    title = _optional_str(obj, "title")
    url = _optional_str(obj, "url")
    source = _optional_str(obj, "source") or default_source
    ident = article_id(
        source_id=str(raw_id) if raw_id is not None else None,
        url=url,
        source=source,
        title=title,
        published=published.strip(),
        text=text,
    )
    return Article(
        id=ident, published=published.strip(), text=text, title=title, url=url, source=source
    )
