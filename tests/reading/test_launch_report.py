"""The Ukrainian Air Force's launch reports, read as far as the model holds them."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conflict_events import Counted, read_bulletin, validate
from conflict_events.reading import ReadingKind

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ua_air_force"
POSTED = datetime(2025, 3, 2, 6, 0, tzinfo=timezone.utc)

REPORT = (
    "⚡️ ЗБИТО/ПОДАВЛЕНО 90 ВОРОЖИХ БПЛА\n"
    "У ніч на 2 березня противник атакував 120 ударними БпЛА типу Shahed та дронами-"
    "імітаторами із напрямків: Курськ, Орел.\n"
    "Станом на 08:30 протиповітряною обороною збито/подавлено 90 ворожих БпЛА.\n"
    "18 ворожих БпЛА – локаційно втрачені.\n"
    "Зафіксовано влучання на 7 локаціях."
)


def test_a_synthetic_launch_report() -> None:
    reading = read_bulletin(REPORT, posted=POSTED)
    assert reading.kind is ReadingKind.LAUNCH_REPORT
    statement = reading.statement
    assert statement is not None
    assert statement.language == "uk"
    launch, shot, lost = statement.claims
    assert (launch.kind.value, launch.quantity.value, launch.counted) == (  # type: ignore[union-attr]
        "launch",
        120,
        Counted.UAV,
    )
    assert (launch.actor, launch.target_party) == ("act:ru-forces", "UA")
    assert launch.window is not None
    assert launch.window.label == "overnight"
    assert (shot.quantity.value, shot.note) == (  # type: ignore[union-attr]
        90,
        "destroyed or suppressed by electronic warfare",
    )
    assert (shot.actor, shot.target_party) == ("act:ua-air-defence", "RU")
    assert (lost.quantity.value, lost.note) == (18, "suppressed by electronic warfare")  # type: ignore[union-attr]
    marks = {(m.what, m.text, m.value) for m in reading.marks}
    assert ("origin", "Курськ", "RU-KRS") in marks
    assert ("locations", "7", "7") in marks
    assert ("attack", "90", "90") in marks  # the headline repeats the body's count
    assert reading.unread == ()


def test_a_count_said_again_as_the_whole_is_not_a_claim() -> None:
    text = (
        "Протягом дня противник атакував 40 ударними БпЛА. Із 40 БпЛА протиповітряною "
        "обороною збито 35 дронів."
    )
    statement = read_bulletin(text, posted=POSTED).statement
    assert statement is not None
    assert [c.quantity.value for c in statement.claims] == [40, 35]  # type: ignore[union-attr]


def test_the_real_reports_read_without_errors_of_the_reader() -> None:
    path = DATA / "posts-dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    launches = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        posted = datetime.fromisoformat(row["posted_utc"]) if row["posted_utc"] else POSTED
        reading = read_bulletin(row["text"], posted=posted)
        launches += reading.kind is ReadingKind.LAUNCH_REPORT
        for mark in reading.marks:
            assert row["text"][mark.span.start : mark.span.end] == mark.text
        if reading.statement is not None:
            errors = validate(reading.statement).errors
            # the one report whose lists do not add up says so in its own text
            assert not errors or row["id"] == "ua011", (row["id"], [str(f) for f in errors])
    assert launches >= 15
