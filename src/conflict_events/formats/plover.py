"""PLOVER coded events: a JSON array of records (event, mode, context, actors, text).

One report per event record. The coded event is one claim: its id is the PLOVER event code as
written (``AGREE``: the model has no field of its own for a coding's event type yet, and an id
travels losslessly), ``kind`` the nearest :class:`~conflict_events.ClaimKind`, ``event_mode``
the mode, ``context`` the contexts, ``quote`` the event text; the source actors are ``actor``
and ``other_actors``, the target actors ``target_party`` and ``other_target_parties``. The
``DOCUMENT`` pseudo-record documents the file (its licence): it is counted, noted in
``Import.notes`` and gives no report. The mapping table is in ``docs/formats-plover.md``.

>>> import json, tempfile
>>> record = {"id": "X-1", "event": "ASSAULT", "mode": "aerial", "context": "military",
...           "source": [{"actorText": "A", "code": "AAA", "sector": "MIL"}],
...           "target": [{"actorText": "B", "code": "BBB"}], "text": "A struck B."}
>>> with tempfile.TemporaryDirectory() as d:
...     path = Path(d, "p.json")
...     _ = path.write_text(json.dumps([record]), encoding="utf-8")
...     claim = read_file(path)[0].statements[0].claims[0]
>>> claim.id, claim.kind.value, claim.event_mode, claim.context
('ASSAULT', 'attack', 'aerial', ('military',))
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from conflict_events.errors import ModelError
from conflict_events.formats._core import FormatError, Import, ImportProblem, problem, read_strict
from conflict_events.formats._csv import RowError
from conflict_events.model import Actor, Claim, Quantity, Region, Report, Source, Statement

__all__ = ["EVENT_KINDS", "PLACEHOLDER_DATE", "event_of", "read", "read_file"]

EVENT_KINDS: dict[str, str] = {
    "ASSAULT": "attack",
    "FIGHT": "attack",
    "COERCE": "other",
}
"""PLOVER events with a nearer claim kind than ``other``; every other event is ``other``."""

PLACEHOLDER_DATE = "2000-01-01"
"""The date PLOVER's gold-standard records carry when the event's date is not coded."""

SECTOR_KINDS: dict[str, str] = {"GOV": "state", "MIL": "armed_forces", "REB": "armed_group"}
"""Actor sectors with a matching :class:`~conflict_events.ActorKind`; others are ``other``."""

NOT_MAPPED = ("textInfo", "version", "dateCoded", "size", "injured", "date")
"""Keys the reader does not represent (each met is listed once in ``Import.notes``)."""


def event_of(report: Report) -> str:
    """The PLOVER event code of a report :func:`read` made.

    >>> event_of(Report(id="r", statements=(Statement(id="s", source="x", kind="report",
    ...     claims=(Claim(id="AGREE", kind="other"),)),)))
    'AGREE'
    """
    return report.statements[0].claims[0].id


def _text(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RowError(key, f"{key} is not a string: {value!r}")
    return value


def _actors(
    record: dict[str, object], key: str, role: str, kept: list[tuple[str, str]]
) -> list[Actor]:
    value = record.get(key)
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        kept.append((key, f"{key} is not a list of actors: {value!r}; left out"))
        return []
    out = []
    for i, item in enumerate(value, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("actorText"), str):
            raise RowError(key, f"{key}[{i - 1}] is not an actor with actorText: {item!r}")
        code, sector = item.get("code"), item.get("sector")
        if not isinstance(code, str | None) or not isinstance(sector, str | None):
            raise RowError(key, f"{key}[{i - 1}] has a code or sector that is not text: {item!r}")
        extra = set(item) - {"actorText", "code", "sector"}
        if extra:
            raise RowError(
                key, f"{key}[{i - 1}] has keys the reader does not know: {sorted(extra)}"
            )
        name = item["actorText"]
        if name != name.strip():
            kept.append((key, f"{key}[{i - 1}] actorText {name!r} has surrounding spaces; trimmed"))
        out.append(
            Actor(
                id=f"plover:{role}{i}:{code or ''}:{sector or ''}",
                name=name.strip(),
                kind=SECTOR_KINDS.get(sector or "", "other"),
                party=code or None,
            )
        )
    return out


def _record_report(record: dict[str, object], kept: list[tuple[str, str]]) -> Report:
    rid, event = _text(record, "id"), _text(record, "event")
    if rid is None or event is None:
        raise RowError("id" if rid is None else "event", "a record needs an id and an event")
    sources = _actors(record, "source", "src", kept)
    targets = _actors(record, "target", "tar", kept)
    context_text = _text(record, "context")
    context = tuple(c.strip() for c in context_text.split(",")) if context_text else ()
    regions: list[Region] = []
    loc = record.get("eventLoc")
    if loc is not None:
        if not isinstance(loc, dict) or not isinstance(loc.get("name"), str):
            raise RowError("eventLoc", f"eventLoc is not a place with a name: {loc!r}")
        cc = loc.get("country code")
        regions.append(
            Region(
                id="plover:loc",
                name=loc["name"],
                kind="other",
                country=cc if isinstance(cc, str) and cc else None,
            )
        )
    dead_claims: tuple[Claim, ...] = ()
    dead = record.get("dead")
    if dead is not None:
        if not isinstance(dead, str | int) or not str(dead).isdigit():
            raise RowError("dead", f"dead is not a whole number: {dead!r}")
        dead_claims = (
            Claim(
                id="c:dead",
                kind="casualties",
                counted="person",
                quantity=Quantity.exact(int(dead)),
                grain="event",
                regions=tuple(r.id for r in regions),
            ),
        )
    claim = Claim(
        id=event,
        kind=EVENT_KINDS.get(event, "other"),
        grain="event",
        quote=_text(record, "eventText"),
        actor=sources[0].id if sources else None,
        other_actors=tuple(a.id for a in sources[1:]),
        target_party=targets[0].id if targets else None,
        other_target_parties=tuple(a.id for a in targets[1:]),
        event_mode=_text(record, "mode"),
        context=context,
        regions=tuple(r.id for r in regions),
        note=_text(record, "comment"),
    )
    coder = _text(record, "coder") or "PLOVER coder"
    publication = _text(record, "publication")
    report_sources = [Source(id="src:coder", name=coder, kind="monitor")]
    if publication:
        report_sources.append(Source(id="src:publication", name=publication, kind="outlet"))
    language = _text(record, "language")
    statement = Statement(
        id=f"st:{rid}",
        source="src:coder",
        kind="report",
        claims=(claim, *dead_claims),
        language=language,
        quote=_text(record, "text"),
    )
    return Report(
        id=f"plover:{rid}",
        publisher="src:publication" if publication else None,
        language=language,
        sources=tuple(report_sources),
        actors=(*sources, *targets),
        regions=tuple(regions),
        statements=(statement,),
    )


def _records(path: Path) -> Iterator[tuple[int, int, object]]:
    """Each record of the JSON array with its index and the line it starts on."""
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    i, n, line, seen = 0, len(text), 1, 0

    def skip(at: int) -> int:
        while at < n and text[at] in " \t\r\n":
            at += 1
        return at

    def fail(message: str, at: int) -> FormatError:
        return FormatError(message, path=str(path), line=text.count("\n", 0, at) + 1)

    i = skip(i)
    if i >= n or text[i] != "[":
        raise fail("not a JSON array of PLOVER records", i)
    i = skip(i + 1)
    if i < n and text[i] == "]":
        return
    while True:
        line += text.count("\n", seen, i)
        seen = i
        try:
            obj, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise fail(f"not JSON: {exc.msg}", exc.pos) from None
        yield line, i, obj
        i = skip(end)
        if i < n and text[i] == ",":
            i = skip(i + 1)
            continue
        if i < n and text[i] == "]":
            return
        raise fail("the array is not closed: expected ',' or ']' after a record", i)


def read(path: Path, imp: Import) -> Iterator[Report | ImportProblem]:
    """Read a PLOVER JSON array for :func:`formats.read`; a broken array fails with its line."""
    records = _records(path)
    first = next(records, None)  # a file that is not an array fails here, not mid-iteration
    return _read(path, imp, first, records)


def _read(
    path: Path,
    imp: Import,
    first: tuple[int, int, object] | None,
    records: Iterator[tuple[int, int, object]],
) -> Iterator[Report | ImportProblem]:
    unmapped: set[str] = set()
    seen: dict[str, int] = {}
    items = [first] if first is not None else []
    for number, (line, _, record) in enumerate(_chain(items, records)):
        imp.count_record()
        if not isinstance(record, dict):
            yield problem(
                number,
                line,
                "",
                {"record": repr(record)[:200]},
                "not a JSON object",
                represented=False,
            )
            continue
        if record.get("event") == "DOCUMENT":
            imp.notes.append(
                f"record {number} ({record.get('id')}) is a DOCUMENT record: "
                f"{record.get('license', '')} {record.get('copyright', '')}".strip()
            )
            continue
        for key in NOT_MAPPED:
            if (
                key in record
                and key not in unmapped
                and not (key == "date" and record[key] == PLACEHOLDER_DATE)
            ):
                unmapped.add(key)
                imp.notes.append(f"key not represented: {key}")
        kept: list[tuple[str, str]] = []
        try:
            report = _record_report(record, kept)
        except (RowError, ModelError) as exc:
            field = exc.field if isinstance(exc, RowError) else ""
            raw = {field: json.dumps(record.get(field), ensure_ascii=False)} if field else {}
            raw["id"] = str(record.get("id"))
            yield problem(number, line, field, raw, str(exc), represented=False)
            continue
        rid = str(record.get("id"))
        if rid in seen:
            kept.append(("id", f"the id is used already by record {seen[rid]}; kept as written"))
        seen.setdefault(rid, number)
        for field, message in kept:
            raw = {
                field: json.dumps(record.get(field), ensure_ascii=False),
                "id": str(record.get("id")),
            }
            yield problem(number, line, field, raw, message)
        yield report
    if "date" not in unmapped:
        imp.notes.append(f"dates are all the placeholder {PLACEHOLDER_DATE}: not represented")


def _chain(
    items: list[tuple[int, int, object]], rest: Iterator[tuple[int, int, object]]
) -> Iterator[tuple[int, int, object]]:
    yield from items
    yield from rest


def read_file(path: Path) -> list[Report]:
    """Every report of a PLOVER file, raising :class:`FormatError` at the first problem."""
    return read_strict("plover", read, path)
