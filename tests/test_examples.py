"""The bundled examples run, and the seed report is a faithful golden fixture."""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import jsonschema
import pytest

import conflict_events as ce

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = EXAMPLES / "data" / "seed_report.json"
ARTICLE = ROOT.parent / "shared" / "seed" / "report.txt"
MISSILE_ATTACKS = ROOT.parent / "shared" / "data" / "missile_attacks" / "missile_attacks_daily.csv"


def _load_example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed() -> ModuleType:
    return _load_example("seed_report")


@pytest.fixture(scope="module")
def golden_text() -> str:
    return GOLDEN.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"the seed article is not beside the checkout ({ARTICLE}); spans not checked")
    return ARTICLE.read_text(encoding="utf-8")


def test_the_golden_file_is_exactly_what_the_example_builds(seed: ModuleType, golden_text: str):
    assert ce.dumps(seed.build()) == golden_text


def test_the_golden_file_round_trips_byte_identically(golden_text: str):
    report = ce.loads(ce.Report, golden_text)
    assert ce.dumps(report) == golden_text
    assert ce.loads(ce.Report, ce.dumps(report)) == report


def test_the_golden_file_round_trips_through_json_lines(golden_text: str, tmp_path: Path):
    report = ce.loads(ce.Report, golden_text)
    path = tmp_path / "reports.jsonl"
    assert ce.write_jsonl([report, report], path) == 2
    assert ce.read_jsonl(ce.Report, path) == [report, report]


def test_the_golden_file_validates_against_the_json_schema(golden_text: str):
    import json

    schema = ce.json_schema(ce.Report)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [e.message for e in validator.iter_errors(json.loads(golden_text))]
    assert errors == []


def test_every_quote_stands_at_its_span_in_the_article(golden_text: str, article: str):
    report = ce.loads(ce.Report, golden_text)
    quoted = [(path, c.quote, c.span) for path, c in report.claims()]
    quoted += [(f"statements[{i}]", s.quote, s.span) for i, s in enumerate(report.statements)]
    checked = 0
    for path, quote, span in quoted:
        if quote is None:
            continue
        assert span is not None, f"{path} has a quote without a span"
        assert span.of(article) == quote, path
        assert len(quote.split()) <= 12, f"{path}: a quote is a few words, not a sentence"
        checked += 1
    assert checked >= 20


def test_the_report_records_the_digest_of_the_article(golden_text: str, article: str):
    report = ce.loads(ce.Report, golden_text)
    assert report.text_sha256 == hashlib.sha256(article.encode("utf-8")).hexdigest()


def test_the_seed_report_keeps_what_a_reader_would_query(golden_text: str):
    report = ce.loads(ce.Report, golden_text)
    by_id = {c.id: c for _, c in report.claims()}
    evening = by_id["c:evening-total"]
    assert evening.quantity == ce.Quantity.exact(38)
    assert [p.quantity.value for p in evening.parts if p.quantity] == [34, 2, 2]
    assert evening.coverage is ce.Coverage.COMPLETE
    assert evening.region_count == 3
    night = by_id["c:night-total"]
    assert night.quantity == ce.Quantity.exact(130)
    assert night.coverage is ce.Coverage.PARTIAL
    grouped = by_id["c:night-orel-tambov-tula"]
    assert grouped.distribution is ce.Distribution.UNKNOWN
    assert grouped.regions == ("RU-ORL", "RU-TAM", "RU-TUL")
    assert by_id["c:night-kursk"].share is ce.Share.MAJORITY
    oreshnik = by_id["c:ksfo-oreshnik-range"]
    assert oreshnik.quantity == ce.Quantity.more_than(500, unit="km")
    assert by_id["c:duma-oreshnik-strike"].modality is ce.Modality.PROPOSED
    kinds = [s.kind for s in report.statements]
    assert kinds.count(ce.StatementKind.ACCUSATION) >= 2


@pytest.mark.parametrize("script", sorted(p.name for p in EXAMPLES.glob("*.py")))
def test_every_example_script_runs(script: str, tmp_path: Path):
    """Each script in examples/ runs to completion; the seed example writes its JSON.

    The missile-attacks example writes its chart when the shared data is beside the checkout
    and says the data is absent otherwise.
    """
    out = tmp_path / ("out.png" if script == "missile_attacks.py" else "out.json")
    done = subprocess.run(  # noqa: S603 - runs the project's own example with this interpreter
        [sys.executable, str(EXAMPLES / script), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    if script == "seed_report.py":
        assert out.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")
    if script == "missile_attacks.py":
        if MISSILE_ATTACKS.is_file():
            assert out.read_bytes().startswith(b"\x89PNG"), done.stdout
            assert "findings by code:" in done.stdout
        else:
            assert "absent" in done.stdout


def test_the_missile_attacks_example_says_when_its_data_is_absent(tmp_path: Path):
    out = tmp_path / "chart.png"
    done = subprocess.run(  # noqa: S603 - runs the project's own example with this interpreter
        [sys.executable, str(EXAMPLES / "missile_attacks.py"), str(out), str(tmp_path / "no.csv")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "missile-attacks CSV is absent" in done.stdout
    assert not out.exists()
