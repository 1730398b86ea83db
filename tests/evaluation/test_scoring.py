from pipeline.evaluation.scoring import Score, point_value


def record(killed, injured, date):
    return {"events": [{"killed": killed, "injured": injured, "date": date}]}


def test_point_values():
    assert point_value({"min": 21, "max": None, "qualifier": "at_least"}) == 21
    assert point_value({"min": None, "max": 40, "qualifier": "at_most"}) == 40
    # "More than 20" / "fewer than 5": the number stated, as incident coders record it.
    assert point_value({"min": 21, "max": None, "qualifier": "more_than"}) == 20
    assert point_value({"min": None, "max": 4, "qualifier": "fewer_than"}) == 5
    assert point_value({"min": None, "max": None, "qualifier": "unspecified"}) is None
    vague = {"min": None, "max": None, "qualifier": "unspecified", "estimate": 3}
    assert point_value(vague) is None and point_value(vague, estimates=True) == 3
    assert point_value(None) is None


def test_invented_numbers_are_counted():
    score = Score()
    score.add(
        {"id": "a", "killed": None, "injured": 3, "event_date": "2024-01-01"},
        record(
            {"min": 2, "max": 2, "qualifier": "exact"},
            {"min": 3, "max": 3, "qualifier": "exact"},
            "2024-01-01",
        ),
    )
    score.add({"id": "b", "killed": 5, "injured": None, "event_date": None}, {"events": []})
    assert score.accuracy("injured") == 1.0 and score.accuracy("killed") == 0.0
    assert score.invented["killed"] == 1
    assert score.accuracy("event_date") == 1.0
    assert {m["id"] for m in score.misses} == {"a", "b"}
    assert {m["cause"] for m in score.misses if m["field"] == "killed"} == {
        "number where the text gives none",
        "none found",
    }


def test_a_coded_town_with_the_place_inside_it_accepts_either():
    from pipeline.evaluation.scoring import city_names

    assert city_names("Goleta (Isla Vista)") == {"goleta", "isla vista"}
    assert city_names("St. Louis") == {"st louis"}
    assert city_names("Bronx") == city_names("The Bronx") == {"bronx"}
    # GVA codes a county as "Polk (county)"; the record names it "Polk County"
    assert city_names("Polk (county)") == {"polk county"}


def test_states_are_compared_by_code_not_spelling():
    score = Score()
    place = {"name": "Washington", "feature": "city", "country_code": "US"}
    place["admin1"] = {"name": "Washington, D.C.", "code": "US-DC"}
    record = {"events": [{"killed": None, "injured": None, "date": None, "place": place}]}
    score.add({"id": "a", "state": "District of Columbia", "city": "Washington"}, record)
    assert score.accuracy("state") == 1.0 and score.accuracy("city") == 1.0
