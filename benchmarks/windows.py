"""Time phrases in real posts: how many are found, read, and read wrong.

Reads the Russian Ministry of Defence's Telegram posts of 2023-2024
(``../shared/data/mod_russia/posts-2023-2024.csv``, post times in UTC, texts cut at 400
characters), finds the time phrases in each post with the phrase reader's own scanner
(``find_phrases``), reads each with :meth:`TimeWindow.parse` in Moscow time with the post's
instant as ``reference``, and prints:

- found / parsed / parsed wrong, where wrong means the window ends more than the tolerance
  (``Conventions.reference_tolerance``) after its post, or a clock time the window starts or
  ends at is not one the phrase writes, or the first clock time written is not where it starts;
- the phrases that do not parse, with the reader's reason, those cut by the 400-character
  snippet listed apart.

    python benchmarks/windows.py [--csv PATH] [--quiet]

Exits with status 1 when any phrase is read wrong.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from conflict_events import TimeParseError, TimeWindow
from conflict_events.errors import ConflictEventsError
from conflict_events.model._phrase.scan import find_phrases
from conflict_events.model.conventions import DEFAULT_CONVENTIONS

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "mod_russia"
POSTS = DATA / "posts-2023-2024.csv"
MOSCOW = "Europe/Moscow"
SNIPPET = 400
"""The length the posts are cut at."""

_CLOCK = re.compile(r"(?<![\d.])(\d{1,2})[.:h](\d{2})(?![\d]|\.\d)")
_HOUR = re.compile(
    r"(?<!\d)(\d{1,2})\s*(?:ч|час|часа|часов)(?!\w)\.?(?:\s*(\d{1,2})\s*мин)?", re.IGNORECASE
)
_STATED_YEAR = re.compile(
    r"(?<!\d)(?:19|20)\d\d(?!\d)|текущего года|этого года|т\.\s?г\.|с\.\s?г\.", re.IGNORECASE
)
"""A year the phrase writes: a window it dates after its post is an announcement, as written."""
_PART_HOUR = re.compile(
    r"(?<!\d)(\d{1,2})\s*(утра|ранку|ночи|ночі|дня|вечера|вечора)(?!\w)", re.IGNORECASE
)
"""An hour with its part of the day: "4 утра" (a.m.), "11 вечера" (p.m.)."""


@dataclass(frozen=True)
class Post:
    """One post: when it went out (UTC) and its text."""

    posted: datetime
    text: str


@dataclass
class Outcome:
    """One phrase and how it was read."""

    post: Post
    phrase: str
    cut: bool
    window: TimeWindow | None = None
    error: str | None = None
    wrong: str | None = None
    ahead: bool = False
    """Ends after its post on dates the phrase writes with their year: an announcement."""


def read_posts(path: Path = POSTS) -> Iterator[Post]:
    """The posts of the CSV, oldest first, with aware UTC post times."""
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            posted = datetime.strptime(row["datetime"], "%Y-%m-%d %H:%M").replace(
                tzinfo=timezone.utc
            )
            yield Post(posted=posted, text=row["text_snippet"])


def clocks_written(phrase: str) -> list[str]:
    """The clock times a phrase writes, as ``HH:MM`` (24:00 as 00:00), in order."""
    found = [(m.start(), int(m[1]), int(m[2])) for m in _CLOCK.finditer(phrase)]
    found += [(m.start(), int(m[1]), int(m[2] or 0)) for m in _HOUR.finditer(phrase)]
    for m in _PART_HOUR.finditer(phrase):
        hour, late = int(m[1]) % 12, m[2].casefold() in ("дня", "вечера", "вечора")
        found.append((m.start(), hour + 12 if late else hour, 0))
    return [f"{h % 24:02d}:{m:02d}" for _, h, m in sorted(found) if h <= 24 and m <= 59]


def ends_after(window: TimeWindow, post: Post) -> bool:
    """Whether the window ends later than its post, beyond the tolerance."""
    return window.end > post.posted + DEFAULT_CONVENTIONS.reference_tolerance


def check(window: TimeWindow, post: Post, phrase: str) -> str | None:
    """Why a window read from ``phrase`` in ``post`` is wrong, or ``None``."""
    if ends_after(window, post) and not _STATED_YEAR.search(phrase):
        return f"ends {window.end.isoformat()}, after the post at {post.posted.isoformat()}"
    written = clocks_written(phrase)
    if not written or window.precision.value not in ("minute", "hour"):
        return None
    start = f"{window.local_start.hour:02d}:{window.local_start.minute:02d}"
    end = f"{window.local_end.hour:02d}:{window.local_end.minute:02d}"
    if start != written[0] or end not in written:
        return f"clock {start}-{end} but the phrase writes {', '.join(written)}"
    return None


def read_phrases(posts: list[Post]) -> list[Outcome]:
    """Every phrase found in ``posts``, read against its post's instant."""
    outcomes = []
    for post in posts:
        for start, end in find_phrases(post.text):
            phrase = post.text[start:end]
            cut = end >= len(post.text) - 2 and len(post.text) >= SNIPPET - 5
            outcome = Outcome(post=post, phrase=phrase, cut=cut)
            try:
                outcome.window = TimeWindow.parse(phrase, tz=MOSCOW, reference=post.posted)
            except (TimeParseError, ConflictEventsError) as err:
                outcome.error = str(err)
            else:
                outcome.wrong = check(outcome.window, post, phrase)
                outcome.ahead = not outcome.wrong and ends_after(outcome.window, post)
            outcomes.append(outcome)
    return outcomes


@dataclass(frozen=True)
class Figures:
    """The phrases read, read wrong, not read, and the share read of those not cut."""

    parsed: list[Outcome]
    wrong: list[Outcome]
    failed: list[Outcome]
    cut: list[Outcome]
    readable: int
    share: float

    @classmethod
    def of(cls, outcomes: list[Outcome]) -> Figures:
        """The figures of ``outcomes``."""
        parsed = [o for o in outcomes if o.window is not None]
        failed = [o for o in outcomes if o.window is None]
        cut = [o for o in failed if o.cut]
        readable = len(outcomes) - len(cut)
        share = 100 * len(parsed) / readable if readable else 100.0
        wrong = [o for o in parsed if o.wrong]
        return cls(parsed, wrong, failed, cut, readable, share)


def family(phrase: str) -> str:
    """A rough kind of phrase, for the summary."""
    text = phrase.casefold()
    if re.search(r"\d[.:]\d\d.*(до|по|-|–)\s*\d", text):
        return "clock range"
    if re.search(r"\d[.:]\d\d|\d\s*час", text):
        return "clock instant"
    if re.search(r"(с|c)\s+\d+.*по\s+\d+", text):
        return "date range"
    if re.search(r"сут", text):
        return "сутки"
    if re.search(r"ноч|утр|вечер|дн[её]м|дня", text):
        return "part of day"
    return "date or day"


def main(argv: list[str] | None = None) -> int:
    """Read the posts and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=POSTS)
    parser.add_argument("--quiet", action="store_true", help="figures only, no phrase lists")
    args = parser.parse_args(argv)
    if not args.csv.exists():
        print(f"{args.csv} is absent: nothing to measure")
        return 0
    posts = list(read_posts(args.csv))
    outcomes = read_phrases(posts)
    f = Figures.of(outcomes)
    parsed, wrong, failed, cut = f.parsed, f.wrong, f.failed, f.cut
    readable, share = f.readable, f.share
    print(f"posts: {len(posts)}")
    print(f"window phrases found: {len(outcomes)}")
    print(f"parsed: {len(parsed)} ({share:.2f} % of the {readable} not cut by the snippet)")
    print(f"parsed wrong: {len(wrong)}")
    ahead = [o for o in parsed if o.ahead]
    print(f"ending after the post on dates written with their year (announcements): {len(ahead)}")
    print(f"not parsed: {len(failed)} (cut by the 400-character snippet: {len(cut)})")
    approximate = sum(1 for o in parsed if o.window is not None and o.window.approximate)
    print(f"approximate (a convention gave a bound, or 'около'): {approximate}")
    by_family = Counter(family(o.phrase) for o in outcomes)
    print("by kind: " + ", ".join(f"{k} {v}" for k, v in by_family.most_common()))
    if not args.quiet:
        groups = (
            ("wrong", wrong),
            ("announcements (dated after the post, with their year)", ahead),
            ("not parsed", [o for o in failed if not o.cut]),
            ("not parsed, cut by the snippet", cut),
        )
        for title, group in groups:
            if group:
                print(f"\n{title}:")
            for o in group:
                reason = o.wrong or o.error or f"{o.window}"
                print(f"  {o.post.posted:%Y-%m-%d %H:%M}  {o.phrase!r}: {reason}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
