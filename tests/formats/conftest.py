"""Fixtures for the format tests: the real datasets beside the repository (``../shared/data``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.fixture
def real() -> Callable[[str], Path]:
    """The path of a real data file; the test is skipped when the shared data is absent."""

    def find(relative: str) -> Path:
        path = DATA / relative
        if not path.exists():
            pytest.skip(f"{relative} absent: the shared data folder is not beside the checkout")
        return path

    return find
