"""Upgrading documents written by older versions of the wire format, one step at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from conflict_events.errors import Problem, StructureError, describe
from conflict_events.model.report import SCHEMA_VERSION

__all__ = ["MIGRATIONS", "upgrade", "v1_to_v2"]


def v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 to 2: only fields were added (all optional), so the version number changes.

    Version 2 added ``Claim.outcome``, ``origins``, ``targets``, ``place_precision``,
    ``other_actors``, ``other_target_parties``, ``event_mode`` and ``context``;
    ``Region.point`` and its ``Point``; ``Statement.supersedes``, ``corrects`` and
    ``retracts``; and the region kinds ``town``, ``settlement`` and ``airfield``. A version 1
    document has none of them, so it reads the same. The input is not changed.

    >>> v1_to_v2({"id": "r", "schema_version": 1})
    {'id': 'r', 'schema_version': 2}
    """
    return {**data, "schema_version": 2}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: v1_to_v2}
"""``MIGRATIONS[n]`` turns a version ``n`` report into a version ``n + 1`` report."""


def upgrade(data: object) -> object:
    """Bring a report's wire form to :data:`SCHEMA_VERSION`; anything else passes through.

    >>> upgrade({"id": "r", "schema_version": 1})
    {'id': 'r', 'schema_version': 2}
    """
    if type(data) is not dict:
        return data
    version = data.get("schema_version")
    if version == SCHEMA_VERSION and type(version) is int:
        return data
    if type(version) is not int:
        return data  # the structure check reports a missing or malformed version
    if version > SCHEMA_VERSION:
        raise StructureError(
            [
                Problem(
                    "schema_version",
                    f"version {version} was written by a newer conflict_events; this one reads "
                    f"up to version {SCHEMA_VERSION}",
                )
            ]
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StructureError(
                [Problem("schema_version", f"no upgrade from version {describe(version)}")]
            )
        data = step(data)
        version += 1
    return data
