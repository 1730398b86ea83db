"""The README's picture of the map: the bundled seeds run embedded, served, opened in Debian's
Chromium with the first incident's detail panel showing.

    .venv/bin/python deploy/web/screenshot.py [docs/map.png]"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.web.browser import browser_page, until  # noqa: E402
from tests.web.conftest import free_port  # noqa: E402

NEWSFLOW = Path(sys.executable).parent / "newsflow"


def main(output: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        incidents = Path(work) / "incidents.jsonl"
        subprocess.run(
            [
                str(NEWSFLOW),
                "run",
                str(REPO / "seeds"),
                "-o",
                str(Path(work) / "enriched.jsonl"),
                "--incidents-out",
                str(incidents),
            ],
            check=True,
            capture_output=True,
        )
        port = free_port()
        server = subprocess.Popen(
            [str(NEWSFLOW), "serve", "--from-file", str(incidents), "--port", str(port)],
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    httpx.get(f"{url}/healthz", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            with browser_page(width=1280, height=720) as (page, console):
                page.goto(url)
                until(page, "document.querySelector('#status').textContent.includes('live')")
                page.locator("#list li", has_text="Belgorod").locator("button").click()
                page.wait_for_selector("#detail:not([hidden])")
                page.wait_for_timeout(1000)  # the country shapes redrawn
                page.screenshot(path=str(output))
                assert console.errors == [], console.errors
        finally:
            server.terminate()
            server.wait(10)
    print(f"→ {output}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "map.png")
