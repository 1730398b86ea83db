"""Datelines: where a wire or local story was filed, in the forms outlets write them."""

import pytest

from pipeline.enrich.places.dateline import find_dateline
from pipeline.enrich.places.gazetteer import get_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return get_gazetteer()


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        ("SPRINGFIELD, Ill. -- A man was shot on Elm Street.", "Springfield", "Ill."),
        ("DOVER, Del. (WXYZ) -- Police said two people died.", "Dover", "Del."),
        ("BEIRUT (AP) — Israeli strikes hit the south.", "Beirut", None),
        ("Dhaka, Jan 5 (Reuters) - At least four people were killed.", "Dhaka", None),
        ("NEW YORK — The city said on Monday.", "New York", None),
        ("MCALLEN, Texas — A deputy was wounded.", "McAllen", "Texas"),
        ("INDIANAPOLIS, Ind.—A man who was shot died.", "Indianapolis", "Ind."),
        (
            "Copyright 2019 Broadcasting Inc. All rights reserved. MOUNDSVILLE, WV (WTRF) - "
            "Officers found the man.",
            "Moundsville",
            "WV",
        ),
        # A scraped copy that lost the dash: place, region and agency together still are one.
        ("MOBILE, Ala. (WXYZ) Two teens were hurt in a crash.", "Mobile", "Ala."),
        ("Posted on Friday. CASPER, Wyo. (KXYZ) Deputies found a man shot.", "Casper", "Wyo."),
    ],
)
def test_datelines(text, name, region):
    found = find_dateline(text)
    assert found is not None
    assert (found.name, found.region) == (name, region)
    assert text[found.start : found.end].lower() == name.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Five people were injured in a shooting in Elgin early this morning.",
        "Police say - a man was hurt.",
        "The man said so. HE WAS - not a dateline without a region or agency.",
        "NOTICE, Please (READ) it: without a dash, only a place with a region and an agency.",
        "Police (PD) Officers said no one was hurt.",
    ],
)
def test_ordinary_openings_are_not_datelines(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A page header's clock time and zone before the dateline.
        (
            "Updated: Tuesday, June 3, 2014 4:43 PM EDT  GRANTSVILLE, Utah (KXYZ) -- A man was "
            "wounded.",
            "Grantsville",
        ),
        # The station's call sign in capitals right before the place.
        ("Video WKRN NASHVILLE, Tenn. (WKRN) - Two people were hurt.", "Nashville"),
        ("June 3, 2014 9:20 PM  NAVARRO COUNTY, TX (KTVT) – A child died.", "Navarro County"),
    ],
)
def test_a_header_s_last_words_are_not_the_place(gazetteer, text, name):
    found = find_dateline(text, gazetteer.__contains__)
    assert found is not None and found.name == name
    assert text[found.start : found.end].lower() == name.lower()


def test_without_a_gazetteer_the_whole_run_of_capitals_is_kept():
    found = find_dateline("Posted 4:43 PM EDT  GRANTSVILLE, Utah (KXYZ) -- A man was wounded.")
    assert found is not None and found.name.endswith("Grantsville")
