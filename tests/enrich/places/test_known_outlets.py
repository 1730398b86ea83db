"""Outlets known by name: a national paper's or agency's country, for stories that name no place."""

import pytest

from pipeline.enrich.places.known_outlets import (
    OUTLETS_FILE,
    _key,
    known_host_country,
    known_outlet_country,
)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Dawn", "PK"),
        ("The Hindu", "IN"),
        ("Hindu", "IN"),  # "the" is not part of the name
        ("Prothom Alo", "BD"),
        ("The Times of India (TOI)", "IN"),  # a parenthesis dropped
        ("The Financial Express (Bangladesh)", "BD"),  # or kept
        ("EKantipur.com", "NP"),  # a web address as the name
        ("Hurriyet Daily News", "TR"),
        ("Hürriyet Daily News", "TR"),  # accents folded
        ("Mail and Guardian", "ZA"),
        ("Mail & Guardian", "ZA"),
        ("  the irrawaddy ", "MM"),
    ],
)
def test_a_listed_outlet_gives_its_country(name, country):
    assert known_outlet_country(name) == country


@pytest.mark.parametrize(
    "name",
    [
        # Names several outlets share, and world desks: no country.
        "The Nation",
        "The News",
        "Daily News",
        "The Star",
        "The Telegraph",
        # Names, or host names, another country's outlet also has: inquirer.com is
        # Philadelphia's, statesman.com Austin's.
        "Inquirer",
        "The Statesman",
        "Reuters",
        "Xinhua General News Service",
        "Associated Press",
        # Matched whole, never by a part.
        "Dawn Chorus Weekly",
        "The Hindu Voice of Somewhere",
        "",
        None,
    ],
)
def test_shared_names_and_world_desks_give_none(name):
    assert known_outlet_country(name) is None


def test_a_host_name_spelling_a_listed_outlet():
    assert known_host_country("thehindu") == "IN"
    assert known_host_country("dawn") == "PK"
    assert known_host_country("hindustantimes") == "IN"
    assert known_host_country("cnn") is None
    assert known_host_country("uni") is None  # "UNI" the agency, but uni.edu is a university
    assert known_host_country("inquirer") is None
    assert known_host_country("statesman") is None
    assert known_host_country("") is None


def test_the_list_names_each_outlet_once_with_a_country_code():
    import pycountry

    seen: dict[str, str] = {}
    for line in OUTLETS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name = line.split("\t")
        assert pycountry.countries.get(alpha_2=code) is not None, line
        key = _key(name)
        assert seen.get(key, code) == code, f"{name!r} listed under two countries"
        seen[key] = code
    assert len(seen) > 300


def test_a_known_outlet_places_a_story_that_names_no_place(enrich):
    def country_of(source: str | None, text: str) -> str | None:
        record = enrich(text, source=source)
        place = record["events"][0]["place"] if record["events"] else None
        return place["country_code"] if place else None

    protest = (
        "Hundreds of teachers marched to the education office on Monday demanding unpaid wages; "
        "police detained twelve of them."
    )
    assert country_of("Prothom Alo", protest) == "BD"
    assert country_of("The Kathmandu Post", protest) == "NP"
    assert country_of("Evening Courier", protest) is None
    # A nationality in the note is as often the attackers' as the victims': a national outlet's
    # own country comes first.
    border = (
        "Two villagers were wounded when Indian border guards opened fire on them near a "
        "border crossing on Saturday."
    )
    assert country_of("Prothom Alo", border) == "BD"
    assert country_of(None, border) == "IN"
    by_host = enrich(border, url="https://www.prothomalo.com/bangladesh/x")["events"][0]
    assert by_host["place"]["country_code"] == "BD"


def test_a_known_outlet_says_which_namesake(enrich):
    clash = "Three people were injured in a clash between two groups in Hyderabad on Friday."

    def country_of(source: str) -> str | None:
        return enrich(clash, source=source)["events"][0]["place"]["country_code"]

    assert country_of("Dawn") == "PK"  # Sindh's
    assert country_of("Hindustan Times") == "IN"  # Telangana's
    assert country_of("Kantipur") == "IN"  # Nepal has none: the outlet does not make one
