"""ACLED: the codebook's columns read into event claims; write then read gives equal reports."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflict_events import formats
from conflict_events.formats import FormatError, acled
from conflict_events.formats._csv import write_rows
from conflict_events.model import PlacePrecision, Report

SYNTHETIC = Path(__file__).resolve().parents[1] / "data" / "formats" / "acled-synthetic.csv"


def _file(path: Path, rows: list[dict[str, str]]) -> Path:
    write_rows(path, acled.COLUMNS, [dict.fromkeys(acled.COLUMNS, "") | r for r in rows])
    return path


def test_the_synthetic_export_is_read_whole() -> None:
    imp = formats.read(SYNTHETIC, format="acled")
    reports = imp.reports()
    assert imp.counts["records"] == 4
    assert imp.complete
    assert [p.field for p in imp.problems] == []
    first = reports[0]
    claim = first.statements[0].claims[0]
    assert claim.id == "UKR90001"
    assert claim.kind.value == "strike"
    assert claim.event_mode == "Air/drone strike"
    assert claim.context == (
        "event_type=Explosions/Remote violence",
        "disorder_type=Political violence",
        "civilian_targeting=Civilian targeting",
    )
    assert claim.place_precision is PlacePrecision.EXACT
    actors = {a.id: a.name for a in first.actors}
    assert actors[claim.actor or ""] == "Military Forces of Russia (2000-)"
    assert [actors[a] for a in claim.other_actors] == ["Air Force of Russia"]
    assert claim.window is not None
    assert claim.window.local_start.date() == date(2024, 3, 2)
    assert claim.parts[0].quantity is not None
    assert claim.parts[0].quantity.value == 3
    assert first.published == datetime(2024, 3, 5, tzinfo=timezone.utc)
    assert [s.name for s in first.sources[1:]] == ["Ukrainska Pravda", "Telegram"]
    assert first.statements[0].summary is not None
    assert "column not represented: region" in imp.notes
    names = [r.name for r in first.regions]
    assert names == ["Ukraine", "Kharkiv", "Kharkivskyi", "Kharkivska", "Kharkiv city"]


def test_the_synthetic_export_round_trips(tmp_path: Path) -> None:
    first = formats.read(SYNTHETIC, format="acled").reports()
    formats.write(first, tmp_path / "out.csv", format="acled")
    assert formats.read(tmp_path / "out.csv", format="acled").reports() == first


_word = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=";="),
        min_size=1,
        max_size=10,
    )
    .map(str.strip)
    .filter(bool)
)


@st.composite
def _rows(draw: st.DrawFn) -> dict[str, str]:
    day = draw(st.dates(date(1997, 1, 1), date(2030, 1, 1)))
    return {
        "event_id_cnty": f"UKR{draw(st.integers(1, 10**6))}",
        "event_date": day.isoformat(),
        "time_precision": str(draw(st.integers(1, 3))),
        "disorder_type": draw(st.sampled_from(["", "Political violence"])),
        "event_type": draw(st.sampled_from(["", "Battles"])),
        "sub_event_type": draw(st.sampled_from([*acled.SUB_EVENT_KINDS, "", "Other"])),
        "actor1": draw(_word),
        "inter1": draw(st.sampled_from(["", "1", "8"])),
        "assoc_actor_1": "; ".join(draw(st.lists(_word, max_size=2, unique=True))),
        "actor2": draw(st.sampled_from(["", "Civilians (Ukraine)"])),
        "inter2": "7",
        "civilian_targeting": draw(st.sampled_from(["", "Civilian targeting"])),
        "iso": draw(st.sampled_from(["804", "643"])),
        "country": draw(st.sampled_from(["", "Ukraine"])),
        "admin1": draw(st.sampled_from(["", "Kharkiv"])),
        "admin2": "",
        "location": draw(_word),
        "latitude": repr(draw(st.floats(-90, 90))),
        "longitude": repr(draw(st.floats(-180, 180))),
        "geo_precision": str(draw(st.integers(1, 3))),
        "source": "; ".join(draw(st.lists(_word, max_size=3, unique=True))),
        "notes": draw(st.sampled_from(["", "A note; with a semicolon."])),
        "fatalities": str(draw(st.integers(0, 500))),
        "tags": draw(st.sampled_from(["", "crowd size=no report"])),
        "timestamp": draw(st.sampled_from(["", "1704240000"])),
    }


@given(st.lists(_rows(), max_size=4))
def test_read_write_read_gives_equal_reports(rows: list[dict[str, str]]) -> None:
    for row in rows:  # an actor2 without inter2, as the codebook never writes
        if not row["actor2"]:
            row["inter2"] = ""
    with tempfile.TemporaryDirectory() as d:
        imp = formats.read(_file(Path(d, "a.csv"), rows), format="acled")
        first = imp.reports()
        assert imp.problems == []
        formats.write(first, Path(d, "b.csv"), format="acled")
        assert formats.read(Path(d, "b.csv"), format="acled").reports() == first


def test_dates_as_the_website_writes_them_are_read(tmp_path: Path) -> None:
    row = acled.SAMPLE_ROW | {"event_date": "02 January 2024"}
    [report] = formats.read(_file(tmp_path / "a.csv", [row]), format="acled").reports()
    window = report.statements[0].claims[0].window
    assert window is not None
    assert window.local_start.date() == date(2024, 1, 2)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"event_date": "yesterday"}, "event_date"),
        ({"iso": "999"}, "iso"),
        ({"iso": "250"}, "iso"),
        ({"time_precision": "4"}, "time_precision"),
        ({"geo_precision": "0"}, "geo_precision"),
        ({"latitude": "x"}, "latitude"),
        ({"longitude": "200"}, "latitude"),
        ({"fatalities": "-1"}, "fatalities"),
        ({"location": ""}, "location"),
        ({"event_id_cnty": ""}, "event_id_cnty"),
        ({"actor1": "", "inter1": "8"}, "inter1"),
        ({"actor2": "", "inter2": "", "assoc_actor_2": "Someone"}, "assoc_actor_2"),
    ],
)
def test_values_the_model_cannot_hold_are_problems(
    tmp_path: Path, change: dict[str, str], field: str
) -> None:
    imp = formats.read(_file(tmp_path / "a.csv", [acled.SAMPLE_ROW | change]), format="acled")
    assert imp.reports() == []
    assert [(p.record, p.field, p.represented) for p in imp.problems] == [(1, field, False)]


def test_a_missing_codebook_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("event_id_cnty,event_date\nUKR1,2024-01-01\n", encoding="utf-8")
    with pytest.raises(FormatError, match="line 1: missing columns: year, time_precision"):
        formats.read(path, format="acled")


def test_the_writer_refuses_reports_it_cannot_carry(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="cannot be written as an ACLED row"):
        formats.write([Report(id="r")], tmp_path / "a.csv", format="acled")


def test_the_writer_says_which_part_of_a_report_does_not_fit_a_row(tmp_path: Path) -> None:
    """Refused without a window, point or fatalities; context with no ACLED column is left out."""
    report = formats.read(SYNTHETIC, format="acled").reports()[0]
    statement = report.statements[0]
    claim = statement.claims[0]

    def with_claim(**changes: object) -> Report:
        new = attrs.evolve(statement, claims=(attrs.evolve(claim, **changes),))
        return attrs.evolve(report, statements=(new, *report.statements[1:]))

    pointless = attrs.evolve(
        report, regions=tuple(attrs.evolve(r, point=None) for r in report.regions)
    )
    cases = [
        (with_claim(window=None), "needs a window and one place"),
        (pointless, "needs a point, a country and a precision"),
        (with_claim(parts=()), "needs a c:fatalities part with a count"),
    ]
    for bad, message in cases:
        with pytest.raises(FormatError, match=message):
            formats.write([bad], tmp_path / "x.csv", format="acled")
    extra = with_claim(context=(*claim.context, "weather=rain"))
    assert formats.write([extra], tmp_path / "x.csv", format="acled") == 1
    (again,) = formats.read(tmp_path / "x.csv", format="acled").reports()
    assert again.statements[0].claims[0].context == claim.context
