"""CE2xx: breakdown arithmetic on interval bounds, honouring coverage and distribution."""

from __future__ import annotations

import pytest
from _make import codes, drones, only
from hypothesis import given
from hypothesis import strategies as st

from conflict_events import Claim, ClaimKind, Counted, Coverage, Distribution, Quantity, Share
from conflict_events.validation import validate
from conflict_events.validation.rules.arithmetic import breakdown, contribution

COMPLETE, PARTIAL = Coverage.COMPLETE, Coverage.PARTIAL
EACH, TOTAL, UNKNOWN = Distribution.EACH, Distribution.TOTAL, Distribution.UNKNOWN


def nine(
    distribution: Distribution | None = UNKNOWN,
    quote: str | None = "nine over Orel, Tambov, and Tula",
) -> Claim:
    """'nine over Orel, Tambov, and Tula'."""
    return drones("c:grp", 9, "RU-ORL", "RU-TAM", "RU-TUL", distribution=distribution, quote=quote)


def total(count: int | Quantity | None, *parts: Claim, **more: object) -> Claim:
    return drones("c:total", count, parts=parts, **more)


# -- CE201 -------------------------------------------------------------------------------


def test_ce201_fires_with_both_numbers_and_the_difference():
    claim = total(38, drones("a", 34, "RU-BEL"), drones("b", 2, "RU-VOR"), coverage=COMPLETE)
    [finding] = only(claim, "CE201")
    assert finding.message == (
        "the parts add up to 36 (34 + 2) but the total is 38, a difference of 2."
    )
    assert finding.ids == ("c:total",)
    assert finding.path == ""


def test_ce201_does_not_fire_when_the_parts_add_up():
    claim = total(
        38,
        drones("a", 34, "RU-BEL"),
        drones("b", 2, "RU-VOR", "UA-43", distribution=EACH),
        coverage=COMPLETE,
    )
    assert codes(validate(claim, select="CE2")) == []


def test_ce201_each_counts_k_times_and_total_once():
    each = total(
        6, drones("a", 2, "RU-ORL", "RU-KLU", "RU-BRY", distribution=EACH), coverage=COMPLETE
    )
    group = total(
        2, drones("a", 2, "RU-ORL", "RU-KLU", "RU-BRY", distribution=TOTAL), coverage=COMPLETE
    )
    assert codes(validate([each, group][0], select="CE2")) == []
    assert codes(validate(group, select="CE2")) == []
    wrong = total(
        2, drones("a", 2, "RU-ORL", "RU-KLU", "RU-BRY", distribution=EACH), coverage=COMPLETE
    )
    [finding] = only(wrong, "CE201")
    assert "6" in finding.message
    assert "2 × 3" not in finding.message


def test_ce201_interval_bounds_that_can_meet_do_not_fire():
    claim = total(
        Quantity.about(40, low=35, high=45),
        drones("a", Quantity.between(30, 32), "RU-BEL"),
        drones("b", Quantity.at_least(3), "RU-VOR"),
        coverage=COMPLETE,
    )
    assert codes(only(claim, "CE201")) == []


def test_ce201_interval_difference_is_a_range():
    claim = total(
        50,
        drones("a", Quantity.between(30, 32), "RU-BEL"),
        drones("b", 2, "RU-VOR"),
        coverage=COMPLETE,
    )
    [finding] = only(claim, "CE201")
    assert "32–34 (30–32 + 2)" in finding.message
    assert "a difference of 16–18" in finding.message


def test_ce201_with_an_unclear_group_gives_both_readings():
    claim = total(100, drones("a", 31, "RU-KRS"), nine(), coverage=COMPLETE)
    [finding] = only(claim, "CE201")
    assert "40 (or 58 if grouped counts are per region)" in finding.message
    assert "a difference of 60 (or 42)" in finding.message


def test_a_part_without_a_quantity_admits_any_amount():
    claim = total(38, drones("a", 34, "RU-BEL"), drones("b", None, "RU-VOR"), coverage=COMPLETE)
    assert codes(validate(claim, select="CE2")) == []
    over = total(30, drones("a", 34, "RU-BEL"), drones("b", None, "RU-VOR"), coverage=COMPLETE)
    assert codes(only(over, "CE201")) == ["CE201"]
    assert "at least 34" in only(over, "CE201").findings[0].message


def test_sums_are_skipped_without_a_total_or_across_units():
    no_total = total(None, drones("a", 34, "RU-BEL"), coverage=COMPLETE)
    km = total(38, drones("a", Quantity.exact(34, unit="km"), "RU-BEL"), coverage=COMPLETE)
    assert codes(validate(no_total, select="CE20")) == []
    assert "CE201" not in codes(validate(km))
    assert breakdown(km) is None


# -- CE202 / CE203 -----------------------------------------------------------------------


def test_ce202_fires_when_a_partial_breakdown_exceeds_its_total():
    claim = total(40, drones("a", 31, "RU-KRS"), drones("b", 21, "RU-VOR"), coverage=PARTIAL)
    [finding] = only(claim, "CE202")
    assert finding.message == (
        "the parts of the partial breakdown add up to 52 (31 + 21), more than the total of 40 "
        "by 12."
    )


def test_ce202_also_holds_for_an_unstated_coverage():
    claim = total(40, drones("a", 31, "RU-KRS"), drones("b", 21, "RU-VOR"))
    [finding] = only(claim, "CE202")
    assert finding.message.startswith("the parts add up to 52")


def test_ce202_does_not_fire_when_the_parts_fit():
    claim = total(60, drones("a", 31, "RU-KRS"), drones("b", 21, "RU-VOR"), coverage=PARTIAL)
    assert codes(only(claim, "CE202")) == []
    complete = total(40, drones("a", 31, "RU-KRS"), drones("b", 21, "RU-VOR"), coverage=COMPLETE)
    assert codes(only(complete, "CE202")) == []  # CE201 speaks for complete breakdowns


def test_ce203_gives_the_unaccounted_range_under_both_readings():
    claim = total(
        130, drones("a", 31, "RU-KRS"), drones("b", 21, "RU-VOR"), nine(), coverage=PARTIAL
    )
    [finding] = only(claim, "CE203")
    assert finding.severity.value == "info"
    assert finding.message == (
        "the partial breakdown of 130 adds up to 61 (or 79 if grouped counts are per region), "
        "so 51–69 are unaccounted for."
    )


def test_ce203_single_reading_and_singular_verb():
    claim = total(53, drones("a", 31, "RU-KRS"), drones("b", 21, "RU-VOR"), coverage=PARTIAL)
    [finding] = only(claim, "CE203")
    assert finding.message.endswith("adds up to 52 (31 + 21), so 1 is unaccounted for.")


def test_ce203_does_not_fire_when_nothing_is_missing_or_nothing_is_known():
    exact = total(52, drones("a", 31, "RU-KRS"), drones("b", 21, "RU-VOR"), coverage=PARTIAL)
    open_ended = total(None, drones("a", 31, "RU-KRS"), coverage=PARTIAL)
    unbounded = total(Quantity.at_least(31), drones("a", 31, "RU-KRS"), coverage=PARTIAL)
    unknown = total(Quantity.unknown(), drones("a", 31, "RU-KRS"), coverage=PARTIAL)
    too_many = total(40, drones("a", 31, "RU-KRS"), drones("b", 21, "RU-VOR"), coverage=PARTIAL)
    complete = total(60, drones("a", 31, "RU-KRS"), coverage=COMPLETE)
    for claim in (exact, open_ended, unbounded, unknown, too_many, complete):
        assert codes(only(claim, "CE203")) == [], claim


def test_ce203_with_an_open_total_says_at_least():
    claim = total(Quantity.at_least(100), drones("a", 31, "RU-KRS"), coverage=PARTIAL)
    [finding] = only(claim, "CE203")
    assert "so at least 69 are unaccounted for" in finding.message


# -- CE204 / CE205 -----------------------------------------------------------------------


def test_ce204_fires_when_only_each_reconciles_and_quotes_the_words():
    claim = total(
        79, drones("a", 31, "RU-KRS"), drones("b", 21, "RU-VOR"), nine(), coverage=COMPLETE
    )
    result = validate(claim, select="CE2")
    assert codes(result) == ["CE204"]
    [finding] = result
    assert (
        "reconciles only if 'nine over Orel, Tambov, and Tula' means nine each" in finding.message
    )
    assert "the parts add up to 61" in finding.message
    assert finding.ids == ("c:total", "c:grp")


def test_ce204_names_the_part_by_its_regions_without_a_quote_and_joins_several():
    six = drones("c:six", 6, "RU-LIP", "RU-YAR", distribution=UNKNOWN)
    claim = total(55, drones("a", 16, "RU-KRS"), nine(quote=None), six, coverage=COMPLETE)
    [finding] = only(claim, "CE204")
    assert "the 9 over" in finding.message
    assert "means 9 each and the 6 over" in finding.message
    assert "if they are counts for the group" in finding.message


def test_ce204_does_not_fire_when_both_readings_or_the_group_reading_reconcile():
    either = total(Quantity.between(40, 60), drones("a", 31, "RU-KRS"), nine(), coverage=COMPLETE)
    group = total(40, drones("a", 31, "RU-KRS"), nine(), coverage=COMPLETE)
    clear = total(58, drones("a", 31, "RU-KRS"), nine(EACH), coverage=COMPLETE)
    partial = total(58, drones("a", 31, "RU-KRS"), nine(), coverage=PARTIAL)
    for claim in (either, group, clear, partial):
        assert codes(only(claim, "CE204")) == []


def test_ce205_fires_when_only_the_group_reading_reconciles():
    claim = total(
        61, drones("a", 31, "RU-KRS"), drones("b", 21, "RU-VOR"), nine(), coverage=COMPLETE
    )
    assert codes(validate(claim, select="CE2")) == ["CE205"]
    [finding] = only(claim, "CE205")
    assert (
        "only if 'nine over Orel, Tambov, and Tula' is one count for the group" in finding.message
    )
    assert "if it is per region, the parts add up to 79" in finding.message


def test_ce205_fires_when_a_partial_breakdown_fits_only_as_groups():
    claim = total(45, drones("a", 31, "RU-KRS"), nine(), coverage=PARTIAL)
    assert codes(validate(claim, select="CE2")) == ["CE203", "CE205"]


def test_ce205_does_not_fire_when_the_each_reading_fits_too():
    claim = total(130, drones("a", 31, "RU-KRS"), nine(), coverage=PARTIAL)
    assert codes(only(claim, "CE205")) == []
    assert codes(only(total(40, drones("a", 31, "RU-KRS"), coverage=COMPLETE), "CE205")) == []


def test_nested_parts_are_never_added_to_the_parents_siblings():
    moscow = drones("c:mos", 11, "RU-MOS", coverage=PARTIAL, parts=(drones("c:mow", 6, "RU-MOW"),))
    claim = total(16, drones("a", 5, "RU-BEL"), moscow, coverage=COMPLETE)
    result = validate(claim, select="CE2")
    assert codes(result) == ["CE203"]
    assert result.findings[0].path == "parts[1]"
    assert "so 5 are unaccounted for" in result.findings[0].message


def test_contribution_reads_distribution():
    assert contribution(nine()) == ((9, 9), (27, 27))
    assert contribution(nine(EACH)) == ((27, 27), (27, 27))
    assert contribution(nine(TOTAL)) == ((9, 9), (9, 9))
    assert contribution(nine(None)) == ((9, 9), (9, 9))
    assert contribution(drones("a", None)) == ((0, None), (0, None))


# -- CE206 / CE207 -----------------------------------------------------------------------


def test_ce206_fires_with_the_percentage():
    claim = total(
        130,
        drones("a", 31, "RU-KRS", share=Share.MAJORITY),
        drones("b", 21, "RU-VOR"),
        coverage=PARTIAL,
    )
    [finding] = only(claim, "CE206")
    assert finding.message == "'majority' 31 of 130 is 24 %, not more than half."
    assert finding.path == "parts[0]"
    assert finding.ids == ("a", "c:total")


def test_ce206_does_not_fire_for_a_real_majority_or_without_a_total():
    real = total(50, drones("a", 31, "RU-KRS", share=Share.MAJORITY), coverage=PARTIAL)
    no_total = total(None, drones("a", 31, "RU-KRS", share=Share.MAJORITY))
    open_part = total(50, drones("a", Quantity.at_least(20), "RU-KRS", share=Share.MAJORITY))
    zero = total(0, drones("a", 0, "RU-KRS", share=Share.MAJORITY))
    alone = drones("a", 31, "RU-KRS", share=Share.MAJORITY)
    for claim in (real, no_total, open_part, zero, alone):
        assert codes(only(claim, "CE206")) == []


def test_ce206_half_exactly_is_not_a_majority():
    claim = total(62, drones("a", 31, "RU-KRS", share=Share.MAJORITY))
    assert "is 50 %" in only(claim, "CE206").findings[0].message
    near = total(125, drones("a", 62, "RU-KRS", share=Share.MAJORITY))
    assert "is 49.6 %" in only(near, "CE206").findings[0].message


def test_ce207_fires_naming_the_larger_sibling():
    claim = total(
        34,
        drones("a", 9, "RU-BEL", share=Share.LARGEST),
        drones("b", 14, "sea:black"),
        drones("c", 11, "UA-43"),
        coverage=COMPLETE,
    )
    [finding] = only(claim, "CE207")
    assert finding.message.startswith("'largest' 9 (26 % of 34) is smaller than 14 over ")
    assert finding.ids == ("a", "b")


def test_ce207_does_not_fire_when_it_is_the_largest_or_cannot_be_told():
    largest = total(30, drones("a", 14, "RU-BEL", share=Share.LARGEST), drones("b", 9, "RU-VOR"))
    group = total(
        30,
        drones("a", 9, "RU-BEL", share=Share.LARGEST),
        drones("b", 14, "RU-VOR", "RU-KRS", distribution=TOTAL),
        drones("c", None, "RU-KLU"),
        drones("d", Quantity.exact(50, unit="km"), "RU-TUL"),
    )
    unbounded = total(30, drones("a", Quantity.at_least(9), "RU-BEL", share=Share.LARGEST))
    alone = drones("a", 9, "RU-BEL", share=Share.LARGEST)
    no_quantity = total(30, drones("a", None, "RU-BEL", share=Share.LARGEST), drones("b", 9))
    for claim in (largest, group, unbounded, alone, no_quantity):
        assert codes(only(claim, "CE207")) == [], claim


def test_ce207_each_sibling_compares_per_region_and_picks_the_biggest():
    claim = total(
        None,
        drones("a", 3, "RU-BEL", share=Share.LARGEST),
        drones("b", 4, "RU-VOR", "RU-KRS", distribution=EACH),
        drones("c", 8, "RU-KLU"),
        drones("d", 5, "RU-TUL"),
    )
    [finding] = only(claim, "CE207")
    assert finding.message.startswith("'largest' 3 is smaller than 8 over ")
    assert finding.ids == ("a", "c")


# -- CE208 -------------------------------------------------------------------------------


def test_ce208_fires_listing_the_regions():
    claim = drones("c", 38, "RU-BEL", "RU-VOR", "UA-43", "RU-KRS", region_count=3)
    [finding] = only(claim, "CE208")
    assert finding.message.startswith("the claim says 3 regions but names 4: ")
    assert finding.ids == ("c", "RU-BEL", "RU-VOR", "UA-43", "RU-KRS")


def test_ce208_counts_the_parts_regions_when_the_claim_names_none():
    claim = total(
        10,
        drones("a", 5, "RU-BEL"),
        drones("b", 5, "RU-VOR", "RU-BEL"),
        region_count=3,
        coverage=COMPLETE,
    )
    [finding] = only(claim, "CE208")
    assert "names 2" in finding.message


def test_ce208_does_not_fire_when_it_matches_with_or_without_seas():
    plain = drones("c", 38, "RU-BEL", "RU-VOR", "UA-43", region_count=3)
    with_sea = total(10, drones("a", 9, "RU-BEL"), drones("b", 1, "sea:azov"), region_count=1)
    nothing = drones("c", 38, region_count=3)
    for claim in (plain, with_sea, nothing):
        assert codes(only(claim, "CE208")) == []


def test_ce208_a_partial_breakdown_may_name_fewer_regions_but_not_more():
    fewer = total(30, drones("a", 10, "RU-BEL"), region_count=8, coverage=PARTIAL)
    assert codes(only(fewer, "CE208")) == []
    listed = drones("c", 30, "RU-BEL", parts=(drones("a", 10, "RU-BEL"),), region_count=8)
    assert codes(only(listed, "CE208")) == []
    unbroken = drones("c", 30, "RU-BEL", "RU-VOR", region_count=3)
    assert codes(only(unbroken, "CE208")) == ["CE208"]
    more = total(
        30, drones("a", 10, "RU-BEL"), drones("b", 1, "RU-KRS"), region_count=1, coverage=PARTIAL
    )
    assert codes(only(more, "CE208")) == ["CE208"]
    complete = total(30, drones("a", 30, "RU-BEL"), region_count=8, coverage=COMPLETE)
    assert codes(only(complete, "CE208")) == ["CE208"]


def test_ce208_leaves_out_the_list_for_many_regions():
    ids = (
        "RU-BEL",
        "RU-VOR",
        "RU-KRS",
        "RU-BRY",
        "RU-ORL",
        "RU-TAM",
        "RU-TUL",
        "RU-LIP",
        "RU-YAR",
        "RU-ROS",
        "RU-VGG",
    )
    [finding] = only(drones("c", 50, *ids, region_count=3), "CE208")
    assert finding.message == "the claim says 3 regions but names 11."


# -- CE209 / CE210 -----------------------------------------------------------------------


def test_ce209_fires_listing_every_difference():
    part = Claim(
        id="p",
        kind=ClaimKind.LAUNCH,
        quantity=Quantity.exact(12, unit="km"),
        counted=Counted.CRUISE_MISSILE,
        weapons=("kh-101",),
        actor="act:ru-af",
        target_party="RU",
    )
    parent = total(40, part, weapons=("shahed-136",), actor="act:ru-ad", target_party="UA")
    [finding] = only(parent, "CE209")
    assert finding.message == (
        "the part differs from its parent in kind (launch, not interception), what it counts "
        "(cruise missile, not uav), weapon (kh-101, not shahed-136), actor (act:ru-af, not "
        "act:ru-ad), target party (RU, not UA) and unit (km, not count)."
    )


def test_ce209_does_not_fire_for_matching_or_unstated_fields():
    part = drones("p", 12, "RU-BEL", weapons=("shahed-136",), actor=None)
    parent = total(40, part, weapons=("shahed-136", "gerbera"), actor="act:ru-ad")
    loose = total(40, Claim(id="p", kind=ClaimKind.INTERCEPTION))
    for claim in (parent, loose):
        assert codes(only(claim, "CE209")) == []


def test_ce210_fires_for_a_part_larger_than_its_parent():
    claim = drones("c:mos", 11, "RU-MOS", parts=(drones("c:mow", 16, "RU-MOW"),))
    [finding] = only(claim, "CE210")
    assert finding.message == "the part accounts for 16, more than its parent's total of 11."
    assert finding.path == "parts[0]"
    each = total(5, drones("p", 2, "RU-ORL", "RU-KLU", "RU-BRY", distribution=EACH))
    [finding] = only(each, "CE210")
    assert "6 (2 for each of 3 regions)" in finding.message


def test_ce210_does_not_fire_within_bounds_or_without_figures():
    fits = drones("c", 11, parts=(drones("p", 6),))
    unknown_group = drones(
        "c", 11, parts=(drones("p", 6, "RU-ORL", "RU-KLU", distribution=UNKNOWN),)
    )
    open_total = drones("c", Quantity.at_least(3), parts=(drones("p", 6),))
    no_total = drones("c", None, parts=(drones("p", 6),))
    units = drones("c", 11, parts=(drones("p", Quantity.exact(16, unit="km")),))
    for claim in (fits, unknown_group, open_total, no_total, units):
        assert codes(only(claim, "CE210")) == [], claim


@pytest.mark.parametrize("code", ["CE201", "CE202", "CE203", "CE204", "CE205"])
def test_sum_rules_ignore_claims_without_parts(code: str):
    assert codes(only(drones("c", 38, "RU-BEL", coverage=COMPLETE), code)) == []


def test_long_sums_are_not_spelled_out():
    parts = [drones(f"p{i}", 1, "RU-BEL") for i in range(9)]
    [finding] = only(total(10, *parts, coverage=COMPLETE), "CE201")
    assert finding.message == "the parts add up to 9 but the total is 10, a difference of 1."


REGION_POOL = ("RU-BEL", "RU-VOR", "RU-KRS", "RU-BRY", "RU-ORL", "RU-TAM", "RU-TUL", "RU-LIP")


@st.composite
def breakdowns(draw: st.DrawFn) -> tuple[list[Claim], int, int]:
    """Parts with clear distributions, and their sum under each reading of unclear groups."""
    parts: list[Claim] = []
    group_sum = each_sum = 0
    for i in range(draw(st.integers(1, 6))):
        count = draw(st.integers(0, 50))
        regions = tuple(draw(st.lists(st.sampled_from(REGION_POOL), min_size=1, max_size=3,
                                      unique=True)))  # fmt: skip
        distribution = draw(st.sampled_from([None, EACH, TOTAL, UNKNOWN]))
        k = len(regions)
        group_sum += count * k if distribution is EACH and k > 1 else count
        each_sum += count * k if distribution in (EACH, UNKNOWN) and k > 1 else count
        parts.append(drones(f"p{i}", count, *regions, distribution=distribution))
    return parts, group_sum, each_sum


@given(breakdowns())
def test_a_complete_breakdown_that_adds_up_under_a_reading_is_never_an_error(
    drawn: tuple[list[Claim], int, int],
):
    parts, group_sum, each_sum = drawn
    for target in (group_sum, each_sum):
        result = validate(total(target, *parts, coverage=COMPLETE), select="CE2")
        assert not result.errors, str(result)


@given(breakdowns(), st.integers(1, 20))
def test_a_complete_breakdown_off_both_readings_is_an_error(
    drawn: tuple[list[Claim], int, int], off: int
):
    parts, group_sum, each_sum = drawn
    result = validate(total(each_sum + off, *parts, coverage=COMPLETE), select="CE201")
    assert codes(result) == ["CE201"]
    assert f"a difference of {off}" in result.findings[0].message or group_sum != each_sum


@given(breakdowns(), st.integers(0, 20))
def test_a_partial_breakdown_is_never_an_error_when_the_total_covers_a_reading(
    drawn: tuple[list[Claim], int, int], extra: int
):
    parts, group_sum, _ = drawn
    result = validate(total(group_sum + extra, *parts, coverage=PARTIAL), select="CE2")
    assert not result.errors, str(result)
    assert ("CE203" in codes(result)) == (extra > 0)


def test_decimal_measures_add_up_exactly():
    """0.1 + 0.2 km is 0.3 km: decimal figures are summed as exact fractions."""
    from conflict_events import Claim, Quantity, validate

    def km(cid: str, value: float) -> Claim:
        return Claim(id=cid, kind="capability", quantity=Quantity.exact(value, unit="km"))

    total = Claim(
        id="t",
        kind="capability",
        quantity=Quantity.exact(0.3, unit="km"),
        coverage="complete",
        parts=(km("a", 0.1), km("b", 0.2)),
    )
    assert [f.code for f in validate(total, select=["CE2"])] == []
    wrong = Claim(
        id="t",
        kind="capability",
        quantity=Quantity.exact(1234567.5, unit="km"),
        coverage="complete",
        parts=(km("a", 1234566.5), km("b", 0.5)),
    )
    (finding,) = validate(wrong, select=["CE201"])
    assert "1234567 km" in finding.message
    assert "1234567.5 km" in finding.message
    assert "a difference of 0.5 km" in finding.message


def test_an_about_id_that_is_not_a_region_is_not_an_error():
    """``about`` holds any ids; one that looks like a lower-case country code is just unknown."""
    from conflict_events import Report, Statement, validate

    report = Report(
        id="r",
        statements=(Statement(id="s", source="src:x", kind="bulletin", about=("Ua", "Ru-bel")),),
    )
    assert {f.code for f in validate(report)} <= {"CE103", "CE108"}
