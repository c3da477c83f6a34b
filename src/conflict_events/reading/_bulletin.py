"""Reading one post: the gate, the claims with their spans, the window, what was left unread."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytz

from conflict_events.errors import ConflictEventsError
from conflict_events.model import (
    Claim,
    Counted,
    Distribution,
    Quantity,
    Span,
    Statement,
    TimeWindow,
)
from conflict_events.reading._assemble import Group, Sorted, group_items
from conflict_events.reading._resolve import (
    TimePhrase,
    find_times,
    is_country,
    region_by_prefix,
    region_id,
    weapon_id,
    window,
)
from conflict_events.reading._result import Mark, Reading, ReadingKind, Unread
from conflict_events.reading._scan import Item, Place, Sentence, scan, tokens
from conflict_events.reading._text import Working, working_copy

__all__ = ["Context", "read_bulletin", "read_items"]

_DIGEST = re.compile(r"^\W*главное за (?:день|неделю|сутки)|^\W*головне за")
# Statements of a front's press centre report the front line, not the air-defence bulletin.
_FRONT = re.compile(r"^\W*заявление (?:начальника )?пресс-центра группировки")
_SUMMARY = re.compile(r"^\W*(?:сводка министерства обороны|сводка мо рф)")
# A month's or week's results ("за прошедший месяц", "за период с 1 по 7 мая") sum up many
# bulletins: a summary, not one more bulletin.
_PERIOD = re.compile(
    r"\bза (?:(?:прошедш|истекш|минувш|прошл)\w+ )?(?:месяц|неделю|период с)\b"
    r"|\bза (?:минулий|минулого) (?:місяць|тиждень)\b"
)
_AIR_DEFENCE = re.compile(
    r"\bпво\b|противовоздушн|\bрэб\b|радиоэлектронн|\bппо\b|протиповітрян|повітряні сили|"
    r"air defen|air force|electronic warfare|террористическ\w* атак"
)
# The stems of every outcome verb, Latin look-alike letters allowed: a text without any of
# them has nothing to read and is passed over at once.
_ANY_OUTCOME = re.compile(
    r"[уy]ничт[оo]ж|сбит|сбил|п[еe]р[еe]х[вb]а|п[оo]д[аa]вл|знищ|збит|збил|перехопл|destroy|"
    r"shot|intercept|neutrali|suppress|downed|jammed"
)
_ROCKET_LAUNCHER = re.compile(r"залпового огня|рсзо|himars|хаймарс|mlrs|multiple rocket")
_MISSILE_SYSTEM = re.compile(
    r"ракетн\w* комплекс|крылат|баллистическ|противорадиолокац|atacms|storm"
)
_RU_MOD = re.compile(r"минобороны росси|министерств\w* обороны российской")
_UA_AF = re.compile(r"повітряні сили|командування пс|air force of ukraine")
_UKRAINIAN = re.compile(r"[іїєґ]")
_CYRILLIC = re.compile(r"[а-я]")
_TOLERANCE = timedelta(hours=1)
_EN_WORDS = {
    "destroyed": "destroyed by air defence",
    "intercepted": "intercepted",
    "suppressed": "suppressed by electronic warfare",
    "destroyed_or_suppressed": "destroyed or suppressed by electronic warfare",
    "launched": "launched",
}
# An air force's report of what the enemy launched: "противник атакував 173 ударними БпЛА".
_LAUNCHES = re.compile(r"атакува|завда\w* (?:\w+ )?удар|пуск")


class Context:
    """What holds for every claim of one text: speaker, parties, zone, moment of writing."""

    __slots__ = (
        "actor",
        "language",
        "launches",
        "marks",
        "posted",
        "prefix",
        "sentences",
        "target_party",
        "times",
        "tz",
        "unread",
        "used_ids",
        "windows",
        "working",
    )

    def __init__(
        self,
        working: Working,
        *,
        posted: date | datetime,
        tz: str,
        prefix: str,
        actor: str | None,
        target_party: str | None,
        language: str | None,
    ) -> None:
        self.working = working
        self.posted = posted
        self.tz = tz
        self.prefix = prefix
        self.actor = actor
        self.target_party = target_party
        self.language = language
        self.marks: list[Mark] = []
        self.unread: list[Unread] = []
        self.used_ids: set[str] = set()
        self.times: list[TimePhrase] = []
        self.windows: dict[int, TimeWindow | None] = {}
        self.sentences: dict[int, tuple[int, int]] = {}
        self.launches = False

    def mark(self, path: str, what: str, start: int, end: int, value: str | None = None) -> Span:
        """Record what was read at working ``[start, end)`` and return its original span."""
        span = self.working.span(start, end)
        self.marks.append(
            Mark(path=path, what=what, span=span, text=self.working.cut(start, end), value=value)
        )
        return span

    def leave(self, what: str, start: int, end: int, reason: str) -> None:
        """Record a span that was not read, with why."""
        w = self.working
        self.unread.append(
            Unread(
                what=what,
                span=w.span(start, end),
                text=w.cut(start, end),
                reason=reason,
                shape=shape_around(w.text, start, end),
            )
        )

    def window_for(self, item: Item) -> tuple[TimeWindow | None, TimePhrase | None]:
        """The window of the phrase in the item's sentence, else of the text's first phrase.

        Each phrase is read once.
        """
        chosen: TimePhrase | None = None
        low, high = self.sentences.get(item.sentence, (item.start, item.end))
        for phrase in self.times:
            if low <= phrase.start < high:
                chosen = phrase
                break
        if chosen is None and self.times:
            chosen = self.times[0]
        if chosen is None:
            return None, None
        key = chosen.start
        if key not in self.windows:
            try:
                found: TimeWindow | None = window(chosen.phrase, tz=self.tz, posted=self.posted)
            except (ConflictEventsError, ValueError) as exc:
                found = None
                self.leave("time", chosen.start, chosen.end, f"the phrase reader says: {exc}")
            if (
                found is not None
                and isinstance(self.posted, datetime)
                and found.end > self.posted + _TOLERANCE
            ):
                self.leave(
                    "time",
                    chosen.start,
                    chosen.end,
                    f"read as {found}, which ends after the post ({self.posted:%Y-%m-%d %H:%M} "
                    "UTC); kept as read",
                )
            self.windows[key] = found
        return self.windows[key], chosen


def shape_around(text: str, start: int, end: int) -> str:
    """The words around a span with numbers masked, to group alike unread spans.

    >>> shape_around("сбиты 12 бпла над курской", 6, 8)
    'сбиты <N> бпла над'
    """
    before = text[max(0, start - 24) : start].split()[-1:]
    after = text[end : end + 24].split()[:2]
    words = [*before, "<N>", *after]
    return re.sub(r"\d+", "#", " ".join(words))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _claim_id(ctx: Context, item: Item, second: bool) -> str:
    thing = item.thing.value if item.thing is not None else "thing"
    base = f"c:{ctx.prefix}{thing}-{item.outcome or 'read'}{'-all' if second else ''}"
    cid, n = base, 2
    while cid in ctx.used_ids:
        cid, n = f"{base}-{n}", n + 1
    ctx.used_ids.add(cid)
    return cid


def _regions(ctx: Context, path: str, places: list[Place], inherited: bool) -> tuple[str, ...]:
    ids: list[str] = []
    for p in places:
        if p.id is None:
            p.id = region_id(tuple(p.words), p.head)
        if p.id is None and p.last_word_cut and len(p.words) == 1:
            p.id = region_by_prefix(p.words[0])  # "над территорией Воронежс": cut short
        if not inherited:
            ctx.mark(path, "region", p.start, p.end, p.id)
        if p.id is None:
            if not inherited:
                ctx.leave("place", p.start, p.end, "the gazetteer knows no region by this name")
            continue
        if p.id not in ids and not is_country(p.id):
            ids.append(p.id)
    return tuple(ids)


def _claim(
    ctx: Context,
    g: Group,
    path: str,
    cid: str,
    english: bool,
    header_places: list[Place],
    weapons: tuple[str, ...] | None = None,
    counted: Counted | None = None,
) -> Claim:
    item = g.item
    first = g.first
    counted = counted or first.thing
    if weapons is None:  # a part counts what its parent counts
        weapon = first.weapon
        if weapon is None and first.thing_span is not None:
            weapon = weapon_id(ctx.working.original[slice(*_orig(ctx, first.thing_span))])
        if weapon is None and first.thing is Counted.UAV:
            weapon = weapon_id("drone")
        weapons = (weapon,) if weapon else ()
    parts: list[Claim] = []
    for n, part in enumerate(g.parts):
        parts.append(
            _claim(
                ctx,
                part,
                f"{path}.parts[{n}]",
                f"{cid}-p{n + 1}",
                english,
                header_places,
                weapons,
                counted,
            )
        )
    quantity = None
    quote = span = None
    regions: tuple[str, ...] = ()
    distribution = None
    if item is not None:
        if item.count_span is not None:
            span = ctx.mark(path, "count", *item.count_span, str(item.count))
            count = item.count or 0
            if item.bound == "more_than":
                quantity = Quantity.more_than(count)
            elif item.bound == "at_least":
                quantity = Quantity.at_least(count)
            else:
                quantity = Quantity.exact(count)
        elif item.thing_span is not None:  # a singular noun, no numeral: one
            span = ctx.mark(path, "count", *item.thing_span, "1")
            quantity = Quantity.exact(1)
        quote = ctx.working.original[span.start : span.end] if span is not None else None
        places = item.places
        inherited = item.inherited_places
        if (
            not places
            and not item.lost_place
            and not parts
            and not path.count("parts")
            and header_places
        ):
            places, inherited = header_places, True  # the attack's target area, the only place
        regions = _regions(ctx, path, places, inherited)
        if not regions and places and not inherited and header_places and not parts:
            # a district the gazetteer does not know, in the area the attack targeted
            regions = _regions(ctx, path, header_places, True)
        if item.each:
            distribution = Distribution.EACH
        elif len(regions) > 1:
            distribution = Distribution.UNKNOWN if english else Distribution.TOTAL
    if item is None or (parts and not regions and not g.partial):
        seen: list[str] = []
        for p in parts:
            seen.extend(r for r in p.regions if r not in seen)
        if not g.partial:
            regions = regions or tuple(seen)
    if first.thing_span is not None and (item is not None):
        ctx.mark(path, "thing", *first.thing_span, first.thing.value if first.thing else None)
    verb = (item.outcome_span or item.verb_span) if item is not None else None
    if verb is not None and item is not None:
        ctx.mark(path, "outcome", *verb, item.outcome)
    elif item is None and first.outcome is not None and (first.outcome_span or first.verb_span):
        ctx.mark(path, "outcome", *(first.outcome_span or first.verb_span or (0, 1)), first.outcome)
    win, phrase = ctx.window_for(first)
    if phrase is not None and not path.count("parts"):
        ctx.mark(path, "window", phrase.start, phrase.end, win.start.isoformat() if win else None)
    coverage = None
    if parts:
        coverage = "partial" if g.partial else "complete"
    launched = first.outcome == "launched"
    return Claim(
        id=cid,
        kind="launch" if launched else "interception",
        quantity=quantity,
        counted=counted,
        weapons=weapons,
        actor="act:ru-forces" if launched else ctx.actor,
        target_party="UA" if launched else ctx.target_party,
        regions=regions,
        distribution=distribution,
        window=win if not path.count("parts") else None,
        parts=tuple(parts),
        coverage=coverage,
        share=first.share if item is not None else None,
        region_count=first.region_count if item is not None else None,
        quote=quote,
        span=span,
        note=_EN_WORDS.get(first.outcome or ""),
    )


def _orig(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    s = ctx.working.span(*span)
    return s.start, s.end


def read_items(
    ctx: Context, sentences: list[Sentence], *, english: bool, cut: bool
) -> tuple[list[Claim], Sorted]:
    """The claims of a text's sentences, with marks and unread spans recorded in ``ctx``."""
    default_thing = next((s.thing for s in sentences if s.thing is not None), None)
    if default_thing is None:
        default_thing = next(
            (it.thing for s in sentences for it in s.items if it.thing is not None), None
        )
    if _ROCKET_LAUNCHER.search(ctx.working.text) and not _MISSILE_SYSTEM.search(ctx.working.text):
        for s in sentences:  # "ракеты" of a multiple rocket launcher are its rockets
            for it in s.items:
                if it.thing is Counted.MISSILE:
                    it.thing = Counted.ROCKET
    ctx.sentences = {s.index: (s.start, s.end) for s in sentences}
    sorted_ = group_items(sentences, default_thing, launches=ctx.launches)
    header_places = next(
        (
            s.places or next((it.places for it in s.items if it.header and it.places), [])
            for s in sentences
            if s.header
        ),
        [],
    )
    header_places = [
        p
        for p in header_places
        if (p.id or region_id(tuple(p.words), p.head))
        and not is_country(p.id or region_id(tuple(p.words), p.head) or "XX")
    ]
    last_sentence = sentences[-1].index if sentences else -1
    claims: list[Claim] = []
    for n, g in enumerate(sorted_.groups):
        if cut and g.parts and g.last().sentence == last_sentence:
            g.partial = True
        path = f"claims[{n}]"
        claims.append(
            _claim(ctx, g, path, _claim_id(ctx, g.first, g.second_total), english, header_places)
        )
    for it in sorted_.no_outcome:
        where = it.count_span or it.thing_span or (it.start, it.end)
        reason = (
            "the text stops before this count's outcome"
            if cut and it.sentence == last_sentence
            else "a count with no outcome or thing counted next to it"
        )
        ctx.leave("count", *where, reason)
    for it in sorted_.measures:
        if it.unit is not None and it.unit.startswith("локаці"):
            ctx.mark("", "locations", it.start, it.end, str(it.count))  # hits by location
        else:
            ctx.leave("count", it.start, it.end, "a measure, not a count of things")
    for s in sentences:  # launch directions: the model has no field for them yet
        for p in s.origins:
            ctx.mark("", "origin", p.start, p.end, region_id(tuple(p.words), p.head))
    for it in sorted_.context:
        seen = it.count_span or it.thing_span
        if seen is not None:
            what = "attack" if it.header else "detected"
            ctx.mark("", what, *seen, str(it.count))
    return claims, sorted_


def _cut(w: Working) -> bool:
    """Whether the text stops mid-sentence (a snippet cut at a length)."""
    tail = w.text.rstrip()
    return bool(tail) and tail[-1] not in ".!?)»\"'" and not _RU_MOD.search(w.text[-120:])


def read_bulletin(
    text: str,
    *,
    posted: datetime,
    source: str | None = None,
    language: str | None = None,
) -> Reading:
    """Read one post into a :class:`Reading`: its kind, its statement and what was left unread.

    ``posted`` is the aware instant of the post, the reference for every time phrase. The
    statement's source is ``source`` (an id), else the signature's ("Минобороны России" gives
    ``src:ru-mod``), else ``src:unknown``. The rules are in ``docs/reading.md``.

    >>> from datetime import datetime, timezone
    >>> r = read_bulletin(
    ...     "С 21.00 до 23.00 мск дежурными средствами ПВО уничтожены пять БПЛА: "
    ...     "три над Брянской областью и по одному над Курской и Орловской областями.",
    ...     posted=datetime(2024, 5, 1, 20, 30, tzinfo=timezone.utc))
    >>> claim = r.statement.claims[0]
    >>> claim.quantity.value, [(p.quantity.value, p.regions, p.distribution) for p in claim.parts]
    (5, [(3, ('RU-BRY',), None), (1, ('RU-KRS', 'RU-ORL'), <Distribution.EACH: 'each'>)])
    >>> str(claim.window)
    '2024-05-01 21:00–23:00 MSK'
    """
    if not isinstance(text, str):
        raise TypeError(f"a post's text is a string, got {type(text).__name__}")
    if not isinstance(posted, datetime) or posted.utcoffset() is None:
        raise ValueError(f"posted must be an aware datetime, got {posted!r}")
    head = text[:120].lower().replace("*", "")
    if _DIGEST.search(head):
        return Reading(text=text, kind=ReadingKind.DIGEST)
    if _SUMMARY.search(head) or _PERIOD.search(text[:300].lower().replace("*", "")):
        return Reading(text=text, kind=ReadingKind.SUMMARY)
    if _FRONT.search(head):
        return Reading(text=text, kind=ReadingKind.OTHER)
    if not _ANY_OUTCOME.search(text.lower()):
        return Reading(text=text, kind=ReadingKind.OTHER)  # no verb of an outcome at all
    w = working_copy(text)
    lower = w.text
    english = not _CYRILLIC.search(lower)
    opening = find_times(w.cased[:60], english=english)
    if not (_AIR_DEFENCE.search(lower) or (opening and opening[0].start < 40)):
        # no air defence named and no time to open with: not a bulletin, nothing to read
        return Reading(text=text, kind=ReadingKind.OTHER)
    if language is None:
        language = "en" if english else ("uk" if _UKRAINIAN.search(lower) else "ru")
    ukrainian = language == "uk"
    if source is None:
        source = (
            "src:ru-mod"
            if _RU_MOD.search(lower)
            else ("src:ua-air-force" if _UA_AF.search(lower) else "src:unknown")
        )
    russian_side = source == "src:ru-mod" or (not ukrainian and not english)
    tz = "Europe/Kyiv" if ukrainian else "Europe/Moscow"
    ctx = Context(
        w,
        posted=posted,
        tz=tz,
        prefix="",
        actor="act:ru-air-defence"
        if russian_side
        else ("act:ua-air-defence" if ukrainian else None),
        target_party="UA" if russian_side else ("RU" if ukrainian else None),
        language=language,
    )
    ctx.launches = ukrainian and bool(_LAUNCHES.search(lower))
    toks = tokens(w)
    cut = _cut(w)
    sentences = scan(w, toks, cut=cut)
    ctx.times = find_times(w.cased, english=english)
    claims, _ = read_items(ctx, sentences, english=english, cut=cut)
    if not claims:
        return Reading(text=text, kind=ReadingKind.OTHER)
    launch = any(c.kind.value == "launch" for c in claims)
    issued = TimeWindow.at(posted.astimezone(pytz.timezone(tz)), tz=tz)
    statement = Statement(
        id=f"st:{source.partition(':')[2] or _slug(source)}-{posted:%Y%m%dT%H%M}",
        source=source,
        kind="bulletin",
        issued=issued,
        claims=tuple(claims),
        language=language,
    )
    return Reading(
        text=text,
        kind=ReadingKind.LAUNCH_REPORT if launch else ReadingKind.AIR_DEFENCE_BULLETIN,
        statement=statement,
        marks=tuple(ctx.marks),
        unread=tuple(sorted(ctx.unread, key=lambda u: u.span.start)),
    )
