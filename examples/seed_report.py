"""The ksfo.news report of 31 October 2025 on Russian air-defence claims, as one Report.

Run it to print a summary, write ``examples/data/seed_report.json`` and print what the
consistency checks find:

    python examples/seed_report.py [OUTPUT.json]

Every claim carries a few words of the article and their character span in it; the spans
index into the article text whose SHA-256 is ``Report.text_sha256``.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import conflict_events as ce
from conflict_events import Claim, Quantity, Span, Statement, TimeWindow
from conflict_events.reference import gazetteer, weapons

OUTPUT = Path(__file__).parent / "data" / "seed_report.json"
MSK = "Europe/Moscow"
PUBLISHED = date(2025, 10, 31)
ARTICLE_SHA256 = "1e9a6f49437eb3043a842f927bf8a64de96ae989cf7074ae880100374cb65387"


def quoted(words: str, start: int) -> dict[str, Any]:
    """A claim's provenance: the words and where they start in the article."""
    return {"quote": words, "span": Span(start=start, end=start + len(words))}


def said(phrase: str) -> TimeWindow:
    """The window a time phrase of the article stands for, read in Moscow time."""
    return TimeWindow.parse(phrase, tz=MSK, reference=PUBLISHED)


def places(*names: str) -> tuple[str, ...]:
    """Region ids for places as the article names them, resolved by the gazetteer."""
    return tuple(gazetteer.lookup(name).id for name in names)


def weapon(name: str) -> str:
    """The catalogue id of a weapon as the article names it."""
    return weapons.lookup(name).id


def drones(
    claim_id: str, count: int, regions: tuple[str, ...], words: str, start: int, **more: object
) -> Claim:
    """A part of a breakdown: drones intercepted over one or more regions."""
    return Claim(
        id=claim_id,
        kind="interception",
        quantity=Quantity.exact(count),
        counted="uav",
        weapons=(weapon("drone aircraft"),),
        actor="act:ru-air-defence",
        target_party="UA",
        regions=regions,
        **quoted(words, start),
        **more,
    )


def evening_bulletin() -> Statement:
    """The MoD's late bulletin: 38 drones over three regions, 34 + 2 + 2."""
    evening = said("during the evening of October 31st")
    # The article says the report was *released* between 8 PM and 11 PM MSK: kept as the
    # article states it (the bulletins themselves give 20:00-23:00 as the interception window).
    released = said("released between 8 PM and 11 PM Moscow Standard Time (MSK)")
    total = drones(
        "c:evening-total",
        38,
        places("Belgorod Oblast", "Voronezh Oblast", "Crimea"),
        "destroyed 38 Ukrainian drone aircraft",
        60,
        window=evening,
        region_count=3,
        coverage="complete",
        parts=(
            drones(
                "c:evening-belgorod",
                34,
                places("Belgorod Oblast"),
                "34 drones were neutralized over Belgorod Oblast",
                354,
            ),
            drones(
                "c:evening-voronezh", 2, places("Voronezh Oblast"), "two over Voronezh Oblast", 403
            ),
            drones("c:evening-crimea", 2, places("Crimea"), "two more over Crimea", 433),
        ),
    )
    return Statement(
        id="st:mod-evening",
        source="src:ru-mod",
        kind="bulletin",
        issued=released,
        claims=(total,),
        summary="Air defence destroyed 38 Ukrainian drones over three regions in the evening.",
        language="ru",
        **quoted("a late-breaking statement", 178),
    )


def morning_bulletin() -> Statement:
    """The MoD's earlier bulletin: 130 drones overnight, with a partial breakdown."""
    night = said("during the preceding night")
    earlier = said("Earlier on the same day")
    unknown = {"distribution": "unknown"}
    total = drones(
        "c:night-total",
        130,
        (),
        "shot down 130 Ukrainian drones",
        785,
        window=night,
        # "including": the regions listed need not account for all 130.
        coverage="partial",
        parts=(
            drones(
                "c:night-kursk",
                31,
                places("Kursk"),
                "The majority of these, 31",
                844,
                share="majority",
            ),
            drones("c:night-voronezh", 21, places("Voronezh"), "21 over Voronezh", 921),
            drones("c:night-belgorod", 14, places("Belgorod"), "14 over Belgorod", 942),
            drones(
                "c:night-orel-tambov-tula",
                9,
                places("Orel", "Tambov", "Tula"),
                "nine over Orel, Tambov, and Tula",
                1030,
                **unknown,
            ),
            drones(
                "c:night-lipetsk-yaroslavl",
                6,
                places("Lipetsk", "Yaroslavl"),
                "six over Lipetsk and Yaroslavl",
                1064,
                **unknown,
            ),
            drones("c:night-rostov", 5, places("Rostov"), "five over Rostov", 1096),
            drones("c:night-volgograd", 4, places("Volgograd"), "four over Volgograd", 1114),
            drones("c:night-kaluga", 3, places("Kaluga"), "three over Kaluga", 1135),
            drones("c:night-ryazan", 2, places("Ryazan"), "two over Ryazan", 1154),
            drones(
                "c:night-moscow", 1, places("the Moscow region"), "one over the Moscow region", 1175
            ),
        ),
    )
    return Statement(
        id="st:mod-morning",
        source="src:ru-mod",
        kind="bulletin",
        issued=earlier,
        claims=(total,),
        summary="Air defence shot down 130 Ukrainian drones during the preceding night.",
        language="ru",
        **quoted("Earlier on the same day", 673),
    )


def duma_proposal() -> Statement:
    """The State Duma proposes answering the drone attacks with Oreshnik."""
    return Statement(
        id="st:duma-oreshnik",
        source="src:ru-duma",
        kind="proposal",
        about=(weapon("Oreshnik"),),
        claims=(
            Claim(
                id="c:duma-oreshnik-strike",
                kind="strike",
                modality="proposed",
                weapons=(weapon("Oreshnik"),),
                actor="act:ru-forces",
                target_party="UA",
                note="A proposed response to the drone attacks, not a reported strike.",
                **quoted("proposed a response to the drone attacks", 1613),
            ),
        ),
        summary="Proposes a response to the drone attacks using the Oreshnik system.",
    )


def publisher_statements() -> tuple[Statement, ...]:
    """What ksfo.news asserts in its own voice."""
    oreshnik_range = Statement(
        id="st:ksfo-oreshnik-range",
        source="src:ksfo-news",
        kind="assessment",
        about=(weapon("Oreshnik"),),
        claims=(
            Claim(
                id="c:ksfo-oreshnik-range",
                kind="capability",
                quantity=Quantity.more_than(500, unit="km"),
                weapons=(weapon("Oreshnik"),),
                note="The article calls Oreshnik a high-precision, long-range missile.",
                **quoted("distances exceeding 500 kilometers", 1751),
            ),
        ),
        summary="Describes Oreshnik as a long-range missile with a range over 500 km.",
    )
    pattern = Statement(
        id="st:ksfo-pattern",
        source="src:ksfo-news",
        kind="assessment",
        claims=(
            Claim(
                id="c:ksfo-ua-drone-strikes",
                kind="strike",
                counted="uav",
                actor="act:ua-forces",
                target_party="RU",
                note="Ukrainian forces have increasingly targeted military and civilian sites.",
                **quoted("increasingly targeted military infrastructure and civilian areas", 588),
            ),
        ),
        summary="Sees a growing pattern of escalating confrontations along Russia's border.",
    )
    intensified = Statement(
        id="st:ksfo-intensified",
        source="src:ksfo-news",
        kind="assessment",
        summary="The aerial conflict has intensified in recent weeks.",
        **quoted("has intensified in recent weeks", 1276),
    )
    debate = Statement(
        id="st:ksfo-debate",
        source="src:ksfo-news",
        kind="assessment",
        about=("st:duma-oreshnik",),
        summary="The Duma's proposal has sparked debate between deterrence and escalation risk.",
        **quoted("sparked renewed debate", 1990),
    )
    return (pattern, intensified, oreshnik_range, debate)


def russian_statements() -> tuple[Statement, ...]:
    """The Russian government's and officials' positions."""
    aggression = Statement(
        id="st:ru-gov-aggression",
        source="src:ru-gov",
        kind="accusation",
        summary="Describes the attacks on its territory as unprovoked aggression.",
        **quoted("unprovoked aggression", 1504),
    )
    warning = Statement(
        id="st:ru-officials-warning",
        source="src:ru-officials",
        kind="threat",
        claims=(
            Claim(
                id="c:ru-further-action",
                kind="strike",
                modality="hypothetical",
                actor="act:ru-forces",
                target_party="UA",
                note="Further military action if Ukraine continues its attacks.",
                **quoted("warned of further military actions", 1880),
            ),
        ),
        summary="Warns of further military action if the attacks continue.",
    )
    return (aggression, warning)


def accusations() -> tuple[Statement, ...]:
    """Each side accuses the other of launching drone attacks."""
    words = quoted("accused each other of launching drone attacks", 2246)
    russia = Statement(
        id="st:ru-accuses-ua",
        source="src:ru-gov",
        kind="accusation",
        claims=(
            Claim(
                id="c:ru-accuses-ua",
                kind="attack",
                counted="uav",
                actor="act:ua-forces",
                target_party="RU",
                **words,
            ),
        ),
        summary="Russia accuses Ukraine of launching drone attacks.",
    )
    ukraine = Statement(
        id="st:ua-accuses-ru",
        source="src:ua-gov",
        kind="accusation",
        responds_to="st:ru-accuses-ua",
        claims=(
            Claim(
                id="c:ua-accuses-ru",
                kind="attack",
                counted="uav",
                actor="act:ru-forces",
                target_party="UA",
                **words,
            ),
        ),
        summary="Ukraine accuses Russia of launching drone attacks.",
    )
    return (russia, ukraine)


def build() -> ce.Report:
    """The whole article as one Report."""
    sources = (
        ce.Source(id="src:ksfo-news", name="ksfo.news", kind="outlet", url="https://ksfo.news"),
        ce.Source(
            id="src:ru-mod",
            name="Ministry of Defence of the Russian Federation",
            kind="ministry",
            party="RU",
        ),
        ce.Source(id="src:ru-duma", name="State Duma", kind="parliament", party="RU"),
        ce.Source(id="src:ru-gov", name="Government of Russia", kind="government", party="RU"),
        ce.Source(
            id="src:ru-officials", name="Russian officials (unnamed)", kind="official", party="RU"
        ),
        ce.Source(id="src:ua-gov", name="Government of Ukraine", kind="government", party="UA"),
    )
    actors = (
        ce.Actor(
            id="act:ru-air-defence",
            name="Russian Air Defence Forces",
            kind="air_defence",
            party="RU",
        ),
        ce.Actor(id="act:ru-forces", name="Russian armed forces", kind="armed_forces", party="RU"),
        ce.Actor(
            id="act:ua-forces", name="Ukrainian armed forces", kind="armed_forces", party="UA"
        ),
    )
    statements = (
        evening_bulletin(),
        publisher_statements()[0],
        morning_bulletin(),
        publisher_statements()[1],
        *russian_statements()[:1],
        duma_proposal(),
        publisher_statements()[2],
        *russian_statements()[1:],
        publisher_statements()[3],
        *accusations(),
    )
    return ce.Report(
        id="rep:ksfo-2025-10-31-air-defence",
        published=PUBLISHED,
        publisher="src:ksfo-news",
        language="en",
        sources=sources,
        actors=actors,
        statements=statements,
        text_sha256=ARTICLE_SHA256,
    )


def summary(report: ce.Report) -> str:
    """A readable account of the report: who said what, when, how much."""
    names = {s.id: s.name for s in report.sources}
    lines = [f"{report.id} — published {report.published} by {names[report.publisher or '']}"]
    for statement in report.statements:
        when = ""
        if statement.issued is not None:
            when = f", issued {statement.issued.start:%Y-%m-%d %H:%M}–{statement.issued.end:%H:%M}"
        lines.append(
            f"- {names[statement.source]} ({statement.kind.value}{when}): "
            f"{statement.summary or statement.quote}"
        )
        for path, claim in (pair for c in statement.claims for pair in c.walk()):
            depth = path.count("parts")
            said = [f"{claim.modality.value} {claim.kind.value}:"]
            if claim.quantity is not None:
                said.append(str(claim.quantity))
            if claim.regions:
                said.append("over " + ", ".join(claim.regions))
            if claim.distribution is not None:
                said.append(f"[{claim.distribution.value}]")
            lines.append(f"  {'  ' * depth}{' '.join(said)} — “{claim.quote}”")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build the report, print its summary and write it as JSON (to ``argv[0]`` if given)."""
    args = sys.argv[1:] if argv is None else argv
    output = Path(args[0]) if args else OUTPUT
    report = build()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(ce.dumps(report), encoding="utf-8")
    print(summary(report))
    print(f"\nwrote {output}")
    result = ce.validate(report)
    print(f"\nconsistency checks: {len(result)} findings, {len(result.errors)} errors")
    print(result)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
