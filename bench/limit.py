"""The model's own limit: bare nlp.pipe over an archive's texts, in a fresh process.

A fresh process for each measurement, like the worker's spaCy process: a model that has already
seen the texts has their words in its vocabulary and runs faster than any worker would.
Prints {"docs_per_s": ..., "seconds": ...}; model loading is not timed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import orjson

from pipeline.enrich.nlp import load_nlp
from pipeline.settings import Settings


def docs_per_second(texts: list[str], batch_size: int) -> tuple[float, float]:
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    seconds = time.perf_counter() - started
    return len(texts) / seconds, seconds


def main(archive: Path) -> None:
    texts = [orjson.loads(line)["text"] for line in archive.read_bytes().splitlines() if line]
    rate, seconds = docs_per_second(texts, Settings().batch_size)
    print(orjson.dumps({"docs_per_s": rate, "seconds": seconds}).decode())


if __name__ == "__main__":
    main(Path(sys.argv[1]))
