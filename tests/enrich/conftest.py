"""Two kinds of Doc: the real model (for NER, tags, parse) and spacy.blank with a sentencizer
(rule tests that must not depend on what the statistical model guesses)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc


@pytest.fixture(scope="session")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def model() -> Language:
    from pipeline.enrich.common.model import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def blank_doc(blank: Language) -> Callable[[str], Doc]:
    return blank


@pytest.fixture(scope="session")
def model_doc(model: Language) -> Callable[[str], Doc]:
    return model


@pytest.fixture(scope="session")
def enrich(model: Language) -> Callable[..., dict]:
    """The record newsflow writes for one article of `text`; other article fields by keyword
    (source=, url=, title=)."""
    from pipeline.enrich.enricher import Enricher
    from pipeline.records import Article

    enricher = Enricher(nlp=model)

    def run(text: str, *, published: str = "2015-03-02", **fields: str | None) -> dict:
        return enricher.enrich(Article(id="t", published=published, text=text, **fields))

    return run
