"""The model: frozen, slotted, keyword-only attrs classes that check their own invariants.

This package imports the standard library, attrs, pytz and dateutil only: serialisation and
validation live outside it.
"""

from conflict_events.model.claim import (
    MAX_DEPTH,
    Claim,
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Modality,
    Share,
    Span,
)
from conflict_events.model.place import Region, RegionKind
from conflict_events.model.quantity import MAX_COUNT, Interval, Qualifier, Quantity
from conflict_events.model.report import SCHEMA_VERSION, Report, Statement, StatementKind
from conflict_events.model.source import Actor, ActorKind, Source, SourceKind
from conflict_events.model.time import Precision, TimeWindow
from conflict_events.model.weapon import Citation, WeaponCategory, WeaponSystem

__all__ = [
    "MAX_COUNT",
    "MAX_DEPTH",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Citation",
    "Claim",
    "ClaimKind",
    "Counted",
    "Coverage",
    "Distribution",
    "Interval",
    "Modality",
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
