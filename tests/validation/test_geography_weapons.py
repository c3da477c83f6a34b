"""CE4xx (where) and CE5xx (with what): regions inside their parents, disputed territory,
counted objects against weapon categories, and stated ranges against the catalogue."""

from __future__ import annotations

import pytest
from _make import codes, drones, needs_gazetteer, needs_weapons, only, region, report, statement

from conflict_events import (
    Citation,
    Claim,
    ClaimKind,
    Counted,
    Quantity,
    WeaponCategory,
    WeaponSystem,
)
from conflict_events.validation import validate
from conflict_events.validation.rules.weapons import COUNTS

# -- CE401 -------------------------------------------------------------------------------


def test_ce401_fires_for_a_part_outside_its_parents_regions():
    claim = drones("c", 11, "RU-MOS", parts=(drones("p", 6, "RU-KRS", "RU-MOS"),))
    [finding] = only(claim, "CE401")
    assert finding.ids == ("p", "RU-KRS")
    assert "(RU-KRS), which is not inside its parent's regions" in finding.message


@needs_gazetteer
def test_ce401_does_not_fire_inside_by_parent_chain_or_enclosure():
    by_parent = drones("c", 11, "RU", parts=(drones("p", 6, "RU-BEL"),))
    enclosed = drones("c", 11, "RU-MOS", parts=(drones("p", 6, "RU-MOW"),))
    no_regions = drones("c", 11, parts=(drones("p", 6, "RU-BEL"),))
    part_without = drones("c", 11, "RU-MOS", parts=(drones("p", 6),))
    unknown = drones("c", 11, "RU-MOS", parts=(drones("p", 6, "area:nowhere"),))
    for claim in (by_parent, enclosed, no_regions, part_without, unknown):
        assert codes(only(claim, "CE401")) == [], claim


def test_ce401_follows_the_reports_own_hierarchy():
    district = region("area:kupiansk", "Kupiansk district", kind="area", parent="UA-63")
    inner = region("area:town", "A town", kind="area", parent="area:kupiansk")
    loop = region("area:a", "A", kind="area", parent="area:b")
    loop_back = region("area:b", "B", kind="area", parent="area:a")
    orphan = region("area:orphan", "Orphan", kind="area", parent="area:missing")
    claims = (
        drones("c1", 3, "UA", parts=(drones("p", 1, "area:town"),)),
        drones("c2", 3, "RU", parts=(drones("p2", 1, "area:a"),)),
        drones("c3", 3, "RU", parts=(drones("p3", 1, "area:orphan"),)),
    )
    r = report(statement("st:a", *claims), regions=(district, inner, loop, loop_back, orphan))
    assert [f.ids[0] for f in only(r, "CE401")] == ["p2", "p3"]


# -- CE402 -------------------------------------------------------------------------------


@needs_gazetteer
def test_ce402_names_who_administers_and_who_claims():
    [finding] = only(drones("c", 2, "UA-43"), "CE402")
    assert finding.severity.value == "info"
    assert (
        finding.message == "Crimea (UA-43) is disputed: administered by RU, claimed by UA and RU."
    )


@needs_gazetteer
def test_ce402_once_per_claim_not_again_in_parts_naming_it():
    claim = drones("c", 38, "RU-BEL", "UA-43", parts=(drones("p", 2, "UA-43"),))
    assert [f.path for f in only(claim, "CE402")] == [""]
    without = drones("c", 38, parts=(drones("p", 2, "UA-43"),))
    assert [f.path for f in only(without, "CE402")] == ["parts[0]"]


def test_ce402_uses_the_reports_own_region_and_its_partial_status():
    claimed = region("area:x", "Contested", kind="area", claimed_by=("UA", "RU"))
    held = region("UA-09", "Luhansk", country="UA", administered_by="RU")
    r = report(statement("st:a", drones("c", 1, "area:x", "UA-09")), regions=(claimed, held))
    assert [f.message for f in only(r, "CE402")] == [
        "Contested (area:x) is disputed: claimed by UA and RU.",
        "Luhansk (UA-09) is disputed: administered by RU.",
    ]


def test_ce402_does_not_fire_for_undisputed_or_unknown_regions():
    for claim in (drones("c", 2, "RU-BEL"), drones("c", 2, "area:nowhere"), drones("c", 2)):
        assert codes(only(claim, "CE402")) == []


# -- CE501 -------------------------------------------------------------------------------


@needs_weapons
def test_ce501_fires_for_drones_named_as_a_missile_and_the_reverse():
    [finding] = only(drones("c", 4, weapons=("oreshnik",)), "CE501")
    assert finding.message == (
        "the claim counts drones but names Oreshnik (oreshnik), a ballistic missile."
    )
    missiles = drones("c", 4, counted=Counted.CRUISE_MISSILE, weapons=("shahed-136",))
    assert "counts cruise missiles but names" in only(missiles, "CE501").findings[0].message
    bombs = drones("c", 4, counted=Counted.GUIDED_BOMB, weapons=("kh-101",))
    assert "counts guided bombs" in only(bombs, "CE501").findings[0].message


@needs_weapons
def test_ce501_does_not_fire_when_they_agree_or_cannot_be_told():
    agree = drones("c", 4, weapons=("shahed-136",))
    generic = drones("c", 4, counted=Counted.MISSILE, weapons=("kh-101", "iskander-m"))
    effects = drones("c", 4, counted=Counted.PERSON, weapons=("kh-101",))
    unknown = drones("c", 4, weapons=("no-such-thing",))
    uncounted = Claim(id="c", kind=ClaimKind.STRIKE, weapons=("kh-101",))
    own = WeaponSystem(id="pantsir-x", name="Pantsir", category=WeaponCategory.AIR_DEFENCE)
    air_defence = report(statement("st:a", drones("c", 4, weapons=("pantsir-x",))), weapons=(own,))
    for obj in (agree, generic, effects, unknown, uncounted, air_defence):
        assert codes(only(obj, "CE501")) == [], obj


@pytest.mark.parametrize("category", list(WeaponCategory))
def test_every_checked_category_allows_something(category: WeaponCategory):
    assert category not in COUNTS or COUNTS[category]


# -- CE502 -------------------------------------------------------------------------------


def range_claim(quantity: Quantity, *weapons: str) -> Claim:
    return Claim(id="c:range", kind=ClaimKind.CAPABILITY, quantity=quantity, weapons=weapons)


@needs_weapons
def test_ce502_fires_for_a_range_outside_the_catalogue():
    [finding] = only(range_claim(Quantity.at_most(300, unit="km"), "oreshnik"), "CE502")
    assert finding.message.startswith(
        "the claim gives Oreshnik a range of at most 300 km, but the catalogue gives "
    )
    assert finding.ids == ("c:range", "oreshnik")


def test_ce502_converts_units_and_cites_the_reports_own_figure():
    own = WeaponSystem(
        id="x-drone",
        name="X drone",
        category=WeaponCategory.UAV,
        range=Quantity.exact(100, unit="km"),
        range_source=Citation(title="Maker's sheet"),
    )
    metres = range_claim(Quantity.exact(300_000, unit="m"), "x-drone")
    [finding] = only(report(statement("st:a", metres), weapons=(own,)), "CE502")
    assert finding.message == (
        "the claim gives X drone a range of 300000 m, but the catalogue gives 100 km "
        "(Maker's sheet)."
    )
    miles = range_claim(Quantity.about(62, low=60, high=65, unit="mi"), "x-drone")
    assert codes(only(report(statement("st:a", miles), weapons=(own,)), "CE502")) == []


@needs_weapons
def test_ce502_does_not_fire_for_agreeing_or_uncheckable_claims():
    agrees = range_claim(Quantity.more_than(500, unit="km"), "oreshnik")
    no_figure = range_claim(Quantity.exact(30, unit="km"), "no-such-thing")
    other_unit = range_claim(Quantity.exact(3, unit="mach"), "oreshnik")
    no_quantity = Claim(id="c", kind=ClaimKind.CAPABILITY, weapons=("oreshnik",))
    not_capability = drones("c", 300, weapons=("oreshnik",))
    no_weapon = range_claim(Quantity.exact(30, unit="km"))
    own = WeaponSystem(id="x-drone", name="X drone", category=WeaponCategory.UAV)
    unranged = report(
        statement("st:a", range_claim(Quantity.exact(30, unit="km"), "x-drone")), weapons=(own,)
    )
    for obj in (agrees, no_figure, other_unit, no_quantity, not_capability, no_weapon, unranged):
        assert codes(only(obj, "CE502")) == [], obj


@needs_weapons
def test_the_seed_capability_claim_is_consistent_with_the_catalogue():
    result = validate(range_claim(Quantity.more_than(500, unit="km"), "oreshnik"), select="CE5")
    assert result.ok
    assert len(result) == 0
