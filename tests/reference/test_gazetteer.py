"""The gazetteer resolves the names reports use to ISO and curated ids, and says when it cannot."""

from __future__ import annotations

import json
import subprocess
import sys

import pycountry
import pytest

import conflict_events as ce
from conflict_events.reference import Gazetteer, gazetteer
from conflict_events.reference._index import read_data

# -- the alias table ------------------------------------------------------------------------
# (name as written, the id it must resolve to)

RESOLVES = [
    # English names and their variants
    ("Belgorod", "RU-BEL"),
    ("Belgorod Oblast", "RU-BEL"),
    ("Belgorod Region", "RU-BEL"),
    ("belgorod  oblast", "RU-BEL"),
    ("Belgorodskaya oblast'", "RU-BEL"),
    ("Oryol", "RU-ORL"),
    ("Orel", "RU-ORL"),
    ("Orlov", "RU-ORL"),
    ("Oryol Region", "RU-ORL"),
    ("Orel Oblast", "RU-ORL"),
    ("Ryazan", "RU-RYA"),
    ("Riazan", "RU-RYA"),
    ("Yaroslavl", "RU-YAR"),
    ("Iaroslavl", "RU-YAR"),
    ("Jaroslavl Oblast", "RU-YAR"),
    ("Kursk Regions", "RU-KRS"),
    ("Tver regions", "RU-TVE"),
    ("Rostov-on-Don", "RU-ROS"),
    ("Rostov on Don", "RU-ROS"),
    ("Nizhny Novgorod Oblast", "RU-NIZ"),
    ("Novgorod Region", "RU-NGR"),
    ("Krasnodar Krai", "RU-KDA"),
    ("Krasnodar Territory", "RU-KDA"),
    ("Kuban", "RU-KDA"),
    ("Republic of Tatarstan", "RU-TA"),
    ("Bashkiria", "RU-BA"),
    ("Yamalo-Nenets Autonomous Okrug", "RU-YAN"),
    ("Jewish Autonomous Oblast", "RU-YEV"),
    ("St. Petersburg", "RU-SPE"),
    ("the Moscow region", "RU-MOS"),
    ("the Moscow Region", "RU-MOS"),
    ("Moscow Oblast", "RU-MOS"),
    ("Moscow", "RU-MOW"),
    ("Moscow City", "RU-MOW"),
    ("Moscow (city)", "RU-MOW"),
    ("Kyiv", "UA-30"),
    ("Kiev", "UA-30"),
    ("Kyiv Oblast", "UA-32"),
    ("Kharkov Region", "UA-63"),
    ("Zaporizhzhia", "UA-23"),
    ("Zaporozhye Oblast", "UA-23"),
    ("Zaporizhzhya", "UA-23"),
    ("Khmelnytskyi", "UA-68"),
    ("Khmelnytskyy Oblast", "UA-68"),
    ("Odessa", "UA-51"),
    ("Crimea", "UA-43"),
    ("Republic of Crimea", "UA-43"),
    ("Sevastopol", "UA-40"),
    ("Donetsk People's Republic", "UA-14"),
    ("occupied Donetsk Oblast", "area:ua-14-ru-controlled"),
    ("Russian-occupied Kherson Oblast", "area:ua-65-ru-controlled"),
    # Russian case forms
    ("Белгородская область", "RU-BEL"),
    ("Белгородской области", "RU-BEL"),
    ("Белгородской", "RU-BEL"),
    ("над Белгородской областью", "RU-BEL"),
    ("над территорией Курской области", "RU-KRS"),
    ("Орловской", "RU-ORL"),
    ("Орёл", "RU-ORL"),
    ("Ярославской", "RU-YAR"),
    ("в Ростовской области", "RU-ROS"),
    ("Краснодарского края", "RU-KDA"),
    ("над Краснодарским краем", "RU-KDA"),
    ("Республикой Крым", "UA-43"),
    ("в Республике Крым", "UA-43"),
    ("Московским регионом", "RU-MOS"),
    ("Московском регионе", "RU-MOS"),
    ("над Подмосковьем", "RU-MOS"),
    ("на Москву", "RU-MOW"),
    ("на столицу", "RU-MOW"),
    ("Татарстаном", "RU-TA"),
    ("ДНР", "UA-14"),
    ("Запорожской области", "UA-23"),
    ("акваторией Азовского моря", "sea:azov"),
    ("над акваторией Черного моря", "sea:black"),
    ("над Чёрным морем", "sea:black"),
    ("Каспийским морем", "sea:caspian"),
    # Ukrainian case forms
    ("Бєлгородська область", "RU-BEL"),
    ("Бєлгородською", "RU-BEL"),
    ("Бєлгородської області", "RU-BEL"),
    ("Курською", "RU-KRS"),
    ("Воронезькою", "RU-VOR"),
    ("Орловською", "RU-ORL"),
    ("Брянській області", "RU-BRY"),
    ("Краснодарському краї", "RU-KDA"),
    ("акваторією Азовського моря", "sea:azov"),
    ("над Чорним морем", "sea:black"),
    ("Київщина", "UA-32"),
    ("на Київщині", "UA-32"),
    ("Харківською областю", "UA-63"),
    ("Криму", "UA-43"),
    # seas in English
    ("Sea of Azov", "sea:azov"),
    ("over the Sea of Azov", "sea:azov"),
    ("Black Sea", "sea:black"),
    ("waters of the Black Sea", "sea:black"),
    ("Caspian Sea", "sea:caspian"),
    # countries, and ids given as names
    ("Russia", "RU"),
    ("Россия", "RU"),
    ("Україна", "UA"),
    ("Iran", "IR"),
    ("RU-BEL", "RU-BEL"),
    ("sea:azov", "sea:azov"),
]


@pytest.mark.parametrize(("name", "expected"), RESOLVES)
def test_name_resolves_to_its_id(name: str, expected: str) -> None:
    assert gazetteer.lookup(name).id == expected


AMBIGUOUS = [
    ("Altai", {"RU-AL", "RU-ALT"}),
    ("Altay", {"RU-AL", "RU-ALT"}),
    ("Georgia", {"GE", "US-GA"}),
    ("Punjab", {"IN-PB", "PK-PB"}),
    ("Limburg", {"BE-VLI", "NL-LI"}),
]


@pytest.mark.parametrize(("name", "ids"), AMBIGUOUS)
def test_ambiguous_name_lists_its_candidates(name: str, ids: set[str]) -> None:
    with pytest.raises(ce.AmbiguousName) as caught:
        gazetteer.lookup(name)
    assert set(caught.value.candidates) == ids
    for id_ in ids:
        assert id_ in str(caught.value)


UNKNOWN = [
    ("Orell", "Oryol"),
    ("Belgorodd", "Belgorod"),
    ("Voronez Oblast", "Voronezh Oblast"),
    ("Kursk Oblastt", "Kursk Oblast"),
    ("Sea of Azof", "Sea of Azov"),
    ("Tambovskaya", "Tambovskaya oblast'"),
]


@pytest.mark.parametrize(("name", "near"), UNKNOWN)
def test_unknown_name_fails_with_nearest_names(name: str, near: str) -> None:
    with pytest.raises(ce.LookupFailed) as caught:
        gazetteer.lookup(name)
    assert not isinstance(caught.value, ce.AmbiguousName)
    assert near in caught.value.suggestions
    assert repr(near) in str(caught.value)


def test_alias_table_has_at_least_eighty_cases() -> None:
    assert len(RESOLVES) + len(AMBIGUOUS) + len(UNKNOWN) >= 80


def test_name_with_nothing_close_fails_without_suggestions() -> None:
    with pytest.raises(ce.LookupFailed) as caught:
        gazetteer.lookup("zzzzqqqq")
    assert caught.value.suggestions == ()
    assert "zzzzqqqq" in str(caught.value)


def test_empty_name_fails() -> None:
    with pytest.raises(ce.LookupFailed):
        gazetteer.lookup("the")


def test_lookup_rejects_a_non_string() -> None:
    with pytest.raises(TypeError):
        gazetteer.lookup(42)  # type: ignore[arg-type]


# -- ids and status -------------------------------------------------------------------------


def test_crimea_reports_who_administers_and_who_claims_it() -> None:
    crimea = gazetteer.get("UA-43")
    assert crimea.country == "UA"
    assert crimea.administered_by == "RU"
    assert crimea.claimed_by == ("UA", "RU")
    assert crimea.disputed
    assert "2014" in (gazetteer.note("UA-43") or "")


def test_sevastopol_is_disputed_like_crimea() -> None:
    sevastopol = gazetteer.get("UA-40")
    assert (sevastopol.administered_by, sevastopol.claimed_by) == ("RU", ("UA", "RU"))
    assert sevastopol.kind is ce.RegionKind.CITY


@pytest.mark.parametrize("oblast", ["UA-09", "UA-14", "UA-23", "UA-65"])
def test_oblasts_russia_claimed_in_2022_carry_the_claim_and_a_held_area(oblast: str) -> None:
    region = gazetteer.get(oblast)
    assert region.claimed_by == ("UA", "RU")
    assert region.disputed
    area = gazetteer.get(f"area:ua-{oblast[3:]}-ru-controlled")
    assert area.kind is ce.RegionKind.AREA
    assert (area.parent, area.country, area.administered_by) == (oblast, "UA", "RU")
    assert area.claimed_by == ("UA", "RU")
    assert gazetteer.within(area.id, oblast)


def test_an_undisputed_region_is_not_disputed() -> None:
    assert not gazetteer.get("RU-BEL").disputed
    assert not gazetteer.get("UA-46").disputed


def test_seas_have_namespaced_ids_and_no_country() -> None:
    for id_, name in [
        ("sea:black", "Black Sea"),
        ("sea:azov", "Sea of Azov"),
        ("sea:caspian", "Caspian Sea"),
    ]:
        sea = gazetteer.get(id_)
        assert (sea.name, sea.kind, sea.country) == (name, ce.RegionKind.SEA, None)


def test_get_unknown_id_fails_and_suggests_the_right_case() -> None:
    with pytest.raises(ce.LookupFailed) as caught:
        gazetteer.get("ru-bel")
    assert caught.value.suggestions == ("RU-BEL",)
    with pytest.raises(ce.LookupFailed) as caught:
        gazetteer.get("XX-NOPE")
    assert caught.value.suggestions == ()
    with pytest.raises(ce.LookupFailed):
        gazetteer.get(7)  # type: ignore[arg-type]


def test_get_returns_the_same_object_each_time() -> None:
    assert gazetteer.get("RU-KRS") is gazetteer.get("RU-KRS")


def test_curated_region_carries_english_russian_and_ukrainian_names() -> None:
    kursk = gazetteer.get("RU-KRS")
    assert kursk.name == "Kursk Oblast"
    assert (kursk.kind, kursk.country, kursk.parent) == (ce.RegionKind.SUBDIVISION, "RU", "RU")
    for alias in ["Kursk", "Курская область", "Курской области", "Курська область", "Курською"]:
        assert alias in kursk.aliases


def test_every_iso_country_and_subdivision_is_present() -> None:
    for country in pycountry.countries:
        assert country.alpha_2 in gazetteer
    for sub in pycountry.subdivisions:
        assert sub.code in gazetteer
    assert len(gazetteer) >= len(pycountry.countries) + len(pycountry.subdivisions)
    assert "XX-ZZZ" not in gazetteer
    assert 5 not in gazetteer


def test_iso_subdivision_keeps_iso_name_and_hierarchy() -> None:
    region = gazetteer.get("AZ-BAB")
    assert (region.kind, region.country, region.parent) == (
        ce.RegionKind.SUBDIVISION,
        "AZ",
        "AZ-NX",
    )
    assert gazetteer.within("AZ-BAB", "AZ")


def test_iso_country_carries_its_official_names() -> None:
    iran = gazetteer.get("IR")
    assert iran.name == "Iran"
    assert iran.kind is ce.RegionKind.COUNTRY
    assert "Islamic Republic of Iran" in iran.aliases
    assert "Иран" in iran.aliases


def test_iteration_lists_every_id() -> None:
    ids = list(gazetteer)
    assert len(ids) == len(gazetteer)
    assert {"RU-BEL", "sea:azov", "UA"} <= set(ids)


def test_stats_count_regions_curated_entries_and_names() -> None:
    stats = gazetteer.stats()
    assert stats["regions"] == len(gazetteer)
    assert stats["curated"] >= 83 + 27 + 4 + 4
    assert stats["names"] > stats["regions"]


# -- conventions ----------------------------------------------------------------------------


def test_moscow_convention_city_inside_region() -> None:
    assert gazetteer.lookup("Moscow").id == "RU-MOW"
    assert gazetteer.lookup("the Moscow region").id == "RU-MOS"
    assert gazetteer.within("RU-MOW", "RU-MOS")
    assert not gazetteer.within("RU-MOS", "RU-MOW")
    assert "RU-MOW" in (gazetteer.note("RU-MOS") or "")


def test_enclosures_follow_parents_and_curated_links() -> None:
    assert gazetteer.within("UA-40", "UA-43")
    assert gazetteer.within("UA-30", "UA-32")
    assert gazetteer.within("UA-40", "UA")
    assert gazetteer.within("RU-BEL", "RU-BEL")
    assert not gazetteer.within("RU-BEL", "UA")
    assert not gazetteer.within("sea:azov", "RU")
    assert not gazetteer.within("nowhere:at-all", "RU")


def test_capital_resolves_by_country_and_defaults_to_moscow() -> None:
    assert gazetteer.lookup("the capital").id == "RU-MOW"
    assert gazetteer.lookup("столица").id == "RU-MOW"
    assert gazetteer.lookup("the capital", country="RU").id == "RU-MOW"
    assert gazetteer.lookup("столиця", country="UA").id == "UA-30"
    assert gazetteer.lookup("the capital", country="BY").id == "BY-HM"
    with pytest.raises(ce.LookupFailed):
        gazetteer.lookup("the capital", country="FR")
    with pytest.raises(ce.LookupFailed):
        gazetteer.lookup("the capital", kind="sea")


def test_country_filter_keeps_what_a_country_holds_claims_or_names() -> None:
    assert gazetteer.lookup("Georgia", country="US").id == "US-GA"
    assert gazetteer.lookup("Georgia", country="GE").id == "GE"
    assert gazetteer.lookup("Crimea", country="RU").id == "UA-43"
    assert gazetteer.lookup("Crimea", country="UA").id == "UA-43"
    assert gazetteer.lookup("Sea of Azov", country="RU").id == "sea:azov"
    with pytest.raises(ce.LookupFailed):
        gazetteer.lookup("Kursk", country="UA")


def test_kind_filter_narrows_an_ambiguous_name() -> None:
    assert gazetteer.lookup("Georgia", kind="country").id == "GE"
    # a foreign subdivision is never taken without a country to look in
    with pytest.raises(ce.LookupFailed, match="US-GA") as caught:
        gazetteer.lookup("Georgia", kind=ce.RegionKind.SUBDIVISION)
    assert caught.value.suggestions == ("Georgia",)
    assert gazetteer.lookup("Georgia", kind=ce.RegionKind.SUBDIVISION, country="US").id == "US-GA"
    assert gazetteer.candidates("Altai", kind="subdivision") == ("RU-AL", "RU-ALT")
    assert gazetteer.candidates("nowhere at all") == ()


def test_unknown_name_under_a_filter_suggests_within_the_filter() -> None:
    with pytest.raises(ce.LookupFailed) as caught:
        gazetteer.lookup("Belgorodd", country="RU")
    assert caught.value.suggestions[0] == "Belgorod"


def test_lookup_all_reads_a_closing_plural_across_the_list() -> None:
    ids = [r.id for r in gazetteer.lookup_all(["Moscow", "Tambov", "Oryol", "Bryansk regions"])]
    assert ids == ["RU-MOS", "RU-TAM", "RU-ORL", "RU-BRY"]
    assert [r.id for r in gazetteer.lookup_all(["Pskov", "Tula", "Kursk Regions"])] == [
        "RU-PSK",
        "RU-TUL",
        "RU-KRS",
    ]
    assert [r.id for r in gazetteer.lookup_all(["Брянской", "Курской областях"])] == [
        "RU-BRY",
        "RU-KRS",
    ]


def test_lookup_all_falls_back_when_the_plural_does_not_fit() -> None:
    # "Sea of Azov region" is no name; the item is read on its own.
    assert [r.id for r in gazetteer.lookup_all(["Sea of Azov", "Leningrad regions"])] == [
        "sea:azov",
        "RU-LEN",
    ]
    assert gazetteer.lookup_all([]) == ()


def test_lookup_all_fails_on_an_empty_item() -> None:
    with pytest.raises(ce.LookupFailed):
        gazetteer.lookup_all(["Kursk", "   "])


# -- extending ------------------------------------------------------------------------------


def test_register_adds_a_region_found_by_id_and_name() -> None:
    g = Gazetteer()
    region = ce.Region(
        id="area:kupiansk",
        name="Kupiansk district",
        kind="area",
        country="UA",
        parent="UA-63",
        aliases=("Kupiansk area", "Купʼянщина"),
    )
    g.register(region)
    assert g.get("area:kupiansk") is region
    assert g.lookup("Kupiansk area") is region
    assert g.lookup("Купʼянщиною") is region
    assert g.within("area:kupiansk", "UA")
    assert "area:kupiansk" not in gazetteer


def test_register_replaces_and_user_names_shadow_curated_ones() -> None:
    g = Gazetteer()
    mine = ce.Region(id="RU-BEL", name="Belgorod (my edition)", kind="subdivision", country="RU")
    g.register(mine)
    assert g.get("RU-BEL") is mine
    assert g.lookup("Belgorod (my edition)") is mine
    # The old curated names are gone with the old entry.
    with pytest.raises(ce.LookupFailed):
        g.lookup("Белгородской")
    shadow = ce.Region(id="area:my-kursk", name="Kursk", kind="area")
    g.register(shadow)
    assert g.lookup("Kursk") is shadow
    assert g.lookup("Курской").id == "RU-KRS"


def test_register_rejects_anything_but_a_region() -> None:
    with pytest.raises(TypeError):
        Gazetteer().register("RU-BEL")  # type: ignore[arg-type]


def test_report_regions_come_first_in_a_view() -> None:
    own = ce.Region(id="area:front", name="the front line", kind="area", aliases=("front",))
    kursk = ce.Region(id="RU-KRS", name="Kursk (as the report has it)", kind="subdivision")
    view = gazetteer.with_regions([own, kursk])
    assert view.lookup("Front Line") is own
    assert view.lookup("area:front") is own
    assert view.get("RU-KRS") is kursk
    assert view.get("RU-BEL") is gazetteer.get("RU-BEL")
    assert view.lookup("Белгородской").id == "RU-BEL"
    assert "area:front" in view
    assert "RU-BEL" in view
    assert "area:none" not in view
    assert [r.id for r in view.lookup_all(["front", "Tula regions"])] == ["area:front", "RU-TUL"]


def test_view_reports_ambiguity_among_the_reports_own_regions() -> None:
    a = ce.Region(id="area:a", name="Sector", kind="area")
    b = ce.Region(id="area:b", name="sector", kind="area")
    view = gazetteer.with_regions([a, b])
    with pytest.raises(ce.AmbiguousName) as caught:
        view.lookup("Sector")
    assert caught.value.candidates == ("area:a", "area:b")


def test_view_filters_its_own_regions_too() -> None:
    own = ce.Region(id="area:zone", name="Zone", kind="area", country="UA")
    view = gazetteer.with_regions([own])
    assert view.lookup("Zone", country="UA") is own
    with pytest.raises(ce.LookupFailed):
        view.lookup("Zone", country="FR")


def test_view_rejects_anything_but_regions() -> None:
    with pytest.raises(TypeError):
        gazetteer.with_regions(["RU-BEL"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        gazetteer.with_regions([]).lookup(1)  # type: ignore[arg-type]


def test_resolve_prefers_the_reports_table() -> None:
    own = ce.Region(id="RU-BEL", name="Belgorod region (report)", kind="subdivision")
    report = ce.Report(id="r1", title="t", regions=(own,))
    assert gazetteer.resolve("RU-BEL", report) is own
    assert gazetteer.resolve("RU-KRS", report).name == "Kursk Oblast"
    assert gazetteer.resolve("sea:black").name == "Black Sea"


def test_within_takes_one_container_or_several() -> None:
    assert gazetteer.within("UA-40", ["RU", "UA-43"])
    assert gazetteer.within("RU-BEL", ("UA", "RU"))
    assert not gazetteer.within("RU-BEL", ("UA", "BY"))
    assert not gazetteer.within("RU-BEL", ())


def test_a_view_walks_the_reports_parents_then_the_gazetteers() -> None:
    front = ce.Region(id="area:front", name="Front", kind="area", parent="UA-14")
    moved = ce.Region(id="RU-MOW", name="Moscow (report)", kind="city", parent="RU")
    view = gazetteer.with_regions([front, moved])
    assert view.within("area:front", "UA-14")
    assert view.within("area:front", "UA")
    assert not view.within("area:front", "RU")
    assert not view.within("RU-MOW", "RU-MOS")  # the report's entry replaces the enclosure
    assert view.within("UA-40", "UA-43")  # catalogue entries keep theirs


def test_within_stops_after_sixteen_steps_up() -> None:
    chain = [ce.Region(id="area:top", name="Top", kind="area")]
    chain += [
        ce.Region(id=f"area:r{i}", name=f"R{i}", kind="area",
                  parent=f"area:r{i - 1}" if i else "area:top")
        for i in range(20)
    ]  # fmt: skip
    view = gazetteer.with_regions(chain)
    assert view.within("area:r15", "area:top")  # sixteen steps
    assert not view.within("area:r16", "area:top")  # seventeen


def test_a_cycle_of_parents_ends_the_walk() -> None:
    a = ce.Region(id="area:a", name="A", kind="area", parent="area:b")
    b = ce.Region(id="area:b", name="B", kind="area", parent="area:a")
    view = gazetteer.with_regions([a, b])
    assert view.within("area:a", "area:b")
    assert not view.within("area:a", "RU")


def test_iso_city_subdivisions_have_the_city_kind() -> None:
    assert gazetteer.get("AM-ER").kind is ce.RegionKind.CITY  # Yerevan, uncurated
    assert gazetteer.get("AZ-BAB").kind is ce.RegionKind.SUBDIVISION


def test_the_resolver_modules_are_private_and_the_names_public() -> None:
    import importlib

    import conflict_events.reference as ref

    assert ref.gazetteer is gazetteer
    assert isinstance(ref.gazetteer, ref.Gazetteer)
    for module in ("conflict_events.reference.gazetteer", "conflict_events.reference.weapons"):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(module)


# -- the data itself ------------------------------------------------------------------------


def test_every_curated_name_finds_its_own_entry() -> None:
    raw = read_data("regions.json")
    for entry in raw["regions"]:
        region = gazetteer.get(entry["id"])
        for name in (region.name, *region.aliases):
            found = gazetteer.candidates(name)
            assert entry["id"] in found, (name, found)


def test_only_documented_names_are_ambiguous_among_curated_entries() -> None:
    raw = read_data("regions.json")
    ambiguous: set[str] = set()
    for entry in raw["regions"]:
        region = gazetteer.get(entry["id"])
        for name in (region.name, *region.aliases):
            if len(gazetteer.candidates(name)) > 1:
                ambiguous.add(name)
    assert ambiguous == {"Altai", "Altay"}


def test_every_russian_and_ukrainian_subdivision_is_curated() -> None:
    curated = {e["id"] for e in read_data("regions.json")["regions"]}
    for sub in pycountry.subdivisions:
        if sub.country_code in ("RU", "UA"):
            assert sub.code in curated


def test_conventions_are_written_in_the_data() -> None:
    raw = read_data("regions.json")
    assert {"moscow", "capital", "disputed", "bare_names"} <= set(raw["conventions"])
    assert json.dumps(raw, ensure_ascii=False)


def test_importing_the_package_loads_no_data() -> None:
    code = (
        "import sys, conflict_events.reference as r;"
        "assert 'pycountry' not in sys.modules;"
        "assert not r.gazetteer._data.loaded and not r.weapons._data.loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - our own interpreter
