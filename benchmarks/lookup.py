"""Gazetteer look-up times: names that resolve, names that do not, and directions.

Times ``gazetteer.lookup`` in this checkout, after the data has loaded, on names that resolve
(hits), names that resolve nowhere (misses: the error is caught and its suggestions are not
read, as a bulk import does), misses whose suggestions are then read, and direction words.
Keys of recently met names are remembered; the "not met before" rows clear that memory before
each look-up, as for a name seen for the first time.
Each side runs in fresh processes, interleaved, and the best run of each is kept. With
``--against REV`` (``main`` by default; ``--against ''`` to skip) the same names are timed on
that revision's ``src/`` (extracted to a temporary directory with ``git archive``), and the
ratios (that revision's time over this checkout's) are printed.

    python benchmarks/lookup.py [--against main] [--reps 3] [--loops 20]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HITS = ("Orel", "Белгородской области", "Kharkiv Oblast", "Sea of Azov", "Crimea", "Tula")
MISSES = ("Millerovo", "Primorsko-Akhtarsk", "Xyzzyville", "Kramatorsk", "Shatalovo")
DIRECTIONS = ("south", "north-east", "с юга", "from the north")


def _per_call(call: Callable[[], object], loops: int, reps: int) -> float:
    """The median over ``reps`` of the mean time of one call, in microseconds."""
    runs = []
    for _ in range(reps):
        started = time.perf_counter()
        for _ in range(loops):
            call()
        runs.append((time.perf_counter() - started) / loops)
    return statistics.median(runs) * 1e6


def measure(reps: int, loops: int) -> dict[str, float]:
    """Microseconds per look-up, per kind of name, in this process's conflict_events."""
    from conflict_events.errors import LookupFailed
    from conflict_events.reference import _normalize, gazetteer

    gazetteer.get("RU")  # load the data outside the timings
    caches = [getattr(_normalize, f, None) for f in ("region_key", "place_words")]
    clears = [c.cache_clear for c in caches if hasattr(c, "cache_clear")]

    def run(names: tuple[str, ...], read: bool, cold: bool = False) -> Callable[[], object]:
        def call() -> None:
            for name in names:
                if cold:  # a name not met before: its key is computed afresh
                    for clear in clears:
                        clear()
                try:
                    gazetteer.lookup(name)
                except LookupFailed as error:
                    if read:
                        str(error)

        return call

    return {
        "hit": _per_call(run(HITS, False), loops, reps) / len(HITS),
        "hit, name not met before": _per_call(run(HITS, False, True), loops, reps) / len(HITS),
        "miss": _per_call(run(MISSES, False), max(1, loops // 4), reps) / len(MISSES),
        "miss, name not met before": _per_call(run(MISSES, False, True), max(1, loops // 4), reps)
        / len(MISSES),
        "miss, suggestions read": _per_call(run(MISSES, True), 1, reps) / len(MISSES),
        "direction word": _per_call(run(DIRECTIONS, False), loops, reps) / len(DIRECTIONS),
    }


def _inner(src: Path, reps: int, loops: int) -> dict[str, float]:
    """The timings of the library under ``src``, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    result = subprocess.run(  # noqa: S603 - this interpreter, this script
        [sys.executable, __file__, "--inner", "--reps", str(reps), "--loops", str(loops)],
        capture_output=True,
        check=True,
        env=env,
        text=True,
    )
    timings: dict[str, float] = json.loads(result.stdout)
    return timings


def _extract(revision: str, into: Path) -> Path | None:
    """``revision``'s ``src/`` extracted under ``into``, or None when git cannot give it."""
    archive = into / "src.tar"
    done = subprocess.run(  # noqa: S603 - git with fixed arguments
        ["git", "-C", str(ROOT), "archive", "-o", str(archive), revision, "src"],  # noqa: S607
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        print(f"cannot read {revision!r}: {done.stderr.decode().strip()}", file=sys.stderr)
        return None
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main(argv: list[str] | None = None) -> int:
    """Print the timings (and the ratios against another revision)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="a git revision to compare with")
    parser.add_argument("--reps", type=int, default=3, help="runs per side, interleaved")
    parser.add_argument("--loops", type=int, default=20)
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        print(json.dumps(measure(args.reps, args.loops)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        other = _extract(args.against, Path(tmp)) if args.against else None
        here: dict[str, float] = {}
        before: dict[str, float] = {}
        for _ in range(args.reps):  # interleaved, best of each: the machine may be busy
            for side, src in ((here, ROOT / "src"), (before, other)):
                if src is not None:
                    for kind, value in _inner(src, 3, args.loops).items():
                        side[kind] = min(value, side.get(kind, value))
    head = f"{'µs per look-up':<30}{'this checkout':>16}"
    print(head + (f"{args.against:>16}{'ratio':>10}" if before else ""))
    for kind, value in here.items():
        line = f"{kind:<30}{value:>16.1f}"
        if kind in before:
            line += f"{before[kind]:>16.1f}{before[kind] / value:>9.1f}x"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
