"""The worker's spaCy process: batches queued back to back come back in order, and a child that
dies takes only the article that killed it to the dead-letter path."""

from __future__ import annotations

import asyncio
import logging

import orjson
import pytest

from pipeline.records import Article
from pipeline.stream.nlp_process import Enriched, Failed, NlpProcess
from tests.stream.dying_work import MARKER, die_on_marker


def _article(n: int, text: str) -> Article:
    return Article(id=f"a{n}", published="2024-03-05", text=text)


OK_TEXTS = [
    "Two people were killed in a shooting in Dallas, Texas, on Monday, police said.",
    "A bus crash near Lyon injured 14 passengers on Sunday.",
    "Three soldiers died in an ambush in northern Mali last week.",
]


def _ids(items) -> list[str]:
    return [orjson.loads(i.value)["id"] if isinstance(i, Enriched) else "failed" for i in items]


def _two_batches(process: NlpProcess, first: list[Article], second: list[Article]):
    """Both batches queued before either is awaited, as the worker does."""

    async def run():
        await process.ready()
        a, b = process.submit(first), process.submit(second)
        return await process.results(first, a), await process.results(second, b)

    return asyncio.run(run())


@pytest.fixture
def nlp_process():
    process = NlpProcess(8, logging.getLogger("test"), work=die_on_marker)
    yield process
    process.close()


def test_two_queued_batches_come_back_in_order(nlp_process: NlpProcess) -> None:
    first = [_article(n, t) for n, t in enumerate(OK_TEXTS)]
    second = [_article(n + 10, t) for n, t in enumerate(reversed(OK_TEXTS))]
    one, two = _two_batches(nlp_process, first, second)
    assert _ids(one.items) == ["a0", "a1", "a2"]
    assert _ids(two.items) == ["a10", "a11", "a12"]
    killed = orjson.loads(one.items[0].value)["events"][0]["killed"]
    assert killed["min"] == 2
    assert one.cpu_seconds > 0 and one.seconds > 0


def test_a_dying_child_fails_only_the_article_that_killed_it(nlp_process: NlpProcess) -> None:
    poisoned = [
        _article(1, OK_TEXTS[0]),
        _article(2, f"An explosion was reported. {MARKER}"),
        _article(3, OK_TEXTS[1]),
    ]
    queued_behind = [_article(4, OK_TEXTS[2])]
    one, two = _two_batches(nlp_process, poisoned, queued_behind)
    assert _ids(one.items) == ["a1", "failed", "a3"]
    assert isinstance(one.items[1], Failed) and "died" in one.items[1].reason
    assert _ids(two.items) == ["a4"]
    # A batch submitted after the death starts the restarted process, not a broken one.
    later = [_article(5, OK_TEXTS[0])]

    async def after():
        return await nlp_process.results(later, nlp_process.submit(later))

    assert _ids(asyncio.run(after()).items) == ["a5"]
