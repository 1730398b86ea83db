"""How an article's places settle each other's reading: a town and its county, a stated region
the gazetteer has no such town in, neighbourhoods, and capitals of headlines and surnames."""

from __future__ import annotations

import pytest

from pipeline.enrich.enricher import Enricher
from pipeline.enrich.places.gazetteer import get_gazetteer
from pipeline.enrich.places.resolve import Mention, _plausible, extract_places
from pipeline.records import Article


@pytest.fixture(scope="module")
def enricher(model) -> Enricher:
    return Enricher(nlp=model)


def incident_place(enricher: Enricher, text: str) -> dict:
    record = enricher.enrich(Article(id="t", published="2015-06-01", text=text))
    assert record["events"], "no incident opened"
    return record["events"][0]["place"]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # Franklin, Indiana lies in Johnson County; the bigger Franklin is Tennessee's.
        (
            "Franklin police said a man was shot Monday night on Oak Drive. Johnson County "
            "deputies helped search the area.",
            "Indiana",
        ),
        # Columbia, Tennessee lies in Maury County; the biggest Columbia is South Carolina's.
        (
            "A woman was wounded Saturday in Columbia, and the Maury County sheriff's office "
            "is looking for the driver.",
            "Tennessee",
        ),
    ],
)
def test_a_town_and_its_county_settle_each_other(enricher, text, state):
    place = incident_place(enricher, text)
    assert place["admin1"]["name"] == state


def test_a_county_alone_keeps_its_likeliest_reading(model_doc):
    found = {
        p.name: p
        for p in extract_places(model_doc("Deputies in Johnson County said a man was shot."))
    }
    assert found["Johnson County"].admin1.name == "Kansas"  # the most populous one


@pytest.mark.parametrize(
    ("text", "state"),
    [
        (
            "JACKSON, Tenn — A man was shot Tuesday night on Fernlawn Street, police said.",
            "Tennessee",
        ),
        ("ROME, Ga -- Two people were wounded in a shooting at a park on Friday.", "Georgia"),
    ],
)
def test_a_dateline_region_without_its_period(enricher, text, state):
    assert incident_place(enricher, text)["admin1"]["name"] == state


def test_a_stated_region_without_that_town_keeps_the_region(enricher):
    # The gazetteer's Feltons lie in other states; Minnesota's is a village under 1,000 people
    # that it does not list. The state is still known.
    place = incident_place(
        enricher,
        "FELTON, Minn. -- A Felton, Minn., man is accused of shooting his neighbor's dog and "
        "wounding the neighbor on Sunday, the sheriff said.",
    )
    assert place["admin1"]["name"] == "Minnesota"
    assert place["feature"] == "admin1"


def test_a_region_name_with_two_readings_takes_the_one_holding_the_town(model_doc):
    found = extract_places(model_doc("A man was killed in Macon, Georgia, on Friday night."))
    macon = next(p for p in found if p.name == "Macon")
    assert macon.country_code == "US" and macon.admin1.name == "Georgia"


def test_gazetteer_lists_every_reading_of_a_region_name():
    readings = get_gazetteer().regions("Georgia")
    assert {(p.country_code, p.feature) for p in readings} >= {("US", "admin1"), ("GE", "country")}
    assert get_gazetteer().regions("Tenn")[0].name == "Tennessee"


@pytest.mark.parametrize(
    ("text", "city", "state"),
    [
        (
            "Two men were shot in the Roseland neighborhood late Friday, Chicago police said.",
            "Chicago",
            "Illinois",
        ),
        (
            "A teenager was wounded Sunday in the Gramercy Park neighborhood, and Los Angeles "
            "police are searching for the gunman.",
            "Los Angeles",
            "California",
        ),
    ],
)
def test_a_neighbourhood_of_another_state_gives_way_to_the_story_s_city(
    enricher, text, city, state
):
    place = incident_place(enricher, text)
    assert (place["name"], place["admin1"]["name"]) == (city, state)


def test_a_neighbourhood_with_no_other_place_keeps_its_reading(model_doc):
    found = extract_places(
        model_doc("Two women were wounded in the Washington Heights neighborhood.")
    )
    assert [(p.name, p.admin1.name) for p in found] == [("Washington Heights", "New York")]


def test_headline_capitals_on_a_common_word_are_no_place(model_doc):
    doc = model_doc(
        "Four Shot, One Wounded Near Park. Four people were shot Sunday in Dayton, Ohio, "
        "police said."
    )
    assert {p.name for p in extract_places(doc)} == {"Dayton", "Ohio"}


def test_a_surname_tagged_as_a_place_needs_place_words(model_doc):
    gazetteer = get_gazetteer()
    people = {"Ravi", "Zala", "Tyler"}

    def plausible(text: str, name: str) -> bool:
        doc = model_doc(text)
        at = max(t.i for t in doc if t.text == name)  # the last mention, NER's GPE or not
        mention = Mention(at, at + 1, name, "GPE")
        return _plausible(doc, mention, gazetteer.candidates(name), False, people)

    assert not plausible("Officer Ravi Zala said the boy is stable, Zala said.", "Zala")
    assert plausible("Officer Ravi Tyler said a man was shot in Tyler on Sunday.", "Tyler")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # NER takes the state's name for a person's
        (
            "Opposition MPs protested outside Parliament over the aid promised to Andhra Pradesh.",
            "Andhra Pradesh",
            "IN",
        ),
        # the tagger takes the town for an adjective; "town" after it says what it is
        ("A policeman was shot and wounded outside the court in Shopian town.", "Shopian", "IN"),
        # an institution's town in apposition after its name
        (
            "Students of the Government Arts College, Mettupalayam, boycotted classes on Monday.",
            "Mettupalayam",
            "IN",
        ),
    ],
)
def test_place_words_outweigh_the_tagger(model_doc, text, name, country):
    found = {p.name: p for p in extract_places(model_doc(text))}
    assert found[name].country_code == country


@pytest.mark.parametrize(
    "text",
    [
        "Students of the Frederick Area High School raised money for the family.",
        "It happened in the Old West End neighborhood on Saturday.",
    ],
)
def test_a_name_s_own_place_word_is_no_cue(model_doc, text):
    assert {p.name for p in extract_places(model_doc(text))} & {"Frederick", "West End"} == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Marion, Iowa is the biggest Marion with no other clue; Wichita and Hutchinson are
        # Kansas': the name is read again in the region of the article's other places.
        (
            "A man was shot in Marion on Sunday. He was flown to a hospital in Wichita. "
            "Deputies in Hutchinson arrested a suspect.",
            ("Marion", "Kansas"),
        ),
        # The gazetteer's only Lawndale is California's; the story is Chicago's.
        (
            "A woman was shot in Lawndale on Saturday night, Chicago police said. Officers from "
            "the Chicago Police Department found her near a store on the West Side of Chicago.",
            ("Chicago", "Illinois"),
        ),
        # One mention of another region does not move the incident.
        (
            "A man was shot in Dayton on Friday. He had driven up from Louisville to visit "
            "his cousin, Dayton police said.",
            ("Dayton", "Ohio"),
        ),
    ],
)
def test_the_incident_lies_in_the_region_the_article_names_most(enricher, text, expected):
    place = incident_place(enricher, text)
    assert (place["name"], place["admin1"]["name"]) == expected
