"""`newsflow serve` as a user starts it: on a file of incidents, and on a port already taken."""

from __future__ import annotations

import socket
import subprocess
import time

import httpx
import orjson

from pipeline.web import synthetic
from tests.cli.conftest import NEWSFLOW, REPO


def test_serves_the_incidents_of_a_file(tmp_path):
    # Incidents as `run --incidents-out` writes them (the live-map test serves real linking).
    incidents = tmp_path / "incidents.jsonl"
    records = list(synthetic.incidents(5, seed=3))
    incidents.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(NEWSFLOW), "serve", "--from-file", str(incidents), "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        body = None
        for _ in range(100):
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/incidents", timeout=1).json()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert body is not None, "the server did not answer"
        assert {i["incident_id"] for i in body["items"]} == {r["incident_id"] for r in records}
        assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    finally:
        server.terminate()
        # uvicorn shuts down, then re-raises SIGTERM so the exit status says how it ended
        assert server.wait(10) in (0, -15)
    assert b"Traceback" not in server.stderr.read()


def test_a_port_in_use_is_a_one_line_error(newsflow, tmp_path):
    incidents = tmp_path / "incidents.jsonl"
    incidents.write_bytes(b"")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = newsflow("serve", "--from-file", str(incidents), "--port", str(port))
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert f"cannot listen on 127.0.0.1:{port}".encode() in result.stderr
