"""The command line's output formats: input text cannot forge lines or annotations; SARIF."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflict_events as ce
from conflict_events.cli import WRITERS, _uri, main
from conflict_events.validation import Finding, Severity, ValidationResult
from conflict_events.validation._result import one_line

PAYLOAD = "x\n::error file=src/app.py,line=1::FORGED"
"""A JSON key that, unescaped, prints a second and forged ``::error`` line."""
EVIL_NAME = "evil,line=99::title=FORGED.jsonl"
"""A file name that, unescaped, adds a ``line=`` and hijacks the ``title=`` of an annotation."""
WORKFLOW = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _document() -> str:
    return json.dumps({"id": "rep:1", "schema_version": 1, PAYLOAD: 1})


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """Two files whose one finding each carries the payload in its path."""
    first = tmp_path / "report.json"
    first.write_text(_document(), encoding="utf-8")
    second = tmp_path / EVIL_NAME
    second.write_text(_document() + "\n", encoding="utf-8")
    return [str(first), str(second)]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["validate", *args]) == 1
    return capsys.readouterr().out


def test_text_output_keeps_each_finding_on_its_own_line(
    inputs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _run(capsys, *inputs).splitlines()
    assert len(lines) == 2
    assert all(" CE000 error at x\\n::error file=src/app.py,line=1::FORGED: " in ln for ln in lines)
    assert not any(ln.startswith("::") for ln in lines)


def _annotation(capsys: pytest.CaptureFixture[str], path: str) -> tuple[str, list[list[str]]]:
    """The one workflow command printed for ``path``, and its properties as name, value."""
    lines = _run(capsys, "--format", "github", path).splitlines()
    assert len(lines) == 1
    match = WORKFLOW.match(lines[0])
    assert match is not None
    return lines[0], [p.split("=", 1) for p in match.group(2).split(",")]


def test_github_output_escapes_the_payload_in_a_key(
    inputs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, props = _annotation(capsys, inputs[0])
    assert dict(props) == {
        "file": inputs[0].replace("%", "%25").replace(":", "%3A").replace(",", "%2C"),
        "title": "CE000 at x%0A%3A%3Aerror file=src/app.py%2Cline=1%3A%3AFORGED",
    }


def test_github_output_escapes_a_file_name_with_commas_and_colons(
    inputs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    line, props = _annotation(capsys, inputs[1])
    assert [name for name, _ in props] == ["file", "line", "title"]
    assert ",line=1," in line
    assert "evil%2Cline=99%3A%3Atitle=FORGED.jsonl" in line


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_outputs_carry_the_payload_unchanged(
    fmt: str, inputs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(capsys, "--format", fmt, *inputs)
    document = json.loads(out)
    if fmt == "json":
        paths = [f["path"] for f in document["findings"]]
        files = [f["file"] for f in document["findings"]]
    else:
        results = document["runs"][0]["results"]
        paths = [r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in results]
        files = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert paths == [PAYLOAD, PAYLOAD]
    assert files[1].endswith(EVIL_NAME) or files[1].endswith(
        "evil%2Cline%3D99%3A%3Atitle%3DFORGED.jsonl"
    )
    assert not any(ln.startswith("::") for ln in out.splitlines())


# -- any text at all ---------------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
"""Any text, control characters, line separators and lone surrogates included."""


@st.composite
def rows(draw: st.DrawFn) -> dict[str, Any]:
    """A finding as the output formats see it, every text field drawn freely."""
    row: dict[str, Any] = {
        "file": draw(TEXT),
        "line": draw(st.none() | st.integers(1, 10**6)),
        "code": draw(st.sampled_from(["CE000", "CE201", "CE402"])),
        "severity": draw(st.sampled_from(["error", "warning", "info"])),
        "message": draw(TEXT),
        "path": draw(TEXT),
        "ids": draw(st.lists(TEXT, max_size=3)),
        "report": draw(st.none() | TEXT),
    }
    if draw(st.booleans()):
        row["row"] = draw(st.integers(1, 10**6))
        row["claim"] = draw(TEXT)
    return row


def _render(fmt: str, found: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = WRITERS[fmt](out, None)
    writer.start([("CE000", "error", "loads"), ("CE201", "error", "adds up")])
    for row in found:
        writer.add(row)
    writer.finish()
    text = out.getvalue()
    text.encode("utf-8")  # printable as it is: no lone surrogate left
    return text


def _lines(text: str) -> list[str]:
    """Lines as the most eager reader splits them (every Unicode line boundary)."""
    return text.splitlines()


@given(st.lists(rows(), min_size=1, max_size=4))
def test_no_text_creates_a_line_in_text_output(found: list[dict[str, Any]]) -> None:
    assert len(_lines(_render("text", found))) == len(found)


@given(st.lists(rows(), min_size=1, max_size=4))
def test_no_text_creates_a_line_or_an_annotation_in_github_output(
    found: list[dict[str, Any]],
) -> None:
    lines = _lines(_render("github", found))
    assert len(lines) == len(found)
    for line, row in zip(lines, found, strict=True):
        match = WORKFLOW.match(line)
        assert match is not None, line
        keys = [p.split("=", 1)[0] for p in match.group(2).split(",")]
        expected = (["file", "line"] if row["line"] else ["file"]) if row["file"] else []
        assert keys == [*expected, "title"]


@pytest.mark.parametrize("fmt", ["json", "sarif"])
@given(found=st.lists(rows(), min_size=1, max_size=4))
def test_no_text_creates_a_line_in_json_outputs_and_none_is_lost(
    fmt: str, found: list[dict[str, Any]]
) -> None:
    text = _render(fmt, found)
    assert _lines(text) == text.split("\n")[:-1]  # only the format's own line breaks
    document = json.loads(text)
    if fmt == "json":
        assert document["findings"] == found
        assert len(_lines(text)) == len(found) + 6
    else:
        results = document["runs"][0]["results"]
        assert [r["message"]["text"] for r in results] == [r["message"] for r in found]
        assert len(_lines(text)) == len(found) + 4


@given(TEXT)
def test_one_line_keeps_text_on_one_line_and_moves_no_cursor(text: str) -> None:
    escaped = one_line(text)
    assert len(escaped.splitlines()) <= 1
    assert not any(ord(c) < 0x20 and c != "\t" for c in escaped)
    escaped.encode("utf-8")


@given(st.lists(st.tuples(TEXT, TEXT, st.none() | TEXT), min_size=1, max_size=4))
def test_no_text_creates_a_line_in_findings_and_results_as_text(
    fields: list[tuple[str, str, str | None]],
) -> None:
    """``str(finding)``, ``str(result)`` and the error of ``raise_for_errors`` too."""
    found = [
        Finding(code="CE201", severity=Severity.ERROR, path=path, message=message, report=report)
        for path, message, report in fields
    ]
    assert all(len(str(f).splitlines()) == 1 for f in found)
    result = ValidationResult(found)
    assert len(str(result).splitlines()) == len(found)
    with pytest.raises(ce.ValidationFailed) as info:
        result.raise_for_errors()
    assert len(str(info.value).splitlines()) == len(found) + 1


# -- SARIF -------------------------------------------------------------------------------------

SARIF_SUBSET = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$comment": (
        "The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that the "
        "command line writes: the required properties, types, enums and minimums of sarifLog, "
        "run, tool, toolComponent, reportingDescriptor, result, message, location, "
        "physicalLocation, artifactLocation, region and logicalLocation."
    ),
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"enum": ["2.1.0"]},
        "runs": {"type": "array", "items": {"$ref": "#/$defs/run"}},
    },
    "$defs": {
        "message": {
            "type": "object",
            "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
            "properties": {"text": {"type": "string"}, "id": {"type": "string"}},
        },
        "run": {
            "type": "object",
            "required": ["tool"],
            "properties": {
                "tool": {"$ref": "#/$defs/tool"},
                "results": {"type": "array", "items": {"$ref": "#/$defs/result"}},
            },
        },
        "tool": {
            "type": "object",
            "required": ["driver"],
            "properties": {"driver": {"$ref": "#/$defs/toolComponent"}},
        },
        "toolComponent": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "version": {"type": "string"},
                "rules": {
                    "type": "array",
                    "uniqueItems": True,
                    "items": {"$ref": "#/$defs/reportingDescriptor"},
                },
            },
        },
        "reportingDescriptor": {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "string"},
                "shortDescription": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string"}},
                },
                "defaultConfiguration": {
                    "type": "object",
                    "properties": {"level": {"enum": ["none", "note", "warning", "error"]}},
                },
            },
        },
        "result": {
            "type": "object",
            "required": ["message"],
            "properties": {
                "ruleId": {"type": "string"},
                "ruleIndex": {"type": "integer", "minimum": -1},
                "level": {"enum": ["none", "note", "warning", "error"]},
                "message": {"$ref": "#/$defs/message"},
                "locations": {"type": "array", "items": {"$ref": "#/$defs/location"}},
                "properties": {"type": "object"},
            },
        },
        "location": {
            "type": "object",
            "properties": {
                "physicalLocation": {
                    "type": "object",
                    "anyOf": [{"required": ["address"]}, {"required": ["artifactLocation"]}],
                    "properties": {
                        "artifactLocation": {
                            "type": "object",
                            "properties": {"uri": {"type": "string", "format": "uri-reference"}},
                        },
                        "region": {
                            "type": "object",
                            "properties": {"startLine": {"type": "integer", "minimum": 1}},
                        },
                    },
                },
                "logicalLocations": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"fullyQualifiedName": {"type": "string"}},
                    },
                },
            },
        },
    },
}


def _check_sarif(document: object) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(
        SARIF_SUBSET, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(document)


def test_sarif_output_is_a_valid_sarif_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = Path(__file__).resolve().parents[1] / "examples" / "data" / "seed_report.json"
    lines = tmp_path / "two.jsonl"
    lines.write_text('{"id": "r", "schema_version": 1}\nnot json\n', encoding="utf-8")
    main(["validate", "--format", "sarif", str(seed), str(lines)])
    document = json.loads(capsys.readouterr().out)
    _check_sarif(document)
    run = document["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    results = run["results"]
    assert {r["ruleId"] for r in results} == {"CE000", "CE203", "CE206", "CE402"}
    for result in results:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {
        "CE000": "error",
        "CE203": "note",
        "CE206": "warning",
        "CE402": "note",
    }
    broken = next(r for r in results if r["ruleId"] == "CE000")
    physical = broken["locations"][0]["physicalLocation"]
    assert physical["region"] == {"startLine": 2}
    assert physical["artifactLocation"]["uri"] == lines.as_uri()


def test_the_sarif_subset_schema_refuses_what_sarif_refuses() -> None:
    """The schema the test checks against is not vacuous."""
    jsonschema = pytest.importorskip("jsonschema")
    bad = [
        {"version": "2.0.0", "runs": []},
        {"version": "2.1.0"},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [{}]}]},
        {
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "t"}},
                    "results": [{"message": {"text": "m"}, "level": "info"}],
                }
            ],
        },
    ]
    for document in bad:
        with pytest.raises(jsonschema.ValidationError):
            _check_sarif(document)


def test_sarif_with_no_findings_is_still_a_log(capsys: pytest.CaptureFixture[str]) -> None:
    seed = Path(__file__).resolve().parents[1] / "examples" / "data" / "seed_report.json"
    assert main(["validate", "--format", "sarif", "--select", "CE1", str(seed)]) == 0
    document = json.loads(capsys.readouterr().out)
    _check_sarif(document)
    assert document["runs"][0]["results"] == []


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("data/a b,c.jsonl", "data/a%20b%2Cc.jsonl"),
        ("/srv/data/r.json", "file:///srv/data/r.json"),
        ("caf\udce9.json", "caf%E9.json"),  # bytes that were not UTF-8 come back as they were
        ("x\ud800.json", "x%5Cud800.json"),  # a lone surrogate no file system gave
    ],
)
def test_sarif_artifact_uris(name: str, uri: str) -> None:
    assert _uri(name) == uri
