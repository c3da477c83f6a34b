"""The command line: exit codes, output formats, JSON Lines with malformed lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import conflict_events as ce
from conflict_events.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "data" / "seed_report.json"


@pytest.fixture(scope="module")
def seed() -> ce.Report:
    return ce.loads(ce.Report, SEED.read_text(encoding="utf-8"))


def _report_with_error() -> ce.Report:
    total = ce.Claim(
        id="c:total",
        kind="interception",
        quantity=ce.Quantity.exact(38),
        coverage="complete",
        parts=(ce.Claim(id="c:part", kind="interception", quantity=ce.Quantity.exact(34)),),
    )
    statement = ce.Statement(id="st", source="src", kind="bulletin", claims=(total,))
    source = ce.Source(id="src", name="A ministry", kind="ministry")
    return ce.Report(id="rep:bad", sources=(source,), statements=(statement,))


def test_a_clean_report_exits_0_and_prints_its_findings(capsys: pytest.CaptureFixture[str]):
    assert main(["validate", str(SEED)]) == 0
    out, err = capsys.readouterr()
    assert "CE206 warning at statements[2].claims[0].parts[0]" in out
    assert "CE402 info" in out
    assert "0 errors, 1 warnings, 2 infos" in err


def test_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "bad.json"
    path.write_text(ce.dumps(_report_with_error()), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out, _ = capsys.readouterr()
    assert f"{path}: CE201 error at statements[0].claims[0]" in out


def test_strict_makes_warnings_fail(capsys: pytest.CaptureFixture[str]):
    assert main(["validate", "--strict", str(SEED)]) == 1
    assert main(["validate", "--fail-on", "info", str(SEED)]) == 1


def test_select_and_ignore_choose_rules(capsys: pytest.CaptureFixture[str]):
    assert main(["validate", "--select", "CE4", "--format", "json", str(SEED)]) == 0
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert codes == {"CE402"}
    main(["validate", "--ignore", "CE402,CE203", "--format", "json", str(SEED)])
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert codes == {"CE206"}


def test_an_unknown_rule_code_is_a_usage_error(capsys: pytest.CaptureFixture[str]):
    assert main(["validate", "--select", "CE999", str(SEED)]) == 2
    assert "CE999" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2


@pytest.mark.parametrize("content", [None, "not json at all", b"\xff\xfe bytes"])
def test_unreadable_input_exits_3(content: str | bytes | None, tmp_path: Path):
    path = tmp_path / "input.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    assert main(["validate", str(path)]) == 3


def test_json_lines_with_malformed_lines_are_reported_and_the_rest_validated(
    seed: ce.Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    good = ce.dumps(seed, indent=None)
    bad = ce.dumps(_report_with_error(), indent=None)
    lines = [good, '{"id": "broken"', bad, '{"id": "r", "schema_version": 1, "extra": 1}', ""]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert main(["validate", "--format", "json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    loading = [(f["line"], f["code"]) for f in findings if f["code"] == "CE000"]
    assert loading == [(2, "CE000"), (4, "CE000")]
    assert any(f["line"] == 3 and f["code"] == "CE201" for f in findings)
    assert any(f["line"] == 1 and f["code"] == "CE206" for f in findings)
    extra = next(f for f in findings if f["line"] == 4)
    assert extra["path"] == "extra"


def test_github_format_writes_workflow_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "bad.jsonl"
    path.write_text(ce.dumps(_report_with_error(), indent=None) + "\n", encoding="utf-8")
    main(["validate", "--format", "github", str(path)])
    out = capsys.readouterr().out
    assert f"::error file={path},line=1,title=CE201 at statements[0].claims[0]::" in out


def test_max_findings_limits_the_list(capsys: pytest.CaptureFixture[str]):
    main(["validate", "--max-findings", "1", str(SEED)])
    out = capsys.readouterr().out
    assert len([ln for ln in out.splitlines() if " CE" in ln or ln.startswith("CE")]) <= 2
    assert "and 2 more findings" in out


def test_schema_prints_a_json_schema(capsys: pytest.CaptureFixture[str]):
    assert main(["schema", "Claim"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$ref"] == "#/$defs/Claim"


def test_convert_between_json_json_lines_and_csv(
    seed: ce.Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    jsonl, back, csv, claims = (tmp_path / n for n in ("r.jsonl", "r.json", "c.csv", "c.jsonl"))
    assert main(["convert", str(SEED), str(jsonl)]) == 0
    assert main(["convert", str(jsonl), str(back)]) == 0
    assert back.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8") + "\n"
    assert main(["convert", str(SEED), str(csv)]) == 0
    assert main(["convert", "--type", "Claim", str(csv), str(claims)]) == 0
    tops = [c for s in seed.statements for c in s.claims]
    assert ce.read_jsonl(ce.Claim, claims) == tops


def test_convert_refuses_a_document_that_does_not_load(tmp_path: Path):
    path = tmp_path / "bad.json"
    path.write_text('{"id": "r"}', encoding="utf-8")
    assert main(["convert", str(path), str(tmp_path / "out.jsonl")]) == 3


def test_python_dash_m_runs_the_command_line():
    done = subprocess.run(  # noqa: S603 - the project's own module with this interpreter
        [sys.executable, "-m", "conflict_events", "validate", str(SEED)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "CE203 info" in done.stdout


def test_statements_and_claims_validate_one_by_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """``--type Claim`` / ``--type Statement`` and CSV input are validated object by object."""
    claim = _report_with_error().statements[0].claims[0]
    path = tmp_path / "claims.jsonl"
    ce.write_jsonl([claim], path)
    assert main(["validate", "--type", "Claim", str(path)]) == 1
    assert f"{path}:1: CE201 error" in capsys.readouterr().out
    statements = tmp_path / "statements.jsonl"
    ce.write_jsonl(_report_with_error().statements, statements)
    assert main(["validate", "--type", "Statement", str(statements)]) == 1
    csv = tmp_path / "claims.csv"
    assert main(["convert", str(SEED), str(csv)]) == 0
    capsys.readouterr()
    assert main(["validate", str(csv)]) == 0
    assert "CE206 warning at parts[0]" in capsys.readouterr().out


def test_a_json_array_with_a_duplicate_key_is_refused(tmp_path: Path):
    path = tmp_path / "dup.json"
    path.write_text('[{"id": "rep:1", "id": "rep:2", "schema_version": 1}]', encoding="utf-8")
    assert main(["convert", str(path), "-"]) == 3


def test_deeply_nested_json_is_unreadable_not_a_crash(tmp_path: Path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert main(["validate", str(path)]) == 3


def test_bytes_that_are_not_utf8_are_reported_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"id":"r1","schema_version":1}\n{"id":"r\xe9","schema_version":1}\n')
    assert main(["validate", "--format", "json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["line"], f["code"], f["path"]) for f in findings] == [(2, "CE000", "id")]


def test_convert_that_cannot_write_leaves_no_file(tmp_path: Path):
    claim = ce.Claim(id="c", kind="other", note="a\x00b")
    source = tmp_path / "claim.json"
    source.write_text(ce.dumps(claim), encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["convert", "--type", "Claim", str(source), str(out)]) == 3
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [source]
