"""One bound for every figure: the model, the wire format, the strategies and the exports."""

from __future__ import annotations

import io

import pytest
from hypothesis import given

import conflict_events as ce
from conflict_events import MAX_COUNT, Claim, ModelError, Quantity, Span
from conflict_events.testing import strategies as ces

REGIONS = tuple(f"RU-{code}" for code in ("BEL", "BRY", "KRS", "ORL", "TUL", "KLU", "LIP",
                                          "VOR", "TAM", "RYA"))  # fmt: skip


def test_the_bound_is_i_json_s_largest_exact_integer():
    assert MAX_COUNT == 2**53 - 1 == int(float(MAX_COUNT))


@pytest.mark.parametrize(
    "make",
    [
        lambda n: Quantity.exact(n),
        lambda n: Quantity.between(0, n),
        lambda n: Quantity.unknown(low=n),
        lambda n: Quantity.exact(float(n), unit="km"),
        lambda n: Claim(id="c", kind="other", region_count=n),
        lambda n: Span(start=0, end=n),
    ],
)
def test_a_figure_past_the_bound_is_a_model_error(make):
    """At the bound is fine; one past it is refused, naming the bound."""
    make(MAX_COUNT)
    with pytest.raises(ModelError, match=f"(at most|<=) {MAX_COUNT}"):
        make(MAX_COUNT + 1)


def test_a_huge_integer_is_named_by_its_digits_not_formatted():
    """Python refuses to format integers of more than 4300 digits; the message never tries."""
    with pytest.raises(ModelError, match="got an integer of 5001 digits"):
        Quantity.exact(10**5000)


def test_the_wire_format_refuses_a_figure_past_the_bound_with_its_path():
    text = '{"id": "c", "kind": "other", "quantity": {"value": 9007199254740992}}'
    with pytest.raises(ce.StructureError) as info:
        ce.loads(Claim, text)
    assert info.value.paths == ("quantity.value",)


def test_the_json_schema_states_the_bound():
    defs = ce.json_schema(Claim)["$defs"]
    value = defs["Quantity"]["properties"]["value"]["anyOf"][0]
    assert value["maximum"] == MAX_COUNT
    assert defs["Claim"]["properties"]["region_count"]["anyOf"][0]["maximum"] == MAX_COUNT


@given(ces.quantities())
def test_the_strategy_draws_figures_within_the_bound(q: Quantity):
    assert all(v is None or v <= MAX_COUNT for v in (q.value, q.low, q.high))


def test_sums_may_pass_the_bound_and_validation_survives_them():
    """The largest count, each over ten regions: arithmetic and messages stay exact."""
    big = Quantity.exact(MAX_COUNT)
    assert (big + big).value == 2 * MAX_COUNT
    assert big.times(10).bounds == (10 * MAX_COUNT, 10 * MAX_COUNT)
    part = Claim(id="p", kind="interception", quantity=big, regions=REGIONS, distribution="each")
    total = Claim(
        id="t", kind="interception", quantity=Quantity.exact(1), regions=REGIONS,
        coverage="complete", parts=(part,),
    )  # fmt: skip
    result = ce.validate(total)
    assert str(10 * MAX_COUNT) in str(result)


def test_the_exports_carry_the_largest_count_exactly():
    claim = Claim(id="c", kind="interception", quantity=Quantity.exact(MAX_COUNT), region_count=1)
    pa = pytest.importorskip("pyarrow")
    table = ce.to_arrow(claim)
    assert int(table.column("quantity_value")[0].as_py()) == MAX_COUNT
    assert table.schema.field("region_count").type == pa.int64()
    pytest.importorskip("pandas")
    frame = ce.to_dataframe(claim)
    assert int(frame["quantity_value"].iloc[0]) == MAX_COUNT
    buf = io.StringIO(newline="")
    ce.write_csv(ce.to_records(claim), buf)
    buf.seek(0)
    assert ce.claims_from_records(ce.read_csv(buf)) == [claim]
