"""Readers and writers of the datasets analysts already hold: one module per format.

``read(path, format=...)`` returns an :class:`Import` to iterate for reports, streaming, with
``problems`` (each with its record number, the raw values and why) and ``counts``;
``write(reports, path, format=...)`` writes reports in a format. Nothing a reader meets is
silently dropped or altered: what it cannot represent is a problem.

>>> sorted(READERS)
['acled', 'missile-attacks', 'plover', 'ucdp-ged']
>>> sorted(WRITERS)
['acled', 'geojson', 'parquet', 'stix', 'ucdp-ged']
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from conflict_events.formats import acled, geojson, missile_attacks, parquet, plover, stix, ucdp
from conflict_events.formats._core import (
    Format,
    FormatError,
    Import,
    ImportProblem,
    Reader,
    Writer,
)
from conflict_events.model import Report

__all__ = [
    "FORMATS",
    "READERS",
    "WRITERS",
    "FormatError",
    "Import",
    "ImportProblem",
    "read",
    "write",
]

FORMATS: dict[str, Format] = {
    "missile-attacks": Format(reader=missile_attacks.read, writer=None),
    "ucdp-ged": Format(reader=ucdp.read, writer=ucdp.write),
    "acled": Format(reader=acled.read, writer=acled.write),
    "plover": Format(reader=plover.read, writer=None),
    "geojson": Format(reader=None, writer=geojson.write),
    "stix": Format(reader=None, writer=stix.write),
    "parquet": Format(reader=None, writer=parquet.write),
}
"""Every format by name, with its reader and writer: adding a format is one line here."""

READERS: dict[str, Reader] = {k: f.reader for k, f in FORMATS.items() if f.reader is not None}
"""The formats :func:`read` reads."""

WRITERS: dict[str, Writer] = {k: f.writer for k, f in FORMATS.items() if f.writer is not None}
"""The formats :func:`write` writes."""


def _named(table: dict[str, Reader] | dict[str, Writer], format: str, what: str) -> None:
    if format not in table:
        known = ", ".join(sorted(table))
        raise FormatError(f"no {what} for the format {format!r}; known: {known}")


def read(path: str | PathLike[str], *, format: str) -> Import:
    """Start reading ``path`` in ``format``; iterate the result for reports.

    A file that cannot be read in the format at all (missing columns, not JSON, neither UTF-8
    nor Windows-1252) raises :class:`FormatError` here, with the line.

    >>> read("x.csv", format="nope")
    Traceback (most recent call last):
    ...
    conflict_events.errors.FormatError: no reader for the format 'nope'; known: acled, ...
    """
    _named(READERS, format, "reader")
    p = Path(path)
    imp = Import(format, iter(()), str(p))
    imp._items = READERS[format](p, imp)
    return imp


def write(reports: Iterable[Report], path: str | PathLike[str], *, format: str) -> int:
    """Write ``reports`` to ``path`` in ``format``; return the number of rows written.

    >>> write([], "x.csv", format="nope")
    Traceback (most recent call last):
    ...
    conflict_events.errors.FormatError: no writer for the format 'nope'; ...
    """
    _named(WRITERS, format, "writer")
    return WRITERS[format](reports, Path(path))
