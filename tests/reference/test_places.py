"""Places as reports and retellings write them: directions, scope, other languages, speed."""

from __future__ import annotations

import pytest

import conflict_events as ce
from conflict_events.reference import CONFLICT_COUNTRIES, Gazetteer, gazetteer
from conflict_events.reference._index import NameIndex, read_data
from conflict_events.reference._normalize import region_key

# -- directions -----------------------------------------------------------------------------

DIRECTIONS = [
    ("south", "south"),
    ("South", "south"),
    ("north", "north"),
    ("east", "east"),
    ("west", "west"),
    ("center", "centre"),
    ("centre", "centre"),
    ("south-east", "south-east"),
    ("southeast", "south-east"),
    ("South East", "south-east"),
    ("north-east", "north-east"),
    ("from the north", "north"),
    ("from the south-east", "south-east"),
    ("in the east", "east"),
    ("the south-western direction", "south-west"),
    ("центр", "centre"),
    ("юг", "south"),
    ("с юга", "south"),
    ("с юго-востока", "south-east"),
    ("на юге", "south"),
    ("северное направление", "north"),
    ("південь", "south"),
    ("з півдня", "south"),
    ("з північного сходу", "north-east"),
    ("на сході", "east"),
    ("Süden", "south"),
    ("nord-est", "north-east"),
    ("sur", "south"),
    ("południe", "south"),
]


@pytest.mark.parametrize(("name", "direction"), DIRECTIONS)
def test_a_direction_is_a_direction_and_never_a_region(name: str, direction: str) -> None:
    with pytest.raises(ce.DirectionName) as caught:
        gazetteer.lookup(name)
    assert caught.value.direction == direction
    assert isinstance(caught.value, ce.LookupFailed)  # callers catching LookupFailed still do
    assert "direction" in str(caught.value)
    assert gazetteer.direction(name) == direction
    assert gazetteer.candidates(name) == ()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("North Ossetia", "RU-SE"),
        ("Северная Осетия", "RU-SE"),
        ("South Kazakhstan", None),
        ("Kursk", "RU-KRS"),
        ("Eastern coast of the Sea of Azov", None),
    ],
)
def test_a_place_with_a_direction_in_its_name_is_not_a_direction(
    name: str, expected: str | None
) -> None:
    assert gazetteer.direction(name) is None
    if expected is not None:
        assert gazetteer.lookup(name).id == expected


def test_south_no_longer_finds_a_subdivision_of_cameroon() -> None:
    with pytest.raises(ce.DirectionName):
        gazetteer.lookup("south")
    assert gazetteer.lookup("South", country="CM").id == "CM-SU"  # asked for by country


# -- where a bare name is looked for --------------------------------------------------------


def test_the_conflicts_countries_and_neighbours_come_first() -> None:
    assert {"RU", "UA", "BY", "MD"} == CONFLICT_COUNTRIES
    assert gazetteer.candidates("Calarasi") == ("MD-CL",)  # Moldova's, not Romania's
    assert gazetteer.lookup("Călărași").id == "MD-CL"


def test_prefer_puts_a_countrys_places_first() -> None:
    assert gazetteer.lookup("Calarasi", prefer=["RO"]).id == "RO-CL"
    assert gazetteer.lookup("Calarasi", prefer=["RO-B"]).id == "RO-CL"  # a region id: its country
    assert gazetteer.lookup("Texas", prefer=["US"]).id == "US-TX"
    assert [r.id for r in gazetteer.lookup_all(["Texas", "Ohio"], prefer=["US"])] == [
        "US-TX",
        "US-OH",
    ]


def test_a_name_only_a_foreign_subdivision_has_is_refused_with_it_as_the_suggestion() -> None:
    with pytest.raises(ce.LookupFailed) as caught:
        gazetteer.lookup("Texas")
    error = caught.value
    assert not isinstance(error, (ce.AmbiguousName, ce.DirectionName))
    assert error.suggestions == ("Texas",)
    assert "US-TX" in str(error)
    assert "country='US'" in str(error)
    assert gazetteer.candidates("Texas") == ("US-TX",)  # candidates still tells what it could be
    assert gazetteer.lookup("Texas", country="US").id == "US-TX"


def test_country_names_are_found_anywhere_and_ambiguity_is_kept() -> None:
    assert gazetteer.lookup("Iran").id == "IR"
    assert gazetteer.lookup("Belarus").id == "BY"
    assert gazetteer.lookup("Russia (Soviet Union)").id == "RU"  # as UCDP writes it
    with pytest.raises(ce.AmbiguousName):
        gazetteer.lookup("Georgia")


def test_a_view_prefers_the_countries_of_the_reports_own_regions() -> None:
    own = ce.Region(id="area:gulf", name="Gulf coast", kind="area", country="US")
    view = gazetteer.with_regions([own])
    assert view.lookup("Texas").id == "US-TX"
    assert view.lookup("Calarasi").id == "MD-CL"  # no Romanian region in the report
    romanian = gazetteer.with_regions([ce.Region(id="area:dobruja", name="D", kind="area",
                                                 parent="RO-CT")])  # fmt: skip
    assert romanian.lookup("Calarasi").id == "RO-CL"
    with pytest.raises(ce.LookupFailed):
        gazetteer.with_regions([]).lookup("Texas")


# -- other languages ------------------------------------------------------------------------

EXONYMS = [
    ("Gebiet Moskau", "RU-MOS"),
    ("Oblast Kursk", "RU-KRS"),
    ("Woronesch", "RU-VOR"),
    ("Gebiet Belgorod", "RU-BEL"),
    ("Moskau", "RU-MOW"),
    ("Schwarzes Meer", "sea:black"),
    ("Asowschen Meer", "sea:azov"),
    ("Krim", "UA-43"),
    ("Koursk", "RU-KRS"),
    ("région de Belgorod", "RU-BEL"),
    ("oblast de Koursk", "RU-KRS"),
    ("Voronej", "RU-VOR"),
    ("Crimée", "UA-43"),
    ("Sébastopol", "UA-40"),
    ("mer d'Azov", "sea:azov"),
    ("région d'Astrakhan", "RU-AST"),
    ("Zaporijjia", "UA-23"),
    ("Járkov", "UA-63"),
    ("óblast de Bélgorod", "RU-BEL"),
    ("mar Negro", "sea:black"),
    ("Moscú", "RU-MOW"),
    ("oblast di Kursk", "RU-KRS"),
    ("regione di Brjansk", "RU-BRY"),
    ("Mar Caspio", "sea:caspian"),
    ("Leopoli", "UA-46"),
    ("obwód kurski", "RU-KRS"),
    ("obwodzie biełgorodzkim", "RU-BEL"),
    ("obwód Briańsk", "RU-BRY"),
    ("Morze Czarne", "sea:black"),
    ("Charków", "UA-63"),
    ("Калужка", "RU-KLU"),
    ("Калужка област", "RU-KLU"),
    ("Воронежка област", "RU-VOR"),
    ("Черно море", "sea:black"),
    ("Краснодарски край", "RU-KDA"),
    ("कुर्स्क", "RU-KRS"),
    ("कुर्स्क क्षेत्र", "RU-KRS"),
    ("बेलगोरोद ओब्लास्ट", "RU-BEL"),
    ("क्रीमिया", "UA-43"),
    ("काला सागर", "sea:black"),
    ("库尔斯克州", "RU-KRS"),
    ("别尔哥罗德州", "RU-BEL"),
    ("克拉斯诺达尔边疆区", "RU-KDA"),
    ("莫斯科州", "RU-MOS"),
    ("莫斯科", "RU-MOW"),
    ("克里米亚", "UA-43"),
    ("亚速海", "sea:azov"),
    ("哈尔科夫州", "UA-63"),
]


@pytest.mark.parametrize(("name", "expected"), EXONYMS)
def test_names_in_other_languages_resolve(name: str, expected: str) -> None:
    assert gazetteer.lookup(name).id == expected


def test_the_moscow_and_kyiv_conventions_hold_in_other_languages() -> None:
    """A bare city name is the city; the oblast only with its generic word."""
    assert gazetteer.lookup("Kiew").id == "UA-30"
    assert gazetteer.lookup("Oblast Kiew").id == "UA-32"
    assert gazetteer.lookup("基辅州").id == "UA-32"
    assert gazetteer.lookup("Moscou").id == "RU-MOW"
    assert gazetteer.lookup("région de Moscou").id == "RU-MOS"


LANGUAGES = ("de", "fr", "es", "it", "pl", "bg", "hi", "zh")

REQUIRED = (
    # Russia's regions bordering Ukraine, those bulletins name, and Moscow
    "RU-BEL", "RU-BRY", "RU-KRS", "RU-VOR", "RU-ROS", "RU-KDA", "RU-MOS", "RU-MOW", "RU-ORL",
    "RU-LIP", "RU-TAM", "RU-TUL", "RU-KLU", "RU-SMO", "RU-TVE", "RU-RYA", "RU-YAR", "RU-LEN",
    "RU-NGR", "RU-PSK", "RU-AST", "RU-VGG", "RU-SAR", "RU-SAM", "RU-TA", "RU-NIZ", "RU-VLA",
    # every Ukrainian oblast, Kyiv, Crimea and Sevastopol
    "UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26", "UA-30",
    "UA-32", "UA-35", "UA-40", "UA-43", "UA-46", "UA-48", "UA-51", "UA-53", "UA-56", "UA-59",
    "UA-61", "UA-63", "UA-65", "UA-68", "UA-71", "UA-74", "UA-77",
    # the seas
    "sea:black", "sea:azov", "sea:caspian",
)  # fmt: skip


def test_every_required_place_has_a_name_in_every_language() -> None:
    names = read_data("exonyms.json")["names"]
    missing = [
        (id_, lang)
        for id_ in REQUIRED
        for lang in LANGUAGES
        if not names.get(id_, {}).get(lang) and not names.get(id_, {}).get(f"{lang}_adj")
    ]
    assert missing == []
    assert len([i for i in REQUIRED if i.startswith("UA-")]) == 27


def test_every_curated_foreign_name_finds_its_own_place() -> None:
    raw = read_data("exonyms.json")
    regions = {e["id"]: e for e in read_data("regions.json")["regions"]}
    wrong = []
    for id_, entry in raw["names"].items():
        kind = regions[id_].get("type", "")
        bare = regions[id_].get("bare", True) or kind in ("city", "sea")
        for column, names in entry.items():
            templates = raw["forms"].get(column, {}).get(kind, [])
            written = [t.format(n) for t in templates for n in names]
            if bare and not column.endswith("_adj"):
                written += names
            wrong += [(n, id_) for n in written if id_ not in gazetteer.candidates(n)]
    assert wrong == []


def test_the_data_states_its_source() -> None:
    raw = read_data("exonyms.json")
    assert "Wikipedia" in raw["source"]
    assert "pycountry" in raw["source"]


def test_pycountry_translations_are_used_and_its_known_error_is_not() -> None:
    assert gazetteer.lookup("Republik Tschetschenien").id == "RU-CE"  # pycountry's German
    assert gazetteer.candidates("Кения") == ()  # pycountry's Bulgarian for Kamchatka


def test_no_two_places_of_the_conflict_share_a_name_key() -> None:
    """Folding spellings together must not fold two of the war's places into one."""
    d = gazetteer._d
    shared = {}
    for key, tiers in d.index._ids.items():
        ids = [i for i in tiers if d.specs[i].country in CONFLICT_COUNTRIES]
        best = min((tiers[i] for i in ids), default=None)
        top = sorted(i for i in ids if tiers[i] == best)
        if len(top) > 1:
            shared[key] = top
    assert shared == {"altai": ["RU-AL", "RU-ALT"], "altay": ["RU-AL", "RU-ALT"]}


# -- spellings across romanisations ---------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        ["Voronezh", "Voronej", "Woronesch", "Woroneż", "Voronež", "Woronesh"],
        ["Kursk", "Koursk"],
        ["Kaluga", "Kalouga"],
        ["Luhansk", "Louhansk"],
        ["Cherkasy", "Cherkassy", "Tcherkassy", "Tscherkassy", "Czerkasy"],
        ["Chernihiv", "Tchernihiv", "Tschernihiw", "Černihiv"],
        ["Zhytomyr", "Jytomyr", "Žytomyr"],
        ["Zaporizhzhia", "Zaporijjia", "Zaporižžja"],
        ["Odesa", "Odessa"],
        ["Yaroslavl", "Jaroslawl"],
        ["Astrakhan", "Astrachan"],
        ["Orel", "Orël"],
    ],
)
def test_romanisations_of_one_name_share_a_key(forms: list[str]) -> None:
    assert len({region_key(f) for f in forms}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Orel", "Orell"),
        ("Belgorod", "Belgorodd"),
        ("Tula", "Tuva"),
        ("Kursk", "Kirsk"),
        ("Sumy", "Samy"),
        ("Chernihiv", "Chernivtsi"),
        ("Ivanovo", "Ivano-Frankivsk"),
        ("Kherson", "Khersones"),
        ("Penza", "Perm"),
        ("Samara", "Saratov"),
        ("Novgorod", "Nizhny Novgorod"),
        ("Lipetsk", "Lviv"),
    ],
)
def test_folding_keeps_different_places_apart(a: str, b: str) -> None:
    assert region_key(a) != region_key(b)


def test_unrelated_places_do_not_become_the_wars_places() -> None:
    for name in ("Orell", "Belgorodd", "Kirsk", "Pensacola", "Voronoff"):
        with pytest.raises(ce.LookupFailed):
            gazetteer.lookup(name)


# -- cost of a failed look-up ---------------------------------------------------------------


def test_a_failed_lookup_searches_for_near_names_only_when_they_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    real = NameIndex.suggest

    def counting(self: NameIndex, key: str, *args: object, **kwargs: object) -> object:
        calls.append(key)
        return real(self, key, *args, **kwargs)  # type: ignore[arg-type]

    g = Gazetteer()
    g.get("RU")
    monkeypatch.setattr(NameIndex, "suggest", counting)
    with pytest.raises(ce.LookupFailed) as caught:
        g.lookup("Orell")
    assert calls == []
    assert "Oryol" in caught.value.suggestions
    assert len(calls) == 1
    assert "'Oryol'" in str(caught.value)
    assert len(calls) == 1  # found once, kept


def test_prefer_takes_the_holder_of_a_held_region_and_skips_unknown_ids() -> None:
    assert gazetteer._countries(["UA-43", "area:nowhere"]) == {"UA", "RU"}
    assert gazetteer.lookup("Calarasi", prefer=["area:nowhere"]).id == "MD-CL"


def test_polish_forms_are_built_only_from_adjectives() -> None:
    from conflict_events.reference._gazetteer import _pl_adjective

    assert _pl_adjective("kurski") == ["obwodu kurskiego", "obwodzie kurskim", "obwodem kurskim"]
    assert _pl_adjective("Kursk") == []
