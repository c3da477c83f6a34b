"""The docs: every ``>>>`` example in docs/*.md runs, and Sphinx builds without a warning."""

from __future__ import annotations

import doctest
import importlib.util
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import conflict_events as ce

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.glob("*.md") if ">>> " in p.read_text(encoding="utf-8"))
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

# Pages whose examples use an optional extra; they are skipped, saying so, without it.
NEEDS: dict[str, tuple[str, ...]] = {
    "tables.md": ("pandas", "pyarrow"),
    "notebooks.md": ("matplotlib",),
}


@pytest.fixture
def registry_restored() -> Iterator[None]:
    """Rules a page registers are removed afterwards, even when the page fails half-way."""
    before = {r.code for r in ce.registry}
    yield
    for code in [r.code for r in ce.registry if r.code not in before]:
        ce.registry.remove(code)


def test_there_are_pages_to_check():
    names = {p.name for p in PAGES}
    assert {"index.md", "tutorial.md", "breakdowns.md", "writing-rules.md"} <= names


@pytest.mark.usefixtures("registry_restored")
@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_example_on_the_page_runs(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Each page's ``>>>`` examples run as one doctest, in a scratch working directory."""
    for module in NEEDS.get(page.name, ()):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{page.name} needs {module}, which is not installed")
    monkeypatch.chdir(tmp_path)
    text = page.read_text(encoding="utf-8")
    test = doctest.DocTestParser().get_doctest(
        text, {"__name__": page.stem}, page.name, str(page), 0
    )
    assert test.examples, f"{page.name}: no example found"
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test, out=report.write)
    assert runner.failures == 0, report.getvalue()


def test_the_pages_that_teach_the_library_have_examples():
    """The tutorial and the guides written for this site show runnable code, not prose alone."""
    for name in (
        "index.md",
        "tutorial.md",
        "breakdowns.md",
        "writing-rules.md",
        "command-line.md",
        "tables.md",
        "notebooks.md",
        "time.md",
        "reference-data.md",
    ):
        text = (DOCS / name).read_text(encoding="utf-8")
        examples = doctest.DocTestParser().get_examples(text, name)
        assert len(examples) >= 3, name


def test_the_site_builds_without_a_single_warning(tmp_path: Path):
    """``sphinx-build -n -W`` (nitpicky: every reference resolves; warnings are errors)."""
    for module in ("sphinx", "myst_parser"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (the docs extra): the site cannot be built")
    done = subprocess.run(  # noqa: S603 - runs Sphinx with this interpreter on our own docs
        [
            sys.executable,
            "-m",
            "sphinx",
            "-n",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr or done.stdout
    assert (tmp_path / "html" / "index.html").is_file()
    wire = (tmp_path / "html" / "wire-format.html").read_text(encoding="utf-8")
    urn = f"urn:conflict-events:schema:v{ce.SCHEMA_VERSION}:Report"
    assert urn in wire, "the schema is generated at build time"
    api = (tmp_path / "html" / "api.html").read_text(encoding="utf-8")
    assert 'id="conflict_events.Claim"' in api
