"""Score a labelled file: every row through the enricher once, each score kept for the part it
belongs to (tuned-on, kept aside) and for the whole file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pipeline.enrich.common.tokens import columns
from pipeline.enrich.dates.expressions import extract_dates
from pipeline.enrich.enricher import Enricher, EnrichFailure
from pipeline.errors import InputError
from pipeline.evaluation.datasets import Kind, Part, kept_aside, kind_of, left_out
from pipeline.evaluation.scoring import Score
from pipeline.evaluation.timex import TimexScore
from pipeline.records import Article, article_from_mapping

PARTS = (Part.ALL, Part.TUNE, Part.ASIDE)


@dataclass
class Evaluation:
    kind: Kind
    scores: dict[Part, Score | TimexScore] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def as_dict(self, *, with_misses: bool = True) -> dict:
        out: dict = {"kind": str(self.kind), "failures": self.failures}
        for part, score in self.scores.items():
            report = score.as_dict()
            if not with_misses:
                report.pop("misses", None)
            out[str(part)] = report
        return out


def evaluate(
    rows: list[dict],
    *,
    enricher: Enricher | None = None,
    advance: Callable[[], None] = lambda: None,
) -> Evaluation:
    if not rows:
        raise InputError("no rows to score")
    kind = kind_of(rows[0])
    if kind is Kind.TIMEX:
        return _evaluate_timex(rows, enricher, advance)
    result = Evaluation(kind, {part: Score(kind=kind) for part in PARTS})
    enricher = enricher or Enricher()
    scored: list[tuple[dict, Article]] = []
    for row in rows:
        why = left_out(row)
        try:
            article = None if why else article_from_mapping(row)
        except InputError as exc:
            why = f"unreadable: {exc.reason}"
            article = None
        if article is None:
            for part in _parts_of(row):
                result.scores[part].skip(why or "left out")
            advance()
            continue
        scored.append((row, article))
    records = enricher.enrich_many(a for _, a in scored)
    for (row, _), record in zip(scored, records, strict=True):
        advance()
        if isinstance(record, EnrichFailure):
            result.failures.append(f"{row.get('id')}: {record.reason}")
            continue
        for part in _parts_of(row):
            result.scores[part].add(row, record)
    return result


def _parts_of(row: dict) -> tuple[Part, Part]:
    return Part.ALL, Part.ASIDE if kept_aside(row) else Part.TUNE


def _evaluate_timex(
    rows: list[dict], enricher: Enricher | None, advance: Callable[[], None]
) -> Evaluation:
    result = Evaluation(Kind.TIMEX, {part: TimexScore() for part in PARTS})
    nlp = (enricher or Enricher()).nlp
    for row, doc in zip(rows, _docs(nlp, rows), strict=True):
        advance()
        columns(doc, text=row["sentence"])
        dates = extract_dates(doc, dt.date.fromisoformat(row["dct"]))
        for part in _parts_of(row):
            result.scores[part].add(row, dates)
    return result


def _docs(nlp, rows: list[dict]) -> Iterator:
    return nlp.pipe((row["sentence"] for row in rows), batch_size=64)
