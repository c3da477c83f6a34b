"""Time phrases of the Russian MoD's real posts of 2023-2024, read against their post times.

The posts stay outside the project, in ``../shared/data/mod_russia/``; these tests skip when
that folder is absent. The figures are those ``benchmarks/windows.py`` prints.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest

from conflict_events import TimeWindow

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data" / "mod_russia"
POSTS = DATA / "posts-2023-2024.csv"
GOLD = DATA / "gold-2023-2024.jsonl"

pytestmark = pytest.mark.skipif(
    not POSTS.exists(), reason=f"the MoD posts are absent ({POSTS} not found)"
)


@pytest.fixture(scope="module")
def windows() -> ModuleType:
    """The benchmark script, whose phrase finding and checks the tests share."""
    name = "conflict_events_benchmark_windows"
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "windows.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def outcomes(windows: ModuleType) -> list[object]:
    return list(windows.read_phrases(list(windows.read_posts(POSTS))))


def test_no_window_read_from_a_post_ends_after_it_or_misreads_a_clock(
    outcomes: list[object],
) -> None:
    """0 wrong: no window ends after its post (beyond the tolerance) unless the text dates it
    so with its year, and every window starts and ends at clock times the phrase writes."""
    wrong = [(o.post.posted, o.phrase, o.wrong) for o in outcomes if o.wrong]  # type: ignore[attr-defined]
    assert wrong == []


def test_at_least_99_percent_of_the_phrases_found_are_read(outcomes: list[object]) -> None:
    readable = [o for o in outcomes if not o.cut]  # type: ignore[attr-defined]
    parsed = [o for o in readable if o.window is not None]  # type: ignore[attr-defined]
    assert len(readable) > 2000
    assert len(parsed) / len(readable) >= 0.99


def test_windows_dated_after_their_post_are_announcements_with_their_year(
    outcomes: list[object],
) -> None:
    """What ends after its post does so because the text dates it: a truce, a call-up."""
    ahead = [o for o in outcomes if o.ahead]  # type: ignore[attr-defined]
    assert all(o.window.start > o.post.posted for o in ahead)  # type: ignore[attr-defined]
    assert len(ahead) <= 10


def test_a_convention_never_ends_after_its_post(outcomes: list[object]) -> None:
    """Every night, morning or "сутки" window read against its post ends by the post."""
    conventional = [
        o
        for o in outcomes
        if o.window is not None  # type: ignore[attr-defined]
        and o.window.label is not None  # type: ignore[attr-defined]
    ]
    assert len(conventional) > 300
    late = [o.phrase for o in conventional if o.window.end > o.post.posted]  # type: ignore[attr-defined]
    assert late == []


@pytest.mark.skipif(not GOLD.exists(), reason=f"the hand-checked gold is absent ({GOLD})")
def test_every_window_of_the_hand_checked_gold_is_read_exactly() -> None:
    """The gold's windows (explicit clock ranges, dated ranges, "около HH.MM") in MSK."""
    compared = 0
    differences = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        posted = datetime.fromisoformat(record["posted_utc"])
        for claim in record["claims"]:
            if not claim.get("window"):
                continue
            phrase = claim["window_text"].replace("**", "").strip()
            w = TimeWindow.parse(phrase, tz="Europe/Moscow", reference=posted)
            got = (w.start.isoformat(), w.end.isoformat())
            want = (claim["window"]["start"], claim["window"]["end"])
            compared += 1
            if got != want:
                differences.append((record["id"], phrase, got, want))
    assert compared >= 80
    assert differences == []
