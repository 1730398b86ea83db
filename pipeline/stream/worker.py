"""The enrichment agent: batches of raw records → enriched articles, events, dead letters.

Two batches are in the spaCy process at a time: while the child works on one, the next is
already queued, and the event loop decodes, delivers and acknowledges around it, so the child
never waits for the loop. Records are taken without acknowledgement (noack_take) and each batch
is acknowledged only once every record it produced is confirmed by the broker: a committed
offset never runs ahead of its outputs, a crash re-reads instead of skipping, and the sink drops
the repeats by id."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from pathlib import Path

import faust

from pipeline.errors import InputError
from pipeline.kafka.codec import decode_article, headers
from pipeline.kafka.dlq import DLQ_SCHEMA, dead_letter
from pipeline.logs import get_logger, log
from pipeline.records import Article
from pipeline.records.schema import ENRICHED_SCHEMA_ID
from pipeline.settings import Settings
from pipeline.stream import metrics
from pipeline.stream.app import make_app
from pipeline.stream.nlp_process import Failed, NlpProcess

ENRICHED_HEADERS = headers(ENRICHED_SCHEMA_ID)
EVENT_HEADERS = headers("newsflow.event/1")
DLQ_HEADERS = headers(DLQ_SCHEMA)
RAW_OPTIONS = {
    "key_type": bytes,
    "value_type": bytes,
    "key_serializer": "raw",
    "value_serializer": "raw",
}


@dataclass(frozen=True, slots=True)
class Batch:
    events: list  # faust events, acknowledged together once all outputs are confirmed
    started: float
    messages: list  # the messages of `articles`, in the same order
    articles: list[Article]  # the decodable ones, queued in the spaCy process
    submitted: asyncio.Future  # their enrichment
    deliveries: list  # futures of the records sent for the batch (dead letters so far)


def build_worker_app(settings: Settings, *, datadir: Path) -> tuple[faust.App, NlpProcess]:
    """The faust app with the enrichment agent, and the spaCy process it uses (close it after)."""
    app = make_app(settings, datadir=datadir)
    raw = app.topic(settings.topic_raw, **RAW_OPTIONS)
    enriched = app.topic(settings.topic_enriched, **RAW_OPTIONS)
    events_topic = app.topic(settings.topic_events, **RAW_OPTIONS)
    dlq = app.topic(settings.topic_dlq, **RAW_OPTIONS)
    logger = get_logger()
    nlp = NlpProcess(settings.batch_size, logger)

    @app.agent(raw, name="enrich")
    async def enrich(stream: faust.StreamT) -> None:
        await nlp.ready()
        log(
            logger,
            logging.INFO,
            "worker ready",
            group=settings.consumer_group,
            topic=settings.topic_raw,
        )
        previous: asyncio.Task | None = None
        try:
            async for taken in stream.noack_take(
                settings.batch_size, within=settings.batch_within_s
            ):
                batch = await start(taken)
                current = asyncio.create_task(finish(stream, batch, after=previous))
                current.add_done_callback(on_finished)
                if previous is not None:
                    await previous  # back-pressure: at most two batches in the spaCy process
                previous = current
        finally:
            if previous is not None and not previous.done() and app.should_stop:
                previous.cancel()  # its records stay unacknowledged and are read again

    async def start(taken: list) -> Batch:
        """Decode, dead-letter what cannot be read, and queue the rest in the spaCy process."""
        started = time.perf_counter()
        messages, articles, deliveries = [], [], []
        for event in taken:
            message = event.message
            metrics.ARTICLES_IN.inc()
            try:
                article = decode_article(message.value, max_text_chars=settings.max_text_chars)
            except InputError as exc:
                deliveries.append(await dead(message, exc.reason, "decode"))
                continue
            messages.append(message)
            articles.append(article)
        submitted = nlp.submit(articles)
        return Batch(list(taken), started, messages, articles, submitted, deliveries)

    async def finish(stream: faust.StreamT, batch: Batch, *, after: asyncio.Task | None) -> None:
        """Send the batch's outputs once spaCy is done, wait for the broker, then acknowledge."""
        if after is not None:
            await asyncio.wait([after])  # outputs leave in input order; its failure is its own
        result = await nlp.results(batch.articles, batch.submitted)
        for message, item in zip(batch.messages, result.items, strict=True):
            if isinstance(item, Failed):
                batch.deliveries.append(await dead(message, item.reason, "enrich"))
                continue
            batch.deliveries.append(
                await enriched.send(key=item.key, value=item.value, headers=ENRICHED_HEADERS)
            )
            metrics.ARTICLES_OUT.inc()
            for event_key, event_value in item.events:
                batch.deliveries.append(
                    await events_topic.send(key=event_key, value=event_value, headers=EVENT_HEADERS)
                )
                metrics.EVENTS_OUT.inc()
        await asyncio.gather(*batch.deliveries)
        for event in batch.events:
            await stream.ack(event)
        _lag(app, batch.events)
        seconds = time.perf_counter() - batch.started
        metrics.BATCH_SIZE.observe(len(batch.events))
        metrics.BATCH_SECONDS.observe(seconds)
        log(
            logger,
            logging.INFO,
            "batch",
            size=len(batch.events),
            enriched=len(batch.articles),
            nlp_seconds=round(result.seconds, 3),
            nlp_cpu_seconds=round(result.cpu_seconds, 3),
            seconds=round(seconds, 3),
        )

    def on_finished(task: asyncio.Task) -> None:
        # A batch whose outputs could not be delivered stops the worker: its offsets are never
        # committed, and another worker (or this one, restarted) reads it again.
        if task.cancelled() or task.exception() is None or app.should_stop:
            return
        log(logger, logging.ERROR, "delivery failed; stopping", error=repr(task.exception()))
        app.add_future(app.crash(task.exception()))

    async def dead(message, reason: str, stage: str):
        metrics.DLQ.labels(stage=stage).inc()
        log(
            logger,
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
        return await dlq.send(key=message.key, value=value, headers=DLQ_HEADERS)

    del enrich  # registered on the app by the decorator
    return app, nlp


def _lag(app: faust.App, events: list) -> None:
    last = {}
    for event in events:
        last[event.message.tp] = event.message.offset
    for tp, offset in last.items():
        try:
            highwater = app.consumer.highwater(tp)
        except Exception:  # no metadata yet: skip this sample
            continue
        if highwater is not None:
            metrics.LAG.labels(topic=tp.topic, partition=str(tp.partition)).set(
                max(highwater - offset - 1, 0)
            )
