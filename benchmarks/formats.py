"""Rows per second of each dataset reader and writer, with pandas reading the same file as a floor.

Readers run on the real files in ``../shared/data`` when they are there (the missile-attacks CSV,
the UCDP GED extract, the PLOVER gold standard) and on a generated ACLED-shaped file of
``--acled-rows`` rows (the synthetic rows of ``tests/data/formats`` with new ids). pandas'
``read_csv`` (``read_json`` for PLOVER) of the same file is the floor: it parses text into
columns and builds no objects, checks nothing and resolves no names. Writers write the reports
their reader made. Each figure is the median of ``--repeat`` runs::

    python benchmarks/formats.py --repeat 3
"""

from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from conflict_events import Report, formats

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
SYNTHETIC_ACLED = ROOT / "tests" / "data" / "formats" / "acled-synthetic.csv"
FILES = {
    "missile-attacks": DATA / "missile_attacks" / "missile_attacks_daily.csv",
    "ucdp-ged": DATA / "ucdp" / "UCDP-Ukraine.2023-06-23_f0821cc.csv",
    "plover": DATA / "plover" / "PLOVER_GSR_CAMEO.json",
}


def _acled_file(folder: Path, rows: int) -> Path:
    with SYNTHETIC_ACLED.open(encoding="utf-8", newline="") as handle:
        base = list(csv.DictReader(handle))
    path = folder / "acled.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(base[0]))
        writer.writeheader()
        for i in range(rows):
            row = dict(base[i % len(base)])
            row["event_id_cnty"] = f"{row['event_id_cnty'][:3]}{i + 1}"
            writer.writerow(row)
    return path


def _median(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        n = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), n


def main() -> None:
    """Measure every reader and writer and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--acled-rows", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {k: v for k, v in FILES.items() if v.exists()}
        files["acled"] = _acled_file(folder, args.acled_rows)
        print(f"{'what':<28} {'rows':>6} {'rows/s':>10} {'pandas rows/s':>14} {'x pandas':>9}")
        for name, path in files.items():

            def read(name: str = name, path: Path = path) -> int:
                imp = formats.read(path, format=name)
                for _ in imp:
                    pass
                return imp.counts["records"]

            def floor(name: str = name, path: Path = path) -> int:
                if name == "plover":
                    return len(pd.read_json(path))
                return len(pd.read_csv(path, dtype=str, keep_default_na=False))

            seconds, rows = _median(read, args.repeat)
            pd_seconds, pd_rows = _median(floor, args.repeat)
            print(
                f"{'read ' + name:<28} {rows:>6} {rows / seconds:>10,.0f} "
                f"{pd_rows / pd_seconds:>14,.0f} {seconds / pd_seconds:>9.1f}"
            )
            if name in formats.WRITERS:
                reports = list(formats.read(path, format=name))
                out = folder / f"out-{name}.csv"

                def write(
                    name: str = name, out: Path = out, reports: list[Report] = reports
                ) -> int:
                    return formats.write(reports, out, format=name)

                w_seconds, w_rows = _median(write, args.repeat)
                print(f"{'write ' + name:<28} {w_rows:>6} {w_rows / w_seconds:>10,.0f}")
        _export_writers(files, folder, args.repeat)


EXPORTS = ("geojson", "stix", "parquet")
"""The writers of formats no reader reads: measured on every report the readers made."""


def _export_writers(files: dict[str, Path], folder: Path, repeat: int) -> None:
    """Rows (features, objects, table rows) per second of the export-only writers."""
    reports = [r for name, path in files.items() for r in formats.read(path, format=name)]
    for name in EXPORTS:
        out = folder / f"export.{name}"

        def write(name: str = name, out: Path = out) -> int:
            return formats.write(reports, out, format=name)

        seconds, rows = _median(write, repeat)
        label = f"write {name} ({len(reports)} reports)"
        print(f"{label:<28} {rows:>6} {rows / seconds:>10,.0f}")


if __name__ == "__main__":
    main()
