"""`newsflow serve` as a user starts it: on the seeds' incidents, and a port already taken."""

from __future__ import annotations

import socket
import subprocess
import time

import httpx

from tests.cli.conftest import NEWSFLOW, REPO


def test_serves_the_incidents_of_a_run(newsflow, tmp_path):
    incidents = tmp_path / "incidents.jsonl"
    run = newsflow(
        "run", "seeds/", "-o", str(tmp_path / "e.jsonl"), "--incidents-out", str(incidents)
    )
    assert run.returncode == 0, run.stderr.decode()
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
        places = {i["place"]["name"] for i in body["items"]}
        assert "Belgorod" in places  # the seed's first incident
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
