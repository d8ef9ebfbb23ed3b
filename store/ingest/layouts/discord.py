"""Discord's transparency-report CSVs, two layouts.

``discord-monthly`` (2020-H2 to 2022-Q3): NCMEC reports by month. An optional title line
(``Q2 NCMEC Reports,,``), then ``Month,<column>...`` and one row per month; a row with no
month (or ``SUM``/``Total``) after them is the period's total. The months carry no year: the
report's period comes from the title (``--title``) or the file name (``discord-2022-q1.csv``).

``discord-report`` (2022-Q4 on): several blocks, each a title line (``Warns,,,``), a blank
line, a header whose first cell says what the rows are (a policy category, ``Month``,
``Request Type``, ``Country``), the rows, and a ``Total:``/``Sum:`` line. Headers change from
block to block and report to report; each block is read by its own header.

Every figure quotes its line as published, cited by line number. ``--`` is not reported. A
block where a cell repeats its column's name is misprinted (2023-Q3's Accounts Disabled block
starts ``Child Safety,Accounts Disabled`` and is shifted a row) and states no figure.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator

from store.ingest.statements import IngestError, Meta, Stated
from store.ingest.layouts.common import FileLayout
from store.ingest.layouts.common import RowError, document, figure, parse_value, period_in
from store.periods import Period, span
from store.periods import MONTHS
from store.vocabulary import ALL_POLICIES

TITLE = "Discord Transparency Report"
CHILD_SAFETY = "Child Safety"
TOTALS = {"", "total", "total:", "sum", "sum:"}
# Blocks whose figures are named by their columns alone; any other block's title goes in front
# ("In-App Reports: Reports Received" is not "Online Reports: Reports Received").
PLAIN_BLOCKS = {"warns", "accounts disabled", "servers removed", "appeals", "reports", "ncmec"}
PLACES = {"united states of america": "United States", "korea": "South Korea", "czech rebublic": "Czech Republic"}


def _lines(data: bytes) -> list[tuple[int, str, list[str]]]:
    """Each CSV record as (its first line's number, its text as published, its fields
    stripped); a quoted field may span lines (2023-Q4's ``"Emergency Requests\n"``)."""
    text = data.decode("utf-8-sig")
    out = []
    pending: list[str] = []
    start = 1
    for number, line in enumerate(text.splitlines(), start=1):
        if not pending:
            start = number
        pending.append(line)
        record = "\n".join(pending)
        if record.count('"') % 2:
            continue  # inside a quoted field
        pending = []
        fields = next(csv.reader(io.StringIO(record)), [])
        out.append((start, record, [f.strip() for f in fields]))
    if pending:
        raise IngestError(f"line {start}: a quoted field is not closed")
    return out


def _numbers(header: list[str], fields: list[str]):
    """(column, (value, qualifier, percent)) for each of a row's cells past its label that
    has a column name and states a number."""
    for column, raw in zip(header[1:], fields[1:]):
        if column and (v := _value(raw)) is not None:
            yield column, v


def _value(raw: str):
    if raw.strip() in ("--", "—"):
        return None
    return parse_value(raw)


def _period(path: Path, meta: Meta) -> Period:
    p = period_in(meta.title, path.name)
    if p is None:
        raise IngestError(f"{path}: a Discord report's months carry no year: give the report's period in --title "
                          f"(\"Discord Transparency Report: October - December 2023\") or the file name (discord-2023-q4.csv)")
    return p


def _month(name: str, period: Period) -> Period | None:
    m = MONTHS.get(name.strip().casefold())
    if m is None:
        return None
    year = period.start.year
    if not (period.start.month <= m <= period.end.month):
        return None
    return span(year, m, year, m)


def _cells(fields: list[str]) -> list[str]:
    return [f for f in fields if f]


# --- monthly NCMEC files ---------------------------------------------------------------------

def _sniff_monthly(path: Path, data: bytes) -> bool:
    lines = _lines(data[:4096])
    heads = [f for _, _, f in lines[:2]]
    return any(h and h[0].casefold() == "month" and len(_cells(h)) >= 2 for h in heads) and not any(
        h and h[0].casefold() == "warns" for h in heads)


def _read_monthly(path: Path, data: bytes, meta: Meta):
    period = _period(path, meta)
    lines = _lines(data)
    doc = document(path, meta, "discord-monthly", f"{TITLE}, NCMEC reports by month", "Discord")
    return doc, _monthly(path, lines, period)


def _ncmec_metric(column: str) -> str:
    c = column.strip()
    if "total" in c.casefold():
        return "Reports to NCMEC (media reports and escalations)"
    return f"{c[0].upper()}{c[1:].lower()} to NCMEC"


def _monthly(path: Path, lines, period: Period) -> Iterator[Stated]:
    header = None
    totalled = False
    for number, line, fields in lines:
        if not _cells(fields):
            continue
        if header is None:
            if fields[0].casefold() == "month":
                header = fields
            continue
        label = fields[0]
        try:
            month = _month(label, period)
            if month is None and label.casefold() not in TOTALS:
                raise RowError(f"{label!r} is not a month of {period.label}")
            if month is None:
                if totalled:
                    continue  # a second total line (2022-Q3 sums its last column again): the first stands
                totalled = True
            for column, (value, qualifier, pct) in _numbers(header, fields):
                yield figure("Discord", _ncmec_metric(column), CHILD_SAFETY, month or period, value, line, number,
                             qualifier=qualifier, percent=pct)
        except RowError as exc:
            raise IngestError(f"{path}, line {number}: {exc}") from None
    if header is None:
        raise IngestError(f"{path}, line 1: no 'Month' header")


# --- block reports -----------------------------------------------------------------------------

def _sniff_report(path: Path, data: bytes) -> bool:
    lines = _lines(data[:4096])
    return bool(lines) and lines[0][2][:1] == ["Warns"]


def _read_report(path: Path, data: bytes, meta: Meta):
    period = _period(path, meta)
    doc = document(path, meta, "discord-report", TITLE, "Discord")
    return doc, _blocks(path, _lines(data), period)


def _is_header(fields: list[str]) -> bool:
    cells = _cells(fields)
    return len(cells) >= 2 and all(_value_or_none(c) is None for c in cells)


def _value_or_none(text: str):
    try:
        return _value(text)
    except RowError:
        return None


def _blocks(path: Path, lines, period: Period) -> list[Stated]:
    out: list[Stated] = []
    title = ""
    header: list[str] | None = None
    previous_blank = True
    start, broken = 0, False  # where this block's figures begin; is it misprinted?
    for number, line, fields in lines:
        cells = _cells(fields)
        if not cells:
            previous_blank = True
            continue
        if len(cells) == 1 and fields[0] and previous_blank:
            title, header = fields[0], None  # a block's title
            previous_blank = False
            continue
        if header is None or (previous_blank and _is_header(fields)):
            if not _is_header(fields):
                raise IngestError(f"{path}, line {number}: expected a block header, found {line!r}")
            header = fields
            if header[0].casefold() == "request type" and title.casefold() in ("", "legal") and "complied" in [h.casefold() for h in header]:
                title = "Preservation Requests"
            previous_blank = False
            start, broken = len(out), False
            continue
        previous_blank = False
        if broken:
            continue
        if any(f and h and f.casefold() == h.casefold() for f, h in zip(fields[1:], header[1:])):
            # A cell repeating its column's name: the block is misprinted (2023-Q3's Accounts
            # Disabled block is shifted a row, each value under the category above it). None of
            # its figures can be trusted; the other blocks still state theirs.
            del out[start:]
            broken = True
            continue
        try:
            out.extend(_block_row(header, title, fields, line, number, period))
        except RowError as exc:
            raise IngestError(f"{path}, line {number}: {exc}") from None
    return out


def _block_row(header: list[str], title: str, fields: list[str], line: str, number: int, period: Period) -> Iterator[Stated]:
    kind = header[0].casefold()
    label = fields[0]
    total = label.casefold() in TOTALS
    policy, location, breakdown, when = ALL_POLICIES, "", "", period
    t = title.casefold()
    if kind == "month":
        when = period if total else _month(label, period)
        if when is None:
            raise RowError(f"{label!r} is not a month of {period.label}")
        policy = CHILD_SAFETY
    elif kind == "country":
        if not total:
            location = PLACES.get(label.casefold(), label)
    elif kind == "request type":
        if not total and label.casefold() != t:
            breakdown = label
    elif not total:
        policy = label  # Warns, "... Category": the rows are Discord's policy categories
    if t in ("legal", "united states government information requests"):
        prefix = "US government information requests"
    elif t == "international government information requests":
        prefix = "International government information requests"
    elif t in PLAIN_BLOCKS or not t:
        prefix = ""
    else:
        prefix = title
    for column, (value, qualifier, pct) in _numbers(header, fields):
        if kind == "month":
            metric = _ncmec_metric(column)
        elif prefix and prefix.casefold() == "preservation requests" and column.casefold() == "requests":
            metric = "Preservation requests"
        elif prefix:
            metric = f"{prefix}: {column}"
        else:
            metric = column
        yield figure("Discord", metric, policy, when, value, line, number, qualifier=qualifier,
                     location=location, breakdown=breakdown, percent=pct)


LAYOUTS = [
    FileLayout("discord-monthly", (".csv",), _sniff_monthly, _read_monthly),
    FileLayout("discord-report", (".csv",), _sniff_report, _read_report),
]
