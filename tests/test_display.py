"""Notebook display: HTML tables with escaped text, and breakdown charts."""

from __future__ import annotations

from pathlib import Path

import pytest

import conflict_events as ce
from conflict_events._display import breakdown_sum, claim_html, report_html, statement_html

SEED = Path(__file__).resolve().parents[1] / "examples" / "data" / "seed_report.json"


@pytest.fixture(scope="module")
def seed() -> ce.Report:
    return ce.loads(ce.Report, SEED.read_text(encoding="utf-8"))


def test_the_seed_report_renders_who_said_what_and_when(seed: ce.Report):
    html = seed._repr_html_()  # type: ignore[attr-defined]
    assert html == report_html(seed)
    assert "Ministry of Defence of the Russian Federation" in html
    assert "2025-10-31 18:00–24:00 MSK [part_of_day, &quot;evening&quot;, approximate]" in html
    assert "2025-10-31 15:00–21:00 UTC" in html  # and UTC
    assert "34 drones were neutralized over Belgorod Oblast" in html
    assert "96–120 (partial)" in html  # 130 against the sum of its parts, both readings
    assert "more than 500 km" in html
    assert f"{len(seed.statements)} statements, {len(seed.claims())} claims" in html


def test_a_breakdown_that_cannot_add_up_is_marked(seed: ce.Report):
    evening = seed.statements[0].claims[0]
    assert 'class="ce-bad"' not in claim_html(evening)
    wrong = ce.Claim(
        id="c",
        kind="interception",
        quantity=ce.Quantity.exact(38),
        coverage="complete",
        parts=(ce.Claim(id="p", kind="interception", quantity=ce.Quantity.exact(34)),),
    )
    assert '<span class="ce-bad">34</span>' in claim_html(wrong)


def test_markup_in_the_data_is_escaped():
    hostile = "<script>alert('x')</script> & <b>"
    claim = ce.Claim(id="c:<i>", kind="other", quote=hostile, note=hostile)
    statement = ce.Statement(
        id="s", source="<src>", kind="bulletin", claims=(claim,), summary=hostile
    )
    report = ce.Report(
        id="r&d",
        title=hostile,
        statements=(statement,),
        sources=(ce.Source(id="<src>", name=hostile, kind="outlet"),),
    )
    for html in (claim_html(claim), statement_html(statement), report_html(report)):
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
        assert "&lt;b&gt;" in html
    assert "r&amp;d" in report_html(report)


def test_a_statement_renders_on_its_own(seed: ce.Report):
    html = seed.statements[2]._repr_html_()  # type: ignore[attr-defined]
    assert "c:night-orel-tambov-tula" in html
    assert "[unknown]" in html


@pytest.mark.parametrize(
    ("distribution", "expected"),
    [(None, "9"), ("total", "9"), ("each", "27"), ("unknown", "9–27")],
)
def test_the_sum_of_parts_reads_grouped_counts_by_their_distribution(
    distribution: str | None, expected: str
):
    part = ce.Claim(
        id="p",
        kind="interception",
        quantity=ce.Quantity.exact(9),
        regions=("RU-ORL", "RU-TAM", "RU-TUL"),
        distribution=distribution,
    )
    total = breakdown_sum(ce.Claim(id="c", kind="interception", parts=(part,)))
    assert str(total) == expected


def test_a_claim_without_counted_parts_has_no_sum():
    assert breakdown_sum(ce.Claim(id="c", kind="other")) is None


def test_plot_breakdown_writes_a_png(seed: ce.Report, tmp_path: Path):
    pytest.importorskip("matplotlib")
    path = tmp_path / "breakdown.png"
    ax = ce.plot_breakdown(seed.statements[2].claims[0], path=str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "130 stated, parts add up to 96–120" in ax.get_title()
    assert len(ax.patches) == 10


def test_validation_results_render_their_findings_escaped(seed: ce.Report):
    html = ce.validate(seed)._repr_html_()  # type: ignore[attr-defined]
    assert "0 errors, 1 warnings, 2 infos" in html
    assert "CE206" in html
    assert "&#x27;majority&#x27; 31 of 130 is 24 %" in html
    assert "<code>statements[2].claims[0].parts[0]</code>" in html
    clean = ce.validate(ce.Claim(id="c", kind="other"))
    assert "No findings" in clean._repr_html_()  # type: ignore[attr-defined]
