"""Per-Doc token columns (texts, lower-cased texts, character offsets) and the Doc's text, made
once and kept in doc.user_data: every extractor scans tokens, each `doc[i]` builds a new Token
object, and `doc.text` joins every token again on each call."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

_KEY = "newsflow.tokens"


@dataclass(frozen=True, slots=True)
class Columns:
    full_text: str
    texts: list[str]
    lowers: list[str]
    starts: list[int]
    ends: list[int]

    def text(self, start: int, end: int) -> str:
        """The text of tokens start..end-1 as written (with its own spacing)."""
        return self.full_text[self.starts[start] : self.ends[end - 1]]


def columns(doc: Doc) -> Columns:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        texts = [t.text for t in doc]
        starts = [t.idx for t in doc]
        cached = Columns(
            full_text=doc.text,
            texts=texts,
            lowers=[t.lower() for t in texts],
            starts=starts,
            ends=[s + len(t) for s, t in zip(starts, texts, strict=True)],
        )
        doc.user_data[_KEY] = cached
    return cached
