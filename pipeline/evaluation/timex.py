"""DATE value accuracy on TimeML sentences: each gold DATE timex whose value is a calendar value
(a day, week, month, quarter, season or year) is found when a date newsflow extracts overlaps
its span, and correct when that date's value is the gold value. Underspecified values
(PAST_REF, XXXX-XX-XX) are not calendar values and are counted apart."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pipeline.enrich.dates.expressions import FoundDate

CALENDAR_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?$")


def is_calendar_value(value: str) -> bool:
    return bool(CALENDAR_VALUE.match(value))


def value_shape(value: str) -> str:
    return re.sub(r"\d", "N", value)


@dataclass
class TimexScore:
    sentences: int = 0
    gold: int = 0
    found: int = 0
    correct: int = 0
    not_calendar: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, row: dict, dates: list[FoundDate]) -> None:
        self.sentences += 1
        for timex in row["timexes"]:
            if not is_calendar_value(timex["value"]):
                self.not_calendar += 1
                continue
            self.gold += 1
            overlapping = [d for d in dates if d.start < timex["end"] and timex["start"] < d.end]
            if overlapping:
                self.found += 1
            if any(d.value == timex["value"] for d in overlapping):
                self.correct += 1
                continue
            self.misses.append(
                {
                    "id": f"{row['doc_id']}:{timex.get('tid')}",
                    "text": timex["text"],
                    "gold": timex["value"],
                    "got": overlapping[0].value if overlapping else None,
                    "cause": _cause(timex["value"], overlapping),
                }
            )

    def causes(self) -> list[tuple[str, int]]:
        return Counter(m["cause"] for m in self.misses).most_common()

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": "timex",
            "sentences": self.sentences,
            "calendar_timexes": self.gold,
            "not_calendar_timexes": self.not_calendar,
            "accuracy": {"date_value": round(self.correct / self.gold, 4) if self.gold else 0.0},
            "span_found": round(self.found / self.gold, 4) if self.gold else 0.0,
            "miss_causes": [{"cause": c, "count": n} for c, n in self.causes()],
            "misses": self.misses,
        }


def _cause(gold: str, overlapping: list[FoundDate]) -> str:
    if not overlapping:
        return f"not found ({value_shape(gold)})"
    got = overlapping[0].value
    if value_shape(got) != value_shape(gold):
        return f"granularity {value_shape(got)} for {value_shape(gold)}"
    return f"wrong value ({value_shape(gold)})"
