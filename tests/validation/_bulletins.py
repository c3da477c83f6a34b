"""A test-side encoder: the annotated bulletins of ``../shared/data`` as reports.

Each record becomes one :class:`~conflict_events.Report` holding one bulletin statement with
one total claim and its parts. The mapping from the annotation's vocabulary to the model's is
explicit here, so a reader can check it against ``../shared/data/README.md``:

- the regions as the bulletin writes them (in its own language) -> region ids, by the gazetteer;
- ``distribution``: ``single`` -> none, ``each`` -> ``each``, ``group_total`` -> ``total``,
  ``unclear`` -> ``unknown``;
- ``completeness``: ``complete`` -> ``complete``, ``partial`` and ``remainder_unallocated``
  -> ``partial``, ``unclear`` -> ``unknown``;
- ``nested_parts`` -> nested part claims, their parent's coverage ``partial`` ("including");
- ``tricky`` ``region_count_stated:N`` -> ``region_count=N``;
- ``retelling_of`` -> ``Statement.retells``; ``window`` -> the claim's window in MSK.

When the record says the text attaches the window to the bulletin's *release*
(``window_misattributed:release_time``), the statement's ``issued`` is that window, as the
retelling states it. The Russian MoD's own posting times of the two anchor bulletins are in
the data README and become ``issued`` instants.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from conflict_events import (
    Claim,
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Quantity,
    Region,
    RegionKind,
    Report,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    TimeWindow,
)
from conflict_events.reference import gazetteer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
BULLETINS = DATA / "bulletins" / "bulletins-dev.jsonl"
MSK = "Europe/Moscow"

SEAS = (
    Region(id="sea:azov", name="Sea of Azov", kind=RegionKind.SEA),
    Region(id="sea:black", name="Black Sea", kind=RegionKind.SEA),
)
"""The custom ids the bulletins need, defined in each report's own table."""

DISTRIBUTIONS: dict[str, Distribution | None] = {
    "single": None,
    "each": Distribution.EACH,
    "group_total": Distribution.TOTAL,
    "unclear": Distribution.UNKNOWN,
}

COVERAGES: dict[str, Coverage] = {
    "complete": Coverage.COMPLETE,
    "partial": Coverage.PARTIAL,
    "remainder_unallocated": Coverage.PARTIAL,
    "unclear": Coverage.UNKNOWN,
}

ISSUED: dict[str, datetime] = {
    "b001": datetime(2025, 10, 31, 8, 12),
    "b015": datetime(2025, 10, 31, 23, 30),
}
"""When the Russian MoD posted the two anchor bulletins (MSK), from the data README."""

MOD = Source(id="src:ru-mod", name="Russian Ministry of Defence", kind=SourceKind.MINISTRY)


def records() -> list[dict[str, Any]]:
    """The annotated records, in file order."""
    with BULLETINS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _window(data: dict[str, str] | None) -> TimeWindow | None:
    if data is None:
        return None
    return TimeWindow(
        start=datetime.fromisoformat(data["start"]),
        end=datetime.fromisoformat(data["end"]),
        tz=MSK,
    )


def _quote(part: dict[str, Any], phrases: list[str]) -> str | None:
    """A key phrase of the record that names every region of the part as written."""
    for phrase in phrases:
        if all(name in phrase for name in part["regions"]):
            return phrase
    return None


def _part(record_id: str, path: str, part: dict[str, Any], phrases: list[str]) -> Claim:
    nested = tuple(
        _part(record_id, f"{path}.{i}", p, phrases) for i, p in enumerate(part["nested_parts"])
    )
    return Claim(
        id=f"c:{record_id}.{path}",
        kind=ClaimKind.INTERCEPTION,
        quantity=Quantity.exact(part["count"]),
        counted=Counted.UAV,
        regions=tuple(r.id for r in gazetteer.lookup_all(part["regions"])),
        distribution=DISTRIBUTIONS[part["distribution"]],
        parts=nested,
        coverage=Coverage.PARTIAL if nested else None,
        quote=_quote(part, phrases),
        note=part.get("note"),
    )


def _total(record: dict[str, Any]) -> Quantity | None:
    qualifier, total = record["total_qualifier"], record["total"]
    if total is None or qualifier == "not_stated":
        return None
    if qualifier == "about":
        return Quantity.about(total)
    if qualifier == "unknown":
        return Quantity.unknown()
    return Quantity.exact(total)


def _region_count(record: dict[str, Any]) -> int | None:
    for tag in record["tricky"]:
        match = re.fullmatch(r"region_count_stated:(\d+).*", tag)
        if match:
            return int(match.group(1))
    return None


def _issued(record: dict[str, Any], window: TimeWindow | None) -> TimeWindow | None:
    if "window_misattributed:release_time" in record["tricky"]:
        return window
    posted = ISSUED.get(record["id"])
    return None if posted is None else TimeWindow.at(posted, tz=MSK)


def encode(record: dict[str, Any]) -> Report:
    """One annotated record as a report: one bulletin, one total claim with its parts."""
    rid = record["id"]
    window = _window(record["window"])
    phrases = list(record.get("key_phrases", []))
    claim = Claim(
        id=f"c:{rid}",
        kind=ClaimKind.INTERCEPTION,
        quantity=_total(record),
        counted=Counted.UAV,
        window=window,
        parts=tuple(_part(rid, str(i), p, phrases) for i, p in enumerate(record["parts"])),
        coverage=COVERAGES[record["completeness"]],
        region_count=_region_count(record),
        note=record.get("note"),
    )
    outlet = Source(id=f"src:{_slug(record['outlet'])}", name=record["outlet"], kind="outlet")
    retells = record["retelling_of"]
    statement = Statement(
        id=f"st:{rid}",
        source=MOD.id,
        kind=StatementKind.REPORT if retells else StatementKind.BULLETIN,
        issued=_issued(record, window),
        claims=(claim,),
        via=(outlet.id,),
        retells=f"st:{retells}" if retells else None,
        language=record["language"],
    )
    published = record["published"]
    return Report(
        id=f"rep:{rid}",
        url=record["url"],
        published=date.fromisoformat(published) if published else None,
        publisher=outlet.id,
        language=record["language"],
        sources=(MOD, outlet),
        regions=SEAS,
        statements=(statement,),
    )


VERDICTS = ("yes", "no", "only_if_each", "only_if_group_total", "n/a")


def verdict(codes: set[str], claim: Claim) -> str:
    """The arithmetic verdict the findings on a total claim give, in the annotation's words.

    - ``no``: CE201 (a complete breakdown that adds up under no reading) or CE202 (parts
      exceeding the total);
    - ``only_if_each``: CE204 (reconciles only with grouped counts read per region);
    - ``only_if_group_total``: CE205 (reconciles only with grouped counts read per group);
    - ``n/a``: none of those, and the breakdown is not stated complete (partial or unknown
      coverage: the parts need not add up, so there is nothing to reconcile);
    - ``yes``: none of those, and the breakdown is complete (its parts add up).
    """
    if codes & {"CE201", "CE202"}:
        return "no"
    if "CE204" in codes:
        return "only_if_each"
    if "CE205" in codes:
        return "only_if_group_total"
    if claim.coverage is not Coverage.COMPLETE:
        return "n/a"
    return "yes"
