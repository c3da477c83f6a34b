"""Reading an article that retells bulletins (placeholder until written)."""

from __future__ import annotations

from datetime import date, datetime

from conflict_events.model import Report

__all__ = ["read_article"]


def read_article(
    text: str, *, published: date | datetime, publisher: str | None = None, url: str | None = None
) -> Report:
    """Read an article."""
    raise NotImplementedError
