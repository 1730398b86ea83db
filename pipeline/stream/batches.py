"""One batch of raw records from taking to acknowledging, apart from faust so it can be tested.

Two batches are in the spaCy process at a time: while the child works on one, the next is
already queued, and the event loop decodes, delivers and acknowledges around it, so the child
never waits for the loop. Records are taken without acknowledgement and each batch is
acknowledged only once every record it produced is confirmed by the broker: a committed offset
never runs ahead of its outputs, a crash re-reads instead of skipping, and the sink drops the
repeats by id."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterable, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from pipeline.errors import InputError
from pipeline.kafka.codec import decode_article, headers
from pipeline.kafka.dlq import DLQ_SCHEMA, dead_letter
from pipeline.logs import log
from pipeline.records import Article
from pipeline.records.schema import ENRICHED_SCHEMA_ID
from pipeline.stream import metrics
from pipeline.stream.nlp_process import BatchResult, Failed
from pipeline.stream.outputs import EVENT_SCHEMA

ENRICHED_HEADERS = headers(ENRICHED_SCHEMA_ID)
EVENT_HEADERS = headers(EVENT_SCHEMA)
DLQ_HEADERS = headers(DLQ_SCHEMA)


class Message(Protocol):
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


class Taken(Protocol):
    """A record taken from the stream (a faust event): acknowledged as a whole."""

    message: Message


class Topic(Protocol):
    async def send(self, *, key: bytes | None, value: bytes, headers: list) -> Awaitable[Any]:
        """Queue a record; the awaitable it returns resolves once the broker has it."""


class Enrichment(Protocol):
    def submit(self, articles: list[Article]) -> asyncio.Future[BatchResult]: ...

    async def results(
        self, articles: list[Article], submitted: asyncio.Future[BatchResult]
    ) -> BatchResult: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Outputs:
    enriched: Topic
    events: Topic
    dlq: Topic


@dataclass(frozen=True, slots=True)
class Batch:
    taken: list[Taken]  # acknowledged together once every output is confirmed
    started: float
    messages: list[Message]  # the messages of `articles`, in the same order
    articles: list[Article]  # the decodable ones, queued in the spaCy process
    submitted: asyncio.Future[BatchResult]
    deliveries: list[Awaitable[Any]] = field(default_factory=list)  # broker confirmations


class BatchLifecycle:
    """start → finish (outputs sent in input order, confirmed, then acknowledged). A batch whose
    outputs cannot be delivered is never acknowledged and calls `on_fatal`: its offsets stay
    uncommitted, and another worker (or this one, restarted) reads it again."""

    def __init__(
        self,
        *,
        nlp: Enrichment,
        outputs: Outputs,
        acknowledge: Callable[[Taken], Awaitable[Any]],
        on_fatal: Callable[[BaseException], None],
        stopping: Callable[[], bool],
        max_text_chars: int,
        logger: logging.Logger,
        on_acknowledged: Callable[[list[Taken]], None] = lambda taken: None,
    ) -> None:
        self.nlp = nlp
        self.outputs = outputs
        self.acknowledge = acknowledge
        self.on_fatal = on_fatal
        self.stopping = stopping
        self.max_text_chars = max_text_chars
        self.logger = logger
        self.on_acknowledged = on_acknowledged

    async def run(self, batches: AsyncIterable[list[Taken]]) -> None:
        previous: asyncio.Task | None = None
        try:
            async for taken in batches:
                batch = await self.start(taken)
                current = asyncio.create_task(self.finish(batch, after=previous))
                current.add_done_callback(self._finished)
                if previous is not None:
                    await previous  # back-pressure: at most two batches in the spaCy process
                previous = current
            if previous is not None and not self.stopping():
                await previous
        finally:
            if previous is not None and not previous.done() and self.stopping():
                previous.cancel()  # its records stay unacknowledged and are read again

    async def start(self, taken: list[Taken]) -> Batch:
        """Decode, dead-letter what cannot be read, and queue the rest in the spaCy process."""
        started = time.perf_counter()
        messages, articles, deliveries = [], [], []
        for item in taken:
            message = item.message
            metrics.ARTICLES_IN.inc()
            try:
                article = decode_article(message.value, max_text_chars=self.max_text_chars)
            except InputError as exc:
                deliveries.append(await self.dead_letter(message, exc.reason, "decode"))
                continue
            messages.append(message)
            articles.append(article)
        submitted = self.nlp.submit(articles)
        return Batch(list(taken), started, messages, articles, submitted, deliveries)

    async def finish(self, batch: Batch, *, after: asyncio.Task | None) -> None:
        """Send the batch's outputs once spaCy is done, wait for the broker, then acknowledge."""
        if after is not None:
            await asyncio.wait([after])  # outputs leave in input order; its failure is its own
        result = await self.nlp.results(batch.articles, batch.submitted)
        for message, item in zip(batch.messages, result.items, strict=True):
            if isinstance(item, Failed):
                batch.deliveries.append(await self.dead_letter(message, item.reason, "enrich"))
                continue
            batch.deliveries.append(
                await self.outputs.enriched.send(
                    key=item.key, value=item.value, headers=ENRICHED_HEADERS
                )
            )
            metrics.ARTICLES_OUT.inc()
            for key, value in item.events:
                batch.deliveries.append(
                    await self.outputs.events.send(key=key, value=value, headers=EVENT_HEADERS)
                )
                metrics.EVENTS_OUT.inc()
        await asyncio.gather(*batch.deliveries)
        for item in batch.taken:
            await self.acknowledge(item)
        self.on_acknowledged(batch.taken)
        self._report(batch, result)

    async def dead_letter(self, message: Message, reason: str, stage: str) -> Awaitable[Any]:
        metrics.DLQ.labels(stage=stage).inc()
        log(
            self.logger,
            logging.WARNING,
            "dead letter",
            reason=reason,
            stage=stage,
            partition=message.partition,
            offset=message.offset,
        )
        value = dead_letter(
            reason=reason,
            stage=stage,
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            key=message.key,
            value=message.value,
        )
        return await self.outputs.dlq.send(key=message.key, value=value, headers=DLQ_HEADERS)

    def _finished(self, task: asyncio.Task) -> None:
        if task.cancelled() or task.exception() is None or self.stopping():
            return
        log(self.logger, logging.ERROR, "delivery failed; stopping", error=repr(task.exception()))
        self.on_fatal(task.exception())

    def _report(self, batch: Batch, result: BatchResult) -> None:
        seconds = time.perf_counter() - batch.started
        metrics.BATCH_SIZE.observe(len(batch.taken))
        metrics.BATCH_SECONDS.observe(seconds)
        log(
            self.logger,
            logging.INFO,
            "batch",
            size=len(batch.taken),
            enriched=len(batch.articles),
            nlp_seconds=round(result.seconds, 3),
            nlp_cpu_seconds=round(result.cpu_seconds, 3),
            seconds=round(seconds, 3),
        )
