"""The country of a news outlet known by name (`outlets.tsv`): a national paper's or agency's name
often spells no place at all ("Dawn", "The Hindu", "Prothom Alo"), and conflict notes and wire
copies name their source, not their town. Only outlets that cover mostly one country are listed;
a name several outlets share, or a world desk's, says nothing and is left out of the list."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

OUTLETS_FILE = Path(__file__).with_name("outlets.tsv")
_PARENTHESES = re.compile(r"\([^)]*\)")
# "EKantipur.com", "Scroll.in": a web address given as the outlet's name
_WEB_SUFFIX = re.compile(r"\.(?:com|net|org|co|[a-z]{2})(?:\.[a-z]{2})?$", re.IGNORECASE)


def known_outlet_country(name: str | None) -> str | None:
    """The country code listed for an outlet's name, matched whole after letters are folded:
    "The Times of India (TOI)", "EKantipur.com", "Hürriyet" all find their line; a
    parenthesis is tried both kept ("The Financial Express (Bangladesh)") and dropped."""
    if not name:
        return None
    table = _table()
    for variant in (name, _PARENTHESES.sub(" ", name), _WEB_SUFFIX.sub("", name.strip())):
        code = table.get(_key(variant))
        if code:
            return code
    return None


def known_host_country(label: str) -> str | None:
    """The country of the outlet whose host name's main label is `label`, when it spells a
    listed name: "thehindu" (thehindu.com), "dawn", "hindustantimes". Acronyms of three
    letters ("uni", "pti") are too often some other site's name to count here."""
    if len(label) < MIN_HOST_LETTERS:
        return None
    table = _table()
    return table.get(label.removeprefix("the")) or table.get(label)


MIN_HOST_LETTERS = 4


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"&", "and", folded)
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^\s*the\s+", "", folded))


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in OUTLETS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name = line.split("\t", 1)
        table[_key(name)] = code
    return table
