"""The enrichment agent: batches of raw records → enriched articles, events, dead letters.

spaCy runs in a worker thread (`run_in_executor`) so the event loop keeps heartbeating and
committing during a long batch. Offsets of a batch are acknowledged only after every output of
the batch was delivered (take_events acks after the loop body), so a crash re-reads, never skips;
the sink drops the repeats by id."""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import faust

from pipeline.enrich.enricher import Enricher, EnrichFailure
from pipeline.errors import InputError
from pipeline.kafka.codec import decode_article, headers
from pipeline.kafka.dlq import dead_letter
from pipeline.settings import Settings
from pipeline.stream import metrics
from pipeline.stream.app import make_app
from pipeline.stream.logs import get_logger, log
from pipeline.stream.outputs import article_record, event_records

ENRICHED_HEADERS = headers("newsflow.enriched/1")
EVENT_HEADERS = headers("newsflow.event/1")
DLQ_HEADERS = headers("newsflow.dlq/1")


def build_worker_app(settings: Settings, *, datadir: Path) -> faust.App:
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
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsflow-nlp")

    @app.agent(raw, name="enrich")
    async def enrich(stream: faust.StreamT) -> None:
        loop = asyncio.get_running_loop()
        enricher = await loop.run_in_executor(
            pool, lambda: Enricher(batch_size=settings.batch_size)
        )
        log(
            logger,
            logging.INFO,
            "worker ready",
            group=settings.consumer_group,
            topic=settings.topic_raw,
        )
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
            results = await loop.run_in_executor(
                pool, lambda items=good: list(enricher.enrich_many(a for _, a in items))
            )
            for (message, _), result in zip(good, results, strict=True):
                if isinstance(result, EnrichFailure):
                    deliveries.append(await _dead(dlq, message, result.reason, "enrich"))
                    continue
                key, value = article_record(result)
                deliveries.append(
                    await enriched.send(key=key, value=value, headers=ENRICHED_HEADERS)
                )
                metrics.ARTICLES_OUT.inc()
                for event_key, event_value in event_records(result):
                    deliveries.append(
                        await events.send(key=event_key, value=event_value, headers=EVENT_HEADERS)
                    )
                    metrics.EVENTS_OUT.inc()
            await asyncio.gather(*deliveries)
            _lag(app, batch)
            metrics.BATCH_SIZE.observe(len(batch))
            metrics.BATCH_SECONDS.observe(time.perf_counter() - started)
            log(
                logger,
                logging.INFO,
                "batch",
                size=len(batch),
                enriched=len(good),
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
    return app


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
