"""Which dates say when something was reported or processed rather than when it happened:
"police said Thursday", "was arrested on Saturday", "appeared before a judge Monday". A story
published days after an incident dates its follow-ups in the lead; the incident's own day is
the one attached to the attack or casualty clause. Also the dates of a later death ("died
Friday after being shot Thursday") and the page's own time stamp."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from pipeline.enrich.common.tokens import columns, parsed
from pipeline.enrich.dates.expressions import FoundDate
from pipeline.enrich.dates.words import PROCESS_VERBS, TIME_FILLERS
from pipeline.enrich.incidents.words import INCIDENT_NOUNS

CLOCK = re.compile(r"\d{1,2}(?::\d\d)?")
MAX_CLIMB = 6


def _dated_verbs(doc: Doc, dates: list[FoundDate]) -> Iterator[tuple[FoundDate, Span, Token]]:
    """Each date of a parsed Doc with its tokens and the verb it hangs from (see _verb_above)."""
    if not parsed(doc):
        return
    for date in dates:
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        verb = _verb_above(span.root)
        if verb is not None:
            yield date, span, verb


def process_date_starts(doc: Doc, dates: list[FoundDate]) -> set[int]:
    """Character starts of the dates whose clause is a report or a police/court step."""
    starts = set()
    for date, span, verb in _dated_verbs(doc, dates):
        # "police said Thursday", "was arrested on Saturday": the date after the verb dates it;
        # a date put before a verb of telling ("A day before the attack, Ukraine reported that 39
        # were killed") dates what is told.
        if not _process_verb(verb) or _follows_incident_noun(doc, span.start):
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} and _incident_noun(c) for c in verb.children):
            continue  # "the shooting was reported shortly after 10:30 p.m. Tuesday": its hour
        reported = any(child.dep_ == "ccomp" for child in verb.children)
        if verb.idx < date.start or not reported:
            starts.add(date.start)
    return starts


def _process_verb(verb: Token) -> bool:
    """A verb of reporting or processing, or a state said to go on: "a man who remained
    hospitalized Wednesday had been shot" (the parser takes "remained" for an auxiliary), "two
    teenagers remain hospitalized Wednesday" (or "hospitalized" for its complement)."""
    if verb.lower_ in PROCESS_VERBS:
        return True
    if any(child.dep_ == "acomp" and child.lower_ == "available" for child in verb.children):
        return True  # "no description was available from police on Wednesday night"
    if verb.dep_ in {"acomp", "xcomp"} and verb.head.lower_ in LASTING_AUXILIARIES:
        return True
    return any(
        child.dep_ in {"aux", "auxpass"} and child.lower_ in LASTING_AUXILIARIES
        for child in verb.children
    )


LASTING_AUXILIARIES = {"remained", "remains", "remain"}


# Forms, not lemmas: the pipeline runs no lemmatizer. "passed" counts with "away" only.
DEATH_VERBS = {"died", "dies", "succumbed", "succumbs", "passed"}


def death_date_starts(doc: Doc, dates: list[FoundDate]) -> set[int]:
    """Character starts of the dates of a death that followed the attack: "died Friday after
    being shot Thursday", "succumbed to his wounds on Monday". The attack's own date, where the
    sentence gives it too, is the incident's."""
    return {
        date.start
        for date, _, verb in _dated_verbs(doc, dates)
        if verb.lower_ in DEATH_VERBS
        and (verb.lower_ != "passed" or any(c.lower_ == "away" for c in verb.children))
    }


def _incident_noun(token: Token) -> bool:
    return token.lower_ in INCIDENT_NOUNS or token.lower_.removesuffix("s") in INCIDENT_NOUNS


def _follows_incident_noun(doc: Doc, start: int) -> bool:
    cols = columns(doc)
    i = start - 1
    while i >= 0 and (cols.lowers[i] in TIME_FILLERS or CLOCK.fullmatch(cols.texts[i])):
        i -= 1
    return i >= 0 and _incident_noun(doc[i])


def _verb_above(token: Token) -> Token | None:
    """The verb the date hangs from; None when it hangs from an incident noun first."""
    for _ in range(MAX_CLIMB):
        if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
            return token
        if _incident_noun(token):
            return None  # the date hangs from the incident it dates, whatever verb is above
        if token.head.i == token.i:
            return None
        token = token.head
    return None


# A page's own time stamp: "Posted: Tuesday, May 27, 2014 4:43 PM EDT", "(Published Monday,
# Feb. 3, 2014)", or a dated clock time heading the page ("March 1, 2014 5:40 PM"). It dates
# the page, not the incident (a police blotter's "Date: January 1, 2014, 23:11" is further in).
_STAMP_LABEL = re.compile(
    r"(?:posted|updated|published|last\s+updated)\s*(?:on|at)?\s*:?\s*"
    r"(?:\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[ECMP][SD]T)?\s*,?\s*)?$",  # "Posted 3:57 AM, May 26"
    re.IGNORECASE,
)
_CLOCK_AFTER = re.compile(r"^,?\s*(?:at\s+)?\d{1,2}:\d\d\s*(?:[ap]\.?m\b|\s*[ECMP][SD]T\b)", re.I)
HEADER_CHARS = 100


def timestamp_starts(text: str, dates: list[FoundDate]) -> set[int]:
    """Character starts of the dates that stamp the page (see above)."""
    starts = set()
    for date in dates:
        if date.granularity != "day":
            continue
        if _STAMP_LABEL.search(text[max(0, date.start - 30) : date.start]) or (
            date.start < HEADER_CHARS and _CLOCK_AFTER.match(text[date.end : date.end + 20])
        ):
            starts.add(date.start)
    return starts
