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
