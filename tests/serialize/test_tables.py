"""Flat tables of claims: records, CSV, pandas and Arrow."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflict_events as ce
from conflict_events.serialize.tables import (
    CLAIM_COLUMNS,
    COLUMNS,
    _long_records,
    _records,
    arrow_schema,
    claims_from_records,
    read_csv,
    to_arrow,
    to_dataframe,
    to_records,
    write_csv,
)
from conflict_events.testing import strategies as ces

SEED = Path(__file__).resolve().parents[2] / "examples" / "data" / "seed_report.json"


def _renumbered(claim: ce.Claim, prefix: str) -> ce.Claim:
    """The claim with ids unique across its tree (rows link parts to parents by id)."""
    parts = tuple(_renumbered(p, f"{prefix}.{i}") for i, p in enumerate(claim.parts))
    return attrs.evolve(claim, id=prefix, parts=parts)


unique_claims = st.lists(ces.claims(), max_size=3).map(
    lambda cs: [_renumbered(c, f"c{i}") for i, c in enumerate(cs)]
)


@pytest.fixture(scope="module")
def seed() -> ce.Report:
    return ce.loads(ce.Report, SEED.read_text(encoding="utf-8"))


@given(unique_claims)
def test_claims_come_back_from_their_records(claims: list[ce.Claim]):
    assert claims_from_records(to_records(claims)) == claims


def _has_nul(claims: list[ce.Claim]) -> bool:
    return any("\x00" in str(v) for row in to_records(claims) for v in row.values())


@given(unique_claims.filter(lambda claims: not _has_nul(claims)))
def test_claims_come_back_from_csv(claims: list[ce.Claim]):
    buf = io.StringIO(newline="")
    write_csv(to_records(claims), buf)
    buf.seek(0)
    assert claims_from_records(read_csv(buf)) == claims


def test_a_report_gives_one_row_per_claim_with_its_context(seed: ce.Report):
    rows = to_records(seed)
    assert len(rows) == len(seed.claims())
    assert all(tuple(row) == COLUMNS for row in rows)
    by_id = {row["claim_id"]: row for row in rows}
    part = by_id["c:evening-crimea"]
    assert part["parent_id"] == "c:evening-total"
    assert part["path"] == "parts[2]"
    assert part["statement_id"] == "st:mod-evening"
    assert part["report_id"] == seed.id
    assert by_id["c:ksfo-oreshnik-range"]["lower"] == 500
    assert by_id["c:ksfo-oreshnik-range"]["upper"] is None


def test_claim_region_rows_split_claims_over_several_regions(seed: ce.Report):
    rows = to_records(seed, per="claim_region")
    grouped = [r for r in rows if r["claim_id"] == "c:night-orel-tambov-tula"]
    assert [r["regions"] for r in grouped] == ["RU-ORL", "RU-TAM", "RU-TUL"]
    assert len(rows) == len(seed.claims()) + 2 + 1 + 2


def test_the_seed_report_claims_survive_csv(seed: ce.Report):
    buf = io.StringIO()
    assert write_csv(to_records(seed), buf) == len(seed.claims())
    buf.seek(0)
    tops = [c for s in seed.statements for c in s.claims]
    assert claims_from_records(read_csv(buf)) == tops


def test_statements_and_lone_claims_are_accepted(seed: ce.Report):
    statement = seed.statements[0]
    assert len(to_records(statement)) == len(statement.claims[0].walk())
    assert to_records(statement.claims[0])[0]["statement_id"] is None


def test_a_wrong_object_is_a_type_error():
    with pytest.raises(TypeError, match="expected a Report, Statement or Claim"):
        to_records([ce.Quantity.exact(1)])  # type: ignore[list-item]


def test_per_must_be_claim_or_claim_region(seed: ce.Report):
    with pytest.raises(ValueError, match="per must be"):
        to_records(seed, per="region")  # type: ignore[arg-type]


def test_duplicate_claim_rows_are_refused(seed: ce.Report):
    rows = to_records(seed.statements[0])
    with pytest.raises(ce.StructureError, match="more than one row") as info:
        claims_from_records([*rows, rows[0]])
    assert info.value.paths == (f"rows[{len(rows)}].claim_id",)


def test_a_bad_row_is_reported_with_its_row_and_field(seed: ce.Report):
    rows = to_records(seed.statements[0])
    rows[0] = {**rows[0], "quantity_value": -1}
    with pytest.raises(ce.StructureError) as info:
        claims_from_records(rows)
    assert info.value.paths == ("rows[0].quantity.value",)


def test_csv_without_the_key_columns_is_refused():
    with pytest.raises(ce.StructureError, match="missing column"):
        read_csv(io.StringIO("a,b\n1,2\n"))


@pytest.mark.parametrize(
    ("column", "text", "message"),
    [
        ("quantity_value", "many", "expected a number"),
        ("span_start", "1.5", "expected a number"),
        ("window_approximate", "yes", "expected true or false"),
    ],
)
def test_csv_cells_of_the_wrong_type_are_refused(column: str, text: str, message: str):
    header = ",".join(COLUMNS)
    cells = dict.fromkeys(COLUMNS, "") | {"claim_id": "c", "kind": "other", column: text}
    body = ",".join(cells[c] for c in COLUMNS)
    with pytest.raises(ce.StructureError, match=message) as info:
        read_csv(io.StringIO(f"{header}\n{body}\n"))
    assert info.value.paths == (f"line 2.{column}",)


def test_claim_columns_cover_every_claim_field():
    covered = {c.split("_")[0] for c in CLAIM_COLUMNS} | set(CLAIM_COLUMNS)
    for field in attrs.fields(ce.Claim):
        if field.name in ("id", "parts"):
            continue
        assert field.name in covered, field.name


def test_a_dataframe_has_utc_timestamps_and_nullable_integers(seed: ce.Report):
    pd = pytest.importorskip("pandas")
    frame = to_dataframe(seed)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(seed.claims())
    assert str(frame["window_start"].dtype) == "datetime64[ns, UTC]" or "UTC" in str(
        frame["window_start"].dtype
    )
    assert str(frame["span_start"].dtype) == "Int64"
    evening = frame[frame["claim_id"] == "c:evening-total"].iloc[0]
    assert evening["window_start"] == pd.Timestamp("2025-10-31T15:00:00Z")


def test_an_arrow_table_has_the_explicit_schema(seed: ce.Report):
    pa = pytest.importorskip("pyarrow")
    table = to_arrow(seed)
    assert table.schema == arrow_schema()
    assert table.num_rows == len(seed.claims())
    assert table.schema.field("window_start").type == pa.timestamp("us", tz="UTC")
    assert table.column("claim_id").null_count == 0


def test_csv_refuses_the_nul_character_and_says_where():
    claim = ce.Claim(id="c", kind="other", note="a\x00b")
    with pytest.raises(ValueError, match="NUL character: column 'note' of claim 'c'"):
        write_csv(to_records(claim), io.StringIO())


def test_rows_whose_parent_is_missing_or_circular_are_refused():
    rows = [
        {"claim_id": "c1", "kind": "other"},
        {"claim_id": "c2", "parent_id": "c:typo", "kind": "other"},
        {"claim_id": "c3", "parent_id": "c4", "kind": "other"},
        {"claim_id": "c4", "parent_id": "c3", "kind": "other"},
    ]
    with pytest.raises(ce.StructureError) as info:
        claims_from_records(rows)
    assert info.value.paths == ("rows[1].parent_id", "rows[2].parent_id", "rows[3].parent_id")
    assert "'c:typo' has no row" in str(info.value)


def test_a_long_field_reads_back_from_csv():
    claim = ce.Claim(id="c", kind="other", note="x" * 200_000)
    buf = io.StringIO(newline="")
    write_csv(to_records(claim), buf)
    buf.seek(0)
    assert claims_from_records(read_csv(buf)) == [claim]


def test_text_that_is_not_csv_is_a_structure_error():
    with pytest.raises(ce.StructureError, match="not CSV"):
        read_csv(io.StringIO('claim_id,kind\n"c,other\n'))


# -- columns derived from the model -------------------------------------------------------------


def test_every_nested_field_has_its_own_column():
    """Quantity, window and span fields each get a ``<field>_<subfield>`` column."""
    for name, cls in (("quantity", ce.Quantity), ("window", ce.TimeWindow), ("span", ce.Span)):
        for field in attrs.fields(cls):
            assert f"{name}_{field.name}" in CLAIM_COLUMNS


def test_a_field_type_without_a_column_form_is_refused():
    """A new claim field of a type the tables cannot carry fails loudly, naming the field."""
    from conflict_events.serialize.tables import _kind_of

    for tp in (dict[str, int], int | str, bytes):
        with pytest.raises(TypeError, match=r"Claim.x: a field of type .* has no table column"):
            _kind_of(tp, "Claim.x")


def test_the_public_module_lists_its_names():
    """``conflict_events.serialize.tables`` is public and its ``__all__`` names exist."""
    import conflict_events.serialize.tables as tables

    assert all(hasattr(tables, name) for name in tables.__all__)
    assert ce.to_records is tables.to_records


# -- formulas in CSV cells --------------------------------------------------------------------

PAYLOADS = ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "'=1", "''+x"]


def _cells(text: str) -> list[list[str]]:
    import csv

    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_cell_that_looks_like_a_formula_is_neutralised_and_read_back(payload: str):
    """No written cell starts with ``= + - @``, tab or CR; the reader restores the text."""
    claim = ce.Claim(id="c", kind="other", quote=payload, note=payload, actor=payload)
    buf = io.StringIO(newline="")
    write_csv(to_records(claim), buf)
    for row in _cells(buf.getvalue()):
        assert all(cell[:1] not in ("=", "+", "-", "@", "\t", "\r") for cell in row)
    buf.seek(0)
    assert claims_from_records(read_csv(buf)) == [claim]


def test_formula_escaping_can_be_turned_off_on_both_sides():
    """``escape_formulas=False`` writes cells verbatim and reads them verbatim."""
    claim = ce.Claim(id="c", kind="other", note="=1+2")
    buf = io.StringIO(newline="")
    write_csv(to_records(claim), buf, escape_formulas=False)
    assert _cells(buf.getvalue())[1][COLUMNS.index("note")] == "=1+2"
    buf.seek(0)
    assert claims_from_records(read_csv(buf, escape_formulas=False)) == [claim]


@given(st.text(alphabet=st.sampled_from("=+-@\t\r'a,\"\n"), max_size=8), st.text(max_size=20))
def test_any_text_survives_the_formula_escape(head: str, tail: str):
    """Round trip through CSV is lossless whatever the text starts with."""
    note = (head + tail).replace("\x00", "") or None
    claim = ce.Claim(id="c", kind="other", note=note)
    buf = io.StringIO(newline="")
    write_csv(to_records(claim), buf)
    assert _cells(buf.getvalue())[1][COLUMNS.index("note")][:1] not in ("=", "+", "-", "@")
    buf.seek(0)
    assert claims_from_records(read_csv(buf)) == [claim]


# -- claim ids across reports -----------------------------------------------------------------


def _report(report_id: str, count: int) -> ce.Report:
    part = ce.Claim(id="c:2", kind="interception", quantity=ce.Quantity.exact(count))
    claim = ce.Claim(
        id="c:1", kind="interception", quantity=ce.Quantity.exact(count), parts=(part,)
    )
    statement = ce.Statement(id="st:1", source="src:a", kind="bulletin", claims=(claim,))
    return ce.Report(id=report_id, statements=(statement,))


def test_claim_ids_reused_across_reports_come_back_from_csv():
    """Rows are keyed by report, statement and claim id, so ``c:1`` may recur across reports."""
    reports = [_report("r:1", 3), _report("r:2", 5)]
    buf = io.StringIO(newline="")
    write_csv(to_records(reports), buf)
    buf.seek(0)
    tops = [s.claims[0] for r in reports for s in r.statements]
    assert claims_from_records(read_csv(buf)) == tops


def test_a_claim_id_repeated_within_a_statement_is_refused_on_writing():
    """Export refuses what the reader could not link back, saying where."""
    claim = ce.Claim(id="c:1", kind="other")
    statement = ce.Statement(id="st:1", source="src:a", kind="bulletin", claims=(claim, claim))
    report = ce.Report(id="r:1", statements=(statement,))
    with pytest.raises(ce.StructureError, match="'c:1' is used again in statement 'st:1'") as info:
        to_records([report])
    assert info.value.paths == ("[0].statements[0].claims[1].id",)
    with pytest.raises(ce.StructureError, match="claims given on their own"):
        to_records([claim, claim])


# -- long fields, without global state --------------------------------------------------------


def test_reading_never_changes_the_csv_field_size_limit(monkeypatch: pytest.MonkeyPatch):
    """A long field reads back without calling ``csv.field_size_limit`` to change it."""
    import csv

    claim = ce.Claim(id="c", kind="other", note="x" * 300_000)
    buf = io.StringIO(newline="")
    write_csv(to_records(claim), buf)
    buf.seek(0)
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(csv, "field_size_limit", lambda *args: calls.append(args) or 131072)
    assert claims_from_records(read_csv(buf)) == [claim]
    assert [args for args in calls if args] == []


def test_a_row_with_the_wrong_number_of_fields_is_refused():
    """A short or long row is an error naming its line, not a row with silent gaps."""
    with pytest.raises(ce.StructureError, match="expected 2 fields, got 3") as info:
        read_csv(io.StringIO("claim_id,kind\r\nc,other,x\r\n"))
    assert info.value.paths == ("line 2",)


def test_a_quoted_field_across_lines_keeps_later_line_numbers():
    """Line numbers count the line breaks inside quoted fields, as the csv module does."""
    text = 'claim_id,kind,region_count\r\nc,"a\r\nb",1\r\nd,other,x\r\n'
    with pytest.raises(ce.StructureError) as info:
        read_csv(io.StringIO(text, newline=""))
    assert info.value.paths == ("line 4.region_count",)


def test_a_byte_order_mark_before_the_header_is_skipped():
    """Spreadsheets save CSV with a BOM; the first column is still ``claim_id``."""
    assert read_csv(io.StringIO("\ufeffclaim_id,kind\nc,other\n")) == [
        {"claim_id": "c", "kind": "other"}
    ]


def test_blank_lines_and_a_missing_final_line_break_are_read():
    text = "claim_id,kind\r\n\r\nc,other\r\nd,other"
    assert [r["claim_id"] for r in read_csv(io.StringIO(text, newline=""))] == ["c", "d"]
    assert list(_long_records(text)) == list(_records(text))
    assert list(_records('a,b\nc"d,e"\n')) == list(_long_records('a,b\nc"d,e"\n'))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('claim_id,kind\n"c"x,other\n', "after a quoted field"),
        ('claim_id,kind\n"c,other\n', "opens a field it never closes"),
    ],
)
def test_a_stray_quote_is_not_csv(text: str, where: str):
    """Both readers refuse it: the csv module, and the parser for long fields, saying where."""
    with pytest.raises(ce.StructureError, match="not CSV"):
        read_csv(io.StringIO(text))
    with pytest.raises(ce.StructureError, match=f"line 2.*not CSV: '.' {where}") as info:
        list(_long_records(text))
    assert info.value.paths == ("line 2",)


@given(unique_claims.filter(lambda claims: not _has_nul(claims)))
def test_both_readers_give_the_same_records(claims: list[ce.Claim]):
    """The parser for long fields reads what write_csv writes as the csv module does."""
    buf = io.StringIO(newline="")
    write_csv(to_records(claims), buf)
    assert list(_long_records(buf.getvalue())) == list(_records(buf.getvalue()))


def test_a_long_field_across_lines_keeps_later_line_numbers():
    """The parser for long fields counts line breaks inside quoted fields too."""
    text = f'claim_id,kind,region_count\r\nc,"{"a" * 200_000}\r\nb",1\r\nd,other,x\r\n'
    with pytest.raises(ce.StructureError) as info:
        read_csv(io.StringIO(text, newline=""))
    assert info.value.paths == ("line 4.region_count",)


# -- the amount that belongs to each region ---------------------------------------------------


@pytest.mark.parametrize(
    ("regions", "distribution", "quantity", "expected"),
    [
        (("RU-BEL",), None, ce.Quantity.exact(4), (4, 4)),
        (("RU-BEL", "RU-KRS"), "each", ce.Quantity.exact(2), (2, 2)),
        (("RU-BEL", "RU-KRS"), "total", ce.Quantity.between(3, 5), (0, 5)),
        (("RU-BEL", "RU-KRS"), "unknown", ce.Quantity.exact(9), (None, None)),
        (("RU-BEL", "RU-KRS"), None, ce.Quantity.exact(9), (None, None)),
        ((), None, ce.Quantity.exact(9), (None, None)),
        (("RU-BEL",), None, None, (None, None)),
    ],
)
def test_region_columns_hold_each_region_s_share(regions, distribution, quantity, expected):
    """``region_lower``/``region_upper``: the count for ``each``, 0..total for a group."""
    claim = ce.Claim(
        id="c", kind="interception", quantity=quantity, regions=regions, distribution=distribution
    )
    for row in to_records(claim, per="claim_region"):
        assert (row["region_lower"], row["region_upper"]) == expected


def test_summing_region_shares_does_not_overcount_a_group():
    """Four over three regions adds at most 4 to each region and at least 0."""
    claim = ce.Claim(
        id="c", kind="interception", quantity=ce.Quantity.exact(4),
        regions=("RU-BRY", "RU-LIP", "RU-ORL"), distribution="total",
    )  # fmt: skip
    rows = to_records(claim, per="claim_region")
    assert sum(r["region_lower"] for r in rows) == 0
    assert [r["region_upper"] for r in rows] == [4, 4, 4]


HOSTILE = st.text(alphabet=st.sampled_from("=+-@\t\r\n'\",;<>$ aя"), min_size=1, max_size=12)
"""Text made of what starts formulas, breaks lines and quotes cells."""


@given(HOSTILE, HOSTILE, HOSTILE, HOSTILE)
def test_no_text_field_can_become_a_formula_in_csv(quote: str, note: str, actor: str, label: str):
    """Whatever a text field holds, no CSV cell starts a formula and the claims come back."""
    ident = quote.strip() or "c"
    window = ce.TimeWindow.on_day(date(2025, 10, 31), tz="Europe/Moscow", text=label)
    claim = ce.Claim(
        id=ident, kind="other", quote=quote, note=note, actor=actor, target_party=label,
        window=window,
    )  # fmt: skip
    buf = io.StringIO(newline="")
    write_csv(to_records(claim), buf)
    header, *rows = _cells(buf.getvalue())
    assert header == list(COLUMNS)
    assert len(rows) == 1
    assert all(cell[:1] not in ("=", "+", "-", "@", "\t", "\r") for cell in rows[0])
    buf.seek(0)
    assert claims_from_records(read_csv(buf)) == [claim]


def test_a_list_item_holding_the_cell_separator_is_refused_not_split():
    """``other_actors`` item "a;b" would come back as two actors: writing it is an error."""
    claim = ce.Claim(id="c", kind="other", actor="RUS", other_actors=("BLR;IRN",))
    with pytest.raises(ValueError, match="other_actors item 'BLR;IRN' holds ';'"):
        to_records(claim)


def test_the_dataset_fields_have_columns_and_come_back():
    claim = ce.Claim(
        id="c", kind="launch", outcome="destroyed", origins=("RU-KRS",), targets=("UA-48",),
        place_precision="near", actor="RUS", other_actors=("BLR",), target_party="UKR",
        other_target_parties=("GBR",), event_mode="aerial", context=("military", "cbrn"),
    )  # fmt: skip
    (row,) = to_records(claim)
    assert row["origins"] == "RU-KRS"
    assert row["context"] == "military;cbrn"
    assert row["outcome"] == "destroyed"
    assert claims_from_records([row]) == [claim]
