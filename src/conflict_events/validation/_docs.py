"""The rule catalogue as Markdown, generated from the registry (``docs/rules.md``)."""

from __future__ import annotations

from collections.abc import Iterable

from conflict_events.validation._engine import validate
from conflict_events.validation._registry import Example, Registry, Rule, registry

__all__ = ["FAMILIES", "catalogue_markdown"]

FAMILIES: dict[str, str] = {
    "CE1": "References",
    "CE2": "Breakdown arithmetic",
    "CE3": "Time",
    "CE4": "Geography",
    "CE5": "Weapons",
    "CE6": "Across statements",
}
"""The built-in families by code prefix."""

_SCOPES = {
    "claim": "each claim and nested part, with its parent",
    "statement": "each statement",
    "report": "each report",
    "dataset": "all the reports validated together",
}

_INTRO = """\
# Rule catalogue

<!-- Generated from the rule registry by docs/_gen_rules.py; do not edit by hand. -->

`conflict_events.validate(obj)` runs these rules over a claim, a statement, a report or several
reports validated together, and returns a `ValidationResult` of findings. Each finding has a
stable code, a severity, one sentence with the numbers, the path of what it concerns
(`statements[1].claims[0].parts[2]`) and the ids involved. Validation never raises on bad data.

- **error**: the values contradict each other; at least one of them is wrong.
- **warning**: probably wrong, or worth a person's look; counts as an error with `strict=True`.
- **info**: worth knowing (an unaccounted remainder, a disputed region).

Select or ignore rules by code or family prefix: `validate(report, select=["CE2"],
ignore=["CE203"])`. Register your own with the `@rule` decorator, under your own prefix.

Arithmetic is interval arithmetic on `Quantity` bounds: "does not add up" means the intervals
cannot meet. A part counts once, or `k` times when its distribution is `each` over `k` regions;
a part over several regions whose distribution is `unknown` is read both ways (one count for the
group, the count for each region), and the findings say which reading reconciles. Nested parts
are subsets of their parent part and never add to the parent's siblings.

Ids resolve against the report's own tables first, then the built-in catalogues.
"""


def _family(code: str) -> str:
    return FAMILIES.get(code[:3], "Other rules")


def _fired(r: Rule, example: Example) -> list[str]:
    result = validate(example.build(), select=[r.code], rules=Registry([r]))
    return [str(f) for f in result]


def catalogue_markdown(rules: Iterable[Rule] | None = None) -> str:
    """The catalogue of ``rules`` (the default registry's) as a Markdown document.

    Each rule's example is validated to show the finding it produces, so the document
    cannot drift from what the rules say.

    >>> text = catalogue_markdown()
    >>> text.startswith("# Rule catalogue") and "### CE201" in text
    True
    """
    chosen = sorted(registry if rules is None else rules, key=lambda r: r.code)
    lines = [_INTRO, "| code | severity | checks |", "| --- | --- | --- |"]
    lines += [f"| [{r.code}](#{r.code.lower()}) | {r.severity.value} | {r.doc} |" for r in chosen]
    family = None
    for r in chosen:
        if _family(r.code) != family:
            family = _family(r.code)
            prefix = r.code[:3] if family != "Other rules" else ""
            heading = f"{prefix}xx: {family}" if prefix else family
            lines += ["", f"## {heading}"]
        lines += ["", f"### {r.code}", ""]
        lines.append(f"**{r.severity.value}**, checked on {_SCOPES[r.scope.value]}.")
        lines += ["", r.doc]
        if r.example is not None:
            lines += ["", f"Example: {r.example.text}.", "", "```text"]
            lines += _fired(r, r.example) or ["(no finding)"]
            lines.append("```")
    return "\n".join(lines) + "\n"
