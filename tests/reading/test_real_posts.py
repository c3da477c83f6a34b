"""The reader on the Russian MoD's real posts, against hand-checked gold (skipped when absent).

The posts and the gold stay outside the project, in ``../shared/data/mod_russia/``; the
benchmark ``benchmarks/reading.py`` prints the same figures with the cases behind them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "mod_russia"
GOLD = DATA / "gold-2023-2024.jsonl"
POSTS = DATA / "posts-2023-2024.csv"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "reading_benchmark", ROOT / "benchmarks" / "reading.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _benchmark()


def test_the_gold_figures_meet_their_targets(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    if not GOLD.is_file():
        pytest.skip(f"{GOLD} is absent")
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    figures = bench.evaluate(rows, 0)
    capsys.readouterr()
    assert figures["gate_f1"] >= 0.99
    assert figures["totals"] >= 0.99
    assert figures["parts_f1"] >= 0.98
    assert figures["windows"] >= 0.99
    assert figures["spans"] == 1.0


def test_almost_every_bulletin_leaves_no_count_unread(bench: ModuleType) -> None:
    if not POSTS.is_file():
        pytest.skip(f"{POSTS} is absent")
    from conflict_events import read_bulletin

    bulletins = unread = 0
    for text, posted in bench.load_posts(POSTS):
        reading = read_bulletin(text, posted=posted)
        if reading.statement is None:
            continue
        bulletins += 1
        unread += bool(reading.unread_counts)
        for mark in reading.marks:
            assert text[mark.span.start : mark.span.end] == mark.text
    assert bulletins > 1500
    assert unread / bulletins <= 0.01
