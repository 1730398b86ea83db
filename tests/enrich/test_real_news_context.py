"""What real pages put around the story (headers, time stamps, call signs, datelines) and the
context they give: written here in the styles of US local news, run through the real model."""

from __future__ import annotations

import pytest

from pipeline.enrich.enricher import Enricher
from pipeline.records import Article


@pytest.fixture(scope="module")
def enricher(model) -> Enricher:
    return Enricher(nlp=model)


def primary(enricher: Enricher, text: str, published: str) -> dict:
    record = enricher.enrich(Article(id="t", published=published, text=text))
    assert record["events"], "no incident opened"
    return record["events"][0]


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        # A neighbourhood no gazetteer lists, named like towns of other states: the story
        # stays in the dateline's city.
        (
            "ERIE, Pa. (WXYZ) -- A man was shot outside a diner in Homewood early Sunday, "
            "police said. He was taken to a hospital.",
            "Erie",
            "Pennsylvania",
        ),
        # A town named without its state is the one in the dateline's state.
        (
            "AUSTIN, Texas (KXAN) -- A woman was wounded Friday night in Round Rock after an "
            "argument, police said.",
            "Round Rock",
            "Texas",
        ),
        # The dateline after a page header's time stamp still counts.
        (
            "Posted: Monday, March 3, 2014 9:12 PM EST  GREENVILLE, S.C. (WYFF) -- Deputies say "
            "a teenager was shot in Easley on Monday.",
            "Easley",
            "South Carolina",
        ),
    ],
)
def test_the_dateline_s_state_holds_for_towns_named_without_one(enricher, text, name, state):
    place = primary(enricher, text, "2014-03-03")["place"]
    assert place is not None
    assert (place["name"], place["admin1"]["name"]) == (name, state)


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        # A capital's dateline is a national desk's, whose stories range over the country; and
        # a name that only one region has keeps it, whatever the dateline.
        (
            "MEXICO CITY (AP) -- Gunmen killed five people at a bar in Celaya on Sunday, "
            "officials said.",
            "Celaya",
            "Guanajuato",
        ),
        (
            "KYIV, Ukraine (AP) -- Russian missiles hit Kramatorsk on Sunday, killing three "
            "people, officials said.",
            "Kramatorsk",
            "Donetsk",
        ),
    ],
)
def test_stories_that_range_beyond_their_dateline(enricher, text, name, state):
    record = enricher.enrich(Article(id="t", published="2014-08-11", text=text))
    place = next(p for p in record["places"] if p["name"] == name)
    assert place["admin1"]["name"] == state


def test_a_big_city_named_under_a_dateline_keeps_its_own_state(enricher):
    text = (
        "GARY, Ind. (AP) -- A man wanted in a shooting in Chicago on Saturday was arrested "
        "here, police said."
    )
    record = enricher.enrich(Article(id="t", published="2014-03-03", text=text))
    chicago = next(p for p in record["places"] if p["name"] == "Chicago")
    assert chicago["admin1"]["name"] == "Illinois"


@pytest.mark.parametrize(
    "text",
    [
        # The police's own name holds the town, not the Bolivian department of that name: it
        # must not outvote the US newsroom's "block of".
        "Santa Cruz Police arrested two men after shots were fired in the 100 block of Pacific "
        "Avenue in Santa Cruz on Sunday night. The Santa Cruz Police Department asks for tips.",
        # Words only US criminal courts use.
        "A Santa Rosa man faces a felony charge after he fired at a neighbor's home in Santa "
        "Rosa on Monday.",
    ],
)
def test_us_institutions_pick_the_american_namesake(enricher, text):
    place = primary(enricher, text, "2018-03-13")["place"]
    assert place is not None and place["country_code"] == "US"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # The page's own stamp is not the incident's day.
        (
            "Friday January 24, 2014 12:04 AM  A woman whose friends had not heard from her was "
            "found shot dead in her home Wednesday, deputies said.",
            "2014-01-22",
        ),
        (
            "(Published Monday, Feb. 3, 2014) Police are investigating a shooting that wounded a "
            "man outside a club late Saturday.",
            "2014-02-01",
        ),
    ],
)
def test_a_page_time_stamp_does_not_date_the_incident(enricher, text, date):
    assert primary(enricher, text, "2014-02-03" if "Feb." in text else "2014-01-24")["date"] == date


@pytest.mark.parametrize(
    "text",
    [
        "Officers ended a four-hour standoff with an armed man at a motel on Tuesday.",
        "A woman's handgun went off in her purse at a grocery store on Tuesday; no one was hurt.",
        "Two armed men held a clerk hostage at a gas station on Tuesday before fleeing.",
        "Deputies say a man was caught stealing a rifle from a pickup truck on Tuesday.",
    ],
)
def test_gun_incidents_without_casualties_open_an_incident(enricher, text):
    event = primary(enricher, text, "2018-03-08")
    assert event["date"] == "2018-03-06"


def test_passed_away_is_a_death(enricher):
    text = (
        "A man who was shot during a robbery on Monday night passed away on Tuesday morning, "
        "police said."
    )
    event = primary(enricher, text, "2014-01-08")
    assert event["killed"]["min"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "A teenager died Friday after being accidentally shot at his home Thursday, police said.",
        "A woman succumbed to her wounds on Friday after she was shot on Thursday night.",
    ],
)
def test_the_shooting_s_day_over_the_day_of_a_later_death(enricher, text):
    assert primary(enricher, text, "2014-10-01")["date"] == "2014-09-25"


def test_a_death_s_day_when_the_sentence_gives_no_other(enricher):
    text = "A man who was shot in a robbery died on Friday at a hospital, police said."
    assert primary(enricher, text, "2014-10-01")["date"] == "2014-09-26"


@pytest.mark.parametrize(
    "text",
    [
        "A 40-year-old woman was recovering Wednesday after she was shot in the leg outside a "
        "store Tuesday night, police said.",
        "A teenager was listed in critical condition early Wednesday after he was shot in the "
        "chest shortly after 11 p.m. Tuesday on Elm Street.",
        # "remained" as the parser reads it: an auxiliary of "hospitalized"
        "A 19-year-old who remained hospitalized Wednesday had been shot in the back outside a "
        "grocery store on Tuesday night, officers said.",
        "Two teenagers remain hospitalized Wednesday after they were shot Tuesday night "
        "outside a gas station.",
    ],
)
def test_a_victim_s_later_state_does_not_date_the_shooting(enricher, text):
    # Published on a Thursday: the shooting was on Tuesday, Sept. 30.
    assert primary(enricher, text, "2014-10-02")["date"] == "2014-09-30"


def test_a_follow_up_dates_the_incident_in_the_period_its_lead_names(enricher):
    text = (
        "A Dayton man went on trial Tuesday (Sept. 13) for manslaughter in the 2015 death of a "
        "22-year-old neighbor. Prosecutors said Carl Moore fired twice at the neighbor on "
        "June 3, 2015, after an argument over a parked car."
    )
    event = primary(enricher, text, "2016-09-14")
    assert (event["date"], event["date_basis"]) == ("2015-06-03", "stated")


def test_an_older_period_of_another_event_leaves_the_attack_s_day(enricher):
    text = (
        "Three men were shot late Friday night in what police call a revenge attack for a "
        "killing last year. Officers found the men outside a bar on Main Street."
    )
    assert primary(enricher, text, "2016-04-11")["date"] == "2016-04-08"


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Three people were shot, one fatally, in a drive-by late Saturday, police said.", 1, 2),
        ("Police say four teenagers were shot Tuesday afternoon, one of them fatally.", 1, 3),
        # those shot besides the dead are all injured
        ("A 13-year-old boy was killed and six other people were shot at a party Saturday.", 1, 6),
        ("One man died at the scene. Six more people were shot and taken to hospitals.", 1, 6),
        # "other" takes in the one before it; "also" still sets them beside the dead
        ("Police found a teen dead in a car. A woman and two other men were also shot.", 1, 3),
    ],
)
def test_those_shot_less_the_dead_are_the_injured(enricher, text, killed, injured):
    event = primary(enricher, text, "2014-08-13")
    assert (event["killed"]["min"], event["injured"]["min"]) == (killed, injured)


@pytest.mark.parametrize(
    "background",
    [
        "In 2012, nine people were shot, three of them fatally, on the same corner.",
        "At least five other children have been shot in the city so far this year, two fatally.",
        "Four people have been shot in the past three days, one fatally.",
        "A report said there have been 13 toddler shooting deaths this year across the country.",
        "Police said 21 people had been killed in the county this year.",
    ],
)
def test_other_years_and_running_tallies_stay_out_of_the_toll(enricher, background):
    text = f"A 12-year-old boy was shot in the leg Friday night on Oak Street. {background}"
    event = primary(enricher, text, "2014-08-16")
    assert event["killed"] is None
    assert event["injured"]["min"] == 1


def _event_of(enricher: Enricher, text: str, **article) -> dict:
    record = enricher.enrich(Article(id="t", published="2016-05-02", text=text, **article))
    assert record["events"], "no incident opened"
    return record["events"][0]


@pytest.mark.parametrize(
    ("title", "url", "town", "state"),
    [
        # A station's name after the headline says where it is.
        (
            "Man shot outside store - WQZX.com-Columbus, GA News Weather & Sports",
            "https://www.wqzx.com/story/1",
            "Columbus",
            "Georgia",
        ),
        ("Man shot outside store | WKRX Birmingham, AL", None, "Birmingham", "Alabama"),
        # The host name's city (here under a section's subdomain).
        (
            "Man shot outside store",
            "https://chicago.examplepaper.com/news/1",
            "Chicago",
            "Illinois",
        ),
    ],
)
def test_a_story_that_names_no_town_is_in_its_outlets_town(enricher, title, url, town, state):
    text = "A man was shot outside a convenience store late Sunday, police said."
    place = _event_of(enricher, text, title=title, url=url)["place"]
    assert (place["feature"], place["name"], place["admin1"]["name"]) == ("city", town, state)


def test_the_story_s_own_town_outranks_its_outlets_state(enricher):
    text = "A man was shot outside a convenience store in Macon late Sunday, police said."
    place = _event_of(enricher, text, title="Man shot - WKRX Birmingham, AL", url=None)["place"]
    assert (place["name"], place["admin1"]["name"]) == ("Macon", "Georgia")


def test_a_headline_alone_says_nothing_of_the_outlet(enricher):
    text = "A man was shot outside a convenience store late Sunday, police said."
    place = _event_of(enricher, text, title="Police: man shot - suspect still at large")["place"]
    assert place is None or place["feature"] == "country"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # NER tags the district's name a date; the unit's word after it says what it is.
        (
            "Farmers blocking a highway in Surkhet district clashed with police on Monday, and "
            "two of them were killed.",
            "Surkhet",
            "NP",
        ),
        # The unit's word before the name (NER: a person), as South Asian notes write it.
        (
            "Gunmen on motorbikes shot dead a shopkeeper near the bazaar in district Mardan on "
            "Friday.",
            "Mardan",
            "PK",
        ),
    ],
)
def test_a_name_beside_an_administrative_unit_is_a_place(enricher, text, name, country):
    place = _event_of(enricher, text)["place"]
    assert (place["name"], place["country_code"]) == (name, country)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # The age before the name, whatever NER made of the name (here an organisation).
        ("Two men were shot Saturday. 17-year-old Zyair Pennings died at the scene.", 1, 1),
        ("Two men were shot Saturday. 19-year-old Tavon Ellis died at the scene.", 1, 1),
        ("Police said 22-year-old Marisol Ortega was killed in the crossfire on Friday.", 1, None),
        # A name and its town before the verb.
        ("Two men were shot Saturday. John Ruskin of Dover died at a hospital.", 1, 1),
        # The toll as what the shooting took.
        ("Sunday's shooting on Elm Street claimed the life of a 31-year-old father.", 1, None),
        ("The crash on Route 9 claimed the life of Annie Brewer, police said.", 1, None),
        # The death word before the person, as police write it.
        (
            "Deputies arriving at the trailer found one deceased male in the kitchen; his "
            "brother had been shot in the arm on Friday.",
            1,
            1,
        ),
        ("Deputies found a dead man in a parked car after reports of gunfire on Tuesday.", 1, None),
    ],
)
def test_one_victim_as_local_news_names_them(enricher, text, killed, injured):
    event = primary(enricher, text, "2016-05-02")
    assert (event["killed"] or {}).get("min") == killed
    assert (event["injured"] or {}).get("min") == injured


@pytest.mark.parametrize(
    "text",
    [
        # A neighbourhood or hamlet no gazetteer lists in the US, named like a town abroad, in
        # a story only a US newsroom would write ("block of", "sheriff", "felony").
        "A man was shot in the 2300 block of Elm Street in Gentilly late Monday, police said.",
        "Sheriff's deputies said a woman was wounded in Harding on Friday night after a fight.",
    ],
)
def test_a_us_story_takes_no_small_town_abroad(enricher, text):
    event = primary(enricher, text, "2016-05-03")
    assert event["place"] is None or event["place"]["country_code"] == "US"


def test_a_count_of_things_with_a_participle_is_no_toll(enricher):
    text = (
        "A pizza driver was wounded in one of four attempted holdups reported in Elgin on Saturday."
    )
    event = primary(enricher, text, "2016-05-02")
    assert event["injured"]["min"] == 1


def test_a_participle_before_the_group_keeps_the_count(enricher):
    text = "Four suspected militants were killed in a gunfight with police on Sunday."
    event = primary(enricher, text, "2016-05-02")
    assert event["killed"]["min"] == 4


def test_a_posting_stamp_with_its_clock_time_does_not_date_the_incident(enricher):
    text = (
        "Posted 3:57 AM, May 26, 2015, by a staff reporter  YONKERS, N.Y. (WXYZ) — A girl is "
        "in critical condition after she was shot in the arm at her home, police said. It "
        "happened about 10:30 p.m. Monday on the second floor."
    )
    assert primary(enricher, text, "2015-05-26")["date"] == "2015-05-25"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A court date to come and what police had to say later are no incident's day.
        (
            "Charges were filed against a man accused of a home invasion over the weekend. He "
            "forced his way inside a home about 12:40 p.m. Sunday, police said. The owner fought "
            "him off and stabbed him with a knife. He was scheduled to appear in court today but "
            "no information about the hearing was available.",
            "2014-01-26",
        ),
        (
            "CHAMPAIGN — Police are investigating an armed home invasion by three masked men "
            "early Monday morning. Officers were called to a home at 12:43 a.m. Monday. One of "
            "the men displayed a gun and took cash from a woman. No injuries were reported by "
            "police, and no description of the men was available from police on Wednesday night.",
            "2014-01-27",
        ),
    ],
)
def test_later_steps_do_not_date_the_incident(enricher, text, date):
    assert primary(enricher, text, "2014-01-29")["date"] == date


def test_a_pointer_to_the_previous_story_is_no_background(enricher):
    text = (
        "UPDATE on Monday, October 3 at noon: the girl is awake, her mother says. See previous "
        "story below... KERRVILLE – A seven-year-old girl was shot after a dispute on a street "
        "corner Saturday evening."
    )
    title = "7-year-old flown to trauma center after being shot in the head"
    record = enricher.enrich(Article(id="t", published="2016-10-02", text=text, title=title))
    assert record["events"][0]["date"] == "2016-10-01"


@pytest.mark.parametrize(
    "text",
    [
        # Mobs, demands and flight are events of their own, as conflict monitors record them.
        "A mob attempted to capture a polling booth at a village in Dahod district on Tuesday.",
        "Party workers demanded the resignation of the state's chief minister on Tuesday.",
        "Nearly 2,000 villagers fled their homes after fighting broke out nearby on Tuesday.",
    ],
)
def test_mobs_demands_and_flight_open_an_incident(enricher, text):
    assert primary(enricher, text, "2015-03-05")["date"] == "2015-03-03"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the incident "was reported" at its hour: the incident's day, not a report's
        (
            "Three people died in a shooting near the campus. City police said the shooting was "
            "reported shortly after 10:30 p.m. Tuesday. A fourth man was hurt on Wednesday.",
            "2015-07-07",
        ),
        # a report of what police said stays a report's day
        (
            "A man was shot and killed near a bus stop. Police reported the death on Wednesday.",
            "2015-07-08",
        ),
    ],
)
def test_an_incident_reported_at_its_hour_is_dated_by_it(enricher, text, date):
    assert primary(enricher, text, "2015-07-08")["date"] == date


@pytest.mark.parametrize(
    "text",
    [
        "Four people were shot at a bar on Main Street early Saturday, police said. This comes "
        "after a man was killed outside the same bar in November of 2012. Two people were shot "
        "in that incident. One of them died at the hospital.",
        "Three people were wounded in a shooting at a park on Friday. The shooting follows a "
        "fatal stabbing at the park in 2009. A teenager was killed in that attack.",
    ],
)
def test_what_a_background_sentence_told_stays_background(enricher, text):
    event = primary(enricher, text, "2013-02-23")
    assert event["killed"] is None
    assert event["injured"]["min"] in {3, 4}


def test_a_headlines_plural_pools_nothing_of_the_lead_it_runs_into(enricher):
    # the page repeats its title with a stamp and no full stop: the sentence splitter runs it
    # into the dateline's lead, whose toll is the story's own
    title = "Suspect arrested on murder warrant in Killeen shootings - KXYZ News 12 Shreveport"
    text = (
        "Suspect arrested on murder warrant in Killeen shootings Posted: Thursday, April 23, "
        "2015 10:11 AM EDT Updated: Thursday, April 23, 2015 10:11 AM EDT\n\nKILLEEN, Texas "
        "(AP) - Killeen police have arrested a man wanted following gunfire at an apartment "
        "complex that left two women dead and three other people wounded.\n\nPolice say "
        "35-year-old John Roe was being held Thursday on charges of murder and aggravated "
        "assault\n\nA spokeswoman says Roe was captured late Wednesday night in a vacant "
        "apartment in Killeen. The site is at a different complex from where the shootings "
        "happened early Tuesday.\n\nRoe initially was sought on a murder warrant following the "
        "attacks that killed 42-year-old Kysha Lane and 38-year-old Dana Ruiz."
    )
    event = _event_of(enricher, text, title=title, url=None)
    assert (event["killed"]["min"], event["injured"]["min"]) == (2, 3)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a string of shootings pools several incidents' dead: the story's own toll is two
        (
            "A string of shootings left five people dead in Stockton, police said. Two men were "
            "killed in a shooting on Farmington Road early Sunday.",
            2,
        ),
        # a person's part in a spate of attacks pools nothing
        (
            "A key suspect in a spate of attacks was killed in a clash with security forces on "
            "Sunday. A soldier was wounded in the clash.",
            None,
        ),
    ],
)
def test_a_string_of_shootings_pools_their_dead(enricher, text, killed):
    event = primary(enricher, text, "2019-06-10")
    assert (event["killed"] or {}).get("min") == killed
