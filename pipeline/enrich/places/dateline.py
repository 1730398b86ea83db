"""The dateline that opens a wire or local story: "SPRINGFIELD, Ill. —", "DOVER, Del. (WXYZ) --",
"BEIRUT (AP) —", "Dhaka, Jan 5 (Reuters) -". It names where the story was filed, which for
local news is where the incident happened: the incident's place when its sentences name none.

A place in capitals before a dash or an agency in parentheses is a dateline; a place in title
case needs the region or the agency too ("Springfield, Ill. —"), since an ordinary first
sentence may open with a capitalised word and a dash."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_UPPER = r"[A-Z][A-Z.'\-]*(?:\s+[A-Z][A-Z.'\-]*){0,3}"
_TITLE = r"[A-Z][a-z.'\-]+(?:\s+[A-Z][a-z.'\-]+){0,3}"
_REGION = r"(?P<region>[A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*){0,2})"
_DATE = r"(?:\s*,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # "Dhaka, Jan 5 (Reuters)"
_AGENCY = r"\s*\((?P<agency>[^()\n]{1,40})\)"
_DASH = r"\s*(?:--|[-—–]\s|[—–](?=[A-Z]))"
# Tried in order; each names its place group "place".
DATELINES = [
    (
        "upper",
        re.compile(rf"^\s*(?P<place>{_UPPER})(?:\s*,\s*{_REGION})?{_DATE}(?:{_AGENCY})?{_DASH}"),
    ),
    ("title", re.compile(rf"^\s*(?P<place>{_TITLE})\s*,\s*{_REGION}{_DATE}(?:{_AGENCY})?{_DASH}")),
    ("title", re.compile(rf"^\s*(?P<place>{_TITLE}){_DATE}{_AGENCY}{_DASH}")),
    # Scraped copies lose the dash: "MOBILE, Ala. (WPMI) Children ...". Place, region and
    # agency together are a dateline still.
    (
        "upper",
        re.compile(rf"^\s*(?P<place>{_UPPER})\s*,\s*{_REGION}{_DATE}{_AGENCY}\s+(?=[A-Z\"“])"),
    ),
]


@dataclass(frozen=True, slots=True)
class Dateline:
    name: str  # the place as the gazetteer spells names: "New York", "St. Louis"
    start: int
    end: int
    region: str | None  # "Ill.", "Del.", "Texas"
    line_end: (
        int  # after its dash: a date before it is the filing date ("Dhaka, Jan 5 (Reuters) -")
    )


# Scraped pages put captions, copyright lines, headlines or "enable JavaScript" before the
# dateline: an upper-case one with its region or agency ("MILWAUKEE (WITI) —") is looked for at
# any word within the first few hundred characters.
_LATER = re.compile(r"(?<=[\s\u200b])(?=[A-Z]{2})")
LATER_REACH = 400


def find_dateline(text: str, known: Callable[[str], bool] | None = None) -> Dateline | None:
    """`known` says whether the gazetteer has a name: a dateline in capitals found after a
    page's header may carry the header's last words ("4:43 PM EDT HOMESTEAD, Fla.", "WKRN
    NASHVILLE, Tenn."), so its place is the longest run of its last words that is a place."""
    found = _dateline_at(text, 0, DATELINES)
    if found is None:
        for start in _LATER.finditer(text, 0, LATER_REACH):
            found = _dateline_at(text, start.start(), [DATELINES[0], DATELINES[-1]], known)
            if found is not None:
                break
    if found is None or known is None or known(found.name):
        return found
    return _known_tail(text, found, known)


def _known_tail(text: str, found: Dateline, known: Callable[[str], bool]) -> Dateline:
    words = list(re.finditer(r"\S+", text[found.start : found.end]))
    for first in range(1, len(words)):
        name = " ".join(w.group() for w in words[first:])
        name = _title(name) if name.isupper() else name
        if known(name):
            start = found.start + words[first].start()
            return Dateline(name, start, found.end, found.region, found.line_end)
    return found


def _dateline_at(
    text: str, offset: int, patterns, known: Callable[[str], bool] | None = None
) -> Dateline | None:
    head = text[offset : offset + 200]
    for case, pattern in patterns:
        match = pattern.match(head)
        if match is None:
            continue
        raw = match.group("place")
        if case == "upper" and len(raw) < 3:
            return None  # "A -", "US:"
        name = _title(raw) if case == "upper" else raw
        region = match.groupdict().get("region")
        if (
            case == "upper"
            and offset
            and not (region or match.group("agency"))
            and not _opens_a_block(text, offset, name, known)
        ):
            continue  # later in the text, only "PLACE, Region" or "PLACE (Agency)" is a dateline
        return Dateline(
            name,
            offset + match.start("place"),
            offset + match.end("place"),
            region,
            offset + match.end(),
        )
    return None


def _opens_a_block(text: str, offset: int, name: str, known: Callable[[str], bool] | None) -> bool:
    """A known place in capitals and its dash after a break in the scraped page (two spaces,
    a line end): "... 2:54 PM EST  LAS VEGAS -- Metro Police are investigating"."""
    before = text[max(0, offset - 2) : offset]
    return (
        known is not None
        and known(name)
        and (before.endswith("\n") or before == "  " or before.endswith(_INVISIBLE))
    )


_INVISIBLE = "\u200b"


def _title(raw: str) -> str:
    words = []
    for word in raw.split():
        titled = word.capitalize()
        if titled.startswith("Mc") and len(titled) > 2:  # MCALLEN → McAllen
            titled = "Mc" + titled[2:].capitalize()
        words.append(titled)
    return " ".join(words)
