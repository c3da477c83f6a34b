"""Text at the edges of the wire format: a bare CR inside a JSON Lines line, a byte-order mark."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import conflict_events as ce

BOM = "\ufeff"
LINE_1 = '{"value": 1,\r"unit": "count"}'
"""A valid line holding a bare CR, which JSON counts as whitespace."""
LINE_2 = '{"value": -2}'
PLAIN = '{"value": 1}'


def test_a_bare_cr_inside_a_line_is_whitespace_and_keeps_line_numbers(tmp_path: Path) -> None:
    """JSON Lines end at LF only: a CR inside a line neither splits it nor shifts the numbers."""
    path = tmp_path / "quantities.jsonl"
    path.write_bytes(f"{LINE_1}\n{LINE_2}\r\n".encode())
    reader = ce.iter_jsonl(ce.Quantity, path, on_error="collect")
    assert [q.value for q in reader] == [1]
    assert [e.line for e in reader.errors] == [2]
    assert reader.line == 2


def test_a_stream_opened_with_newline_lf_keeps_a_bare_cr_inside_a_line() -> None:
    """The documented way to open a stream yourself gives the same lines as a path."""
    stream = io.TextIOWrapper(io.BytesIO(f"{LINE_1}\n".encode()), encoding="utf-8", newline="\n")
    assert [q.value for q in ce.iter_jsonl(ce.Quantity, stream)] == [1]


@pytest.mark.parametrize("text", [f"{BOM}{PLAIN}\n", f"{BOM}\n{PLAIN}\n"])
def test_a_byte_order_mark_at_the_start_of_json_lines_is_skipped(text: str, tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(text.encode())
    assert [q.value for q in ce.iter_jsonl(ce.Quantity, path)] == [1]


def test_a_byte_order_mark_later_in_json_lines_is_still_an_error(tmp_path: Path) -> None:
    """Only the mark at the very start is the file's; one on line 2 is refused with its number."""
    path = tmp_path / "bom.jsonl"
    path.write_bytes(f"{PLAIN}\n{BOM}{PLAIN}\n".encode())
    with pytest.raises(ce.StructureError) as info:
        list(ce.iter_jsonl(ce.Quantity, path))
    assert info.value.line == 2


@pytest.mark.parametrize("text", [f"{BOM}{PLAIN}", f"{BOM}{PLAIN}".encode()])
def test_loads_skips_a_byte_order_mark(text: str | bytes) -> None:
    assert ce.loads(ce.Quantity, text) == ce.Quantity.exact(1)


def test_a_byte_order_mark_inside_the_text_is_still_refused() -> None:
    with pytest.raises(ce.StructureError, match="invalid JSON"):
        ce.loads(ce.Quantity, f" {BOM}{PLAIN}")
