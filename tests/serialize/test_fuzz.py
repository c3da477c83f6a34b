"""Loading never crashes: any input is a model object or one StructureError, never another error.

Random JSON (biased towards the wire format's own keys and values) and random mutations of
valid documents are fed to ``loads`` and ``from_dict``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from enum import Enum
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflict_events as ce
from conflict_events.model import MODEL_CLASSES
from conflict_events.testing import strategies as ces

TARGETS = pytest.mark.parametrize("cls", [ce.Report, ce.Claim], ids=lambda c: c.__name__)

FIELD_NAMES = sorted({f.name for cls in MODEL_CLASSES for f in attrs.fields(cls)})
ENUM_VALUES = sorted(
    {m.value for v in vars(ce).values() if isinstance(v, type) and issubclass(v, Enum) for m in v}
)
WIRE_WORDS = [
    *ENUM_VALUES,
    "2025-10-31T20:00:00+03:00",
    "2025-10-31T20:00:00",
    "2025-10-31",
    "Europe/Moscow",
    "RU-BEL",
    "shahed-136",
    "",
    " ",
    "Орёл",
]

leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-3, 10),
    st.floats(),  # NaN and infinities too: dumped as bare tokens JSON does not allow
    st.text(max_size=12),
    st.sampled_from(WIRE_WORDS),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8))


def _json(leaves: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=8),
        max_leaves=40,
    )


json_values = _json(leaves)
finite_json_values = _json(leaves.filter(lambda v: not isinstance(v, float) or math.isfinite(v)))


def _load(cls: type, text: str | bytes) -> object:
    """``loads`` gives an instance of ``cls`` or raises a StructureError with problems."""
    try:
        obj = ce.loads(cls, text)
    except ce.StructureError as err:
        error = err
    else:
        assert type(obj) is cls
        return obj
    assert error.problems
    assert all(isinstance(p.path, str) and p.message for p in error.problems)
    return error


@TARGETS
@given(value=json_values)
def test_random_json_loads_or_is_a_structure_error(cls: type, value: object) -> None:
    """Any JSON value, through ``loads`` and through ``from_dict``, loads or is rejected cleanly."""
    result = _load(cls, json.dumps(value))
    if isinstance(value, (dict, list)) and "NaN" not in json.dumps(value):
        try:
            again: object = ce.from_dict(cls, value)
        except ce.StructureError as err:
            again = err
        assert type(again) is type(result)


@TARGETS
@given(text=st.one_of(st.text(max_size=40), st.binary(max_size=40)))
def test_random_text_loads_or_is_a_structure_error(cls: type, text: str | bytes) -> None:
    """Arbitrary text or bytes never escape as anything but a StructureError."""
    _load(cls, text)


@TARGETS
@given(value=json_values)
def test_random_objects_under_valid_keys_load_or_are_rejected(cls: type, value: object) -> None:
    """A valid document with a random value slotted under each of its keys in turn."""
    base = ce.to_dict(ce.Claim(id="c", kind="other")) if cls is ce.Claim else {}
    doc = {"id": "rep:1", "schema_version": 1} if cls is ce.Report else base
    for key in FIELD_NAMES:
        _load(cls, json.dumps({**doc, key: value}))


# -- mutations of valid documents -------------------------------------------------------


def _containers(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every dict and list in a parsed document, with its path."""
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _containers(item, ce.errors.join_path(path, key))
    elif isinstance(value, list):
        yield path, value
        for i, item in enumerate(value):
            yield from _containers(item, ce.errors.join_path(path, i))


def _kind(value: object) -> str:
    return type(value).__name__


def _within(path: str, base: str) -> bool:
    return not base or path == base or path.startswith((f"{base}.", f"{base}["))


@st.composite
def mutations(draw: st.DrawFn, cls: type) -> tuple[dict[str, Any], str, str]:
    """A valid document of ``cls`` with one change: a key dropped or added, or a value retyped.

    Returns the document, the kind of change and the path of the container changed.
    """
    doc = ce.to_dict(draw(ces.for_type(cls)))
    spots = [(p, c) for p, c in _containers(doc) if c]
    path, container = draw(st.sampled_from(spots))
    change = draw(
        st.sampled_from(["drop", "retype", "add"] if isinstance(container, dict) else ["retype"])
    )
    if change == "add":
        container["x-extra"] = draw(finite_json_values)
        return doc, change, path
    key = draw(
        st.sampled_from(list(container) if isinstance(container, dict) else range(len(container)))
    )
    if change == "drop":
        del container[key]
    else:
        old = container[key]
        container[key] = draw(finite_json_values.filter(lambda v: _kind(v) != _kind(old)))
    return doc, change, path


@TARGETS
@given(data=st.data())
def test_a_mutated_document_loads_or_names_the_place_of_the_change(
    cls: type, data: st.DataObject
) -> None:
    """An added key is reported exactly where it was added; a dropped key or a value of another
    type is accepted or reported inside the object that was changed."""
    doc, change, base = data.draw(mutations(cls))
    result = _load(cls, json.dumps(doc))
    if change == "add":
        assert isinstance(result, ce.StructureError)
        assert result.paths == (ce.errors.join_path(base, "x-extra"),)
    elif isinstance(result, ce.StructureError):
        assert all(_within(p, base) for p in result.paths), (base, result.paths)
