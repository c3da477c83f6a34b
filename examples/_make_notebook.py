"""Write ``examples/seed_report.ipynb``, the example notebook, from the cells below.

    python examples/_make_notebook.py [OUTPUT.ipynb]

The notebook is kept without outputs; Jupyter (or the test suite, through nbclient) runs it.
Edit the cells here rather than in Jupyter, then run this script, so the file stays small and
its diffs readable. The file is written in nbformat 4 with plain ``json``, so this script
needs nothing beyond the standard library.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().with_name("seed_report.ipynb")

CELLS: list[tuple[str, str]] = [
    (
        "markdown",
        """\
# The seed report in a notebook

This notebook builds the report of `seed_report.py` (an outlet's article of 31 October 2025 on
Russian air-defence claims), shows it as a table, validates it, and charts the breakdown of the
130 drones the Ministry of Defence claimed overnight.

Run it from the `examples/` directory with `conflict_events` installed, and `matplotlib` for
the chart (`pip install "conflict-events[plot]"`).""",
    ),
    (
        "code",
        """\
import importlib.util
from pathlib import Path

import conflict_events as ce

# seed_report.py sits beside this notebook; load it as a module and build the report.
script = Path("seed_report.py")
if not script.exists():  # started from the repository root instead
    script = Path("examples") / "seed_report.py"
spec = importlib.util.spec_from_file_location("seed_report", script)
seed_report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(seed_report)

report = seed_report.build()
len(report.statements), len(report.claims())""",
    ),
    (
        "markdown",
        """\
## The report

Each statement with who made it, when, and its claims. A claim's amount stands beside the sum
of its parts; windows are shown on the clock they were stated in and in UTC.""",
    ),
    ("code", "display(report)"),
    (
        "markdown",
        """\
## One claim: 130 drones overnight

The breakdown is partial ("including"), so its parts may add up to less than 130. Two parts
give one number for a group of regions without saying whether it is per region, so the sum is
an interval.""",
    ),
    (
        "code",
        """\
claims = {claim.id: claim for _, claim in report.claims()}
night = claims["c:night-total"]
display(night)""",
    ),
    (
        "markdown",
        """\
## Validation

`ce.validate` never raises on bad data: it returns findings with a code, a severity, a path
into the report and one sentence with the numbers.""",
    ),
    (
        "code",
        """\
result = ce.validate(report)
display(result)
result.ok, result.counts()""",
    ),
    (
        "markdown",
        """\
## The breakdown as a chart

One bar per part, labelled with its regions; `(?)` marks a count for a group of regions whose
distribution the text leaves open. The title compares the stated total with what the parts
add up to.""",
    ),
    (
        "code",
        """\
%matplotlib inline
import matplotlib.pyplot as plt

ax = ce.plot_breakdown(night)
plt.show()""",
    ),
]


def _lines(text: str) -> list[str]:
    """Cell source as nbformat stores it: lines that keep their line breaks."""
    return text.splitlines(keepends=True)


def notebook() -> dict[str, Any]:
    """The notebook as an nbformat 4.5 document, without outputs."""
    cells: list[dict[str, Any]] = []
    for i, (kind, source) in enumerate(CELLS, start=1):
        cell: dict[str, Any] = {
            "cell_type": kind,
            "id": f"cell-{i:02d}",
            "metadata": {},
            "source": _lines(source),
        }
        if kind == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
        cells.append(cell)
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def text() -> str:
    """The notebook file's text, as Jupyter writes it (one-space indent, sorted keys)."""
    return json.dumps(notebook(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the notebook to ``argv[0]``, or to ``examples/seed_report.ipynb``."""
    args = sys.argv[1:] if argv is None else argv
    output = Path(args[0]) if args else OUTPUT
    output.write_text(text(), encoding="utf-8")
    print(f"wrote {output} ({len(CELLS)} cells)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
