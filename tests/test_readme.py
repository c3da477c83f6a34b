"""The README's example runs as shown, and prints what it shows."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_example_runs_and_prints_what_it_shows():
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    code = block.group(1)
    shown = [
        line.removeprefix("# ").rstrip()
        for line in code.splitlines()
        if line.startswith("# ") and not line.startswith("# ...")
    ]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})  # noqa: S102 - the project's own README example
    assert out.getvalue().rstrip().splitlines() == shown
