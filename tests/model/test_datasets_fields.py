"""What datasets hold: outcomes, origins and targets, points, place precision, several
actors, coded events' mode and context, and revisions between statements."""

from __future__ import annotations

import math

import pytest

import conflict_events as ce
from conflict_events.errors import ModelError


def _problem(cls: type, **fields: object) -> str:
    with pytest.raises(ModelError) as info:
        cls(**fields)
    return str(info.value)


def test_outcomes_say_whether_they_count_weapons_or_locations() -> None:
    """``hit`` and ``fell`` count locations; the other four count weapons."""
    assert [o.value for o in ce.Outcome] == [
        "destroyed",
        "suppressed",
        "not_reached",
        "airborne",
        "hit",
        "fell",
    ]
    assert {o for o in ce.Outcome if not o.counts_weapons} == {ce.Outcome.HIT, ce.Outcome.FELL}


def test_a_claim_carries_an_outcome_origins_targets_and_a_place_precision() -> None:
    claim = ce.Claim(
        id="c",
        kind="launch",
        outcome="destroyed",
        origins=["RU-KRS", "town:primorsko-akhtarsk"],
        targets=("UA-48",),
        place_precision="province",
    )
    assert claim.outcome is ce.Outcome.DESTROYED
    assert claim.origins == ("RU-KRS", "town:primorsko-akhtarsk")
    assert claim.targets == ("UA-48",)
    assert claim.place_precision is ce.PlacePrecision.PROVINCE


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"outcome": "shot"}, "outcome: expected one of 'destroyed'"),
        ({"origins": ("Kursk",)}, "origins: item 0: expected a region id"),
        ({"targets": ("UA-48", "UA-48")}, "targets: a region is named twice"),
        ({"place_precision": 4}, "place_precision: expected one of 'exact'"),
        ({"other_actors": ("BLR",)}, "other_actors: names ['BLR'] but no actor comes first"),
        ({"actor": "RUS", "other_actors": ("RUS",)}, "other_actors: repeats the actor 'RUS'"),
        ({"target_party": "UA", "other_target_parties": ("",)}, "other_target_parties: item 0"),
        ({"context": ("military", "military")}, "context: a word is given twice"),
        ({"context": "military"}, "context: expected a list of words"),
        ({"event_mode": ""}, "event_mode: expected a non-empty string"),
    ],
)
def test_a_claim_refuses_bad_dataset_fields(fields: dict[str, object], message: str) -> None:
    assert message in _problem(ce.Claim, id="c", kind="launch", **fields)


def test_several_actors_and_target_parties_keep_the_first_in_the_old_fields() -> None:
    """``actor`` and ``target_party`` stay the first; ``actors`` lists them all."""
    claim = ce.Claim(
        id="c",
        kind="other",
        actor="RUS",
        other_actors=("BLR",),
        target_party="UKR",
        other_target_parties=("USA", "GBR"),
        event_mode="aerial",
        context=("military", "diplomatic"),
    )
    assert claim.actors == ("RUS", "BLR")
    assert claim.target_parties == ("UKR", "USA", "GBR")
    assert ce.Claim(id="c", kind="other", actor="RUS").actors == ("RUS",)


def test_place_precision_maps_ucdp_where_prec_both_ways() -> None:
    assert [p.ucdp for p in ce.PlacePrecision] == [1, 2, 3, 4, 5, 6, 7]
    assert all(ce.PlacePrecision.from_ucdp(p.ucdp) is p for p in ce.PlacePrecision)
    for bad in (0, 8, True, "4"):
        with pytest.raises(ValueError, match="expected a UCDP where_prec code 1-7"):
            ce.PlacePrecision.from_ucdp(bad)  # type: ignore[arg-type]


def test_a_region_has_a_point_and_the_kinds_below_the_oblast() -> None:
    region = ce.Region(
        id="airfield:millerovo",
        name="Millerovo air base",
        kind="airfield",
        parent="RU-ROS",
        point=ce.Point(lat=48.95, lon=40.3),
    )
    assert region.point == ce.Point(lat=48.95, lon=40.3)
    assert {"city", "town", "settlement", "district", "airfield"} <= {
        k.value for k in ce.RegionKind
    }
    assert "point: expected a Point" in _problem(
        ce.Region, id="RU-ROS", name="Rostov", kind="subdivision", point=(47.2, 39.7)
    )


@pytest.mark.parametrize(
    ("lat", "lon", "field"),
    [(90.5, 0.0, "lat"), (0.0, -180.1, "lon"), (math.nan, 0.0, "lat"), (0.0, math.inf, "lon")],
)
def test_a_point_refuses_degrees_off_the_earth(lat: float, lon: float, field: str) -> None:
    assert f"{field}: expected degrees" in _problem(ce.Point, lat=lat, lon=lon)


def test_a_point_refuses_booleans_and_text() -> None:
    message = _problem(ce.Point, lat=True, lon="30")
    assert "lat: expected degrees from -90 to 90, got True" in message
    assert "lon: expected degrees from -180 to 180, got '30'" in message


def test_the_poles_and_the_antimeridian_are_points() -> None:
    assert ce.Point(lat=-90, lon=180).lat == -90


def test_a_statement_names_what_it_supersedes_corrects_or_retracts() -> None:
    s = ce.Statement(id="st:2", source="src:a", kind="bulletin", corrects="st:1")
    assert (s.supersedes, s.corrects, s.retracts) == (None, "st:1", None)
    assert "retracts: a statement cannot revise itself (st:2)" in _problem(
        ce.Statement, id="st:2", source="src:a", kind="bulletin", retracts="st:2"
    )
    assert "supersedes: expected a non-empty string" in _problem(
        ce.Statement, id="st:2", source="src:a", kind="bulletin", supersedes=" st:1"
    )


def test_check_fields_reports_the_new_fields_at_their_names() -> None:
    problems = ce.Claim.check_fields({"id": "c", "kind": "launch", "origins": ("x",)})
    assert [p.path for p in problems] == ["origins"]
