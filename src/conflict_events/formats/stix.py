"""The ``"stix"`` writer: a STIX 2.1 bundle of sources, statements and claims.

STIX has no object for a claim of fact, so the mapping is (see the format's page in the docs):

- each source of a report: an ``identity`` (``individual`` for an individual, ``unknown`` for
  a source id the report uses but does not define, else ``organization``);
- each report: a ``grouping`` (context ``unspecified``) of its statements and identities;
- each statement: a ``report`` (``report_types`` its kind, ``published`` its issue time) when
  a time is known from the data, else a ``note``; its ``object_refs`` are its claims' notes
  and its source's identity;
- each claim (nested parts included): a ``note`` whose ``content`` says the claim in words and
  whose ``object_refs`` are its statement's object and its parts' notes.

Every object also carries our own fields exactly, in the wire format's form, under the property
extension :data:`EXTENSION_ID` (defined in the bundle by an ``extension-definition``).

Exports are reproducible: ids are UUIDv5 in :data:`NAMESPACE` of the report's place in the
export, its id and the object's path in it (``statements[0].claims[1]``), and
``created``/``modified`` come from the data: the statement's issue time, else the report's
publication (a date as 00:00 UTC), else :data:`NO_TIME`. The clock is never read.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

from conflict_events.formats._output import atomic_text
from conflict_events.model import Claim, Report, SourceKind, Statement
from conflict_events.serialize import to_dict

__all__ = ["EXTENSION_ID", "NAMESPACE", "NO_TIME", "objects", "stix_id", "write"]

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "conflict-events:stix-2.1")
"""The UUIDv5 namespace of every id this writer makes."""

NO_TIME = "1970-01-01T00:00:00.000Z"
"""The ``created``/``modified`` of objects whose data gives no time at all."""

DEFINED = "2025-01-01T00:00:00.000Z"
"""The ``created``/``modified`` of the extension's own definition (fixed with its version)."""

SPEC = "2.1"


def stix_id(kind: str, *key: str) -> str:
    """The STIX id of a ``kind`` of object for a key of our ids: the same key, the same id.

    >>> stix_id("note", "rep:1", "statements[0].claims[0]") == stix_id(
    ...     "note", "rep:1", "statements[0].claims[0]")
    True
    >>> stix_id("identity", "conflict_events")
    'identity--...'
    """
    return f"{kind}--{uuid.uuid5(NAMESPACE, chr(31).join((kind, *key)))}"


LIBRARY_ID = stix_id("identity", "conflict_events")
EXTENSION_ID = stix_id("extension-definition", "conflict_events", "1.0.0")
"""The property extension under which every object carries our own fields."""


def _stamp(moment: datetime) -> str:
    utc = moment.astimezone(timezone.utc)
    fraction = (
        f"{utc.microsecond // 1000:03d}"
        if utc.microsecond % 1000 == 0
        else f"{utc.microsecond:06d}"
    )
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{fraction}Z"


def _report_time(report: Report) -> str | None:
    published = report.published
    if published is None:
        return None
    if isinstance(published, datetime):
        return _stamp(published)
    assert isinstance(published, date)  # noqa: S101 - the model allows a date or a datetime
    return _stamp(datetime.combine(published, time(0), tzinfo=timezone.utc))


def _ext(name: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {EXTENSION_ID: {"extension_type": "property-extension", name: fields}}


def _common(kind: str, sid: str, when: str) -> dict[str, Any]:
    return {"type": kind, "spec_version": SPEC, "id": sid, "created": when, "modified": when}


def _definitions() -> list[dict[str, Any]]:
    return [
        {
            **_common("identity", LIBRARY_ID, DEFINED),
            "name": "conflict_events",
            "identity_class": "system",
        },
        {
            **_common("extension-definition", EXTENSION_ID, DEFINED),
            "created_by_ref": LIBRARY_ID,
            "name": "conflict_events fields",
            "description": "The conflict_events wire-format fields of a report, statement, "
            "source or claim, under the key 'report', 'statement', 'source' or 'claim'.",
            "schema": "The value under each key is the object's conflict_events wire-format "
            "dict (schema_version 2), without the members the bundle carries as their own "
            "objects: a report without statements, a statement without claims, a claim "
            "without parts.",
            "version": "1.0.0",
            "extension_types": ["property-extension"],
        },
    ]


def _claim_text(claim: Claim) -> str:
    words = [claim.modality.value, claim.kind.value]
    if claim.quantity is not None:
        words.append(str(claim.quantity))
    if claim.counted is not None:
        words.append(claim.counted.value)
    if claim.outcome is not None:
        words.append(f"({claim.outcome.value})")
    for label, ids in (("in", claim.regions), ("from", claim.origins), ("at", claim.targets)):
        if ids:
            words.append(f"{label} {', '.join(ids)}")
    if claim.window is not None:
        words.append(f"during {claim.window}")
    return " ".join(words)


def _without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


def _statement_id(key: str, i: int, when: str | None) -> str:
    return stix_id("report" if when is not None else "note", key, f"statements[{i}]")


def _statement_objects(
    key: str, i: int, statement: Statement, when: str | None, author: str
) -> Iterator[dict[str, Any]]:
    path = f"statements[{i}]"
    kind = "report" if when is not None else "note"
    sid = _statement_id(key, i, when)
    stamp = when if when is not None else NO_TIME
    tops: list[str] = []
    for j, top in enumerate(statement.claims):
        stack: list[tuple[str, Claim]] = [(f"{path}.claims[{j}]", top)]
        tops.append(stix_id("note", key, stack[0][0]))
        while stack:
            at, claim = stack.pop()
            parts = [(f"{at}.parts[{k}]", p) for k, p in enumerate(claim.parts)]
            yield {
                **_common("note", stix_id("note", key, at), stamp),
                "created_by_ref": author,
                "abstract": claim.quote if claim.quote is not None else f"claim {claim.id}",
                "content": _claim_text(claim),
                "object_refs": [sid, *(stix_id("note", key, p) for p, _ in parts)],
                "extensions": _ext("claim", _without(to_dict(claim), "parts")),
            }
            stack.extend(reversed(parts))
    words = statement.summary or statement.quote or f"{statement.kind.value} {statement.id}"
    obj: dict[str, Any] = {
        **_common(kind, sid, stamp),
        "created_by_ref": author,
        "object_refs": tops or [author],
    }
    if kind == "report":
        obj.update(name=words, published=stamp, report_types=[statement.kind.value])
        if statement.quote is not None:
            obj["description"] = statement.quote
    else:
        obj.update(abstract=f"{statement.kind.value} {statement.id}", content=words)
    if statement.language is not None:
        obj["lang"] = statement.language
    if statement.url is not None:
        obj["external_references"] = [{"source_name": "statement", "url": statement.url}]
    obj["extensions"] = _ext("statement", _without(to_dict(statement), "claims"))
    yield obj


def _report_objects(n: int, report: Report) -> Iterator[dict[str, Any]]:
    key = f"{n}/{report.id}"  # its place in the export, so two reports of one id stay apart
    published = _report_time(report)
    stamp = published if published is not None else NO_TIME
    authors: dict[str, str] = {}
    refs: list[str] = []
    for i, source in enumerate(report.sources):
        sid = stix_id("identity", key, f"sources[{i}]")
        authors.setdefault(source.id, sid)
        refs.append(sid)
        yield {
            **_common("identity", sid, stamp),
            "name": source.name,
            "identity_class": "individual"
            if source.kind is SourceKind.INDIVIDUAL
            else "organization",
            "extensions": _ext("source", to_dict(source)),
        }
    for statement in report.statements:
        if statement.source not in authors:
            sid = stix_id("identity", key, "source", statement.source)
            authors[statement.source] = sid
            refs.append(sid)
            yield {
                **_common("identity", sid, stamp),
                "name": statement.source,
                "identity_class": "unknown",
            }
    for i, statement in enumerate(report.statements):
        issued = statement.issued
        when = _stamp(issued.start) if issued is not None else published
        refs.append(_statement_id(key, i, when))
        yield from _statement_objects(key, i, statement, when, authors[statement.source])
    grouping: dict[str, Any] = {
        **_common("grouping", stix_id("grouping", key), stamp),
        "created_by_ref": LIBRARY_ID,
        "name": report.title or report.id,
        "context": "unspecified",
        "object_refs": refs or [LIBRARY_ID],
    }
    if report.url is not None:
        grouping["external_references"] = [{"source_name": "report", "url": report.url}]
    grouping["extensions"] = _ext("report", _without(to_dict(report), "statements"))
    yield grouping


def objects(reports: Iterable[Report]) -> Iterator[dict[str, Any]]:
    """The STIX objects of ``reports``: the extension's definition first, then each report's.

    >>> from conflict_events import Claim, Source, Statement
    >>> report = Report(id="r", sources=(Source(id="src:x", name="X", kind="ministry"),),
    ...     statements=(Statement(id="s", source="src:x", kind="bulletin",
    ...         claims=(Claim(id="c", kind="interception"),)),))
    >>> [o["type"] for o in objects([report])]
    ['identity', 'extension-definition', 'identity', 'note', 'note', 'grouping']
    """
    yield from _definitions()
    for n, report in enumerate(reports):
        if not isinstance(report, Report):
            raise TypeError(f"expected a Report, got {type(report).__name__}")
        yield from _report_objects(n, report)


def write(reports: Iterable[Report], path: Path) -> int:
    """Write ``reports`` to ``path`` as one STIX 2.1 bundle; return the number of objects.

    The file is written whole or not at all; the bundle's id is a UUIDv5 of its contents.

    >>> import json, tempfile
    >>> target = Path(tempfile.mkdtemp()) / "bundle.json"
    >>> write([], target), json.loads(target.read_text(encoding="utf-8"))["type"]
    (2, 'bundle')
    """
    digest = hashlib.sha256()
    count = 0
    with atomic_text(Path(path)) as out:
        out.write('{"type": "bundle", "objects": [')
        for obj in objects(reports):
            text = json.dumps(obj, ensure_ascii=False, allow_nan=False)
            digest.update(text.encode())
            out.write(",\n" if count else "\n")
            out.write(text)
            count += 1
        bundle = f"bundle--{uuid.uuid5(NAMESPACE, digest.hexdigest())}"
        out.write(f'\n], "id": "{bundle}"}}\n')
    return count
