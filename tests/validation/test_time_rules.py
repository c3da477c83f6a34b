"""CE3xx: windows against their parents, the moment of issue and the publication date."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from _make import codes, drones, msk, only, report, statement

from conflict_events import Modality, Precision, TimeWindow
from conflict_events.validation.rules.time import WIDEST

EVENING = ((2025, 10, 31, 20), (2025, 10, 31, 23))


def test_ce301_fires_for_a_part_outside_its_parents_window():
    part = drones("p", 34, window=msk((2025, 10, 31, 19), (2025, 10, 31, 21)))
    claim = drones("c", 38, window=msk(*EVENING), parts=(part,))
    [finding] = only(claim, "CE301")
    assert finding.message == (
        "the part's window (2025-10-31 19:00 +03:00 to 2025-10-31 21:00 +03:00) is not within "
        "its parent's (2025-10-31 20:00 +03:00 to 2025-10-31 23:00 +03:00)."
    )
    assert finding.ids == ("p", "c")


def test_ce301_does_not_fire_inside_or_without_windows():
    inside = drones(
        "c",
        38,
        window=msk(*EVENING),
        parts=(drones("p", 34, window=msk((2025, 10, 31, 21), (2025, 10, 31, 22))),),
    )
    no_part_window = drones("c", 38, window=msk(*EVENING), parts=(drones("p", 34),))
    no_parent_window = drones("c", 38, parts=(drones("p", 34, window=msk(*EVENING)),))
    for claim in (inside, no_part_window, no_parent_window):
        assert codes(only(claim, "CE301")) == []


def evening_bulletin(issued: TimeWindow | None, **claim: object) -> object:
    window = msk((2025, 10, 31, 18), (2025, 11, 1, 0), precision="part_of_day", label="evening")
    return statement("st:evening", drones("c", 38, window=window, **claim), issued=issued)


def test_ce302_fires_for_a_bulletin_released_before_the_evening_ends():
    st = evening_bulletin(msk(*EVENING, precision="hour"))
    [finding] = only(st, "CE302")
    assert finding.path == "issued"
    assert finding.message == (
        "the statement was issued between 2025-10-31 20:00 +03:00 and 2025-10-31 23:00 +03:00, "
        "before the evening it reports ends (2025-11-01 00:00 +03:00)."
    )
    at = evening_bulletin(TimeWindow.at(datetime(2025, 10, 31, 23, 30), tz="Europe/Moscow"))
    assert (
        "issued at 2025-10-31 23:30 +03:00, before the evening"
        in only(at, "CE302").findings[0].message
    )


def test_ce302_at_the_very_end_of_a_window_of_issue():
    window = msk(*EVENING)
    st = statement("st:x", drones("c", 38, window=window), issued=msk(*EVENING))
    [finding] = only(report(st), "CE302")
    assert finding.path == "statements[0].issued"
    assert "no later than the moment the window it reports ends" in finding.message


def test_ce302_does_not_fire_when_issue_can_follow_the_window():
    after = evening_bulletin(TimeWindow.at(datetime(2025, 11, 1, 0, 5), tz="Europe/Moscow"))
    at_end = evening_bulletin(TimeWindow.at(datetime(2025, 11, 1, 0, 0), tz="Europe/Moscow"))
    straddles = evening_bulletin(msk((2025, 10, 31, 0), (2025, 11, 1, 8), precision="day"))
    unknown = evening_bulletin(None)
    proposed = evening_bulletin(msk(*EVENING), modality=Modality.PROPOSED)
    no_window = statement("st:x", drones("c", 3), issued=msk(*EVENING))
    empty = statement("st:x", issued=msk(*EVENING))
    for st in (after, at_end, straddles, unknown, proposed, no_window, empty):
        assert codes(only(st, "CE302")) == [], st


def test_ce302_uses_the_latest_window_of_the_statement():
    early = drones("a", 1, window=msk((2025, 10, 31, 1), (2025, 10, 31, 2)))
    late = drones("b", 1, window=msk((2025, 10, 31, 20), (2025, 10, 31, 23)))
    issued = TimeWindow.at(datetime(2025, 10, 31, 21), tz="Europe/Moscow")
    [finding] = only(statement("st:x", early, late, issued=issued), "CE302")
    assert finding.ids == ("st:x", "b")


def night(approximate: bool) -> TimeWindow:
    """The night before 1 November, 23:00-08:00, exact or as a convention gives it."""
    return msk(
        (2025, 10, 31, 23),
        (2025, 11, 1, 8),
        precision="part_of_day",
        label="overnight",
        approximate=approximate,
    )


def night_bulletin(approximate: bool, at: tuple[int, ...]) -> object:
    issued = TimeWindow.at(datetime(*at), tz="Europe/Moscow")
    return statement("st:night", drones("c", 12, window=night(approximate)), issued=issued)


def test_ce302_fires_before_the_end_of_an_exact_window():
    [finding] = only(night_bulletin(False, (2025, 11, 1, 7, 30)), "CE302")
    assert finding.message == (
        "the statement was issued at 2025-11-01 07:30 +03:00, before the overnight it reports "
        "ends (2025-11-01 08:00 +03:00)."
    )


def test_ce302_reads_a_conventional_end_as_approximate():
    for at in ((2025, 11, 1, 7, 30), (2025, 10, 31, 23, 0), (2025, 11, 1, 8, 5)):
        assert codes(only(night_bulletin(True, at), "CE302")) == [], at


def test_ce302_fires_before_a_conventional_window_begins():
    [finding] = only(night_bulletin(True, (2025, 10, 31, 21, 0)), "CE302")
    assert finding.message == (
        "the statement was issued at 2025-10-31 21:00 +03:00, before the overnight it reports "
        "begins (2025-10-31 23:00 +03:00; its bounds are conventional)."
    )
    issued = msk((2025, 10, 31, 20), (2025, 10, 31, 23), precision="hour")
    st = statement("st:night", drones("c", 12, window=night(True)), issued=issued)
    assert codes(only(st, "CE302")) == []


def test_ce302_weighs_an_exact_end_against_a_conventional_start():
    evening = drones("a", 1, window=msk((2025, 10, 31, 20), (2025, 10, 31, 23, 30)))
    conventional = drones("b", 1, window=night(True))
    issued = TimeWindow.at(datetime(2025, 10, 31, 22), tz="Europe/Moscow")
    [finding] = only(statement("st:x", conventional, evening, issued=issued), "CE302")
    assert finding.ids == ("st:x", "a")


def test_ce301_reads_conventional_bounds_as_approximate():
    early = msk((2025, 11, 1, 7, 30), (2025, 11, 1, 8, 30))
    for parent_approximate, part_window in ((True, early), (False, night(True))):
        parent_window = night(parent_approximate)
        if not parent_approximate:
            parent_window = msk((2025, 11, 1, 0), (2025, 11, 1, 7))
        claim = drones("c", 3, window=parent_window, parts=(drones("p", 3, window=part_window),))
        assert codes(only(claim, "CE301")) == []
    exact = drones("c", 3, window=night(False), parts=(drones("p", 3, window=early),))
    assert "is not within" in only(exact, "CE301").findings[0].message
    apart = msk((2025, 11, 1, 9), (2025, 11, 1, 10))
    loose = drones("c", 3, window=night(True), parts=(drones("p", 3, window=apart),))
    [finding] = only(loose, "CE301")
    assert finding.message == (
        "the part's window (2025-11-01 09:00 +03:00 to 2025-11-01 10:00 +03:00) does not "
        "overlap its parent's (2025-10-31 23:00 +03:00 to 2025-11-01 08:00 +03:00)."
    )


def test_ce303_fires_for_a_window_far_wider_than_its_precision():
    wide = msk((2025, 10, 27, 0), (2025, 11, 1, 0), precision="part_of_day", label="evening")
    [finding] = only(drones("c", 1, window=wide), "CE303")
    assert finding.path == "window"
    assert finding.message == (
        "the window spans 5 days, far wider than its stated precision (part of day) suggests "
        "(at most 24 hours)."
    )
    odd = msk((2025, 10, 27, 0), (2025, 10, 28, 12), precision="part_of_day")
    assert "spans 36 hours" in only(drones("c", 1, window=odd), "CE303").findings[0].message
    halves = msk((2025, 10, 1, 0), (2025, 10, 5, 12), precision="minute")
    assert "spans 4.5 days" in only(drones("c", 1, window=halves), "CE303").findings[0].message
    minutes = msk((2025, 10, 27, 0), (2025, 10, 28, 0, 30), precision="part_of_day")
    assert "spans 24.5 hours" in only(drones("c", 1, window=minutes), "CE303").findings[0].message


def test_ce303_does_not_fire_within_the_limits():
    night = msk((2025, 10, 30, 23), (2025, 10, 31, 8), precision="minute")
    year = msk((2024, 1, 1, 0), (2025, 12, 31, 0), precision="year")
    for claim in (drones("c", 1, window=night), drones("c", 1, window=year), drones("c", 1)):
        assert codes(only(claim, "CE303")) == []


def test_ce303_measures_a_window_on_its_zones_clock():
    october = TimeWindow.between(
        datetime(2014, 10, 1), datetime(2014, 11, 1), tz="Europe/Kyiv", precision="day"
    )
    assert october.end - october.start > WIDEST[Precision.DAY]  # 31 days and the hour of DST
    assert codes(only(drones("c", 1, window=october), "CE303")) == []
    longer = TimeWindow.between(
        datetime(2014, 10, 1), datetime(2014, 11, 2), tz="Europe/Kyiv", precision="day"
    )
    assert "spans 32 days" in only(drones("c", 1, window=longer), "CE303").findings[0].message


@pytest.mark.parametrize("precision", list(Precision))
def test_every_precision_has_a_limit(precision: Precision):
    assert precision in WIDEST


def test_ce304_fires_for_a_claim_outside_the_statements_period():
    night = drones("a", 130, window=msk((2025, 10, 30, 23), (2025, 10, 31, 8)))
    evening = drones("b", 38, window=msk(*EVENING))
    [finding] = only(report(statement("st:x", night, evening)), "CE304")
    assert finding.path == "statements[0].claims[1]"
    assert "does not overlap the statement's period (2025-10-30 23:00 +03:00 to" in finding.message


def test_ce304_does_not_fire_for_overlapping_or_unwindowed_claims():
    night = drones("a", 130, window=msk((2025, 10, 30, 23), (2025, 10, 31, 8)))
    part_of_it = drones("b", 3, window=msk((2025, 10, 31, 1), (2025, 10, 31, 2)))
    threat = drones("c", 3, window=msk(*EVENING), modality=Modality.HYPOTHETICAL)
    bare = drones("d", 3)
    assert codes(only(statement("st:x", night, part_of_it, threat, bare), "CE304")) == []
    assert codes(only(statement("st:x", bare, night), "CE304")) == []
    assert codes(only(statement("st:x", night), "CE304")) == []


def test_ce305_fires_for_a_statement_issued_after_publication():
    issued = TimeWindow.at(datetime(2025, 10, 31, 23, 30), tz="Europe/Moscow")
    r = report(statement("st:a", issued=issued), published=date(2025, 10, 30))
    [finding] = only(r, "CE305")
    assert finding.path == "statements[0].issued"
    assert finding.message == (
        "the statement was issued at 2025-10-31 23:30 +03:00 at the earliest, after the report "
        "was published (2025-10-30)."
    )
    stamped = report(
        statement("st:a", issued=issued),
        published=datetime(2025, 10, 31, 12, tzinfo=timezone.utc),
    )
    assert "published (2025-10-31 12:00 +00:00)" in only(stamped, "CE305").findings[0].message


def test_ce305_does_not_fire_for_earlier_statements_or_missing_dates():
    issued = TimeWindow.at(datetime(2025, 10, 31, 8, 12), tz="Europe/Moscow")
    same_day = report(statement("st:a", issued=issued), published=date(2025, 10, 31))
    undated = report(statement("st:a", issued=issued))
    unissued = report(statement("st:a"), published=date(2025, 10, 30))
    for r in (same_day, undated, unissued):
        assert codes(only(r, "CE305")) == []
