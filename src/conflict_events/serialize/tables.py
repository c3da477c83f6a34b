"""Flat tables of claims: plain records, CSV, pandas and Arrow, and back from records.

One row per claim (nested parts included, linked by ``parent_id``) or one row per claim and
region. The claim columns are derived from the model's fields (:data:`CLAIM_COLUMNS`): one
column spec drives both directions, so every claim field has a column and claims come back
from their rows unchanged.

>>> from conflict_events import Claim, Quantity
>>> claim = Claim(id="c", kind="interception", quantity=Quantity.exact(3), regions=("RU-BEL",))
>>> claims_from_records(to_records(claim)) == [claim]
True
"""

from __future__ import annotations

import csv
import io
import re
import types
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from enum import Enum
from typing import IO, TYPE_CHECKING, Any, Literal

import attrs

from conflict_events.errors import Problem, StructureError, join_path
from conflict_events.model import Claim, Distribution, Report, Statement
from conflict_events.model._checks import describe
from conflict_events.serialize._json import from_dict

if TYPE_CHECKING:  # pragma: no cover - imported lazily at run time
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "CLAIM_COLUMNS",
    "COLUMNS",
    "CONTEXT_COLUMNS",
    "arrow_schema",
    "claims_from_records",
    "read_csv",
    "to_arrow",
    "to_dataframe",
    "to_records",
    "write_csv",
]

Per = Literal["claim", "claim_region"]
Record = dict[str, Any]
Kind = Literal["text", "enum", "list", "int", "number", "bool", "datetime"]


@attrs.frozen
class _Column:
    """One column: its name, the kind of value it holds, and the claim field it carries."""

    name: str
    kind: Kind
    field: tuple[str, ...] = ()
    """The attribute path from the claim (``("quantity", "value")``); empty when derived."""


def _kind_of(tp: object, where: str) -> Kind:
    """The column kind for a field type: ``Optional[X]`` is taken as ``X``."""
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        if set(args) == {int, float}:
            return "number"
        if len(args) == 1:
            return _kind_of(args[0], where)
    if typing.get_origin(tp) is tuple and args[:1] == [str]:
        return "list"
    if isinstance(tp, type):
        if issubclass(tp, Enum):
            return "enum"
        for base, kind in ((bool, "bool"), (int, "int"), (str, "text"), (datetime, "datetime")):
            if issubclass(tp, base):
                return kind  # type: ignore[return-value]
    raise TypeError(f"{where}: a field of type {tp!r} has no table column; add one here")


def _nested_class(tp: object) -> type | None:
    """The attrs class behind ``X`` or ``X | None``, if any."""
    args = [a for a in typing.get_args(tp) if a is not type(None)] or [tp]
    inner = args[0] if len(args) == 1 else None
    return inner if isinstance(inner, type) and attrs.has(inner) else None


def _derive_claim_columns() -> tuple[_Column, ...]:
    """The claim columns, in field order, from the attrs fields of :class:`Claim`.

    A nested object (``quantity``, ``window``, ``span``) gives one column per field, named
    ``<field>_<subfield>``; ``parts`` are rows of their own, linked by ``parent_id``. Derived
    columns (``lower``, ``upper``, ``region_lower``, ``region_upper``) follow the field they
    are derived from.
    """
    hints = typing.get_type_hints(Claim)
    columns = [
        _Column("claim_id", "text", ("id",)),
        _Column("parent_id", "text"),
        _Column("path", "text"),
    ]
    for field in attrs.fields(Claim):
        tp = hints[field.name]
        if field.name in ("id", "parts"):
            continue
        nested = _nested_class(tp)
        if nested is not None:
            sub_hints = typing.get_type_hints(nested)
            for sub in attrs.fields(nested):
                kind = _kind_of(sub_hints[sub.name], f"Claim.{field.name}.{sub.name}")
                columns.append(_Column(f"{field.name}_{sub.name}", kind, (field.name, sub.name)))
        else:
            columns.append(_Column(field.name, _kind_of(tp, f"Claim.{field.name}"), (field.name,)))
        if field.name == "quantity":
            columns += [_Column("lower", "number"), _Column("upper", "number")]
        elif field.name == "distribution":
            columns += [_Column("region_lower", "number"), _Column("region_upper", "number")]
    return tuple(columns)


_CONTEXT: tuple[_Column, ...] = (
    _Column("report_id", "text"),
    _Column("statement_id", "text"),
    _Column("statement_kind", "text"),
    _Column("source", "text"),
    _Column("issued_start", "datetime"),
    _Column("issued_end", "datetime"),
    _Column("issued_tz", "text"),
)
_CLAIM: tuple[_Column, ...] = _derive_claim_columns()
_KIND: dict[str, Kind] = {c.name: c.kind for c in _CONTEXT + _CLAIM}

CONTEXT_COLUMNS: tuple[str, ...] = tuple(c.name for c in _CONTEXT)
"""The columns that say where a claim stands: report, statement, speaker, when it was said."""
CLAIM_COLUMNS: tuple[str, ...] = tuple(c.name for c in _CLAIM)
"""The columns of a claim row, after the context columns, derived from the claim's fields."""
COLUMNS: tuple[str, ...] = CONTEXT_COLUMNS + CLAIM_COLUMNS
"""Every column of a claim table, in order."""

_LIST_SEP = ";"
_FORMULA_START = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""

Item = Report | Statement | Claim


def _walk_sources(
    objs: Item | Iterable[Item],
) -> Iterator[tuple[str, Report | None, Statement | None, Claim]]:
    """Every top-level claim with its report, statement and path in ``objs``."""
    items: Iterable[tuple[str, Item]]
    if isinstance(objs, (Report, Statement, Claim)):
        items = [("", objs)]
    else:
        items = ((f"[{i}]", obj) for i, obj in enumerate(objs))
    for at, obj in items:
        if isinstance(obj, Report):
            for i, statement in enumerate(obj.statements):
                for j, claim in enumerate(statement.claims):
                    yield join_path(at, f"statements[{i}].claims[{j}]"), obj, statement, claim
        elif isinstance(obj, Statement):
            for j, claim in enumerate(obj.claims):
                yield join_path(at, f"claims[{j}]"), None, obj, claim
        elif isinstance(obj, Claim):
            yield at, None, None, obj
        else:
            raise TypeError(f"expected a Report, Statement or Claim, got {describe(obj)}")


def _cell(column: _Column, claim: Claim) -> Any:
    """The value of ``column`` for ``claim``, as a record holds it."""
    value: Any = claim
    for name in column.field:
        value = getattr(value, name)
        if value is None:
            return None
    if column.kind == "enum":
        return value.value
    if column.kind == "list":
        for item in value:
            if _LIST_SEP in item:
                raise ValueError(
                    f"claim {claim.id}: {column.name} item {item!r} holds {_LIST_SEP!r}, which "
                    "separates the items of a table cell"
                )
        return _LIST_SEP.join(value) or None
    return value


def _region_bounds(claim: Claim) -> tuple[Any, Any]:
    """The interval of the claim's amount that belongs to each one of its regions."""
    q = claim.quantity
    if q is None or not claim.regions:
        return None, None
    low, high = q.bounds
    if len(claim.regions) == 1 or claim.distribution is Distribution.EACH:
        return low, high
    if claim.distribution is Distribution.TOTAL:
        return 0, high
    return None, None  # the text does not say how the amount is spread


def _claim_row(claim: Claim, parent_id: str | None, path: str) -> Record:
    row = {c.name: _cell(c, claim) for c in _CLAIM if c.field}
    row["parent_id"] = parent_id
    row["path"] = path
    row["lower"], row["upper"] = claim.quantity.bounds if claim.quantity else (None, None)
    row["region_lower"], row["region_upper"] = _region_bounds(claim)
    return {name: row[name] for name in CLAIM_COLUMNS}


def to_records(objs: Item | Iterable[Item], *, per: Per = "claim") -> list[Record]:
    """Flat rows, one per claim (parts included) or one per claim and region.

    Columns are :data:`~conflict_events.serialize.tables.COLUMNS`; lists (weapons, regions)
    are joined with ``;``; instants are aware datetimes; ``lower``/``upper`` are the
    quantity's interval bounds. With ``per="claim_region"`` a claim over three regions gives
    three rows, each with one region in ``regions`` (a claim with no region gives one row).

    ``region_lower``/``region_upper`` bound the amount that belongs to *each* region of the
    row: the whole interval for a claim over one region or counted ``each``, ``0`` up to the
    total for a group count (``distribution="total"``), and ``None`` where the text does not
    say how the amount is spread. Add those up by region, not ``quantity_value``, which
    repeats a group's total on every region row (and count one level of a breakdown only):

    >>> from conflict_events import Claim, Quantity
    >>> def uav(cid, n, *regions, **more):
    ...     return Claim(id=cid, kind="interception", quantity=Quantity.exact(n),
    ...                  regions=regions, **more)
    >>> total = uav("t", 13, "RU-BEL", "RU-KRS", "RU-ORL", coverage="complete", parts=(
    ...     uav("a", 5, "RU-BEL"),
    ...     uav("b", 2, "RU-KRS", "RU-ORL", distribution="each"),
    ...     uav("c", 4, "RU-KRS", "RU-ORL", distribution="total")))
    >>> sums = {}
    >>> for row in to_records(total, per="claim_region"):
    ...     if row["parent_id"] == "t":
    ...         low, high = sums.get(row["regions"], (0, 0))
    ...         sums[row["regions"]] = (low + row["region_lower"], high + row["region_upper"])
    >>> sums
    {'RU-BEL': (5, 5), 'RU-KRS': (2, 6), 'RU-ORL': (2, 6)}

    Rows link parts to their parent by claim id within one report and statement, so a claim
    id may recur across reports but not within one statement (a
    :class:`~conflict_events.StructureError` says where).
    """
    if per not in ("claim", "claim_region"):
        raise ValueError(f"per must be 'claim' or 'claim_region', got {per!r}")
    rows: list[Record] = []
    seen: dict[tuple[str | None, str | None, str], str] = {}
    for at, report, statement, top in _walk_sources(objs):
        issued = statement.issued if statement else None
        context: Record = {
            "report_id": report.id if report else None,
            "statement_id": statement.id if statement else None,
            "statement_kind": statement.kind.value if statement else None,
            "source": statement.source if statement else None,
            "issued_start": issued.start if issued else None,
            "issued_end": issued.end if issued else None,
            "issued_tz": issued.tz if issued else None,
        }
        ids: dict[str, str] = {}
        for path, claim in top.walk():
            where = join_path(at, path) if path else at
            key = (context["report_id"], context["statement_id"], claim.id)
            if key in seen:
                raise StructureError([Problem(join_path(where, "id"), _repeat(key, seen[key]))])
            seen[key] = where
            ids[path] = claim.id
            parent_id = ids[path.rsplit(".", 1)[0] if "." in path else ""] if path else None
            row = {**context, **_claim_row(claim, parent_id, path)}
            if per == "claim_region" and len(claim.regions) > 1:
                for region in claim.regions:
                    rows.append({**row, "regions": region})
            else:
                rows.append(row)
    return rows


def _repeat(key: tuple[str | None, str | None, str], first: str) -> str:
    report, statement, claim = key
    scope = f"statement {statement!r}" if statement else "the claims given on their own"
    if report:
        scope += f" of report {report!r}"
    return (
        f"claim id {claim!r} is used again in {scope} (first at {first or 'the top'}): rows "
        "link parts to their parent by claim id, so ids must be unique within a statement"
    )


# -- back from records ------------------------------------------------------------------------


def _typed(kind: Kind, value: Any) -> Any:
    """A record value as the claim's wire form wants it."""
    if value is None or value == "":
        return None
    if kind == "datetime" and isinstance(value, datetime):
        return value.isoformat()
    if kind == "list":
        return str(value).split(_LIST_SEP)
    return value


_FIELD_COLUMNS = tuple(c for c in _CLAIM if c.field)
Scope = tuple[object, object]


def _scope(row: Mapping[str, Any]) -> Scope:
    """The report and statement a row belongs to: claim ids are unique within it."""
    return (row.get("report_id") or None, row.get("statement_id") or None)


def _wire(row: Mapping[str, Any]) -> dict[str, Any]:
    """The wire form of the claim in ``row``, without its parts."""
    data: dict[str, Any] = {}
    for column in _FIELD_COLUMNS:
        value = _typed(column.kind, row.get(column.name))
        if value is None:
            continue
        *outer, name = column.field
        target = data
        for key in outer:
            target = target.setdefault(key, {})
        target[name] = value
    return data


def _parts_from(rows: Sequence[Mapping[str, Any]]) -> list[Claim]:
    children: dict[tuple[Scope, object], list[int]] = {}
    for n, row in enumerate(rows):
        children.setdefault((_scope(row), row.get("parent_id") or None), []).append(n)

    def build(n: int) -> dict[str, Any]:
        row = rows[n]
        data = _wire(row)
        kids = children.get((_scope(row), row.get("claim_id")), [])
        if kids:
            data["parts"] = [build(kid) for kid in kids]
        return data

    roots = [n for (_, parent), ns in children.items() if parent is None for n in ns]
    roots.sort()
    _check_every_row_placed(rows, roots, children)
    claims: list[Claim] = []
    for n in roots:
        try:
            claims.append(from_dict(Claim, build(n)))
        except StructureError as exc:
            raise StructureError([p.under(f"rows[{n}]") for p in exc.problems]) from None
    return claims


def _check_every_row_placed(
    rows: Sequence[Mapping[str, Any]],
    roots: list[int],
    children: dict[tuple[Scope, object], list[int]],
) -> None:
    """Refuse rows that no top-level claim reaches: a dangling ``parent_id`` or a cycle."""
    placed: set[int] = set()
    stack = list(roots)
    while stack:  # ids are unique within a scope, so no row is reached twice from the roots
        n = stack.pop()
        placed.add(n)
        stack.extend(children.get((_scope(rows[n]), rows[n].get("claim_id")), []))
    ids = {(_scope(row), row.get("claim_id")) for row in rows}
    problems = []
    for n, row in enumerate(rows):
        if n in placed:
            continue
        parent = row.get("parent_id")
        why = (
            f"the parent claim {parent!r} has no row"
            if (_scope(row), parent) not in ids
            else f"claim {row.get('claim_id')!r} is its own ancestor through parent_id"
        )
        problems.append(Problem(f"rows[{n}].parent_id", why))
    if problems:
        raise StructureError(problems)


def claims_from_records(rows: Iterable[Mapping[str, Any]]) -> list[Claim]:
    """The claims (with their nested parts) back from :func:`to_records` rows (``per="claim"``).

    Rows link to their parent claim by ``parent_id`` within the same report and statement
    (``report_id``, ``statement_id``); derived columns (``path``, ``lower``, ``upper``,
    ``region_lower``, ``region_upper``) and the other context columns are ignored. Values
    may be typed (as ``to_records`` gives them) or text (as read from CSV).

    >>> from conflict_events import Claim, Quantity
    >>> claim = Claim(id="c", kind="interception", quantity=Quantity.about(40))
    >>> claims_from_records(to_records(claim)) == [claim]
    True
    """
    rows = list(rows)
    seen: set[tuple[Scope, object]] = set()
    for i, row in enumerate(rows):
        key = (_scope(row), row.get("claim_id"))
        if key in seen:
            raise StructureError(
                [Problem(f"rows[{i}].claim_id", f"claim {key[1]!r} has more than one row")]
            )
        seen.add(key)
    return _parts_from(rows)


# -- CSV --------------------------------------------------------------------------------------


def _neutralised(text: str) -> str:
    """``text`` with a ``'`` in front when a spreadsheet would read it as a formula.

    Text that already starts with ``'`` before such a character gets one more, so that
    :func:`_restored` can take exactly one away.
    """
    return "'" + text if text.lstrip("'")[:1] in _FORMULA_START else text


def _restored(text: str) -> str:
    """The inverse of :func:`_neutralised`."""
    if text[:1] == "'" and text.lstrip("'")[:1] in _FORMULA_START:
        return text[1:]
    return text


def write_csv(
    rows: Iterable[Mapping[str, Any]], file: IO[str], *, escape_formulas: bool = True
) -> int:
    """Write records as CSV (RFC 4180) with a header of every column; return the row count.

    The header is :data:`~conflict_events.serialize.tables.COLUMNS`.

    Lines end in CRLF and fields holding line breaks are quoted, so open files with
    ``newline=""`` to write and to read them back unchanged. Text holding the NUL character
    cannot be written as CSV (a ``ValueError`` says where); JSON Lines carries it.

    A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would
    run as a formula in a spreadsheet, so by default it is written with a ``'`` in front (as
    OWASP advises for CSV export); :func:`read_csv` takes exactly that ``'`` away again. Pass
    ``escape_formulas=False`` to write cells verbatim (and the same to ``read_csv``).

    >>> import io
    >>> from conflict_events import Claim
    >>> out = io.StringIO(newline="")
    >>> write_csv(to_records(Claim(id="c", kind="other", note="=HYPERLINK(0)")), out)
    1
    >>> "'=HYPERLINK(0)" in out.getvalue()
    True
    >>> _ = out.seek(0)
    >>> read_csv(out)[0]["note"]
    '=HYPERLINK(0)'
    """
    writer = csv.DictWriter(file, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for row in rows:
        cells: Record = {}
        for column, value in row.items():
            if type(value) is str:
                if "\x00" in value:
                    raise ValueError(
                        f"CSV cannot carry the NUL character: column {column!r} of claim "
                        f"{row.get('claim_id')!r}; use JSON Lines for this data"
                    )
                cells[column] = _neutralised(value) if escape_formulas else value
            else:
                cells[column] = _csv_value(value)
        writer.writerow(cells)
        count += 1
    return count


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


_CSV_FIELD = re.compile(r'"([^"]*(?:""[^"]*)*)"|([^,"\r\n][^,\r\n]*|)')
_LINE_BREAK = re.compile(r"\r\n?|\n")


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """The records of RFC 4180 text, each with the line it ends on; blank lines are skipped.

    The :mod:`csv` module reads them, unless a field is longer than its limit: that limit is
    global to the process, and raising it would change it for every other thread and caller,
    so such text is read by :func:`_long_records` instead.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for fields in reader:
            if fields:
                records.append((reader.line_num, fields))
    except csv.Error as exc:
        if str(exc).startswith("field larger than field limit"):
            return _long_records(text)
        raise StructureError([Problem(f"line {reader.line_num}", f"not CSV: {exc}")]) from None
    return iter(records)


def _long_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """As :func:`_records`, with fields of any length: a parser of its own, in Python."""
    pos, end, line = 0, len(text), 1
    while pos < end:
        fields: list[str] = []
        while True:
            match = _CSV_FIELD.match(text, pos)
            assert match is not None  # noqa: S101 - the second branch matches the empty string
            quoted = match.group(1)
            if quoted is None:
                fields.append(match.group(2))
            else:
                fields.append(quoted.replace('""', '"'))
                if "\n" in quoted or "\r" in quoted:
                    line += len(_LINE_BREAK.findall(quoted))
            pos = match.end()
            if pos >= end:
                break
            char = text[pos]
            if char == ",":
                pos += 1
                continue
            if char in "\r\n":
                pos += 2 if text.startswith("\r\n", pos) else 1
                break
            # Past an unquoted field stands a separator, so this is a quote never closed or a
            # character after a closing quote (a quote inside an unquoted field is kept).
            where = "opens a field it never closes" if quoted is None else "after a quoted field"
            raise StructureError([Problem(f"line {line}", f"not CSV: {char!r} {where}")])
        if fields != [""]:
            yield line, fields
        line += 1


def read_csv(file: IO[str], *, escape_formulas: bool = True) -> list[Record]:
    """Records back from :func:`write_csv` text, with numbers and flags typed again.

    Open files with ``newline=""`` so that line breaks inside quoted fields are kept as written.
    Fields of any length are read, without touching ``csv.field_size_limit``. With
    ``escape_formulas`` (the default, as ``write_csv``) the ``'`` the writer put in front of a
    cell that looks like a formula is taken away.

    >>> import io
    >>> read_csv(io.StringIO("claim_id,kind,region_count\\r\\nc,other,3\\r\\n"))
    [{'claim_id': 'c', 'kind': 'other', 'region_count': 3}]
    """
    records = _records(file.read().removeprefix("\ufeff"))
    header = next(records, None)
    names = header[1] if header else []
    missing = [c for c in ("claim_id", "kind") if c not in names]
    if missing:
        raise StructureError([Problem("header", f"missing column(s) {', '.join(missing)}")])
    out: list[Record] = []
    for line, cells in records:
        if len(cells) != len(names):
            raise StructureError(
                [Problem(f"line {line}", f"expected {len(names)} fields, got {len(cells)}")]
            )
        out.append(
            {
                name: _from_csv(name, _restored(text) if escape_formulas else text, line)
                for name, text in zip(names, cells, strict=True)
            }
        )
    return out


def _from_csv(column: str, text: str, line: int) -> Any:
    if text == "":
        return None
    kind = _KIND.get(column, "text")
    try:
        if kind == "int":
            return int(text)
        if kind == "number":
            number = float(text)
            return int(text) if text.isdigit() else number
    except ValueError:
        raise StructureError(
            [Problem(f"line {line}.{column}", f"expected a number, got {text!r}")]
        ) from None
    if kind == "bool":
        if text not in ("true", "false"):
            raise StructureError(
                [Problem(f"line {line}.{column}", f"expected true or false, got {text!r}")]
            )
        return text == "true"
    return text


# -- pandas and Arrow (optional extras) -------------------------------------------------------


def _columns_of(kind: Kind) -> list[str]:
    return [name for name, k in _KIND.items() if k == kind]


def to_dataframe(objs: Item | Iterable[Item], *, per: Per = "claim") -> pd.DataFrame:
    """A pandas DataFrame of :func:`to_records`; instants as UTC timestamps.

    Needs the ``pandas`` extra (``pip install conflict-events[pandas]``).

    >>> from conflict_events import Claim
    >>> to_dataframe(Claim(id="c", kind="other", region_count=2))["region_count"].tolist()
    [2]
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_dataframe needs pandas: pip install 'conflict-events[pandas]'"
        ) from exc
    frame = pd.DataFrame.from_records(to_records(objs, per=per), columns=list(COLUMNS))
    for column in _columns_of("datetime"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    for column in _columns_of("int"):
        frame[column] = frame[column].astype("Int64")
    return frame


def arrow_schema() -> pa.Schema:
    """The explicit Arrow schema of claim tables.

    >>> str(arrow_schema().field("window_start").type)
    'timestamp[us, tz=UTC]'
    """
    import pyarrow as pa

    types_of: dict[Kind, pa.DataType] = {
        "datetime": pa.timestamp("us", tz="UTC"),
        "int": pa.int64(),
        "number": pa.float64(),
        "bool": pa.bool_(),
    }
    return pa.schema(
        [
            pa.field(name, types_of.get(kind, pa.string()), nullable=name != "claim_id")
            for name, kind in _KIND.items()
        ]
    )


def to_arrow(objs: Item | Iterable[Item], *, per: Per = "claim") -> pa.Table:
    """An Arrow table of :func:`to_records` with an explicit schema.

    The schema is :func:`~conflict_events.serialize.tables.arrow_schema`.

    Needs the ``arrow`` extra (``pip install conflict-events[arrow]``).

    >>> from conflict_events import Claim
    >>> to_arrow(Claim(id="c", kind="other")).num_rows
    1
    """
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_arrow needs pyarrow: pip install 'conflict-events[arrow]'") from exc
    return pa.Table.from_pylist(to_records(objs, per=per), schema=arrow_schema())
