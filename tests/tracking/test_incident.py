"""An incident's best figures: what most of its reports give, ties to the latest report's."""

from __future__ import annotations

import pytest

from pipeline.records.schema import schema_errors
from pipeline.tracking.linker import Linker
from pipeline.tracking.tracker import IncidentTracker, incident_tolls
from tests.tracking.conftest import record

STORY = (
    "A man was killed and two people were wounded in a shooting outside a bar on Chicago Street "
    "in Elgin early Saturday, police said. Marcus Webb, 31, died at the scene."
)
OUTLETS = ("Elgin Courier", "Daily Herald", "WGN", "Chicago Tribune", "Aurora Beacon")


def linked(
    *figures: tuple[int | None, int | None], attackers: tuple = (), copies: bool = False
) -> dict:
    """The one incident that reports with these (killed, injured) figures, in this order, make:
    each outlet's own text, or with `copies` one text every outlet carries."""
    tracker = IncidentTracker(Linker())
    for n, (killed, injured) in enumerate(figures):
        tracker.observe(
            record(
                STORY if copies else f"{STORY} {OUTLETS[n]} has the story.",
                published=f"2024-03-0{2 + n}",
                date="2024-03-02",
                town="Elgin",
                killed=killed,
                injured=injured,
                source=OUTLETS[n],
                people=("Marcus Webb",),
                attackers_killed=attackers[n] if attackers else None,
            )
        )
    [incident] = tracker.final()
    assert len(incident["articles"]) == len(figures), "the reports did not all link"
    return incident


def low(figure: dict | None) -> int | None:
    return None if figure is None else figure["min"]


@pytest.mark.parametrize(
    ("figures", "best"),
    [
        # a rise supersedes as soon as it is as common as the figure before it
        ([(1, 2), (3, 2)], (3, 2)),
        # one report that counts wrong does not move what the others agree on
        ([(1, 2), (1, 2), (1, 5)], (1, 2)),
        ([(1, 2), (1, 5), (1, 2)], (1, 2)),
        # a wounded victim who died: the later figures, once as common
        ([(1, 2), (2, 1)], (2, 1)),
        # a report that gives figures but no wounded says none were wounded
        ([(1, None), (1, None), (1, 3)], (1, None)),
        # a report with no figure at all (an arrest story) has no say
        ([(1, 3), (None, None), (None, None)], (1, 3)),
    ],
)
def test_the_best_figure_is_what_most_reports_give(figures, best):
    incident = linked(*figures)
    assert (low(incident["killed"]), low(incident["injured"])) == best
    values = [f for f in figures if f != (None, None)]
    kills = [k for k, _ in values if k is not None]
    assert incident["range"]["killed"] == {"low": min(kills), "high": max(kills)}
    assert schema_errors(incident, "incident.schema.json") == []


def test_revisions_say_whether_the_best_figure_rose_or_was_corrected():
    incident = linked((1, 2), (3, 2), (1, 2), (1, 2))
    whys = [r["why"] for r in incident["revisions"]]
    # the fourth changes nothing; its outlet is new
    assert whys == ["first report", "rise", "correction", "new source"]
    assert [low(r["killed"]) for r in incident["revisions"]] == [1, 3, 1, 1]


def test_the_attackers_figures_are_kept_apart_and_counted_in_the_tolls():
    incident = linked((2, 1), (2, 1), attackers=(1, None))
    # tie between "one attacker dead" and "none said": the latest report's
    assert incident["perpetrators"]["killed"] is None
    incident = linked((2, 1), (2, 1), (2, 1), attackers=(1, 1, None))
    assert low(incident["killed"]) == 2 and low(incident["perpetrators"]["killed"]) == 1
    tolls = incident_tolls(incident)
    assert tolls["killed"] == 2 and tolls["killed+"] == 3 and tolls["injured+"] == 1


def test_one_text_carried_by_several_outlets_speaks_once():
    # three copies of a text that says 5 wounded, then two reports of their own that say 2
    incident = linked((1, 5), (1, 5), (1, 5), copies=True)
    assert low(incident["injured"]) == 5
    tracker = IncidentTracker(Linker())
    for n, (text, injured) in enumerate([(STORY, 5), (STORY, 5), (STORY, 5), ("a", 2), ("b", 2)]):
        own = STORY if text == STORY else f"{STORY} {OUTLETS[n]} has the story."
        tracker.observe(
            record(
                own,
                published=f"2024-03-0{2 + n}",
                date="2024-03-02",
                town="Elgin",
                killed=1,
                injured=injured,
                source=OUTLETS[n],
                people=("Marcus Webb",),
            )
        )
    [incident] = tracker.final()
    assert len(incident["articles"]) == 5
    assert low(incident["injured"]) == 2
