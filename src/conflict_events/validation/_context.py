"""What rules look things up in: the report's own tables, then the built-in catalogues."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from conflict_events.model import Region, RegionKind, Report, Statement, WeaponSystem
from conflict_events.reference import GazetteerView, WeaponView, gazetteer, weapons

__all__ = ["Context", "DatasetIndex", "Located"]


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

    Ids resolve through the reference layer's resolver: the report's own tables first, then
    the built-in catalogues (``gazetteer.with_regions``, ``weapons.with_weapons``). Sources,
    actors and statements are known only when a report is validated: for a lone claim or
    statement the tables are ``None`` and the reference rules skip them.
    """

    __slots__ = (
        "_places",
        "_seen_regions",
        "_seen_weapons",
        "_systems",
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
        self._places: GazetteerView = gazetteer.with_regions(self.regions.values())
        self._systems: WeaponView = weapons.with_weapons(self.weapons.values())

    def region(self, id: str) -> Region | None:
        """The region ``id`` from the report's table, else the gazetteer, else ``None``."""
        seen = self._seen_regions
        if id in seen:
            return seen[id]
        places = self._places
        found = places.get(id) if id in places else None
        seen[id] = found
        return found

    def weapon(self, id: str) -> WeaponSystem | None:
        """The weapon ``id`` from the report's table, else the catalogue, else ``None``."""
        seen = self._seen_weapons
        if id in seen:
            return seen[id]
        systems = self._systems
        found = systems.get(id) if id in systems else None
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
        return found is not None and found.kind is RegionKind.SEA

    def within(self, id: str, containers: Collection[str]) -> bool | None:
        """Whether region ``id`` is one of ``containers`` or lies inside one of them.

        ``None`` when ``id`` is unknown, so nothing can be said.
        """
        if id in containers:
            return True
        if self.region(id) is None:
            return None
        return self._places.within(id, containers)

    def statement(self, id: str) -> Located | None:
        """The statement ``id`` among the reports validated together, or ``None``."""
        if self.index is None:
            return None
        return self.index.statements.get(id)
