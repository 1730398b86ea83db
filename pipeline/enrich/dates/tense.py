"""Is the clause around a date past, present or future? Decides which February 'February' is.

With a tagged doc the governing verb decides (VBD, 'has/had + VBN' → past; 'will', 'to',
present forms → not past). Untagged docs (spacy.blank) fall back to marker words."""

from __future__ import annotations

import bisect
from typing import Literal

from spacy.tokens import Doc, Token

from pipeline.enrich.common.tokens import parsed
from pipeline.enrich.dates.words import FUTURE_AUX, FUTURE_MARKERS, PAST_AUX, TENSE_AUX

Tense = Literal["past", "future", "present"]
MAX_CLIMB = 8


def tense_at(doc: Doc, start_char: int, end_char: int) -> Tense | None:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if parsed(doc):
        verb = _after_a_break(doc, span) or _governing_verb(span.root)
        if verb is not None:
            return _verb_tense(verb)
    return _sentence_tense(doc, span.start)


def _after_a_break(doc: Doc, span) -> Token | None:
    """'... Expected to Survive  On Friday afternoon police responded': a date that opens a
    paragraph the sentence splitter ran into the headline before it belongs to the first
    finite verb after it, not to the headline's."""
    before = doc.text[max(0, span.start_char - 2) : span.start_char]
    if span.start == 0 or len(before) < 2 or not before.isspace():
        return None
    sentence_end = span.sent.end if doc.has_annotation("SENT_START") else len(doc)
    return next(
        (t for t in doc[span.end : sentence_end] if t.tag_ in FINITE_TAGS),
        None,
    )


def sentence_tense(doc: Doc, start_char: int) -> Tense:
    """Marker-word tense of the sentence around a character offset."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    return _sentence_tense(doc, span.start if span is not None and len(span) else 0)


def _sentence_tense(doc: Doc, token: int) -> Tense:
    """Marker-word tense of the sentence holding `token`, worked out once per sentence (a
    sentence can hold thousands of dates)."""
    cached = doc.user_data.get("newsflow.sentence_tense")
    if cached is None:
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        cached = ([s.start for s in sentences], [_marker_tense(s) for s in sentences])
        doc.user_data["newsflow.sentence_tense"] = cached
    starts, tenses = cached
    return tenses[max(bisect.bisect_right(starts, token) - 1, 0)]


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _governing_verb(token: Token) -> Token | None:
    """The nearest finite verb above the date; gerunds ('a drive-by shooting') and bare
    participles ('after being struck') are climbed past, since they carry no tense."""
    for _ in range(MAX_CLIMB):
        if token.tag_ in FINITE_TAGS:
            return token
        if token.tag_.startswith("VB") and any(
            c.lower_ in TENSE_AUX for c in token.children if c.dep_ in {"aux", "auxpass"}
        ):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token) -> Tense:
    aux = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    if aux & FUTURE_AUX or (verb.tag_ == "MD" and verb.lower_ in FUTURE_AUX):
        return "future"  # "will vote Monday", "must be returned by Jan. 14"
    if _marks_future(verb) or _marks_future(verb.head):
        # "is planned for", "approaches ... in February", "plans to visit in March"; an
        # infinitive under another verb is not ("declined to comment Saturday").
        return "future"
    if any(child.lower_ == "to" and child.dep_ == "aux" for child in verb.children):
        return _verb_tense(verb.head) if verb.head.i != verb.i else "present"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and aux & PAST_AUX) or aux & {"did", "had"}:
        return "past"
    if verb.tag_ == "VBN" and not aux & {"is", "are", "am", "be", "being"}:
        return "past"  # "the man killed on Monday"
    return "present"


def _marks_future(verb: Token) -> bool:
    # "is set to vote", "set for Monday"; but "set two buses afire" is a past act.
    return verb.lower_ in FUTURE_MARKERS and not (verb.lower_ == "set" and verb.tag_ == "VBD")


def _marker_tense(words) -> Tense:
    lowered = {t.lower_ for t in words}
    return "future" if lowered & FUTURE_MARKERS else "past"
