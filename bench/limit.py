"""The model's own limit: bare nlp.pipe over an archive's texts, in a fresh process.

A fresh process for each measurement, like the worker's spaCy process: a model that has already
seen the texts has their words in its vocabulary and runs faster than any worker would.
`--per-doc` calls nlp(text) once per article instead, which is what the naive consumer does, to
show what batching alone is worth for this model. Prints {"docs_per_s", "seconds",
"cpu_seconds"}; model loading is not timed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import orjson

from pipeline.enrich.common.model import load_nlp
from pipeline.settings import Settings


def measure(texts: list[str], *, batch_size: int, per_doc: bool) -> dict[str, float]:
    nlp = load_nlp()
    started, cpu = time.perf_counter(), time.process_time()
    if per_doc:
        for text in texts:
            nlp(text)
    else:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    seconds = time.perf_counter() - started
    return {
        "docs_per_s": len(texts) / seconds,
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu,
    }


def main(archive: Path, *, per_doc: bool) -> None:
    texts = [orjson.loads(line)["text"] for line in archive.read_bytes().splitlines() if line]
    result = measure(texts, batch_size=Settings().batch_size, per_doc=per_doc)
    print(orjson.dumps(result).decode())


if __name__ == "__main__":
    main(Path(sys.argv[1]), per_doc="--per-doc" in sys.argv[2:])
