"""The former private name of :mod:`conflict_events.serialize.tables`, for old imports."""

from conflict_events.serialize.tables import (
    claims_from_records,
    read_csv,
    to_records,
    write_csv,
)

__all__ = ["claims_from_records", "read_csv", "to_records", "write_csv"]
