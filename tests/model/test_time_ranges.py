"""Ranges whose ends need care: midnight at either end, and hours that borrow a meridiem."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from conflict_events import TimeWindow

MSK = "Europe/Moscow"
REFERENCE = date(2025, 10, 31)


def _local(text: str) -> tuple[datetime, datetime]:
    w = TimeWindow.parse(text, tz=MSK, reference=REFERENCE)
    return (w.local_start.replace(tzinfo=None), w.local_end.replace(tzinfo=None))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("с 00:00 до 24:00", datetime(2025, 10, 31, 0), datetime(2025, 11, 1, 0)),
        ("from 00:00 to 24:00 on October 30", datetime(2025, 10, 30, 0), datetime(2025, 10, 31, 0)),
        ("з 00:00 до 24:00 30 жовтня", datetime(2025, 10, 30, 0), datetime(2025, 10, 31, 0)),
        ("from midnight to midnight", datetime(2025, 10, 31, 0), datetime(2025, 11, 1, 0)),
        ("from 6 p.m. to 12 a.m.", datetime(2025, 10, 31, 18), datetime(2025, 11, 1, 0)),
        ("from 6 p.m. to midnight", datetime(2025, 10, 31, 18), datetime(2025, 11, 1, 0)),
        ("с 18:00 до 00:00 30 октября", datetime(2025, 10, 30, 18), datetime(2025, 10, 31, 0)),
        ("11-1 AM", datetime(2025, 10, 30, 23), datetime(2025, 10, 31, 1)),
        ("between 11 and 1 a.m.", datetime(2025, 10, 30, 23), datetime(2025, 10, 31, 1)),
        ("from 10 to 2 a.m.", datetime(2025, 10, 30, 22), datetime(2025, 10, 31, 2)),
        ("с 11 до 1 ночи", datetime(2025, 10, 30, 23), datetime(2025, 10, 31, 1)),
        ("between 11 and 12 p.m.", datetime(2025, 10, 31, 11), datetime(2025, 10, 31, 12)),
        ("8-11 PM MSK", datetime(2025, 10, 31, 20), datetime(2025, 10, 31, 23)),
    ],
)
def test_a_range_spans_what_a_reader_would_take(text: str, start: datetime, end: datetime):
    assert _local(text) == (start, end)
