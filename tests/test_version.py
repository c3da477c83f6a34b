"""``__version__`` is the installed distribution's version, not a second copy of it."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

import conflict_events as ce

ROOT = Path(__file__).resolve().parents[1]


def test_the_version_is_the_installed_metadata() -> None:
    """``ce.__version__`` reads the metadata of the ``conflict-events`` distribution."""
    assert ce.__version__ == metadata.version("conflict-events")


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is new in Python 3.11")
def test_the_version_is_the_one_the_project_declares() -> None:
    """An editable install reports the version ``pyproject.toml`` declares."""
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as fh:
        declared = tomllib.load(fh)["project"]["version"]
    assert ce.__version__ == declared
