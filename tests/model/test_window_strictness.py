"""TimeWindow construction is strict: aware instants, the zone's own offsets, no guessing."""

from __future__ import annotations

import zoneinfo
from datetime import datetime, timedelta, timezone

import pytest
import pytz

from conflict_events import (
    AmbiguousTimeError,
    ConflictEventsError,
    ModelError,
    NonExistentTimeError,
    Precision,
    TimeWindow,
    TimeZoneError,
)
from conflict_events.model import _zones

MSK = timezone(timedelta(hours=3))


def test_naive_times_are_local_times_in_the_given_zone() -> None:
    """``between(naive, naive, tz=...)`` localises both ends in that zone."""
    w = TimeWindow.between(
        datetime(2025, 10, 31, 20), datetime(2025, 10, 31, 23), tz="Europe/Moscow"
    )
    assert (w.start.isoformat(), w.end.isoformat(), w.tz) == (
        "2025-10-31T20:00:00+03:00",
        "2025-10-31T23:00:00+03:00",
        "Europe/Moscow",
    )
    assert w.precision is Precision.MINUTE


def test_moscow_was_utc_plus_four_in_2012() -> None:
    """Historical offsets come from the zone's rules: 12:00 in Moscow in June 2012 is +04:00."""
    w = TimeWindow.at(datetime(2012, 6, 15, 12), tz="Europe/Moscow")
    assert w.start.isoformat() == "2012-06-15T12:00:00+04:00"
    assert w.start == datetime(2012, 6, 15, 8, tzinfo=timezone.utc)


def test_naive_times_without_a_zone_are_rejected_not_read_as_utc() -> None:
    """Nothing is assumed: a naive start and no ``tz`` is a TimeZoneError at ``tz``."""
    with pytest.raises(TimeZoneError, match="naive start and end need a zone") as err:
        TimeWindow.between(datetime(2025, 10, 31, 20), datetime(2025, 10, 31, 23))
    assert err.value.field == "tz"


@pytest.mark.parametrize(
    ("local", "error", "words"),
    [
        (datetime(2025, 10, 26, 3, 30), AmbiguousTimeError, "happens twice in Europe/Kyiv"),
        (datetime(2025, 3, 30, 3, 30), NonExistentTimeError, "never happens in Europe/Kyiv"),
    ],
    ids=["fold", "gap"],
)
def test_a_local_time_in_a_dst_fold_or_gap_is_an_error_never_a_guess(
    local: datetime, error: type[TimeZoneError], words: str
) -> None:
    """Kyiv 03:30 on 26 October 2025 happens twice; on 30 March 2025 it never happens."""
    with pytest.raises(error, match=words) as err:
        TimeWindow.between(local, local + timedelta(hours=2), tz="Europe/Kyiv")
    assert err.value.field == "start"
    with pytest.raises(error) as err:
        TimeWindow.between(local - timedelta(hours=2), local, tz="Europe/Kyiv")
    assert err.value.field == "end"
    assert isinstance(err.value, TimeZoneError)
    assert isinstance(err.value, ModelError)
    assert isinstance(err.value, ValueError)
    assert isinstance(err.value, ConflictEventsError)


def test_the_hour_after_a_fold_is_fine() -> None:
    """Kyiv 04:30 on 26 October 2025 is unambiguous (+02:00)."""
    w = TimeWindow.at(datetime(2025, 10, 26, 4, 30), tz="Europe/Kyiv")
    assert w.start.isoformat() == "2025-10-26T04:30:00+02:00"


@pytest.mark.parametrize(
    "zone",
    [pytz.timezone("Europe/Moscow"), zoneinfo.ZoneInfo("Europe/Moscow"), "Europe/Moscow"],
    ids=["pytz", "zoneinfo", "name"],
)
def test_a_zone_may_be_a_name_a_pytz_zone_or_a_zoneinfo(zone: object) -> None:
    """The window stores the IANA name whatever form the zone came in."""
    w = TimeWindow.at(datetime(2025, 10, 31, 23, 30), tz=zone)  # type: ignore[arg-type]
    assert w.tz == "Europe/Moscow"
    assert w.start.isoformat() == "2025-10-31T23:30:00+03:00"


def test_without_tz_the_zone_comes_from_an_aware_start() -> None:
    """An aware start whose tzinfo names a zone gives the window its zone."""
    kyiv = zoneinfo.ZoneInfo("Europe/Kyiv")
    w = TimeWindow.between(datetime(2025, 6, 1, tzinfo=kyiv), datetime(2025, 6, 1, 6, tzinfo=kyiv))
    assert w.tz == "Europe/Kyiv"
    assert w.duration == timedelta(hours=6)


@pytest.mark.parametrize("zone", ["MSK", "Europe/Nowhere", "", timezone.utc, MSK, 3])
def test_a_zone_that_is_not_an_iana_zone_is_rejected(zone: object) -> None:
    """Abbreviations, unknown names and fixed offsets do not name a zone."""
    with pytest.raises(TimeZoneError, match="expected an IANA time zone") as err:
        TimeWindow.at(datetime(2025, 10, 31, 23, 30), tz=zone)  # type: ignore[arg-type]
    assert err.value.field == "tz"


def test_an_aware_time_must_carry_the_zones_offset_at_that_instant() -> None:
    """20:00+02:00 is not a Moscow time on 31 October 2025 (Moscow is +03:00)."""
    start = datetime(2025, 10, 31, 20, tzinfo=timezone(timedelta(hours=2)))
    with pytest.raises(TimeZoneError, match=r"offset \+02:00 of 2025-10-31T20:00:00\+02:00") as err:
        TimeWindow.between(start, start, tz="Europe/Moscow")
    assert [p.path for p in err.value.problems] == ["start", "end"]
    assert "(2025-10-31T21:00:00+03:00)" in str(err.value)


def test_a_start_that_is_not_a_datetime_is_rejected() -> None:
    """A date string is not a datetime."""
    with pytest.raises(TimeZoneError, match="expected a datetime, got '2025-10-31'") as err:
        TimeWindow.between("2025-10-31", datetime(2025, 10, 31, 23), tz="Europe/Moscow")  # type: ignore[arg-type]
    assert err.value.field == "start"


@pytest.mark.parametrize(
    ("change", "paths", "error"),
    [
        ({"start": datetime(2025, 10, 31, 20)}, ["start"], ModelError),
        ({"end": "2025-10-31T23:00:00+03:00"}, ["end"], ModelError),
        ({"tz": "MSK"}, ["tz"], TimeZoneError),
        ({"precision": "second"}, ["precision"], ModelError),
        ({"label": ""}, ["label"], ModelError),
        ({"text": 5}, ["text"], ModelError),
        ({"approximate": 1}, ["approximate"], ModelError),
        ({"start": datetime(2025, 11, 1, tzinfo=MSK)}, ["start"], ModelError),
        ({"end": datetime(2025, 10, 31, 21, tzinfo=timezone.utc)}, ["end"], TimeZoneError),
        (
            {"start": datetime(1, 1, 1, tzinfo=MSK), "end": datetime(1, 1, 1, 1, tzinfo=MSK)},
            ["start", "end"],
            ModelError,
        ),
    ],
    ids=[
        "naive-start",
        "string-end",
        "abbreviation",
        "precision",
        "empty-label",
        "text-not-string",
        "approximate-not-bool",
        "start-after-end",
        "end-in-utc",
        "calendar-limit",
    ],
)
def test_the_plain_constructor_checks_every_field(
    change: dict[str, object], paths: list[str], error: type[ModelError]
) -> None:
    """``TimeWindow(...)`` itself rejects naive, reversed and mis-offset instants."""
    fields: dict[str, object] = {
        "start": datetime(2025, 10, 31, 20, tzinfo=MSK),
        "end": datetime(2025, 10, 31, 23, tzinfo=MSK),
        "tz": "Europe/Moscow",
    }
    with pytest.raises(error) as err:
        TimeWindow(**{**fields, **change})  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == paths
    assert err.value.cls_name == "TimeWindow"


def test_a_naive_instant_is_reported_as_naive() -> None:
    """The message says the value is naive and that nothing is assumed."""
    with pytest.raises(ModelError, match=r"got the naive 2025-10-31T20:00:00 .*nothing is assumed"):
        TimeWindow(
            start=datetime(2025, 10, 31, 20),
            end=datetime(2025, 10, 31, 23, tzinfo=MSK),
            tz="Europe/Moscow",
        )


def test_windows_contain_and_overlap_as_intervals() -> None:
    """Bounds are inclusive: touching windows overlap; an instant at the end is contained."""
    evening = TimeWindow.between(
        datetime(2025, 10, 31, 20), datetime(2025, 10, 31, 23), tz="Europe/Moscow"
    )
    later = TimeWindow.between(
        datetime(2025, 10, 31, 23), datetime(2025, 11, 1, 7), tz="Europe/Moscow"
    )
    assert evening.overlaps(later)
    assert later.overlaps(evening)
    assert evening.contains(evening.end)
    assert not evening.contains(later)
    assert evening.contains(TimeWindow.at(datetime(2025, 10, 31, 21), tz="Europe/Moscow"))
    assert evening.zone is pytz.timezone("Europe/Moscow")


def test_zone_helpers_reject_unknown_zones_and_aware_local_times() -> None:
    """The zone table knows IANA names only; localising needs a naive local time."""
    with pytest.raises(TimeZoneError, match="unknown IANA time zone 'MSK'"):
        _zones.get_zone("MSK")
    with pytest.raises(TimeZoneError, match="expected a naive local time") as err:
        _zones.localize(datetime(2025, 10, 31, 20, tzinfo=MSK), "Europe/Moscow", field="end")
    assert err.value.field == "end"
