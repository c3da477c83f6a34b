"""The helpers users call in their own tests: assert_valid, assert_round_trip, the diff plugin."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import conflict_events as ce
from conflict_events.testing import assert_round_trip, assert_valid, model_diff
from conflict_events.testing.pytest_plugin import pytest_assertrepr_compare

SEED = Path(__file__).resolve().parents[1] / "examples" / "data" / "seed_report.json"

pytest_plugins = ["pytester"]


@pytest.fixture(scope="module")
def seed() -> ce.Report:
    return ce.loads(ce.Report, SEED.read_text(encoding="utf-8"))


def _broken() -> ce.Claim:
    return ce.Claim(
        id="c:total",
        kind="interception",
        quantity=ce.Quantity.exact(38),
        coverage="complete",
        parts=(ce.Claim(id="c:part", kind="interception", quantity=ce.Quantity.exact(34)),),
    )


def test_assert_valid_passes_a_report_with_only_warnings(seed: ce.Report):
    assert_valid(seed)
    assert_valid(SEED)
    assert_valid(str(SEED))


def test_assert_valid_lists_the_findings_that_fail(seed: ce.Report):
    with pytest.raises(AssertionError) as info:
        assert_valid(seed, fail_on="warning")
    message = str(info.value)
    assert message.startswith("1 finding at or above 'warning':")
    assert "CE206 warning at statements[2].claims[0].parts[0]" in message
    assert "and 2 below it:" in message
    assert "CE402 info" in message


def test_assert_valid_honours_select_and_ignore(seed: ce.Report):
    assert_valid(seed, fail_on="warning", ignore=["CE206", "CE302"])
    with pytest.raises(AssertionError, match="CE402"):
        assert_valid(seed, fail_on="info", select=["CE4"])


def test_assert_valid_fails_on_errors():
    with pytest.raises(AssertionError, match="CE201 error"):
        assert_valid(_broken())


def test_assert_valid_reports_files_that_do_not_load(tmp_path: Path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "r", "schema_version": 1}\n{"id": 3}\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="1 lines do not load") as info:
        assert_valid(path)
    assert "line 2: id: expected a string" in str(info.value)
    broken = tmp_path / "bad.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(AssertionError, match="invalid JSON"):
        assert_valid(broken)


def test_assert_valid_refuses_an_unknown_threshold(seed: ce.Report):
    with pytest.raises(ValueError, match="fail_on"):
        assert_valid(seed, fail_on="fatal")  # type: ignore[arg-type]


def test_assert_round_trip_passes_the_seed_report(seed: ce.Report):
    assert_round_trip(seed)


def test_model_diff_names_each_differing_field_with_its_path(seed: ce.Report):
    statement = seed.statements[0]
    total = statement.claims[0]
    part = attrs.evolve(total.parts[2], quantity=ce.Quantity.exact(3))
    changed = attrs.evolve(
        seed,
        statements=(
            attrs.evolve(statement, claims=(attrs.evolve(total, parts=(*total.parts[:2], part)),)),
            *seed.statements[1:-1],
        ),
    )
    diff = model_diff(seed, changed)
    assert diff[0] == "statements[0].claims[0].parts[2].quantity.value: 2 != 3"
    assert diff[1].startswith("statements: 11 items != 10 items (only on the left:")
    assert model_diff(seed, seed) == []
    assert model_diff(ce.Quantity.exact(1), ce.Span(start=0, end=1)) == [
        "<root>: Quantity(value=1, low=None, high=None, qualifier=<Qualifier.EXACT: 'exact'>, "
        "unit='count') != Span(start=0, end=1) (different types)"
    ]


def test_the_plugin_explains_unequal_model_objects():
    lines = pytest_assertrepr_compare(None, "==", ce.Quantity.exact(1), ce.Quantity.exact(2))
    assert lines == ["two Quantity objects differ in 1 field(s):", "value: 1 != 2"]
    assert pytest_assertrepr_compare(None, "==", 1, 2) is None
    assert pytest_assertrepr_compare(None, "!=", ce.Quantity.exact(1), ce.Quantity.exact(2)) is None


def test_the_plugin_works_inside_pytest(pytester: pytest.Pytester):
    pytester.makeconftest('pytest_plugins = ["conflict_events.testing.pytest_plugin"]\n')
    pytester.makepyfile(
        """
        import conflict_events as ce

        def test_differs():
            assert ce.Quantity.exact(34) == ce.Quantity.about(35)
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--no-cov")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*two Quantity objects differ in 2 field(s):*", "*value: 34 != 35*"]
    )


def test_assert_valid_reads_a_json_lines_file_of_reports(seed: ce.Report, tmp_path: Path):
    """A .jsonl file whose every line loads is validated report by report."""
    path = tmp_path / "reports.jsonl"
    path.write_text(ce.dumps(seed, indent=None) + "\n", encoding="utf-8")
    assert_valid(path)
    with pytest.raises(AssertionError, match="at or above 'warning'"):
        assert_valid(path, fail_on="warning")


def test_assert_round_trip_names_the_step_that_changes_the_object(
    monkeypatch: pytest.MonkeyPatch,
):
    """When a loader gives back a different object, the message names the step and the diff."""
    from conflict_events.testing import _asserts

    quantity = ce.Quantity.exact(3)
    monkeypatch.setattr(_asserts, "from_dict", lambda cls, data: ce.Quantity.exact(4))
    with pytest.raises(AssertionError, match=r"from_dict\(to_dict\(obj\)\) differs"):
        assert_round_trip(quantity)


def test_assert_round_trip_fails_when_dumping_again_changes_the_text(
    monkeypatch: pytest.MonkeyPatch,
):
    """Equal objects whose text differs between dumps are still a failure."""
    from conflict_events.testing import _asserts

    real_dumps = _asserts.dumps
    calls: list[int] = []

    def dumps_differently(obj: object, **kwargs: object) -> str:
        calls.append(1)
        text = real_dumps(obj, **kwargs)  # type: ignore[arg-type]
        return text + " " * len(calls) if len(calls) > 2 else text

    monkeypatch.setattr(_asserts, "dumps", dumps_differently)
    with pytest.raises(AssertionError, match="does not give back the same text"):
        assert_round_trip(ce.Quantity.exact(3))
