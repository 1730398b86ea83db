"""Date expressions normalized against the publication date (the dateline).

Values are TIMEX3-style strings at their granularity: day 2023-12-31, week 2024-W05,
month 2024-02, quarter 2024-Q3, season 2024-SU, year 2024. Yearless dates, bare months, weekdays and holidays
take their year from the tense of their clause ("occurred on New Year's Eve" in a 2024-01-01
article is 2023-12-31; "approaches ... in February" is 2024-02). "A day before the attack",
"two days later" count from the last day-exact date before them in the article.

dateparser is used only for numeric dates (12/30/2023, 30.12.2023): given free text it reads
durations ("two years") as dates in the past and bare numbers ("21") as days of this month."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import pairwise

from spacy.tokens import Doc

from pipeline.enrich.common.numbers import parse_count
from pipeline.enrich.common.tokens import columns
from pipeline.enrich.common.wordscan import WordPattern
from pipeline.enrich.dates.calendar import (
    HOLIDAYS,
    MONTHS,
    SEASONS,
    WEEKDAYS,
    add_months,
    by_tense,
    iso_week,
    month_by_tense,
    weekday_by_tense,
)
from pipeline.enrich.dates.tense import sentence_tense, tense_at
from pipeline.enrich.dates.words import AMBIGUOUS_MONTHS

# Every alternative opens with a plain letter, and so do the patterns that start with a month or
# a day (no opening \b, no optional first group): the regex engine then jumps between possible
# first characters instead of trying each position. _candidates checks the word boundary.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\b\.?|Feb\b\.?|Mar\b\.?|Apr\b\.?|Jun\b\.?|Jul\b\.?|Aug\b\.?|"
    r"Sept\b\.?|Sep\b\.?|Oct\b\.?|Nov\b\.?|Dec\b\.?)"
)
_DAY = r"(?P<day>[0-3]\d|\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20|21)\d{2})"
_NUM = r"(?P<num>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_HOLIDAY = "|".join(
    sorted((h.replace("'", "['’]?").replace(" ", r"\s+") for h in HOLIDAYS), key=len, reverse=True)
)
# Words before a bare month that show it is the month: "May" and "March" are also verbs.
_MONTH_LEAD = (
    r"(?P<lead>(?i:in|since|until|till|by|during|through|last|next|this|from|"
    r"before|after|early|late|mid|end\s+of|beginning\s+of)[\s-]+)"
)

_LEAD_REL = r"\b(?P<rel>(?i:last|next|this))\s+$"


@dataclass(frozen=True, slots=True)
class Pattern:
    kind: str
    regex: WordPattern
    # Words before the match that change its meaning ("last", "in"): looked for in the few
    # characters before a match instead of as an optional group, which would make the regex
    # try every position of the text.
    lead: re.Pattern[str] | None = None
    lead_required: bool = False


def _lead(words: str) -> re.Pattern[str]:
    return re.compile(words)


def _pattern(
    kind: str, regex: str, lead: str | None = None, *, lowercase: bool, lead_required=False
) -> Pattern:
    return Pattern(
        kind, WordPattern(regex, lowercase=lowercase), _lead(lead) if lead else None, lead_required
    )


# _cased: capitals matter (month and day names) or there are no letters; _lower: written in
# lower case, matches any case.
_cased = partial(_pattern, lowercase=False)
_lower = partial(_pattern, lowercase=True)


PATTERNS: list[Pattern] = [
    _cased("iso", r"(?P<year>\d\d\d\d)-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
    _cased("numeric", r"\d\d?[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b"),
    _cased("mdy", rf"{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
    # "Saturday, May 17", "Monday, March 17, 2014", "Sunday morning (March 31)": the weekday
    # only repeats the date.
    _cased(
        "mdy",
        rf"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?i:morning|"
        rf"afternoon|evening|night))?,?\s+\(?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",
    ),
    _cased("dmy", rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?"),
    # "yesterday (16/01)", "on Sunday (19/01)": a coder's or editor's day and month in
    # brackets, in either order (the reading nearest the dateline is taken).
    _cased("bracketed", r"(?<=[(\[])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?=[)\]])"),
    _cased("month_year", rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
    _cased("month", rf"{_MONTH}(?![\w-])", rf"\b{_MONTH_LEAD}$"),
    # Holidays are capitalised: the lookahead skips every lower-case position cheaply.
    # "Mother's Day 2013": the year may follow
    _cased("holiday", rf"\b(?P<holiday>(?=[A-Z])(?i:{_HOLIDAY}))\b(?:,?\s+{_YEAR}\b)?", _LEAD_REL),
    _cased(
        "weekday",
        r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        r"(?:\s+(?i:morning|afternoon|evening|night))?\b",
        r"\b(?P<rel>(?i:last|next|this(?:\s+coming)?|the\s+coming|coming|on))\s+$",
    ),
    _lower(
        "relative_day",
        r"(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|"
        r"this\s+(?:morning|afternoon|evening)|last\s+night|earlier\s+today)\b",
    ),
    # The next three are found by their last word, and their opening words are looked for just
    # before it.
    _lower(
        "relative_period",
        r"(?P<unit>week(?:end)?|month|year)\b",
        r"\b(?P<rel>(?i:last|this|next|past|coming))\s+$",
        lead_required=True,
    ),
    _lower("ago", r"ago\b", rf"\b(?i:{_NUM}\s+{_UNIT})\s+$", lead_required=True),
    _lower(
        "anchored",
        r"(?P<dir>before|after|earlier|later|prior\s+to)\b",
        rf"\b(?i:{_NUM}\s+{_UNIT}|the\s+(?P<the>day))\s+$",
        lead_required=True,
    ),
    _lower(
        "anchored_ordinal",
        r"the\s+(?P<dir>previous|preceding|next|following)\s+(?P<unit>day|week|month|year)\b",
    ),
    _lower(
        "season",
        rf"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?{_YEAR})?\b",
        r"\b(?P<rel>(?i:last|this\s+past|this|next|early|late|in\s+the|during\s+the|over\s+the|"
        r"into\s+the|through\s+the|in|during))\s+$",
    ),
    # "the third quarter", "first-quarter profit", "the fourth quarter of 1998": fiscal and
    # calendar quarters, which business news dates by.
    _lower(
        "quarter",
        # "the 1988 second quarter" names its year first
        r"(?:(?P<year_first>(?:1[89]|20)\d{2})\s+)?"
        rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+of\s+{_YEAR}\b)?",
    ),
    # "the 1988 quarter": results news names a quarter by its year, the quarter of the year
    # the latest completed by the dateline is
    _lower("year_quarter", rf"the\s+{_YEAR}\s+quarter\b"),
    # "the quarter", "the latest quarter", "the year-earlier quarter": in results news, the last
    # quarter completed by the dateline (a year back for "year-earlier"/"year-ago").
    _lower(
        "quarter_rel",
        r"(?:the\s+(?P<qrel>latest\s+|current\s+|most\s+recent\s+|(?:comparable\s+)?year[-\s]"
        r"(?:earlier|ago)\s+|comparable\s+|fiscal\s+)?|this\s+)quarter\b"
        # "the year-ago period", "the latest period": results news' quarter by another name
        r"|(?:the\s+)?(?P<prel>latest\s+|(?:comparable\s+)?year[-\s](?:earlier|ago)\s+)period\b",
    ),
    # "for the year", "the fiscal year", "by the end of the year", "by year's end": the
    # dateline's year; "later that year": the year last named before it.
    _lower(
        "this_year",
        r"(?:(?P<that>that)|the(?:\s+(?:full|fiscal|current|calendar))?)\s+year\b(?!\s*-)"
        r"(?!\s+(?:ago|earlier|before|later|after|old))|year(?:['’]s\s+|[-\s])end\b",
    ),
    # "year-earlier net", "year-ago levels": the year before the dateline's (see
    # _quarters_a_year_back for results news).
    _lower("year_earlier", r"year[-\s](?:earlier|ago)\b(?!\s+(?:quarter|period))"),
    _cased(
        "year",
        rf"{_YEAR}\b(?!\s*(?:people|killed|dead|injured|wounded))",
        r"\b(?P<lead>(?i:in|since|until|by|during|from|before|after|early|late|mid|of|fiscal|"
        r"through|for|post|pre|calendar|the|last|this|next|and|or|to|between|around|year|"
        r"a|that|its|their|his|her|into|due|both)|['’]s)[\s-]+$",
        lead_required=True,
    ),
    # "in nineteen ninety-one": a year spoken, as broadcast transcripts write it
    _lower(
        "spoken_year",
        r"(?P<century>nineteen|twenty)[\s-]+(?P<rest>(?:ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|"
        r"eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)\b",
        r"\b(?P<lead>(?i:in|since|until|by|during|from|before|after))\s+$",
        lead_required=True,
    ),
]
_SPECIFICITY = {p.kind: i for i, p in enumerate(PATTERNS)}
DAY_KINDS = {"iso", "numeric", "mdy", "dmy", "bracketed"}
# Dates the text gives in full or by calendar name; the others count from the dateline.
STATED_KINDS = {
    "bracketed",
    "iso",
    "numeric",
    "mdy",
    "dmy",
    "month_year",
    "month",
    "holiday",
    "season",
    "year",
    "spoken_year",
    "quarter",
    "year_quarter",
}
_LEAD_REACH = 24
_DEADLINE_LEAD = re.compile(
    # "drive-by Sunday" is a shooting's day: "by" as a word of its own only
    r"(?<![-\w])(?:by|as\s+soon\s+as|no\s+later\s+than|deadline\s+of|postponed\s+(?:until|to)|"
    r"extended\s+(?:until|to)|delayed\s+(?:until|to))\s+$",
    re.IGNORECASE,
)
# "payable Dec. 7 to stock of record Nov. 22", "effective Feb. 1", "scheduled for March 3",
# "the Jan. 14 deadline": a date set ahead, whatever the tense of the report.
_AHEAD_LEAD = re.compile(
    r"(?<![-\w])(?:payable|of\s+record|effective|expir(?:es|ing)|due|(?:scheduled|set|slated)\s+"
    r"(?:for|on))\s+$",
    re.IGNORECASE,
)
_AHEAD_AFTER = re.compile(r"\s+(?:deadline|return\s+date|expiration)\b", re.IGNORECASE)


@dataclass(slots=True)
class DateMention:
    kind: str
    start: int
    end: int
    groups: dict[str, str | None]


def _candidates(text: str, lower: str | None) -> Iterator[DateMention]:
    for pattern in PATTERNS:
        for match in pattern.regex.finditer(text, lower):
            groups = match.groupdict()
            start = match.start()
            if pattern.lead is not None:
                lead = pattern.lead.search(text, max(0, start - _LEAD_REACH), start)
                if lead is not None:
                    start = lead.start()
                    groups.update(lead.groupdict())
                elif pattern.lead_required:
                    continue
            yield DateMention(pattern.kind, start, match.end(), groups)


def _non_overlapping(mentions: list[DateMention]) -> list[DateMention]:
    """Longest first, then the more specific pattern; no two kept mentions overlap. Kept spans
    stay sorted, so each check is a bisect, not a scan (an article may hold thousands)."""
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[DateMention] = []
    # A day-exact date beats a longer but vaguer reading of the same words ("in March 6").
    for m in sorted(
        mentions,
        key=lambda m: (m.kind not in DAY_KINDS, -(m.end - m.start), _SPECIFICITY[m.kind], m.start),
    ):
        at = bisect.bisect_left(starts, m.start)
        if (at > 0 and ends[at - 1] > m.start) or (at < len(starts) and starts[at] < m.end):
            continue
        starts.insert(at, m.start)
        ends.insert(at, m.end)
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


@dataclass(slots=True, kw_only=True)
class FoundDate:
    """A date expression and its calendar value (TIMEX3-style, at its granularity)."""

    text: str
    start: int  # character offsets in the article text
    end: int
    value: str
    granularity: str  # day | week | month | quarter | season | year
    basis: str  # stated | relative (counted from the publication date or an earlier date)

    def as_record(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "granularity": self.granularity,
            "basis": self.basis,
        }


def extract_dates(doc: Doc, published: dt.date) -> list[FoundDate]:
    text = columns(doc).full_text
    results: list[FoundDate] = []
    anchor = published
    for mention in _non_overlapping(list(_candidates(text, columns(doc).lower_text))):
        resolved = _resolve(mention, doc, published, anchor)
        if resolved is None:
            continue
        value, granularity = resolved
        if granularity == "day" and mention.kind != "numeric" and value <= published.isoformat():
            anchor = dt.date.fromisoformat(value)
        results.append(
            FoundDate(
                text=text[mention.start : mention.end],
                start=mention.start,
                end=mention.end,
                value=value,
                granularity=granularity,
                basis="stated" if mention.kind in STATED_KINDS else "relative",
            )
        )
    _quarters_a_year_back(results, text, published)
    _bracketed_days_settle(results, text)
    return results


_BRACKET_GAP = re.compile(
    r"\s*(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night|noon|midnight)?\s*[(\[]\s*",
    re.IGNORECASE,
)


def _bracketed_days_settle(results: list[FoundDate], text: str) -> None:
    """'yesterday (15 April) night', 'on Thursday [22 October]', 'yesterday morning (16/01)':
    the day in brackets right after a relative one says which day it is."""
    for before, after in pairwise(results):
        gap = text[before.end : after.start]
        if (
            before.basis == "relative"
            and before.granularity == "day"
            and after.granularity == "day"
            and after.basis == "stated"
            and _BRACKET_GAP.fullmatch(gap)
        ):
            before.value = after.value
            before.basis = "stated"


# How far back a quarter may be named for "a year earlier" to mean that quarter a year back.
QUARTER_CONTEXT_CHARS = 250
_A_YEAR_BACK = re.compile(
    r"^(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|last\s+year|year[-\s](?:earlier|ago))$",
    re.IGNORECASE,
)


def _quarters_a_year_back(results: list[FoundDate], text: str, published: dt.date) -> None:
    """Results news compares a quarter with the same quarter a year before: in "third-quarter
    profit rose from $2 million a year earlier", the year back is 1988's third quarter, not
    1988. A year-back phrase takes the quarter named in its sentence or just before it; with
    none named, a sentence of results ("net rose to $94 million, or 89 cents a share, from $85
    million a year ago") compares the last quarter the dateline closed, unless it counts months
    ("For the nine months ...") or names its own period's end."""
    quarters = [r for r in results if r.granularity == "quarter"]
    for r in results:
        if r.granularity != "year" or not _A_YEAR_BACK.match(r.text.strip()):
            continue
        near = [
            q
            for q in quarters
            if r.start - q.end < QUARTER_CONTEXT_CHARS and q.start < _sentence_end(text, r.end)
        ]
        if near:
            quarter = min(near, key=lambda q: abs(r.start - q.start)).value[-2:]
        elif _results_of_a_quarter(text, r, results):
            quarter = _last_quarter("", published)[-2:]
        else:
            continue
        r.value = f"{r.value[:4]}-{quarter}"
        r.granularity = "quarter"


# Words of a company's results, and of results over a span other than a quarter.
_RESULTS_WORDS = re.compile(
    r"\b(?:a\s+share|net\s+income|net\s+loss|earned|earnings|revenue|sales|profit)\b"
    r"|\bnet\s+(?:rose|fell|jumped|was|declined|advanced|climbed|of|increased|dropped)\b",
    re.IGNORECASE,
)
_OTHER_SPAN = re.compile(
    r"\b(?:months|half|fiscal|full[-\s]year|for\s+the\s+year|year\s+ended|annual)\b",
    re.IGNORECASE,
)


def _results_of_a_quarter(text: str, year_back: FoundDate, results: list[FoundDate]) -> bool:
    """'a year ago', 'year-earlier' (not 'last year', as often the whole year) in a sentence of
    quarterly results that names no other date."""
    if year_back.text.strip().lower().startswith("last"):
        return False
    stop = text.rfind(". ", 0, year_back.start)
    start = 0 if stop < 0 else stop + 2
    end = _sentence_end(text, year_back.end)
    sentence = text[start:end]
    others = [r for r in results if r is not year_back and start <= r.start < end]
    return (
        _RESULTS_WORDS.search(sentence) is not None
        and _OTHER_SPAN.search(sentence) is None
        and not others
    )


_POSSESSIVE_INCIDENT = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:shootings?|attacks?|killings?|slayings?|homicides?|"
    r"stabbings?|crash|robbery|blast|explosion|bombing|incident|murders?|raid|ambush|clash)\b",
    re.IGNORECASE,
)


def _sentence_end(text: str, start: int) -> int:
    end = text.find(". ", start)
    return len(text) if end < 0 else end


def _resolve(
    m: DateMention, doc: Doc, published: dt.date, anchor: dt.date
) -> tuple[str, str] | None:
    g = m.groups
    tense = None

    def tense_now() -> str | None:
        nonlocal tense
        if tense is None:
            tense = tense_at(doc, m.start, m.end) or "past"
        return tense

    def yearly_tense() -> str | None:
        # "The merger, planned since spring, is part of an effort to cut debt by April":
        # a clause in the present whose sentence looks ahead points a yearless date ahead
        # (weekdays keep the clause's tense: "is in custody after a shooting Wednesday")
        now = tense_now()
        if now == "present" and sentence_tense(doc, m.start) == "future":
            return "future"
        return now

    if m.kind == "weekday" and _POSSESSIVE_INCIDENT.match(columns(doc).full_text, m.end):
        tense = "past"  # "no charges in Tuesday's shooting": the day an incident happened
    elif _AHEAD_LEAD.search(
        columns(doc).full_text, max(0, m.start - _LEAD_REACH), m.start
    ) or _AHEAD_AFTER.match(columns(doc).full_text, m.end):
        tense = "future"
    elif _DEADLINE_LEAD.search(columns(doc).full_text, max(0, m.start - _LEAD_REACH), m.start):
        # "must be returned by Jan. 14", "as soon as Tuesday", "postponed until Tuesday": a
        # deadline lies ahead whatever the tense of the report ("ruled Wednesday that").
        tense = "future" if m.kind == "weekday" else "present"
    try:
        if m.kind == "iso":
            return dt.date(int(g["year"]), int(g["mon"]), int(g["day"])).isoformat(), "day"
        if m.kind == "numeric":
            return _numeric(columns(doc).full_text[m.start : m.end], published)
        if m.kind == "bracketed":
            return _bracketed(int(g["a"]), int(g["b"]), published), "day"
        if m.kind in {"mdy", "dmy"}:
            month, day = MONTHS[_month_key(g["month"])], int(g["day"])
            if g.get("year"):
                return dt.date(int(g["year"]), month, day).isoformat(), "day"
            dt.date(2024, month, day)  # raises for 31 April; 2024 accepts 29 February
            plain = by_tense(lambda y: _safe_date(y, month, day), published, yearly_tense())
            if g.get("wd") and abs((plain - published).days) > _WEEKDAY_SLIP_DAYS:
                # "Monday, Oct. 26": the year in which that day is a Monday, nearest the dateline
                on_weekday = _year_of_weekday(month, day, WEEKDAYS[g["wd"].lower()], published)
                if on_weekday is not None:
                    return on_weekday.isoformat(), "day"
            return plain.isoformat(), "day"
        if m.kind == "month_year":
            return f"{int(g['year']):04d}-{MONTHS[_month_key(g['month'])]:02d}", "month"
        if m.kind == "month":
            return _bare_month(g, published, yearly_tense)
        if m.kind == "holiday":
            make = HOLIDAYS[_holiday_key(g["holiday"])]
            if g.get("year"):
                return make(int(g["year"])).isoformat(), "day"
            rel = (g.get("rel") or "").lower()
            if rel == "last":
                return by_tense(make, published - dt.timedelta(days=1), "past").isoformat(), "day"
            if rel == "next":
                return by_tense(make, published + dt.timedelta(days=1), "future").isoformat(), "day"
            return by_tense(make, published, tense_now()).isoformat(), "day"
        if m.kind == "weekday":
            return _weekday(g, published, tense_now), "day"
        if m.kind == "relative_day":
            return _relative_day(g["word"], published), "day"
        if m.kind == "relative_period":
            return _relative_period(g["rel"].lower(), g["unit"].lower(), published)
        if m.kind == "ago":
            return _shift(published, g, -1)
        if m.kind == "anchored":
            direction = -1 if g["dir"].lower() in {"before", "earlier", "prior to"} else 1
            if g.get("the"):
                return (anchor + dt.timedelta(days=direction)).isoformat(), "day"
            return _shift(anchor, g, direction)
        if m.kind == "anchored_ordinal":
            direction = -1 if g["dir"].lower() in {"previous", "preceding"} else 1
            return _shift(anchor, {"num": "1", "unit": g["unit"]}, direction)
        if m.kind == "season":
            return _season(g, published, tense_now)
        if m.kind == "year":
            return g["year"], "year"
        if m.kind == "this_year":
            return f"{(anchor if g.get('that') else published).year:04d}", "year"
        if m.kind == "spoken_year":
            century = 1900 if g["century"] == "nineteen" else 2000
            return f"{century + (parse_count(g['rest']) or 0):04d}", "year"
        if m.kind == "year_earlier":
            return f"{published.year - 1:04d}", "year"
        if m.kind == "quarter":
            return _quarter(g, published), "quarter"
        if m.kind == "quarter_rel":
            return _last_quarter(g.get("qrel") or g.get("prel") or "", published), "quarter"
        if m.kind == "year_quarter":
            return f"{g['year']}-{_last_quarter('', published)[-2:]}", "quarter"
    except (ValueError, KeyError, OverflowError):
        return None
    return None


# Within this many days of the dateline a yearless date keeps the dateline's year even if
# its weekday disagrees: "Wednesday, Jan. 2" four days into 2014 is a slip of the weekday
# (2 January 2014 was a Thursday), far likelier than a report of a day a year back.
_WEEKDAY_SLIP_DAYS = 45


def _year_of_weekday(month: int, day: int, weekday: int, published: dt.date) -> dt.date | None:
    fits = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date.weekday() == weekday:
            fits.append(date)
    return min(fits, key=lambda d: abs((d - published).days)) if fits else None


def _bracketed(a: int, b: int, published: dt.date) -> str:
    readings = []
    for day, month in ((a, b), (b, a)):
        try:
            readings.append(by_tense(lambda y, d=day, m=month: dt.date(y, m, d), published, None))
        except ValueError:
            continue
    if not readings:
        raise ValueError("no calendar day")
    return min(readings, key=lambda d: abs((d - published).days)).isoformat()


def _month_key(word: str) -> str:
    return word.lower().rstrip(".")


def _safe_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February in a common year: the day before
        return dt.date(year, month, day - 1)


def _holiday_key(text: str) -> str:
    key = re.sub(r"\s+", " ", text.lower().replace("’", "'"))
    if key.startswith("new year") and "'" not in key:
        key = key.replace("new years", "new year's").replace("new year ", "new year's ")
    return key


def _bare_month(g: dict, published: dt.date, tense_now) -> tuple[str, str] | None:
    word = _month_key(g["month"])
    lead = re.sub(r"[\s-]+", " ", (g.get("lead") or "").lower()).strip()
    if word in AMBIGUOUS_MONTHS and not lead:
        return None  # "May" the verb, "March" the walk
    month = MONTHS[word]
    if lead == "last":
        year = published.year if month < published.month else published.year - 1
    elif lead == "next":
        year = published.year if month > published.month else published.year + 1
    elif lead == "this":
        year = published.year
    else:
        year, _ = month_by_tense(month, published, tense_now())
    return f"{year:04d}-{month:02d}", "month"


LAST_WEEKDAY_SKIP_DAYS = 2


def _weekday(g: dict, published: dt.date, tense_now) -> str:
    weekday = WEEKDAYS[g["weekday"].lower()]
    rel = (g.get("rel") or "").lower()
    if rel == "last":
        day = weekday_by_tense(weekday, published - dt.timedelta(days=1), "past")
        # News says "Tuesday" for the days just gone: "last Tuesday" written on a Wednesday
        # is the week before's.
        if (published - day).days <= LAST_WEEKDAY_SKIP_DAYS:
            day -= dt.timedelta(days=7)
        return day.isoformat()
    if rel == "next" or "coming" in rel:  # "this coming Sunday"
        return weekday_by_tense(weekday, published, "future").isoformat()
    return weekday_by_tense(weekday, published, tense_now()).isoformat()


def _relative_day(word: str, published: dt.date) -> str:
    word = re.sub(r"\s+", " ", word.lower())
    offsets = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tomorrow": 1}
    return (published + dt.timedelta(days=offsets.get(word, 0))).isoformat()


def _relative_period(rel: str, unit: str, published: dt.date) -> tuple[str, str]:
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit.startswith("week"):
        return iso_week(published + dt.timedelta(weeks=step)), "week"
    if unit == "month":
        year, month = add_months(published, step)
        return f"{year:04d}-{month:02d}", "month"
    return f"{published.year + step:04d}", "year"


def _shift(base: dt.date, g: dict, direction: int) -> tuple[str, str] | None:
    count = parse_count(g["num"]) if g["num"].lower() not in {"a", "an"} else 1
    if count is None:
        return None
    unit = g["unit"].lower().rstrip("s")
    if unit == "day":
        return (base + dt.timedelta(days=direction * count)).isoformat(), "day"
    if unit == "week":
        return iso_week(base + dt.timedelta(weeks=direction * count)), "week"
    if unit == "month":
        year, month = add_months(base, direction * count)
        return f"{year:04d}-{month:02d}", "month"
    return f"{base.year + direction * count:04d}", "year"


def _season(g: dict, published: dt.date, tense_now) -> tuple[str, str] | None:
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    if not rel and not g.get("year"):
        return None  # "spring" the verb, "fall" the noun
    code, first_month = SEASONS[g["season"].lower()]
    if g.get("year"):
        return f"{g['year']}-{code}", "season"
    current = published.year
    season_start = dt.date(current, first_month, 1)
    if rel in {"last", "this past"}:  # "scrapped it this past spring"
        year = current - 1 if season_start > published or first_month == 12 else current
        if year == current and _in_season(published, first_month):
            year -= 1
    elif rel == "next":
        year = current if season_start > published else current + 1
    elif rel == "this":
        year = current
    else:
        year = by_tense(lambda y: dt.date(y, first_month, 1), published, tense_now()).year
    return f"{year}-{code}", "season"


_QUARTERS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def _quarter(g: dict, published: dt.date) -> str:
    number = _QUARTERS[g["ord"].lower()]
    if g.get("year") or g.get("year_first"):
        return f"{g.get('year') or g['year_first']}-Q{number}"
    # Results are reported after a quarter ends: the latest such quarter begun by the dateline.
    year = published.year if (number - 1) * 3 + 1 <= published.month else published.year - 1
    return f"{year}-Q{number}"


def _last_quarter(rel: str, published: dt.date) -> str:
    current = (published.month - 1) // 3 + 1
    year, number = (published.year, current - 1) if current > 1 else (published.year - 1, 4)
    if "year" in rel:
        year -= 1
    return f"{year}-Q{number}"


def _in_season(day: dt.date, first_month: int) -> bool:
    return first_month <= day.month < first_month + 3


def _numeric(text: str, published: dt.date) -> tuple[str, str] | None:
    parsed = _dateparser_parse(text, published.isoformat())
    return (parsed, "day") if parsed else None


@lru_cache(maxsize=4096)
def _dateparser_parse(text: str, published_iso: str) -> str | None:
    import dateparser

    base = dt.datetime.fromisoformat(published_iso)
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "MDY",
            "STRICT_PARSING": True,
        },
    )
    return parsed.date().isoformat() if parsed else None
