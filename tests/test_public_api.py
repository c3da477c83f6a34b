"""The public namespace: a sorted ``__all__`` of names that exist, and one exception tree."""

from __future__ import annotations

import inspect

import pytest

import conflict_events as ce

REQUIRED = {
    "Quantity",
    "TimeWindow",
    "Region",
    "WeaponSystem",
    "Source",
    "Actor",
    "Claim",
    "Statement",
    "Report",
    "to_dict",
    "from_dict",
    "dumps",
    "loads",
    "write_jsonl",
    "iter_jsonl",
    "json_schema",
    "StructureError",
    "ConflictEventsError",
    "ModelError",
}


def _isort_style(name: str) -> tuple[int, str]:
    """Ruff's order for ``__all__`` (RUF022): CONSTANTS, then Classes, then functions."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


def test_all_is_sorted_and_without_repeats() -> None:
    """``__all__`` is sorted (constants, classes, functions, each alphabetical), names once."""
    assert ce.__all__ == sorted(ce.__all__, key=_isort_style)
    assert len(set(ce.__all__)) == len(ce.__all__)


def test_every_name_in_all_exists() -> None:
    """Nothing in ``__all__`` is missing from the package."""
    missing = [name for name in ce.__all__ if not hasattr(ce, name)]
    assert missing == []


def test_the_core_api_is_exported() -> None:
    """The model classes, the wire-format functions and the errors are all public."""
    assert set(ce.__all__) >= REQUIRED


def test_star_import_gives_exactly_all() -> None:
    """``from conflict_events import *`` binds the names in ``__all__``."""
    namespace: dict[str, object] = {}
    exec("from conflict_events import *", namespace)  # noqa: S102 - a fixed import statement
    assert set(namespace) - {"__builtins__"} == set(ce.__all__)


@pytest.mark.parametrize(
    "name",
    [
        n
        for n in ce.__all__
        if inspect.isclass(getattr(ce, n)) and issubclass(getattr(ce, n), BaseException)
    ],
)
def test_every_exported_exception_inherits_the_root(name: str) -> None:
    """``except ConflictEventsError`` catches every exception the library exports."""
    assert issubclass(getattr(ce, name), ce.ConflictEventsError)


def test_errors_also_inherit_the_builtin_a_caller_expects() -> None:
    """``except ValueError`` and ``except LookupError`` keep working."""
    assert issubclass(ce.StructureError, ValueError)
    assert issubclass(ce.ModelError, ValueError)
    assert issubclass(ce.TimeParseError, ValueError)
    assert issubclass(ce.TimeZoneError, ce.ModelError)
    assert issubclass(ce.AmbiguousTimeError, ce.TimeZoneError)
    assert issubclass(ce.NonExistentTimeError, ce.TimeZoneError)
    assert issubclass(ce.LookupFailed, LookupError)
    assert issubclass(ce.AmbiguousName, ce.LookupFailed)


def test_exported_objects_are_documented() -> None:
    """Every exported class and function has a docstring."""
    undocumented = [
        name
        for name in ce.__all__
        if (inspect.isclass(getattr(ce, name)) or inspect.isfunction(getattr(ce, name)))
        and not inspect.getdoc(getattr(ce, name))
    ]
    assert undocumented == []


def test_the_package_has_a_version_and_a_schema_version() -> None:
    """The package version and the wire-format version are separate."""
    assert isinstance(ce.__version__, str)
    assert ce.SCHEMA_VERSION == 2


def test_exceptions_carry_their_data() -> None:
    """Each exception keeps what a caller needs to act on it, not only a message."""
    problem = ce.Problem("claims[0].id", "expected a non-empty string, got ''")
    model_error = ce.ModelError("Claim", [problem])
    assert (model_error.cls_name, model_error.field, model_error.problems) == (
        "Claim",
        "claims[0].id",
        (problem,),
    )
    assert ce.ModelError("Claim", []).field == ""
    structure = ce.StructureError([problem], line=7)
    assert (structure.line, structure.paths) == (7, ("claims[0].id",))
    assert str(structure).startswith("1 problem loading the document at line 7:")
    parse = ce.TimeParseError("вчера вечером", "no reference date")
    assert (parse.text, parse.reason) == ("вчера вечером", "no reference date")
    assert str(parse) == "cannot read the time phrase 'вчера вечером': no reference date"
    lookup = ce.LookupFailed("no region 'Orle'", suggestions=["Orel"])
    assert (str(lookup), lookup.suggestions) == ("no region 'Orle'", ("Orel",))
    ambiguous = ce.AmbiguousName("'Kursk' is a city and a region", candidates=["RU-KRS", "x:kursk"])
    assert ambiguous.candidates == ambiguous.suggestions == ("RU-KRS", "x:kursk")
    failed = ce.ValidationFailed("2 errors", result=["finding"])
    assert (str(failed), failed.result) == ("2 errors", ["finding"])


@pytest.mark.parametrize(
    ("path", "prefix", "expected"),
    [
        ("value", "statements[0].claims[2].quantity", "statements[0].claims[2].quantity.value"),
        ("[1]", "regions", "regions[1]"),
        ("", "claims[0]", "claims[0]"),
        ("value", "", "value"),
    ],
)
def test_problem_paths_nest_in_one_shape(path: str, prefix: str, expected: str) -> None:
    """A problem seen from a containing object gets the container's path in front."""
    assert ce.Problem(path, "m").under(prefix) == ce.Problem(expected, "m")
    assert str(ce.Problem(expected, "m")) == (f"{expected}: m" if expected else "m")
