"""The JSON API on a real server: filters, paging, one incident, live events, health, metrics."""

from __future__ import annotations

import threading
import time

import httpx
import orjson

from pipeline.records.schema import INCIDENT, schema_errors
from pipeline.web.app import create_app
from pipeline.web.feeds import FeedState
from pipeline.web.store import IncidentStore
from pipeline.web.synthetic import incidents


def test_list_follows_the_schema_and_pages_through_everything(serve):
    records = list(incidents(120, seed=11))
    served = serve(records)
    ids, cursor = [], None
    while True:
        params = {"limit": 50, **({"cursor": cursor} if cursor else {})}
        body = httpx.get(f"{served.url}/api/incidents", params=params).json()
        for item in body["items"]:
            assert schema_errors(item, INCIDENT) == []
        ids += [item["incident_id"] for item in body["items"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert sorted(ids) == sorted(r["incident_id"] for r in records)
    assert len(ids) == len(set(ids))


def test_filters_narrow_the_list(serve):
    records = list(incidents(200, seed=12))
    served = serve(records)
    body = httpx.get(
        f"{served.url}/api/incidents", params={"country": "US", "min_killed": 2, "limit": 1000}
    ).json()
    expected = {
        r["incident_id"]
        for r in records
        if r["place"]["country_code"] == "US" and r["killed"]["min"] >= 2
    }
    assert expected and {i["incident_id"] for i in body["items"]} == expected
    by_word = httpx.get(f"{served.url}/api/incidents", params={"q": "knife", "limit": 1000}).json()
    assert by_word["items"]
    assert all("knife" in i["weapons"] for i in by_word["items"])


def test_bad_filters_are_a_422_that_says_why(serve):
    served = serve([])
    response = httpx.get(f"{served.url}/api/incidents", params={"bbox": "north-ish"})
    assert response.status_code == 422
    assert "bbox" in response.json()["error"]
    assert httpx.get(f"{served.url}/api/incidents", params={"limit": 0}).status_code == 422


def test_one_incident_with_its_revisions_and_articles(serve):
    record = next(incidents(1, seed=13))
    served = serve([record])
    body = httpx.get(f"{served.url}/api/incidents/{record['incident_id']}").json()
    assert body == record
    missing = httpx.get(f"{served.url}/api/incidents/inc-ffffffffffffffff")
    assert missing.status_code == 404
    assert "no incident" in missing.json()["error"]


def test_stream_sends_each_new_version(serve):
    record = next(incidents(1, seed=14))
    served = serve([record])
    raised = {
        **record,
        "version": record["version"] + 1,
        "killed": {"min": 40, "max": 40, "qualifier": "exact"},
    }
    received: list[dict] = []

    def listen() -> None:
        with httpx.stream("GET", f"{served.url}/api/stream", timeout=10) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            for line in response.iter_lines():
                if line.startswith("data:"):
                    received.append(orjson.loads(line[5:]))
                    return

    listener = threading.Thread(target=listen)
    listener.start()
    served.wait_for(lambda: served_clients(served.url) == 1)
    served.append(record, raised)  # the version held already is not sent again
    listener.join(10)
    assert [r["version"] for r in received] == [raised["version"]]
    assert received[0]["killed"]["min"] == 40


def served_clients(url: str) -> int:
    metrics = httpx.get(f"{url}/metrics").text
    line = next(x for x in metrics.splitlines() if x.startswith("newsflow_serve_sse_clients "))
    return int(float(line.split()[1]))


def test_health_metrics_and_bad_lines(serve):
    served = serve(list(incidents(3, seed=15)))
    served.append(next(incidents(1, seed=99)))
    with served.feed_file.open("ab") as handle:
        handle.write(b"this is not json\n[1, 2]\n")
    served.wait_for(
        lambda: "newsflow_serve_rejected 2.0" in httpx.get(f"{served.url}/metrics").text
    )
    health = httpx.get(f"{served.url}/healthz").json()
    assert health == {
        "status": "ok",
        "feed": "file",
        "caught_up": True,
        "incidents": 3,
        "error": None,
    }  # seed 99 numbers its incident 0 too: one of the three


def test_openapi_documents_incidents_by_the_schema(serve):
    served = serve([])
    document = httpx.get(f"{served.url}/openapi.json").json()
    listing = document["paths"]["/api/incidents"]["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"since", "until", "country", "min_killed", "bbox", "q", "limit", "cursor"} <= names
    schema = listing["responses"]["200"]["content"]["application/json"]["schema"]
    assert "incident_id" in schema["properties"]["items"]["items"]["required"]
    assert "/api/stream" in document["paths"] and "/healthz" in document["paths"]


def test_the_page_and_its_libraries_come_from_the_server(serve):
    served = serve([])
    page = httpx.get(served.url)
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for path in (
        "/static/app.js",
        "/static/style.css",
        "/static/vendor/leaflet/dist/leaflet.js",
        "/static/vendor/world-atlas/countries-110m.json",
    ):
        assert httpx.get(served.url + path).status_code == 200, path
    assert "http" not in page.text.replace("http://www.w3.org", "")  # no CDN


class BrokenFeed:
    """A feed whose reading fails, as a topic feed does when the broker goes for good."""

    def __init__(self) -> None:
        self.state = FeedState(kind="kafka")

    def run(self, deliver) -> None:
        raise RuntimeError("broker gone")


def test_a_stopped_feed_makes_health_fail(run_app):
    url = run_app(create_app(feed=BrokenFeed(), store=IncidentStore()))
    for _ in range(100):
        response = httpx.get(f"{url}/healthz")
        if response.status_code == 503:
            break
        time.sleep(0.02)
    assert response.status_code == 503
    assert response.json()["error"] == "RuntimeError: broker gone"
    assert httpx.get(f"{url}/api/incidents").json() == {"items": [], "next": None}


def test_a_malformed_version_is_skipped_and_counted(serve):
    good = next(incidents(1, seed=16))
    served = serve([{**good, "incident_id": "inc-bad", "accused": [1, 2]}, good])
    assert len(served.store) == 1
    assert "newsflow_serve_rejected 1.0" in httpx.get(f"{served.url}/metrics").text


def test_a_last_line_without_its_newline_is_read(serve):
    first, second = list(incidents(2, seed=17))
    served = serve([first])
    with served.feed_file.open("ab") as handle:
        handle.write(orjson.dumps(second))  # no newline, as an editor may leave it
    served.wait_for(lambda: len(served.store) == 2, timeout=5)
