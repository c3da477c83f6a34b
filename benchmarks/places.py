"""Place names of real datasets through the gazetteer: resolved, directions, unresolved, outside.

Reads the place columns of two datasets nobody here wrote, from ``../shared/data`` beside the
repository (or ``--data``):

- ``missile_attacks/missile_attacks_daily.csv``: ``launch_place`` and ``target`` (several
  places joined with " and ", as its README says);
- ``ucdp/*.csv``: ``adm_1``, ``adm_2`` and ``country``.

Each name is looked up with ``gazetteer.lookup``, which reads a place qualified by its region
("Chauda, Crimea") as the place. A name that does not resolve whole ("Black Sea, Yalta",
"Kyiv oblast (south)") is read as its comma and bracket parts; it counts as resolved when a
part resolves. The script prints, per column and in total, the
names (distinct and as rows mention them) that resolve, that are directions, that do not
resolve, and that resolve to a place outside Russia, Ukraine, Belarus, Moldova and the seas
around them (a country named outright, "Iran", is listed apart: the name says so).

    python benchmarks/places.py [--data ../shared/data] [--show 20]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from conflict_events.errors import DirectionName, LookupFailed
from conflict_events.model import RegionKind
from conflict_events.reference import CONFLICT_COUNTRIES, gazetteer

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
_PARTS = re.compile(r"\s*[,()]\s*")

RESOLVED, DIRECTION, UNRESOLVED, OUTSIDE, COUNTRY = (
    "resolved",
    "direction",
    "unresolved",
    "outside",
    "foreign country",
)
OUTCOMES = (RESOLVED, DIRECTION, UNRESOLVED, OUTSIDE, COUNTRY)


@dataclass
class Tally:
    """Outcomes of one column's names: distinct names and mentions (rows x names)."""

    names: dict[str, str] = field(default_factory=dict)
    """Each distinct name and its outcome."""
    mentions: Counter[str] = field(default_factory=Counter)
    """Outcome -> how many times rows mention a name with it."""
    ids: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Each resolved name and the ids it resolved to."""

    def add(self, name: str) -> None:
        """Look ``name`` up once and count this mention."""
        if name not in self.names:
            self.names[name], self.ids[name] = classify(name)
        self.mentions[self.names[name]] += 1

    def distinct(self, outcome: str) -> list[str]:
        """The distinct names with ``outcome``, sorted."""
        return sorted(n for n, o in self.names.items() if o == outcome)


def _outside(region_id: str) -> str | None:
    """``OUTSIDE`` or ``COUNTRY`` for a place outside the conflict's countries, else None."""
    region = gazetteer.get(region_id)
    held = {region.country, region.administered_by, *region.claimed_by} - {None}
    if region.country is None or held & CONFLICT_COUNTRIES:
        return None
    return COUNTRY if region.kind is RegionKind.COUNTRY else OUTSIDE


def _resolve(name: str) -> tuple[str, tuple[str, ...]]:
    try:
        return RESOLVED, (gazetteer.lookup(name).id,)
    except DirectionName:
        return DIRECTION, ()
    except LookupFailed:
        return UNRESOLVED, ()


def classify(name: str) -> tuple[str, tuple[str, ...]]:
    """The outcome of looking ``name`` up, and the ids it resolved to."""
    outcome, ids = _resolve(name)
    if outcome == UNRESOLVED:
        parts = [p for p in _PARTS.split(name) if p]
        if len(parts) > 1:
            results = [_resolve(p) for p in parts]
            ids = tuple(i for _, found in results for i in found)
            if ids:
                outcome = RESOLVED
            elif all(o == DIRECTION for o, _ in results):
                outcome = DIRECTION
    for id_ in ids:
        outside = _outside(id_)
        if outside is not None:
            return outside, ids
    return outcome, ids


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def missile_places(data: Path) -> dict[str, Iterable[str]]:
    """The launch places and targets of the missile-attacks CSV, one name per mention."""
    path = data / "missile_attacks" / "missile_attacks_daily.csv"
    out: dict[str, list[str]] = {"launch_place": [], "target": []}
    for row in _rows(path):
        for column, names in out.items():
            for name in (row.get(column) or "").split(" and "):
                if name.strip():
                    names.append(name.strip())
    return out


def ucdp_places(data: Path) -> dict[str, Iterable[str]]:
    """The ``adm_1``, ``adm_2`` and ``country`` values of the UCDP files."""
    out: dict[str, list[str]] = {"adm_1": [], "adm_2": [], "country": []}
    for path in sorted((data / "ucdp").glob("*.csv")):
        for row in _rows(path):
            for column, names in out.items():
                value = (row.get(column) or "").strip()
                if value:
                    names.append(value)
    return out


def measure(data: Path) -> dict[str, Tally]:
    """A tally per dataset column (``missile_attacks.target``, ``ucdp.adm_1``, ...)."""
    tallies: dict[str, Tally] = {}
    for dataset, columns in (("missile_attacks", missile_places), ("ucdp", ucdp_places)):
        for column, names in columns(data).items():
            tally = tallies.setdefault(f"{dataset}.{column}", Tally())
            for name in names:
                tally.add(name)
    return tallies


def report(tallies: dict[str, Tally], show: int) -> str:
    """The figures as text."""
    lines = [
        "distinct names / mentions (rows x names)",
        f"{'column':<28}" + "".join(f"{o:>18}" for o in OUTCOMES),
    ]
    total: Counter[str] = Counter()
    distinct: Counter[str] = Counter()
    for column, tally in tallies.items():
        cells = []
        for outcome in OUTCOMES:
            n = len(tally.distinct(outcome))
            distinct[outcome] += n
            total[outcome] += tally.mentions[outcome]
            cells.append(f"{n} / {tally.mentions[outcome]}")
        lines.append(f"{column:<28}" + "".join(f"{c:>18}" for c in cells))
    lines.append(f"{'all':<28}" + "".join(f"{f'{distinct[o]} / {total[o]}':>18}" for o in OUTCOMES))
    lines.append("share of mentions that are a place or a direction / outside the war's countries")
    for column, tally in tallies.items():
        mentions = sum(tally.mentions.values()) or 1
        placed = (tally.mentions[RESOLVED] + tally.mentions[DIRECTION]) / mentions
        outside = (tally.mentions[OUTSIDE] + tally.mentions[COUNTRY]) / mentions
        lines.append(f"{column:<28}{placed:>17.1%} {outside:>17.1%}")
    for outcome in (OUTSIDE, COUNTRY, DIRECTION, UNRESOLVED):
        for column, tally in tallies.items():
            names = tally.distinct(outcome)
            if names:
                shown = ", ".join(repr(n) for n in names[:show])
                more = f" (+{len(names) - show} more)" if len(names) > show else ""
                lines.append(f"{outcome} in {column}: {shown}{more}")
                if outcome in (OUTSIDE, COUNTRY):
                    lines.append("   -> " + ", ".join(",".join(tally.ids[n]) for n in names))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit 1 if a name resolves outside the conflict without saying so."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--show", type=int, default=25, help="names listed per outcome")
    args = parser.parse_args(argv)
    if not (args.data / "missile_attacks").is_dir() or not (args.data / "ucdp").is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    tallies = measure(args.data)
    print(report(tallies, args.show))
    return 1 if any(t.distinct(OUTSIDE) for t in tallies.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
