"""A stand-in for a crash inside spaCy: the child process exits on an article carrying the marker,
and enriches every other article for real. Lives in a module so the spawned child can import it."""

from __future__ import annotations

import os

from pipeline.records import Article
from pipeline.stream.nlp_process import BatchResult, enrich_batch

MARKER = "SEGFAULT-HERE"


def die_on_marker(articles: list[Article]) -> BatchResult:
    if any(MARKER in a.text for a in articles):
        os._exit(3)
    return enrich_batch(articles)
