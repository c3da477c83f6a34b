"""Shared test configuration: hypothesis profiles and a JSON Schema validator with date-time.

Hypothesis profiles, chosen with the ``HYPOTHESIS_PROFILE`` environment variable:

- ``ci`` (the default when ``CI=true``): 50 examples per property, so the suite stays fast;
- ``dev`` (the default otherwise): hypothesis' usual 100 examples;
- ``thorough``: 1000 examples, for a hunt before a release.

No profile has a deadline: timing on a shared runner is not a property of the code.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, settings

import conflict_events as ce

_RELAXED = [HealthCheck.too_slow]
settings.register_profile("ci", max_examples=50, deadline=None, suppress_health_check=_RELAXED)
settings.register_profile("dev", max_examples=100, deadline=None, suppress_health_check=_RELAXED)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=_RELAXED
)
_DEFAULT = "ci" if os.environ.get("CI", "").lower() == "true" else "dev"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", _DEFAULT))

_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})", re.ASCII
)


def _is_rfc3339(value: object) -> bool:
    """The ``date-time`` format of JSON Schema: RFC 3339, a real date, an offset in minutes."""
    if not isinstance(value, str):
        return True  # formats constrain strings only
    if not _RFC3339.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _format_checker() -> jsonschema.FormatChecker:
    """The validator's own format checks, plus ``date-time`` (it needs an extra package)."""
    checker = jsonschema.FormatChecker()
    checker.checks("date-time")(_is_rfc3339)
    return checker


SchemaErrors = Callable[[type, Any], list[str]]


@pytest.fixture(scope="session")
def schema_errors() -> SchemaErrors:
    """``schema_errors(cls, data)``: how ``data`` breaks the JSON Schema of ``cls``'s wire form."""
    checker = _format_checker()
    validators: dict[type, jsonschema.Draft202012Validator] = {}

    def errors(cls: type, data: Any) -> list[str]:
        validator = validators.get(cls)
        if validator is None:
            schema = ce.json_schema(cls)
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = validators[cls] = jsonschema.Draft202012Validator(
                schema, format_checker=checker
            )
        return [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(data)
        ]

    return errors


@pytest.fixture(scope="session")
def wire() -> Callable[[object], Any]:
    """``wire(obj)``: what a reader of ``dumps(obj)`` sees, parsed back into Python values."""

    def parse(obj: object) -> Any:
        return json.loads(ce.dumps(obj))

    return parse


@pytest.fixture(scope="session")
def is_date_time() -> Callable[[object], bool]:
    """The ``date-time`` format check the ``schema_errors`` fixture applies."""
    return _is_rfc3339
