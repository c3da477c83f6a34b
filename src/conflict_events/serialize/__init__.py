"""The wire format: dicts, JSON, JSON Lines and JSON Schema, built on one strict converter."""

from conflict_events.serialize._json import (
    JsonLinesReader,
    dumps,
    from_dict,
    iter_jsonl,
    loads,
    read_jsonl,
    to_dict,
    write_jsonl,
)
from conflict_events.serialize._schema import json_schema

__all__ = [
    "JsonLinesReader",
    "dumps",
    "from_dict",
    "iter_jsonl",
    "json_schema",
    "loads",
    "read_jsonl",
    "to_dict",
    "write_jsonl",
]
