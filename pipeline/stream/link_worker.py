"""The incident worker: faust wiring around the incident stage (`stream/incidents.py`).

Two agents in their own consumer group (NEWSFLOW_INCIDENT_GROUP), so that linking scales apart
from enrichment. The first reads enriched articles and writes one report per event to the
group's reports topic, keyed by the blocking key (the country): that repartitioning gives each
country to one partition, so two workers never open the same incident twice. The second links
the reports of the partitions it owns, keeps their open incidents in a table (RocksDB through
rocksdict, backed by a compacted changelog topic) and publishes every new version to
news.incidents."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import faust
import orjson

from pipeline.kafka.codec import headers
from pipeline.kafka.dlq import DLQ_SCHEMA, dead_letter
from pipeline.logs import get_logger, log
from pipeline.records.schema import INCIDENT_SCHEMA_ID
from pipeline.settings import Settings
from pipeline.stream import metrics
from pipeline.stream.app import RAW_OPTIONS, make_app
from pipeline.stream.continuity import OffsetGap, OffsetGuard
from pipeline.stream.incidents import IncidentStage
from pipeline.tracking.linker import blocking_key
from pipeline.tracking.report import report_from_state, report_state, reports_of
from pipeline.tracking.tracker import linker_from

# RocksDB keeps a block cache and write buffers per table partition: faust's defaults (2 GiB and
# 3 x 64 MiB) would reserve gigabytes for a table of a few hundred MiB.
STORE_OPTIONS = {
    "block_cache_size": 16 * 1024 * 1024,
    "write_buffer_size": 8 * 1024 * 1024,
    "max_write_buffer_number": 2,
}
TABLE_NAME = "open-incidents"
SOURCE = "enriched_partition"  # on each report: the input whose progress it tells
INCIDENT_HEADERS = headers(INCIDENT_SCHEMA_ID)
DLQ_HEADERS = headers(DLQ_SCHEMA)


def reports_topic_name(settings: Settings) -> str:
    return f"{settings.incident_group}-reports"


@dataclass
class Restart:
    """Set when the worker stopped to be started again (an offset gap)."""

    requested: bool = False


def build_link_app(settings: Settings, *, datadir: Path) -> tuple[faust.App, Restart]:
    app = make_app(settings, datadir=datadir, app_id=settings.incident_group, store="rocksdb://")
    enriched = app.topic(settings.topic_enriched, **RAW_OPTIONS)
    reports = app.topic(
        reports_topic_name(settings),
        partitions=settings.topic_partitions,
        internal=True,
        **RAW_OPTIONS,
    )
    incidents = app.topic(settings.topic_incidents, **RAW_OPTIONS)
    dlq = app.topic(settings.topic_dlq, **RAW_OPTIONS)
    table = app.Table(
        TABLE_NAME,
        key_type=bytes,
        value_type=bytes,
        partitions=settings.topic_partitions,
        options=dict(STORE_OPTIONS),
    )
    # Tables take no serializer arguments and pick "json" for bytes; their store is made when
    # first used, with the table's serializers of that moment: raw bytes, encoded by orjson.
    table.key_serializer = table.value_serializer = "raw"
    stage = IncidentStage(
        table=table,
        make_linker=lambda: linker_from(settings),
        inputs=settings.topic_partitions,  # the enriched topic's, as ensure_topics makes it
    )
    logger = get_logger()
    restart = Restart()

    def _rebalanced(*_args: object, **_kwargs: object) -> None:
        stage.forget()

    app.on_partitions_revoked.connect(_rebalanced)
    app.on_partitions_assigned.connect(_rebalanced)

    async def in_order(stream: faust.StreamT, guard: OffsetGuard):
        """The stream's events in offset order per partition (stream/continuity.py); the agent
        acknowledges each when done with it. At a gap the worker stops, asking for a restart."""
        async for event in stream.noack().events():
            try:
                guard.check(event.message.tp, event.message.offset)
            except OffsetGap as gap:
                log(logger, logging.ERROR, "offset gap; restarting", reason=str(gap))
                restart.requested = True
                app.add_future(app.crash(gap))
                return
            yield event

    @app.agent(enriched, name="incident-reports")
    async def split(stream: faust.StreamT) -> None:
        async for event in in_order(stream, OffsetGuard()):
            message = event.message
            try:
                found = reports_of(orjson.loads(event.value))
            except Exception as exc:  # a record no enricher wrote: keep it, with the reason
                metrics.DLQ.labels(stage="incidents").inc()
                log(logger, logging.WARNING, "dead letter", reason=repr(exc), stage="incidents")
                await dlq.send(
                    key=message.key,
                    value=dead_letter(
                        reason=f"not an enriched record: {exc!r}",
                        stage="incidents",
                        topic=message.topic,
                        partition=message.partition,
                        offset=message.offset,
                        key=message.key,
                        value=event.value,
                    ),
                    headers=DLQ_HEADERS,
                )
                await stream.ack(event)
                continue
            for report in found:
                await reports.send(
                    key=blocking_key(report).encode("utf-8"),
                    value=orjson.dumps({**report_state(report), SOURCE: message.partition}),
                )
            await stream.ack(event)

    @app.agent(reports, name="incidents")
    async def link(stream: faust.StreamT) -> None:
        log(logger, logging.INFO, "incident worker ready", group=settings.incident_group)
        async for event in in_order(stream, OffsetGuard()):
            state = orjson.loads(event.value)
            report = report_from_state(state)
            source = str(state.get(SOURCE))
            for key, value in stage.handle(event.message.partition, report, source=source):
                await incidents.send(key=key, value=value, headers=INCIDENT_HEADERS)
            await stream.ack(event)

    del split, link  # registered on the app by the decorators
    return app, restart
