from __future__ import annotations

import datetime as dt

import pytest

from pipeline.enrich.dates.expressions import extract_dates

JAN_1_2024 = dt.date(2024, 1, 1)  # a Monday
THU_14_MAR_2024 = dt.date(2024, 3, 14)


def values(doc, published):
    return [(d.text, d.value, d.granularity) for d in extract_dates(doc, published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The attack occurred on New Year's Eve.",
            JAN_1_2024,
            [("New Year's Eve", "2023-12-31", "day")],
        ),
        (
            "The parade is planned for New Year's Eve.",
            dt.date(2024, 6, 1),
            [("New Year's Eve", "2024-12-31", "day")],
        ),
        ("Shops closed on Christmas Day.", JAN_1_2024, [("Christmas Day", "2023-12-25", "day")]),
        (
            "The war approaches its second anniversary in February.",
            JAN_1_2024,
            [("in February", "2024-02", "month")],
        ),
        (
            "Talks collapsed in February.",
            dt.date(2024, 1, 20),
            [("in February", "2023-02", "month")],
        ),
        ("The bombing happened on Monday.", THU_14_MAR_2024, [("on Monday", "2024-03-11", "day")]),
        ("The trial will resume on Monday.", THU_14_MAR_2024, [("on Monday", "2024-03-18", "day")]),
        (
            "Five people were killed yesterday.",
            THU_14_MAR_2024,
            [("yesterday", "2024-03-13", "day")],
        ),
        ("Prices rose last week.", THU_14_MAR_2024, [("last week", "2024-W10", "week")]),
        ("It happened three days ago.", THU_14_MAR_2024, [("three days ago", "2024-03-11", "day")]),
        (
            "On March 22, 2024, gunmen attacked.",
            dt.date(2024, 3, 25),
            [("March 22, 2024", "2024-03-22", "day")],
        ),
        ("The war began in 2022.", THU_14_MAR_2024, [("in 2022", "2022", "year")]),
        ("It was hot last summer.", THU_14_MAR_2024, [("last summer", "2023-SU", "season")]),
        ("It was recorded on 12/30/2023.", JAN_1_2024, [("12/30/2023", "2023-12-30", "day")]),
        ("The rally took place on 5 May.", THU_14_MAR_2024, [("5 May", "2023-05-05", "day")]),
        # "Last Tuesday" written on a Wednesday is the week before's; on a Thursday (14 March)
        # "last Monday" is three days back.
        (
            "Deputies responded last Tuesday to a call on Lee Street.",
            dt.date(2024, 3, 13),
            [("last Tuesday", "2024-03-05", "day")],
        ),
        (
            "The store was robbed last Monday.",
            THU_14_MAR_2024,
            [("last Monday", "2024-03-11", "day")],
        ),
        # "drive-by" ends in "by" but sets no deadline: the shooting's Sunday is the last one.
        (
            "Two men were wounded in a drive-by Sunday.",
            THU_14_MAR_2024,
            [("Sunday", "2024-03-10", "day")],
        ),
        (
            "The fine must be paid by Sunday.",
            THU_14_MAR_2024,
            [("Sunday", "2024-03-17", "day")],
        ),
        # No clear tense: a day of the coming quarter is the coming one, a later one last year's.
        (
            "He is due back in court on April 2.",
            THU_14_MAR_2024,
            [("April 2", "2024-04-02", "day")],
        ),
        (
            "Three men are accused of a robbery on Nov. 10.",
            THU_14_MAR_2024,
            [("Nov. 10", "2023-11-10", "day")],
        ),
    ],
)
def test_normalized_against_the_dateline(model_doc, text, published, expected):
    assert values(model_doc(text), published) == expected


def test_relative_to_the_reported_incident(model_doc):
    text = (
        "The attack occurred on New Year's Eve. Just a day before the attack, 39 people were "
        "killed. Two days later the city was calm."
    )
    got = values(model_doc(text), JAN_1_2024)
    assert [v for _, v, _ in got] == ["2023-12-31", "2023-12-30", "2024-01-01"]


@pytest.mark.parametrize(
    "text", ["You may go now.", "They march in protest.", "Prices fall in value."]
)
def test_words_that_only_look_like_dates(blank_doc, text):
    assert extract_dates(blank_doc(text), THU_14_MAR_2024) == []


def test_without_a_parse_tense_comes_from_marker_words(blank_doc):
    got = values(blank_doc("The summit will open in April."), THU_14_MAR_2024)
    assert got == [("in April", "2024-04", "month")]
    got = values(blank_doc("The summit opened in April."), THU_14_MAR_2024)
    assert got == [("in April", "2023-04", "month")]


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Chicago said the shelter was full.",  # "ago" inside a word
        "Thereafter the curfew was lifted.",  # "after" inside a word
        "The Decimal Society met; Octavia spoke.",  # month abbreviations inside words
        "Part 12024-01-01 of the ledger.",  # an ISO date inside a longer number
        "Their mid-year results were late.",  # "year" after a hyphen, no "last"/"next"
    ],
)
def test_date_words_inside_other_words_are_not_dates(blank_doc, text):
    assert extract_dates(blank_doc(text), THU_14_MAR_2024) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THREE DAYS AGO a bridge fell.", [("THREE DAYS AGO", "2024-03-11")]),
        ("It happened Two Days Later.", [("Two Days Later", "2024-03-16")]),
        ("Police said Last Week that it was over.", [("Last Week", "2024-W10")]),
        (
            "Ten Years Ago, on Sept. 3, 2014, it began.",
            [("Ten Years Ago", "2014"), ("Sept. 3, 2014", "2014-09-03")],
        ),
    ],
)
def test_case_of_relative_dates_does_not_matter(blank_doc, text, expected):
    assert [(t, v) for t, v, _ in values(blank_doc(text), THU_14_MAR_2024)] == expected


def test_text_whose_lower_case_is_longer_keeps_its_offsets(blank_doc):
    # "İ" lower-cases to two characters: the lower-cased text no longer lines up with the text.
    text = "İstanbul: two days ago a ferry sank; last week a bus crashed."
    got = extract_dates(blank_doc(text), THU_14_MAR_2024)
    assert [(d.text, d.value) for d in got] == [
        ("two days ago", "2024-03-12"),
        ("last week", "2024-W10"),
    ]
    assert all(text[d.start : d.end] == d.text for d in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Results news compares a quarter with the same quarter a year back.
        (
            "Third-quarter profit rose to $5 million from $3 million a year earlier.",
            [("Third-quarter", "2024-Q3", "quarter"), ("a year earlier", "2023-Q3", "quarter")],
        ),
        (
            "Sales in the second quarter fell 4% from year-earlier levels.",
            [("second quarter", "2024-Q2", "quarter"), ("year-earlier", "2023-Q2", "quarter")],
        ),
        # With no quarter about, a year back is a year.
        ("The plant closed a year earlier.", [("a year earlier", "2023", "year")]),
        # results told without naming their quarter compare the last one the dateline closed
        (
            "Net rose to $94 million, or 89 cents a share, from $85 million a year ago.",
            [("a year ago", "2023-Q3", "quarter")],
        ),
        (
            "Revenue declined 8% to $85.7 million from $93.3 million a year earlier.",
            [("a year earlier", "2023-Q3", "quarter")],
        ),
        # not over months, nor "last year", nor beside another date
        (
            "For the nine months, net was $254 million, up from $163 million a year earlier.",
            [("a year earlier", "2023", "year")],
        ),
        ("Profit was $4 million, against a loss last year.", [("last year", "2023", "year")]),
    ],
)
def test_a_year_back_from_a_quarter_is_that_quarter(blank_doc, text, expected):
    assert values(blank_doc(text), dt.date(2024, 11, 2)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quarter named by its year before its ordinal
        (
            "The results included a charge in the 2023 second quarter.",
            [("2023 second quarter", "2023-Q2", "quarter")],
        ),
        # "the 2023 quarter": the quarter the dateline's latest completed one is, that year
        (
            "The company earned $4 million in the 2023 quarter.",
            [("the 2023 quarter", "2023-Q3", "quarter")],
        ),
        # a year alone stays a year
        ("The plant opened in 2023.", [("in 2023", "2023", "year")]),
    ],
)
def test_a_quarter_named_by_its_year(blank_doc, text, expected):
    assert values(blank_doc(text), dt.date(2024, 11, 2)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date a company or an agency sets lies ahead, whatever the tense of the report
        (
            "The dividend is payable Dec. 7 to stock of record Nov. 22.",
            ["2024-12-07", "2024-11-22"],
        ),
        ("The board named a new chief, effective Feb. 1.", ["2025-02-01"]),
        ("The agency gave no reason for the Jan. 14 deadline.", ["2025-01-14"]),
        # without a cue a yearless day of a report is gone by
        ("The company said sales fell on Oct. 2.", ["2024-10-02"]),
    ],
)
def test_dates_set_ahead(blank_doc, text, expected):
    got = [d.value for d in extract_dates(blank_doc(text), dt.date(2024, 10, 27))]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A deadline lies ahead even when the report of it is in the past tense.
        ("The agency ruled that the boy must be returned by Jan. 14.", "2024-01-14"),
        ("The committee postponed until Tuesday any action on the permit.", "2024-01-02"),
        ("The hearing could come as soon as Friday, officials said.", "2024-01-05"),
        # Without one, a past report of a weekday is the day gone by.
        ("The agency ruled on Friday that the boy must be returned.", "2023-12-29"),
    ],
)
def test_deadlines_point_ahead(model_doc, text, expected):
    got = [d.value for d in extract_dates(model_doc(text), JAN_1_2024)]
    assert got == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day and month in brackets after a relative day say which day it is.
        ("A man was killed yesterday (16/01) in a shootout.", ["2024-01-16", "2024-01-16"]),
        ("Two were hurt last night (08/02) in a bomb attack.", ["2024-02-08", "2024-02-08"]),
        ("A leader was killed on Thursday [18 January] night.", ["2024-01-18", "2024-01-18"]),
        # A part of the day may come between them.
        ("A cadre was shot yesterday morning (16/01) by police.", ["2024-01-16", "2024-01-16"]),
        ("Troops clashed on Sunday late night [21 January].", ["2024-01-21", "2024-01-21"]),
    ],
)
def test_a_bracketed_day_settles_a_relative_one(blank_doc, text, expected):
    got = [d.value for d in extract_dates(blank_doc(text), dt.date(2024, 2, 9))]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The year of the dateline, in results news and plans.
        ("Sales for the full year were $6.6 billion.", [("the full year", "2024", "year")]),
        (
            "The cut should be in place by year's end.",
            [("year's end", "2024", "year")],
        ),
        ("Earnings will be lower for the fiscal year.", [("the fiscal year", "2024", "year")]),
        # A year used as a modifier.
        ("A 1996 law strengthened the embargo.", [("A 1996", "1996", "year")]),
        ("Its 1988 recapitalization cost $3 million.", [("Its 1988", "1988", "year")]),
        # No year: a year's worth of something, or an age.
        ("He served a year in prison.", []),
        ("The 40-year-old man was arrested.", []),
    ],
)
def test_the_year_of_the_dateline_and_years_as_modifiers(blank_doc, text, expected):
    assert values(blank_doc(text), dt.date(2024, 11, 2)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A month of the coming quarter, in a present-tense clause, lies ahead.
        ("The new schedule covers January.", "2025-01"),
        # One further ahead, or in a past clause, is the last one.
        ("The figures cover sales in May.", "2024-05"),
        ("The plant closed in January.", "2024-01"),
    ],
)
def test_bare_months_point_ahead_only_within_a_quarter(model_doc, text, expected):
    assert [d.value for d in extract_dates(model_doc(text), dt.date(2024, 11, 2))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A present clause in a sentence that looks ahead points a yearless date ahead...
        ("The new members are expected to sign up in May.", "2025-05"),
        (
            "The merger, planned since spring, is part of an effort to cut debt by April.",
            "2025-04",
        ),
        # ... a past one does not, whatever else the sentence says.
        ("A man was shot on March 2 and is expected to survive.", "2024-03-02"),
    ],
)
def test_a_sentence_that_looks_ahead_points_yearless_dates_ahead(model_doc, text, expected):
    assert [d.value for d in extract_dates(model_doc(text), dt.date(2024, 11, 2))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The weekday given with a yearless date picks its year: 26 Oct 1998 was a Monday.
        ("The talks resume on Monday, Oct. 26, in Geneva.", "1998-10-26"),
        ("Voting ends Saturday, April 25, officials said.", "1998-04-25"),
    ],
)
def test_a_weekday_with_a_yearless_date_picks_the_year(blank_doc, text, expected):
    assert [d.value for d in extract_dates(blank_doc(text), dt.date(1998, 10, 25))] == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A few days from the dateline, a weekday that does not fit is the writer's slip: 2
        # January 2014 was a Thursday, and 2 January 2013 a Wednesday a year back.
        ("A man was shot on Wednesday, Jan. 2, outside a pub.", dt.date(2014, 1, 6), "2014-01-02"),
        ("The fire broke out on Thursday, March 12.", dt.date(2021, 3, 15), "2021-03-12"),
    ],
)
def test_a_weekday_slip_near_the_dateline_keeps_the_dateline_s_year(
    blank_doc, text, published, expected
):
    assert [d.value for d in extract_dates(blank_doc(text), published)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # THU_14_MAR_2024 is a Thursday: the weekday of an incident named by its day is gone.
        ("No charges are expected in Tuesday's shooting, police said.", "2024-03-12"),
        ("Detectives will review Monday's stabbing at the mall.", "2024-03-11"),
        # A date that opens a paragraph run into a headline takes the tense of its own clause.
        (
            "Toddler Expected to Survive After Shooting  On Wednesday evening officers found "
            "a boy shot in the arm.",
            "2024-03-13",
        ),
    ],
)
def test_weekdays_of_incidents_and_after_a_headline(model_doc, text, expected):
    weekdays = [value for _, value, _ in values(model_doc(text), THU_14_MAR_2024)]
    assert weekdays == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Women's Day is this coming Sunday.", "1998-03-08"),
        ("The council votes the coming Tuesday.", "1998-03-10"),
        # in the present of a news report, a weekday alone is the one gone by
        ("Police say the boy is recovering after a shooting Sunday.", "1998-03-01"),
    ],
)
def test_a_coming_weekday_lies_ahead(model_doc, text, expected):
    assert [d.value for d in extract_dates(model_doc(text), dt.date(1998, 3, 5))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year spoken, as broadcast transcripts write it
        ("In nineteen ninety-one the banker was convicted.", [("1991", "year")]),
        ("The mill closed in twenty ten.", [("2010", "year")]),
        # a year after a possessive
        ("The company's 1989 results were strong.", [("1989", "year")]),
        # results news' quarter by another name
        ("In the year-ago period, the bank earned $4 million.", [("1988-Q3", "quarter")]),
        ("The latest period included a gain.", [("1989-Q3", "quarter")]),
        # seasons gone by or under way
        ("The maker scrapped the line this past spring.", [("1989-SP", "season")]),
        # numbers that are no year
        ("Twenty people were hurt and nineteen were treated.", []),
    ],
)
def test_years_quarters_and_seasons_as_news_names_them(blank_doc, text, expected):
    got = extract_dates(blank_doc(text), dt.date(1989, 10, 26))
    assert [(d.value, d.granularity) for d in got] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A family was found dead on Father's Day.", "2015-06-21"),
        ("Four people were shot on the Fourth of July.", "2015-07-04"),
        ("Shots rang out at a mall on Black Friday.", "2014-11-28"),
        ("A man was shot on Mother's Day 2013, police said.", "2013-05-12"),
    ],
)
def test_holidays_news_dates_by(blank_doc, text, expected):
    assert [d.value for d in extract_dates(blank_doc(text), dt.date(2015, 7, 10))] == [expected]
