"""Round-trip properties of the wire format, for every model class.

Equality alone is not enough: aware datetimes compare equal across offsets and ``5 == 5.0``,
so every round trip also compares the exact JSON text, which keeps offsets, microseconds and
the int/float distinction.
"""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflict_events as ce
from conflict_events.model import MODEL_CLASSES
from conflict_events.testing import strategies as ces

by_class = pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)


def _draw(data: st.DataObject, cls: type) -> Any:
    obj = data.draw(ces.for_type(cls), label=cls.__name__)
    assert type(obj) is cls
    return obj


def _same(loaded: object, original: object) -> None:
    """Equal, of the same class, and with byte-identical wire text."""
    assert type(loaded) is type(original)
    assert loaded == original
    assert ce.dumps(loaded) == ce.dumps(original)


@by_class
@given(data=st.data(), indent=st.sampled_from([None, 2, 4]))
def test_from_dict_and_loads_invert_to_dict_and_dumps(
    cls: type, data: st.DataObject, indent: int | None
) -> None:
    """``from_dict(type(x), to_dict(x)) == x`` and ``loads(type(x), dumps(x)) == x``, exactly.

    Whatever the indentation, from text or from UTF-8 bytes.
    """
    obj = _draw(data, cls)
    _same(ce.from_dict(cls, ce.to_dict(obj)), obj)
    text = ce.dumps(obj, indent=indent)
    _same(ce.loads(cls, text), obj)
    _same(ce.loads(cls, text.encode("utf-8")), obj)


@by_class
@given(data=st.data())
def test_dumps_is_stable_and_its_compact_form_is_one_line(cls: type, data: st.DataObject) -> None:
    """Dumping what was loaded gives the same text; compact text has no line break.

    Compact and indented text parse to the same value, ``to_dict(x)``.
    """
    obj = _draw(data, cls)
    for indent in (None, 2):
        text = ce.dumps(obj, indent=indent)
        assert ce.dumps(ce.loads(cls, text), indent=indent) == text
    compact = ce.dumps(obj, indent=None)
    assert "\n" not in compact
    assert "\r" not in compact
    assert json.loads(compact) == json.loads(ce.dumps(obj)) == ce.to_dict(obj)


@by_class
@given(data=st.data())
def test_serialising_and_loading_change_nothing_they_are_given(
    cls: type, data: st.DataObject
) -> None:
    """``to_dict`` leaves the object alone and shares no state with it; ``from_dict`` leaves
    the caller's dict as it was (the schema upgrade step included)."""
    obj = _draw(data, cls)
    text, digest = ce.dumps(obj), hash(obj)
    wire = ce.to_dict(obj)
    assert ce.dumps(obj) == text
    assert hash(obj) == digest
    before = copy.deepcopy(wire)
    ce.from_dict(cls, wire)
    assert wire == before
    _scribble(wire)
    assert ce.dumps(obj) == text
    assert ce.to_dict(obj) == before


@by_class
@given(data=st.data())
def test_every_dump_validates_against_the_json_schema(
    cls: type, data: st.DataObject, schema_errors: Callable[[type, Any], list[str]]
) -> None:
    """What ``dumps`` writes, the published JSON Schema accepts (date-time format checked)."""
    obj = _draw(data, cls)
    assert schema_errors(cls, json.loads(ce.dumps(obj))) == []


@by_class
@given(data=st.data())
def test_json_lines_round_trip(cls: type, data: st.DataObject) -> None:
    """``write_jsonl`` writes one compact line per object; ``iter_jsonl`` reads them back."""
    objs = data.draw(st.lists(ces.for_type(cls), max_size=3), label="objs")
    buf = io.StringIO()
    assert ce.write_jsonl(iter(objs), buf) == len(objs)
    text = buf.getvalue()
    # Split on "\n" only: str.splitlines() would also split on U+2028, U+0085, ... in strings.
    assert text.split("\n") == [*(ce.dumps(o, indent=None) for o in objs), ""]
    for loaded, obj in zip(ce.iter_jsonl(cls, io.StringIO(text)), objs, strict=True):
        _same(loaded, obj)
    assert ce.read_jsonl(cls, io.StringIO(text)) == objs


def _scribble(value: Any) -> None:
    """Change every container in a parsed document in place."""
    if isinstance(value, dict):
        for item in value.values():
            _scribble(item)
        value["scribbled"] = True
        value.pop(next(iter(value)))
    elif isinstance(value, list):
        for item in value:
            _scribble(item)
        value.append("scribbled")


def test_a_dropped_microsecond_is_a_different_window() -> None:
    """The comparison the properties rely on sees microseconds: a lossy trip would fail."""
    window = ce.TimeWindow.at(ce.loads(ce.TimeWindow, _WINDOW).start, tz="Europe/Moscow")
    truncated = ce.TimeWindow.at(window.start.replace(microsecond=0), tz="Europe/Moscow")
    assert window != truncated
    assert ce.dumps(window) != ce.dumps(truncated)


def test_a_moved_offset_is_a_different_wire_text() -> None:
    """The same instant written in UTC is equal as a datetime but not as wire text."""
    loaded = ce.loads(ce.TimeWindow, _WINDOW)
    as_utc = json.loads(_WINDOW)
    as_utc.update(
        start="2025-10-31T17:00:00.123456+00:00", end="2025-10-31T20:00:00+00:00", tz="UTC"
    )
    assert loaded.start == ce.from_dict(ce.TimeWindow, as_utc).start
    assert ce.dumps(loaded) != ce.dumps(ce.from_dict(ce.TimeWindow, as_utc))


_WINDOW = (
    '{"start": "2025-10-31T20:00:00.123456+03:00", "end": "2025-10-31T23:00:00+03:00",'
    ' "tz": "Europe/Moscow"}'
)
