"""One settings object for every command, read from NEWSFLOW_* environment variables (or .env)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NEWSFLOW_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    bootstrap_servers: str = Field(
        "127.0.0.1:9092", description="Kafka bootstrap servers, comma-separated"
    )
    security_protocol: SecurityProtocol = "PLAINTEXT"
    sasl_mechanism: SaslMechanism | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None

    topic_raw: str = "news.articles.raw"
    topic_enriched: str = "news.articles.enriched"
    topic_events: str = "news.events"
    topic_dlq: str = "news.articles.dlq"
    topic_incidents: str = "news.incidents"  # compacted: the latest version of each incident
    topic_partitions: int = Field(6, ge=1)
    topic_replication: int = Field(1, ge=1)
    consumer_group: str = "newsflow-enrich"
    # The incident workers' group (`newsflow link`): it names their reports topic and their
    # table's changelog topic too.
    incident_group: str = "newsflow-incidents"
    # `newsflow serve` reads the whole incident topic under this name and commits nothing.
    serve_group: str = "newsflow-serve"

    batch_size: int = Field(32, ge=1, description="articles per nlp.pipe batch")
    # A short wait keeps latency low at light load; under backlog batches fill up at once.
    batch_within_s: float = Field(0.2, gt=0, description="longest wait for a batch to fill")
    max_text_chars: int = Field(
        200_000, ge=1, description="longer texts are refused (DLQ / input error)"
    )
    metrics_port: int = Field(9464, ge=0, le=65535)

    incident_window_days: int = Field(
        3, ge=0, description="reports dated this close to an incident's are its candidates"
    )
    incident_wide_window_days: int = Field(
        30, ge=0, description="farther dates (up to this) need stronger evidence to link"
    )
    incident_evict_after_days: int = Field(
        365, ge=1, description="incidents without a report for this long leave the table"
    )
    incident_shrink_after_days: int = Field(
        90,
        ge=1,
        description="incidents without a report for this long drop their vectors (most of "
        "their memory) until a report finds them",
    )

    @model_validator(mode="after")
    def _sasl_needs_credentials(self) -> Settings:
        if self.security_protocol.startswith("SASL_"):
            if not self.sasl_mechanism:
                self.sasl_mechanism = "PLAIN"
            if not self.sasl_username or self.sasl_password is None:
                raise ValueError(
                    f"security_protocol={self.security_protocol} needs "
                    "NEWSFLOW_SASL_USERNAME and NEWSFLOW_SASL_PASSWORD"
                )
        return self

    def masked(self) -> dict[str, Any]:
        """Every setting for display, secrets replaced by '********'."""
        shown = self.model_dump(mode="json")
        if self.sasl_password is not None:
            shown["sasl_password"] = "********"
        return shown
