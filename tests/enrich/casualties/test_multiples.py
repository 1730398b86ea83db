"""Victims counted by the crime's own name (casualties.multiples), on a blank pipeline."""

from __future__ import annotations

import pytest

from pipeline.enrich.casualties.multiples import find_multiples


def named(doc) -> list[tuple[str, int, bool]]:
    return [(m.kind, m.count, m.suicide) for sent in doc.sents for m in find_multiples(sent)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Detectives are investigating a double homicide in Flint.", [("killed", 2, False)]),
        ("Suspect arrested in triple-murder at a rural home", [("killed", 3, False)]),
        ("The quadruple slayings shocked the small town.", [("killed", 4, False)]),
        # A shooting counts everyone hit; "fatal" makes them dead.
        ("Police investigate triple shooting on East Side", [("injured", 3, False)]),
        ("A double fatal shooting closed the highway overnight.", [("killed", 2, False)]),
        ("A double stabbing outside a bar left two men hurt.", [("injured", 2, False)]),
        # The attacker's death besides.
        ("Deputies investigate apparent double murder-suicide", [("killed", 2, True)]),
        ("It was a triple murder suicide, the sheriff said.", [("killed", 3, True)]),
        # A murder-suicide without a count: one dead at least, and the attacker.
        ("Police investigate apparent murder-suicide in Franklin", [("killed", 1, True)]),
        ("Veteran named as shooter in the murders-suicide", [("killed", 2, True)]),
        # an attempted one killed no one but the attacker
        ("Woman wounded in attempted murder-suicide", []),
        # "double" of something else counts no one.
        ("Home sales double in the county as rates fall.", []),
        ("He played a double shift at the plant.", []),
    ],
)
def test_the_crimes_name_counts_its_victims(blank_doc, text, expected):
    assert named(blank_doc(text)) == expected
