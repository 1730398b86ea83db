"""The stream's incident stage without a broker: a dict stands for faust's table. What it must
do is link as embedded mode does, survive a restart or a rebalance (the linker is rebuilt from
the table), and never count a report seen twice."""

from __future__ import annotations

import zlib

import orjson
import pytest

from pipeline.evaluation.clusters import bcubed
from pipeline.stream.incidents import IncidentStage
from pipeline.tracking.incident import Incident
from pipeline.tracking.linker import Linker, blocking_key
from pipeline.tracking.report import reports_of
from pipeline.tracking.tracker import IncidentTracker
from tests.tracking.stories import stories, truth

PARTITIONS = 3


def partition_of(report) -> int:
    return zlib.crc32(blocking_key(report).encode()) % PARTITIONS


def feed(stage: IncidentStage, records: list[dict], published: dict[str, dict]) -> None:
    """Link each record's reports; keep the latest published version of each incident."""
    for record in records:
        for report in reports_of(record):
            for key, value in stage.handle(partition_of(report), report):
                incident = orjson.loads(value)
                held = published.get(key.decode())
                assert held is None or incident["version"] >= held["version"]
                published[key.decode()] = incident


def clusters(published: dict[str, dict]) -> dict[str, str]:
    return {a: i["incident_id"] for i in published.values() for a in i["articles"]}


def embedded(records: list[dict]) -> dict[str, str]:
    tracker = IncidentTracker(Linker())
    for record in records:
        tracker.observe(orjson.loads(orjson.dumps(record)))  # observe writes incident_id
    return {a: i["incident_id"] for i in tracker.final() for a in i["articles"]}


def new_stage(table: dict) -> IncidentStage:
    return IncidentStage(table=table, make_linker=Linker)


def test_the_stage_links_as_embedded_mode_does() -> None:
    records = stories(120, seed=5)
    published: dict[str, dict] = {}
    feed(new_stage({}), records, published)
    # One linker per partition, and each partition holds whole countries: the same incidents,
    # but document frequencies are counted per partition, so leads weigh a little differently.
    assert bcubed(clusters(published), embedded(records))["f1"] >= 0.99
    assert bcubed(clusters(published), truth(records))["f1"] >= 0.85


def test_a_restarted_stage_rebuilds_its_incidents_from_the_table() -> None:
    records = stories(160, seed=7)
    half = len(records) // 2
    uninterrupted: dict[str, dict] = {}
    feed(new_stage({}), records, uninterrupted)

    table: dict[bytes, bytes] = {}
    restarted: dict[str, dict] = {}
    feed(new_stage(table), records[:half], restarted)
    versions_before = {k: v["version"] for k, v in restarted.items()}
    feed(new_stage(dict(table)), records[half:], restarted)  # a new process, the same table

    assert bcubed(clusters(restarted), clusters(uninterrupted))["f1"] >= 0.99
    # Versions go on from where they were: none is published again with other contents.
    for incident_id, version in versions_before.items():
        assert restarted[incident_id]["version"] >= version
    common = restarted.keys() & uninterrupted.keys()
    assert len(common) >= 0.95 * len(uninterrupted)


def test_a_report_seen_again_changes_nothing_and_republishes_the_current_version() -> None:
    records = stories(20, seed=9)
    stage = new_stage({})
    published: dict[str, dict] = {}
    feed(stage, records, published)
    table_before = dict(stage.table)
    report = reports_of(records[-3])[0]  # a late one: its incident is still open
    [(key, value)] = stage.handle(partition_of(report), report)
    again = orjson.loads(value)
    assert again == published[key.decode()]  # the same version: the sink drops it
    assert stage.table == table_before


def test_a_rebalance_rebuilds_each_partition_from_its_own_entries() -> None:
    records = stories(60, seed=11)
    stage = new_stage({})
    feed(stage, records, {})
    owners = {orjson.loads(v)["partition"] for v in stage.table.values()}
    assert len(owners) > 1, "the stories should span several partitions"
    before = {p: sorted(linker.open) for p, linker in stage.linkers.items()}
    stage.forget()
    for partition in before:
        assert sorted(stage.linker_for(partition).open) == before[partition]


def test_quiet_incidents_leave_the_table() -> None:
    records = stories(80, seed=13)  # over four months: most incidents go quiet for 30 days
    stage = IncidentStage(table={}, make_linker=lambda: Linker(evict_after_days=30))
    feed(stage, records, {})
    open_now = {i for linker in stage.linkers.values() for i in linker.open}
    # Each open incident's reports are there, and none of a closed one's.
    stored = {k.split(b"/")[0].decode() for k in stage.table}
    assert stored == open_now
    reports = sum(len(i.reports) for linker in stage.linkers.values() for i in linker.open.values())
    assert len(stage.table) == reports
    assert len(open_now) < len({r["id"].rsplit("-", 1)[0] for r in records}) / 2


def linked(records: list[dict]) -> Linker:
    linker = Linker()
    for record in records:
        for report in reports_of(record):
            linker.link(report)
    return linker


def test_an_incident_comes_back_from_its_state_as_it_was() -> None:
    linker = linked(stories(30, seed=17))
    for incident in linker.open.values():
        state = orjson.loads(orjson.dumps(incident.state()))
        restored = Incident.from_state(state, linker._weighted)
        assert restored.as_record() == incident.as_record()
        assert restored.last_seen == incident.last_seen and restored.towns == incident.towns


def test_a_state_stored_before_reports_kept_their_titles_still_loads() -> None:
    """Tables written by an older worker hold reports without title, url and snippet."""
    linker = linked(stories(5, seed=19))
    incident = next(iter(linker.open.values()))
    state = orjson.loads(orjson.dumps(incident.state()))
    for saved in state["reports"]:
        for key in ("title", "url", "snippet"):
            del saved[key]
    restored = Incident.from_state(state, linker._weighted)
    assert [r.article_id for r in restored.reports] == [r.article_id for r in incident.reports]
    assert all(r.title == "" and r.url is None and r.snippet == "" for r in restored.reports)


def test_the_table_stores_each_report_once() -> None:
    """An incident told by many reports: what the table receives grows with its reports, not
    with their square (one write per report, of that report and a few figures)."""
    records = stories(200, seed=23)
    writes: list[int] = []

    class Recording(dict):
        def __setitem__(self, key: bytes, value: bytes) -> None:
            writes.append(len(value))
            super().__setitem__(key, value)

    stage = IncidentStage(table=Recording(), make_linker=Linker)
    feed(stage, records, {})
    incidents = [i for linker in stage.linkers.values() for i in linker.open.values()]
    biggest = max(incidents, key=lambda i: len(i.reports))
    assert len(biggest.reports) >= 3, "the stories should give an incident several reports"
    assert len(writes) == sum(len(i.reports) for i in incidents)
    assert max(writes) < len(orjson.dumps(biggest.state()))


def test_a_table_of_whole_states_from_an_older_worker_still_loads() -> None:
    linker = linked(stories(30, seed=31))
    table = {
        incident.incident_id.encode(): orjson.dumps({"partition": 0, **incident.state()})
        for incident in linker.open.values()
    }
    stage = new_stage(table)
    restored = stage.linker_for(0)
    assert sorted(restored.open) == sorted(linker.open)
    for incident_id, incident in linker.open.items():
        assert restored.open[incident_id].as_record() == incident.as_record()


def test_a_restored_incident_publishes_what_it_published_before() -> None:
    records = stories(60, seed=37)
    stage = new_stage({})
    published: dict[str, dict] = {}
    feed(stage, records, published)
    stage.forget()
    for partition in range(PARTITIONS):
        for incident_id, incident in stage.linker_for(partition).open.items():
            assert incident.as_record() == published[incident_id]


class StoreWithoutPop:
    """What a bare rocksdict store offers (the benchmark's table): no pop."""

    def __init__(self, entries: dict) -> None:
        self._entries = dict(entries)

    def get(self, key, default=None):
        return self._entries.get(key, default)

    def __getitem__(self, key):
        return self._entries[key]

    def __setitem__(self, key, value) -> None:
        self._entries[key] = value

    def __delitem__(self, key) -> None:
        del self._entries[key]

    def __contains__(self, key) -> bool:
        return key in self._entries

    def items(self):
        return self._entries.items()


@pytest.mark.parametrize("store", [dict, StoreWithoutPop])
def test_an_incident_an_older_worker_stored_whole_is_split_when_a_report_joins(store) -> None:
    records = stories(40, seed=41)
    half = len(records) // 2
    linker = linked(records[:half])
    table = store(
        {
            incident.incident_id.encode(): orjson.dumps({"partition": 0, **incident.state()})
            for incident in linker.open.values()
        }
    )
    stage = IncidentStage(table=table, make_linker=Linker)
    published: dict[str, dict] = {}
    for record in records[half:]:
        for report in reports_of(record):
            for key, value in stage.handle(0, report):
                published[key.decode()] = orjson.loads(value)
    grown = [
        i for i in stage.linkers[0].open.values() if i.incident_id.encode() + b"/00001" in table
    ]
    assert grown, "a later report should join an incident the older worker stored"
    assert all(i.incident_id.encode() not in table for i in grown)
    stage.forget()
    restored = stage.linker_for(0).open
    for incident in grown:
        assert restored[incident.incident_id].as_record() == incident.as_record()
