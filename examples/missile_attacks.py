"""Launches and interceptions per month from the "Massive Missile Attacks on Ukraine" CSV.

A notebook-style script (run it whole, or cell by cell in an editor that knows ``# %%``):
it reads ``missile_attacks_daily.csv`` with :func:`conflict_events.formats.read`, says what
the reader could not represent, validates the reports, and plots the weapons launched and
destroyed per month:

    python examples/missile_attacks.py [OUTPUT.png [CSV]]

The chart goes to ``examples/output/missile_attacks_per_month.png`` (git-ignored) unless a
path is given. The CSV is looked for in the shared data folder beside the checkout
(``../shared/data/missile_attacks/``); when it is absent the script says so and exits 0.
Needs ``matplotlib`` (the ``plot`` extra).
"""

# %% Where the data is and where the chart goes
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import conflict_events as ce
from conflict_events import formats
from conflict_events.model import Outcome

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "missile_attacks" / "missile_attacks_daily.csv"
OUTPUT = HERE / "output" / "missile_attacks_per_month.png"

output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
data = Path(sys.argv[2]) if len(sys.argv) > 2 else DATA
if not data.is_file():
    print(f"The missile-attacks CSV is absent ({data}); nothing to read or plot.")
    sys.exit(0)

# %% Read: every row becomes a report, or a problem naming the row
imported = formats.read(data, format="missile-attacks")
reports = imported.reports()
print(f"read {data.name}: " + ", ".join(f"{k} {v}" for k, v in imported.counts.items()))
kinds = Counter(
    (p.field or "row", "kept" if p.represented else "row not represented")
    for p in imported.problems
)
print("problems by column:")
for (field, state), n in sorted(kinds.items(), key=lambda item: (-item[1], item[0])):
    print(f"  {field:<24} {n:>5}  ({state})")

# %% Validate: the findings by code, and the outcome errors in full
result = ce.validate(reports)
by_code = Counter(f.code for f in result)
print("findings by code: " + (", ".join(f"{c} {n}" for c, n in sorted(by_code.items())) or "none"))
for finding in result:
    if finding.code in ("CE211", "CE212"):
        print(f"  {finding.report}: {finding}")

# %% Launched and destroyed per month (Kyiv time of the attack's start)
launched: Counter[str] = Counter()
destroyed: Counter[str] = Counter()
for report in reports:
    launch = report.statements[0].claims[0]
    if launch.window is None:
        continue
    month = launch.window.local_start.strftime("%Y-%m")
    if launch.quantity is not None and launch.quantity.value is not None:
        launched[month] += int(launch.quantity.value)
    for part in launch.parts:
        if part.outcome is Outcome.DESTROYED and part.quantity and part.quantity.value is not None:
            destroyed[month] += int(part.quantity.value)
months = sorted(launched.keys() | destroyed.keys())
print(
    f"months: {months[0]} to {months[-1]} (the first and last may be partial); "
    f"launched {sum(launched.values())}, destroyed {sum(destroyed.values())}"
)
busiest = max(months, key=lambda m: launched[m])
print(f"busiest month: {busiest}, {launched[busiest]} launched, {destroyed[busiest]} destroyed")

# %% Plot
import matplotlib  # noqa: E402 - the plotting cell imports what it needs

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

fig, ax = plt.subplots(figsize=(12, 5))
x = range(len(months))
ax.bar([i - 0.2 for i in x], [launched[m] for m in months], width=0.4, label="launched")
ax.bar([i + 0.2 for i in x], [destroyed[m] for m in months], width=0.4, label="destroyed")
ticks = [i for i, m in enumerate(months) if m.endswith(("-01", "-04", "-07", "-10"))]
ax.set_xticks(ticks, [months[i] for i in ticks], rotation=45, ha="right")
ax.set_ylabel("missiles and drones")
ax.set_title("Launched and destroyed per month, by the Ukrainian Air Force's reports")
ax.legend()
fig.tight_layout()
output.parent.mkdir(parents=True, exist_ok=True)
fig.savefig(output, dpi=100)
print(f"chart written to {output}")
