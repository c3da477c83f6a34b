"""The GeoJSON writer: an RFC 7946 FeatureCollection, one feature per claim and place."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflict_events import Claim, Point, Quantity, Region, Report, Statement, TimeWindow, gazetteer
from conflict_events.formats import geojson
from conflict_events.testing import strategies as ces

_FLAT = (str, int, float, bool, type(None))


def rfc7946_problems(doc: Any) -> list[str]:
    """What in ``doc`` breaks the RFC 7946 rules this writer relies on (empty when none)."""
    bad: list[str] = []
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        return ["the top level is not a FeatureCollection object"]
    if "crs" in doc:
        bad.append("RFC 7946 removed the 'crs' member")
    if not isinstance(doc.get("features"), list):
        return [*bad, "'features' is not an array"]
    for n, f in enumerate(doc["features"]):
        at = f"features[{n}]"
        if not isinstance(f, dict) or f.get("type") != "Feature":
            bad.append(f"{at} is not a Feature object")
            continue
        if "geometry" not in f or "properties" not in f:
            bad.append(f"{at} lacks 'geometry' or 'properties' (both are required, null allowed)")
        if "id" in f and not isinstance(f["id"], (str, int, float)):
            bad.append(f"{at}.id is neither a string nor a number")
        g = f.get("geometry")
        if g is not None:
            coords = g.get("coordinates") if isinstance(g, dict) else None
            if not isinstance(g, dict) or g.get("type") != "Point":
                bad.append(f"{at}.geometry is not a Point")
            elif not (
                isinstance(coords, list)
                and len(coords) == 2
                and all(isinstance(c, (int, float)) and math.isfinite(c) for c in coords)
            ):
                bad.append(f"{at}.geometry.coordinates is not a [lon, lat] pair of numbers")
            elif not (-180 <= coords[0] <= 180 and -90 <= coords[1] <= 90):
                bad.append(f"{at}.geometry.coordinates {coords} is outside WGS 84 [lon, lat]")
        props = f.get("properties")
        if props is not None and not isinstance(props, dict):
            bad.append(f"{at}.properties is neither an object nor null")
        elif props and any(not isinstance(v, _FLAT) for v in props.values()):
            bad.append(f"{at}.properties is not flat")
    return bad


def _places(claim: Claim) -> int:
    return len(claim.regions) + len(claim.origins) + len(claim.targets)


def _write(tmp_path: Path, reports: list[Report]) -> tuple[int, dict[str, Any]]:
    target = tmp_path / "claims.geojson"
    count = geojson.write(reports, target)
    return count, json.loads(target.read_text(encoding="utf-8"))


CHAUDA = Region(id="town:chauda", name="Chauda", kind="settlement", point=Point(lat=45.0, lon=35.8))


def _report(*claims: Claim) -> Report:
    return Report(
        id="rep:1",
        regions=(CHAUDA,),
        statements=(Statement(id="st:1", source="src:ua-af", kind="bulletin", claims=claims),),
    )


def test_a_point_is_written_longitude_first(tmp_path: Path) -> None:
    """RFC 7946 orders a position [longitude, latitude]: 35.8 E, 45.0 N is [35.8, 45.0]."""
    claim = Claim(id="c:1", kind="strike", targets=("town:chauda",))
    _, doc = _write(tmp_path, [_report(claim)])
    assert rfc7946_problems(doc) == []
    (feature,) = doc["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [35.8, 45.0]}
    assert feature["properties"]["region_role"] == "target"
    assert feature["properties"]["region_name"] == "Chauda"


def test_each_place_and_role_is_a_feature_with_flat_documented_properties(tmp_path: Path) -> None:
    """A claim over two regions, from one origin, at one target: four features, all columns."""
    window = TimeWindow.parse("2025-10-31 20:00 - 23:00", tz="Europe/Moscow")
    claim = Claim(
        id="c:2",
        kind="interception",
        quantity=Quantity.between(3, 5),
        counted="uav",
        weapons=("shahed-136", "gerbera"),
        outcome="destroyed",
        regions=("RU-BEL", "ZZ-NOP"),
        origins=("town:chauda",),
        targets=("UA",),
        window=window,
        quote="three to five",
    )
    count, doc = _write(tmp_path, [_report(claim)])
    assert count == 4 == len(doc["features"])
    assert rfc7946_problems(doc) == []
    by_region = {f["properties"]["region_id"]: f for f in doc["features"]}
    assert [f["properties"]["region_role"] for f in doc["features"]] == [
        "region",
        "region",
        "origin",
        "target",
    ]
    bel = gazetteer.get("RU-BEL").point
    assert bel is not None
    assert by_region["RU-BEL"]["geometry"] == {"type": "Point", "coordinates": [bel.lon, bel.lat]}
    assert by_region["ZZ-NOP"]["geometry"] is None  # nobody knows a point for it
    assert by_region["RU-BEL"]["properties"]["region_name"] == "Belgorod Oblast"
    assert by_region["ZZ-NOP"]["properties"]["region_name"] is None  # unknown: kept, unlocated
    props = by_region["town:chauda"]["properties"]
    assert list(props) == list(geojson.PROPERTIES)
    assert props["low"] == 3
    assert props["high"] == 5
    assert props["qualifier"] == "between"
    assert props["weapons"] == "shahed-136;gerbera"
    assert props["window_start"] == window.start.isoformat()
    assert props["window_tz"] == "Europe/Moscow"
    assert (props["outcome"], props["counted"], props["quote"]) == (
        "destroyed",
        "uav",
        "three to five",
    )


def test_a_claim_without_a_place_and_a_nested_part_are_kept(tmp_path: Path) -> None:
    """No claim is left out: an unplaced claim is one unlocated feature; parts name parents."""
    part = Claim(id="c:part", kind="interception", regions=("town:chauda",))
    top = Claim(id="c:top", kind="interception", parts=(part,))
    _, doc = _write(tmp_path, [_report(top)])
    first, second = doc["features"]
    assert (first["geometry"], first["properties"]["region_id"]) == (None, None)
    assert second["properties"]["parent_id"] == "c:top"
    assert second["geometry"]["coordinates"] == [35.8, 45.0]


def test_a_report_own_region_comes_before_the_gazetteer(tmp_path: Path) -> None:
    """A report that defines RU-BEL with a point locates it; the gazetteer's has none."""
    own = Region(id="RU-BEL", name="Belgorod", kind="subdivision", point=Point(lat=50.6, lon=36.6))
    report = attrs.evolve(
        _report(Claim(id="c", kind="strike", regions=("RU-BEL",))), regions=(own,)
    )
    _, doc = _write(tmp_path, [report])
    assert doc["features"][0]["geometry"]["coordinates"] == [36.6, 50.6]


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    """Something that is not a report half-way through: an error, and no half-written file."""
    target = tmp_path / "claims.geojson"
    with pytest.raises(TypeError, match="expected a Report"):
        geojson.write([_report(), "not a report"], target)  # type: ignore[list-item]
    assert list(tmp_path.iterdir()) == []


def test_the_checker_catches_what_rfc_7946_forbids() -> None:
    """The test's own RFC 7946 checker fires on each rule it checks."""
    point = {"type": "Point", "coordinates": [45.0, 95.0]}
    bad = {
        "type": "FeatureCollection",
        "crs": {},
        "features": [
            {"type": "Feature", "geometry": point, "properties": {}},
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [1]},
                "properties": None,
            },
            {"type": "Feature", "geometry": {"type": "Line"}, "properties": [], "id": []},
            {"type": "Feature", "properties": {"x": [1]}},
            {"type": "Thing"},
        ],
    }
    assert len(rfc7946_problems(bad)) == 9
    assert rfc7946_problems([]) != []
    assert rfc7946_problems({"type": "FeatureCollection"}) != []


@st.composite
def _located_reports(draw: st.DrawFn) -> Report:
    """Reports whose first claim names the report's own regions, some of them with points."""
    report = draw(ces.reports())
    own = tuple({r.id: r for r in draw(st.lists(ces.regions(), max_size=3))}.values())
    report = attrs.evolve(report, regions=own)
    if report.statements and report.statements[0].claims and own:
        first = report.statements[0]
        claim = attrs.evolve(first.claims[0], targets=tuple(r.id for r in own))
        statement = attrs.evolve(first, claims=(claim, *first.claims[1:]))
        report = attrs.evolve(report, statements=(statement, *report.statements[1:]))
    return report


@given(st.lists(_located_reports(), max_size=3))
def test_any_reports_give_valid_geojson_with_one_feature_per_claim_and_place(
    reports: list[Report],
) -> None:
    """Property: valid RFC 7946; max(1, places) features per claim; points [lon, lat]."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        count, doc = _write(Path(folder), reports)
    assert rfc7946_problems(doc) == []
    expected = sum(max(1, _places(c)) for r in reports for _, c in r.claims())
    assert count == expected == len(doc["features"])
    points = {(r.id, g.id): g.point for r in reports for g in r.regions}
    for f in doc["features"]:
        p = f["properties"]
        point = points.get((p["report_id"], p["region_id"]))
        if point is not None:
            assert f["geometry"]["coordinates"] == [point.lon, point.lat]


def test_geopandas_reads_the_file(tmp_path: Path) -> None:
    """Where the heavy ``geopandas`` is installed, it loads the file with the same features."""
    gpd = pytest.importorskip("geopandas", reason="geopandas (the geo extra) is not installed")
    claim = Claim(id="c:1", kind="strike", targets=("town:chauda",), regions=("RU-BEL",))
    target = tmp_path / "claims.geojson"
    geojson.write([_report(claim)], target)
    frame = gpd.read_file(target)
    assert list(frame["region_id"]) == ["RU-BEL", "town:chauda"]
    located = frame[frame["region_id"] == "town:chauda"].geometry.iloc[0]
    assert (located.x, located.y) == (35.8, 45.0)
