"""Each model class's one public check of its own invariants: ``check_fields``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conflict_events as ce
from conflict_events.model import MODEL_CLASSES
from conflict_events.testing import strategies as ces


def _fields(obj: object) -> dict[str, object]:
    return {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj))}


@settings(max_examples=40)
@given(st.sampled_from(MODEL_CLASSES).flatmap(ces.for_type))
def test_a_valid_object_has_no_problems(obj: Any) -> None:
    """What a constructor accepted, ``check_fields`` finds nothing wrong with."""
    assert type(obj).check_fields(_fields(obj)) == []


W = {
    "start": datetime(2025, 10, 31, 20),
    "end": datetime(2025, 10, 31, 23),
    "tz": "Europe/Moscow",
}

BAD = [
    (ce.Quantity, {"value": 5, "low": 7, "qualifier": "about"}),
    (ce.Quantity, {"value": 1.5}),
    (ce.TimeWindow, W),
    (ce.Region, {"id": "Belgorod", "name": "", "kind": "subdivision"}),
    (ce.Citation, {"title": " x"}),
    (ce.WeaponSystem, {"id": "x", "name": "X", "category": "uav", "range": ce.Quantity.exact(3)}),
    (ce.Source, {"id": "src:a", "name": "A", "kind": "ministry", "reliability": "G"}),
    (ce.Actor, {"id": "", "name": "A", "kind": "state"}),
    (ce.Span, {"start": 4, "end": 2}),
    (ce.Claim, {"id": "c", "kind": "zap", "credibility": 7, "regions": ["RU-BEL"] * 2}),
    (ce.Statement, {"id": "st", "source": "", "kind": "bulletin", "via": ["a", "a"]}),
    (ce.Report, {"id": "r", "published": datetime(2025, 1, 1), "schema_version": 3}),
]


@pytest.mark.parametrize(("cls", "fields"), BAD, ids=[c.__name__ for c, _ in BAD])
def test_the_constructor_raises_exactly_what_check_fields_finds(
    cls: type, fields: dict[str, object]
) -> None:
    """The constructor runs the same check and raises its problems, in the same order."""
    found = cls.check_fields(fields)  # type: ignore[attr-defined]
    assert found
    with pytest.raises(ce.ModelError) as err:
        cls(**fields)
    assert list(err.value.problems) == found


def test_a_field_left_out_takes_its_default_as_in_the_constructor() -> None:
    """``Quantity(value=1.5)`` is a count, so 1.5 is wrong; as a measure it is not."""
    assert [p.path for p in ce.Quantity.check_fields({"value": 1.5})] == ["value"]
    assert ce.Quantity.check_fields({"value": 1.5, "unit": "km"}) == []


def test_an_unread_field_is_not_judged_nor_what_needs_it() -> None:
    """Fields named ``unread``, and required ones left out, are passed over in silence."""
    assert ce.Claim.check_fields({"credibility": 7}) == [
        ce.Problem("credibility", "expected an Admiralty grade 1-6, got 7")
    ]
    assert ce.Claim.check_fields({}) == []
    assert ce.Claim.check_fields({"id": "", "quote": ""}, unread=["id"]) == [
        ce.Problem("quote", "expected a non-empty string or null, got ''")
    ]
    # An invariant between two fields is not judged when one of them is unread.
    assert ce.Region.check_fields({"parent": "RU-BEL"}) == []
    assert ce.Quantity.check_fields({"value": 1.5}, unread=["unit"]) == []


def test_values_go_through_the_fields_converters_first() -> None:
    """Enum values as strings and lists for tuples are taken as the constructor takes them."""
    assert ce.Claim.check_fields({"id": "c", "kind": "interception", "regions": ["RU"]}) == []
    assert [p.path for p in ce.Claim.check_fields({"kind": "zap"})] == ["kind"]


def test_a_name_that_is_not_a_field_is_a_problem() -> None:
    """A misspelt field is reported, not ignored."""
    assert ce.Span.check_fields({"start": 0, "end": 1, "stop": 2}) == [
        ce.Problem("stop", "Span has no field 'stop'")
    ]
