"""IPTC ninjs (1.x and 2.x) news items: one object, or a list of them, per .json file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipeline.errors import InputError
from pipeline.records import article_from_mapping
from pipeline.sources.base import ReadProblem, SourceItem
from pipeline.sources.html_text import html_to_text


def looks_like_ninjs(obj: Any) -> bool:
    item = obj[0] if isinstance(obj, list) and obj else obj
    return (
        isinstance(item, dict)
        and "uri" in item
        and ("versioncreated" in item or "firstcreated" in item)
    )


def _body(item: dict) -> str | None:
    if isinstance(item.get("body_text"), str):
        return item["body_text"]
    if isinstance(item.get("body_html"), str):
        return html_to_text(item["body_html"])
    for body in item.get("bodies") or []:  # ninjs 2.x
        if isinstance(body, dict) and isinstance(body.get("value"), str):
            value = body["value"]
            return html_to_text(value) if "html" in str(body.get("contenttype", "")) else value
    return None


def _headline(item: dict) -> str | None:
    if isinstance(item.get("headline"), str):
        return item["headline"]
    for headline in item.get("headlines") or []:
        if isinstance(headline, dict) and isinstance(headline.get("value"), str):
            return headline["value"]
    return None


def ninjs_to_mapping(item: dict) -> dict:
    uri = item.get("uri")
    return {
        "id": uri,
        "published": item.get("versioncreated") or item.get("firstcreated"),
        "title": _headline(item),
        "text": _body(item),
        "url": uri if isinstance(uri, str) and uri.startswith("http") else None,
        "source": (item.get("copyrightholder") or item.get("provider") or {}).get("name")
        if isinstance(item.get("provider"), dict)
        else item.get("copyrightholder"),
    }


def ninjs_items(obj: Any, *, name: str, max_text_chars: int | None = None) -> Iterator[SourceItem]:
    """The articles of a parsed ninjs document: one item, or a list of them."""
    items = obj if isinstance(obj, list) else [obj]
    for index, item in enumerate(items, start=1):
        where = f"{name}#{index}" if isinstance(obj, list) else name
        if not isinstance(item, dict):
            yield ReadProblem(where, "not a ninjs object")
            continue
        try:
            yield article_from_mapping(ninjs_to_mapping(item), max_text_chars=max_text_chars)
        except InputError as exc:
            yield ReadProblem(where, exc.reason)
