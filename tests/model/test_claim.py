"""Claim and Span: invariants, enum coercion and walking a breakdown."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given

import conflict_events as ce
from conflict_events import (
    Claim,
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Modality,
    ModelError,
    Quantity,
    Share,
    Span,
    TimeWindow,
)
from conflict_events.model import claim as claim_module
from conflict_events.testing import strategies as ces

BASE = {"id": "c:evening-total", "kind": "interception"}


# -- Span ----------------------------------------------------------------------------------


def test_a_span_is_a_half_open_character_range() -> None:
    """``Span(4, 9)`` covers characters 4..8 and has length 5."""
    span = Span(start=4, end=9)
    assert span.length == 5
    assert span.of("The quick fox") == "quick"
    assert Span(start=0, end=3).of("ПВО сбила") == "ПВО"


@pytest.mark.parametrize(
    ("start", "end"), [(5, 5), (9, 3), (-1, 5), (1.0, 5), (0, "5"), (True, 5), (None, 1)]
)
def test_a_span_rejects_empty_reversed_negative_or_non_integer_bounds(
    start: object, end: object
) -> None:
    """``0 <= start < end``, both plain integers; the error quotes both."""
    with pytest.raises(ModelError, match=r"expected 0 <= start < end, got start=") as err:
        Span(start=start, end=end)  # type: ignore[arg-type]
    assert err.value.field == "start"
    assert err.value.cls_name == "Span"


# -- Claim invariants ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        ({"id": ""}, "id", "expected a non-empty string"),
        ({"kind": "shootdown"}, "kind", "got 'shootdown'"),
        ({"modality": "maybe"}, "modality", "got 'maybe'"),
        ({"quantity": 38}, "quantity", "expected a Quantity, got 38"),
        ({"counted": "drone"}, "counted", "got 'drone'"),
        ({"distribution": "all"}, "distribution", "got 'all'"),
        ({"coverage": "full"}, "coverage", "got 'full'"),
        ({"share": "most"}, "share", "got 'most'"),
        ({"weapons": "shahed-136"}, "weapons", "expected a list of weapon ids"),
        ({"weapons": ("Shahed",)}, "weapons", "item 0: expected a weapon id"),
        ({"weapons": ("kh-101", "kh-101")}, "weapons", "a weapon is named twice"),
        ({"regions": "RU-BEL"}, "regions", "expected a list of region ids, got 'RU-BEL'"),
        ({"regions": ("RU-BEL", "Belgorod")}, "regions", "item 1: expected a region id"),
        ({"regions": ("RU-BEL", "RU-BEL")}, "regions", "a region is named twice"),
        ({"regions": ("RU-BEL", 5)}, "regions", "item 1: expected a region id"),
        ({"weapons": (None,)}, "weapons", "item 0: expected a weapon id"),
        ({"actor": ""}, "actor", "expected a non-empty string or null"),
        ({"target_party": 5}, "target_party", "got 5"),
        ({"quote": ""}, "quote", "expected a non-empty string or null"),
        ({"note": ""}, "note", "expected a non-empty string or null"),
        ({"window": "evening"}, "window", "expected a TimeWindow, got 'evening'"),
        ({"parts": ""}, "parts", "expected a list of claims, got ''"),
        ({"parts": 5}, "parts", "expected a list of Claim, got 5"),
        ({"parts": [Quantity.exact(1)]}, "parts", "item 0: expected a Claim"),
        ({"region_count": 0}, "region_count", "expected an integer >= 1, got 0"),
        ({"region_count": True}, "region_count", "got True"),
        ({"span": (0, 5)}, "span", "expected a Span, got (0, 5)"),
        ({"credibility": 7}, "credibility", "expected an Admiralty grade 1-6, got 7"),
        ({"credibility": 0}, "credibility", "got 0"),
        ({"credibility": "6"}, "credibility", "got '6'"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_claim_rejects_bad_fields_with_their_path(
    change: dict[str, object], path: str, fragment: str
) -> None:
    """Each bad field is a ModelError at that field, quoting the value."""
    with pytest.raises(ModelError) as err:
        Claim(**{**BASE, **change})  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == [path]
    assert fragment in str(err.value)
    assert err.value.cls_name == "Claim"


def test_a_claim_lists_every_bad_field() -> None:
    """Problems in several fields arrive together, in field order."""
    with pytest.raises(ModelError) as err:
        Claim(id="", kind="x", regions=("Belgorod",), credibility=9)  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == ["id", "kind", "regions", "credibility"]


def test_valid_parts_are_not_blamed_for_a_bad_field_beside_them() -> None:
    """Only the bad id is reported when the parts are fine."""
    with pytest.raises(ModelError) as err:
        Claim(id="", kind="other", parts=(Claim(id="p", kind="other"),))
    assert [p.path for p in err.value.problems] == ["id"]


def test_a_part_may_be_an_instance_of_a_claim_subclass() -> None:
    """Parts are checked with ``isinstance``, so a subclass of Claim is a claim."""

    class Tagged(Claim):
        __slots__ = ()

    part = Tagged(id="p", kind="other")
    assert Claim(id="c", kind="other", parts=(part,)).parts == (part,)


def test_ids_are_checked_even_once_the_cache_of_known_ids_is_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Well-formed ids seen before are remembered; past the limit they are simply re-checked."""
    monkeypatch.setattr(claim_module, "_CACHE_LIMIT", 0)
    assert Claim(id="c", kind="other", regions=("sea:never-seen-1",)).regions == (
        "sea:never-seen-1",
    )
    with pytest.raises(ModelError):
        Claim(id="c", kind="other", regions=("never seen",))


def test_a_claim_coerces_wire_strings_and_lists() -> None:
    """Enum fields take their wire strings; id lists become tuples."""
    claim = Claim(
        id="c:1",
        kind="interception",
        modality="denied",
        counted="uav",
        distribution="each",
        coverage="partial",
        share="majority",
        weapons=["shahed-136"],
        regions=["RU-ORL", "RU-KLU"],
    )
    assert claim.kind is ClaimKind.INTERCEPTION
    assert claim.modality is Modality.DENIED
    assert claim.counted is Counted.UAV
    assert claim.distribution is Distribution.EACH
    assert claim.coverage is Coverage.PARTIAL
    assert claim.share is Share.MAJORITY
    assert claim.weapons == ("shahed-136",)
    assert claim.regions == ("RU-ORL", "RU-KLU")


def test_a_claim_defaults_to_asserted_with_nothing_else_said() -> None:
    """Only id and kind are required; everything else is empty."""
    claim = Claim(id="c", kind="other")
    assert claim.modality is Modality.ASSERTED
    assert (claim.parts, claim.regions, claim.weapons) == ((), (), ())
    assert (claim.quantity, claim.window) == (None, None)


def test_a_claim_holds_a_window_and_nested_parts() -> None:
    """The seed report's shape: 38 over three regions, 34 of them over Belgorod."""
    window = TimeWindow.between(
        datetime(2025, 10, 31, 20), datetime(2025, 10, 31, 23), tz="Europe/Moscow"
    )
    part = Claim(id="c:bel", kind="interception", quantity=Quantity.exact(34), regions=("RU-BEL",))
    total = Claim(
        id="c:total",
        kind="interception",
        quantity=Quantity.exact(38),
        window=window,
        parts=[part],
        span=Span(start=0, end=3),
    )
    assert total.parts == (part,)
    assert total.window is window


# -- walking a breakdown ------------------------------------------------------------------


def _tree() -> Claim:
    def c(cid: str, *parts: Claim) -> Claim:
        return Claim(id=cid, kind="interception", parts=parts)

    return c("total", c("a", c("a1"), c("a2", c("a2x"))), c("b"), c("c", c("c1")))


def test_walk_visits_every_claim_depth_first_in_document_order() -> None:
    """A claim, then each part and its parts before the next part, with relative paths."""
    assert [(path, claim.id) for path, claim in _tree().walk()] == [
        ("", "total"),
        ("parts[0]", "a"),
        ("parts[0].parts[0]", "a1"),
        ("parts[0].parts[1]", "a2"),
        ("parts[0].parts[1].parts[0]", "a2x"),
        ("parts[1]", "b"),
        ("parts[2]", "c"),
        ("parts[2].parts[0]", "c1"),
    ]


def test_walking_a_claim_without_parts_gives_only_itself() -> None:
    """A leaf claim walks to itself at the empty path."""
    leaf = Claim(id="leaf", kind="other")
    assert leaf.walk() == [("", leaf)]


@given(ces.claims(max_depth=3, max_parts=2))
def test_walk_paths_lead_to_the_claims_they_name(claim: Claim) -> None:
    """Following each path from the root reaches the claim paired with it."""
    walked = claim.walk()
    for path, found in walked:
        node = claim
        for step in filter(None, path.split(".")):
            index = int(step.removeprefix("parts[").removesuffix("]"))
            node = node.parts[index]
        assert node is found
    assert len(walked) == 1 + sum(len(part.walk()) for part in claim.parts)


def test_text_utf8_cannot_encode_is_refused_at_construction():
    """A lone surrogate would load nowhere and write nowhere: the constructor refuses it."""
    with pytest.raises(ce.ModelError, match="lone surrogate"):
        ce.Claim(id="c", kind="other", quote="a\ud800b")
    with pytest.raises(ce.ModelError):
        ce.Claim(id="c\udc00", kind="other")
    with pytest.raises(ce.ModelError, match="lone surrogate"):
        ce.Statement(id="s", source="x", kind="bulletin", summary="\udfff")


# -- grain ---------------------------------------------------------------------------------


def test_a_claim_is_a_total_unless_it_says_it_is_one_event_among_many() -> None:
    """``grain`` defaults to aggregate; ``"event"`` is coerced to the member."""
    assert Claim(**BASE).grain is ce.Grain.AGGREGATE  # type: ignore[arg-type]
    assert Claim(**BASE, grain="event").grain is ce.Grain.EVENT  # type: ignore[arg-type]


def test_an_unknown_grain_is_refused_with_the_allowed_values() -> None:
    with pytest.raises(ModelError, match="grain") as err:
        Claim(**BASE, grain="row")  # type: ignore[arg-type]
    assert "aggregate" in str(err.value)
    assert "event" in str(err.value)
