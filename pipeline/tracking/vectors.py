"""A cheap vector of an article's lead for comparing reports: hashed word unigrams and bigrams,
weighted by an inverse document frequency learnt from the reports seen so far, so that the words
every shooting story shares ("police", "shot", "said") weigh little and names weigh much."""

from __future__ import annotations

import calendar
import math
import re
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

BUCKETS = 1 << 18  # hashed features: collisions are rare at a lead's ~60 words
LEAD_CHARS = 600
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "has",
        "have",
        "had",
        "it",
        "its",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "this",
        "that",
        "who",
        "which",
        "when",
        "where",
        "after",
        "before",
        "about",
        "into",
        "than",
        "then",
        "said",
        "says",
        "say",
        "told",
        "according",
        "also",
        "not",
        "no",
    ]
)

Vector = dict[int, float]
NAMES_CHARS = 3000
# Runs of capitalised words: streets, businesses, victims, schools ("West Ann Street").
_NAME_RUN = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def features(text: str) -> array:
    """Hashed word unigrams and bigrams of the lead, sorted, 4 bytes each (an open incident
    keeps those of each of its reports)."""
    words = [w for w in _WORD.findall(text[:LEAD_CHARS].lower()) if w not in _STOP]
    grams = words + [f"{a} {b}" for a, b in pairwise(words)]
    return array("I", sorted({zlib.crc32(g.encode()) % BUCKETS for g in grams}))


def name_features(text: str) -> array:
    """Hashed runs of capitalised words inside sentences (a sentence's first word is left out:
    it is capitalised whatever it is), each run and each of its words; days and months are
    left out, as every report of the week names them."""
    grams = set()
    for run in _NAME_RUN.findall(text[:NAMES_CHARS]):
        words = [w for w in run.split() if w.lower() not in _CALENDAR_WORDS]
        if not words:
            continue
        run = " ".join(words)
        grams.add("n:" + run.lower())
        grams.update("n:" + w.lower() for w in words if len(w) > 3)
    return array("I", sorted(zlib.crc32(g.encode()) % BUCKETS for g in grams))


_CALENDAR_WORDS = frozenset(
    name.lower() for name in (*calendar.day_name, *calendar.month_name) if name
)


class DocumentFrequencies:
    """How many reports held each hashed feature: a fixed-size table, so memory is bounded."""

    def __init__(self) -> None:
        self.counts = array("I", bytes(4 * BUCKETS))
        self.reports = 0

    def add(self, *hashed: Iterable[int]) -> None:
        """One report's features (of its lead and of its names: their hashes do not meet)."""
        self.reports += 1
        for features_ in hashed:
            for h in features_:
                self.counts[h] += 1

    def vector(self, hashed: array) -> Vector:
        n = self.reports + 1
        weights = {h: math.log(n / (1 + self.counts[h])) + 1.0 for h in hashed}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {h: w / norm for h, w in weights.items()}


@dataclass(frozen=True, slots=True)
class Vectors:
    """A report's two weighted vectors: its lead's words, and its text's names."""

    lead: Vector
    names: Vector


def cosine(a: Vector, b: Vector) -> float:
    """The dot product (vectors come normalised; divide by the norm of a sum yourself)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(a[h] * b[h] for h in a.keys() & b.keys())
