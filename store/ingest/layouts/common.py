"""What the whole-file layouts share: the document, a figure from a cell, values and periods
as published, and how a spreadsheet cell reads on screen (its quote)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from store.ingest.statements import IngestError, Meta, Stated, open_binary, published_name
from store.ingest.tables import RowError, _as_percent, count_unit, is_rate, parse_period, parse_value
from store.models import Document
from store.periods import Period, find_periods, span


ReadFile = Callable[[Path, bytes, Meta], tuple[Document, Iterable[Stated]]]


@dataclass(frozen=True)
class FileLayout:
    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[Path, bytes], bool]  # (path, the file's bytes) -> is it this layout?
    read: ReadFile


def first_record(path: Path, data: bytes | None) -> list[str]:
    """The first CSV record of a file (its header, for most layouts)."""
    if data is None:
        with open_binary(path) as f:
            data = f.read(65536)
    text = data.decode("utf-8-sig", errors="replace")
    line = text.splitlines()[0] if text else ""
    return next(csv.reader(io.StringIO(line)), [])

__all__ = ["RowError", "parse_value", "parse_period", "is_rate", "count_unit", "figure", "document",
           "period_in", "quarter_ending", "shown", "IngestError"]


def document(path: Path, meta: Meta, kind: str, title: str, publisher: str) -> Document:
    name = published_name(path)
    return Document(filename=name, kind=kind, title=meta.title or f"{title} ({name})",
                    publisher=meta.publisher or publisher, url=meta.url, published=meta.published, text=None)


def figure(platform: str, metric: str, policy: str, period: Period, value: float, quote: str, row: int | None, *,
           qualifier: str | None = None, location: str = "", breakdown: str = "", percent: bool = False,
           fraction: bool = False) -> Stated:
    """A revisable figure from a table cell. ``percent``: the value is a percentage as
    published (96.9); ``fraction``: a rate published as a fraction (0.969 = 96.9 percent)."""
    if fraction:
        value, percent = _as_percent(value, False), True
    unit = "percent" if percent else count_unit(metric)
    return Stated(platform, metric, policy, period, value, unit, quote, qualifier, location, breakdown,
                  None, None, None, row, True)


def period_in(*texts: str | None) -> Period | None:
    """The one closed period a title or file name states (``2023 Q4``, ``discord-2022-q1``,
    ``Jul-Sep 2020``), from the first text that states exactly one."""
    for text in texts:
        if not text:
            continue
        m = re.search(r"(\d{4})[-_ ]?(q[1-4]|h[12])\b", text, re.IGNORECASE)
        if m:
            y, part = int(m.group(1)), m.group(2).lower()
            n = int(part[1])
            return span(y, 3 * n - 2, y, 3 * n) if part[0] == "q" else span(y, 6 * n - 5, y, 6 * n)
        found = [x.period for x in find_periods(text) if x.kind == "closed" and x.period and x.period.start]
        if len(found) == 1:
            return found[0]
    return None


def quarter_ending(day: dt.date | dt.datetime) -> Period:
    """The three months ending on a quarter's last day (TikTok's ``Date`` column)."""
    d = day.date() if isinstance(day, dt.datetime) else day
    p = span(d.year, d.month - 2, d.year, d.month) if d.month >= 3 else None
    if p is None or p.end != d or d.month % 3:
        raise RowError(f"date {d} is not the last day of a quarter")
    return p


_DECIMALS = re.compile(r"0\.(0+)")


def shown(value, number_format: str | None) -> str:
    """A spreadsheet cell as it reads on screen: ``0.0%`` shows 0.9920 as 99.2%, ``#,##0``
    shows 46856 as 46,856; dates as ISO dates; text as it is."""
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, dt.date)):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if isinstance(value, str):
        return value.strip()
    fmt = (number_format or "General").split(";")[0]
    m = _DECIMALS.search(fmt)
    places = len(m.group(1)) if m else 0
    if "%" in fmt:
        return f"{value * 100:.{places}f}%"
    if fmt == "General" or not any(c in fmt for c in "0#"):
        v = float(value)
        return str(int(v)) if v.is_integer() else repr(v)
    return f"{value:,.{places}f}" if "," in fmt else f"{value:.{places}f}"


def cell_value(value, number_format: str | None, what: str) -> tuple[float, str | None, bool] | None:
    """(value, qualifier, percent-as-shown) of a spreadsheet cell; None when empty or not
    reported. A cell formatted as a percentage holds a fraction: 0.998 is 99.8 percent, kept
    to the places shown."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip().rstrip("*").strip()  # "15,935*": a footnote mark (restated)
        return parse_value(text)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RowError(f"{what} {value!r} is not a number")
    fmt = (number_format or "General").split(";")[0]
    if "%" in fmt:
        m = _DECIMALS.search(fmt)
        places = len(m.group(1)) if m else 0
        return round(value * 100, places), None, True
    return float(value), None, False


def sniff_workbook(open_workbook, data: bytes, fits) -> bool:
    """Does ``data`` open as a workbook (with ``open_workbook``) that ``fits``? A file that
    does not open is not of this layout."""
    try:
        wb = open_workbook(data)
    except Exception:  # noqa: BLE001 - not a workbook this library reads: not this layout
        return False
    try:
        return fits(wb)
    finally:
        wb.close()
