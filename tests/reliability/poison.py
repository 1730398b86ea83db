"""The poison classes the reliability tests throw at the pipeline, and what each should become."""

from __future__ import annotations

import orjson


def _article(ident: str, text: str, published: str = "2024-03-01") -> bytes:
    return orjson.dumps({"id": ident, "published": published, "text": text})


# name → (raw bytes, where it must end up: a DLQ reason fragment, or "enriched")
POISON: dict[str, tuple[bytes, str]] = {
    "invalid-utf8": (b'{"id": "x", "text": "caf\xe9"}', "not UTF-8"),
    "nul-bytes": (_article("nul", "Two people\u0000 were killed."), "NUL"),
    "invalid-json": (b'{"id": "broken", "text": ', "not JSON"),
    "wrong-shape": (b'"just a string"', "expected a JSON object"),
    "missing-date": (
        orjson.dumps({"id": "nodate", "text": "Three were hurt."}),
        "'published' is missing",
    ),
    "bad-date": (
        _article("baddate", "Three were hurt.", published="31/31/2024"),
        "not an ISO date",
    ),
    "empty-text": (_article("empty", "   "), "'text' is empty"),
    "ten-megabytes": (_article("huge", "word " * 2_000_000), "over the limit"),
    "million-char-line": (_article("line", "x" * 1_000_000), "over the limit"),
    "long-run-no-spaces": (
        _article("run", "Intro. " + "(" * 60_000 + " end."),
        "without whitespace",
    ),
    "deep-json": (
        b'{"id": "deep", "text": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        "nested too deeply",
    ),
    "huge-number": (
        _article(
            "bignum",
            "Reports said 10^400 killed, or "
            + "9" * 400
            + " people were killed, in the clash on Monday.",
        ),
        "enriched",
    ),
    "mixed-scripts-rtl": (
        _article(
            "rtl",
            "قتل ثلاثة أشخاص في انفجار. Three people were killed in "
            "Gaza on Monday, officials said. נפצעו חמישה. Пятеро ранены.",
        ),
        "enriched",
    ),
}
# The same id twice with different content: the sink keeps the first.
DUPLICATES = (
    _article("dup", "Two people were killed on Monday."),
    _article("dup", "Five people were injured on Tuesday."),
)
