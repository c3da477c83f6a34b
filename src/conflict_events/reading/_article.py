"""Reading an English article that retells bulletins: one statement per bulletin retold."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime

import attrs

from conflict_events.errors import ConflictEventsError
from conflict_events.model import Actor, Claim, Report, Source, Span, Statement, TimeWindow
from conflict_events.reading._bulletin import Context, read_items
from conflict_events.reading._resolve import TimePhrase, find_times, window
from conflict_events.reading._scan import Sentence, scan, tokens
from conflict_events.reading._text import Working, working_copy

__all__ = ["read_article"]

# Speakers an article names, as (pattern, id, name, kind, party).
_SPEAKERS: tuple[tuple[re.Pattern[str], str, str, str, str], ...] = (
    (
        re.compile(
            r"(?:the\s+)?Russian\s+(?:Ministry\s+of\s+Defen[cs]e|Defen[cs]e\s+Ministry)"
            r"|Ministry\s+of\s+Defen[cs]e\s+of\s+(?:the\s+)?Russia(?:n\s+Federation)?"
            r"|Russia's\s+(?:Ministry\s+of\s+Defen[cs]e|Defen[cs]e\s+Ministry)",
            re.I,
        ),
        "src:ru-mod",
        "Ministry of Defence of the Russian Federation",
        "ministry",
        "RU",
    ),
    (
        re.compile(
            r"(?:the\s+)?Ukrainian\s+Air\s+Force|Ukraine's\s+Air\s+Force|"
            r"Air\s+Force\s+of\s+Ukraine",
            re.I,
        ),
        "src:ua-air-force",
        "Air Force of the Armed Forces of Ukraine",
        "military",
        "UA",
    ),
)
_RELAYS = re.compile(
    r"(?:according\s+to|citing|as\s+reported\s+by|reported\s+by)\s+(?:the\s+)?"
    r"([A-Z][\w-]*(?:[ ][A-Z][\w-]*){0,3})"
)
_ISSUED = re.compile(r"\b(?:released|issued|published|posted|announced)\s+$", re.I)
_EARLIER = re.compile(r"^(?:earlier|later)\b", re.I)
_ACTORS = {
    "RU": Actor(
        id="act:ru-air-defence", name="Russian Air Defence Forces", kind="air_defence", party="RU"
    ),
    "UA": Actor(
        id="act:ua-air-defence", name="Ukrainian air defence", kind="air_defence", party="UA"
    ),
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "article"


def _source_id(publisher: str) -> str:
    return publisher if ":" in publisher else f"src:{_slug(publisher)}"


def _issued_phrases(cased: str, times: list[TimePhrase]) -> set[int]:
    """The time phrases that say when a statement was made, not when things happened."""
    out = set()
    for t in times:
        if _ISSUED.search(cased[max(0, t.start - 24) : t.start]) or _EARLIER.match(t.phrase):
            out.add(t.start)
    return out


def read_article(
    text: str,
    *,
    published: date | datetime,
    publisher: str | None = None,
    url: str | None = None,
) -> Report:
    """Read an English article that retells bulletins into a :class:`Report`.

    Each total the article retells ("claimed to have destroyed 38 drones ...") starts a
    statement of the speaker it names ("the Russian Ministry of Defense"), holding that total
    and the per-region parts that follow it; "released between ..." and "earlier on the same
    day" say when the statement was issued. ``publisher`` is the outlet's id or name. Spans
    index into ``text``, whose SHA-256 the report carries.

    >>> from datetime import date
    >>> report = read_article(
    ...     "Russia's Ministry of Defense said air defences destroyed 12 drones overnight: "
    ...     "ten over Belgorod Oblast and two over Kursk Oblast.",
    ...     published=date(2025, 3, 2), publisher="Example News")
    >>> claim = report.statements[0].claims[0]
    >>> claim.quantity.value, [(p.quantity.value, p.regions) for p in claim.parts]
    (12, [(10, ('RU-BEL',)), (2, ('RU-KRS',))])
    """
    if not isinstance(text, str):
        raise TypeError(f"an article's text is a string, got {type(text).__name__}")
    if not isinstance(published, date):
        raise TypeError(f"published is a date or an aware datetime, got {published!r}")
    publisher_id = _source_id(publisher) if publisher else None
    w = working_copy(text)
    ctx = Context(
        w,
        posted=published,
        tz="Europe/Moscow",
        prefix="",
        actor=None,
        target_party=None,
        language="en",
    )
    sentences = scan(w, tokens(w))
    all_times = find_times(w.cased, english=True)
    issued_at = _issued_phrases(w.cased, all_times)
    ctx.times = [t for t in all_times if t.start not in issued_at]
    speakers = _speakers(text)
    claims, _ = read_items(ctx, sentences, english=True, cut=False)
    statements: list[Statement] = []
    sources: dict[str, Source] = {}
    actors: dict[str, Actor] = {}
    firsts = [_first_sentence(c, sentences) for c in claims]
    for n, claim in enumerate(claims):
        low = sentences[firsts[n]].start
        high = sentences[firsts[n + 1]].start if n + 1 < len(claims) else len(w.text)
        speaker = _speaker_near(speakers, w.index[low], w.index[min(high, len(w.index)) - 1])
        source_id, party = speaker[1], speaker[2]
        if speaker[0] is not None:
            sources.setdefault(source_id, speaker[0])
        actor = _ACTORS.get(party or "")
        if actor is not None:
            actors.setdefault(actor.id, actor)
            claim = _with_parties(claim, actor.id, "UA" if party == "RU" else "RU")
        issued, quote = _issued(w, all_times, issued_at, low, high, published)
        via = _relays(text, w.span(low, high), source_id, sources)
        statements.append(
            Statement(
                id=f"st:{source_id.partition(':')[2]}-{n + 1}",
                source=source_id,
                kind="bulletin",
                issued=issued,
                claims=(claim,),
                via=via,
                language="ru" if party == "RU" else ("uk" if party == "UA" else None),
                quote=quote[0] if quote else None,
                span=quote[1] if quote else None,
            )
        )
    if publisher_id is not None:
        sources.setdefault(
            publisher_id,
            Source(id=publisher_id, name=publisher or publisher_id, kind="outlet", url=None),
        )
    ident = _slug(publisher or "article")
    day = published.date() if isinstance(published, datetime) else published
    return Report(
        id=f"rep:{ident}-{day.isoformat()}",
        url=url,
        published=published,
        publisher=publisher_id,
        language="en",
        sources=tuple(sources.values()),
        actors=tuple(actors.values()),
        statements=tuple(statements),
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _first_sentence(claim: Claim, sentences: list[Sentence]) -> int:
    start = claim.span.start if claim.span is not None else 0
    if claim.span is None and claim.parts and claim.parts[0].span is not None:
        start = claim.parts[0].span.start
    for s in sentences:
        if s.start <= start < s.end + 1 or start < s.start:
            return s.index
    return sentences[-1].index


def _speakers(text: str) -> list[tuple[int, Source, str, str]]:
    out = []
    for pattern, sid, name, kind, party in _SPEAKERS:
        for m in pattern.finditer(text):
            out.append((m.start(), Source(id=sid, name=name, kind=kind, party=party), sid, party))
    return sorted(out, key=lambda x: x[0])


def _speaker_near(
    speakers: list[tuple[int, Source, str, str]], low: int, high: int
) -> tuple[Source | None, str, str | None]:
    """The speaker named in a statement's stretch of text, else the last one named before it."""
    inside = [s for s in speakers if low <= s[0] < high]
    before = [s for s in speakers if s[0] < low]
    found = inside[0] if inside else (before[-1] if before else None)
    if found is None:
        return None, "src:unknown", None
    return found[1], found[2], found[3]


def _issued(
    w: Working,
    times: list[TimePhrase],
    issued_at: set[int],
    low: int,
    high: int,
    published: date | datetime,
) -> tuple[TimeWindow | None, tuple[str, Span] | None]:
    for t in times:
        if t.start in issued_at and low <= t.start < high:
            span = w.span(t.start, t.end)
            try:
                found: TimeWindow | None = window(t.phrase, tz="Europe/Moscow", posted=published)
            except (ConflictEventsError, ValueError):
                found = None  # quoted all the same: the phrase says when, the reader cannot
            return found, (w.original[span.start : span.end], span)
    return None, None


def _relays(text: str, span: Span, speaker: str, sources: dict[str, Source]) -> tuple[str, ...]:
    via = []
    for m in _RELAYS.finditer(text, span.start, span.end):
        name = m.group(1)
        sid = f"src:{_slug(name)}"
        if sid == speaker or any(p.match(text, m.start(1)) for p, *_ in _SPEAKERS):
            continue
        sources.setdefault(sid, Source(id=sid, name=name, kind="outlet"))
        via.append(sid)
    return tuple(via)


def _with_parties(claim: Claim, actor: str, target: str) -> Claim:
    return attrs.evolve(
        claim,
        actor=actor,
        target_party=target,
        parts=tuple(_with_parties(p, actor, target) for p in claim.parts),
    )
