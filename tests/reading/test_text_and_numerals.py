"""The working copy (markup out, offsets kept) and number words in three languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflict_events.reading._numerals import combine, word_value
from conflict_events.reading._text import working_copy

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _english(n: int) -> list[str]:
    words: list[str] = []
    if n >= 100:
        words += [ONES[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        words.append(TENS[n // 10])
        n %= 10
        if n:
            words.append(ONES[n])
    elif n >= 10:
        words.append(TEENS[n - 10])
    elif n:
        words.append(ONES[n])
    return words


def _value(words: list[str]) -> tuple[int, int]:
    parts = [word_value(w) for w in words]
    assert all(p is not None for p in parts)
    return combine([p for p in parts if p is not None])


@given(st.integers(min_value=1, max_value=999))
def test_every_english_number_below_a_thousand_reads_back(n: int) -> None:
    words = _english(n)
    assert _value(words) == (n, len(words))


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("пять", 5),
        ("двух", 2),
        ("одиннадцати", 11),
        ("двадцать один", 21),
        ("двадцатью восемью", 28),
        ("сто тридцать", 130),
        ("двумстам сорока", 240),
        ("две тысячи", 2000),
        ("одному", 1),
        ("трьох", 3),
        ("п'ятьма", 5),
        ("дев'ятнадцяти", 19),
        ("сорока", 40),
    ],
)
def test_russian_and_ukrainian_numerals_in_every_case(words: str, value: int) -> None:
    assert _value(words.split())[0] == value


def test_a_compound_stops_where_places_stop_falling() -> None:
    """ "два три" is two numbers; "десять два" is not twelve."""
    assert combine([(2, "unit"), (3, "unit")]) == (2, 1)
    assert combine([(10, "ten"), (2, "unit")]) == (10, 1)
    assert combine([(20, "ten"), (11, "teen")]) == (20, 1)


def test_other_words_are_not_numbers() -> None:
    assert word_value("беспилотников") is None
    assert word_value("drones") is None


def test_markup_goes_and_spans_still_index_the_original() -> None:
    text = "**Сбито** __два__ БПЛА\u00ad над [Курской](https://t.me/x) областью"
    w = working_copy(text)
    assert w.text == "сбито два бпла над курской областью"
    start = w.text.index("два")
    assert w.span(start, start + 3).of(text) == "два"
    start = w.text.index("курской")
    assert w.span(start, start + 7).of(text) == "Курской"


def test_latin_look_alikes_in_cyrillic_words_are_made_cyrillic() -> None:
    w = working_copy("уничтоженo три БПЛА, c применением")
    assert w.text == "уничтожено три бпла, с применением"
    assert working_copy("Shot down 3 UAVs over Crimea").text == "shot down 3 uavs over crimea"


def test_a_word_with_several_latin_look_alikes_is_made_cyrillic_whole() -> None:
    """Latin letters at the start and inside one Cyrillic word are all replaced, once."""
    assert working_copy("сбитo aбвoг ракет").text == "сбито абвог ракет"


@given(
    st.lists(
        st.sampled_from(["**", "__", "\u00ad", "\ufe0f", " ", "два", "БПЛА", "над", "Крымом", "."]),
        max_size=30,
    )
)
def test_every_working_character_comes_from_the_original(pieces: list[str]) -> None:
    text = "".join(pieces)
    w = working_copy(text)
    assert len(w.text) == len(w.index) == len(w.cased)
    assert list(w.index) == sorted(set(w.index))
    for i, ch in enumerate(w.cased):
        original = text[w.index[i]]
        assert ch == original or ch.lower() == original.lower() or ch == " "


def test_a_letter_whose_lower_case_is_longer_keeps_the_map_one_to_one() -> None:
    w = working_copy("İstanbul: 3")
    assert len(w.text) == len(w.index) == len("İstanbul: 3")
    assert w.text.endswith(": 3")
