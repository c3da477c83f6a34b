"""The time-phrase reader's layers: words with spans, lenient scanning, part-of-day words."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from conflict_events import TimeParseError, TimeWindow
from conflict_events.errors import ModelError
from conflict_events.model._phrase.resolve import PhraseFields, read_phrase
from conflict_events.model._phrase.scan import fold, scan
from conflict_events.model._phrase.words import Kind
from conflict_events.model.conventions import DEFAULT_CONVENTIONS, Conventions, DayPart

MOSCOW = "Europe/Moscow"
OCT31 = date(2025, 10, 31)


def test_every_word_knows_where_it_stands_in_the_text() -> None:
    """Spans index the text as given, whatever case folding and dash normalising do."""
    text = "С 23:00 МСК 30 октября\u00a0— до 8:00 31 октября"
    tokens = scan(text)
    assert [text[t.start : t.end] for t in tokens] == [
        "С",
        "23:00",
        "МСК",
        "30",
        "октября",
        "—",
        "до",
        "8:00",
        "31",
        "октября",
    ]
    assert [t.kind for t in tokens][:3] == [Kind.FROM, Kind.TIME, Kind.ZONE]


def test_spans_survive_characters_that_fold_to_two() -> None:
    """ "ß" folds to "ss": the words after it still point at the right place."""
    folded, origin = fold("Straße 20:00")
    assert folded == "strasse 20:00"
    assert len(origin) == len(folded) + 1
    tokens = scan("Straße 20:00", strict=False)
    assert [(t.kind, "Straße 20:00"[t.start : t.end]) for t in tokens] == [
        (Kind.OTHER, "Straße"),
        (Kind.TIME, "20:00"),
    ]


def test_joined_words_span_all_they_join() -> None:
    """An hour and its part-of-day word, a night and its dates: one word, one span."""
    text = "в ночь с 30 на 31 октября с 11 вечера"
    night, *_, late = scan(text)
    assert text[night.start : night.end] == "ночь с 30 на 31 октября"
    assert night.ends is not None
    assert night.ends.day == 31
    assert text[late.start : late.end] == "11 вечера"
    assert late.clock is not None
    assert late.clock.hour == 23


def test_lenient_scanning_reads_a_whole_sentence_and_marks_the_rest() -> None:
    """A bulletin's sentence: time words are found with their spans, other words are OTHER."""
    text = "Сбиты 12 БПЛА (km/h!) в период с 20:00 до 23:00 мск."
    tokens = scan(text, strict=False)
    kinds = [t.kind for t in tokens]
    assert Kind.OTHER in kinds
    timed = [text[t.start : t.end] for t in tokens if t.kind is Kind.TIME]
    assert timed == ["20:00", "23:00"]
    with pytest.raises(TimeParseError, match="'сбиты' is not a word of time phrases"):
        scan(text)
    with pytest.raises(TimeParseError, match="'km/h' is not an IANA time zone"):
        scan("km/h")


def test_lenient_scanning_keeps_characters_outside_every_pattern() -> None:
    text = "20:00 § 21:00"
    tokens = scan(text, strict=False)
    assert [(t.kind, text[t.start : t.end]) for t in tokens] == [
        (Kind.TIME, "20:00"),
        (Kind.OTHER, "§"),
        (Kind.TIME, "21:00"),
    ]
    with pytest.raises(TimeParseError, match="'§' at position 6 is not part of a time phrase"):
        scan(text)


def test_the_resolver_returns_fields_not_a_window() -> None:
    found = read_phrase("с 20:00 до 23:00 мск", reference=OCT31)
    assert isinstance(found, PhraseFields)
    assert (found.start, found.end, found.tz) == (
        datetime.fromisoformat("2025-10-31T20:00:00+03:00"),
        datetime.fromisoformat("2025-10-31T23:00:00+03:00"),
        MOSCOW,
    )
    window = TimeWindow.parse("с 20:00 до 23:00 мск", reference=OCT31)
    assert (window.start, window.end, window.text) == (found.start, found.end, found.text)


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("8 утра", 8),
        ("11 вечера", 23),
        ("6 вечера", 18),
        ("दोपहर 3 बजे", 15),
        ("सुबह 8 बजे", 8),
        ("2 ночи", 2),
        ("12 ночи", 0),
        ("11 ночи", 23),
        ("8 ранку", 8),
        ("10 вечора", 22),
    ],
)
def test_an_hour_word_puts_the_hour_within_its_part(text: str, hour: int) -> None:
    """The half of the day comes from the part's hours, so it follows the conventions."""
    w = TimeWindow.parse(text, tz=MOSCOW, reference=OCT31)
    assert w.local_start.hour == hour


def test_days_are_not_an_hour_word() -> None:
    """ "3 дня" is far more often "3 days" than "3 p.m.": it is not read as a time."""
    with pytest.raises(TimeParseError, match="'дня' is not a word of time phrases"):
        TimeWindow.parse("3 дня", tz=MOSCOW, reference=OCT31)


def test_an_hour_word_follows_the_conventions_hours() -> None:
    """With the evening moved to 13:00-19:00, "5 вечера" is still 17:00, "1 вечера" 13:00."""
    early = DEFAULT_CONVENTIONS.with_part("evening", "13:00", "19:00")
    w = TimeWindow.parse("1 вечера", tz=MOSCOW, reference=OCT31, conventions=early)
    assert w.local_start.hour == 13


def test_an_hour_word_of_a_part_the_conventions_lack_is_an_error() -> None:
    bare = Conventions(parts_of_day=[DEFAULT_CONVENTIONS.part("morning")])
    with pytest.raises(TimeParseError, match="no part of the day 'evening'"):
        TimeWindow.parse("11 вечера", tz=MOSCOW, reference=OCT31, conventions=bare)
    with pytest.raises(TimeParseError, match="no part of the day 'evening'"):
        TimeWindow.parse("вечером", tz=MOSCOW, reference=OCT31, conventions=bare)


def test_part_of_day_words_live_in_the_conventions() -> None:
    """The default parts carry their words; replacing a part's hours keeps them."""
    evening = DEFAULT_CONVENTIONS.part("evening")
    assert "вечером" in evening.words
    assert evening.hour_words == ("вечера", "вечора", "शाम", "रात")
    later = DEFAULT_CONVENTIONS.with_part("evening", "19:00", "24:00", words=["at dusk", "вечером"])
    assert later.part("evening").words == (*evening.words, "at dusk")
    assert later.part("evening").hour_words == evening.hour_words
    w = TimeWindow.parse("вечером 31 октября", tz=MOSCOW, reference=OCT31, conventions=later)
    assert w.local_start.hour == 19
    w = TimeWindow.parse("at dusk", tz=MOSCOW, reference=OCT31, conventions=later)
    assert w.label == "evening"


def test_a_day_part_checks_its_hour_words() -> None:
    with pytest.raises(ModelError, match="hour_words: expected a list of phrases"):
        DayPart.clock("evening", "18:00", "24:00", hour_words=["", "вечера"])
    part = DayPart.clock("dusk", "17:00", "19:00", hour_words=["сумерек"])
    assert part.hour(5) == 17
