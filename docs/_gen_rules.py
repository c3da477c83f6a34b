"""Write ``docs/rules.md``, the rule catalogue, from the rule registry.

    python docs/_gen_rules.py          # rewrite docs/rules.md
    python docs/_gen_rules.py --check  # exit 1 if docs/rules.md is out of date

The text comes from :func:`conflict_events.validation.catalogue_markdown`, which runs every
rule's example to show the finding it produces.
"""

from __future__ import annotations

import sys
from pathlib import Path

from conflict_events.validation import catalogue_markdown

TARGET = Path(__file__).resolve().with_name("rules.md")


def main(argv: list[str] | None = None) -> int:
    """Rewrite the catalogue, or with ``--check`` only say whether it is current."""
    args = sys.argv[1:] if argv is None else argv
    text = catalogue_markdown()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
    if "--check" in args:
        if current == text:
            return 0
        print(f"{TARGET} is out of date: run python docs/_gen_rules.py", file=sys.stderr)
        return 1
    if current != text:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
