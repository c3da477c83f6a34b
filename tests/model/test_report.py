"""Statement and Report: invariants, the three clocks, and every claim with its path."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from conflict_events import (
    SCHEMA_VERSION,
    Actor,
    Claim,
    ModelError,
    Region,
    Report,
    Source,
    Span,
    Statement,
    StatementKind,
    TimeWindow,
    WeaponSystem,
)

STATEMENT = {"id": "st:mod-evening", "source": "src:ru-mod", "kind": "bulletin"}


# -- Statement -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        ({"id": ""}, "id", "expected a non-empty string"),
        ({"source": " src:ru-mod"}, "source", "without surrounding whitespace"),
        ({"kind": "tweet"}, "kind", "got 'tweet'"),
        ({"issued": "2025-10-31"}, "issued", "expected a TimeWindow, got '2025-10-31'"),
        ({"claims": "c:1"}, "claims", "expected a list of Claim, got 'c:1'"),
        ({"claims": (Claim(id="c", kind="other"), "c:2")}, "claims", "item 1: expected a Claim"),
        ({"about": ("oreshnik", "oreshnik")}, "about", "got 'oreshnik' more than once"),
        ({"via": ("src:tass", "")}, "via", "item 1: expected a non-empty string"),
        ({"via": "src:tass"}, "via", "expected a list of ids, got 'src:tass'"),
        ({"responds_to": ""}, "responds_to", "expected a non-empty string or null"),
        ({"retells": ""}, "retells", "expected a non-empty string or null"),
        ({"summary": ""}, "summary", "expected a non-empty string or null"),
        ({"language": ""}, "language", "expected a non-empty string or null"),
        ({"url": 5}, "url", "got 5"),
        ({"quote": ""}, "quote", "expected a non-empty string or null"),
        ({"span": {"start": 0, "end": 5}}, "span", "expected a Span"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_statement_rejects_bad_fields_with_their_path(
    change: dict[str, object], path: str, fragment: str
) -> None:
    """Each bad field is a ModelError at that field, quoting the value."""
    with pytest.raises(ModelError) as err:
        Statement(**{**STATEMENT, **change})  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == [path]
    assert fragment in str(err.value)
    assert err.value.cls_name == "Statement"


def test_a_statement_keeps_who_said_it_apart_from_who_relayed_it() -> None:
    """``source`` is the speaker; ``via`` the relays, nearest last; lists become tuples."""
    statement = Statement(
        **STATEMENT,
        via=["src:tass", "src:ksfo"],
        about=["oreshnik"],
        claims=[Claim(id="c", kind="other")],
        span=Span(start=0, end=10),
    )
    assert statement.kind is StatementKind.BULLETIN
    assert statement.via == ("src:tass", "src:ksfo")
    assert statement.about == ("oreshnik",)
    assert len(statement.claims) == 1


# -- Report --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        ({"id": ""}, "id", "expected a non-empty string"),
        ({"title": ""}, "title", "expected a non-empty string or null"),
        ({"publisher": ""}, "publisher", "expected a non-empty string or null"),
        ({"text_sha256": ""}, "text_sha256", "expected a non-empty string or null"),
        ({"published": "2025-10-31"}, "published", "expected a date or an aware datetime"),
        ({"published": datetime(2025, 10, 31, 20)}, "published", "got the naive 2025-10-31T20"),
        (
            {"published": datetime(2025, 10, 31, tzinfo=timezone(timedelta(seconds=30)))},
            "published",
            "expected a UTC offset in whole minutes",
        ),
        ({"sources": (Actor(id="a", name="A", kind="state"),)}, "sources", "expected a Source"),
        ({"actors": "act:ru-ad"}, "actors", "expected a list of Actor"),
        ({"regions": ("RU-BEL",)}, "regions", "item 0: expected a Region, got 'RU-BEL'"),
        ({"weapons": ("oreshnik",)}, "weapons", "expected a WeaponSystem"),
        ({"statements": (Claim(id="c", kind="other"),)}, "statements", "expected a Statement"),
        ({"schema_version": 3}, "schema_version", "expected 2 (this library's wire format), got 3"),
        ({"schema_version": True}, "schema_version", "got True"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_report_rejects_bad_fields_with_their_path(
    change: dict[str, object], path: str, fragment: str
) -> None:
    """Each bad field is a ModelError at that field; published is a date or aware datetime."""
    with pytest.raises(ModelError) as err:
        Report(**{"id": "rep:1", **change})  # type: ignore[arg-type]
    assert [p.path for p in err.value.problems] == [path]
    assert fragment in str(err.value)
    assert err.value.cls_name == "Report"


@pytest.mark.parametrize(
    "published",
    [
        None,
        date(2025, 10, 31),
        datetime(2025, 10, 31, 23, 30, 15, 123456, tzinfo=timezone(timedelta(hours=3))),
        datetime(2025, 10, 31, 20, tzinfo=timezone(timedelta(hours=5, minutes=45))),
    ],
)
def test_a_report_is_published_on_a_date_or_at_an_aware_instant(
    published: date | datetime | None,
) -> None:
    """The document's own clock: a date, or an aware datetime with microseconds kept."""
    assert Report(id="rep:1", published=published).published == published


def test_a_report_carries_the_current_schema_version() -> None:
    """New reports are written at :data:`SCHEMA_VERSION`."""
    assert Report(id="rep:1").schema_version == SCHEMA_VERSION == 2


def test_report_claims_lists_every_claim_with_its_path() -> None:
    """Claims of every statement, nested parts included, with paths from the report."""

    def c(cid: str, *parts: Claim) -> Claim:
        return Claim(id=cid, kind="interception", parts=parts)

    report = Report(
        id="rep:1",
        sources=[Source(id="src:ru-mod", name="MoD", kind="ministry")],
        regions=[Region(id="RU-BEL", name="Belgorod Oblast", kind="subdivision")],
        weapons=[WeaponSystem(id="oreshnik", name="Oreshnik", category="ballistic_missile")],
        statements=[
            Statement(**STATEMENT, claims=[c("total", c("bel"), c("vor", c("vor-city")))]),
            Statement(id="st:empty", source="src:ru-mod", kind="bulletin"),
            Statement(id="st:2", source="src:ru-mod", kind="bulletin", claims=[c("x"), c("y")]),
        ],
    )
    assert [(path, claim.id) for path, claim in report.claims()] == [
        ("statements[0].claims[0]", "total"),
        ("statements[0].claims[0].parts[0]", "bel"),
        ("statements[0].claims[0].parts[1]", "vor"),
        ("statements[0].claims[0].parts[1].parts[0]", "vor-city"),
        ("statements[2].claims[0]", "x"),
        ("statements[2].claims[1]", "y"),
    ]


def test_the_three_clocks_are_kept_apart() -> None:
    """When it happened, when it was said and when it was published are separate fields."""
    happened = TimeWindow.between(
        datetime(2025, 10, 31, 20), datetime(2025, 10, 31, 23), tz="Europe/Moscow"
    )
    said = TimeWindow.at(datetime(2025, 10, 31, 23, 30), tz="Europe/Moscow")
    report = Report(
        id="rep:1",
        published=date(2025, 11, 1),
        statements=[
            Statement(
                **STATEMENT,
                issued=said,
                claims=[Claim(id="c", kind="interception", window=happened)],
            )
        ],
    )
    assert report.statements[0].issued == said
    assert report.statements[0].claims[0].window == happened
    assert report.published == date(2025, 11, 1)
