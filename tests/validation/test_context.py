"""The validation context resolves ids through the reference layer, never on its own."""

from __future__ import annotations

import ast
from pathlib import Path

from _make import region, report, statement

from conflict_events.model import Region, RegionKind, WeaponSystem
from conflict_events.reference import gazetteer, weapons
from conflict_events.validation import _context
from conflict_events.validation._context import Context


def _imported_modules(path: Path) -> set[str]:
    """Every module a source file imports, at any depth (inside functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            found.add(node.module)
    return found


def test_the_context_module_imports_neither_pycountry_nor_importlib():
    imported = _imported_modules(Path(_context.__file__))
    assert not any(m.split(".")[0] in {"pycountry", "importlib"} for m in imported), imported
    assert "conflict_events.reference" in imported


def test_catalogue_regions_come_from_the_gazetteer_with_iso_parents_and_kinds():
    ctx = Context()
    belgorod = ctx.region("RU-BEL")
    assert belgorod is gazetteer.get("RU-BEL")
    assert belgorod.parent == "RU"
    assert belgorod.country == "RU"
    moscow = ctx.region("RU-MOW")
    assert moscow is not None
    assert moscow.kind is RegionKind.CITY
    russia = ctx.region("RU")
    assert russia is not None
    assert russia.kind is RegionKind.COUNTRY
    nakhchivan_district = ctx.region("AZ-BAB")
    assert nakhchivan_district is not None
    assert nakhchivan_district.parent == "AZ-NX"
    assert ctx.region("RU-XYZ") is None
    assert ctx.region("XX") is None
    assert ctx.region("RU-BEL") is belgorod  # cached


def test_seas_and_catalogue_weapons_are_known_to_a_lone_context():
    ctx = Context()
    azov = ctx.region("sea:azov")
    assert azov is not None
    assert azov.kind is RegionKind.SEA
    assert ctx.weapon("shahed-136") is weapons.get("shahed-136")
    assert ctx.weapon("no-such-system") is None


def test_the_report_table_overrides_the_catalogue_for_regions_and_weapons():
    own_region = region("RU-BEL", "Belgorod (own)", parent="RU-MOS")
    own_weapon = WeaponSystem(id="shahed-136", name="Own Shahed", category="uav")
    ctx = Context(report(statement("st:a"), regions=(own_region,), weapons=(own_weapon,)))
    assert ctx.region("RU-BEL") is own_region
    assert ctx.weapon("shahed-136") is own_weapon
    assert ctx.within("RU-BEL", ("RU-MOS",)) is True  # the report's own parent
    assert Context().within("RU-BEL", ("RU-MOS",)) is False


def test_within_follows_the_catalogue_enclosures_and_says_nothing_of_unknown_ids():
    ctx = Context()
    assert ctx.within("RU-MOW", ("RU-MOS",)) is True  # Moscow Oblast encloses the city
    assert ctx.within("UA-40", ("UA-43",)) is True  # Crimea encloses Sevastopol
    assert ctx.within("RU-MOS", ("RU-MOW",)) is False
    assert ctx.within("RU-BEL", ("UA", "RU")) is True
    assert ctx.within("area:nowhere", ("RU",)) is None
    assert ctx.within("area:nowhere", ("area:nowhere",)) is True


def test_an_own_region_inside_a_catalogue_region_is_within_its_country():
    front = region("area:front", "Front", kind="area", parent="UA-14")
    ctx = Context(report(statement("st:a"), regions=(front,)))
    assert ctx.within("area:front", ("UA",)) is True
    assert ctx.within("area:front", ("RU",)) is False
    assert isinstance(ctx.region("area:front"), Region)
