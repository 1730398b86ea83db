"""Answer whether a Kafka broker serves a Metadata request (stdlib only, so it runs before any venv).

Exit 0 and print the broker count when the broker answers; exit 1 otherwise.
Usage: python3 probe.py HOST:PORT [TIMEOUT_SECONDS]
"""

from __future__ import annotations

import socket
import struct
import sys

METADATA_API_KEY = 3
CORRELATION_ID = 0x6E66  # arbitrary; checked on the way back


def metadata_request(client_id: bytes = b"newsflow-probe") -> bytes:
    # Metadata v0 with an empty topic list: the broker answers with brokers and no topics.
    body = struct.pack(">hhih", METADATA_API_KEY, 0, CORRELATION_ID, len(client_id)) + client_id
    body += struct.pack(">i", 0)
    return struct.pack(">i", len(body)) + body


def read_exact(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("broker closed the connection")
        data += chunk
    return data


def probe(address: str, timeout: float) -> int:
    host, _, port = address.rpartition(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.settimeout(timeout)
        sock.sendall(metadata_request())
        (size,) = struct.unpack(">i", read_exact(sock, 4))
        payload = read_exact(sock, size)
    correlation_id, broker_count = struct.unpack(">ii", payload[:8])
    if correlation_id != CORRELATION_ID:
        raise ConnectionError(f"unexpected correlation id {correlation_id}")
    return broker_count


def main() -> int:
    address = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:9092"
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    try:
        brokers = probe(address, timeout)
    except (OSError, ConnectionError, struct.error) as exc:
        print(f"no answer from {address}: {exc}", file=sys.stderr)
        return 1
    if brokers < 1:
        print(f"{address} answered with no brokers yet", file=sys.stderr)
        return 1
    print(f"{address}: {brokers} broker(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
