"""UCDP GED: every real row represented or reported; write then read gives equal reports."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflict_events import dumps, formats, loads
from conflict_events.formats import FormatError, ucdp
from conflict_events.formats._csv import write_rows
from conflict_events.model import PlacePrecision, Quantity, Report

UCDP = "ucdp/UCDP-Ukraine.2023-06-23_f0821cc.csv"


def _file(path: Path, rows: list[dict[str, str]]) -> Path:
    write_rows(path, ucdp.COLUMNS, [dict.fromkeys(ucdp.COLUMNS, "") | r for r in rows])
    return path


def test_every_real_row_is_represented_or_reported(real: Callable[[str], Path]) -> None:
    path = real(UCDP)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    imp = formats.read(path, format="ucdp-ged")
    reports = imp.reports()
    assert imp.notes[0] == "encoding: utf-8 (detected)"
    assert imp.counts["records"] == len(rows) == 3077
    inconsistent = [
        i
        for i, r in enumerate(rows, start=1)
        if not int(r["low"]) <= int(r["best"]) <= int(r["high"])
    ]
    assert len(inconsistent) == 13
    lost = [p for p in imp.problems if not p.represented]
    assert [p.record for p in lost] == inconsistent
    kept = [p for p in imp.problems if p.represented]
    assert {p.field for p in kept} <= set(ucdp.DERIVED)  # they say how they differ
    for p in lost:
        row = rows[p.record - 1]
        assert not p.represented
        assert p.raw == {k: row[k] for k in ("id", "best", "low", "high")}
        assert f"low {row['low']}, best {row['best']}, high {row['high']}" in p.message
    assert len(reports) == len(rows) - 13
    by_id = {r.id: r for r in reports}
    for row in rows:
        report = by_id.get(f"ucdp:{row['id']}")
        if report is None:
            continue
        claim = report.statements[0].claims[0]
        assert claim.quantity is not None
        assert (claim.quantity.low, claim.quantity.value, claim.quantity.high) == (
            int(row["low"]),
            int(row["best"]),
            int(row["high"]),
        )
        assert claim.window is not None
        assert claim.window.label == f"date_prec {row['date_prec']}"
        assert claim.window.local_start.date().isoformat() == row["date_start"]
        assert claim.place_precision == PlacePrecision.from_ucdp(int(row["where_prec"]))
        regions = {r.id: r for r in report.regions}
        place = regions[claim.regions[0]]
        assert place.point is not None
        assert (place.point.lat, place.point.lon) == (
            float(row["latitude"]),
            float(row["longitude"]),
        )
        names = {r.name for r in report.regions}
        assert {row["adm_1"], row["adm_2"]} - {""} <= names
        articles = report.statements[1:]
        given = ucdp._articles(row["source_article"])
        assert [s.summary or "" for s in articles] == [a[2] for a in given]
        assert [s.issued.local_start.date().isoformat() for s in articles if s.issued] == [
            a[1] for a in given
        ]


def test_the_real_file_round_trips(real: Callable[[str], Path], tmp_path: Path) -> None:
    first = formats.read(real(UCDP), format="ucdp-ged").reports()
    assert formats.write(first, tmp_path / "out.csv", format="ucdp-ged") == len(first)
    again = formats.read(tmp_path / "out.csv", format="ucdp-ged")
    assert again.reports() == first
    assert again.problems == []


_name = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=';,"'),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)


@st.composite
def _rows(draw: st.DrawFn) -> dict[str, str]:
    low = draw(st.integers(0, 50))
    best = draw(st.integers(low, low + 50))
    high = draw(st.integers(best, best + 50))
    start = draw(st.dates(date(2000, 1, 1), date(2030, 1, 1)))
    end = start + timedelta(days=draw(st.integers(0, 40)))
    n = draw(st.integers(0, 3))
    articles = [
        (draw(_name), draw(st.dates(date(2000, 1, 1), date(2030, 1, 1))), draw(_name))
        for _ in range(n)
    ]
    deaths = draw(st.lists(st.integers(0, 9), min_size=4, max_size=4))
    return {
        "id": str(draw(st.integers(1, 10**7))),
        "relid": draw(st.sampled_from(["", "UKR-2014-1-1-0"])),
        "side_a": draw(_name),
        "side_a_new_id": str(draw(st.integers(10, 999))),  # side B is 5
        "side_b": draw(st.sampled_from(["", "Side B"])),
        "side_b_new_id": "5",
        "source_article": '"' + '";"'.join(f"{o},{d},{h}" for o, d, h in articles) + '"'
        if articles
        else "",
        "source_original": draw(st.sampled_from(["", "Officials"])),
        "where_prec": str(draw(st.integers(1, 7))),
        "where_coordinates": draw(_name),
        "where_description": draw(st.sampled_from(["", "near the bridge"])),
        "adm_1": draw(st.sampled_from(["", "Donetsk oblast"])),
        "adm_2": draw(st.sampled_from(["", "Bakhmut raion"])),
        "latitude": repr(draw(st.floats(-90, 90))),
        "longitude": repr(draw(st.floats(-180, 180))),
        "country": draw(st.sampled_from(sorted(ucdp.COUNTRIES))),
        "date_prec": str(draw(st.integers(1, 5))),
        "date_start": start.isoformat(),
        "date_end": end.isoformat(),
        **{
            c: str(d)
            for c, d in zip(
                ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"), deaths, strict=True
            )
        },
        "best": str(best),
        "low": str(low),
        "high": str(high),
    }


@given(st.lists(_rows(), max_size=4))
def test_read_write_read_gives_equal_reports(rows: list[dict[str, str]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        first = formats.read(_file(Path(d, "a.csv"), rows), format="ucdp-ged").reports()
        assert len(first) == len(rows)
        formats.write(first, Path(d, "b.csv"), format="ucdp-ged")
        second = formats.read(Path(d, "b.csv"), format="ucdp-ged").reports()
    assert second == first
    assert [loads(Report, dumps(r)) for r in first] == first


def test_windows_1252_files_are_read_and_said(tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    row = (
        dict.fromkeys(ucdp.COLUMNS, "")
        | ucdp.SAMPLE_ROW
        | {"where_coordinates": "Bilhorod-Dnistrovs'kyi café"}
    )
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ucdp.COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    imp = formats.read(path, format="ucdp-ged")
    [report] = imp.reports()
    assert imp.notes[0] == "encoding: cp1252 (detected)"
    assert report.regions[-1].name == "Bilhorod-Dnistrovs'kyi café"


def test_missing_columns_are_one_error_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    path.write_text("id,best\n1,2\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"line 1: missing columns: relid, side_a_new_id"):
        formats.read(path, format="ucdp-ged")


def test_truncated_lines_and_wrong_types_are_problems(tmp_path: Path) -> None:
    path = _file(
        tmp_path / "ged.csv",
        [
            ucdp.SAMPLE_ROW,
            ucdp.SAMPLE_ROW | {"id": "2", "best": "three"},
            ucdp.SAMPLE_ROW | {"id": "3"},
        ],
    )
    text = path.read_text(encoding="utf-8").splitlines()
    text[3] = ",".join(text[3].split(",")[:10])  # the third row cut short
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    imp = formats.read(path, format="ucdp-ged")
    reports = imp.reports()
    assert [r.id for r in reports] == ["ucdp:1"]
    assert [(p.record, p.line, p.field, p.represented) for p in imp.problems] == [
        (2, 3, "best", False),
        (3, 4, "", False),
    ]
    assert "best is not a whole number >= 0: 'three'" in imp.problems[0].message
    assert "10 cells where the header has 49" in imp.problems[1].message


def test_an_unclosed_quote_is_one_error_with_the_line(tmp_path: Path) -> None:
    path = _file(tmp_path / "ged.csv", [ucdp.SAMPLE_ROW])
    with path.open("a", encoding="utf-8") as handle:
        handle.write('2,"never closed\n')
    with pytest.raises(FormatError, match="line 3: not CSV"):
        formats.read(path, format="ucdp-ged").reports()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"country": "Atlantis"}, "country"),
        ({"date_prec": "9"}, "date_prec"),
        ({"where_prec": "0"}, "where_prec"),
        ({"date_start": "2014-13-01"}, "date_start"),
        ({"date_end": "2014-05-01"}, "date_end"),
        ({"latitude": "north"}, "latitude"),
        ({"latitude": "95"}, "latitude"),
        ({"where_coordinates": ""}, "where_coordinates"),
        ({"id": " 7"}, "id"),
        ({"source_article": "no quotes"}, "source_article"),
        ({"source_article": '"An outlet without a date"'}, "source_article"),
        ({"side_a_new_id": "5817"}, ""),  # one actor on both sides: the claim refuses it
    ],
)
def test_values_the_model_cannot_hold_are_problems(
    tmp_path: Path, change: dict[str, str], field: str
) -> None:
    imp = formats.read(_file(tmp_path / "g.csv", [ucdp.SAMPLE_ROW | change]), format="ucdp-ged")
    assert imp.reports() == []
    assert [(p.field, p.represented) for p in imp.problems] == [(field, False)]


def test_sources_that_disagree_with_the_articles_are_said(tmp_path: Path) -> None:
    row = ucdp.SAMPLE_ROW | {"source_office": "Another outlet"}
    imp = formats.read(_file(tmp_path / "g.csv", [row]), format="ucdp-ged")
    assert len(imp.reports()) == 1
    [p] = imp.problems
    assert (p.field, p.represented, p.raw) == (
        "source_office",
        True,
        {"source_office": "Another outlet"},
    )


def test_reports_of_another_shape_are_refused_by_the_writer(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="report 'r' cannot be written as a UCDP GED row"):
        formats.write([Report(id="r")], tmp_path / "x.csv", format="ucdp-ged")


def _one_row_report(tmp_path: Path) -> Report:
    row = {
        "id": "7",
        "side_a": "Side A",
        "side_a_new_id": "10",
        "side_b_new_id": "5",
        "where_prec": "1",
        "where_coordinates": "A village",
        "latitude": "48.5",
        "longitude": "37.5",
        "country": sorted(ucdp.COUNTRIES)[0],
        "date_prec": "1",
        "date_start": "2022-03-01",
        "date_end": "2022-03-01",
        "best": "2",
        "low": "1",
        "high": "3",
        **dict.fromkeys(("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"), "0"),
    }
    imp = formats.read(_file(tmp_path / "one.csv", [row]), format="ucdp-ged")
    reports = imp.reports()
    assert imp.problems == []
    return reports[0]


def test_the_writer_says_which_part_of_a_report_does_not_fit_a_row(tmp_path: Path) -> None:
    """Wrong claim kind, open quantity, no place, a place without a point: each is refused."""
    report = _one_row_report(tmp_path)
    statement = next(s for s in report.statements if s.claims)
    claim = statement.claims[0]
    assert claim.quantity is not None

    def with_claim(**changes: object) -> Report:
        new = attrs.evolve(statement, claims=(attrs.evolve(claim, **changes),))
        return attrs.evolve(
            report, statements=tuple(new if s is statement else s for s in report.statements)
        )

    place = next(r for r in report.regions if r.id == claim.regions[0])
    pointless = attrs.evolve(
        report,
        regions=tuple(attrs.evolve(r, point=None) if r is place else r for r in report.regions),
    )
    cases = [
        (with_claim(kind="interception"), "needs to be casualties"),
        (with_claim(quantity=Quantity.at_least(2)), "needs a value and an upper bound"),
        (with_claim(regions=()), "needs one place defined in the report"),
        (pointless, "needs a point and a country"),
    ]
    for bad, message in cases:
        with pytest.raises(FormatError, match=message):
            formats.write([bad], tmp_path / "x.csv", format="ucdp-ged")
    assert formats.write([report], tmp_path / "x.csv", format="ucdp-ged") == 1
