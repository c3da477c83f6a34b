"""The library on real data, through ``benchmarks/realdata.py``.

The mapping of the script is tested on rows written here; the figures on the datasets in
``../shared/data`` beside the repository, skipping when that folder is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType

import pytest

from conflict_events import (
    Claim,
    ClaimKind,
    Counted,
    Precision,
    Quantity,
    Report,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    TimeWindow,
    WeaponCategory,
    validate,
)
from conflict_events.validation import Finding, Severity

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data"


def _load() -> ModuleType:
    name = "conflict_events_benchmark_realdata"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "realdata.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the class is built
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def realdata() -> ModuleType:
    """The benchmark script, whose mapping the tests share."""
    return _load()


# -- the script's mapping, on rows written here ------------------------------------------


def test_a_bare_date_gives_an_approximate_day_window(realdata: ModuleType):
    exact = realdata.missile_window("2025-10-03 18:00", "2025-10-04 09:00")
    assert (exact.precision, exact.approximate) == (Precision.MINUTE, False)
    assert exact.local_start.hour == 18
    bare = realdata.missile_window("2025-10-03", "2025-10-04 09:00")
    assert (bare.precision, bare.approximate) == (Precision.DAY, True)
    day = realdata.missile_window("2025-10-03", "2025-10-03")
    assert (day.local_start.day, day.local_end.day, day.local_end.hour) == (3, 4, 0)
    with pytest.raises(ValueError, match="not a date"):
        realdata.missile_window("3 Oct", "")


def test_a_model_the_catalogue_lacks_is_its_own_weapon(realdata: ModuleType):
    table = {"GBU": WeaponCategory.GLIDE_BOMB, "Zeta-7 and Iskander-M": WeaponCategory.OTHER}
    ids, own = realdata.row_weapons("Iskander-M/KN-23", table)
    assert (ids, own) == (("iskander-m", "kn-23"), ())
    ids, own = realdata.row_weapons("GBU", table)
    assert ids == ("model-gbu",)
    assert [(w.name, w.category) for w in own] == [("GBU", WeaponCategory.GLIDE_BOMB)]
    ids, own = realdata.row_weapons("Zeta-7 and Iskander-M", table)
    assert ids == ("model-zeta-7", "iskander-m")
    assert own[0].category is WeaponCategory.OTHER
    ids, own = realdata.row_weapons("Зета", {})
    assert ids[0].startswith("model-")
    assert len(ids[0]) == len("model-") + 10
    assert own[0].category is WeaponCategory.OTHER


def test_what_a_row_counts(realdata: ModuleType):
    uav = realdata.row_weapons("Unknown UAV", {"Unknown UAV": WeaponCategory.UAV})
    assert realdata._counted(*uav) is Counted.UAV
    assert realdata._counted(("shahed-136", "kalibr"), ()) is Counted.OTHER
    assert realdata._counted(("kalibr", "iskander-m"), ()) is Counted.MISSILE


def test_different_models_of_one_source_are_not_rival_totals(realdata: ModuleType):
    rows = [
        {
            "time_start": "2024-01-02 06:00",
            "time_end": "2024-01-02 09:00",
            "model": model,
            "launch_place": "",
            "target": "Ukraine",
            "launched": launched,
            "destroyed": "0.0",
            "source": f"kpszsu/posts/{post}",
        }
        for model, launched, post in (("X-47 Kinzhal", "10.0", "a"), ("X-31P", "4.0", "b"))
    ]
    table = {"X-47 Kinzhal": WeaponCategory.BALLISTIC_MISSILE}
    dataset = realdata.missile_dataset(
        rows, table, realdata.places.Tally(), realdata.places.Tally()
    )
    assert len(dataset.reports) == 2
    assert [f.code for f in validate(dataset.reports) if f.code == "CE608"] == []
    same = [dict(rows[0], launched="4.0", source="kpszsu/posts/b"), rows[0]]
    dataset = realdata.missile_dataset(
        same, table, realdata.places.Tally(), realdata.places.Tally()
    )
    assert [f.code for f in validate(dataset.reports, select="CE608")] == ["CE608"]  # 4 vs 10


def test_ucdp_rows_are_events_with_their_date_precision(realdata: ModuleType):
    row = {
        "id": "1",
        "date_start": "2014-10-01 00:00:00.000",
        "date_end": "2014-10-31 00:00:00.000",
        "date_prec": "4",
        "adm_1": "Donetsk oblast",
        "adm_2": "",
        "best": "7",
        "low": "6",
        "high": "9",
        "where_description": "",
    }
    twin = dict(row, id="2", best="20", low="20", high="20")
    odd = dict(row, id="3", low="8", high="6")
    dataset = realdata.ucdp_dataset([row, twin, odd], realdata.places.Tally())
    claims = [r.statements[0].claims[0] for r in dataset.reports]
    assert [c.regions for c in claims] == [("UA-14",)] * 3
    assert claims[0].window.precision is Precision.MONTH
    assert (claims[0].quantity.value, claims[0].quantity.low, claims[0].quantity.high) == (7, 6, 9)
    assert claims[2].quantity == Quantity.exact(7)
    assert dataset.notes["row 3: low, best, high out of order (best kept as exact)"] == 1
    codes = {f.code for f in validate(dataset.reports)}
    assert "CE608" not in codes
    assert "CE303" not in codes


def test_a_cut_after_a_sentence_is_written_down(realdata: ModuleType):
    whole = "x" * (realdata.windows.SNIPPET - 1) + "."
    assert realdata.marked_cut(whole) == whole + "…"
    mid = "x" * realdata.windows.SNIPPET
    assert realdata.marked_cut(mid) == mid
    assert realdata.marked_cut("Short.") == "Short."


def _finding(code: str, n: int) -> Finding:
    return Finding(code=code, severity=Severity.INFO, message=f"{code} {n}", path="", ids=())


def test_the_sample_is_spread_and_fixed(realdata: ModuleType):
    finding = _finding
    found = {
        realdata.MOD: [finding("CE203", n) for n in range(10)] + [finding("CE302", 0)],
        realdata.UCDP: [finding("CE402", n) for n in range(10)],
    }
    first = realdata.sample(found, 5, 10)
    assert first == realdata.sample(found, 5, 10)
    assert {(name, f.code) for name, f in first} == {
        (realdata.MOD, "CE203"),
        (realdata.MOD, "CE302"),
        (realdata.UCDP, "CE402"),
    }
    assert len(realdata.sample(found, 100, 10)) == 21


def test_the_mod_mapping_declares_its_sources_and_actors(realdata: ModuleType):
    text = (
        "В течение прошедшей ночи дежурными средствами ПВО перехвачены и уничтожены "
        "12 украинских беспилотных летательных аппаратов над территорией Курской области."
    )
    twice = [realdata.windows.Post(datetime(2024, 5, 1, 5, tzinfo=timezone.utc), text)] * 2
    dataset = realdata.mod_dataset(twice)
    assert [r.statements[0].id for r in dataset.reports] == [
        "st:ru-mod-20240501T0500",
        "st:ru-mod-20240501T0500-2",
    ]
    assert {f.code for f in validate(dataset.reports)} <= {"CE402", "CE608"}
    assert not [f for f in validate(dataset.reports) if f.code.startswith("CE1")]


def test_findings_planted_in_bulletins_are_still_caught():
    source = Source(id="src:ru-mod", name="MoD", kind=SourceKind.MINISTRY)

    def bulletin(n: int, count: int) -> Report:
        window = TimeWindow.between(
            datetime(2024, 5, 1, 20), datetime(2024, 5, 1, 23), tz="Europe/Moscow"
        )
        claim = Claim(
            id="c:1",
            kind=ClaimKind.INTERCEPTION,
            quantity=Quantity.exact(count),
            counted=Counted.UAV,
            regions=("RU-KRS",),
            window=window,
        )
        st = Statement(id=f"st:{n}", source=source.id, kind=StatementKind.BULLETIN, claims=(claim,))
        return Report(id=f"rep:{n}", sources=(source,), statements=(st,))

    found = validate([bulletin(1, 12), bulletin(2, 20)], select="CE608")
    assert [f.code for f in found] == ["CE608"]


# -- the figures on the real datasets ------------------------------------------------------

needs_data = pytest.mark.skipif(
    not all((DATA / d).is_dir() for d in ("mod_russia", "missile_attacks", "ucdp")),
    reason=f"the real datasets are absent ({DATA} not found)",
)


@pytest.fixture(scope="module")
def measured(
    realdata: ModuleType,
) -> tuple[list[object], dict[str, object], dict[str, list[object]]]:
    datasets, tallies = realdata.load(DATA, None)
    found = {d.name: realdata.findings(d) for d in datasets}
    return datasets, tallies, found


@needs_data
def test_no_window_phrase_is_read_wrong_and_all_parse(realdata: ModuleType):
    posts = list(realdata.windows.read_posts(DATA / "mod_russia" / "posts-2023-2024.csv"))
    _, wrong = realdata.window_figures(posts)
    assert wrong == 0
    outcomes = realdata.windows.read_phrases(posts)
    readable = [o for o in outcomes if not (o.window is None and o.cut)]
    parsed = [o for o in readable if o.window is not None]
    assert len(parsed) >= 0.99 * len(readable)
    assert len(outcomes) > 2000


@needs_data
def test_no_name_resolves_outside_the_conflict(realdata: ModuleType, measured: tuple):
    _, tallies, _ = measured
    _, outside = realdata.place_figures(tallies)
    assert outside == 0
    for tally in tallies.values():
        assert not tally.distinct(realdata.places.COUNTRY)
    target = tallies[f"{realdata.MISSILES} target"]
    assert {"south", "east", "north"} <= set(target.distinct(realdata.places.DIRECTION))


@needs_data
def test_ce608_is_quiet_on_events_and_on_different_weapons(realdata: ModuleType, measured: tuple):
    _, _, found = measured
    assert [f for f in found[realdata.UCDP] if f.code == "CE608"] == []
    assert [f for f in found[realdata.MOD] if f.code == "CE608"] == []
    missiles = [f for f in found[realdata.MISSILES] if f.code == "CE608"]
    assert len(missiles) <= 1  # one pair of posts with different launch places; see docs


@needs_data
def test_ce302_never_fires_on_a_conventional_bound(realdata: ModuleType, measured: tuple):
    datasets, _, found = measured
    statements = {
        s.id: s for d in datasets if d.name == realdata.MOD for r in d.reports for s in r.statements
    }
    ce302 = [f for f in found[realdata.MOD] if f.code == "CE302"]
    assert len(ce302) <= 1
    for f in ce302:
        statement = statements[f.ids[0]]
        claim = next(c for c in statement.claims if c.id == f.ids[1])
        assert claim.window is not None
        assert not claim.window.approximate


@needs_data
def test_the_script_runs_with_a_limit(realdata: ModuleType, capsys: pytest.CaptureFixture[str]):
    assert realdata.main(["--data", str(DATA), "--limit", "200", "--sample", "5"]) == 0
    out = capsys.readouterr().out
    assert "== 5 findings chosen with seed 10" in out
    assert "window phrases found" in out
