"""Names to ids for constructors: ``ce.region`` and ``ce.weapon``."""

from __future__ import annotations

import pytest

import conflict_events as ce


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Орловская область", "RU-ORL"),
        ("Orel", "RU-ORL"),
        ("RU-ORL", "RU-ORL"),
        ("Бєлгородська область", "RU-BEL"),
        ("Crimea", "UA-43"),
    ],
)
def test_a_region_name_gives_its_id(name: str, expected: str):
    assert ce.region(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Geran-2", "shahed-136"), ("Герань-2", "shahed-136"), ("Oreshnik", "oreshnik")],
)
def test_a_weapon_name_gives_its_id(name: str, expected: str):
    assert ce.weapon(name) == expected


def test_the_helpers_build_claims_from_names():
    """A notebook writes names; the claim holds ids."""
    claim = ce.Claim(
        id="c",
        kind="interception",
        regions=[ce.region("Курская область"), ce.region("Belgorod")],
        weapons=[ce.weapon("Geran-2")],
    )
    assert claim.regions == ("RU-KRS", "RU-BEL")
    assert claim.weapons == ("shahed-136",)


def test_an_unknown_name_is_a_lookup_error_with_suggestions():
    with pytest.raises(ce.LookupFailed, match="no region is named 'Orlovv'"):
        ce.region("Orlovv")
    with pytest.raises(ce.LookupFailed, match="no weapon is named"):
        ce.weapon("no such missile")


def test_country_narrows_a_region_name():
    assert ce.region("the capital", country="UA") == "UA-30"


def test_region_name_falls_back_to_the_id():
    from conflict_events.reference import region_name

    assert region_name("RU-ORL") == "Oryol Oblast"
    assert region_name("sea:unknown") == "sea:unknown"
