"""The README's example runs as shown, including the error it shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import conflict_events as ce

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_example_runs_and_fails_where_it_says():
    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    *setup, failing = [part for part in block.group(1).split("\n\n") if part.strip()]
    namespace: dict[str, object] = {}
    exec("\n\n".join(setup), namespace)  # noqa: S102 - the project's own README example
    statement, *shown = failing.strip().splitlines()
    with pytest.raises(ce.StructureError) as info:
        exec(statement, namespace)  # noqa: S102
    expected = [line.removeprefix("# ").strip() for line in shown]
    assert str(info.value).splitlines()[1].strip() == expected[-1]
