"""Deterministic synthetic air-defence bulletins in the library's wire form, for benchmarks.

One JSON Lines record is one :class:`~conflict_events.Statement`: a ministry's or an air
force's bulletin claiming a total of drones intercepted over several regions, with a complete
or partial breakdown into per-region parts (some over two or three regions with an ``each`` /
``total`` / ``unknown`` distribution, a few with nested parts), quotes with their spans,
tz-aware windows in ``Europe/Moscow`` or ``Europe/Kyiv`` with a label and a precision, an
``issued`` instant and the relays that carried it. Some bulletins add a missile or a launch
claim; a few statements are accusations or retellings.

Everything is built with the library's own constructors, so every record is valid, and the
same ``(n_claims, seed)`` always gives the same bytes::

    python benchmarks/_generate.py --claims 100000 --seed 20251031

Other benchmarks call :func:`ensure_dataset`, which writes ``benchmarks/_data/`` (git-ignored)
only when the file is missing or was made with another size, seed or generator version.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import attrs
import pytz

import conflict_events as ce
from conflict_events import (
    Claim,
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Precision,
    Quantity,
    Share,
    Span,
    Statement,
    StatementKind,
    TimeWindow,
)

__all__ = [
    "DATA_DIR",
    "DEFAULT_SEED",
    "GENERATOR_VERSION",
    "Dataset",
    "count_claims",
    "ensure_dataset",
    "generate_statements",
    "write_dataset",
]

GENERATOR_VERSION = 2
"""Bump when the generator's output changes, so stale data files are rebuilt."""

DATA_DIR = Path(__file__).resolve().parent / "_data"
"""Where generated data lives (git-ignored)."""

DEFAULT_SEED = 20251031

_FIRST_DAY = date(2024, 1, 1)
_DAYS = 700
_KYIV = "Europe/Kyiv"
_MOSCOW = "Europe/Moscow"


@dataclass(frozen=True)
class _Place:
    id: str
    en: str
    """English name as a bulletin in English would give it."""
    local: str
    """The place phrase in the side's own language ("над Курской областью")."""


@dataclass(frozen=True)
class _Side:
    source: str
    actor: str
    party: str
    tz: str
    language: str
    relays: tuple[str, ...]
    url: str
    places: tuple[_Place, ...]
    drones: tuple[str, ...]
    missiles: tuple[tuple[str, Counted], ...]


_RU = _Side(
    source="src:ru-mod",
    actor="act:ru-ad",
    party="RU",
    tz=_MOSCOW,
    language="ru",
    relays=("src:tass", "src:ria", "src:lenta", "src:interfax", "src:ksfo", "src:news-mail"),
    url="https://t.me/mod_russia/",
    places=(
        _Place("RU-BEL", "Belgorod Region", "над Белгородской областью"),
        _Place("RU-KRS", "Kursk Region", "над Курской областью"),
        _Place("RU-VOR", "Voronezh Region", "над Воронежской областью"),
        _Place("RU-BRY", "Bryansk Region", "над Брянской областью"),
        _Place("RU-ORL", "Oryol Region", "над Орловской областью"),
        _Place("RU-TAM", "Tambov Region", "над Тамбовской областью"),
        _Place("RU-TUL", "Tula Region", "над Тульской областью"),
        _Place("RU-LIP", "Lipetsk Region", "над Липецкой областью"),
        _Place("RU-YAR", "Yaroslavl Region", "над Ярославской областью"),
        _Place("RU-ROS", "Rostov Region", "над Ростовской областью"),
        _Place("RU-VGG", "Volgograd Region", "над Волгоградской областью"),
        _Place("RU-KLU", "Kaluga Region", "над Калужской областью"),
        _Place("RU-RYA", "Ryazan Region", "над Рязанской областью"),
        _Place("RU-MOS", "Moscow Region", "над Московской областью"),
        _Place("RU-SMO", "Smolensk Region", "над Смоленской областью"),
        _Place("RU-TVE", "Tver Region", "над Тверской областью"),
        _Place("RU-NIZ", "Nizhny Novgorod Region", "над Нижегородской областью"),
        _Place("RU-PNZ", "Penza Region", "над Пензенской областью"),
        _Place("RU-SAR", "Saratov Region", "над Саратовской областью"),
        _Place("RU-KDA", "Krasnodar Territory", "над Краснодарским краем"),
        _Place("UA-43", "Republic of Crimea", "над Республикой Крым"),
        _Place("sea:azov", "Sea of Azov", "над акваторией Азовского моря"),
        _Place("sea:black", "Black Sea", "над акваторией Черного моря"),
    ),
    drones=("liutyi", "fp-1", "bober"),
    missiles=(
        ("long-neptune", Counted.CRUISE_MISSILE),
        ("storm-shadow", Counted.CRUISE_MISSILE),
        ("atacms", Counted.BALLISTIC_MISSILE),
        ("himars", Counted.ROCKET),
        ("fab-umpk", Counted.GUIDED_BOMB),
    ),
)

_UA = _Side(
    source="src:ua-af",
    actor="act:ua-af",
    party="UA",
    tz=_KYIV,
    language="uk",
    relays=("src:ukrinform", "src:suspilne", "src:censor-net", "src:kyiv-independent"),
    url="https://t.me/kpszsu/",
    places=(
        _Place("UA-63", "Kharkiv Oblast", "у Харківській області"),
        _Place("UA-30", "Kyiv", "у Києві"),
        _Place("UA-32", "Kyiv Oblast", "у Київській області"),
        _Place("UA-12", "Dnipropetrovsk Oblast", "у Дніпропетровській області"),
        _Place("UA-51", "Odesa Oblast", "в Одеській області"),
        _Place("UA-53", "Poltava Oblast", "у Полтавській області"),
        _Place("UA-18", "Zhytomyr Oblast", "у Житомирській області"),
        _Place("UA-59", "Sumy Oblast", "у Сумській області"),
        _Place("UA-74", "Chernihiv Oblast", "у Чернігівській області"),
        _Place("UA-48", "Mykolaiv Oblast", "у Миколаївській області"),
        _Place("UA-23", "Zaporizhzhia Oblast", "у Запорізькій області"),
        _Place("UA-35", "Kirovohrad Oblast", "у Кіровоградській області"),
        _Place("UA-71", "Cherkasy Oblast", "у Черкаській області"),
        _Place("UA-05", "Vinnytsia Oblast", "у Вінницькій області"),
        _Place("UA-46", "Lviv Oblast", "у Львівській області"),
        _Place("UA-56", "Rivne Oblast", "у Рівненській області"),
    ),
    drones=("shahed-136", "gerbera", "geran-3"),
    missiles=(
        ("kh-101", Counted.CRUISE_MISSILE),
        ("kh-555", Counted.CRUISE_MISSILE),
        ("kalibr", Counted.CRUISE_MISSILE),
        ("iskander-m", Counted.BALLISTIC_MISSILE),
        ("kh-59", Counted.CRUISE_MISSILE),
    ),
)

# Russian launch areas the Ukrainian Air Force names.
_LAUNCH_AREAS = ("RU-KRS", "RU-BRY", "RU-ORL", "RU-ROS", "RU-KDA", "UA-43")


def count_claims(claims: Iterable[Claim]) -> int:
    """How many claims there are, nested parts included.

    >>> count_claims([Claim(id="a", kind="other", parts=(Claim(id="b", kind="other"),))])
    2
    """
    total = 0
    stack = list(claims)
    while stack:
        claim = stack.pop()
        total += 1
        stack.extend(claim.parts)
    return total


class _Text:
    """Hands out spans for consecutive quotes of one document."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.cursor = rng.randint(0, 1500)

    def span(self, quote: str) -> Span:
        start = self.cursor
        end = start + len(quote)
        self.cursor = end + self.rng.randint(2, 80)
        return Span(start=start, end=end)


@dataclass
class _Context:
    """What the claims of one statement share."""

    side: _Side
    language: str
    window: TimeWindow
    prefix: str
    text: _Text
    made: int = 0

    def next_id(self, parent: str | None = None) -> str:
        self.made += 1
        return f"{parent or self.prefix}.{self.made}"


def _safe(tz: str, naive: datetime) -> bool:
    # Keep clear of the early-morning hours in which Kyiv's clocks change.
    return tz != _KYIV or naive.hour not in (2, 3, 4)


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.number = 0
        self.ids: list[str] = []

    # -- time ---------------------------------------------------------------------------

    def window(self, side: _Side, language: str, day: date) -> TimeWindow:
        rng = self.rng
        midnight = datetime.combine(day, datetime.min.time())
        english = language == "en"
        if side is _UA:
            start = midnight - timedelta(hours=6)
            end = midnight + timedelta(hours=8, minutes=30)
            text = "from 18:00 to 08:30" if english else "з 18:00 до 08:30"
            return TimeWindow.between(
                start, end, tz=side.tz, precision="minute", label="overnight", text=text
            )
        shape = rng.random()
        if shape < 0.55:
            start = midnight - timedelta(hours=1)
            end = midnight + timedelta(hours=rng.choice((7, 8)))
            text = "during the past night" if english else "в течение прошедшей ночи"
            return TimeWindow.between(
                start, end, tz=side.tz, precision="hour", label="overnight", text=text
            )
        if shape < 0.8:
            start = midnight + timedelta(hours=20)
            end = midnight + timedelta(hours=23)
            text = "during the evening" if english else "в течение вечера"
            return TimeWindow.between(
                start, end, tz=side.tz, precision="hour", label="evening", text=text
            )
        if shape < 0.92:
            start = midnight + timedelta(hours=8)
            end = midnight + timedelta(hours=20)
            text = "during the day" if english else "в течение дня"
            return TimeWindow.between(
                start,
                end,
                tz=side.tz,
                precision=Precision.PART_OF_DAY,
                label="day",
                text=text,
                approximate=True,
            )
        hour = rng.randint(9, 18)
        start = midnight + timedelta(hours=hour)
        end = start + timedelta(hours=3)
        text = f"с {hour}:00 до {hour + 3}:00 мск" if not english else "over three hours"
        return TimeWindow.between(start, end, tz=side.tz, precision="hour", text=text)

    def sub_window(self, ctx: _Context) -> TimeWindow | None:
        """An hour inside the statement's window, as a part's own window."""
        side, whole = ctx.side, ctx.window
        hours = int(whole.duration.total_seconds() // 3600)
        if hours < 1:
            return None
        # Counted in elapsed time, so a night on which clocks change stays inside its window.
        h = self.rng.randrange(hours)
        zone = pytz.timezone(side.tz)
        start = whole.start.astimezone(pytz.utc)
        begin = (start + timedelta(hours=h)).astimezone(zone)
        end = (start + timedelta(hours=h + 1)).astimezone(zone)
        return TimeWindow.between(begin, end, tz=side.tz, precision="hour")

    def issued(self, side: _Side, window: TimeWindow) -> TimeWindow:
        end = window.end.replace(tzinfo=None)
        for _ in range(10):
            instant = end + timedelta(minutes=self.rng.randint(5, 150))
            if _safe(side.tz, instant):
                return TimeWindow.at(instant, tz=side.tz)
        return TimeWindow.at(end, tz=side.tz)

    # -- claims -------------------------------------------------------------------------

    def credibility(self) -> int | None:
        roll = self.rng.random()
        if roll < 0.3:
            return 6
        if roll < 0.45:
            return self.rng.choice((2, 3))
        return None

    def part_quote(self, language: str, count: int, places: list[_Place], how: str) -> str:
        if language == "en":
            names = [p.en for p in places]
            joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            return f"{count} each over the {joined}" if how == "each" else f"{count} over {joined}"
        phrases = [p.local for p in places]
        joined = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " и " + phrases[-1]
        if how == "each":
            return f"по {count} – {joined}"
        return f"{count} – {joined}"

    def parts(
        self, ctx: _Context, parent: str, places: list[_Place], drone: str
    ) -> tuple[list[Claim], int, set[str]]:
        """Per-region parts over ``places``; returns them, their sum and their regions."""
        rng, language, text = self.rng, ctx.language, ctx.text
        groups: list[list[_Place]] = []
        pool = list(places)
        while pool:
            size = 1 if len(pool) < 2 or rng.random() < 0.75 else rng.randint(2, min(3, len(pool)))
            groups.append(pool[:size])
            pool = pool[size:]
        counts = sorted((max(1, int(rng.expovariate(1 / 7))) for _ in groups), reverse=True)
        claims: list[Claim] = []
        total = 0
        regions: set[str] = set()
        contributions: list[int] = []
        for group, count in zip(groups, counts, strict=True):
            ids_here = tuple(p.id for p in group)
            regions.update(ids_here)
            distribution: Distribution | None = None
            how = "single"
            if len(group) > 1:
                distribution = rng.choice(
                    (Distribution.EACH, Distribution.TOTAL, Distribution.UNKNOWN)
                )
                how = distribution.value
            total += count * len(group) if distribution is Distribution.EACH else count
            quote: str | None = self.part_quote(language, count, group, how)
            span = text.span(quote) if quote and rng.random() < 0.7 else None
            if span is None and rng.random() < 0.5:
                quote = None
            part_id = ctx.next_id(parent)
            nested: tuple[Claim, ...] = ()
            coverage: Coverage | None = None
            if len(group) == 1 and count >= 4 and rng.random() < 0.12:
                inner = rng.randint(1, count - 1)
                target = group[0]
                towards = "Moscow" if target.id == "RU-MOS" else target.en.split()[0]
                inner_quote = (
                    f"including {inner} flying towards {towards}"
                    if language == "en"
                    else f"в том числе {inner}, летевших на {towards}"
                )
                nested = (
                    Claim(
                        id=f"{part_id}.1",
                        kind=ClaimKind.INTERCEPTION,
                        quantity=Quantity.exact(inner),
                        counted=Counted.UAV,
                        regions=("RU-MOW",) if target.id == "RU-MOS" else ids_here,
                        quote=inner_quote,
                        span=text.span(inner_quote),
                    ),
                )
                coverage = Coverage.PARTIAL
            claims.append(
                Claim(
                    id=part_id,
                    kind=ClaimKind.INTERCEPTION,
                    quantity=Quantity.exact(count),
                    counted=Counted.UAV,
                    weapons=(drone,) if rng.random() < 0.2 else (),
                    regions=ids_here,
                    distribution=distribution,
                    window=self.sub_window(ctx) if rng.random() < 0.15 else None,
                    parts=nested,
                    coverage=coverage,
                    quote=quote,
                    span=span,
                    credibility=self.credibility() if rng.random() < 0.3 else None,
                )
            )
            contributions.append(count * len(group) if how == "each" else count)
        if contributions[0] * 2 > total and rng.random() < 0.5:
            claims[0] = attrs.evolve(claims[0], share=Share.MAJORITY)
        elif contributions[0] > max(contributions[1:], default=0) and rng.random() < 0.3:
            claims[0] = attrs.evolve(claims[0], share=Share.LARGEST)
        return claims, total, regions

    def drones_claim(self, ctx: _Context) -> Claim:
        rng, side, language = self.rng, ctx.side, ctx.language
        n_regions = rng.choice((1, 2, 3, 3, 4, 5, 6, 7, 8, 10, 12, 14))
        places = rng.sample(side.places, min(n_regions, len(side.places)))
        drone = rng.choice(side.drones)
        claim_id = ctx.next_id()
        if len(places) == 1:
            parts: list[Claim] = []
            count = max(1, int(rng.expovariate(1 / 9)))
            regions = {places[0].id}
        else:
            parts, count, regions = self.parts(ctx, claim_id, places, drone)
        roll = rng.random()
        coverage: Coverage | None = Coverage.COMPLETE if parts else None
        region_count = len(regions) if rng.random() < 0.5 else None
        if roll < 0.85:
            quantity = Quantity.exact(count)
        elif roll < 0.93:
            extra = rng.randint(1, 12)
            quantity = Quantity.exact(count + extra)
            if parts:
                coverage = Coverage.PARTIAL
                region_count = len(regions) + rng.randint(1, 8)
        elif roll < 0.97:
            spread = max(1, count // 10)
            quantity = Quantity.about(count, low=count - spread, high=count + spread)
            coverage = Coverage.UNKNOWN if parts else None
        else:
            quantity = Quantity.more_than(max(0, count - rng.randint(1, 5)))
            coverage = Coverage.UNKNOWN if parts else None
        if language == "en":
            noun = "fixed-wing UAVs" if side is _RU else "Shahed-type UAVs"
            quote = f"{quantity.value or count} {noun} were intercepted and destroyed"
        elif side is _RU:
            quote = (
                f"перехвачены и уничтожены {quantity.value or count} "
                "украинских беспилотных летательных аппаратов самолетного типа"
            )
        else:
            quote = f"збито/подавлено {quantity.value or count} ворожих БпЛА"
        ordered = [p.id for p in places if p.id in regions]
        return Claim(
            id=claim_id,
            kind=ClaimKind.INTERCEPTION,
            quantity=quantity,
            counted=Counted.UAV,
            weapons=(drone,) if side is _UA or rng.random() < 0.3 else (),
            actor=side.actor,
            target_party=side.party,
            regions=tuple(ordered),
            distribution=Distribution.TOTAL if len(ordered) > 1 and rng.random() < 0.5 else None,
            window=ctx.window,
            parts=tuple(parts),
            coverage=coverage,
            region_count=region_count,
            quote=quote,
            span=ctx.text.span(quote),
            credibility=self.credibility(),
        )

    def missiles_claim(self, ctx: _Context) -> Claim:
        rng, side, language = self.rng, ctx.side, ctx.language
        weapon, counted = rng.choice(side.missiles)
        weapons = (weapon,)
        if weapon in ("kh-101", "kh-555") and rng.random() < 0.5:
            weapons = ("kh-101", "kh-555")
        count = rng.randint(1, 24)
        places = rng.sample(side.places, rng.randint(1, 3))
        quote = (
            f"{count} {counted.value.replace('_', ' ')}s shot down"
            if language == "en"
            else f"сбиты {count} ({weapon})"
        )
        return Claim(
            id=ctx.next_id(),
            kind=ClaimKind.INTERCEPTION,
            quantity=Quantity.exact(count),
            counted=counted,
            weapons=weapons,
            actor=side.actor,
            target_party=side.party,
            regions=tuple(p.id for p in places),
            distribution=Distribution.UNKNOWN if len(places) > 1 else None,
            window=ctx.window,
            quote=quote,
            span=ctx.text.span(quote),
            credibility=self.credibility(),
        )

    def launch_claim(self, ctx: _Context) -> Claim:
        rng = self.rng
        count = rng.randint(20, 180)
        areas = rng.sample(_LAUNCH_AREAS, rng.randint(1, 4))
        quote = f"противник атакував {count} ударними БпЛА типу Shahed та дронами-імітаторами"
        return Claim(
            id=ctx.next_id(),
            kind=ClaimKind.LAUNCH,
            quantity=Quantity.exact(count),
            counted=Counted.UAV,
            weapons=("shahed-136", "gerbera"),
            actor="act:ru-af",
            target_party="UA",
            regions=tuple(areas),
            distribution=Distribution.UNKNOWN if len(areas) > 1 else None,
            window=ctx.window,
            quote=quote,
            span=ctx.text.span(quote),
        )

    def accusation(self, ctx: _Context) -> Claim:
        side = ctx.side
        other = _UA if side is _RU else _RU
        places = self.rng.sample(side.places, self.rng.randint(1, 2))
        return Claim(
            id=ctx.next_id(),
            kind=ClaimKind.ATTACK,
            counted=Counted.UAV,
            actor=other.actor,
            target_party=side.party,
            regions=tuple(p.id for p in places),
            window=ctx.window,
            credibility=6,
        )

    # -- statements ---------------------------------------------------------------------

    def statement(self) -> Statement:
        rng = self.rng
        self.number += 1
        side = _RU if rng.random() < 0.7 else _UA
        language = "en" if rng.random() < 0.3 else side.language
        day = _FIRST_DAY + timedelta(days=rng.randrange(_DAYS))
        window = self.window(side, language, day)
        prefix = f"{'ru' if side is _RU else 'ua'}-{self.number:07d}"
        statement_id = f"st:{prefix}"
        text = _Text(rng)
        ctx = _Context(side=side, language=language, window=window, prefix=f"c:{prefix}", text=text)
        roll = rng.random()
        kind = StatementKind.BULLETIN
        source = side.source
        retells: str | None = None
        quote: str | None = None
        span: Span | None = None
        if roll < 0.04:
            kind = StatementKind.ACCUSATION
            claims = [self.accusation(ctx)]
        else:
            if roll > 0.95 and self.ids:
                kind = StatementKind.REPORT
                source = rng.choice(side.relays)
                retells = rng.choice(self.ids[-50:])
            elif rng.random() < 0.3:
                quote = (
                    "Air defence systems on duty intercepted and destroyed"
                    if language == "en"
                    else "Дежурными средствами ПВО перехвачены и уничтожены"
                )
                span = text.span(quote)
            claims = [self.drones_claim(ctx)]
            extra = rng.random()
            if side is _UA and extra < 0.6:
                claims.insert(0, self.launch_claim(ctx))
            elif extra < 0.3:
                claims.append(self.missiles_claim(ctx))
        via = tuple(v for v in rng.sample(side.relays, rng.choice((0, 1, 1, 1, 2))) if v != source)
        weapons = sorted({w for c in claims for w in c.weapons})
        self.ids.append(statement_id)
        if len(self.ids) > 100:
            del self.ids[:50]
        return Statement(
            id=statement_id,
            source=source,
            kind=kind,
            issued=self.issued(side, window),
            claims=tuple(claims),
            about=tuple(weapons),
            via=via,
            retells=retells,
            summary=(
                f"{side.source} bulletin for {day.isoformat()}" if rng.random() < 0.25 else None
            ),
            language=language,
            url=f"{side.url}{rng.randint(10000, 99999)}" if rng.random() < 0.6 else None,
            quote=quote,
            span=span,
        )


def generate_statements(n_claims: int, seed: int = DEFAULT_SEED) -> Iterator[Statement]:
    """Statements until at least ``n_claims`` claims (nested parts counted) have been made.

    The same ``n_claims`` and ``seed`` always give the same statements.

    >>> statements = list(generate_statements(50, seed=1))
    >>> count_claims(c for s in statements for c in s.claims) >= 50
    True
    """
    generator = _Generator(seed)
    made = 0
    while made < n_claims:
        statement = generator.statement()
        made += count_claims(statement.claims)
        yield statement


@dataclass(frozen=True)
class Dataset:
    """A generated JSON Lines file and what it holds."""

    path: Path
    n_claims: int
    """The size asked for."""
    seed: int
    statements: int
    """How many lines (statements) the file holds."""
    claims: int
    """How many claims, nested parts included (a little over ``n_claims``)."""


def write_dataset(path: Path, n_claims: int, seed: int = DEFAULT_SEED) -> Dataset:
    """Write the statements for ``(n_claims, seed)`` to ``path`` as JSON Lines."""
    counts = [0, 0]

    def counted() -> Iterator[Statement]:
        for statement in generate_statements(n_claims, seed):
            counts[0] += 1
            counts[1] += count_claims(statement.claims)
            yield statement

    path.parent.mkdir(parents=True, exist_ok=True)
    ce.write_jsonl(counted(), path)
    return Dataset(path=path, n_claims=n_claims, seed=seed, statements=counts[0], claims=counts[1])


def _meta(dataset: Dataset) -> dict[str, object]:
    return {
        "generator": GENERATOR_VERSION,
        "conflict_events": ce.__version__,
        "n_claims": dataset.n_claims,
        "seed": dataset.seed,
        "statements": dataset.statements,
        "claims": dataset.claims,
        "bytes": dataset.path.stat().st_size,
    }


def ensure_dataset(n_claims: int, seed: int = DEFAULT_SEED, directory: Path = DATA_DIR) -> Dataset:
    """The data file for ``(n_claims, seed)``, generated only when missing or stale.

    A sidecar ``.meta.json`` records the size, the seed and the generator version; the file is
    written under a temporary name and renamed, so a reader never sees half a file.
    """
    path = directory / f"statements-{n_claims}-seed{seed}.jsonl"
    meta_path = path.with_suffix(".meta.json")
    if path.exists() and meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except ValueError:
            meta = {}
        if (
            meta.get("generator") == GENERATOR_VERSION
            and meta.get("conflict_events") == ce.__version__
            and meta.get("n_claims") == n_claims
            and meta.get("seed") == seed
            and meta.get("bytes") == path.stat().st_size
        ):
            return Dataset(
                path=path,
                n_claims=n_claims,
                seed=seed,
                statements=int(meta["statements"]),
                claims=int(meta["claims"]),
            )
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    made = write_dataset(tmp, n_claims, seed)
    os.replace(tmp, path)
    dataset = Dataset(
        path=path, n_claims=n_claims, seed=seed, statements=made.statements, claims=made.claims
    )
    meta_tmp = meta_path.with_name(f"{meta_path.name}.{os.getpid()}.tmp")
    meta_tmp.write_text(json.dumps(_meta(dataset), indent=2) + "\n", encoding="utf-8")
    os.replace(meta_tmp, meta_path)
    return dataset


def main(argv: list[str] | None = None) -> int:
    """Generate (or find) a data file and print where it is."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000, help="about this many claims")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--dir", type=Path, default=DATA_DIR, help="where to write")
    args = parser.parse_args(argv)
    dataset = ensure_dataset(args.claims, args.seed, args.dir)
    print(f"{dataset.path}: {dataset.statements} statements, {dataset.claims} claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
