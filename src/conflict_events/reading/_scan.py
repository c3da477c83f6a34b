"""Tokens, sentences and counted items of a bulletin's working copy.

An *item* is one count as the text gives it: a number (or a singular noun standing for one),
what it counts, the outcome, the places, and the markers around it ("по", "еще", "из которых",
"в том числе", "всего", "including", "the majority of these"). How items make claims is decided
in :mod:`conflict_events.reading._assemble`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from conflict_events.model import Counted
from conflict_events.reading._lexicon import (
    AREA_NOUNS,
    MONTHS,
    OUTCOME_STEMS,
    SINGULAR,
    THING_STEMS,
    TRIGGERS,
    head_singular,
    missile_kind,
    outcome_of,
    thing_of,
)
from conflict_events.reading._numerals import combine, word_value
from conflict_events.reading._resolve import weapon_kind
from conflict_events.reading._text import Working

__all__ = ["Item", "Place", "Tok", "scan", "tokens"]

_TOKEN = re.compile(
    r"(?P<clock>\d{1,2}[.:]\d{2}(?![.:]?\d))|(?P<num>\d+)|"
    r"(?P<word>[^\W\d_]+(?:['-][^\W\d_]+)*)|(?P<punct>[,;:()«»\"/'-])|(?P<stop>[.!?])|"
    r"(?P<sym>\S|\n)"
)
_SKIP_SYM = frozenset("#%&+=<>@[]{}|~$^")


@dataclass(slots=True)
class Tok:
    """One token of the working copy."""

    kind: str
    start: int
    end: int
    text: str
    cased: str
    number: tuple[int, str] | None = None
    plain: bool = False
    """A word with no part in reading: not a number, thing, verb, marker or name."""


def tokens(w: Working) -> list[Tok]:
    """The tokens of a working copy, with sentence breaks as ``break`` tokens.

    >>> from conflict_events.reading._text import working_copy
    >>> [t.kind for t in tokens(working_copy("Сбиты 2 БПЛА. Ещё один."))]
    ['word', 'num', 'word', 'break', 'word', 'word', 'break']
    """
    out: list[Tok] = []
    text, cased = w.text, w.cased
    append = out.append
    info = _WORD_INFO
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        start, end = m.span()
        if kind == "word":
            word = text[start:end]
            known = info.get(word)
            if known is None:
                known = info[word] = (_is_plain(word), word_value(word))
            plain = known[0] and not cased[start].isupper()
            append(Tok(kind, start, end, word, cased[start:end], known[1], plain))
            continue
        if kind == "stop":
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "word" and len(prev.text) == 1:
                continue  # "г.", "т.г.": an abbreviation, not the end of a sentence
            nxt = cased[end : end + 3].lstrip()
            if nxt and not (nxt[0].isupper() or nxt[0].isdigit() or not nxt[0].isalnum()):
                continue
            kind = "break"
        elif kind == "sym":
            if text[start] in _SKIP_SYM:
                continue
            kind = "break"
        word = text[start:end]
        append(Tok(kind, start, end, word, word))
    return out


_WORD_INFO: dict[str, tuple[bool, tuple[int, str] | None]] = {}


def _is_plain(word: str) -> bool:
    """Whether a lower-case word has no part in reading (decided once per word)."""
    return not (
        word_value(word) is not None
        or thing_of(word) is not None
        or outcome_of(word) is not None
        or word in TRIGGERS
        or word in _ROLE_WORDS
        or _HEADER.match(word)
        or head_singular(word) is not None
        or AREA_NOUNS.match(word)
        or "-" in word
        or word in _PLACE_LOWER
    )


@dataclass(slots=True)
class Place:
    """One place named in a place phrase: its words, and the id it resolves to."""

    start: int
    end: int
    words: list[str]
    head: str | None = None
    id: str | None = None
    last_word_cut: bool = False


@dataclass(slots=True)
class Item:
    """One count as written, with everything said about it."""

    sentence: int
    start: int
    end: int
    count: int | None = None
    count_span: tuple[int, int] | None = None
    each: bool = False
    thing: Counted | None = None
    thing_span: tuple[int, int] | None = None
    weapon_text: str | None = None
    outcome: str | None = None
    outcome_span: tuple[int, int] | None = None
    places: list[Place] = field(default_factory=list)
    places_span: tuple[int, int] | None = None
    more: bool = False
    total: bool = False
    parts_follow: bool = False
    nested: bool = False
    share: str | None = None
    region_count: int | None = None
    header: bool = False
    measure: bool = False
    inherited_places: bool = False
    every: bool = False
    lost_place: bool = False
    weapon: str | None = None
    verb_span: tuple[int, int] | None = None
    unit: str | None = None
    bracketed: bool = False
    bullet: bool = False
    bound: str | None = None


@dataclass(slots=True)
class Sentence:
    """The items of one sentence and what stands before its first item."""

    index: int
    start: int
    end: int
    items: list[Item] = field(default_factory=list)
    outcome: str | None = None
    outcome_span: tuple[int, int] | None = None
    thing: Counted | None = None
    places: list[Place] = field(default_factory=list)
    places_span: tuple[int, int] | None = None
    header: bool = False
    region_count: int | None = None
    cumulative: bool = False
    origins: list[Place] = field(default_factory=list)


_HEADER = re.compile(r"^(?:попытк|атак|attack|атаку|атаки|удар)")
_ORIGIN_WORDS = ("напрямк", "напрямів", "направлени")
_CASE_ENDINGS = frozenset({"ма", "ми", "ти", "ох", "ом", "м", "х", "ю"})
_YEAR_WORDS = frozenset({"г", "года", "року", "рік", "р"})
_UNITS = re.compile(
    r"^(?:локаці|км|километр|kilomet|km|miles?|мил|метр|meter|tons?|тонн|час|минут|hour|годин|хвилин)"
)
_CLOCK_UNIT = re.compile(r"^(?:час|минут|hour|годин|хвилин)")
_PARTS_WORDS = (
    ("из", "которых"),
    ("из", "них"),
    ("of", "which"),
    ("з", "них"),
    ("з", "яких"),
    ("із", "них"),
)
_NESTED_WORDS = (("в", "том", "числе"), ("у", "тому", "числі"), ("including",))
_SINCE_START = re.compile(r"\b(?:с начала|since the start|з початку)\b")
_MARKER_FIRST = frozenset(w[0] for w in (*_PARTS_WORDS, *_NESTED_WORDS))
_NESTED_LAST = frozenset(w[-1] for w in _NESTED_WORDS)
# "across three regions", "в восьми регионах": a stated number of regions.
_REGION_WORDS = frozenset(
    {"region", "regions", "регионах", "регионов", "регионам", "областях", "субъектах"}
)
_ROLE_WORDS = _REGION_WORDS | frozenset(
    {
        "по",
        "each",
        "the",
        "большинство",
        "majority",
        "все",
        "всі",
        "all",
        "с",
        "з",
        "из",
        "of",
        "в",
        "у",
        "including",
        "начала",
        "start",
        "початку",
        "еще",
        "ещё",
        "ще",
        "more",
        "another",
        "additional",
        "further",
        "всего",
        "загалом",
        "усього",
        "всього",
        "напрямків",
        "напрямку",
        "летевших",
        "летевший",
        "летевшие",
    }
)
_MORE = frozenset({"еще", "ещё", "ще", "more", "another", "additional", "further"})
_TOTAL = frozenset({"всего", "загалом", "усього", "всього"})
_ADJ_END = re.compile(r"(?:ой|ей|ого|его|ых|их|ий|ая|ое|ые|ым|им|ыми|ими|ої|ій|ою|ою)$")
_PLACE_LOWER = frozenset(
    {"автономного", "автономной", "автономных", "автономний", "новой", "республики"}
)
_SKIP_BEFORE_THING = frozenset(
    [
        "украинских",
        "украинский",
        "украинского",
        "украинскую",
        "украинские",
        "украинских",
        "ударных",
        "ударный",
        "the",
        "ukrainian",
        "of",
        "українських",
        "ударних",
        "реактивных",
        "реактивный",
        "реактивные",
        "украинские",
        "украинских",
    ]
)


def _words_at(toks: list[Tok], i: int, words: tuple[str, ...]) -> bool:
    return all(
        i + k < len(toks) and toks[i + k].kind == "word" and toks[i + k].text == word
        for k, word in enumerate(words)
    )


def _marker(toks: list[Tok], k: int) -> int:
    """The length of a parts or nesting marker at ``k`` ("из которых", "в том числе"), or 0."""
    for words in (*_PARTS_WORDS, *_NESTED_WORDS):
        if _words_at(toks, k, words):
            return len(words)
    return 0


def _is_place_word(t: Tok) -> bool:
    return t.kind == "word" and (
        t.cased[:1].isupper()
        or head_singular(t.text) is not None
        or t.text in _PLACE_LOWER
        or bool(AREA_NOUNS.match(t.text))
    )


def read_places(toks: list[Tok], i: int, end: int) -> tuple[list[Place], int]:
    """The places of a place phrase starting at token ``i``, and the index after it.

    The phrase is a list of names ("Белгородской, Курской и Брянской областей", "Orel, Tambov,
    and Tula") after an area noun or preposition; a head noun at its end ("областей") is
    shared by the names before it.
    """
    places: list[Place] = []
    current: list[Tok] = []
    j = i
    while j < end:
        t = toks[j]
        if t.kind == "word" and (
            bool(AREA_NOUNS.match(t.text)) and not t.cased[:1].isupper() and not current
        ):
            j += 1  # "территорией", "акваториями", "районом": not a name
            continue
        if t.kind == "word" and t.text in ("the",) and not current:
            j += 1
            continue
        if _is_place_word(t) and outcome_of(t.text) is None and thing_of(t.text) is None:
            if word_value(t.text) is not None or _paren_count(toks, j + 1, end):
                break
            current.append(t)
            j += 1
            continue
        if (t.kind == "punct" and t.text == ",") or (
            t.kind == "word" and t.text in ("и", "та", "і", "and")
        ):
            if current:
                places.append(_place(current))
                current = []
            # a list continues only with another name or area noun
            k = j + 1
            while k < end and toks[k].kind == "word" and toks[k].text in ("и", "and", "та", "і"):
                k += 1
            if k < end and toks[k].kind == "word" and toks[k].text in ("над", "на", "over"):
                k += 1
            if (
                k < end
                and (_is_place_word(toks[k]) or toks[k].text == "the")
                and (outcome_of(toks[k].text) is None and thing_of(toks[k].text) is None)
            ):
                j = k
                continue
            break
        break
    if current:
        places.append(_place(current))
    # a head noun at the end ("Азовского и Черного морей") is shared by the names before it
    head = places[-1].head if places else None
    if head is not None:
        for p in places[:-1]:
            if p.head is None and _ADJ_END.search(p.words[-1].lower()):
                p.head = head
    if places and j >= len(toks) - 1 and toks[-1].kind == "word":
        places[-1].last_word_cut = True
    return places, j


def _paren_count(toks: list[Tok], k: int, end: int) -> bool:
    """Whether a count in brackets starts at ``k``: "Московской (4 БпЛА)"."""
    return k + 1 < end and toks[k].text == "(" and toks[k + 1].kind == "num"


def _place(words: list[Tok]) -> Place:
    head = head_singular(words[-1].text)
    names = [t.cased for t in (words[:-1] if head is not None and len(words) > 1 else words)]
    return Place(words[0].start, words[-1].end, names, head=head)


def scan(w: Working, toks: list[Tok], *, cut: bool = False) -> list[Sentence]:
    """The sentences of the text with their items, in order; ``cut`` if the text stops short."""
    sentences: list[Sentence] = []
    n = len(toks)
    i = 0
    s_index = 0
    while i < n:
        j = i
        while j < n and toks[j].kind != "break":
            j += 1
        if j > i:
            sentences.append(_scan_sentence(w.text, toks, i, j, s_index, cut and j == n))
            s_index += 1
        i = j + 1
    return sentences


def _scan_sentence(text: str, toks: list[Tok], i: int, end: int, index: int, cut: bool) -> Sentence:
    s = Sentence(index, toks[i].start, toks[end - 1].end)
    s.cumulative = _SINCE_START.search(text, s.start, s.end) is not None
    cur: Item | None = None
    pending_each = pending_more = pending_total = pending_nested = False
    pending_share: str | None = None
    pending_outcome: tuple[str, tuple[int, int]] | None = None
    pending_all = False
    pending_place: Place | None = None
    k = i
    while k < end:
        t = toks[k]
        if t.plain and not (cut and k == end - 1):
            k += 1
            continue
        if t.kind == "word" and _HEADER.match(t.text) and not s.items:
            s.header = True
        # markers
        if t.kind == "word" and t.text in ("по",) and k + 1 < end and _number_at(toks, k + 1, end):
            pending_each = True
            k += 1
            continue
        if t.kind == "word" and t.text == "each" and cur is not None:
            cur.each = True
            k += 1
            continue
        if t.kind == "word" and t.text in _MORE and not _words_at(toks, k + 1, ("than",)):
            if (
                cur is not None
                and cur.count_span is not None
                and toks[k - 1].end == cur.count_span[1]
            ):
                cur.more = True  # "two more over Crimea"
            else:
                pending_more = True
            k += 1
            continue
        if t.kind == "word" and t.text in _TOTAL:
            pending_total = True
            k += 1
            continue
        matched = _marker(toks, k) if t.text in _MARKER_FIRST else 0
        if matched:
            k += matched
            if toks[k - 1].text in _NESTED_LAST:
                pending_nested = True
            elif cur is not None:
                cur.parts_follow = True
            continue
        if t.kind == "punct" and t.text == ":" and cur is not None:
            cur.parts_follow = True
            k += 1
            continue
        if t.text in ("the", "большинство") and (
            t.text == "большинство" or _words_at(toks, k, ("the", "majority"))
        ):
            pending_share = "majority"
            k += 1
            continue
        # numbers
        number = _number_at(toks, k, end)
        if number is not None:
            value, stop = number
            if _is_date_or_measure(toks, stop, end):
                if (
                    stop < end
                    and _UNITS.match(toks[stop].text)
                    and not _CLOCK_UNIT.match(toks[stop].text)
                ):
                    item = Item(index, t.start, toks[stop - 1].end, count=value, measure=True)
                    item.count_span = (t.start, toks[stop - 1].end)
                    item.unit = toks[stop].text
                    s.items.append(item)
                k = stop
                continue
            if stop < end and toks[stop].kind == "word" and toks[stop].text in _REGION_WORDS:
                target = cur if cur is not None else s
                target.region_count = value
                k = stop + 1
                continue
            before = toks[k - 1].text if k > i else ""
            if before in ("із", "из", "of") or (before == "з" and cur is not None):
                k = stop  # "16 з 16", "із 140 БпЛА ... збито 120": the whole, said again
                while k < end and toks[k].kind == "word" and thing_of(toks[k].text) is not None:
                    k += 1
                continue
            cur = Item(index, t.start, toks[stop - 1].end, count=value)
            cur.count_span = (t.start, toks[stop - 1].end)
            cur.each, cur.more, cur.total, cur.nested = (
                pending_each,
                pending_more,
                pending_total,
                pending_nested,
            )
            cur.share = pending_share
            cur.bound = _bound_before(toks, k, i)
            cur.bracketed = any(x.text == "(" for x in toks[max(i, k - 2) : k])
            cur.bullet = k == i + 1 and toks[i].text == "-"  # "- 472 ударними БпЛА"
            if pending_place is not None:
                cur.places = [pending_place]
                cur.places_span = (pending_place.start, pending_place.end)
                pending_place = None
            cur.header = s.header and s.outcome is None and all(x.header for x in s.items)
            _start_outcome(s, cur, pending_outcome)
            pending_outcome = None
            pending_each = pending_more = pending_total = pending_nested = False
            pending_share = None
            s.items.append(cur)
            k = stop
            continue
        if t.kind != "word":
            k += 1
            continue
        if _paren_count(toks, k + 1, end) and _is_place_word(t) and thing_of(t.text) is None:
            pending_place = _place([t])  # "Белгородской (3 БпЛА)": the count for this place
            k += 2
            continue
        counted = thing_of(t.text)
        if counted is None and cut and k == end - 1 and len(t.text) >= 3:
            counted = _cut_thing(t.text)  # "Еще пять БПЛ": the noun cut short
        if counted is Counted.OTHER and (cur is None or cur.thing is not None):
            counted = None  # "засобами ППО" is not a count; "385 засобів" is
        if counted is not None:
            span_end = t.end
            k2 = k + 1
            while (
                k2 < end
                and toks[k2].kind == "word"
                and toks[k2].text.startswith(
                    ("летательн", "літальн", "аппарат", "апарат", "aircraft", "самолетного", "типа")
                )
            ):
                span_end = toks[k2].end
                k2 += 1
            last_word = toks[k2 - 1].text
            kind = _finer(toks, k, i, counted)
            weapon, hinted, k3 = _weapon_after(toks, k2, end)
            if hinted is not None:
                kind = hinted
            header_now = s.header and s.outcome is None
            if pending_all and not header_now:
                every = Item(index, t.start, span_end, count=None, thing=kind)
                every.thing_span = (t.start, span_end)
                every.every = True
                every.weapon = weapon
                _start_outcome(s, every, pending_outcome)
                pending_outcome = None
                pending_all = False
                s.items.append(every)
                cur = every
            elif cur is None or cur.thing is not None or cur.header != header_now:
                singular = last_word in SINGULAR or _singular_verb_follows(toks, k2, end)
                if singular and not header_now and (cur is None or cur.thing is not None):
                    # "украинский беспилотный летательный аппарат уничтожен": one, no numeral
                    start = _thing_start(toks, k, i)
                    one = Item(index, toks[start].start, span_end, count=1, thing=kind)
                    one.thing_span = (toks[start].start, span_end)
                    one.weapon = weapon
                    one.more, one.total = pending_more, pending_total
                    one.header = header_now
                    pending_more = pending_total = False
                    _start_outcome(s, one, pending_outcome)
                    pending_outcome = None
                    s.items.append(one)
                    cur = one
                elif cur is None:
                    s.thing = s.thing or kind
            else:
                cur.thing = kind
                cur.thing_span = (t.start, span_end)
                cur.weapon = weapon
                cur.end = max(cur.end, span_end)
            k = max(k2, k3)
            continue
        outcome = outcome_of(t.text)
        if (
            outcome is None
            and cut
            and k == end - 1
            and len(t.text) >= 2
            and k > i
            and (toks[k - 1].kind in ("num", "punct") or thing_of(toks[k - 1].text) is not None)
        ):
            outcome = _cut_outcome(t.text)  # "семь БпЛА перехва": the verb cut short
        if outcome is not None:
            span = (t.start, t.end)
            if (
                cur is not None
                and not cur.header
                and cur.outcome not in (None, "detected")
                and (cur.outcome_span is None or span[0] - cur.outcome_span[1] > 4)
            ):
                if pending_outcome is not None and span[0] - pending_outcome[1][1] <= 4:
                    joined = _join(pending_outcome[0], outcome)
                    pending_outcome = (joined, (pending_outcome[1][0], span[1]))
                else:
                    pending_outcome = (outcome, span)  # the verb of the next count
            else:
                _set_outcome(s, cur, outcome, span)
            k += 1
            continue
        if t.text in ("все", "всі", "all") and _thing_soon(toks, k + 1, end):
            pending_all = True
            k += 1
            continue
        if t.text.startswith(_ORIGIN_WORDS):
            j = k + 1
            while j < end and toks[j].kind == "punct" and toks[j].text in (":", "-"):
                j += 1
            if j < end and _is_place_word(toks[j]):
                places, stop = read_places(toks, j, end)
                s.origins.extend(places)  # "із напрямків: Курськ, Орел": where launched from
                k = max(stop, k + 1)
                continue
        after = k + 2 if k + 2 < end and toks[k + 1].text == "the" else k + 1
        if t.text in TRIGGERS and after < end and _is_place_word(toks[after]):
            places, stop = read_places(toks, k + 1, end)
            if places:
                span = (places[0].start, places[-1].end)
                if cur is not None and not cur.places:
                    cur.places = places
                    cur.places_span = span
                    cur.end = max(cur.end, span[1])
                elif cur is None and not s.places:
                    s.places = places
                    s.places_span = span
                k = max(stop, k + 1)
                continue
        if cut and t.text in TRIGGERS and k >= end - 3 and cur is not None and not cur.places:
            cur.lost_place = True  # "два БПЛА уничтожены над": the place cut off
        k += 1
    if cut and s.items and not s.items[-1].places and not s.items[-1].header:
        s.items[-1].lost_place = True  # the text stops inside this count's clause
    return s


_SYSTEM_WORDS = {
    "отрк": Counted.BALLISTIC_MISSILE,
    "рсзо": Counted.ROCKET,
    "зур": Counted.MISSILE,
}
_FILLER = frozenset(
    [
        "типа",
        "комплекса",
        "комплексов",
        "системы",
        "систем",
        "зенитного",
        "ракетного",
        "залпового",
        "огня",
        "оперативно-тактического",
        "оперативно-тактических",
        "зрк",
    ]
)


def _weapon_after(toks: list[Tok], k: int, end: int) -> tuple[str | None, Counted | None, int]:
    """A system named after a thing counted ("ракеты ОТРК «Точка-У»"): id, kind, next index."""
    hint: Counted | None = None
    j = k
    while (
        j < end
        and j < k + 4
        and toks[j].kind == "word"
        and (toks[j].text in _FILLER or toks[j].text in _SYSTEM_WORDS)
    ):
        hint = _SYSTEM_WORDS.get(toks[j].text, hint)
        j += 1
    if j < end and toks[j].text == "«":
        close = j + 1
        while close < end and toks[close].text != "»" and close < j + 6:
            close += 1
        if close < end and toks[close].text == "»" and close > j + 1:
            name = " ".join(t.cased for t in toks[j + 1 : close]).replace(" - ", "-")
            found = weapon_kind(name)
            if found is not None:
                return found[0], found[1] or hint, close + 1
            return None, hint, close + 1
    return None, hint, j if hint is not None else k


def _thing_soon(toks: list[Tok], k: int, end: int) -> bool:
    while k < end and toks[k].kind == "word" and toks[k].text in _SKIP_BEFORE_THING:
        k += 1
    return k < end and toks[k].kind == "word" and thing_of(toks[k].text) is not None


def _cut_thing(word: str) -> Counted | None:
    for stem, counted in THING_STEMS:
        if stem.startswith(word):
            return counted
    return None


def _cut_outcome(word: str) -> str | None:
    for stem, outcome in OUTCOME_STEMS:
        if stem.startswith(word) or word.startswith(stem):
            return outcome
    return None


def _start_outcome(s: Sentence, item: Item, pending: tuple[str, tuple[int, int]] | None) -> None:
    """A new count's outcome: a verb read just before it, else the sentence's opening verb."""
    if item.header:
        return
    if pending is not None:
        item.outcome, item.outcome_span = pending
    elif s.outcome is not None and s.outcome != "detected" and not s.items:
        item.outcome, item.verb_span = s.outcome, s.outcome_span


_SINGULAR_VERB = re.compile(r"^(?:уничтожен|сбит|перехвачен|подавлен|знищено|збито|destroyed)$")


def _singular_verb_follows(toks: list[Tok], k: int, end: int) -> bool:
    """Whether the next outcome verb within a few words is singular ("БПЛА уничтожен")."""
    for j in range(k, min(end, k + 6)):
        t = toks[j]
        if t.kind == "word" and outcome_of(t.text) is not None:
            return bool(_SINGULAR_VERB.match(t.text)) or t.text in ("обнаружен", "выявлен")
        if t.kind == "num" or word_value(t.text) is not None:
            return False
    return False


def _finer(toks: list[Tok], k: int, first: int, counted: Counted) -> Counted:
    """A missile made cruise or ballistic, or a rocket, by the adjective before it."""
    if counted is not Counted.MISSILE and counted is not Counted.ROCKET:
        return counted
    for j in range(k - 1, max(first, k - 3) - 1, -1):
        finer = missile_kind(toks[j].text)
        if finer is not None:
            return finer
    return counted


def _thing_start(toks: list[Tok], k: int, first: int) -> int:
    j = k
    while (
        j - 1 >= first
        and toks[j - 1].kind == "word"
        and (thing_of(toks[j - 1].text) is not None or toks[j - 1].text in _SKIP_BEFORE_THING)
    ):
        j -= 1
    # the noun phrase starts at the counted noun's adjectives ("беспилотный летательный")
    while j < k and toks[j].text in _SKIP_BEFORE_THING:
        j += 1
    return j


def _set_outcome(s: Sentence, cur: Item | None, outcome: str, span: tuple[int, int]) -> None:
    if cur is not None and cur.header and span[0] - cur.end <= 40:
        cur.header = False  # "один БПЛА перехвачен": a count with its verb, not the attack's
    if cur is None or cur.header:
        if s.outcome is None or s.outcome == "detected":
            s.outcome, s.outcome_span = outcome, span
        else:
            s.outcome = _join(s.outcome, outcome)
            s.outcome_span = (s.outcome_span or span)[0], span[1]
        return
    if cur.outcome is None or cur.outcome == "detected":
        cur.outcome, cur.outcome_span = outcome, span
    elif cur.outcome_span is not None and span[0] - cur.outcome_span[1] <= 4:
        cur.outcome = _join(cur.outcome, outcome)  # "уничтожены и перехвачены"
        cur.outcome_span = (cur.outcome_span[0], span[1])


def _join(a: str, b: str) -> str:
    if a == b:
        return a
    pair = {a, b}
    if "suppressed" in pair:
        return "destroyed_or_suppressed"
    if pair <= {"destroyed", "intercepted"}:
        return "destroyed"
    return a


_MORE_THAN = frozenset({"свыше", "более", "больше", "понад", "більше", "over"})
_AT_LEAST = frozenset({"менее", "меньше", "менше"})


def _bound_before(toks: list[Tok], k: int, first: int) -> str | None:
    """How the words before a count bound it: "свыше 1400" is more than, "не менее 5" at least."""
    before = toks[k - 1].text if k > first else ""
    if before in _MORE_THAN or (before == "than" and k - 2 >= first and toks[k - 2].text == "more"):
        return "more_than"
    if k - 2 >= first and (
        (toks[k - 2].text == "не" and before in _AT_LEAST)
        or (toks[k - 2].text == "at" and before == "least")
    ):
        return "at_least"
    return None


def _number_at(toks: list[Tok], k: int, end: int) -> tuple[int, int] | None:
    """A number (digits or words) at token ``k``: its value and the index after it."""
    t = toks[k]
    if t.kind == "num":
        if (
            k >= 2
            and toks[k - 1].text == "-"
            and toks[k - 1].start == toks[k - 2].end
            and (toks[k - 1].end == t.start)
        ):
            return None  # "С-200", "Су-34": a designation, not a count
        if k >= 1 and toks[k - 1].kind == "word" and toks[k - 1].end == t.start:
            return None  # "Тор-М2", "М2": digits glued to letters name a system, not a count
        if (
            k + 2 < end
            and toks[k + 1].text == "-"
            and toks[k + 1].start == t.end
            and toks[k + 2].text in _CASE_ENDINGS
        ):
            return int(t.text), k + 3  # "50-ма ударними БпЛА", "559-ти засобів": a count
        if (
            k + 1 < end
            and toks[k + 1].start == t.end
            and toks[k + 1].text in ("-", "st", "nd", "rd", "th", "й", "го", "х")
        ):
            return None  # "6-й", "31st": an ordinal
        if k + 1 < end and toks[k + 1].text in ("pm", "am", "p", "a"):
            return None  # "8 PM": a clock time
        return int(t.text), k + 1
    if t.kind != "word":
        return None
    first = t.number
    if first is None:
        if "-" not in t.text:
            return None
        if "-" in t.text:  # "twenty-one"
            pieces = [word_value(p) for p in t.text.split("-")]
            if all(p is not None for p in pieces):
                value, used = combine([p for p in pieces if p is not None])
                if used == len(pieces):
                    return value, k + 1
        return None
    parts = [first]
    j = k + 1
    while j < end and toks[j].kind == "word":
        nxt = toks[j].number
        if nxt is None:
            break
        parts.append(nxt)
        j += 1
    value, used = combine(parts)
    if t.text == "one" and k + 1 < end and toks[k + 1].text == "of":
        return None
    return value, k + used


def _is_date_or_measure(toks: list[Tok], stop: int, end: int) -> bool:
    if stop >= end:
        return False
    nxt = toks[stop]
    if nxt.kind == "word":
        return nxt.text in MONTHS or bool(_UNITS.match(nxt.text)) or nxt.text in _YEAR_WORDS
    return False
