"""An opt-in pytest plugin: field-by-field diffs when two model objects differ.

Enable it in a ``conftest.py``::

    pytest_plugins = ["conflict_events.testing.pytest_plugin"]

or on the command line with ``-p conflict_events.testing.pytest_plugin``. Then a failing
``assert report == expected`` shows every differing field with its path, e.g.
``statements[0].claims[0].parts[2].quantity.value: 2 != 3``.
"""

from __future__ import annotations

import attrs

from conflict_events.model import MODEL_CLASSES
from conflict_events.testing._diff import model_diff

__all__ = ["pytest_assertrepr_compare"]


def pytest_assertrepr_compare(
    config: object, op: str, left: object, right: object
) -> list[str] | None:
    """Explain ``==`` between two model objects of one class by their differing fields."""
    if op != "==" or type(left) is not type(right) or type(left) not in MODEL_CLASSES:
        return None
    assert attrs.has(type(left))  # noqa: S101 - model classes are attrs classes
    diff = model_diff(left, right)
    name = type(left).__name__
    return [f"two {name} objects differ in {len(diff)} field(s):", *diff]
