"""Reference data: the gazetteer of places and the catalogue of weapons.

Both are package data loaded on first use, so importing this package is cheap; both can be
extended (``register``) and layered under a report's own tables (``with_regions``,
``with_weapons``, ``resolve``).

>>> from conflict_events.reference import gazetteer, weapons
>>> gazetteer.lookup("Orel").id, weapons.lookup("Geran-2").id
('RU-ORL', 'shahed-136')
"""

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
    "weapons",
]
