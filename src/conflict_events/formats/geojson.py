"""The ``"geojson"`` writer: an RFC 7946 FeatureCollection, one feature per claim and place.

Each claim (nested parts included) gives one feature for every place it names: each of its
``regions`` (role ``region``), ``origins`` (role ``origin``) and ``targets`` (role ``target``).
A claim that names no place still gives one feature, with no region, so no claim is left out.
The geometry is a ``Point`` at ``[lon, lat]`` (WGS 84, as RFC 7946 orders it) when the
region has a :attr:`~conflict_events.Region.point`, looked up in the report's own regions and
then in the gazetteer; otherwise it is ``null``, which RFC 7946 allows for an unlocated feature.
Properties are flat (strings, numbers, booleans and nulls only): see :data:`PROPERTIES`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from conflict_events.errors import LookupFailed
from conflict_events.formats._output import atomic_text, report_claims
from conflict_events.model import Claim, Region, Report, Statement
from conflict_events.reference import GazetteerView, gazetteer

__all__ = ["PROPERTIES", "ROLES", "features", "write"]

ROLES: tuple[tuple[str, str], ...] = (
    ("regions", "region"),
    ("origins", "origin"),
    ("targets", "target"),
)
"""Each claim field that names places, and the role its places get in ``region_role``."""

PROPERTIES: tuple[str, ...] = (
    "report_id",
    "statement_id",
    "source",
    "claim_id",
    "parent_id",
    "kind",
    "modality",
    "grain",
    "outcome",
    "counted",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "window_start",
    "window_end",
    "window_tz",
    "region_id",
    "region_role",
    "region_name",
    "place_precision",
    "weapons",
    "actor",
    "target_party",
    "quote",
)
"""The properties of every feature, in order (a missing value is ``null``).

``weapons`` joins weapon ids with ``;``; ``window_start``/``window_end`` are ISO 8601 instants
with their UTC offset and ``window_tz`` the IANA zone; ``region_role`` is ``region``,
``origin`` or ``target`` (``null``, with ``region_id``, when the claim names no place).
"""


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _claim_properties(
    report: Report, statement: Statement, parent: str | None, c: Claim
) -> dict[str, Any]:
    q, w = c.quantity, c.window
    return {
        "report_id": report.id,
        "statement_id": statement.id,
        "source": statement.source,
        "claim_id": c.id,
        "parent_id": parent,
        "kind": c.kind.value,
        "modality": c.modality.value,
        "grain": c.grain.value,
        "outcome": None if c.outcome is None else c.outcome.value,
        "counted": None if c.counted is None else c.counted.value,
        "value": None if q is None else q.value,
        "low": None if q is None else q.low,
        "high": None if q is None else q.high,
        "qualifier": None if q is None else q.qualifier.value,
        "unit": None if q is None else q.unit,
        "window_start": None if w is None else _iso(w.start),
        "window_end": None if w is None else _iso(w.end),
        "window_tz": None if w is None else w.tz,
        "region_id": None,
        "region_role": None,
        "region_name": None,
        "place_precision": None if c.place_precision is None else c.place_precision.value,
        "weapons": ";".join(c.weapons) or None,
        "actor": c.actor,
        "target_party": c.target_party,
        "quote": c.quote,
    }


def _region(view: GazetteerView, region_id: str, seen: dict[str, Region | None]) -> Region | None:
    if region_id not in seen:
        try:
            seen[region_id] = view.get(region_id)
        except LookupFailed:
            seen[region_id] = None  # unknown to the report and the gazetteer: no geometry
    return seen[region_id]


def features(reports: Iterable[Report]) -> Iterator[dict[str, Any]]:
    """The GeoJSON features of ``reports``, one per claim and place, in report order.

    >>> from conflict_events import Claim, Point, Region, Statement
    >>> own = Region(id="town:chauda", name="Chauda", kind="settlement",
    ...              point=Point(lat=45.0, lon=35.8))
    >>> report = Report(id="r", regions=(own,), statements=(Statement(
    ...     id="s", source="src:x", kind="bulletin",
    ...     claims=(Claim(id="c", kind="strike", targets=("town:chauda",)),)),))
    >>> [(f["geometry"], f["properties"]["region_role"]) for f in features([report])]
    [({'type': 'Point', 'coordinates': [35.8, 45.0]}, 'target')]
    """
    current: Report | None = None
    view = gazetteer.with_regions(())
    seen: dict[str, Region | None] = {}
    for report, statement, parent, claim in report_claims(reports):
        if report is not current:
            current, view, seen = report, gazetteer.with_regions(report.regions), {}
        base = _claim_properties(report, statement, parent, claim)
        placed = False
        for field, role in ROLES:
            for region_id in getattr(claim, field):
                placed = True
                region = _region(view, region_id, seen)
                point = None if region is None else region.point
                properties = {
                    **base,
                    "region_id": region_id,
                    "region_role": role,
                    "region_name": None if region is None else region.name,
                }
                yield {
                    "type": "Feature",
                    "id": f"{report.id}/{claim.id}/{role}/{region_id}",
                    "geometry": None
                    if point is None
                    else {"type": "Point", "coordinates": [point.lon, point.lat]},
                    "properties": properties,
                }
        if not placed:
            yield {
                "type": "Feature",
                "id": f"{report.id}/{claim.id}",
                "geometry": None,
                "properties": base,
            }


def write(reports: Iterable[Report], path: Path) -> int:
    """Write ``reports`` to ``path`` as one GeoJSON FeatureCollection; return the feature count.

    The file is written whole or not at all; it is UTF-8 JSON with one feature a line.

    >>> import json, tempfile
    >>> target = Path(tempfile.mkdtemp()) / "claims.geojson"
    >>> write([Report(id="r")], target), json.loads(target.read_text(encoding="utf-8"))
    (0, {'type': 'FeatureCollection', 'features': []})
    """
    count = 0
    with atomic_text(Path(path)) as out:
        out.write('{"type": "FeatureCollection", "features": [')
        for feature in features(reports):
            out.write(",\n" if count else "\n")
            out.write(json.dumps(feature, ensure_ascii=False, allow_nan=False))
            count += 1
        out.write("\n]}\n" if count else "]}\n")
    return count
