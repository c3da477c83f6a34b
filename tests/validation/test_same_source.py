"""CE608: totals of one source compared only when they total the same thing."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from _make import codes, drones, msk, only, region, report, statement

from conflict_events import (
    Claim,
    ClaimKind,
    Counted,
    Grain,
    Quantity,
    Report,
    Source,
    Statement,
    StatementKind,
    TimeWindow,
)

NAMES = (region("RU-KRS", "Kursk"), region("RU-BRY", "Bryansk"))
NIGHT = msk((2025, 10, 30, 20), (2025, 10, 31, 8))
EVENING = msk((2025, 10, 30, 20), (2025, 10, 30, 23))
DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def bulletins(*claims: Claim) -> Report:
    """One bulletin of the MoD per claim."""
    return report(*(statement(f"st:{i}", c) for i, c in enumerate(claims, 1)), regions=NAMES)


def ce608(*claims: Claim) -> list[str]:
    return [f.message for f in only(bulletins(*claims), "CE608")]


def test_two_bulletins_for_the_same_window_with_totals_12_and_20_contradict_each_other():
    first = drones("a", 12, "RU-KRS", window=NIGHT)
    second = drones("b", 20, "RU-KRS", window=NIGHT)
    assert ce608(first, second) == [
        "src:ru-mod claims 20 here but 12 in st:1 for the same window and regions."
    ]
    assert ce608(first, drones("b", Quantity.between(10, 14), "RU-KRS", window=NIGHT)) == []


def test_an_evening_part_of_a_night_total_is_no_contradiction_unless_it_is_larger():
    night = drones("a", 30, "RU-KRS", window=NIGHT)
    assert ce608(night, drones("b", 12, "RU-KRS", window=EVENING)) == []
    assert ce608(drones("b", 12, "RU-KRS", window=EVENING), night) == []
    assert ce608(night, drones("b", 40, "RU-KRS", window=EVENING)) == [
        "src:ru-mod claims 40 here, more than the 30 it claims in st:1 for a window and regions "
        "that include these."
    ]
    assert ce608(drones("b", 40, "RU-KRS", window=EVENING), night) == [
        "src:ru-mod claims 30 here, less than the 40 it claims in st:1 for a window and regions "
        "within these."
    ]


def test_a_total_over_more_regions_may_be_larger_but_not_smaller():
    both = drones("a", 30, "RU-KRS", "RU-BRY", window=NIGHT)
    assert ce608(both, drones("b", 20, "RU-KRS", window=NIGHT)) == []
    assert codes(only(bulletins(both, drones("b", 31, "RU-KRS", window=NIGHT)), "CE608")) == [
        "CE608"
    ]
    assert ce608(both, drones("b", Quantity.at_least(31), "RU-KRS", window=NIGHT)) != []
    assert ce608(drones("a", Quantity.at_least(3), "RU-KRS", "RU-BRY", window=NIGHT),
                 drones("b", 31, "RU-KRS", window=NIGHT)) == []  # fmt: skip


def test_a_region_inside_another_is_included_by_it():
    """Kursk lies in Russia: a total for Russia is not smaller than Kursk's."""
    russia = drones("a", 10, "RU", window=NIGHT)
    kursk = drones("b", 20, "RU-KRS", window=NIGHT)
    assert ce608(russia, kursk) == [
        "src:ru-mod claims 20 here, more than the 10 it claims in st:1 for a window and regions "
        "that include these."
    ]


def test_totals_that_only_partly_overlap_can_both_be_right():
    night = drones("a", 50, "RU-KRS", window=NIGHT)
    morning = drones("b", 5, "RU-KRS", window=msk((2025, 10, 31, 1), (2025, 10, 31, 12)))
    assert ce608(night, morning) == []
    assert ce608(drones("a", 50, "RU-KRS", "RU-BRY", window=EVENING), drones(
        "b", 5, "RU-KRS", window=NIGHT)) == []  # fmt: skip


def missiles(id: str, count: int, *weapons: str) -> Claim:
    return drones(
        id, count, "RU-KRS", window=NIGHT, counted=Counted.BALLISTIC_MISSILE, weapons=weapons
    )


def test_different_weapons_are_different_totals():
    """One Iskander-M and two KN-23 are two counts, not a contradiction."""
    assert ce608(missiles("a", 1, "iskander-m"), missiles("b", 2, "kn-23")) == []
    assert ce608(missiles("a", 2, "iskander-m", "kn-23"), missiles("b", 1, "iskander-m")) == []
    assert ce608(missiles("a", 1, "iskander-m", "kn-23"), missiles("b", 2, "iskander-m")) == [
        "src:ru-mod claims 2 here, more than the 1 it claims in st:1 for a window, regions and "
        "weapons that include these."
    ]
    assert ce608(missiles("a", 1), missiles("b", 2, "kn-23")) != []  # no weapons: any of them
    assert ce608(missiles("a", 2, "kn-23"), missiles("b", 1)) == [
        "src:ru-mod claims 1 here, less than the 2 it claims in st:1 for a window, regions and "
        "weapons within these."
    ]


def test_other_actors_or_targets_count_other_things():
    first = drones("a", 12, "RU-KRS", window=NIGHT, actor="act:one")
    assert ce608(first, drones("b", 20, "RU-KRS", window=NIGHT, actor="act:two")) == []
    assert ce608(first, drones("b", 20, "RU-KRS", window=NIGHT, actor="act:one")) != []


def test_events_are_never_rival_totals():
    """Two events of 12 and 20 in one region and window are two events, not two totals."""
    first = drones("a", 12, "RU-KRS", window=NIGHT, grain=Grain.EVENT)
    second = drones("b", 20, "RU-KRS", window=NIGHT, grain=Grain.EVENT)
    assert ce608(first, second) == []
    assert ce608(first, drones("b", 20, "RU-KRS", window=NIGHT)) == []


# -- real data: UCDP GED rows read as events ------------------------------------------------

UCDP = DATA / "ucdp" / "UCDP-Ukraine.2023-06-23_f0821cc.csv"
UCDP_SOURCE = Source(id="src:ucdp", name="UCDP GED", kind="other")
ADM_1 = {
    "Donetsk oblast": "UA-14",
    "Luhansk oblast": "UA-09",
    "Kiev Special Republican city": "UA-30",
    "Dnipropetrovsk oblast": "UA-12",
    "Rostov oblast": "RU-ROS",
}
"""The first-level divisions the file names; a row without one is placed in its country."""


def _ucdp_statement(row: dict[str, str], grain: Grain) -> Statement:
    """One row as a statement of UCDP holding one claim: the best estimate of deaths."""
    start = datetime.fromisoformat(row["date_start"][:10])
    end = datetime.fromisoformat(row["date_end"][:10]) + timedelta(days=1)
    place = ADM_1.get(row["adm_1"]) or ("RU" if row["country"] == "Russia" else "UA")
    claim = Claim(
        id=f"c:ucdp-{row['id']}",
        kind=ClaimKind.CASUALTIES,
        quantity=Quantity.exact(int(row["best"])),
        counted=Counted.PERSON,
        regions=(place,),
        window=TimeWindow.between(start, end, tz="Europe/Kyiv"),
        grain=grain,
    )
    return Statement(
        id=f"st:ucdp-{row['id']}", source="src:ucdp", kind=StatementKind.REPORT, claims=(claim,)
    )


def _ucdp(grain: Grain) -> Report:
    if not UCDP.exists():
        pytest.skip(f"the UCDP file is absent: {UCDP}")
    with UCDP.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    statements = tuple(_ucdp_statement(row, grain) for row in rows)
    return Report(id="rep:ucdp", sources=(UCDP_SOURCE,), statements=statements)


def test_ucdp_rows_read_as_events_give_no_ce608_finding():
    """Separate events in one oblast are not rival totals: 0 findings on 3,077 rows."""
    events = _ucdp(Grain.EVENT)
    assert len(events.statements) == 3077
    assert codes(only(events, "CE608")) == []


def test_ucdp_rows_read_as_totals_are_compared():
    """The same rows read as bulletin totals are compared, so the grain is what silences them."""
    assert len(only(_ucdp(Grain.AGGREGATE), "CE608")) > 0


def test_windows_with_approximate_bounds_nest_in_none_but_the_same_window():
    """A conventional night may have been cut or shifted: it is compared only with itself."""
    night = msk((2025, 10, 30, 23), (2025, 10, 31, 8), approximate=True)
    part = msk((2025, 10, 31, 1), (2025, 10, 31, 7))
    assert (
        ce608(drones("a", 30, "RU-KRS", window=night), drones("b", 40, "RU-KRS", window=part)) == []
    )
    assert (
        ce608(drones("a", 40, "RU-KRS", window=part), drones("b", 30, "RU-KRS", window=night)) == []
    )
    assert ce608(
        drones("a", 12, "RU-KRS", window=night), drones("b", 20, "RU-KRS", window=night)
    ) == ["src:ru-mod claims 20 here but 12 in st:1 for the same window and regions."]


def launches(id: str, count: int, *origins: str) -> Claim:
    return drones(
        id,
        count,
        "UA",
        window=NIGHT,
        kind=ClaimKind.LAUNCH,
        counted=Counted.BALLISTIC_MISSILE,
        origins=origins,
    )


def test_launches_from_places_neither_containing_the_other_are_different_launches():
    """Three launched from Voronezh and Rostov, two from Rostov: different launches."""
    both, rostov = launches("a", 3, "RU-VOR", "RU-ROS"), launches("b", 2, "RU-ROS")
    assert ce608(both, rostov) == []
    assert ce608(launches("a", 3, "RU-VOR"), launches("b", 2, "RU-ROS")) == []
    assert ce608(launches("a", 3, "RU-VOR"), launches("b", 5, "RU-BEL", "RU-KRS")) == []


def test_launches_from_the_same_places_or_within_them_are_compared():
    assert ce608(launches("a", 3, "RU-ROS"), launches("b", 2, "RU-ROS")) == [
        "src:ru-mod claims 2 here but 3 in st:1 for the same window and regions."
    ]
    assert ce608(launches("a", 1, "RU-VOR", "RU-ROS"), launches("b", 2, "RU-ROS")) == [
        "src:ru-mod claims 2 here, more than the 1 it claims in st:1 for a window, regions, "
        "weapons and places of launch and aim that include these."
    ]
    assert ce608(launches("a", 1), launches("b", 2, "RU-ROS")) != []  # no origins: anywhere
