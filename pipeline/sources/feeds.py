"""RSS and Atom feeds (feedparser), from a URL or a file. URLs are fetched here, not by
feedparser, so that every fetch has a timeout and a size limit, and honours ETag and
Last-Modified (a 304 costs nothing)."""

from __future__ import annotations

import calendar
import datetime as dt
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import feedparser

from pipeline import __version__
from pipeline.errors import InputError
from pipeline.records import article_from_mapping
from pipeline.sources.base import ReadProblem, SourceItem
from pipeline.sources.html_text import html_to_text
from pipeline.sources.state import SourceState

FETCH_TIMEOUT_S = 20
MAX_FEED_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FeedItem:
    """An article from a feed, with the guid/link that says whether it was sent before."""

    guid: str
    item: SourceItem


def is_feed_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(
    url: str,
    state: SourceState,
    *,
    timeout: float = FETCH_TIMEOUT_S,
    max_bytes: int = MAX_FEED_BYTES,
) -> bytes | None:
    """The feed's bytes, or None when the server says it has not changed (304)."""
    entry = state.entry(url)
    request = urllib.request.Request(url, headers={"User-Agent": f"newsflow/{__version__}"})
    if entry.get("etag"):
        request.add_header("If-None-Match", entry["etag"])
    if entry.get("modified"):
        request.add_header("If-Modified-Since", entry["modified"])
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise InputError(f"feed is larger than {max_bytes} bytes", where=url)
            entry["etag"] = response.headers.get("ETag")
            entry["modified"] = response.headers.get("Last-Modified")
            return body
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return None
        raise InputError(f"HTTP {exc.code} {exc.reason}", where=url) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise InputError(f"cannot fetch ({getattr(exc, 'reason', exc)})", where=url) from None


def _published(entry) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).isoformat()
    # A wire item without a date is news now: the time we first saw it.
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _text(entry) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return html_to_text(content["value"])
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def parse_feed(data: bytes, *, name: str, max_text_chars: int | None = None) -> Iterator[FeedItem]:
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise InputError(f"not a feed ({parsed.get('bozo_exception')})", where=name)
    source = parsed.feed.get("title") or name
    for index, entry in enumerate(parsed.entries, start=1):
        guid = entry.get("id") or entry.get("link") or f"{entry.get('title')}|{_published(entry)}"
        try:
            article = article_from_mapping(
                {
                    "id": entry.get("id"),
                    "url": entry.get("link"),
                    "title": entry.get("title"),
                    "published": _published(entry),
                    "text": _text(entry),
                    "source": source,
                },
                max_text_chars=max_text_chars,
            )
        except InputError as exc:
            yield FeedItem(guid, ReadProblem(f"{name} item {index}", exc.reason))
            continue
        yield FeedItem(guid, article)


def read_feed(
    source: str, state: SourceState, *, max_text_chars: int | None = None
) -> Iterator[FeedItem]:
    if is_feed_url(source):
        data = fetch(source, state)
        if data is None:
            return
    else:
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise InputError(exc.strerror or str(exc), where=source) from None
    yield from parse_feed(data, name=source, max_text_chars=max_text_chars)
