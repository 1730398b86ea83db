"""The API's responses in the OpenAPI document: incidents as schemas/incident.schema.json."""

from __future__ import annotations

from functools import cache

from pipeline.records.schema import INCIDENT, schema_document


@cache
def _incident() -> dict:
    schema = dict(schema_document(INCIDENT))
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    return schema


def incident_response() -> dict:
    return {
        200: {"content": {"application/json": {"schema": _incident()}}},
        404: {"description": "no incident of that id is held"},
    }


def incident_list_response() -> dict:
    page = {
        "type": "object",
        "required": ["items", "next"],
        "properties": {
            "items": {"type": "array", "items": _incident()},
            "next": {
                "type": ["string", "null"],
                "description": "cursor of the next page (pass as `cursor`); null on the last",
            },
        },
    }
    return {
        200: {"content": {"application/json": {"schema": page}}},
        422: {"description": "a filter that cannot be read; `error` says which and why"},
    }
