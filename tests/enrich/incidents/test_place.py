"""An incident's place against the article's other places (incidents.place): a place of a
country or region the article names less than another gives way. Places built by hand."""

from __future__ import annotations

import pytest

from pipeline.enrich.incidents.place import _in_the_majority, _policed_from_afar, _the_borough_named
from pipeline.enrich.places.found import Admin1, FoundPlace


def place(
    name: str, country: str, region: str | None, *, mentions: int = 1, feature: str = "city"
) -> FoundPlace:
    return FoundPlace(
        name=name,
        country_code=country,
        lat=0.0,
        lon=0.0,
        geonameid=None,
        feature=feature,
        admin1=Admin1(region, None) if region else None,
        mentions=[[k * 10, k * 10 + 4] for k in range(mentions)],
    )


def by_country(place: FoundPlace) -> str | None:
    return place.country_code


def by_us_region(place: FoundPlace) -> str | None:
    return place.region if place.country_code == "US" else None


def test_a_common_word_read_as_a_town_abroad_gives_way_to_the_notes_country():
    hill = place("Hill", "US", "New Hampshire")
    shillong = place("Shillong", "IN", "Meghalaya")
    meghalaya = place("Meghalaya", "IN", "Meghalaya", feature="admin1")
    chosen = _in_the_majority(hill, [hill, meghalaya, shillong], by_country)
    assert chosen is shillong


def test_a_country_named_in_passing_gives_way_to_the_towns_of_another():
    france = place("France", "FR", None, feature="country")
    srinagar = place("Srinagar", "IN", "Kashmir", mentions=2)
    assert _in_the_majority(france, [france, srinagar], by_country) is srinagar


def test_a_tie_between_countries_keeps_the_incidents_place():
    samba = place("Samba", "AO", None)
    pakistan = place("Pakistan", "PK", None, feature="country")
    assert _in_the_majority(samba, [samba, pakistan], by_country) is samba


def test_a_region_named_less_gives_way_to_the_regions_first_town():
    lawndale = place("Lawndale", "US", "California")
    chicago = place("Chicago", "US", "Illinois", mentions=3)
    assert _in_the_majority(lawndale, [lawndale, chicago], by_us_region) is chicago


def test_mentions_of_where_someone_came_from_cast_no_vote():
    # "shells fired from Afghanistan into Pakistan ... from Afghanistan again": twice an origin.
    afghanistan = place("Afghanistan", "AF", None, mentions=2, feature="country")
    afghanistan.origins = {0, 10}
    pakistan = place("Pakistan", "PK", None, feature="country")
    assert _in_the_majority(pakistan, [afghanistan, pakistan], by_country) is pakistan
    afghanistan.origins = set()
    assert _in_the_majority(pakistan, [afghanistan, pakistan], by_country) is afghanistan


def test_an_incident_is_not_placed_where_its_attackers_came_from(enrich):
    record = enrich(
        "A farmer was killed on Sunday by mortar shells fired from Afghanistan into a village of "
        "Pakistan. Gunmen from Afghanistan also fired at a border post."
    )
    assert record["events"][0]["place"]["country_code"] == "PK"


def test_a_home_town_still_votes_for_its_region():
    # "a Pocatello man ... a Pocatello woman": where they live is the story's region, even if
    # not the incident's town; a town read abroad twice does not outvote it.
    pocatello = place("Pocatello", "US", "Idaho", mentions=2)
    pocatello.homes = {0, 10}
    ponce = place("Ponce", "PR", "Ponce")
    assert _in_the_majority(pocatello, [pocatello, ponce], by_country) is pocatello


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # Where someone lives is not where they were shot.
        (
            "An Adelanto man was shot and killed Thursday night in Victorville, deputies said.",
            "Victorville",
        ),
        ("Deputies arrested a Kent teen after a shooting in Renton on Friday.", "Renton"),
        # Alone, the home town is still the story's town.
        ("A Joplin man was shot and wounded on Friday, police said.", "Joplin"),
    ],
)
def test_a_home_town_gives_way_to_where_it_happened(enrich, text, town):
    assert enrich(text)["events"][0]["place"]["name"] == town


def test_a_town_a_headline_made_a_name_of_is_still_the_town_before_its_people(enrich):
    # NER reads the headline's "Detroit Boy" as a person; "an 11-year-old Detroit boy" is the
    # town's all the same.
    record = enrich(
        "An 11-year-old Detroit boy was arrested after he shot a 3-year-old with a handgun "
        "on Monday, prosecutors said.",
        title="Detroit Boy, 11, Charged With Manslaughter in Shooting of Toddler",
    )
    assert record["events"][0]["place"]["name"] == "Detroit"


def test_a_tie_between_countries_goes_to_the_outlets():
    # "Lakeside" (a Florida town too) and "Pokhara", once each, in a Nepali paper's note.
    lakeside = place("Lakeside", "US", "Florida")
    pokhara = place("Pokhara", "NP", "Western Region")
    assert _in_the_majority(lakeside, [lakeside, pokhara], by_country, preferred="NP") is pokhara
    # Without the outlet's word, or with a majority against it, the first stays.
    assert _in_the_majority(lakeside, [lakeside, pokhara], by_country) is lakeside
    twice = place("Lakeside", "US", "Florida", mentions=2)
    assert _in_the_majority(twice, [twice, pokhara], by_country, preferred="NP") is twice


def test_a_tie_in_a_known_outlets_note(enrich):
    record = enrich(
        "Members of a mothers' group at Lakeside in Pokhara took out a rally on Sunday.",
        source="The Kathmandu Post",
    )
    assert record["events"][0]["place"]["country_code"] == "NP"


def test_a_neighbourhood_is_filed_under_the_town_the_story_names_around_it(enrich):
    record = enrich("Four people were shot outside a catering hall in East Flatbush, Brooklyn.")
    assert record["events"][0]["place"]["name"] == "Brooklyn"
    # Named alone, it is filed under the city it lies in.
    record = enrich("A man was shot and wounded in Rogers Park on Saturday night, police said.")
    assert record["events"][0]["place"]["name"] == "Chicago"


@pytest.mark.parametrize(
    ("title", "text", "borough"),
    [
        (
            "Man killed in Canarsie",
            "A 30-year-old man was shot dead in Canarsie early Sunday, police said.",
            "Brooklyn",
        ),
        (
            "Two wounded at Coney Island",
            "NEW YORK -- Two teenagers were wounded by gunfire on the boardwalk at Coney Island on "
            "Friday evening.",
            "Brooklyn",
        ),
        (
            "Woman shot in NYC",
            "NEW YORK (AP) -- New York City police say a woman was shot and killed inside her "
            "apartment in the Bronx on Tuesday night.",
            "The Bronx",
        ),
        (
            "Teen shot on Staten Island",
            "A teenager was shot in the leg on Staten Island on Monday, New York City police said.",
            "Staten Island",
        ),
    ],
)
def test_new_york_city_files_its_incidents_by_borough(enrich, title, text, borough):
    assert enrich(text, title=title)["events"][0]["place"]["name"] == borough


def test_new_york_city_stays_when_the_story_names_two_boroughs():
    brooklyn = place("Brooklyn", "US", "New York")
    brooklyn.county = "Kings County"
    queens = place("Queens", "US", "New York")
    queens.county = "Queens County"
    assert _the_borough_named([brooklyn]) is brooklyn
    assert _the_borough_named([brooklyn, queens]) is None
    # a town of the name elsewhere is no borough
    ohio = place("Brooklyn", "US", "Ohio")
    ohio.county = "Cuyahoga County"
    assert _the_borough_named([ohio]) is None


@pytest.mark.parametrize(
    ("title", "text", "town", "region"),
    [
        (
            "Gunman kills clerk in suburban Phoenix",
            "MESA, Ariz. -- A store clerk was shot and killed Saturday in suburban Phoenix, Mesa "
            "police said.",
            "Mesa",
            "Arizona",
        ),
        (
            "Three found dead in Atlanta suburbs",
            "Police found the bodies of three people in Atlanta's eastern suburbs on Monday. "
            "Officers had been called to a home in Snellville.",
            "Snellville",
            "Georgia",
        ),
        (
            "Two teens shot in Houston-area park",
            "Two teenagers were wounded by gunfire at a park in Pasadena late Friday.",
            "Pasadena",
            "Texas",
        ),
    ],
)
def test_a_city_named_for_its_metropolitan_area_gives_way_to_its_town(
    enrich, title, text, town, region
):
    place = enrich(text, title=title)["events"][0]["place"]
    assert (place["name"], place["admin1"]["name"]) == (town, region)


@pytest.mark.parametrize(
    "text",
    [
        # no town of the area named: the area is the city's
        "A man was shot and wounded in suburban Denver on Sunday, police said.",
        # a small town's area is the town's own
        "Two men were wounded in the Tolleson area on Sunday, Phoenix police said.",
    ],
)
def test_a_metropolitan_area_alone_or_a_small_towns_area_stays(enrich, text):
    town = "Denver" if "Denver" in text else "Tolleson"
    assert enrich(text)["events"][0]["place"]["name"] == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "SEATTLE, Wash. -- A drive-by shooting that killed a teenager in Kent is being "
            "investigated by detectives.",
            "Kent",
        ),
        (
            "LOS ANGELES -- A gunman who killed three people in Santa Monica on Friday had "
            "written a note, police said.",
            "Santa Monica",
        ),
    ],
)
def test_a_town_near_the_dateline_named_in_its_sentence_is_the_incidents(enrich, text, town):
    assert enrich(text)["events"][0]["place"]["name"] == town


def test_a_town_the_lead_names_comes_before_the_dateline(enrich):
    record = enrich(
        "POCATELLO, Idaho (AP) - A couple charged with the accidental shooting of a young girl "
        "in Chubbuck last year have pleaded not guilty. The couple entered the plea Wednesday "
        "to charges of injury to a child for the death of the 5-year-old girl.",
        title="Couple pleads not guilty to accidental shooting of girl",
    )
    assert record["events"][0]["place"]["name"] == "Chubbuck"


@pytest.mark.parametrize(
    ("title", "text", "city", "region"),
    [
        (
            "Teen shot in Austin",
            "A 16-year-old boy was shot on Saturday night in the Austin neighborhood on Chicago's "
            "West Side.",
            "Chicago",
            "Illinois",
        ),
        (
            "Two men wounded in Gresham",
            "Two men were wounded late Friday in the Gresham neighborhood of Chicago, a police "
            "spokesman said.",
            "Chicago",
            "Illinois",
        ),
    ],
)
def test_a_name_the_story_gives_a_neighbourhood_is_no_town_in_its_headline(
    enrich, title, text, city, region
):
    place = enrich(text, title=title)["events"][0]["place"]
    assert (place["name"], place["admin1"]["name"]) == (city, region)


def test_a_town_before_neighborhood_after_a_or_an_is_the_town(enrich):
    record = enrich("Four people were found shot dead on Sunday in a Greenacres neighborhood.")
    assert record["events"][0]["place"]["name"] == "Greenacres"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "A 5-year-old boy was fatally shot in Madisonville on Saturday, Cincinnati police said.",
            "Cincinnati",
        ),
        (
            "Three people were wounded in a shooting in Roxbury early Sunday, Boston police said.",
            "Boston",
        ),
        (
            "Officers of the Chicago Police Department found a teenager shot dead in Austin.",
            "Chicago",
        ),
    ],
)
def test_a_town_far_from_the_city_whose_police_speak_is_that_citys_neighbourhood(
    enrich, text, city
):
    assert enrich(text)["events"][0]["place"]["name"] == city


def test_a_nearby_forces_help_leaves_the_town(enrich):
    record = enrich(
        "A man was shot and killed in Salem on Friday. Portland police helped search for the "
        "driver."
    )
    assert record["events"][0]["place"]["name"] == "Salem"


def placed(name: str, country: str, region: str | None, lat: float, lon: float, **kw) -> FoundPlace:
    return FoundPlace(
        name=name,
        country_code=country,
        lat=lat,
        lon=lon,
        geonameid=None,
        feature=kw.pop("feature", "city"),
        admin1=Admin1(region, None) if region else None,
        mentions=[[0, 4]],
        **kw,
    )


def test_policing_from_afar_needs_a_big_city_and_an_unplaced_town():
    madisonville = placed("Madisonville", "US", "Kentucky", 37.33, -87.5)
    cincinnati = placed("Cincinnati", "US", "Ohio", 39.16, -84.46, population=300_000)
    cincinnati.agencies.add(40)
    assert _policed_from_afar(madisonville, [madisonville, cincinnati]) is cincinnati
    # A small town's force (often a county's name read as a town) moves nothing.
    small = placed("DeKalb", "US", "Illinois", 41.93, -88.75, population=40_000)
    small.agencies.add(40)
    assert _policed_from_afar(madisonville, [madisonville, small]) is None
    # A town placed in its region by the story ("Karachi, Sindh") keeps it against a station
    # of a namesake abroad.
    karachi = placed("Karachi", "PK", "Sindh", 24.9, 67.1)
    sindh = placed("Sindh", "PK", "Sindh", 26.0, 68.0, feature="admin1")
    arambagh = placed("Arambagh", "IN", "West Bengal", 22.9, 87.8, population=60_000)
    arambagh.agencies.add(40)
    assert _policed_from_afar(karachi, [karachi, sindh, arambagh]) is None
    assert _policed_from_afar(karachi, [karachi, arambagh]) is arambagh


@pytest.mark.parametrize(
    "text",
    [
        "A man was shot in Sandusky on Friday. He was airlifted to a children's hospital in "
        "Cleveland, where he was listed in stable condition.",
        "A man was shot in Sandusky on Friday. He was taken by ambulance to Metro Medical "
        "Center in Cleveland.",
    ],
)
def test_the_town_of_the_hospital_is_not_the_incidents(enrich, text):
    assert enrich(text)["events"][0]["place"]["name"] == "Sandusky"


def test_a_county_story_from_the_county_towns_outlet_is_that_towns(enrich):
    url = "https://www.wkrg.com/news/local/shooting"  # a Mobile, Alabama station
    text = "A man was shot and wounded in Mobile County on Friday night, deputies said."
    assert enrich(text, url=url)["events"][0]["place"]["name"] == "Mobile"
    # A county the outlet's town is not in stays the county.
    text = "A man was shot and wounded in Baldwin County on Friday night, deputies said."
    assert enrich(text, url=url)["events"][0]["place"]["name"] == "Baldwin County"


def test_a_place_after_a_hospital_in_the_sentence_before_is_still_the_incidents(enrich):
    text = (
        "The first victim was taken to the hospital. A second man was shot in Dayton an hour "
        "later, police said."
    )
    assert "Dayton" in {p["name"] for e in enrich(text)["events"] for p in [e["place"] or {}]}


@pytest.mark.parametrize(
    ("text", "title", "town"),
    [
        # A town named to say where another lies is not the incident's.
        (
            "Three people were shot during a party at a house in the Portland suburb of "
            "Gresham on Sunday, police said.",
            "3 hurt in suburban Portland shooting",
            "Gresham",
        ),
        (
            "The shooting happened at a gas station in Conyers, about 25 miles east of "
            "Atlanta, on Sunday, deputies said.",
            None,
            "Conyers",
        ),
        # "near" places the incident itself: it stays.
        ("Two men were shot on a farm near Woodburn on Sunday, deputies said.", None, "Woodburn"),
    ],
)
def test_a_reference_point_is_not_the_place(enrich, text, title, town):
    assert enrich(text, title=title)["events"][0]["place"]["name"] == town
