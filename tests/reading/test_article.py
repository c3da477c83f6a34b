"""read_article: an English retelling of bulletins becomes one statement per bulletin retold."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from conflict_events import Claim, Report, read_article, validate

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = ROOT.parent / "shared" / "seed" / "report.txt"


def _shape(claim: Claim) -> tuple[object, ...]:
    return (
        claim.quantity.value if claim.quantity is not None else None,
        claim.regions,
        claim.distribution.value if claim.distribution else None,
        claim.coverage.value if claim.coverage else None,
        claim.share.value if claim.share else None,
        claim.region_count,
        claim.window,
        tuple(_shape(p) for p in claim.parts),
    )


ARTICLE = (
    "Russia's Defense Ministry said on Sunday that air defences had destroyed 20 Ukrainian "
    "drones overnight, according to TASS. Twelve were downed over Bryansk Oblast, five over "
    "Kursk and Oryol, and three more over the Moscow region.\n"
    "Earlier that day the ministry said six more drones were intercepted during the morning, "
    "including two over Belgorod Oblast."
)


def test_a_synthetic_article() -> None:
    report = read_article(ARTICLE, published=date(2025, 6, 1), publisher="Example News")
    first, second = report.statements
    [night] = first.claims
    assert (night.quantity.value, night.coverage.value) == (20, "complete")  # type: ignore[union-attr]
    assert [(p.quantity.value, p.regions, p.distribution) for p in night.parts] == [  # type: ignore[union-attr]
        (12, ("RU-BRY",), None),
        (5, ("RU-KRS", "RU-ORL"), pytest.approx(night.parts[1].distribution)),
        (3, ("RU-MOS",), None),
    ]
    assert night.parts[1].distribution.value == "unknown"  # type: ignore[union-attr]
    assert night.window is not None
    assert night.window.label == "overnight"
    assert first.source == "src:ru-mod"
    assert first.via == ("src:tass",)
    [evening] = second.claims
    assert (evening.quantity.value, evening.coverage.value) == (6, "partial")  # type: ignore[union-attr]
    assert evening.window is not None
    assert evening.window.label == "morning"
    assert second.issued is not None
    assert second.quote == "Earlier that day"
    assert report.publisher == "src:example-news"
    assert {s.id for s in report.sources} == {"src:ru-mod", "src:tass", "src:example-news"}
    for _, claim in report.claims():
        assert claim.span is not None
        assert ARTICLE[claim.span.start : claim.span.end] == claim.quote


def test_an_article_with_nothing_retold() -> None:
    report = read_article("Nothing happened.", published=date(2025, 6, 1))
    assert (report.statements, report.publisher) == ((), None)
    with pytest.raises(TypeError):
        read_article("text", published="2025-06-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        read_article(b"text", published=date(2025, 6, 1))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seed_pair() -> tuple[Report, Report]:
    if not SEED_TEXT.is_file():
        pytest.skip(f"{SEED_TEXT} is absent")
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import seed_report  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "examples"))
    text = SEED_TEXT.read_text(encoding="utf-8")
    read = read_article(text, published=date(2025, 10, 31), publisher="src:ksfo-news")
    return read, seed_report.build()


def test_the_seed_article_gives_the_hand_built_interception_claims(
    seed_pair: tuple[Report, Report],
) -> None:
    read, hand = seed_pair
    ours = [c for s in read.statements for c in s.claims]
    theirs = [c for s in hand.statements for c in s.claims if c.kind.value == "interception"]
    assert [_shape(c) for c in ours] == [_shape(c) for c in theirs]
    text = SEED_TEXT.read_text(encoding="utf-8")
    assert read.text_sha256 == hand.text_sha256
    for _, claim in read.claims():
        assert claim.span is not None
        assert text[claim.span.start : claim.span.end] == claim.quote


def test_the_seed_article_gets_the_hand_built_findings(seed_pair: tuple[Report, Report]) -> None:
    read, hand = seed_pair
    wanted = ("CE203", "CE206", "CE302")
    ours = {(f.code, f.message) for f in validate(read) if f.code in wanted}
    theirs = {(f.code, f.message) for f in validate(hand) if f.code in wanted}
    assert ours == theirs
    # the evening's conventional end may follow the bulletin: no CE302
    assert {code for code, _ in ours} == {"CE203", "CE206"}


def test_an_unnamed_speaker_each_and_a_phrase_the_reader_cannot_date() -> None:
    text = (
        "Officials said air defences shot down four drones, two each over Kursk and Bryansk. "
        "Later that day, according to the Russian Ministry of Defense, three drones were "
        "destroyed over Crimea."
    )
    report = read_article(text, published=date(2025, 6, 2))
    first, second = report.statements
    assert first.source == "src:unknown"
    [four] = first.claims
    parts = [(p.quantity.value, p.distribution.value) for p in four.parts]  # type: ignore[union-attr]
    assert parts == [(2, "each")]
    assert (second.source, second.via) == ("src:ru-mod", ())
    assert (second.issued, second.quote) == (None, "Later that day")
