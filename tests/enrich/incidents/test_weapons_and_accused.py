from __future__ import annotations

import pytest

from pipeline.enrich.incidents.accused import extract_accused
from pipeline.enrich.incidents.weapons import extract_weapons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack involved the use of cluster munitions.", ["cluster munitions"]),
        ("A barrage of Russian missile strikes and drones hit the city.", ["missiles", "drones"]),
        ("A car bomb exploded near the gate.", ["car bomb"]),
        ("He was stabbed with a knife.", ["knives"]),
        ("Britain will send more air-defense missiles.", []),
    ],
)
def test_weapons(blank_doc, text, expected):
    assert list(dict.fromkeys(w.name for w in extract_weapons(blank_doc(text)))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia has accused Ukraine of carrying out a terrorist attack.", ["Ukraine"]),
        ("Police blamed the attack on Boko Haram.", ["Boko Haram"]),
        ("Islamic State claimed responsibility for the bombing.", ["Islamic State"]),
        ("The government accused the rebels of shelling the town.", ["rebels"]),
        (
            "The ministry accused the United States and Britain of inciting violence.",
            ["United States", "Britain"],
        ),
        ("The minister visited the hospital.", []),
    ],
)
def test_accused(model_doc, text, expected):
    assert [a.name for a in extract_accused(model_doc(text))] == expected
