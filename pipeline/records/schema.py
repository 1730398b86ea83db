"""The published JSON Schemas (schemas/ at the repo root, shipped in the package as data)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

RAW = "raw-article.schema.json"
ENRICHED = "enriched-article.schema.json"
# The `schema` field of enriched records (and their Kafka header); 2 added event places'
# regions, date_basis, perpetrators and figure estimates.
ENRICHED_SCHEMA_ID = "newsflow.enriched/2"
INCIDENT = "incident.schema.json"
INCIDENT_SCHEMA_FAMILY = "newsflow.incident/"
INCIDENT_SCHEMA_ID = INCIDENT_SCHEMA_FAMILY + "2"


@lru_cache(maxsize=4)
def schema_document(name: str) -> dict[str, Any]:
    return orjson.loads(files("pipeline").joinpath("schemas", name).read_bytes())


@lru_cache(maxsize=4)
def validator(name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator  # here: the schema ids alone need no validator

    schema = schema_document(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_errors(record: Any, name: str = ENRICHED) -> list[str]:
    """Every way the record breaks the schema, as 'path: message' lines (empty when valid)."""
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator(name).iter_errors(record)
    ]
