"""The import, its problems, encoding detection and the registry of formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_events import formats
from conflict_events.formats import FormatError, Import, ImportProblem
from conflict_events.formats._core import detect_encoding, problem
from conflict_events.formats._csv import csv_rows


def test_unknown_formats_name_the_known_ones() -> None:
    with pytest.raises(FormatError, match="known: acled, missile-attacks, plover, ucdp-ged"):
        formats.read("x.csv", format="geojson")
    with pytest.raises(FormatError, match="no writer for the format 'plover'"):
        formats.write([], "x.json", format="plover")


def test_a_format_is_registered_by_one_entry() -> None:
    assert set(formats.READERS) <= set(formats.FORMATS)
    assert set(formats.WRITERS) == {"acled", "ucdp-ged", "geojson", "stix", "parquet"}


def test_an_import_counts_problems_and_records_not_represented() -> None:
    items = iter(
        [
            problem(1, 2, "a", {"a": "?"}, "left out"),
            problem(2, 3, "b", {"b": "?"}, "unreadable", represented=False),
            problem(2, 3, "c", {"c": "?"}, "also unreadable", represented=False),
        ]
    )
    imp = Import("demo", items, "demo.csv")
    assert imp.reports() == []
    assert imp.counts["problems"] == 3
    assert imp.counts["not_represented"] == 1
    assert not imp.complete
    with pytest.raises(RuntimeError, match="read already"):
        list(imp)


def test_a_problem_says_where_what_and_why() -> None:
    p = ImportProblem(record=3, line=None, field="", raw={}, message="m", represented=True)
    assert str(p) == "record 3: m raw {}"
    assert p.to_dict() == {
        "record": 3,
        "line": None,
        "field": "",
        "raw": {},
        "message": "m",
        "represented": True,
    }


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Київ".encode(), "utf-8"),
        (b"\xef\xbb\xbfid\n", "utf-8-sig"),
        ("Café".encode("cp1252"), "cp1252"),
        (b"", "utf-8"),
    ],
)
def test_the_encoding_is_detected(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    assert detect_encoding(path) == expected


def test_bytes_neither_encoding_reads_fail_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"a,b\n1,2\n\xe9\x81\n")  # 0x81 is undefined in Windows-1252
    with pytest.raises(FormatError, match="line 3: neither UTF-8 nor Windows-1252") as info:
        detect_encoding(path)
    assert info.value.line == 3


def test_detection_reads_in_chunks(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"x\n" * 10 + "é".encode("cp1252") + b"\n\x81")
    with pytest.raises(FormatError) as info:
        detect_encoding(path, chunk=4)
    assert info.value.line == 12


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "line 1: empty file: no header"),
        ('id,"never closed\n', "line 1: not CSV"),
        ("a,a,b\n1,2,3\n", "line 1: columns named twice: a"),
    ],
)
def test_a_csv_without_a_usable_header_is_one_error(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    imp = Import("demo", iter(()), str(path))
    with pytest.raises(FormatError, match=message):
        csv_rows(path, imp, ["a"] if "a,a" in text else [])


def test_blank_lines_are_no_records(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("a,b\n\n1,2\n", encoding="utf-8")
    imp = Import("demo", iter(()), str(path))
    _, rows = csv_rows(path, imp, ["a"], encoding="utf-8")
    assert [(r.record, r.line) for r in rows if not isinstance(r, ImportProblem)] == [(1, 3)]
    assert imp.counts["records"] == 1
