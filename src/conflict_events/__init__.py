"""conflict_events: a typed, strict model of conflict-event reports.

Claims, sources, places, time windows and weapons as frozen attrs classes; a lossless JSON
wire format with JSON Schema; clear errors with paths; consistency rules that check a report
the way a careful analyst would.

>>> import conflict_events as ce
>>> ce.loads(ce.Quantity, ce.dumps(ce.Quantity.more_than(500, unit="km"))).bounds
(500, None)
"""

from importlib import metadata as _metadata

from conflict_events._display import install as _install_display
from conflict_events._display import plot_breakdown
from conflict_events.errors import (
    AmbiguousName,
    AmbiguousTimeError,
    ConflictEventsError,
    LookupFailed,
    ModelError,
    NonExistentTimeError,
    Problem,
    StructureError,
    TimeParseError,
    TimeZoneError,
    ValidationFailed,
)
from conflict_events.model import (
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    Citation,
    Claim,
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Grain,
    Interval,
    Modality,
    Outcome,
    PlacePrecision,
    Point,
    Precision,
    Qualifier,
    Quantity,
    Region,
    RegionKind,
    Report,
    Share,
    Source,
    SourceKind,
    Span,
    Statement,
    StatementKind,
    TimeWindow,
    WeaponCategory,
    WeaponSystem,
)
from conflict_events.model.conventions import DEFAULT_CONVENTIONS, Conventions
from conflict_events.reading import Reading, read_article, read_bulletin
from conflict_events.reference import gazetteer, weapons
from conflict_events.serialize import (
    JsonLinesReader,
    dumps,
    from_dict,
    iter_jsonl,
    json_schema,
    loads,
    read_jsonl,
    to_dict,
    write_jsonl,
)
from conflict_events.serialize._tables import (
    claims_from_records,
    read_csv,
    to_arrow,
    to_dataframe,
    to_records,
    write_csv,
)
from conflict_events.validation import (
    Context,
    Finding,
    Hit,
    RuleConflict,
    Scope,
    Severity,
    ValidationResult,
    registry,
    rule,
    validate,
)

_install_display()

try:
    __version__: str = _metadata.version("conflict-events")
    """The installed distribution's version (PEP 440)."""
except _metadata.PackageNotFoundError:  # pragma: no cover - a source tree never installed
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_CONVENTIONS",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "AmbiguousName",
    "AmbiguousTimeError",
    "Citation",
    "Claim",
    "ClaimKind",
    "ConflictEventsError",
    "Context",
    "Conventions",
    "Counted",
    "Coverage",
    "Distribution",
    "Finding",
    "Grain",
    "Hit",
    "Interval",
    "JsonLinesReader",
    "LookupFailed",
    "Modality",
    "ModelError",
    "NonExistentTimeError",
    "Outcome",
    "PlacePrecision",
    "Point",
    "Precision",
    "Problem",
    "Qualifier",
    "Quantity",
    "Reading",
    "Region",
    "RegionKind",
    "Report",
    "RuleConflict",
    "Scope",
    "Severity",
    "Share",
    "Source",
    "SourceKind",
    "Span",
    "Statement",
    "StatementKind",
    "StructureError",
    "TimeParseError",
    "TimeWindow",
    "TimeZoneError",
    "ValidationFailed",
    "ValidationResult",
    "WeaponCategory",
    "WeaponSystem",
    "claims_from_records",
    "dumps",
    "from_dict",
    "gazetteer",
    "iter_jsonl",
    "json_schema",
    "loads",
    "plot_breakdown",
    "read_article",
    "read_bulletin",
    "read_csv",
    "read_jsonl",
    "registry",
    "rule",
    "to_arrow",
    "to_dataframe",
    "to_dict",
    "to_records",
    "validate",
    "weapons",
    "write_csv",
    "write_jsonl",
]
