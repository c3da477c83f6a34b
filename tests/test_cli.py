"""The command line: exit codes, output formats, JSON Lines with malformed lines."""

from __future__ import annotations

import csv as csv_module
import io
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import attrs
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


def test_python_dash_m_module_runs_main_and_exits_with_its_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """``python -m conflict_events`` exits with the command line's code (run in-process)."""
    import runpy

    monkeypatch.setattr(sys, "argv", ["conflict_events", "schema", "Quantity"])
    monkeypatch.delitem(sys.modules, "conflict_events.__main__", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_module("conflict_events", run_name="__main__")
    assert exit_info.value.code == 0
    assert '"$schema"' in capsys.readouterr().out


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


# -- output that cannot be written -------------------------------------------------------------


def test_convert_into_a_directory_that_does_not_exist_is_a_clear_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    target = tmp_path / "no" / "such" / "dir" / "out.jsonl"
    assert main(["convert", str(SEED), str(target)]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {target}: the directory {target.parent} does not exist" in err
    assert "Traceback" not in err
    assert not (tmp_path / "no").exists()


def test_convert_onto_a_directory_is_a_clear_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["convert", str(SEED), str(tmp_path)]) == 2
    assert f"cannot write {tmp_path}: it is a directory" in capsys.readouterr().err


# -- CSV: each row on its own ------------------------------------------------------------------


def _seed_csv(tmp_path: Path) -> Path:
    csv_path = tmp_path / "claims.csv"
    assert main(["convert", str(SEED), str(csv_path)]) == 0
    return csv_path


def _replace_cell(path: Path, claim_id: str, column: str, value: str) -> int:
    """Set one cell of the row of ``claim_id``; return that row's number (from 1)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv_module.reader(handle))
    header = rows[0]
    number = next(i for i, r in enumerate(rows) if r[header.index("claim_id")] == claim_id)
    rows[number][header.index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv_module.writer(handle, lineterminator="\r\n").writerows(rows)
    return number


def _broken_csv(
    seed: ce.Report, tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str, value: str
) -> tuple[Path, str, int]:
    """The seed's claims as CSV with one cell of the first claim's row replaced."""
    csv_path = _seed_csv(tmp_path)
    first = seed.statements[0].claims[0].id
    row = _replace_cell(csv_path, first, column, value)
    capsys.readouterr()
    return csv_path, first, row


def test_a_csv_with_one_bad_row_reports_it_and_validates_the_rest(
    seed: ce.Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    csv_path, first, row = _broken_csv(seed, tmp_path, capsys, "kind", "zap")
    assert main(["validate", "--format", "json", str(csv_path)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    broken = [f for f in findings if f["code"] == "CE000"]
    assert [(f["file"], f["row"], f["line"], f["claim"], f["path"]) for f in broken] == [
        (str(csv_path), row, row + 1, first, "kind")
    ]
    assert any(f["code"] == "CE206" and f["path"] == "parts[0]" for f in findings)


def test_a_csv_cell_that_is_not_a_number_is_reported_by_row_and_column(
    seed: ce.Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    csv_path, first, row = _broken_csv(seed, tmp_path, capsys, "quantity_value", "many")
    assert main(["validate", str(csv_path)]) == 1
    out = capsys.readouterr().out
    assert (
        f"{csv_path}:{row + 1}: row {row}, claim {first}: CE000 error at quantity_value: "
        "cannot load: expected a number, got 'many'"
    ) in out
    assert "CE206 warning at parts[0]" in out


def test_convert_names_the_bad_csv_row_and_writes_nothing(
    seed: ce.Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    csv_path, first, row = _broken_csv(seed, tmp_path, capsys, "kind", "zap")
    out = tmp_path / "claims.jsonl"
    assert main(["convert", "--type", "Claim", str(csv_path), str(out)]) == 3
    assert f"{csv_path}:{row + 1} (row {row}, claim {first}): kind:" in capsys.readouterr().err
    assert not out.exists()


def test_csv_findings_name_the_row_and_the_claim(
    seed: ce.Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    csv_path = _seed_csv(tmp_path)
    capsys.readouterr()
    main(["validate", str(csv_path)])
    out = capsys.readouterr().out
    claim = seed.statements[2].claims[0]
    assert f"claims.csv:7: row 6, claim {claim.id}: CE206 warning at parts[0]:" in out


# -- text at the edges -------------------------------------------------------------------------


def test_a_bare_cr_inside_a_json_lines_line_keeps_the_line_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    good = ce.dumps(ce.Report(id="rep:ok"), indent=None).replace(",", ",\r", 1)
    bad = ce.dumps(_report_with_error(), indent=None)
    path = tmp_path / "reports.jsonl"
    path.write_bytes(f"{good}\n{bad}\n".encode())
    assert main(["validate", "--format", "json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["line"], f["code"]) for f in findings] == [(2, "CE201")]


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".csv"])
def test_a_byte_order_mark_at_the_start_of_a_file_is_accepted(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    plain = tmp_path / f"plain{suffix}"
    assert main(["convert", str(SEED), str(plain)]) == 0
    marked = tmp_path / f"marked{suffix}"
    marked.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    capsys.readouterr()
    assert main(["validate", "--format", "json", str(plain)]) == 0
    expected = json.loads(capsys.readouterr().out)["findings"]
    assert main(["validate", "--format", "json", str(marked)]) == 0
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [{**f, "file": ""} for f in found] == [{**f, "file": ""} for f in expected]
    kind = ["--type", "Claim"] if suffix == ".csv" else []
    back, again = tmp_path / f"back{suffix}", tmp_path / f"again{suffix}"
    assert main(["convert", *kind, str(marked), str(back)]) == 0
    assert main(["convert", *kind, str(plain), str(again)]) == 0
    assert back.read_bytes() == again.read_bytes()


# -- streaming ---------------------------------------------------------------------------------


class _Sink(io.StringIO):
    """Standard output that keeps nothing, as a pipe to another program."""

    def write(self, text: str) -> int:
        return len(text)


def _peak_heap(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdout", _Sink())
    tracemalloc.start()
    try:
        assert main(["validate", "--type", "Statement", "--quiet", str(path)]) == 1
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_statements_are_validated_in_constant_memory_whatever_the_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """Findings go to the output as they are found; ten times the findings, the same peak."""
    statement = _report_with_error().statements[0]
    peaks = []
    for n in (300, 3000):
        path = tmp_path / f"statements-{n}.jsonl"
        ce.write_jsonl((attrs.evolve(statement, id=f"st:{i}") for i in range(n)), path)
        main(["validate", "--type", "Statement", "--quiet", str(path)])  # warm up
        peaks.append(_peak_heap(path, monkeypatch))
    assert "3000 errors" in capsys.readouterr().err
    assert peaks[1] < peaks[0] * 1.25 + 50_000, peaks


def test_json_output_is_one_document_with_counts(capsys: pytest.CaptureFixture[str]):
    assert main(["validate", "--format", "json", "--max-findings", "1", str(SEED)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert len(document["findings"]) == 1
    assert document["counts"] == {"error": 0, "warning": 1, "info": 2}
    assert document["omitted"] == 2  # 3 findings, 1 shown


# -- options -----------------------------------------------------------------------------------


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as info:
        main([*args, "--help"])
    assert info.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def test_help_explains_every_option_and_the_exit_codes(capsys: pytest.CaptureFixture[str]):
    text = _help(capsys, "validate")
    for words in (
        "--type {Report,Statement,Claim} what each JSON document or line holds",
        "--format {text,json,github,sarif} text: one line a finding",
        "a CSV of claims (.csv, as convert writes it); - reads JSON Lines from standard input",
        "--max-findings N list at most N findings",
        "2 usage error",
        "3 unreadable input",
    ):
        assert words in text
    text = _help(capsys, "convert")
    assert "--from {json,jsonl,csv} the input format" in text
    assert "--to {json,jsonl,csv} the output format" in text
    assert "1 findings at or above the failing severity" in _help(capsys)


def test_version_prints_the_version(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"conflict-events {ce.__version__}"


@pytest.mark.parametrize("value", ["-1", "many"])
def test_max_findings_refuses_what_is_not_a_count(value: str, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as info:
        main(["validate", "--max-findings", value, str(SEED)])
    assert info.value.code == 2
    assert "--max-findings" in capsys.readouterr().err


def test_validate_dash_reads_json_lines_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    text = "\ufeff" + ce.dumps(_report_with_error(), indent=None) + "\n\n{broken\n"
    stdin = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["validate", "-"]) == 1
    out = capsys.readouterr().out
    assert "-:1: CE201 error at statements[0].claims[0]" in out
    assert "-:3: CE000 error" in out


def test_a_claims_file_validated_as_reports_gets_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    path = tmp_path / "claims.jsonl"
    ce.write_jsonl(_report_with_error().statements[0].claims * 3, path)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"hint: nothing in {path} loads as a Report, but its first line is a Claim" in err
    assert "try --type Claim" in err
    assert main(["validate", "--type", "Claim", str(path)]) == 1
    assert "hint" not in capsys.readouterr().err


def test_a_json_array_of_claims_validated_as_reports_gets_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """The hint also looks at the first element of a JSON array."""
    path = tmp_path / "claims.json"
    claims = _report_with_error().statements[0].claims
    path.write_text("[" + ce.dumps(claims[0]) + "]", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"hint: nothing in {path} loads as a Report, but its first document is a Claim" in err


def test_a_text_stream_in_place_of_standard_input_is_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """Standard input without a byte buffer (an embedding program's stream) is read as text."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(ce.dumps(_report_with_error(), indent=None)))
    assert main(["validate", "-"]) == 1
    assert "-:1: CE201 error" in capsys.readouterr().out


def test_a_missing_json_lines_file_is_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """A file that cannot be opened exits 3 and names it."""
    path = tmp_path / "missing.jsonl"
    assert main(["validate", str(path)]) == 3
    assert f"{path}: cannot read" in capsys.readouterr().err


def test_convert_with_explicit_formats_writes_to_standard_output(
    capsys: pytest.CaptureFixture[str],
):
    """--to jsonl with - as output prints one line per report on standard output."""
    assert main(["convert", "--from", "json", "--to", "jsonl", str(SEED), "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert ce.loads(ce.Report, lines[0]) == ce.loads(ce.Report, SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "row"),
    [('"claim_id\n', 1), ('claim_id,kind\nc:1,interception\n"c:2,interception\n', 3)],
)
def test_a_csv_with_a_broken_quote_is_reported_at_its_row(
    text: str, row: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """An unclosed quote in the header or a row is a load error at that line, not a crash."""
    path = tmp_path / "claims.csv"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", "--type", "Claim", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:{row}" in out
    assert "not CSV" in out


def test_a_reader_that_goes_away_ends_the_run_quietly(monkeypatch: pytest.MonkeyPatch):
    """A broken pipe on standard output (``| head``) exits 0 without a traceback."""
    import conflict_events.cli as cli

    def broken(args: object) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(cli, "_cmd_schema", broken)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert main(["schema", "Quantity"]) == 0
    assert sys.stderr.closed


def test_a_terminal_sees_a_progress_line_every_thousand_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """On a terminal, standard error shows the count read so far, then ends the line."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    path = tmp_path / "claims.jsonl"
    claim = ce.Claim(id="c", kind="interception", quantity=ce.Quantity.exact(3))
    ce.write_jsonl([claim] * 1000, path)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["validate", "--type", "Claim", str(path)]) == 0
    assert f"\r{path}: 1,000 read (" in terminal.getvalue()
