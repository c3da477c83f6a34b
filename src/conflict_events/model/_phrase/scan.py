"""Cutting text into the words of time phrases, each with where it stands in the text.

:func:`scan` reads a whole phrase strictly: a word outside the word lists is an error that
names it, nothing is skipped unread. ``strict=False`` reads any text (a whole bulletin) and
marks what is not a word of time phrases as :attr:`Kind.OTHER`, so that a reader of longer
text can find the phrases in it by their spans.

>>> [(t.kind.name, t.start, t.end) for t in scan("с 20:00 до 23:00 мск")]
[('FROM', 0, 1), ('TIME', 2, 7), ('TO', 8, 10), ('TIME', 11, 16), ('ZONE', 17, 20)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

import attrs
import pytz

from conflict_events.errors import TimeParseError
from conflict_events.model._phrase.words import (
    ENGLISH_NIGHT,
    FILLERS,
    FOLD,
    MERIDIEM,
    OVERNIGHT,
    PHRASES,
    QUIET_PHRASES,
    WORDS,
    Clock,
    Kind,
    Night,
    PDate,
    Rel,
    Token,
)
from conflict_events.model.conventions import DEFAULT_CONVENTIONS, Conventions, ZoneName

__all__ = ["Lexicon", "date_group", "find_phrases", "fold", "lexicon", "make_clock", "scan"]


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` case-folded and normalised, and where each of its characters came from.

    Latin letters that look Cyrillic are read as Cyrillic in a word that mixes the scripts, and
    a lone Latin "C" before a number is the Cyrillic preposition "С".

    >>> fold("Ночь—")
    ('ночь–', [0, 1, 2, 3, 4, 5])
    >>> fold("C 20.00 нoчью")[0] == "с 20.00 ночью"
    True
    """
    folded = text.casefold()
    if len(folded) == len(text) and not _DROPPED.search(text):  # the common case: 1 to 1
        return _LOOK_ALIKE_WORD.sub(_cyrillic, folded.translate(FOLD)), list(range(len(text) + 1))
    parts: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = char.casefold().translate(FOLD)
        parts.append(folded)
        origin.extend([i] * len(folded))
    origin.append(len(text))
    return _LOOK_ALIKE_WORD.sub(_cyrillic, "".join(parts)), origin


_DROPPED = re.compile("[" + "".join(chr(c) for c, v in FOLD.items() if v == "") + "]")
"""Characters the fold drops, which shift every position after them."""

_LOOK_ALIKES = str.maketrans("aceiopxyk", "асеіорхук")
_LOOK_ALIKE_WORD = re.compile(
    r"(?<![^\W\d_])(?:[a-zа-яёіїєґ']*[а-яёіїєґ][a-zа-яёіїєґ']*[a-z][a-zа-яёіїєґ']*"
    r"|[a-zа-яёіїєґ']*[a-z][a-zа-яёіїєґ']*[а-яёіїєґ][a-zа-яёіїєґ']*)(?![^\W\d_])"
    r"|(?<![^\W\d_])c(?=\s*\d)"
)
"""A word that mixes Latin and Cyrillic letters, or a lone Latin "c" before a number."""


def _cyrillic(match: re.Match[str]) -> str:
    """Latin letters that look Cyrillic, written Cyrillic ("C 20.00" is "С 20.00")."""
    word = match[0]
    converted = word.translate(_LOOK_ALIKES)
    if word != "c" and re.search("[a-z]", converted):
        return word  # a Latin letter with no Cyrillic twin: not a look-alike slip
    return converted


@functools.cache
def _iana_names() -> dict[str, str]:
    return {name.casefold(): name for name in pytz.all_timezones}


def _key(phrase: str) -> str:
    return " ".join(phrase.casefold().translate(FOLD).split())


def _is_cjk(char: str) -> bool:
    """Chinese and Japanese characters: words written without spaces between them."""
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _phrase_pattern(phrases: Sequence[str]) -> str:
    """Longest first; a phrase ends at a word boundary unless written in CJK characters.

    The phrases are grouped by their first character, so that the pattern tries only the
    phrases that can start where it stands.
    """
    groups: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        groups.setdefault(phrase[0], []).append(phrase)
    branches = []
    for first, group in sorted(groups.items()):
        alternatives = []
        for phrase in group:
            body = re.escape(phrase[1:]).replace(r"\ ", r"\s+")
            after = "" if _is_cjk(phrase[-1]) else r"(?!\w)"
            alternatives.append(f"{body}{after}")
        before = "" if _is_cjk(first) else r"(?<!\w)"
        branches.append(f"{before}{re.escape(first)}(?:{'|'.join(alternatives)})")
    return "(?:" + "|".join(branches) + ")"


@attrs.frozen
class Lexicon:
    """The pattern and phrase table for one set of conventions."""

    pattern: re.Pattern[str]
    phrases: dict[str, Token | None]
    """What each phrase means; ``None`` for one that carries nothing."""


@functools.lru_cache(maxsize=16)
def lexicon(conventions: Conventions) -> Lexicon:
    """The pattern and phrase table that read phrases under ``conventions``.

    The parts of the day of the default conventions stay known words when ``conventions``
    lack them, so that such a word is reported as a part the conventions do not define.

    >>> lexicon(DEFAULT_CONVENTIONS).phrases["утра"].label  # type: ignore[union-attr]
    'morning'
    """
    phrases: dict[str, Token | None] = {**PHRASES, **dict.fromkeys(QUIET_PHRASES)}
    known = {p.label for p in conventions.parts_of_day}
    parts = [p for p in DEFAULT_CONVENTIONS.parts_of_day if p.label not in known]
    for part in (*parts, *conventions.parts_of_day):
        night = Night.ENDING if part.label == OVERNIGHT else None
        for word in part.words:
            key = _key(word)
            kind = Night.ENGLISH if night is not None and key in ENGLISH_NIGHT else night
            phrases[key] = Token(kind=Kind.PART, label=part.label, night=kind)
        for word in part.hour_words:
            phrases[_key(word)] = Token(
                kind=Kind.PART, label=part.label, night=night, hour_word=True
            )
    for entry in conventions.zone_names:
        phrases[_key(entry.name)] = Token(kind=Kind.ZONE, zone=entry)
    pattern = rf"""
        (?P<space>\s+)
      | (?P<utc>(?<!\w)(?:utc|gmt)\s?(?P<usign>[+-])\s?(?P<uh>\d{{1,2}})
            (?::?(?P<um>\d{{2}}))?(?!\d))
      | (?P<iana>(?<!\w)[a-z][a-z_]*(?:/[a-z0-9_+\-]+)+)
      | (?P<phrase>{_phrase_pattern(list(phrases))})
      | (?P<isotime>(?<!\d)(?P<idate>\d{{4}}-\d{{2}}-\d{{2}})t
            (?P<ih>\d{{2}}):(?P<im>\d{{2}})(?::(?P<is>\d{{2}})(?:\.(?P<if>\d{{1,6}}))?)?
            (?:(?P<ioff>[+-]\d{{2}}:\d{{2}}(?::\d{{2}})?)|(?P<iz>z))?(?![\d:]))
      | (?P<iso>(?<!\d)\d{{4}}-\d{{2}}-\d{{2}}(?!\d))
      | (?P<dotted>(?<!\d)\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}}|\d{{2}})(?![\d:]))
      | (?P<time>(?<!\d)(?P<th>\d{{1,2}})(?P<tsep>[:.h])(?P<tm>\d{{2}})
            (?::(?P<ts>\d{{2}})(?:\.(?P<tf>\d{{1,6}}))?)?
            (?:\s*(?P<tmer>{MERIDIEM}))?)
      | (?P<hmer>(?<!\d)(?P<hh>\d{{1,2}})\s*(?P<hm>{MERIDIEM}))
      | (?P<hword>(?<!\d)(?P<hw>\d{{1,2}})\s*
            (?:(?:ч|час|часа|часов|год|години|годину|heures|heure|h|uhr)(?!\w)\.?|时|点|點|बजे)
            (?:\s*(?P<hwm>\d{{1,2}})(?:\s*(?:мин|минут|минуты|минута|хв|хвилин|хвилини)(?!\w)\.?
                |(?!\s*[^\W\d_])))?)
      | (?P<ord>(?<!\d)(?P<od>\d{{1,2}})(?:st|nd|rd|th|-?(?:го|ого|е|й|я|ое|ше|ге|те|ме))(?!\w))
      | (?P<num>\d+)
      | (?P<word>[^\W\d_]+(?:'[^\W\d_]+)*)
      | (?P<dash>[–-])
      | (?P<slash>/)
      | (?P<punct>[,;:.()"«»!?])
    """
    return Lexicon(re.compile(pattern, re.VERBOSE), phrases)


def make_clock(
    text: str,
    raw: str,
    hour: int,
    minute: int = 0,
    second: int = 0,
    micro: int = 0,
    *,
    minutes_given: bool = False,
    meridiem: str | None = None,
    offset: timedelta | None = None,
) -> Clock:
    """A clock time as written in ``raw`` (a part of the phrase ``text``), checked.

    >>> make_clock("8 pm", "8 pm", 8, meridiem="pm").hour
    20
    """
    if meridiem is not None:
        if not 1 <= hour <= 12:
            raise TimeParseError(text, f"{raw!r} is not a time on the 12-hour clock")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 24 or minute > 59 or second > 59 or (hour == 24 and (minute or second or micro)):
        raise TimeParseError(text, f"{raw!r} is not a clock time")
    return Clock(
        hour=hour,
        minute=minute,
        second=second,
        micro=micro,
        minutes_given=minutes_given,
        meridiem=meridiem,
        offset=offset,
    )


def scan(
    text: str, conventions: Conventions = DEFAULT_CONVENTIONS, *, strict: bool = True
) -> list[Token]:
    """The words of ``text``: fillers dropped, hours joined to their words, nights to dates.

    Strictly (the default) a word outside time phrases is a :class:`TimeParseError`; with
    ``strict=False`` it comes back as a :attr:`Kind.OTHER` word.

    >>> [t.kind.name for t in scan("Сбиты 5 дронов в ночь на 31 октября", strict=False)]
    ['OTHER', 'NUM', 'OTHER', 'PART']
    """
    return _Scanner(text, conventions, strict=strict).tokens()


_OTHER = Token(kind=Kind.OTHER)
"""A word outside time phrases, before it is given its place in the text."""


def _meridiem(text: str | None) -> str | None:
    if not text:
        return None
    return "am" if text.startswith("a") else "pm"


def is_day(token: Token) -> bool:
    """Whether ``token`` may be a day of the month."""
    return token.kind is Kind.NUM and 1 <= token.value <= 31


def date_group(tokens: list[Token], i: int) -> tuple[PDate, int] | None:
    """A date at ``tokens[i]``: "31 октября [2025]", "Oct 31 [2025]", "2025-10-31" or "30".

    >>> date_group(scan("31 октября 2025"), 0)
    (PDate(day=31, month=10, year=2025, full=None, weekday=None), 3)
    """
    if i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind is Kind.DATE:
        return PDate(full=token.day), i + 1
    if token.kind is Kind.WEEKDAY:
        return PDate(weekday=token.value), i + 1
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    month: int | None = None
    if is_day(token) and nxt is not None and nxt.kind is Kind.MONTH:
        day, month, j = token.value, nxt.value, i + 2
    elif token.kind is Kind.MONTH and nxt is not None and is_day(nxt):
        day, month, j = nxt.value, token.value, i + 2
    elif is_day(token):
        day, j = token.value, i + 1
    else:
        return None
    if j < len(tokens) and tokens[j].kind is Kind.YEAR:
        return PDate(day=day, month=month, year=tokens[j].value), j + 1
    return PDate(day=day, month=month), j


@attrs.define
class _Scanner:
    """Scans one text; ``origin`` maps positions in the folded text back to it."""

    text: str
    conventions: Conventions
    strict: bool = True
    folded: str = ""
    origin: list[int] = attrs.Factory(list)

    def error(self, reason: str) -> TimeParseError:
        return TimeParseError(self.text, reason)

    def tokens(self) -> list[Token]:
        lex = lexicon(self.conventions)
        self.folded, self.origin = fold(self.text)
        folded = self.folded
        tokens: list[Token] = []
        pos = 0
        while pos < len(folded):
            match = lex.pattern.match(folded, pos)
            if match is None:
                if self.strict:
                    raise self.error(
                        f"{folded[pos]!r} at position {pos} is not part of a time phrase"
                    )
                tokens.append(self.spanned(Token(kind=Kind.OTHER), pos, pos + 1))
                pos += 1
                continue
            pos = match.end()
            try:
                found = self.token(match)
            except TimeParseError:
                if self.strict:
                    raise
                found = [Token(kind=Kind.OTHER)]  # "30 часов": not a time, in longer text
            tokens.extend(self.spanned(t, match.start(), match.end()) for t in found)
        return self.join_nights(self.join_hours(tokens))

    def spanned(self, token: Token, start: int, end: int) -> Token:
        """``token`` with its place in the text (and the text as written, if it has none)."""
        first, last = self.origin[start], self.origin[end - 1] + 1
        raw = token.raw or self.text[first:last]
        if token.kind is Kind.OTHER:  # most words of a longer text: built directly, for speed
            return Token(kind=Kind.OTHER, raw=raw, start=first, end=last)
        return attrs.evolve(token, raw=raw, start=first, end=last)

    def token(self, match: re.Match[str]) -> list[Token]:
        """The words ``match`` found: none for one that carries nothing."""
        if match.lastgroup == "isotime":
            return self.iso_date_time(match)
        found = self.one_token(match)
        return [] if found is None else [found]

    def one_token(self, match: re.Match[str]) -> Token | None:
        group = match.lastgroup
        raw = match[0]
        if group == "word":
            return self.word(raw)
        if group == "space":
            return _OTHER if not self.strict and "\n" in raw else None
        handler = _HANDLERS.get(group or "")
        if handler is not None:
            return handler(self, match, raw)
        if group == "phrase":
            found = lexicon(self.conventions).phrases[" ".join(raw.split())]
            if found is not None and found.kind is Kind.OTHER and self.strict:
                raise self.error(f"{raw!r} means 'at all times', not a time window")
            return None if found is None else attrs.evolve(found, raw=raw)
        if group == "ord":
            return Token(kind=Kind.NUM, raw=raw, value=int(match["od"]), ordinal=True)
        if group == "num":
            value = int(raw)
            kind = Kind.YEAR if len(raw) == 4 and 1000 <= value <= 2999 else Kind.NUM
            return Token(kind=kind, raw=raw, value=value)
        if group in ("dash", "slash"):
            return Token(kind=Kind.TO, raw=raw)
        if not self.strict and self.ends_a_sentence(match):
            return Token(kind=Kind.OTHER, raw=raw)
        return None  # punctuation and spaces

    def ends_a_sentence(self, match: re.Match[str]) -> bool:
        """Whether punctuation ends what a phrase can span: ``;!?()«»"``, or a full stop
        before a capital letter or the end ("г. Вооруженными"); a new line does too."""
        raw = match[0]
        if raw != ".":
            return raw != "," and raw != ":"
        rest = self.text[self.origin[match.end() - 1] + 1 :].lstrip()
        return not rest or rest[0].isupper()

    def word(self, raw: str) -> Token | None:
        known = WORDS.get(raw)
        if known is not None:
            return attrs.evolve(known, raw=raw)
        if raw in FILLERS:
            return None
        iana = _iana_names().get(raw)
        if iana is not None:
            return Token(kind=Kind.ZONE, raw=raw, zone=ZoneName(name=iana, zone=iana))
        if not self.strict:
            return _OTHER
        raise self.error(f"{raw!r} is not a word of time phrases this reader knows")

    def utc_offset_zone(self, match: re.Match[str], raw: str) -> Token:
        hours, minutes = int(match["uh"]), int(match["um"] or 0)
        if minutes or hours > 14:
            raise self.error(f"{raw!r}: only whole-hour offsets up to 14 hours name a zone")
        sign = match["usign"]
        zone = "UTC" if hours == 0 else f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"
        offset = timedelta(hours=hours) * (1 if sign == "+" else -1)
        return Token(kind=Kind.ZONE, raw=raw, zone=ZoneName(name=raw, zone=zone, offset=offset))

    def iana_zone(self, match: re.Match[str], raw: str) -> Token:
        name = _iana_names().get(raw)
        if name is None:
            if not self.strict:
                return Token(kind=Kind.OTHER, raw=raw)
            raise self.error(f"{raw!r} is not an IANA time zone")
        return Token(kind=Kind.ZONE, raw=raw, zone=ZoneName(name=name, zone=name))

    def iso_date(self, match: re.Match[str], raw: str) -> Token:
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            raise self.error(f"{raw!r} is not a date") from None
        return Token(kind=Kind.DATE, raw=raw, day=day)

    def dotted_date(self, match: re.Match[str], raw: str) -> Token:
        day, month, year = (int(x) for x in raw.split("."))
        if year < 100:
            raise self.error(f"{raw!r}: write the year in full (two-digit years are not read)")
        try:
            return Token(kind=Kind.DATE, raw=raw, day=date(year, month, day))
        except ValueError:
            raise self.error(f"{raw!r} is not a date") from None

    def iso_date_time(self, match: re.Match[str]) -> list[Token]:
        """``2014-10-26T01:30+04:00``: a date and a clock time, the offset settling a fold."""
        raw = match[0]
        offset = None
        if match["ioff"]:
            sign = -1 if match["ioff"][0] == "-" else 1
            parts = [int(x) for x in match["ioff"][1:].split(":")]
            offset = sign * timedelta(hours=parts[0], minutes=parts[1], seconds=sum(parts[2:]))
        clock = make_clock(
            self.text,
            raw,
            int(match["ih"]),
            int(match["im"]),
            int(match["is"] or 0),
            int((match["if"] or "0").ljust(6, "0")),
            minutes_given=True,
            offset=offset,
        )
        day = self.iso_date(match, match["idate"])
        found = [day, Token(kind=Kind.TIME, raw=raw, clock=clock)]
        if match["iz"]:  # "Z": the instant is in UTC
            found.append(Token(kind=Kind.ZONE, raw=raw, zone=ZoneName(name="Z", zone="UTC")))
        return found

    def clock_time(self, match: re.Match[str], raw: str) -> Token:
        """ "20:00", "20.00", "20h00"; "02.10" may also be a date (day and month), which the
        resolver reads it as when it follows a clock time ("с 23:00 02.10")."""
        first, second = int(match["th"]), int(match["tm"])
        day_month = None
        dotted = match["tsep"] == "." and not match["ts"] and not match["tmer"]
        if dotted and 1 <= first <= 31 and 1 <= second <= 12:
            day_month = (first, second)
        try:
            clock = make_clock(
                self.text,
                raw,
                first,
                second,
                int(match["ts"] or 0),
                int((match["tf"] or "0").ljust(6, "0")),
                minutes_given=True,
                meridiem=_meridiem(match["tmer"]),
            )
        except TimeParseError:
            if day_month is None:
                raise
            return Token(kind=Kind.TIME, raw=raw, day_month=day_month)
        return Token(kind=Kind.TIME, raw=raw, clock=clock, day_month=day_month)

    def hour_meridiem(self, match: re.Match[str], raw: str) -> Token:
        clock = make_clock(self.text, raw, int(match["hh"]), meridiem=_meridiem(match["hm"]))
        return Token(kind=Kind.TIME, raw=raw, clock=clock)

    def hour_word(self, match: re.Match[str], raw: str) -> Token:
        """ "20 ч", "5 часов", "5 часов 30 минут", "20 heures", "8 बजे"."""
        minutes = match["hwm"]
        clock = make_clock(
            self.text,
            raw,
            int(match["hw"]),
            int(minutes or 0),
            minutes_given=minutes is not None,
        )
        return Token(kind=Kind.TIME, raw=raw, clock=clock)

    def join_hours(self, tokens: list[Token]) -> list[Token]:
        """ "8 утра", "11 вечера", "2 ночи", "रात 8 बजे": an hour and a part-of-day word make a
        time, in the half of the day that falls within that part's hours.

        The word follows a bare number or a clock time; it may precede an hour written with its
        hour word ("रात 8 बजे", "night 8 o'clock"), but never a bare number ("утра 9 марта").
        """
        joined: list[Token] = []
        for token in tokens:
            before = joined[-1] if joined else None
            if before is None:
                joined.append(token)
                continue
            if token.hour_word:
                hour = None
                if before.kind is Kind.NUM and not before.ordinal:
                    hour = before.value
                elif before.kind is Kind.TIME and before.clock and before.clock.meridiem is None:
                    hour = before.clock.hour
                if hour is not None and 1 <= hour <= 12:
                    joined[-1] = self.hour_in_part(before, token, hour, before, token)
                    continue
            elif (
                before.hour_word
                and token.kind is Kind.TIME
                and token.clock is not None
                and token.clock.meridiem is None
                and not token.clock.minutes_given
                and 1 <= token.clock.hour <= 12
            ):
                joined[-1] = self.hour_in_part(token, before, token.clock.hour, before, token)
                continue
            joined.append(token)
        return joined

    def hour_in_part(
        self, number: Token, word: Token, hour: int, first: Token, last: Token
    ) -> Token:
        """The clock time ``hour`` (1-12, from ``number``) in the part of the day ``word``
        names; the new word spans ``first`` to ``last``."""
        part = self.conventions.find_part(word.label or "")
        if part is None:
            raise self.error(f"the conventions have no part of the day {word.label!r}")
        old = number.clock or Clock(hour=hour)
        raw = f"{first.raw} {last.raw}"
        hour = part.hour(hour)
        clock = make_clock(
            self.text,
            raw,
            hour,
            old.minute,
            old.second,
            old.micro,
            minutes_given=old.minutes_given,
            offset=old.offset,
        )
        clock = attrs.evolve(clock, meridiem="pm" if hour >= 12 else "am")
        return Token(kind=Kind.TIME, raw=raw, clock=clock, start=first.start, end=last.end)

    def join_nights(self, tokens: list[Token]) -> list[Token]:
        """A night word and the dates that name it become one word.

        "в ночь на 31 октября", "в ночь с 30 на 31 октября", "the night of October 30 to
        31", "overnight into Oct 31".
        """
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.night is not None and token.ends is None:
                joined = self.night_dates(tokens, i)
                if joined is not None:
                    night, i = joined
                    out.append(night)
                    continue
            out.append(token)
            i += 1
        return out

    def night_dates(self, tokens: list[Token], i: int) -> tuple[Token, int] | None:
        night = tokens[i]
        j = i + 1
        if j < len(tokens) and tokens[j].kind in (Kind.NA, Kind.TO):
            last = date_group(tokens, j + 1)
            if last is None:
                return None
            ends, k = last
            if ends.day_only:
                raise self.error("the night's date has no month")
            return self.spanned_night(night, night.raw, tokens[k - 1].end, ends=ends), k
        if j < len(tokens) and tokens[j].kind is Kind.FROM:
            j += 1
        first = date_group(tokens, j)
        if first is None or first[1] >= len(tokens):
            return None
        begins, k = first
        if tokens[k].kind not in (Kind.NA, Kind.TO):
            return None
        last = date_group(tokens, k + 1)
        if last is None:
            return None
        ends, m = last
        if ends.day_only:  # "30 to 31 October" has the month on the end; "October 30 to 31" not
            month, year = begins.month, begins.year
            if begins.full is not None:
                month, year = begins.full.month, begins.full.year
            if month is None:
                raise self.error("the night's dates have no month")
            ends = attrs.evolve(ends, month=month, year=ends.year if ends.year else year)
        raw = " ".join(t.raw for t in tokens[i:m])
        return self.spanned_night(night, raw, tokens[m - 1].end, ends=ends, begins=begins), m

    @staticmethod
    def spanned_night(
        night: Token, raw: str, end: int, *, ends: PDate, begins: PDate | None = None
    ) -> Token:
        return attrs.evolve(night, raw=raw, ends=ends, begins=begins, end=end)


_HANDLERS: dict[str, Callable[[_Scanner, re.Match[str], str], Token | None]] = {
    "utc": _Scanner.utc_offset_zone,
    "iana": _Scanner.iana_zone,
    "iso": _Scanner.iso_date,
    "dotted": _Scanner.dotted_date,
    "time": _Scanner.clock_time,
    "hmer": _Scanner.hour_meridiem,
    "hword": _Scanner.hour_word,
}
"""How each kind of match becomes a word (the rest are read in :meth:`_Scanner.one_token`)."""

_ANCHORS = frozenset(
    (Kind.TIME, Kind.DATE, Kind.MONTH, Kind.WEEKDAY, Kind.PART, Kind.DAY24, Kind.REL)
)
"""The words a time phrase needs at least one of (a number alone is not a time)."""
_OPENERS = frozenset((Kind.FROM, Kind.APPROX, Kind.REL))
"""Words that may begin a phrase though they say nothing of when on their own."""
_NOT_ALONE = frozenset((Rel.PAST, Rel.THIS))


def find_phrases(
    text: str, conventions: Conventions = DEFAULT_CONVENTIONS
) -> list[tuple[int, int]]:
    """Where ``text`` (a post, an article) holds time phrases: ``(start, end)`` spans.

    A phrase is a run of words of time phrases that no other word, sentence end or line
    break interrupts, trimmed of range words at its ends, and holding a clock time, a date, a
    month, a weekday, a part of the day, "сутки" or a relative day ("сегодня"). Each span reads
    with :meth:`TimeWindow.parse` (or tells why not).

    >>> text = "Сегодня около 07.50 мск сбиты 3 БПЛА. С 20.00 до 23.00 сбиты ещё 5."
    >>> [text[a:b] for a, b in find_phrases(text)]
    ['Сегодня около 07.50 мск', 'С 20.00 до 23.00']
    """
    tokens = scan(text, conventions, strict=False)
    spans: list[tuple[int, int]] = []
    run: list[Token] = []
    for token in [*tokens, Token(kind=Kind.OTHER)]:
        if token.kind is not Kind.OTHER:
            run.append(token)
            continue
        while run and run[0].kind not in _ANCHORS | _OPENERS and run[0].kind is not Kind.NUM:
            run.pop(0)
        while run and (
            run[-1].kind in (Kind.FROM, Kind.TO, Kind.NA, Kind.APPROX)
            or (run[-1].kind is Kind.NUM and run[-1].value > 31)  # a count, not a day
        ):
            run.pop()
        if len(run) == 2 and run[0].kind is Kind.FROM and run[1].kind is Kind.PART:
            run = []  # "С Днём ...!", a greeting, not "since the daytime"
        if any(
            t.kind in _ANCHORS and not (t.kind is Kind.REL and t.rel in _NOT_ALONE) for t in run
        ):
            spans.append((run[0].start, run[-1].end))
        run = []
    return spans
