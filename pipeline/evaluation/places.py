"""Country names or codes in labelled rows → ISO 3166-1 alpha-2 codes; US state names → ISO
3166-2 codes."""

from __future__ import annotations

from functools import lru_cache

import pycountry


@lru_cache(maxsize=512)
def country_code(value: str) -> str | None:
    value = value.strip()
    if len(value) == 2 and value.isupper():
        return value
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        try:
            return pycountry.countries.search_fuzzy(value)[0].alpha_2
        except LookupError:
            return None


@lru_cache(maxsize=128)
def us_state_code(name: str) -> str | None:
    """'District of Columbia' → 'US-DC': states are compared by code, since sources spell some
    differently ('Washington, D.C.')."""
    wanted = name.strip().lower()
    for subdivision in pycountry.subdivisions.get(country_code="US"):
        if subdivision.name.lower() == wanted:
            return subdivision.code
    return None
