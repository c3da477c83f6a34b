"""How many of a dataset's weapon names the catalogue resolves, and whether any to a sibling.

Reads the ``model`` column of the "Massive Missile Attacks on Ukraine" CSV (one row per weapon
model per attack) and looks each distinct name up with ``weapons.parts``, which splits
combined names ("X-101/X-555 and Kalibr", "Shahed-136/131") into names and ids. It prints the
distinct names that resolve, are ambiguous and are unknown, the share of rows whose weapons
all resolve, and every name that resolves to a sibling it does not name (see
:func:`sibling`).

    python benchmarks/weapon_names.py                  # ../shared/data beside the repository
    python benchmarks/weapon_names.py --csv path/to/missile_attacks_daily.csv

The script exits with status 1 when fewer than 95 % of rows resolve or any name resolves to
a sibling.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from conflict_events.errors import AmbiguousName, LookupFailed
from conflict_events.reference import weapons
from conflict_events.reference._normalize import weapon_key

CSV = (
    Path(__file__).resolve().parents[1]
    / ".."
    / "shared"
    / "data"
    / "missile_attacks"
    / "missile_attacks_daily.csv"
)
TARGET = 0.95


def sibling(name: str, id_: str) -> bool:
    """Whether ``name`` resolving to ``id_`` is a sibling's resolution, by their keys.

    It is when one key extends the other: the name says more than the system ("Kh-59MK2" as
    ``kh-59``), or the name is a complete designation, ending in a digit, that the system
    extends ("Kh-59" as ``kh-59mk2``). A bare family name the catalogue assigns by convention
    ("Orlan" as ``orlan-10``) ends in a letter and is not counted.

    >>> sibling("X-59MK2", "kh-59"), sibling("X-59", "kh-59mk2"), sibling("X-59MK2", "kh-59mk2")
    (True, True, False)
    >>> sibling("Orlan", "orlan-10"), sibling("X-47 Kinzhal", "kinzhal")
    (False, False)
    """
    said, meant = weapon_key(name), weapon_key(id_)
    if said == meant:
        return False
    return said.startswith(meant) or (meant.startswith(said) and said[-1:].isdigit())


@dataclass
class Tally:
    """What the catalogue made of each distinct name, and of the rows."""

    resolved: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    ambiguous: dict[str, str] = field(default_factory=dict)
    unknown: dict[str, str] = field(default_factory=dict)
    rows: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        """The share of rows whose every weapon name resolves."""
        total = sum(self.rows.values())
        return sum(self.rows[n] for n in self.resolved) / total if total else 0.0

    @property
    def siblings(self) -> list[tuple[str, str, str]]:
        """``(model, name, id)`` for each part that resolves to a sibling."""
        return [
            (model, name, id_)
            for model, parts in self.resolved.items()
            for name, id_ in parts
            if sibling(name, id_)
        ]


def tally(models: Iterable[str]) -> Tally:
    """Look every distinct name of ``models`` (one per row) up in the catalogue."""
    out = Tally()
    out.rows.update(m.strip() for m in models)
    for model in out.rows:
        try:
            out.resolved[model] = weapons.parts(model)
        except AmbiguousName as e:
            out.ambiguous[model] = str(e)
        except LookupFailed as e:
            out.unknown[model] = str(e)
    return out


def read_models(path: Path) -> list[str]:
    """The ``model`` column of the CSV, one value per row."""
    with path.open(encoding="utf-8", newline="") as f:
        return [row["model"] for row in csv.DictReader(f)]


def report(t: Tally) -> str:
    """The figures and the name-by-name table, for people to read."""
    lines = [
        f"distinct names: {len(t.rows)}; resolved {len(t.resolved)}, "
        f"ambiguous {len(t.ambiguous)}, unknown {len(t.unknown)}",
        f"rows: {sum(t.rows.values())}; rows whose weapons resolve: {t.share:.1%} "
        f"(target {TARGET:.0%})",
        f"names resolved to a sibling: {len(t.siblings)}",
        "",
    ]
    for model, n in t.rows.most_common():
        if model in t.resolved:
            shown = ", ".join(f"{name} -> {id_}" for name, id_ in t.resolved[model])
        else:
            shown = t.ambiguous.get(model) or t.unknown[model]
        lines.append(f"{n:5d}  {model!r}: {shown}")
    lines.extend(f"SIBLING  {m!r}: {n!r} -> {i}" for m, n, i in t.siblings)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the figures; 1 when the target is missed or a name resolves to a sibling."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--csv", type=Path, default=CSV, help="the daily attacks CSV")
    args = parser.parse_args(argv)
    if not args.csv.is_file():
        print(f"no data at {args.csv}", file=sys.stderr)
        return 2
    t = tally(read_models(args.csv))
    print(report(t))
    return 0 if t.share >= TARGET and not t.siblings else 1


if __name__ == "__main__":
    sys.exit(main())
