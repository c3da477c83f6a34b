"""The weapons catalogue: the systems this war's reports name, with sourced range figures.

``data/weapons.json`` holds each system's category, origin, English, Russian and Ukrainian
names, and, where a public source gives one, its range as a :class:`~conflict_events.Quantity`
in km together with the :class:`~conflict_events.Citation` of that source. There is no figure
without a source.

>>> from conflict_events.reference import weapons
>>> weapons.lookup("Geran-2").id == weapons.lookup("Shahed-136").id == "shahed-136"
True
>>> weapons.split("X-101/X-555")
('kh-101', 'kh-555')
>>> str(weapons.get("oreshnik").range)
'500–5500 km'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from conflict_events.errors import AmbiguousName, LookupFailed
from conflict_events.model.weapon import WeaponCategory, WeaponSystem
from conflict_events.reference._index import (
    CURATED,
    USER,
    Lazy,
    NameIndex,
    OwnFirst,
    ambiguous,
    read_data,
    unknown,
)
from conflict_events.reference._normalize import split_list, weapon_key
from conflict_events.serialize import from_dict

if TYPE_CHECKING:
    from conflict_events.model.report import Report

__all__ = ["WeaponCatalogue", "WeaponView", "weapons"]


def _system(entry: dict[str, Any]) -> WeaponSystem:
    """A catalogue entry as a :class:`WeaponSystem`, through the library's strict converter."""
    aliases: dict[str, list[str]] = entry.get("aliases", {})
    names: dict[str, None] = {}
    for lang in ("en", "ru", "uk"):
        for alias in aliases.get(lang, []):
            if alias != entry["name"]:
                names.setdefault(alias, None)
    wire: dict[str, Any] = {
        "id": entry["id"],
        "name": entry["name"],
        "category": entry["category"],
        "aliases": list(names),
    }
    for field in ("origin", "range", "range_source"):
        if field in entry:
            wire[field] = entry[field]
    return from_dict(WeaponSystem, wire)


class _Data:
    def __init__(self) -> None:
        self.systems: dict[str, WeaponSystem] = {}
        self.notes: dict[str, str] = {}
        self.range_notes: dict[str, str] = {}
        self.index = NameIndex(weapon_key)

    def put(self, system: WeaponSystem, tier: int) -> None:
        self.systems[system.id] = system
        self.index.remove(system.id)
        self.index.add(system.id, (system.name, *system.aliases, system.id), tier)


def _load() -> _Data:
    data = _Data()
    for entry in read_data("weapons.json")["weapons"]:
        data.put(_system(entry), CURATED)
        if "note" in entry:
            data.notes[entry["id"]] = entry["note"]
        if "range_note" in entry:
            data.range_notes[entry["id"]] = entry["range_note"]
    return data


def _ambiguous(name: str, ids: list[str]) -> AmbiguousName:
    return ambiguous("weapons", name, ids, "use a more specific name or an id")


def _unknown(name: str, near: list[tuple[str, str]]) -> LookupFailed:
    return unknown("weapon", name, near)


class _Split:
    def _one(self, name: str, category: WeaponCategory | str | None) -> WeaponSystem:
        raise NotImplementedError

    def get(self, id: str) -> WeaponSystem:
        raise NotImplementedError

    def _lookup(self, name: str, category: WeaponCategory | str | None) -> WeaponSystem:
        """One name, else a combined name whose parts are all one system."""
        if not isinstance(name, str):
            raise TypeError(f"a weapon name is a string, got {type(name).__name__}")
        try:
            return self._one(name, category)
        except AmbiguousName:
            raise
        except LookupFailed as missing:
            if len(split_list(name)) < 2:
                raise
            unknown_name = missing
        try:
            ids = self._ids(name, category)
        except AmbiguousName:
            raise
        except LookupFailed:
            raise unknown_name from None
        if len(ids) == 1:
            return self.get(ids[0])
        raise ambiguous(
            "weapons", name, ids, "a combined name is several systems: use split() for its ids"
        )

    def split(self, text: str) -> tuple[str, ...]:
        """The ids of a combined name such as ``"X-101/X-555"`` or ``"Kh-59/69"``, in order.

        A part that is only a number borrows the previous part's letters ("Kh-59/69" is Kh-59
        and Kh-69); the same system named twice ("Geran-2/Shahed-136") counts once.

        >>> weapons.split("Kh-59/69"), weapons.split("Geran-2/Shahed-136")
        (('kh-59', 'kh-69'), ('shahed-136',))
        """
        ids = self._ids(text, None)
        if not ids:
            raise LookupFailed(f"no weapon names in {text!r}")
        return ids

    def parts(self, text: str) -> tuple[tuple[str, str], ...]:
        """Each name in a combined name, written out in full, with the id it resolves to.

        >>> weapons.parts("Shahed-136/131")
        (('Shahed-136', 'shahed-136'), ('Shahed-131', 'shahed-131'))
        """
        return self._parts(text, None)

    def _ids(self, text: str, category: WeaponCategory | str | None) -> tuple[str, ...]:
        return tuple(dict.fromkeys(id_ for _, id_ in self._parts(text, category)))

    def _parts(
        self, text: str, category: WeaponCategory | str | None
    ) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        previous = ""
        for part in split_list(text):
            name = part
            if part[:1].isdigit() and previous:
                name = previous.rstrip("0123456789").rstrip() + part
            out.append((name, self._one(name, category).id))
            previous = name
        return tuple(out)


class WeaponCatalogue(_Split):
    """Weapon systems by id and by name; loaded on first use, extendable with :meth:`register`.

    >>> "kh-101" in weapons, len(weapons) > 40
    (True, True)
    """

    def __init__(self) -> None:
        self._data = Lazy(_load)

    @property
    def _d(self) -> _Data:
        return self._data.get()

    def get(self, id: str) -> WeaponSystem:
        """The system with this id; :class:`~conflict_events.errors.LookupFailed` if unknown.

        >>> weapons.get("kh-101").range_source.title.startswith("Russland")
        True
        """
        system = self._d.systems.get(id) if isinstance(id, str) else None
        if system is None:
            near = self._d.index.suggest(weapon_key(id)) if isinstance(id, str) else []
            raise LookupFailed(f"no weapon has the id {id!r}", suggestions=[i for _, i in near])
        return system

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and id in self._d.systems

    def __len__(self) -> int:
        return len(self._d.systems)

    def __iter__(self) -> Iterator[WeaponSystem]:
        """The systems, in catalogue order."""
        return iter(list(self._d.systems.values()))

    def note(self, id: str) -> str | None:
        """The curated note on a system, if any."""
        return self._d.notes.get(id)

    def range_note(self, id: str) -> str | None:
        """What the range figure's source says, in the catalogue's words.

        >>> weapons.range_note("iskander-m")
        'CSIS Missile Threat gives a range of around 500 km.'
        """
        return self._d.range_notes.get(id)

    def candidates(
        self, name: str, *, category: WeaponCategory | str | None = None
    ) -> tuple[str, ...]:
        """The ids ``name`` could mean (empty when none), without raising.

        >>> weapons.candidates("Geran")
        ('geran-3', 'shahed-131', 'shahed-136')
        """
        return tuple(self._d.index.find(weapon_key(name), self._keep(category)))

    def _keep(self, category: WeaponCategory | str | None) -> Any:
        if category is None:
            return None
        wanted = WeaponCategory(category)
        systems = self._d.systems
        return lambda id_: id_ in systems and systems[id_].category is wanted

    def lookup(self, name: str, *, category: WeaponCategory | str | None = None) -> WeaponSystem:
        """The one system ``name`` means.

        Raises :class:`~conflict_events.errors.AmbiguousName` (listing the candidate ids) or
        :class:`~conflict_events.errors.LookupFailed` (with the nearest names). A combined
        name ("X-101/X-555") is one system when all its parts are ("Geran-2/Shahed-136"),
        and otherwise ambiguous, with the parts' ids as candidates: ``split()`` gives them.

        >>> weapons.lookup("Х-101").id, weapons.lookup("the 'Oreshnik' system").id
        ('kh-101', 'oreshnik')
        >>> weapons.lookup("беспилотных летательных аппаратов самолетного типа").id
        'uav-fixed-wing'
        >>> weapons.lookup("C-300").id, weapons.lookup("Unknown UAV").id
        ('s-300', 'uav')
        >>> from conflict_events import AmbiguousName
        >>> try:
        ...     weapons.lookup("Iskander-M/KN-23")
        ... except AmbiguousName as e:
        ...     print(e.candidates)
        ('iskander-m', 'kn-23')
        """
        return self._lookup(name, category)

    def _one(self, name: str, category: WeaponCategory | str | None) -> WeaponSystem:
        ids = list(self.candidates(name, category=category))
        if len(ids) == 1:
            return self._d.systems[ids[0]]
        if ids:
            raise _ambiguous(name, ids)
        raise _unknown(name, self._d.index.suggest(weapon_key(name), self._keep(category)))

    def register(self, system: WeaponSystem) -> None:
        """Add a system, or replace the one with its id; its names win lookups.

        >>> cat = WeaponCatalogue()
        >>> cat.register(WeaponSystem(id="shahed-136", name="Shahed-136", category="uav"))
        >>> cat.get("shahed-136").category.value
        'uav'
        """
        if not isinstance(system, WeaponSystem):
            raise TypeError(f"register() takes a WeaponSystem, got {type(system).__name__}")
        self._d.put(system, USER)

    def with_weapons(self, systems: Iterable[WeaponSystem]) -> WeaponView:
        """A view that looks in ``systems`` (a report's own table) before the catalogue."""
        return WeaponView(self, systems)

    def resolve(self, id: str, report: Report | None = None) -> WeaponSystem:
        """The system ``id`` refers to: the report's own entry first, then the catalogue."""
        if report is None:
            return self.get(id)
        return self.with_weapons(report.weapons).get(id)


class WeaponView(OwnFirst[WeaponSystem], _Split):
    """The catalogue seen through a report's own weapons, which take precedence.

    >>> own = WeaponSystem(id="oreshnik", name="Oreshnik", category="ballistic_missile")
    >>> weapons.with_weapons([own]).lookup("Орешник").range is None
    False
    >>> weapons.with_weapons([own]).lookup("Oreshnik").range is None
    True
    """

    def __init__(self, base: WeaponCatalogue, systems: Iterable[WeaponSystem]) -> None:
        super().__init__(base, systems, WeaponSystem, "with_weapons()", weapon_key, by_id=True)
        self._catalogue = base

    def lookup(self, name: str, *, category: WeaponCategory | str | None = None) -> WeaponSystem:
        """The report's system of this name, else :meth:`WeaponCatalogue.lookup`."""
        return self._lookup(name, category)

    def _one(self, name: str, category: WeaponCategory | str | None) -> WeaponSystem:
        wanted = None if category is None else WeaponCategory(category)
        own = self._own
        ids = self._index.find(
            weapon_key(name),
            None if wanted is None else (lambda i: own[i].category is wanted),
        )
        if len(ids) == 1:
            return own[ids[0]]
        if ids:
            raise _ambiguous(name, ids)
        return self._catalogue._one(name, category)


weapons = WeaponCatalogue()
"""The shared weapons catalogue; data loads on first use."""
