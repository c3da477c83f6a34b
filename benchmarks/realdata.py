"""The library on real data: time phrases, place names and findings, per dataset.

Reads three datasets nobody here wrote, from ``../shared/data`` beside the repository (or
``--data``), and prints what the library makes of them:

- ``mod_russia/posts-2023-2024.csv``: the Russian Ministry of Defence's Telegram posts (UTC
  post times, texts cut at 400 characters). Each post is read with :func:`read_bulletin`
  (``posted`` = the post's UTC instant; a text as long as the cut gets "…" after it, so the
  reader sees the cut); its time phrases are counted found / parsed / parsed wrong with the
  checks of ``benchmarks/windows.py``;
- ``missile_attacks/missile_attacks_daily.csv``: one row per weapon model per attack report.
  Rows of one report (same times and post) become one statement of the command that posted
  it, each row a launch total and a destroyed total for its weapons, over its targets, with
  the regions of its ``launch_place`` as the claims' ``origins``;
- ``ucdp/*.csv``: UCDP GED rows, each a casualty claim of grain ``event`` (one event among
  many) over its ``adm_1`` region, on its dates.

The place names of the CSV and of UCDP are counted resolved / direction / unresolved /
outside the conflict with ``benchmarks/places.py``. Every dataset is then checked with
:func:`validate` and the findings are counted per code. ``--sample N`` prints N findings
chosen with a fixed seed, spread over datasets and codes, each with the post or row it came
from, for checking by hand.

    python benchmarks/realdata.py [--data ../shared/data] [--limit N] [--sample 50] [--seed 10]

``--limit N`` reads only the first N posts and rows of each dataset. Exits with status 1 when
a done-when figure is missed (a window read wrong, a name resolved outside the conflict, a
CE608 finding on UCDP events).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import attrs  # noqa: E402

import places  # noqa: E402
import windows  # noqa: E402
from conflict_events import (  # noqa: E402
    Actor,
    ActorKind,
    Claim,
    ClaimKind,
    Counted,
    Grain,
    Precision,
    Qualifier,
    Quantity,
    Report,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    TimeWindow,
    WeaponCategory,
    WeaponSystem,
    read_bulletin,
    validate,
)
from conflict_events.errors import ConflictEventsError, LookupFailed  # noqa: E402
from conflict_events.reference import weapons  # noqa: E402
from conflict_events.validation import Finding  # noqa: E402

DATA = HERE.parent / ".." / "shared" / "data"
KYIV = "Europe/Kyiv"
MOD, MISSILES, UCDP = "MoD posts", "missile-attacks CSV", "UCDP GED"
DATASETS = (MOD, MISSILES, UCDP)

SENTENCE_END = ".!?)»\"'"
"""The characters after which the reader takes a text to end whole."""

COMMANDS = {
    "kpszsu": ("src:ua-air-force", "Air Force of the Armed Forces of Ukraine"),
    "PvKPivden": ("src:ua-command-south", "Operational Command South"),
    "pvkshid": ("src:ua-command-east", "Air Command East"),
    "PvkZahid": ("src:ua-command-west", "Air Command West"),
    "PvkCenter": ("src:ua-command-centre", "Air Command Centre"),
    "GeneralStaff.ua": ("src:ua-general-staff", "General Staff of the Armed Forces of Ukraine"),
    "CinCAFU": ("src:ua-commander-in-chief", "Commander-in-Chief of the Armed Forces"),
}
"""The post prefixes of the CSV's ``source`` column and who posts there."""
OTHER_SOURCE = ("src:ua-other", "Other Ukrainian sources")

COUNTED = {
    "uav": Counted.UAV,
    "loitering_munition": Counted.UAV,
    "cruise_missile": Counted.CRUISE_MISSILE,
    "ballistic_missile": Counted.BALLISTIC_MISSILE,
    "guided_bomb": Counted.GUIDED_BOMB,
    "glide_bomb": Counted.GUIDED_BOMB,
}
"""Weapon category -> what a claim counts; other categories count missiles."""

DATE_PRECISION = {
    "1": Precision.DAY,
    "2": Precision.WEEK,
    "3": Precision.WEEK,
    "4": Precision.MONTH,
    "5": Precision.YEAR,
}
"""UCDP ``date_prec`` (exact day; 2-6 days; a week; a month; longer) -> the window's precision."""


@dataclass
class Dataset:
    """One dataset's reports, where each came from, and what happened on the way."""

    name: str
    reports: list[Report] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)
    """Report id -> the post or rows it was built from, as text to show."""
    notes: Counter[str] = field(default_factory=Counter)
    """Things the mapping met: rows without a window, names not resolved, ..."""
    lacking: Counter[str] = field(default_factory=Counter)
    """Weapon models the catalogue lacks -> rows naming them."""
    seconds: float = 0.0


# -- MoD posts ---------------------------------------------------------------------------


def _actors(statement: Statement) -> tuple[Actor, ...]:
    ids: set[str] = set()
    stack = list(statement.claims)
    while stack:
        claim = stack.pop()
        if claim.actor is not None:
            ids.add(claim.actor)
        stack.extend(claim.parts)
    kind = {True: ActorKind.AIR_DEFENCE, False: ActorKind.ARMED_FORCES}
    return tuple(Actor(id=i, name=i, kind=kind["air-defence" in i]) for i in sorted(ids))


def marked_cut(text: str) -> str:
    """A post's text with "…" after it when it was cut just after a sentence.

    The reader takes a text that stops mid-sentence as cut and a list at its end as partial;
    a snippet cut just after a full stop looks whole. The dataset says where it cut (at
    ``windows.SNIPPET`` characters), so the ellipsis only writes down what it says. A text
    that already stops mid-sentence is left as it is.
    """
    tail = text.rstrip()
    if len(text) < windows.SNIPPET or not tail or tail[-1] not in SENTENCE_END:
        return text
    return text + "…"


def mod_dataset(posts: list[windows.Post]) -> Dataset:
    """Each post read as a bulletin of the MoD; a post that is no bulletin gives no report."""
    started = time.perf_counter()
    out = Dataset(MOD)
    source = Source(id="src:ru-mod", name="Ministry of Defence of Russia", kind=SourceKind.MINISTRY)
    seen: Counter[str] = Counter()
    for n, post in enumerate(posts):
        reading = read_bulletin(marked_cut(post.text), posted=post.posted, source=source.id)
        out.notes[f"read as {reading.kind.value}"] += 1
        statement = reading.statement
        if statement is None:
            continue
        seen[statement.id] += 1
        if seen[statement.id] > 1:  # two posts in one minute: the ids must stay distinct
            statement = _evolve_id(statement, f"{statement.id}-{seen[statement.id]}")
        report_id = f"rep:mod-{n}"
        out.reports.append(
            Report(
                id=report_id,
                published=post.posted,
                sources=(source,),
                actors=_actors(statement),
                statements=(statement,),
            )
        )
        out.origin[report_id] = f"post {post.posted:%Y-%m-%d %H:%M} UTC: {post.text}"
    out.seconds = time.perf_counter() - started
    return out


def _evolve_id(statement: Statement, new_id: str) -> Statement:
    return attrs.evolve(statement, id=new_id)


# -- missile-attacks CSV -----------------------------------------------------------------


def _moment(value: str) -> tuple[datetime, bool]:
    """A naive Kyiv time of the CSV and whether it gives a clock time."""
    text = value.strip()
    for pattern, clock in (("%Y-%m-%d %H:%M", True), ("%Y-%m-%d", False)):
        try:
            return datetime.strptime(text, pattern), clock  # noqa: DTZ007 - Kyiv wall time
        except ValueError:
            continue
    raise ValueError(f"not a date or date and time: {value!r}")


def missile_window(start: str, end: str) -> TimeWindow:
    """The window of a row in Kyiv time: clock times as given.

    A bare date runs from its midnight (a start) or to the next (an end), and the window is
    then approximate: the dataset does not say when in that day it began or ended.
    """
    first, first_clock = _moment(start)
    last, last_clock = _moment(end or start)
    if not last_clock:
        last += timedelta(days=1)
    exact = first_clock and last_clock
    return TimeWindow.between(
        first,
        last,
        tz=KYIV,
        precision=Precision.MINUTE if exact else Precision.DAY,
        text=f"{start.strip()} – {end.strip()}",
        approximate=not exact,
    )


def _count(value: str) -> Quantity | None:
    text = value.strip()
    if not text or text.lower() == "nan":
        return None
    number = float(text)
    if number != int(number) or number < 0:
        raise ValueError(f"not a count: {value!r}")
    return Quantity.exact(int(number))


TABLE_CATEGORY = {
    "UAV": WeaponCategory.UAV,
    "cruise missile": WeaponCategory.CRUISE_MISSILE,
    "ballistic missile": WeaponCategory.BALLISTIC_MISSILE,
    "guided bomb": WeaponCategory.GLIDE_BOMB,
    "surface-to-air missile": WeaponCategory.AIR_DEFENCE,
    "surface-to-air and ballistic": WeaponCategory.AIR_DEFENCE,
}
"""The weapons table's ``category`` -> the model's category."""


def weapon_table(path: Path) -> dict[str, WeaponCategory]:
    """``missiles_and_uavs.csv``: each model name and its category."""
    return {
        row["model"].strip(): TABLE_CATEGORY.get(row["category"].strip(), WeaponCategory.OTHER)
        for row in _rows(path, None)
    }


def _slug(name: str) -> str:
    """A weapon id for a model the catalogue lacks: ``model-`` and its ASCII letters and digits,
    or a digest of the name when it has none ("Молнія")."""
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in name).lower().split()
    return "model-" + ("-".join(words) or hashlib.sha256(name.encode()).hexdigest()[:10])


def row_weapons(
    model: str, table: dict[str, WeaponCategory]
) -> tuple[tuple[str, ...], tuple[WeaponSystem, ...]]:
    """The weapon ids a ``model`` value names, and entries for those the catalogue lacks.

    Each " and " part is split by the catalogue ("X-101/X-555" is two systems); a part it
    does not know ("Unknown UAV", "X-47 Kinzhal") becomes a weapon of the report's own, with
    the category the weapons table gives the part or the whole value: a different model,
    never "any weapon".
    """
    ids: list[str] = []
    own: list[WeaponSystem] = []
    for part in (p.strip() for p in model.split(" and ")):
        if not part:
            continue
        try:
            found = weapons.split(part)
        except LookupFailed:
            category = table.get(part, table.get(model.strip(), WeaponCategory.OTHER))
            system = WeaponSystem(id=_slug(part), name=part, category=category)
            found = (system.id,)
            if all(o.id != system.id for o in own):
                own.append(system)
        ids.extend(i for i in found if i not in ids)
    return tuple(ids), tuple(own)


def _counted(ids: tuple[str, ...], own: tuple[WeaponSystem, ...]) -> Counted:
    """What a claim about these weapons counts: their one kind, else missiles or other."""
    mine = {w.id: w.category for w in own}
    categories = {mine[i] if i in mine else weapons.get(i).category for i in ids}
    counted = {COUNTED.get(c.value, Counted.MISSILE) for c in categories}
    if len(counted) == 1:
        return counted.pop()
    return Counted.OTHER if Counted.UAV in counted else Counted.MISSILE


def _targets(target: str, tally: places.Tally) -> tuple[str, ...]:
    """The region ids a ``target`` value names; directions and unknown names give none."""
    ids: list[str] = []
    for name in (n.strip() for n in target.split(" and ")):
        if not name:
            continue
        tally.add(name)
        if tally.names[name] == places.RESOLVED:
            ids.extend(i for i in tally.ids[name] if i not in ids)
    return tuple(ids)


def missile_dataset(
    rows: list[dict[str, str]],
    table: dict[str, WeaponCategory],
    tally: places.Tally,
    launches: places.Tally,
) -> Dataset:
    """Rows of one report (times and post) as one statement; each row a launch and a total."""
    started = time.perf_counter()
    out = Dataset(MISSILES)
    groups: dict[tuple[str, str, str], list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for n, row in enumerate(rows):
        key = (row["time_start"].strip(), row["time_end"].strip(), row["source"].strip())
        groups[key].append((n + 2, row))  # the line of the file, after its header
    for g, ((start, end, post), members) in enumerate(groups.items()):
        sid, name = COMMANDS.get(post.split("/")[0], OTHER_SOURCE)
        source = Source(id=sid, name=name, kind=SourceKind.MILITARY)
        try:
            window = missile_window(start, end)
        except (ValueError, ConflictEventsError):
            out.notes["rows without a readable window (left out)"] += len(members)
            continue
        claims: list[Claim] = []
        own: dict[str, WeaponSystem] = {}
        for line, row in members:
            ids, extra = row_weapons(row["model"], table)
            counted = _counted(ids, extra)
            for system in extra:
                own.setdefault(system.id, system)
                out.lacking[system.name] += 1
            regions = _targets(row["target"], tally)
            origins = _targets(row["launch_place"], launches)
            for kind, column in (("launched", "launched"), ("destroyed", "destroyed")):
                quantity = _count(row[column])
                if quantity is None:
                    continue
                claims.append(
                    Claim(
                        id=f"c:{line}-{kind}",
                        kind=ClaimKind.LAUNCH if kind == "launched" else ClaimKind.INTERCEPTION,
                        quantity=quantity,
                        counted=counted,
                        weapons=ids,
                        regions=regions,
                        origins=origins,
                        window=window,
                        note=f"line {line}: {row['model']} {kind}",
                    )
                )
        if not claims:
            out.notes["reports with no count"] += 1
            continue
        report_id = f"rep:missiles-{g}"
        statement = Statement(
            id=f"st:missiles-{g}",
            source=sid,
            kind=StatementKind.BULLETIN,
            claims=tuple(claims),
        )
        out.reports.append(
            Report(
                id=report_id,
                sources=(source,),
                weapons=tuple(own.values()),
                statements=(statement,),
            )
        )
        out.origin[report_id] = "\n".join(
            f"line {line}: {row['time_start']} – {row['time_end']} | {row['model']} | "
            f"launched {row['launched']} destroyed {row['destroyed']} | from "
            f"{row['launch_place']!r} | target {row['target']!r}"
            for line, row in members
        )
    out.seconds = time.perf_counter() - started
    return out


# -- UCDP --------------------------------------------------------------------------------


def _deaths(row: dict[str, str], notes: Counter[str]) -> Quantity:
    """The best estimate, about, within low and high; exact when the three agree."""
    best, low, high = (int(row[k]) for k in ("best", "low", "high"))
    if low == best == high:
        return Quantity.exact(best)
    if not low <= best <= high:
        notes[f"row {row['id']}: low, best, high out of order (best kept as exact)"] += 1
        return Quantity.exact(best)
    return Quantity(value=best, low=low, high=high, qualifier=Qualifier.ABOUT)


def ucdp_dataset(rows: list[dict[str, str]], tally: places.Tally) -> Dataset:
    """Each row a casualty claim of grain ``event`` over its ``adm_1`` region."""
    started = time.perf_counter()
    out = Dataset(UCDP)
    source = Source(id="src:ucdp", name="Uppsala Conflict Data Program", kind=SourceKind.MONITOR)
    for row in rows:
        # UCDP dates are local calendar days: naive, placed in Kyiv time by the window
        first = datetime.strptime(row["date_start"][:10], "%Y-%m-%d")  # noqa: DTZ007
        last = datetime.strptime(row["date_end"][:10], "%Y-%m-%d")  # noqa: DTZ007
        last += timedelta(days=1)
        precision = DATE_PRECISION.get(row["date_prec"].strip(), Precision.YEAR)
        window = TimeWindow.between(first, last, tz=KYIV, precision=precision)
        regions: tuple[str, ...] = ()
        adm_1 = row["adm_1"].strip()
        if adm_1:
            tally.add(adm_1)
            if tally.names[adm_1] == places.RESOLVED:
                regions = tally.ids[adm_1]
        else:
            out.notes["rows without adm_1"] += 1
        claim = Claim(
            id=f"c:ucdp-{row['id']}",
            kind=ClaimKind.CASUALTIES,
            quantity=_deaths(row, out.notes),
            counted=Counted.PERSON,
            regions=regions,
            grain=Grain.EVENT,
            window=window,
        )
        statement = Statement(
            id=f"st:ucdp-{row['id']}", source=source.id, kind=StatementKind.OTHER, claims=(claim,)
        )
        report_id = f"rep:ucdp-{row['id']}"
        out.reports.append(Report(id=report_id, sources=(source,), statements=(statement,)))
        out.origin[report_id] = (
            f"UCDP {row['id']}: {row['date_start'][:10]} – {row['date_end'][:10]} | "
            f"{row['adm_1']} / {row['adm_2']} | best {row['best']} (low {row['low']}, "
            f"high {row['high']}) | {row['where_description'][:80]}"
        )
    out.seconds = time.perf_counter() - started
    return out


# -- running it --------------------------------------------------------------------------


def _rows(path: Path, limit: int | None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f)
        return [row for n, row in enumerate(rows) if limit is None or n < limit]


def load(data: Path, limit: int | None) -> tuple[list[Dataset], dict[str, places.Tally]]:
    """The three datasets as reports, and the place tallies of the CSV and UCDP."""
    posts = list(windows.read_posts(data / "mod_russia" / "posts-2023-2024.csv"))
    posts = posts[:limit] if limit is not None else posts
    targets, launches, adm_1 = places.Tally(), places.Tally(), places.Tally()
    tallies = {
        f"{MISSILES} target": targets,
        f"{MISSILES} launch_place": launches,
        f"{UCDP} adm_1": adm_1,
    }
    missiles = _rows(data / "missile_attacks" / "missile_attacks_daily.csv", limit)
    table = weapon_table(data / "missile_attacks" / "missiles_and_uavs.csv")
    ucdp = [row for path in sorted((data / "ucdp").glob("*.csv")) for row in _rows(path, limit)]
    return [
        mod_dataset(posts),
        missile_dataset(missiles, table, targets, launches),
        ucdp_dataset(ucdp, adm_1),
    ], tallies


def findings(dataset: Dataset) -> list[Finding]:
    """What :func:`validate` finds in the dataset's reports, validated together."""
    return list(validate(dataset.reports))


def sample(found: dict[str, list[Finding]], size: int, seed: int) -> list[tuple[str, Finding]]:
    """``size`` findings spread over datasets and codes, chosen with ``seed``.

    Each (dataset, code) group is shuffled with the seed; the groups are then taken in turn,
    one finding each, until ``size`` are chosen.
    """
    rng = random.Random(seed)
    groups: list[list[tuple[str, Finding]]] = []
    for name in DATASETS:
        by_code: dict[str, list[Finding]] = defaultdict(list)
        for f in found.get(name, []):
            by_code[f.code].append(f)
        for code in sorted(by_code):
            group = [(name, f) for f in by_code[code]]
            rng.shuffle(group)
            groups.append(group)
    chosen: list[tuple[str, Finding]] = []
    while len(chosen) < size and any(groups):
        for group in groups:
            if group and len(chosen) < size:
                chosen.append(group.pop())
    return chosen


def window_figures(posts: list[windows.Post]) -> tuple[list[str], int]:
    """The time-phrase figures of the MoD posts as lines, and the phrases read wrong."""
    outcomes = windows.read_phrases(posts)
    f = windows.Figures.of(outcomes)
    lines = [
        f"  window phrases found: {len(outcomes)}",
        f"  parsed: {len(f.parsed)} ({f.share:.2f} % of the {f.readable} not cut by the snippet)",
        f"  parsed wrong (end after the post, clock numbers not the text's): {len(f.wrong)}",
        f"  not parsed: {len(f.failed)} (cut by the 400-character snippet: {len(f.cut)})",
    ]
    for o in f.wrong + [o for o in f.failed if not o.cut]:
        reason = o.wrong or o.error
        lines.append(f"    {o.post.posted:%Y-%m-%d %H:%M}  {o.phrase!r}: {reason}")
    return lines, len(f.wrong)


def place_figures(tallies: dict[str, places.Tally]) -> tuple[list[str], int]:
    """The place-name figures as lines, and how many names resolved outside the conflict."""
    lines = []
    outside = 0
    for name, tally in tallies.items():
        cells = ", ".join(
            f"{o} {len(tally.distinct(o))} / {tally.mentions[o]}" for o in places.OUTCOMES
        )
        lines.append(f"  {name} (distinct / mentions): {cells}")
        outside += len(tally.distinct(places.OUTSIDE))
        for o in (places.OUTSIDE, places.COUNTRY):
            for n in tally.distinct(o):
                lines.append(f"    {o}: {n!r} -> {', '.join(tally.ids[n])}")
        for o in (places.DIRECTION, places.UNRESOLVED):
            if tally.distinct(o):
                lines.append(f"    {o}: " + ", ".join(repr(n) for n in tally.distinct(o)))
    return lines, outside


def _origin(dataset: Dataset, finding: Finding) -> str:
    return dataset.origin.get(finding.report or "", "(no source recorded)")


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit 1 when a done-when figure is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="first N posts/rows of each")
    parser.add_argument("--sample", type=int, default=50, help="findings to print for checking")
    parser.add_argument("--seed", type=int, default=10, help="seed of the sample")
    args = parser.parse_args(argv)
    needed = ("mod_russia", "missile_attacks", "ucdp")
    if not all((args.data / d).is_dir() for d in needed):
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    datasets, tallies = load(args.data, args.limit)
    posts = list(windows.read_posts(args.data / "mod_russia" / "posts-2023-2024.csv"))
    posts = posts[: args.limit] if args.limit is not None else posts
    print(f"== {MOD}: {len(posts)} posts, time phrases read against the post (Moscow time)")
    lines, wrong = window_figures(posts)
    print("\n".join(lines))
    print(f"== place names of the {MISSILES} and of {UCDP}")
    lines, outside = place_figures(tallies)
    print("\n".join(lines))
    found: dict[str, list[Finding]] = {}
    print("== findings per code")
    for dataset in datasets:
        t = time.perf_counter()
        found[dataset.name] = findings(dataset)
        spent = dataset.seconds + time.perf_counter() - t
        counts = Counter(f.code for f in found[dataset.name])
        claims = sum(len(s.claims) for r in dataset.reports for s in r.statements)
        print(
            f"  {dataset.name}: {len(dataset.reports)} reports, {claims} claims, "
            f"built and validated in {spent:.1f} s"
        )
        for note, n in sorted(dataset.notes.items()):
            print(f"    ({note}: {n})")
        if dataset.lacking:
            models = ", ".join(f"{m} {n}" for m, n in dataset.lacking.most_common())
            print(f"    (models the catalogue lacks, as the report's own weapons: {models})")
        print("    " + (", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "none"))
    ce608_events = sum(f.code == "CE608" for f in found[UCDP])
    by_name = {d.name: d for d in datasets}
    if args.sample:
        print(f"== {args.sample} findings chosen with seed {args.seed}")
        for n, (name, f) in enumerate(sample(found, args.sample, args.seed), 1):
            print(f"[{n}] {name} {f.code} ({f.severity.value}) at {f.report} {f.path}: {f.message}")
            for line in _origin(by_name[name], f).splitlines():
                print(f"      {line}")
    print(f"total time {time.perf_counter() - started:.1f} s")
    return 1 if wrong or outside or ce608_events else 0


if __name__ == "__main__":
    sys.exit(main())
