"""Every problem in a rejected document, each with its path.

The converter's fast path stops at the first problem. When it rejects a document, this module
walks the document beside the model's types, structuring each leaf with the converter's own
hooks, and collects every problem with the path where it stands.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import Any

import attrs

from conflict_events import model
from conflict_events.errors import ModelError, Problem, join_path
from conflict_events.model import claim, place, quantity, report, source, time, weapon
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


_BAD = object()
"""Stands in for a field that did not load, while an object's own checks run on the rest."""

_CHECKERS: dict[type, Callable[[Any], list[Problem]]] = {
    model.Quantity: quantity._problems,
    model.TimeWindow: time._problems,
    model.Region: place._problems,
    model.WeaponSystem: weapon._problems,
    model.Source: source._source_problems,
    model.Actor: source._actor_problems,
    model.Claim: claim._problems,
    model.Statement: report._statement_problems,
    model.Report: report._report_problems,
}
"""Each class's own detailed checks (the ones its constructor runs), for partial objects."""


def _field_of(path: str) -> str:
    """The first field name of a relative path: ``quantity`` of ``quantity.value``."""
    return path.split(".", 1)[0].split("[", 1)[0]


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
    by_field: dict[str, list[Problem]] = {}
    loaded: dict[str, object] = {}
    for field in fields:
        if field.name not in value:
            if field.default is attrs.NOTHING or (cls, field.name) in WIRE_REQUIRED:
                by_field[field.name] = [
                    Problem(join_path(path, field.name), "missing required field")
                ]
            else:
                loaded[field.name] = field.default
            continue
        found = _diagnose(field.type, value[field.name], join_path(path, field.name))
        if found:
            by_field[field.name] = found
        else:
            loaded[field.name] = converter.structure(value[field.name], field.type)
    if not problems and not by_field:
        # Every field is well formed: what is left are the object's own invariants.
        return _leaf(cls, value, path)
    # Some fields did not load: run the object's own checks on the ones that did, so that
    # their problems (an empty id, a grade out of range) are listed too.
    for own in _own_problems(cls, fields, loaded, set(by_field)):
        by_field.setdefault(_field_of(own.path), []).append(own.under(path))
    for field in fields:
        problems.extend(by_field.get(field.name, ()))
    return problems


def _own_problems(
    cls: type, fields: Sequence[attrs.Attribute[Any]], loaded: dict[str, object], bad: set[str]
) -> list[Problem]:
    checker = _CHECKERS.get(cls)
    if checker is None:
        return []
    partial = SimpleNamespace(**{f.name: loaded.get(f.name, _BAD) for f in fields})
    try:
        found = checker(partial)
    except Exception:  # noqa: BLE001 - a check that needs a missing field says nothing here
        return []
    return [p for p in found if _field_of(p.path) not in bad]
