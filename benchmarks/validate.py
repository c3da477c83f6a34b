"""Streaming validation of generated claims: throughput, peak memory, rules against loading.

Each size runs in a fresh process that streams its JSON Lines file of statements with
``iter_jsonl`` and validates each statement as it arrives, keeping only counts. The same run
times the two halves separately, statement by statement: loading (reading, parsing and
building the objects) and the consistency rules (``validate``). Peak memory is the process's
maximum resident set size (``ru_maxrss``), also shown above the baseline taken after the
imports and a warm-up; with ``--tracemalloc`` a second pass reports the Python heap's peak.

    python benchmarks/validate.py                       # 100,000 and 1,000,000 claims
    python benchmarks/validate.py --claims 20000 --claims 200000 --tracemalloc

Data files come from ``benchmarks/_generate.py`` (written to ``benchmarks/_data/`` once and
reused). The script exits with status 1 if the rules take as long as the loading in any run.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import conflict_events as ce  # noqa: E402
from _generate import DEFAULT_SEED, count_claims, ensure_dataset  # noqa: E402 - beside this file
from conflict_events.validation import validate  # noqa: E402

SIZES = (100_000, 1_000_000)


def _rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS, where this reads 1024x too high).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: Path) -> dict[str, Any]:
    """Stream ``path`` once, timing loading and validation apart; in this process."""
    clock = time.perf_counter
    # Warm up: imports, catalogues and the rule plan, outside the timed run.
    for statement in ce.iter_jsonl(ce.Statement, path):
        validate(statement)
        break
    gc.collect()
    baseline = _rss_mb()
    load = rules = 0.0
    statements = claims = 0
    findings: Counter[str] = Counter()
    reader = ce.iter_jsonl(ce.Statement, path)
    started = clock()
    while True:
        t0 = clock()
        try:
            statement = next(reader)
        except StopIteration:
            break
        t1 = clock()
        result = validate(statement)
        t2 = clock()
        load += t1 - t0
        rules += t2 - t1
        statements += 1
        claims += count_claims(statement.claims)
        for finding in result:
            findings[finding.code] += 1
    wall = clock() - started
    return {
        "path": str(path),
        "statements": statements,
        "claims": claims,
        "load_s": load,
        "rules_s": rules,
        "wall_s": wall,
        "baseline_rss_mb": baseline,
        "peak_rss_mb": _rss_mb(),
        "findings": dict(findings.most_common()),
    }


def traced_peak(path: Path) -> float:
    """The Python heap's peak (MB) over a second streaming pass, under tracemalloc."""
    for statement in ce.iter_jsonl(ce.Statement, path):
        validate(statement)
        break
    tracemalloc.start()
    tracemalloc.reset_peak()
    for statement in ce.iter_jsonl(ce.Statement, path):
        validate(statement)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _child(path: Path, traced: bool) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", str(path)]
    if traced:
        args.append("--tracemalloc")
    done = subprocess.run(args, capture_output=True, text=True, check=True)  # noqa: S603
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}" if seconds else "-"


def report(runs: Iterable[dict[str, Any]]) -> bool:
    """Print the table; whether every run kept the rules cheaper than the loading."""
    rows = list(runs)
    print(
        f"{'claims':>10} {'statements':>10} {'load s':>8} {'rules s':>8} {'rules/load':>10} "
        f"{'load cl/s':>10} {'rules cl/s':>10} {'end-to-end cl/s':>15} {'peak RSS MB':>11} "
        f"{'above base':>10}" + (f" {'heap peak MB':>12}" if "heap_peak_mb" in rows[0] else "")
    )
    ok = True
    for r in rows:
        ratio = r["rules_s"] / r["load_s"]
        ok = ok and ratio < 1.0
        line = (
            f"{r['claims']:>10,} {r['statements']:>10,} {r['load_s']:>8.1f} {r['rules_s']:>8.1f} "
            f"{ratio:>10.2f} {_rate(r['claims'], r['load_s']):>10} "
            f"{_rate(r['claims'], r['rules_s']):>10} {_rate(r['claims'], r['wall_s']):>15} "
            f"{r['peak_rss_mb']:>11.1f} {r['peak_rss_mb'] - r['baseline_rss_mb']:>10.1f}"
        )
        if "heap_peak_mb" in r:
            line += f" {r['heap_peak_mb']:>12.1f}"
        print(line)
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        print(
            f"\n{large['claims'] / small['claims']:.1f}x the claims: peak RSS "
            f"{large['peak_rss_mb'] / small['peak_rss_mb']:.2f}x "
            f"({small['peak_rss_mb']:.1f} MB -> {large['peak_rss_mb']:.1f} MB)"
        )
    print(f"\nfindings in the largest run: {rows[-1]['findings']}")
    print(f"\nrules cheaper than loading in every run: {'yes' if ok else 'NO'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    """Run each size in a fresh process and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, action="append", help="a size; repeatable")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--tracemalloc", action="store_true", help="also trace the heap's peak")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        result = measure(args.child)
        if args.tracemalloc:
            result["heap_peak_mb"] = traced_peak(args.child)
        print(json.dumps(result))
        return 0
    sizes = sorted(args.claims or SIZES)
    runs = []
    for n in sizes:
        dataset = ensure_dataset(n, args.seed)
        print(f"validating {dataset.path.name} ...", file=sys.stderr)
        runs.append(_child(dataset.path, args.tracemalloc))
    print(f"Python {sys.version.split()[0]}, conflict_events {ce.__version__}\n")
    return 0 if report(runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
