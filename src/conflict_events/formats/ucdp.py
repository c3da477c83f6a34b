"""UCDP GED event rows (the 49 standard columns of the Georeferenced Event Dataset).

One report per row: the event is one casualties claim (``grain`` event) whose quantity is
``best`` bounded by ``low`` and ``high``, with the deaths of side A, side B, civilians and
unknown as its complete breakdown; the place is a region of the report with its point, under
its ``adm_2`` and ``adm_1``; every source article is a statement of its outlet with its date
and headline. The mapping table is in ``docs/formats-ucdp-ged.md``.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     path = Path(d, "ged.csv")
...     _ = write_rows(path, COLUMNS, [dict.fromkeys(COLUMNS, "") | SAMPLE_ROW])
...     [r.statements[0].claims[0].quantity.bounds for r in read_file(path)]
[(2, 4)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

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

__all__ = ["COLUMNS", "MAPPED", "SAMPLE_ROW", "read", "read_file", "write"]

COLUMNS: tuple[str, ...] = (
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
)
"""The 49 standard UCDP GED columns, in the dataset's order."""

MAPPED: tuple[str, ...] = (
    "id",
    "relid",
    "side_a_new_id",
    "side_a",
    "side_b_new_id",
    "side_b",
    "source_article",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
)
"""The columns the reader represents (and needs); the others are listed in ``Import.notes``."""

DERIVED: tuple[str, ...] = ("source_office", "source_date", "source_headline", "number_of_sources")
"""Columns that repeat what ``source_article`` holds: checked against it, written from it."""

SAMPLE_ROW: dict[str, str] = {
    "id": "1",
    "relid": "UKR-2014-1-1-0",
    "side_a_new_id": "61",
    "side_a": "Government of Ukraine",
    "side_b_new_id": "5817",
    "side_b": "Armed group",
    "source_article": '"An outlet,2014-06-01,A headline"',
    "source_office": "An outlet",
    "source_date": "2014-06-01",
    "source_headline": "A headline",
    "number_of_sources": "1",
    "where_prec": "1",
    "where_coordinates": "A town",
    "adm_1": "An oblast",
    "latitude": "48.5",
    "longitude": "38.0",
    "country": "Ukraine",
    "date_prec": "1",
    "date_start": "2014-06-01",
    "date_end": "2014-06-01",
    "deaths_a": "1",
    "deaths_b": "2",
    "deaths_civilians": "0",
    "deaths_unknown": "0",
    "best": "3",
    "high": "4",
    "low": "2",
}
"""A small synthetic row (the columns it leaves out are empty), for examples and tests."""

COUNTRIES: dict[str, tuple[str, str]] = {
    "Ukraine": ("UA", "Europe/Kyiv"),
    "Russia (Soviet Union)": ("RU", "Europe/Moscow"),
}
"""UCDP country names the reader knows: the ISO 3166-1 code and the zone of the local dates."""

_COUNTRY_NAMES = {code: name for name, (code, _) in COUNTRIES.items()}

SOURCE_ID = "src:ucdp"
"""The id of the coder, the Uppsala Conflict Data Program, in every report read."""

DATE_PRECISION: dict[int, Precision] = {
    1: Precision.DAY,
    2: Precision.WEEK,
    3: Precision.WEEK,
    4: Precision.MONTH,
    5: Precision.YEAR,
}
"""``date_prec`` as a window precision; the code itself travels in the window's label."""

_LABEL = re.compile(r"date_prec ([1-5])")
_DEATHS = (
    ("deaths_a", "c:deaths-a"),
    ("deaths_b", "c:deaths-b"),
    ("deaths_civilians", "c:deaths-civilians"),
    ("deaths_unknown", "c:deaths-unknown"),
)
_SEPARATOR = '";"'
_ARTICLE = re.compile(r"(.*?),(\d{4}-\d{2}-\d{2}),(.*)", re.DOTALL)


def _int(row: dict[str, str], name: str) -> int:
    text = row[name]
    if not text.isascii() or not text.isdigit():
        raise RowError(name, f"{name} is not a whole number >= 0: {text!r}")
    return int(text)


def _date(row: dict[str, str], name: str) -> date:
    try:
        return date.fromisoformat(row[name])
    except ValueError:
        raise RowError(name, f"{name} is not a date YYYY-MM-DD: {row[name]!r}") from None


def _degrees(row: dict[str, str], name: str) -> float:
    try:
        value = float(row[name])
    except ValueError:
        raise RowError(name, f"{name} is not a number: {row[name]!r}") from None
    return value


def _articles(text: str) -> list[tuple[str, str, str]]:
    if not text:
        return []
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise RowError(
            "source_article", f"source_article is not '\"outlet,date,headline\";...': {text!r}"
        )
    out = []
    for item in text[1:-1].split(_SEPARATOR):
        m = _ARTICLE.fullmatch(item)
        if m is None or not m[1]:
            raise RowError("source_article", f"an article is not 'outlet,date,headline': {item!r}")
        out.append((m[1], m[2], m[3]))
    return out


def _actor(new_id: str, name: str) -> Actor:
    kind = "state" if name.startswith("Government of") else "armed_group"
    return Actor(id=f"ucdp:actor-{slug(new_id) or 'x'}", name=name, kind=kind)


def _row_report(row: dict[str, str]) -> tuple[Report, list[tuple[str, str]]]:
    """The report of one row, and the (column, message) of what it kept only partly."""
    notes: list[tuple[str, str]] = []
    rid = row["id"]
    if not rid or rid != rid.strip():
        raise RowError("id", f"id is empty or padded: {rid!r}")
    if row["country"] not in COUNTRIES:
        known = ", ".join(COUNTRIES)
        raise RowError("country", f"country {row['country']!r} is not one of {known}")
    country, tz = COUNTRIES[row["country"]]
    best, low, high = _int(row, "best"), _int(row, "low"), _int(row, "high")
    if not low <= best <= high:
        raise RowError(
            "best",
            f"deaths are not low <= best <= high: low {low}, best {best}, high {high}",
        )
    deaths = [_int(row, name) for name, _ in _DEATHS]
    prec = _int(row, "date_prec")
    if prec not in DATE_PRECISION:
        raise RowError("date_prec", f"date_prec is not 1-5: {prec}")
    start, end = _date(row, "date_start"), _date(row, "date_end")
    if end < start:
        raise RowError("date_end", f"date_end {end} is before date_start {start}")
    where = _int(row, "where_prec")
    if not 1 <= where <= 7:
        raise RowError("where_prec", f"where_prec is not 1-7: {where}")
    lat, lon = _degrees(row, "latitude"), _degrees(row, "longitude")
    try:
        point = Point(lat=lat, lon=lon)
    except ModelError as exc:
        raise RowError("latitude", f"not a point: {exc}") from None
    articles = _articles(row["source_article"])
    for column, position in (("source_office", 0), ("source_date", 1), ("source_headline", 2)):
        given = ";".join(a[position] for a in articles)
        if row[column] and row[column].strip() != given.strip():  # the cell may be trimmed
            notes.append((column, f"{column} differs from source_article's; kept {given!r}"))

    regions: list[Region] = []
    parent = country
    for level, kind in (("adm_1", "subdivision"), ("adm_2", "district")):
        name = row[level]
        if not name:
            continue
        region_id = f"ucdp:{level.replace('_', '')}-{slug(name) or rid}"
        if level == "adm_2":
            region_id += f".{slug(row['adm_1']) or rid}"
        regions.append(Region(id=region_id, name=name, kind=kind, country=country, parent=parent))
        parent = region_id
    place_name = row["where_coordinates"]
    if not place_name:
        raise RowError("where_coordinates", "where_coordinates is empty: the place has no name")
    place = Region(
        id=f"ucdp:{slug(rid) or 'x'}",
        name=place_name,
        kind="other",
        country=country,
        parent=parent,
        point=point,
    )
    regions.append(place)

    actors = [_actor(row["side_a_new_id"], row["side_a"])] if row["side_a"] else []
    if row["side_b"]:
        actors.append(_actor(row["side_b_new_id"], row["side_b"]))
    window = days(start, end, tz, DATE_PRECISION[prec], f"date_prec {prec}")
    parts = tuple(
        Claim(
            id=cid, kind="casualties", counted="person", quantity=Quantity.exact(n), grain="event"
        )
        for (_, cid), n in zip(_DEATHS, deaths, strict=True)
    )
    claim = Claim(
        id=row["relid"] or "c:event",
        kind="casualties",
        counted="person",
        quantity=Quantity.between(low, high, value=best),
        grain="event",
        actor=actors[0].id if actors else None,
        other_actors=tuple(a.id for a in actors[1:]),
        regions=(place.id,),
        place_precision=PlacePrecision.from_ucdp(where),
        window=window,
        parts=parts,
        coverage="complete",
        note=row["where_description"] or None,
    )
    sources = [Source(id=SOURCE_ID, name="Uppsala Conflict Data Program", kind="monitor")]
    office_ids: dict[str, str] = {}
    if row["source_original"]:
        sources.append(Source(id="src:original", name=row["source_original"], kind="other"))
    article_statements = []
    for i, (office, day, headline) in enumerate(articles, start=1):
        if office not in office_ids:
            office_ids[office] = f"src:outlet-{len(office_ids) + 1}"
            sources.append(Source(id=office_ids[office], name=office, kind="outlet"))
        article_statements.append(
            Statement(
                id=f"st:ucdp-{rid}-article-{i}",
                source=office_ids[office],
                kind="report",
                issued=days(date.fromisoformat(day), date.fromisoformat(day), tz),
                summary=headline or None,
            )
        )
    coded = Statement(
        id=f"st:ucdp-{rid}",
        source=SOURCE_ID,
        kind="report",
        claims=(claim,),
        about=tuple(s.id for s in article_statements),
        via=tuple(s.id for s in sources[1:]),
    )
    report = Report(
        id=f"ucdp:{rid}",
        publisher=SOURCE_ID,
        sources=tuple(sources),
        actors=tuple(actors),
        regions=tuple(regions),
        statements=(coded, *article_statements),
    )
    return report, notes


def read(path: Path, imp: Import) -> Iterator[Report | ImportProblem]:
    """Read a UCDP GED CSV (UTF-8 or Windows-1252, detected and noted) for :func:`formats.read`."""
    header, rows = csv_rows(path, imp, MAPPED)
    unmapped = [c for c in header if c not in MAPPED and c not in DERIVED]
    if unmapped:
        imp.notes.append("columns not represented: " + ", ".join(unmapped))
    return _read(rows)


def _read(rows: Iterator[Row | ImportProblem]) -> Iterator[Report | ImportProblem]:
    for row in rows:
        if not isinstance(row, Row):
            yield row
            continue
        try:
            report, notes = _row_report(row.values)
        except RowError as bad:
            raw = {k: row.values[k] for k in ("id", bad.field) if k in row.values}
            if bad.field == "best":
                raw |= {k: row.values[k] for k in ("low", "best", "high")}
            yield problem(row.record, row.line, bad.field, raw, bad.message, represented=False)
            continue
        except ModelError as exc:
            yield problem(
                row.record, row.line, "", {"id": row.values["id"]}, str(exc), represented=False
            )
            continue
        for column, message in notes:
            yield problem(row.record, row.line, column, {column: row.values[column]}, message)
        yield report


def read_file(path: Path) -> list[Report]:
    """Every report of a UCDP GED CSV, raising :class:`FormatError` at the first problem."""
    return read_strict("ucdp-ged", read, path)


# -- writing ----------------------------------------------------------------------------------


def _fail(report: Report, message: str) -> FormatError:
    return FormatError(f"report {report.id!r} cannot be written as a UCDP GED row: {message}")


def _row_of(report: Report) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    coded = next((s for s in report.statements if s.source == SOURCE_ID and s.claims), None)
    if coded is None or len(coded.claims) != 1:
        raise _fail(report, f"it needs one statement of {SOURCE_ID!r} with one claim")
    claim = coded.claims[0]
    q, w = claim.quantity, claim.window
    if claim.kind.value != "casualties" or q is None or w is None:
        raise _fail(report, "its claim needs to be casualties with a quantity and a window")
    low, high = q.bounds
    if q.value is None or high is None:
        raise _fail(report, "its quantity needs a value and an upper bound")
    regions = {r.id: r for r in report.regions}
    if len(claim.regions) != 1 or claim.regions[0] not in regions:
        raise _fail(report, "its claim needs one place defined in the report")
    place = regions[claim.regions[0]]
    if place.point is None or place.country not in _COUNTRY_NAMES:
        raise _fail(report, "its place needs a point and a country the format knows")
    actors = {a.id: a for a in report.actors}
    sources = {s.id: s for s in report.sources}
    rid = report.id.removeprefix("ucdp:")
    row |= {
        "id": rid,
        "relid": "" if claim.id == "c:event" else claim.id,
        "best": str(q.value),
        "low": str(low),
        "high": str(high),
        "country": _COUNTRY_NAMES[place.country],
        "where_coordinates": place.name,
        "where_description": claim.note or "",
        "latitude": repr(place.point.lat),
        "longitude": repr(place.point.lon),
        "geom_wkt": f"POINT ({place.point.lon!r} {place.point.lat!r})",
        "where_prec": "" if claim.place_precision is None else str(claim.place_precision.ucdp),
    }
    parent = place.parent
    while parent in regions:
        level = regions[parent]
        row["adm_2" if level.kind.value == "district" else "adm_1"] = level.name
        parent = level.parent
    m = _LABEL.fullmatch(w.label or "")
    prec = int(m[1]) if m else next(k for k, v in DATE_PRECISION.items() if v is w.precision)
    start, end = w.local_start, w.local_end
    row |= {
        "date_prec": str(prec),
        "date_start": start.date().isoformat(),
        "date_end": (end - timedelta(days=1)).date().isoformat(),
        "year": str(start.year),
    }
    parts = {p.id: p for p in claim.parts}
    for column, cid in _DEATHS:
        part = parts.get(cid)
        if part is not None and part.quantity is not None and part.quantity.value is not None:
            row[column] = str(part.quantity.value)
    for side, actor_id in zip(
        ("side_a", "side_b"), (claim.actor, *claim.other_actors), strict=False
    ):
        if actor_id in actors:
            row[side] = actors[actor_id].name
            row[f"{side}_new_id"] = actor_id.removeprefix("ucdp:actor-")
    if "src:original" in sources:
        row["source_original"] = sources["src:original"].name
    by_id = {s.id: s for s in report.statements}
    articles = [by_id[i] for i in coded.about if i in by_id]
    cells = []
    for s in articles:
        office = sources[s.source].name if s.source in sources else s.source
        day = s.issued.local_start.date().isoformat() if s.issued else ""
        cells.append((office, day, s.summary or ""))
    items = [",".join(c) for c in cells]
    if any(_SEPARATOR in item for item in items):
        raise _fail(report, f"an article's text holds the separator {_SEPARATOR}")
    row |= {
        "source_article": '"' + _SEPARATOR.join(items) + '"' if cells else "",
        "source_office": ";".join(c[0] for c in cells),
        "source_date": ";".join(c[1] for c in cells),
        "source_headline": ";".join(c[2] for c in cells),
        "number_of_sources": str(len(cells)),
    }
    return row


def write(reports: Iterable[Report], path: Path) -> int:
    """Write reports of the shape :func:`read` makes as UCDP GED rows; return the row count.

    A report of another shape raises :class:`FormatError` naming it and what it lacks.
    """
    return write_rows(path, COLUMNS, (_row_of(r) for r in reports))
