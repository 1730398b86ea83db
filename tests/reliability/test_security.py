"""A broker whose listener requires SASL/PLAIN: the pipeline works with credentials from the
settings, a client without them (or with a wrong password) is refused, and no log shows the secret."""

from __future__ import annotations

import subprocess

import pytest

from pipeline.testing import NEWSFLOW, line_count, pipeline_env, start, stop
from tests.reliability.conftest import produce, sink_ids, wait_until, write_archive

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(600)]
SECRET = "s3cret-Pw-for-tests"


def test_sasl_plain_cluster(own_broker, tmp_path, prefix):
    own_broker(
        19592,
        NEWSFLOW_KAFKA_SASL_PORT="19594",
        NEWSFLOW_KAFKA_SASL_USERS=f"newsflow:{SECRET},admin:admin-secret",
    )
    secured = pipeline_env(
        "127.0.0.1:19594",
        prefix,
        NEWSFLOW_SECURITY_PROTOCOL="SASL_PLAINTEXT",
        NEWSFLOW_SASL_MECHANISM="PLAIN",
        NEWSFLOW_SASL_USERNAME="newsflow",
        NEWSFLOW_SASL_PASSWORD=SECRET,
    )
    ids = write_archive(tmp_path / "archive.jsonl", 30, seed=31)
    produced = produce(secured, str(tmp_path / "archive.jsonl"), timeout=120)
    assert produced.returncode == 0, produced.stderr.decode()
    output = tmp_path / "sink.jsonl"
    worker = start(["worker"], secured, tmp_path / "worker.log")
    sink = start(["sink", "--output", str(output)], secured, tmp_path / "sink.log")
    try:
        wait_until(lambda: line_count(output) >= len(ids), 300, "all articles over SASL")
    finally:
        stop(worker)
        stop(sink)
    assert sorted(sink_ids(output)) == sorted(ids)

    anonymous = pipeline_env("127.0.0.1:19594", prefix)  # PLAINTEXT to the SASL listener
    wrong = {**secured, "NEWSFLOW_SASL_PASSWORD": "not-the-password"}
    # Each refused client waits out its own timeouts: all six at once, not one after another.
    refused = {}
    for name, env in (("no credentials", anonymous), ("wrong password", wrong)):
        state = str(tmp_path / f"state-{len(refused)}.json")
        for command in (
            ["produce", str(tmp_path / "archive.jsonl"), "--state", state],
            ["worker"],
            ["sink", "--output", str(tmp_path / "refused.jsonl")],
        ):
            refused[name, command[0]] = subprocess.Popen(
                [NEWSFLOW, *command], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
    for (name, command), proc in refused.items():
        _, stderr = proc.communicate(timeout=180)
        said = stderr.decode(errors="replace")
        assert proc.returncode != 0, f"{command} with {name} was let in"
        assert "Traceback" not in said, said[-2000:]
        if command != "produce":
            assert "Kafka broker" in said, said[-2000:]
    assert not (tmp_path / "refused.jsonl").exists() or line_count(tmp_path / "refused.jsonl") == 0

    shown = subprocess.run([NEWSFLOW, "config"], env=secured, capture_output=True, check=False)
    assert SECRET.encode() not in shown.stdout and b"********" in shown.stdout
    for log in tmp_path.glob("*.log"):
        assert SECRET not in log.read_text(errors="replace"), log.name
    assert SECRET.encode() not in produced.stderr
