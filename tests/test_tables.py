"""Flat tables of claims: records, CSV, pandas and Arrow."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflict_events as ce
from conflict_events.serialize._tables import (
    CLAIM_COLUMNS,
    COLUMNS,
    arrow_schema,
    claims_from_records,
    read_csv,
    to_arrow,
    to_dataframe,
    to_records,
    write_csv,
)
from conflict_events.testing import strategies as ces

SEED = Path(__file__).resolve().parents[1] / "examples" / "data" / "seed_report.json"


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
