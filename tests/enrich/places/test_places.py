from __future__ import annotations

import pytest

from pipeline.enrich.places.resolve import extract_places


def names(doc):
    return [(p.name, p.country_code) for p in extract_places(doc)]


def test_town_the_model_mislabels_is_still_found(model_doc):
    doc = model_doc(
        "Russia accused Ukraine of an attack in the city of Belgorod. Belgorod, located "
        "near the border, was hit again."
    )
    places = {p.name: p for p in extract_places(doc)}
    belgorod = places["Belgorod"]
    assert belgorod.country_code == "RU"
    assert belgorod.lat == pytest.approx(50.60, abs=0.05) and belgorod.lon == pytest.approx(
        36.58, abs=0.05
    )
    assert len(belgorod.mentions) == 2
    for start, end in belgorod.mentions:
        assert doc.text[start:end] == "Belgorod"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A man was shot in Paris, Texas, on Monday.", [("Paris", "US"), ("Texas", "US")]),
        ("Protesters marched in Paris on Monday.", [("Paris", "FR")]),
        ("Shelling hit Kharkiv and Kiev overnight.", [("Kharkiv", "UA"), ("Kyiv", "UA")]),
        (
            "Britain and the United States condemned the strike.",
            [("United Kingdom", "GB"), ("United States", "US")],
        ),
        (
            "Gunmen attacked a village near Maiduguri in Nigeria.",
            [("Maiduguri", "NG"), ("Nigeria", "NG")],
        ),
    ],
)
def test_geocoding_by_context(model_doc, text, expected):
    assert names(model_doc(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police said most people fled.",
        "Reading is a good habit, she said in March.",
        "Michael Jackson sang at the show.",
        "Prices split the committee.",
    ],
)
def test_common_words_are_not_places(model_doc, text):
    assert names(model_doc(text)) == []


def test_works_on_an_untagged_doc(blank_doc):
    assert names(blank_doc("Floods hit villages near Sylhet in Bangladesh.")) == [
        ("Sylhet", "BD"),
        ("Bangladesh", "BD"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country's name before a common noun says whose, not where.
        ("A US drone strike killed five men at a compound on Tuesday.", []),
        ("US forces raided the village before dawn.", []),
        ("Two US citizens were shot dead in Tijuana.", [("Tijuana", "MX")]),
        # Where it is the place, it stays.
        ("He was deported to Pakistan last year.", [("Pakistan", "PK")]),
        ("The strike in Yemen killed four.", [("Yemen", "YE")]),
    ],
)
def test_a_country_named_as_a_modifier_is_no_place(model_doc, text, expected):
    assert names(model_doc(text)) == expected


def test_a_country_named_as_a_modifier_gives_no_country_clue(enrich):
    record = enrich("A US drone strike killed five suspected militants at a compound on Tuesday.")
    assert [e["place"] for e in record["events"]] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A people is no place, whatever town carries its name as another name.
        ("Gunmen ambushed a Thai patrol on the border road.", []),
        # A direction opens a longer name after the comma, not a region of its own.
        ("Three militants were killed in Wana, South Waziristan.", [("Wana", "PK")]),
        # An abbreviated state ends its sentence; the next one's capital is no longer name.
        ("A man was shot in Springfield, Ill. Police said he died.", [("Springfield", "US")]),
    ],
)
def test_peoples_and_directions_are_no_places(model_doc, text, expected):
    assert names(model_doc(text)) == expected


def test_springfield_ill_is_illinois_before_a_new_sentence(model_doc):
    places = extract_places(model_doc("A man was shot in Springfield, Ill. Police said he died."))
    assert places[0].admin1.name == "Illinois"


@pytest.mark.parametrize(
    ("text", "origins"),
    [
        ("Militants from Afghanistan attacked a checkpost in Kohat.", {"Afghanistan"}),
        ("A man from Dayton was shot dead in Springfield.", {"Dayton"}),
        ("A woman was shot two miles from Dayton.", set()),  # a distance: near Dayton
        ("The girl died from Chicago gunfire on Tuesday.", set()),  # whose gunfire
    ],
)
def test_a_place_someone_came_from_is_marked(model_doc, text, origins):
    doc = model_doc(text)
    found = {
        doc.text[start:end]
        for place in extract_places(doc)
        for start, end in place.mentions
        if start in place.origins
    }
    assert found == origins


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part of a town in lower case before its name makes it a place, whatever NER said.
        ("A father was shot outside a northeast Houston Walgreens on Sunday.", [("Houston", "US")]),
        ("Officers were called to a home in north Mobile after a shooting.", [("Mobile", "US")]),
        ("Two men were wounded in downtown Dayton overnight.", [("Dayton", "US")]),
        # A capitalised direction is a name of its own ("South Park" is no part of a Park).
        ("The episode of South Park aired on Sunday.", []),
    ],
)
def test_a_part_of_a_town_before_its_name(model_doc, text, expected):
    assert names(model_doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        # A town before the place it happened at, or its people: "a Mesa motel".
        (
            "A gunman opened fire in a Bellflower barbershop on Friday night.",
            "Bellflower",
            "California",
        ),
        ("Deputies found a man shot at a Tifton motel early Sunday.", "Tifton", "Georgia"),
        # A direction "of" a town places what is there by the town.
        ("The girl was shot on Monday at her home east of Joplin.", "Joplin", "Missouri"),
        # A town's police, however NER read the words.
        (
            "Sylvester Police now say an eighth teen was hurt in the shooting.",
            "Sylvester",
            "Georgia",
        ),
        (
            "The man told Corpus Christi police he was cleaning a handgun.",
            "Corpus Christi",
            "Texas",
        ),
        (
            "The Jacksonville Sheriff's Office said the shooting happened before 6 p.m.",
            "Jacksonville",
            "Florida",
        ),
    ],
)
def test_towns_named_by_what_is_there(model_doc, text, town, state):
    found = {(p.name, p.admin1.name if p.admin1 else None) for p in extract_places(model_doc(text))}
    assert (town, state) in found


def test_a_big_citys_other_name_alone_is_no_place(model_doc):
    # "Rashid" is one of Rosetta's names, and a man's: without a cue it is the man's.
    for text in (
        "Four members were killed in a clash with a rival group; senior commanders Rashid and "
        "Khadim were among the dead.",
        "Gunmen shot a policeman (Rashid) dead outside his house.",
    ):
        assert "Rosetta" not in {p.name for p in extract_places(model_doc(text))}
    # Its own name, and the other name with a cue, are still the city.
    assert "Rosetta" in {p.name for p in extract_places(model_doc("Police in Rashid said so."))}


@pytest.mark.parametrize(
    "text",
    [
        "Louisville Metro Police found a man shot at 40th and Grand early Sunday.",
        "Officers were called to Grand & 28th just after midnight, where a woman had been shot.",
    ],
)
def test_a_street_named_at_a_corner_is_no_town(model_doc, text):
    assert "Grand" not in {name for name, _ in names(model_doc(text))}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # NER takes the end of the name for a person's, or tags its first word alone.
        (
            "Two policemen were shot dead when gunmen attacked a patrol in Dera Ismail Khan "
            "on Tuesday.",
            "Dera Ismail Khan",
        ),
        # A district after a village NER tagged a place, though no gazetteer has the village.
        ("A shopkeeper was shot dead in Babaini, Mardan as he opened his shop.", "Mardan"),
        ("Gunmen killed a villager in Kalpani, Mardan, police said.", "Mardan"),
    ],
)
def test_a_towns_whole_name_through_a_taggers_slip(model_doc, text, town):
    assert (town, "PK") in names(model_doc(text))


def test_a_place_entity_cut_short_takes_the_gazetteers_longer_name(blank_doc):
    from spacy.tokens import Span

    from pipeline.enrich.places.gazetteer import get_gazetteer
    from pipeline.enrich.places.resolve import find_mentions

    doc = blank_doc("Militants fired rockets at a checkpoint in Dera Ismail Khan overnight.")
    dera = next(t.i for t in doc if t.text == "Dera")
    doc.ents = [Span(doc, dera, dera + 1, label="GPE")]  # the tagger's "Dera" alone
    surfaces = [m.surface for m in find_mentions(doc, get_gazetteer())]
    assert surfaces == ["Dera Ismail Khan"]


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        # a town named like an everyday word, held by the units written after it
        (
            "A truck drove into a crowd in Nice city, Alpes-Maritimes department, France.",
            "Nice",
            "FR",
        ),
        (
            "A bomb exploded near a police station in Bannu city, Bannu district, Khyber "
            "Pakhtunkhwa province, Pakistan.",
            "Bannu",
            "PK",
        ),
        ("Gunmen attacked a camp in Gao city, Gao region, Mali.", "Gao", "ML"),
    ],
)
def test_a_towns_units_written_down_to_its_country(model_doc, text, town, country):
    assert (town, country) in names(model_doc(text))


def test_a_common_word_before_city_without_units_is_no_place(model_doc):
    assert ("Nice", "FR") not in names(model_doc("It was a Nice city to visit, she said."))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a city's agency shared with its county
        ("A man was shot on Friday, Charlotte-Mecklenburg police said.", "Charlotte"),
        ("Charlotte-Mecklenburg Police said a man was shot on Friday.", "Charlotte"),
        (
            "A man was shot, according to the Savannah-Chatham Metropolitan Police Department.",
            "Savannah",
        ),
        # a town the tagger took for a person's name or for a location
        ("A man was shot dead on Tuesday in Broken Arrow, police said.", "Broken Arrow"),
        (
            "One person is dead after a shooting at a nightclub on Church Road near Magnolia.",
            "Magnolia",
        ),
    ],
)
def test_towns_named_where_the_tagger_slips(model_doc, text, town):
    assert town in [name for name, _ in names(model_doc(text))]


@pytest.mark.parametrize(
    "text",
    [
        # a small namesake abroad, named with another unit's word, is not the town
        "Two soldiers were injured in Mayo district when a mine detonated.",
        "Gunmen fired on a van in Shalman area of Khyber region.",
    ],
)
def test_a_small_namesake_before_a_units_word_is_no_town(model_doc, text):
    assert not {"Mayo", "Shalmān"} & {name for name, _ in names(model_doc(text))}


def test_a_town_named_inside_a_buildings_name_after_in(model_doc):
    text = (
        "Officials said 19 children and two teachers were killed when a gunman stormed Robb "
        "Elementary School in Uvalde, Texas."
    )
    assert ("Uvalde", "US") in names(model_doc(text))
