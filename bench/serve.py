"""`newsflow serve` under load, in one run: the JSON API at 100,000 incidents and the page at
10,000, in Debian's Chromium. Writes bench/report.json, section "serve".

- API: a `newsflow serve --from-file` process holding 100,000 made-up incidents
  (pipeline/web/synthetic.py); each query asked 40 times over one keep-alive connection after 5
  warm-up calls; wall time per answer (median, 95th percentile, worst), the server's memory.
- Page: 10,000 incidents; time from navigation to every marker placed and the list drawn, to a
  filter change redrawn, and from a new version appended to the feed file to its marker updated
  (the file is polled every 0.25 s), with the page's JavaScript heap.

    python -m bench.serve [--incidents 100000] [--page-incidents 10000]"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import orjson

from bench.harness import REPO, rss_mib, update_report
from pipeline.web.synthetic import incidents
from tests.web.browser import browser_page, until
from tests.web.conftest import free_port

REPORT = Path(__file__).with_name("report.json")
NEWSFLOW = REPO / ".venv" / "bin" / "newsflow"
TARGET_MS = 100.0  # the bound on a filtered list at 100,000 incidents
QUERIES = {
    "newest 100": {},
    "country": {"country": "US"},
    "country + min_killed": {"country": "UA", "min_killed": 5},
    "date range": {"since": "2024-01-20", "until": "2024-01-25"},
    "bbox": {"bbox": "30,45,40,55"},
    "q (weapon)": {"q": "missile"},
    "rare: min_killed 8 + q": {"min_killed": 8, "q": "knife"},
    "1000 per page": {"limit": 1000},
    # No incident matches: the whole store is read. The second passes every test but the last.
    "no match: country": {"country": "NZ"},
    "no match: every filter": {
        "since": "2000-01-01",
        "until": "2100-01-01",
        "min_killed": 0,
        "bbox": "-180,-90,180,90",
        "q": "no such word",
    },
}


def write_feed(path: Path, count: int) -> None:
    with path.open("wb") as handle:
        for record in incidents(count, seed=2024):
            handle.write(orjson.dumps(record) + b"\n")


@contextlib.contextmanager
def serving(work: Path, name: str, count: int) -> Iterator[tuple[str, float, int]]:
    """A `newsflow serve --from-file` process holding `count` incidents: (address, seconds to
    read them all, pid); stopped on exit."""
    feed = work / f"{name}.jsonl"
    write_feed(feed, count)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    began = time.perf_counter()
    proc = subprocess.Popen(
        [str(NEWSFLOW), "serve", "--from-file", str(feed), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                health = httpx.get(f"{url}/healthz", timeout=2).json()
                if health["caught_up"] and health["incidents"] >= count:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None:
                raise SystemExit("newsflow serve exited")
            time.sleep(0.2)
        yield url, time.perf_counter() - began, proc.pid
    finally:
        proc.terminate()
        proc.wait(10)


def api(count: int, work: Path) -> dict:
    with serving(work, "api", count) as (url, load_s, pid):
        results = {}
        with httpx.Client(base_url=url, timeout=10) as client:
            for name, params in QUERIES.items():
                params = {"limit": 100, **params}
                for _ in range(5):
                    client.get("/api/incidents", params=params).raise_for_status()
                times, items = [], 0
                for _ in range(40):
                    began = time.perf_counter()
                    response = client.get("/api/incidents", params=params)
                    response.raise_for_status()
                    times.append((time.perf_counter() - began) * 1000)
                    items = len(response.json()["items"])
                times.sort()
                results[name] = {
                    "params": params,
                    "items": items,
                    "median_ms": round(statistics.median(times), 1),
                    "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
                    "max_ms": round(times[-1], 1),
                }
                print(f"  {name:<26} {results[name]}")
        worst = max(r["p95_ms"] for r in results.values())
        return {
            "incidents": count,
            "load_s": round(load_s, 1),
            "server_rss_mib": round(rss_mib(pid), 1),
            "queries": results,
            "worst_p95_ms": worst,
            "target_ms": TARGET_MS,
            "met": worst < TARGET_MS,
        }


def page(count: int, work: Path) -> dict:
    feed = work / "page.jsonl"
    with serving(work, "page", count) as (url, _, _pid), browser_page() as (tab, console):
        began = time.perf_counter()
        tab.goto(url)
        until(
            tab,
            f"document.querySelector('#status').textContent.startsWith('{count} incidents')",
            timeout=120,
        )
        until(tab, "document.querySelectorAll('#list li').length > 0")
        first_render_s = time.perf_counter() - began

        began = time.perf_counter()
        tab.fill("#filters input[name=min_killed]", "6")
        until(
            tab,
            f"!document.querySelector('#status').textContent.startsWith('{count} ')",
            timeout=60,
        )
        filter_s = time.perf_counter() - began  # includes the page's 250 ms debounce
        tab.fill("#filters input[name=min_killed]", "0")
        until(
            tab,
            f"document.querySelector('#status').textContent.startsWith('{count} ')",
            timeout=60,
        )

        target = tab.evaluate("[...window.newsflow.incidents.values()][0]")
        raised = {
            **target,
            "version": target["version"] + 1,
            "killed": {"min": 99, "max": 99, "qualifier": "exact"},
        }
        toll = str(99 + (target["injured"] or {}).get("min", 0))
        began = time.perf_counter()
        with feed.open("ab") as handle:
            handle.write(orjson.dumps(raised) + b"\n")
        until(
            tab,
            f"window.newsflow.markers.get('{target['incident_id']}')"
            f".options.icon.options.html.textContent === '{toll}'",
            timeout=10,
        )
        live_s = time.perf_counter() - began
        heap = tab.evaluate("performance.memory ? performance.memory.usedJSHeapSize : null")
        result = {
            "incidents": count,
            "first_render_s": round(first_render_s, 2),
            "filter_redraw_s": round(filter_s, 2),
            "live_update_s": round(live_s, 2),
            "js_heap_mib": round(heap / 2**20, 1) if heap else None,
            "dom_markers": tab.locator("#map .leaflet-marker-icon").count(),
            "console_errors": console.errors,
        }
        print(f"  page: {result}")
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--page-incidents", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsflow-serve-bench-") as work:
        print(f"API at {args.incidents} incidents:")
        api_result = api(args.incidents, Path(work))
        print(f"page at {args.page_incidents} incidents:")
        page_result = page(args.page_incidents, Path(work))
    update_report(REPORT, "serve", {"api": api_result, "page": page_result})


if __name__ == "__main__":
    main()
