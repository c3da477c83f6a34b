"""Helpers for testing code that uses conflict_events.

- :func:`assert_valid` fails a test when validation finds errors (or warnings, with
  ``fail_on="warning"``), listing the findings readably;
- :func:`assert_round_trip` fails a test unless an object survives the wire format;
- :func:`model_diff` lists where two model objects differ, field by field;
- :mod:`conflict_events.testing.pytest_plugin` is an opt-in pytest plugin that shows those
  differences when ``assert a == b`` fails;
- :mod:`conflict_events.testing.strategies` holds hypothesis strategies that generate valid
  model objects. It needs the optional ``hypothesis`` extra
  (``pip install conflict-events[hypothesis]``) and is imported on its own, so this package
  stays importable without hypothesis::

      from conflict_events.testing import strategies as ces

>>> import conflict_events.testing
>>> conflict_events.testing.__name__
'conflict_events.testing'
"""

from conflict_events.testing._asserts import assert_round_trip, assert_valid
from conflict_events.testing._diff import model_diff

__all__ = ["assert_round_trip", "assert_valid", "model_diff"]
