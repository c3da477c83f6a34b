"""The exception tree: one root, every exception in ``errors.py``, the tree drawn there."""

from __future__ import annotations

import builtins
import importlib
import re

import pytest

import conflict_events as ce
from conflict_events import errors


def _descendants(cls: type[BaseException]) -> set[type[BaseException]]:
    found: set[type[BaseException]] = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_descendants(sub)}
    return found


def test_every_library_exception_is_defined_in_errors() -> None:
    """No layer defines an exception of its own under the root: the tree lives in one module."""
    outside = {
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in _descendants(ce.ConflictEventsError)
        if cls.__module__ != "conflict_events.errors"
    }
    assert outside == set()


def _drawn_tree() -> list[tuple[int, str, str | None]]:
    """(depth, name, built-in base) for each line of the tree in ``errors.py``'s docstring."""
    doc = errors.__doc__ or ""
    lines = doc[doc.index("ConflictEventsError\n") :].split("\n\n")[0].splitlines()
    tree = []
    for line in lines:
        match = re.match(r"^(\s*(?:[│ ]*[├└]── )?)(\w+)(?: \((\w+)\))?", line)
        assert match is not None, line
        indent, name, builtin = match.groups()
        tree.append((len(indent), name, builtin))
    return tree


def test_the_docstring_draws_the_whole_tree() -> None:
    """Each exception appears in the tree of ``errors.py``'s docstring under its parent, with
    the built-in exception it also inherits."""
    tree = _drawn_tree()
    defined = {ce.ConflictEventsError, *_descendants(ce.ConflictEventsError)}
    assert {name for _, name, _ in tree} == {cls.__name__ for cls in defined}
    parents: dict[int, str] = {}
    for indent, name, builtin in tree:
        cls = getattr(errors, name)
        parents[indent] = name
        shallower = [i for i in parents if i < indent]
        if shallower:
            assert issubclass(cls, getattr(errors, parents[max(shallower)])), name
        if builtin:
            assert issubclass(cls, getattr(builtins, builtin)), name


def test_rule_conflict_is_one_class_wherever_it_is_imported_from() -> None:
    """``RuleConflict`` is defined in ``errors`` and still importable from the rules package."""
    package = importlib.import_module("conflict_events.validation")
    assert package.RuleConflict is errors.RuleConflict is ce.RuleConflict
    assert issubclass(errors.RuleConflict, ValueError)


def test_validation_failed_carries_the_result() -> None:
    """``raise_for_errors`` raises ValidationFailed holding the ValidationResult itself."""
    claim = ce.Claim(
        id="c",
        kind="interception",
        quantity=ce.Quantity.exact(38),
        coverage="complete",
        parts=(ce.Claim(id="p", kind="interception", quantity=ce.Quantity.exact(34)),),
    )
    result = ce.validate(claim)
    with pytest.raises(ce.ValidationFailed) as err:
        result.raise_for_errors()
    assert err.value.result is result
    assert isinstance(err.value.result, ce.ValidationResult)
