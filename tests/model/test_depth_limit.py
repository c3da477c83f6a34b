"""One nesting limit for parts, the same for every operation."""

from __future__ import annotations

import io
import json

import pytest

import conflict_events as ce
from conflict_events import MAX_DEPTH, Claim, ModelError, Quantity


def _nested(levels: int) -> Claim:
    claim = Claim(id="c1", kind="interception", quantity=Quantity.exact(1))
    for level in range(2, levels + 1):
        claim = Claim(
            id=f"c{level}", kind="interception", quantity=Quantity.exact(1),
            coverage="complete", parts=(claim,),
        )  # fmt: skip
    return claim


def _nested_dict(levels: int) -> dict[str, object]:
    data: dict[str, object] = {"id": "c1", "kind": "other"}
    for level in range(2, levels + 1):
        data = {"id": f"c{level}", "kind": "other", "parts": [data]}
    return data


def test_the_limit_is_documented_with_the_wire_format():
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "docs" / "wire-format.md"
    assert MAX_DEPTH == 64
    assert "MAX_DEPTH" in page.read_text(encoding="utf-8")


def test_every_operation_works_at_the_limit():
    """loads, dumps, ==, validate, the HTML display and the tables all handle MAX_DEPTH."""
    claim = _nested(MAX_DEPTH)
    text = ce.dumps(claim)
    assert ce.loads(Claim, text) == claim
    assert ce.from_dict(Claim, ce.to_dict(claim)) == _nested(MAX_DEPTH)
    assert ce.validate(claim).ok
    assert "c1" in claim._repr_html_()  # type: ignore[attr-defined]
    assert len(ce.to_records(claim)) == MAX_DEPTH
    buf = io.StringIO()
    ce.write_jsonl([claim], buf)
    buf.seek(0)
    assert list(ce.iter_jsonl(Claim, buf)) == [claim]


def test_the_constructor_refuses_one_level_more():
    with pytest.raises(ModelError, match=f"parts nest more than {MAX_DEPTH} levels deep"):
        Claim(id="top", kind="other", parts=(_nested(MAX_DEPTH),))


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 400, 5000])
def test_the_loader_refuses_deeper_documents_with_a_path(levels: int):
    """From a dict, however deep: the first claim past the limit is named."""
    with pytest.raises(ce.StructureError, match="parts nest more than") as info:
        ce.from_dict(Claim, _nested_dict(levels))
    assert info.value.paths == (".".join(["parts[0]"] * (MAX_DEPTH - 1) + ["parts"]),)


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 400, 100_000])
def test_text_nested_past_the_limit_is_a_structure_error(levels: int):
    """JSON text of any depth gives the library's error, in loads and in JSON Lines."""
    text = '{"id":"a","kind":"other","parts":[' * (levels - 1) + '{"id":"b","kind":"other"}'
    text += "]}" * (levels - 1)
    with pytest.raises(ce.StructureError, match="nest"):
        ce.loads(Claim, text)
    reader = ce.iter_jsonl(Claim, io.StringIO(text + "\n"), on_error="collect")
    assert list(reader) == []
    assert [e.line for e in reader.errors] == [1]


def test_a_report_counts_levels_from_its_statements_claims():
    report = {
        "id": "r", "schema_version": ce.SCHEMA_VERSION,
        "statements": [{"id": "s", "source": "src:a", "kind": "bulletin",
                        "claims": [_nested_dict(MAX_DEPTH + 1)]}],
    }  # fmt: skip
    with pytest.raises(ce.StructureError) as info:
        ce.loads(ce.Report, json.dumps(report))
    (path,) = info.value.paths
    assert path.startswith("statements[0].claims[0].parts[0]")
    assert path.count("parts") == MAX_DEPTH
