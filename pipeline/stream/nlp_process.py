"""The spaCy work of the worker, in a process of its own, and the worker's handle on it.

A thread would share the GIL with faust's two event loops (the agent's and the consumer's), and
measurably slowed nlp.pipe; a child process has a core's worth of interpreter to itself. The
child loads the model once (initializer) and returns ready-to-send bytes, so little crosses the
process boundary but the article texts going in. The handle lets the worker queue the next batch
while the child is still on the current one, so the child never waits for the event loop."""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from pipeline.enrich.enricher import Enricher, EnrichFailure
from pipeline.logs import log
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


@dataclass(frozen=True, slots=True)
class BatchResult:
    items: list[Enriched | Failed]  # one per article, in order
    seconds: float  # wall time inside the child
    cpu_seconds: float  # CPU time inside the child: tells slow work from a busy machine


def _load(batch_size: int) -> None:
    global _enricher
    threading.Thread(target=_exit_with_parent, name="parent-watch", daemon=True).start()
    _enricher = Enricher(batch_size=batch_size)
    # The model and the place tables live as long as the process: keep the cyclic garbage
    # collector from walking their ~200,000 objects on every full collection.
    gc.collect()
    gc.freeze()


def _exit_with_parent() -> None:
    # A worker killed with SIGKILL (or by the OOM killer) cannot shut its pool down, and the
    # child, which holds both ends of its own task pipe, would wait for work forever.
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()
        os._exit(1)


def enrich_batch(articles: list[Article]) -> BatchResult:
    assert _enricher is not None, "initializer did not run"
    wall, cpu = time.perf_counter(), time.process_time()
    items: list[Enriched | Failed] = []
    for result in _enricher.enrich_many(articles):
        if isinstance(result, EnrichFailure):
            items.append(Failed(result.reason))
        else:
            key, value = article_record(result)
            items.append(Enriched(key, value, event_records(result)))
    return BatchResult(items, time.perf_counter() - wall, time.process_time() - cpu)


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


class NlpProcess:
    """The child process that runs spaCy; restarted if it dies, and then the batch is retried
    one article at a time, so that an article that kills it goes to the DLQ alone.

    `submit` queues a batch and returns at once; `results` waits for it. Call `results` in
    submission order: retries after a death then run one batch at a time."""

    def __init__(self, batch_size: int, logger: logging.Logger, *, work=enrich_batch) -> None:
        self.batch_size = batch_size
        self.logger = logger
        self.work = work  # a module-level function of list[Article] → BatchResult (picklable)
        self.pool = start_pool(batch_size)

    async def ready(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self.pool, warm_up)

    def submit(self, articles: list[Article]) -> asyncio.Future:
        loop = asyncio.get_running_loop()
        if not articles:
            done = loop.create_future()
            done.set_result(BatchResult([], 0.0, 0.0))
            return done
        try:
            return loop.run_in_executor(self.pool, self.work, articles)
        except BrokenProcessPool as exc:  # the child died on an earlier batch
            failed = loop.create_future()
            failed.set_exception(exc)
            return failed

    async def results(self, articles: list[Article], submitted: asyncio.Future) -> BatchResult:
        try:
            return await submitted
        except BrokenProcessPool:
            log(
                self.logger,
                logging.ERROR,
                "nlp process died; retrying the batch one by one",
                size=len(articles),
            )
        loop = asyncio.get_running_loop()
        items: list[Enriched | Failed] = []
        wall = cpu = 0.0
        for article in articles:
            self._restart()
            try:
                single = await loop.run_in_executor(self.pool, self.work, [article])
            except BrokenProcessPool:
                items.append(Failed("the enrichment process died on this article"))
                continue
            items += single.items
            wall += single.seconds
            cpu += single.cpu_seconds
        return BatchResult(items, wall, cpu)

    def _restart(self) -> None:
        if getattr(self.pool, "_broken", False):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = start_pool(self.batch_size)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
