"""What rules look things up in: the report's own tables, then the built-in catalogues."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Sequence
from types import ModuleType
from typing import Any, NamedTuple, Protocol, TypeVar

from conflict_events.model import Region, Report, Statement, WeaponSystem
from conflict_events.model.place import is_region_id

__all__ = ["Context", "DatasetIndex", "Located", "catalogue_region", "catalogue_weapon"]

T_co = TypeVar("T_co", covariant=True)

_MAX_DEPTH = 16
"""How far up a region hierarchy to look before giving up (guards against cycles)."""


class _Catalogue(Protocol[T_co]):
    def get(self, id: str, /) -> T_co: ...

    def __contains__(self, id: object, /) -> bool: ...


class _Catalogues(NamedTuple):
    gazetteer: _Catalogue[object] | None
    weapons: _Catalogue[object] | None
    within: Callable[[str, str], bool] | None
    """The gazetteer's own containment test (it knows enclosures beyond ``parent``)."""


_NONE = _Catalogues(None, None, None)
_catalogues: _Catalogues | None = None
_ISO: dict[str, Region | None] = {}


def _reference() -> _Catalogues:
    """The built-in catalogues of ``conflict_events.reference``, looked up once.

    The package is imported lazily, and when it is not installed the catalogues are empty:
    regions then fall back to pycountry's ISO 3166 codes.
    """
    global _catalogues
    if _catalogues is None:
        try:
            ref: ModuleType | None = importlib.import_module("conflict_events.reference")
        except ImportError:
            ref = None
        if ref is None:
            _catalogues = _NONE
        else:
            gazetteer = getattr(ref, "gazetteer", None)
            _catalogues = _Catalogues(
                gazetteer, getattr(ref, "weapons", None), getattr(gazetteer, "within", None)
            )
    return _catalogues


def reset_catalogues() -> None:
    """Forget the looked-up catalogues (for tests that install or remove them)."""
    global _catalogues
    _catalogues = None
    _ISO.clear()


def _lookup(catalogue: _Catalogue[object] | None, id: str) -> object:
    if catalogue is None or id not in catalogue:  # a miss through get() may look for suggestions
        return None
    try:
        return catalogue.get(id)
    except LookupError:  # LookupFailed, or a KeyError from a plain mapping
        return None


def _iso_region(id: str) -> Region | None:
    """A region for an ISO 3166-1 or 3166-2 code known to pycountry, else ``None``."""
    if id in _ISO:
        return _ISO[id]
    region: Region | None = None
    if is_region_id(id) and id[:1].isupper():
        import pycountry

        if len(id) == 2:
            countries: Any = pycountry.countries
            country = countries.get(alpha_2=id)
            if country is not None:
                region = Region(id=id, name=str(country.name), kind="country")
        else:
            subdivisions: Any = pycountry.subdivisions
            sub = subdivisions.get(code=id)
            if sub is not None:
                parent = getattr(sub, "parent_code", None)
                if not is_region_id(parent) or parent == id:
                    parent = id[:2]
                kind = "city" if "city" in str(sub.type).lower() else "subdivision"
                region = Region(id=id, name=str(sub.name), kind=kind, country=id[:2], parent=parent)
    _ISO[id] = region
    return region


def catalogue_region(id: str) -> Region | None:
    """The built-in gazetteer's region ``id``, falling back to pycountry's ISO 3166 codes.

    >>> catalogue_region("RU-BEL").country
    'RU'
    >>> catalogue_region("RU-XXX") is None
    True
    """
    found = _lookup(_reference().gazetteer, id)
    if isinstance(found, Region):
        return found
    return _iso_region(id)


def catalogue_weapon(id: str) -> WeaponSystem | None:
    """The built-in weapons catalogue's entry ``id``, or ``None`` (also when there is none)."""
    found = _lookup(_reference().weapons, id)
    return found if isinstance(found, WeaponSystem) else None


class Located(NamedTuple):
    """Where a statement stands in the validated reports."""

    report: Report | None
    """The report that holds it (``None`` for a statement validated on its own)."""
    position: int
    """The report's position among the validated reports."""
    at: int
    """The statement's index in the report."""
    statement: Statement

    @property
    def path(self) -> str:
        """The statement's path in its report: ``statements[3]``."""
        return f"statements[{self.at}]"

    @property
    def report_id(self) -> str | None:
        """The id of the report that holds it."""
        return None if self.report is None else self.report.id


class DatasetIndex:
    """Every statement id of the reports validated together, built in one pass.

    Only the first statement with an id is indexed; rule CE106/CE107 report the repeats.
    """

    __slots__ = ("reports", "statements")

    def __init__(self, reports: Sequence[Report]) -> None:
        self.reports: Sequence[Report] = reports
        self.statements: dict[str, Located] = {}
        for position, report in enumerate(reports):
            for index, statement in enumerate(report.statements):
                self.statements.setdefault(
                    statement.id, Located(report, position, index, statement)
                )


class Context:
    """The look-ups a rule may make while it checks one object.

    Ids resolve against the report's own tables first and then the built-in catalogues.
    Sources, actors and statements are known only when a report is validated: for a lone
    claim or statement the tables are ``None`` and the reference rules skip them.
    """

    __slots__ = (
        "_seen_regions",
        "_seen_weapons",
        "actors",
        "index",
        "memo",
        "regions",
        "report",
        "sources",
        "weapons",
    )

    def __init__(self, report: Report | None = None, index: DatasetIndex | None = None) -> None:
        self.report = report
        """The report being validated, if any."""
        self.index = index
        """The statements of every report validated together, if reports are validated."""
        self.regions: dict[str, Region] = {}
        """The report's own regions by id."""
        self.weapons: dict[str, WeaponSystem] = {}
        """The report's own weapons by id."""
        self.sources: frozenset[str] | None = None
        """The report's source ids, or ``None`` when there is no report to check against."""
        self.actors: frozenset[str] | None = None
        """The report's actor ids, or ``None`` when there is no report to check against."""
        self.memo: dict[object, object] = {}
        """Scratch space for rules that share one computation (keyed by the rule module)."""
        self._seen_regions: dict[str, Region | None] = {}
        self._seen_weapons: dict[str, WeaponSystem | None] = {}
        if report is not None:
            self.regions = {r.id: r for r in report.regions}
            self.weapons = {w.id: w for w in report.weapons}
            self.sources = frozenset(s.id for s in report.sources)
            self.actors = frozenset(a.id for a in report.actors)

    def region(self, id: str) -> Region | None:
        """The region ``id`` from the report's table, else the gazetteer, else ``None``."""
        seen = self._seen_regions
        if id in seen:
            return seen[id]
        found = self.regions.get(id)
        if found is None:
            found = catalogue_region(id)
        seen[id] = found
        return found

    def weapon(self, id: str) -> WeaponSystem | None:
        """The weapon ``id`` from the report's table, else the catalogue, else ``None``."""
        seen = self._seen_weapons
        if id in seen:
            return seen[id]
        found = self.weapons.get(id)
        if found is None:
            found = catalogue_weapon(id)
        seen[id] = found
        return found

    def region_name(self, id: str) -> str:
        """The region's name when it is known, else its id."""
        found = self.region(id)
        return found.name if found is not None else id

    def is_sea(self, id: str) -> bool:
        """Whether ``id`` is a sea or water area (a ``sea:`` id, or a region of kind sea)."""
        if id.startswith("sea:"):
            return True
        found = self.region(id)
        return found is not None and found.kind.value == "sea"

    def within(self, id: str, containers: Collection[str]) -> bool | None:
        """Whether region ``id`` is one of ``containers`` or lies inside one of them.

        ``None`` when ``id`` is unknown, so nothing can be said.
        """
        if id in containers:
            return True
        current = self.region(id)
        if current is None:
            return None
        seen = {id}
        for _ in range(_MAX_DEPTH):
            parent = current.parent
            if parent is None or parent in seen:
                break
            if parent in containers:
                return True
            seen.add(parent)
            found = self.region(parent)
            if found is None:
                break
            current = found
        within = _reference().within
        if within is not None and id not in self.regions:
            return any(within(id, c) for c in containers if c not in self.regions)
        return False

    def statement(self, id: str) -> Located | None:
        """The statement ``id`` among the reports validated together, or ``None``."""
        if self.index is None:
            return None
        return self.index.statements.get(id)
