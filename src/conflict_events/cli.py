"""The command line: ``conflict-events`` (or ``python -m conflict_events``).

Exit codes: 0 clean; 1 findings at or above the failing severity; 2 usage error;
3 unreadable input. The report goes to stdout; progress and logs go to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from conflict_events import Severity, model
from conflict_events.errors import LookupFailed, StructureError
from conflict_events.formats._cli import add_import_command, run_import
from conflict_events.formats._export import add_export_command, run_export
from conflict_events.formats._output import atomic_text
from conflict_events.reading._cli import add_read_parser, run_read
from conflict_events.serialize import (
    JsonLinesReader,
    dumps,
    from_dict,
    iter_jsonl,
    json_schema,
    to_dict,
    write_jsonl,
)
from conflict_events.serialize._json import parse_json
from conflict_events.serialize._tables import claims_from_records, read_csv, to_records, write_csv

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
TYPES: dict[str, type] = {cls.__name__: cls for cls in model.MODEL_CLASSES}
SEVERITIES = tuple(s.value for s in Severity)
"""The severities by their wire values, the gravest first."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exit code for usage errors is 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="conflict-events",
        description="Validate, convert and describe conflict-event reports.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    v = sub.add_parser("validate", help="check reports for consistency")
    v.add_argument("files", nargs="+", help="JSON reports (.json) or JSON Lines (.jsonl)")
    v.add_argument("--type", choices=("Report", "Statement", "Claim"), default="Report")
    v.add_argument("--format", choices=("text", "json", "github"), default="text")
    v.add_argument("--select", action="append", default=[], help="codes or families, e.g. CE2")
    v.add_argument("--ignore", action="append", default=[], help="codes or families to skip")
    v.add_argument("--strict", action="store_true", help="warnings count as errors")
    v.add_argument(
        "--fail-on", choices=SEVERITIES, default="error", help="lowest severity that fails"
    )
    v.add_argument("--max-findings", type=int, default=None, help="stop listing after N")
    v.add_argument("--quiet", action="store_true", help="no progress on stderr")

    s = sub.add_parser("schema", help="print the JSON Schema of a type")
    s.add_argument("type", nargs="?", default="Report", choices=sorted(TYPES))

    c = sub.add_parser("convert", help="convert between JSON, JSON Lines and a CSV of claims")
    c.add_argument("input", help="input file, or - for stdin")
    c.add_argument("output", help="output file, or - for stdout")
    c.add_argument("--type", choices=("Report", "Statement", "Claim"), default="Report")
    c.add_argument("--from", dest="src", choices=("json", "jsonl", "csv"), default=None)
    c.add_argument("--to", dest="dst", choices=("json", "jsonl", "csv"), default=None)
    c.add_argument(
        "--per", choices=("claim", "claim_region"), default="claim", help="CSV rows per ..."
    )
    add_read_parser(sub)
    add_import_command(sub.add_parser)
    add_export_command(sub.add_parser)
    return parser


def _split(values: Sequence[str]) -> list[str] | None:
    codes = [c.strip() for v in values for c in v.split(",") if c.strip()]
    return codes or None


def _format_of(path: str, given: str | None) -> str:
    if given:
        return given
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    return "json"


class Unreadable(Exception):
    """An input file cannot be read at all."""


@contextlib.contextmanager
def _open_input(path: str, *, newline: str | None = None) -> Iterator[IO[str]]:
    """Standard input for ``-``, else the file, opened as UTF-8 text."""
    if path == "-":
        yield sys.stdin
        return
    try:
        handle = Path(path).open(  # noqa: SIM115 - closed below
            encoding="utf-8", errors="surrogateescape", newline=newline
        )
    except OSError as exc:
        raise Unreadable(f"{path}: cannot read: {exc}") from None
    with handle:
        yield handle


def _read_text(path: str) -> str:
    try:
        if path == "-":
            return sys.stdin.read()
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable(f"{path}: cannot read: {exc}") from None


def _load_all(path: str, fmt: str, cls: type) -> tuple[list[Any], list[tuple[str, StructureError]]]:
    """Every object in a file, and the errors of the parts that could not be loaded."""
    errors: list[tuple[str, StructureError]] = []
    if fmt == "csv":
        with _open_input(path, newline="") as handle:
            return claims_from_records(read_csv(handle)), errors
    if fmt == "jsonl":
        with _open_input(path) as handle:
            reader: JsonLinesReader[Any] = iter_jsonl(cls, handle, on_error="collect")
            objs = list(reader)
        errors = [(f"{path}:{e.line}", e) for e in reader.errors]
        return objs, errors
    text = _read_text(path)
    try:
        data = parse_json(text)  # strict: duplicate keys, NaN and runaway nesting refused
    except StructureError as exc:
        raise Unreadable(f"{path}: not JSON: {exc.problems[0].message}") from None
    if isinstance(data, list):
        objs = []
        for i, item in enumerate(data):
            try:
                objs.append(from_dict(cls, item))
            except StructureError as exc:
                errors.append((f"{path}[{i}]", exc))
        return objs, errors
    try:
        return [from_dict(cls, data)], errors
    except StructureError as exc:
        return [], [(path, exc)]


# -- validate ---------------------------------------------------------------------------------


Location = tuple[str, "int | None"]


def _stream(
    paths: Sequence[str],
    cls: type,
    load_errors: list[tuple[Location, StructureError]],
    where: dict[str, Location],
    progress: bool,
) -> Iterator[Any]:
    """Objects from every file, one at a time; load errors are recorded, not raised.

    ``where`` maps each object's id to the file (and JSON Lines line) it came from.
    """
    started = time.monotonic()
    count = 0
    for path in paths:
        if _format_of(path, None) == "jsonl":
            with _open_input(path) as handle:
                reader: JsonLinesReader[Any] = iter_jsonl(cls, handle, on_error="collect")
                for obj in reader:
                    where.setdefault(obj.id, (path, reader.line))
                    count += 1
                    if progress and count % 1000 == 0:
                        rate = count / max(time.monotonic() - started, 1e-9)
                        print(f"\r{path}: {count:,} read ({rate:,.0f}/s)", end="", file=sys.stderr)
                    yield obj
                load_errors.extend(((path, e.line), e) for e in reader.errors)
            if progress and count >= 1000:
                print(file=sys.stderr)
        else:
            objs, errors = _load_all(path, _format_of(path, None), cls)
            load_errors.extend(((path, None), e) for _, e in errors)
            for obj in objs:
                where.setdefault(obj.id, (path, None))
                yield obj


LOAD_CODE = "CE000"
"""The code the command line gives a file or line that could not be loaded at all."""


def _load_findings(load_errors: Iterable[tuple[Location, StructureError]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for (file, line), exc in load_errors:
        for problem in exc.problems:
            rows.append(
                {
                    "file": file,
                    "line": line,
                    "code": LOAD_CODE,
                    "severity": Severity.ERROR.value,
                    "message": f"cannot load: {problem.message}",
                    "path": problem.path,
                    "ids": [],
                }
            )
    return rows


def _cmd_validate(args: argparse.Namespace) -> int:
    from conflict_events.validation import validate

    cls = TYPES[args.type]
    progress = not args.quiet and sys.stderr.isatty()
    load_errors: list[tuple[Location, StructureError]] = []
    where: dict[str, Location] = {}
    select, ignore = _split(args.select), _split(args.ignore)
    single = args.files[0] if len(args.files) == 1 else None
    findings: list[dict[str, Any]] = []

    def add(found: Iterable[Any], location: Location | None) -> None:
        for f in found:
            file, line = location or where.get(f.report or "", (single or "", None))
            row = {"file": file, "line": line, **f.to_dict()}
            row.setdefault("path", "")
            row.setdefault("ids", [])
            findings.append(row)

    def reports() -> Iterator[Any]:
        # Reports are validated together (ids and retellings across them); statements and
        # claims (``--type``, or a CSV of claims) each on their own, as they stream past.
        for obj in _stream(args.files, cls, load_errors, where, progress):
            if isinstance(obj, model.Report):
                yield obj
            else:
                add(validate(obj, select=select, ignore=ignore), where.get(obj.id))

    try:
        add(validate(reports(), select=select, ignore=ignore), None)
    except LookupFailed as exc:
        print(f"conflict-events: {exc}", file=sys.stderr)
        return EXIT_USAGE
    findings = _load_findings(load_errors) + findings
    threshold = Severity(args.fail_on)
    if args.strict and threshold is Severity.ERROR:
        threshold = Severity.WARNING
    failing = SEVERITIES[: SEVERITIES.index(threshold.value) + 1]
    shown = findings if args.max_findings is None else findings[: args.max_findings]
    _print_findings(shown, args.format)
    hidden = len(findings) - len(shown)
    if hidden > 0 and args.format == "text":
        print(f"... and {hidden} more findings (raise --max-findings to see them)")
    counts = {s: sum(1 for f in findings if f["severity"] == s.value) for s in Severity}
    errors, warnings, infos = (
        counts[Severity.ERROR],
        counts[Severity.WARNING],
        counts[Severity.INFO],
    )
    print(f"{errors} errors, {warnings} warnings, {infos} infos", file=sys.stderr)
    return EXIT_FINDINGS if any(f["severity"] in failing for f in findings) else EXIT_OK


def _location(f: dict[str, Any]) -> str:
    if not f.get("file"):  # several files and no report id to tell which
        return ""
    return f"{f['file']}:{f['line']}: " if f.get("line") else f"{f['file']}: "


def _print_findings(findings: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps({"findings": findings}, ensure_ascii=False, indent=2))
        return
    if fmt == "github":
        level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
        for f in findings:
            props = []
            if f.get("file"):
                props.append(f"file={f['file']}")
                if f.get("line"):
                    props.append(f"line={f['line']}")
            at = f" at {f['path']}" if f["path"] else ""
            props.append(f"title={f['code']}{at}")
            message = f["message"].replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            print(f"::{level[Severity(f['severity'])]} {','.join(props)}::{message}")
        return
    for f in findings:
        at = f" at {f['path']}" if f["path"] else ""
        print(f"{_location(f)}{f['code']} {f['severity']}{at}: {f['message']}")


# -- schema and convert -----------------------------------------------------------------------


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(TYPES[args.type]), ensure_ascii=False, indent=2))
    return EXIT_OK


def _cmd_convert(args: argparse.Namespace) -> int:
    cls = TYPES[args.type]
    src = _format_of(args.input, args.src)
    dst = _format_of(args.output, args.dst)
    objs, errors = _load_all(args.input, src, cls)
    if errors:
        for where, exc in errors:
            for problem in exc.problems:
                print(f"{where}: {problem}", file=sys.stderr)
        return EXIT_UNREADABLE
    with _open_output(args.output) as out:
        if dst == "jsonl":
            write_jsonl(objs, out)
        elif dst == "csv":
            write_csv(to_records(objs, per=args.per), out)
        else:
            text = (
                dumps(objs[0])
                if len(objs) == 1
                else json.dumps([to_dict(o) for o in objs], ensure_ascii=False, indent=2)
            )
            out.write(text + "\n")
    return EXIT_OK


@contextlib.contextmanager
def _open_output(path: str) -> Iterator[IO[str]]:
    """Standard output for ``-``, else the file, written as UTF-8 without newline translation."""
    if path == "-":
        yield sys.stdout
        return
    # Written beside the target and moved into place only when complete, so a failure
    # part-way leaves no half-written file.
    with atomic_text(Path(path)) as handle:
        yield handle


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    handlers = {
        "validate": _cmd_validate,
        "schema": _cmd_schema,
        "convert": _cmd_convert,
        "import": run_import,
        "export": run_export,
    }
    handlers["read"] = run_read
    try:
        return handlers[args.command](args)
    except BrokenPipeError:  # the reader of stdout went away (``| head``): stop quietly
        sys.stderr.close()
        return EXIT_OK
    except Unreadable as exc:
        print(f"conflict-events: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except ValueError as exc:
        # A document that does not load (StructureError), or that loads but cannot be written
        # in the asked format (CSV cannot carry NUL).
        print(f"conflict-events: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
