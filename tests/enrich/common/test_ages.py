"""Ages that stand for a person or come before one (common.ages), on a blank pipeline."""

import pytest

from pipeline.enrich.common.ages import age_start
from pipeline.enrich.common.tokens import columns


def starts(doc) -> list[tuple[str, str]]:
    columns(doc)
    found = []
    for token in doc:
        start = age_start(doc, token.i)
        if start is not None:
            found.append((doc[start].text, token.text))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 17-year-old was shot.", [("17", "old")]),
        ("A 9-month-old girl was hurt.", [("9", "old")]),
        ("13 year old Dashawn Pryor died.", [("13", "old")]),
        ("The two year old who shot himself has died.", [("two", "old")]),
        # a predicate, not an age before a person
        ("The victim was 45 years old.", []),
        # an age that runs on into a compound ("a 17-year-old-boy") ends later
        ("A 17-year-old-boy was shot.", []),
        ("The old man was shot.", []),
    ],
)
def test_where_an_age_starts(blank_doc, text, expected):
    assert starts(blank_doc(text)) == expected
