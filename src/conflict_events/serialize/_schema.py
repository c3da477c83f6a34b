"""JSON Schema (2020-12) documents for the wire format, derived from the model's types."""

from __future__ import annotations

import ast
import functools
import inspect
import itertools
import textwrap
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from conflict_events.model import MODEL_CLASSES, SCHEMA_VERSION
from conflict_events.model.place import REGION_ID
from conflict_events.model.weapon import SLUG
from conflict_events.serialize._converter import (
    WIRE_REQUIRED,
    is_tuple_of,
    optional_inner,
)

__all__ = ["json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_PATTERNS: dict[tuple[str, str], str] = {
    ("Region", "id"): REGION_ID.pattern,
    ("WeaponSystem", "id"): SLUG.pattern,
}
_RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("Point", "lat"): (-90, 90),
    ("Point", "lon"): (-180, 180),
}
_ID_PATTERN = r"^\S([\s\S]*\S)?$"  # [\s\S], not ".": an id may hold a line break inside


def _anchored(pattern: str) -> str:
    return f"^(?:{pattern})$"


@functools.cache
def _field_docs(cls: type) -> dict[str, str]:
    """The docstring written under each field of ``cls``."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):  # pragma: no cover - source unavailable (frozen builds)
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for prev, node in itertools.pairwise(body):
        if (
            isinstance(prev, ast.AnnAssign)
            and isinstance(prev.target, ast.Name)
            and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            docs[prev.target.id] = " ".join(node.value.value.split())
    return docs


def _type_schema(tp: Any, owner: str, field: str) -> dict[str, Any]:
    if attrs.has(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    inner = optional_inner(tp)
    if inner is not None:
        return {"anyOf": [_type_schema(inner, owner, field), {"type": "null"}]}
    if is_tuple_of(tp):
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0], owner, field)}
    args = set(typing.get_args(tp))
    if args == {int, float}:
        return {"type": "number", "minimum": 0}
    if args == {date, datetime}:
        return {
            "anyOf": [
                {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                {"type": "string", "format": "date-time"},
            ]
        }
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if tp is datetime:
        return {"type": "string", "format": "date-time"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        limits = _RANGES.get((owner, field))
        if limits is not None:
            return {"type": "number", "minimum": limits[0], "maximum": limits[1]}
        return {"type": "number"}
    if tp is str:
        pattern = _PATTERNS.get((owner, field))
        if pattern is not None:
            return {"type": "string", "pattern": _anchored(pattern)}
        return {"type": "string", "minLength": 1}
    raise TypeError(f"no JSON Schema for {tp!r} ({owner}.{field})")  # pragma: no cover


def _class_schema(cls: type) -> dict[str, Any]:
    docs = _field_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _type_schema(field.type, cls.__name__, field.name)
        if field.name == "schema_version":
            schema = {"const": SCHEMA_VERSION}
        if field.name in ("id", "source") and schema.get("type") == "string":
            schema.setdefault("pattern", _ID_PATTERN)
        doc = docs.get(field.name)
        if doc:
            schema = {"description": doc, **schema}
        properties[field.name] = schema
        if field.default is attrs.NOTHING or (cls, field.name) in WIRE_REQUIRED:
            required.append(field.name)
    summary = (inspect.getdoc(cls) or cls.__name__).split("\n\n")[0]
    return {
        "type": "object",
        "description": " ".join(summary.split()),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _reachable(cls: type) -> list[type]:
    seen: list[type] = []

    def visit(tp: Any) -> None:
        if attrs.has(tp):
            if tp in seen:
                return
            seen.append(tp)
            for field in attrs.fields(tp):
                visit(field.type)
            return
        for arg in typing.get_args(tp):
            visit(arg)

    visit(cls)
    return seen


def json_schema(cls: type) -> dict[str, Any]:
    """A JSON Schema (2020-12) document for the wire form of a model class.

    It accepts everything :func:`dumps` writes for ``cls``. Checks that span several fields
    (``low <= high``, a zone's offset at an instant) are the loader's; the schema states
    shapes, types, enums and patterns.

    >>> from conflict_events import Quantity
    >>> schema = json_schema(Quantity)
    >>> schema["$schema"], schema["$ref"]
    ('https://json-schema.org/draft/2020-12/schema', '#/$defs/Quantity')
    """
    if cls not in MODEL_CLASSES:
        names = ", ".join(c.__name__ for c in MODEL_CLASSES)
        raise TypeError(f"expected a model class ({names}), got {cls!r}")
    return {
        "$schema": DIALECT,
        "$id": f"urn:conflict-events:schema:v{SCHEMA_VERSION}:{cls.__name__}",
        "title": cls.__name__,
        "$ref": f"#/$defs/{cls.__name__}",
        "$defs": {c.__name__: _class_schema(c) for c in _reachable(cls)},
    }
