"""The examples of the CE1xx rules (references): a case that makes each rule fire."""

from __future__ import annotations

from conflict_events.model import (
    Actor,
    Claim,
    ClaimKind,
    Counted,
    Quantity,
    Report,
    Source,
    SourceKind,
    Statement,
    StatementKind,
)
from conflict_events.validation._examples import wrapped
from conflict_events.validation._registry import Example


def _example_region() -> Claim:
    return Claim(
        id="c:x", kind=ClaimKind.INTERCEPTION, quantity=Quantity.exact(3), regions=("RU-XYZ",)
    )


def _example_weapon() -> Claim:
    return Claim(
        id="c:x",
        kind=ClaimKind.INTERCEPTION,
        quantity=Quantity.exact(3),
        counted=Counted.UAV,
        weapons=("no-such-drone",),
    )


def _mod() -> Source:
    return Source(id="src:ru-mod", name="Russian Ministry of Defence", kind=SourceKind.MINISTRY)


def _example_source() -> Report:
    return Report(
        id="rep:x",
        publisher="src:ksfo",
        sources=(_mod(),),
        statements=(Statement(id="st:a", source="src:ru-mod", kind=StatementKind.BULLETIN),),
    )


def _example_actor() -> Report:
    claim = Claim(id="c:x", kind=ClaimKind.INTERCEPTION, actor="act:ru-air-defence")
    return Report(
        id="rep:x",
        sources=(_mod(),),
        actors=(Actor(id="act:ru-forces", name="Russian armed forces", kind="armed_forces"),),
        statements=(
            Statement(id="st:a", source="src:ru-mod", kind=StatementKind.BULLETIN, claims=(claim,)),
        ),
    )


def _example_statement() -> Report:
    return Report(
        id="rep:x",
        sources=(_mod(),),
        statements=(
            Statement(
                id="st:retold", source="src:ru-mod", kind=StatementKind.REPORT, retells="st:gone"
            ),
        ),
    )


def _example_duplicate() -> Report:
    one = Claim(id="c:total", kind=ClaimKind.INTERCEPTION)
    return Report(
        id="rep:x",
        sources=(_mod(),),
        statements=(
            Statement(id="st:a", source="src:ru-mod", kind=StatementKind.BULLETIN, claims=(one,)),
            Statement(id="st:b", source="src:ru-mod", kind=StatementKind.BULLETIN, claims=(one,)),
        ),
    )


def _example_dataset() -> list[Report]:
    statement = Statement(id="st:a", source="src:ru-mod", kind=StatementKind.BULLETIN)
    return [
        Report(id="rep:1", sources=(_mod(),), statements=(statement,)),
        Report(id="rep:2", sources=(_mod(),), statements=(statement,)),
    ]


def _example_about() -> Report:
    return Report(
        id="rep:x",
        sources=(_mod(),),
        statements=(
            Statement(
                id="st:a", source="src:ru-mod", kind=StatementKind.PROPOSAL, about=("st:nowhere",)
            ),
        ),
    )


CE101 = Example("a claim over 'RU-XYZ', shaped like an ISO 3166-2 code", wrapped(_example_region))

CE102 = Example("a claim counting 'no-such-drone'", wrapped(_example_weapon))

CE103 = Example("a report published by 'src:ksfo' that lists no such source", _example_source)

CE104 = Example("a claim by 'act:ru-air-defence' in a report without it", _example_actor)

CE105 = Example("a statement retelling 'st:gone', which no report holds", _example_statement)

CE106 = Example("two statements holding the same claim 'c:total'", _example_duplicate)

CE107 = Example("two reports holding the same statement 'st:a'", _example_dataset)

CE108 = Example("a statement about 'st:nowhere'", _example_about)
