from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import ClassVar

import pytest

from pipeline.errors import InputError
from pipeline.records import Article
from pipeline.sources.feeds import fetch, parse_feed, read_feed
from pipeline.sources.formats import FEED, format_of_path
from pipeline.sources.state import SourceState

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"


def test_rss_items_become_articles_and_empty_ones_problems():
    items = list(parse_feed((FEEDS / "wire.rss").read_bytes(), name="wire.rss"))
    articles = [i.item for i in items if isinstance(i.item, Article)]
    assert [a.id for a in articles] == [
        "https://wire.example.org/a/1001",
        "https://wire.example.org/a/1002",
    ]
    first = articles[0]
    assert first.published.startswith("2023-06-12T08:00:00") and first.source == "Example Wire"
    assert first.text.startswith("A bomb exploded") and "<p>" not in first.text
    assert str(items[2].item) == "wire.rss item 3: field 'text' is empty"


def test_atom_entries_use_content_and_updated_dates():
    items = [i.item for i in parse_feed((FEEDS / "local.atom").read_bytes(), name="local.atom")]
    assert [a.title for a in items] == ["Man shot outside his home", "Crash on the ring road"]
    assert items[1].published.startswith("2024-03-20T08:40:00")
    assert "Baltimore" in items[0].text


def test_feed_files_are_recognised():
    assert (
        format_of_path(FEEDS / "wire.rss") is FEED and format_of_path(FEEDS / "local.atom") is FEED
    )


def test_not_a_feed_is_an_input_error():
    with pytest.raises(InputError, match="not a feed"):
        list(parse_feed(b"just some text, no xml", name="x"))


class _FeedHandler(http.server.BaseHTTPRequestHandler):
    body = (FEEDS / "wire.rss").read_bytes()
    etag = '"v1"'
    hits: ClassVar[list[str | None]] = []

    def do_GET(self) -> None:
        self.hits.append(self.headers.get("If-None-Match"))
        if self.headers.get("If-None-Match") == self.etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", self.etag)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def feed_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FeedHandler.hits = []
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.rss"
    server.shutdown()


def test_url_fetch_honours_etag(feed_server, tmp_path):
    state = SourceState(tmp_path / "state.json")
    first = list(read_feed(feed_server, state))
    assert len(first) == 3
    state.save()
    again = SourceState(tmp_path / "state.json")
    assert list(read_feed(feed_server, again)) == []  # 304: nothing parsed, nothing sent
    assert _FeedHandler.hits == [None, '"v1"']


def test_fetch_limits_size_and_reports_unreachable(feed_server, tmp_path):
    state = SourceState(tmp_path / "s.json")
    with pytest.raises(InputError, match="larger than 100 bytes"):
        fetch(feed_server, state, max_bytes=100)
    with pytest.raises(InputError, match="cannot fetch"):
        fetch("http://127.0.0.1:9/none", state, timeout=2)
