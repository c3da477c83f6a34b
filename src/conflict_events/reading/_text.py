"""A working copy of a post: markup and look-alike letters out, offsets back to the original.

Telegram posts carry markdown (``**``, ``__``), links, emoji bullets, soft hyphens and Latin
letters typed inside Cyrillic words ("уничтоженo"). The reader matches on a lower-case working
copy in which those are removed or replaced one for one, and maps every span it finds back to
the original text, so ``text[span]`` is always what the post says.
"""

from __future__ import annotations

import re

import attrs

from conflict_events.model import Span

__all__ = ["Working", "working_copy"]

# Removed outright: markdown emphasis, soft hyphens, zero-width characters, emoji variation
# selectors, link targets "(https://...)" and the brackets of link texts.
_DROP = re.compile(
    r"(?=[*_\u00ad\u200b-\u200d\u2060\ufe0f\ufeff\[\]])(?:\*+|_{2,}|[\u00ad\u200b-\u200d\u2060\ufe0f\ufeff]|\]\(\s*(?:https?://|t\.me/)[^)\s]*\)?|\[)",
)
# Replaced one for one: spaces, dashes, quotes, apostrophes and the Cyrillic letters that
# read the same as others.
_SAME = str.maketrans(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\t": " ",
        "\r": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u2019": "'",
        "\u02bc": "'",
        "`": "'",
        "ё": "е",
        "Ё": "Е",
    }
)
_LATIN_TO_CYRILLIC = str.maketrans(
    "aceopxyABCEHKMOPTX",
    "асеорхуАВСЕНКМОРТХ",
)
_LOOKALIKE = frozenset("aceopxyABCEHKMOPTX")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_CYRILLIC = re.compile(r"[а-яА-ЯіїєґІЇЄҐ]")


@attrs.frozen
class Working:
    """The working copy of a text and, for each of its characters, the original index.

    >>> w = working_copy("**Сбитo 3**")
    >>> w.text, w.span(6, 7).of("**Сбитo 3**")
    ('сбито 3', '3')
    """

    original: str
    """The text as given."""
    text: str
    """The lower-case working copy."""
    cased: str
    """The working copy with its letters' case kept (names start with a capital)."""
    index: tuple[int, ...]
    """``index[i]`` is the position in ``original`` of working character ``i``."""

    def span(self, start: int, end: int) -> Span:
        """The span of the original text that working characters ``[start, end)`` come from."""
        return Span(start=self.index[start], end=self.index[end - 1] + 1)

    def cut(self, start: int, end: int) -> str:
        """The original text behind working characters ``[start, end)``."""
        return self.original[self.index[start] : self.index[end - 1] + 1]


def _fix_lookalikes(text: str) -> str:
    """Latin look-alike letters inside Cyrillic words, or alone between them, made Cyrillic."""
    chars: list[str] | None = None
    done = -1
    n = len(text)
    for run in _LATIN_RUN.finditer(text):
        if run.start() < done:
            continue
        start, end = run.start(), run.end()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < n and text[end].isalpha():
            end += 1
        done = end
        word = text[start:end]
        mixed = _CYRILLIC.search(word) is not None
        if not mixed and len(word) <= 2 and all(c in _LOOKALIKE for c in word):
            # "c применением", "C 21.00": a lone Latin letter in a Cyrillic sentence.
            before = text[max(0, start - 24) : start]
            after = text[end : end + 24]
            mixed = bool(_CYRILLIC.search(before) or _CYRILLIC.search(after))
        if mixed:
            if chars is None:
                chars = list(text)
            chars[start:end] = word.translate(_LATIN_TO_CYRILLIC)
    return text if chars is None else "".join(chars)


def working_copy(text: str) -> Working:
    """The working copy of ``text`` with its map back to the original.

    >>> w = working_copy("a **b** c")
    >>> w.text, w.index
    ('a b c', (0, 1, 4, 7, 8))
    """
    index: list[int] = []
    pieces: list[str] = []
    at = 0
    for m in _DROP.finditer(text):
        if m.start() > at:
            pieces.append(text[at : m.start()])
            index.extend(range(at, m.start()))
        at = m.end()
    if at < len(text):
        pieces.append(text[at:])
        index.extend(range(at, len(text)))
    cased = _fix_lookalikes("".join(pieces).translate(_SAME))
    lower = cased.lower()
    if len(lower) != len(cased):  # a letter whose lower case is longer: fold one by one
        lower = "".join(c.lower()[:1] or c for c in cased)
    return Working(original=text, text=lower, cased=cased, index=tuple(index))
