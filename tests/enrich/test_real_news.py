"""Wordings of US local news and conflict notes (written here, in the styles of those sources):
event dates in news style, victims as local outlets count them, places by dateline, small towns
and regions. Run through the real model, as newsflow runs."""

from __future__ import annotations

import pytest

from pipeline.enrich.enricher import Enricher
from pipeline.records import Article


@pytest.fixture(scope="module")
def enricher(model) -> Enricher:
    return Enricher(nlp=model)


def enrich(enricher: Enricher, text: str, published: str) -> dict:
    return enricher.enrich(Article(id="t", published=published, text=text))


def primary(enricher: Enricher, text: str, published: str) -> dict:
    record = enrich(enricher, text, published)
    assert record["events"], "no incident opened"
    return record["events"][0]


def count(figure: dict | None) -> int | None:
    return None if figure is None else figure["min"]


@pytest.mark.parametrize(
    ("text", "published", "date", "basis"),
    [
        # A weekday in a present-tense lead is the day just gone, not the next one.
        (
            "A suspect is in custody after a shooting late Wednesday that left a man hurt.",
            "2024-03-14",
            "2024-03-13",
            "relative",
        ),
        (
            "Two people were found dead Sunday in an apparent murder-suicide, police said.",
            "2024-03-18",
            "2024-03-17",
            "relative",
        ),
        (
            "Police are investigating a shooting that left one man wounded last night.",
            "2024-05-02",
            "2024-05-01",
            "relative",
        ),
        # The day given further down the story.
        (
            "Police cited a man after a bullet went through a neighbor's window. "
            "Officers said nobody was hurt. At 8:15 p.m. Tuesday, police received a report from a woman.",
            "2018-03-21",
            "2018-03-20",
            "relative",
        ),
        # No date at all: the publication date, and the record says so.
        (
            "A man was shot in the leg outside a bar, police said.",
            "2024-06-01",
            "2024-06-01",
            "published",
        ),
    ],
)
def test_event_dates_in_news_style(enricher, text, published, date, basis):
    event = primary(enricher, text, published)
    assert (event["date"], event["date_basis"]) == (date, basis)


def test_an_explicitly_future_weekday_points_ahead(enricher):
    record = enrich(enricher, "The council will vote on Monday on the new budget.", "2024-03-14")
    assert [d["value"] for d in record["dates"]] == ["2024-03-18"]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "A 17-year-old boy suffering from a gunshot wound walked into a local hospital, police said.",
            None,
            1,
        ),
        ("Police believe he shot the 17-year-old girl during an argument on Friday.", None, 1),
        (
            "Three people were shot Saturday night and one of them died, police said. One man was killed.",
            1,
            2,
        ),
        ("John Smith, 21, was shot in the arm on Oak Street.", None, 1),
        ("The victim was killed at 1400 Oak Lane, police said.", 1, None),
        ("Police said the driver was not injured and no one else was hurt in the crash.", None, 0),
        ("A man was shot several times in a parking lot on Friday.", None, 1),
        (
            "Two are dead and two are in critical condition after a shooting on Saturday night.",
            2,
            2,
        ),
        ("A blogger was hacked to death by unidentified assailants on Monday morning.", 1, None),
        ("He is charged with murder in the death of Tyrone Smith, 40, on Friday.", 1, None),
        ("He faces a charge of attempted murder of a man outside a bar on Friday.", None, None),
        ("Seven people were shot at Club 108 early Sunday, police said.", None, 7),
        ("Two teens, ages 15 and 17, were shot on Friday night.", None, 2),
        ("In Kabul 21 people were killed by a car bomb on Monday.", 21, None),
    ],
)
def test_victims_as_local_news_counts_them(enricher, text, killed, injured):
    event = primary(enricher, text, "2024-04-01")
    assert (count(event["killed"]), count(event["injured"])) == (killed, injured)


def test_vague_amounts_carry_an_estimate_never_a_count(enricher):
    event = primary(
        enricher, "Dozens of people were killed in the fighting on Monday.", "2024-04-02"
    )
    assert event["killed"]["min"] is None and event["killed"]["qualifier"] == "unspecified"
    assert event["killed"]["estimate"] == 12
    event = primary(enricher, "Several militants were killed in the raid.", "2024-04-02")
    assert event["killed"]["estimate"] == 3


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        (
            "SPRINGFIELD, Ill. -- A man was shot on Elm Street on Monday.",
            "Springfield",
            "US",
            "Illinois",
        ),
        (
            "A man was wounded in a shooting in Moundsville, W.Va., police said.",
            "Moundsville",
            "US",
            "West Virginia",
        ),
        (
            "Police said a Moundsville man fired a gun at two people on Tuesday.",
            "Moundsville",
            "US",
            "West Virginia",
        ),
        (
            "A ruling party activist was killed in a clash in Noakhali district on Sunday.",
            "Noakhali",
            "BD",
            "Chattogram",
        ),
        (
            "Two policemen were killed in an ambush in Khyber Pakhtunkhwa on Friday.",
            "Khyber Pakhtunkhwa",
            "PK",
            "Khyber Pakhtunkhwa",
        ),
    ],
)
def test_places_real_articles_name(enricher, text, name, country, admin1):
    place = primary(enricher, text, "2024-04-05")["place"]
    assert place is not None
    assert (place["name"], place["country_code"]) == (name, country)
    if admin1:
        assert place["admin1"]["name"] == admin1


def test_a_generic_word_inside_a_street_name_is_no_town(enricher):
    text = "A man was shot at the corner of Walnut Avenue and Chambers Street on Friday."
    record = enrich(enricher, text, "2024-04-05")
    assert not any(p["name"] in {"Street", "Chambers"} for p in record["places"])


def test_a_theft_opens_an_incident_with_its_day(enricher):
    event = primary(
        enricher,
        "Two handguns were reported stolen Friday from a garage on Elm Street.",
        "2024-02-11",
    )
    assert (event["date"], event["killed"], event["injured"]) == ("2024-02-09", None, None)


def test_a_state_inside_an_organisation_name_settles_a_town_name(enricher):
    # Decatur, Illinois is the bigger town; the agency's name says Georgia.
    text = (
        "A boy was wounded when his father's gun went off in Decatur on Sunday. "
        "The Georgia Bureau of Investigation is looking into the case."
    )
    place = primary(enricher, text, "2024-03-11")["place"]
    assert (place["name"], place["admin1"]["name"]) == ("Decatur", "Georgia")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # A US newsroom's words decide between namesakes when nothing else names the country.
        (
            "A woman was shot in the 300 block of Fifth Avenue in Naples late Friday.",
            "Naples",
            "US",
        ),
        # A district that shares its name with towns abroad gives no context of its own.
        (
            "A teenager was wounded outside a store in York on Saturday, the city's police "
            "department said.",
            "York",
            "US",
        ),
        # An agency written without its full name: "Whittier police".
        (
            "A man was wounded in a shooting Sunday night, Whittier police Sgt. Dana Ortiz said.",
            "Whittier",
            "US",
        ),
        # Text cleaners that expand every "St." leave "Street Petersburg".
        (
            "A 19-year-old was shot and wounded in Street Petersburg, Fla., on Monday.",
            "St. Petersburg",
            "US",
        ),
        # Scraped double spaces between a preposition and a small town.
        (
            "A union leader was killed in a bomb attack by assailants in  Chuadanga on Sunday.",
            "Chuadanga",
            "BD",
        ),
    ],
)
def test_which_town_a_local_story_means(enricher, text, name, country):
    place = primary(enricher, text, "2024-04-08")["place"]
    assert place is not None, "no place"
    assert (place["name"], place["country_code"]) == (name, country)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Two handguns were stolen Friday from a garage in the 200 block of Dale Street.", "US"),
        (
            "A farmer was hacked to death at Kazipara village of Nolbhanga upazila on Monday.",
            "BD",
        ),
        ("BJP workers clashed with police at Ghoshpara on Tuesday; 12 were hurt.", "IN"),
    ],
)
def test_the_country_of_a_story_naming_no_known_place(enricher, text, country):
    place = primary(enricher, text, "2024-04-09")["place"]
    assert place is not None and place["country_code"] == country


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A truck helper was killed and its driver injured in a petrol bomb attack.", 1, 1),
        ("A schoolgirl was hacked to death by assailants early Thursday.", 1, None),
        ("One man was killed and another wounded in a shooting downtown Monday night.", 1, 1),
        ("One man is dead and another was taken to a hospital after a shooting Friday.", 1, 1),
        ("A man was found Sunday with a non-life-threatening gunshot wound.", None, 1),
        # Animals and things that are shot are no victims.
        ("A dog was shot by a neighbor on Sunday afternoon.", None, None),
        ("The sheriff is investigating the shooting death of a three-year-old child.", 1, None),
        ("A shooting Thursday night killed 24-year-old Alex Duarte of Dorchester.", 1, None),
        ("A man shot six people Saturday, killing four of them, police said.", 4, 2),
        # "father of three" counts his children, not victims.
        ("Ken Nathan, a 24-year-old father of three, was shot and killed outside a bar.", 1, None),
        # An intent is no toll.
        ("A man who threatened to kill his son was shot by deputies on Friday.", None, 1),
        # Coordinated people are as many victims.
        ("The driver and his assistant died when the van was set on fire.", 2, None),
        ("A man was found deceased in his home with a gunshot wound on Friday.", 1, None),
        # "shot him" after a death is the dead man again.
        ("A man was pronounced dead on Friday. Police said his neighbor shot him.", 1, None),
        ("A bus driver and his helper were killed when a petrol bomb hit the bus.", 2, None),
    ],
)
def test_one_victim_named_by_any_noun(enricher, text, killed, injured):
    record = enrich(enricher, text, "2024-04-09")
    event = record["events"][0] if record["events"] else {}
    assert (count(event.get("killed")), count(event.get("injured"))) == (killed, injured)


def test_a_follow_up_dates_the_incident_not_the_arrest(enricher):
    text = (
        "Police on Tuesday charged a 24-year-old man in the Jan. 5 home invasion on Elm Road. "
        "On Jan. 5, two men bound three residents at gunpoint and stole jewelry and cash."
    )
    event = primary(enricher, text, "2024-02-14")
    assert event["date"] == "2024-01-05"


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # House numbers and phone numbers are no counts.
        ("Officers responded to a shooting call at 4408 Suncrest. A man was wounded.", 1),
        ("A woman was shot Friday. Tips go to detectives at 410-396-2221.", 1),
        # A gun's description and a typeset denial are no injuries.
        ("A man was shot with a six-shot revolver; the cab driver wasn’t hurt.", 1),
        # The agents of a shooting are not its victims.
        ("Police said the clerk was shot by two young men outside the store Friday.", 1),
        ("Two masked intruders shot the homeowner during a robbery on Friday.", 1),
        ("Two people were shot the night before the festival, police said.", 2),
        # The person a shooter's verb acts on, by name or by pronoun, and gunfire that strikes.
        ("A hunter mistook a man for a deer and shot him with a rifle on Sunday.", 1),
        ("Michael Trott shot Clinton Galentine near the trail on Sunday morning.", 1),
        ("Bell pulled out a handgun and opened fire, striking another man in the neck.", 1),
        # A number dialled, a store's name and a time are no counts.
        ("A man was shot on Friday; neighbors heard the shooting and called 911.", 1),
        ("A man was shot on Friday, and 911 calls about the gunfire kept coming.", 1),
        ("A man was shot on Friday. The dispatcher who took the 999 call said so.", 1),
        ("A clerk was shot during a robbery at a 7-Eleven on Main Street.", 1),
        ("A man was shot in the leg around 8 Sunday night, police said.", 1),
        # A round fired and a fear of being shot are no one shot.
        ("A man was shot in the arm after one of the deputies fired a single shot.", 1),
        ("A man was shot Friday; his brother said he knew he was going to be shot.", 1),
    ],
)
def test_numbers_that_are_not_victims(enricher, text, injured):
    event = primary(enricher, text, "2024-04-09")
    assert count(event["injured"]) == injured


def test_a_neighbourhood_listed_as_a_town_is_filed_under_its_city(enricher):
    text = "A man was shot and wounded in Rogers Park on Saturday night, police said."
    record = enrich(enricher, text, "2024-04-08")
    place = record["events"][0]["place"]
    assert (place["name"], place["admin1"]["name"]) == ("Chicago", "Illinois")
    named = next(p for p in record["places"] if p["name"] == "Rogers Park")
    assert named["part_of"]["name"] == "Chicago"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # Follow-ups lead with the arrest; the date that names the incident is its day.
        (
            "Detectives arrested a man Friday night who is suspected of posing as an officer "
            "during an armed robbery on February 6th.",
            "2024-02-06",
        ),
        ("Police on Monday charged a teenager in Saturday's shooting on Elm Street.", "2024-03-09"),
        # A date before a charge or a court word is the arrest's, not the incident's.
        ("A man was arrested Tuesday on a murder charge after a man was shot dead.", "2024-03-12"),
    ],
)
def test_the_date_that_names_the_incident(enricher, text, date):
    assert primary(enricher, text, "2024-03-13")["date"] == date


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # Institutions of one country place a note that names only villages.
        ("Two Rapid Action Battalion men were injured in a raid at Shibpur on Friday.", "BD"),
        ("CRPF jawans exchanged fire with rebels near Kottagudem village on Monday.", "IN"),
        ("Levies personnel were fired upon at a check post in Dhand on Sunday; one died.", "PK"),
        # A country, a region or a big city named only inside an institution's name.
        ("Air strikes by the Pakistan Air Force killed 10 militants on Tuesday.", "PK"),
        ("Teachers protested against the Madhya Pradesh Government on Monday.", "IN"),
        # A village of a country's note is no namesake town abroad.
        ("A man was killed in a clash at Raghunathpur village in Sreepur upazila.", "BD"),
        # A nationality NER left untagged, and a country's name before its soldiers.
        ("Lao authorities imposed a curfew after two soldiers were shot dead on a road.", "LA"),
        ("Myanmar soldiers beat three villagers who refused to carry supplies.", "MM"),
        # The tribal agencies no gazetteer lists.
        ("Two soldiers were killed when a roadside bomb hit their vehicle in Kurram Agency.", "PK"),
        ("Militants attacked a checkpost in the Tirah valley of Khyber Agency, killing one.", "PK"),
    ],
)
def test_country_from_institutions_and_names(enricher, text, country):
    place = primary(enricher, text, "2015-04-09")["place"]
    assert place is not None and place["country_code"] == country


def test_institution_words_count_only_as_written(enricher):
    # "Levies" the Pakistani force; "levies" the taxes say nothing of a country.
    record = enrich(enricher, "Farmers protested against new levies on Monday.", "2024-04-09")
    event = record["events"][0] if record["events"] else {}
    assert event.get("place") is None


def test_a_big_city_after_in_is_the_city_whatever_the_tagger_says(enricher):
    text = "Hundreds held a day of mourning in Sialkot after the attack on Friday."
    place = primary(enricher, text, "2015-01-10")["place"]
    assert (place["name"], place["country_code"]) == ("Sialkot", "PK")


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # Counts the window cannot reach: the parse links them to their verb.
        ("Five women in a village in Mandar block were lynched to death on Saturday.", 5),
        ("At least four people, including a police official, were killed in the clash.", 4),
        ("Two Lashkar-e-Toiba militants were killed in an overnight encounter.", 2),
        # Modifiers before a person noun, and people coordinated with a count.
        ("A bomb exploded, killing four defense volunteers on patrol.", 4),
        ("Three government force personnel and a civilian were killed on Friday.", 4),
        ("Clashes killed one soldier and one civilian near the border.", 2),
        # Deaths told right after the toll add to it.
        ("Two border guards were killed Wednesday. A militant was also killed in the attack.", 3),
        ("Three victims died on Saturday night. Another one died on Sunday morning.", 4),
        # Attackers of a clause of their own are not more dead.
        ("A guard was killed on Friday when two militants attacked the post.", 1),
        ("A supporter of the party was attacked and killed on his way home.", 1),
        # Person nouns of conflict notes, and a count of the outcome itself.
        ("Security forces killed an NDFB cadre during an encounter on Friday.", 1),
        ("Three Indian military troopers and a militant were killed on Monday.", 4),
        ("A land dispute at Dara village resulted in one death and four injuries.", 1),
        # A day of the month is no count.
        ("Two militants were killed on 11 September in Kupwara district.", 2),
        # A count after "killed and" opens a clause of its own.
        ("One man was killed and 25 others, three with bullets, were injured in a clash.", 1),
    ],
)
def test_conflict_note_tolls(enricher, text, killed):
    assert count(primary(enricher, text, "2015-09-10")["killed"]) == killed


def test_a_story_that_leads_with_its_total_tells_it_again_further_down(enricher):
    text = (
        "Four people were wounded in a shooting on Elm Street on Saturday. Police said one man "
        "was shot in the leg outside a bar. Officers found him on the sidewalk. A witness said "
        "two were also shot near the door."
    )
    assert count(primary(enricher, text, "2024-04-07")["injured"]) == 4


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("The gun went off and the bullet struck him in the groin, deputies said.", 1),
        ("A stray bullet grazed a woman sitting on her porch on Friday.", 1),
        ("Five vehicles and three homes were struck by gunfire on Friday.", None),
        ("The car struck a pedestrian who was crossing the road on Friday.", None),
        ("A gunman killed one person and seriously injured another on Friday.", 1),
    ],
)
def test_people_hit_by_rounds(enricher, text, injured):
    record = enrich(enricher, text, "2024-04-09")
    event = record["events"][0] if record["events"] else {}
    assert count(event.get("injured")) == injured


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        # A date hanging from the incident noun dates the incident whatever the verb.
        (
            "Police are investigating a shooting about 10:30 p.m. Friday that left two people "
            "wounded.",
            "2018-03-17",
            "2018-03-16",
        ),
        # An appeal for help is dated by its own day; the incident by the next sentence's.
        (
            "Detectives were asking for the public's help Saturday in finding whoever fatally "
            "shot a woman. Officers discovered her in a car late Friday night.",
            "2014-01-18",
            "2014-01-17",
        ),
        # A caption before the lead does not push the incident's date out of it.
        (
            "(Police Department photo) SPRINGFIELD — A man is sought in connection with a "
            "Jan. 5 armed home invasion. Tuesday afternoon, the chief announced a warrant.",
            "2014-02-12",
            "2014-01-05",
        ),
    ],
)
def test_the_day_of_the_incident_over_the_day_of_the_report(enricher, text, published, date):
    assert primary(enricher, text, published)["date"] == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Construction workers staged a dharna in front of the Collectorate on Monday.",
            "2015-03-09",
        ),
        (
            "Traders called a bandh in the district on Tuesday to protest the new levy.",
            "2015-03-10",
        ),
        ("Villagers resorted to a road roko on the highway on Wednesday.", "2015-03-11"),
        ("Supporters of two rival groups clashed near the market on Thursday.", "2015-03-12"),
        (
            "Troops targeted border posts along the frontier on Friday, officials said.",
            "2015-03-13",
        ),
    ],
)
def test_protests_and_clashes_of_conflict_notes_open_an_incident(enricher, text, date):
    assert primary(enricher, text, "2015-03-14")["date"] == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Activists set two buses afire by hurling petrol bombs on the highway on Monday.",
            "2015-03-09",
        ),
        ("A militant commander lost his life in a gunfight with troops on Tuesday.", "2015-03-10"),
        ("Police gunned down two suspects in a shootout on Wednesday.", "2015-03-11"),
        ("Unknown militants blew up a gas pipeline in the district on Thursday.", "2015-03-12"),
        (
            "Students were protesting outside the university on Friday over the fee hike.",
            "2015-03-13",
        ),
        ("A mob ransacked a police post and threw stones at officers on Friday.", "2015-03-13"),
    ],
)
def test_more_wordings_of_conflict_notes_open_an_incident(enricher, text, date):
    assert primary(enricher, text, "2015-03-14")["date"] == date


@pytest.mark.parametrize(
    "text",
    [
        # US gun and court words say which country's Greenwich or Lyndhurst it is.
        "Greenwich police are investigating an armed home invasion on Tuesday evening.",
        "A man accidentally shot himself in the arm while cleaning a handgun in Lyndhurst.",
        "A man fired a .40 caliber pistol at officers after a car chase in Manchester.",
        "A Charlton man was ordered held without bail on Monday after he threatened his brother.",
    ],
)
def test_us_gun_and_court_words_pick_the_american_namesake(enricher, text):
    place = primary(enricher, text, "2018-03-13")["place"]
    assert place is not None and place["country_code"] == "US"


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # an emergency number's digits are a count unless dialled
        (
            "A bomb exploded at a hospital. At least 70 people were killed and 112 were injured.",
            70,
            112,
        ),
        ("Gunmen stormed a market, killing 12 and wounding 911 others, officials said.", 12, 911),
        ("A truck bomb killed 40 people; 999 people were hurt, the ministry said.", 40, 999),
        # dozens counted: "more than two dozen" is more than 24
        (
            "A bomb ripped through a market, killing 10 and injuring more than two dozen others.",
            10,
            25,
        ),
        ("A car bomb killed half a dozen people and wounded three dozen.", 6, 36),
        # a toll told after a long "from ..."
        (
            "The death toll from a suicide bombing at a mosque in northern Afghanistan rose to 21 "
            "on Friday, a spokesman said.",
            21,
            None,
        ),
    ],
)
def test_counts_as_wires_write_them(enricher, text, killed, injured):
    event = primary(enricher, text, "2016-08-09")
    assert (count(event["killed"]), count(event["injured"])) == (killed, injured)
