"""Waiting for a broker: at once when one listens, one announcement and a clear error when not."""

from __future__ import annotations

import socket

import pytest

from pipeline.errors import BrokerUnavailable
from pipeline.kafka.reach import _host_port, wait_for_broker


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_listening_server_answers_without_a_word():
    said: list[str] = []
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        wait_for_broker(f"127.0.0.1:{closed_port()},127.0.0.1:{port}", say=said.append)
    assert said == []


def test_no_server_says_what_it_waits_for_once_then_gives_up():
    said: list[str] = []
    servers = f"127.0.0.1:{closed_port()}"
    with pytest.raises(BrokerUnavailable) as caught:
        wait_for_broker(servers, timeout_s=1.2, say=said.append)
    assert len(said) == 1 and servers in said[0] and "waiting" in said[0]
    assert servers in str(caught.value) and "NEWSFLOW_BOOTSTRAP_SERVERS" in str(caught.value)


@pytest.mark.parametrize(
    ("server", "expected"),
    [
        ("127.0.0.1:9092", ("127.0.0.1", 9092)),
        (" kafka:29092 ", ("kafka", 29092)),
        ("[::1]:9093", ("::1", 9093)),
        ("broker", ("broker", 9092)),
    ],
)
def test_server_addresses(server, expected):
    assert _host_port(server) == expected
