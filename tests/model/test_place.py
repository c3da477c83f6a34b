"""Region: its invariants, ids, and whether it is disputed."""

from __future__ import annotations

import attrs
import pytest

from conflict_events import ModelError, Region, RegionKind
from conflict_events.model.place import is_region_id

BEL = {"id": "RU-BEL", "name": "Belgorod Oblast", "kind": "subdivision", "country": "RU"}


@pytest.mark.parametrize(
    "value", ["RU", "UA", "RU-BEL", "UA-43", "RU-MOW", "sea:azov", "area:kursk-border.north_1"]
)
def test_region_ids_take_three_shapes(value: str) -> None:
    """ISO 3166-1, ISO 3166-2 and namespaced custom ids are region ids."""
    assert is_region_id(value)
    assert Region(id=value, name="X", kind="other").id == value


@pytest.mark.parametrize(
    "value",
    ["Belgorod", "ru-bel", "RUS", "RU-", "RU-BELG", "sea:", ":azov", "Sea:azov", " RU", "RU\n", 7],
)
def test_anything_else_is_not_a_region_id(value: object) -> None:
    """Names, lower-case ISO codes, padded or partial ids are rejected."""
    assert not is_region_id(value)
    with pytest.raises(ModelError) as err:
        Region(id=value, name="X", kind="other")  # type: ignore[arg-type]
    assert err.value.field == "id"
    assert "expected an ISO 3166-1 code ('RU')" in str(err.value)


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        ({"name": ""}, "name", "expected a non-empty string without surrounding whitespace"),
        ({"name": "Belgorod "}, "name", "got 'Belgorod '"),
        ({"kind": "province"}, "kind", "got 'province'"),
        ({"country": "Russia"}, "country", "expected a region id or null, got 'Russia'"),
        ({"parent": "ru"}, "parent", "expected a region id or null"),
        ({"parent": "RU-BEL"}, "parent", "a region cannot be its own parent (RU-BEL)"),
        ({"aliases": ("Belgorod", "")}, "aliases", "expected non-empty names"),
        ({"aliases": "Belgorod"}, "aliases", "expected non-empty names, got 'Belgorod'"),
        ({"aliases": (5,)}, "aliases", "expected non-empty names"),
        ({"administered_by": ""}, "administered_by", "expected a non-empty string or null"),
        ({"claimed_by": ("UA", "UA")}, "claimed_by", "got 'UA' more than once"),
        ({"claimed_by": ("UA", " RU")}, "claimed_by", "item 1: expected a non-empty string"),
        ({"claimed_by": "UA"}, "claimed_by", "expected a list of ids, got 'UA'"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_region_rejects_bad_fields_with_their_path(
    change: dict[str, object], path: str, fragment: str
) -> None:
    """Each bad field is a ModelError at that field, quoting the value."""
    with pytest.raises(ModelError) as err:
        Region(**{**BEL, **change})  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == [path]
    assert fragment in str(err.value)
    assert err.value.cls_name == "Region"


def test_a_region_lists_every_bad_field() -> None:
    """Several bad fields are reported together, in field order."""
    with pytest.raises(ModelError) as err:
        Region(id="Belgorod", name="", kind="province")  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == ["id", "name", "kind"]


def test_lists_become_tuples_and_kind_strings_become_members() -> None:
    """Aliases and claimants given as lists are stored as tuples, so regions stay hashable."""
    region = Region(
        id="UA-43", name="Crimea", kind="subdivision", aliases=["Krym", "Крым"], claimed_by=["UA"]
    )
    assert region.aliases == ("Krym", "Крым")
    assert region.claimed_by == ("UA",)
    assert region.kind is RegionKind.SUBDIVISION
    assert hash(region) == hash(attrs.evolve(region))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        region.name = "Krym"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("fields", "disputed"),
    [
        ({"country": "UA", "administered_by": "RU", "claimed_by": ("UA", "RU")}, True),
        ({"country": "UA", "administered_by": "RU"}, True),
        ({"claimed_by": ("UA", "RU")}, True),
        ({"country": "UA", "administered_by": "UA"}, False),
        ({"country": "UA", "claimed_by": ("UA",)}, False),
        ({"administered_by": "RU"}, False),
        ({"administered_by": "RU", "claimed_by": ("RU",)}, False),
        ({}, False),
    ],
)
def test_a_region_is_disputed_when_more_than_one_party_holds_or_claims_it(
    fields: dict[str, object], disputed: bool
) -> None:
    """Crimea (coded UA, administered by RU) is disputed; Belgorod is not."""
    region = Region(id="UA-43", name="Crimea", kind="subdivision", **fields)  # type: ignore[arg-type]
    assert region.disputed is disputed
