"""Structured transparency data: the platforms' own CSV downloads, and a generic layout.

``read_table(path, data, meta)`` recognises a file's layout by its header and returns its
``Document`` and a *lazy* iterable of ``Stated`` figures, one (rarely two) per row. The file is
read as a stream (line by line from a text wrapper of the open file; the ``csv`` module reads
every record with a quote character, see ``_Records``), so a file of millions of rows never
sits in memory; the figures are consumed by ``save`` inside the
file's one transaction, and a bad row raises ``IngestError`` naming the file and line, which
rolls the whole file back.

Layouts (see README, "Adding documents"):

* ``meta``   — Meta Community Standards Enforcement Report: ``app,policy_area,metric,period,value``.
* ``tiktok`` — TikTok Community Guidelines Enforcement: ``Metric,Period type,Period,Policy type,
  Issue,Task type,Task,Location,Market,Result`` (older files spell a few headers differently).
* ``google`` — Google Transparency Report, government requests (2011 layout): ``Period Ending,
  Country,Country Code[,Product][,Reason],<one column per figure>...``.
* ``generic`` — one figure a row: ``platform,metric,policy,value,unit,period_start,period_end``
  and optional ``location,breakdown,qualifier,quote,title,publisher,url,published``.

Every figure from a table is *revisable*: a later snapshot republishing the same platform,
metric, policy, location, breakdown and period revises the fact instead of adding another.
Its citation quotes the row exactly as published, with its row number (the header is row 1).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from store.faults import one_line
from store.ingest.statements import IngestError, Meta, Stated, format_suffix, open_binary, published_name
from store.limits import MAX_CSV_COLUMNS, MAX_CSV_LINE_BYTES, MAX_YEAR, MIN_YEAR
from store.models import Document
from store.periods import Period, find_periods, label_for, span
from store.vocabulary import ALL_POLICIES

ALL = "all"  # TikTok's "not broken down"
NOT_REPORTED = frozenset({"", "n/a", "na", "?", "-", "–", "—", "not reported", "not available"})
BOUNDS = {"<": "fewer than", "≤": "at most", "<=": "at most", ">": "more than", "≥": "at least", ">=": "at least"}
# Meta's own abbreviations in its metric column (genuine synonyms, published both ways)
META_METRICS = {"ubp": "Upperbound Prevalence", "lbp": "Lowerbound Prevalence"}
# Google's 2011 columns name figures of *government* requests; the metric says so.
GOOGLE_METRICS = {
    "content removal requests": "government content removal requests",
    "percentage of removal requests fully or partially complied with":
        "share of government removal requests fully or partially complied with",
    "items requested to be removed": "items governments requested to be removed",
    "court orders": "government removal requests by court order",
    "executive, police, etc.": "government removal requests by executive, police, etc.",
    "data requests": "government user data requests",
    "percentage of data requests fully or partially complied with":
        "share of government user data requests fully or partially complied with",
    "users/accounts specified": "users/accounts specified in government data requests",
}
GENERIC_REQUIRED = ("platform", "metric", "policy", "value", "unit", "period_start", "period_end")
GENERIC_OPTIONAL = ("location", "breakdown", "qualifier", "quote", "title", "publisher", "url", "published")
SOURCE_FIELDS = ("title", "publisher", "url", "published")


MAX_VALUE_CHARS = 40  # a value cell: "<1,234,567,890.123456%" and then some


class RowError(ValueError):
    """A value in a row that cannot be read; the reader adds the file and line."""


# --- values ---------------------------------------------------------------------------------

_PLAIN_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?").fullmatch
_NUMBER_RE = re.compile(r"^(?P<bound><=|>=|<|>|≤|≥)?\s*(?P<num>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+)\s*(?P<pct>%)?$")


def parse_value(raw: str) -> tuple[float, str | None, bool] | None:
    """``(value, qualifier, is_percent)`` as published, or None when not reported.

    ``"9,400,000"`` -> 9400000 · ``"96.90%"`` -> 96.9, percent · ``"<10"`` -> 10, "fewer than" ·
    ``"N/A"``, ``"?"``, ``""`` -> None. Anything else is an error, never a guess."""
    text = raw.strip()
    if len(text) > MAX_VALUE_CHARS:  # 400 digits would be read as infinity
        raise RowError(f"value {text[:20]!r}… has too many digits to be a figure")
    # the common cases first, without the full pattern: 1234, 0.904, 9,400,000, 96.90%
    pct = text.endswith("%")
    number = text[:-1] if pct else text
    if number.isdecimal() or _PLAIN_NUMBER(number):
        return float(number.replace(",", "")), None, pct
    if text.casefold() in NOT_REPORTED:
        return None
    m = _NUMBER_RE.match(text)
    if m is None:
        raise RowError(f"value {raw!r} is not a number")
    value = float(m.group("num").replace(",", ""))
    bound = m.group("bound")
    return value, BOUNDS[bound] if bound else None, m.group("pct") is not None


def _as_percent(value: float, is_percent: bool) -> float:
    """A rate published as a fraction (0.904) is 90.4 percent; one published with %, or as a
    number of percent (TikTok's 90.4 among its fractions), is kept."""
    return value if is_percent or value > 1 else round(value * 100, 10)


_RATE_RE = re.compile(r"\b(?:rate|share|percentage|percent|proportion|prevalence)\b|%", re.IGNORECASE)


@lru_cache(maxsize=4096)
def is_rate(metric: str) -> bool:
    return _RATE_RE.search(metric) is not None


@lru_cache(maxsize=4096)
def count_unit(metric: str) -> str:
    """The unit of a count: what the metric counts (accounts, content, ...), else "count"."""
    from store.vocabulary import describe

    objects = sorted(describe(metric).objects)
    return objects[0] if len(objects) == 1 else "count"


# --- periods --------------------------------------------------------------------------------

_QUARTER_RE = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """``2018Q2``, ``Jul-Sep 2020``, ``Jul-Dec 2022``, ``H2 2017``, ``2019`` — a closed period."""
    t = text.strip()
    m = _QUARTER_RE.match(t)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        if not MIN_YEAR <= y <= MAX_YEAR:
            raise RowError(f"period {text!r} is not between {MIN_YEAR} and {MAX_YEAR}")
        return span(y, 3 * q - 2, y, 3 * q)
    found = [x for x in find_periods(t) if x.kind == "closed" and x.period is not None]
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(t) and found[0].period.start:
        return found[0].period
    raise RowError(f"period {text!r} is not a period like 2018Q2 or Jul-Sep 2020")


@lru_cache(maxsize=4096)
def half_year_ending(text: str) -> Period:
    """Google's ``Period Ending`` ``12/31/2010``: the six months ending that day (H2 2010)."""
    try:
        end = dt.datetime.strptime(text.strip(), "%m/%d/%Y").date()
    except ValueError:
        raise RowError(f"period ending {text!r} is not a date like 12/31/2010") from None
    if not MIN_YEAR <= end.year <= MAX_YEAR:
        raise RowError(f"period ending {text!r} is not between {MIN_YEAR} and {MAX_YEAR}")
    m = end.year * 12 + end.month - 1 - 5
    p = span(m // 12, m % 12 + 1, end.year, end.month)
    if p.end != end:
        raise RowError(f"period ending {text!r} is not the last day of a month")
    return p


@lru_cache(maxsize=4096)
def _iso(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise RowError(f"{what} {text!r} is not a date like 2018-04-05") from None


@lru_cache(maxsize=4096)
def closed_period(start: str, end: str) -> Period:
    s, e = _iso(start, "period_start"), _iso(end, "period_end")
    if e < s:
        raise RowError(f"period_end {end} is before period_start {start}")
    return Period(s, e, label_for(s, e))


# --- layouts --------------------------------------------------------------------------------

def _stated(platform: str, metric: str, policy: str, period: Period, value: float, unit: str, quote: str,
            qualifier: str | None, location: str, breakdown: str, row: int) -> Stated:
    """A table row's figure: revisable, cited by its row."""
    return Stated(platform, metric, policy, period, value, unit, quote, qualifier, location, breakdown,
                  None, None, None, row, True)


Row = list[str]
Figures = Callable[[Row, str, int], Iterable[Stated]]  # (fields, row as published, row number)


@dataclass(frozen=True)
class Layout:
    name: str
    title: str
    publisher: str | None
    width: int  # fields a row must have (a trailing empty cell is tolerated)
    figures: Figures


def _norm(header: Row) -> list[str]:
    return [h.replace("\ufeff", "").strip().casefold() for h in header]


def recognise(header: Row) -> Layout | None:
    h = _norm(header)
    if h == ["app", "policy_area", "metric", "period", "value"]:
        return Layout("meta", "Meta Community Standards Enforcement Report", "Meta", 5, _meta_rows)
    tiktok = ["metric", "period type", "period", "policy type", "issue", "task type", "task", "location", "market", "result"]
    if len(h) == 10 and [("issue" if c in ("issue", "issue policy") else c) for c in h] == tiktok:
        return Layout("tiktok", "TikTok Community Guidelines Enforcement Report", "TikTok", 10, _tiktok_rows)
    if h[:3] == ["period ending", "country", "country code"] and len(h) > 3:
        return _google_layout(header, h)
    if all(c in h for c in GENERIC_REQUIRED) and all(c in GENERIC_REQUIRED + GENERIC_OPTIONAL for c in h) and len(set(h)) == len(h):
        return _generic_layout(h)
    return None


@lru_cache(maxsize=1 << 16)
def _meta_fact(app: str, policy: str, metric: str) -> tuple[str, str, str, bool, str]:
    """What a Meta row's first three cells make: platform, policy, metric, whether the metric
    is a rate, and the unit of its count (a file repeats a few hundred of these)."""
    metric = metric.strip()
    metric = META_METRICS.get(metric.casefold(), metric)
    return app.strip(), policy.strip(), metric, is_rate(metric), count_unit(metric)


def _meta_rows(r: Row, quote: str, row: int) -> Iterator[Stated]:
    app, policy, metric, rate, unit = _meta_fact(r[0], r[1], r[2])
    raw = r[4]
    bounds = ("-" in raw or "–" in raw) and _range(raw)  # "4%-5%": a published range, its two bounds
    v = None if bounds else parse_value(raw)
    p = parse_period(r[3].strip())  # after the value: a row wrong in both is refused for its value
    if bounds:
        for v, name in zip(bounds, (f"Lowerbound {metric}", f"Upperbound {metric}")):
            if v is not None:
                yield _meta_figure(app, name, policy, p, v, is_rate(name), count_unit(name), quote, row)
        return
    if v is not None:  # _meta_figure, inline (a call fewer for each of a million rows)
        value, qualifier, pct = v
        if pct or rate:
            yield Stated(app, metric, policy, p, _as_percent(value, pct), "percent", quote, qualifier, "", "", None,
                         None, None, row, True)
        else:
            yield Stated(app, metric, policy, p, value, unit, quote, qualifier, "", "", None, None, None, row, True)


def _meta_figure(app: str, metric: str, policy: str, p: Period, v: tuple[float, str | None, bool], rate: bool,
                 unit: str, quote: str, row: int) -> Stated:
    value, qualifier, pct = v
    if pct or rate:
        return _stated(app, metric, policy, p, _as_percent(value, pct), "percent", quote, qualifier, "", "", row)
    return _stated(app, metric, policy, p, value, unit, quote, qualifier, "", "", row)


_RANGE_RE = re.compile(r"^\s*([\d.,]+%?)\s*[-–]\s*([\d.,]+%?)\s*$")


def _range(raw: str):
    m = _RANGE_RE.match(raw)
    if not m:
        return None
    lo, hi = parse_value(m.group(1)), parse_value(m.group(2))
    if "%" in m.group(2) and lo is not None:
        lo = (lo[0], lo[1], True)
    if lo is not None and hi is not None and lo[0] > hi[0]:
        raise RowError(f"range {raw.strip()!r} runs backwards (its lower bound is above its upper bound)")
    return [lo, hi]


# TikTok's dimension columns (policy type, issue, task type, task, location, market) repeat on
# every period and metric: what they make of a row (policy, location, breakdown) is kept here.
_TIKTOK_DIMS: dict[tuple[str, ...], tuple[str, str, str]] = {}


def _tiktok_dims(policy_type: str, issue: str, task_type: str, task: str, loc_type: str, market: str) -> tuple[str, str, str]:
    parts = []
    pt = policy_type.casefold()
    # "Ban reason - safety" / "- security": the only policy types that tell rows apart; they
    # qualify the policy ("Fake accounts removed (Ban reason - security)"), not a breakdown,
    # so a question about accounts removed for being under 13 finds its figure
    qualifier = f" ({policy_type})" if " - " in pt else ""
    if task.casefold() != ALL:
        parts.append(task if task_type.casefold() in ("task_type", ALL, "") else f"{task_type}: {task}")
    location = ""
    lt = loc_type.casefold()
    if lt == "market" and market.casefold() != ALL:
        location = market
    elif lt not in (ALL, "") and market.casefold() != ALL:
        parts.append(f"{loc_type}: {market}")
    policy = ALL_POLICIES if issue.casefold() in (ALL, "") else issue + qualifier
    return policy, location, "; ".join(parts)


def _tiktok_rows(r: Row, quote: str, row: int) -> Iterator[Stated]:
    v = parse_value(r[9])
    if v is None:
        return
    value, qualifier, pct = v
    key = (r[3], r[4], r[5], r[6], r[7], r[8])
    dims = _TIKTOK_DIMS.get(key)
    if dims is None:
        if len(_TIKTOK_DIMS) > 65536:
            _TIKTOK_DIMS.clear()
        dims = _TIKTOK_DIMS[key] = _tiktok_dims(*[x.strip() for x in key])
    policy, location, breakdown = dims
    metric = r[0].strip()
    p = parse_period(r[2].strip())
    if pct or is_rate(metric):
        yield _stated("TikTok", metric, policy, p, _as_percent(value, pct), "percent", quote, qualifier, location, breakdown, row)
    else:
        yield _stated("TikTok", metric, policy, p, value, count_unit(metric), quote, qualifier, location, breakdown, row)


def _google_layout(header: Row, h: list[str]) -> Layout:
    product = "product" in h[3:5]
    reason = "reason" in h[3:5]
    first = 3 + product + reason
    names = [GOOGLE_METRICS.get(c, f"{header[i].strip()} (government requests)") for i, c in enumerate(h) if i >= first]

    def rows(r: Row, quote: str, row: int) -> Iterator[Stated]:
        p = half_year_ending(r[0])
        location = r[1].strip()
        breakdown = f"Product: {r[3].strip()}" if product else ""
        policy = r[3 + product].strip() if reason else ALL_POLICIES
        for metric, raw in zip(names, r[first:]):
            v = parse_value(raw)
            if v is None:
                continue
            value, qualifier, pct = v
            if pct or metric.startswith("share of"):
                yield _stated("Google", metric, policy, p, value, "percent", quote, qualifier, location, breakdown, row)
            else:
                yield _stated("Google", metric, policy, p, value, count_unit(metric), quote, qualifier, location,
                              breakdown, row)

    return Layout("google", "Google Transparency Report: government requests", "Google", len(h), rows)


def _states(text: str, value: float, pct: bool) -> bool:
    """Does this text state this number (as 274,460, 274460, 1.2 million, 93%...)?"""
    from store.numbers import find_quantities

    shown = value * 100 if pct and value <= 1 else value
    return any(math.isclose(q.value, v, rel_tol=0.005) for q in find_quantities(text) for v in (value, shown))


def _generic_layout(h: list[str]) -> Layout:
    col = {c: i for i, c in enumerate(h)}

    def get(r: Row, name: str) -> str:
        i = col.get(name)
        return r[i].strip() if i is not None and i < len(r) else ""

    def rows(r: Row, quote: str, row: int) -> Iterator[Stated]:
        v = parse_value(get(r, "value"))
        if v is None:
            return
        value, qualifier, pct = v
        for name in ("platform", "metric", "unit"):
            if not get(r, name):
                raise RowError(f"{name} is empty")
        unit = "percent" if pct else get(r, "unit")
        said = get(r, "quote")
        if said and not _states(said, value, pct):
            raise RowError(f"its quote does not state its value ({get(r, 'value')}): a quote must be the "
                           "sentence the figure comes from")
        yield Stated(
            get(r, "platform"), get(r, "metric"), get(r, "policy") or ALL_POLICIES,
            closed_period(get(r, "period_start"), get(r, "period_end")), value, unit, said or quote,
            get(r, "qualifier") or qualifier, location=get(r, "location"), breakdown=get(r, "breakdown"),
            row=row, revisable=True,
        )

    return Layout("generic", "", None, len(h), rows)


# --- reading --------------------------------------------------------------------------------

class _Records:
    """The records of a CSV stream, each with its text as published and its line number.

    A line without a quote character is a record by itself, and its fields are exactly its
    text split at the delimiter (what the csv module would make of it, at a fraction of the
    cost); any other line goes to the csv module, which takes as many lines as the record
    spans (a quoted field may hold line breaks), and those lines are its text. (A blank line
    is one empty field here and no field from the csv module: either way a blank line.)"""

    __slots__ = ("lines", "taken", "size", "count", "start", "pending", "delimiter", "reader")

    def __init__(self, lines: Iterable[str], delimiter: str) -> None:
        self.lines = iter(lines)
        self.taken: list[str] = []
        self.size = 0  # characters of the record being read
        self.count = 0  # lines consumed
        self.start = 1  # the line the record being read starts on
        self.pending: str | None = None
        self.delimiter = delimiter
        self.reader = csv.reader(self, delimiter=delimiter)

    def __iter__(self):
        return self

    def __next__(self) -> str:  # the csv module's source of lines
        line = self.pending
        if line is None:
            line = next(self.lines)
            self.count += 1
        else:
            self.pending = None
        self.taken.append(line)
        self.size += len(line)
        if self.size > MAX_CSV_LINE_BYTES:  # an unterminated quote would take the rest of the file
            raise RowError(f"a record longer than {MAX_CSV_LINE_BYTES:,} characters (an unclosed quote?)")
        return line

    def next(self) -> tuple[Row, str, int] | None:
        """The next record as ``(fields, text, line number)``, or None at the end. Raises
        csv.Error or UnicodeDecodeError as the csv module would."""
        number = self.start = self.count + 1
        line = next(self.lines, None)
        if line is None:
            return None
        self.count += 1
        if '"' not in line and "\0" not in line and len(line) < 100_000:
            text = line.rstrip("\r\n")
            return text.split(self.delimiter), text, number
        self.pending = line
        self.size = 0
        try:
            fields = next(self.reader)
        finally:
            self.pending = None
        text = self.taken[0] if len(self.taken) == 1 else "".join(self.taken)
        self.taken.clear()
        return fields, text.rstrip("\r\n"), number


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, name: str, total: int | None, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.on = bool(total) and self.stream.isatty()
        self.name, self.total, self.shown, self.start = name, total or 0, 0.0, time.monotonic()

    def update(self, done: int, rows: int) -> None:
        if not self.on:
            return
        now = time.monotonic()
        if now - self.shown < 0.2:
            return
        self.shown = now
        frac = min(done / self.total, 1.0)
        bar = "#" * int(frac * 30)
        rate = rows / max(now - self.start, 1e-9)
        self.stream.write(f"\r{self.name} [{bar:<30}] {frac:4.0%} {rows:,} rows {rate:,.0f}/s")
        self.stream.flush()

    def close(self, rows: int) -> None:
        if self.on:
            self.shown = 0.0
            self.update(self.total, rows)
            self.stream.write("\n")
            self.stream.flush()


def read_table(path: Path, data: bytes | None, meta: Meta) -> tuple[Document, Iterable[Stated]]:
    """The document and (lazily) the figures of one CSV/TSV file. ``data`` may be None: the
    file is then streamed from ``path``."""
    name = str(path)
    raw = io.BytesIO(data) if data is not None else open_binary(path)
    try:
        total = len(data) if data is not None else path.stat().st_size
        records = _Records(_lines(raw), "\t" if format_suffix(path) == ".tsv" else ",")
        try:
            got = records.next()
        except (csv.Error, UnicodeDecodeError, RowError) as exc:
            raise IngestError(f"{name}, line 1: cannot read the header: {exc}") from None
        header = got[0] if got is not None else None
        if not header or not any(c.strip() for c in header):
            raise IngestError(f"{name}, line 1: empty file, no CSV header")
        if len(header) > MAX_CSV_COLUMNS:
            raise IngestError(f"{name}, line 1: a header of {len(header):,} columns; at most {MAX_CSV_COLUMNS:,} "
                              "(see README, “Limits”)")
        layout = recognise(header)
        if layout is None:
            raise IngestError(
                f"{name}, line 1: unrecognised CSV header {one_line(','.join(header), 120)!r}; expected the Meta, TikTok or "
                f"Google layout, or the generic one ({','.join(GENERIC_REQUIRED)}[,location,breakdown,qualifier,"
                f"quote,title,publisher,url,published]) — see README, “Adding documents”"
            )
        first = None
        own = Meta()
        if layout.name == "generic":
            first = _next_record(records, name)
            if first is not None:
                own = _source_of(header, first[0], name, first[2])
        meta = own.over(meta)
        document = Document(
            filename=published_name(path), kind=layout.name,
            title=meta.title or (f"{layout.title} ({published_name(path)})" if layout.title else Path(published_name(path)).stem),
            publisher=meta.publisher or layout.publisher, url=meta.url, published=meta.published, text=None,
        )
    except BaseException:
        raw.close()
        raise
    return document, _figures(name, layout, records, raw, total, header, first, own)


def _lines(raw) -> Iterator[str]:
    """The lines of a binary stream as text, each decoded alone (so a byte that is not UTF-8
    is reported on its own line) and none longer than ``MAX_CSV_LINE_BYTES``."""
    first = True
    while line := raw.readline(MAX_CSV_LINE_BYTES + 1):
        if len(line) > MAX_CSV_LINE_BYTES:
            raise RowError(f"a line longer than {MAX_CSV_LINE_BYTES:,} bytes (see README, “Limits”)")
        text = line.decode("utf-8")
        if first:
            text, first = text.removeprefix("\ufeff"), False
        yield text


def _next_record(records: _Records, name: str) -> tuple[Row, str, int] | None:
    try:
        return records.next()
    except RowError as exc:
        raise IngestError(f"{name}, line {records.start}: {exc}") from None
    except csv.Error as exc:
        raise IngestError(f"{name}, line {records.start}: malformed CSV: {exc}") from None
    except UnicodeDecodeError as exc:
        raise IngestError(f"{name}, line {records.start}: not UTF-8 text: {exc.reason}") from None


def _source_of(header: Row, fields: Row, name: str, line: int) -> Meta:
    h = _norm(header)
    got = {c: fields[h.index(c)].strip() for c in SOURCE_FIELDS if c in h and h.index(c) < len(fields)}
    published = None
    if got.get("published"):
        try:
            published = dt.date.fromisoformat(got["published"])
        except ValueError:
            raise IngestError(f"{name}, line {line}: published {got['published']!r} is not a date like 2018-04-05") from None
    return Meta(got.get("title") or None, got.get("publisher") or None, got.get("url") or None, published)


def _figures(name, layout: Layout, records: _Records, raw, total, header, first, own: Meta) -> Iterator[Stated]:
    progress = Progress(Path(name).name, total)
    rows = 0
    sources = [i for i, c in enumerate(_norm(header)) if c in SOURCE_FIELDS] if layout.name == "generic" else []
    try:
        record = first or _next_record(records, name)
        while record is not None:
            fields, quote, line = record
            rows += 1
            if not fields or not (fields[0].strip() or any(f.strip() for f in fields)):
                record = _next_record(records, name)
                continue  # a blank line is not a row
            n = len(fields)
            if n != layout.width and not (n == layout.width + 1 and not fields[-1].strip()):
                raise IngestError(f"{name}, line {line}: expected {layout.width} fields, found {n}")
            if sources and record is not first and _source_of(header, fields, name, line) != own:
                raise IngestError(f"{name}, line {line}: a different source than line 2; one file is one source")
            try:
                yield from layout.figures(fields, quote, line)
            except ValueError as exc:  # a RowError, or a date no calendar has
                raise IngestError(f"{name}, line {line}: {exc}") from None
            if rows % 4096 == 0:
                progress.update(raw.tell(), rows)
            record = _next_record(records, name)
        progress.close(rows)
    finally:
        raw.close()
