"""`newsflow tail --incidents`: one line per new incident version, the toll before and after."""

from __future__ import annotations

import subprocess
import uuid

import orjson
import pytest
from kafka import KafkaProducer

from pipeline.cli.tail_cmd import incident_line
from pipeline.kafka.topics import ensure_topics
from pipeline.settings import Settings
from pipeline.testing import NEWSFLOW, pipeline_env


def _version(n: int, killed: int, articles: int, sources: int) -> dict:
    return {
        "schema": "newsflow.incident/2",
        "incident_id": "inc-0123456789abcdef",
        "version": n,
        "date": "2023-12-31",
        "place": {"name": "Belgorod", "country_code": "RU"},
        "killed": {"min": killed, "max": None, "qualifier": "at_least"},
        "injured": None,
        "articles": [f"a{i}" for i in range(articles)],
        "sources": [f"s{i}" for i in range(sources)],
    }


def test_a_first_version_and_a_rise() -> None:
    first, rise = _version(1, 21, 1, 1), _version(2, 24, 3, 2)
    assert incident_line(None, first) == "Belgorod, RU 2023-12-31: killed ≥21, 1 report, 1 source"
    assert incident_line(first, rise) == (
        "Belgorod, RU 2023-12-31: killed ≥21 → ≥24, 3 reports, 2 sources"
    )


@pytest.mark.kafka
def test_tail_prints_each_new_version_once(kafka_bootstrap: str) -> None:
    env = pipeline_env(kafka_bootstrap, f"tail{uuid.uuid4().hex[:8]}")
    settings = Settings(
        bootstrap_servers=kafka_bootstrap, topic_incidents=env["NEWSFLOW_TOPIC_INCIDENTS"]
    )
    ensure_topics(settings, [settings.topic_incidents])
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    for record in (_version(1, 21, 1, 1), _version(1, 21, 1, 1), _version(2, 24, 3, 2)):
        producer.send(
            settings.topic_incidents, key=b"inc-0123456789abcdef", value=orjson.dumps(record)
        )
    producer.flush()
    producer.close()
    result = subprocess.run(
        [NEWSFLOW, "tail", "--incidents", "--from-beginning", "--limit", "2"],
        env={**env, "COLUMNS": "200"},
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().splitlines() == [
        "Belgorod, RU 2023-12-31: killed ≥21, 1 report, 1 source",
        "Belgorod, RU 2023-12-31: killed ≥21 → ≥24, 3 reports, 2 sources",
    ]
