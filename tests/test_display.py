"""Notebook display: HTML tables with escaped text, and breakdown charts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def _unit_mismatch() -> ce.Claim:
    """A range in km broken down into counts: ``validate`` reports it (CE209)."""
    part = ce.Claim(id="p", kind="capability", quantity=ce.Quantity.exact(3))
    return ce.Claim(
        id="c",
        kind="capability",
        quantity=ce.Quantity.at_least(500, unit="km"),
        coverage="complete",
        parts=(part,),
    )


def test_a_unit_mismatch_is_shown_as_a_problem_not_raised():
    """Report, statement and claim displays show "cannot compare" instead of raising."""
    claim = _unit_mismatch()
    statement = ce.Statement(id="s", source="src:a", kind="bulletin", claims=(claim,))
    report = ce.Report(id="r", statements=(statement,))
    for obj in (claim, statement, report):
        html = obj._repr_html_()  # type: ignore[attr-defined]
        assert '<span class="ce-bad">cannot compare &#x27;km&#x27; and &#x27;count&#x27;' in html
    mixed = ce.Claim(
        id="m",
        kind="other",
        quantity=ce.Quantity.exact(2),
        parts=(
            ce.Claim(id="a", kind="other", quantity=ce.Quantity.exact(1)),
            ce.Claim(id="b", kind="other", quantity=ce.Quantity.exact(1, unit="km")),
        ),
    )
    assert "cannot add &#x27;count&#x27; and &#x27;km&#x27;" in claim_html(mixed)


def _two_regions_each() -> ce.Claim:
    part = ce.Claim(
        id="p:each",
        kind="interception",
        quantity=ce.Quantity.exact(5),
        regions=("RU-KRS", "RU-BEL"),
        distribution="each",
    )
    rest = ce.Claim(
        id="p:rest", kind="interception", quantity=ce.Quantity.exact(35), regions=("RU-VOR",)
    )
    return ce.Claim(
        id="c:45",
        kind="interception",
        quantity=ce.Quantity.exact(45),
        coverage="complete",
        parts=(part, rest),
    )


def test_plot_breakdown_to_a_file_leaves_matplotlib_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """No backend switch, no figure left open in pyplot, no setting changed."""
    mpl = pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    switched: list[object] = []
    monkeypatch.setattr(mpl, "use", lambda *a, **k: switched.append(a))
    backend, figures, settings = mpl.get_backend(), plt.get_fignums(), dict(mpl.rcParams)
    ce.plot_breakdown(_two_regions_each(), path=str(tmp_path / "chart.png"))
    assert switched == []
    assert mpl.get_backend() == backend
    assert plt.get_fignums() == figures
    assert dict(mpl.rcParams) == settings


def test_plot_breakdown_draws_each_as_what_it_adds_up_to(tmp_path: Path):
    """5 each over two regions is a bar of 10 marked "5 each"; bars carry region names."""
    pytest.importorskip("matplotlib")
    ax = ce.plot_breakdown(_two_regions_each(), path=str(tmp_path / "chart.png"))
    assert [patch.get_height() for patch in ax.patches] == [10, 35]
    assert [t.get_text() for t in ax.texts] == ["10 (5 each)", "35"]
    labels = [label.get_text() for label in ax.get_xticklabels()]
    assert labels == [
        "Kursk Oblast (RU-KRS)\nBelgorod Oblast (RU-BEL) (each)",
        "Voronezh Oblast (RU-VOR)",
    ]
    assert ax.get_title() == "c:45: 45 stated, parts add up to 45"


def test_plot_breakdown_marks_group_counts_and_draws_into_a_given_axes():
    """A group count is one bar marked (total); an unknown spread reaches its highest reading."""
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    regions = ("RU-BRY", "RU-LIP")
    parts = (
        ce.Claim(id="t", kind="interception", quantity=ce.Quantity.exact(4), regions=regions,
                 distribution="total"),
        ce.Claim(id="u", kind="interception", quantity=ce.Quantity.exact(3), regions=regions,
                 distribution="unknown"),
    )  # fmt: skip
    given_ax = Figure().add_subplot()
    ax = ce.plot_breakdown(ce.Claim(id="c", kind="interception", parts=parts), ax=given_ax)
    assert ax is given_ax
    assert [t.get_text() for t in ax.texts] == ["4", "3–6 (?)"]
    assert [label.get_text().endswith(" (total)") for label in ax.get_xticklabels()] == [
        True,
        False,
    ]
    assert [patch.get_height() for patch in ax.patches] == [4, 3]


def test_plot_breakdown_draws_dollars_literally(tmp_path: Path):
    """A ``$`` in an id or a region is text, not mathtext (which would fail to parse)."""
    pytest.importorskip("matplotlib")
    part = ce.Claim(id="p:$\\frac$", kind="interception", quantity=ce.Quantity.exact(2))
    claim = ce.Claim(id="c:$\\frac{$", kind="interception", parts=(part,))
    path = tmp_path / "dollars.png"
    ax = ce.plot_breakdown(claim, path=str(path))
    assert path.read_bytes()[:4] == b"\x89PNG"
    assert ax.get_title().startswith("c:\\$\\frac{\\$")
    assert [label.get_text() for label in ax.get_xticklabels()] == ["p:\\$\\frac\\$"]


def test_plot_breakdown_survives_parts_in_different_units(tmp_path: Path):
    pytest.importorskip("matplotlib")
    claim = ce.Claim(
        id="c",
        kind="other",
        parts=(
            ce.Claim(id="a", kind="other", quantity=ce.Quantity.exact(1)),
            ce.Claim(id="b", kind="other", quantity=ce.Quantity.exact(2.5, unit="km")),
        ),
    )
    ax = ce.plot_breakdown(claim, path=str(tmp_path / "units.png"))
    assert "parts add up to nothing (cannot add 'count' and 'km')" in ax.get_title()


def test_plot_breakdown_without_a_path_draws_with_pyplot_for_notebooks():
    """With neither ``ax`` nor ``path`` pyplot owns the figure, so a notebook shows it."""
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    ax = ce.plot_breakdown(_two_regions_each())
    assert ax.figure.number in plt.get_fignums()
    plt.close(ax.figure)


@given(st.text(alphabet=st.sampled_from("<>&\"'/=$ ascriptb"), min_size=1, max_size=16))
def test_no_text_field_can_add_markup_to_the_html(text: str):
    """Text in any field gives exactly the tags the same claim with plain text gives."""
    ident = text.strip() or "c"

    def claim(t: str, i: str) -> ce.Claim:
        part = ce.Claim(id=i + "p", kind="other", quote=t, note=t, actor=t, target_party=t)
        return ce.Claim(id=i, kind="other", quote=t, note=t, actor=t, parts=(part,))

    def statement(t: str, i: str) -> ce.Statement:
        return ce.Statement(id=i, source=i, kind="bulletin", summary=t, claims=(claim(t, i),))

    def report(t: str, i: str) -> ce.Report:
        source = ce.Source(id=i, name=t.strip() or i, kind="outlet")
        return ce.Report(id=i, title=t, statements=(statement(t, i),), sources=(source,))

    for build, render in ((claim, claim_html), (statement, statement_html), (report, report_html)):
        hostile, plain = render(build(text, ident)), render(build("x", "x"))
        assert hostile.count("<") == plain.count("<")
        assert hostile.count(">") == plain.count(">")
