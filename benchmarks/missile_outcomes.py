"""Outcomes of launches on the "Massive Missile Attacks on Ukraine" CSV, checked two ways.

Builds one launch claim per row of ``missile_attacks_daily.csv`` (beside the repository, in
``../shared/data/missile_attacks/``) with plain mapping code: the launched total, its outcome
parts (destroyed, not reached, still airborne; hits and fallen fragments at locations), the
weapons where ``weapons.lookup`` resolves the model's names (else none), origins and targets
where ``gazetteer.lookup`` resolves a launch place or target to a place of the conflict (else
none), and the window in Kyiv time. It validates every claim and compares the outcome rule
(CE211) row by row with a plain-Python check of the same rule: destroyed + not reached + still
airborne <= launched. It prints the counts.

    python benchmarks/missile_outcomes.py [path/to/missile_attacks_daily.csv]
"""

from __future__ import annotations

import csv
import functools
import math
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import conflict_events as ce
from conflict_events.reference import gazetteer, weapons

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "missile_attacks"
CSV = DATA / "missile_attacks_daily.csv"

ZONE = "Europe/Kyiv"
CONFLICT = frozenset({"RU", "UA", "BY", "MD"})
"""Countries a resolved place may lie in; anything else is a wrong guess and is left out."""

OUTCOME_COLUMNS: tuple[tuple[str, ce.Outcome], ...] = (
    ("destroyed", ce.Outcome.DESTROYED),
    ("not_reach_goal", ce.Outcome.NOT_REACHED),
    ("still_attacking", ce.Outcome.AIRBORNE),
    ("num_hit_location", ce.Outcome.HIT),
    ("num_fall_fragment_location", ce.Outcome.FELL),
)
WEAPON_COUNTING = ("destroyed", "not_reach_goal", "still_attacking")


@dataclass
class Row:
    """One CSV row and the claim built from it."""

    number: int
    """The 1-based data row number (the header is row 0)."""
    values: dict[str, str]
    claim: ce.Claim
    origins: tuple[int, int] = (0, 0)
    """Launch-place mentions resolved, and mentioned."""
    targets: tuple[int, int] = (0, 0)
    """Target mentions resolved, and mentioned."""
    notes: list[str] = field(default_factory=list)
    """What could not be mapped (a window, a count), said plainly."""

    @property
    def label(self) -> str:
        v = self.values
        return f"{v['time_start'].strip()} {v['model'].strip()}"


def count(text: str) -> int | None:
    """A count as the CSV writes it ("16.0"; empty or NaN for none)."""
    text = text.strip()
    if not text:
        return None
    value = float(text)
    if math.isnan(value):
        return None
    if value < 0 or value != int(value):
        raise ValueError(f"expected a whole count >= 0, got {text!r}")
    return int(value)


def plain_check(values: dict[str, str]) -> bool:
    """The outcome rule in plain Python: whether the weapon-counting outcomes exceed launched."""
    launched = count(values["launched"])
    if launched is None:
        return False
    return sum(count(values[c]) or 0 for c in WEAPON_COUNTING) > launched


def _instant(text: str, *, end: bool) -> datetime | None:
    text = text.strip()
    for form in ("%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(text, form)  # noqa: DTZ007 - Kyiv local, localised below
        except ValueError:
            continue
        if form == "%Y-%m-%d" and end:
            moment += timedelta(days=1)  # a bare end date covers that whole day
        return moment
    return None


def window(values: dict[str, str], notes: list[str]) -> ce.TimeWindow | None:
    start = _instant(values["time_start"], end=False)
    end = _instant(values["time_end"], end=True)
    if start is None or end is None:
        notes.append(f"window: cannot read {values['time_start']!r} to {values['time_end']!r}")
        return None
    try:
        return ce.TimeWindow.between(start, end, tz=ZONE)
    except ce.ConflictEventsError as exc:
        notes.append(f"window: {exc}")
        return None


# A dataset repeats its names: each distinct text is looked up once (functools.cache).


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(" and ") if part.strip()]


@functools.cache
def weapon_ids(model: str) -> tuple[str, ...]:
    """The weapons the model names, when every name resolves; else none.

    "X and Y" names two; "A/B" names either (both kept); "Shahed-136/131" is Shahed-136 or 131.
    """
    found: list[str] = []
    for name in _names(model):
        try:
            found.append(weapons.lookup(name).id)
            continue
        except ce.ConflictEventsError:
            pass
        first, *others = name.split("/")
        stem = first.rsplit("-", 1)[0] + "-" if "-" in first else ""
        for piece in [first, *(stem + o if o.isdigit() else o for o in others)]:
            try:
                found.append(weapons.lookup(piece.strip()).id)
            except ce.ConflictEventsError:
                return ()
    return tuple(dict.fromkeys(found))


@functools.cache
def places(text: str) -> tuple[tuple[str, ...], int]:
    """Region ids of the names that resolve to a place of the conflict, and how many names."""
    names = _names(text)
    found: list[str] = []
    for name in names:
        try:
            region = gazetteer.lookup(name)
        except ce.ConflictEventsError:
            continue
        country = region.country or region.id
        if region.kind is ce.RegionKind.SEA or country in CONFLICT:
            found.append(region.id)
    return tuple(dict.fromkeys(found)), len(names)


def build(number: int, values: dict[str, str]) -> Row:
    """The launch claim of one row, with its outcome parts."""
    notes: list[str] = []
    wids = weapon_ids(values["model"])
    parts = []
    for column, outcome in OUTCOME_COLUMNS:
        amount = count(values[column])
        if amount is None:
            continue
        parts.append(
            ce.Claim(
                id=f"row:{number}:{outcome.value}",
                kind=ce.ClaimKind.LAUNCH,
                outcome=outcome,
                quantity=ce.Quantity.exact(amount),
                weapons=wids,
            )
        )
    launched = count(values["launched"])
    origins, said_origins = places(values["launch_place"])
    targets, said_targets = places(values["target"])
    claim = ce.Claim(
        id=f"row:{number}",
        kind=ce.ClaimKind.LAUNCH,
        quantity=None if launched is None else ce.Quantity.exact(launched),
        weapons=wids,
        target_party="UA",
        origins=origins,
        targets=targets,
        window=window(values, notes),
        parts=tuple(parts),
        grain=ce.Grain.EVENT,
        quote=values["model"].strip() or None,
    )
    return Row(
        number,
        values,
        claim,
        (len(origins), said_origins),
        (len(targets), said_targets),
        notes,
    )


def read(path: Path = CSV) -> Iterator[Row]:
    """Every row of the CSV as a :class:`Row`."""
    with path.open(encoding="utf-8", newline="") as fh:
        for number, values in enumerate(csv.DictReader(fh), start=1):
            yield build(number, values)


@dataclass
class Summary:
    """What a run found."""

    rows: list[Row]
    findings: dict[int, list[ce.Finding]]
    """Findings by row number."""
    seconds: float

    def by_code(self) -> Counter[str]:
        return Counter(f.code for found in self.findings.values() for f in found)

    def outcome_rows(self) -> list[Row]:
        """The rows with an outcome finding (CE211)."""
        return [r for r in self.rows if any(f.code == "CE211" for f in self.findings[r.number])]

    def disagreements(self) -> list[Row]:
        """Rows where CE211 and the plain check disagree."""
        flagged = {r.number for r in self.outcome_rows()}
        return [r for r in self.rows if plain_check(r.values) != (r.number in flagged)]


def run(path: Path = CSV, *, rules: Sequence[str] | None = None) -> Summary:
    """Build and validate every row; ``rules`` selects rules by code or prefix."""
    began = time.perf_counter()
    rows = list(read(path))
    findings = {r.number: list(ce.validate(r.claim, select=rules)) for r in rows}
    return Summary(rows, findings, time.perf_counter() - began)


def main(argv: Sequence[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else CSV
    if not path.is_file():
        print(f"the missile-attacks CSV is absent ({path})", file=sys.stderr)
        return 1
    summary = run(path)
    rows = summary.rows
    parts = Counter(p.outcome.value for r in rows for p in r.claim.parts if p.outcome)
    print(f"rows: {len(rows)}, claims built: {len(rows)} ({summary.seconds:.1f} s with validation)")
    print(f"rows with a launched total: {sum(r.claim.quantity is not None for r in rows)}")
    print("outcome parts: " + ", ".join(f"{k} {v}" for k, v in sorted(parts.items())))
    print(f"rows whose weapons resolve: {sum(bool(r.claim.weapons) for r in rows)}")
    for name, attr in (("launch places", "origins"), ("targets", "targets")):
        got = sum(getattr(r, attr)[0] for r in rows)
        said = sum(getattr(r, attr)[1] for r in rows)
        print(f"{name} resolved to a place of the conflict: {got} of {said} mentions")
    print(f"rows without a window: {sum(r.claim.window is None for r in rows)}")
    print(
        "findings by code: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.by_code().items()))
    )
    for r in summary.outcome_rows():
        for f in summary.findings[r.number]:
            if f.code == "CE211":
                print(f"  row {r.number} ({r.label}): {f.message}")
    plain = sum(plain_check(r.values) for r in rows)
    disagree = len(summary.disagreements())
    print(f"plain check: {plain} rows break it; disagreements with CE211: {disagree}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
