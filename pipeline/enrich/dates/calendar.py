"""Calendar arithmetic for date normalization: holidays, weekdays, year choice by tense."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dateutil.easter import easter

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# TIMEX3 season codes; months are the northern-hemisphere meteorological seasons.
SEASONS = {
    "spring": ("SP", 3),
    "summer": ("SU", 6),
    "autumn": ("FA", 9),
    "fall": ("FA", 9),
    "winter": ("WI", 12),
}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    if n > 0:
        return first + dt.timedelta(days=offset + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's": lambda y: dt.date(y, 1, 1),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "halloween": lambda y: dt.date(y, 10, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "easter sunday": easter,
    "easter": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "fourth of july": lambda y: dt.date(y, 7, 4),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    "martin luther king jr. day": lambda y: _nth_weekday(y, 1, 0, 3),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents' day": lambda y: _nth_weekday(y, 2, 0, 3),
    "presidents day": lambda y: _nth_weekday(y, 2, 0, 3),
    "columbus day": lambda y: _nth_weekday(y, 10, 0, 2),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "st. patrick's day": lambda y: dt.date(y, 3, 17),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),
}


# How far ahead a yearless date in a clause of no clear tense may point: "is due back in court
# on Feb. 28" written on Feb. 4 is this month's, while "a robbery on March 10" written on Feb. 20
# is last year's.
YEARLESS_AHEAD_DAYS = 92


def by_tense(make: Callable[[int], dt.date], published: dt.date, tense: str | None) -> dt.date:
    """The occurrence of a yearly date that the tense points to: future → earliest on or after
    the dateline; past → latest on or before it; present and none → the coming one if it is
    within a quarter, else the one gone by (news reports what happened, in the present tense
    too: "three men are accused of a robbery on March 10")."""
    year = published.year
    upcoming = next((make(y) for y in (year - 1, year, year + 1) if make(y) >= published), None)
    if tense == "future":
        return upcoming or make(year + 1)
    if (
        tense != "past"
        and upcoming is not None
        and (upcoming - published).days <= YEARLESS_AHEAD_DAYS
    ):
        return upcoming
    for y in (year + 1, year, year - 1):
        if make(y) <= published:
            return make(y)
    return make(year - 1)


def month_by_tense(month: int, published: dt.date, tense: str | None) -> tuple[int, int]:
    """As by_tense for a month: future → this month or the next of that name; past → the last
    one begun; present and none → the coming one if it begins within a quarter ("expects a
    decision in January", written in November), else the last one."""
    upcoming = published.year if month >= published.month else published.year + 1
    if tense == "future":
        return upcoming, month
    starts_in = (dt.date(upcoming, month, 1) - published).days
    if tense != "past" and month != published.month and starts_in <= YEARLESS_AHEAD_DAYS:
        return upcoming, month
    return (published.year if month <= published.month else published.year - 1, month)


def weekday_by_tense(weekday: int, published: dt.date, tense: str | None) -> dt.date:
    """News names the days just gone by their weekday, in past and present tense alike ("a
    suspect is in custody after a shooting late Wednesday"): only an explicitly future clause
    ("will", "is scheduled to") points ahead."""
    delta = (weekday - published.weekday()) % 7
    if tense == "future":
        return published + dt.timedelta(days=delta or 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1
