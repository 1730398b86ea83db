"""Labelled sets `newsflow eval` reads as they are: hand-coded gold lines, GVA-labelled US local
news (single articles or several per incident), ACLED conflict notes and TimeML sentences.

The kind is told by the fields of the first row, so each file is scored under its own
conventions: in the hand-coded sets a null figure means "the text gives none"; in the labelled
sets it means "not coded" and is not scored. A part of every file is kept aside (one in five by
a stable hash of the row's id, or of its incident or document, so that articles of one incident
or sentences of one document are never split between the parts): rules are tuned on the rest,
and the kept-aside part says how they do on text they were not tuned on."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

KEPT_ASIDE_EVERY = 5


class Kind(StrEnum):
    GOLD = "gold"  # hand-coded: null = the text states no figure
    GVA = "gva"  # Gun Violence Archive labels: shooters count among the killed and injured
    ACLED = "acled"  # conflict notes: fatalities of every side, no injuries coded
    TIMEX = "timex"  # TimeML sentences with gold DATE values


class Part(StrEnum):
    ALL = "all"
    TUNE = "tune"  # what rules may be fitted on
    ASIDE = "aside"  # kept aside: scored, never looked at while fitting


@dataclass(frozen=True, slots=True)
class Conventions:
    null_means_not_coded: bool
    # Whether the set's killed/injured count attackers too (GVA counts shooters, ACLED every
    # fatality); the score of record for the set uses that reading.
    counts_perpetrators: bool
    # Whether the coders write a vague amount down as its conventional estimate (ACLED:
    # "several" = 3, "dozens" = 12); elsewhere a vague amount is no number.
    codes_estimates: bool = False


CONVENTIONS = {
    Kind.GOLD: Conventions(null_means_not_coded=False, counts_perpetrators=False),
    Kind.GVA: Conventions(null_means_not_coded=True, counts_perpetrators=True),
    Kind.ACLED: Conventions(
        null_means_not_coded=True, counts_perpetrators=True, codes_estimates=True
    ),
}


def kind_of(row: dict[str, Any]) -> Kind:
    if "timexes" in row:
        return Kind.TIMEX
    if "event_type" in row or "rows_with_same_notes" in row:
        return Kind.ACLED
    if "country" in row:
        return Kind.GVA
    return Kind.GOLD


def split_key(row: dict[str, Any]) -> str:
    for key in ("incident_id", "doc_id", "id"):
        if row.get(key) is not None:
            return str(row[key])
    return ""


def kept_aside(row: dict[str, Any]) -> bool:
    return zlib.crc32(split_key(row).encode()) % KEPT_ASIDE_EVERY == 0


def in_part(row: dict[str, Any], part: Part) -> bool:
    if part is Part.ALL:
        return True
    return kept_aside(row) == (part is Part.ASIDE)


def left_out(row: dict[str, Any]) -> str | None:
    """Why a row cannot be scored as one incident, or None."""
    if (row.get("rows_with_same_notes") or 1) > 1:
        return "one note split across several coded events"
    return None
