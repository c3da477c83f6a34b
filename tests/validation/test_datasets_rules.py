"""Rules for what datasets hold: outcomes of a launch (CE211, CE212, and how CE201-CE210 treat
them), origins and targets (CE101, CE403, CE404), revisions (CE105, CE608-CE612), and several
actors (CE209)."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

import conflict_events as ce
from conflict_events.model import Interval
from conflict_events.validation._examples import in_report
from conflict_events.validation.rules.arithmetic import contribution

UAV = ce.Counted.UAV


def outcome(name: str, quantity: ce.Quantity | int | None, **more: object) -> ce.Claim:
    q = ce.Quantity.exact(quantity) if isinstance(quantity, int) else quantity
    fields: dict[str, object] = {"kind": "launch", "counted": UAV, **more}
    return ce.Claim(id=f"c:{name}", outcome=name, quantity=q, **fields)  # type: ignore[arg-type]


def launch(launched: ce.Quantity | int, *parts: ce.Claim, **more: object) -> ce.Claim:
    q = ce.Quantity.exact(launched) if isinstance(launched, int) else launched
    fields: dict[str, object] = {"counted": UAV, **more}
    return ce.Claim(id="c:launched", kind="launch", quantity=q, parts=parts, **fields)  # type: ignore[arg-type]


def codes(obj: object, select: str | list[str] = "CE2") -> list[str]:
    return [
        f.code for f in ce.validate(obj, select=[select] if isinstance(select, str) else select)
    ]  # type: ignore[arg-type]


# -- outcomes ----------------------------------------------------------------------------


def test_destroyed_15_and_not_reached_11_of_16_launched_is_an_error_with_the_numbers() -> None:
    result = ce.validate(launch(16, outcome("destroyed", 15), outcome("not_reached", 11)))
    (finding,) = result.by_code()["CE211"]
    assert finding.severity is ce.Severity.ERROR
    assert finding.message == (
        "the outcomes destroyed 15 + not reached 11 add up to 26, more than the 16 launched by 10."
    )
    assert finding.ids == ("c:launched", "c:destroyed", "c:not_reached")
    assert not result.ok


def test_destroyed_15_and_suppressed_1_of_16_launched_gives_no_finding() -> None:
    claim = launch(16, outcome("destroyed", 15), outcome("suppressed", 1))
    assert list(ce.validate(claim)) == []


def test_one_outcome_alone_above_the_launched_is_said_as_one() -> None:
    (finding,) = ce.validate(launch(2, outcome("destroyed", 4)), select=["CE211"])
    assert finding.message == "the outcome destroyed 4 is more than the 2 launched by 2."


def test_outcomes_are_interval_arithmetic_on_their_lower_bounds() -> None:
    """'At least 10' destroyed and 'about 7' not reached of 'up to 16': 10 + 7 > 16."""
    vague = launch(
        ce.Quantity.at_most(16),
        outcome("destroyed", ce.Quantity.at_least(10)),
        outcome("not_reached", ce.Quantity.between(7, 9)),
    )
    assert codes(vague, "CE211") == ["CE211"]
    open_launch = launch(ce.Quantity.at_least(16), outcome("destroyed", 40))
    assert codes(open_launch, "CE211") == []
    unknown = launch(16, outcome("destroyed", 15), outcome("airborne", None))
    assert codes(unknown, "CE211") == []


def test_hit_and_fell_count_locations_and_are_never_added_to_the_weapons() -> None:
    claim = launch(16, outcome("destroyed", 15), outcome("hit", 5), outcome("fell", 30))
    assert codes(claim) == []


def test_more_locations_hit_than_weapons_launched_is_a_warning() -> None:
    (finding,) = ce.validate(launch(16, outcome("hit", 20)), select=["CE212"])
    assert finding.severity is ce.Severity.WARNING
    assert finding.message == (
        "hits are recorded at 20 locations but 16 were launched, and each location hit takes "
        "at least one."
    )
    assert codes(launch(16, outcome("hit", 16)), "CE212") == []


def test_a_hit_counted_in_locations_as_its_unit_is_still_checked_and_not_a_unit_mismatch() -> None:
    hits = outcome("hit", ce.Quantity.exact(20, unit="location"))
    assert codes(launch(16, hits), ["CE209", "CE212"]) == ["CE212"]


def test_outcome_parts_of_a_launch_are_not_a_breakdown_of_it() -> None:
    """CE201/CE202/CE210 leave outcomes out; a breakdown by region beside them still counts."""
    claim = launch(
        16,
        outcome("destroyed", 15),
        outcome("not_reached", 1),
        ce.Claim(id="c:kursk", kind="launch", quantity=ce.Quantity.exact(10), counted=UAV),
        ce.Claim(id="c:bryansk", kind="launch", quantity=ce.Quantity.exact(6), counted=UAV),
        coverage="complete",
    )
    assert codes(claim) == []
    short = launch(
        16,
        outcome("destroyed", 15),
        ce.Claim(id="c:kursk", kind="launch", quantity=ce.Quantity.exact(10), counted=UAV),
        coverage="complete",
    )
    assert codes(short) == ["CE201"]
    assert codes(launch(16, outcome("destroyed", 17)), "CE210") == []


def test_ce209_accepts_outcome_parts_of_their_outcomes_kind() -> None:
    ok = launch(
        16,
        outcome("destroyed", 15, kind="interception"),
        outcome("hit", 1, kind="strike"),
        outcome("fell", 2, kind="damage"),
    )
    assert codes(ok, "CE209") == []


def test_ce209_refuses_an_outcome_part_of_another_kind_and_a_part_of_another_outcome() -> None:
    (finding,) = ce.validate(
        launch(16, outcome("not_reached", 1, kind="interception")), select=["CE209"]
    )
    assert "kind (interception, not launch as a not_reached outcome)" in finding.message
    destroyed = outcome(
        "destroyed", 15, parts=(outcome("suppressed", 2, quote="two by electronic warfare"),)
    )
    (finding,) = ce.validate(launch(16, destroyed), select=["CE209"])
    assert "outcome (suppressed, not destroyed)" in finding.message


def test_outcome_parts_of_a_claim_that_is_no_launch_are_a_breakdown() -> None:
    """An interception of 10 with 'destroyed 12' as a part: a breakdown part too large."""
    parent = ce.Claim(
        id="c:i", kind="interception", quantity=ce.Quantity.exact(10), counted=UAV,
        parts=(outcome("destroyed", 12, kind="interception"),),
    )  # fmt: skip
    assert codes(parent) == ["CE202", "CE210"]


@st.composite
def _launch_with_outcomes(draw: st.DrawFn) -> ce.Claim:
    count = st.integers(0, 40)
    launched = draw(
        st.one_of(
            count.map(ce.Quantity.exact),
            count.map(ce.Quantity.at_most),
            count.map(ce.Quantity.at_least),
            st.tuples(count, count).map(lambda t: ce.Quantity.between(min(t), max(t))),
        )
    )
    names = draw(st.lists(st.sampled_from(ce.Outcome), max_size=6, unique=True))
    parts = []
    for name in names:
        low = draw(count)
        quantity = draw(
            st.sampled_from(
                (
                    ce.Quantity.exact(low),
                    ce.Quantity.at_least(low),
                    ce.Quantity.between(low, low + 5),
                    ce.Quantity.at_most(low),
                    None,
                )
            )
        )
        parts.append(outcome(name.value, quantity))
    return launch(launched, *parts)


@given(_launch_with_outcomes())
def test_ce211_fires_iff_weapon_outcomes_lower_bounds_exceed_the_launched_upper_bound(
    claim: ce.Claim,
) -> None:
    assert claim.quantity is not None
    high = Interval.of(claim.quantity).high
    least = sum(
        contribution(p)[0].low for p in claim.parts if p.outcome and p.outcome.counts_weapons
    )
    expected = high is not None and least > high
    assert (codes(claim, "CE211") == ["CE211"]) is expected
    hits = sum(contribution(p)[0].low for p in claim.parts if p.outcome is ce.Outcome.HIT)
    assert (codes(claim, "CE212") == ["CE212"]) is (high is not None and hits > high)
    assert codes(claim, ["CE201", "CE202", "CE209", "CE210"]) == []


# -- origins and targets -----------------------------------------------------------------


def test_a_part_launched_from_inside_its_parents_origins_is_fine() -> None:
    parent = launch(
        40, ce.Claim(id="c:p", kind="launch", counted=UAV, quantity=ce.Quantity.exact(2),
                     origins=("RU-KRS",), targets=("UA-48",)),
        origins=("RU-KRS", "RU-BRY"), targets=("UA",),
    )  # fmt: skip
    assert codes(in_report(_statement(parent)), "CE4") == []


def test_a_part_launched_or_aimed_outside_its_parents_places_is_a_warning() -> None:
    part = ce.Claim(
        id="c:p", kind="launch", counted=UAV, quantity=ce.Quantity.exact(2),
        origins=("RU-SAR",), targets=("UA-51",),
    )  # fmt: skip
    parent = launch(40, part, origins=("RU-KRS",), targets=("UA-48",))
    result = ce.validate(in_report(_statement(parent)), select=["CE4"])
    assert [(f.code, f.message) for f in result] == [
        ("CE403", "the part's origin Saratov (RU-SAR) is not inside its parent's origins (Kursk)."),
        ("CE404", "the part's target Odesa (UA-51) is not inside its parent's targets (Mykolaiv)."),
    ]


def test_origins_and_targets_that_resolve_nowhere_are_ce101() -> None:
    claim = launch(1, origins=("airfield:nowhere",), targets=("UA-99",))
    messages = [f.message for f in ce.validate(claim, select=["CE101"])]
    assert messages == [
        "the origin airfield:nowhere is not in the gazetteer, and the report does not define it.",
        "UA-99 (a target) is shaped like an ISO 3166 code but is not one, and the report does "
        "not define it.",
    ]
    assert codes(launch(1, origins=("RU-KRS",), targets=("UA-48",)), "CE101") == []


# -- several actors ----------------------------------------------------------------------


def test_a_parts_actors_are_among_its_parents() -> None:
    part = ce.Claim(id="c:p", kind="other", actor="BLR")
    parent = ce.Claim(id="c:t", kind="other", actor="RUS", other_actors=("BLR",), parts=(part,))
    assert codes(parent, "CE209") == []
    stranger = ce.Claim(id="c:p", kind="other", actor="IRN", other_actors=("BLR",))
    (finding,) = ce.validate(
        ce.Claim(id="c:t", kind="other", actor="RUS", other_actors=("BLR",), parts=(stranger,)),
        select=["CE209"],
    )
    assert "actor (IRN, not RUS and BLR)" in finding.message
    targets = ce.Claim(id="c:p", kind="other", target_party="UKR", other_target_parties=("GBR",))
    parent = ce.Claim(id="c:t", kind="other", target_party="UKR", parts=(targets,))
    (finding,) = ce.validate(parent, select=["CE209"])
    assert "target party (GBR, not UKR)" in finding.message


# -- revisions ---------------------------------------------------------------------------


def _statement(
    *claims: ce.Claim, id: str = "st:1", source: str = "src:ua-af", **links: str
) -> ce.Statement:
    return ce.Statement(id=id, source=source, kind="report", claims=claims, **links)  # type: ignore[arg-type]


def _night(start: int = 23) -> ce.TimeWindow:
    first = datetime(2026, 2, 6, start)
    return ce.TimeWindow.between(first, datetime(2026, 2, 7, 8), tz="Europe/Kyiv")


def _row(launched: int, destroyed: int, *, start: int = 23) -> ce.Claim:
    return launch(launched, outcome("destroyed", destroyed), window=_night(start))


def _pair(first: ce.Claim, second: ce.Claim, **links: str) -> list[ce.Report]:
    return [
        in_report(_statement(first, id="st:1"), id="rep:1"),
        in_report(_statement(second, id="st:2", **links), id="rep:2"),
    ]


def test_a_correction_that_changes_a_total_is_reported_with_both_values() -> None:
    (finding,) = ce.validate(_pair(_row(16, 15), _row(18, 15), corrects="st:1"), select=["CE609"])
    assert finding.severity is ce.Severity.INFO
    assert (
        finding.message == "the correction of st:1 changes the total of c:launched from 16 to 18."
    )
    assert finding.report == "rep:2"
    assert codes(_pair(_row(16, 15), _row(16, 15), corrects="st:1"), "CE6") == []


def test_a_later_version_that_changes_an_outcome_is_reported_with_both_values() -> None:
    result = ce.validate(_pair(_row(2, 4), _row(2, 0), supersedes="st:1"), select=["CE610"])
    assert [f.message for f in result] == [
        "the later version of st:1 changes destroyed from 4 to 0 for c:launched."
    ]
    added = launch(2, outcome("destroyed", 1), outcome("not_reached", 1), window=_night())
    result = ce.validate(_pair(_row(2, 1), added, corrects="st:1"), select=["CE610"])
    assert [f.message for f in result] == [
        "the correction of st:1 adds not reached 1 for c:launched."
    ]
    dropped = launch(2, window=_night())
    result = ce.validate(_pair(_row(2, 1), dropped, corrects="st:1"), select=["CE610"])
    assert [f.message for f in result] == [
        "the correction of st:1 drops destroyed 1 for c:launched."
    ]


def test_a_correction_that_moves_a_window_is_reported_with_both_windows() -> None:
    (finding,) = ce.validate(
        _pair(_row(16, 15), _row(16, 15, start=22), corrects="st:1"), select=["CE611"]
    )
    assert finding.message == (
        "the correction of st:1 moves the window of c:launched from 2026-02-06 23:00 +02:00 – "
        "2026-02-07 08:00 +02:00 to 2026-02-06 22:00 +02:00 – 2026-02-07 08:00 +02:00."
    )
    no_window = launch(16, outcome("destroyed", 15))
    (finding,) = ce.validate(_pair(_row(16, 15), no_window, corrects="st:1"), select=["CE611"])
    assert finding.message.startswith("the correction of st:1 drops the window of c:launched (")
    (finding,) = ce.validate(_pair(no_window, _row(16, 15), corrects="st:1"), select=["CE611"])
    assert finding.message.startswith("the correction of st:1 gives c:launched a window (")


def test_claims_are_matched_by_id_then_by_what_they_count() -> None:
    renamed = ce.Claim(id="c:other", kind="launch", counted=UAV, quantity=ce.Quantity.exact(18))
    result = ce.validate(_pair(_row(16, 15), renamed, corrects="st:1"), select=["CE609"])
    assert [f.message for f in result] == [
        "the correction of st:1 changes the total of c:launched from 16 to 18."
    ]
    missiles = ce.Claim(
        id="c:m", kind="launch", counted="cruise_missile", quantity=ce.Quantity.exact(3)
    )
    assert codes(_pair(_row(16, 15), missiles, corrects="st:1"), "CE609") == []


def test_a_correction_of_a_statement_that_is_not_there_is_reported() -> None:
    reports = [in_report(_statement(_row(2, 0), id="st:2", corrects="st:gone"), id="rep:2")]
    (finding,) = ce.validate(reports, select=["CE105"])
    assert (
        finding.message
        == "the statement corrects st:gone, which is in none of the reports validated."
    )
    assert finding.path == "statements[0].corrects"
    for field in ("supersedes", "retracts"):
        lone = [in_report(_statement(id="st:2", **{field: "st:gone"}), id="rep:2")]
        assert codes(lone, "CE105") == ["CE105"]
    assert codes(_pair(_row(2, 4), _row(2, 0), corrects="st:1"), ["CE105", "CE61"]) == ["CE610"]


def test_only_a_source_revises_its_own_statements() -> None:
    reports = [
        in_report(_statement(_row(16, 15), id="st:1"), id="rep:1"),
        in_report(_statement(id="st:2", source="src:ru-mod", retracts="st:1"), id="rep:2"),
    ]
    (finding,) = ce.validate(reports, select=["CE612"])
    assert finding.message == (
        "src:ru-mod retracts st:1, a statement of src:ua-af: a source revises only its own "
        "statements (use responds_to for an answer)."
    )
    own = [reports[0], in_report(_statement(id="st:2", retracts="st:1"), id="rep:2")]
    assert codes(own, "CE612") == []


def test_a_correction_and_what_it_replaces_are_not_rival_totals() -> None:
    """CE608 compares neither a correction with its original nor a superseded statement."""
    region = {"regions": ("UA-48",)}
    first = launch(16, window=_night(), **region)
    second = launch(20, window=_night(), **region)
    rivals = _pair(first, second)
    assert codes(rivals, "CE608") == ["CE608"]
    assert codes(_pair(first, second, corrects="st:1"), "CE608") == []
    third = in_report(_statement(launch(30, window=_night(), **region), id="st:3"), id="rep:3")
    superseded = [*_pair(first, second, supersedes="st:1"), third]
    assert [f.ids[2:] for f in ce.validate(superseded, select=["CE608"])] == [("st:3", "st:2")]


def test_ce608_compares_only_totals_of_the_same_outcome() -> None:
    destroyed = outcome("destroyed", 15, window=_night(), regions=("UA-48",))
    destroyed_more = outcome("destroyed", 20, window=_night(), regions=("UA-48",))
    hit = outcome("hit", 3, window=_night(), regions=("UA-48",))
    assert codes(_pair(destroyed, hit), "CE608") == []
    assert codes(_pair(destroyed, destroyed_more), "CE608") == ["CE608"]
