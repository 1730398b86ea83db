from __future__ import annotations

import orjson

from pipeline.records import article_from_mapping
from pipeline.sources import read_paths
from pipeline.sources.replay import in_range, paced, parse_bound
from pipeline.sources.state import SourceState
from pipeline.sources.watch import DropFolder


def art(ident: str, published: str):
    return article_from_mapping({"id": ident, "published": published, "text": "t"})


def test_replay_orders_and_spaces_by_published_time_over_speed():
    waits: list[float] = []
    articles = [
        art("b", "2024-01-01T00:10:00Z"),
        art("a", "2024-01-01T00:00:00Z"),
        art("c", "2024-01-01T01:10:00Z"),
    ]
    out = [a.id for a in paced(articles, speed=60, sleep=waits.append)]
    assert out == ["a", "b", "c"] and waits == [10.0, 60.0]
    waits.clear()
    list(paced(articles, speed=0, sleep=waits.append))
    assert waits == []


def test_since_until():
    since, until = parse_bound("2024-01-01"), parse_bound("2024-02-01T00:00:00Z")
    assert in_range(art("a", "2024-01-15"), since, until)
    assert not in_range(art("b", "2024-02-01"), since, until)
    assert not in_range(art("c", "2023-12-31T23:59:59Z"), since, until)


def test_ninjs_one_and_two(tmp_path):
    (tmp_path / "v1.json").write_bytes(
        orjson.dumps(
            {
                "uri": "https://n.example/1",
                "versioncreated": "2024-05-01T10:00:00Z",
                "headline": "H1",
                "body_html": "<p>Five people were killed.</p>",
            }
        )
    )
    (tmp_path / "v2.json").write_bytes(
        orjson.dumps(
            [
                {
                    "uri": "urn:n:2",
                    "firstcreated": "2024-05-02",
                    "headlines": [{"value": "H2"}],
                    "bodies": [
                        {"role": "main", "contenttype": "text/plain", "value": "Two were hurt."}
                    ],
                }
            ]
        )
    )
    items = list(read_paths([str(tmp_path)]))
    assert [(a.id, a.title, a.text) for a in items] == [
        ("https://n.example/1", "H1", "Five people were killed."),
        ("urn:n:2", "H2", "Two were hurt."),
    ]


def test_state_survives_restart_and_bounds_memory(tmp_path):
    state = SourceState(tmp_path / "s.json")
    state.mark("feed", "g1")
    state.entry("feed")["etag"] = '"x"'
    state.save()
    again = SourceState(tmp_path / "s.json")
    assert again.seen("feed", "g1") and not again.seen("feed", "g2")
    assert again.entry("feed")["etag"] == '"x"'
    (tmp_path / "broken.json").write_bytes(b"{torn")
    assert not SourceState(tmp_path / "broken.json").seen("feed", "g1")


def test_drop_folder_waits_until_a_file_stops_growing(tmp_path):
    state = SourceState(tmp_path / "s.json")
    drops = tmp_path / "drops"
    drops.mkdir()
    folder = DropFolder(drops, state)
    (drops / "a.txt").write_text(" date 2024-01-01 One killed.")
    assert folder.new_files() == []  # first sight: size noted
    (ready,) = folder.new_files()
    folder.done(ready)
    assert folder.new_files() == []
