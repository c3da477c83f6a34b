"""The model: frozen, slotted, keyword-only attrs classes that check their own invariants.

This package imports the standard library, attrs, pytz and dateutil only: serialisation and
validation live outside it.
"""

import typing
from typing import Union

from conflict_events.model.claim import (
    Claim,
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Grain,
    Modality,
    Outcome,
    Share,
    Span,
)
from conflict_events.model.place import PlacePrecision, Point, Region, RegionKind
from conflict_events.model.quantity import Interval, Qualifier, Quantity
from conflict_events.model.report import (
    REVISION_FIELDS,
    SCHEMA_VERSION,
    Report,
    Statement,
    StatementKind,
)
from conflict_events.model.source import Actor, ActorKind, Source, SourceKind
from conflict_events.model.time import Precision, TimeWindow
from conflict_events.model.weapon import Citation, WeaponCategory, WeaponSystem

Model = Union[  # noqa: UP007 - a runtime alias, usable on Python 3.10
    Quantity,
    TimeWindow,
    Point,
    Region,
    Citation,
    WeaponSystem,
    Source,
    Actor,
    Span,
    Claim,
    Statement,
    Report,
]
"""Any object of the wire format: the one list of the model's classes."""

MODEL_CLASSES: tuple[type[Model], ...] = typing.get_args(Model)
"""Every model class (those the wire format carries), from :data:`Model`, the inner first.

>>> [cls.__name__ for cls in MODEL_CLASSES][:3]
['Quantity', 'TimeWindow', 'Point']
"""

__all__ = [
    "MODEL_CLASSES",
    "REVISION_FIELDS",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Citation",
    "Claim",
    "ClaimKind",
    "Counted",
    "Coverage",
    "Distribution",
    "Grain",
    "Interval",
    "Modality",
    "Model",
    "Outcome",
    "PlacePrecision",
    "Point",
    "Precision",
    "Qualifier",
    "Quantity",
    "Region",
    "RegionKind",
    "Report",
    "Share",
    "Source",
    "SourceKind",
    "Span",
    "Statement",
    "StatementKind",
    "TimeWindow",
    "WeaponCategory",
    "WeaponSystem",
]
