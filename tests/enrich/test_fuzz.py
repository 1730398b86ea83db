"""Any text and any date: every extractor returns, and every span lies inside the text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.enrich.casualties.figures import extract_figures
from pipeline.enrich.dates.expressions import extract_dates
from pipeline.enrich.incidents.accused import extract_accused
from pipeline.enrich.incidents.weapons import extract_weapons
from pipeline.enrich.places.resolve import extract_places

NEWSY = st.sampled_from(
    [
        "killed",
        "injured",
        "at least",
        "21",
        "twenty-one",
        "people",
        "were",
        "on Monday",
        "in",
        "Belgorod",
        "February",
        "New Year's Eve",
        "a day before",
        "the attack",
        "no one",
        "dozens of",
        "between",
        "and",
        "10-15",
        ",",
        ".",
        "including",
        "children",
        "was shot",
        "died",
        "May",
        "accused",
        "of",
        "Ukraine",
        "missiles",
        "2023",
        "last week",
        "a 17-year-old",
        "\u200f",
        "д",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(NEWSY, max_size=60).map(" ".join))
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
COMMON = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def inside(text, start, end):
    return 0 <= start <= end <= len(text)


@COMMON
@given(text=TEXTS, published=DATES)
def test_dates_any_input(blank_doc, text, published):
    for d in extract_dates(blank_doc(text), published):
        assert inside(text, d.start, d.end) and text[d.start : d.end] == d.text


@COMMON
@given(text=TEXTS)
def test_casualties_any_input(blank_doc, text):
    for f in extract_figures(blank_doc(text)):
        assert inside(text, f.start, f.end)
        assert f.min is None or f.min >= 0


@COMMON
@given(text=TEXTS)
def test_places_weapons_accused_any_input(blank_doc, text):
    doc = blank_doc(text)
    for place in extract_places(doc):
        for start, end in place.mentions:
            assert inside(text, start, end)
    for w in extract_weapons(doc):
        assert inside(text, w.start, w.end)
    for a in extract_accused(doc):
        assert inside(text, a.start, a.end)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS, published=DATES)
def test_with_the_model(model_doc, text, published):
    doc = model_doc(text)
    for date in extract_dates(doc, published):
        assert inside(text, date.start, date.end) and date.value[:4].isdigit()
    for figure in extract_figures(doc):
        assert inside(text, figure.start, figure.end)
        assert all(n is None or n >= 0 for n in (figure.min, figure.max))
    for place in extract_places(doc):
        assert place.mentions and -90 <= (place.lat or 0) <= 90
