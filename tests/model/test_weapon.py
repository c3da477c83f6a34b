"""WeaponSystem and Citation: invariants, slugs, and the range in kilometres."""

from __future__ import annotations

import pytest

from conflict_events import Citation, ModelError, Quantity, WeaponCategory, WeaponSystem
from conflict_events.model.weapon import is_slug

ORESHNIK = {"id": "oreshnik", "name": "Oreshnik", "category": "ballistic_missile"}


@pytest.mark.parametrize("slug", ["oreshnik", "shahed-136", "kh-101", "s-400", "9m723", "a.b_c"])
def test_weapon_ids_are_lower_case_slugs(slug: str) -> None:
    """Lower-case words and digits joined by ``-``, ``_`` or ``.`` are weapon ids."""
    assert is_slug(slug)
    assert WeaponSystem(id=slug, name="X", category="other").id == slug


@pytest.mark.parametrize(
    "slug", ["Shahed-136", "shahed 136", "-kh", "kh-", "kh--101", "", "шахед", None]
)
def test_anything_else_is_not_a_weapon_id(slug: object) -> None:
    """Capitals, spaces, Cyrillic and dangling separators are not slugs."""
    assert not is_slug(slug)
    with pytest.raises(ModelError, match="expected a lower-case slug") as err:
        WeaponSystem(id=slug, name="X", category="other")  # type: ignore[arg-type]
    assert err.value.field == "id"


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        ({"name": ""}, "name", "expected a non-empty string"),
        ({"category": "drone"}, "category", "got 'drone'"),
        ({"origin": ""}, "origin", "expected a non-empty string or null"),
        ({"aliases": ("Geran-2", "")}, "aliases", "expected non-empty names"),
        ({"range": 500}, "range", "expected a Quantity, got 500"),
        ({"range": Quantity.exact(500)}, "range.unit", "expected 'km', got 'count'"),
        ({"range_source": "MoD"}, "range_source", "expected a Citation, got 'MoD'"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_weapon_system_rejects_bad_fields_with_their_path(
    change: dict[str, object], path: str, fragment: str
) -> None:
    """Each bad field is a ModelError at that field; a range must be in km."""
    with pytest.raises(ModelError) as err:
        WeaponSystem(**{**ORESHNIK, **change})  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == [path]
    assert fragment in str(err.value)
    assert err.value.cls_name == "WeaponSystem"


def test_a_weapon_system_keeps_its_range_and_source() -> None:
    """A range "exceeding 500 km" with its citation; aliases as a tuple, category a member."""
    weapon = WeaponSystem(
        **ORESHNIK,
        aliases=["Орешник"],
        range=Quantity.more_than(500, unit="km"),
        range_source=Citation(title="KSFO statement", url="https://example.org"),
    )
    assert weapon.category is WeaponCategory.BALLISTIC_MISSILE
    assert weapon.aliases == ("Орешник",)
    assert weapon.range == Quantity.more_than(500, unit="km")


@pytest.mark.parametrize(
    ("category", "missile", "drone"),
    [
        (WeaponCategory.BALLISTIC_MISSILE, True, False),
        (WeaponCategory.CRUISE_MISSILE, True, False),
        (WeaponCategory.UAV, False, True),
        (WeaponCategory.LOITERING_MUNITION, False, True),
        (WeaponCategory.GLIDE_BOMB, False, False),
    ],
)
def test_weapon_categories_know_missiles_from_drones(
    category: WeaponCategory, missile: bool, drone: bool
) -> None:
    """``is_missile`` and ``is_drone`` sort the categories."""
    assert category.is_missile is missile
    assert category.is_drone is drone


@pytest.mark.parametrize(
    ("kwargs", "paths"),
    [
        ({"title": ""}, ["title"]),
        ({"title": " MoD"}, ["title"]),
        ({"title": "MoD", "url": ""}, ["url"]),
        ({"title": "MoD", "accessed": 20251031}, ["accessed"]),
        ({"title": None, "url": "", "accessed": ""}, ["title", "url", "accessed"]),
    ],
)
def test_a_citation_needs_a_title_and_non_empty_extras(
    kwargs: dict[str, object], paths: list[str]
) -> None:
    """A citation's title is required and trimmed; url and accessed are non-empty or absent."""
    with pytest.raises(ModelError) as err:
        Citation(**kwargs)  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == paths
    assert err.value.cls_name == "Citation"
