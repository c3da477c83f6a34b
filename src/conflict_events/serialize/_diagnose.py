"""Every problem in a rejected document, each with its path.

The converter's fast path stops at the first problem. When it rejects a document, this module
walks the document beside the model's types, structuring each leaf with the converter's own
hooks, and collects every problem with the path where it stands.
"""

from __future__ import annotations

import typing
from typing import Any

import attrs

from conflict_events.errors import ModelError, Problem, join_path
from conflict_events.model._checks import describe
from conflict_events.serialize._converter import (
    WIRE_REQUIRED,
    WireError,
    converter,
    is_tuple_of,
    optional_inner,
)

__all__ = ["diagnose"]


def diagnose(tp: Any, value: object, path: str = "") -> list[Problem]:
    """The problems that keep ``value`` from structuring as ``tp``, each with its path."""
    try:
        return _diagnose(tp, value, path)
    except RecursionError:
        return [Problem(path, "the document is nested too deeply to load")]


def _diagnose(tp: Any, value: object, path: str) -> list[Problem]:
    if attrs.has(tp):
        return _diagnose_class(tp, value, path)
    inner = optional_inner(tp)
    if inner is not None:
        return [] if value is None else _diagnose(inner, value, path)
    if is_tuple_of(tp):
        if type(value) is not list and type(value) is not tuple:
            return [Problem(path, f"expected an array, got {describe(value)}")]
        item_type = typing.get_args(tp)[0]
        problems: list[Problem] = []
        for i, item in enumerate(value):
            problems.extend(_diagnose(item_type, item, join_path(path, i)))
        return problems
    return _leaf(tp, value, path)


def _leaf(tp: Any, value: object, path: str) -> list[Problem]:
    try:
        converter.structure(value, tp)
    except WireError as exc:
        return [Problem(path, str(exc))]
    except ModelError as exc:
        return [p.under(path) for p in exc.problems]
    except Exception as exc:  # noqa: BLE001 - any other failure is reported, never raised
        return [Problem(path, f"cannot read {describe(value)}: {exc}")]
    return []


def _diagnose_class(cls: type, value: object, path: str) -> list[Problem]:
    if type(value) is not dict:
        return [Problem(path, f"expected an object ({cls.__name__}), got {describe(value)}")]
    fields = attrs.fields(cls)
    names = {f.name for f in fields}
    problems: list[Problem] = []
    for key in value:
        if key not in names:
            known = ", ".join(sorted(names))
            message = f"unknown field {key!r}; {cls.__name__} has {known}"
            problems.append(Problem(join_path(path, str(key)), message))
    for field in fields:
        if field.name not in value:
            if field.default is attrs.NOTHING or (cls, field.name) in WIRE_REQUIRED:
                problems.append(Problem(join_path(path, field.name), "missing required field"))
            continue
        problems.extend(_diagnose(field.type, value[field.name], join_path(path, field.name)))
    if problems:
        return problems
    # Every field is well formed on its own: what is left are the object's own invariants.
    return _leaf(cls, value, path)
