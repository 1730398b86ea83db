"""Where an outlet is, from its host name: context for the story's places, never a place."""

import pytest

from pipeline.enrich.places.gazetteer import get_gazetteer
from pipeline.enrich.places.outlet import outlet_country, outlet_label, outlet_place


@pytest.fixture(scope="module")
def gazetteer():
    return get_gazetteer()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.chicagotribune.com/news/local/story.html", ("Chicago", "US", "Illinois")),
        # An archived copy: the original address after the archive's prefix.
        (
            "http://web.archive.org/web/20140112222729/http://www.dhakatribune.com/x",
            ("Dhaka", "BD", "Dhaka"),
        ),
        ("https://timesofindia.indiatimes.com/city/story", ("India", "IN", None)),
    ],
)
def test_the_place_a_host_name_spells(gazetteer, url, expected):
    place = outlet_place(url, gazetteer)
    assert (place.name, place.country_code, place.admin1) == expected


@pytest.mark.parametrize(
    ("url", "country"),
    [
        # K and W call signs are the United States' (ITU): a station's host name is its own
        # (stations us_outlets lists give their town instead).
        ("http://web.archive.org/web/20170115171908/http://www.wqxz.com/article/x", "US"),
        ("https://www.wxyztv.com/news/local/x", "US"),
        ("https://www.kqrs11.com/article/x", "US"),
        ("https://abc9xy.com/x", "US"),  # a network and its channel
        ("https://fox77.com/2016/10/24/x", "US"),
        # A country's domain, under a second-level name or not.
        ("https://www.bbc.co.uk/news/x", "GB"),
        ("https://tribune.com.pk/story/1", "PK"),
        ("https://www.irishtimes.ie/x", "IE"),
        # A known outlet (known_outlets) whose name spells the state or the capital alike.
        ("https://www.washingtonpost.com/x", "US"),
        ("https://www.dawn.com/news/1", "PK"),
        # A country domain comes before a listed name (a paper abroad may share it).
        ("https://www.dawn.com.au/x", "AU"),
        # Not a station: longer names, and domains anyone can buy.
        ("https://www.wired.com/x", None),
        ("https://wionews.com/x", None),
        ("https://www.kgwn.tv/x", None),
        ("https://news.example.co/x", None),
    ],
)
def test_the_country_a_host_name_gives(gazetteer, url, country):
    place = outlet_place(url, gazetteer)
    assert (place.country_code if place else None) == country
    if place is not None:
        assert place.feature == "country"


def test_a_country_domains_second_level_is_not_the_outlets_name():
    assert outlet_label("https://www.dailymail.co.uk/news/x") == "dailymail"
    assert outlet_label("https://www.chicagotribune.com/x") == "chicagotribune"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.nytimes.com/x",  # the state or the city: no guess
        "https://example.org/x",
        "not a url",
        "",
        None,
    ],
)
def test_no_place_when_the_host_says_none_or_several(gazetteer, url):
    assert outlet_place(url, gazetteer) is None


@pytest.mark.parametrize(
    ("url", "state"),
    [
        ("https://www.nashvillenews.example/story", "Tennessee"),
        ("https://www.indianapolisnews.example/story", "Indiana"),
    ],
)
def test_the_outlet_tells_which_franklin(model, url, state):
    from pipeline.enrich.enricher import Enricher
    from pipeline.records import Article

    record = Enricher(nlp=model).enrich(
        Article(
            id="t", published="2024-04-09", text="A man was shot in Franklin on Friday.", url=url
        )
    )
    franklin = next(p for p in record["places"] if p["name"] == "Franklin")
    assert franklin["admin1"]["name"] == state
    assert all(p["name"] not in {"Nashville", "Indianapolis"} for p in record["places"])


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://www.wbtv.com/story/x", "US"),
        ("https://www.wltx.com/article/x", "US"),
        ("https://www.salisburyjournal.co.uk/news/x", "GB"),
    ],
)
def test_the_outlets_country_tells_which_salisbury(model, url, country):
    from pipeline.enrich.enricher import Enricher
    from pipeline.records import Article

    record = Enricher(nlp=model).enrich(
        Article(
            id="t",
            published="2016-12-05",
            text="Gunfire hit a house in Salisbury overnight, police said, and a woman inside "
            "was wounded.",
            url=url,
        )
    )
    salisbury = next(p for p in record["places"] if p["name"] == "Salisbury")
    assert salisbury["country_code"] == country


@pytest.mark.parametrize(
    ("source", "url", "country"),
    [
        ("Bangkok Post", None, "TH"),  # a big city
        ("The New Nation (Bangladesh)", None, "BD"),  # a country
        ("Daily Balochistan Express", None, "PK"),  # a first-level region
        ("Democratic Voice of Burma", None, "MM"),  # a country's other name
        ("Kyiv Independent", None, "UA"),
        ("The Indian Express", None, "IN"),  # a nationality
        ("Nepali Times", None, "NP"),
        ("Pakistani Observer of India", None, None),  # two answers: none
        ("WREX 13", "https://www.wrex.com/x", "US"),  # a US station's call sign
        ("Evening Courier", "https://www.eveningcourier.example/x", None),  # neither says
        ("Channel 7", "https://www.chicagotribune.com/news/x", "US"),  # the address does
        ("Reuters", None, None),
        ("The Times", None, None),
    ],
)
def test_the_country_an_outlet_is_in(gazetteer, source, url, country):
    found = outlet_country(source, outlet_place(url, gazetteer), gazetteer)
    assert (found.country_code if found else None) == country


def test_an_article_naming_no_place_takes_its_outlets_country(model):
    from pipeline.enrich.enricher import Enricher
    from pipeline.records import Article

    def place_of(source: str | None) -> dict | None:
        record = Enricher(nlp=model).enrich(
            Article(
                id="t",
                published="2015-03-02",
                source=source,
                text="Two farmers were killed and five injured when unknown gunmen opened fire "
                "on a crowd at a weekly market on Sunday.",
            )
        )
        return record["events"][0]["place"]

    assert place_of("Phnom Penh Post")["country_code"] == "KH"
    assert place_of("Phnom Penh Post")["feature"] == "country"  # the city is not the story's
    assert place_of("Evening Courier") is None
    assert place_of(None) is None
