"""Windows at the edges of datetime's range give the library's error, never a bare one."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from conflict_events import ModelError, TimeWindow


@pytest.mark.parametrize(
    "build",
    [
        lambda: TimeWindow.at(datetime(9999, 12, 31, 23), tz="America/New_York"),
        lambda: TimeWindow.at(datetime(1, 1, 1), tz="Europe/Moscow"),
        lambda: TimeWindow.on_day(date(9999, 12, 31), tz="Europe/Moscow"),
        lambda: TimeWindow.in_year(9999, tz="Europe/Moscow"),
        lambda: TimeWindow.in_year(10_000, tz="UTC"),
        lambda: TimeWindow.in_month(9999, 12, tz="UTC"),
        lambda: TimeWindow.in_month(2025, 13, tz="UTC"),
        lambda: TimeWindow.part_of_day(date(9999, 12, 31), "evening", tz="Europe/Moscow"),
        lambda: TimeWindow.overnight(ending_on=date(1, 1, 1), tz="Europe/Moscow"),
    ],
    ids=[
        "at-9999",
        "at-0001",
        "on_day",
        "in_year",
        "year-10000",
        "in_month",
        "month-13",
        "evening",
        "overnight",
    ],
)
def test_the_edges_of_the_calendar_are_a_model_error(build):
    with pytest.raises(
        ModelError, match=r"outside the calendar datetime holds \(years 1 to 9999\)"
    ):
        build()


def test_a_window_just_inside_the_calendar_still_works():
    assert TimeWindow.on_day(date(9999, 12, 30), tz="UTC").end == datetime.fromisoformat(
        "9999-12-31T00:00:00+00:00"
    )
    assert TimeWindow.in_year(9998, tz="Europe/Moscow").start.year == 9998
