"""ACLED event exports: the column set of ACLED's public codebook.

One report per row: the event is one claim (``grain`` event) whose kind follows
``sub_event_type`` (kept as written in ``event_mode``), with ``event_type``,
``disorder_type`` and ``civilian_targeting`` in ``context`` as ``name=value`` words, the
actors and their associates, the place as a region with its point under ``admin3`` /
``admin2`` / ``admin1``, ``geo_precision`` as the place precision, ``fatalities`` as a
casualties part, ``notes`` as the statement's summary and ``timestamp`` as the report's
publication time. The mapping table is in ``docs/formats-acled.md``.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     path = Path(d, "acled.csv")
...     _ = write_rows(path, COLUMNS, [dict.fromkeys(COLUMNS, "") | SAMPLE_ROW])
...     claim = read_file(path)[0].statements[0].claims[0]
>>> claim.kind.value, claim.event_mode, claim.parts[0].quantity.value
('strike', 'Air/drone strike', 2)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pycountry

from conflict_events.errors import ModelError
from conflict_events.formats._core import (
    FormatError,
    Import,
    ImportProblem,
    days,
    problem,
    read_strict,
)
from conflict_events.formats._csv import Row, RowError, csv_rows, slug, write_rows
from conflict_events.model import (
    Actor,
    Claim,
    PlacePrecision,
    Point,
    Precision,
    Quantity,
    Region,
    Report,
    Source,
    Statement,
)

__all__ = ["COLUMNS", "SAMPLE_ROW", "SUB_EVENT_KINDS", "read", "read_file", "write"]

COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""The columns of ACLED's public codebook, in its order; the reader needs all of them."""

NOT_MAPPED = ("year", "interaction", "region", "source_scale")
"""Columns not represented: ``year`` and ``interaction`` repeat others; the rest are listed
in ``Import.notes`` when a file has values in them."""

SAMPLE_ROW: dict[str, str] = {
    "event_id_cnty": "UKR1",
    "event_date": "2024-01-02",
    "time_precision": "1",
    "disorder_type": "Political violence",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Russia",
    "inter1": "8",
    "actor2": "Civilians (Ukraine)",
    "inter2": "7",
    "iso": "804",
    "country": "Ukraine",
    "admin1": "Kharkiv",
    "location": "A village",
    "latitude": "49.99",
    "longitude": "36.23",
    "geo_precision": "1",
    "source": "An outlet; Another outlet",
    "notes": "A synthetic note.",
    "fatalities": "2",
    "timestamp": "1704240000",
}
"""A small synthetic row (the columns it leaves out are empty), for examples and tests."""

SUB_EVENT_KINDS: dict[str, str] = {
    "Air/drone strike": "strike",
    "Shelling/artillery/missile attack": "strike",
    "Remote explosive/landmine/IED": "strike",
    "Suicide bomb": "strike",
    "Grenade": "strike",
    "Armed clash": "attack",
    "Attack": "attack",
    "Government regains territory": "other",
    "Non-state actor overtakes territory": "other",
    "Abduction/forced disappearance": "other",
    "Sexual violence": "other",
    "Destruction of property": "damage",
}
"""Sub-event types with a nearer claim kind than ``other``; every other one is ``other``."""

GEO_PRECISION: dict[int, PlacePrecision] = {
    1: PlacePrecision.EXACT,
    2: PlacePrecision.NEAR,
    3: PlacePrecision.PROVINCE,
}
"""ACLED ``geo_precision`` as a place precision."""

TIME_PRECISION: dict[int, Precision] = {1: Precision.DAY, 2: Precision.WEEK, 3: Precision.MONTH}
"""ACLED ``time_precision`` as a window precision."""

ZONES: dict[str, str] = {"UA": "Europe/Kyiv", "RU": "Europe/Moscow", "BY": "Europe/Minsk"}
"""The zone of a country's local dates; another country's rows need an entry here."""

_CONTEXT = ("event_type", "disorder_type", "civilian_targeting")
_ACTORS = (("actor1", "assoc_actor_1", "inter1"), ("actor2", "assoc_actor_2", "inter2"))
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y")
_INT = re.compile(r"\d+")


def _opt_int(row: dict[str, str], name: str) -> int | None:
    return _int(row, name) if row[name] else None


def _int(row: dict[str, str], name: str) -> int:
    text = row[name]
    if not _INT.fullmatch(text):
        raise RowError(name, f"{name} is not a whole number >= 0: {text!r}")
    return int(text)


def _float(row: dict[str, str], name: str) -> float:
    try:
        return float(row[name])
    except ValueError:
        raise RowError(name, f"{name} is not a number: {row[name]!r}") from None


def _event_date(text: str) -> date:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - only the date is kept
        except ValueError:
            continue
    raise RowError("event_date", f"event_date is not YYYY-MM-DD or '2 January 2024': {text!r}")


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(";") if n.strip()]


def _row_report(row: dict[str, str]) -> Report:
    rid = row["event_id_cnty"]
    if not rid or rid != rid.strip():
        raise RowError("event_id_cnty", f"event_id_cnty is empty or padded: {rid!r}")
    iso = _int(row, "iso")
    found = pycountry.countries.get(numeric=f"{iso:03d}")
    if found is None:
        raise RowError("iso", f"iso {iso} is not an ISO 3166-1 numeric code")
    cc = found.alpha_2
    if cc not in ZONES:
        raise RowError("iso", f"no zone is known for the dates of {cc}; known: {', '.join(ZONES)}")
    day = _event_date(row["event_date"])
    tprec = _int(row, "time_precision")
    if tprec not in TIME_PRECISION:
        raise RowError("time_precision", f"time_precision is not 1-3: {tprec}")
    gprec = _int(row, "geo_precision")
    if gprec not in GEO_PRECISION:
        raise RowError("geo_precision", f"geo_precision is not 1-3: {gprec}")
    try:
        point = Point(lat=_float(row, "latitude"), lon=_float(row, "longitude"))
    except ModelError as exc:
        raise RowError("latitude", f"not a point: {exc}") from None
    fatalities = _int(row, "fatalities")
    stamp = _opt_int(row, "timestamp")
    if not row["location"]:
        raise RowError("location", "location is empty: the place has no name")

    regions = [Region(id=cc, name=row["country"] or cc, kind="country")]
    parent = cc
    for level, kind in (("admin1", "subdivision"), ("admin2", "district"), ("admin3", "district")):
        if row[level]:
            region_id = f"acled:{level}-{slug(row[level]) or 'x'}.{slug(rid) or 'x'}"
            regions.append(
                Region(id=region_id, name=row[level], kind=kind, country=cc, parent=parent)
            )
            parent = region_id
    place = Region(
        id=f"acled:{slug(rid) or 'x'}",
        name=row["location"],
        kind="other",
        country=cc,
        parent=parent,
        point=point,
    )
    regions.append(place)

    actors: list[Actor] = []
    roles: list[tuple[str | None, tuple[str, ...]]] = []
    for name_col, assoc_col, inter_col in _ACTORS:
        inter = row[inter_col]
        first = None
        if row[name_col]:
            first = f"acled:{name_col}:inter-{slug(inter) or 'x'}"
            actors.append(Actor(id=first, name=row[name_col], kind="other"))
        elif inter:
            raise RowError(inter_col, f"{inter_col} {inter!r} is given without {name_col}")
        others = []
        for i, name in enumerate(_names(row[assoc_col]), start=1):
            aid = f"acled:{assoc_col}:{i}"
            actors.append(Actor(id=aid, name=name, kind="other"))
            others.append(aid)
        if others and first is None:
            raise RowError(assoc_col, f"{assoc_col} names associates without {name_col}")
        roles.append((first, tuple(others)))
    context = tuple(f"{c}={row[c]}" for c in _CONTEXT if row[c])
    sub = row["sub_event_type"]
    window = days(day, day, ZONES[cc], TIME_PRECISION[tprec], f"time_precision {tprec}")
    claim = Claim(
        id=rid,
        kind=SUB_EVENT_KINDS.get(sub, "other"),
        grain="event",
        event_mode=sub or None,
        context=context,
        actor=roles[0][0],
        other_actors=roles[0][1],
        target_party=roles[1][0],
        other_target_parties=roles[1][1],
        regions=(place.id,),
        place_precision=GEO_PRECISION[gprec],
        window=window,
        parts=(
            Claim(
                id="c:fatalities",
                kind="casualties",
                counted="person",
                grain="event",
                quantity=Quantity.exact(fatalities),
                window=window,
                regions=(place.id,),
            ),
        ),
        coverage="partial",
        note=row["tags"] or None,
    )
    sources = [Source(id="src:acled", name="ACLED", kind="monitor")]
    for i, name in enumerate(_names(row["source"]), start=1):
        sources.append(Source(id=f"src:acled-source-{i}", name=name, kind="other"))
    statement = Statement(
        id=f"st:acled-{rid}",
        source="src:acled",
        kind="report",
        claims=(claim,),
        via=tuple(s.id for s in sources[1:]),
        summary=row["notes"] or None,
    )
    return Report(
        id=f"acled:{rid}",
        publisher="src:acled",
        published=None if stamp is None else datetime.fromtimestamp(stamp, tz=timezone.utc),
        sources=tuple(sources),
        actors=tuple(actors),
        regions=tuple(regions),
        statements=(statement,),
    )


def read(path: Path, imp: Import) -> Iterator[Report | ImportProblem]:
    """Read an ACLED CSV export (UTF-8 or Windows-1252, detected) for :func:`formats.read`."""
    _, rows = csv_rows(path, imp, COLUMNS)
    return _read(rows, imp)


def _read(rows: Iterator[Row | ImportProblem], imp: Import) -> Iterator[Report | ImportProblem]:
    unmapped: set[str] = set()
    for row in rows:
        if not isinstance(row, Row):
            yield row
            continue
        for column in ("region", "source_scale"):
            if row.values[column] and column not in unmapped:
                unmapped.add(column)
                imp.notes.append(f"column not represented: {column}")
        try:
            report = _row_report(row.values)
        except RowError as bad:
            raw = {"event_id_cnty": row.values["event_id_cnty"], bad.field: row.values[bad.field]}
            yield problem(row.record, row.line, bad.field, raw, bad.message, represented=False)
            continue
        except ModelError as exc:
            raw = {"event_id_cnty": row.values["event_id_cnty"]}
            yield problem(row.record, row.line, "", raw, str(exc), represented=False)
            continue
        yield report


def read_file(path: Path) -> list[Report]:
    """Every report of an ACLED CSV, raising :class:`FormatError` at the first problem."""
    return read_strict("acled", read, path)


# -- writing ----------------------------------------------------------------------------------


def _fail(report: Report, message: str) -> FormatError:
    return FormatError(f"report {report.id!r} cannot be written as an ACLED row: {message}")


def _row_of(report: Report) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    statement = next((s for s in report.statements if s.claims), None)
    if statement is None or len(statement.claims) != 1:
        raise _fail(report, "it needs one statement with one claim")
    claim = statement.claims[0]
    w, precision = claim.window, claim.place_precision
    regions = {r.id: r for r in report.regions}
    if w is None or len(claim.regions) != 1 or claim.regions[0] not in regions:
        raise _fail(report, "its claim needs a window and one place defined in the report")
    place = regions[claim.regions[0]]
    geo = {v: k for k, v in GEO_PRECISION.items()}.get(precision) if precision else None
    if place.point is None or place.country is None or geo is None:
        raise _fail(report, "its place needs a point, a country and a precision ACLED has")
    country = pycountry.countries.get(alpha_2=place.country)
    if country is None:  # pragma: no cover - region ids are checked against ISO 3166
        raise _fail(report, f"no ISO 3166-1 country {place.country!r}")
    day = w.local_start.date()
    m = re.fullmatch(r"time_precision ([1-3])", w.label or "")
    tprec = int(m[1]) if m else {v: k for k, v in TIME_PRECISION.items()}.get(w.precision, 1)
    row |= {
        "event_id_cnty": claim.id,
        "event_date": day.isoformat(),
        "year": str(day.year),
        "time_precision": str(tprec),
        "sub_event_type": claim.event_mode or "",
        "iso": str(int(country.numeric)),
        "country": regions[place.country].name if place.country in regions else country.name,
        "location": place.name,
        "latitude": repr(place.point.lat),
        "longitude": repr(place.point.lon),
        "geo_precision": str(geo),
        "notes": statement.summary or "",
        "tags": claim.note or "",
    }
    for word in claim.context:
        name, _, value = word.partition("=")
        if name in _CONTEXT:
            row[name] = value
    parent = place.parent
    levels = []
    while parent in regions and regions[parent].kind.value != "country":
        levels.append(regions[parent].name)
        parent = regions[parent].parent
    for column, name in zip(("admin1", "admin2", "admin3"), reversed(levels), strict=False):
        row[column] = name
    actors = {a.id: a for a in report.actors}
    for (name_col, assoc_col, inter_col), first, others in (
        (_ACTORS[0], claim.actor, claim.other_actors),
        (_ACTORS[1], claim.target_party, claim.other_target_parties),
    ):
        if first is not None:
            row[name_col] = actors[first].name if first in actors else first
            inter = first.rpartition(":inter-")[2] if ":inter-" in first else ""
            row[inter_col] = "" if inter == "x" else inter
        row[assoc_col] = "; ".join(actors[a].name if a in actors else a for a in others)
    if row["inter1"].isdigit() and row["inter2"].isdigit():
        row["interaction"] = row["inter1"] + row["inter2"]
    sources = {s.id: s for s in report.sources}
    row["source"] = "; ".join(sources[s].name if s in sources else s for s in statement.via)
    fatalities = next((p for p in claim.parts if p.id == "c:fatalities"), None)
    if fatalities is None or fatalities.quantity is None or fatalities.quantity.value is None:
        raise _fail(report, "its claim needs a c:fatalities part with a count")
    row["fatalities"] = str(fatalities.quantity.value)
    published = report.published
    if isinstance(published, datetime):
        row["timestamp"] = str(int(published.timestamp()))
    return row


def write(reports: Iterable[Report], path: Path) -> int:
    """Write reports of the shape :func:`read` makes as ACLED rows; return the row count.

    A report of another shape raises :class:`FormatError` naming it and what it lacks.
    """
    return write_rows(path, COLUMNS, (_row_of(r) for r in reports))
