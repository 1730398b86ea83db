from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.kafka.connection import Connection
from pipeline.settings import Settings


def test_defaults_and_env(monkeypatch):
    monkeypatch.setenv("NEWSFLOW_BOOTSTRAP_SERVERS", "a:1, b:2")
    monkeypatch.setenv("NEWSFLOW_TOPIC_RAW", "raw.x")
    settings = Settings()
    assert Connection.from_settings(settings).for_kafka_python()["bootstrap_servers"] == [
        "a:1",
        "b:2",
    ]
    assert settings.topic_raw == "raw.x" and settings.topic_enriched == "news.articles.enriched"


def test_sasl_needs_credentials_and_masks_the_password(monkeypatch):
    monkeypatch.setenv("NEWSFLOW_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    with pytest.raises(ValidationError, match="NEWSFLOW_SASL_USERNAME"):
        Settings()
    monkeypatch.setenv("NEWSFLOW_SASL_USERNAME", "alice")
    monkeypatch.setenv("NEWSFLOW_SASL_PASSWORD", "s3cret")
    settings = Settings()
    options = Connection.from_settings(settings).for_kafka_python()
    assert options["sasl_mechanism"] == "PLAIN" and options["sasl_plain_password"] == "s3cret"
    assert settings.masked()["sasl_password"] == "********"
    assert "s3cret" not in repr(settings)
