"""The shipped hypothesis strategies generate valid, varied model objects."""

from __future__ import annotations

import subprocess
import sys
import typing
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import conflict_events as ce
from conflict_events.model import MODEL_CLASSES
from conflict_events.testing import strategies as ces


class _Found(Exception):
    """Raised inside a search to stop it at the first match."""


def _exists(
    strategy: st.SearchStrategy[typing.Any], condition: Callable[[typing.Any], bool]
) -> None:
    """Some value drawn from ``strategy`` meets ``condition`` (found without shrinking)."""

    @settings(max_examples=2000, database=None, phases=[Phase.generate])
    @given(strategy)
    def search(value: typing.Any) -> None:
        if condition(value):
            raise _Found

    with pytest.raises(_Found):
        search()


@given(ces.model_objects())
def test_model_objects_are_objects_of_the_wire_format(obj: ces.Model) -> None:
    """``model_objects()`` draws from every model class."""
    assert type(obj) in MODEL_CLASSES


def test_there_is_no_strategy_for_a_class_outside_the_model() -> None:
    """``for_type(int)`` is a TypeError."""
    with pytest.raises(TypeError, match="no strategy for"):
        ces.for_type(int)


@pytest.mark.parametrize("qualifier", list(ce.Qualifier), ids=lambda q: q.value)
@pytest.mark.parametrize("unit", ["count", "km"])
def test_quantities_cover_every_qualifier_in_every_unit(qualifier: ce.Qualifier, unit: str) -> None:
    """Every qualifier shows up, counting and measuring."""
    _exists(ces.quantities(), lambda q: q.qualifier is qualifier and q.unit == unit)


def test_measures_include_fractional_kilometres() -> None:
    """A range in km may be a float."""
    _exists(ces.quantities(units=("km",)), lambda q: isinstance(q.value, float) and q.value % 1)


@pytest.mark.parametrize("zone", ces.ZONES)
def test_time_windows_cover_every_zone(zone: str) -> None:
    """Each of the listed zones is drawn."""
    _exists(ces.time_windows(), lambda w: w.tz == zone)


def test_time_windows_carry_microseconds() -> None:
    """Sub-second instants are generated, so a round trip that drops them fails."""
    _exists(ces.time_windows(), lambda w: w.start.microsecond != 0 and w.end.microsecond != 0)


def test_time_windows_include_moscow_at_utc_plus_four() -> None:
    """Moscow's 2011-2014 offset is generated."""
    _exists(
        ces.time_windows(zones=("Europe/Moscow",)),
        lambda w: w.start.utcoffset() == timedelta(hours=4) and w.start.year == 2012,
    )


@pytest.mark.parametrize("zone", ["Europe/Kyiv", "America/New_York", "Europe/Moscow"])
def test_time_windows_span_offset_changes(zone: str) -> None:
    """Windows whose start and end have different offsets (DST or a change of rules)."""
    _exists(ces.time_windows(zones=(zone,)), lambda w: w.start.utcoffset() != w.end.utcoffset())


def test_text_includes_cyrillic() -> None:
    """Generated text is not only ASCII."""
    _exists(ces.texts(), lambda t: any("\u0400" <= ch <= "\u04ff" for ch in t))
    _exists(ces.ids(), lambda t: any("\u0400" <= ch <= "\u04ff" for ch in t))


def test_claims_nest_to_the_depth_asked_for_and_no_deeper() -> None:
    """``claims(max_depth=2)`` reaches parts of parts."""
    _exists(ces.claims(max_depth=2), lambda c: any(p.parts for p in c.parts))


@given(ces.claims(max_depth=1))
def test_claims_never_nest_deeper_than_asked(claim: ce.Claim) -> None:
    """With ``max_depth=1`` the parts have no parts."""
    assert all(not part.parts for part in claim.parts)


def test_regions_include_disputed_ones() -> None:
    """``Region.disputed`` is exercised."""
    _exists(ces.regions(), lambda r: r.disputed)


def test_reports_are_published_on_dates_and_at_instants() -> None:
    """Both forms of ``Report.published`` are generated."""
    _exists(ces.reports(), lambda r: type(r.published) is date)
    _exists(ces.reports(), lambda r: isinstance(r.published, datetime))


def test_claims_carry_the_dataset_fields() -> None:
    """Outcomes, origins, targets, place precision, several actors, mode and context."""
    _exists(ces.claims(), lambda c: c.outcome is not None and c.place_precision is not None)
    _exists(ces.claims(), lambda c: bool(c.origins and c.targets))
    _exists(ces.claims(), lambda c: bool(c.other_actors and c.other_target_parties))
    _exists(ces.claims(), lambda c: c.event_mode is not None and bool(c.context))


def test_regions_have_points_and_statements_revise_others() -> None:
    _exists(ces.regions(), lambda r: r.point is not None)
    _exists(ces.points(), lambda p: p.lat < 0 < p.lon)
    _exists(ces.statements(), lambda s: None not in (s.supersedes, s.corrects, s.retracts))


def test_the_testing_package_imports_without_hypothesis() -> None:
    """``conflict_events.testing`` needs no hypothesis; only ``.strategies`` does."""
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"
        "import conflict_events.testing\n"
        "try:\n"
        "    import conflict_events.testing.strategies\n"
        "except ImportError:\n"
        "    print('strategies need hypothesis')\n"
    )
    done = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "strategies need hypothesis"
