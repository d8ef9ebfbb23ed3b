"""TikTok Community Guidelines Enforcement workbooks (2021-Q3 to 2022-Q3, before the CSVs).

Each sheet is read by its header (its first row), four kinds:

* ``Date`` first: one quarter a row (the date is the quarter's last day), one figure a column
  (``Account removals``, ``Historical video removals``, ``Total removals and removal rate``,
  ``Ads``, ``Spam``...). In ``Video removals by policy`` the columns are policies and the
  values each policy's share of the videos removed.
* ``<period> removal policy`` first (``Jul-Sep 2021 removal policy``): one policy a row, rates.
* ``Country Code``/``Country Name``: one market a row, for the report's quarter.
* ``Issue policy``, ``Sub-policy``: one sub-policy a row (a breakdown), for the report's quarter.

The report's quarter is the one its ``removal policy`` sheet names. A sheet of any other
kind refuses the file, naming the sheet. Rates are published as fractions (0.904 = 90.4
percent). Each figure quotes the sheet, row label, column and the cell's value, cited by row.
Read with python-calamine (openpyxl takes seconds on the styled 2022 sheets).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from store.ingest.statements import IngestError, Meta
from store.ingest.layouts.common import FileLayout
from store.ingest.layouts.common import RowError, sniff_workbook, cell_value, document, figure, is_rate, parse_period, quarter_ending, shown
from store.periods import Period
from store.vocabulary import ALL_POLICIES

KNOWN = ("Account removals", "Historical video removals")


def _open(data: bytes):
    from python_calamine import CalamineWorkbook  # 25x faster than openpyxl on these styled sheets

    return CalamineWorkbook.from_filelike(io.BytesIO(data))


def _sniff(path: Path, data: bytes) -> bool:
    return sniff_workbook(_open, data, lambda wb: all(k in wb.sheet_names for k in KNOWN))


def _text(v) -> str:
    return v.strip() if isinstance(v, str) else ""


def _policy_period(label: str) -> Period:
    text = re.sub(r"\s*removal policy\s*$", "", label, flags=re.IGNORECASE)
    text = re.sub(r"\s*-\s*", "-", text)
    return parse_period(text)


def _is_rate(column: str) -> bool:
    c = column.casefold()
    return is_rate(column) or c.startswith(("%", "proactive removal", "removal before", "removal within",
                                            "removals before", "category share"))


def _read(path: Path, data: bytes, meta: Meta):
    wb = _open(data)
    try:
        sheets = {name: [[(v, None) for v in row] for row in wb.get_sheet_by_name(name).to_python(skip_empty_area=False)]
                  for name in wb.sheet_names}
    finally:
        wb.close()
    doc = document(path, meta, "tiktok-xlsx", "TikTok Community Guidelines Enforcement Report", "TikTok")
    quarter = None
    for rows in sheets.values():
        head = _text(rows[0][0][0]) if rows and rows[0] else ""
        if head.casefold().endswith("removal policy"):
            quarter = _policy_period(head)
    out = []
    for name, rows in sheets.items():
        out.extend(_sheet(path, name, rows, quarter))
    return doc, out


def _sheet(path: Path, name: str, rows, quarter: Period | None):
    while rows and not any(_text(v) or isinstance(v, (int, float)) for v, _ in rows[0]):
        rows = rows[1:]  # (no sheet starts with blank rows today)
    if not rows:
        return []
    header = [_text(v) for v, _ in rows[0]]
    while header and not header[-1]:
        header.pop()
    first = header[0].casefold() if header else ""
    where = f"{path}, sheet {name!r}"
    if first == "date":
        kind = "date"
    elif first.endswith("removal policy"):
        kind = "policy"
        try:
            period = _policy_period(header[0])
        except RowError as exc:
            raise IngestError(f"{where}, row 1: {exc}") from None
    elif first in ("country code", "country name"):
        kind = "country"
    elif first == "issue policy" and len(header) > 1 and header[1].casefold() == "sub-policy":
        kind = "subpolicy"
    else:
        raise IngestError(f"{where}, row 1: unrecognised sheet (header {header[:3]!r}); the TikTok workbook "
                          f"sheets read start with Date, '<period> removal policy', Country Code/Name or Issue policy")
    if kind in ("country", "subpolicy") and quarter is None:
        raise IngestError(f"{where}: no 'removal policy' sheet names the report's quarter")
    name_col = header.index("Country Name") if kind == "country" and "Country Name" in header else 0
    first_value = {"date": 1, "policy": 1, "country": name_col + 1, "subpolicy": 2}[kind]
    out = []
    for r, row in enumerate(rows[1:], start=2):
        cells = row + [(None, None)] * (len(header) - len(row))
        label_value, label_fmt = cells[0] if kind != "country" else cells[name_col]
        if label_value is None or (isinstance(label_value, str) and not label_value.strip()):
            if any(v not in (None, "") for v, _ in cells[first_value:len(header)]):
                raise IngestError(f"{where}, row {r}: values with no row label")
            continue
        try:
            if kind == "date":
                if not isinstance(label_value, (dt.date, dt.datetime)):
                    raise RowError(f"date {label_value!r} is not a date")
                period = quarter_ending(label_value)
            elif kind in ("country", "subpolicy"):
                period = quarter
            label = shown(label_value, label_fmt)
            for j in range(first_value, len(header)):
                column = header[j]
                value, fmt = cells[j]
                if not column:
                    continue
                v = cell_value(value, fmt, column)
                if v is None:
                    continue
                number, qualifier, pct = v
                policy, location, breakdown, metric = ALL_POLICIES, "", "", column
                if kind == "date" and name.casefold() == "video removals by policy":
                    policy, metric = column, "Share of videos removed"
                elif kind == "policy":
                    policy = label
                elif kind == "country":
                    location = label
                elif kind == "subpolicy":
                    policy, breakdown = label, f"Sub-policy: {_text(cells[1][0])}"
                rate = pct or _is_rate(metric)
                quote = f"{name} · {label}" + (f" · {_text(cells[1][0])}" if kind == "subpolicy" else "") + \
                        f" · {column}: {shown(value, fmt)}"
                out.append(figure("TikTok", metric, policy, period, number, quote, r, qualifier=qualifier,
                                  location=location, breakdown=breakdown, percent=pct, fraction=rate and not pct))
        except RowError as exc:
            raise IngestError(f"{where}, row {r}: {exc}") from None
    return out


LAYOUTS = [FileLayout("tiktok-xlsx", (".xlsx",), _sniff, _read)]
