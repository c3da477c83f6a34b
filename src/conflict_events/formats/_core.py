"""What every reader and writer shares: the import, its problems and the registry of formats."""

from __future__ import annotations

import codecs
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import NamedTuple

import attrs

from conflict_events.errors import FormatError
from conflict_events.model import Precision, Report, TimeWindow

__all__ = [
    "FormatError",
    "Import",
    "ImportProblem",
    "Reader",
    "Writer",
    "days",
    "detect_encoding",
    "problem",
    "read_strict",
]


@attrs.frozen(kw_only=True)
class ImportProblem:
    """Something a reader met that it could not represent exactly, with where and what.

    ``represented`` says whether the record still became a report (with this value left out
    or kept as written, as ``message`` says) or was not represented at all.

    >>> p = ImportProblem(record=12, line=13, field="best", raw={"best": "5", "high": "3"},
    ...                   message="best (5) is above high (3)", represented=False)
    >>> print(p)
    record 12 (line 13), best: best (5) is above high (3) [not represented] raw {...}
    """

    record: int
    """The record's number: the data row of a CSV (1 is the first row after the header), the
    index of a JSON record."""
    line: int | None
    """The line of the file where the record starts, when the format has lines."""
    field: str
    """The column or key concerned, or ``""`` for the whole record."""
    raw: Mapping[str, str]
    """The raw values concerned, by column, exactly as the file gives them."""
    message: str
    """Why: one sentence with the values."""
    represented: bool
    """Whether the record became a report (partly) or was not represented at all."""

    def __str__(self) -> str:
        where = f"record {self.record}" + (f" (line {self.line})" if self.line else "")
        field = f", {self.field}" if self.field else ""
        state = "" if self.represented else " [not represented]"
        return f"{where}{field}: {self.message}{state} raw {dict(self.raw)!r}"

    def to_dict(self) -> dict[str, object]:
        """A plain JSON-compatible dict.

        >>> ImportProblem(record=1, line=2, field="", raw={}, message="m",
        ...               represented=True).to_dict()["record"]
        1
        """
        return {
            "record": self.record,
            "line": self.line,
            "field": self.field,
            "raw": dict(self.raw),
            "message": self.message,
            "represented": self.represented,
        }


def problem(
    record: int,
    line: int | None,
    field: str,
    raw: Mapping[str, str],
    message: str,
    *,
    represented: bool = True,
) -> ImportProblem:
    """An :class:`ImportProblem` from positional parts (the readers' shorthand).

    >>> problem(1, 2, "x", {"x": "?"}, "unreadable", represented=False).represented
    False
    """
    return ImportProblem(
        record=record,
        line=line,
        field=field,
        raw=dict(raw),
        message=message,
        represented=represented,
    )


class Import:
    """A file being read: iterate it for reports (streaming); then see ``problems``, ``counts``.

    Iterating reads the file once, in order; ``problems`` and ``counts`` fill as it goes, and
    are complete once the iteration ends (:meth:`reports` reads it all and returns the list).

    >>> imp = Import("demo", iter(()), "demo.csv")
    >>> imp.reports(), imp.problems, dict(imp.counts)
    ([], [], {'records': 0, 'reports': 0, 'claims': 0, 'problems': 0, 'not_represented': 0})
    """

    def __init__(self, format: str, items: Iterator[Report | ImportProblem], path: str) -> None:
        self.format = format
        """The format's name (``"ucdp-ged"``)."""
        self.path = path
        """The file read."""
        self.problems: list[ImportProblem] = []
        """What could not be represented exactly, in the order met."""
        self.notes: list[str] = []
        """What the reader decided about the file as a whole (the encoding it detected)."""
        self.counts: Counter[str] = Counter(
            records=0, reports=0, claims=0, problems=0, not_represented=0
        )
        """Records read, reports made, claims in them, problems, records not represented."""
        self._items = items
        self._started = False

    def __iter__(self) -> Iterator[Report]:
        if self._started:
            raise RuntimeError(f"{self.path} is being read or was read already; read it again")
        self._started = True
        counts = self.counts
        unrepresented: set[int] = set()
        for item in self._items:
            if isinstance(item, ImportProblem):
                self.problems.append(item)
                counts["problems"] += 1
                if not item.represented and item.record not in unrepresented:
                    unrepresented.add(item.record)
                    counts["not_represented"] += 1
                continue
            counts["reports"] += 1
            counts["claims"] += sum(len(s.claims) for s in item.statements)
            yield item

    def count_record(self) -> None:
        """Count one record read (the readers call it once per row or record)."""
        self.counts["records"] += 1

    def reports(self) -> list[Report]:
        """Read the whole file and return its reports (problems and counts are then complete).

        >>> Import("demo", iter(()), "demo.csv").reports()
        []
        """
        return list(self)

    @property
    def complete(self) -> bool:
        """Whether every record was represented (problems may still say what was kept as written).

        >>> Import("demo", iter(()), "demo.csv").complete
        True
        """
        return self.counts["not_represented"] == 0


Reader = Callable[[Path, Import], Iterator[Report | ImportProblem]]
"""A format's reader: yields reports and problems for the file; calls ``count_record``."""

Writer = Callable[[Iterable[Report], Path], int]
"""A format's writer: writes the reports to the file and returns the number of rows written."""


def read_strict(format: str, reader: Reader, path: Path) -> list[Report]:
    """Every report ``reader`` makes of ``path``, raising :class:`FormatError` at any problem.

    >>> read_strict("demo", lambda path, imp: iter(()), Path("x"))
    []
    """
    imp = Import(format, iter(()), str(path))
    imp._items = reader(path, imp)
    reports = imp.reports()
    if imp.problems:
        raise FormatError(str(imp.problems[0]), path=str(path))
    return reports


@functools.lru_cache(maxsize=8192)
def days(
    first: date, last: date, tz: str, precision: Precision = Precision.DAY, label: str | None = None
) -> TimeWindow:
    """The local days ``first`` to ``last`` whole, as a window (remembered: rows repeat dates).

    >>> w = days(date(2024, 1, 2), date(2024, 1, 3), "Europe/Kyiv")
    >>> w.start.isoformat(), w.end.isoformat()
    ('2024-01-02T00:00:00+02:00', '2024-01-04T00:00:00+02:00')
    """
    return TimeWindow.between(
        datetime.combine(first, time()),
        datetime.combine(last + timedelta(days=1), time()),
        tz=tz,
        precision=precision,
        label=label,
    )


class Format(NamedTuple):
    """A format's reader and writer (either may be missing)."""

    reader: Reader | None
    writer: Writer | None


def detect_encoding(path: Path, *, chunk: int = 1 << 20) -> str:
    """``"utf-8"`` when the file decodes as UTF-8 (``"utf-8-sig"`` with a BOM), else ``"cp1252"``.

    Read in chunks, so memory stays bounded. A file that is neither (Windows-1252 leaves five
    bytes undefined) raises :class:`FormatError` with the line of the first bad byte.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d, "x.csv")
    ...     _ = p.write_bytes("Caf\\xe9".encode("cp1252"))
    ...     detect_encoding(p)
    'cp1252'
    """
    for encoding in ("utf-8", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        offset = lines = 0
        first = b""
        try:
            with path.open("rb") as handle:
                while data := handle.read(chunk):
                    if not offset:
                        first = data[:3]
                    decoder.decode(data)
                    offset += len(data)
                    lines += data.count(b"\n")
                decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            if encoding == "utf-8":
                continue
            with path.open("rb") as handle:
                handle.seek(offset)
                data = handle.read(exc.start)
            line = lines + data.count(b"\n") + 1
            raise FormatError(
                f"neither UTF-8 nor Windows-1252: byte {exc.object[exc.start]:#04x} cannot be "
                "read in either",
                path=str(path),
                line=line,
            ) from exc
        if encoding == "utf-8" and first == codecs.BOM_UTF8:
            return "utf-8-sig"
        return encoding
    raise AssertionError("unreachable")  # pragma: no cover - cp1252 returns or raises
