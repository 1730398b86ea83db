"""What the worker writes for one enriched article: the article record, and one record per
incident for news.events (the event plus the article's id, published date and source)."""

from __future__ import annotations

import orjson

EVENT_SCHEMA = "newsflow.event/1"


def event_records(record: dict) -> list[tuple[bytes, bytes]]:
    out = []
    for event in record["events"]:
        value = {
            "schema": EVENT_SCHEMA,
            **event,
            "article_id": record["id"],
            "published": record["published"],
            "source": record["source"],
        }
        out.append((event["event_id"].encode("utf-8"), orjson.dumps(value)))
    return out


def article_record(record: dict) -> tuple[bytes, bytes]:
    return record["id"].encode("utf-8"), orjson.dumps(record)
