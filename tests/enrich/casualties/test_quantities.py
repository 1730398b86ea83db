"""Numbers that are no counts of people (casualties.quantities), on a blank pipeline: the
rules read words, not the model's guesses."""

from __future__ import annotations

import pytest

from pipeline.enrich.casualties.quantities import find_quantities


def counted(doc) -> list[int | None]:
    return [q.min for sent in doc.sents for q in find_quantities(sent)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A station's call letters and channel, even where the sentence starts.
        ("WPXI 11 News Two brothers were shot inside a home.", [2]),
        ("KSDK 5 Investigates Three people were hurt.", [3]),
        # Ages: "both 22", "range in age from 19 to 34", "ages 3 and 4".
        ("The women, both 22, were taken to a hospital.", [2]),  # "both", not 22
        ("The victims, who range in age from 19 to 34, were rushed to hospitals.", []),
        ("He shot his sons, ages 3 and 4, on Saturday.", [2]),
        # A count stays a count.
        ("Police said 11 people were wounded.", [11]),
        # A title-case headline: the trigger after the count is no name, no street.
        ("One Dead, Four Wounded in Drive-By Shooting", [1, 4]),
        ("3 Shot, 1 Killed In Overnight Violence", [3, 1]),
        # Outfits' initials, brackets and hedges between a count and its noun.
        ("Troops said 4 ULFA and NSCN militants were killed on Monday.", [4]),
        ("Police said 5 suspected TTP militants were killed near Malir.", [5]),
        ("Army said 6 JeM and other militants were killed.", [6]),
        # ... and a house number before a street is still no count.
        ("Officers went to 4 Wounded Knee Drive on Sunday.", []),
    ],
)
def test_numbers_that_count_no_one(blank_doc, text, expected):
    assert counted(blank_doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # a word of people before an animal modifies it: no one counted
        ("Someone shot two family dogs in the yard.", None),
        ("Two family members were shot in the yard.", "people"),
    ],
)
def test_a_word_of_people_before_an_animal(blank_doc, text, group):
    quantities = [q for sent in blank_doc(text).sents for q in find_quantities(sent)]
    assert [q.group for q in quantities] == ([group] if group else [])
