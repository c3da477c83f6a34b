"""Time phrases resolved against the moment they were written, and the bulletins' vocabulary.

Every phrase here is written for the test; real posts are read in ``test_time_real_posts.py``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import attrs
import pytest

from conflict_events import TimeParseError, TimeWindow
from conflict_events.errors import ModelError
from conflict_events.model._phrase.scan import find_phrases
from conflict_events.model.conventions import DEFAULT_CONVENTIONS, Conventions

MOSCOW = "Europe/Moscow"


def utc(text: str) -> datetime:
    """An aware UTC instant, as the posts' times are given."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def read(text: str, posted: str | date, **options: object) -> TimeWindow:
    reference = posted if isinstance(posted, date) else utc(posted)
    return TimeWindow.parse(text, tz=MOSCOW, reference=reference, **options)  # type: ignore[arg-type]


def bounds(w: TimeWindow) -> tuple[str, str]:
    return w.start.isoformat(), w.end.isoformat()


# --- an undated window is the latest one that ends by the reference ------------------------


def test_an_undated_range_posted_after_midnight_is_the_evening_just_ended() -> None:
    """21:01 UTC is 00:01 MSK the next day: the evening that just ended, not the next one."""
    w = read("с 21.00 до 23.40", "2024-05-01T21:01")
    assert bounds(w) == ("2024-05-01T21:00:00+03:00", "2024-05-01T23:40:00+03:00")
    assert not w.approximate


def test_an_undated_range_posted_before_its_end_within_the_tolerance_is_that_evening() -> None:
    """Posted at 23:00 MSK, a window ending at 23:40 is within the hour's tolerance."""
    w = read("с 21.00 до 23.40", "2024-05-01T20:00")
    assert w.end.isoformat() == "2024-05-01T23:40:00+03:00"
    strict = attrs.evolve(DEFAULT_CONVENTIONS, reference_tolerance=timedelta(0))
    w = read("с 21.00 до 23.40", "2024-05-01T20:00", conventions=strict)
    assert w.end.isoformat() == "2024-04-30T23:40:00+03:00"


def test_an_undated_instant_is_the_latest_one_before_the_post() -> None:
    w = read("около 23.50", "2024-05-01T21:30")  # 00:30 MSK on 2 May
    assert bounds(w) == ("2024-05-01T23:50:00+03:00", "2024-05-01T23:50:00+03:00")
    assert w.approximate
    w = read("в районе 07.50", "2024-05-01T05:10")  # 08:10 MSK
    assert bounds(w) == ("2024-05-01T07:50:00+03:00", "2024-05-01T07:50:00+03:00")
    assert w.approximate


def test_a_date_reference_keeps_the_day_it_names() -> None:
    """A date, not an instant: the undated window is on that day, as before."""
    w = read("с 21.00 до 23.40", date(2024, 5, 2))
    assert w.start.isoformat() == "2024-05-02T21:00:00+03:00"


# --- midnight, a.m. / p.m. and month names -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("С 20.00 мск 24 мая до 0.00 25 мая", "2024-05-25T00:00:00+03:00"),
        ("с 20.00 24 мая до 24.00 24 мая", "2024-05-25T00:00:00+03:00"),
        ("с 20.00 до 24.00 24 мая", "2024-05-25T00:00:00+03:00"),
        ("с 20.00 до 0.00 24 мая", "2024-05-25T00:00:00+03:00"),
        ("8 PM May 24 to 12 a.m. May 25", "2024-05-25T00:00:00+03:00"),
    ],
)
def test_until_midnight_of_a_date_ends_at_that_dates_midnight(text: str, end: str) -> None:
    """An end with a date of its own ends at that date's 00:00; a date written once for the
    whole range is the range's day, and its 00:00 at the end is 24:00."""
    assert read(text, "2024-05-26T10:00").end.isoformat() == end


def test_english_midnight_of_the_next_day() -> None:
    w = read("8 PM Oct 30 to 12 a.m. Oct 31", "2024-10-31T10:00")
    assert bounds(w) == ("2024-10-30T20:00:00+03:00", "2024-10-31T00:00:00+03:00")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("between 8:00 and 11:00 pm MSK", "20:00", "23:00"),
        ("from 1:30 to 3:00 p.m.", "13:30", "15:00"),
        ("between 8:00 am and 11:00 pm", "08:00", "23:00"),
        ("from 9:00 to 8:00 pm", "09:00", "20:00"),
        ("from 8:00 pm to 11:00", "20:00", "23:00"),
    ],
)
def test_a_trailing_meridiem_applies_to_both_ends_when_that_keeps_the_range_short(
    text: str, start: str, end: str
) -> None:
    """Not when the other end has its own, nor when it would reverse the range."""
    w = read(text, date(2024, 10, 31))
    assert (f"{w.local_start:%H:%M}", f"{w.local_end:%H:%M}") == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "October 30th, 2024",
        "Oct. 30th 2024",
        "30th October 2024",
        "the 30th of October, 2024",
        "30-го октября 2024 года",
        "30 октября 2024 г.",
        "30-го жовтня 2024 року",
        "30 жовтня 2024 р.",
    ],
)
def test_month_names_with_ordinals_and_years(text: str) -> None:
    w = read(text, date(2024, 11, 5))
    assert bounds(w) == ("2024-10-30T00:00:00+03:00", "2024-10-31T00:00:00+03:00")


# --- the bulletins' vocabulary ---------------------------------------------------------------


def test_date_ranges_run_from_the_first_days_start_to_the_last_days_end() -> None:
    w = read("с 1 по 7 мая 2026 г.", date(2026, 5, 8))
    assert bounds(w) == ("2026-05-01T00:00:00+03:00", "2026-05-08T00:00:00+03:00")
    assert not w.approximate
    w = read("за период с 29 ноября по 5 декабря", date(2023, 12, 6))
    assert bounds(w) == ("2023-11-29T00:00:00+03:00", "2023-12-06T00:00:00+03:00")


def test_a_date_range_written_on_its_last_day_ends_at_the_post() -> None:
    """Posted at 15:00 MSK on 7 May, "по 7 мая" can cover the day only up to the post."""
    w = read("с 1 по 7 мая 2026 г.", "2026-05-07T12:00")
    assert bounds(w) == ("2026-05-01T00:00:00+03:00", "2026-05-07T15:00:00+03:00")
    assert w.approximate


@pytest.mark.parametrize("marker", ["т.г.", "т. г.", "с.г.", "текущего года"])
def test_this_year_is_the_references_year(marker: str) -> None:
    w = read(f"10 сентября {marker} около 07.50 мск", "2023-09-10T05:00")
    assert w.start.isoformat() == "2023-09-10T07:50:00+03:00"
    with pytest.raises(TimeParseError, match="no full date: pass reference="):
        TimeWindow.parse(f"10 сентября {marker}", tz=MOSCOW)


def test_latin_look_alike_letters_are_read_as_cyrillic() -> None:
    """A Latin "C" for the preposition "С"; Latin "p" and "o" inside Cyrillic words."""
    w = read("C 20.00 до 23.00 мск", "2024-05-01T20:10")
    assert bounds(w) == ("2024-05-01T20:00:00+03:00", "2024-05-01T23:00:00+03:00")
    assert w.text == "C 20.00 до 23.00 мск"
    w = read("в течение пpошедшей нoчи", "2024-05-01T05:30")
    assert w.label == "overnight"
    with pytest.raises(TimeParseError, match="'нqчи' is not a word"):
        read("в течение прошедшей нqчи", "2024-05-01T05:30")  # "q" has no Cyrillic twin


def test_the_last_24_hours_and_a_dated_day() -> None:
    for text in ("в течение суток", "за сутки", "за прошедшие сутки", "протягом доби"):
        w = read(text, "2024-05-01T09:00")
        assert bounds(w) == ("2024-04-30T12:00:00+03:00", "2024-05-01T12:00:00+03:00"), text
        assert w.approximate
    w = read("за сутки", date(2024, 5, 1))
    assert bounds(w) == ("2024-05-01T00:00:00+03:00", "2024-05-02T00:00:00+03:00")
    assert w.approximate
    w = read("за сутки 30 апреля", "2024-05-01T09:00")
    assert bounds(w) == ("2024-04-30T00:00:00+03:00", "2024-05-01T00:00:00+03:00")
    assert not w.approximate
    with pytest.raises(TimeParseError, match="'сутки' stands alone"):
        read("с 20.00 до сутки", "2024-05-01T09:00")


def test_day_and_month_after_a_clock_time() -> None:
    w = read("с 23:00 мск 02.10 до 07:00 мск 03.10", "2024-10-03T04:10")
    assert bounds(w) == ("2024-10-02T23:00:00+03:00", "2024-10-03T07:00:00+03:00")
    w = read("с 23.00 25.12 до 07.00 26.12", "2024-12-26T05:00")
    assert bounds(w) == ("2024-12-25T23:00:00+03:00", "2024-12-26T07:00:00+03:00")
    with pytest.raises(TimeParseError, match=r"'26\.12' is neither a clock time nor a date here"):
        read("25.12 26.12", "2024-12-26T05:00")


def test_iso_instants_ending_in_z_are_utc() -> None:
    w = read("2024-10-01T20:00:00Z", "2024-10-01T21:00")
    assert (w.tz, w.start.isoformat()) == ("UTC", "2024-10-01T20:00:00+00:00")
    w = TimeWindow.parse("2024-10-01T17:00Z – 2024-10-01T20:00Z")
    assert w.duration == timedelta(hours=3)


@pytest.mark.parametrize(
    "text",
    [
        "entre 20 heures et 23 heures heure de Moscou",
        "de 20h00 à 23h00 heure de Moscou",
        "von 20 bis 23 Uhr Moskauer Zeit",
        "zwischen 20 und 23 Uhr Moskauer Zeit",
        "莫斯科时间20时至23时",
        "莫斯科时间20点到23点",
        "मास्को समय रात 8 बजे से 11 बजे तक",
        "between 8 and 11 pm Moscow time",
    ],
)
def test_clock_ranges_in_other_languages(text: str) -> None:
    w = TimeWindow.parse(text, reference=utc("2024-10-01T20:10"))
    assert (w.tz, bounds(w)) == (
        MOSCOW,
        ("2024-10-01T20:00:00+03:00", "2024-10-01T23:00:00+03:00"),
    )


def test_hours_and_minutes_in_words() -> None:
    w = read("Сегодня в 5 часов 30 минут", "2023-06-02T10:00")
    assert w.start.isoformat() == "2023-06-02T05:30:00+03:00"
    w = read("с 3 утра до 4 часов 45 минут", "2023-04-02T10:00")
    assert bounds(w) == ("2023-04-02T03:00:00+03:00", "2023-04-02T04:45:00+03:00")


def test_a_range_since_a_date_runs_to_the_reference() -> None:
    w = read("с 12 сентября", "2023-09-20T12:29")
    assert bounds(w) == ("2023-09-12T00:00:00+03:00", "2023-09-20T15:29:00+03:00")
    assert w.approximate
    w = read("с 12 сентября", date(2023, 9, 20))
    assert w.end.isoformat() == "2023-09-21T00:00:00+03:00"
    w = read("с 20.00", "2023-10-05T19:00")  # since 20:00, posted at 22:00 MSK
    assert bounds(w) == ("2023-10-05T20:00:00+03:00", "2023-10-05T22:00:00+03:00")
    with pytest.raises(TimeParseError, match="'с' opens a range that never ends"):
        TimeWindow.parse("с 29 сентября 2023", tz=MOSCOW)
    with pytest.raises(TimeParseError, match=r"starts .* after the reference"):
        read("с 20.00 5 октября", "2023-10-05T12:00")


def test_day_and_night_is_not_a_window() -> None:
    with pytest.raises(TimeParseError, match="'днем и ночью' means 'at all times'"):
        read("днём и ночью", "2023-10-05T12:00")


# --- conventional windows end by the reference ---------------------------------------------


def test_the_default_night_is_cut_at_the_post_and_marked_approximate() -> None:
    w = read("В течение прошедшей ночи", "2024-10-01T04:30")  # 07:30 MSK
    assert bounds(w) == ("2024-09-30T23:00:00+03:00", "2024-10-01T07:30:00+03:00")
    assert (w.label, w.approximate) == ("overnight", True)
    w = read("В течение прошедшей ночи", "2024-10-01T06:00")  # 09:00 MSK: not cut
    assert w.end.isoformat() == "2024-10-01T08:00:00+03:00"


def test_cutting_is_a_convention_that_can_be_turned_off() -> None:
    keep = attrs.evolve(DEFAULT_CONVENTIONS, cut_at_reference=False)
    w = read("В течение прошедшей ночи", "2024-10-01T04:30", conventions=keep)
    assert w.end.isoformat() == "2024-10-01T08:00:00+03:00"


def test_a_morning_posted_before_the_conventional_morning_begins() -> None:
    """Posted at 05:06 MSK, "утром 14 июня" happened between midnight and the post."""
    w = read("Утром 14 июня", "2023-06-14T02:06")
    assert bounds(w) == ("2023-06-14T00:00:00+03:00", "2023-06-14T05:06:00+03:00")
    assert w.approximate


def test_a_day_written_on_that_day_ends_at_the_post() -> None:
    w = read("3 ноября 2023", "2023-11-03T11:40")
    assert bounds(w) == ("2023-11-03T00:00:00+03:00", "2023-11-03T14:40:00+03:00")
    assert w.approximate


def test_a_window_dated_after_the_post_is_left_as_written() -> None:
    """An announcement of what is to come is not cut: the text dates it."""
    w = read("12 марта 2024", "2024-03-10T20:01")
    assert bounds(w) == ("2024-03-12T00:00:00+03:00", "2024-03-13T00:00:00+03:00")
    assert not w.approximate


def test_a_clock_time_is_never_cut() -> None:
    """An end the text gives as a clock time is what the text says, even after the post."""
    w = read("31 октября с 20:00 до 23:00", "2025-10-31T19:00")
    assert w.end.isoformat() == "2025-10-31T23:00:00+03:00"


def test_the_reference_conventions_are_checked() -> None:
    with pytest.raises(ModelError, match="reference_tolerance: expected a timedelta from 0"):
        Conventions(reference_tolerance=timedelta(hours=-1))
    with pytest.raises(ModelError, match="cut_at_reference: expected true or false"):
        Conventions(cut_at_reference="yes")  # type: ignore[arg-type]


# --- finding phrases in a whole post -------------------------------------------------------


def test_phrases_are_found_in_a_whole_post() -> None:
    post = (
        "⚡️ **Сегодня около 07.50 мск пресечена попытка атаки. Уничтожены 3 БПЛА.\n"
        "С 20.00 до 23.00 мск над территорией области сбиты 5 БПЛА; за период с 1 по 7 "
        "мая уничтожены 99 БПЛА. С Днём Победы! Главное за день. днём и ночью"
    )
    found = [post[a:b] for a, b in find_phrases(post)]
    assert found == ["Сегодня около 07.50 мск", "С 20.00 до 23.00 мск", "с 1 по 7 мая"]


def test_found_phrases_drop_range_words_and_counts_at_their_ends() -> None:
    """ "до 31 декабря" is found as its date; "30 часов" of flight is no clock time."""
    post = "Кредитные каникулы до 31 декабря 2025 года. Полёт длился 30 часов и 172 минуты"
    assert [post[a:b] for a, b in find_phrases(post)] == ["31 декабря 2025"]
