"""The one cattrs converter that owns every (un)structuring rule of the wire format.

This is the only module that imports cattrs. The converter is strict: unknown keys are an
error, a value is never coerced to another type (``"12"`` is not ``12``, ``True`` is not ``1``,
``12.5`` is not ``12``), enums travel as their lower-case values, datetimes as ISO 8601 with
their offset, and fields at their defaults are omitted.
"""

from __future__ import annotations

import functools
import json
import math
import operator
import re
import threading
import types
import typing
from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime
from enum import Enum
from json.encoder import encode_basestring
from typing import Any, Protocol, cast

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn_from_attrs, override

from conflict_events import model
from conflict_events.errors import ModelError, Problem, describe, field_of, join_path
from conflict_events.model import MODEL_CLASSES

__all__ = [
    "MODEL_CLASSES",
    "TEXT_ENCODERS",
    "WIRE_REQUIRED",
    "WireError",
    "converter",
    "diagnose",
    "is_tuple_of",
    "make_converter",
    "optional_inner",
]

WIRE_REQUIRED: frozenset[tuple[type, str]] = frozenset({(model.Report, "schema_version")})
"""Fields that have a default in Python but must always be present on the wire."""


class WireError(ValueError):
    """A leaf value of the wrong type or form; the message says what was expected."""


def _encodable(value: str) -> bool:
    """Whether ``value`` can be written as UTF-8 (no lone surrogates such as ``\\ud800``)."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _not_encodable(value: str) -> WireError:
    return WireError(
        f"expected UTF-8 text, got {value!r}: bytes that are not UTF-8, or a lone surrogate"
    )


def _strict_str(value: object, _: object) -> str:
    if type(value) is str:
        if value.isascii() or _encodable(value):
            return value
        raise _not_encodable(value)
    raise WireError(f"expected a string, got {describe(value)}")


def _optional_str(value: object, _: object) -> str | None:
    if value is None:
        return None
    if type(value) is str:
        if value.isascii() or _encodable(value):
            return value
        raise _not_encodable(value)
    raise WireError(f"expected a string or null, got {describe(value)}")


def _optional_int(value: object, _: object) -> int | None:
    if value is None or type(value) is int:
        return value
    raise WireError(f"expected an integer or null, got {describe(value)}")


def _strict_int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    raise WireError(f"expected an integer, got {describe(value)}")


def _strict_bool(value: object, _: object) -> bool:
    if type(value) is bool:
        return value
    raise WireError(f"expected true or false, got {describe(value)}")


def _number(value: object, _: object) -> int | float:
    if type(value) is int or (type(value) is float and math.isfinite(value)):
        return value
    raise WireError(f"expected a number, got {describe(value)}")


def _strict_float(value: object, _: object) -> float:
    if type(value) is float and math.isfinite(value):
        return value
    if type(value) is int:
        return float(value)
    raise WireError(f"expected a number, got {describe(value)}")


# RFC 3339 date-times as ``isoformat`` writes them (``Z`` accepted for ``+00:00``); one form on
# every Python version, whatever else ``fromisoformat`` of a newer Python would accept.
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
    r"(?:[+-]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?|Z)?",
    re.ASCII,
)


def _aware_datetime(value: object, _: object) -> datetime:
    if type(value) is not str:
        raise WireError(f"expected an ISO 8601 date-time string, got {describe(value)}")
    if _DATETIME.fullmatch(value) is None:
        raise WireError(
            f"expected an ISO 8601 date-time with offset, got {value!r} "
            "(such as '2025-10-31T20:00:00+03:00')"
        )
    try:
        parsed = datetime.fromisoformat(value[:-1] + "+00:00" if value[-1] == "Z" else value)
    except ValueError:
        raise WireError(f"expected a valid calendar date-time, got {value!r}") from None
    if parsed.tzinfo is None:
        raise WireError(f"expected a date-time with a UTC offset, got the naive {value!r}")
    return parsed


def _date_or_datetime(value: object, _: object) -> date | datetime:
    if type(value) is str and len(value) == 10:
        try:
            if not (value[4] == value[7] == "-" and value.replace("-", "").isdigit()):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise WireError(f"expected an ISO 8601 date (YYYY-MM-DD), got {value!r}") from None
    return _aware_datetime(value, None)


def _enum_hook(enum: type[Enum]) -> Callable[[object, object], Enum]:
    by_value = {m.value: m for m in enum}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(value: object, _: object) -> Enum:
        if type(value) is str:
            member = by_value.get(value)
            if member is not None:
                return member
        raise WireError(f"expected one of {allowed}, got {describe(value)}")

    return structure


def optional_inner(tp: object) -> Any:
    """For ``X | None``, the type ``X`` (itself a union when there are several); else ``None``."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) not in (typing.Union, types.UnionType) or _NONE not in args:
        return None
    rest = tuple(a for a in args if a is not _NONE)
    return functools.reduce(operator.or_, rest)


def is_tuple_of(tp: object) -> bool:
    """Whether ``tp`` is ``tuple[X, ...]``."""
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _union_args(tp: object) -> frozenset[object]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return frozenset(typing.get_args(tp))
    return frozenset()


_NONE = type(None)
_NUMBER = frozenset({int, float})
_DATES = frozenset({date, datetime})


def configure_primitives(conv: cattrs.Converter) -> None:
    """Strict leaves: no value is ever coerced to another type."""
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(bool, _strict_bool)
    conv.register_structure_hook(float, _strict_float)
    conv.register_structure_hook_func(lambda t: _union_args(t) == _NUMBER, _number)
    conv.register_unstructure_hook_func(lambda t: _union_args(t) == _NUMBER, _identity)


def configure_optional_unions(conv: cattrs.Converter) -> None:
    """``X | None``: null, or whatever the hook for ``X`` accepts (one closure, no dispatch)."""

    def is_optional_union(tp: object) -> bool:
        return _NONE in _union_args(tp)

    def structure_factory(tp: Any) -> Callable[[object, object], object]:
        inner_type = optional_inner(tp)
        if inner_type is str:
            return _optional_str
        if inner_type is int:
            return _optional_int
        inner = conv.get_structure_hook(inner_type)

        def structure(value: object, _: object) -> object:
            return None if value is None else inner(value, inner_type)

        return structure

    def unstructure_factory(tp: Any) -> Callable[[object], object]:
        inner = conv.get_unstructure_hook(optional_inner(tp))

        def unstructure(value: object) -> object:
            return None if value is None else inner(value)

        return unstructure

    conv.register_structure_hook_factory(is_optional_union, structure_factory)
    conv.register_unstructure_hook_factory(is_optional_union, unstructure_factory)


def _identity(value: object) -> object:
    return value


def configure_enums(conv: cattrs.Converter) -> None:
    """Enums by their lower-case values, looked up in a dict."""
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, Enum),
        _enum_hook,
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Enum), lambda e: e.value
    )


def configure_datetimes(conv: cattrs.Converter) -> None:
    """ISO 8601 text; datetimes must carry an offset; ``date | datetime`` by length."""
    conv.register_structure_hook(datetime, _aware_datetime)
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    conv.register_structure_hook(date, lambda v, _: _date_or_datetime(v, _))
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook_func(lambda t: _union_args(t) == _DATES, _date_or_datetime)
    conv.register_unstructure_hook_func(lambda t: _union_args(t) == _DATES, _isoformat)


def _isoformat(value: date) -> str:
    return value.isoformat()


def configure_tuples(conv: cattrs.Converter, *, detailed: bool = False) -> None:
    """``tuple[X, ...]`` travels as a JSON array; nothing else (not a string, not a dict) is one.

    ``detailed``: every item is structured and each failure is kept, with its index, in an
    ``IterableValidationError`` (cattrs' error tree), instead of stopping at the first.
    """

    # Item hooks are looked up on first use: Claim.parts holds Claims, so the hook for
    # tuple[Claim, ...] is made while Claim's own hook is still being generated.
    def structure_factory(tp: Any) -> Callable[[object, object], tuple[object, ...]]:
        item_type = typing.get_args(tp)[0]
        hooks: list[Callable[[object, object], object]] = []

        def structure(value: object, _: object) -> tuple[object, ...]:
            if type(value) is list or type(value) is tuple:
                if not hooks:
                    hooks.append(conv.get_structure_hook(item_type))
                item = hooks[0]
                if detailed:
                    return _each_item(item, item_type, value, tp)
                return tuple([item(v, item_type) for v in value])
            raise WireError(f"expected an array, got {describe(value)}")

        return structure

    def unstructure_factory(tp: Any) -> Callable[[tuple[object, ...]], list[object]]:
        item_type = typing.get_args(tp)[0]
        if item_type in (str, int, float, bool):
            return list
        hooks: list[Callable[[object], object]] = []

        def unstructure(value: tuple[object, ...]) -> list[object]:
            if not hooks:
                hooks.append(conv.get_unstructure_hook(item_type))
            item = hooks[0]
            return [item(v) for v in value]

        return unstructure

    conv.register_structure_hook_factory(is_tuple_of, structure_factory)
    conv.register_unstructure_hook_factory(is_tuple_of, unstructure_factory)


def _each_item(
    item: Callable[[object, object], object],
    item_type: object,
    value: list[object] | tuple[object, ...],
    tp: object,
) -> tuple[object, ...]:
    """Structure every item, keeping each failure with its index (cattrs' error tree)."""
    out: list[object] = []
    errors: list[Exception] = []
    for i, v in enumerate(value):
        try:
            out.append(item(v, item_type))
        except Exception as exc:  # noqa: BLE001 - every failure is kept, with its index
            note = IterableValidationNote(f"Structuring {tp} @ index {i}", i, item_type)
            exc.__notes__ = [*getattr(exc, "__notes__", ()), note]  # type: ignore[attr-defined]
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {tp!r}", errors, cast(type, tp))
    return tuple(out)


def _wire_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields of ``cls`` as the wire reads them: those in :data:`WIRE_REQUIRED` are
    required, whatever their default in Python."""
    return [
        f.evolve(default=attrs.NOTHING) if (cls, f.name) in WIRE_REQUIRED else f
        for f in attrs.fields(cls)
    ]


def configure_model(conv: cattrs.Converter, *, detailed: bool = False) -> None:
    """Generated functions for every model class: unknown keys rejected, defaults omitted.

    ``detailed``: the functions go on past a bad field and collect every failure in cattrs'
    error tree (see :func:`diagnose`); only structuring is configured.
    """
    for cls in MODEL_CLASSES:
        attrs.resolve_types(cls)
    for cls in MODEL_CLASSES:
        fields = _wire_fields(cls)
        if not detailed:
            fast: Callable[[Any, Any], Any] = make_dict_structure_fn_from_attrs(
                fields, cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=False
            )
            conv.register_structure_hook(cls, fast)
            continue
        recorders: dict[str, Any] = {
            f.name: override(struct_hook=_recorder(conv, f.name, f.type)) for f in fields
        }
        generated: Callable[[Any, Any], Any] = make_dict_structure_fn_from_attrs(
            fields,
            cls,
            conv,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            **recorders,
        )
        conv.register_structure_hook(cls, _checking_partly_loaded(cls, generated))
    if not detailed:
        for cls, unstructure in make_unstructure_fns(MODEL_CLASSES).items():
            conv.register_unstructure_hook(cls, unstructure)


def _value_expr(tp: Any, var: str) -> str | None:
    """Python source for the wire form of ``var`` of type ``tp``; ``None`` if not specialised."""
    inner = optional_inner(tp)
    if inner is not None:
        tp = inner
    if tp in (str, int, bool, float) or _union_args(tp) == _NUMBER:
        return var
    if tp is datetime or tp is date or _union_args(tp) == _DATES:
        return f"{var}.isoformat()"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return f"{var}._value_"
    if attrs.has(tp):
        return f"_u_{tp.__name__}({var})"
    if is_tuple_of(tp):
        item = typing.get_args(tp)[0]
        if item in (str, int, bool, float):
            return f"list({var})"
        if attrs.has(item):
            return f"[_u_{item.__name__}(x) for x in {var}]"
    return None


def _omit_test(field: attrs.Attribute[Any], var: str, names: dict[str, object]) -> str | None:
    """A cheap test that ``var`` differs from the field's default; ``None`` to always write."""
    default = field.default
    if default is attrs.NOTHING:
        return None
    if default is None:
        return f"{var} is not None"
    if default == () and type(default) is tuple:
        return var
    if isinstance(default, Enum) or type(default) is bool:
        names[f"_d_{field.name}"] = default
        return f"{var} is not _d_{field.name}"
    names[f"_d_{field.name}"] = default
    return f"{var} != _d_{field.name}"


def _plan(cls: type, names: dict[str, object]) -> list[tuple[attrs.Attribute[Any], str | None]]:
    """The fields of ``cls`` in wire order, each with its omit test (``None``: always written).

    Fields always written come first (the schema version right after the id), then the others,
    each group in declaration order.
    """
    tests = {
        f.name: None if (cls, f.name) in WIRE_REQUIRED else _omit_test(f, "v", names)
        for f in attrs.fields(cls)
    }
    ordered = sorted(attrs.fields(cls), key=lambda f: tests[f.name] is not None)
    return [(f, tests[f.name]) for f in ordered]


def _generate(source: str, names: dict[str, object]) -> dict[str, Any]:
    namespace: dict[str, Any] = dict(names)
    code = compile(source, "<conflict_events wire encoders>", "exec")
    exec(code, namespace)  # noqa: S102 - source built from the model's own field list
    return namespace


def make_unstructure_fns(classes: tuple[type, ...]) -> dict[type, Callable[[Any], dict[str, Any]]]:
    """Generated unstructure functions: fields at their defaults left out.

    cattrs' generic functions compare every field with its default through ``!=`` (attrs'
    ``__ne__`` in Python for nested objects) and call a hook per value; these test ``is not
    None``, identity for enum defaults and truth for empty tuples, and write leaves inline.
    Fields in :data:`WIRE_REQUIRED` are always written.
    """
    names: dict[str, object] = {}
    sources = []
    for cls in classes:
        lines = [f"def _u_{cls.__name__}(o):", "    r = {}"]
        for field, test in _plan(cls, names):
            expr = _value_expr(field.type, "v")
            if expr is None:  # pragma: no cover - every model field type is specialised
                raise TypeError(f"no wire form for {cls.__name__}.{field.name}: {field.type!r}")
            lines.append(f"    v = o.{field.name}")
            if test is None:
                lines.append(f"    r[{field.name!r}] = {expr}")
            else:
                lines.append(f"    if {test}:")
                lines.append(f"        r[{field.name!r}] = {expr}")
        lines.append("    return r")
        sources.append("\n".join(lines))
    namespace = _generate("\n\n".join(sources), names)
    return {cls: namespace[f"_u_{cls.__name__}"] for cls in classes}


def _text_expr(tp: Any, var: str, names: dict[str, object]) -> str | None:
    """Python source for the compact JSON text of ``var`` of type ``tp``."""
    inner = optional_inner(tp)
    if inner is not None:
        tp = inner
    if tp is str:
        return f"_esc({var})"
    if tp is bool:
        return f"('true' if {var} else 'false')"
    if tp is int or tp is float or _union_args(tp) == _NUMBER:
        return f"_repr({var})"
    if tp is datetime or tp is date or _union_args(tp) == _DATES:
        return f"'\"' + {var}.isoformat() + '\"'"
    if isinstance(tp, type) and issubclass(tp, Enum):
        if all(json.dumps(m.value) == f'"{m.value}"' for m in tp):  # nothing to escape
            return f"'\"' + {var}._value_ + '\"'"
        table = f"_e_{tp.__name__}"  # pragma: no cover - every model enum is plain ASCII
        names[table] = {m.value: json.dumps(m.value, ensure_ascii=False) for m in tp}
        return f"{table}[{var}._value_]"  # pragma: no cover
    if attrs.has(tp):
        return f"_j_{tp.__name__}({var})"
    if is_tuple_of(tp):
        item = typing.get_args(tp)[0]
        if item is str:
            return f"'[' + ','.join(map(_esc, {var})) + ']'"
        if attrs.has(item):
            return f"'[' + ','.join([_j_{item.__name__}(x) for x in {var}]) + ']'"
    return None  # pragma: no cover - every model field type is specialised


def make_text_fns(classes: tuple[type, ...]) -> dict[type, Callable[[Any], str]]:
    """Generated encoders straight to compact JSON text, without building dicts.

    Each writes exactly what ``json.dumps(unstructure(obj), ensure_ascii=False,
    separators=(",", ":"))`` writes (a property test holds them to it): strings through the
    standard library's own C escaper, numbers by ``repr``, enums from a table of their
    encoded values. JSON Lines and compact ``dumps`` use them.
    """
    names: dict[str, object] = {"_esc": encode_basestring, "_repr": repr}
    sources = []
    for cls in classes:
        # The text grows by ``+=`` (in place while only this function holds it). With a field
        # that is always written first, the text starts with it; otherwise every field writes a
        # leading comma and the first is cut at the end.
        plan = _plan(cls, names)
        leads = plan[0][1] is None
        lines = [f"def _j_{cls.__name__}(o):", "    r = '{'" if leads else "    r = ''"]
        for i, (field, test) in enumerate(plan):
            expr = _text_expr(field.type, f"o.{field.name}" if test is None else "v", names)
            if expr is None:  # pragma: no cover - every model field type is specialised
                raise TypeError(f"no wire form for {cls.__name__}.{field.name}: {field.type!r}")
            key = ("" if leads and i == 0 else ",") + json.dumps(field.name) + ":"
            if test is None:
                lines.append(f"    r += {key!r} + {expr}")
            else:
                lines.append(f"    v = o.{field.name}")
                lines.append(f"    if {test}:")
                lines.append(f"        r += {key!r} + {expr}")
        lines.append("    return r + '}'" if leads else "    return '{' + r[1:] + '}'")
        sources.append("\n".join(lines))
    namespace = _generate("\n\n".join(sources), names)
    return {cls: namespace[f"_j_{cls.__name__}"] for cls in classes}


def make_converter(*, detailed: bool = False) -> cattrs.Converter:
    """Build the wire-format converter; ``detailed`` builds the one that diagnoses failures.

    >>> make_converter().structure({"value": 2}, model.Quantity).value
    2
    """
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    configure_primitives(conv)
    configure_enums(conv)
    configure_datetimes(conv)
    configure_optional_unions(conv)
    configure_tuples(conv, detailed=detailed)
    configure_model(conv, detailed=detailed)
    return conv


converter: cattrs.Converter = make_converter()
"""The library's converter; treat it as read-only."""

# -- the second pass over a rejected document ------------------------------------------------
#
# The fast functions stop at the first problem. When one rejects a document, the same parsed
# value is structured once more by functions generated with cattrs' detailed validation, which
# go on past a bad field and gather every failure in an error tree (exception groups whose
# members carry notes naming the attribute or index). :func:`diagnose` reads that tree into
# problems with paths. One thing cattrs cannot do: when some fields of an object fail, the
# object is never built, so its own invariants on the fields that did load (an empty id beside
# a bad grade) go unchecked. Each detailed class function therefore records the fields that
# loaded and, when others failed, adds what the class's own ``check_fields`` says of them.


class _ChecksFields(Protocol):
    def check_fields(
        self, fields: Mapping[str, object], *, unread: Collection[str] = ()
    ) -> list[Problem]: ...


_RECORDS = threading.local()


def _records() -> list[dict[str, object]]:
    """The fields loaded so far by each detailed class function running in this thread."""
    stack: list[dict[str, object]] | None = getattr(_RECORDS, "stack", None)
    if stack is None:
        stack = _RECORDS.stack = []
    return stack


def _recorder(conv: cattrs.Converter, name: str, tp: object) -> Callable[[object, object], object]:
    """The hook for field ``name``: structure it and record the result for its object."""
    hooks: list[Callable[[object, object], object]] = []  # looked up on first use (see tuples)

    def structure(value: object, _: object) -> object:
        if not hooks:
            hooks.append(conv.get_structure_hook(tp))
        result = hooks[0](value, tp)
        _records()[-1][name] = result
        return result

    return structure


def _checking_partly_loaded(
    cls: type, generated: Callable[[Any, Any], Any]
) -> Callable[[object, object], object]:
    """``generated``, which also checks the object's own invariants on the fields that loaded
    when others did not."""

    def structure(value: object, tp: object) -> object:
        if type(value) is not dict:
            raise WireError(f"expected an object ({cls.__name__}), got {describe(value)}")
        loaded: dict[str, object] = {}
        stack = _records()
        stack.append(loaded)
        try:
            return generated(value, tp)
        except ClassValidationError as exc:
            failed = {name for e in exc.exceptions if (name := _attribute(e)) is not None}
            if not failed and not any(
                isinstance(e, ForbiddenExtraKeysError) for e in exc.exceptions
            ):
                raise  # every field loaded: the constructor's own error, already in the tree
            own = cast(_ChecksFields, cls).check_fields(loaded, unread=failed)
            if not own:
                raise
            group = [*exc.exceptions, ModelError(cls.__name__, own)]
            raise ClassValidationError(exc.message, group, cls) from None
        finally:
            stack.pop()

    return structure


def _attribute(exc: BaseException) -> str | None:
    """The attribute a failure in a class's error group belongs to: cattrs' note, added last."""
    notes = getattr(exc, "__notes__", None)
    last = notes[-1] if notes else None
    return last.name if isinstance(last, AttributeValidationNote) else None


def _index(exc: BaseException) -> int:
    """The index a failure in an iterable's error group belongs to: the note added last."""
    note: IterableValidationNote = exc.__notes__[-1]  # type: ignore[attr-defined]
    return cast(int, note.index)


def _problems_in(exc: BaseException, path: str, value: Any) -> list[Problem]:
    """The problems an error tree records for ``value`` at ``path``."""
    if isinstance(exc, ClassValidationError):
        return _class_problems(exc, path, value)
    if isinstance(exc, IterableValidationError):
        problems: list[Problem] = []
        for sub in exc.exceptions:
            i = _index(sub)
            problems.extend(_problems_in(sub, join_path(path, i), value[i]))
        return problems
    if isinstance(exc, RecursionError):
        raise exc
    if isinstance(exc, WireError):
        return [Problem(path, str(exc))]
    if isinstance(exc, ModelError):
        return [p.under(path) for p in exc.problems]
    return [Problem(path, f"cannot read {describe(value)}: {exc}")]


def _class_problems(exc: ClassValidationError, path: str, value: dict[str, Any]) -> list[Problem]:
    """An object's problems: unknown keys first, then each field's in declaration order, the
    object's own invariants under the fields they concern."""
    cls = exc.cl
    order = [f.name for f in attrs.fields(cls)]
    unknown: list[Problem] = []
    by_field: dict[str, list[Problem]] = {}
    own: list[Problem] = []
    for sub in exc.exceptions:
        name = _attribute(sub)
        if isinstance(sub, ForbiddenExtraKeysError):
            known = ", ".join(sorted(order))
            unknown = [
                Problem(join_path(path, key), f"unknown field {key!r}; {cls.__name__} has {known}")
                for key in value
                if key in sub.extra_fields
            ]
        elif name is None:
            own.extend(_problems_in(sub, "", value))
        elif isinstance(sub, KeyError) and name not in value:
            by_field[name] = [Problem(join_path(path, name), "missing required field")]
        else:
            by_field[name] = _problems_in(sub, join_path(path, name), value[name])
    if not unknown and not by_field:
        return [p.under(path) for p in own]  # the constructor's problems, in its order
    rest: list[Problem] = []
    for problem in own:
        name = field_of(problem.path)
        (by_field.setdefault(name, []) if name in order else rest).append(problem.under(path))
    return unknown + [p for name in order for p in by_field.get(name, ())] + rest


def diagnose(cls: type, data: object) -> list[Problem]:
    """Every problem that keeps ``data`` (parsed JSON) from loading as ``cls``, with its path.

    ``data`` is structured once more, by the detailed converter, and its error tree is read
    into problems; an empty list means the detailed pass found nothing to say.

    >>> for problem in diagnose(model.Quantity, {"value": -3, "low": "x", "colour": "red"}):
    ...     print(problem)
    colour: unknown field 'colour'; Quantity has high, low, qualifier, unit, value
    value: expected an integer >= 0, got -3
    low: expected a number, got 'x'
    """
    try:
        DIAGNOSIS_HOOKS[cls](data, cls)
    except RecursionError:
        return [Problem("", "the document is nested too deeply to load")]
    except Exception as exc:  # noqa: BLE001 - read into problems below
        try:
            return _problems_in(exc, "", data)
        except RecursionError:
            return [Problem("", "the document is nested too deeply to load")]
    return []


_DETAILED = make_converter(detailed=True)

DIAGNOSIS_HOOKS: dict[type, Callable[[object, object], object]] = {
    cls: _DETAILED.get_structure_hook(cls) for cls in MODEL_CLASSES
}
"""The detailed converter's structure function for each model class (see :func:`diagnose`)."""

TEXT_ENCODERS: dict[type, Callable[[Any], str]] = make_text_fns(MODEL_CLASSES)
"""Compact JSON text for each model class (see :func:`make_text_fns`)."""
