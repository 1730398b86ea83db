from __future__ import annotations

import orjson
import pytest

from pipeline.sink.jsonl_file import Added, JsonlFileSink


def rec(ident: str, **more) -> bytes:
    return orjson.dumps({"id": ident, **more})


def test_written_flushed_and_deduplicated_across_restarts(tmp_path):
    path = tmp_path / "out.jsonl"
    sink = JsonlFileSink(path)
    assert [sink.add(rec("a")), sink.add(rec("b")), sink.add(rec("a"))] == [
        Added.WRITTEN,
        Added.WRITTEN,
        Added.DUPLICATE,
    ]
    assert sink.flush() == 2
    sink.close()
    again = JsonlFileSink(path)
    assert again.add(rec("b")) is Added.DUPLICATE
    assert again.add(rec("b", version=2)) is Added.CONFLICT  # the file keeps the first
    assert again.add(rec("c")) is Added.WRITTEN
    again.close()
    ids = [orjson.loads(line)["id"] for line in path.read_bytes().splitlines()]
    assert ids == ["a", "b", "c"]


def test_torn_last_line_is_cut_on_open(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(rec("a") + b"\n" + rec("b") + b"\n" + b'{"id": "c", "te')
    sink = JsonlFileSink(path)
    assert sink.repaired_bytes == len(b'{"id": "c", "te')
    assert set(sink.ids) == {"a", "b"}
    assert sink.add(rec("c")) is Added.WRITTEN
    sink.close()
    assert [orjson.loads(x)["id"] for x in path.read_bytes().splitlines()] == ["a", "b", "c"]


def test_events_are_keyed_by_their_own_id(tmp_path):
    sink = JsonlFileSink(tmp_path / "events.jsonl")
    first = orjson.dumps({"event_id": "a#1", "article_id": "a"})
    second = orjson.dumps({"event_id": "a#2", "article_id": "a"})
    assert [sink.add(first), sink.add(second), sink.add(first)] == [
        Added.WRITTEN,
        Added.WRITTEN,
        Added.DUPLICATE,
    ]


@pytest.mark.parametrize("schema", ["newsflow.incident/2", "newsflow.incident/1"])
def test_each_incident_version_is_written_once(tmp_path, schema):
    # version 1 records may still be on a topic after an upgrade
    path = tmp_path / "incidents.jsonl"
    sink = JsonlFileSink(path)

    def version(n: int, killed: int) -> bytes:
        return orjson.dumps({"schema": schema, "incident_id": "inc-1", "version": n, "k": killed})

    added = [sink.add(version(1, 21)), sink.add(version(2, 24)), sink.add(version(1, 21))]
    assert added == [Added.WRITTEN, Added.WRITTEN, Added.DUPLICATE]
    sink.flush()
    sink.close()
    again = JsonlFileSink(path)  # after a restart, a re-read version is still a duplicate
    assert again.add(version(2, 24)) is Added.DUPLICATE
    again.close()
