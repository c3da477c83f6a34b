"""Name keys: what normalisation folds together, and what it keeps apart."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflict_events.errors import LookupFailed
from conflict_events.reference import gazetteer, weapons
from conflict_events.reference._normalize import (
    key_tail,
    region_key,
    split_list,
    tokens,
    weapon_key,
)


@pytest.mark.parametrize(
    "forms",
    [
        [
            "Белгородская область",
            "Белгородской области",
            "Белгородскую область",
            "Белгородской областью",
        ],
        ["Россия", "России", "Россией", "Россию"],
        ["Москва", "Москвы", "Москве", "Москву", "Москвой"],
        ["Крым", "Крыма", "Крыму", "Крымом", "Крыме"],
        ["Подмосковье", "Подмосковья", "Подмосковьем"],
        ["Бєлгородська", "Бєлгородської", "Бєлгородській", "Бєлгородську", "Бєлгородською"],
        ["область", "області", "областю", "областях"],
        ["Oryol", "Orel", "ORYOL", "Orël"],
        ["Yaroslavl", "Iaroslavl", "Jaroslavl"],
        ["Zaporizhzhia", "Zaporizhzhya"],
        ["Khmelnytskyi", "Khmelnytskyy", "Khmelnytsky"],
        ["Kaluga Region", "Kaluga Regions", "kaluga  region", "the Kaluga region"],
        ["Sea of Azov", "over the Sea of Azov", "waters of the Sea of Azov"],
        ["Азовское море", "акваторией Азовского моря", "над акваторией Азовского моря"],
        ["Ивано-Франковская", "Ивано Франковская", "Ивано–Франковская"],
        ["Mari El", "Mari-El", "Mari—El"],
        ["Ternopil'", "Ternopil", "Ternopil’"],
        ["Ёлки", "Елки"],
    ],
)
def test_forms_of_one_name_share_a_region_key(forms: list[str]) -> None:
    keys = {region_key(f) for f in forms}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Moscow", "Moscow region"),
        ("Курск", "Курская область"),
        ("Novgorod", "Nizhny Novgorod"),
        ("Алтай", "Алтайский край"),
        ("Kyiv", "Kyiv Oblast"),
    ],
)
def test_different_places_keep_different_keys(a: str, b: str) -> None:
    assert region_key(a) != region_key(b)


def test_short_words_are_not_stemmed_away() -> None:
    assert tokens("Уфа") == ["уфа"]
    assert tokens("Крым") == ["крым"]
    assert region_key("край") == "кра"


def test_words_with_digits_are_kept_whole() -> None:
    assert tokens("С-300") == ["с", "300"]
    assert tokens("47М2") == ["47м2"]


def test_a_name_of_only_leading_words_has_no_key() -> None:
    assert region_key("over the") == ""
    assert region_key("") == ""


@pytest.mark.parametrize(
    "forms",
    [
        ["X-101", "Х-101", "Kh-101", "Kh 101", "kh101", "Ch-101", "Kh-101 cruise missile"],
        ["S-400", "С-400", "S400 system"],
        ["Kh-47M2", "Х-47М2"],
        ["Geran-2", "Geran 2", "geran2"],
        ["Liutyi", "Lyutyi", "Lyuty"],
        ["Oreshnik", "the 'Oreshnik' system", "«Oreshnik» missile"],
        ["Калибр", "Калибра", "Калибров"],
        ["aircraft-type UAV", "aircraft-type unmanned aerial vehicles", "aircraft type drones"],
        ["беспилотные летательные аппараты самолетного типа", "БпЛА самолетного типа"],
        ["drone", "UAVs", "Ukrainian unmanned aerial vehicles", "беспилотников", "дронів", "БПЛА"],
        ["Unknown UAV", "unidentified drones", "невідомий БпЛА", "UAV"],
        ["Reconnaissance UAV", "reconnaissance drones"],
        ["Orlan-10", "Orlan-10 reconnaissance drone"],
        ["C-300", "С-300", "S-300"],
        ["X-59MK2", "Х-59МК2", "Kh-59MK2"],
        ["Іskander-M", "Iskander-M"],
        ["Калiбр", "Калібр"],
        ["Сalibr", "Calibr"],
    ],
)
def test_forms_of_one_weapon_share_a_weapon_key(forms: list[str]) -> None:
    keys = {weapon_key(f) for f in forms}
    assert len(keys) == 1, keys


def test_a_weapon_name_of_only_generic_words_keeps_them() -> None:
    assert weapon_key("cruise missile") == "cruisemissile"
    assert weapon_key("the") == ""


def test_look_alike_letters_fold_only_where_they_stand_for_cyrillic() -> None:
    """A Latin C before digits is С; elsewhere, and in region keys, letters stay as written."""
    assert weapon_key("C-300") != weapon_key("Kh-59MK2")
    assert weapon_key("MC300") == "mc300"
    assert weapon_key("Calibr") == "calibr"
    assert region_key("C-300") == "c 300"
    # a word typed in two scripts takes the one its letters fit, or stays as it is
    assert weapon_key("Жx") == weapon_key("Жх")
    assert weapon_key("Жуqw") == "жуqw"


def test_a_variant_keeps_its_own_weapon_key() -> None:
    assert weapon_key("X-59MK2") != weapon_key("X-59")
    assert weapon_key("X-31PD") != weapon_key("X-31P")
    assert weapon_key("Unknown UAV") != weapon_key("Unknown Missile")
    assert weapon_key("Intercontinental Ballistic Missile") != weapon_key("ballistic missile")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("X-101/X-555", ["X-101", "X-555"]),
        ("Kh-59 / 69", ["Kh-59", "69"]),
        ("Iskander-M, KN-23 and Kinzhal", ["Iskander-M", "KN-23", "Kinzhal"]),
        ("С-300 или С-400", ["С-300", "С-400"]),
        ("Шахед та Гербера", ["Шахед", "Гербера"]),
        ("Storm Shadow", ["Storm Shadow"]),
        ("", []),
    ],
)
def test_split_list(text: str, parts: list[str]) -> None:
    assert split_list(text) == parts


@pytest.mark.parametrize(
    ("names", "tail"),
    [
        (["Rostov", "Saratov regions"], "region"),
        (["Oryol", "Kaluga Regions"], "region"),
        (["Tula", "Kursk oblasts"], "oblast"),
        (["Брянской", "Курской областях"], "область"),
        (["Kursk Region"], None),
        (["Kursk", ""], None),
        ([], None),
    ],
)
def test_key_tail(names: list[str], tail: str | None) -> None:
    assert key_tail(names) == tail


@given(st.text(max_size=40))
def test_any_text_resolves_or_fails_with_a_lookup_error(text: str) -> None:
    """Lookups never fail with anything but the library's lookup errors."""
    for lookup in (gazetteer.lookup, weapons.lookup):
        with contextlib.suppress(LookupFailed):
            lookup(text)


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ -'", max_size=30))
def test_cyrillic_keys_do_not_depend_on_case(text: str) -> None:
    assert region_key(text.upper()) == region_key(text.lower())
