"""Prometheus metrics of `newsflow serve`, read from the store, hub and feed when scraped."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from pipeline.web.feeds import FeedState
from pipeline.web.hub import Hub
from pipeline.web.store import IncidentStore


class ServeMetrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self, *, store: IncidentStore, hub: Hub, feed: FeedState) -> None:
        self.registry = CollectorRegistry()
        self.versions = Counter(
            "newsflow_serve_versions", "incident versions taken in", registry=self.registry
        )
        held = Gauge("newsflow_serve_incidents", "incidents held", registry=self.registry)
        held.set_function(lambda: len(store))
        evicted = Gauge(
            "newsflow_serve_evicted", "incidents dropped as quiet", registry=self.registry
        )
        evicted.set_function(lambda: store.evicted)
        clients = Gauge("newsflow_serve_sse_clients", "open event streams", registry=self.registry)
        clients.set_function(lambda: hub.clients)
        rejected = Gauge(
            "newsflow_serve_rejected",
            "feed records that were not incidents",
            registry=self.registry,
        )
        rejected.set_function(lambda: feed.rejected)
        caught_up = Gauge(
            "newsflow_serve_caught_up", "1 once the feed's backlog is read", registry=self.registry
        )
        caught_up.set_function(lambda: float(feed.caught_up))

    def render(self) -> bytes:
        return generate_latest(self.registry)
