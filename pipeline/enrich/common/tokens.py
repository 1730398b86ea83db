"""Per-Doc token columns (texts, lower-cased texts, character offsets) and the Doc's text, made
once and kept in doc.user_data: every extractor scans tokens, each `doc[i]` builds a new Token
object, and `doc.text` joins every token again on each call."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from pipeline.enrich.common.wordscan import lowered

_KEY = "newsflow.tokens"


@dataclass(frozen=True, slots=True)
class Columns:
    full_text: str
    lower_text: str | None  # None when lower-casing changes the offsets (see wordscan)
    texts: list[str]
    lowers: list[str]
    starts: list[int]
    ends: list[int]

    def text(self, start: int, end: int) -> str:
        """The text of tokens start..end-1 as written (with its own spacing)."""
        return self.full_text[self.starts[start] : self.ends[end - 1]]


def columns(doc: Doc, text: str | None = None) -> Columns:
    """The Doc's columns, built on first use. `text`: the text the Doc was made from, which saves
    joining the tokens again (spaCy's tokenizer keeps every character of its input)."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        bounds = doc.to_array([IDX, LENGTH])
        starts = bounds[:, 0].tolist()
        ends = (bounds[:, 0] + bounds[:, 1]).tolist()
        if text is None or len(doc) == 0 or len(text) != ends[-1] + len(doc[-1].whitespace_):
            text = doc.text
        texts = list(map(text.__getitem__, map(slice, starts, ends)))
        cached = Columns(
            full_text=text,
            lower_text=lowered(text),
            texts=texts,
            lowers=[t.lower() for t in texts],
            starts=starts,
            ends=ends,
        )
        doc.user_data[_KEY] = cached
    return cached


def parsed(doc: Doc) -> bool:
    """Tagged and parsed, worked out once per Doc: has_annotation scans every token of an
    untagged Doc, and an article may hold thousands of dates."""
    cached = doc.user_data.get("newsflow.parsed")
    if cached is None:
        cached = doc.has_annotation("TAG") and doc.has_annotation("DEP")
        doc.user_data["newsflow.parsed"] = cached
    return cached
