"""read_bulletin on synthetic bulletins, one shape at a time (texts written for these tests)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from _posts import POSTED, claims, read, shape

from conflict_events import Counted, Quantity, read_bulletin, validate
from conflict_events.reading import ReadingKind

SIGN = "  🔹 Минобороны России"


def test_one_count_over_one_region() -> None:
    [c] = claims(
        "Дежурными средствами ПВО уничтожены три БПЛА над территорией Курской области." + SIGN
    )
    assert shape(c) == (3, ("RU-KRS",), None, None, [])
    assert c.counted is Counted.UAV
    assert (c.quote, c.kind.value, c.target_party) == ("три", "interception", "UA")


def test_a_singular_noun_without_a_numeral_is_one() -> None:
    text = (
        "Около 14.10 мск дежурными средствами ПВО украинский беспилотный летательный "
        "аппарат уничтожен над территорией Ростовской области."
    ) + SIGN
    [c] = claims(text, datetime(2025, 5, 4, 11, 30, tzinfo=timezone.utc))
    assert c.quantity is not None
    assert c.quantity.value == 1
    assert c.quote == "беспилотный летательный аппарат"
    assert c.window is not None
    assert c.window.start.hour == 14


def test_a_total_with_its_parts_and_each() -> None:
    text = (
        "В течение прошедшей ночи дежурными средствами ПВО уничтожены 17 украинских БПЛА. "
        "Девять БПЛА сбиты над территорией Курской области, пять – над территорией Брянской "
        "области и по одному – над территориями Орловской, Тульской и Калужской областей." + SIGN
    )
    [c] = claims(text)
    assert shape(c) == (
        17,
        ("RU-KRS", "RU-BRY", "RU-ORL", "RU-TUL", "RU-KLU"),
        None,
        "complete",
        [
            (9, ("RU-KRS",), None, None, []),
            (5, ("RU-BRY",), None, None, []),
            (1, ("RU-ORL", "RU-TUL", "RU-KLU"), "each", None, []),
        ],
    )
    assert validate(c).ok


def test_one_count_over_a_group_is_the_groups_total() -> None:
    [c] = claims(
        "Средствами ПВО уничтожены девять БПЛА над территориями Белгородской и Курской областей."
        + SIGN
    )
    assert shape(c) == (9, ("RU-BEL", "RU-KRS"), "total", None, [])


def test_places_one_after_another_without_a_total() -> None:
    text = (
        "Средствами ПВО уничтожены пятнадцать БПЛА над территорией Курской области, 9 "
        "БПЛА над территорией Липецкой области и по два БПЛА над Азовским и Черным "
        "морями."
    ) + SIGN
    [c] = claims(text)
    assert c.quantity is None
    assert [shape(p)[:3] for p in c.parts] == [
        (15, ("RU-KRS",), None),
        (9, ("RU-LIP",), None),
        (2, ("sea:azov", "sea:black"), "each"),
    ]


def test_bullets_and_nested_counts_flying_towards_moscow() -> None:
    text = (
        "⚡️ С 19.00 до 21.30 мск дежурными средствами ПВО **перехвачены и уничтожены 23** "
        "украинских БПЛА:  ▫️ **11** – над **Московским регионом**, в том числе шесть, "
        "летевших на Москву,  ▫️ 8 – над территорией Смоленской области,  ▫️ 4 – над "
        "акваторией Азовского моря." + SIGN
    )
    [c] = claims(text, datetime(2025, 5, 3, 18, 40, tzinfo=timezone.utc))
    assert shape(c) == (
        23,
        ("RU-MOS", "RU-SMO", "sea:azov"),
        None,
        "complete",
        [
            (11, ("RU-MOS",), None, "partial", [(6, ("RU-MOW",), None, None, [])]),
            (8, ("RU-SMO",), None, None, []),
            (4, ("sea:azov",), None, None, []),
        ],
    )
    assert str(c.window) == "2025-05-03 19:00–21:30 MSK"


def test_outcomes_and_a_second_total_for_the_night() -> None:
    text = (
        "Сегодня ночью дежурными средствами ПВО уничтожены двадцать один украинский "
        "беспилотник над территориями Белгородской и Воронежской областей. Еще три БПЛА "
        "подавлены средствами РЭБ над территорией Республики Крым. Всего за ночь уничтожено "
        "и подавлено 24 беспилотника." + SIGN
    )
    destroyed, suppressed, night = claims(text)
    assert (destroyed.quantity.value, destroyed.note) == (21, "destroyed by air defence")
    assert (suppressed.quantity.value, suppressed.regions) == (3, ("UA-43",))
    assert suppressed.note == "suppressed by electronic warfare"
    assert night.quantity is not None
    assert night.quantity.value == 24
    assert night.id.endswith("-all")
    assert night.window is not None
    assert night.window.label == "overnight"


def test_verbs_before_and_after_their_counts() -> None:
    text = (
        "Дежурными средствами ПВО уничтожены две ракеты и перехвачены три украинских БПЛА "
        "над территорией Брянской области."
    ) + SIGN
    missiles, drones = claims(text)
    assert (missiles.counted, missiles.note) == (Counted.MISSILE, "destroyed by air defence")
    assert (drones.counted, drones.note, drones.regions) == (
        Counted.UAV,
        "intercepted",
        ("RU-BRY",),
    )
    assert missiles.regions == ("RU-BRY",)  # one place named for both


def test_named_systems_decide_what_is_counted() -> None:
    text = (
        "Дежурными средствами ПВО уничтожены две ракеты ОТРК «Точка-У» и семь реактивных "
        "снарядов РСЗО «HIMARS» над Белгородской областью."
    ) + SIGN
    ballistic, rockets = claims(text)
    assert (ballistic.counted, ballistic.weapons) == (Counted.BALLISTIC_MISSILE, ("tochka-u",))
    assert (rockets.counted, rockets.weapons) == (Counted.ROCKET, ("himars",))


def test_designations_ordinals_and_clock_times_are_not_counts() -> None:
    text = (
        "Около 22.30 мск дежурными средствами ПВО уничтожена зенитная управляемая ракета "
        "С-200 над территорией Курской области."
    ) + SIGN
    [c] = claims(text, datetime(2025, 5, 4, 20, 0, tzinfo=timezone.utc))
    assert c.quantity is not None
    assert c.quantity.value == 1


def test_attack_and_detected_counts_are_context_not_claims() -> None:
    text = (
        "Сегодня ночью пресечена попытка киевского режима осуществить террористическую атаку "
        "пятью беспилотными летательными аппаратами. Средствами ПВО обнаружено пять БПЛА. "
        "Четыре БПЛА уничтожены над территорией Брянской области, еще один подавлен "
        "средствами РЭБ." + SIGN
    )
    reading = read(text)
    assert [c.quantity.value for c in reading.statement.claims] == [4, 1]  # type: ignore[union-attr]
    assert {m.what for m in reading.marks} >= {"attack", "detected", "count", "region"}
    assert reading.unread == ()


def test_all_the_drones_of_the_attack() -> None:
    text = (
        "Сегодня около 5.00 мск пресечена попытка осуществить террористическую атаку "
        "тремя беспилотниками по объектам на территории Калужской области. Средствами ПВО "
        "все БПЛА были уничтожены."
    ) + SIGN
    [c] = claims(text, datetime(2025, 5, 4, 2, 30, tzinfo=timezone.utc))
    assert (c.quantity.value, c.regions, c.quote) == (3, ("RU-KLU",), "тремя")  # type: ignore[union-attr]


def test_a_snippet_cut_mid_list_keeps_its_counts_and_is_partial() -> None:
    text = (
        "Дежурными средствами ПВО уничтожены 12 украинских БПЛА. Пять БПЛА сбиты над "
        "территорией Курской области, четыре – над территорией Воронежс"
    )
    [c] = claims(text)
    assert shape(c) == (
        12,
        (),
        None,
        "partial",
        [(5, ("RU-KRS",), None, None, []), (4, ("RU-VOR",), None, None, [])],
    )


def test_a_count_cut_before_its_place_is_a_part_without_regions() -> None:
    text = (
        "Дежурными средствами ПВО уничтожены 12 украинских БПЛА. Пять БПЛА сбиты над "
        "территорией Курской области, семь БПЛА уничтожены над"
    )
    [c] = claims(text)
    assert [shape(p)[:2] for p in c.parts] == [(5, ("RU-KRS",)), (7, ())]


def test_a_bracketed_count_for_each_place() -> None:
    text = (
        "Дежурными средствами ПВО 9 БПЛА уничтожено над территориями Московской (4 БПЛА), "
        "Белгородской (3 БПЛА) и Калужской (2 БПЛА) областей."
    ) + SIGN
    [c] = claims(text)
    assert [shape(p)[:2] for p in c.parts] == [(4, ("RU-MOS",)), (3, ("RU-BEL",)), (2, ("RU-KLU",))]


def test_spans_index_the_original_text() -> None:
    text = (
        "**⚡️ С 21.00 до 22.30 мск** дежурными средствами ПВО **уничтоженo** __пять__ "
        "БПЛА над территорией **Брянской\u00ad области**."
    ) + SIGN
    reading = read(text, datetime(2025, 5, 3, 20, 0, tzinfo=timezone.utc))
    [c] = reading.statement.claims  # type: ignore[union-attr]
    assert c.span is not None
    assert text[c.span.start : c.span.end] == "пять" == c.quote
    marks = {m.what: m for m in reading.marks}
    assert marks["window"].span.of(text) == "С 21.00 до 22.30 мск"
    assert marks["region"].span.of(text) == "Брянской\u00ad области"
    assert marks["outcome"].span.of(text) == "уничтоженo"
    assert all(m.span.of(text) == m.text for m in reading.marks)
    assert {m.what for m in reading.marks_of("claims[0]")} == {
        "count",
        "region",
        "window",
        "thing",
        "outcome",
    }


def test_unread_counts_and_places_are_listed() -> None:
    text = (
        "Дежурными средствами ПВО уничтожены три БПЛА над территорией Неведомой области. "
        "Еще 5 осталось."
    ) + SIGN
    reading = read(text)
    assert [(u.what, u.text) for u in reading.unread] == [
        ("place", "Неведомой области"),
        ("count", "5"),
    ]
    assert "gazetteer" in reading.unread[0].reason
    assert reading.unread_counts == (reading.unread[1],)
    assert str(reading.unread[1]).startswith("count '5' at ")


def test_a_window_that_ends_after_the_post_is_kept_and_listed() -> None:
    """A window the text itself dates after the post is reported, not silently trusted."""
    text = (
        "С 21.00 до 23.00 мск 5 мая 2025 г. дежурными средствами ПВО уничтожены два БПЛА над "
        "Курской областью." + SIGN
    )
    reading = read(text, datetime(2025, 5, 3, 16, 0, tzinfo=timezone.utc))  # 19:00 MSK
    [c] = reading.statement.claims  # type: ignore[union-attr]
    assert c.window is not None
    assert [u.what for u in reading.unread] == ["time"]
    assert "ends after the post" in reading.unread[0].reason


def test_a_phrase_the_phrase_reader_cannot_read_is_listed() -> None:
    text = "В 25.70 мск средствами ПВО сбиты два БПЛА над Курской областью." + SIGN
    reading = read(text)
    [c] = reading.statement.claims  # type: ignore[union-attr]
    assert c.window is None
    assert [u.what for u in reading.unread] == ["time"]
    assert "not a clock time" in reading.unread[0].reason


def test_a_window_of_the_past_day_is_read_and_approximate() -> None:
    text = "За прошедшие сутки средствами ПВО сбиты два БПЛА над Курской областью." + SIGN
    reading = read(text)
    [c] = reading.statement.claims  # type: ignore[union-attr]
    assert c.window is not None
    assert c.window.approximate
    assert reading.unread == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("**🗓 Главное за день**  ▫️ Средствами ПВО сбиты 40 беспилотников.", ReadingKind.DIGEST),
        ("⚡️ Сводка Министерства обороны о ходе операции. Сбиты 12 БПЛА.", ReadingKind.SUMMARY),
        ("Расчеты артиллерии поразили склад. Уничтожены две единицы техники.", ReadingKind.OTHER),
        ("Министр провел совещание.", ReadingKind.OTHER),
        (
            "Заявление пресс-центра группировки «Запад». Средствами ПВО сбиты 3 БПЛА.",
            ReadingKind.OTHER,
        ),
        ("Всего с начала операции средствами ПВО уничтожено 500 БПЛА.", ReadingKind.OTHER),
    ],
)
def test_what_is_not_a_bulletin(text: str, kind: ReadingKind) -> None:
    reading = read(text)
    assert (reading.kind, reading.statement) == (kind, None)


def test_ukrainian_and_english_bulletins() -> None:
    [uk] = claims("Засобами ППО збито п'ять ударних БпЛА над Сумщиною, інші знешкоджено.")
    assert uk.quantity is not None
    assert uk.quantity.value == 5
    reading = read("Air defence shot down twenty-one drones over the Kursk region overnight.")
    [en] = reading.statement.claims  # type: ignore[union-attr]
    assert (en.quantity.value, en.regions) == (21, ("RU-KRS",))  # type: ignore[union-attr]
    assert reading.statement.language == "en"  # type: ignore[union-attr]


def test_the_source_comes_from_the_caller_or_the_signature() -> None:
    text = "Средствами ПВО сбиты два БПЛА над Курской областью."
    assert read(text + SIGN).statement.source == "src:ru-mod"  # type: ignore[union-attr]
    assert read(text).statement.source == "src:unknown"  # type: ignore[union-attr]
    other = read_bulletin(text, posted=POSTED, source="src:someone")
    assert other.statement.source == "src:someone"  # type: ignore[union-attr]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        read_bulletin("text", posted=datetime(2025, 5, 4, 5, 30))
    with pytest.raises(TypeError, match="string"):
        read_bulletin(b"text", posted=POSTED)  # type: ignore[arg-type]


def test_parts_of_a_narrower_outcome_after_iz_kotoryh_are_a_partial_breakdown() -> None:
    text = (
        "Дежурными средствами ПВО перехвачены тридцать украинских БПЛА, из которых "
        "двенадцать над территорией Курской области и три над территорией Брянской "
        "области уничтожены в воздухе." + SIGN
    )
    [c] = claims(text)
    assert shape(c) == (
        30,
        (),
        None,
        "partial",
        [(12, ("RU-KRS",), None, None, []), (3, ("RU-BRY",), None, None, [])],
    )
    assert not [f for f in validate(c) if f.code == "CE201"]


def test_parts_of_the_same_outcome_after_iz_kotoryh_stay_a_complete_breakdown() -> None:
    text = (
        "Дежурными средствами ПВО уничтожены пятнадцать украинских БПЛА, из которых "
        "двенадцать над территорией Курской области и три над территорией Брянской "
        "области." + SIGN
    )
    [c] = claims(text)
    assert shape(c)[3] == "complete"
    assert [p.quantity.value for p in c.parts] == [12, 3]  # type: ignore[union-attr]


@pytest.mark.parametrize("system", ["«Тор-М2»", "«Бук-М3»", "С-300", "Х-59"])
def test_digits_of_a_system_designation_are_not_counts(system: str) -> None:
    text = (
        f"Дежурными средствами ПВО расчет ЗРК {system} уничтожил четыре украинских БПЛА над "
        "территорией Курской области." + SIGN
    )
    [c] = claims(text)
    assert shape(c) == (4, ("RU-KRS",), None, None, [])


@pytest.mark.parametrize(
    ("words", "lower", "inclusive"),
    [("свыше двадцати", 20, False), ("более 20", 20, False), ("не менее 20", 20, True)],
)
def test_a_bounded_count_is_a_bound_not_an_exact_number(
    words: str, lower: int, inclusive: bool
) -> None:
    text = (
        f"Дежурными средствами ПВО уничтожены {words} украинских БПЛА над территорией "
        "Курской области." + SIGN
    )
    [c] = claims(text)
    assert c.quantity is not None
    assert c.quantity == (Quantity.at_least(lower) if inclusive else Quantity.more_than(lower))


def test_an_exact_count_stays_exact() -> None:
    [c] = claims(
        "Дежурными средствами ПВО уничтожены двадцать украинских БПЛА над территорией "
        "Курской области." + SIGN
    )
    assert c.quantity == Quantity.exact(20)


@pytest.mark.parametrize(
    "opening", ["Только за прошедший месяц", "За период с 1 по 7 мая", "За неделю"]
)
def test_results_of_a_month_or_week_are_a_summary_not_a_bulletin(opening: str) -> None:
    text = f"{opening} средствами ПВО уничтожено 140 украинских БПЛА и шесть ракет." + SIGN
    r = read(text)
    assert r.kind is ReadingKind.SUMMARY
    assert r.statement is None


def test_each_over_a_list_cut_short_counts_at_least_two_regions() -> None:
    text = (
        "Дежурными средствами ПВО уничтожены 20 украинских БПЛА. Десять БПЛА уничтожены над "
        "территорией Курской области, по три – над территориями Бе"
    )
    [c] = claims(text)
    assert shape(c)[:4] == (20, (), None, "partial")
    ten, cut = c.parts
    assert ten.quantity == Quantity.exact(10)
    assert (cut.quantity, cut.regions, cut.distribution.value) == (Quantity.exact(3), (), "each")  # type: ignore[union-attr]
    [f] = [f for f in validate(c) if f.code.startswith("CE20")]
    assert (f.code, "0–4 are unaccounted for" in f.message) == ("CE203", True)


def test_each_over_a_whole_list_stays_each() -> None:
    text = (
        "Дежурными средствами ПВО уничтожены 20 украинских БПЛА. Десять БПЛА уничтожены над "
        "территорией Курской области, по пять – над территориями Белгородской и Брянской "
        "областей." + SIGN
    )
    [c] = claims(text)
    assert shape(c)[4][1] == (5, ("RU-BEL", "RU-BRY"), "each", None, [])
