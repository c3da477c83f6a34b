"""Place names of real datasets: none lands outside the war's countries, directions stay directions.

Reads ``../shared/data`` beside the repository through ``benchmarks/places.py`` and skips when
the data is absent.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conflict_events.reference import gazetteer
from conflict_events.reference._index import read_data

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data"


def _places() -> ModuleType:
    """``benchmarks/places.py``, loaded once (its dataclass needs it in ``sys.modules``)."""
    name = "conflict_events_bench_places"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "places.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def tallies() -> dict[str, object]:
    if not (DATA / "missile_attacks").is_dir() or not (DATA / "ucdp").is_dir():
        pytest.skip("the shared missile-attacks and UCDP data are absent")
    result: dict[str, object] = _places().measure(DATA)
    return result


def test_no_name_of_the_datasets_resolves_outside_the_conflict(tallies: dict[str, object]):
    places = _places()
    assert set(tallies) == {
        "missile_attacks.launch_place",
        "missile_attacks.target",
        "ucdp.adm_1",
        "ucdp.adm_2",
        "ucdp.country",
    }
    for column, tally in tallies.items():
        assert tally.distinct(places.OUTSIDE) == [], column  # type: ignore[attr-defined]
        assert tally.distinct(places.COUNTRY) == [], column  # type: ignore[attr-defined]


def test_the_direction_words_of_the_missile_data_come_back_as_directions(
    tallies: dict[str, object],
):
    places = _places()
    target = tallies["missile_attacks.target"]
    found = set(target.distinct(places.DIRECTION))  # type: ignore[attr-defined]
    assert {"south", "east", "north", "west", "center", "south-east", "north-east"} <= found
    assert target.mentions[places.DIRECTION] > 1000  # type: ignore[attr-defined]


def test_most_mentions_resolve_and_the_regions_resolve_to_their_own_ids(
    tallies: dict[str, object],
):
    places = _places()
    launch = tallies["missile_attacks.launch_place"]
    assert launch.ids["Kursk oblast"] == ("RU-KRS",)  # type: ignore[attr-defined]
    assert launch.ids["Black Sea"] == ("sea:black",)  # type: ignore[attr-defined]
    assert launch.ids["Chauda, Crimea"] == ("ua:chauda",)  # type: ignore[attr-defined]
    assert launch.ids["Millerovo"] == ("ru:millerovo",)  # type: ignore[attr-defined]
    ucdp = tallies["ucdp.adm_1"]
    assert ucdp.ids["Kiev Special Republican city"] == ("UA-30",)  # type: ignore[attr-defined]
    assert ucdp.distinct(places.UNRESOLVED) == []  # type: ignore[attr-defined]
    target = tallies["missile_attacks.target"]
    assert target.names["Odesa oblast"] == places.RESOLVED  # type: ignore[attr-defined]


def _share(tally: object, outcomes: tuple[str, ...]) -> float:
    mentions = tally.mentions  # type: ignore[attr-defined]
    return sum(mentions[o] for o in outcomes) / sum(mentions.values())


@pytest.mark.parametrize("column", ["launch_place", "target"])
def test_at_least_95_percent_of_the_missile_mentions_are_a_place_or_a_direction(
    tallies: dict[str, object], column: str
):
    places = _places()
    tally = tallies[f"missile_attacks.{column}"]
    assert _share(tally, (places.RESOLVED, places.DIRECTION)) >= 0.95
    assert _share(tally, (places.OUTSIDE, places.COUNTRY)) == 0


def test_the_ucdp_second_level_names_resolve_to_districts_of_their_first_level(
    tallies: dict[str, object],
):
    places = _places()
    adm2 = tallies["ucdp.adm_2"]
    assert adm2.distinct(places.UNRESOLVED) == []  # type: ignore[attr-defined]
    assert adm2.ids["Yasynuvata raion"] == ("ua:yasynuvata-raion",)  # type: ignore[attr-defined]
    for ids in adm2.ids.values():  # type: ignore[attr-defined]
        (region,) = (gazetteer.get(i) for i in ids)
        assert region.kind.value == "district"
        assert gazetteer.within(region.id, ["UA-14", "UA-09", "UA-12", "RU-ROS"])


def _gold_regions() -> set[str]:
    path = DATA / "mod_russia" / "gold-2023-2024.jsonl"
    if not path.exists():
        pytest.skip("the MoD gold set is absent")
    ids: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        for claim in json.loads(line)["claims"]:
            for part in claim.get("parts", []):
                for item in part.get("regions_iso", []):
                    ids.update(item if isinstance(item, list) else [item])
    return ids


def test_every_region_the_mod_bulletins_name_has_names_in_eight_languages():
    names = read_data("exonyms.json")["names"]
    missing = sorted(i for i in _gold_regions() if i not in names)
    assert missing == []


def test_every_region_the_annotated_bulletins_name_resolves_in_eight_languages():
    path = DATA / "bulletins" / "bulletins-dev.jsonl"
    if not path.exists():
        pytest.skip("the annotated bulletins are absent")
    named: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        for part in json.loads(line).get("parts", []):
            named.update(part.get("regions_en") or [])
    ids = {gazetteer.lookup(n).id for n in named}
    assert len(ids) == len(named)
    names = read_data("exonyms.json")["names"]
    assert sorted(i for i in ids if i not in names) == []
    languages = {"de", "fr", "es", "it", "pl", "bg", "hi", "zh"}
    for id_ in ids:
        assert languages <= {c.removesuffix("_adj") for c in names[id_]}, id_
