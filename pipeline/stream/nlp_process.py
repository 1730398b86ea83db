"""The spaCy work of the worker, in a process of its own.

A thread would share the GIL with faust's two event loops (the agent's and the consumer's), and
measurably slowed nlp.pipe; a child process has a core's worth of interpreter to itself. The
child loads the model once (initializer) and returns ready-to-send bytes, so little crosses the
process boundary but the article texts going in."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from pipeline.enrich.enricher import Enricher, EnrichFailure
from pipeline.records import Article
from pipeline.stream.outputs import article_record, event_records

_enricher: Enricher | None = None


@dataclass(frozen=True, slots=True)
class Enriched:
    key: bytes
    value: bytes
    events: list[tuple[bytes, bytes]]


@dataclass(frozen=True, slots=True)
class Failed:
    reason: str


def _load(batch_size: int) -> None:
    global _enricher
    _enricher = Enricher(batch_size=batch_size)


def enrich_batch(articles: list[Article]) -> list[Enriched | Failed]:
    assert _enricher is not None, "initializer did not run"
    out: list[Enriched | Failed] = []
    for result in _enricher.enrich_many(articles):
        if isinstance(result, EnrichFailure):
            out.append(Failed(result.reason))
        else:
            key, value = article_record(result)
            out.append(Enriched(key, value, event_records(result)))
    return out


def warm_up() -> bool:
    return _enricher is not None


def start_pool(batch_size: int) -> ProcessPoolExecutor:
    # spawn: the worker process already runs threads (faust's consumer), and fork would copy
    # their locks mid-use.
    return ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_load,
        initargs=(batch_size,),
    )
