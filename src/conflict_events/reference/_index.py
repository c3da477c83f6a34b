"""The name index shared by the catalogues, and the package-data reader."""

from __future__ import annotations

import difflib
import json
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import Any, Generic, Protocol, TypeVar

from conflict_events.errors import AmbiguousName, LookupFailed

T = TypeVar("T")

__all__ = ["Lazy", "NameIndex", "OwnFirst", "ambiguous", "read_data", "unknown"]

_NO_TIERS: Mapping[str, int] = MappingProxyType({})

#: Priority tiers: a name held by a lower tier shadows the same name in a higher one. A place
#: below the subdivision (a town, an airfield) ranks below the curated regions, so a bare
#: "Kursk" stays the oblast, and above ISO's names of places elsewhere.
USER, CURATED, PLACE, ISO = 0, 1, 2, 3


def read_data(name: str) -> Any:
    """Parse ``data/<name>`` shipped inside this package."""
    ref = resources.files("conflict_events.reference") / "data" / name
    with ref.open("r", encoding="utf-8") as f:
        return json.load(f)


class NameIndex:
    """Keys of names to the ids that bear them, by tier, with a display name per key."""

    def __init__(self, keyfunc: Callable[[str], str]) -> None:
        self.keyfunc = keyfunc
        self._ids: dict[str, dict[str, int]] = {}
        """key -> {id: tier}"""
        self._keys: dict[str, set[str]] = {}
        """id -> its keys, so an entry can be replaced"""
        self._shown: dict[str, str] = {}
        """key -> the first name written that produced it (for suggestions)"""

    def add(self, id_: str, names: Iterable[str], tier: int) -> None:
        """Index ``names`` for ``id_`` (names that key to nothing are skipped)."""
        keys = self._keys.setdefault(id_, set())
        for name in names:
            key = self.keyfunc(name)
            if not key:
                continue
            keys.add(key)
            self._shown.setdefault(key, name)
            tiers = self._ids.setdefault(key, {})
            tiers[id_] = min(tier, tiers.get(id_, tier))

    def remove(self, id_: str) -> None:
        """Forget every name of ``id_``."""
        for key in self._keys.pop(id_, set()):
            tiers = self._ids.get(key, {})
            tiers.pop(id_, None)
            if not tiers:
                self._ids.pop(key, None)

    def tiers(self, key: str) -> Mapping[str, int]:
        """The ids whose names have ``key``, each with its best tier (read only)."""
        return self._ids.get(key, _NO_TIERS)

    def find(self, key: str, keep: Callable[[str], bool] | None = None) -> list[str]:
        """The ids whose names have ``key``, best tier only, sorted; ``keep`` filters first."""
        tiers = self._ids.get(key, {})
        found = {i: t for i, t in tiers.items() if keep is None or keep(i)}
        if not found:
            return []
        best = min(found.values())
        return sorted(i for i, t in found.items() if t == best)

    def suggest(
        self, key: str, keep: Callable[[str], bool] | None = None, n: int = 5
    ) -> list[tuple[str, str]]:
        """The nearest names to ``key`` as ``(name, id)`` pairs, nearest first, one per id."""
        if not key:
            return []
        pool = [k for k, ids in self._ids.items() if keep is None or any(keep(i) for i in ids)]
        out: dict[str, str] = {}
        for near in difflib.get_close_matches(key, pool, n=4 * n, cutoff=0.6):
            id_ = self.find(near, keep)[0]
            out.setdefault(id_, self._shown[near])
            if len(out) == n:
                break
        return [(name, id_) for id_, name in out.items()]

    def names(self) -> int:
        """How many distinct keys are indexed."""
        return len(self._ids)


def ambiguous(what: str, name: str, ids: Sequence[str], hint: str) -> AmbiguousName:
    """The error for a name that several entries share, listing their ids."""
    return AmbiguousName(
        f"{name!r} names {len(ids)} {what} ({', '.join(ids)}); {hint}", candidates=ids
    )


def unknown(
    what: str,
    name: str,
    near: Sequence[tuple[str, str]] | Callable[[], Sequence[tuple[str, str]]],
) -> LookupFailed:
    """The error for a name no entry has, with the nearest names and their ids.

    ``near`` may be a function: the search for near names then runs only when the error's
    ``suggestions`` or message are read.
    """
    if callable(near):
        return LookupFailed(f"no {what} is named {name!r}", near=near)
    found = tuple(near)
    return LookupFailed(f"no {what} is named {name!r}", near=lambda: found)


class Lazy(Generic[T]):
    """A value built on first use, once, even when threads ask for it at the same time."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._value: T | None = None

    @property
    def loaded(self) -> bool:
        """Whether the value has been built."""
        return self._value is not None

    def get(self) -> T:
        """The value, built now if it was not yet."""
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._build()
                value = self._value
        return value


class _Entry(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...


T_co = TypeVar("T_co", covariant=True)


class _Catalogue(Protocol[T_co]):
    def get(self, id: str, /) -> T_co: ...

    def __contains__(self, id: object, /) -> bool: ...


E = TypeVar("E", bound=_Entry)


class OwnFirst(Generic[E]):
    """A catalogue seen through a report's own entries, which take precedence.

    The own entries' names are indexed on the first look-up by name, so a view made only to
    resolve ids (as validation does for every report) costs one dict.
    """

    def __init__(
        self,
        base: _Catalogue[E],
        entries: Iterable[E],
        cls: type[E],
        where: str,
        keyfunc: Callable[[str], str],
        *,
        by_id: bool = False,
    ) -> None:
        self._base = base
        self._own: dict[str, E] = {}
        for entry in entries:
            if not isinstance(entry, cls):
                raise TypeError(f"{where} takes {cls.__name__}s, got {type(entry).__name__}")
            self._own[entry.id] = entry
        self._keyfunc = keyfunc
        self._by_id = by_id
        self._names: NameIndex | None = None

    @property
    def _index(self) -> NameIndex:
        if self._names is None:
            self._names = NameIndex(self._keyfunc)
            for entry in self._own.values():
                ids = (entry.id,) if self._by_id else ()
                self._names.add(entry.id, (entry.name, *entry.aliases, *ids), USER)
        return self._names

    def get(self, id: str) -> E:
        """The report's entry with this id, else the catalogue's."""
        entry = self._own.get(id)
        return entry if entry is not None else self._base.get(id)

    def __contains__(self, id: object) -> bool:
        return (isinstance(id, str) and id in self._own) or id in self._base
