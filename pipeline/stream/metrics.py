"""Prometheus metrics of the worker, served on NEWSFLOW_METRICS_PORT (0 turns the server off)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, start_http_server

ARTICLES_IN = Counter("newsflow_articles_in_total", "raw records consumed")
ARTICLES_OUT = Counter("newsflow_articles_out_total", "enriched articles produced")
EVENTS_OUT = Counter("newsflow_events_out_total", "incident events produced")
DLQ = Counter("newsflow_dlq_total", "records sent to the dead-letter topic", ["stage"])
BATCH_SIZE = Histogram(
    "newsflow_batch_size", "records per batch", buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256)
)
BATCH_SECONDS = Histogram(
    "newsflow_batch_seconds",
    "time from taking a batch to acknowledging it (includes waiting behind the batch before)",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60),
)
LAG = Gauge(
    "newsflow_consumer_lag", "records behind the end of the partition", ["topic", "partition"]
)


def serve(port: int) -> bool:
    """Start the /metrics endpoint; False when the port is taken (another worker on this host)."""
    if not port:
        return False
    try:
        start_http_server(port, addr="127.0.0.1")
    except OSError:
        return False
    return True
