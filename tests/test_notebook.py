"""The example notebook is current, executes without errors, and shows the tables and the chart."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NOTEBOOK = EXAMPLES / "seed_report.ipynb"
KERNEL = "conflict-events-test"


@pytest.fixture(autouse=True)
def _platform_dirs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opt in to jupyter_core's platformdirs paths before anything imports it.

    Older jupyter_core releases warn at import (a DeprecationWarning, an error in this suite)
    that their paths will move unless ``JUPYTER_PLATFORM_DIRS`` is set; setting it silences
    the warning at its source instead of filtering it.
    """
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_notebook", EXAMPLES / "_make_notebook.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_notebook_is_what_its_generator_writes():
    """Regenerate with ``python examples/_make_notebook.py`` when this fails."""
    assert NOTEBOOK.read_text(encoding="utf-8") == _generator().text()


def test_the_committed_notebook_has_no_outputs():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)


def test_the_notebook_is_valid_nbformat():
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed")
    nbformat.validate(nbformat.read(NOTEBOOK, as_version=4))


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernel spec that runs this interpreter, so the notebook tests the code under test.

    A ``python3`` kernel installed elsewhere on the machine could run another environment;
    a spec of our own, first on ``JUPYTER_PATH``, cannot.
    """
    for module in ("nbclient", "nbformat", "ipykernel"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed: the notebook cannot be executed")
    spec_dir = tmp_path / "jupyter" / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "conflict_events tests",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    # Keep the kernel's runtime files and IPython's profile out of the user's home.
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    return KERNEL


def _outputs(nb: Any) -> list[dict[str, Any]]:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]


def test_the_notebook_runs_and_shows_the_report_the_findings_and_the_chart(kernel: str):
    pytest.importorskip("matplotlib", reason="the notebook's chart needs matplotlib")
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=120,
        allow_errors=False,
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    outputs = _outputs(nb)
    assert not [o for o in outputs if o.output_type == "error"]
    streams = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Traceback" not in streams
    html = "\n".join(o.data["text/html"] for o in outputs if "text/html" in o.get("data", {}))
    text = "\n".join(o.data["text/plain"] for o in outputs if "text/plain" in o.get("data", {}))
    # The report and the 130-drone claim as HTML tables.
    assert "rep:ksfo-2025-10-31-air-defence" in html
    assert "Ministry of Defence of the Russian Federation" in html
    assert "c:night-orel-tambov-tula" in html
    assert "UTC" in html
    # The findings: as an HTML table where ValidationResult has one, else as text.
    for code in ("CE203", "CE206", "CE402"):
        assert code in html or code in text, code
    assert "(True, {'error': 0, 'warning': 1, 'info': 2})" in text
    # The chart.
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1
