"""Flat tables of claims: plain records, CSV, pandas and Arrow, and back from records.

One row per claim (nested parts included, linked by ``parent_id``) or one row per claim and
region. Every claim field has a column, so claims come back from their rows unchanged.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import IO, TYPE_CHECKING, Any, Literal

from conflict_events.errors import Problem, StructureError
from conflict_events.model import Claim, Report, Statement
from conflict_events.model._checks import describe
from conflict_events.serialize._json import from_dict

if TYPE_CHECKING:  # pragma: no cover - imported lazily at run time
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "CLAIM_COLUMNS",
    "claims_from_records",
    "read_csv",
    "to_arrow",
    "to_dataframe",
    "to_records",
    "write_csv",
]

Per = Literal["claim", "claim_region"]
Record = dict[str, Any]

CONTEXT_COLUMNS: tuple[str, ...] = (
    "report_id",
    "statement_id",
    "statement_kind",
    "source",
    "issued_start",
    "issued_end",
    "issued_tz",
)
CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "parent_id",
    "path",
    "kind",
    "modality",
    "quantity_value",
    "quantity_low",
    "quantity_high",
    "quantity_qualifier",
    "quantity_unit",
    "lower",
    "upper",
    "counted",
    "outcome",
    "weapons",
    "actor",
    "other_actors",
    "target_party",
    "other_target_parties",
    "regions",
    "origins",
    "targets",
    "place_precision",
    "distribution",
    "grain",
    "event_mode",
    "context",
    "window_start",
    "window_end",
    "window_tz",
    "window_precision",
    "window_label",
    "window_text",
    "window_approximate",
    "coverage",
    "share",
    "region_count",
    "quote",
    "span_start",
    "span_end",
    "credibility",
    "note",
)
"""The columns of a claim row, after the context columns (report, statement, issued)."""

COLUMNS: tuple[str, ...] = CONTEXT_COLUMNS + CLAIM_COLUMNS
_LIST_SEP = ";"
_FIELD_LIMIT = 1 << 30
_LIST_COLUMNS = (
    "weapons",
    "other_actors",
    "other_target_parties",
    "regions",
    "origins",
    "targets",
    "context",
)
_INT_COLUMNS = ("region_count", "span_start", "span_end", "credibility")
_NUMBER_COLUMNS = ("quantity_value", "quantity_low", "quantity_high", "lower", "upper")
_DATETIME_COLUMNS = ("issued_start", "issued_end", "window_start", "window_end")


def _walk_sources(
    objs: Report | Statement | Claim | Iterable[Report | Statement | Claim],
) -> Iterator[tuple[Report | None, Statement | None, Claim]]:
    items: Iterable[Report | Statement | Claim]
    items = [objs] if isinstance(objs, (Report, Statement, Claim)) else objs
    for obj in items:
        if isinstance(obj, Report):
            for statement in obj.statements:
                for claim in statement.claims:
                    yield obj, statement, claim
        elif isinstance(obj, Statement):
            for claim in obj.claims:
                yield None, obj, claim
        elif isinstance(obj, Claim):
            yield None, None, obj
        else:
            raise TypeError(f"expected a Report, Statement or Claim, got {describe(obj)}")


def _joined(claim: Claim, name: str) -> str | None:
    """A list of free-form ids or words as one cell; an item holding the separator is refused."""
    values: tuple[str, ...] = getattr(claim, name)
    for value in values:
        if _LIST_SEP in value:
            raise ValueError(
                f"claim {claim.id}: {name} item {value!r} holds {_LIST_SEP!r}, which separates "
                "the items of a table cell"
            )
    return _LIST_SEP.join(values) or None


def _claim_row(claim: Claim, parent_id: str | None, path: str) -> Record:
    q, w, sp = claim.quantity, claim.window, claim.span
    lower, upper = q.bounds if q is not None else (None, None)
    return {
        "claim_id": claim.id,
        "parent_id": parent_id,
        "path": path,
        "kind": claim.kind.value,
        "modality": claim.modality.value,
        "quantity_value": q.value if q else None,
        "quantity_low": q.low if q else None,
        "quantity_high": q.high if q else None,
        "quantity_qualifier": q.qualifier.value if q else None,
        "quantity_unit": q.unit if q else None,
        "lower": lower,
        "upper": upper,
        "counted": claim.counted.value if claim.counted else None,
        "outcome": claim.outcome.value if claim.outcome else None,
        "weapons": _LIST_SEP.join(claim.weapons) or None,
        "actor": claim.actor,
        "other_actors": _joined(claim, "other_actors"),
        "target_party": claim.target_party,
        "other_target_parties": _joined(claim, "other_target_parties"),
        "regions": _LIST_SEP.join(claim.regions) or None,
        "origins": _LIST_SEP.join(claim.origins) or None,
        "targets": _LIST_SEP.join(claim.targets) or None,
        "place_precision": claim.place_precision.value if claim.place_precision else None,
        "distribution": claim.distribution.value if claim.distribution else None,
        "grain": claim.grain.value,
        "event_mode": claim.event_mode,
        "context": _joined(claim, "context"),
        "window_start": w.start if w else None,
        "window_end": w.end if w else None,
        "window_tz": w.tz if w else None,
        "window_precision": w.precision.value if w else None,
        "window_label": w.label if w else None,
        "window_text": w.text if w else None,
        "window_approximate": w.approximate if w else None,
        "coverage": claim.coverage.value if claim.coverage else None,
        "share": claim.share.value if claim.share else None,
        "region_count": claim.region_count,
        "quote": claim.quote,
        "span_start": sp.start if sp else None,
        "span_end": sp.end if sp else None,
        "credibility": claim.credibility,
        "note": claim.note,
    }


def to_records(
    objs: Report | Statement | Claim | Iterable[Report | Statement | Claim],
    *,
    per: Per = "claim",
) -> list[Record]:
    """Flat rows, one per claim (parts included) or one per claim and region.

    Columns are :data:`COLUMNS`; lists (weapons, regions) are joined with ``;``; instants are
    aware datetimes; ``lower``/``upper`` are the quantity's interval bounds. With
    ``per="claim_region"`` a claim over three regions gives three rows, each with one region
    in ``regions`` (a claim with no region gives one row).

    >>> from conflict_events import Claim, Quantity
    >>> rows = to_records(Claim(id="c", kind="interception", quantity=Quantity.exact(2),
    ...                         regions=("RU-VOR", "UA-43"), distribution="each"))
    >>> rows[0]["claim_id"], rows[0]["regions"], rows[0]["lower"]
    ('c', 'RU-VOR;UA-43', 2)
    """
    if per not in ("claim", "claim_region"):
        raise ValueError(f"per must be 'claim' or 'claim_region', got {per!r}")
    rows: list[Record] = []
    for report, statement, top in _walk_sources(objs):
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
            ids[path] = claim.id
            parent_id = ids[path.rsplit(".", 1)[0] if "." in path else ""] if path else None
            row = {**context, **_claim_row(claim, parent_id, path)}
            if per == "claim_region" and len(claim.regions) > 1:
                for region in claim.regions:
                    rows.append({**row, "regions": region})
            else:
                rows.append(row)
    return rows


def _typed(column: str, value: Any) -> Any:
    """A record value as the claim's wire form wants it."""
    if value is None or value == "":
        return None
    if column in _DATETIME_COLUMNS and isinstance(value, datetime):
        return value.isoformat()
    return value


def _parts_from(rows: Sequence[Mapping[str, Any]]) -> list[Claim]:
    children: dict[str | None, list[Mapping[str, Any]]] = {}
    for row in rows:
        children.setdefault(row.get("parent_id") or None, []).append(row)

    def build(row: Mapping[str, Any]) -> dict[str, Any]:
        def get(name: str) -> Any:
            return _typed(name, row.get(name))

        data: dict[str, Any] = {"id": get("claim_id"), "kind": get("kind")}
        if get("modality"):
            data["modality"] = get("modality")
        if get("quantity_qualifier") is not None:
            quantity = {
                "value": get("quantity_value"),
                "low": get("quantity_low"),
                "high": get("quantity_high"),
                "qualifier": get("quantity_qualifier"),
                "unit": get("quantity_unit") or "count",
            }
            data["quantity"] = {k: v for k, v in quantity.items() if v is not None}
        for name in (
            "counted",
            "outcome",
            "actor",
            "target_party",
            "place_precision",
            "distribution",
            "grain",
            "event_mode",
            "coverage",
            "share",
        ):
            if get(name) is not None:
                data[name] = get(name)
        for name in _LIST_COLUMNS:
            if get(name) is not None:
                data[name] = str(get(name)).split(_LIST_SEP)
        if get("window_start") is not None:
            window = {
                "start": get("window_start"),
                "end": get("window_end"),
                "tz": get("window_tz"),
                "precision": get("window_precision"),
                "label": get("window_label"),
                "text": get("window_text"),
                "approximate": get("window_approximate"),
            }
            data["window"] = {k: v for k, v in window.items() if v is not None}
        for name in ("region_count", "quote", "credibility", "note"):
            if get(name) is not None:
                data[name] = get(name)
        if get("span_start") is not None:
            data["span"] = {"start": get("span_start"), "end": get("span_end")}
        kids = children.get(row.get("claim_id"), [])
        if kids:
            data["parts"] = [build(kid) for kid in kids]
        return data

    position = {id(row): n for n, row in enumerate(rows)}
    roots = children.get(None, [])
    _check_every_row_placed(rows, roots, children)
    claims: list[Claim] = []
    for row in roots:
        data = build(row)
        try:
            claims.append(from_dict(Claim, data))
        except StructureError as exc:
            at = f"rows[{position[id(row)]}]"
            raise StructureError([p.under(at) for p in exc.problems]) from None
    return claims


def _check_every_row_placed(
    rows: Sequence[Mapping[str, Any]],
    roots: list[Mapping[str, Any]],
    children: dict[str | None, list[Mapping[str, Any]]],
) -> None:
    """Refuse rows that no top-level claim reaches: a dangling ``parent_id`` or a cycle."""
    placed: set[object] = set()
    stack = [row.get("claim_id") for row in roots]
    while stack:
        cid = stack.pop()
        if cid not in placed:
            placed.add(cid)
            stack.extend(kid.get("claim_id") for kid in children.get(cid, []))
    ids = {row.get("claim_id") for row in rows}
    problems = []
    for n, row in enumerate(rows):
        if row.get("claim_id") in placed:
            continue
        parent = row.get("parent_id")
        why = (
            f"the parent claim {parent!r} has no row"
            if parent not in ids
            else f"claim {row.get('claim_id')!r} is its own ancestor through parent_id"
        )
        problems.append(Problem(f"rows[{n}].parent_id", why))
    if problems:
        raise StructureError(problems)


def claims_from_records(rows: Iterable[Mapping[str, Any]]) -> list[Claim]:
    """The claims (with their nested parts) back from :func:`to_records` rows (``per="claim"``).

    Rows link to their parent claim by ``parent_id``; derived columns (``path``, ``lower``,
    ``upper``) and context columns are ignored. Values may be typed (as ``to_records`` gives
    them) or text (as read from CSV).

    >>> from conflict_events import Claim, Quantity
    >>> claim = Claim(id="c", kind="interception", quantity=Quantity.about(40))
    >>> claims_from_records(to_records(claim)) == [claim]
    True
    """
    rows = list(rows)
    seen: set[object] = set()
    for i, row in enumerate(rows):
        cid = row.get("claim_id")
        if cid in seen:
            raise StructureError(
                [Problem(f"rows[{i}].claim_id", f"claim {cid!r} has more than one row")]
            )
        seen.add(cid)
    return _parts_from(rows)


# -- CSV --------------------------------------------------------------------------------------


def write_csv(rows: Iterable[Mapping[str, Any]], file: IO[str]) -> int:
    """Write records as CSV (RFC 4180) with a header of :data:`COLUMNS`; return the row count.

    Lines end in CRLF and fields holding line breaks are quoted, so open files with
    ``newline=""`` to write and to read them back unchanged. Text holding the NUL character
    cannot be written as CSV (a ``ValueError`` says where); JSON Lines carries it.
    """
    writer = csv.DictWriter(file, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for row in rows:
        for column, value in row.items():
            if type(value) is str and "\x00" in value:
                raise ValueError(
                    f"CSV cannot carry the NUL character: column {column!r} of claim "
                    f"{row.get('claim_id')!r}; use JSON Lines for this data"
                )
        writer.writerow({k: _csv_value(v) for k, v in row.items()})
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


def read_csv(file: IO[str]) -> list[Record]:
    """Records back from :func:`write_csv` text, with numbers and flags typed again.

    Open files with ``newline=""`` so that line breaks inside quoted fields are kept as written.
    """
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, _FIELD_LIMIT))  # as long a field as write_csv writes
    try:
        reader = csv.DictReader(file, strict=True)
        missing = [c for c in ("claim_id", "kind") if c not in (reader.fieldnames or [])]
        if missing:
            raise StructureError([Problem("header", f"missing column(s) {', '.join(missing)}")])
        records: list[Record] = []
        for raw in reader:
            line = reader.line_num
            record: Record = {}
            for column, text in raw.items():
                record[str(column)] = _from_csv(str(column), text, line)
            records.append(record)
        return records
    except csv.Error as exc:
        raise StructureError([Problem(f"line {reader.line_num}", f"not CSV: {exc}")]) from None
    finally:
        csv.field_size_limit(limit)


def _from_csv(column: str, text: str | None, line: int) -> Any:
    if text is None or text == "":
        return None
    try:
        if column in _INT_COLUMNS:
            return int(text)
        if column in _NUMBER_COLUMNS:
            number = float(text)
            return int(text) if text.lstrip("-").isdigit() else number
    except ValueError:
        raise StructureError(
            [Problem(f"line {line}.{column}", f"expected a number, got {text!r}")]
        ) from None
    if column == "window_approximate":
        if text not in ("true", "false"):
            raise StructureError(
                [Problem(f"line {line}.{column}", f"expected true or false, got {text!r}")]
            )
        return text == "true"
    return text


# -- pandas and Arrow (optional extras) -------------------------------------------------------


def to_dataframe(
    objs: Report | Statement | Claim | Iterable[Report | Statement | Claim],
    *,
    per: Per = "claim",
) -> pd.DataFrame:
    """A pandas DataFrame of :func:`to_records`; instants as UTC timestamps.

    Needs the ``pandas`` extra (``pip install conflict-events[pandas]``).
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_dataframe needs pandas: pip install 'conflict-events[pandas]'"
        ) from exc
    frame = pd.DataFrame.from_records(to_records(objs, per=per), columns=list(COLUMNS))
    for column in _DATETIME_COLUMNS:
        frame[column] = pd.to_datetime(frame[column], utc=True)
    for column in _INT_COLUMNS:
        frame[column] = frame[column].astype("Int64")
    return frame


def arrow_schema() -> pa.Schema:
    """The explicit Arrow schema of claim tables."""
    import pyarrow as pa

    types: dict[str, pa.DataType] = {c: pa.string() for c in COLUMNS}
    for column in _DATETIME_COLUMNS:
        types[column] = pa.timestamp("us", tz="UTC")
    for column in _INT_COLUMNS:
        types[column] = pa.int64()
    for column in _NUMBER_COLUMNS:
        types[column] = pa.float64()
    types["window_approximate"] = pa.bool_()
    return pa.schema([pa.field(c, types[c], nullable=c != "claim_id") for c in COLUMNS])


def to_arrow(
    objs: Report | Statement | Claim | Iterable[Report | Statement | Claim],
    *,
    per: Per = "claim",
) -> pa.Table:
    """An Arrow table of :func:`to_records` with :func:`arrow_schema`.

    Needs the ``arrow`` extra (``pip install conflict-events[arrow]``).
    """
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_arrow needs pyarrow: pip install 'conflict-events[arrow]'") from exc
    return pa.Table.from_pylist(to_records(objs, per=per), schema=arrow_schema())
