"""Dead-letter records: why, where from, and the original bytes (base64), so nothing is lost."""

from __future__ import annotations

import base64
import datetime as dt

import orjson

DLQ_SCHEMA = "newsflow.dlq/1"


def dead_letter(
    *,
    reason: str,
    stage: str,
    topic: str,
    partition: int,
    offset: int,
    key: bytes | None,
    value: bytes | None,
) -> bytes:
    return orjson.dumps(
        {
            "schema": DLQ_SCHEMA,
            "reason": reason,
            "stage": stage,  # decode | enrich | incidents
            "source": {"topic": topic, "partition": partition, "offset": offset},
            "key": key.decode("utf-8", "replace") if key is not None else None,
            "value_base64": base64.b64encode(value).decode("ascii") if value is not None else None,
            "failed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
    )
