"""The one-pass checks that guard constructors agree with each class's ``check_fields``."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import conflict_events as ce
from conflict_events.model import claim as claim_module
from conflict_events.model import time as time_module
from conflict_events.testing import strategies as ces


def _fields(obj: object, **changes: object) -> dict[str, object]:
    values = {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj))}
    return {**values, **changes}


def _as_namespace(obj: object, **changes: object) -> SimpleNamespace:
    return SimpleNamespace(**_fields(obj, **changes))


@given(ces.time_windows())
def test_a_valid_window_passes_the_fast_check(window: ce.TimeWindow):
    assert time_module._looks_valid(window)
    assert ce.TimeWindow.check_fields(_fields(window)) == []


@given(ces.time_windows(), st.integers(min_value=1, max_value=11))
def test_a_wrong_offset_never_passes_the_fast_check(window: ce.TimeWindow, hours: int):
    shifted = window.start.replace(
        tzinfo=timezone(window.start.utcoffset() + timedelta(hours=hours))
    )  # type: ignore[operator]
    bad = _as_namespace(window, start=shifted)
    # Near a change of clocks the shifted offset can be the zone's own at the new instant.
    assume(ce.TimeWindow.check_fields(vars(bad)))
    assert not time_module._looks_valid(bad)  # type: ignore[arg-type]


def test_the_fast_window_check_refuses_what_the_detailed_one_refuses():
    good = ce.TimeWindow.between(
        datetime(2025, 10, 31, 20), datetime(2025, 10, 31, 23), tz="Europe/Moscow"
    )
    for change in (
        {"start": good.end, "end": good.start},
        {"tz": "Mars/Olympus"},
        {"label": ""},
        {"approximate": 1},
        {"start": datetime(2025, 10, 31, 20)},
    ):
        bad = _as_namespace(good, **change)
        assert ce.TimeWindow.check_fields(vars(bad)), change
        assert not time_module._looks_valid(bad), change  # type: ignore[arg-type]


@given(ces.claims())
def test_a_valid_claim_passes_the_fast_check(claim: ce.Claim):
    assert claim_module._looks_valid(claim)
    assert ce.Claim.check_fields(_fields(claim)) == []


def test_the_fast_claim_check_refuses_what_the_detailed_one_refuses():
    good = ce.Claim(id="c", kind="interception", regions=("RU-BEL",), weapons=("shahed-136",))
    for change in (
        {"id": " c"},
        {"regions": ("RU-BEL", "RU-BEL")},
        {"regions": ("Belgorod",)},
        {"weapons": ("Shahed 136",)},
        {"credibility": 7},
        {"region_count": 0},
        {"quote": ""},
        {"parts": (1,)},
    ):
        bad = _as_namespace(good, **change)
        assert ce.Claim.check_fields(vars(bad)), change
        assert not claim_module._looks_valid(bad), change  # type: ignore[arg-type]
