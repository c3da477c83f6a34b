"""The weapon names a real dataset writes resolve, and none to a sibling the name does not say.

The dataset is the "Massive Missile Attacks on Ukraine" CSV in
``<repo>/../shared/data/missile_attacks/``; the test that reads it skips when it is absent. The
measuring code is ``benchmarks/weapon_names.py``, loaded here so the figures it prints and the
figures asserted are one computation.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import conflict_events as ce
from conflict_events.reference import WeaponCatalogue, weapons

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "weapon_names.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("weapon_names", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["weapon_names"] = module
    spec.loader.exec_module(module)
    return module


names = _load()


def test_the_datasets_weapon_names_resolve_without_siblings() -> None:
    """At least 95 % of rows resolve, and no name resolves to a sibling it does not name."""
    if not names.CSV.is_file():
        pytest.skip(f"the missile attacks dataset is not here: {names.CSV} is absent")
    tally = names.tally(names.read_models(names.CSV))
    assert tally.share >= 0.95, names.report(tally)
    assert tally.siblings == [], names.report(tally)
    assert not tally.ambiguous, tally.ambiguous
    # Every part resolves by one of its system's own names, never by a suggestion.
    for parts in tally.resolved.values():
        for name, id_ in parts:
            assert id_ in weapons.candidates(name), (name, id_)


@pytest.mark.parametrize(
    ("name", "id_", "expected"),
    [
        ("X-59MK2", "kh-59", True),
        ("Kh-31PD", "kh-31p", True),
        ("X-59", "kh-59mk2", True),
        ("Orlan-10", "orlan-30", False),
        ("X-59MK2", "kh-59mk2", False),
        ("X-59", "kh-59", False),
        ("Orlan", "orlan-10", False),
        ("Молнія", "molniya", False),
    ],
)
def test_sibling_rule(name: str, id_: str, expected: bool) -> None:
    assert names.sibling(name, id_) is expected


def test_tally_counts_names_and_rows() -> None:
    tally = names.tally(["X-101/X-555", "X-101/X-555", "Geran", "Qwerty-9", "C-300 "])
    assert tally.resolved == {
        "X-101/X-555": (("X-101", "kh-101"), ("X-555", "kh-555")),
        "C-300": (("C-300", "s-300"),),
    }
    assert list(tally.ambiguous) == ["Geran"]
    assert list(tally.unknown) == ["Qwerty-9"]
    assert tally.share == pytest.approx(3 / 5)
    assert tally.siblings == []
    assert names.tally([]).share == 0.0
    text = names.report(tally)
    assert "resolved 2, ambiguous 1, unknown 1" in text
    assert "60.0%" in text


def test_a_sibling_alias_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """An alias that puts a newer variant's name on the older system is caught."""
    cat = WeaponCatalogue()
    cat.register(
        ce.WeaponSystem(id="kh-59", name="Kh-59", category="cruise_missile", aliases=("Kh-59MK2",))
    )
    monkeypatch.setattr(names, "weapons", cat)
    tally = names.tally(["X-59MK2"])
    assert tally.siblings == [("X-59MK2", "X-59MK2", "kh-59")]
    assert "SIBLING" in names.report(tally)


def test_main_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.csv"
    good.write_text("model,launched\nShahed-136/131,3\nX-47 Kinzhal,1\n", encoding="utf-8")
    assert names.main(["--csv", str(good)]) == 0
    assert "rows whose weapons resolve: 100.0%" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("model,launched\nQwerty-9,3\n", encoding="utf-8")
    assert names.main(["--csv", str(bad)]) == 1
    assert names.main(["--csv", str(tmp_path / "absent.csv")]) == 2
    assert "no data at" in capsys.readouterr().err
