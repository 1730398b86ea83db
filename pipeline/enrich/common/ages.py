"""Ages that stand for a person or come before one: '17-year-old', 'a 9-month-old', '13 year
old Dashawn' (casualty counts step over them; place rules read the town after them)."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.enrich.common.tokens import columns

AGE_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}
# Without hyphens only the singular is an age before a person: "was 45 years old" is a
# predicate.
BARE_AGE_UNITS = {"year", "month", "week"}


def age_start(doc: Doc, j: int) -> int | None:
    """Where the age that token j ("old") ends starts (its number's token), or None when token
    j ends no age."""
    cols = columns(doc)
    if cols.lowers[j] != "old" or j < 2 or (j + 1 < len(doc) and cols.texts[j + 1] == "-"):
        return None
    if cols.texts[j - 1] == "-":
        return max(j - 4, 0) if cols.lowers[j - 2] in AGE_UNITS else None
    if cols.lowers[j - 1] in BARE_AGE_UNITS and doc[j - 2].like_num:
        return j - 2
    return None
