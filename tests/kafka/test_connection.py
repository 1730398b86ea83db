"""One reading of the connection settings, spelled for kafka-python and for faust."""

from __future__ import annotations

from pipeline.kafka.connection import Connection
from pipeline.settings import Settings


def test_both_clients_get_the_same_servers_and_credentials(monkeypatch):
    monkeypatch.setenv("NEWSFLOW_BOOTSTRAP_SERVERS", "a:1,b:2")
    monkeypatch.setenv("NEWSFLOW_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("NEWSFLOW_SASL_MECHANISM", "SCRAM-SHA-256")
    monkeypatch.setenv("NEWSFLOW_SASL_USERNAME", "alice")
    monkeypatch.setenv("NEWSFLOW_SASL_PASSWORD", "s3cret")
    connection = Connection.from_settings(Settings())
    kafka_python, faust = connection.for_kafka_python(), connection.for_faust()
    assert faust["broker"] == "kafka://a:1;kafka://b:2"
    assert kafka_python["bootstrap_servers"] == ["a:1", "b:2"]
    credentials = faust["broker_credentials"]
    assert (credentials.username, credentials.password, credentials.mechanism.value) == (
        "alice",
        "s3cret",
        kafka_python["sasl_mechanism"],
    )
    assert kafka_python["sasl_plain_password"] == "s3cret"


def test_plaintext_gives_faust_no_credentials_and_tls_gives_it_a_context(monkeypatch):
    assert Connection.from_settings(Settings()).for_faust()["broker_credentials"] is None
    monkeypatch.setenv("NEWSFLOW_SECURITY_PROTOCOL", "SSL")
    faust = Connection.from_settings(Settings()).for_faust()
    assert faust["broker_credentials"].context is not None
