"""The built-in rule families, one module per family; importing this registers them all.

- :mod:`~conflict_events.validation.rules.references` (CE1xx): ids resolve and are unique;
- :mod:`~conflict_events.validation.rules.arithmetic` (CE2xx): breakdowns add up;
- :mod:`~conflict_events.validation.rules.time` (CE3xx): windows nest and precede their telling;
- :mod:`~conflict_events.validation.rules.geography` (CE4xx): parts lie inside their parent;
- :mod:`~conflict_events.validation.rules.weapons` (CE5xx): weapons match what is counted;
- :mod:`~conflict_events.validation.rules.statements` (CE6xx): statements agree with each other.

>>> from conflict_events.validation import registry
>>> sorted({r.func.__module__.rpartition(".")[2] for r in registry if r.code.startswith("CE")})
['arithmetic', 'geography', 'references', 'statements', 'time', 'weapons']
"""

from conflict_events.validation.rules import (
    arithmetic,
    geography,
    references,
    statements,
    time,
    weapons,
)

__all__ = ["arithmetic", "geography", "references", "statements", "time", "weapons"]
