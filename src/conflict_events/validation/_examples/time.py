"""The examples of the CE3xx rules (time): a case that makes each rule fire."""

from __future__ import annotations

from datetime import date

from conflict_events.model import (
    Claim,
    ClaimKind,
    Quantity,
    Report,
    Statement,
    StatementKind,
    TimeWindow,
)
from conflict_events.validation._examples import in_report, msk, msk_at, wrapped
from conflict_events.validation._registry import Example


def _evening() -> TimeWindow:
    return msk((2025, 10, 31, 20), (2025, 10, 31, 23), label="evening")


def _example_part_window() -> Claim:
    part = Claim(
        id="c:bel",
        kind=ClaimKind.INTERCEPTION,
        quantity=Quantity.exact(34),
        window=msk((2025, 10, 31, 19), (2025, 10, 31, 21)),
    )
    return Claim(
        id="c:total",
        kind=ClaimKind.INTERCEPTION,
        quantity=Quantity.exact(38),
        window=_evening(),
        parts=(part,),
    )


def _example_issued() -> Report:
    claim = Claim(
        id="c:total",
        kind=ClaimKind.INTERCEPTION,
        quantity=Quantity.exact(38),
        window=msk(
            (2025, 10, 31, 18),
            (2025, 11, 1, 0),
            precision="part_of_day",
            label="evening",
        ),
    )
    return in_report(
        Statement(
            id="st:evening",
            source="src:ru-mod",
            kind=StatementKind.BULLETIN,
            issued=msk((2025, 10, 31, 20), (2025, 10, 31, 23), precision="hour"),
            claims=(claim,),
        )
    )


def _example_wide() -> Claim:
    return Claim(
        id="c:x",
        kind=ClaimKind.INTERCEPTION,
        window=msk(
            (2025, 10, 27, 0),
            (2025, 11, 1, 0),
            precision="part_of_day",
            label="evening",
        ),
    )


def _example_period() -> Report:
    night = msk((2025, 10, 30, 23), (2025, 10, 31, 8), label="overnight")
    return in_report(
        Statement(
            id="st:morning",
            source="src:ru-mod",
            kind=StatementKind.BULLETIN,
            claims=(
                Claim(id="c:night", kind=ClaimKind.INTERCEPTION, window=night),
                Claim(id="c:evening", kind=ClaimKind.INTERCEPTION, window=_evening()),
            ),
        )
    )


def _example_published() -> Report:
    return in_report(
        Statement(
            id="st:evening",
            source="src:ru-mod",
            kind=StatementKind.BULLETIN,
            issued=msk_at((2025, 10, 31, 23, 30)),
        ),
        published=date(2025, 10, 30),
    )


CE301 = Example(
    "38 drones 20:00-23:00, of which 34 from 19:00 to 21:00", wrapped(_example_part_window)
)

CE302 = Example(
    "a bulletin 'released between 8 PM and 11 PM' about the whole evening", _example_issued
)

CE303 = Example("'evening' (part-of-day precision) spanning five days", wrapped(_example_wide))

CE304 = Example(
    "a morning bulletin about the night that also claims the evening after", _example_period
)

CE305 = Example(
    "a report dated 30 October quoting a bulletin issued on 31 October", _example_published
)
