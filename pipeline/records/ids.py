"""Stable article ids: the source's own id, else a hash of the canonical URL, else of source+title+date."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track the click; they do not change which article it is.
_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_", "ocid", "cmpid")


def canonical_url(url: str) -> str:
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), path, urlencode(sorted(query)), "")
    )


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def article_id(
    *,
    source_id: str | None,
    url: str | None,
    source: str | None,
    title: str | None,
    published: str | None,
    text: str = "",
) -> str:
    if source_id and source_id.strip():
        return source_id.strip()
    if url and url.strip():
        return "u-" + _digest(canonical_url(url))
    # No title either: the text is all that tells two articles apart.
    return "h-" + _digest(source or "", title or "", published or "", "" if title else text)
