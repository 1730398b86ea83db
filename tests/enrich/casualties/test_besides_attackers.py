"""Attackers counted apart from the victims (casualties.besides_attackers), on a blank
pipeline; and through the real model, as terrorism databases' summaries word them."""

from __future__ import annotations

import pytest

from pipeline.enrich.casualties.besides_attackers import attackers_after, attackers_besides
from pipeline.enrich.enricher import Enricher
from pipeline.records import Article


def besides(doc, count_word: str):
    start = next(t.i for t in doc if t.lower_ == count_word)
    found = attackers_besides(doc[:], start)
    return None if found is None else (found[0], doc[found[1]].text)


@pytest.mark.parametrize(
    ("text", "count_word", "expected"),
    [
        ("In addition to the perpetrator, seven people were killed.", "seven", (1, "perpetrator")),
        ("In addition to the suicide bomber, 12 people died.", "12", (1, "bomber")),
        (
            "In addition to the two assailants, three soldiers were killed.",
            "three",
            (2, "assailants"),
        ),
        ("In addition to both attackers, four guards died.", "four", (2, "attackers")),
        # how many attackers is not told
        ("In addition to the assailants, nine people were killed.", "nine", None),
        # no attackers named
        ("In addition to the mosque, two shops were damaged and five people died.", "five", None),
        ("Seven people were killed in the blast.", "seven", None),
    ],
)
def test_attackers_counted_apart_before_the_victims(blank_doc, text, count_word, expected):
    assert besides(blank_doc(text), count_word) == expected


def after(doc, trigger_word: str):
    end = next(t.i for t in doc if t.lower_ == trigger_word) + 1
    found = attackers_after(doc[:], end)
    return None if found is None else (found[0], doc[found[1]].text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thirty people were killed, in addition to the three assailants.", (3, "assailants")),
        (
            "Eight people were killed, in addition to the three perpetrators, and 48 were hurt.",
            (3, "perpetrators"),
        ),
        ("Five guards were killed in addition to the bomber.", (1, "bomber")),
        ("Two soldiers were killed, in addition to both gunmen.", (2, "gunmen")),
        # not the attackers, or their number not told
        ("Six people were killed, in addition to the two policemen.", None),
        ("Six people were killed, in addition to the attackers.", None),
        ("Six people were killed, in addition to the assailants' relatives.", None),
    ],
)
def test_attackers_counted_apart_after_the_victims(blank_doc, text, expected):
    assert after(blank_doc(text), "killed") == expected


@pytest.fixture(scope="module")
def enricher(model) -> Enricher:
    return Enricher(nlp=model)


def test_a_summary_keeps_the_attacker_apart_from_the_victims(enricher):
    text = (
        "03/14/2016: A suicide bomber detonated an explosives-laden vest near a bus stop in "
        "Ankara, Turkey. In addition to the bomber, 11 people were killed and 30 were wounded."
    )
    event = enricher.enrich(Article(id="t", published="2016-03-15", text=text))["events"][0]
    assert event["killed"]["min"] == 11
    assert event["injured"]["min"] == 30
    assert event["perpetrators"]["killed"]["min"] == 1


@pytest.mark.parametrize(
    ("text", "victims", "attackers"),
    [
        ("A police officer and one assailant were killed in the exchange of fire.", 1, 1),
        ("A soldier and two gunmen were killed when the patrol was ambushed.", 1, 2),
    ],
)
def test_a_victim_named_beside_a_count_of_attackers_is_a_victim(enricher, text, victims, attackers):
    event = enricher.enrich(Article(id="t", published="2016-03-15", text=text))["events"][0]
    assert event["killed"]["min"] == victims
    assert event["perpetrators"]["killed"]["min"] == attackers


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber blew himself up near a police checkpoint on Monday.",
        "Officers surrounded the house. The gunman then killed himself, police said.",
    ],
)
def test_the_attackers_own_death_opens_an_incident(enricher, text):
    record = enricher.enrich(Article(id="t", published="2016-03-15", text=text))
    assert record["events"], "no incident opened"
    assert record["events"][0]["perpetrators"]["killed"]["min"] == 1


@pytest.mark.parametrize(
    ("text", "victims", "attackers"),
    [
        (
            "01/15/2016: Militants attacked a hotel in Ouagadougou, Burkina Faso. Thirty people "
            "were killed, in addition to the three assailants, and 56 people were injured.",
            30,
            3,
        ),
        (
            "06/02/2011: A suicide bomber detonated an explosives-laden vest at a market in "
            "Kirkuk, Iraq, killing himself and five civilians.",
            5,
            1,
        ),
        (
            "A man shot and killed himself and his estranged wife at her home on Sunday.",
            1,
            1,
        ),
        (
            "10/22/2014: Gunmen attacked a police station in Arish, Egypt. Two police officers "
            "were killed and four were wounded. Four assailants were also killed in the "
            "ensuing clash.",
            2,
            4,
        ),
    ],
)
def test_the_attackers_dead_told_after_the_victims(enricher, text, victims, attackers):
    event = enricher.enrich(Article(id="t", published="2016-03-15", text=text))["events"][0]
    assert event["killed"]["min"] == victims
    assert event["perpetrators"]["killed"]["min"] == attackers


def test_attackers_killed_in_another_sentence_without_also_are_not_joined(enricher):
    # "the gunman was killed": US local totals often count him already ("3 killed"), so a
    # separate sentence without "also" is not added to the incident's attackers
    text = "Three people were killed in a shooting at a bar. The gunman was killed by police."
    event = enricher.enrich(Article(id="t", published="2016-03-15", text=text))["events"][0]
    assert event["killed"]["min"] == 3
    assert event["perpetrators"]["killed"] is None
