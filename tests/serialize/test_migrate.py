"""Version 1 documents still load: the step from version 1 to 2, and the new fields' wire form."""

from __future__ import annotations

import json
from pathlib import Path

import conflict_events as ce
from conflict_events.serialize import _migrate

V1 = Path(__file__).resolve().parents[1] / "data" / "wire-v1" / "seed_report.json"
GOLDEN = Path(__file__).resolve().parents[2] / "examples" / "data" / "seed_report.json"


def test_the_step_from_version_1_changes_only_the_version_and_not_its_input() -> None:
    old = {"id": "r", "schema_version": 1, "title": "t"}
    assert _migrate.MIGRATIONS[1] is _migrate.v1_to_v2
    assert _migrate.v1_to_v2(old) == {"id": "r", "schema_version": 2, "title": "t"}
    assert old["schema_version"] == 1


def test_a_version_1_file_loads_as_the_same_report_a_version_2_file_holds() -> None:
    """The seed report as version 1 wrote it loads, and equals today's golden file."""
    old = ce.loads(ce.Report, V1.read_text(encoding="utf-8"))
    assert json.loads(V1.read_text(encoding="utf-8"))["schema_version"] == 1
    assert old.schema_version == ce.SCHEMA_VERSION == 2
    assert old == ce.loads(ce.Report, GOLDEN.read_text(encoding="utf-8"))


def test_a_version_1_report_on_json_lines_loads(tmp_path: Path) -> None:
    path = tmp_path / "v1.jsonl"
    line = json.dumps(json.loads(V1.read_text(encoding="utf-8")), ensure_ascii=False)
    path.write_text(line + "\n", encoding="utf-8")
    (report,) = ce.read_jsonl(ce.Report, path)
    assert report.schema_version == 2


def test_the_new_fields_travel_and_are_left_out_at_their_defaults() -> None:
    claim = ce.Claim(
        id="c:out",
        kind="launch",
        outcome="not_reached",
        origins=("RU-KRS",),
        targets=("UA-48",),
        place_precision="exact",
        actor="RUS",
        other_actors=("BLR",),
        event_mode="aerial",
        context=("military",),
    )
    data = ce.to_dict(claim)
    assert data == {
        "id": "c:out",
        "kind": "launch",
        "outcome": "not_reached",
        "actor": "RUS",
        "other_actors": ["BLR"],
        "origins": ["RU-KRS"],
        "targets": ["UA-48"],
        "place_precision": "exact",
        "event_mode": "aerial",
        "context": ["military"],
    }
    assert ce.from_dict(ce.Claim, data) == claim
    assert ce.to_dict(ce.Claim(id="c", kind="launch")) == {"id": "c", "kind": "launch"}
    region = ce.Region(
        id="RU-KRS", name="Kursk", kind="subdivision", point=ce.Point(lat=51.7, lon=36.2)
    )
    assert ce.to_dict(region)["point"] == {"lat": 51.7, "lon": 36.2}
    statement = ce.Statement(id="st:2", source="s", kind="bulletin", supersedes="st:1")
    assert ce.to_dict(statement) == {
        "id": "st:2",
        "source": "s",
        "kind": "bulletin",
        "supersedes": "st:1",
    }


def test_a_bad_new_field_is_reported_at_its_path() -> None:
    data = {"id": "c", "kind": "launch", "outcome": "gone", "origins": ["Kursk"]}
    try:
        ce.from_dict(ce.Claim, data)
    except ce.StructureError as exc:
        paths = [p.path for p in exc.problems]
    else:  # pragma: no cover - the document is bad
        raise AssertionError("loaded a bad document")
    assert paths == ["outcome", "origins"]


def test_the_schema_states_the_point_ranges_and_the_new_enums() -> None:
    schema = ce.json_schema(ce.Report)["$defs"]
    assert schema["Point"]["properties"]["lat"]["minimum"] == -90
    assert schema["Point"]["properties"]["lon"]["maximum"] == 180
    outcome = schema["Claim"]["properties"]["outcome"]["anyOf"][0]["enum"]
    assert outcome == [o.value for o in ce.Outcome]
    assert "airfield" in schema["Region"]["properties"]["kind"]["enum"]
    assert {"supersedes", "corrects", "retracts"} <= set(schema["Statement"]["properties"])
