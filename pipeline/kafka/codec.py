"""Raw-article records on the wire: orjson value, article id key, schema/content-type headers.
Decoding says exactly why a record cannot be an article (the worker puts that in the DLQ)."""

from __future__ import annotations

import orjson

from pipeline.errors import InputError
from pipeline.records import Article, article_from_mapping
from pipeline.records.article import RAW_SCHEMA

CONTENT_TYPE = b"application/json"
MAX_DEPTH_HINT = "JSON nested too deeply (orjson stops at 1024 levels)"


def headers(schema: str = RAW_SCHEMA) -> list[tuple[str, bytes]]:
    return [("schema", schema.encode()), ("content-type", CONTENT_TYPE)]


def encode_article(article: Article) -> tuple[bytes, bytes]:
    return article.id.encode("utf-8"), orjson.dumps(article.to_dict())


def decode_article(value: bytes | None, *, max_text_chars: int) -> Article:
    if value is None:
        raise InputError("empty record (tombstone)")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})") from None
    try:
        obj = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        reason = MAX_DEPTH_HINT if "depth" in str(exc).lower() else f"not JSON ({exc})"
        raise InputError(reason) from None
    return article_from_mapping(obj, max_text_chars=max_text_chars)
