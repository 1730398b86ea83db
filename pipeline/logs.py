"""Structured log lines (one JSON object per line) for the worker and the sink."""

from __future__ import annotations

import datetime as dt
import logging
import sys

import orjson

LOGGER = "newsflow"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return orjson.dumps(line, default=str).decode()


def get_logger(name: str = LOGGER) -> logging.Logger:
    logger = logging.getLogger(name)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def log(logger: logging.Logger, level: int, msg: str, **fields: object) -> None:
    logger.log(level, msg, extra={"fields": fields})


def root_logging_config(level: int) -> dict:
    """A `logging.config.dictConfig` for the root logger, where faust, aiokafka and kafka-python
    log: the same JSON lines on stderr as newsflow's own, so that a log shipper reads one format."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {
            "json": {"class": "logging.StreamHandler", "stream": sys.stderr, "formatter": "json"}
        },
        "root": {"level": level, "handlers": ["json"]},
    }
