"""Why a field was missed, in a few words, so that the largest classes of misses show."""

from __future__ import annotations

import datetime as dt
from typing import Any


def miss_cause(name: str, want: Any, got: Any, gold: dict, guess: dict) -> str:
    if name in ("killed", "injured"):
        return _figure_cause(want, got)
    if name == "event_date":
        return _date_cause(want, got, gold, guess)
    if got is None:
        return "no place" if guess.get("country") is None else f"no {name} named"
    return f"other {name}"


def _figure_cause(want: int | None, got: int | None) -> str:
    if got is None:
        return "stated zero missed" if want == 0 else "none found"
    if want is None:
        return "number where the text gives none"
    if want == 0:
        return "invented (gold 0)"
    return "too high" if got > want else "too low"


def _date_cause(want: str | None, got: str | None, gold: dict, guess: dict) -> str:
    basis = guess.get("date_basis")
    if got is None:
        return "no incident" if guess.get("killed") is None else "no date"
    if want is None:
        return "date where the text gives none"
    try:
        gap = (dt.date.fromisoformat(got) - dt.date.fromisoformat(want)).days
    except ValueError:
        return f"{basis or 'date'}: not a day"
    where = "after" if gap > 0 else "before"
    size = "1 day" if abs(gap) == 1 else "2-7 days" if abs(gap) <= 7 else "over a week"
    return f"{basis or 'date'}: {size} {where}"
