"""Malformed documents: one StructureError that lists every problem with its exact path."""

from __future__ import annotations

import copy
import io
import json
from typing import Any

import pytest

import conflict_events as ce

W = {
    "start": "2025-10-31T20:00:00+03:00",
    "end": "2025-10-31T23:00:00+03:00",
    "tz": "Europe/Moscow",
}
MOD = {"id": "src:ru-mod", "name": "Russian Ministry of Defence", "kind": "ministry"}
BEL = {"id": "RU-BEL", "name": "Belgorod Oblast", "kind": "subdivision"}
ORESHNIK = {"id": "oreshnik", "name": "Oreshnik", "category": "ballistic_missile"}


def claim(cid: str = "c", **fields: Any) -> dict[str, Any]:
    return {"id": cid, "kind": "interception", **fields}


def statement(*claims: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "id": "st:1",
        "source": "src:ru-mod",
        "kind": "bulletin",
        "claims": list(claims),
        **fields,
    }


def report(**fields: Any) -> dict[str, Any]:
    return {"id": "rep:1", "schema_version": 1, **fields}


DEEP = report(
    statements=[
        statement(
            claim("a"),
            claim("b"),
            claim(
                "c",
                quantity={"value": 38},
                parts=[claim("p"), claim("q", quantity={"value": -3})],
            ),
        )
    ]
)

SEVERAL = report(
    sources=[{**MOD, "reliability": "G"}],
    regions=[{**BEL, "id": "Belgorod"}],
    weapons=[{**ORESHNIK, "range": {"value": 500, "unit": "km", "qualifier": "exceeding"}}],
    statements=[
        {
            "id": "st:1",
            "kind": "bulletin",
            "claims": [claim("a", regions="RU-BEL"), claim("b", credibility=7)],
        }
    ],
    colour="red",
)

Expected = list[tuple[str, str]]

CASES = [
    # -- numbers
    pytest.param(
        ce.Quantity,
        {"value": -3},
        [("value", "expected an integer >= 0, got -3")],
        id="negative-count",
    ),
    pytest.param(
        ce.Quantity,
        {"value": 2.5},
        [("value", "expected an integer >= 0, got 2.5")],
        id="float-count",
    ),
    pytest.param(
        ce.Quantity, {"value": "12"}, [("value", "expected a number, got '12'")], id="string-number"
    ),
    pytest.param(
        ce.Quantity,
        {"value": True},
        [("value", "expected a number, got True")],
        id="bool-for-number",
    ),
    pytest.param(
        ce.Span,
        {"start": True, "end": 5},
        [("start", "expected an integer, got True")],
        id="bool-for-int",
    ),
    pytest.param(
        ce.Span,
        {"start": 1.0, "end": 5},
        [("start", "expected an integer, got 1.0")],
        id="float-for-int",
    ),
    pytest.param(
        ce.Quantity,
        {"low": 5, "high": 3, "qualifier": "between"},
        [("low", "low (5) is greater than high (3)")],
        id="low-above-high",
    ),
    pytest.param(
        ce.Quantity,
        {"value": 2.5, "unit": "km", "low": 3},
        [
            ("low", "qualified 'exact' takes no low/high bounds"),
            ("value", "value (2.5) is below low (3)"),
        ],
        id="two-quantity-invariants",
    ),
    pytest.param(
        ce.Quantity,
        '{"value": 1e400, "unit": "km"}',
        [("value", "expected a number, got inf")],
        id="overflowing-number",
    ),
    # -- unknown keys, at each level
    pytest.param(
        ce.Quantity,
        {"value": 1, "approx": True},
        [("approx", "unknown field 'approx'; Quantity has high, low, qualifier, unit, value")],
        id="unknown-key-quantity",
    ),
    pytest.param(
        ce.Report,
        report(colour="red"),
        [("colour", "unknown field 'colour'; Report has actors,")],
        id="unknown-key-report",
    ),
    pytest.param(
        ce.Report,
        report(statements=[statement(mood="grim")]),
        [("statements[0].mood", "unknown field 'mood'; Statement has")],
        id="unknown-key-statement",
    ),
    pytest.param(
        ce.Report,
        report(statements=[statement(claim(x=1))]),
        [("statements[0].claims[0].x", "unknown field 'x'; Claim has")],
        id="unknown-key-claim",
    ),
    pytest.param(
        ce.Claim,
        claim(parts=[claim("p", y=2)]),
        [("parts[0].y", "unknown field 'y'; Claim has")],
        id="unknown-key-part",
    ),
    pytest.param(
        ce.Claim,
        claim(window={**W, "zone": "MSK"}),
        [("window.zone", "unknown field 'zone'; TimeWindow has")],
        id="unknown-key-window",
    ),
    pytest.param(
        ce.Report,
        report(weapons=[{**ORESHNIK, "range": {"value": 5, "unit": "km", "max": 9}}]),
        [("weapons[0].range.max", "unknown field 'max'")],
        id="unknown-key-range",
    ),
    # -- missing, wrong type, wrong enum
    pytest.param(
        ce.Actor,
        {"id": "act:ru-ad", "name": "Russian air defence"},
        [("kind", "missing required field")],
        id="missing-kind",
    ),
    pytest.param(
        ce.Report,
        report(statements=[{"id": "st:1", "kind": "bulletin"}]),
        [("statements[0].source", "missing required field")],
        id="missing-nested-source",
    ),
    pytest.param(
        ce.TimeWindow,
        {"start": W["start"], "tz": "Europe/Moscow"},
        [("end", "missing required field")],
        id="missing-end",
    ),
    pytest.param(
        ce.Quantity,
        {"value": 1, "qualifier": "roughly"},
        [("qualifier", "expected one of 'exact', 'about', 'between'")],
        id="wrong-enum-qualifier",
    ),
    pytest.param(
        ce.Claim, claim(modality="maybe"), [("modality", "got 'maybe'")], id="wrong-enum-modality"
    ),
    pytest.param(
        ce.Claim,
        claim(regions="RU-BEL"),
        [("regions", "expected an array, got 'RU-BEL'")],
        id="regions-as-a-string",
    ),
    pytest.param(
        ce.Report,
        report(sources={"id": "src:ru-mod"}),
        [("sources", "expected an array, got {'id': 'src:ru-mod'}")],
        id="object-for-array",
    ),
    pytest.param(
        ce.Claim,
        claim(quantity=38),
        [("quantity", "expected an object (Quantity), got 38")],
        id="number-for-object",
    ),
    # -- times
    pytest.param(
        ce.TimeWindow,
        {**W, "start": "2025-10-31T20:00:00"},
        [("start", "expected a date-time with a UTC offset, got the naive '2025-10-31T20:00:00'")],
        id="naive-datetime",
    ),
    pytest.param(
        ce.TimeWindow,
        {**W, "start": "2025-10-31T20:00:00+02:00"},
        [
            (
                "start",
                "offset +02:00 of 2025-10-31T20:00:00+02:00 is not the offset of Europe/Moscow"
                " at that instant (2025-10-31T21:00:00+03:00)",
            )
        ],
        id="offset-not-the-zones",
    ),
    pytest.param(
        ce.TimeWindow,
        {
            "start": "2012-06-15T12:00:00+03:00",
            "end": "2012-06-15T13:00:00+03:00",
            "tz": "Europe/Moscow",
        },
        [("start", "(2012-06-15T13:00:00+04:00)"), ("end", "(2012-06-15T14:00:00+04:00)")],
        id="moscow-2012-was-plus-four",
    ),
    pytest.param(
        ce.TimeWindow,
        {**W, "tz": "Europe/Nowhere"},
        [("tz", "expected an IANA time zone such as 'Europe/Moscow', got 'Europe/Nowhere'")],
        id="unknown-zone",
    ),
    pytest.param(ce.TimeWindow, {**W, "tz": "MSK"}, [("tz", "got 'MSK'")], id="zone-abbreviation"),
    pytest.param(
        ce.TimeWindow,
        {**W, "start": "2025-11-01T20:00:00+03:00"},
        [("start", "start 2025-11-01T20:00:00+03:00 is after end 2025-10-31T23:00:00+03:00")],
        id="start-after-end",
    ),
    pytest.param(
        ce.TimeWindow,
        {**W, "start": "yesterday"},
        [("start", "expected an ISO 8601 date-time with offset, got 'yesterday'")],
        id="not-a-datetime",
    ),
    pytest.param(
        ce.TimeWindow,
        {**W, "approximate": 1},
        [("approximate", "expected true or false, got 1")],
        id="int-for-bool",
    ),
    pytest.param(
        ce.TimeWindow,
        {
            "start": "0001-01-01T00:00:00+05:00",
            "end": "0001-01-01T00:00:00+05:00",
            "tz": "Asia/Tashkent",
        },
        [("start", "too close to the limits of the calendar"), ("end", "too close to the limits")],
        id="calendar-limit",
    ),
    pytest.param(
        ce.Report,
        report(published="2025-10-31T20:00:00"),
        [("published", "got the naive '2025-10-31T20:00:00'")],
        id="naive-published",
    ),
    pytest.param(
        ce.Report,
        report(published="2025-13-31"),
        [("published", "expected an ISO 8601 date (YYYY-MM-DD), got '2025-13-31'")],
        id="impossible-date",
    ),
    pytest.param(
        ce.Report,
        report(published="2025-10-31T20:00:00+03:00:30"),
        [("published", "expected a UTC offset in whole minutes")],
        id="sub-minute-offset",
    ),
    # -- ids, slugs, grades, spans
    pytest.param(
        ce.Source,
        {**MOD, "id": ""},
        [("id", "expected a non-empty string without surrounding whitespace, got ''")],
        id="empty-id",
    ),
    pytest.param(
        ce.Region,
        {**BEL, "id": "Belgorod"},
        [
            (
                "id",
                "expected an ISO 3166-1 code ('RU'), an ISO 3166-2 code ('RU-BEL')"
                " or a namespaced id ('sea:azov'), got 'Belgorod'",
            )
        ],
        id="bad-region-id",
    ),
    pytest.param(
        ce.Claim,
        claim(regions=["RU-BEL", "Belgorod"]),
        [
            (
                "regions",
                "item 1: expected a region id such as 'RU-BEL' or 'sea:azov', got 'Belgorod'",
            )
        ],
        id="bad-region-reference",
    ),
    pytest.param(
        ce.WeaponSystem,
        {**ORESHNIK, "id": "Shahed 136"},
        [("id", "expected a lower-case slug such as 'shahed-136', got 'Shahed 136'")],
        id="bad-weapon-slug",
    ),
    pytest.param(
        ce.Claim,
        claim(weapons=["Kh-101"]),
        [("weapons", "item 0: expected a weapon id such as 'shahed-136', got 'Kh-101'")],
        id="bad-weapon-reference",
    ),
    pytest.param(
        ce.WeaponSystem,
        {**ORESHNIK, "range": {"value": 500}},
        [("range.unit", "expected 'km', got 'count'")],
        id="range-not-in-km",
    ),
    pytest.param(
        ce.Source,
        {**MOD, "reliability": "G"},
        [("reliability", "expected an Admiralty grade A-F, got 'G'")],
        id="reliability-G",
    ),
    pytest.param(
        ce.Claim,
        claim(credibility=7),
        [("credibility", "expected an Admiralty grade 1-6, got 7")],
        id="credibility-7",
    ),
    pytest.param(
        ce.Claim,
        claim(span={"start": 9, "end": 9}),
        [("span.start", "expected 0 <= start < end, got start=9, end=9")],
        id="empty-span",
    ),
    pytest.param(
        ce.Claim,
        claim(regions=["RU-BEL", "RU-BEL"]),
        [("regions", "a region is named twice in ['RU-BEL', 'RU-BEL']")],
        id="region-named-twice",
    ),
    pytest.param(
        ce.Region,
        {**BEL, "parent": "RU-BEL"},
        [("parent", "a region cannot be its own parent (RU-BEL)")],
        id="own-parent",
    ),
    # -- the text itself
    pytest.param(
        ce.Quantity,
        '{"value": 1, "value": 2}',
        [("", "invalid JSON: the key 'value' appears twice in one object")],
        id="duplicate-key",
    ),
    pytest.param(
        ce.Quantity,
        '{"value": NaN, "unit": "km"}',
        [("", "invalid JSON: NaN is not a number JSON allows")],
        id="nan",
    ),
    pytest.param(
        ce.Quantity,
        '{"value": -Infinity, "unit": "km"}',
        [("", "-Infinity is not a number JSON allows")],
        id="infinity",
    ),
    pytest.param(
        ce.Quantity,
        '{"value": 1',
        [("", "invalid JSON at line 1, column 12: Expecting ',' delimiter")],
        id="invalid-json",
    ),
    pytest.param(
        ce.Quantity,
        "",
        [("", "invalid JSON at line 1, column 1: Expecting value")],
        id="empty-text",
    ),
    pytest.param(
        ce.Quantity, b'{"value": "\xff"}', [("", "the text is not UTF-8")], id="not-utf-8"
    ),
    # -- the document as a whole
    pytest.param(
        ce.Report,
        {"id": "rep:1"},
        [("schema_version", "missing required field")],
        id="missing-schema-version",
    ),
    pytest.param(
        ce.Report,
        report(schema_version=3),
        [
            (
                "schema_version",
                "version 3 was written by a newer conflict_events; this one reads up to version 2",
            )
        ],
        id="schema-version-3",
    ),
    pytest.param(
        ce.Report,
        report(schema_version=0),
        [("schema_version", "no upgrade from version 0")],
        id="schema-version-0",
    ),
    pytest.param(
        ce.Report,
        report(schema_version="1"),
        [("schema_version", "expected an integer, got '1'")],
        id="schema-version-string",
    ),
    pytest.param(ce.Report, [], [("", "expected an object (Report), got []")], id="array-at-top"),
    pytest.param(
        ce.Claim, "null", [("", "expected an object (Claim), got None")], id="null-at-top"
    ),
    pytest.param(
        ce.Report,
        DEEP,
        [("statements[0].claims[2].parts[1].quantity.value", "expected an integer >= 0, got -3")],
        id="deep-path",
    ),
    pytest.param(
        ce.Report,
        SEVERAL,
        [
            ("colour", "unknown field 'colour'"),
            ("sources[0].reliability", "got 'G'"),
            ("regions[0].id", "got 'Belgorod'"),
            ("weapons[0].range.qualifier", "got 'exceeding'"),
            ("statements[0].source", "missing required field"),
            ("statements[0].claims[0].regions", "expected an array, got 'RU-BEL'"),
            ("statements[0].claims[1].credibility", "got 7"),
        ],
        id="several-problems",
    ),
]


@pytest.mark.parametrize(("cls", "document", "expected"), CASES)
def test_a_malformed_document_is_one_structure_error_with_exact_paths(
    cls: type, document: object, expected: Expected
) -> None:
    """``loads`` raises StructureError listing each problem at its path, with a message."""
    text = document if isinstance(document, (str, bytes)) else json.dumps(document)
    with pytest.raises(ce.StructureError) as err:
        ce.loads(cls, text)
    assert err.value.paths == tuple(path for path, _ in expected)
    for problem, (_, fragment) in zip(err.value.problems, expected, strict=True):
        assert fragment in problem.message, (problem, fragment)
    count = len(expected)
    assert str(err.value).startswith(f"{count} problem{'s' if count > 1 else ''} loading")
    assert err.value.line is None


PARSED_CASES = [case for case in CASES if not isinstance(case.values[1], (str, bytes))]


@pytest.mark.parametrize(("cls", "document", "expected"), PARSED_CASES)
def test_from_dict_reports_the_same_problems_as_loads(
    cls: type, document: object, expected: Expected
) -> None:
    """A parsed document gives ``from_dict`` the same problems, and is left as it was."""
    before = copy.deepcopy(document)
    with pytest.raises(ce.StructureError) as err:
        ce.from_dict(cls, document)
    assert err.value.paths == tuple(path for path, _ in expected)
    assert document == before


def test_structure_error_is_a_value_error_and_a_conflict_events_error() -> None:
    """``except ValueError`` and ``except ConflictEventsError`` both catch it."""
    with pytest.raises(ce.StructureError) as err:
        ce.loads(ce.Quantity, '{"value": -3}')
    assert isinstance(err.value, ValueError)
    assert isinstance(err.value, ce.ConflictEventsError)
    assert not isinstance(err.value, ce.ModelError)
    assert err.value.problems == (ce.Problem("value", "expected an integer >= 0, got -3"),)


def test_the_error_message_lists_each_problem_on_its_own_line() -> None:
    """``str(error)`` says how many problems there are, then one ``path: message`` per line."""
    with pytest.raises(ce.StructureError) as err:
        ce.loads(ce.Claim, json.dumps(claim(credibility=7, region_count=0)))
    assert str(err.value) == (
        "2 problems loading the document:\n"
        "  region_count: expected an integer >= 1, got 0\n"
        "  credibility: expected an Admiralty grade 1-6, got 7"
    )


def test_a_whole_document_problem_has_no_path_in_its_message() -> None:
    """A problem of the text as a whole is shown without a ``path:`` prefix."""
    with pytest.raises(ce.StructureError) as err:
        ce.loads(ce.Claim, "[]")
    assert str(err.value).endswith("\n  expected an object (Claim), got []")


def test_a_value_that_is_too_long_to_quote_is_shortened() -> None:
    """Long bad values are cut to keep messages to one readable line."""
    with pytest.raises(ce.StructureError) as err:
        ce.loads(ce.Claim, json.dumps(claim(note=["x" * 500])))
    (problem,) = err.value.problems
    assert problem.path == "note"
    assert problem.message.endswith("...")
    assert len(problem.message) < 120


@pytest.mark.parametrize(
    ("document", "paths"),
    [
        (
            report(id="", sources=[{**MOD, "reliability": "G"}]),
            ("id", "sources[0].reliability"),
        ),
        (
            report(statements=[statement(claim(regions="RU-BEL", credibility=7))]),
            ("statements[0].claims[0].regions", "statements[0].claims[0].credibility"),
        ),
    ],
    ids=["across-levels", "within-one-object"],
)
def test_an_objects_own_invariants_are_listed_beside_its_type_problems(
    document: dict[str, Any], paths: tuple[str, ...]
) -> None:
    """An invariant problem is reported beside a type problem elsewhere in the document."""
    with pytest.raises(ce.StructureError) as err:
        ce.loads(ce.Report, json.dumps(document))
    assert err.value.paths == paths


def test_a_lone_surrogate_in_a_string_is_a_structure_error() -> None:
    """Text that cannot be written back as UTF-8 is rejected when it is loaded."""
    with pytest.raises(ce.StructureError) as err:
        ce.loads(ce.Claim, '{"id": "c", "kind": "other", "note": "\\ud800"}')
    assert err.value.paths == ("note",)
    assert "lone surrogate" in str(err.value)
    with pytest.raises(ce.StructureError) as err:
        ce.loads(ce.Claim, '{"id": "c", "kind": "other", "regions": ["RU", "\\udc00x"]}')
    assert err.value.paths == ("regions[1]",)


@pytest.mark.parametrize(
    "text",
    ["20251031T200000+0300", "2025-10-31 20:00:00+03:00", "2025-W44-5T20:00+03:00", "2025-10-31"],
)
def test_only_the_extended_rfc_3339_form_is_a_wire_date_time(text: str) -> None:
    """The wire accepts one date-time form on every Python version, not whatever
    ``fromisoformat`` of the running Python happens to read."""
    window = {"start": text, "end": "2025-10-31T23:00:00+03:00", "tz": "Europe/Moscow"}
    with pytest.raises(ce.StructureError) as err:
        ce.from_dict(ce.TimeWindow, window)
    assert err.value.paths == ("start",)


def test_a_z_suffix_reads_as_utc() -> None:
    """``Z`` is RFC 3339's UTC designator; it loads on Python 3.10 too."""
    window = ce.from_dict(
        ce.TimeWindow,
        {"start": "2025-10-31T17:00:00Z", "end": "2025-10-31T20:00:00Z", "tz": "UTC"},
    )
    assert window.start.utcoffset() == window.end.utcoffset()
    assert window.start.isoformat() == "2025-10-31T17:00:00+00:00"


@pytest.mark.parametrize("text", ["2025-W44-5", "2025-10-3x", "2025-13-01"])
def test_a_publication_date_is_year_month_day(text: str) -> None:
    """``published`` as a date is ``YYYY-MM-DD`` and a real day; week dates are not taken."""
    with pytest.raises(ce.StructureError) as err:
        ce.from_dict(ce.Report, {"id": "r", "schema_version": 1, "published": text})
    assert err.value.paths == ("published",)


class _Counting:
    """Wraps a callable and counts its calls."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls = 0

    def __call__(self, *args: Any) -> Any:
        self.calls += 1
        return self.inner(*args)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (json.dumps(SEVERAL), [path for path, _ in CASES[-1].values[2]]),
        (json.dumps(DEEP), ["statements[0].claims[2].parts[1].quantity.value"]),
        ('{"id": "rep:1", "schema_version": 1, "colour": "red"}', ["colour"]),
        ('{"id": "rep:1", "schema_version": 9}', ["schema_version"]),
        ('{"id": "rep:1", "schema_version": 1', [""]),
    ],
    ids=["several-problems", "deep-path", "unknown-key", "newer-version", "invalid-json"],
)
@pytest.mark.parametrize("read", ["iter_jsonl", "loads"])
def test_a_malformed_line_is_decoded_once_and_structured_at_most_twice(
    monkeypatch: pytest.MonkeyPatch, line: str, expected: list[str], read: str
) -> None:
    """A rejected line's text is parsed once; the parsed value is structured by the fast
    functions and then once more by the detailed ones, never a third time."""
    from conflict_events.serialize import _converter, _json

    decode = _Counting(_json._DECODER.decode)
    decoder = type("Decoder", (), {"decode": staticmethod(decode)})()
    fast = _Counting(_json._STRUCTURE_HOOKS[ce.Report])
    detailed = _Counting(_converter.DIAGNOSIS_HOOKS[ce.Report])
    monkeypatch.setattr(_json, "_DECODER", decoder)
    monkeypatch.setitem(_json._STRUCTURE_HOOKS, ce.Report, fast)
    monkeypatch.setitem(_converter.DIAGNOSIS_HOOKS, ce.Report, detailed)
    load = {
        "iter_jsonl": lambda: list(ce.iter_jsonl(ce.Report, io.StringIO(line + "\n"))),
        "loads": lambda: ce.loads(ce.Report, line),
    }[read]
    with pytest.raises(ce.StructureError) as err:
        load()
    assert list(err.value.paths) == expected
    assert decode.calls == 1
    assert fast.calls + detailed.calls <= 2
    assert detailed.calls <= 1


def test_a_failure_of_no_known_kind_is_reported_where_it_happened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An exception the diagnosis does not know is still a problem, with the value and cause."""
    from conflict_events.serialize import _converter

    def broken(value: object, cls: object) -> object:
        raise OSError("the disk is on fire")

    monkeypatch.setitem(_converter.DIAGNOSIS_HOOKS, ce.Quantity, broken)
    with pytest.raises(ce.StructureError) as err:
        ce.loads(ce.Quantity, '{"value": -1}')
    assert err.value.problems == (ce.Problem("", "cannot read {'value': -1}: the disk is on fire"),)


def test_a_date_time_that_is_not_on_the_calendar_is_a_problem_at_its_field() -> None:
    """30 February has the right shape but is refused, naming the field and the value."""
    with pytest.raises(ce.StructureError) as info:
        ce.loads(ce.Report, '{"id": "r", "schema_version": 1, "published": "2024-02-30T00:00:00Z"}')
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("published", "expected a valid calendar date-time, got '2024-02-30T00:00:00Z'")
    ]
