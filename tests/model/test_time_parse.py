"""TimeWindow.parse reads the time phrases of real reports exactly, and refuses what it cannot."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import attrs
import pytest

from conflict_events.errors import (
    AmbiguousTimeError,
    ModelError,
    NonExistentTimeError,
    TimeParseError,
    TimeZoneError,
)
from conflict_events.model.conventions import DEFAULT_CONVENTIONS, Conventions, NightOf
from conflict_events.model.time import Precision, TimeWindow

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
BULLETINS = DATA / "bulletins" / "bulletins-dev.jsonl"

MOSCOW = "Europe/Moscow"
KYIV = "Europe/Kyiv"
OCT31 = date(2025, 10, 31)
NOV1 = date(2025, 11, 1)
EVENING_POST = datetime.fromisoformat("2025-10-31T23:30:00+03:00")
"""When the Russian MoD posted the 38-drone bulletin (the seed article's "same day")."""

M, H, P, D = Precision.MINUTE, Precision.HOUR, Precision.PART_OF_DAY, Precision.DAY


@attrs.frozen
class Case:
    """One phrase, how it is read, and the window it must resolve to."""

    text: str
    start: str
    end: str
    tz: str = MOSCOW
    precision: Precision = M
    label: str | None = None
    approximate: bool = False
    reference: date | datetime | None = OCT31
    zone: str | None = MOSCOW
    """The ``tz=`` passed to parse: the zone the report states times in."""


def night(
    text: str,
    ending: str,
    *,
    reference: date | None = OCT31,
    zone: str = MOSCOW,
    offset: str = "+03:00",
) -> Case:
    """A phrase for the default overnight window (23:00 the day before – 08:00) ending on
    ``ending``."""
    last = date.fromisoformat(ending)
    first = (last - timedelta(days=1)).isoformat()
    return Case(
        text,
        f"{first}T23:00:00{offset}",
        f"{ending}T08:00:00{offset}",
        tz=zone,
        precision=P,
        label="overnight",
        approximate=True,
        reference=reference,
        zone=zone,
    )


CASES: list[Case] = [
    # --- the dev bulletins' window_text, as written -------------------------------------------
    Case(
        "8 p.m. GMT Oct 30 to 5 a.m. GMT Oct 31",
        "2025-10-30T20:00:00+00:00",
        "2025-10-31T05:00:00+00:00",
        tz="GMT",
        precision=H,
    ),
    Case(
        "с 23:00 мск 30 октября до 8:00 31 октября",
        "2025-10-30T23:00:00+03:00",
        "2025-10-31T08:00:00+03:00",
    ),
    night("the preceding night", "2025-10-31"),
    Case(
        "31 октября с 20:00 до 23:00 мск", "2025-10-31T20:00:00+03:00", "2025-10-31T23:00:00+03:00"
    ),
    Case(
        "released between 8 PM and 11 PM MSK",
        "2025-10-31T20:00:00+03:00",
        "2025-10-31T23:00:00+03:00",
        precision=H,
    ),
    Case(
        "11 p.m. MSK Oct 31 to 7 a.m. Nov 1",
        "2025-10-31T23:00:00+03:00",
        "2025-11-01T07:00:00+03:00",
        precision=H,
        reference=NOV1,
    ),
    Case(
        "С 23:00 31 октября до 7:00 1 ноября",
        "2025-10-31T23:00:00+03:00",
        "2025-11-01T07:00:00+03:00",
        reference=NOV1,
    ),
    night("during the past night", "2026-02-09", reference=date(2026, 2, 9)),
    night("over the past night", "2025-09-12", reference=date(2025, 9, 12)),
    Case(
        "11:30 p.m. MSK Nov 30 to 7:00 a.m. Dec 1",
        "2025-11-30T23:30:00+03:00",
        "2025-12-01T07:00:00+03:00",
        reference=date(2025, 12, 1),
    ),
    Case(
        "8:00 p.m. to 11:00 p.m. MSK, Nov 13",
        "2025-11-13T20:00:00+03:00",
        "2025-11-13T23:00:00+03:00",
        reference=date(2025, 11, 13),
    ),
    Case(
        "11:00 p.m. MSK Feb 6 to 7:00 a.m. MSK Feb 7",
        "2026-02-06T23:00:00+03:00",
        "2026-02-07T07:00:00+03:00",
        reference=date(2026, 2, 7),
    ),
    night("during the night", "2023-11-14", reference=date(2023, 11, 14)),
    # --- the seed article ---------------------------------------------------------------------
    Case(
        "during the evening of October 31st",
        "2025-10-31T18:00:00+03:00",
        "2025-11-01T00:00:00+03:00",
        precision=P,
        label="evening",
        approximate=True,
    ),
    Case(
        "released between 8 PM and 11 PM Moscow Standard Time (MSK)",
        "2025-10-31T20:00:00+03:00",
        "2025-10-31T23:00:00+03:00",
        precision=H,
    ),
    night("during the preceding night", "2025-10-31"),
    Case(
        "Earlier on the same day",
        "2025-10-31T00:00:00+03:00",
        "2025-10-31T23:30:00+03:00",
        precision=D,
        reference=EVENING_POST,
    ),
    Case(
        "Earlier on the same day",
        "2025-10-31T00:00:00+03:00",
        "2025-11-01T00:00:00+03:00",
        precision=D,
    ),
    # --- the phrasing -----------------------------------------------------------------
    Case(
        "between 8 PM and 11 PM MSK",
        "2025-10-31T20:00:00+03:00",
        "2025-10-31T23:00:00+03:00",
        precision=H,
    ),
    Case(
        "from 11 p.m. Moscow time on October 30 to 8 a.m. on October 31",
        "2025-10-30T23:00:00+03:00",
        "2025-10-31T08:00:00+03:00",
        precision=H,
    ),
    Case(
        "в период с 20.00 мск до 23.00 мск",
        "2025-10-31T20:00:00+03:00",
        "2025-10-31T23:00:00+03:00",
    ),
    night("в течение прошедшей ночи", "2025-10-31"),
    Case("8-11 PM MSK", "2025-10-31T20:00:00+03:00", "2025-10-31T23:00:00+03:00", precision=H),
    # --- English variants ---------------------------------------------------------------------
    Case(
        "Oct 31, 8 p.m. to 11 p.m. MSK",
        "2025-10-31T20:00:00+03:00",
        "2025-10-31T23:00:00+03:00",
        precision=H,
    ),
    Case(
        "from 8 to 11 p.m. Moscow time on October 31",
        "2025-10-31T20:00:00+03:00",
        "2025-10-31T23:00:00+03:00",
        precision=H,
    ),
    night("overnight into October 31", "2025-10-31"),
    night("the night of October 30 to 31", "2025-10-31"),
    night("on the night of October 30", "2025-10-31"),
    night("the night of 30/31 October", "2025-10-31"),
    night("the night of Oct. 30-31, 2025", "2025-10-31", reference=None),
    night("last night", "2025-10-31"),
    Case(
        "yesterday evening",
        "2025-10-30T18:00:00+03:00",
        "2025-10-31T00:00:00+03:00",
        precision=P,
        label="evening",
        approximate=True,
    ),
    Case(
        "this morning",
        "2025-10-31T06:00:00+03:00",
        "2025-10-31T12:00:00+03:00",
        precision=P,
        label="morning",
        approximate=True,
    ),
    Case(
        "8 p.m. to midnight MSK on October 31",
        "2025-10-31T20:00:00+03:00",
        "2025-11-01T00:00:00+03:00",
        precision=H,
    ),
    Case(
        "October 31, 2025",
        "2025-10-31T00:00:00+03:00",
        "2025-11-01T00:00:00+03:00",
        precision=D,
        reference=None,
    ),
    Case(
        "on Friday, October 31",
        "2025-10-31T00:00:00+03:00",
        "2025-11-01T00:00:00+03:00",
        precision=D,
    ),
    Case(
        "2025-10-31 23:30 MSK",
        "2025-10-31T23:30:00+03:00",
        "2025-10-31T23:30:00+03:00",
        reference=None,
        zone=None,
    ),
    Case(
        "between 20:00 and 23:00 Kyiv time on 31 October",
        "2025-10-31T20:00:00+02:00",
        "2025-10-31T23:00:00+02:00",
        tz=KYIV,
    ),
    Case(
        "8 p.m. EET Oct 31",
        "2025-10-31T20:00:00+02:00",
        "2025-10-31T20:00:00+02:00",
        tz=KYIV,
        precision=H,
    ),
    Case(
        "11 p.m. EEST October 25 to 7 a.m. EET October 26",
        "2025-10-25T23:00:00+03:00",
        "2025-10-26T07:00:00+02:00",
        tz=KYIV,
        precision=H,
    ),
    Case(
        "from 8 p.m. to 11 p.m. UTC",
        "2025-10-31T20:00:00+00:00",
        "2025-10-31T23:00:00+00:00",
        tz="UTC",
        precision=H,
        zone=None,
    ),
    Case(
        "around 9 PM MSK",
        "2025-10-31T21:00:00+03:00",
        "2025-10-31T21:00:00+03:00",
        precision=H,
        approximate=True,
    ),
    Case(
        "in October 2025",
        "2025-10-01T00:00:00+03:00",
        "2025-11-01T00:00:00+03:00",
        precision=Precision.MONTH,
    ),
    Case(
        "from October 30 to November 1",
        "2025-10-30T00:00:00+03:00",
        "2025-11-02T00:00:00+03:00",
        precision=D,
        reference=date(2025, 11, 5),
    ),
    Case("Oct 30-31", "2025-10-30T00:00:00+03:00", "2025-11-01T00:00:00+03:00", precision=D),
    # --- Russian variants ---------------------------------------------------------------------
    night("в ночь на 31 октября", "2025-10-31"),
    night("в ночь с пятницы на субботу", "2025-11-01", reference=NOV1),
    night("в ночь на субботу 1 ноября", "2025-11-01", reference=NOV1),
    night("в ночь с 30 на 31 октября", "2025-10-31"),
    Case(
        "вечером 31 октября",
        "2025-10-31T18:00:00+03:00",
        "2025-11-01T00:00:00+03:00",
        precision=P,
        label="evening",
        approximate=True,
    ),
    Case(
        "в ночь на 1 ноября с 23:00 до 7:00 мск",
        "2025-10-31T23:00:00+03:00",
        "2025-11-01T07:00:00+03:00",
        label="overnight",
        reference=NOV1,
    ),
    night("прошедшей ночью", "2025-10-31"),
    night("минувшей ночью", "2025-10-31"),
    night("сегодня ночью", "2025-10-31"),
    Case(
        "с 8:00 до 20:00 мск 31 октября", "2025-10-31T08:00:00+03:00", "2025-10-31T20:00:00+03:00"
    ),
    Case(
        "31 октября 2025 года в 23:30 по московскому времени",
        "2025-10-31T23:30:00+03:00",
        "2025-10-31T23:30:00+03:00",
        reference=None,
        zone=None,
    ),
    Case("вчера с 20:00 до 23:00 мск", "2025-10-30T20:00:00+03:00", "2025-10-30T23:00:00+03:00"),
    Case(
        "с 20 до 23 часов мск",
        "2025-10-31T20:00:00+03:00",
        "2025-10-31T23:00:00+03:00",
        precision=H,
    ),
    Case(
        "с 11 вечера до 7 утра",
        "2025-10-30T23:00:00+03:00",
        "2025-10-31T07:00:00+03:00",
        precision=H,
    ),
    Case(
        "утром 31 октября",
        "2025-10-31T06:00:00+03:00",
        "2025-10-31T12:00:00+03:00",
        precision=P,
        label="morning",
        approximate=True,
    ),
    Case(
        "днем 31 октября",
        "2025-10-31T08:00:00+03:00",
        "2025-10-31T20:00:00+03:00",
        precision=P,
        label="daytime",
        approximate=True,
    ),
    Case("30–31 октября", "2025-10-30T00:00:00+03:00", "2025-11-01T00:00:00+03:00", precision=D),
    Case(
        "31.10.2025 с 20.00 до 23.00",
        "2025-10-31T20:00:00+03:00",
        "2025-10-31T23:00:00+03:00",
        reference=None,
    ),
    # --- Ukrainian ----------------------------------------------------------------------------
    night("у ніч проти 31 жовтня", "2025-10-31"),
    night("в ніч на 31 жовтня", "2025-10-31"),
    night("у ніч з п'ятниці на суботу", "2025-11-01", reference=NOV1),
    night("минулої ночі", "2025-10-31", zone=KYIV, offset="+02:00"),
    night("протягом минулої ночі", "2025-10-31"),
    Case(
        "з 23:00 30 жовтня до 07:00 31 жовтня за київським часом",
        "2025-10-30T23:00:00+02:00",
        "2025-10-31T07:00:00+02:00",
        tz=KYIV,
        zone=None,
    ),
    Case(
        "ввечері 31 жовтня",
        "2025-10-31T18:00:00+02:00",
        "2025-11-01T00:00:00+02:00",
        tz=KYIV,
        precision=P,
        label="evening",
        approximate=True,
        zone=KYIV,
    ),
    Case(
        "31 жовтня з 20:00 до 23:00 за московським часом",
        "2025-10-31T20:00:00+03:00",
        "2025-10-31T23:00:00+03:00",
        zone=KYIV,
    ),
    Case(
        "о 23:30 за київським часом 31 жовтня",
        "2025-10-31T23:30:00+02:00",
        "2025-10-31T23:30:00+02:00",
        tz=KYIV,
    ),
    Case(
        "раніше того ж дня",
        "2025-10-31T00:00:00+03:00",
        "2025-10-31T23:30:00+03:00",
        precision=D,
        reference=EVENING_POST,
    ),
    # --- Moscow's historical offsets ----------------------------------------------------------
    Case(
        "from 8 p.m. to 11 p.m. MSK on June 1, 2012",
        "2012-06-01T20:00:00+04:00",
        "2012-06-01T23:00:00+04:00",
        precision=H,
        reference=None,
        zone=None,
    ),
    Case(
        "June 1, 2009, 20:00 MSK",
        "2009-06-01T20:00:00+04:00",
        "2009-06-01T20:00:00+04:00",
        reference=None,
        zone=None,
    ),
    Case(
        "20:00 MSD 1 July 2009",
        "2009-07-01T20:00:00+04:00",
        "2009-07-01T20:00:00+04:00",
        reference=None,
        zone=None,
    ),
    Case(
        "January 15, 2013 20:00 MSK",
        "2013-01-15T20:00:00+04:00",
        "2013-01-15T20:00:00+04:00",
        reference=None,
        zone=None,
    ),
    Case(
        "January 15, 2015 20:00 MSK",
        "2015-01-15T20:00:00+03:00",
        "2015-01-15T20:00:00+03:00",
        reference=None,
        zone=None,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.text for c in CASES])
def test_phrase_resolves_to_the_exact_window(case: Case) -> None:
    """Each phrase gives exactly the expected start, end, zone, precision, label, approximation."""
    w = TimeWindow.parse(case.text, tz=case.zone, reference=case.reference)
    got = (w.start.isoformat(), w.end.isoformat(), w.tz, w.precision, w.label, w.approximate)
    want = (case.start, case.end, case.tz, case.precision, case.label, case.approximate)
    assert got == want
    assert w.text == case.text


def test_the_table_holds_at_least_fifty_distinct_phrases() -> None:
    assert len({c.text for c in CASES}) >= 50


# --- the dev bulletins ------------------------------------------------------------------------


def _bulletins() -> list[dict[str, object]]:
    if not BULLETINS.exists():
        pytest.skip(f"the shared test data is not here: {BULLETINS} is absent")
    with BULLETINS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _reference(record: dict[str, object], records: list[dict[str, object]]) -> date:
    """The record's publication date, or that of another report of the same bulletin."""
    published = record["published"] or next(
        r["published"]
        for r in records
        if r["bulletin_key"] == record["bulletin_key"] and r["published"]
    )
    assert isinstance(published, str)
    return date.fromisoformat(published)


def test_dev_bulletins_resolve_to_their_annotated_windows() -> None:
    """Every dev bulletin with an annotated window reads to those very instants."""
    records = _bulletins()
    checked = 0
    for record in records:
        window = record["window"]
        if window is None:
            continue
        assert isinstance(window, dict)
        text = record["window_text"]
        assert isinstance(text, str)
        w = TimeWindow.parse(text, tz=MOSCOW, reference=_reference(record, records))
        msk = w.in_tz(MOSCOW)
        assert (msk.start.isoformat(), msk.end.isoformat()) == (window["start"], window["end"])
        assert w.start == datetime.fromisoformat(window["start"])
        assert w.end == datetime.fromisoformat(window["end"])
        checked += 1
    assert checked == 9


def test_dev_bulletins_without_bounds_read_as_the_night_or_refuse() -> None:
    """A bare "past night" is the conventional night ending on the day of publication, and
    "(none given)" is refused."""
    records = _bulletins()
    for record in records:
        if record["window"] is not None:
            continue
        text = record["window_text"]
        assert isinstance(text, str)
        if text == "(none given)":
            with pytest.raises(TimeParseError, match=r"\(none given\)"):
                TimeWindow.parse(text, tz=MOSCOW, reference=_reference(record, records))
            continue
        reference = _reference(record, records)
        w = TimeWindow.parse(text, tz=MOSCOW, reference=reference)
        assert w == TimeWindow.overnight(ending_on=reference, tz=MOSCOW, text=text)


def test_gmt_bulletin_is_the_moscow_night_23_to_08() -> None:
    """The GMT bulletin "8 p.m. GMT Oct 30 to 5 a.m. GMT Oct 31" is 23:00-08:00 MSK."""
    w = TimeWindow.parse("8 p.m. GMT Oct 30 to 5 a.m. GMT Oct 31", reference=OCT31)
    assert str(w.in_tz(MOSCOW)) == "2025-10-30 23:00 – 2025-10-31 08:00 MSK [hour]"


# --- rules ------------------------------------------------------------------------------------


def test_a_zone_in_the_text_wins_over_tz() -> None:
    w = TimeWindow.parse("20:00 GMT", tz=MOSCOW, reference=OCT31)
    assert w.tz == "GMT"
    assert w.start.isoformat() == "2025-10-31T20:00:00+00:00"


def test_tz_may_be_a_pytz_or_zoneinfo_zone() -> None:
    import zoneinfo

    import pytz

    a = TimeWindow.parse("20:00", tz=pytz.timezone(KYIV), reference=OCT31)
    b = TimeWindow.parse("20:00", tz=zoneinfo.ZoneInfo(KYIV), reference=OCT31)
    assert a == b
    assert a.tz == KYIV


def test_dates_without_a_year_are_the_latest_not_after_the_reference() -> None:
    """Read on 31 October 2025, "Nov 1" is 1 November 2024 and "Oct 31" is the same day."""
    assert TimeWindow.parse("Nov 1", tz=MOSCOW, reference=OCT31).start.year == 2024
    assert TimeWindow.parse("Oct 31", tz=MOSCOW, reference=OCT31).start.year == 2025
    w = TimeWindow.parse("Dec 31 to Jan 1", tz=MOSCOW, reference=date(2026, 1, 5))
    assert (w.start.date(), w.end.date()) == (date(2025, 12, 31), date(2026, 1, 2))
    leap = TimeWindow.parse("29 февраля", tz=MOSCOW, reference=date(2026, 3, 1))
    assert leap.start.date() == date(2024, 2, 29)


def test_a_year_on_one_end_carries_to_the_other() -> None:
    w = TimeWindow.parse("from Dec 31 to Jan 1 2026", tz=MOSCOW)
    assert (w.start.date(), w.local_end.date()) == (date(2025, 12, 31), date(2026, 1, 2))
    w = TimeWindow.parse("from Dec 31 2025 to Jan 1", tz=MOSCOW)
    assert (w.start.date(), w.local_end.date()) == (date(2025, 12, 31), date(2026, 1, 2))
    w = TimeWindow.parse("2025: from 1 March to 2 March", tz=MOSCOW)
    assert w.start.date() == date(2025, 3, 1)


def test_a_reference_datetime_gives_its_local_day() -> None:
    """An aware reference is seen on the zone's clock; a naive one is a local time there.

    An undated clock time is the latest one no later than the reference (plus the tolerance):
    at 01:30 on 1 November in Moscow, "20:00" was on 31 October and "01:00" on 1 November.
    """
    late_utc = datetime.fromisoformat("2025-10-31T22:30:00+00:00")  # 01:30 on 1 Nov in Moscow
    assert TimeWindow.parse("20:00", tz=MOSCOW, reference=late_utc).start.day == 31
    assert TimeWindow.parse("01:00", tz=MOSCOW, reference=late_utc).start.day == 1
    today = TimeWindow.parse("earlier today", tz=MOSCOW, reference=late_utc)
    assert today.start.isoformat() == "2025-11-01T00:00:00+03:00"
    naive = datetime.fromisoformat("2025-10-31T22:30:00")
    assert TimeWindow.parse("20:00", tz=MOSCOW, reference=naive).start.day == 31
    earlier = TimeWindow.parse("earlier today", tz=MOSCOW, reference=naive)
    assert earlier.end.isoformat() == "2025-10-31T22:30:00+03:00"


def test_a_range_crossing_midnight_moves_the_undated_end() -> None:
    w = TimeWindow.parse("Oct 30, 23:00–07:00", tz=MOSCOW, reference=OCT31)
    assert (w.start.isoformat(), w.end.isoformat()) == (
        "2025-10-30T23:00:00+03:00",
        "2025-10-31T07:00:00+03:00",
    )
    w = TimeWindow.parse("from 11 p.m. to 7 a.m. Oct 31", tz=MOSCOW, reference=OCT31)
    assert w.start.isoformat() == "2025-10-30T23:00:00+03:00"


def test_clock_times_in_a_named_part_fall_nearest_to_it() -> None:
    w = TimeWindow.parse("the past night, 23:00-07:00", tz=MOSCOW, reference=OCT31)
    assert (w.start.isoformat(), w.end.isoformat(), w.label, w.approximate) == (
        "2025-10-30T23:00:00+03:00",
        "2025-10-31T07:00:00+03:00",
        "overnight",
        False,
    )
    w = TimeWindow.parse("ночью 31 октября в 3:00", tz=MOSCOW, reference=OCT31)
    assert w.start.isoformat() == "2025-10-31T03:00:00+03:00"
    w = TimeWindow.parse("в ночь на 31 октября в 23:30", tz=MOSCOW, reference=OCT31)
    assert w.start.isoformat() == "2025-10-30T23:30:00+03:00"
    w = TimeWindow.parse("evening of Oct 31 between 20:00 and 22:00", tz=MOSCOW, reference=OCT31)
    assert w.label == "evening"
    assert w.precision is M


def test_parts_of_day_as_range_ends() -> None:
    """A range from "the evening of 30 October" takes the evening's start: approximate."""
    w = TimeWindow.parse("from the evening of Oct 30 to 7 a.m. Oct 31", tz=MOSCOW, reference=OCT31)
    assert (w.start.isoformat(), w.end.isoformat(), w.precision, w.approximate) == (
        "2025-10-30T18:00:00+03:00",
        "2025-10-31T07:00:00+03:00",
        P,
        True,
    )
    assert w.label == "evening"
    w = TimeWindow.parse("с вечера 30 октября до утра 31 октября", tz=MOSCOW, reference=OCT31)
    assert (w.label, w.start.hour, w.end.hour) == (None, 18, 12)


def test_a_dateless_range_crossing_midnight_ends_on_the_reference_day() -> None:
    w = TimeWindow.parse("23:00 – 07:00 MSK", reference=OCT31)
    assert (w.start.day, w.end.day) == (30, 31)


def test_other_relative_days() -> None:
    assert TimeWindow.parse("today", tz=MOSCOW, reference=OCT31) == TimeWindow.on_day(
        OCT31, tz=MOSCOW, text="today"
    )
    assert TimeWindow.parse("the day before", tz=MOSCOW, reference=OCT31).start.day == 30
    assert TimeWindow.parse("вчера", tz=MOSCOW, reference=OCT31).start.day == 30
    assert TimeWindow.parse("on the same day", tz=MOSCOW, reference=OCT31).start.day == 31
    assert TimeWindow.parse("on Friday", tz=MOSCOW, reference=date(2025, 11, 4)).start.day == 31
    assert TimeWindow.parse("yesterday, October 30", tz=MOSCOW, reference=OCT31).start.day == 30
    assert TimeWindow.parse("в ночное время", tz=MOSCOW, reference=OCT31).label == "overnight"
    w = TimeWindow.parse("last evening", tz=MOSCOW, reference=OCT31)
    assert w.start.isoformat() == "2025-10-30T18:00:00+03:00"


def test_more_clock_forms() -> None:
    """Noon, 12 a.m./p.m., seconds, an explicit offset, 24:00, a year alone, UTC offsets."""

    def start(text: str) -> str:
        return TimeWindow.parse(text, tz=MOSCOW, reference=OCT31).start.isoformat()

    assert start("noon") == "2025-10-31T12:00:00+03:00"
    assert start("12 a.m.") == "2025-10-31T00:00:00+03:00"
    assert start("12 p.m.") == "2025-10-31T12:00:00+03:00"
    assert start("20:15:30") == "2025-10-31T20:15:30+03:00"
    assert start("20:15:30.25") == "2025-10-31T20:15:30.250000+03:00"
    assert start("8 часов утра") == "2025-10-31T08:00:00+03:00"
    assert start("8:30 вечера") == "2025-10-31T20:30:00+03:00"
    end = TimeWindow.parse("с 20:00 до 24:00", tz=MOSCOW, reference=OCT31).end.isoformat()
    assert end == "2025-11-01T00:00:00+03:00"
    assert TimeWindow.parse("2024", tz=MOSCOW).precision is Precision.YEAR
    assert TimeWindow.parse("UTC-5 9 PM", reference=OCT31).tz == "Etc/GMT+5"
    assert TimeWindow.parse("GMT+0 9 PM", reference=OCT31).tz == "UTC"
    assert TimeWindow.parse("21:00 Europe/Berlin", reference=OCT31).tz == "Europe/Berlin"
    assert TimeWindow.parse("21:00 Japan", reference=OCT31).tz == "Japan"
    assert TimeWindow.parse("October", tz=MOSCOW, reference=date(2025, 3, 1)).start.year == 2024


def test_half_open_day_ranges_inherit_the_month_either_way() -> None:
    w = TimeWindow.parse("from 30 to 31 October 2025", tz=MOSCOW)
    assert (w.start.day, w.local_end.day) == (30, 1)
    w = TimeWindow.parse("October 30 2025 to 31", tz=MOSCOW)
    assert (w.start.day, w.local_end.day) == (30, 1)
    w = TimeWindow.parse("2025-10-30 to 31", tz=MOSCOW)
    assert (w.start.day, w.local_end.day) == (30, 1)


def test_nights_with_clock_times_instead_of_dates() -> None:
    """A night word followed by a clock time, not a date, is a range or a point in the night."""
    w = TimeWindow.parse("overnight to 7 a.m.", tz=MOSCOW, reference=OCT31)
    assert (w.start.isoformat(), w.end.isoformat(), w.precision, w.approximate) == (
        "2025-10-30T23:00:00+03:00",
        "2025-10-31T07:00:00+03:00",
        P,
        True,
    )
    w = TimeWindow.parse("the night of October 30 to 7 a.m.", tz=MOSCOW, reference=OCT31)
    assert (w.start.isoformat(), w.end.isoformat()) == (
        "2025-10-30T23:00:00+03:00",
        "2025-10-31T07:00:00+03:00",
    )
    w = TimeWindow.parse("the night of October 30, 23:30", tz=MOSCOW, reference=OCT31)
    assert w.start.isoformat() == "2025-10-30T23:30:00+03:00"
    w = TimeWindow.parse("the night of 2025-10-30 to 31", tz=MOSCOW)
    assert w == TimeWindow.overnight(ending_on=OCT31, tz=MOSCOW, text=w.text)


def test_iso_date_and_time_without_an_offset() -> None:
    w = TimeWindow.parse("2025-10-31T20:00 MSK")
    assert w.start.isoformat() == "2025-10-31T20:00:00+03:00"


def test_nights_named_by_iso_dates_and_years() -> None:
    w = TimeWindow.parse("the night of 2025-10-30 to 2025-10-31", tz=MOSCOW)
    assert w == TimeWindow.overnight(ending_on=OCT31, tz=MOSCOW, text=w.text)
    w = TimeWindow.parse("в ночь на 31 октября 2025 года", tz=MOSCOW)
    assert w.start.isoformat() == "2025-10-30T23:00:00+03:00"
    w = TimeWindow.parse("the night of October 31 to November 1", tz=MOSCOW, reference=NOV1)
    assert w.start.isoformat() == "2025-10-31T23:00:00+03:00"


def test_the_english_night_of_follows_the_convention() -> None:
    """English "the night of 30 October" begins on the 30th by default; the conventions can
    say it ends on it."""
    ending = Conventions(night_of=NightOf.ENDING)
    w = TimeWindow.parse("the night of October 30", tz=MOSCOW, reference=OCT31)
    assert w.end.day == 31
    w = TimeWindow.parse("the night of October 30", tz=MOSCOW, reference=OCT31, conventions=ending)
    assert w.end.day == 30
    w = TimeWindow.parse("overnight on October 31", tz=MOSCOW, reference=OCT31)
    assert w.end.day == 31


def test_conventions_change_what_words_mean() -> None:
    """Custom hours, custom words and custom zone names all reach the reader."""
    mine = DEFAULT_CONVENTIONS.with_part("overnight", "23:00", "07:00").with_part(
        "late evening", "21:00", "24:00", words=["late evening", "поздно вечером"]
    )
    mine = mine.with_zone_name("CET", "Europe/Berlin")
    w = TimeWindow.parse("the preceding night", tz=MOSCOW, reference=OCT31, conventions=mine)
    assert w.end.isoformat() == "2025-10-31T07:00:00+03:00"
    w = TimeWindow.parse("поздно вечером 31 октября", tz=MOSCOW, conventions=mine, reference=OCT31)
    assert (w.label, w.start.hour) == ("late evening", 21)
    w = TimeWindow.parse("20:00 CET", reference=OCT31, conventions=mine)
    assert w.tz == "Europe/Berlin"
    nights = DEFAULT_CONVENTIONS.with_part("overnight", "22:00", "06:00", words=["the small hours"])
    w = TimeWindow.parse("the small hours", tz=MOSCOW, reference=OCT31, conventions=nights)
    assert w.start.isoformat() == "2025-10-30T22:00:00+03:00"


def test_a_part_missing_from_the_conventions_is_an_error() -> None:
    bare = Conventions(parts_of_day=[DEFAULT_CONVENTIONS.part("evening")])
    with pytest.raises(TimeParseError, match="no part of the day 'morning'"):
        TimeWindow.parse("this morning", tz=MOSCOW, reference=OCT31, conventions=bare)


def test_the_text_is_kept_exactly_as_written() -> None:
    text = "  between 8 PM and 11 PM MSK "
    assert TimeWindow.parse(text, reference=OCT31).text == text


def test_str_written_form_reads_back() -> None:
    """The form ``str()`` writes, with its ``[precision, "label", approximate]`` suffix."""
    w = TimeWindow.parse(
        '2025-10-31 18:00–24:00 MSK [part_of_day, "evening", approximate]', reference=None
    )
    assert w == attrs.evolve(TimeWindow.part_of_day(OCT31, "evening", tz=MOSCOW), text=w.text)
    w = TimeWindow.parse('2025-10-31 20:00 MSK [hour, "a \\"quoted\\" label"]')
    assert (w.precision, w.label) == (H, 'a "quoted" label')
    with pytest.raises(TimeParseError, match="sic"):
        TimeWindow.parse("2025-10-31 20:00 MSK [sic]")


def test_folds_settled_by_the_text() -> None:
    """An offset or a summer/winter abbreviation picks one of the twice-happening times."""
    first = TimeWindow.parse("2014-10-26T01:30+04:00 MSK")
    second = TimeWindow.parse("2014-10-26T01:30+03:00 MSK")
    assert second.start - first.start == timedelta(hours=1)
    summer = TimeWindow.parse("2025-10-26 03:30 EEST")
    winter = TimeWindow.parse("2025-10-26 03:30 EET")
    assert winter.start - summer.start == timedelta(hours=1)
    w = TimeWindow.parse("2014-10-26T01:30+04:00 – 2014-10-26T01:15+03:00 MSK")
    assert w.duration == timedelta(minutes=45)


# --- refusals ---------------------------------------------------------------------------------

REFUSALS = [
    ("(none given)", {}, "'none' is not a word"),
    ("", {}, "no date or time"),
    ("   ", {}, "no date or time"),
    ("during the", {}, "no date or time"),
    ("at 8 PM", {"reference": OCT31}, "names no zone"),
    ("8 PM MSK", {}, "no full date: pass reference="),
    ("Oct 31 MSK", {}, "'31 October' has no full date"),
    ("the preceding night", {"tz": MOSCOW}, "'night' has no full date"),
    ("October MSK", {}, "'October' has no full date"),
    ("8-11 PM & more", {"tz": MOSCOW}, "'&' at position"),
    ("from 8 PM", {"tz": MOSCOW}, "opens a range that never ends"),
    ("8 PM to 9 PM to 10 PM", {"tz": MOSCOW}, "more than one range"),
    ("8 PM from 9 PM", {"tz": MOSCOW}, "opens a range that never ends"),
    ("from 8 PM from 9 PM to 10 PM", {"tz": MOSCOW}, "more than one range"),
    ("to 9 PM from 8 PM", {"tz": MOSCOW}, "comes after the end of the range"),
    ("from 8 PM to", {"tz": MOSCOW}, "needs both a start and an end"),
    ("на 31 октября", {"tz": MOSCOW}, "must follow a night"),
    ("October November 2025", {"tz": MOSCOW}, "in one date"),
    ("2024 2025", {"tz": MOSCOW}, "two years"),
    ("2025-10-31 2025-11-01", {"tz": MOSCOW}, "two dates"),
    ("2025-10-31 31 October 2025", {"tz": MOSCOW}, "two dates"),
    ("20:00 21:00", {"tz": MOSCOW}, "two clock times"),
    ("8 9", {"tz": MOSCOW}, "neither a date nor a time"),
    ("8", {"tz": MOSCOW}, "neither a day nor an hour"),
    ("MSK GMT 20:00", {}, "two zones"),
    ("morning evening", {"tz": MOSCOW}, "two parts of the day"),
    ("today yesterday", {"tz": MOSCOW}, "two relative words"),
    ("8 PM local time", {"reference": OCT31}, "needs the zone: pass tz="),
    ("UTC+3:30 8 PM", {}, "only whole-hour offsets"),
    ("20:00 Mars/Olympus", {}, "not an IANA time zone"),
    ("2025-02-30", {"tz": MOSCOW}, "not a date"),
    ("30.02.2025", {"tz": MOSCOW}, "not a date"),
    ("31.10.25", {"tz": MOSCOW}, "write the year in full"),
    ("13 p.m.", {"tz": MOSCOW}, "not a time on the 12-hour clock"),
    ("25:00", {"tz": MOSCOW}, "not a clock time"),
    ("24:30", {"tz": MOSCOW}, "not a clock time"),
    ("the night of 30 to 31", {"tz": MOSCOW}, "no month"),
    ("в ночь на 31", {"tz": MOSCOW}, "the night's date has no month"),
    ("в ночь на субботу, в субботу", {"tz": MOSCOW, "reference": NOV1}, "already names its day"),
    ("в ночь с четверга на субботу", {"tz": MOSCOW, "reference": NOV1}, "begins on"),
    ("в ночь на пятницу 1 ноября", {"tz": MOSCOW, "reference": NOV1}, "not a Friday"),
    ("в ночь на 31 октября 31 октября", {"tz": MOSCOW}, "already names its date"),
    ("8 PM on 30 February 2025", {"tz": MOSCOW}, "not a date"),
    ("30 February", {"tz": MOSCOW, "reference": OCT31}, "not a date"),
    ("Monday, October 31", {"tz": MOSCOW, "reference": OCT31}, "is a Friday, not a Monday"),
    ("today, October 30", {"tz": MOSCOW, "reference": OCT31}, "is not today"),
    ("the past", {"tz": MOSCOW, "reference": OCT31}, "need a part of the day"),
    ("yesterday night", {"tz": MOSCOW, "reference": OCT31}, "may mean either night"),
    ("earlier on the same day at 8 PM", {"tz": MOSCOW, "reference": OCT31}, "stands alone"),
    ("earlier that day to 8 PM", {"tz": MOSCOW, "reference": OCT31}, "stands alone"),
    ("Oct 31 2025 to Oct 30 2025", {"tz": MOSCOW}, "before it starts"),
    ("31 to 8 PM", {"tz": MOSCOW, "reference": OCT31}, "neither a day nor an hour"),
    ("8 PM 31 to 9 PM", {"tz": MOSCOW, "reference": OCT31}, "neither a day nor an hour"),
    ("31 to 30", {"tz": MOSCOW, "reference": OCT31}, "neither a day nor an hour"),
    ("30 to 31 MSK", {"tz": MOSCOW, "reference": OCT31}, "neither a day nor an hour"),
    ("31 to October 2025", {"tz": MOSCOW}, "neither a day nor an hour"),
    ("8 PM MSK: from 9 PM to 10 PM", {"tz": MOSCOW}, "belongs inside it"),
    ("from MSK to 8 PM", {"tz": MOSCOW, "reference": OCT31}, "no date or time in it"),
    ("the night of 30 October to 2 November", {"tz": MOSCOW, "reference": NOV1}, "begins on"),
    ("the night of 30 to 2 November", {"tz": MOSCOW, "reference": NOV1}, "begins on"),
    ("the night of 2025-10-29 to 2025-10-31", {"tz": MOSCOW}, "begins on"),
    ("13 to 11 p.m.", {"tz": MOSCOW, "reference": OCT31}, "12-hour clock"),
    ("20:00 EEST Jan 5 2025", {}, "'EEST' means UTC+03:00"),
]


@pytest.mark.parametrize(("text", "kwargs", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_unreadable_text_is_refused_with_the_text_quoted(
    text: str, kwargs: dict[str, object], message: str | None
) -> None:
    """Nothing is guessed: the error names the text and what is wrong with it."""
    with pytest.raises((TimeParseError, TimeZoneError)) as caught:
        TimeWindow.parse(text, **kwargs)  # type: ignore[arg-type]
    assert repr(text) in str(caught.value)
    if message is not None:
        assert message in str(caught.value)


def test_refusals_are_value_errors_with_the_text() -> None:
    with pytest.raises(ValueError, match="cannot read the time phrase") as caught:
        TimeWindow.parse("sometime soon", tz=MOSCOW)
    assert isinstance(caught.value, TimeParseError)
    assert caught.value.text == "sometime soon"
    assert "'sometime'" in caught.value.reason


def test_ambiguous_and_missing_local_times_raise_their_own_errors() -> None:
    with pytest.raises(AmbiguousTimeError, match="2014-10-26 01:30 MSK"):
        TimeWindow.parse("2014-10-26 01:30 MSK")
    with pytest.raises(NonExistentTimeError, match="clocks went forward"):
        TimeWindow.parse("27 March 2011 02:30 MSK")
    with pytest.raises(TimeZoneError, match=r"means UTC\+05:00"):
        TimeWindow.parse("2014-10-26T01:30+05:00 MSK")


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(TimeParseError, match="expected the phrase as a string"):
        TimeWindow.parse(20251031)  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="reference: expected a date"):
        TimeWindow.parse("20:00", tz=MOSCOW, reference="2025-10-31")  # type: ignore[arg-type]
    with pytest.raises(TimeZoneError, match="expected an IANA time zone"):
        TimeWindow.parse("20:00", tz="MSK", reference=OCT31)
