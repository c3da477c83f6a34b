"""Keys for matching names as people write them.

A *key* is what is left of a name after the differences that do not change what it names
are removed: case, whitespace, hyphens and dashes, apostrophes and quotes, ``ё``/``е``,
common transliteration variants (Oryol/Orel, Iaroslavl/Yaroslavl, Riazan/Ryazan) and
Russian and Ukrainian case endings (Белгородская, Белгородской, Белгородскую all key to the
same stem). Two names match when their keys are equal; nothing here is fuzzy.

Region keys keep word boundaries (``"belgorod oblast"``); weapon keys drop them
(``"kh101"``), because designations are written with and without hyphens and spaces.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

__all__ = ["fold_place", "place_words", "region_key", "split_list", "tokens", "weapon_key"]

_QUOTES = "'\u2019\u02bc\u2018`\u00b4\u02b9\u2032\"\u00ab\u00bb\u201c\u201d\u201e\u201f\u2039\u203a"
_DELETE = str.maketrans("", "", _QUOTES)
# Not a word character; Indic vowel signs and viramas are marks, not letters, yet belong to words.
_NON_WORD = re.compile(r"(?:[^\w\u0900-\u0dff]|_)+")
# Latin letters whose marks carry a sound the romanisations spell with two letters (ž = zh).
_LATIN_LETTERS = str.maketrans(
    {
        "ž": "zh",
        "ż": "zh",
        "ź": "zh",
        "š": "sh",
        "ś": "sh",
        "č": "ch",
        "ć": "ch",
        "ł": "l",
        "ß": "ss",
    }
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Inflectional endings of Russian and Ukrainian adjectives and nouns, longest first. Stripping
# one of them, keeping at least three letters, maps the case forms bulletins use (nominative,
# genitive, dative, accusative, instrumental, prepositional; singular and plural) to one stem.
# fmt: off
_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        {
            # Russian adjectives
            "ая", "яя", "ой", "ей", "ую", "юю", "ою", "ею", "ый", "ий", "ое", "ее", "ого", "его",
            "ому", "ему", "ым", "им", "ом", "ем", "ые", "ие", "ых", "их", "ыми", "ими",
            # Russian nouns
            "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й", "ов", "ев", "ам", "ям", "ах", "ях",
            "ами", "ями", "ью", "ия", "ии", "ию", "ией", "ье", "ья", "ьи", "ьем",
            # Ukrainian
            "і", "ї", "є", "ої", "ій", "ім", "ів", "їв", "єю", "єм",
        },
        key=len,
        reverse=True,
    )
)
# fmt: on
_MIN_STEM = 3

# English generic words folded to the singular, so "Kaluga Regions" keys as "Kaluga Region".
_PLURALS = {
    "regions": "region",
    "oblasts": "oblast",
    "provinces": "province",
    "krais": "krai",
    "republics": "republic",
    "territories": "territory",
    "areas": "area",
    "drones": "drone",
    "uavs": "uav",
    "missiles": "missile",
    "rockets": "rocket",
    "systems": "system",
    "vehicles": "vehicle",
    "bombs": "bomb",
    "boats": "boat",
    "balloons": "balloon",
    "launchers": "launcher",
    "munitions": "munition",
}

# Words that may open a place phrase without being part of the name: "over the Sea of Azov",
# "над территорией Белгородской области", "акваторією Азовського моря".
# fmt: off
_REGION_LEAD = frozenset({
    "the", "over", "above", "in", "into", "across", "toward", "towards", "near", "at", "of",
    "waters", "airspace", "skies", "sky", "territory",
    "над", "на", "в", "во", "по", "под", "к", "у", "із", "из", "при", "до",
})
_REGION_LEAD_STEMS = (
    "территор", "територ", "акватор", "воздушн", "повітрян", "пространств", "простор",
)
# fmt: on

# Weapon phrases that mean "an uncrewed aerial vehicle", as token sequences after stemming.
_UAV_PHRASES: tuple[tuple[str, ...], ...] = (
    ("unmanned", "aerial", "vehicle"),
    ("unmanned", "air", "vehicle"),
    ("unmanned", "aircraft"),
    ("drone", "aircraft"),
    ("беспилотн", "летательн", "аппарат"),
    ("безпілотн", "літальн", "апарат"),
)
_UAV_WORDS = frozenset({"drone", "uav", "бпл", "бла", "дрон", "беспилотник", "безпілотник"})
# fmt: off
_WEAPON_STOP = frozenset({
    "the", "a", "an", "ukrainian", "russian", "iranian",
    "украинск", "российск", "українськ", "російськ", "иранск", "іранськ",
    # "Unknown UAV" is the UAV class: the type is not stated, which is what the class means.
    "unknown", "unidentified", "неизвестн", "невідом", "неустановлен", "невстановлен",
})
# Words that say what a weapon is for: dropped when a type is named ("Orlan-10
# reconnaissance drone"), kept when they are all there is ("reconnaissance UAV").
_WEAPON_ROLE = frozenset({
    "reconnaissance", "surveillance", "intercontinental",
    "разведывательн", "розвідувальн", "межконтинентальн", "міжконтинентальн",
})
_WEAPON_GENERIC = frozenset({
    "uav", "system", "complex", "missile", "rocket", "cruise", "ballistic", "hypersonic",
    "strike", "attack", "kamikaze", "munition", "loitering", "launcher", "air", "defence",
    "defense",
    "комплекс", "систем", "ракет", "ракетн", "крылат", "крилат", "баллистическ", "балістичн",
    "гиперзвуков", "гіперзвуков", "ударн", "камикадз", "барражирующ",
})
_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "e",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "y", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
})
# fmt: on
_DESIGNATION_KH = re.compile(r"(?<![a-z])(?:x|ch)(?=\d)")
# A Latin C before digits is the Cyrillic С written with a look-alike letter ("C-300").
_DESIGNATION_S = re.compile(r"(?<![a-z])c(?=\d)")
# Letters that look the same in Latin and Cyrillic, pair by pair.
_LOOKALIKE_LATIN = "AaBCcEeHIiKkMOoPpTXxYyJS"
_LOOKALIKE_CYRILLIC = "АаВСсЕеНІіКкМОоРрТХхУуЈЅ"
_TO_LATIN = str.maketrans(_LOOKALIKE_CYRILLIC, _LOOKALIKE_LATIN)
_TO_CYRILLIC = str.maketrans(_LOOKALIKE_LATIN, _LOOKALIKE_CYRILLIC)
_LETTERS = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile(r"[a-zA-Z]")
_LATIN_FINAL = re.compile(r"(?:iy|yy|ii|yi|ij)$")
# Spellings of one sound across English, German, French, Polish and Italian romanisations;
# at one position the longer spelling wins (tsch before sch, and sch before ch).
_PLACE_SPELLINGS = {
    "tsch": "ch", "tch": "ch", "sch": "sh", "cz": "ch", "sz": "sh", "w": "v",
    "ou": "u", "kh": "ch", "zh": "y", "ph": "f", "ck": "k",
}  # fmt: skip
_PLACE_SPELLING = re.compile("|".join(sorted(_PLACE_SPELLINGS, key=len, reverse=True)))
_DOUBLED = re.compile(r"(?<=[a-z])([sy])\1+")  # Odessa/Odesa, zhzh/jj; "Orell" stays a typo


def _strip_latin_marks(text: str) -> str:
    """Drop diacritics from Latin letters only (Cyrillic й, ї and Devanagari keep theirs)."""
    if text.isascii():
        return text
    out = []
    for ch in text.translate(_LATIN_LETTERS):
        if ch.isascii() or _CYRILLIC.match(ch):
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        if decomposed[0].isascii():
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
        else:
            out.append(ch)
    return "".join(out)


def _stem(token: str) -> str:
    for ending in _ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= _MIN_STEM:
            return token[: -len(ending)]
    return token


def _fold_latin(token: str) -> str:
    """One spelling for common romanisation variants: j/y, ia/ya, iu/yu, yo/e, final -iy/-yi."""
    t = token.replace("j", "y").replace("ia", "ya").replace("iu", "yu").replace("yo", "e")
    t = _LATIN_FINAL.sub("y", t)
    if t.startswith("ye"):
        t = "e" + t[2:]
    return t


def _folded(words: frozenset[str]) -> frozenset[str]:
    """The constant word lists, spelled as :func:`tokens` spells words (Latin ones folded)."""
    return frozenset(_fold_latin(w) if w.isascii() else w for w in words)


_REGION_LEAD = _folded(_REGION_LEAD)
_UAV_WORDS = _folded(_UAV_WORDS)
_WEAPON_STOP = _folded(_WEAPON_STOP)
_WEAPON_GENERIC = _folded(_WEAPON_GENERIC)
_WEAPON_ROLE = _folded(_WEAPON_ROLE)
_UAV_PHRASES = tuple(
    tuple(_fold_latin(w) if w.isascii() else w for w in phrase) for phrase in _UAV_PHRASES
)


def tokens(text: str) -> list[str]:
    """The normalised words of ``text``: folded, de-punctuated, stemmed, romanisation-folded.

    >>> tokens("Белгородской области")
    ['белгородск', 'област']
    >>> tokens("the Oryol  Regions")
    ['the', 'orel', 'region']
    """
    folded = unicodedata.normalize("NFC", text).casefold().replace("ё", "е").translate(_DELETE)
    words = _NON_WORD.sub(" ", _strip_latin_marks(folded)).split()
    out = []
    for word in words:
        word = _PLURALS.get(word, word)
        if any(c.isdigit() for c in word):
            out.append(word)
        elif _CYRILLIC.search(word):
            out.append(_stem(word))
        else:
            out.append(_fold_latin(word))
    return out


def _spelled(match: re.Match[str]) -> str:
    return _PLACE_SPELLINGS[match.group()]


def fold_place(word: str) -> str:
    """One spelling for a romanised place word, whichever language romanised it.

    German, French, Polish and Italian spell the sounds of Russian and Ukrainian names
    differently: sch/sh, tsch/tch/ch, w/v, ou/u, zh/j/y, ž/zh, kh/ch; a doubled s or y, a
    final -e after a consonant and a devoiced final -sh (German "Woronesch") fold too.
    Only ASCII words change; each rule is kept apart from unrelated places by the tests.

    >>> fold_place("woronesh") == fold_place("voroney") == fold_place("voronezh")
    True
    >>> fold_place("koursk"), fold_place("kursk"), fold_place("cherkassy")
    ('kursk', 'kursk', 'cherkasy')
    """
    if not word.isascii():
        return word
    word = _PLACE_SPELLING.sub(_spelled, word)
    if "ss" in word or "yy" in word:
        word = _DOUBLED.sub(r"\1", word)
    if len(word) > 4:
        if word.endswith("sh"):
            word = word[:-2] + "y"
        elif word[-1] == "e" and word[-2] not in "aeiouy":
            word = word[:-1]
    return word


@functools.lru_cache(maxsize=8192)
def place_words(text: str) -> tuple[str, ...]:
    """The words of a place name: :func:`tokens`, remembered for the names met most recently.

    >>> place_words("над Белгородской областью")
    ('над', 'белгородск', 'област')
    """
    return tuple(tokens(text))


@functools.lru_cache(maxsize=8192)
def region_key(text: str | tuple[str, ...]) -> str:
    """The key a place name (or its :func:`place_words`) is matched by; ``""`` when nothing is left.

    >>> region_key("над Белгородской областью") == region_key("Белгородская область")
    True
    >>> region_key("the Moscow Region"), region_key("Iaroslavl"), region_key("Oryol")
    ('moscov region', 'yaroslavl', 'orel')
    >>> region_key("Woronesch") == region_key("Voronej") == region_key("Voronezh")
    True
    """
    words = place_words(text) if isinstance(text, str) else text
    start = 0
    while start < len(words) and (
        words[start] in _REGION_LEAD or words[start].startswith(_REGION_LEAD_STEMS)
    ):
        start += 1
    return " ".join(fold_place(w) for w in words[start:])


def _replace_phrases(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase in _UAV_PHRASES:
            if tuple(words[i : i + len(phrase)]) == phrase:
                out.append("uav")
                i += len(phrase)
                break
        else:
            out.append("uav" if words[i] in _UAV_WORDS else words[i])
            i += 1
    return out


def _designation(word: str) -> str:
    if _CYRILLIC.search(word) and (len(word) <= 2 or any(c.isdigit() for c in word)):
        return word.translate(_TRANSLIT)
    return word


def _one_script(word: str) -> str:
    """A word typed in two scripts, in the one its letters fit ("Іskander", "Калiбр")."""
    if not (_CYRILLIC.search(word) and _LATIN_LETTER.search(word)):
        return word
    for table in (_TO_LATIN, _TO_CYRILLIC):
        mapped = word.translate(table)
        if not (_CYRILLIC.search(mapped) and _LATIN_LETTER.search(mapped)):
            return mapped
    return word


def weapon_key(text: str) -> str:
    """The key a weapon name is matched by; ``""`` when nothing is left.

    Designations match across scripts and punctuation, Latin letters that stand for their
    Cyrillic look-alikes ("X-101", "C-300") match the Cyrillic name, and generic words
    ("missile", "system", "drone") are ignored when something more specific is left.

    >>> weapon_key("X-101") == weapon_key("Х-101") == weapon_key("Kh 101 cruise missile")
    True
    >>> weapon_key("C-300") == weapon_key("С-300") == weapon_key("S-300")
    True
    >>> weapon_key("the 'Oreshnik' system"), weapon_key("Ukrainian drones")
    ('oreshnik', 'uav')
    >>> weapon_key("Unknown UAV"), weapon_key("reconnaissance drones")
    ('uav', 'reconnaissanceuav')
    """
    text = _LETTERS.sub(lambda m: _one_script(m.group()), text)
    words = [w for w in _replace_phrases(tokens(text)) if w not in _WEAPON_STOP]
    core = [w for w in words if w not in _WEAPON_GENERIC and w not in _WEAPON_ROLE]
    key = "".join(_designation(w) for w in (core or words))
    return _DESIGNATION_S.sub("s", _DESIGNATION_KH.sub("kh", key))


_LIST_SPLIT = re.compile(
    r"\s*(?:/|,|;|&|\+|\b(?:and|or)\b|(?<!\S)(?:и|или|та|або|і)(?!\S))\s*", re.IGNORECASE
)


def split_list(text: str) -> list[str]:
    """Split a combined name such as ``"X-101/X-555"`` or ``"Kh-59 and Kh-69"`` into its parts.

    >>> split_list("X-101/X-555")
    ['X-101', 'X-555']
    >>> split_list("БпЛА / дронів")
    ['БпЛА', 'дронів']
    """
    return [part for part in _LIST_SPLIT.split(text) if part and part.strip()]


def key_tail(names: Sequence[str]) -> str | None:
    """The generic plural that ends a written list ("Rostov, Saratov regions"), as a singular word.

    >>> key_tail(["Oryol", "Kaluga Regions"]), key_tail(["Kursk"])
    ('region', None)
    """
    if not names:
        return None
    words = unicodedata.normalize("NFC", names[-1]).casefold().split()
    if not words:
        return None
    last = words[-1]
    if last in ("regions", "oblasts", "provinces"):
        return _PLURALS[last]
    if last in ("областях", "областями", "областей", "областям"):
        return "область"
    return None
