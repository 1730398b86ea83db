"""The people a headline lists with commas (casualties.headline_lists), read by the model."""

from __future__ import annotations

import pytest

from pipeline.enrich.casualties.headline_lists import object_list, subject_list
from pipeline.enrich.casualties.quantities import find_quantities
from pipeline.enrich.common.tokens import columns


def parse(model, text: str):
    doc = model(text)
    columns(doc, text=text)
    sent = next(iter(doc.sents))
    return doc, sent, find_quantities(sent)


@pytest.mark.parametrize(
    ("text", "trigger", "victims", "attackers"),
    [
        ("Mother, 2 children found dead in Ripley", "dead", 3, 0),
        ("Officer, suspect hurt in exchange of gunfire", "hurt", 1, 1),
        ("Teen, man shot at bus stop", "shot", 2, 0),
    ],
)
def test_a_subject_list(model, text, trigger, victims, attackers):
    doc, sent, quantities = parse(model, text)
    i = next(t.i for t in doc if t.lower_ == trigger)
    found = subject_list(doc, sent, sent.start, i, quantities)
    assert found is not None and (found.victims, found.attackers) == (victims, attackers)


def test_one_subject_is_no_list(model):
    doc, sent, quantities = parse(model, "Teen shot at bus stop, police say")
    assert subject_list(doc, sent, sent.start, 1, quantities) is None


@pytest.mark.parametrize(
    ("text", "victims", "attackers"),
    [
        ("Man kills wife, her mother, then himself in Akron", 2, 1),
        ("Gunman kills 3 coworkers, self at warehouse", 3, 1),
        ("Gunman kills clerk, customer, wounds guard in Dallas", 2, 0),
    ],
)
def test_an_object_list(model, text, victims, attackers):
    doc, sent, quantities = parse(model, text)
    found = object_list(doc, sent, 1, quantities)  # the verb after one subject word
    assert found is not None and (found.victims, found.attackers) == (victims, attackers)


def test_a_second_clause_is_no_item(model):
    doc, sent, quantities = parse(model, "Bullet kills man, grazes girl in Memphis")
    assert object_list(doc, sent, 1, quantities) is None


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen kill 18 people, including seven children, in Borno",
        "Gunmen shot seven people, one of them fatally, at a party",
    ],
)
def test_a_part_of_the_count_is_no_more_people(model, text):
    doc, sent, quantities = parse(model, text)
    found = object_list(doc, sent, 1, quantities)
    assert found is None or found.victims in {18, 7}
