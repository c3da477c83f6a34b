"""The JSON Schema documents: valid 2020-12, complete, and in step with the loader."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs
import jsonschema
import pytest

import conflict_events as ce
from conflict_events.model import MODEL_CLASSES
from conflict_events.serialize import _schema

by_class = pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
SchemaErrors = Callable[[type, Any], list[str]]
W = {
    "start": "2025-10-31T20:00:00+03:00",
    "end": "2025-10-31T23:00:00+03:00",
    "tz": "Europe/Moscow",
}


@by_class
def test_each_schema_is_a_valid_2020_12_document_about_its_class(cls: type) -> None:
    """The dialect, an id carrying the wire version, a title, and a reference to its own def."""
    schema = ce.json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:conflict-events:schema:v{ce.SCHEMA_VERSION}:{cls.__name__}"
    assert schema["title"] == cls.__name__
    assert schema["$ref"] == f"#/$defs/{cls.__name__}"
    json.dumps(schema)  # plain JSON, ready to publish


@by_class
def test_each_definition_closes_its_object_and_documents_every_field(cls: type) -> None:
    """No extra keys; every field has a property with the docstring written under it."""
    for name, definition in ce.json_schema(cls)["$defs"].items():
        assert definition["type"] == "object"
        assert definition["additionalProperties"] is False
        assert definition["description"], name
        fields = [f.name for f in attrs.fields(getattr(ce, name))]
        assert list(definition["properties"]) == fields
        for field, prop in definition["properties"].items():
            assert prop.get("description"), f"{name}.{field} has no description"


def test_the_report_schema_defines_everything_a_report_holds() -> None:
    """Every model class is reachable from Report; a Quantity refers to nothing else."""
    assert set(ce.json_schema(ce.Report)["$defs"]) == {c.__name__ for c in MODEL_CLASSES}
    assert set(ce.json_schema(ce.Quantity)["$defs"]) == {"Quantity"}


@pytest.mark.parametrize(
    ("cls", "required"),
    [
        (ce.Quantity, []),
        (ce.TimeWindow, ["start", "end", "tz"]),
        (ce.Claim, ["id", "kind"]),
        (ce.Statement, ["id", "source", "kind"]),
        (ce.Report, ["id", "schema_version"]),
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else None,
)
def test_required_fields_are_those_without_defaults_plus_schema_version(
    cls: type, required: list[str]
) -> None:
    """``schema_version`` has a default in Python but is required on the wire."""
    assert ce.json_schema(cls)["$defs"][cls.__name__]["required"] == required


def test_enums_list_their_wire_values() -> None:
    """Every enum field lists exactly its members' lower-case values."""
    claim = ce.json_schema(ce.Claim)["$defs"]["Claim"]["properties"]
    assert claim["kind"]["enum"] == [m.value for m in ce.ClaimKind]
    assert claim["modality"]["enum"] == [m.value for m in ce.Modality]
    for enum in (ce.ClaimKind, ce.Modality, ce.Coverage, ce.Counted, ce.Share, ce.Precision):
        assert all(isinstance(m.value, str) and m.value == m.value.lower() for m in enum)


def test_a_class_outside_the_model_has_no_schema() -> None:
    """``json_schema(dict)`` is a TypeError naming the model classes."""
    with pytest.raises(TypeError, match="expected a model class"):
        ce.json_schema(dict)


@pytest.mark.parametrize(
    ("cls", "document"),
    [
        (ce.Quantity, {"value": 1, "colour": "red"}),
        (ce.Quantity, {"value": "12"}),
        (ce.Quantity, {"value": -3}),
        (ce.Quantity, {"value": 1, "qualifier": "roughly"}),
        (ce.TimeWindow, {**W, "start": "2025-10-31T20:00:00"}),
        (ce.TimeWindow, {**W, "start": "31.10.2025 20:00"}),
        (ce.TimeWindow, {k: v for k, v in W.items() if k != "tz"}),
        (ce.Source, {"id": " src", "name": "S", "kind": "ministry"}),
        (ce.Source, {"id": "", "name": "S", "kind": "ministry"}),
        (ce.Region, {"id": "Belgorod", "name": "B", "kind": "subdivision"}),
        (ce.WeaponSystem, {"id": "Shahed 136", "name": "S", "category": "uav"}),
        (ce.Claim, {"id": "c", "kind": "interception", "regions": "RU-BEL"}),
        (ce.Report, {"id": "rep:1"}),
        (ce.Report, {"id": "rep:1", "schema_version": 3}),
        (ce.Report, {"id": "rep:1", "schema_version": 2, "published": "2025-13-31"}),
        (ce.Report, {"id": "rep:1", "schema_version": 2, "published": "2025-10-31T20:00"}),
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else None,
)
def test_what_the_schema_rejects_the_loader_rejects_too(
    cls: type, document: dict[str, Any], schema_errors: SchemaErrors
) -> None:
    """Shapes, types, enums, patterns and date-times are checked the same way on both sides."""
    assert schema_errors(cls, document)
    with pytest.raises(ce.StructureError):
        ce.from_dict(cls, document)


@pytest.mark.parametrize(
    ("cls", "document"),
    [
        (ce.Source, {"id": "src:a\nb", "name": "S", "kind": "ministry"}),
        (ce.Statement, {"id": "st:1", "source": "src:a\r\nb", "kind": "bulletin"}),
        (ce.Report, {"id": "rep:1", "schema_version": 2, "published": "2025-10-31"}),
        (ce.Quantity, {"value": 500.5, "unit": "km", "qualifier": "more_than"}),
    ],
    ids=["id-with-inner-line-break", "source-with-inner-crlf", "date", "float"],
)
def test_what_the_loader_accepts_the_schema_accepts(
    cls: type, document: dict[str, Any], schema_errors: SchemaErrors
) -> None:
    """Valid documents pass both; an id may hold a line break inside (not at its ends)."""
    ce.from_dict(cls, document)
    assert schema_errors(cls, document) == []


def test_the_date_time_format_check_is_rfc_3339(is_date_time: Callable[[object], bool]) -> None:
    """The check the schema tests rely on is strict, so they mean something."""
    assert is_date_time("2025-10-31T20:00:00.123456+03:00")
    assert is_date_time("2025-10-31T17:00:00Z")
    assert is_date_time(5)  # formats constrain strings only
    for bad in (
        "2025-10-31T20:00:00",
        "2025-10-31 20:00:00+03:00",
        "2025-10-31T20:00:00+03:00:30",
        "2025-02-30T20:00:00+03:00",
        "31.10.2025 20:00",
    ):
        assert not is_date_time(bad), bad


@attrs.frozen(kw_only=True)
class _Probe:
    """A class outside the model, to exercise the schema builder's remaining branches."""

    ratio: float
    undocumented: int | None = None


def test_the_schema_builder_maps_floats_and_tolerates_undocumented_fields() -> None:
    """A float field is a JSON number; a field without a docstring gets no description."""
    definition = _schema._class_schema(attrs.resolve_types(_Probe))
    assert definition["properties"]["ratio"] == {"type": "number"}
    assert definition["properties"]["undocumented"] == {
        "anyOf": [{"type": "integer"}, {"type": "null"}]
    }
    assert definition["required"] == ["ratio"]
