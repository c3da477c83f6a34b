"""The STIX writer: a STIX 2.1 bundle the ``stix2`` package parses, reproducible to the byte."""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events import Claim, Quantity, Report, Source, Statement, TimeWindow
from conflict_events.formats import stix, write
from conflict_events.testing import strategies as ces

stix2 = pytest.importorskip("stix2", reason="stix2 (in the test extra) is not installed")


def _bundle(reports: list[Report], folder: Path) -> tuple[int, str]:
    target = folder / "bundle.json"
    count = write(reports, target, format="stix")
    return count, target.read_text(encoding="utf-8")


def _report(**fields: Any) -> Report:
    window = TimeWindow.parse("2025-10-31 20:00 - 23:00", tz="Europe/Moscow")
    part = Claim(id="c:bel", kind="interception", quantity=Quantity.exact(34), regions=("RU-BEL",))
    claim = Claim(
        id="c:total",
        kind="interception",
        quantity=Quantity.exact(38),
        counted="uav",
        window=window,
        parts=(part,),
        quote="38 drones",
    )
    statement = Statement(
        id="st:1",
        source="src:ru-mod",
        kind="bulletin",
        issued=TimeWindow.at(datetime(2025, 10, 31, 23, 30), tz="Europe/Moscow"),
        claims=(claim,),
        language="ru",
        url="https://example.org/post/1",
    )
    orphan = Statement(id="st:2", source="src:unnamed", kind="denial")
    return Report(
        id="rep:1",
        sources=(Source(id="src:ru-mod", name="Russian MoD", kind="ministry"),),
        statements=(statement, orphan),
        **fields,
    )


def test_the_bundle_passes_the_stix2_parser_with_the_documented_mapping(tmp_path: Path) -> None:
    """Sources are identities, statements reports or notes, claims notes that link their parts."""
    count, text = _bundle([_report(published=date(2025, 11, 1))], tmp_path)
    bundle = stix2.parse(text, allow_custom=False)
    objs = {o.id: o for o in bundle.objects}
    assert count == len(bundle.objects) == 9
    types = [o.type for o in bundle.objects]
    assert types.count("identity") == 3  # the library, the defined source, the unnamed one
    assert types.count("note") == 2
    assert types.count("report") == 2
    by_ext = {
        next(k for k in o.extensions[stix.EXTENSION_ID] if k != "extension_type"): o
        for o in bundle.objects
        if getattr(o, "extensions", None)
    }
    assert set(by_ext) == {"source", "statement", "claim", "report"}
    statement = next(o for o in bundle.objects if o.type == "report" and o.name != "denial st:2")
    assert statement.published == datetime(2025, 10, 31, 20, 30, tzinfo=timezone.utc)
    assert statement.report_types == ["bulletin"]
    total = objs[statement.object_refs[0]]
    assert total.content.startswith("asserted interception 38 uav")
    assert total.extensions[stix.EXTENSION_ID]["claim"]["id"] == "c:total"
    assert "parts" not in total.extensions[stix.EXTENSION_ID]["claim"]
    assert total.object_refs[0] == statement.id
    part = objs[total.object_refs[1]]
    assert part.extensions[stix.EXTENSION_ID]["claim"]["regions"] == ["RU-BEL"]
    assert objs[statement.created_by_ref].name == "Russian MoD"
    orphan = next(o for o in bundle.objects if o.type == "report" and o.id != statement.id)
    assert orphan.published == datetime(2025, 11, 1, tzinfo=timezone.utc)  # the report's date
    assert objs[orphan.created_by_ref].identity_class == "unknown"


def test_without_any_time_a_statement_is_a_note_dated_from_the_epoch(tmp_path: Path) -> None:
    """No issue time and no publication: a ``note`` with the fixed :data:`NO_TIME`, no clock."""
    report = Report(id="r", statements=(Statement(id="s", source="src:x", kind="threat"),))
    _, text = _bundle([report], tmp_path)
    bundle = stix2.parse(text, allow_custom=False)
    note = next(o for o in bundle.objects if o.type == "note")
    assert note.created == datetime(1970, 1, 1, tzinfo=timezone.utc)
    assert note.content == "threat s"


def test_exports_are_reproducible(tmp_path: Path) -> None:
    """The same reports give the same bytes: ids are UUIDv5 of our ids, times from the data."""
    first = _bundle([_report()], tmp_path)[1]
    second = _bundle([_report()], tmp_path)[1]
    assert first == second
    assert json.loads(first)["id"] != json.loads(_bundle([_report(title="t")], tmp_path)[1])["id"]


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    """Something that is not a report: an error, and no half-written bundle."""
    with pytest.raises(TypeError, match="expected a Report"):
        stix.write([_report(), 1], tmp_path / "b.json")  # type: ignore[list-item]
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=25)
@given(st.lists(ces.reports(), max_size=3))
def test_any_reports_give_a_bundle_with_one_object_per_source_statement_and_claim(
    reports: list[Report],
) -> None:
    """Property: the bundle parses; one object per source, statement and claim (+ groupings)."""
    with tempfile.TemporaryDirectory() as folder:
        count, text = _bundle(reports, Path(folder))
    bundle = stix2.parse(text, allow_custom=False)
    assert count == len(bundle.objects) == len({o.id for o in bundle.objects})
    unnamed = sum(
        len({s.source for s in r.statements} - {s.id for s in r.sources}) for r in reports
    )
    expected = 2 + sum(1 + len(r.sources) + len(r.statements) + len(r.claims()) for r in reports)
    assert count == expected + unnamed
    notes = [o for o in bundle.objects if o.type in ("note", "report")]
    claims = [o for o in notes if "claim" in o.extensions[stix.EXTENSION_ID]]
    assert sorted(o.extensions[stix.EXTENSION_ID]["claim"]["id"] for o in claims) == sorted(
        c.id for r in reports for _, c in r.claims()
    )
