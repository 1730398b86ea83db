"""One death told by its noun (casualties.named_deaths), on a blank pipeline."""

from __future__ import annotations

import pytest

from pipeline.enrich.casualties.named_deaths import find_named_deaths


def named(doc) -> list[str]:
    return [doc[d.start : d.end].text for sent in doc.sents for d in find_named_deaths(sent)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A teen was charged Monday in a weekend shooting death.", ["shooting death"]),
        ("Detectives investigate the stabbing death near the river", ["stabbing death"]),
        ("Police identify homicide victim found in a ditch", ["homicide victim"]),
        ("The murder victim was 24.", ["murder victim"]),
        # someone's death is as often the attacker's or another story's: left out
        ("A man was arrested in his wife's death on Friday.", []),
        # "of" names the victim: the count words read it
        ("He is charged in the shooting death of his neighbor.", []),
        # the law's words and a toll are no one's death
        ("He could face the death penalty.", []),
        ("The shooting death toll rose to four.", []),
    ],
)
def test_a_death_told_by_its_noun(blank_doc, text, expected):
    assert named(blank_doc(text)) == expected
