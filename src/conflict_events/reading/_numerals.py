"""Number words in Russian, Ukrainian and English, in every case and gender.

A compact table of forms, generated from stems and endings, read in one dictionary look-up per
word: faster than a morphological analyser and enough for the closed class of numerals.
Compounds ("двадцать один", "сто тридцать", "twenty-one") add up place by place.

>>> [word_value(w) for w in ("пять", "двух", "одиннадцати", "двадцатью", "п'ятьма", "nine")]
[(5, 'unit'), (2, 'unit'), (11, 'teen'), (20, 'ten'), (5, 'unit'), (9, 'unit')]
"""

from __future__ import annotations

__all__ = ["combine", "word_value"]

Place = str
"""Where a word stands in a compound: ``unit``, ``teen``, ``ten``, ``hundred`` or ``thousand``."""


def _forms(table: dict[str, tuple[int, Place]], value: int, place: Place, words: str) -> None:
    for word in words.split():
        table[word] = (value, place)


def _soft(stem: str) -> str:
    """A Russian numeral in -ь with its oblique forms: пять, пяти, пятью."""
    return f"{stem}ь {stem}и {stem}ью"


def _build() -> dict[str, tuple[int, Place]]:
    t: dict[str, tuple[int, Place]] = {}
    # Russian
    _forms(t, 1, "unit", "один одного одному одним одном одна одной одну одною одно одни одних")
    _forms(t, 2, "unit", "два две двух двум двумя")
    _forms(t, 3, "unit", "три трех трем тремя")
    _forms(t, 4, "unit", "четыре четырех четырем четырьмя")
    for value, stem in ((5, "пят"), (6, "шест"), (7, "сем"), (9, "девят"), (10, "десят")):
        _forms(t, value, "ten" if value == 10 else "unit", _soft(stem))
    _forms(t, 8, "unit", "восемь восьми восемью")
    teens = [
        "одиннадцат",
        "двенадцат",
        "тринадцат",
        "четырнадцат",
        "пятнадцат",
        "шестнадцат",
        "семнадцат",
        "восемнадцат",
        "девятнадцат",
    ]
    for i, stem in enumerate(teens, start=11):
        _forms(t, i, "teen", _soft(stem))
    _forms(t, 20, "ten", _soft("двадцат"))
    _forms(t, 30, "ten", _soft("тридцат"))
    _forms(t, 40, "ten", "сорок сорока")
    _forms(t, 50, "ten", "пятьдесят пятидесяти пятьюдесятью")
    _forms(t, 60, "ten", "шестьдесят шестидесяти шестьюдесятью")
    _forms(t, 70, "ten", "семьдесят семидесяти семьюдесятью")
    _forms(t, 80, "ten", "восемьдесят восьмидесяти восемьюдесятью")
    _forms(t, 90, "ten", "девяносто девяноста")
    _forms(t, 100, "hundred", "сто ста")
    _forms(t, 200, "hundred", "двести двухсот двумстам двумястами двухстах")
    _forms(t, 300, "hundred", "триста трехсот тремстам тремястами трехстах")
    _forms(t, 400, "hundred", "четыреста четырехсот четыремстам четырьмястами четырехстах")
    for value, stem in ((500, "пят"), (600, "шест"), (700, "сем"), (900, "девят")):
        _forms(t, value, "hundred", f"{stem}ьсот {stem}исот {stem}истам {stem}ьюстами")
    _forms(t, 800, "hundred", "восемьсот восьмисот восьмистам восемьюстами")
    _forms(t, 1000, "thousand", "тысяча тысячи тысячу тысяч тысячей тысячами тысячам")
    # Ukrainian (the apostrophe is normalised to ' in the working copy)
    _forms(t, 1, "unit", "одне одні однієї одній однією")
    _forms(t, 2, "unit", "дві двох двом двома")
    _forms(t, 3, "unit", "трьох трьом трьома")
    _forms(t, 4, "unit", "чотири чотирьох чотирьом чотирма")
    _forms(t, 5, "unit", "п'ять п'яти п'ятьох п'ятьма п'ятьом")
    _forms(t, 6, "unit", "шість шести шістьох шістьма шістьом")
    _forms(t, 7, "unit", "сім сімох сьома сімома сімом")
    _forms(t, 8, "unit", "вісім восьми вісьмох вісьмома вісьма")
    _forms(t, 9, "unit", "дев'ять дев'яти дев'ятьох дев'ятьма дев'ятьом")
    _forms(t, 10, "ten", "десятьох десятьма десятьом")
    uk_teens = [
        "одинадцят",
        "дванадцят",
        "тринадцят",
        "чотирнадцят",
        "п'ятнадцят",
        "шістнадцят",
        "сімнадцят",
        "вісімнадцят",
        "дев'ятнадцят",
    ]
    for i, stem in enumerate(uk_teens, start=11):
        _forms(t, i, "teen", f"{stem}ь {stem}и {stem}ьох {stem}ьма {stem}ьом")
    for value, stem in (
        (20, "двадцят"),
        (30, "тридцят"),
        (50, "п'ятдесят"),
        (60, "шістдесят"),
        (70, "сімдесят"),
        (80, "вісімдесят"),
    ):
        _forms(t, value, "ten", f"{stem} {stem}ь {stem}и {stem}ьох {stem}ьма {stem}ьом")
    _forms(t, 50, "ten", "п'ятдесяти п'ятдесятьох")
    _forms(t, 40, "ten", "сорока сорокá")
    _forms(t, 90, "ten", "дев'яносто дев'яноста")
    _forms(t, 200, "hundred", "двісті двохсот двомстам")
    _forms(t, 300, "hundred", "трьохсот")
    _forms(t, 400, "hundred", "чотириста чотирьохсот")
    _forms(t, 500, "hundred", "п'ятсот п'ятисот")
    _forms(t, 600, "hundred", "шістсот шестисот")
    _forms(t, 700, "hundred", "сімсот семисот")
    _forms(t, 800, "hundred", "вісімсот восьмисот")
    _forms(t, 900, "hundred", "дев'ятсот дев'ятисот")
    _forms(t, 1000, "thousand", "тисяча тисячі тисяч тисячу тисячею")
    # English
    units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    for i, word in enumerate(units, start=1):
        _forms(t, i, "unit", word)
    _forms(t, 10, "ten", "ten")
    en_teens = [
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
    for i, word in enumerate(en_teens, start=11):
        _forms(t, i, "teen", word)
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    for i, word in enumerate(tens, start=2):
        _forms(t, i * 10, "ten", word)
    _forms(t, 100, "hundred", "hundred")
    _forms(t, 1000, "thousand", "thousand")
    return t


_TABLE = _build()
_ORDER = {"thousand": 4, "hundred": 3, "ten": 2, "teen": 1, "unit": 0}


def word_value(word: str) -> tuple[int, Place] | None:
    """The value of a lower-case number word and its place, or ``None`` for another word.

    >>> word_value("тридцати"), word_value("drones")
    ((30, 'ten'), None)
    """
    return _TABLE.get(word)


def combine(parts: list[tuple[int, Place]]) -> tuple[int, int]:
    """The value of the longest compound at the start of ``parts`` and how many words it takes.

    Places fall from thousands to units ("сто тридцать два"); a unit before "hundred" or
    "thousand" multiplies it ("two hundred", "две тысячи").

    >>> combine([(20, "ten"), (1, "unit")]), combine([(2, "unit"), (3, "unit")])
    ((21, 2), (2, 1))
    >>> combine([(2, "unit"), (100, "hundred"), (30, "ten")])
    (230, 3)
    """
    total = 0
    current = 0
    last: int | None = None
    used = 0
    for value, place in parts:
        rank = _ORDER[place]
        multiplies = place in ("hundred", "thousand") and (place == "thousand" or current < 10)
        if used and last is not None and last < rank and multiplies:
            if place == "thousand":
                total += current * value
                current = 0
            else:
                current *= value
            last = rank
            used += 1
            continue
        if last is not None and (rank >= last or last == 1 or (last == 2 and rank == 1)):
            break
        current += value
        last = 1 if place == "ten" and value == 10 else rank
        used += 1
    return total + current, used
