"""Datelines: where a wire or local story was filed, in the forms outlets write them."""

import pytest

from pipeline.enrich.places.dateline import find_dateline


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
    ],
)
def test_ordinary_openings_are_not_datelines(text):
    assert find_dateline(text) is None
