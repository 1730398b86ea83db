"""Publish raw articles with delivery tracking: each send reports success or the reason it failed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from kafka import KafkaProducer

from pipeline.kafka.codec import encode_article, headers
from pipeline.records import Article


@dataclass
class Delivery:
    sent: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)


class Publisher:
    def __init__(self, producer: KafkaProducer, topic: str) -> None:
        self.producer = producer
        self.topic = topic
        self.delivery = Delivery()
        self._lock = threading.Lock()  # callbacks run on the client's I/O thread

    def send(self, article: Article, on_sent: Callable[[bool], None] | None = None) -> None:
        key, value = encode_article(article)

        def ok(_metadata) -> None:
            with self._lock:
                self.delivery.sent += 1
            if on_sent:
                on_sent(True)

        def failed(exc: BaseException) -> None:
            with self._lock:
                self.delivery.failed.append((article.id, f"{type(exc).__name__}: {exc}"))
            if on_sent:
                on_sent(False)

        try:
            future = self.producer.send(self.topic, key=key, value=value, headers=headers())
        except Exception as exc:  # e.g. a record over max_request_size: report, keep going
            failed(exc)
            return
        future.add_callback(ok)
        future.add_errback(failed)

    def flush(self, timeout: float | None = None) -> None:
        self.producer.flush(timeout=timeout)

    def close(self) -> None:
        self.producer.flush()
        self.producer.close()
