"""TimeWindow: named constructors, conventions, operations, str() and its round trip."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import attrs
import pytest
import pytz
from hypothesis import example, given
from hypothesis import strategies as st

from conflict_events.errors import LookupFailed, ModelError, TimeZoneError
from conflict_events.model.conventions import (
    DEFAULT_CONVENTIONS,
    Conventions,
    DayPart,
    NightOf,
    ZoneName,
)
from conflict_events.model.time import Precision, TimeWindow

MOSCOW = "Europe/Moscow"
OCT31 = date(2025, 10, 31)


def local(*args: int) -> datetime:
    """A naive local time, for the code under test to localise."""
    return datetime(*args)  # type: ignore[arg-type]


def utc(*args: int) -> datetime:
    """An aware UTC instant."""
    return local(*args).replace(tzinfo=timezone.utc)


# --- named constructors -----------------------------------------------------------------------


def test_part_of_day_takes_its_hours_from_the_conventions() -> None:
    w = TimeWindow.part_of_day(OCT31, "evening", tz=MOSCOW, text="вечером 31 октября")
    assert (w.start.isoformat(), w.end.isoformat()) == (
        "2025-10-31T18:00:00+03:00",
        "2025-11-01T00:00:00+03:00",
    )
    assert (w.precision, w.label, w.approximate, w.text) == (
        Precision.PART_OF_DAY,
        "evening",
        True,
        "вечером 31 октября",
    )


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("morning", "2025-10-31T06:00:00+03:00", "2025-10-31T12:00:00+03:00"),
        ("daytime", "2025-10-31T08:00:00+03:00", "2025-10-31T20:00:00+03:00"),
        ("afternoon", "2025-10-31T12:00:00+03:00", "2025-10-31T18:00:00+03:00"),
        ("evening", "2025-10-31T18:00:00+03:00", "2025-11-01T00:00:00+03:00"),
        ("overnight", "2025-10-30T23:00:00+03:00", "2025-10-31T08:00:00+03:00"),
    ],
)
def test_every_default_part_of_day(label: str, start: str, end: str) -> None:
    w = TimeWindow.part_of_day(OCT31, label, tz=MOSCOW)
    assert (w.start.isoformat(), w.end.isoformat()) == (start, end)


def test_overnight_and_night_before_are_the_night_ending_that_morning() -> None:
    a = TimeWindow.overnight(ending_on=OCT31, tz=MOSCOW)
    b = TimeWindow.night_before(OCT31, tz=MOSCOW)
    assert a == b
    assert (a.start.isoformat(), a.end.isoformat(), a.label) == (
        "2025-10-30T23:00:00+03:00",
        "2025-10-31T08:00:00+03:00",
        "overnight",
    )


def test_overnight_with_the_seven_oclock_convention() -> None:
    """Several MoD night bulletins end at 07:00: override the convention to match them."""
    seven = DEFAULT_CONVENTIONS.with_part("overnight", "23:00", "07:00")
    w = TimeWindow.overnight(ending_on=date(2025, 11, 1), tz=MOSCOW, conventions=seven)
    assert w.end.isoformat() == "2025-11-01T07:00:00+03:00"


def test_an_unknown_part_of_day_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(ModelError, match=r"label: no part of the day 'dusk'.*evening"):
        TimeWindow.part_of_day(OCT31, "dusk", tz=MOSCOW)


def test_month_and_year_windows() -> None:
    m = TimeWindow.in_month(2025, 12, tz=MOSCOW)
    assert (m.start.isoformat(), m.end.isoformat(), m.precision) == (
        "2025-12-01T00:00:00+03:00",
        "2026-01-01T00:00:00+03:00",
        Precision.MONTH,
    )
    y = TimeWindow.in_year(2024, tz="UTC")
    assert y.duration == timedelta(days=366)
    assert y.precision is Precision.YEAR


def test_between_and_on_day_keep_their_behaviour() -> None:
    w = TimeWindow.between(local(2025, 10, 31, 20), local(2025, 10, 31, 23), tz=MOSCOW)
    assert w.duration == timedelta(hours=3)
    assert TimeWindow.on_day(OCT31, tz=MOSCOW).precision is Precision.DAY
    with pytest.raises(TimeZoneError, match="naive start and end need a zone"):
        TimeWindow.between(local(2025, 10, 31, 20), local(2025, 10, 31, 23))
    with pytest.raises(TimeZoneError, match="expected a datetime"):
        TimeWindow.between(OCT31, local(2025, 10, 31, 23), tz=MOSCOW)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"start": local(2025, 10, 31, 20)}, "start: expected an aware datetime, got the naive"),
        ({"end": "2025-10-31"}, "end: expected an aware datetime"),
        ({"tz": "MSK"}, "tz: expected an IANA time zone"),
        ({"precision": "second"}, "precision: expected one of"),
        ({"label": ""}, "label: expected a non-empty string"),
        ({"text": 5}, "text: expected a non-empty string"),
        ({"approximate": "yes"}, "approximate: expected true or false"),
        ({"start": utc(2025, 11, 1)}, r"start: start 2025-11-01T00:00:00\+00:00 is after end"),
    ],
)
def test_the_constructor_checks_every_field(fields: dict[str, object], message: str) -> None:
    good: dict[str, object] = {
        "start": utc(2025, 10, 31, 17),
        "end": utc(2025, 10, 31, 20),
        "tz": "UTC",
    }
    with pytest.raises(ModelError, match=message):
        TimeWindow(**{**good, **fields})  # type: ignore[arg-type]


# --- the conventions object -------------------------------------------------------------------


def test_default_conventions_are_documented_values() -> None:
    c = DEFAULT_CONVENTIONS
    assert c.labels == ("morning", "daytime", "afternoon", "evening", "overnight")
    assert str(c.part("evening")) == "evening: 18:00 – 24:00"
    assert str(c.part("overnight")) == "overnight: 23:00 the day before – 08:00"
    assert c.night_of is NightOf.BEGINNING
    msk = c.zone("MSK")
    assert msk is not None
    assert (msk.zone, msk.offset) == (MOSCOW, None)
    eest = c.zone("eest")
    assert eest is not None
    assert (eest.zone, eest.offset) == ("Europe/Kyiv", timedelta(hours=3))
    assert c.zone("CEST") is None


def test_conventions_are_frozen_and_hashable() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DEFAULT_CONVENTIONS.night_of = NightOf.ENDING  # type: ignore[misc]
    assert hash(DEFAULT_CONVENTIONS) == hash(Conventions())
    assert Conventions(night_of="ending").night_of is NightOf.ENDING


def test_with_part_replaces_or_adds() -> None:
    c = DEFAULT_CONVENTIONS.with_part("evening", "17:00", "23:00").with_part(
        "dusk", "17:30", "19:00", words=("at dusk",)
    )
    assert c.part("evening").bounds(OCT31) == (local(2025, 10, 31, 17), local(2025, 10, 31, 23))
    assert c.labels[-1] == "dusk"
    assert c.part("dusk").words == ("at dusk",)
    assert DEFAULT_CONVENTIONS.part("evening").start == timedelta(hours=18)


def test_with_zone_name_replaces_or_adds() -> None:
    c = DEFAULT_CONVENTIONS.with_zone_name("msk", "Europe/Simferopol")
    entry = c.zone("MSK")
    assert entry is not None
    assert entry.zone == "Europe/Simferopol"
    assert len(c.zone_names) == len(DEFAULT_CONVENTIONS.zone_names)


def test_part_lookup_failure_is_a_lookup_error() -> None:
    with pytest.raises(LookupFailed, match="no part of the day 'dusk'") as caught:
        DEFAULT_CONVENTIONS.part("dusk")
    assert "evening" in caught.value.suggestions


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: DayPart.clock("x", "25:00", "26:00"), "start: expected a clock time"),
        (lambda: DayPart.clock("x", "10:00", "24:30"), "end: expected a clock time"),
        (lambda: DayPart.clock("x", "ten", "11:00"), "start: expected a clock time"),
        (lambda: DayPart(label="", start=timedelta(0), end=timedelta(1)), "label"),
        (
            lambda: DayPart(label="x", start=0, end=timedelta(1)),  # type: ignore[arg-type]
            "start: expected a timedelta",
        ),
        (
            lambda: DayPart(label="x", start=timedelta(hours=5), end=timedelta(hours=5)),
            "expected -1 day <= start < end <= 2 days",
        ),
        (
            lambda: DayPart(label="x", start=timedelta(0), end=timedelta(1), words="dusk"),
            "words: expected a list of phrases",
        ),
        (lambda: ZoneName(name=" ", zone="MSK"), "name: expected a non-empty name"),
        (lambda: ZoneName(name="MSK", zone="MSK"), "zone: expected an IANA zone"),
        (
            lambda: ZoneName(name="X", zone="UTC", offset=timedelta(hours=30)),
            "offset: expected a UTC offset",
        ),
        (lambda: Conventions(parts_of_day=["evening"]), "parts_of_day: expected DayPart"),
        (
            lambda: Conventions(parts_of_day=[DEFAULT_CONVENTIONS.part("evening")] * 2),
            "the label 'evening' is given twice",
        ),
        (lambda: Conventions(zone_names=("MSK",)), "zone_names: expected ZoneName"),
        (
            lambda: Conventions(
                zone_names=(ZoneName(name="MSK", zone=MOSCOW), ZoneName(name="msk", zone="UTC"))
            ),
            "the name 'msk' is given twice",
        ),
        (lambda: Conventions(night_of="always"), "night_of: expected 'beginning' or 'ending'"),
        (lambda: Conventions(parts_of_day=7), "parts_of_day"),
        (lambda: Conventions(zone_names=7), "zone_names"),
    ],
)
def test_bad_conventions_are_refused(build: object, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        build()  # type: ignore[operator]


# --- operations -------------------------------------------------------------------------------


def test_intersection_examples() -> None:
    evening = TimeWindow.part_of_day(OCT31, "evening", tz=MOSCOW)
    bulletin = TimeWindow.parse("31 октября с 20:00 до 23:00 мск", reference=OCT31)
    assert evening.intersection(bulletin) == bulletin
    assert bulletin.intersection(evening) == bulletin
    night = TimeWindow.overnight(ending_on=OCT31, tz=MOSCOW)
    assert evening.intersection(night) is None
    touching = TimeWindow.on_day(date(2025, 11, 1), tz=MOSCOW)
    instant = evening.intersection(touching)
    assert instant is not None
    assert instant.duration == timedelta(0)
    late = TimeWindow.parse("2025-10-31 22:00 – 2025-11-01 02:00 MSK")
    both = evening.intersection(late)
    assert both is not None
    assert (both.precision, both.label, both.approximate, both.text) == (
        Precision.PART_OF_DAY,
        None,
        True,
        None,
    )
    same_label = late.intersection(attrs.evolve(evening, label=None))
    assert same_label is not None
    assert same_label.label is None


def test_intersection_is_stated_in_the_first_windows_zone() -> None:
    gmt = TimeWindow.parse("8 p.m. GMT Oct 30 to 5 a.m. GMT Oct 31", reference=OCT31)
    msk = TimeWindow.on_day(OCT31, tz=MOSCOW)
    both = msk.intersection(gmt)
    assert both is not None
    assert both.tz == MOSCOW
    assert str(both) == "2025-10-31 00:00–08:00 MSK [day]"
    inner = TimeWindow.on_day(OCT31, tz="UTC").intersection(
        TimeWindow.parse("31 октября с 20:00 до 23:00 мск", reference=OCT31)
    )
    assert inner is not None
    assert (inner.tz, inner.text) == ("UTC", "31 октября с 20:00 до 23:00 мск")


def test_in_tz_and_to_utc_keep_the_instants_and_the_rest() -> None:
    w = TimeWindow.part_of_day(OCT31, "evening", tz=MOSCOW, text="evening")
    u = w.to_utc()
    assert (u.start, u.end, u.tz) == (w.start, w.end, "UTC")
    assert u.start.isoformat() == "2025-10-31T15:00:00+00:00"
    assert (u.label, u.text, u.precision, u.approximate) == (
        w.label,
        w.text,
        w.precision,
        w.approximate,
    )
    assert u.in_tz(pytz.timezone(MOSCOW)) == w


def test_local_start_and_end_are_on_the_windows_clock() -> None:
    w = TimeWindow(start=utc(2025, 10, 31, 17), end=utc(2025, 10, 31, 20), tz="UTC")
    moved = w.in_tz(MOSCOW)
    assert (moved.local_start.hour, moved.local_end.hour) == (20, 23)


def test_contains_and_overlaps_keep_their_behaviour() -> None:
    day = TimeWindow.on_day(OCT31, tz=MOSCOW)
    assert day.contains(day.start)
    assert not day.contains(day.end + timedelta(seconds=1))
    assert day.overlaps(TimeWindow.on_day(date(2025, 11, 1), tz=MOSCOW))
    assert not day.overlaps(TimeWindow.on_day(date(2025, 11, 2), tz=MOSCOW))


def test_precision_order() -> None:
    assert Precision.MINUTE.coarser(Precision.HOUR) is Precision.HOUR
    assert Precision.YEAR.coarser(Precision.DAY) is Precision.YEAR


# --- str() ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("window", "text"),
    [
        (
            TimeWindow.between(local(2025, 10, 31, 20), local(2025, 10, 31, 23), tz=MOSCOW),
            "2025-10-31 20:00–23:00 MSK",
        ),
        (TimeWindow.at(local(2025, 10, 31, 23, 30), tz=MOSCOW), "2025-10-31 23:30 MSK"),
        (
            TimeWindow.overnight(ending_on=OCT31, tz=MOSCOW),
            '2025-10-30 23:00 – 2025-10-31 08:00 MSK [part_of_day, "overnight", approximate]',
        ),
        (TimeWindow.on_day(OCT31, tz="Europe/Kyiv"), "2025-10-31 00:00–24:00 EET [day]"),
        (
            TimeWindow.on_day(date(2025, 7, 1), tz="Europe/Kyiv"),
            "2025-07-01 00:00–24:00 EEST [day]",
        ),
        (TimeWindow.on_day(date(2009, 7, 1), tz=MOSCOW), "2009-07-01 00:00–24:00 MSD [day]"),
        (TimeWindow.on_day(date(2012, 7, 1), tz=MOSCOW), "2012-07-01 00:00–24:00 MSK [day]"),
        (
            TimeWindow.on_day(OCT31, tz="Europe/Berlin"),
            "2025-10-31 00:00–24:00 Europe/Berlin [day]",
        ),
        (
            TimeWindow.between(local(2025, 6, 1, 12, 0, 5, 120), local(2025, 6, 1, 14), tz="UTC"),
            "2025-06-01 12:00:05.000120–14:00 UTC",
        ),
        (
            TimeWindow.between(local(2025, 6, 1, 12, 0, 5), local(2025, 6, 3, 14), tz="GMT"),
            "2025-06-01 12:00:05 – 2025-06-03 14:00 GMT",
        ),
        (
            TimeWindow(
                start=utc(2025, 10, 26, 0, 30).astimezone(pytz.timezone("Europe/Kyiv")),
                end=utc(2025, 10, 26, 1, 15).astimezone(pytz.timezone("Europe/Kyiv")),
                tz="Europe/Kyiv",
            ),
            "2025-10-26 03:30 EEST – 2025-10-26 03:15 EET",
        ),
        (
            TimeWindow(
                start=utc(2014, 10, 25, 21, 30).astimezone(pytz.timezone(MOSCOW)),
                end=utc(2014, 10, 25, 22, 15).astimezone(pytz.timezone(MOSCOW)),
                tz=MOSCOW,
                precision="week",
                label='a "quoted" \\ label',
            ),
            "2014-10-26T01:30+04:00 – 2014-10-26T01:15+03:00 MSK "
            '[week, "a \\"quoted\\" \\\\ label"]',
        ),
    ],
)
def test_str_is_the_window_on_its_own_clock(window: TimeWindow, text: str) -> None:
    assert str(window) == text
    assert TimeWindow.parse(text) == attrs.evolve(window, text=text)


# --- properties -------------------------------------------------------------------------------

ZONES = [
    MOSCOW,
    "Europe/Kyiv",
    "Europe/Kiev",
    "UTC",
    "GMT",
    "Etc/GMT-3",
    "Europe/Berlin",
    "America/New_York",
    "America/St_Johns",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "America/Argentina/Buenos_Aires",
    "Japan",
]
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
LIMIT = int((datetime(2037, 12, 31, tzinfo=timezone.utc) - EPOCH).total_seconds())


@st.composite
def instants(draw: st.DrawFn) -> datetime:
    """Aware UTC instants from 1970 to 2037, mostly on whole minutes."""
    seconds = draw(st.integers(0, LIMIT // 60)) * 60
    if draw(st.booleans()):
        seconds += draw(st.integers(0, 59))
    moment = EPOCH + timedelta(seconds=seconds)
    if draw(st.integers(0, 9)) == 0:
        moment += timedelta(microseconds=draw(st.integers(1, 999_999)))
    return moment


labels = st.one_of(
    st.none(),
    st.sampled_from(["evening", "overnight", "morning", "ночь", 'a "quoted", [odd] label']),
    st.text(min_size=1, max_size=12),
)


@st.composite
def windows(draw: st.DrawFn, start: datetime | None = None) -> TimeWindow:
    """Windows in assorted zones, across DST changes, of minutes to weeks."""
    first = start if start is not None else draw(instants())
    length = draw(st.sampled_from([0, 1, 60, 180, 600, 1440, 1441, 20160]))
    last = first + timedelta(minutes=draw(st.integers(0, length)))
    name = draw(st.sampled_from(ZONES))
    zone = pytz.timezone(name)
    return TimeWindow(
        start=first.astimezone(zone),
        end=last.astimezone(zone),
        tz=name,
        precision=draw(st.sampled_from(list(Precision))),
        label=draw(labels),
        approximate=draw(st.booleans()),
    )


@st.composite
def window_pairs(draw: st.DrawFn) -> tuple[TimeWindow, TimeWindow]:
    """Two windows that often overlap or touch."""
    a = draw(windows())
    near = a.start + timedelta(minutes=draw(st.integers(-2000, 2000)))
    choice = draw(st.sampled_from(["near", "touch", "far"]))
    if choice == "touch":
        near = a.end
    b = draw(windows(start=near if choice != "far" else None))
    return a, b


FOLD = TimeWindow(
    start=utc(2014, 10, 25, 21, 30).astimezone(pytz.timezone(MOSCOW)),
    end=utc(2014, 10, 25, 22, 30).astimezone(pytz.timezone(MOSCOW)),
    tz=MOSCOW,
)


@given(windows())
@example(FOLD)
@example(TimeWindow.overnight(ending_on=OCT31, tz=MOSCOW))
@example(TimeWindow.on_day(date(2025, 10, 26), tz="Europe/Kyiv"))
def test_str_reads_back_to_the_same_window(w: TimeWindow) -> None:
    """``parse(str(w)) == w`` (the parsed window records ``str(w)`` as its text)."""
    text = str(w)
    assert TimeWindow.parse(text) == attrs.evolve(w, text=text)
    w = attrs.evolve(w, text=text)
    assert TimeWindow.parse(str(w)) == w


@given(window_pairs())
def test_intersection_and_overlaps_agree(pair: tuple[TimeWindow, TimeWindow]) -> None:
    a, b = pair
    both = a.intersection(b)
    assert (both is None) == (not a.overlaps(b))
    assert (b.intersection(a) is None) == (both is None)
    if both is not None:
        assert a.contains(both)
        assert b.contains(both)
        assert (both.start, both.end) == (max(a.start, b.start), min(a.end, b.end))
        assert both.tz == a.tz
        assert a.contains(b) == (both.start == b.start and both.end == b.end)


@given(windows())
def test_to_utc_preserves_instants(w: TimeWindow) -> None:
    u = w.to_utc()
    assert (u.start, u.end, u.duration) == (w.start, w.end, w.duration)
    assert u.start.utcoffset() == timedelta(0)
    assert u.tz == "UTC"
    assert u.in_tz(w.tz) == w
    assert attrs.evolve(u, tz=w.tz, start=w.start, end=w.end) == w
