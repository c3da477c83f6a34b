"""Reference data: the gazetteer of places and the catalogue of weapons.

Both are package data loaded on first use, so importing this package is cheap; both can be
extended (``register``) and layered under a report's own tables (``with_regions``,
``with_weapons``, ``resolve``).

>>> from conflict_events.reference import gazetteer, weapons
>>> gazetteer.lookup("Orel").id, weapons.lookup("Geran-2").id
('RU-ORL', 'shahed-136')
"""

from conflict_events.errors import LookupFailed
from conflict_events.model import RegionKind
from conflict_events.reference._gazetteer import (
    CONFLICT_COUNTRIES,
    Gazetteer,
    GazetteerView,
    gazetteer,
)
from conflict_events.reference._weapons import WeaponCatalogue, WeaponView, weapons

__all__ = [
    "CONFLICT_COUNTRIES",
    "Gazetteer",
    "GazetteerView",
    "WeaponCatalogue",
    "WeaponView",
    "gazetteer",
    "region",
    "region_name",
    "weapon",
    "weapons",
]


def region(name: str, *, country: str | None = None, kind: RegionKind | str | None = None) -> str:
    """The id of the region ``name`` means, looked up in the gazetteer: for constructors.

    Any name or alias the gazetteer knows, in English, Russian or Ukrainian, or an id. An
    unknown name raises :class:`~conflict_events.LookupFailed` with the nearest names; a name
    that means several regions raises :class:`~conflict_events.AmbiguousName` (narrow it
    with ``country`` or ``kind``).

    >>> region("Орловская область"), region("Orel"), region("RU-ORL")
    ('RU-ORL', 'RU-ORL', 'RU-ORL')
    >>> from conflict_events import Claim
    >>> claim = Claim(id="c", kind="interception",
    ...               regions=[region("Belgorod"), region("Курская область")])
    >>> claim.regions
    ('RU-BEL', 'RU-KRS')
    """
    return gazetteer.lookup(name, country=country, kind=kind).id


def weapon(name: str) -> str:
    """The id of the weapon system ``name`` means, looked up in the catalogue: for constructors.

    Any name or alias the catalogue knows (``Geran-2`` is the ``shahed-136``), or an id;
    :class:`~conflict_events.LookupFailed` or :class:`~conflict_events.AmbiguousName`
    otherwise.

    >>> weapon("Geran-2"), weapon("Герань-2"), weapon("shahed-136")
    ('shahed-136', 'shahed-136', 'shahed-136')
    """
    return weapons.lookup(name).id


def region_name(region_id: str) -> str:
    """The gazetteer's name for ``region_id``, or the id itself when it has none: for labels.

    >>> region_name("RU-KRS"), region_name("sea:nowhere")
    ('Kursk Oblast', 'sea:nowhere')
    """
    try:
        return gazetteer.get(region_id).name
    except LookupFailed:
        return region_id
