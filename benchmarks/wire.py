"""Wire-format speed: conflict_events against pydantic v2 and msgspec on the same JSON Lines file.

Every library decodes the same file (one ``Statement`` per line, see ``_generate.py``) into
validated objects kept in a list, then encodes those objects back to a JSON Lines file. The
pydantic models and msgspec Structs below mirror this library's classes and per-object checks
(frozen; unknown keys rejected; no coercion; non-negative counts; ``low <= high``;
``start <= end``; a window's offsets must be its zone's at that instant; ids, region ids and
weapon slugs by pattern; no repeated ids), so all three do the same work. Every library runs at
its default settings: ``read_jsonl`` pauses the garbage collector during the load because that
is what the library does; ``list(iter_jsonl(...))`` is reported beside it with the collector on.

    python benchmarks/wire.py                 # 100,000 claims, 5 interleaved repetitions
    python benchmarks/wire.py --claims 20000 --reps 3
    python benchmarks/wire.py --profile       # cProfile of our decode and encode instead

Timings are medians; nothing here asserts on them. Sanity checks (not timed): every library
decodes the same number of statements and claims, our re-encoded file is byte-identical to the
input, and each library's re-encoded file decodes, with that library and with ours, to objects
equal to the ones it came from.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import io
import platform
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any

import msgspec
import pydantic
import pytz
from msgspec import Meta
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, model_validator

import conflict_events as ce
from _generate import DATA_DIR, DEFAULT_SEED, Dataset, ensure_dataset
from conflict_events import (
    ClaimKind,
    Counted,
    Coverage,
    Distribution,
    Modality,
    Precision,
    Qualifier,
    Share,
    StatementKind,
)

# -- checks shared by the pydantic and msgspec models -----------------------------------------

# The shapes this library checks (model/_checks.py, place.py, weapon.py), anchored for each
# regex engine: pydantic's Rust engine searches with ``^...$``; msgspec uses ``re.search``.
_ID = r"\S(?:.*\S)?"
_REGION = r"[A-Z]{2}|[A-Z]{2}-[A-Z0-9]{1,3}|[a-z][a-z0-9]*:[a-z0-9]+(?:[-_.][a-z0-9]+)*"
_SLUG = r"[a-z0-9]+(?:[-_.][a-z0-9]+)*"


def _rust(core: str) -> str:
    return rf"(?s)^(?:{core})$"


def _python(core: str) -> str:
    return rf"(?s)\A(?:{core})\Z"


_COUNT = "count"
_BOUNDED = (Qualifier.ABOUT, Qualifier.BETWEEN, Qualifier.UNKNOWN)


def _quantity_problem(
    value: float | None, low: float | None, high: float | None, qual: Qualifier, unit: str
) -> str | None:
    """The first broken rule of a quantity, as ``Quantity`` checks them; ``None`` when valid."""
    if unit == _COUNT:
        for v in (value, low, high):
            if v is not None and type(v) is not int:
                return f"a count is an integer, got {v!r}"
    if qual is Qualifier.UNKNOWN:
        if value is not None:
            return "an unknown quantity has no value"
    elif qual is Qualifier.BETWEEN:
        if low is None or high is None:
            return "a 'between' quantity needs both low and high"
    elif value is None:
        return f"a quantity qualified {qual.value!r} needs a value"
    if qual not in _BOUNDED and (low is not None or high is not None):
        return f"a quantity qualified {qual.value!r} takes no low/high bounds"
    if low is not None and high is not None and low > high:
        return f"low ({low!r}) is greater than high ({high!r})"
    if value is not None:
        if low is not None and value < low:
            return f"value ({value!r}) is below low ({low!r})"
        if high is not None and value > high:
            return f"value ({value!r}) is above high ({high!r})"
        if qual is Qualifier.LESS_THAN and value == 0:
            return "nothing is less than 0"
    return None


class _Zones:
    """Zone names and offsets from pytz, cached as this library caches them (model/_zones.py).

    Each model family gets its own instance, so no library warms another's cache.
    """

    def __init__(self) -> None:
        self.names = frozenset(pytz.all_timezones)
        self.offset = functools.lru_cache(maxsize=8192)(self._offset)

    @staticmethod
    def _offset(name: str, instant: datetime) -> object:
        # Through UTC, as model/_zones.py does it.
        return instant.astimezone(timezone.utc).astimezone(pytz.timezone(name)).utcoffset()

    def problem(self, start: datetime, end: datetime, tz: str) -> str | None:
        if tz not in self.names:
            return f"unknown IANA time zone {tz!r}"
        if start > end:
            return f"start {start.isoformat()} is after end {end.isoformat()}"
        for value in (start, end):
            if value.utcoffset() != self.offset(tz, value):
                return f"offset of {value.isoformat()} is not the offset of {tz} at that instant"
        return None


def _repeated(values: tuple[str, ...]) -> bool:
    return len(values) > 1 and len(set(values)) != len(values)


# -- pydantic v2 ------------------------------------------------------------------------------

_PYDANTIC_ZONES = _Zones()

PId = Annotated[str, StringConstraints(pattern=_rust(_ID))]
PRegion = Annotated[str, StringConstraints(pattern=_rust(_REGION))]
PSlug = Annotated[str, StringConstraints(pattern=_rust(_SLUG))]
PText = Annotated[str, StringConstraints(min_length=1)]
PNumber = Annotated[int, Field(ge=0)] | Annotated[float, Field(ge=0, allow_inf_nan=False)]


class _Pydantic(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class PydSpan(_Pydantic):
    """``Span``."""

    start: Annotated[int, Field(ge=0)]
    end: int

    @model_validator(mode="after")
    def _check(self) -> PydSpan:
        if not self.start < self.end:
            raise ValueError(f"expected 0 <= start < end, got {self.start}, {self.end}")
        return self


class PydQuantity(_Pydantic):
    """``Quantity``."""

    value: PNumber | None = None
    low: PNumber | None = None
    high: PNumber | None = None
    qualifier: Qualifier = Qualifier.EXACT
    unit: PId = _COUNT

    @model_validator(mode="after")
    def _check(self) -> PydQuantity:
        problem = _quantity_problem(self.value, self.low, self.high, self.qualifier, self.unit)
        if problem:
            raise ValueError(problem)
        return self


class PydTimeWindow(_Pydantic):
    """``TimeWindow``."""

    start: AwareDatetime
    end: AwareDatetime
    tz: str
    precision: Precision = Precision.MINUTE
    label: PText | None = None
    text: PText | None = None
    approximate: bool = False

    @model_validator(mode="after")
    def _check(self) -> PydTimeWindow:
        problem = _PYDANTIC_ZONES.problem(self.start, self.end, self.tz)
        if problem:
            raise ValueError(problem)
        return self


class PydClaim(_Pydantic):
    """``Claim``."""

    id: PId
    kind: ClaimKind
    modality: Modality = Modality.ASSERTED
    quantity: PydQuantity | None = None
    counted: Counted | None = None
    weapons: tuple[PSlug, ...] = ()
    actor: PText | None = None
    target_party: PText | None = None
    regions: tuple[PRegion, ...] = ()
    distribution: Distribution | None = None
    window: PydTimeWindow | None = None
    parts: tuple[PydClaim, ...] = ()
    coverage: Coverage | None = None
    share: Share | None = None
    region_count: Annotated[int, Field(ge=1)] | None = None
    quote: PText | None = None
    span: PydSpan | None = None
    credibility: Annotated[int, Field(ge=1, le=6)] | None = None
    note: PText | None = None

    @model_validator(mode="after")
    def _check(self) -> PydClaim:
        if _repeated(self.regions):
            raise ValueError(f"a region is named twice in {list(self.regions)!r}")
        if _repeated(self.weapons):
            raise ValueError(f"a weapon is named twice in {list(self.weapons)!r}")
        return self


class PydStatement(_Pydantic):
    """``Statement``."""

    id: PId
    source: PId
    kind: StatementKind
    issued: PydTimeWindow | None = None
    claims: tuple[PydClaim, ...] = ()
    about: tuple[PId, ...] = ()
    via: tuple[PId, ...] = ()
    responds_to: PText | None = None
    retells: PText | None = None
    summary: PText | None = None
    language: PText | None = None
    url: PText | None = None
    quote: PText | None = None
    span: PydSpan | None = None

    @model_validator(mode="after")
    def _check(self) -> PydStatement:
        if _repeated(self.about) or _repeated(self.via):
            raise ValueError("expected distinct ids in about and via")
        return self


# -- msgspec ------------------------------------------------------------------------------

_MSGSPEC_ZONES = _Zones()

MId = Annotated[str, Meta(pattern=_python(_ID))]
MRegion = Annotated[str, Meta(pattern=_python(_REGION))]
MSlug = Annotated[str, Meta(pattern=_python(_SLUG))]
MText = Annotated[str, Meta(min_length=1)]
MNumber = Annotated[int, Meta(ge=0)] | Annotated[float, Meta(ge=0)]
MAware = Annotated[datetime, Meta(tz=True)]


class MsgSpan(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """``Span``."""

    start: Annotated[int, Meta(ge=0)]
    end: int

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError(f"expected 0 <= start < end, got {self.start}, {self.end}")


class MsgQuantity(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """``Quantity``."""

    value: MNumber | None = None
    low: MNumber | None = None
    high: MNumber | None = None
    qualifier: Qualifier = Qualifier.EXACT
    unit: MId = _COUNT

    def __post_init__(self) -> None:
        problem = _quantity_problem(self.value, self.low, self.high, self.qualifier, self.unit)
        if problem:
            raise ValueError(problem)


class MsgTimeWindow(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """``TimeWindow``."""

    start: MAware
    end: MAware
    tz: str
    precision: Precision = Precision.MINUTE
    label: MText | None = None
    text: MText | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        problem = _MSGSPEC_ZONES.problem(self.start, self.end, self.tz)
        if problem:
            raise ValueError(problem)


class MsgClaim(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """``Claim``."""

    id: MId
    kind: ClaimKind
    modality: Modality = Modality.ASSERTED
    quantity: MsgQuantity | None = None
    counted: Counted | None = None
    weapons: tuple[MSlug, ...] = ()
    actor: MText | None = None
    target_party: MText | None = None
    regions: tuple[MRegion, ...] = ()
    distribution: Distribution | None = None
    window: MsgTimeWindow | None = None
    parts: tuple[MsgClaim, ...] = ()
    coverage: Coverage | None = None
    share: Share | None = None
    region_count: Annotated[int, Meta(ge=1)] | None = None
    quote: MText | None = None
    span: MsgSpan | None = None
    credibility: Annotated[int, Meta(ge=1, le=6)] | None = None
    note: MText | None = None

    def __post_init__(self) -> None:
        if _repeated(self.regions):
            raise ValueError(f"a region is named twice in {list(self.regions)!r}")
        if _repeated(self.weapons):
            raise ValueError(f"a weapon is named twice in {list(self.weapons)!r}")


class MsgStatement(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """``Statement``."""

    id: MId
    source: MId
    kind: StatementKind
    issued: MsgTimeWindow | None = None
    claims: tuple[MsgClaim, ...] = ()
    about: tuple[MId, ...] = ()
    via: tuple[MId, ...] = ()
    responds_to: MText | None = None
    retells: MText | None = None
    summary: MText | None = None
    language: MText | None = None
    url: MText | None = None
    quote: MText | None = None
    span: MsgSpan | None = None

    def __post_init__(self) -> None:
        if _repeated(self.about) or _repeated(self.via):
            raise ValueError("expected distinct ids in about and via")


# -- the work each library does -------------------------------------------------------------


def _ours_read(path: Path) -> list[Any]:
    return ce.read_jsonl(ce.Statement, path)


def _ours_iter(path: Path) -> list[Any]:
    return list(ce.iter_jsonl(ce.Statement, path))


def _ours_write(objs: Sequence[Any], path: Path) -> None:
    ce.write_jsonl(objs, path)


def _pydantic_read(path: Path) -> list[Any]:
    validate = PydStatement.model_validate_json
    with path.open("rb") as fh:
        return [validate(line) for line in fh]


def _pydantic_write(objs: Sequence[Any], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        write = fh.write
        for obj in objs:
            write(obj.model_dump_json())
            write("\n")


def _msgspec_read(path: Path) -> list[Any]:
    decode = msgspec.json.Decoder(MsgStatement).decode
    with path.open("rb") as fh:
        return [decode(line) for line in fh]


def _msgspec_write(objs: Sequence[Any], path: Path) -> None:
    encode = msgspec.json.Encoder().encode
    with path.open("wb") as fh:
        write = fh.write
        for obj in objs:
            write(encode(obj))
            write(b"\n")


@dataclass
class Case:
    """One library's decode (and encode) and the times measured for it."""

    name: str
    decode: Callable[[Path], list[Any]]
    encode: Callable[[Sequence[Any], Path], None] | None
    out: str
    decode_times: list[float] = field(default_factory=list)
    encode_times: list[float] = field(default_factory=list)
    encoded_bytes: int | None = None


OURS = "conflict_events"
PYDANTIC = "pydantic"
MSGSPEC = "msgspec"


def _cases() -> list[Case]:
    return [
        Case(f"{OURS} read_jsonl / write_jsonl", _ours_read, _ours_write, "ours"),
        Case(f"{OURS} list(iter_jsonl), GC on", _ours_iter, None, "ours-iter"),
        Case(
            f"{PYDANTIC} model_validate_json / model_dump_json",
            _pydantic_read,
            _pydantic_write,
            "pydantic",
        ),
        Case(f"{MSGSPEC} Decoder / Encoder", _msgspec_read, _msgspec_write, "msgspec"),
    ]


def count_claims(statements: Iterable[Any]) -> int:
    """Claims in statements of any of the three libraries, nested parts included."""
    total = 0
    stack = [c for s in statements for c in s.claims]
    while stack:
        claim = stack.pop()
        total += 1
        stack.extend(claim.parts)
    return total


def _timed(fn: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    """Seconds ``fn(*args)`` took, from a freshly collected heap, and its result."""
    gc.collect()
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def _note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- sanity -----------------------------------------------------------------------------------


def _sanity(cases: list[Case], dataset: Dataset, workdir: Path) -> list[str]:
    """One untimed pass of every case (it also warms caches); the problems found."""
    problems: list[str] = []
    ours = _ours_read(dataset.path)
    for case in cases:
        objs = case.decode(dataset.path)
        statements, claims = len(objs), count_claims(objs)
        if (statements, claims) != (dataset.statements, dataset.claims):
            problems.append(
                f"{case.name} decoded {statements} statements and {claims} claims; "
                f"the file holds {dataset.statements} and {dataset.claims}"
            )
        if case.encode is None:
            if objs != ours:
                problems.append(f"{case.name} decoded objects unlike read_jsonl's")
            continue
        out = workdir / f"{case.out}.jsonl"
        case.encode(objs, out)
        case.encoded_bytes = out.stat().st_size
        if case.decode is _ours_read:
            if out.read_bytes() != dataset.path.read_bytes():
                problems.append(
                    f"{case.name}: re-encoded file differs from the input (if the wire format "
                    f"changed, delete {dataset.path} to regenerate it)"
                )
            continue
        if case.decode(out) != objs:
            problems.append(f"{case.name}: re-encoded file does not decode to the same objects")
        if _ours_read(out) != ours:
            problems.append(f"{case.name}: re-encoded file read by {OURS} differs from the input")
        del objs
    return problems


# -- measuring and reporting ------------------------------------------------------------------


def _measure(cases: list[Case], path: Path, reps: int, workdir: Path) -> None:
    for rep in range(reps):
        shift = rep % len(cases)
        for case in cases[shift:] + cases[:shift]:
            seconds, objs = _timed(case.decode, path)
            case.decode_times.append(seconds)
            line = f"rep {rep + 1}/{reps} {case.name}: decode {seconds:.2f} s"
            if case.encode is not None:
                seconds, _ = _timed(case.encode, objs, workdir / f"{case.out}.jsonl")
                case.encode_times.append(seconds)
                line += f", encode {seconds:.2f} s"
            del objs
            _note(line)


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def _ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or b is None else f"{a / b:.2f}"


def _rate(claims: int, seconds: float | None) -> str:
    return "—" if seconds is None else f"{claims / seconds:,.0f}"


def _spread(times: list[float]) -> str:
    if not times:
        return "—"
    return f"{statistics.median(times):.2f} ({min(times):.2f}–{max(times):.2f})"


def _report(cases: list[Case], dataset: Dataset, reps: int) -> None:
    def median(times: list[float]) -> float | None:
        return statistics.median(times) if times else None

    by_out = {c.out: c for c in cases}
    pyd, msg = by_out["pydantic"], by_out["msgspec"]
    pd_dec, ms_dec = median(pyd.decode_times), median(msg.decode_times)
    pd_enc, ms_enc = median(pyd.encode_times), median(msg.encode_times)
    size = dataset.path.stat().st_size
    print(
        f"\n{dataset.statements:,} statements, {dataset.claims:,} claims (nested parts counted), "
        f"{size / 1e6:.1f} MB of JSON Lines; seed {dataset.seed}; median of {reps} interleaved "
        "repetitions; time ratios below 1 mean faster than the reference.\n"
    )
    print(
        "| library | decode claims/s | encode claims/s | decode time vs pydantic "
        "| decode time vs msgspec | encode time vs pydantic | encode time vs msgspec |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for case in cases:
        dec, enc = median(case.decode_times), median(case.encode_times)
        print(
            f"| {case.name} | {_rate(dataset.claims, dec)} | {_rate(dataset.claims, enc)} "
            f"| {_ratio(dec, pd_dec)} | {_ratio(dec, ms_dec)} "
            f"| {_ratio(enc, pd_enc)} | {_ratio(enc, ms_enc)} |"
        )
    print("\nSeconds, median (min–max), and the size of the file each library wrote:\n")
    print("| library | decode s | encode s | encoded MB |")
    print("| --- | ---: | ---: | ---: |")
    for case in cases:
        written = "—" if case.encoded_bytes is None else f"{case.encoded_bytes / 1e6:.1f}"
        print(
            f"| {case.name} | {_spread(case.decode_times)} | {_spread(case.encode_times)} "
            f"| {written} |"
        )
    print(
        f"\nPython {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.machine()}; conflict_events {ce.__version__}, attrs {_version('attrs')}, "
        f"cattrs {_version('cattrs')}, pydantic {pydantic.VERSION} "
        f"(pydantic-core {_version('pydantic-core')}), msgspec {msgspec.__version__}, "
        f"pytz {_version('pytz')}."
    )


def _profile_one(title: str, run: Callable[[], object], top: int) -> None:
    profiler = cProfile.Profile()
    gc.collect()
    profiler.enable()
    run()
    profiler.disable()
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats("tottime").print_stats(top)
    print(f"\n## cProfile, {title}, top {top} by tottime\n")
    print(stream.getvalue().strip())


def _profile(path: Path, workdir: Path, top: int) -> None:
    objs = _ours_read(path)  # warms the caches that the timed runs find warm
    _profile_one("decode: read_jsonl(Statement, path)", lambda: _ours_read(path), top)
    out = workdir / "profile.jsonl"
    _profile_one("encode: write_jsonl(statements, path)", lambda: _ours_write(objs, out), top)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000, help="about this many claims")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--reps", type=int, default=5, help="interleaved repetitions")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="instead of timing, profile our decode and encode and print the top functions",
    )
    parser.add_argument("--top", type=int, default=15, help="functions shown by --profile")
    args = parser.parse_args(argv)

    _note(f"data: {args.claims} claims, seed {args.seed} ...")
    dataset = ensure_dataset(args.claims, args.seed)
    _note(f"data: {dataset.path} ({dataset.statements} statements, {dataset.claims} claims)")
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="wire-", dir=DATA_DIR))
    try:
        if args.profile:
            _profile(dataset.path, workdir, args.top)
            return 0
        cases = _cases()
        _note("sanity checks (untimed, also a warm-up) ...")
        problems = _sanity(cases, dataset, workdir)
        for problem in problems:
            _note(f"SANITY CHECK FAILED: {problem}")
        if problems:
            return 1
        _measure(cases, dataset.path, args.reps, workdir)
        _report(cases, dataset, args.reps)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
