"""The missile-attacks CSV: every row a report (or a problem), with outcomes, places, weapons."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from conflict_events import formats, validate
from conflict_events.formats import missile_attacks as ma
from conflict_events.formats._csv import write_rows
from conflict_events.model import Claim, Outcome

DAILY = "missile_attacks/missile_attacks_daily.csv"
HEADER = [c for c in ma.COLUMNS if c != "affected region"] + ["affected region"]
BASE = {"time_start": "2024-12-27 23:00", "time_end": "2024-12-28 9:00", "model": "Shahed-136/131"}


def _file(path: Path, rows: list[dict[str, str]]) -> Path:
    write_rows(path, HEADER, [dict.fromkeys(HEADER, "") | r for r in rows])
    return path


def _outcomes(claim: Claim) -> dict[Outcome, int | None]:
    return {
        p.outcome: None if p.quantity is None else p.quantity.value  # type: ignore[misc]
        for p in claim.parts
        if p.outcome is not None
    }


def _count(text: str) -> int | None:
    return None if text.strip() in ("", "NaN") else int(float(text))


def test_every_real_row_is_represented_with_what_resolves(real: Callable[[str], Path]) -> None:
    path = real(DAILY)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    imp = formats.read(path, format="missile-attacks")
    reports = {int(r.id.rpartition("-")[2]): r for r in imp.reports()}
    lost = {p.record for p in imp.problems if not p.represented}
    assert imp.counts["records"] == len(rows)
    assert set(reports) | lost == set(range(1, len(rows) + 1))
    named: dict[tuple[int, str], str] = {}
    for p in imp.problems:
        named[(p.record, p.field)] = named.get((p.record, p.field), "") + p.message
    whole = 0
    for number, row in enumerate(rows, start=1):
        report = reports.get(number)
        if report is None:
            continue
        launch = report.statements[0].claims[0]
        ok = (
            launch.quantity is None
            if _count(row["launched"]) is None
            else (launch.quantity is not None and launch.quantity.value == _count(row["launched"]))
        )
        expected = {o: _count(row[c]) for c, o, _ in ma._OUTCOMES if _count(row[c]) is not None}
        ok = ok and _outcomes(launch) == expected
        for field, got, countries in (
            ("launch_place", launch.origins, ma.ORIGIN_COUNTRIES),
            ("target", launch.targets, ma.TARGET_COUNTRIES),
        ):
            for name in filter(None, (n.strip() for n in row[field].split(" and "))):
                said = repr(name) in named.get((number, field), "")
                ok = ok and (said or ma.resolve_place(name, countries) in got)
        for name in filter(None, (n.strip() for n in row["model"].split(" and "))):
            said = repr(name) in named.get((number, "model"), "")
            ok = ok and (said or set(ma.weapons.split(name)) <= set(launch.weapons))
        whole += ok
    assert whole / len(rows) >= 0.99, f"{whole} of {len(rows)} rows whole"


def test_the_shahed_row_of_27_december_2024_keeps_its_outcomes(
    real: Callable[[str], Path],
) -> None:
    reports = formats.read(real(DAILY), format="missile-attacks").reports()
    found = []
    for report in reports:
        launch = report.statements[0].claims[0]
        w = launch.window
        if (
            w is not None
            and w.local_start.replace(tzinfo=None) == datetime(2024, 12, 27, 23, 0)
            and ("shahed-136" in launch.weapons)
        ):
            found.append(launch)
    [launch] = found
    assert launch.quantity is not None
    assert launch.quantity.value == 16
    assert _outcomes(launch)[Outcome.DESTROYED] == 15
    assert _outcomes(launch)[Outcome.NOT_REACHED] == 11


def test_validation_finds_the_shahed_row_of_27_december_2024_and_no_other_outcome(
    real: Callable[[str], Path],
) -> None:
    path = real(DAILY)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    wanted = [
        n
        for n, r in enumerate(rows, start=1)
        if r["time_start"].strip() == "2024-12-27 23:00" and r["model"] == "Shahed-136/131"
    ]
    assert len(wanted) == 1
    result = validate(formats.read(path, format="missile-attacks").reports(), select="CE21")
    outcomes = [(f.code, f.report) for f in result if f.code in ("CE211", "CE212")]
    assert outcomes == [("CE211", f"missile-attacks:row-{wanted[0]}")]
    (finding,) = [f for f in result if f.code == "CE211"]
    assert "destroyed 15 + not reached 11 add up to 26, more than the 16 launched" in (
        finding.message
    )


def test_the_shapes_of_the_file_are_read(tmp_path: Path) -> None:
    rows = [
        BASE
        | {
            "model": "X-101/X-555 and Kalibr",
            "launch_place": "Kursk oblast and Black Sea",
            "target": "Kyiv oblast",
            "launched": "10.0",
            "destroyed": "8.0",
            "not_reach_goal": "NaN",
            "still_attacking": "1.0",
            "num_hit_location": "2.0",
            "num_fall_fragment_location": "3.0",
            "carrier": "11 x Tu-95MS and Navy",
            "is_shahed": "",
            "destroyed_details": "{'Kyiv oblast': 5, 'south': NaN}",
            "launched_details": "{'X-101/X-555': 6, 'Kalibr': 4}",
            "launch_place_details": "{'Kalibr': 'Black Sea'}",
            "affected region": "['Kyiv oblast']",
            "source": "kpszsu/posts/x",
        },
        {
            "time_start": "2023-05-16 ",
            "time_end": "2023-05-16",
            "model": "Unknown UAV",
            "launched": "4.0",
            "border_crossing": "{'belarus': 1.0}",
        },
    ]
    imp = formats.read(_file(tmp_path / "m.csv", rows), format="missile-attacks")
    first, second = imp.reports()
    launch, *carriers = first.statements[0].claims
    assert launch.weapons == ("kh-101", "kh-555", "kalibr")
    assert launch.origins == ("RU-KRS", "sea:black")
    assert launch.targets == ("UA-32",)
    assert launch.regions == ("UA-32",)
    assert _outcomes(launch) == {
        Outcome.DESTROYED: 8,
        Outcome.AIRBORNE: 1,
        Outcome.HIT: 2,
        Outcome.FELL: 3,
    }
    destroyed = next(p for p in launch.parts if p.outcome is Outcome.DESTROYED)
    assert [(p.quote, p.regions) for p in destroyed.parts] == [
        ("Kyiv oblast", ("UA-32",)),
        ("south", ()),
    ]
    details = [p for p in launch.parts if p.id.startswith("c:launched-")]
    assert [(p.weapons, p.origins) for p in details] == [
        (("kh-101", "kh-555"), ()),
        (("kalibr",), ("sea:black",)),
    ]
    assert [(c.quantity.value if c.quantity else None, c.quote) for c in carriers] == [
        (11, "Tu-95MS"),
        (None, "Navy"),
    ]
    assert first.url == "kpszsu/posts/x"
    w = second.statements[0].claims[0].window
    assert w is not None
    assert w.local_start.replace(tzinfo=None) == datetime(2023, 5, 16)
    assert w.local_end.replace(tzinfo=None) == datetime(2023, 5, 17)
    assert w.precision.value == "day"
    fields = {(p.record, p.field) for p in imp.problems}
    assert (1, "destroyed_details") in fields  # "south" is no place in Ukraine
    assert (2, "border_crossing") in fields
    assert all(p.represented for p in imp.problems)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"launched": "2.5"}, "launched"),
        ({"launched": "many"}, "launched"),
        ({"time_start": "27.12.2024"}, "time_start"),
        ({"time_start": "2024-12-27 25:00"}, "time_start"),
        ({"time_end": "2024-12-26"}, "time_end"),
        ({"time_start": "2024-03-31 3:30", "time_end": "2024-03-31 5:00"}, "time_start"),
        ({"destroyed_details": "{'south': }"}, "destroyed_details"),
        ({"destroyed_details": "['south']"}, "destroyed_details"),
        ({"launched_details": "{'Kalibr': 2.5}"}, "launched_details"),
        ({"affected region": "'Kyiv oblast'"}, "affected region"),
    ],
)
def test_values_the_model_cannot_hold_are_problems(
    tmp_path: Path, change: dict[str, str], field: str
) -> None:
    imp = formats.read(_file(tmp_path / "m.csv", [BASE | change]), format="missile-attacks")
    assert imp.reports() == []
    assert [(p.record, p.line, p.field, p.represented) for p in imp.problems] == [
        (1, 2, field, False)
    ]


def test_literals_are_read_without_evaluating_code() -> None:
    assert ma.read_literal("{'a': -1, 'b': [1.5, 'x']}") == {"a": -1, "b": [1.5, "x"]}
    with pytest.raises(ValueError, match="not a Python literal"):
        ma.read_literal("{'a': ")
    with pytest.raises(ValueError, match="not a literal"):
        ma.read_literal("{**x}")
    with pytest.raises(ValueError, match="not a literal"):
        ma.read_literal("-'a'")


def test_places_resolve_only_within_the_countries_asked() -> None:
    with pytest.raises(ma.LookupFailed):
        ma.resolve_place("south", ma.TARGET_COUNTRIES)  # a Cameroonian region elsewhere
    assert ma.resolve_place("Kharkiv oblast, Kharkiv", ma.TARGET_COUNTRIES) == "ua:kharkiv"
    assert ma.resolve_place("Kharkiv oblast", ma.TARGET_COUNTRIES) == "UA-63"
