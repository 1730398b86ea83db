"""How to reach the broker, read once from the settings and spelled for each client: kafka-python
(producer, consumer, admin) and faust (the workers, through aiokafka). One reading keeps the two
from drifting apart, as they did when faust was given SASL but not the TLS files."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from typing import Any

from pipeline.settings import Settings


@dataclass(frozen=True, slots=True, kw_only=True)
class Connection:
    servers: tuple[str, ...]
    security_protocol: str
    sasl: tuple[str, str, str] | None = None  # mechanism, username, password
    ssl_files: dict[str, str] = field(default_factory=dict)  # ssl_cafile / certfile / keyfile

    @classmethod
    def from_settings(cls, settings: Settings) -> Connection:
        sasl = None
        if settings.security_protocol.startswith("SASL_"):
            assert settings.sasl_password is not None  # the settings validator requires it
            sasl = (
                settings.sasl_mechanism or "PLAIN",
                settings.sasl_username or "",
                settings.sasl_password.get_secret_value(),
            )
        files = {
            key: getattr(settings, key)
            for key in ("ssl_cafile", "ssl_certfile", "ssl_keyfile")
            if getattr(settings, key)
        }
        servers = tuple(s.strip() for s in settings.bootstrap_servers.split(",") if s.strip())
        return cls(
            servers=servers,
            security_protocol=settings.security_protocol,
            sasl=sasl,
            ssl_files=files,
        )

    def for_kafka_python(self) -> dict[str, Any]:
        options: dict[str, Any] = {
            "bootstrap_servers": list(self.servers),
            "security_protocol": self.security_protocol,
            **self.ssl_files,
        }
        if self.sasl is not None:
            mechanism, username, password = self.sasl
            options |= {
                "sasl_mechanism": mechanism,
                "sasl_plain_username": username,
                "sasl_plain_password": password,
            }
        return options

    def for_faust(self) -> dict[str, Any]:
        """The `broker` and `broker_credentials` arguments of faust.App."""
        import faust  # here: the kafka-python commands (produce, sink, tail) never load faust

        context = self._ssl_context() if self.security_protocol.endswith("SSL") else None
        credentials: Any = None
        if self.sasl is not None:
            mechanism, username, password = self.sasl
            credentials = faust.SASLCredentials(
                username=username, password=password, mechanism=mechanism, ssl_context=context
            )
        elif context is not None:
            credentials = faust.SSLCredentials(context)
        return {
            "broker": ";".join(f"kafka://{server}" for server in self.servers),
            "broker_credentials": credentials,
        }

    def _ssl_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(cafile=self.ssl_files.get("ssl_cafile"))
        if "ssl_certfile" in self.ssl_files:
            context.load_cert_chain(
                self.ssl_files["ssl_certfile"], self.ssl_files.get("ssl_keyfile")
            )
        return context
