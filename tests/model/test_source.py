"""Source and Actor: who speaks and who acts."""

from __future__ import annotations

import pytest

from conflict_events import Actor, ActorKind, ModelError, Source, SourceKind

MOD = {"id": "src:ru-mod", "name": "Russian Ministry of Defence", "kind": "ministry"}
AD = {"id": "act:ru-ad", "name": "Russian air defence", "kind": "air_defence"}


@pytest.mark.parametrize("grade", ["A", "B", "C", "D", "E", "F", None])
def test_a_source_takes_an_admiralty_reliability_grade(grade: str | None) -> None:
    """Grades A to F (F: cannot be judged) or none at all."""
    assert Source(**MOD, reliability=grade).reliability == grade


@pytest.mark.parametrize("grade", ["G", "a", "AB", "", 1, "Ф"])
def test_a_source_rejects_any_other_reliability(grade: object) -> None:
    """'G', lower case, two letters, empty or a number: ModelError at ``reliability``."""
    with pytest.raises(ModelError, match="expected an Admiralty grade A-F") as err:
        Source(**MOD, reliability=grade)  # type: ignore[arg-type]
    assert err.value.field == "reliability"


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        ({"id": ""}, "id", "expected a non-empty string without surrounding whitespace, got ''"),
        ({"id": "src:ru-mod\n"}, "id", "without surrounding whitespace"),
        ({"name": 5}, "name", "got 5"),
        ({"kind": "agency"}, "kind", "got 'agency'"),
        ({"party": ""}, "party", "expected a non-empty string or null"),
        ({"url": ""}, "url", "expected a non-empty string or null"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_source_rejects_bad_fields_with_their_path(
    change: dict[str, object], path: str, fragment: str
) -> None:
    """Each bad field is a ModelError at that field."""
    with pytest.raises(ModelError) as err:
        Source(**{**MOD, **change})  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == [path]
    assert fragment in str(err.value)
    assert err.value.cls_name == "Source"


def test_a_source_with_several_bad_fields_lists_them_all() -> None:
    """Id, kind and reliability problems arrive together."""
    with pytest.raises(ModelError) as err:
        Source(id="", name="MoD", kind="agency", reliability="G")  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == ["id", "kind", "reliability"]


def test_kinds_are_coerced_from_their_wire_strings() -> None:
    """``kind="ministry"`` and ``kind="air_defence"`` become enum members."""
    assert Source(**MOD).kind is SourceKind.MINISTRY
    assert Actor(**AD, party="RU").kind is ActorKind.AIR_DEFENCE


@pytest.mark.parametrize(
    ("change", "paths"),
    [
        ({"id": " act"}, ["id"]),
        ({"name": ""}, ["name"]),
        ({"kind": "ministry"}, ["kind"]),
        ({"party": ""}, ["party"]),
        ({"id": "", "name": "", "kind": None, "party": ""}, ["id", "name", "kind", "party"]),
    ],
)
def test_an_actor_rejects_bad_fields_with_their_path(
    change: dict[str, object], paths: list[str]
) -> None:
    """An actor's kind is an ActorKind (not a SourceKind); ids and names are trimmed text."""
    with pytest.raises(ModelError) as err:
        Actor(**{**AD, **change})  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == paths
    assert err.value.cls_name == "Actor"
