"""Weapons named in the text, filed under one canonical name each ('missile strikes' → missiles).

Matched with spaCy's PhraseMatcher on lower-cased tokens: one pass in C over the Doc, where a
regex alternation of a hundred spellings would try each of them at every word."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.enrich.incidents.words import DEFENSIVE, WEAPONS


@dataclass(frozen=True, slots=True)
class WeaponMention:
    name: str
    start: int
    end: int


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(vocab: Vocab) -> PhraseMatcher:
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        from spacy.lang.en import English

        tokenizer = English(vocab=vocab).tokenizer
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for name, spellings in WEAPONS.items():
            matcher.add(name, [tokenizer(s) for s in spellings])
        _MATCHERS[id(vocab)] = matcher
    return matcher


def extract_weapons(doc: Doc) -> list[WeaponMention]:
    matches = _matcher(doc.vocab)(doc, as_spans=True)
    kept: list[WeaponMention] = []
    taken: set[int] = set()
    for span in sorted(matches, key=lambda s: (-len(s), s.start)):
        if taken.intersection(range(span.start, span.end)):
            continue
        before = {t.lower_ for t in doc[max(span.start - 2, 0) : span.start]}
        if before & DEFENSIVE:
            continue
        taken.update(range(span.start, span.end))
        kept.append(WeaponMention(span.label_, span.start_char, span.end_char))
    return sorted(kept, key=lambda w: w.start)
