"""PLOVER: every record read; event, mode and context survive the JSON wire round trip."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conflict_events import dumps, formats, loads
from conflict_events.formats import FormatError, plover
from conflict_events.model import Report

PLOVER = "plover/PLOVER_GSR_CAMEO.json"


def _write(path: Path, records: list[object]) -> Path:
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")
    return path


def test_every_real_record_is_read(real: Callable[[str], Path]) -> None:
    path = real(PLOVER)
    records = json.loads(path.read_text(encoding="utf-8"))
    imp = formats.read(path, format="plover")
    reports = imp.reports()
    assert imp.counts["records"] == len(records) == 323
    assert imp.complete
    assert imp.notes[0].startswith("record 0 (PLOVER-GSR01-DOCUMENT-0001) is a DOCUMENT record")
    events = [r for r in records if r["event"] != "DOCUMENT"]
    assert len(reports) == len(events)
    for record, report in zip(events, reports, strict=True):
        wire = loads(Report, dumps(report))
        assert wire == report
        claim = wire.statements[0].claims[0]
        assert plover.event_of(wire) == record["event"]
        assert claim.event_mode == (record.get("mode") or None)
        context = record.get("context") or ""
        assert ", ".join(claim.context) == context
        actors = {a.id: a.name for a in wire.actors}
        sources = [claim.actor, *claim.other_actors] if claim.actor else []
        assert [actors[a] for a in sources] == [
            s["actorText"].strip() for s in record.get("source") or []
        ]
        assert wire.statements[0].quote == record.get("text")
    for p in imp.problems:
        assert p.represented
        assert p.raw["id"] == records[p.record]["id"]


def test_a_record_of_the_wrong_shape_is_a_problem_with_its_number(tmp_path: Path) -> None:
    good = {"id": "A-1", "event": "AGREE", "source": [{"actorText": "X", "code": "XXX"}]}
    path = _write(
        tmp_path / "p.json",
        [
            good,
            "not a record",
            {"id": "A-2", "event": "AGREE", "source": [{"code": 1}]},
            {"id": "A-3", "event": "FIGHT", "dead": "many"},
            {"event": "AGREE"},
        ],
    )
    imp = formats.read(path, format="plover")
    assert [r.id for r in imp.reports()] == ["plover:A-1"]
    assert [(p.record, p.field, p.represented) for p in imp.problems] == [
        (1, "", False),
        (2, "source", False),
        (3, "dead", False),
        (4, "id", False),
    ]
    assert imp.problems[0].line == 12  # the line the string starts on, with indent=1


def test_places_deaths_and_comments_are_kept(tmp_path: Path) -> None:
    record = {
        "id": "F-1",
        "event": "FIGHT",
        "mode": "heavy-weapons",
        "context": "military, terrorism",
        "eventLoc": {"name": "A town", "country code": "UA"},
        "dead": "3",
        "comment": "c",
        "target": [
            {"actorText": "B", "code": "BBB", "sector": "MIL"},
            {"actorText": "C", "code": "CCC"},
        ],
    }
    [report] = formats.read(_write(tmp_path / "p.json", [record]), format="plover").reports()
    event, dead = report.statements[0].claims
    assert event.context == ("military", "terrorism")
    assert event.note == "c"
    assert event.regions == ("plover:loc",)
    assert [report.actors[i].name for i in (0, 1)] == ["B", "C"]
    assert event.target_party == report.actors[0].id
    assert event.other_target_parties == (report.actors[1].id,)
    assert dead.quantity is not None
    assert dead.quantity.value == 3


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[{"id": "A", "event": "AGREE"},\n{"id": "B",\n', 3),  # cut at the end
        ('{"id": "A"}', 1),
        ('[{"id": "A", "event": "AGREE"}\n{"id": "B"}]', 2),
    ],
)
def test_a_broken_file_is_one_error_with_the_line(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "p.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as info:
        formats.read(path, format="plover").reports()
    assert info.value.line == line


def test_an_empty_array_gives_nothing(tmp_path: Path) -> None:
    imp = formats.read(_write(tmp_path / "p.json", []), format="plover")
    assert imp.reports() == []
    assert imp.problems == []


def test_fields_of_the_wrong_type_are_problems_naming_the_field(tmp_path: Path) -> None:
    """A non-text field, a non-text actor code, an unknown actor key and a nameless place."""
    path = _write(
        tmp_path / "p.json",
        [
            {"id": "A-1", "event": 7},
            {"id": "A-2", "event": "AGREE", "source": [{"actorText": "X", "sector": 3}]},
            {"id": "A-3", "event": "AGREE", "target": [{"actorText": "X", "role": "y"}]},
            {"id": "A-4", "event": "AGREE", "eventLoc": {"country code": "UKR"}},
            {"id": "A-5", "event": "AGREE"},
        ],
    )
    imp = formats.read(path, format="plover")
    assert [r.id for r in imp.reports()] == ["plover:A-5"]
    assert [(p.record, p.field) for p in imp.problems] == [
        (0, "event"),
        (1, "source"),
        (2, "target"),
        (3, "eventLoc"),
    ]
    assert "event is not a string: 7" in imp.problems[0].message
    assert "code or sector that is not text" in imp.problems[1].message
    assert "keys the reader does not know: ['role']" in imp.problems[2].message
    assert "eventLoc is not a place with a name" in imp.problems[3].message
