"""Casualty figures over several wordings; rule tests run on spacy.blank, model-dependent ones
(implicit victims need the parse only for dates, not here) are marked."""

from __future__ import annotations

import pytest

from pipeline.enrich.casualties.figures import extract_figures


def figures(doc):
    return [(f.kind, f.min, f.max, f.qualifier, f.group, f.subset) for f in extract_figures(doc)]


@pytest.mark.parametrize("make", ["blank_doc", "model_doc"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The blast resulted in the deaths of at least 21 civilians and numerous injuries.",
            [
                ("killed", 21, None, "at_least", "civilians", False),
                ("injured", None, None, "unspecified", None, False),
            ],
        ),
        (
            "Officials said at least 39 people were killed and many more wounded.",
            [
                ("killed", 39, None, "at_least", "people", False),
                ("injured", None, None, "unspecified", None, False),
            ],
        ),
        (
            "Twenty-one people were killed and thirty-four injured when the bus crashed.",
            [
                ("killed", 21, 21, "exact", "people", False),
                ("injured", 34, 34, "exact", None, False),
            ],
        ),
        (
            "Gunmen stormed the village, killing between 10 and 15 villagers.",
            [("killed", 10, 15, "range", "people", False)],
        ),
        (
            "More than 20 people were killed in the clashes.",
            [("killed", 21, None, "more_than", "people", False)],
        ),
        (
            "Fewer than 5 people were hurt, officials said.",
            [("injured", None, 4, "fewer_than", "people", False)],
        ),
        (
            "Up to 40 people may have died at sea.",
            [("killed", None, 40, "at_most", "people", False)],
        ),
        (
            "Nearly 100 people were killed in the bombing.",
            [("killed", 100, 100, "about", "people", False)],
        ),
        (
            "The strike killed 18 people, including seven children.",
            [
                ("killed", 18, 18, "exact", "people", False),
                ("killed", 7, 7, "exact", "children", True),
            ],
        ),
        (
            "No one was killed, but five people were injured.",
            [("killed", 0, 0, "exact", None, False), ("injured", 5, 5, "exact", "people", False)],
        ),
        (
            "Dozens of homes burned and dozens of people were hurt.",
            [("injured", None, None, "unspecified", "people", False)],
        ),
        (
            "A roadside bomb killed nine police officers and wounded two others.",
            [
                ("killed", 9, 9, "exact", "police", False),
                ("injured", 2, 2, "exact", "people", False),
            ],
        ),
        # Two counts share the verb after them; a count with its own harm word does not.
        (
            "1 soldier and 1 militant killed in an exchange of fire in Matta.",
            [
                ("killed", 1, 1, "exact", "soldiers", False),
                ("killed", 1, 1, "exact", "militants", False),
            ],
        ),
        (
            "Officers found two deceased victims and two injured subjects inside the home.",
            [("injured", 2, 2, "exact", None, False)],
        ),
    ],
)
def test_counted_figures(request, make, text, expected):
    doc = request.getfixturevalue(make)(text)
    assert figures(doc) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Heavy shelling damaged 21 buildings and destroyed 3 bridges.",
        "The 17-year-old was questioned by police about the 2023 election.",
        "The war approaches its second anniversary in February.",
        "Parliament approved the budget by 312 votes to 98.",
        "He fired 3 missiles at the base at 4 p.m.",
        # A count of things, then a list of counts of people: the comma ends its reach.
        "Witnesses heard four volleys of gunfire, neighbors hurt, said the report.",
    ],
)
def test_numbers_that_are_not_casualties(blank_doc, text):
    assert extract_figures(blank_doc(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Two rockets struck open ground. No casualties were reported.",
        "Shelling damaged 21 buildings overnight. There were no reports of casualties.",
        "A car bomb went off near the checkpoint. There were no immediate reports of casualties.",
    ],
)
def test_no_casualties_is_zero_killed_and_zero_injured(blank_doc, text):
    got = figures(blank_doc(text))
    assert got == [("killed", 0, 0, "exact", None, False), ("injured", 0, 0, "exact", None, False)]


def test_breakdown_is_a_subset_not_an_addition(model_doc):
    doc = model_doc(
        "At least 21 civilians were killed. The death toll includes three children, "
        "with 17 children among the injured."
    )
    got = extract_figures(doc)
    children = [f for f in got if f.group == "children"]
    assert [(f.kind, f.min, f.subset) for f in children] == [
        ("killed", 3, True),
        ("injured", 17, True),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A 52-year-old man was shot outside his home on Tuesday night, police said.", "injured"),
        ("A woman was shot and killed early Saturday in Memphis.", "killed"),
        ("A man was stabbed on Main Street. He later died in hospital.", "killed"),
        ("A teenager was stabbed in Croydon. He later died at the scene.", "killed"),
        ("An airstrike killed a senior militia commander on Sunday.", "killed"),
        ("A 34-year-old woman was critically injured after being struck by a car.", "injured"),
    ],
)
def test_one_victim_without_a_count(model_doc, text, kind):
    got = [(f.kind, f.min, f.max) for f in extract_figures(model_doc(text))]
    assert got == [(kind, 1, 1)]


def test_attackers_are_kept_apart_from_victims(model_doc):
    doc = model_doc(
        "Gunmen killed 42 soldiers near Tessit on Sunday, and 37 assailants were killed."
    )
    got = [(f.kind, f.min, f.perpetrators) for f in extract_figures(doc)]
    assert got == [("killed", 42, False), ("killed", 37, True)]


def test_spans_point_at_the_figure(blank_doc):
    text = "Officials said 12 people were injured in the crash."
    (figure,) = extract_figures(blank_doc(text))
    assert text[figure.start : figure.end] == figure.text == "12 people were injured"


def test_two_shot_then_two_dead_are_two_deaths(blank_doc):
    """Regression: removing superseded injuries while iterating skipped the one after each."""
    from pipeline.enrich.casualties.figures import Figure, _supersede_injured_by_death

    def implicit(kind, sentence, refers_back=False):
        return Figure(
            kind,
            1,
            1,
            "exact",
            "people",
            sentence,
            sentence + 1,
            "x",
            sentence,
            implicit=True,
            refers_back=refers_back,
        )

    figures = [
        implicit("injured", 0),
        implicit("injured", 0),
        implicit("killed", 1, refers_back=True),
        implicit("killed", 1, refers_back=True),
    ]
    _supersede_injured_by_death(figures)
    assert [f.kind for f in figures] == ["killed", "killed"]


@pytest.mark.parametrize(
    "text",
    [
        "The two people injured were 19 and 24 years old, police said.",
        "Police said his daughter, 4, found the gun in a drawer.",
        "Four children between the ages of 9 and 13 were at home.",
        "He was hit with several gunshot wounds to the chest.",
        "Investigators counted three stab wounds on his arms.",
        "Police found a woman and a man, believed to be 24 and 19, shot dead.",
        "Her cousin, thought to be 13, was shot in the arm.",
    ],
)
def test_ages_and_wounds_are_not_counts_of_people(model_doc, text):
    assert all(f.min not in {3, 4, 9, 13, 19, 24} for f in extract_figures(model_doc(text)))


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        ("Police said a half-dozen people were shot outside a club.", "injured", 6),
        ("Half a dozen people were wounded in the crossfire.", "injured", 6),
        ("A woman who was shot on Friday passed away on Sunday.", "killed", 1),
        ("Jason Miller suffered a gunshot wound to his leg, deputies said.", "injured", 1),
        ("The clerk was pistol-whipped during the robbery.", "injured", 1),
        ("The robber struck a customer in the face with a handgun.", "injured", 1),
        ("He opened fire, killing two and wounding 14 before he fled.", "injured", 14),
        ("He opened fire, killing two and wounding 14 before he fled.", "killed", 2),
        ("He is charged with wounding three of his former coworkers.", "injured", 3),
        ("Deputies said two juveniles were shot near the park.", "injured", 2),
        ("One hundred and five people were killed in the floods.", "killed", 105),
        ("Police say he killed her and three other people.", "killed", 4),
        ("Gunmen killed a policeman and two civilians at the checkpoint.", "killed", 3),
        ("He shot his wife and two young sons, police said.", "injured", 3),
        ("Ramesh Yadav (35) was shot dead near the market.", "killed", 1),
    ],
)
def test_local_news_wordings_of_victims(model_doc, text, kind, count):
    got = [(f.kind, f.min) for f in extract_figures(model_doc(text))]
    assert (kind, count) in got


@pytest.mark.parametrize(
    "text",
    [
        "The council passed the budget on Monday.",
        "The coach whipped up support for the new stadium.",
        "The truck struck a pole with its trailer.",
        "A search warrant was executed at the home on Friday.",
        "The bill was killed in committee.",
        "The pastor said the church reopened after the shooting and feeds about 300 children.",
    ],
)
def test_look_alikes_of_casualty_words(model_doc, text):
    assert extract_figures(model_doc(text)) == []


@pytest.mark.parametrize(
    ("text", "everyone", "dead"),
    [
        ("Three people were shot, one fatally, outside a bar on Friday.", 3, 1),
        ("Gunmen shot six people, one fatally, at a house party.", 6, 1),
        ("Five teenagers were shot Sunday, two of them fatally, police said.", 5, 2),
        ("Four men, one mortally, were wounded in the exchange of fire.", 4, 1),
    ],
)
def test_the_dead_among_those_shot_are_a_death_toll(model_doc, text, everyone, dead):
    got = [(f.kind, f.min, f.subset) for f in extract_figures(model_doc(text))]
    assert ("injured", everyone, False) in got
    assert ("killed", dead, False) in got
    assert ("injured", dead, False) not in got
