"""The headline, read as the article's first sentence.

A headline states the story's facts in its fewest words ("2 dead, 3 hurt in Elm Street
shooting"), and a scraped text often starts with a caption, a video list or a paywall notice
instead. So the model reads the title, then the text, as one document; what the title says can
set an event's figures, date and place. Every span of the record indexes into `text` alone, as
the schema promises: spans inside the title are left out, the others shifted back."""

from __future__ import annotations

import re

from pipeline.records import Article

SEPARATOR = "\n\n"
# What parts a page title: "headline - Outlet", "headline | Outlet | Section".
_TITLE_PARTS = re.compile(r"\s+[-–—]\s+|\s*\|\s*")
# A text that opens with its own title (many scrapes do) is read once.
_OPENING_SLACK = 40


def analysed_text(article: Article) -> tuple[str, int]:
    """(what the model reads, the length of the title part before the article's text)."""
    title = " ".join(title_parts(article.title or "")[0].split())
    if not title or _opens_with(article.text, title):
        return article.text, 0
    if title[-1] not in ".!?":
        title += "."  # a sentence of its own, not the start of the text's first one
    prefix = title + SEPARATOR
    return prefix + article.text, len(prefix)


def title_parts(title: str) -> list[str]:
    """'Man shot on Elm St. - WXYZ Columbus, GA News' → the headline, then the outlet's name
    (places.outlet reads where the outlet is from it; the headline alone is the story's)."""
    return _TITLE_PARTS.split(title)


def _opens_with(text: str, title: str) -> bool:
    opening = " ".join(text[: len(title) + _OPENING_SLACK].split()).lower()
    return opening.startswith(title.lower().rstrip(".!?"))


def text_spans_only(record: dict, offset: int) -> dict:
    """The record with its spans indexing into `text`: those inside the title (before
    `offset`) left out, the others shifted back. Places named only in the title leave the
    list of the article's places (an event keeps its place)."""
    if not offset:
        return record

    def kept(items: list[dict]) -> list[dict]:
        return [
            {**item, "start": item["start"] - offset, "end": item["end"] - offset}
            for item in items
            if item["start"] >= offset
        ]

    record["entities"] = kept(record["entities"])
    record["dates"] = kept(record["dates"])
    places = []
    for place in record["places"]:
        mentions = [[s - offset, e - offset] for s, e in place["mentions"] if s >= offset]
        if mentions:
            places.append({**place, "mentions": mentions})
    record["places"] = places
    new_index: dict[int, int] = {}
    casualties = []
    for index, figure in enumerate(record["casualties"]):
        if figure["start"] >= offset:
            new_index[index] = len(casualties)
            casualties.append(figure)
    record["casualties"] = [
        {
            **figure,
            "start": figure["start"] - offset,
            "end": figure["end"] - offset,
            "subset_of": new_index.get(figure["subset_of"]),
        }
        for figure in casualties
    ]
    for event in record["events"]:
        event["evidence"] = [[s - offset, e - offset] for s, e in event["evidence"] if s >= offset]
    return record
