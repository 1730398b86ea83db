"""What a first attempt looks like: a per-message consumer calling nlp(text) on each article
and producing the result one record at a time. Used as the 'naive' line of `make bench`."""

from __future__ import annotations

import sys

import orjson

from pipeline.enrich.enricher import Enricher
from pipeline.kafka.clients import consumer, producer
from pipeline.kafka.codec import decode_article
from pipeline.settings import Settings
from pipeline.stream.app import WORKER_PRODUCER


def main() -> None:
    settings = Settings()
    enricher = Enricher()
    source = consumer(
        settings,
        settings.topic_raw,
        group_id=settings.consumer_group,
        auto_offset_reset="earliest",
        enable_auto_commit=True,
    )
    # The workers' producer settings, so that the comparison measures the design, not the codec.
    sink = producer(settings, **WORKER_PRODUCER)
    print("naive ready", file=sys.stderr, flush=True)
    for message in source:
        article = decode_article(message.value, max_text_chars=settings.max_text_chars)
        record = enricher.record(article, enricher.nlp(article.text))
        sink.send(settings.topic_enriched, key=article.id.encode(), value=orjson.dumps(record))


if __name__ == "__main__":
    main()
