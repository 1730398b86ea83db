"""The enrichment agent: batches of raw records → enriched articles, events, dead letters.

spaCy runs in a child process (nlp_process.py) so the event loop keeps heartbeating and
committing during a long batch, and delivers the previous batch's outputs meanwhile. A batch is
acknowledged after the loop body (take_events), but faust commits acknowledged offsets only after
flushing its producer, so no offset is committed before the outputs it produced are on the
broker: a crash re-reads, never skips, and the sink drops the repeats by id. The next batch
waits for the previous batch's deliveries, so a failed delivery stops the worker instead of
going unnoticed."""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import faust

from pipeline.errors import InputError
from pipeline.kafka.codec import decode_article, headers
from pipeline.kafka.dlq import dead_letter
from pipeline.records import Article
from pipeline.settings import Settings
from pipeline.stream import metrics
from pipeline.stream.app import make_app
from pipeline.stream.logs import get_logger, log
from pipeline.stream.nlp_process import Enriched, Failed, enrich_batch, start_pool, warm_up

ENRICHED_HEADERS = headers("newsflow.enriched/1")
EVENT_HEADERS = headers("newsflow.event/1")
DLQ_HEADERS = headers("newsflow.dlq/1")


def build_worker_app(settings: Settings, *, datadir: Path) -> tuple[faust.App, NlpProcess]:
    """The faust app with the enrichment agent, and the spaCy process it uses (close it after)."""
    app = make_app(settings, datadir=datadir)
    raw_options = {
        "key_type": bytes,
        "value_type": bytes,
        "key_serializer": "raw",
        "value_serializer": "raw",
    }
    raw = app.topic(settings.topic_raw, **raw_options)
    enriched = app.topic(settings.topic_enriched, **raw_options)
    events = app.topic(settings.topic_events, **raw_options)
    dlq = app.topic(settings.topic_dlq, **raw_options)
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
        in_flight: list = []  # the previous batch's deliveries
        async for batch in stream.take_events(settings.batch_size, within=settings.batch_within_s):
            started = time.perf_counter()
            deliveries = []
            good = []
            for event in batch:
                message = event.message
                metrics.ARTICLES_IN.inc()
                try:
                    article = decode_article(message.value, max_text_chars=settings.max_text_chars)
                except InputError as exc:
                    deliveries.append(await _dead(dlq, message, exc.reason, "decode"))
                    continue
                good.append((message, article))
            # While spaCy works on this batch, the event loop delivers the previous one.
            results = await nlp.enrich([a for _, a in good])
            nlp_seconds = time.perf_counter() - started
            await asyncio.gather(*in_flight)  # a failed delivery stops the worker here
            for (message, _), result in zip(good, results, strict=True):
                if isinstance(result, Failed):
                    deliveries.append(await _dead(dlq, message, result.reason, "enrich"))
                    continue
                deliveries.append(
                    await enriched.send(
                        key=result.key, value=result.value, headers=ENRICHED_HEADERS
                    )
                )
                metrics.ARTICLES_OUT.inc()
                for event_key, event_value in result.events:
                    deliveries.append(
                        await events.send(key=event_key, value=event_value, headers=EVENT_HEADERS)
                    )
                    metrics.EVENTS_OUT.inc()
            in_flight = deliveries
            _lag(app, batch)
            metrics.BATCH_SIZE.observe(len(batch))
            metrics.BATCH_SECONDS.observe(time.perf_counter() - started)
            log(
                logger,
                logging.INFO,
                "batch",
                size=len(batch),
                enriched=len(good),
                nlp_seconds=round(nlp_seconds, 3),
                seconds=round(time.perf_counter() - started, 3),
            )

    async def _dead(topic: faust.TopicT, message, reason: str, stage: str):
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
        return await topic.send(key=message.key, value=value, headers=DLQ_HEADERS)

    del enrich  # registered on the app by the decorator
    return app, nlp


class NlpProcess:
    """The child process that runs spaCy; restarted if it dies, and then the batch is retried
    one article at a time, so that an article that kills it goes to the DLQ alone."""

    def __init__(self, batch_size: int, logger: logging.Logger) -> None:
        self.batch_size = batch_size
        self.logger = logger
        self.pool = start_pool(batch_size)

    async def ready(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self.pool, warm_up)

    async def enrich(self, articles: list[Article]) -> list[Enriched | Failed]:
        if not articles:
            return []
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self.pool, enrich_batch, articles)
        except BrokenProcessPool:
            log(
                self.logger,
                logging.ERROR,
                "nlp process died; retrying the batch one by one",
                size=len(articles),
            )
        results: list[Enriched | Failed] = []
        for article in articles:
            self._restart()
            try:
                results += await loop.run_in_executor(self.pool, enrich_batch, [article])
            except BrokenProcessPool:
                results.append(Failed("the enrichment process died on this article"))
        return results

    def _restart(self) -> None:
        if getattr(self.pool, "_broken", False):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = start_pool(self.batch_size)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _lag(app: faust.App, batch) -> None:
    last = {}
    for event in batch:
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
