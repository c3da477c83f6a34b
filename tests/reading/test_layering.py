"""The reading layer imports only the layers below it, never the command line or testing."""

from __future__ import annotations

import ast
from pathlib import Path

import conflict_events

PACKAGE = Path(conflict_events.__file__).resolve().parent
BELOW = ("errors", "model", "serialize", "reference", "validate", "validation", "reading")


def test_reading_imports_only_lower_layers() -> None:
    bad = []
    for path in sorted((PACKAGE / "reading").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] != "conflict_events":
                    continue
                if len(parts) == 1 or parts[1] not in BELOW:
                    bad.append(f"{path.name}: {name}")
    assert bad == []
