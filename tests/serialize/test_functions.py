"""The public serialisation functions: what they accept, what they write, how they upgrade."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

import conflict_events as ce
from conflict_events.serialize import _json, _migrate


def test_to_dict_writes_enums_as_values_and_leaves_defaults_out() -> None:
    """Only what was said is written; enums travel as their lower-case values."""
    claim = ce.Claim(id="c:1", kind="interception", counted="uav", regions=("RU-BEL",))
    assert ce.to_dict(claim) == {
        "id": "c:1",
        "kind": "interception",
        "counted": "uav",
        "regions": ["RU-BEL"],
    }
    assert ce.to_dict(ce.Quantity.at_least(500, unit="km")) == {
        "value": 500,
        "qualifier": "at_least",
        "unit": "km",
    }


def test_a_report_always_carries_its_schema_version() -> None:
    """``schema_version`` is written even though it is the default."""
    assert ce.to_dict(ce.Report(id="rep:1")) == {"id": "rep:1", "schema_version": 2}


def test_datetimes_travel_as_iso_8601_with_offset_and_microseconds() -> None:
    """The offset and every microsecond are written; the zone name travels in ``tz``."""
    start = datetime(2025, 10, 31, 20, 0, 0, 123456)
    window = ce.TimeWindow.between(start, start + timedelta(hours=3), tz="Europe/Moscow")
    assert ce.to_dict(window) == {
        "start": "2025-10-31T20:00:00.123456+03:00",
        "end": "2025-10-31T23:00:00.123456+03:00",
        "tz": "Europe/Moscow",
    }


@pytest.mark.parametrize(
    ("published", "wire"),
    [
        (date(2025, 10, 31), "2025-10-31"),
        (
            datetime(2025, 10, 31, 23, 5, tzinfo=timezone(timedelta(hours=3))),
            "2025-10-31T23:05:00+03:00",
        ),
        (datetime(2025, 10, 31, 20, 5, tzinfo=timezone.utc), "2025-10-31T20:05:00+00:00"),
    ],
    ids=["date", "datetime", "utc"],
)
def test_a_published_date_and_datetime_stay_what_they_were(
    published: date | datetime, wire: str
) -> None:
    """A date comes back a date, a datetime a datetime with its offset."""
    report = ce.Report(id="rep:1", published=published)
    assert ce.to_dict(report)["published"] == wire
    loaded = ce.loads(ce.Report, ce.dumps(report))
    assert type(loaded.published) is type(published)
    assert loaded.published == published


def test_dumps_keeps_non_ascii_as_itself_in_declaration_order() -> None:
    """Cyrillic is written as is, not as ``\\u`` escapes; keys follow the class's fields."""
    region = ce.Region(id="RU-ORL", name="Oryol Oblast", kind="subdivision", aliases=("Орёл",))
    compact = ce.dumps(region, indent=None)
    assert compact == (
        '{"id":"RU-ORL","name":"Oryol Oblast","kind":"subdivision","aliases":["Орёл"]}'
    )
    assert ce.dumps(region) == json.dumps(json.loads(compact), ensure_ascii=False, indent=2)


def test_an_explicit_null_for_an_optional_field_loads_as_absent() -> None:
    """``"quantity": null`` is the same claim as no quantity at all."""
    claim = ce.loads(ce.Claim, '{"id": "c", "kind": "other", "quantity": null}')
    assert claim == ce.Claim(id="c", kind="other")


def test_lists_may_be_tuples_when_loading_from_python() -> None:
    """``from_dict`` takes tuples where JSON has arrays."""
    claim = ce.from_dict(ce.Claim, {"id": "c", "kind": "other", "regions": ("RU-BEL",)})
    assert claim.regions == ("RU-BEL",)


@pytest.mark.parametrize(
    "call",
    [
        lambda: ce.to_dict({"value": 1}),
        lambda: ce.from_dict(dict, {}),
        lambda: ce.loads(int, "1"),
        lambda: ce.iter_jsonl(str, io.StringIO("")),
        lambda: ce.dumps(object()),
    ],
    ids=["to_dict", "from_dict", "loads", "iter_jsonl", "dumps"],
)
def test_a_class_or_object_outside_the_model_is_a_type_error(call: Any) -> None:
    """Misuse by the caller is a TypeError naming the model classes, not a StructureError."""
    with pytest.raises(TypeError, match="expected a model class"):
        call()


def test_loads_takes_str_or_bytes_only() -> None:
    """Bytes and bytearrays are decoded as UTF-8; other types are a TypeError."""
    assert ce.loads(ce.Quantity, b'{"value": 1}') == ce.Quantity.exact(1)
    assert ce.loads(ce.Quantity, bytearray(b'{"value": 1}')) == ce.Quantity.exact(1)
    with pytest.raises(TypeError, match="expected JSON text"):
        ce.loads(ce.Quantity, 5)  # type: ignore[arg-type]


def test_a_document_nested_too_deeply_is_a_structure_error() -> None:
    """Thousands of nested parts are reported, not a RecursionError."""
    doc: dict[str, Any] = {"id": "c", "kind": "other"}
    inner = doc
    for i in range(3000):
        inner["parts"] = [{"id": f"c{i}", "kind": "other"}]
        inner = inner["parts"][0]
    with pytest.raises(ce.StructureError) as err:
        ce.from_dict(ce.Claim, doc)
    assert err.value.problems == (ce.Problem("", "the document is nested too deeply to load"),)
    with pytest.raises(ce.StructureError, match="recursion"):
        ce.loads(ce.Claim, "[" * 100_000 + "]" * 100_000)


def test_a_failure_the_diagnosis_cannot_place_is_still_a_structure_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If no problem can be located, the document as a whole is reported with the cause."""
    monkeypatch.setattr(_json, "diagnose", lambda cls, data: [])
    with pytest.raises(ce.StructureError) as err:
        ce.loads(ce.Quantity, '{"value": -1}')
    (problem,) = err.value.problems
    assert problem.path == ""
    assert problem.message.startswith("cannot load the document: ")


# -- schema versions ---------------------------------------------------------------------


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    """A made-up first step: version 0 called the title ``headline``."""
    upgraded = {k: v for k, v in data.items() if k != "headline"}
    return {**upgraded, "title": data["headline"], "schema_version": 1}


def test_an_older_report_is_upgraded_one_step_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A registered migration turns version n into n + 1 before loading."""
    monkeypatch.setitem(_migrate.MIGRATIONS, 0, _v0_to_v1)
    old = {"id": "rep:1", "schema_version": 0, "headline": "Сбиты 38 БПЛА"}
    report = ce.from_dict(ce.Report, old)
    assert report.title == "Сбиты 38 БПЛА"
    assert report.schema_version == 2  # then the real step from 1 to 2
    assert old["schema_version"] == 0
    assert ce.loads(ce.Report, json.dumps(old)) == report


def test_a_version_without_a_migration_path_is_reported() -> None:
    """There is no step from version -1."""
    with pytest.raises(ce.StructureError, match="no upgrade from version -1"):
        ce.from_dict(ce.Report, {"id": "rep:1", "schema_version": -1})


@pytest.mark.parametrize("data", [[], "x", None, {"id": "r"}, {"schema_version": True}])
def test_upgrade_passes_anything_it_cannot_read_to_the_structure_check(data: object) -> None:
    """Non-objects and missing or malformed versions are left for the loader to report."""
    assert _migrate.upgrade(data) is data


def test_grain_travels_only_when_a_claim_is_one_event() -> None:
    """Aggregate (the default) is left out, so files written before the field load unchanged."""
    total = ce.Claim(id="c:1", kind="interception")
    event = ce.Claim(id="c:2", kind="casualties", grain=ce.Grain.EVENT)
    assert "grain" not in ce.to_dict(total)
    assert ce.to_dict(event)["grain"] == "event"
    assert ce.loads(ce.Claim, ce.dumps(event)) == event
    assert ce.loads(ce.Claim, '{"id": "c:1", "kind": "interception"}').grain is ce.Grain.AGGREGATE
    with pytest.raises(ce.StructureError, match="grain"):
        ce.loads(ce.Claim, '{"id": "c:1", "kind": "interception", "grain": "row"}')
