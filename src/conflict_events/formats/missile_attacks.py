"""The "Massive Missile Attacks on Ukraine" CSV: one row per weapon model per attack report.

One report per row (the file has no attack id, and rows of one attack differ in weapons,
counts and places; a row is the unit its numbers belong to, so it is the unit of the report).
The row's statement, by the Ukrainian Air Force, holds a launch claim: ``launched`` as its
quantity, the weapons of ``model``, the places of ``launch_place`` as origins, of ``target``
(and ``target_main``) as targets, of ``affected region`` as regions, and the window from
``time_start`` to ``time_end`` in Kyiv time. Its parts are the outcomes (destroyed, not reached,
still airborne, hit at N locations, fragments fell at M locations), the Shahed share, the
breakdowns of ``launched_details`` / ``launch_place_details`` and ``destroyed_details``.
Carriers ("11 x Tu-95MS") are further claims of the statement. A name the catalogues do not
know is a problem (with the row and the name), never a guess. The mapping table is in
``docs/formats-missile-attacks.md``.

>>> read_literal("{'south': 30, 'north': NaN}")
{'south': 30, 'north': None}
>>> split_carriers("11 x Tu-95MS and 7 x Tu-160")
[(11, 'Tu-95MS'), (7, 'Tu-160')]
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from conflict_events.errors import AmbiguousName, ConflictEventsError, LookupFailed, ModelError
from conflict_events.formats._core import Import, ImportProblem, problem
from conflict_events.formats._csv import Row, RowError, csv_rows
from conflict_events.model import (
    Claim,
    Counted,
    Outcome,
    Precision,
    Quantity,
    Report,
    Source,
    Statement,
    TimeWindow,
    WeaponCategory,
)
from conflict_events.reference import gazetteer, weapons

__all__ = [
    "COLUMNS",
    "SOURCE",
    "TZ",
    "read",
    "read_literal",
    "resolve_place",
    "split_carriers",
]

COLUMNS: tuple[str, ...] = (
    *(
        "time_start",
        "time_end",
        "model",
        "launch_place",
        "target",
        "target_main",
        "launched",
        "destroyed",
        "not_reach_goal",
        "still_attacking",
        "border_crossing",
        "is_shahed",
        "num_hit_location",
        "num_fall_fragment_location",
        "carrier",
        "turbojet",
        "turbojet_destroyed",
        "destroyed_details",
        "launched_details",
        "launch_place_details",
        "source",
    ),
    "affected region",
)
"""The columns the reader needs (``affected region`` has a space in its name)."""

TZ = "Europe/Kyiv"
"""The file's times are Kyiv local times without a zone."""

SOURCE = Source(
    id="src:ua-air-force",
    name="Air Force of the Armed Forces of Ukraine",
    kind="military",
    party="UA",
)
"""The speaker of every row: the dataset is drawn from the Ukrainian Air Force's posts."""

ORIGIN_COUNTRIES = ("RU", "UA", "BY")
"""Where launch places are looked up (seas, which belong to no country, are always kept)."""

TARGET_COUNTRIES = ("UA",)
"""Where targets are looked up."""

_COUNTED = {
    WeaponCategory.UAV: Counted.UAV,
    WeaponCategory.LOITERING_MUNITION: Counted.UAV,
    WeaponCategory.CRUISE_MISSILE: Counted.CRUISE_MISSILE,
    WeaponCategory.BALLISTIC_MISSILE: Counted.BALLISTIC_MISSILE,
    WeaponCategory.GLIDE_BOMB: Counted.GUIDED_BOMB,
}
_MISSILES = {
    WeaponCategory.CRUISE_MISSILE,
    WeaponCategory.BALLISTIC_MISSILE,
    WeaponCategory.HYPERSONIC_MISSILE,
    WeaponCategory.ANTI_SHIP_MISSILE,
    WeaponCategory.GUIDED_MISSILE,
}
_OUTCOMES = (
    ("destroyed", Outcome.DESTROYED, "c:destroyed"),
    ("not_reach_goal", Outcome.NOT_REACHED, "c:not-reached"),
    ("still_attacking", Outcome.AIRBORNE, "c:airborne"),
    ("num_hit_location", Outcome.HIT, "c:hit"),
    ("num_fall_fragment_location", Outcome.FELL, "c:fell"),
)
"""Outcome columns: each an outcome part of the launch (kind ``launch``, what became of it)."""
_CARRIER = re.compile(r"(?:(\d+)\s*x\s*)?(.+)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})")
_UNREPRESENTED = ("border_crossing", "turbojet", "turbojet_destroyed")


def _literal_node(node: ast.expr) -> object:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float | str):
        return node.value
    if isinstance(node, ast.Name) and node.id == "NaN":
        return None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        value = _literal_node(node.operand)
        if isinstance(value, int | float):
            return -value
    if isinstance(node, ast.Dict) and None not in node.keys:
        return {
            _literal_node(k): _literal_node(v)  # type: ignore[arg-type]
            for k, v in zip(node.keys, node.values, strict=True)
        }
    if isinstance(node, ast.List | ast.Tuple):
        return [_literal_node(e) for e in node.elts]
    raise ValueError(f"not a literal: {ast.unparse(node)!r}")


def read_literal(text: str) -> object:
    """A Python-literal value as the file writes it (dicts, lists, numbers, text; ``NaN`` is None).

    >>> read_literal("['Kharkiv oblast', 'Donetsk oblast']")
    ['Kharkiv oblast', 'Donetsk oblast']
    >>> read_literal("__import__('os')")
    Traceback (most recent call last):
    ...
    ValueError: not a literal: "__import__('os')"
    """
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"not a Python literal: {exc.msg}") from None
    return _literal_node(tree.body)


def split_carriers(text: str) -> list[tuple[int | None, str]]:
    """The carriers of a ``carrier`` cell: ``(count or None, name)`` for each, in order.

    >>> split_carriers("Navy")
    [(None, 'Navy')]
    """
    out: list[tuple[int | None, str]] = []
    for part in text.split(" and "):
        m = _CARRIER.fullmatch(part.strip())
        if m is None:  # pragma: no cover - ".+" matches any non-empty part
            raise ValueError(f"not a carrier: {part!r}")
        out.append((int(m[1]) if m[1] else None, m[2].strip()))
    return out


def _count(row: dict[str, str], name: str) -> int | None:
    text = row[name].strip()
    if text in ("", "NaN", "nan"):
        return None
    try:
        value = float(text)
    except ValueError:
        raise RowError(name, f"{name} is not a number: {text!r}") from None
    if not value.is_integer() or value < 0:
        raise RowError(name, f"{name} is not a whole count >= 0: {text!r}")
    return int(value)


def _candidates(name: str, countries: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    for country in countries:
        found.update(gazetteer.candidates(name, country=country))
    return {i for i in found if gazetteer.within(i, countries) or ":" in i}


def resolve_place(name: str, countries: tuple[str, ...]) -> str:
    """The region id of a place as the file writes it, looked up in ``countries`` only.

    "Chauda, Crimea" and "Dnipropetrovsk oblast, Dnipro Raion" resolve to the named place
    only when the gazetteer knows it and it lies within the other name; otherwise the name
    raises :class:`~conflict_events.errors.LookupFailed` (or ``AmbiguousName``), never a guess.

    >>> resolve_place("Kursk oblast", ORIGIN_COUNTRIES), resolve_place("Black Sea", ("UA",))
    ('RU-KRS', 'sea:black')
    """
    ids = _candidates(name, countries)
    if not ids and ", " in name:
        first, second = (p.strip() for p in name.split(", ", 1))
        for inner, outer in ((first, second), (second, first)):
            a, b = _candidates(inner, countries), _candidates(outer, countries)
            if len(a) == 1 and len(b) == 1 and gazetteer.within(next(iter(a)), next(iter(b))):
                ids = a
                break
    if len(ids) == 1:
        return next(iter(ids))
    if ids:
        raise AmbiguousName(
            f"{name!r} could be any of {sorted(ids)}", candidates=tuple(sorted(ids))
        )
    raise LookupFailed(f"no place in {'/'.join(countries)} is named {name!r}")


def _moment(text: str, field: str) -> tuple[datetime, bool]:
    """A local time, or the start of a date-only value, and whether it was date-only."""
    value = text.strip()
    m = _DATETIME.fullmatch(value)
    if m:
        day = date.fromisoformat(m[1])
        hour, minute = int(m[2]), int(m[3])
        if hour > 23 or minute > 59:
            raise RowError(field, f"{field} is not a time of day: {text!r}")
        return datetime(day.year, day.month, day.day, hour, minute), False  # noqa: DTZ001 - local, zoned below
    if _DATE.fullmatch(value):
        day = date.fromisoformat(value)
        return datetime(day.year, day.month, day.day), True  # noqa: DTZ001 - local, zoned below
    raise RowError(field, f"{field} is not 'YYYY-MM-DD' or 'YYYY-MM-DD H:MM': {text!r}")


@functools.lru_cache(maxsize=8192)
def _kyiv(start: datetime, end: datetime, precision: Precision, text: str) -> TimeWindow:
    """A window of Kyiv local times (remembered: the rows of one attack share it)."""
    return TimeWindow.between(start, end, tz=TZ, precision=precision, text=text)


def _window(row: dict[str, str]) -> TimeWindow:
    start, start_day = _moment(row["time_start"], "time_start")
    end, end_day = _moment(row["time_end"], "time_end")
    if end_day:  # a date-only end is the whole of that day
        end += timedelta(days=1)
    if end < start:
        raise RowError(
            "time_end",
            f"time_end is before time_start: {row['time_start']!r} - {row['time_end']!r}",
        )
    text = f"{row['time_start']} - {row['time_end']}"
    try:
        return _kyiv(start, end, Precision.DAY if start_day or end_day else Precision.MINUTE, text)
    except ModelError as exc:  # a local time in a DST gap or fold
        raise RowError("time_start", f"not a Kyiv local time: {exc}") from None


T = TypeVar("T")


class _Lookups:
    """Place and weapon look-ups remembered for one read: a file names a few names many times."""

    def __init__(self) -> None:
        self._places: dict[tuple[str, tuple[str, ...]], str | LookupFailed] = {}
        self._weapons: dict[str, tuple[str, ...] | LookupFailed] = {}

    def place(self, name: str, countries: tuple[str, ...]) -> str:
        """:func:`resolve_place`, remembered."""
        key = (name, countries)
        if key not in self._places:
            self._places[key] = _outcome_of(resolve_place, name, countries)
        return _raise_or(self._places[key])

    def split(self, name: str) -> tuple[str, ...]:
        """The catalogue's ``split``, remembered."""
        if name not in self._weapons:
            self._weapons[name] = _outcome_of(weapons.split, name)
        return _raise_or(self._weapons[name])


def _outcome_of(f: Callable[..., T], *args: object) -> T | LookupFailed:
    try:
        return f(*args)
    except LookupFailed as exc:
        return exc


def _raise_or(found: T | LookupFailed) -> T:
    if isinstance(found, LookupFailed):
        raise found
    return found


class _Row:
    """Builds the claims of one row, collecting what it could not represent."""

    def __init__(self, row: dict[str, str], lookups: _Lookups) -> None:
        self.row = row
        self.lookups = lookups
        self.kept: list[tuple[str, str, str]] = []

    def note(self, field: str, raw: str, message: str) -> None:
        self.kept.append((field, raw, message))

    def weapons_of(self, text: str, field: str) -> tuple[str, ...]:
        ids: dict[str, None] = {}
        for part in text.split(" and "):
            name = part.strip()
            if not name:
                continue
            try:
                for wid in self.lookups.split(name):
                    ids.setdefault(wid, None)
            except LookupFailed as exc:
                self.note(
                    field, text, f"the weapon {name!r} is not in the catalogue ({exc}); left out"
                )
        return tuple(ids)

    def places(self, text: str, field: str, countries: tuple[str, ...]) -> tuple[str, ...]:
        ids: dict[str, None] = {}
        for part in text.split(" and "):
            name = part.strip()
            if not name:
                continue
            try:
                ids.setdefault(self.lookups.place(name, countries), None)
            except LookupFailed as exc:
                self.note(field, text, f"the place {name!r} does not resolve ({exc}); left out")
        return tuple(ids)

    def counted(self, ids: tuple[str, ...]) -> Counted | None:
        categories = {weapons.get(i).category for i in ids if i in weapons}
        if len(categories) == 1:
            return _COUNTED.get(next(iter(categories)))
        if categories and categories <= _MISSILES:
            return Counted.MISSILE
        return None

    def details(self, field: str) -> dict[object, object]:
        text = self.row[field]
        if not text.strip():
            return {}
        try:
            value = read_literal(text)
        except ValueError as exc:
            raise RowError(field, f"{field} is not a Python literal: {exc}") from None
        if not isinstance(value, dict):
            raise RowError(field, f"{field} is not a dict: {text!r}")
        return value

    def quantity(self, value: object, field: str) -> Quantity | None:
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if type(value) is not int or value < 0:
            raise RowError(field, f"{field} holds a count that is not whole: {value!r}")
        return Quantity.exact(value)

    def claims(self) -> tuple[Claim, ...]:
        row = self.row
        weapon_ids = self.weapons_of(row["model"], "model")
        counted = self.counted(weapon_ids)
        window = _window(row)
        origins = self.places(row["launch_place"], "launch_place", ORIGIN_COUNTRIES)
        targets = self.places(row["target"], "target", TARGET_COUNTRIES)
        for t in self.places(row["target_main"], "target_main", TARGET_COUNTRIES):
            if t not in targets:
                targets += (t,)
        affected_text = row["affected region"]
        regions: tuple[str, ...] = ()
        if affected_text.strip():
            affected = (
                read_literal(affected_text) if affected_text.strip().startswith("[") else None
            )
            if not isinstance(affected, list) or not all(isinstance(a, str) for a in affected):
                raise RowError(
                    "affected region", f"affected region is not a list of names: {affected_text!r}"
                )
            regions = self.places(" and ".join(affected), "affected region", TARGET_COUNTRIES)
        parts: list[Claim] = []
        for column, outcome, cid in _OUTCOMES:
            n = _count(row, column)
            detailed = outcome is Outcome.DESTROYED and bool(row["destroyed_details"].strip())
            if n is None and not detailed:
                continue
            by_weapon = outcome.counts_weapons
            parts.append(
                Claim(
                    id=cid,
                    kind="launch",
                    outcome=outcome,
                    quantity=None if n is None else Quantity.exact(n),
                    counted=counted if by_weapon else None,
                    weapons=weapon_ids,
                    window=window,
                    parts=self.destroyed_parts(counted, weapon_ids, window) if detailed else (),
                    coverage="partial" if detailed else None,
                )
            )
        shahed = _count(row, "is_shahed")
        if shahed is not None:
            parts.append(
                Claim(
                    id="c:shahed",
                    kind="launch",
                    quantity=Quantity.exact(shahed),
                    counted=Counted.UAV,
                    weapons=self.weapons_of("Shahed-136/131", "is_shahed"),
                    window=window,
                )
            )
        parts.extend(self.launched_parts(window))
        for column in _UNREPRESENTED:
            text = row[column].strip()
            if text and text != "{}":
                self.note(column, row[column], f"{column} is not represented")
        launched = _count(row, "launched")
        launch = Claim(
            id="c:launch",
            kind="launch",
            quantity=None if launched is None else Quantity.exact(launched),
            counted=counted,
            weapons=weapon_ids,
            origins=origins,
            targets=targets,
            regions=regions,
            window=window,
            parts=tuple(parts),
            coverage="partial" if parts else None,
        )
        return (launch, *self.carriers(window))

    def destroyed_parts(
        self, counted: Counted | None, weapon_ids: tuple[str, ...], window: TimeWindow
    ) -> tuple[Claim, ...]:
        out = []
        for i, (key, value) in enumerate(self.details("destroyed_details").items(), start=1):
            if not isinstance(key, str):
                raise RowError(
                    "destroyed_details", f"destroyed_details has a key that is not a name: {key!r}"
                )
            places = self.places(key, "destroyed_details", TARGET_COUNTRIES)
            out.append(
                Claim(
                    id=f"c:destroyed-{i}",
                    kind="launch",
                    outcome=Outcome.DESTROYED,
                    quantity=self.quantity(value, "destroyed_details"),
                    counted=counted,
                    weapons=weapon_ids,
                    window=window,
                    regions=places,
                    quote=key,
                )
            )
        return tuple(out)

    def launched_parts(self, window: TimeWindow) -> list[Claim]:
        launched = self.details("launched_details")
        places = self.details("launch_place_details")
        out = []
        keys = list(dict.fromkeys([*launched, *places]))
        for i, key in enumerate(keys, start=1):
            if not isinstance(key, str):
                raise RowError("launched_details", f"a details key is not a weapon name: {key!r}")
            place_text = places.get(key)
            if place_text is not None and not isinstance(place_text, str):
                raise RowError(
                    "launch_place_details", f"launch places are not text: {place_text!r}"
                )
            ids = self.weapons_of(key, "launched_details")
            out.append(
                Claim(
                    id=f"c:launched-{i}",
                    kind="launch",
                    quantity=self.quantity(launched.get(key), "launched_details"),
                    counted=self.counted(ids),
                    weapons=ids,
                    origins=self.places(place_text or "", "launch_place_details", ORIGIN_COUNTRIES),
                    window=window,
                    quote=key,
                )
            )
        return out

    def carriers(self, window: TimeWindow) -> list[Claim]:
        text = self.row["carrier"].strip()
        if not text:
            return []
        out = []
        for i, (n, name) in enumerate(split_carriers(text), start=1):
            ids = self.weapons_of(name, "carrier")
            out.append(
                Claim(
                    id=f"c:carrier-{i}",
                    kind="other",
                    quantity=None if n is None else Quantity.exact(n),
                    weapons=ids,
                    window=window,
                    quote=name,
                    note="a carrier of the launched weapons",
                )
            )
        return out


def read(path: Path, imp: Import) -> Iterator[Report | ImportProblem]:
    """Read the missile-attacks CSV for :func:`formats.read`."""
    _, rows = csv_rows(path, imp, COLUMNS)
    return _read(rows)


def _read(rows: Iterator[Row | ImportProblem]) -> Iterator[Report | ImportProblem]:
    lookups = _Lookups()
    for row in rows:
        if not isinstance(row, Row):
            yield row
            continue
        builder = _Row(row.values, lookups)
        try:
            claims = builder.claims()
            statement = Statement(
                id=f"st:missile-attacks-row-{row.record}",
                source=SOURCE.id,
                kind="report",
                claims=claims,
                language="en",
            )
            report = Report(
                id=f"missile-attacks:row-{row.record}",
                url=row.values["source"].strip() or None,
                publisher=SOURCE.id,
                sources=(SOURCE,),
                statements=(statement,),
            )
        except RowError as bad:
            yield problem(
                row.record,
                row.line,
                bad.field,
                {bad.field: row.values[bad.field]},
                bad.message,
                represented=False,
            )
            continue
        except (ModelError, ConflictEventsError) as exc:
            yield problem(
                row.record,
                row.line,
                "",
                {"model": row.values["model"]},
                str(exc),
                represented=False,
            )
            continue
        for field, raw, message in builder.kept:
            yield problem(row.record, row.line, field, {field: raw}, message)
        yield report
