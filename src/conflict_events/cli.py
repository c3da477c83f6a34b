"""The command line: ``conflict-events`` (or ``python -m conflict_events``).

Exit codes: 0 clean; 1 findings at or above the failing severity; 2 usage error (including an
output file that cannot be written); 3 unreadable input. The report goes to stdout; progress,
hints and the summary go to stderr. Findings are written as they are found, so validating
statements or claims one by one runs in constant memory whatever the number of findings.
Text taken from the input (file names, paths, ids, messages) never starts a new line of output
nor a new workflow command: line breaks and other control characters in it are escaped.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import re
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple
from urllib.parse import quote

from conflict_events import Severity, __version__, model
from conflict_events.errors import LookupFailed, Problem, StructureError
from conflict_events.formats._cli import add_import_command, run_import
from conflict_events.formats._export import add_export_command, run_export
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
from conflict_events.serialize.tables import claims_from_records, read_csv, to_records, write_csv
from conflict_events.validation._result import one_line

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
TYPES: dict[str, type] = {cls.__name__: cls for cls in model.MODEL_CLASSES}
DOCUMENT_TYPES = ("Report", "Statement", "Claim")
SEVERITIES = tuple(s.value for s in Severity)
"""The severities by their wire values, the gravest first."""
FORMATS = ("text", "json", "github", "sarif")

EXIT_CODES = """\
exit codes:
  0  no finding at or above the failing severity (convert, schema: done)
  1  findings at or above the failing severity, including CE000 (input that does not load)
  2  usage error: unknown option, bad value, a rule pattern that matches nothing, or an
     output file that cannot be written (its directory does not exist, no permission)
  3  unreadable input: a file that does not exist or is not JSON at all; for convert,
     any document or row that cannot be loaded
"""


# -- text that cannot break out of its line ----------------------------------------------------


def _workflow_data(text: str) -> str:
    """The message of a GitHub workflow command, escaped as GitHub's toolkit escapes it."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return one_line(escaped)


def _workflow_property(text: str) -> str:
    """A property value of a GitHub workflow command: the data escapes, and ``:`` and ``,``."""
    return _workflow_data(text).replace(":", "%3A").replace(",", "%2C")


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _json_line(value: object) -> str:
    """Compact JSON for ``value``: UTF-8 as it is, but every character that some reader takes
    for a line break (or cannot encode) as a ``\\u`` escape, so a value stays on its line."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# -- the command line --------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exit code for usage errors is 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="conflict-events",
        description="Validate, convert and describe conflict-event reports.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    v = sub.add_parser(
        "validate",
        help="check reports, statements or claims for consistency",
        description="Check the files for consistency and print every finding.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    v.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a JSON document or array (.json), JSON Lines (.jsonl, .ndjson: one object a "
        "line), or a CSV of claims (.csv, as convert writes it); - reads JSON Lines from "
        "standard input",
    )
    v.add_argument(
        "--type",
        choices=DOCUMENT_TYPES,
        default="Report",
        help="what each JSON document or line holds (default: Report); reports are validated "
        "together, statements and claims one by one as they are read",
    )
    v.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: one line a finding (default); json: one JSON document; github: GitHub "
        "Actions annotations; sarif: SARIF 2.1.0 for code scanning",
    )
    v.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODES",
        help="only the rules whose code starts with one of these, comma-separated or "
        "repeated: CE2,CE401",
    )
    v.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="skip the rules whose code starts with one of these: CE203",
    )
    v.add_argument("--strict", action="store_true", help="warnings fail the run too")
    v.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        default="error",
        help="the lowest severity that fails the run (default: error)",
    )
    v.add_argument(
        "--max-findings",
        type=_count,
        default=None,
        metavar="N",
        help="list at most N findings; the summary and the exit code still count them all",
    )
    v.add_argument("--quiet", action="store_true", help="no progress line on standard error")

    s = sub.add_parser("schema", help="print the JSON Schema of a type")
    s.add_argument(
        "type",
        nargs="?",
        default="Report",
        choices=sorted(TYPES),
        help="the model type (default: Report)",
    )

    c = sub.add_parser(
        "convert",
        help="convert between JSON, JSON Lines and a CSV of claims",
        description="Convert between JSON, JSON Lines and a CSV of claims; nothing is written "
        "unless every document loads.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("input", help="input file, or - for standard input")
    c.add_argument("output", help="output file (its directory must exist), or - for stdout")
    c.add_argument(
        "--type",
        choices=DOCUMENT_TYPES,
        default="Report",
        help="what each JSON document or line holds (default: Report); a CSV holds claims",
    )
    formats = ("json", "jsonl", "csv")
    c.add_argument(
        "--from",
        dest="src",
        choices=formats,
        default=None,
        help="the input format (default: from the extension; json for - and the rest)",
    )
    c.add_argument(
        "--to",
        dest="dst",
        choices=formats,
        default=None,
        help="the output format (default: from the extension; json for - and the rest)",
    )
    c.add_argument(
        "--per",
        choices=("claim", "claim_region"),
        default="claim",
        help="CSV rows: one per claim (default), or one per claim and region",
    )
    add_read_parser(sub)
    add_import_command(sub.add_parser)
    add_export_command(sub.add_parser)
    return parser


def _split(values: Sequence[str]) -> list[str] | None:
    codes = [c.strip() for v in values for c in v.split(",") if c.strip()]
    return codes or None


def _format_of(path: str, given: str | None, *, stdin: str = "json") -> str:
    if given:
        return given
    if path == "-":
        return stdin
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    return "json"


# -- reading -----------------------------------------------------------------------------------


class Unreadable(Exception):
    """An input file cannot be read at all."""


class Unwritable(Exception):
    """An output file cannot be written."""


class Location(NamedTuple):
    """Where an object or a failure is in the input."""

    file: str
    line: int | None = None
    """The line (JSON Lines), or the line a CSV row starts on."""
    row: int | None = None
    """The CSV row, counting from 1 after the header."""
    claim: str | None = None
    """The claim id a CSV row holds."""


Item = tuple[Location, Any]
"""A model object, or the :class:`StructureError` of a part that could not be loaded."""


@contextlib.contextmanager
def _open_input(path: str, *, newline: str) -> Iterator[IO[str]]:
    """Standard input for ``-``, else the file, opened as UTF-8 text (a leading BOM skipped).

    Bytes that are not UTF-8 become lone surrogates, which the loaders refuse where they are.
    """
    if path == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text stream put in place of stdin (tests, embedding)
            yield sys.stdin
            return
        wrapper = io.TextIOWrapper(
            buffer, encoding="utf-8-sig", errors="surrogateescape", newline=newline
        )
        try:
            yield wrapper
        finally:
            wrapper.detach()
        return
    try:
        handle = Path(path).open(  # noqa: SIM115 - closed below
            encoding="utf-8-sig", errors="surrogateescape", newline=newline
        )
    except OSError as exc:
        raise Unreadable(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        yield handle


def _read_text(path: str) -> str:
    try:
        if path == "-":
            return sys.stdin.read()
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable(f"{path}: cannot read: {exc}") from None


def _items(path: str, fmt: str, cls: type) -> Iterator[Item]:
    """Every object in a file in order, each with where it is; failures in their place."""
    if fmt == "csv":
        with _open_input(path, newline="") as handle:
            yield from _csv_items(path, handle)
        return
    if fmt == "jsonl":
        with _open_input(path, newline="\n") as handle:  # lines end at LF only
            reader: JsonLinesReader[Any] = iter_jsonl(cls, handle, on_error="collect")
            errors = reader.errors
            for obj in reader:
                line = reader.line
                yield from _drain(path, errors)
                yield Location(path, line), obj
            yield from _drain(path, errors)
        return
    try:
        data = parse_json(_read_text(path))  # strict: duplicate keys, NaN, deep nesting refused
    except StructureError as exc:
        raise Unreadable(f"{path}: not JSON: {exc.problems[0].message}") from None
    if not isinstance(data, list):
        yield Location(path), _load(cls, data, "")
        return
    for i, item in enumerate(data):
        yield Location(path), _load(cls, item, f"[{i}]")


def _drain(path: str, errors: list[StructureError]) -> Iterator[Item]:
    """The lines rejected so far, in order; the list is emptied so that it does not grow."""
    for error in errors:
        yield Location(path, error.line), error
    errors.clear()


def _load(cls: type, data: object, at: str) -> object:
    try:
        return from_dict(cls, data)
    except StructureError as exc:
        return StructureError([p.under(at) for p in exc.problems])


# -- CSV: each claim on its own, every bad row named -------------------------------------------


class _Row(NamedTuple):
    at: Location
    record: dict[str, Any] | None
    """The typed record; ``None`` when a value could not be read."""
    parent: str


def _csv_items(path: str, handle: IO[str]) -> Iterator[Item]:
    """The claims of a CSV (a top-level row and the rows of its parts), each with its row.

    A row that cannot be read or a claim that cannot be built is reported with its file, row
    and line, and the other claims are still given.
    """
    reader = csv.reader(handle, strict=True)
    try:
        header = next(reader, [])
        _typed_row(header, None)
    except (csv.Error, StructureError) as exc:
        yield Location(path, 1), _csv_error(exc)
        return
    rows: list[_Row] = []
    failed: list[Item] = []
    parent_at = header.index("parent_id") if "parent_id" in header else None
    claim_at = header.index("claim_id")
    start = reader.line_num + 1
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a broken quote: nothing after it can be trusted
            failed.append((Location(path, start, len(rows) + 1), _csv_error(exc)))
            break
        if raw:
            claim = raw[claim_at] if claim_at < len(raw) else ""
            at = Location(path, start, len(rows) + 1, claim or None)
            parent = raw[parent_at] if parent_at is not None and parent_at < len(raw) else ""
            try:
                rows.append(_Row(at, _typed_row(header, raw), parent))
            except StructureError as exc:
                rows.append(_Row(at, None, parent))
                failed.append((at, exc))
        start = reader.line_num + 1
    items = failed + list(_csv_claims(rows, failed))
    items.sort(key=lambda item: item[0].row or 0)
    yield from items


def _csv_error(exc: Exception) -> StructureError:
    if isinstance(exc, StructureError):
        return exc
    return StructureError([Problem("", f"not CSV: {exc}")])


def _typed_row(header: list[str], raw: list[str] | None) -> dict[str, Any]:
    """One row typed as :func:`read_csv` types it; problems name the column only."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    if raw is not None:
        writer.writerow(raw)
    buffer.seek(0)
    try:
        records = read_csv(buffer)
    except StructureError as exc:
        problems = [
            Problem(p.path.partition(".")[2], p.message) if p.path.startswith("line ") else p
            for p in exc.problems
        ]
        raise StructureError(problems) from None
    return records[0] if records else {}


def _csv_claims(rows: list[_Row], failed: list[Item]) -> Iterator[Item]:
    good = [r for r in rows if r.record is not None]
    if not failed:
        try:
            claims = claims_from_records([r.record for r in good if r.record is not None])
        except StructureError as exc:
            whole = exc
        else:
            yield from zip([r.at for r in good if not r.parent], claims, strict=True)
            return
    else:
        whole = None
    # Something is wrong: build each claim from its own rows (a top-level row and the part
    # rows after it, as convert writes them), so that one bad claim does not hide the rest.
    chunks: list[list[_Row]] = []
    for r in rows:
        if not r.parent or not chunks:
            chunks.append([])
        chunks[-1].append(r)
    loaded: list[Item] = []
    problems: list[Item] = []
    for chunk in chunks:
        if any(r.record is None for r in chunk):
            continue  # its unreadable rows are reported already
        try:
            claims = claims_from_records([r.record for r in chunk if r.record is not None])
        except StructureError as exc:
            problems.extend(_by_row(chunk, exc))
        else:
            loaded.extend((chunk[0].at, claim) for claim in claims)
    if whole is not None and not problems:
        # Every claim builds on its own; what is wrong is between them (ids, links).
        problems = list(_by_row(good, whole))
    yield from problems
    yield from loaded


_ROW_PATH = re.compile(r"rows\[(\d+)\]\.?")


def _by_row(rows: list[_Row], exc: StructureError) -> Iterator[Item]:
    """The problems of ``claims_from_records(rows)``, each at the row it names."""
    by_row: dict[int, list[Problem]] = {}
    for p in exc.problems:
        match = _ROW_PATH.match(p.path)
        index = int(match.group(1)) if match else 0
        path = p.path[match.end() :] if match else p.path
        by_row.setdefault(min(index, len(rows) - 1), []).append(Problem(path, p.message))
    for index, found in by_row.items():
        yield rows[index].at, StructureError(found)


# -- validate ----------------------------------------------------------------------------------


LOAD_CODE = "CE000"
"""The code the command line gives a file or line that could not be loaded at all."""
LOAD_DOC = "A document, JSON Lines line or CSV row loads into the model."

Row = dict[str, Any]
"""One finding as the output formats see it: where, code, severity, message, path, ids."""


def _row(at: Location, finding: dict[str, Any]) -> Row:
    row: Row = {"file": at.file, "line": at.line, **finding}
    row.setdefault("path", "")
    row.setdefault("ids", [])
    if at.row is not None:
        row["row"] = at.row
        row["claim"] = at.claim
    return row


def _load_rows(at: Location, exc: StructureError) -> Iterator[Row]:
    for problem in exc.problems:
        yield _row(
            at,
            {
                "code": LOAD_CODE,
                "severity": Severity.ERROR.value,
                "message": f"cannot load: {problem.message}",
                "path": problem.path,
            },
        )


class _Progress:
    """A progress line on standard error, only on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.count = 0
        self.started = time.monotonic()

    def tick(self, path: str) -> None:
        self.count += 1
        if self.enabled and self.count % 1000 == 0:
            rate = self.count / max(time.monotonic() - self.started, 1e-9)
            name = one_line(path)
            print(f"\r{name}: {self.count:,} read ({rate:,.0f}/s)", end="", file=sys.stderr)

    def done(self) -> None:
        if self.enabled and self.count >= 1000:
            print(file=sys.stderr)


def _cmd_validate(args: argparse.Namespace) -> int:
    from conflict_events.validation import registry, validate

    cls = TYPES[args.type]
    select, ignore = _split(args.select), _split(args.ignore)
    try:
        rules = registry.select(select, ignore)
    except LookupFailed as exc:
        print(f"conflict-events: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out = WRITERS[args.format](sys.stdout, args.max_findings)
    listed = [(r.code, r.severity.value, r.doc) for r in rules]
    out.start([(LOAD_CODE, Severity.ERROR.value, LOAD_DOC), *listed])
    progress = _Progress(not args.quiet and sys.stderr.isatty())
    reports: list[model.Report] = []
    where: dict[str, Location] = {}
    for path in args.files:
        fmt = _format_of(path, None, stdin="jsonl")
        loaded = failed = 0
        for at, item in _items(path, fmt, cls):
            progress.tick(path)
            if isinstance(item, StructureError):
                failed += 1
                for row in _load_rows(at, item):
                    out.add(row)
            elif isinstance(item, model.Report):
                loaded += 1
                where.setdefault(item.id, at)
                reports.append(item)
            else:  # statements and claims each on their own, as they stream past
                loaded += 1
                for f in validate(item, select=select, ignore=ignore):
                    out.add(_row(at, f.to_dict()))
        progress.done()
        if failed and not loaded:
            _hint(path, fmt, args.type)
    if reports:  # reports together: ids and retellings across them
        single = Location(args.files[0] if len(args.files) == 1 else "")
        for f in validate(reports, select=select, ignore=ignore):
            out.add(_row(where.get(f.report or "", single), f.to_dict()))
    out.finish()
    counts = out.counts
    print(
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos",
        file=sys.stderr,
    )
    threshold = Severity(args.fail_on)
    if args.strict and threshold is Severity.ERROR:
        threshold = Severity.WARNING
    failing = SEVERITIES[: SEVERITIES.index(threshold.value) + 1]
    return EXIT_FINDINGS if any(counts[s] for s in failing) else EXIT_OK


def _hint(path: str, fmt: str, type_name: str) -> None:
    """When nothing in a file loads, say so if its first object is of another type."""
    if fmt == "csv" or path == "-":
        return
    try:
        if fmt == "jsonl":
            with _open_input(path, newline="\n") as handle:
                first = next((line for line in handle if line.strip()), "")
            data = parse_json(first)
        else:
            data = parse_json(_read_text(path))
    except (StructureError, Unreadable):
        return
    if isinstance(data, list) and data:
        data = data[0]
    for other in DOCUMENT_TYPES:
        if other == type_name:
            continue
        try:
            from_dict(TYPES[other], data)
        except StructureError:
            continue
        print(
            f"hint: nothing in {one_line(path)} loads as a {type_name}, but its first "
            f"{'line' if fmt == 'jsonl' else 'document'} is a {other}: try --type {other}",
            file=sys.stderr,
        )
        return


# -- output formats ----------------------------------------------------------------------------

RuleInfo = tuple[str, str, str]
"""A rule as the output lists it: code, severity, doc line."""


class _Writer:
    """Writes findings as they come, keeping only counts; ``finish`` closes the output."""

    def __init__(self, out: IO[str], limit: int | None) -> None:
        self.out = out
        self.limit = limit
        self.counts = dict.fromkeys(SEVERITIES, 0)
        self.shown = 0

    def add(self, row: Row) -> None:
        self.counts[row["severity"]] += 1
        if self.limit is None or self.shown < self.limit:
            self.shown += 1
            self.write(row)

    @property
    def hidden(self) -> int:
        return sum(self.counts.values()) - self.shown

    def start(self, rules: list[RuleInfo]) -> None:
        """Called once before the first finding, with the rules that run."""

    def write(self, row: Row) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Called once after the last finding."""


def _where(row: Row) -> str:
    """``FILE:LINE: `` (and ``row N, claim ID: `` for CSV), or nothing without a file."""
    if not row.get("file"):  # several files and no report id to tell which
        return ""
    at = f"{row['file']}:{row['line']}: " if row.get("line") else f"{row['file']}: "
    if row.get("row") is not None:
        at += f"row {row['row']}, claim {row.get('claim') or '?'}: "
    return at


class _Text(_Writer):
    def write(self, row: Row) -> None:
        at = f" at {row['path']}" if row["path"] else ""
        line = f"{_where(row)}{row['code']} {row['severity']}{at}: {row['message']}"
        print(one_line(line), file=self.out)

    def finish(self) -> None:
        if self.hidden > 0:
            print(
                f"... and {self.hidden} more findings (raise --max-findings to see them)",
                file=self.out,
            )


GITHUB_LEVELS = {
    Severity.ERROR.value: "error",
    Severity.WARNING.value: "warning",
    Severity.INFO.value: "notice",
}


class _Github(_Writer):
    def write(self, row: Row) -> None:
        props = []
        if row.get("file"):
            props.append(f"file={_workflow_property(row['file'])}")
            if row.get("line"):
                props.append(f"line={row['line']}")
        title = row["code"]
        if row["path"]:
            title += f" at {row['path']}"
        if row.get("row") is not None:
            title += f" (row {row['row']}, claim {row.get('claim') or '?'})"
        props.append(f"title={_workflow_property(title)}")
        message = _workflow_data(row["message"])
        print(f"::{GITHUB_LEVELS[row['severity']]} {','.join(props)}::{message}", file=self.out)


class _Json(_Writer):
    """``{"findings": [...], "counts": {...}, "omitted": N}``, one finding a line."""

    def start(self, rules: list[RuleInfo]) -> None:
        self.out.write('{\n  "findings": [')

    def write(self, row: Row) -> None:
        self.out.write(("\n    " if self.shown == 1 else ",\n    ") + _json_line(row))

    def finish(self) -> None:
        end = "\n  " if self.shown else ""
        self.out.write(f'{end}],\n  "counts": {_json_line(self.counts)},\n')
        self.out.write(f'  "omitted": {self.hidden}\n}}\n')


SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_LEVELS = {
    Severity.ERROR.value: "error",
    Severity.WARNING.value: "warning",
    Severity.INFO.value: "note",
}


class _Sarif(_Writer):
    """One SARIF 2.1.0 log with one run: the rules that ran, then the results as they come."""

    def start(self, rules: list[RuleInfo]) -> None:
        self.index = {code: i for i, (code, _, _) in enumerate(rules)}
        driver = {
            "name": "conflict-events",
            "version": __version__,
            "rules": [
                {
                    "id": code,
                    "shortDescription": {"text": doc},
                    "defaultConfiguration": {"level": SARIF_LEVELS[severity]},
                }
                for code, severity, doc in rules
            ],
        }
        head = {"version": "2.1.0", "$schema": SARIF_SCHEMA}
        self.out.write(_json_line(head)[:-1])  # the log object stays open for the runs
        self.out.write(f',\n"runs": [{{"tool": {{"driver": {_json_line(driver)}}},\n"results": [')

    def write(self, row: Row) -> None:
        result: dict[str, Any] = {
            "ruleId": row["code"],
            "level": SARIF_LEVELS[row["severity"]],
            "message": {"text": row["message"]},
        }
        if row["code"] in self.index:
            result["ruleIndex"] = self.index[row["code"]]
        location: dict[str, Any] = {}
        if row.get("file") and row["file"] != "-":
            physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(row["file"])}}
            if row.get("line"):
                physical["region"] = {"startLine": row["line"]}
            location["physicalLocation"] = physical
        if row["path"]:
            location["logicalLocations"] = [{"fullyQualifiedName": row["path"]}]
        if location:
            result["locations"] = [location]
        properties = {k: row[k] for k in ("ids", "report", "row", "claim") if row.get(k)}
        if properties:
            result["properties"] = properties
        self.out.write(("\n" if self.shown == 1 else ",\n") + _json_line(result))

    def finish(self) -> None:
        self.out.write("\n]}]}\n")


def _uri(path: str) -> str:
    """A file name as a SARIF artifact URI: relative paths stay relative, ``/`` separated."""
    name = Path(path)
    posix = name.as_posix()
    try:  # a name the file system gave as bytes that are not UTF-8 gets those bytes back
        raw = posix.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = posix.encode("utf-8", "backslashreplace")
    if not name.is_absolute():
        return quote(raw)
    return ("file://" if posix.startswith("/") else "file:///") + quote(raw)


WRITERS: dict[str, type[_Writer]] = {
    "text": _Text,
    "json": _Json,
    "github": _Github,
    "sarif": _Sarif,
}


# -- schema and convert ------------------------------------------------------------------------


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(TYPES[args.type]), ensure_ascii=False, indent=2))
    return EXIT_OK


def _where_text(at: Location) -> str:
    where = f"{at.file}:{at.line}" if at.line else at.file
    if at.row is not None:
        where += f" (row {at.row}, claim {at.claim or '?'})"
    return where


def _cmd_convert(args: argparse.Namespace) -> int:
    cls = TYPES[args.type]
    src = _format_of(args.input, args.src)
    dst = _format_of(args.output, args.dst)
    _check_writable(args.output)
    objs: list[Any] = []
    failed = False
    for at, item in _items(args.input, src, cls):
        if isinstance(item, StructureError):
            failed = True
            for problem in item.problems:
                print(one_line(f"{_where_text(at)}: {problem}"), file=sys.stderr)
        else:
            objs.append(item)
    if failed:
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


def _check_writable(path: str) -> None:
    if path == "-":
        return
    target = Path(path)
    if target.is_dir():
        raise Unwritable(f"cannot write {path}: it is a directory")
    parent = target.parent
    if not parent.is_dir():
        raise Unwritable(f"cannot write {path}: the directory {parent} does not exist")


@contextlib.contextmanager
def _open_output(path: str) -> Iterator[IO[str]]:
    """Standard output for ``-``, else the file, written as UTF-8 without newline translation."""
    if path == "-":
        yield sys.stdout
        return
    # Written beside the target and moved into place only when complete, so a failure
    # part-way leaves no half-written file.
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    try:
        try:
            handle = partial.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise Unwritable(f"cannot write {path}: {exc.strerror or exc}") from None
        with handle:
            yield handle
        try:
            partial.replace(target)
        except OSError as exc:
            raise Unwritable(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    >>> main(["schema", "Quantity"])  # doctest: +ELLIPSIS
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
    ...
    0
    """
    args = _parser().parse_args(argv)
    handlers = {"validate": _cmd_validate, "schema": _cmd_schema, "convert": _cmd_convert}
    handlers["read"] = run_read
    handlers["import"] = run_import
    handlers["export"] = run_export
    try:
        return handlers[args.command](args)
    except BrokenPipeError:  # the reader of stdout went away (``| head``): stop quietly
        sys.stderr.close()
        return EXIT_OK
    except Unwritable as exc:
        print(one_line(f"conflict-events: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    except Unreadable as exc:
        print(f"conflict-events: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except ValueError as exc:
        # A document that does not load (StructureError), or that loads but cannot be written
        # in the asked format (CSV cannot carry NUL).
        print(f"conflict-events: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
