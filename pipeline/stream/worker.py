"""The enrichment agent: faust wiring around the batch lifecycle (`stream/batches.py`).
Records are taken without acknowledgement (noack_take); the lifecycle acknowledges each batch
once its outputs are confirmed."""

from __future__ import annotations

import logging
from pathlib import Path

import faust

from pipeline.logs import get_logger, log
from pipeline.settings import Settings
from pipeline.stream import metrics
from pipeline.stream.app import RAW_OPTIONS, make_app
from pipeline.stream.batches import BatchLifecycle, Outputs
from pipeline.stream.nlp_process import NlpProcess


def build_worker_app(settings: Settings, *, datadir: Path) -> tuple[faust.App, NlpProcess]:
    """The faust app with the enrichment agent, and the spaCy process it uses (close it after)."""
    app = make_app(settings, datadir=datadir)
    raw = app.topic(settings.topic_raw, **RAW_OPTIONS)
    outputs = Outputs(
        enriched=app.topic(settings.topic_enriched, **RAW_OPTIONS),
        events=app.topic(settings.topic_events, **RAW_OPTIONS),
        dlq=app.topic(settings.topic_dlq, **RAW_OPTIONS),
    )
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
        lifecycle = BatchLifecycle(
            nlp=nlp,
            outputs=outputs,
            acknowledge=stream.ack,
            on_fatal=lambda exc: app.add_future(app.crash(exc)),
            stopping=lambda: app.should_stop,
            max_text_chars=settings.max_text_chars,
            logger=logger,
            on_acknowledged=lambda taken: _lag(app, taken),
        )
        await lifecycle.run(stream.noack_take(settings.batch_size, within=settings.batch_within_s))

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
