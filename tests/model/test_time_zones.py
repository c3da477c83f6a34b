"""Zone correctness: Moscow's 2011 and 2014 changes, summer time before 2011, Kyiv's DST fold
and gap, and the check of a stored offset against the zone."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta, timezone

import pytest
import pytz

from conflict_events.errors import AmbiguousTimeError, NonExistentTimeError, TimeZoneError
from conflict_events.model.time import TimeWindow

MOSCOW = "Europe/Moscow"
KYIV = "Europe/Kyiv"


def local(*args: int) -> datetime:
    """A naive local time, for the code under test to localise."""
    return datetime(*args)  # type: ignore[arg-type]


def offset(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


# --- Moscow -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "hours"),
    [
        (local(2010, 1, 15, 12), 3),  # winter time before 2011
        (local(2010, 7, 1, 12), 4),  # summer time (MSD) before 2011
        (local(2011, 3, 27, 1, 59), 3),  # the last minute of UTC+3 in 2011
        (local(2011, 3, 27, 3, 0), 4),  # UTC+4 all year from here ...
        (local(2012, 1, 15, 12), 4),  # ... even in winter
        (local(2014, 10, 26, 0, 59), 4),  # the last hour of UTC+4
        (local(2014, 10, 26, 2, 0), 3),  # UTC+3 from here
        (local(2025, 10, 31, 20), 3),
    ],
)
def test_moscow_historical_offsets(moment: datetime, hours: int) -> None:
    w = TimeWindow.at(moment, tz=MOSCOW)
    assert w.start.utcoffset() == timedelta(hours=hours)


def test_the_2011_change_shortens_the_day_and_the_night() -> None:
    """On 27 March 2011 Moscow went from UTC+3 to UTC+4 at 02:00 and stayed there."""
    day = TimeWindow.on_day(date(2011, 3, 27), tz=MOSCOW)
    assert (day.start.isoformat(), day.end.isoformat()) == (
        "2011-03-27T00:00:00+03:00",
        "2011-03-28T00:00:00+04:00",
    )
    assert day.duration == timedelta(hours=23)
    night = TimeWindow.overnight(ending_on=date(2011, 3, 27), tz=MOSCOW)
    assert night.duration == timedelta(hours=8)
    assert str(night) == (
        '2011-03-26 23:00 – 2011-03-27 08:00 MSK [part_of_day, "overnight", approximate]'
    )


def test_the_2014_change_lengthens_the_day_and_the_night() -> None:
    """On 26 October 2014 Moscow went back from UTC+4 to UTC+3 at 02:00."""
    day = TimeWindow.on_day(date(2014, 10, 26), tz=MOSCOW)
    assert day.duration == timedelta(hours=25)
    night = TimeWindow.parse("в ночь на 26 октября", tz=MOSCOW, reference=date(2014, 10, 27))
    assert (night.start.isoformat(), night.end.isoformat()) == (
        "2014-10-25T23:00:00+04:00",
        "2014-10-26T08:00:00+03:00",
    )
    assert night.duration == timedelta(hours=10)


def test_moscow_gap_and_fold_are_errors_of_their_own() -> None:
    with pytest.raises(NonExistentTimeError, match="2011-03-27T02:30:00 never happens"):
        TimeWindow.at(local(2011, 3, 27, 2, 30), tz=MOSCOW)
    with pytest.raises(AmbiguousTimeError, match="2014-10-26T01:30:00 happens twice"):
        TimeWindow.at(local(2014, 10, 26, 1, 30), tz=MOSCOW)
    with pytest.raises(NonExistentTimeError):
        TimeWindow.at(local(2010, 3, 28, 2, 30), tz=MOSCOW)  # summer time began
    with pytest.raises(AmbiguousTimeError):
        TimeWindow.at(local(2010, 10, 31, 2, 30), tz=MOSCOW)  # summer time ended
    with pytest.raises(AmbiguousTimeError, match="reading '1:30 MSK'"):
        TimeWindow.parse("1:30 MSK", reference=date(2014, 10, 26))
    with pytest.raises(NonExistentTimeError, match="reading '2:30 MSK'"):
        TimeWindow.parse("2:30 MSK", reference=date(2011, 3, 27))


def test_both_moscow_readings_of_a_fold_are_reachable() -> None:
    first = TimeWindow.parse("2014-10-26T01:30+04:00 MSK")
    second = TimeWindow.parse("2014-10-26T01:30+03:00 MSK")
    assert second.start - first.start == timedelta(hours=1)
    assert str(first) == "2014-10-26T01:30+04:00 MSK"
    aware = datetime(2014, 10, 26, 1, 30, fold=1, tzinfo=zoneinfo.ZoneInfo(MOSCOW))
    assert TimeWindow.at(aware).start.astimezone(timezone.utc) == second.start


def test_msk_follows_the_zone_while_msd_means_utc_plus_4() -> None:
    assert TimeWindow.parse("20:00 MSK 1 July 2012").start.utcoffset() == timedelta(hours=4)
    assert TimeWindow.parse("20:00 MSD 1 July 2009").start.utcoffset() == timedelta(hours=4)
    with pytest.raises(TimeZoneError, match="'MSD' means UTC\\+04:00 but Europe/Moscow"):
        TimeWindow.parse("20:00 MSD 15 January 2010")


# --- Kyiv -------------------------------------------------------------------------------------


def test_kyiv_fold_in_october_2025() -> None:
    """On 26 October 2025 Kyiv's clocks went back from 04:00 EEST to 03:00 EET."""
    with pytest.raises(AmbiguousTimeError, match="2025-10-26T03:30:00 happens twice in Europe"):
        TimeWindow.at(local(2025, 10, 26, 3, 30), tz=KYIV)
    summer = TimeWindow.parse("2025-10-26 03:30 EEST")
    winter = TimeWindow.parse("2025-10-26 03:30 EET")
    assert (summer.start.isoformat(), winter.start.isoformat()) == (
        "2025-10-26T03:30:00+03:00",
        "2025-10-26T03:30:00+02:00",
    )
    assert summer.tz == winter.tz == KYIV
    with pytest.raises(AmbiguousTimeError, match="reading '03:30 за київським часом'"):
        TimeWindow.parse("03:30 за київським часом", reference=date(2025, 10, 26))
    day = TimeWindow.on_day(date(2025, 10, 26), tz=KYIV)
    assert day.duration == timedelta(hours=25)
    assert str(day) == "2025-10-26 00:00 EEST – 2025-10-27 00:00 EET [day]"


def test_kyiv_gap_in_march_2025() -> None:
    """On 30 March 2025 Kyiv's clocks went forward from 03:00 EET to 04:00 EEST."""
    with pytest.raises(NonExistentTimeError, match="2025-03-30T03:30:00 never happens"):
        TimeWindow.at(local(2025, 3, 30, 3, 30), tz=KYIV)
    with pytest.raises(NonExistentTimeError):
        TimeWindow.parse("2025-03-30 03:30 EEST")
    night = TimeWindow.overnight(ending_on=date(2025, 3, 30), tz=KYIV)
    assert night.duration == timedelta(hours=8)
    assert (night.start.utcoffset(), night.end.utcoffset()) == (
        timedelta(hours=2),
        timedelta(hours=3),
    )


def test_a_kyiv_night_across_the_fold() -> None:
    w = TimeWindow.parse(
        "з 23:00 25 жовтня до 07:00 26 жовтня за київським часом", reference=date(2025, 10, 26)
    )
    assert (w.start.isoformat(), w.end.isoformat(), w.duration) == (
        "2025-10-25T23:00:00+03:00",
        "2025-10-26T07:00:00+02:00",
        timedelta(hours=9),
    )


def test_an_abbreviation_that_contradicts_the_season_is_refused() -> None:
    with pytest.raises(TimeZoneError, match="'EEST' means UTC\\+03:00 but Europe/Kyiv"):
        TimeWindow.parse("20:00 EEST 15 January 2025")
    with pytest.raises(TimeZoneError, match="'EET' means UTC\\+02:00"):
        TimeWindow.parse("20:00 EET 15 July 2025")


# --- the stored offset ------------------------------------------------------------------------


def test_a_stored_offset_must_be_the_zones_at_that_instant() -> None:
    good = TimeWindow(
        start=datetime(2012, 6, 1, 20, tzinfo=offset(4)),
        end=datetime(2012, 6, 1, 23, tzinfo=offset(4)),
        tz=MOSCOW,
    )
    assert str(good) == "2012-06-01 20:00–23:00 MSK"
    with pytest.raises(TimeZoneError, match="offset \\+03:00 of 2012-06-01T20:00:00\\+03:00"):
        TimeWindow(
            start=datetime(2012, 6, 1, 20, tzinfo=offset(3)),
            end=datetime(2012, 6, 1, 23, tzinfo=offset(4)),
            tz=MOSCOW,
        )


def test_pytz_zone_passed_as_tzinfo_gives_local_mean_time_and_is_refused() -> None:
    """``datetime(..., tzinfo=pytz.timezone(...))`` means Moscow's +02:30 of 1880: an error."""
    lmt = datetime(2025, 10, 31, 20, tzinfo=pytz.timezone(MOSCOW))
    with pytest.raises(TimeZoneError, match="is not the offset of Europe/Moscow"):
        TimeWindow.between(lmt, lmt, tz=MOSCOW)


def test_in_tz_uses_the_offset_of_each_instant() -> None:
    w = TimeWindow(
        start=datetime(2012, 6, 1, 16, tzinfo=timezone.utc),
        end=datetime(2015, 6, 1, 16, tzinfo=timezone.utc),
        tz="UTC",
    )
    moscow = w.in_tz(MOSCOW)
    assert (moscow.local_start.hour, moscow.local_end.hour) == (20, 19)
    assert str(moscow) == "2012-06-01 20:00 – 2015-06-01 19:00 MSK"
