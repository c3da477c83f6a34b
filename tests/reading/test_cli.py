"""``conflict-events read``: posts in, statements out, findings and unread spans reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflict_events import Statement, iter_jsonl
from conflict_events.cli import main
from conflict_events.reading._cli import posted_at

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "bulletins.csv"


def test_the_example_posts_read_and_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "statements.jsonl"
    code = main(["read", str(EXAMPLE), "-o", str(out), "--validate"])
    printed, err = capsys.readouterr()
    statements = list(iter_jsonl(Statement, out))
    assert len(statements) == 6
    assert code == 1  # one example bulletin does not add up
    assert "CE201 error at claims[0]: the parts add up to 11 (5 + 4 + 2)" in printed
    assert "read 8 posts: air_defence_bulletin 6, digest 1, other 1; 0 unread spans" in err


def test_json_lines_posts_with_their_own_columns_and_offsets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = tmp_path / "posts.jsonl"
    rows = [
        {
            "body": "Средствами ПВО сбиты два БПЛА над Курской областью. Еще 5.",
            "at": "2025-05-04T08:30+03:00",
        },
        {"body": "Министр провел совещание.", "at": "2025-05-04T06:00Z"},
    ]
    posts.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", "utf-8")
    assert main(["read", str(posts), "--text", "body", "--posted", "at"]) == 0
    printed, err = capsys.readouterr()
    [statement] = [json.loads(line) for line in printed.splitlines()]
    assert statement["issued"]["start"] == "2025-05-04T08:30:00+03:00"
    assert "unread count '5'" in err
    assert main(["read", str(posts), "--text", "body", "--posted", "at", "--quiet"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("when,body\n2025-05-04 05:00,x\n", ".csv", "no column 'text'"),
        ("not json\n", ".jsonl", "not JSON"),
        ("[1, 2]\n", ".jsonl", "a JSON object per line"),
        ("text,posted\nx,yesterday\n", ".csv", "not a date and time"),
        ('{"text": 1, "posted": "2025-05-04"}\n', ".jsonl", "must be strings"),
    ],
)
def test_unreadable_posts_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, suffix: str, message: str
) -> None:
    path = tmp_path / f"posts{suffix}"
    path.write_text(content, "utf-8")
    assert main(["read", str(path)]) == 3
    assert message in capsys.readouterr().err


def test_a_missing_file_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", "/nonexistent/posts.csv"]) == 3
    assert "cannot read" in capsys.readouterr().err


def test_posted_times_are_utc_unless_they_say_otherwise() -> None:
    assert posted_at("2024-05-01 21:30").isoformat() == "2024-05-01T21:30:00+00:00"
    assert posted_at("2024-05-01T21:30:00Z").isoformat() == "2024-05-01T21:30:00+00:00"
    assert posted_at("2024-05-02T00:30+03:00").utcoffset().total_seconds() == 3 * 3600  # type: ignore[union-attr]
