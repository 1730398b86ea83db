"""The map live on the real broker: articles produced, enriched by a worker, linked by a link
worker, served by `newsflow serve` and watched in Chromium. Our own articles
(tests/data/live-incidents.jsonl): a shooting in Dover, a strike in Kharkiv, then a follow-up
that raises the Dover toll from two to three (one of the three wounded died); the Dover title
and lead carry <script> and <img onerror>."""

from __future__ import annotations

import subprocess
import time
import uuid
from pathlib import Path

import httpx
import orjson
import pytest

from pipeline.kafka.topics import ensure_topics
from pipeline.testing import NEWSFLOW, pipeline_env, settings_for, start, stop
from tests.web.browser import browser_page, until
from tests.web.conftest import free_port

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(300)]
ARTICLES = Path(__file__).resolve().parents[1] / "data" / "live-incidents.jsonl"
PIPELINE_S = 90  # an article's way through enrichment and linking, workers starting


def produce(env: dict[str, str], records: list[dict], work: Path) -> None:
    path = work / f"{records[0]['id']}.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    done = subprocess.run(
        [NEWSFLOW, "produce", str(path)], env=env, capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr.decode()


def test_incidents_appear_and_a_rising_toll_updates_live(kafka_bootstrap, tmp_path):
    env = pipeline_env(kafka_bootstrap, f"web{uuid.uuid4().hex[:10]}")
    ensure_topics(settings_for(env))
    dover, dover_follow_up, kharkiv = (
        orjson.loads(line) for line in ARTICLES.read_bytes().splitlines()
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    procs = [
        start(["worker"], env, tmp_path / "worker.log"),
        start(["link", "--state-dir", str(tmp_path / "state")], env, tmp_path / "link.log"),
        start(["serve", "--port", str(port)], env, tmp_path / "serve.log"),
    ]
    try:
        wait_for_server(url, procs)
        with browser_page() as (page, console):
            page.goto(url)
            until(page, "document.querySelector('#status').textContent.includes('live')")
            produce(env, [dover, kharkiv], tmp_path)
            until(
                page,
                "document.querySelectorAll('#map [data-incident]').length === 2",
                timeout=PIPELINE_S,
            )
            assert page.locator("#list li").count() == 2

            dover_row = page.locator("#list li", has_text="Dover")
            incident_id = dover_row.get_attribute("data-incident")
            marker = f"#map [data-incident='{incident_id}']"
            assert page.inner_text(marker) == "5"  # two killed, three wounded
            dover_row.locator("button").click()
            page.wait_for_selector(f"#detail[data-incident='{incident_id}']")
            assert page.locator("#detail circle[data-kind='killed']").count() == 1

            # Hostile text in the title and lead shows as text; nothing of it runs.
            assert "<script>window.pwned='title'</script>" in dover_row.inner_text()
            assert "<img src=x onerror=" in page.inner_text("#detail .snippet")
            assert page.evaluate("window.pwned") is None
            assert page.locator("#detail a").first.get_attribute("href") == dover["url"]

            produce(env, [dover_follow_up], tmp_path)
            until(
                page,
                "document.querySelectorAll(\"#detail circle[data-kind='killed']\").length === 2",
                timeout=PIPELINE_S,
            )
            # three killed, two still in hospital: one of the wounded died
            assert page.inner_text("#detail dd.killed").startswith("3")
            assert page.inner_text("#detail dd.injured").startswith("2")
            assert page.inner_text(marker) == "5"
            assert "WBOC 16" in page.inner_text("#detail ul.sources")

            page.fill("#filters input[name=country]", "UA")
            until(page, "document.querySelectorAll('#list li').length === 1")
            assert "Kharkiv" in page.inner_text("#list li")
            assert page.evaluate("window.pwned") is None
            assert console.errors == []
    finally:
        for proc in procs:
            stop(proc)


def wait_for_server(url: str, procs: list[subprocess.Popen], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert all(p.poll() is None for p in procs), "a process of the pipeline exited"
        try:
            if httpx.get(f"{url}/healthz", timeout=1).json()["caught_up"]:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"newsflow serve did not come up at {url}")
