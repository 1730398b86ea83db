"""Exact-match scores for the primary event's killed, injured and date against gold lines
{id, published, text, killed, injured, event_date} (numbers or null).

A figure's point value is its lower bound (its upper bound for 'up to N'); an unspecified
amount ("numerous injuries") has none, so it matches a null in the gold. A number where the
gold has null is counted as invented: it is the error downstream users mind most."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FIELDS = ("killed", "injured", "event_date")


def point_value(figure: dict | None) -> int | None:
    if not figure:
        return None
    return figure["min"] if figure["min"] is not None else figure["max"]


def predicted(record: dict) -> dict[str, Any]:
    event = record["events"][0] if record["events"] else None
    if event is None:
        return dict.fromkeys(FIELDS)
    return {
        "killed": point_value(event["killed"]),
        "injured": point_value(event["injured"]),
        "event_date": event["date"],
    }


@dataclass
class Score:
    total: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    gold_null: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    invented: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, gold: dict, record: dict) -> None:
        self.total += 1
        guess = predicted(record)
        for name in FIELDS:
            want, got = gold.get(name), guess[name]
            if want is None:
                self.gold_null[name] += 1
                if got is not None:
                    self.invented[name] += 1
            if want == got:
                self.correct[name] += 1
            else:
                self.misses.append({"id": gold.get("id"), "field": name, "gold": want, "got": got})

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.total,
            "accuracy": {name: round(self.accuracy(name), 4) for name in FIELDS},
            "invented": {name: self.invented[name] for name in FIELDS},
            "gold_null": {name: self.gold_null[name] for name in FIELDS},
            "misses": self.misses,
        }
