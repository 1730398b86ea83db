"""How labelled rows are read: kinds, the kept-aside part, and each set's conventions."""

from pipeline.enrich.dates.expressions import FoundDate
from pipeline.evaluation.datasets import Kind, Part, in_part, kept_aside, kind_of, left_out
from pipeline.evaluation.scoring import Score
from pipeline.evaluation.timex import TimexScore, is_calendar_value


def event(killed=None, injured=None, date="2024-01-02", place=None, perpetrators=None):
    figure = lambda n: None if n is None else {"min": n, "max": n, "qualifier": "exact"}  # noqa: E731
    return {
        "events": [
            {
                "killed": figure(killed),
                "injured": figure(injured),
                "date": date,
                "place": place,
                "perpetrators": {"killed": figure(perpetrators), "injured": None},
            }
        ]
    }


def test_kinds_are_told_by_fields():
    assert kind_of({"timexes": []}) is Kind.TIMEX
    assert kind_of({"country": "India", "event_type": "Riots"}) is Kind.ACLED
    assert kind_of({"country": "US", "state": "Ohio"}) is Kind.GVA
    assert kind_of({"killed": 1}) is Kind.GOLD


def test_kept_aside_is_stable_and_keeps_incidents_together():
    rows = [{"id": f"a{i}", "incident_id": "77"} for i in range(10)]
    assert len({kept_aside(r) for r in rows}) == 1  # one incident, one side
    ids = [{"id": f"row-{i}"} for i in range(1000)]
    share = sum(kept_aside(r) for r in ids) / len(ids)
    assert 0.15 < share < 0.25
    assert all(in_part(r, Part.ASIDE) != in_part(r, Part.TUNE) for r in ids)


def test_split_acled_notes_are_left_out():
    assert left_out({"rows_with_same_notes": 3})
    assert left_out({"rows_with_same_notes": 1}) is None


def test_labelled_sets_read_null_as_not_coded_and_zero_as_nothing_found():
    score = Score(kind=Kind.ACLED)
    score.add({"id": "a", "killed": 0, "injured": None, "country": "India"}, event(killed=None))
    assert score.scored["injured"] == 0  # not coded: not scored
    assert score.accuracy("killed+") == 1.0  # no figure for a zero toll is right
    score.add({"id": "b", "killed": 0, "injured": None}, event(killed=2))
    assert score.invented["killed+"] == 1


def test_gva_counts_the_shooter_among_the_killed():
    score = Score(kind=Kind.GVA)
    score.add(
        {"id": "a", "killed": 2, "injured": 0, "country": "US"}, event(killed=1, perpetrators=1)
    )
    report = score.as_dict()
    assert report["accuracy"]["killed"] == 1.0  # the set's score of record: victims + shooter
    assert report["victims_only"]["killed"] == 0.0


def test_places_are_scored_by_country_state_and_city():
    place = {
        "name": "Elgin",
        "country_code": "US",
        "feature": "city",
        "admin1": {"name": "Illinois", "code": "US-IL"},
    }
    score = Score(kind=Kind.GVA)
    score.add(
        {
            "id": "a",
            "killed": 0,
            "injured": 5,
            "country": "US",
            "state": "Illinois",
            "city": "Elgin",
        },
        event(injured=5, place=place),
    )
    assert [score.accuracy(f) for f in ("country", "state", "city")] == [1.0, 1.0, 1.0]


def test_estimates_count_only_where_coders_use_them():
    vague = {
        "events": [
            {
                "killed": {"min": None, "max": None, "qualifier": "unspecified", "estimate": 12},
                "injured": None,
                "date": "2015-01-01",
                "place": None,
            }
        ]
    }
    acled, gold = Score(kind=Kind.ACLED), Score(kind=Kind.GOLD)
    acled.add({"id": "a", "killed": 12, "injured": None}, vague)
    gold.add({"id": "a", "killed": None, "injured": None, "event_date": "2015-01-01"}, vague)
    assert acled.accuracy("killed+") == 1.0
    assert gold.accuracy("killed") == 1.0 and gold.invented["killed"] == 0


def test_timex_value_accuracy_over_calendar_values():
    assert is_calendar_value("1998-Q3") and is_calendar_value("1998-08-07")
    assert not is_calendar_value("PAST_REF") and not is_calendar_value("XXXX-XX-XX")
    score = TimexScore()
    row = {
        "doc_id": "d",
        "timexes": [
            {"text": "Friday", "value": "1998-08-07", "start": 10, "end": 16, "tid": "t1"},
            {"text": "recently", "value": "PAST_REF", "start": 20, "end": 28, "tid": "t2"},
            {"text": "1997", "value": "1997", "start": 30, "end": 34, "tid": "t3"},
        ],
    }
    score.add(
        row,
        [
            FoundDate(
                text="Friday",
                start=10,
                end=16,
                value="1998-08-07",
                granularity="day",
                basis="relative",
            ),
            FoundDate(
                text="1997", start=30, end=34, value="1998", granularity="year", basis="stated"
            ),
        ],
    )
    report = score.as_dict()
    assert (report["calendar_timexes"], report["not_calendar_timexes"]) == (2, 1)
    assert report["accuracy"]["date_value"] == 0.5 and report["span_found"] == 1.0
