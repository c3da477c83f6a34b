"""Dicts, JSON text and JSON Lines: the public face of the wire format."""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

from conflict_events.errors import Problem, StructureError, join_path
from conflict_events.model import MAX_DEPTH, MODEL_CLASSES, Report
from conflict_events.serialize._converter import (
    TEXT_ENCODERS,
    converter,
    diagnose,
)
from conflict_events.serialize._migrate import upgrade

__all__ = [
    "JsonLinesReader",
    "dumps",
    "from_dict",
    "iter_jsonl",
    "loads",
    "read_jsonl",
    "to_dict",
    "write_jsonl",
]

T = TypeVar("T")
OnError = Literal["raise", "skip", "collect"]
PathOrFile = str | os.PathLike[str] | IO[str]

_STRUCTURE_HOOKS: dict[type, Callable[[Any, Any], Any]] = {
    cls: converter.get_structure_hook(cls) for cls in MODEL_CLASSES
}
_UNSTRUCTURE_HOOKS: dict[type, Callable[[Any], Any]] = {
    cls: converter.get_unstructure_hook(cls) for cls in MODEL_CLASSES
}


def _check_class(cls: type) -> None:
    if cls not in _STRUCTURE_HOOKS:
        names = ", ".join(c.__name__ for c in MODEL_CLASSES)
        raise TypeError(f"expected a model class ({names}), got {cls!r}")


def to_dict(obj: object) -> dict[str, Any]:
    """The wire form of a model object as plain JSON-compatible dicts and lists.

    Fields at their defaults are left out; ``obj`` is not changed.

    >>> from conflict_events import Quantity
    >>> to_dict(Quantity.at_least(500, unit="km"))
    {'value': 500, 'qualifier': 'at_least', 'unit': 'km'}
    """
    hook = _UNSTRUCTURE_HOOKS.get(type(obj))
    if hook is None:
        _check_class(type(obj))
    return hook(obj)  # type: ignore[misc,no-any-return]


def _structure(cls: type[T], data: object) -> T:
    hook = _STRUCTURE_HOOKS[cls]
    try:
        if cls is Report:
            data = upgrade(data)
        return hook(data, cls)  # type: ignore[no-any-return]
    except StructureError:
        raise
    except Exception as exc:  # noqa: BLE001 - every failure becomes one StructureError
        raise StructureError(_diagnosed(cls, data, exc)) from None


def _diagnosed(cls: type, data: object, exc: Exception) -> list[Problem]:
    """Every problem of ``data``, which the fast path rejected with ``exc``."""
    too_deep = _too_deep(data)
    if too_deep is not None:  # before the diagnosis, which would recurse as deep
        return [too_deep]
    return diagnose(cls, data) or [Problem("", f"cannot load the document: {exc}")]


def _too_deep(data: object) -> Problem | None:
    """The first claim in ``data`` whose parts nest past ``MAX_DEPTH``, walked without
    recursion (so that a document nested thousands of levels deep is named, not a crash)."""
    stack: list[tuple[str, object, int]] = [("", data, 1)]
    while stack:
        path, node, depth = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "parts" and isinstance(value, list) and value and depth == MAX_DEPTH:
                    message = f"parts nest more than {MAX_DEPTH} levels deep"
                    return Problem(join_path(path, "parts"), message)
                below = depth + 1 if key == "parts" else depth
                stack.append((join_path(path, str(key)), value, below))
        elif isinstance(node, list):
            stack.extend((join_path(path, i), item, depth) for i, item in enumerate(node))
    return None


def from_dict(cls: type[T], data: object) -> T:
    """Build a model object from its wire form; :class:`StructureError` lists every problem.

    >>> from conflict_events import Quantity
    >>> from_dict(Quantity, {"value": 34})
    Quantity(value=34, low=None, high=None, qualifier=<Qualifier.EXACT: 'exact'>, unit='count')
    >>> from_dict(Quantity, {"value": -3})
    Traceback (most recent call last):
      ...
    conflict_events.errors.StructureError: 1 problem loading the document:
      value: expected an integer >= 0, got -3
    """
    _check_class(cls)
    return _structure(cls, data)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"the key {key!r} appears twice in one object")
            seen.add(key)
    return result


_FAILED: Any = object()

_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_reject_constant)


_BOM = "\ufeff"
"""The byte-order mark some editors put at the start of UTF-8 text; not part of the JSON."""


def _parse(text: str | bytes) -> object:
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StructureError([Problem("", f"the text is not UTF-8: {exc}")]) from None
    if not isinstance(text, str):
        raise TypeError(f"expected JSON text (str or bytes), got {type(text).__name__}")
    if text.startswith(_BOM):
        text = text[1:]
    try:
        return _DECODER.decode(text)
    except (ValueError, RecursionError) as exc:
        raise StructureError([_invalid_json(exc, text)]) from None


def _invalid_json(exc: Exception, text: str) -> Problem:
    """The problem of text the decoder refused; positions count in ``text`` without the line
    break a JSON Lines line ends with."""
    if isinstance(exc, json.JSONDecodeError):
        doc = text.rstrip("\r\n")
        pos = min(exc.pos, len(doc))
        line = doc.count("\n", 0, pos) + 1
        column = pos - doc.rfind("\n", 0, pos)
        return Problem("", f"invalid JSON at line {line}, column {column}: {exc.msg}")
    if isinstance(exc, RecursionError):  # the decoder's own limit, far past MAX_DEPTH
        return Problem("", f"invalid JSON: {exc} (parts nest at most {MAX_DEPTH} levels)")
    return Problem("", f"invalid JSON: {exc}")


def parse_json(text: str | bytes) -> object:
    """Parse JSON text strictly (duplicate keys, ``NaN``, invalid UTF-8 refused) without
    structuring it; any problem is a :class:`StructureError`."""
    return _parse(text)


def loads(cls: type[T], text: str | bytes) -> T:
    """Parse JSON text into a model object; any problem is one :class:`StructureError`.

    Duplicate keys, ``NaN`` and ``Infinity`` are rejected, never silently resolved. A UTF-8
    byte-order mark at the start of the text is not part of the document and is skipped.

    >>> from conflict_events import Quantity
    >>> loads(Quantity, '{"value": 2}').value
    2
    """
    _check_class(cls)
    return _structure(cls, _parse(text))


def dumps(obj: object, *, indent: int | None = 2) -> str:
    """JSON text for a model object: UTF-8 characters as they are, fields in declaration order.

    ``indent=None`` gives the compact one-line form that JSON Lines uses.
    ``loads(type(obj), dumps(obj)) == obj``, and dumping the result again gives the same text.

    >>> from conflict_events import Quantity
    >>> dumps(Quantity.exact(38), indent=None)
    '{"value":38}'
    """
    if indent is None:
        return _text(obj)
    return json.dumps(to_dict(obj), ensure_ascii=False, allow_nan=False, indent=indent)


def _text(obj: object) -> str:
    """Compact JSON text, written straight from the object by a generated encoder."""
    encode = TEXT_ENCODERS.get(type(obj))
    if encode is None:
        _check_class(type(obj))
    return encode(obj)  # type: ignore[misc]


@contextmanager
def _opened(file: PathOrFile, mode: Literal["r", "w"]) -> Iterator[IO[str]]:
    if isinstance(file, (str, os.PathLike)):
        # Reading, bytes that are not UTF-8 become lone surrogates, which the loader refuses
        # line by line (with the line's number) instead of the whole file failing to decode.
        # Lines end at LF only, as JSON Lines says: a bare CR is whitespace inside a line.
        errors = "surrogateescape" if mode == "r" else "strict"
        with Path(file).open(mode, encoding="utf-8", errors=errors, newline="\n") as fh:
            yield fh
    else:
        yield file


def write_jsonl(objs: Iterable[object], file: PathOrFile) -> int:
    """Write one compact JSON object per line; return how many were written.

    ``file`` is a path or an open text file. Objects are encoded one at a time, so an
    iterator of any length is written in constant memory. Encoding makes no reference cycles,
    so the cyclic garbage collector is paused while it runs (it would otherwise walk the whole
    heap of a large dataset again and again) and restored afterwards.

    >>> import io
    >>> from conflict_events import Quantity
    >>> buf = io.StringIO()
    >>> write_jsonl([Quantity.exact(1), Quantity.about(2)], buf)
    2
    >>> buf.getvalue()
    '{"value":1}\\n{"value":2,"qualifier":"about"}\\n'
    """
    encoders = TEXT_ENCODERS
    count = 0
    batch: list[str] = []
    with _opened(file, "w") as fh, _gc_paused():
        try:
            for obj in objs:
                encode = encoders.get(type(obj))
                if encode is None:
                    _check_class(type(obj))
                batch.append(encode(obj))  # type: ignore[misc]
                count += 1
                if len(batch) == _BATCH:  # a few large writes cost less than many small ones
                    fh.write("\n".join(batch) + "\n")
                    batch.clear()
        finally:  # what was encoded before a failure is written, as it would be line by line
            if batch:
                fh.write("\n".join(batch) + "\n")
    return count


_BATCH = 64


class JsonLinesReader(Iterator[T]):
    """Iterates the objects of a JSON Lines stream; see :func:`iter_jsonl`.

    ``errors`` holds the :class:`StructureError` of each rejected line when ``on_error`` is
    ``"collect"``; ``skipped`` counts rejected lines under ``"skip"`` and ``"collect"``;
    ``line`` is the number of the last line read.
    """

    def __init__(self, cls: type[T], file: PathOrFile, on_error: OnError) -> None:
        _check_class(cls)
        if on_error not in ("raise", "skip", "collect"):
            raise ValueError(f"on_error must be 'raise', 'skip' or 'collect', got {on_error!r}")
        self.cls = cls
        self.on_error = on_error
        self.errors: list[StructureError] = []
        self.skipped = 0
        self.line = 0
        self._gen = self._read(file)

    def __iter__(self) -> JsonLinesReader[T]:
        return self

    def __next__(self) -> T:
        return next(self._gen)

    def _read(self, file: PathOrFile) -> Iterator[T]:
        cls = self.cls
        hook = _STRUCTURE_HOOKS[cls]
        decode = _DECODER.decode
        with _opened(file, "r") as fh:
            for number, text in enumerate(fh, start=1):
                self.line = number
                if number == 1 and text.startswith(_BOM):
                    text = text[1:]
                if not text.strip():
                    continue
                data = _FAILED
                try:
                    data = decode(text)
                    if cls is Report:
                        data = upgrade(data)
                    obj = hook(data, cls)
                except Exception as exc:  # noqa: BLE001 - diagnosed below, with every problem
                    # The line is not decoded again: the value already parsed is structured
                    # once more, by the detailed converter.
                    if data is _FAILED:
                        problems = [_invalid_json(exc, text)]
                    elif isinstance(exc, StructureError):
                        problems = list(exc.problems)
                    else:
                        problems = _diagnosed(cls, data, exc)
                    error = StructureError(problems, line=number)
                else:
                    yield obj
                    continue
                if self.on_error == "raise":
                    raise error
                self.skipped += 1
                if self.on_error == "collect":
                    self.errors.append(error)


def iter_jsonl(
    cls: type[T], file: PathOrFile, *, on_error: OnError = "raise"
) -> JsonLinesReader[T]:
    """Stream model objects from JSON Lines, one line at a time, in constant memory.

    A bad line raises a :class:`StructureError` whose ``line`` is its 1-based number
    (``on_error="raise"``), is dropped and counted (``"skip"``), or is dropped and its error
    kept in the reader's ``errors`` (``"collect"``). Blank lines are ignored. Lines end at LF
    (a CR before it is whitespace, as is a bare CR inside a line), so open files yourself with
    ``newline="\\n"``; a UTF-8 byte-order mark at the start is skipped.

    >>> import io
    >>> from conflict_events import Quantity
    >>> reader = iter_jsonl(Quantity, io.StringIO('{"value":1}\\n{"value":-1}\\n'),
    ...                     on_error="collect")
    >>> [q.value for q in reader], [e.line for e in reader.errors]
    ([1], [2])
    """
    return JsonLinesReader(cls, file, on_error)


@contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # Move what the load made to the oldest generation before collecting again, so the
            # first young collection does not walk every object just loaded.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def read_jsonl(cls: type[T], file: PathOrFile, *, on_error: OnError = "raise") -> list[T]:
    """Load a whole JSON Lines stream into a list.

    The cyclic garbage collector is paused during the load (model objects form no cycles),
    which makes bulk loads several times faster; it is restored afterwards, with the loaded
    objects (and any others alive then) moved to its oldest generation.

    >>> import io
    >>> from conflict_events import Quantity
    >>> len(read_jsonl(Quantity, io.StringIO('{"value":1}\\n{"value":2}\\n')))
    2
    """
    with _gc_paused():
        return list(iter_jsonl(cls, file, on_error=on_error))
