"""The home town of a US local outlet whose host name spells none (`us_outlets.tsv`): a station's
call sign or brand ("wkrg.com", "8newsnow.com") or a paper's web name ("tennessean.com"). A local
story that names no town of its own is, most often, about its outlet's town."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

US_OUTLETS_FILE = Path(__file__).with_name("us_outlets.tsv")
# Top-level domains of US outlets: a country domain says the site is elsewhere ("news.com.au").
US_OUTLET_DOMAINS = frozenset(["com", "net", "org"])


def us_outlet_town(host_labels: list[str]) -> tuple[str, str] | None:
    """(town, state postal code) of the outlet whose host name's labels are `host_labels`
    (["www", "wkrg", "com"] → ("Mobile", "AL")), or None when it is not listed."""
    if len(host_labels) < 2 or host_labels[-1] not in US_OUTLET_DOMAINS:
        return None
    return _table().get(host_labels[-2].lower())


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for line in US_OUTLETS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, town, state = line.split("\t")
        table[label] = (town, state)
    return table
