"""US local outlets known by their host name (us_outlets.tsv) and what their town does."""

import pytest

from pipeline.enrich.places.gazetteer import get_gazetteer
from pipeline.enrich.places.outlet import outlet_place
from pipeline.enrich.places.us_outlets import _table, us_outlet_town


@pytest.fixture(scope="module")
def gazetteer():
    return get_gazetteer()


def test_every_listed_outlet_names_a_town_of_its_state(gazetteer):
    missing = [
        (label, town, state)
        for label, (town, state) in _table().items()
        if not any(
            p.feature == "city" and p.admin1_code == f"US-{state}"
            for p in gazetteer.candidates(town)
        )
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.wkrg.com/story/24904807/shooting", ("Mobile", "Alabama")),
        ("https://8newsnow.com/news/local-news/boy-shot", ("Las Vegas", "Nevada")),
        (
            "http://web.archive.org/web/20150109133335/http://www.tennessean.com/story/news/",
            ("Nashville", "Tennessee"),
        ),
    ],
)
def test_a_listed_host_gives_its_town(gazetteer, url, expected):
    place = outlet_place(url, gazetteer)
    assert (place.name, place.admin1) == expected


@pytest.mark.parametrize(
    "labels",
    [["www", "wkrg", "co", "uk"], ["wkrg"], ["www", "example", "com"]],
)
def test_other_hosts_are_not_listed(labels):
    # A country domain says the site is elsewhere, whatever its name.
    assert us_outlet_town(labels) is None


@pytest.mark.parametrize(
    ("url", "text", "town"),
    [
        # A story that names no town of its own is about its station's town...
        (
            "http://www.wlwt.com/news/boy-shot",
            "A 5-year-old boy was shot inside an apartment on Friday night, police said.",
            "Cincinnati",
        ),
        # ... or its state, named alone.
        (
            "http://www.wmcactionnews5.com/story/1",
            "Two men were shot at a gas station in Tennessee on Friday, police said.",
            "Memphis",
        ),
        # A town the story names is its place, whatever the station's.
        (
            "http://www.wlwt.com/news/boy-shot",
            "A 5-year-old boy was shot inside a home in Hamilton on Friday, police said.",
            "Hamilton",
        ),
    ],
)
def test_a_story_naming_no_town_takes_its_outlets(enrich, url, text, town):
    assert enrich(text, url=url)["events"][0]["place"]["name"] == town
