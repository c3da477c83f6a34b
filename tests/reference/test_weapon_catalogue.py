"""The weapons catalogue resolves the names reports use, and every figure in it is sourced."""

from __future__ import annotations

import pytest

import conflict_events as ce
from conflict_events.reference import WeaponCatalogue, weapons
from conflict_events.reference._index import read_data

RESOLVES = [
    ("Geran-2", "shahed-136"),
    ("Geran 2", "shahed-136"),
    ("Shahed-136", "shahed-136"),
    ("Shahed", "shahed-136"),
    ("Герань-2", "shahed-136"),
    ("Гераней-2", "shahed-136"),
    ("Шахед-136", "shahed-136"),
    ("Geran-1", "shahed-131"),
    ("Shahed-131", "shahed-131"),
    ("Gerbera", "gerbera"),
    ("Lancet", "lancet"),
    ("Ланцет", "lancet"),
    ("Orlan-10", "orlan-10"),
    ("Liutyi", "liutyi"),
    ("Lyutyi", "liutyi"),
    ("Лютий", "liutyi"),
    ("FP-1", "fp-1"),
    ("Beaver", "bober"),
    ("Bober", "bober"),
    ("aircraft-type UAV", "uav-fixed-wing"),
    ("fixed-wing unmanned aerial vehicles", "uav-fixed-wing"),
    ("fixed-wing Ukrainian UAVs", "uav-fixed-wing"),
    ("беспилотные летательные аппараты самолетного типа", "uav-fixed-wing"),
    ("беспилотных летательных аппаратов самолетного типа", "uav-fixed-wing"),
    ("БпЛА самолетного типа", "uav-fixed-wing"),
    ("БпЛА літакового типу", "uav-fixed-wing"),
    ("Ukrainian drones", "uav"),
    ("беспилотников", "uav"),
    ("дронів", "uav"),
    ("X-101", "kh-101"),
    ("Х-101", "kh-101"),
    ("Kh-101", "kh-101"),
    ("Kh101 cruise missiles", "kh-101"),
    ("Х-555", "kh-555"),
    ("Kalibr", "kalibr"),
    ("Калибр", "kalibr"),
    ("Калібр", "kalibr"),
    ("3M-14", "kalibr"),
    ("Kh-59MK2", "kh-59mk2"),
    ("X-59MK2", "kh-59mk2"),
    ("Х-59МК2", "kh-59mk2"),
    ("X-59", "kh-59"),
    ("C-300", "s-300"),
    ("C-400", "s-400"),
    ("Іskander-M", "iskander-m"),
    ("Калiбр", "kalibr"),
    ("X-47 Kinzhal", "kinzhal"),
    ("3M22 Zircon", "zircon"),
    ("X-31", "kh-31"),
    ("X-31P", "kh-31p"),
    ("Х-31П", "kh-31p"),
    ("X-31PD", "kh-31pd"),
    ("X-22", "kh-22"),
    ("X-32", "kh-32"),
    ("X-35", "kh-35"),
    ("Unknown UAV", "uav"),
    ("невідомий БпЛА", "uav"),
    ("Reconnaissance UAV", "uav-reconnaissance"),
    ("розвідувальних БпЛА", "uav-reconnaissance"),
    ("Orlan-10 reconnaissance drone", "orlan-10"),
    ("Orlan-30", "orlan-30"),
    ("Unknown Missile", "missile"),
    ("Ballistic Missile", "ballistic-missile"),
    ("балістичних ракет", "ballistic-missile"),
    ("Intercontinental Ballistic Missile", "icbm"),
    ("cruise missiles", "cruise-missile"),
    ("Aerial Bomb", "aerial-bomb"),
    ("Supercam", "supercam"),
    ("ZALA", "zala"),
    ("Merlin-VR", "merlin-vr"),
    ("Молнія", "molniya"),
    ("Молния", "molniya"),
    ("Kub", "kub-bla"),
    ("Mohajer-6", "mohajer-6"),
    ("Привет-82", "privet-82"),
    ("Banderol", "banderol"),
    ("Х-69", "kh-69"),
    ("Storm Shadow", "storm-shadow"),
    ("SCALP-EG", "storm-shadow"),
    ("Neptune", "neptune"),
    ("Iskander-M", "iskander-m"),
    ("Искандер-М", "iskander-m"),
    ("KN-23", "kn-23"),
    ("Kinzhal", "kinzhal"),
    ("Х-47М2", "kinzhal"),
    ("ATACMS", "atacms"),
    ("Tochka-U", "tochka-u"),
    ("Oreshnik", "oreshnik"),
    ("the 'Oreshnik' system", "oreshnik"),
    ("«Орешник»", "oreshnik"),
    ("FAB-500 UMPK", "fab-umpk"),
    ("HIMARS", "himars"),
    ("RM-70 Vampire", "rm-70-vampire"),
    ("S-300", "s-300"),
    ("С-400", "s-400"),
    ("Pantsir-S1", "pantsir"),
    ("Patriot", "patriot"),
    ("IRIS-T SLM", "iris-t"),
    ("NASAMS", "nasams"),
    ("balloon", "balloon"),
    ("Magura V5", "magura-v5"),
    ("Sea Baby", "sea-baby"),
    ("безэкипажный катер", "usv"),
    ("kh-101", "kh-101"),
]


@pytest.mark.parametrize(("name", "expected"), RESOLVES)
def test_name_resolves_to_its_id(name: str, expected: str) -> None:
    assert weapons.lookup(name).id == expected


def test_geran_2_and_shahed_136_are_one_system() -> None:
    assert weapons.lookup("Geran-2").id == weapons.lookup("Shahed-136").id


def test_ambiguous_name_lists_candidates() -> None:
    with pytest.raises(ce.AmbiguousName) as caught:
        weapons.lookup("Geran")
    assert caught.value.candidates == ("geran-3", "shahed-131", "shahed-136")


def test_unknown_name_fails_with_nearest_names() -> None:
    with pytest.raises(ce.LookupFailed) as caught:
        weapons.lookup("Shahid-136")
    assert caught.value.suggestions[0] == "Shahed-136"
    with pytest.raises(ce.LookupFailed) as caught:
        weapons.lookup("qqqqzzzz")
    assert caught.value.suggestions == ()


def test_lookup_rejects_a_non_string() -> None:
    with pytest.raises(TypeError):
        weapons.lookup(None)  # type: ignore[arg-type]


def test_category_filter() -> None:
    with pytest.raises(ce.LookupFailed):
        weapons.lookup("Geran", category="uav")
    assert weapons.candidates("Geran", category="loitering_munition") == (
        "geran-3",
        "shahed-131",
        "shahed-136",
    )
    assert weapons.candidates("Kinzhal", category=ce.WeaponCategory.CRUISE_MISSILE) == ()
    with pytest.raises(ce.LookupFailed):
        weapons.lookup("Kinzhal", category="cruise_missile")


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("X-101/X-555", ("kh-101", "kh-555")),
        ("Х-101/Х-555", ("kh-101", "kh-555")),
        ("Kh-59/69", ("kh-59", "kh-69")),
        ("Kh-59 and Kh-69", ("kh-59", "kh-69")),
        ("Geran-2/Shahed-136", ("shahed-136",)),
        ("Storm Shadow/SCALP", ("storm-shadow",)),
        ("Iskander-M, KN-23", ("iskander-m", "kn-23")),
        ("С-300 и С-400", ("s-300", "s-400")),
        ("БпЛА / дронів", ("uav",)),
        ("Kinzhal", ("kinzhal",)),
    ],
)
def test_split_a_combined_name_into_ids(text: str, ids: tuple[str, ...]) -> None:
    assert weapons.split(text) == ids


def test_split_fails_on_an_unknown_part_or_nothing() -> None:
    with pytest.raises(ce.LookupFailed):
        weapons.split("X-101/Y-999")
    with pytest.raises(ce.LookupFailed):
        weapons.split(" / ")


def test_lookup_of_a_combined_name_lists_its_systems() -> None:
    """A combined name is ambiguous between its parts; split() gives them."""
    with pytest.raises(ce.AmbiguousName) as caught:
        weapons.lookup("Iskander-M/KN-23")
    assert caught.value.candidates == ("iskander-m", "kn-23")
    assert "use split()" in str(caught.value)
    with pytest.raises(ce.AmbiguousName) as caught:
        weapons.lookup("X-101/X-555 and Kalibr")
    assert caught.value.candidates == ("kh-101", "kh-555", "kalibr")
    assert weapons.lookup("Geran-2/Shahed-136").id == "shahed-136"
    with pytest.raises(ce.AmbiguousName) as caught:
        weapons.lookup("Shahed-136/131", category="loitering_munition")
    assert caught.value.candidates == ("shahed-136", "shahed-131")
    with pytest.raises(ce.LookupFailed) as missing:
        weapons.lookup("Shahed-136/131", category="uav")
    assert not isinstance(missing.value, ce.AmbiguousName)


def test_lookup_of_a_combined_name_keeps_the_parts_errors() -> None:
    with pytest.raises(ce.AmbiguousName) as caught:
        weapons.lookup("Geran/X-101")
    assert caught.value.candidates == ("geran-3", "shahed-131", "shahed-136")
    with pytest.raises(ce.LookupFailed) as missing:
        weapons.lookup("X-101/Y-999")
    assert not isinstance(missing.value, ce.AmbiguousName)
    assert "'X-101/Y-999'" in str(missing.value)
    with pytest.raises(ce.LookupFailed):
        weapons.lookup("Kinzhal/X-101", category="cruise_missile")


def test_parts_spell_out_each_name() -> None:
    assert weapons.parts("Shahed-136/131 and Lancet") == (
        ("Shahed-136", "shahed-136"),
        ("Shahed-131", "shahed-131"),
        ("Lancet", "lancet"),
    )
    assert weapons.split("Shahed-136/131") == ("shahed-136", "shahed-131")


def test_a_variant_never_resolves_to_its_sibling() -> None:
    """Names that say a variant find that variant, and family names find the family."""
    pairs = {
        "X-59MK2": "kh-59mk2",
        "X-59": "kh-59",
        "X-31P": "kh-31p",
        "X-31PD": "kh-31pd",
        "X-31": "kh-31",
        "X-22": "kh-22",
        "X-32": "kh-32",
        "Orlan-10": "orlan-10",
        "Orlan-30": "orlan-30",
        "Iskander-M": "iskander-m",
        "Iskander-K": "iskander-k",
    }
    for name, id_ in pairs.items():
        assert weapons.candidates(name) == (id_,), name


def test_generic_classes_are_catalogued_as_classes() -> None:
    expect = {
        "uav": "uav",
        "uav-reconnaissance": "uav",
        "missile": "guided_missile",
        "ballistic-missile": "ballistic_missile",
        "icbm": "ballistic_missile",
        "cruise-missile": "cruise_missile",
        "guided-bomb": "glide_bomb",
        "aerial-bomb": "other",
    }
    for id_, category in expect.items():
        system = weapons.get(id_)
        assert system.category.value == category, id_
        assert system.range is None, id_
        assert weapons.note(id_), id_


def test_a_combined_name_in_a_view_finds_the_reports_own_systems() -> None:
    own = ce.WeaponSystem(id="peklo", name="Peklo", category="cruise_missile")
    view = weapons.with_weapons([own])
    with pytest.raises(ce.AmbiguousName) as caught:
        view.lookup("Peklo/Kh-101")
    assert caught.value.candidates == ("peklo", "kh-101")
    assert view.parts("Peklo and Kalibr") == (("Peklo", "peklo"), ("Kalibr", "kalibr"))


# -- the figures ----------------------------------------------------------------------------


def test_every_range_has_a_source_with_title_and_url_and_note() -> None:
    sourced = 0
    for system in weapons:
        if system.range is None:
            assert system.range_source is None, system.id
            assert weapons.range_note(system.id) is None
            continue
        sourced += 1
        assert system.range.unit == "km"
        source = system.range_source
        assert source is not None, system.id
        assert source.title
        assert source.url is not None
        assert source.url.startswith(("https://", "http://"))
        assert weapons.range_note(system.id), system.id
    assert sourced >= 30


def test_bounded_figures_keep_their_qualifier() -> None:
    assert weapons.get("oreshnik").range == ce.Quantity.between(500, 5500, unit="km")
    assert weapons.get("iskander-m").range == ce.Quantity.about(500, unit="km")
    assert weapons.get("storm-shadow").range == ce.Quantity.more_than(250, unit="km")
    assert weapons.get("atacms").range == ce.Quantity.at_most(300, unit="km")
    assert weapons.get("liutyi").range == ce.Quantity.more_than(1000, unit="km")


def test_systems_without_a_source_have_no_figure() -> None:
    for id_ in ["nasams", "s-300", "kh-59", "kh-69", "orlan-10", "geran-3", "uav"]:
        assert weapons.get(id_).range is None


def test_required_systems_are_catalogued_with_categories() -> None:
    expect = {
        "shahed-136": "loitering_munition",
        "shahed-131": "loitering_munition",
        "gerbera": "uav",
        "lancet": "loitering_munition",
        "orlan-10": "uav",
        "liutyi": "loitering_munition",
        "fp-1": "loitering_munition",
        "bober": "loitering_munition",
        "uav-fixed-wing": "uav",
        "kh-101": "cruise_missile",
        "kh-555": "cruise_missile",
        "kalibr": "cruise_missile",
        "kh-59": "cruise_missile",
        "kh-69": "cruise_missile",
        "storm-shadow": "cruise_missile",
        "neptune": "anti_ship_missile",
        "iskander-m": "ballistic_missile",
        "kn-23": "ballistic_missile",
        "kinzhal": "ballistic_missile",
        "atacms": "ballistic_missile",
        "tochka-u": "ballistic_missile",
        "oreshnik": "ballistic_missile",
        "fab-umpk": "glide_bomb",
        "himars": "mlrs",
        "rm-70-vampire": "mlrs",
        "s-300": "air_defence",
        "s-400": "air_defence",
        "pantsir": "air_defence",
        "patriot": "air_defence",
        "iris-t": "air_defence",
        "nasams": "air_defence",
        "balloon": "balloon",
        "magura-v5": "uncrewed_surface_vessel",
        "sea-baby": "uncrewed_surface_vessel",
    }
    for id_, category in expect.items():
        assert weapons.get(id_).category.value == category, id_


def test_every_system_has_russian_and_ukrainian_names() -> None:
    for entry in read_data("weapons.json")["weapons"]:
        if entry["id"] in ("uav", "uav-fixed-wing", "balloon", "usv"):
            continue
        assert entry["aliases"]["ru"], entry["id"]
        assert entry["aliases"]["uk"], entry["id"]


def test_every_catalogued_name_finds_its_own_system() -> None:
    for system in weapons:
        for name in (system.name, *system.aliases):
            assert system.id in weapons.candidates(name), (system.id, name)


def test_catalogue_entries_round_trip_through_the_wire_format() -> None:
    for system in weapons:
        assert ce.loads(ce.WeaponSystem, ce.dumps(system)) == system


def test_notes_describe_conventions() -> None:
    assert "Geran" in (weapons.note("shahed-136") or "")
    assert weapons.note("kh-101") is None


# -- ids and extending ----------------------------------------------------------------------


def test_get_unknown_id_fails_and_suggests_ids() -> None:
    with pytest.raises(ce.LookupFailed) as caught:
        weapons.get("kh-1O1")
    assert "kh-101" in caught.value.suggestions
    with pytest.raises(ce.LookupFailed):
        weapons.get(3)  # type: ignore[arg-type]
    assert "kh-101" in weapons
    assert "kh-999" not in weapons
    assert 3 not in weapons
    assert len(weapons) == len(list(weapons))


def test_register_adds_and_replaces() -> None:
    cat = WeaponCatalogue()
    new = ce.WeaponSystem(id="peklo", name="Peklo", category="cruise_missile", aliases=("Пекло",))
    cat.register(new)
    assert cat.lookup("Пекло") is new
    assert cat.get("peklo") is new
    mine = ce.WeaponSystem(id="kh-101", name="Kh-101 (mine)", category="cruise_missile")
    cat.register(mine)
    assert cat.get("kh-101") is mine
    assert cat.lookup("Kh-101 (mine)") is mine
    assert "peklo" not in weapons
    with pytest.raises(TypeError):
        cat.register("peklo")  # type: ignore[arg-type]


def test_report_weapons_come_first_in_a_view() -> None:
    own = ce.WeaponSystem(id="oreshnik", name="Oreshnik", category="ballistic_missile")
    odd = ce.WeaponSystem(id="x-drone", name="X-drone", category="uav", aliases=("икс",))
    view = weapons.with_weapons([own, odd])
    assert view.lookup("Oreshnik") is own
    assert view.get("oreshnik") is own
    assert view.get("kh-101") is weapons.get("kh-101")
    assert view.lookup("Kh-101").id == "kh-101"
    assert view.lookup("икс", category="uav") is odd
    with pytest.raises(ce.LookupFailed):
        view.lookup("X-drone", category="cruise_missile")
    assert "x-drone" in view
    assert "kh-101" in view
    assert "nothing" not in view
    assert view.split("X-drone/Kh-101") == ("x-drone", "kh-101")


def test_view_reports_ambiguity_among_the_reports_own_weapons() -> None:
    a = ce.WeaponSystem(id="a", name="Thing", category="uav")
    b = ce.WeaponSystem(id="b", name="thing", category="uav")
    with pytest.raises(ce.AmbiguousName):
        weapons.with_weapons([a, b]).lookup("Thing")
    with pytest.raises(TypeError):
        weapons.with_weapons(["a"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        weapons.with_weapons([]).lookup(1)  # type: ignore[arg-type]


def test_resolve_prefers_the_reports_table() -> None:
    own = ce.WeaponSystem(id="oreshnik", name="Oreshnik", category="ballistic_missile")
    report = ce.Report(id="r1", title="t", weapons=(own,))
    assert weapons.resolve("oreshnik", report) is own
    assert weapons.resolve("kh-101", report) is weapons.get("kh-101")
    assert weapons.resolve("kh-101") is weapons.get("kh-101")
