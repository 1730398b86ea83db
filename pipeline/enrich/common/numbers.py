"""Counts written as digits or words: '21', '1,200', 'twenty-one', 'a dozen', 'two dozen',
'three hundred'."""

from __future__ import annotations

import re

from text_to_num import text2num

# Word numbers are a closed class; this lexicon only decides which words to hand to text2num.
NUMBER_WORDS = {
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
}
SINGLE = {"a", "an", "one", "single", "lone"}
PAIR = {"both": 2, "couple": 2, "pair": 2}
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{1,9}$")
MAX_COUNT = 10_000_000  # beyond any casualty count; bigger "numbers" are noise (ids, 10^400)


def parse_count(words: str) -> int | None:
    """'21' → 21, 'twenty-one' → 21, 'a dozen' → 12, 'two dozen' → 24, 'three hundred' → 300;
    None if not a count."""
    text = words.strip().lower().replace("\u2011", "-")
    if not text:
        return None
    if DIGITS.match(text):
        value = int(text.replace(",", ""))
        return value if value <= MAX_COUNT else None
    if text in {"a dozen", "dozen", "one dozen"}:
        return 12
    if text in PAIR:
        return PAIR[text]
    parts = re.split(r"[\s-]+", text)
    if len(parts) > 1 and parts[-1] == "dozen" and parts[0] not in SINGLE:
        dozens = parse_count(" ".join(parts[:-1]))  # "two dozen", "three dozen"
        return None if dozens is None else dozens * 12
    if (
        parts
        and parts[0] in SINGLE
        and len(parts) > 1
        and parts[1] in {"hundred", "thousand", "dozen"}
    ):
        parts[0] = "one"
    if not parts or not all(p in NUMBER_WORDS or p == "and" for p in parts):
        return None
    try:
        value = text2num(" ".join(p for p in parts if p != "and"), "en")
    except ValueError:
        return None
    return value if 0 <= value <= MAX_COUNT else None
