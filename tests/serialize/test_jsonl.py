"""JSON Lines: line numbers on errors, the three ``on_error`` policies, paths and file objects."""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

import conflict_events as ce

GOOD_1 = '{"value":1}'
GOOD_2 = '{"value":2,"qualifier":"about"}'
STREAM = "\n".join(
    [
        GOOD_1,  # line 1
        "",  # line 2: blank, ignored
        '{"value":-1}',  # line 3: bad value
        "   ",  # line 4: blank, ignored
        "{not json",  # line 5: bad JSON
        GOOD_2,  # line 6
        '{"value":3,"colour":"red"}',  # line 7: unknown key
        "",
    ]
)


def test_blank_lines_are_ignored_and_good_lines_load() -> None:
    """Whitespace-only lines are skipped; each other line is one object."""
    text = f"\n{GOOD_1}\n\n  \t\n{GOOD_2}\n\n"
    assert ce.read_jsonl(ce.Quantity, io.StringIO(text)) == [
        ce.Quantity.exact(1),
        ce.Quantity.about(2),
    ]


def test_on_error_raise_stops_at_the_first_bad_line_with_its_number() -> None:
    """The default policy raises a StructureError whose ``line`` is 1-based, blanks counted."""
    reader = ce.iter_jsonl(ce.Quantity, io.StringIO(STREAM))
    assert next(reader) == ce.Quantity.exact(1)
    with pytest.raises(ce.StructureError) as err:
        next(reader)
    assert err.value.line == 3
    assert err.value.paths == ("value",)
    assert "at line 3:" in str(err.value)
    assert reader.line == 3


def test_on_error_skip_drops_bad_lines_and_counts_them() -> None:
    """``skip`` yields the good objects and counts the rejected lines."""
    reader = ce.iter_jsonl(ce.Quantity, io.StringIO(STREAM), on_error="skip")
    assert list(reader) == [ce.Quantity.exact(1), ce.Quantity.about(2)]
    assert reader.skipped == 3
    assert reader.errors == []
    assert reader.line == 7


def test_on_error_collect_keeps_each_error_with_its_line_and_paths() -> None:
    """``collect`` yields the good objects and keeps every error in ``reader.errors``."""
    reader = ce.iter_jsonl(ce.Quantity, io.StringIO(STREAM), on_error="collect")
    assert list(reader) == [ce.Quantity.exact(1), ce.Quantity.about(2)]
    assert reader.skipped == 3
    assert [(e.line, e.paths) for e in reader.errors] == [
        (3, ("value",)),
        (5, ("",)),
        (7, ("colour",)),
    ]
    assert "invalid JSON at line 1, column 2" in reader.errors[1].problems[0].message


def test_read_jsonl_applies_the_policy_too() -> None:
    """``read_jsonl`` is ``list(iter_jsonl(...))`` with the same ``on_error``."""
    assert len(ce.read_jsonl(ce.Quantity, io.StringIO(STREAM), on_error="skip")) == 2
    with pytest.raises(ce.StructureError) as err:
        ce.read_jsonl(ce.Quantity, io.StringIO(STREAM))
    assert err.value.line == 3


def test_an_unknown_policy_is_a_value_error() -> None:
    """``on_error`` is one of raise, skip, collect."""
    with pytest.raises(ValueError, match="on_error must be 'raise', 'skip' or 'collect'"):
        ce.iter_jsonl(ce.Quantity, io.StringIO(""), on_error="ignore")  # type: ignore[arg-type]


def test_a_reader_is_its_own_iterator() -> None:
    """``iter(reader) is reader``, so it is consumed once."""
    reader = ce.iter_jsonl(ce.Quantity, io.StringIO(GOOD_1))
    assert iter(reader) is reader
    assert list(reader) == [ce.Quantity.exact(1)]
    assert list(reader) == []


def test_reading_is_lazy() -> None:
    """Nothing is read until asked for: a bad later line does not stop earlier objects."""
    lines_read: list[str] = []

    class Spy(io.StringIO):
        def __next__(self) -> str:
            line = super().__next__()
            lines_read.append(line)
            return line

    reader = ce.iter_jsonl(ce.Quantity, Spy(f"{GOOD_1}\n{GOOD_2}\n{{bad\n"))
    assert lines_read == []
    assert next(reader) == ce.Quantity.exact(1)
    assert len(lines_read) == 1


def test_write_and_read_through_a_path(tmp_path: Path) -> None:
    """A path (str or Path) is opened as UTF-8; Cyrillic is written as itself, not escaped."""
    region = ce.Region(id="RU-ORL", name="Oryol Oblast", kind="subdivision", aliases=("Орёл",))
    path = tmp_path / "regions.jsonl"
    assert ce.write_jsonl([region, region], path) == 2
    raw = path.read_bytes()
    assert "Орёл".encode() in raw
    assert raw.count(b"\n") == 2
    assert b"\r" not in raw
    assert ce.read_jsonl(ce.Region, str(path)) == [region, region]
    assert list(ce.iter_jsonl(ce.Region, path)) == [region, region]


def test_write_jsonl_streams_a_generator() -> None:
    """Objects are encoded one at a time from any iterable; the count is returned."""

    def many() -> Iterator[ce.Quantity]:
        for i in range(1000):
            yield ce.Quantity.exact(i)

    buf = io.StringIO()
    assert ce.write_jsonl(many(), buf) == 1000
    assert buf.getvalue().count("\n") == 1000


def test_reading_windows_line_endings_from_a_path(tmp_path: Path) -> None:
    """A file written with CRLF line endings reads the same."""
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(f"{GOOD_1}\r\n\r\n{GOOD_2}\r\n".encode())
    assert ce.read_jsonl(ce.Quantity, path) == [ce.Quantity.exact(1), ce.Quantity.about(2)]


@pytest.mark.parametrize("enabled", [True, False])
def test_read_jsonl_restores_the_garbage_collector(enabled: bool) -> None:
    """The collector is paused during a bulk load and left as it was, even on error."""
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        ce.read_jsonl(ce.Quantity, io.StringIO(GOOD_1))
        assert gc.isenabled() is enabled
        with pytest.raises(ce.StructureError):
            ce.read_jsonl(ce.Quantity, io.StringIO("{bad"))
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_reports_on_json_lines_are_upgraded_and_checked() -> None:
    """A Report line without ``schema_version`` is an error at that line."""
    text = '{"id":"rep:1","schema_version":1}\n{"id":"rep:2"}\n{"id":"rep:3","schema_version":9}\n'
    reader = ce.iter_jsonl(ce.Report, io.StringIO(text), on_error="collect")
    assert [r.id for r in reader] == ["rep:1"]
    assert [(e.line, e.paths) for e in reader.errors] == [
        (2, ("schema_version",)),
        (3, ("schema_version",)),
    ]
