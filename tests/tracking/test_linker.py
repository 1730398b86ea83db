"""Reports of one incident join it; reports of others do not."""

from __future__ import annotations

import datetime as dt

from pipeline.records.schema import schema_errors
from pipeline.tracking.linker import Linker
from pipeline.tracking.report import reports_of
from pipeline.tracking.tracker import IncidentTracker
from tests.tracking.conftest import record

FIRST = (
    "One man was killed and two people were wounded in a shooting outside a bar on Chicago "
    "Street in Elgin early Saturday, police said. Marcus Webb, 31, died at the scene."
)
UPDATE = (
    "A second victim of Saturday's shooting outside a bar on Chicago Street in Elgin has died, "
    "police said Monday. Webb and Dana Ruiz, 27, were shot after an argument inside the bar."
)
OTHER = (
    "A woman was found dead in her apartment in Peoria on Saturday after a domestic dispute; "
    "her boyfriend was arrested, police said."
)


def _incidents(*records: dict) -> tuple[IncidentTracker, list[str]]:
    tracker = IncidentTracker(Linker())
    for r in records:
        tracker.observe(r)
    return tracker, [r["events"][0]["incident_id"] for r in records]


def test_a_follow_up_joins_its_incident_and_its_rise_is_a_new_version() -> None:
    first = record(
        FIRST,
        published="2024-03-02",
        date="2024-03-02",
        town="Elgin",
        killed=1,
        injured=2,
        people=("Marcus Webb",),
    )
    update = record(
        UPDATE,
        published="2024-03-04",
        date="2024-03-02",
        town="Elgin",
        killed=2,
        injured=1,
        people=("Marcus Webb", "Dana Ruiz"),
        source="Daily Herald",
    )
    tracker, ids = _incidents(first, update)
    assert ids[0] == ids[1]
    [incident] = tracker.final()
    assert incident["version"] == 2
    # two reports, each once: the latest's figures (one of the wounded died)
    assert incident["killed"]["min"] == 2 and incident["injured"]["min"] == 1
    assert incident["range"] == {"killed": {"low": 1, "high": 2}, "injured": {"low": 1, "high": 2}}
    assert [r["why"] for r in incident["revisions"]] == ["first report", "rise"]
    assert incident["sources"] == ["Elgin Courier", "Daily Herald"]
    assert incident["articles"] == [first["id"], update["id"]]
    assert incident["place"]["name"] == "Elgin" and incident["place"]["region"] == "Illinois"
    assert 0.5 <= incident["confidence"] <= 1.0  # joined at or above the threshold
    assert schema_errors(incident, "incident.schema.json") == []


def test_another_incident_the_same_day_in_another_town_stays_apart() -> None:
    first = record(FIRST, published="2024-03-02", date="2024-03-02", town="Elgin", killed=1)
    other = record(OTHER, published="2024-03-02", date="2024-03-02", town="Peoria", killed=1)
    _, ids = _incidents(first, other)
    assert ids[0] != ids[1]


def test_another_shooting_in_the_same_town_a_week_later_is_another_incident() -> None:
    first = record(FIRST, published="2024-03-02", date="2024-03-02", town="Elgin", killed=1)
    again = record(
        "A 17-year-old boy was shot and killed in a parking lot near Larkin High School in "
        "Elgin on Friday night, police said. Officers are searching for a gray minivan.",
        published="2024-03-10",
        date="2024-03-08",
        town="Elgin",
        killed=1,
    )
    _, ids = _incidents(first, again)
    assert ids[0] != ids[1]


def test_a_syndicated_copy_is_one_source_and_a_new_report() -> None:
    first = record(FIRST, published="2024-03-02", date="2024-03-02", town="Elgin", killed=1)
    copy = record(
        FIRST, published="2024-03-02", date="2024-03-02", town="Elgin", killed=1, source="Wire"
    )
    tracker, ids = _incidents(first, copy)
    assert ids[0] == ids[1]
    [incident] = tracker.final()
    assert incident["sources"] == ["Elgin Courier"] and incident["version"] == 2
    assert [r["why"] for r in incident["revisions"]] == ["first report", "new report"]
    assert len(incident["articles"]) == 2


def test_a_report_without_date_or_place_links_only_on_strong_evidence() -> None:
    first = record(
        FIRST, published="2024-03-02", date="2024-03-02", town="Elgin", people=("Marcus Webb",)
    )
    vague = record(
        "Police are investigating a shooting. Anyone with information should call police.",
        published="2024-03-03",
    )
    named = record(
        "Marcus Webb, who was killed in the shooting outside a bar on Chicago Street, was a "
        "father of two, his family said.",
        published="2024-03-05",
        people=("Marcus Webb",),
    )
    _, ids = _incidents(first, vague, named)
    assert ids[1] != ids[0] and ids[2] == ids[0]


def test_quiet_incidents_leave_the_table() -> None:
    linker = Linker(evict_after_days=5)
    tracker = IncidentTracker(linker)
    tracker.observe(record(FIRST, published="2024-03-02", date="2024-03-02", town="Elgin"))
    assert len(linker.open_incidents()) == 1
    tracker.observe(record(OTHER, published="2024-03-20", date="2024-03-20", town="Peoria"))
    assert [i.place["name"] for i in linker.open_incidents()] == ["Peoria"]
    assert len(tracker.final()) == 2  # the file still gets both


def test_a_misread_event_year_does_not_close_the_open_incidents() -> None:
    linker = Linker(evict_after_days=5)
    tracker = IncidentTracker(linker)
    tracker.observe(record(FIRST, published="2024-03-02", date="2024-03-02", town="Elgin"))
    # Published the next day; its text gave a year too far ("2025" for "2024").
    tracker.observe(record(OTHER, published="2024-03-03", date="2025-03-03", town="Peoria"))
    assert len(linker.open_incidents()) == 2


def test_the_same_first_report_opens_the_same_incident_id() -> None:
    from pipeline.tracking.incident import incident_id_for
    from pipeline.tracking.report import reports_of

    one = record(FIRST, published="2024-03-02", date="2024-03-02", town="Elgin")
    [a], [b] = reports_of(one), reports_of(dict(one))
    assert incident_id_for(a) == incident_id_for(b)


def test_the_windows_come_from_the_settings(monkeypatch) -> None:
    from pipeline.settings import Settings
    from pipeline.tracking.tracker import linker_from

    monkeypatch.setenv("NEWSFLOW_INCIDENT_WINDOW_DAYS", "1")
    monkeypatch.setenv("NEWSFLOW_INCIDENT_EVICT_AFTER_DAYS", "7")
    linker = linker_from(Settings())
    assert linker.window.days == 1 and linker.evict_after.days == 7
    assert linker.wide_window.days == 30


def test_the_settings_default_to_the_linker_defaults_evaluation_uses() -> None:
    from pipeline.settings import Settings
    from pipeline.tracking.tracker import linker_from

    mine, default = linker_from(Settings(_env_file=None)), Linker()
    assert (mine.window, mine.wide_window, mine.evict_after, mine.shrink_after) == (
        default.window,
        default.wide_window,
        default.evict_after,
        default.shrink_after,
    )


TRIAL = (
    "Marcus Webb's killer was sentenced Monday to 40 years in prison. Webb, 31, was shot "
    "outside a bar on Chicago Street in Elgin after an argument; Dana Ruiz was wounded."
)
OTHER_TRIAL = (
    "A jury on Monday convicted a man of a robbery at a gas station in Elgin, where a clerk "
    "was wounded by gunfire two years ago, prosecutors said."
)


def _webb_shooting(tracker: IncidentTracker) -> str:
    first = record(
        FIRST,
        published="2024-03-02",
        date="2024-03-02",
        town="Elgin",
        killed=1,
        people=("Marcus Webb",),
    )
    tracker.observe(first)
    return first["events"][0]["incident_id"]


def _trial(day: str) -> dict:
    """The sentencing's report, published the day after `day`."""
    published = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    return record(
        TRIAL,
        published=published,
        date=day,
        town="Elgin",
        killed=1,
        people=("Marcus Webb", "Dana Ruiz"),
    )


def test_a_trial_months_later_that_names_the_victim_and_street_joins_the_incident() -> None:
    tracker = IncidentTracker(Linker())
    opened = _webb_shooting(tracker)
    trial = _trial("2024-09-16")
    tracker.observe(trial)
    assert trial["events"][0]["incident_id"] == opened


def test_a_report_months_later_with_only_the_town_in_common_stays_apart() -> None:
    tracker = IncidentTracker(Linker())
    opened = _webb_shooting(tracker)
    other = record(OTHER_TRIAL, published="2024-09-17", date="2024-09-16", town="Elgin")
    tracker.observe(other)
    assert other["events"][0]["incident_id"] != opened


def test_beyond_the_wide_window_only_much_stronger_evidence_joins() -> None:
    from pipeline.tracking.match import Weights, score
    from pipeline.tracking.report import reports_of

    linker = Linker()
    tracker = IncidentTracker(linker)
    _webb_shooting(tracker)
    near, far = (
        record(TRIAL, published=day, date=day, town="Elgin", killed=1, people=("Marcus Webb",))
        for day in ("2024-03-20", "2024-09-16")
    )
    margins = []
    for late in (near, far):
        [report] = reports_of(late)
        [(incident, margin)] = linker._candidates(report)
        margins.append(margin)
        assert score(report, linker.vectors_of(report), incident, linker.weights) > 0
    w = Weights()
    assert margins == [w.unsure_margin, w.unsure_margin + w.far_margin]


def _quiet_webb_shooting() -> tuple[Linker, IncidentTracker, str]:
    """The shooting, then two months of another town's news: the shooting is shrunk."""
    linker = Linker(shrink_after_days=30)
    tracker = IncidentTracker(linker)
    opened = _webb_shooting(tracker)
    tracker.observe(record(OTHER, published="2024-05-10", date="2024-05-10", town="Peoria"))
    return linker, tracker, opened


def test_a_quiet_incident_drops_its_vectors_and_gets_them_back_when_a_report_finds_it() -> None:
    linker, tracker, opened = _quiet_webb_shooting()
    webb = linker.open[opened]
    assert webb.compact and webb.lead == {} and webb.names == {}
    trial = _trial("2024-06-10")
    tracker.observe(trial)
    assert trial["events"][0]["incident_id"] == opened
    assert not webb.compact and webb.lead and webb.names
    assert len(webb.reports) == 2


def test_an_incident_a_report_found_stays_whole_for_a_while() -> None:
    linker, tracker, opened = _quiet_webb_shooting()
    webb = linker.open[opened]
    assert webb.compact
    # A later story that names the same victim finds it (and wakes it) but is another incident.
    linker._candidates(reports_of(_trial("2024-05-20"))[0])
    assert not webb.compact
    tracker.observe(record(OTHER, published="2024-05-25", date="2024-05-25", town="Peoria"))
    assert not webb.compact  # woken five days ago: not shrunk again yet
