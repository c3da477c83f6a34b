"""The package data: valid against its own JSON Schema, in step with the model, shipped."""

from __future__ import annotations

import doctest
import importlib
import json
from importlib import resources
from typing import Any

import jsonschema
import pytest

import conflict_events as ce
from conflict_events.reference import _index, gazetteer, weapons

DATA = resources.files("conflict_events.reference") / "data"


def _json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "name", ["regions", "weapons", "exonyms", "directions", "places", "points"]
)
def test_data_file_is_valid_against_its_schema(name: str) -> None:
    schema = _json(f"{name}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in validator.iter_errors(_json(f"{name}.json"))
    ]
    assert errors == []


def test_schema_rejects_a_range_without_its_source() -> None:
    schema = _json("weapons.schema.json")
    bad = {
        "schema_version": 1,
        "weapons": [
            {
                "id": "x",
                "name": "X",
                "category": "uav",
                "aliases": {"en": [], "ru": [], "uk": []},
                "range": {"qualifier": "exact", "value": 10, "unit": "km"},
            }
        ],
    }
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


def test_schema_rejects_an_oblast_name_not_in_the_nominative() -> None:
    schema = _json("regions.schema.json")
    data = _json("regions.json")
    data["regions"][0] = {**data["regions"][0], "ru": ["Амурской"]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data))


def test_schema_vocabularies_match_the_model() -> None:
    weapon_schema = _json("weapons.schema.json")
    categories = set(weapon_schema["$defs"]["weapon"]["properties"]["category"]["enum"])
    assert categories == {c.value for c in ce.WeaponCategory}
    qualifiers = set(weapon_schema["$defs"]["range"]["properties"]["qualifier"]["enum"])
    assert qualifiers == {q.value for q in ce.Qualifier} - {"unknown"}
    region_schema = _json("regions.schema.json")
    kinds = set(region_schema["$defs"]["region"]["properties"]["kind"]["enum"])
    assert kinds == {k.value for k in ce.RegionKind} - {"country"}
    place_schema = _json("places.schema.json")
    place_kinds = set(place_schema["$defs"]["place"]["properties"]["kind"]["enum"])
    assert place_kinds == {k.value for k in ce.RegionKind} - {"country", "subdivision", "sea"}


def test_data_ids_are_unique() -> None:
    for name, key in [("regions.json", "regions"), ("weapons.json", "weapons")]:
        ids = [e["id"] for e in _json(name)[key]]
        assert len(ids) == len(set(ids)), name


def test_read_data_reads_the_shipped_files() -> None:
    assert _index.read_data("weapons.json")["schema_version"] == 1


@pytest.mark.parametrize(
    "module",
    [
        "conflict_events.reference",
        "conflict_events.reference._normalize",
        "conflict_events.reference._gazetteer",
        "conflict_events.reference._weapons",
    ],
)
def test_docstring_examples_run(module: str) -> None:
    mod = importlib.import_module(module)
    result = doctest.testmod(mod, extraglobs={"gazetteer": gazetteer, "weapons": weapons})
    assert result.attempted > 0
    assert result.failed == 0
