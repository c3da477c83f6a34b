"""Field-by-field differences between two model objects."""

from __future__ import annotations

import attrs

from conflict_events.errors import join_path

__all__ = ["model_diff"]


def model_diff(left: object, right: object, *, path: str = "", limit: int = 50) -> list[str]:
    """Where two model objects differ, one line per differing leaf field, with its path.

    >>> from conflict_events import Quantity
    >>> model_diff(Quantity.exact(34), Quantity.about(35))
    ['value: 34 != 35', "qualifier: <Qualifier.EXACT: 'exact'> != <Qualifier.ABOUT: 'about'>"]
    """
    out: list[str] = []
    _diff(left, right, path, out, limit)
    return out


def _diff(left: object, right: object, path: str, out: list[str], limit: int) -> None:
    if len(out) >= limit:
        return
    if type(left) is not type(right):
        out.append(f"{path or '<root>'}: {left!r} != {right!r} (different types)")
        return
    cls = type(left)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            a, b = getattr(left, field.name), getattr(right, field.name)
            if a != b or type(a) is not type(b):
                _diff(a, b, join_path(path, field.name), out, limit)
        return
    if isinstance(left, tuple) and isinstance(right, tuple):
        for i, (a, b) in enumerate(zip(left, right, strict=False)):
            if a != b or type(a) is not type(b):
                _diff(a, b, join_path(path, i), out, limit)
        if len(left) != len(right):
            longer, side = (left, "left") if len(left) > len(right) else (right, "right")
            extra = ", ".join(repr(x) for x in longer[min(len(left), len(right)) :])
            out.append(
                f"{path or '<root>'}: {len(left)} items != {len(right)} items "
                f"(only on the {side}: {extra[:200]})"
            )
        return
    if left != right or type(left) is not type(right):
        out.append(f"{path or '<root>'}: {left!r} != {right!r}")
