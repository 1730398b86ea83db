"""Whether a bootstrap server accepts connections, tried for a bounded time. kafka-python retries
silently for half a minute when no broker listens; a command run by hand should say at once
what it waits for and give up with one clear line."""

from __future__ import annotations

import socket
import sys
import time
from collections.abc import Callable

from pipeline.errors import BrokerUnavailable

BROKER_WAIT_S = 10.0
CONNECT_TIMEOUT_S = 1.0
RETRY_PAUSE_S = 0.5


def wait_for_broker(
    bootstrap_servers: str,
    *,
    timeout_s: float = BROKER_WAIT_S,
    say: Callable[[str], None] | None = None,
) -> None:
    """Return as soon as one of the comma-separated `host:port` servers accepts a TCP
    connection; after a first refusal, say what is awaited; raise BrokerUnavailable once
    `timeout_s` has passed without one."""
    servers = [_host_port(s) for s in bootstrap_servers.split(",") if s.strip()]
    deadline = time.monotonic() + timeout_s
    announced = False
    while True:
        last: OSError | None = None
        for host, port in servers:
            try:
                socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S).close()
                return
            except OSError as exc:
                last = exc
        if not announced:
            (say or _to_stderr)(
                f"waiting up to {timeout_s:.0f} s for a Kafka broker at {bootstrap_servers} …"
            )
            announced = True
        if time.monotonic() >= deadline:
            raise unavailable(bootstrap_servers, type(last).__name__ if last else "no server given")
        time.sleep(RETRY_PAUSE_S)


def unavailable(bootstrap_servers: str, reason: str) -> BrokerUnavailable:
    return BrokerUnavailable(
        f"no Kafka broker answers at {bootstrap_servers} ({reason}); start one with "
        "`make kafka-up` or set NEWSFLOW_BOOTSTRAP_SERVERS"
    )


def _host_port(server: str) -> tuple[str, int]:
    """'127.0.0.1:9092', 'kafka:9092', '[::1]:9092'; no port means Kafka's 9092."""
    server = server.strip()
    host, sep, port = server.rpartition(":")
    if not sep or "]" in port:
        host, port = server, "9092"
    return host.strip("[]"), int(port)


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
