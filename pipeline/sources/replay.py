"""Archive replay: keep a time range and space articles by their published times / speed."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator

from pipeline.records import Article
from pipeline.records.article import parse_published


def parse_bound(value: str | None) -> dt.datetime | None:
    return parse_published(value) if value else None


def in_range(article: Article, since: dt.datetime | None, until: dt.datetime | None) -> bool:
    published = parse_published(article.published)
    return (since is None or published >= since) and (until is None or published < until)


def paced(
    articles: Iterable[Article], speed: float, sleep: Callable[[float], None] = time.sleep
) -> Iterator[Article]:
    """Yield in published order, waiting (gap between published times) / speed before each one;
    speed 0 means as fast as possible."""
    ordered = sorted(articles, key=lambda a: parse_published(a.published))
    previous: dt.datetime | None = None
    for article in ordered:
        published = parse_published(article.published)
        if speed > 0 and previous is not None:
            gap = (published - previous).total_seconds() / speed
            if gap > 0:
                sleep(gap)
        previous = published
        yield article
