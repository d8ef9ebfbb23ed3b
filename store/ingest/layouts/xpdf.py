"""X's Global Transparency Report (PDF): the tables of every page, read with pdfplumber.

The report's period is the one its first page names (``GLOBAL TRANSPARENCY REPORT H1 2024``).
On each page the tables are found by their ruling; a table's subject is the heading above it
(``CHILD SAFETY``, ``VIOLENT & HATEFUL ENTITIES``). Four kinds of table:

* ``POLICY AREA`` header: one policy a row, one figure a column (user reports, suspensions,
  posts removed or labeled, violation rate);
* ``TOTAL ACTIONS / AUTOMATED / HUMAN``: the heading's policy, one action a row (accounts
  suspended, content removed, labels, NCMEC reports); automated and human are breakdowns;
* a requests table whose first row is ``TOTAL ... REQUESTS``: one country (or group) a row;
* a two-cell label and value (``TOTAL ACCOUNT SUSPENSIONS 5,296,870``).

A footnote mark printed after a label or a number (``Accounts Suspended 1``, ``463,960,085 2``)
is not part of it. Each figure quotes its row as printed (the text line on the page) and is
cited by page. A PDF that is not this report is refused.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from store.ingest.statements import IngestError, Meta
from store.ingest.layouts.common import FileLayout
from store.ingest.layouts.common import RowError, document, figure, parse_value, period_in
from store.vocabulary import ALL_POLICIES

TITLE = "X Global Transparency Report"
PLACES = {"usa": "United States", "uk": "United Kingdom", "eu": "European Union"}
BREAKDOWN = {"automated": "automated", "human": "human"}


def _sniff(path: Path, data: bytes) -> bool:
    if not data.startswith(b"%PDF"):
        return False
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            first = (pdf.pages[0].extract_text() or "") if pdf.pages else ""
    except Exception:  # noqa: BLE001 - a PDF pdfplumber cannot read is not this layout
        return False
    return "GLOBAL" in first and "TRANSPARENCY" in first and "REPORT" in first and period_in(" ".join(first.split())) is not None


def _clean(cell: str | None) -> str:
    return " ".join((cell or "").split())


def _label(cell: str | None) -> str:
    return re.sub(r"\s+\d$", "", _clean(cell))  # "Accounts Suspended 1": footnote 1


def _number(cell: str | None):
    text = re.sub(r"^([<>]?[\d,.]+%?)\s+\d$", r"\1", _clean(cell))  # "463,960,085 2": footnote 2
    return parse_value(text)


def _title(text: str) -> str:
    small = {"and", "or", "of", "&"}
    return " ".join(w if w in small or w == "&" else w.capitalize() for w in text.lower().split())


def _read(path: Path, data: bytes, meta: Meta):
    import pdfplumber

    doc = document(path, meta, "xpdf", TITLE, "X")
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        first = " ".join((pdf.pages[0].extract_text() or "").split())
        period = period_in(meta.title, first, path.name)
        if period is None:
            raise IngestError(f"{path}, page 1: the report's period is not named")
        for number, page in enumerate(pdf.pages, start=1):
            tables = []
            for table in page.find_tables():
                x0, top, x1, bottom = table.bbox
                if top <= 1 and bottom >= page.height - 1:
                    continue  # the page frame, not a table
                rows = table.extract()
                if rows and max(len(r) for r in rows) >= 2:
                    tables.append((table, rows))
            if not tables:
                continue
            words = page.extract_words()  # once a page: headings and the rows as printed
            lines = _lines(words)
            for table, rows in tables:
                x0, top, _, _ = table.bbox
                heading = ""
                for lx0, ltop, lbottom, text in lines:
                    if lbottom <= top and lx0 < x0 + 40 and re.fullmatch(r"[A-Z][A-Z ,&/'-]+", text):
                        heading = text
                printed = [_printed(words, row) for row in table.rows]
                try:
                    out.extend(_table(rows, printed, heading, period, number))
                except RowError as exc:
                    raise IngestError(f"{path}, page {number}: {exc}") from None
    if not out:
        raise IngestError(f"{path}: no table of figures found")
    return doc, out


def _lines(words) -> list[tuple[float, float, float, str]]:
    """The page's words as lines: (x0, top, bottom, text), top to bottom."""
    out: list[list] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if out and abs(out[-1][1] - w["top"]) < 2:
            out[-1][3].append(w["text"])
            out[-1][2] = max(out[-1][2], w["bottom"])
        else:
            out.append([w["x0"], w["top"], w["bottom"], [w["text"]]])
    return [(x0, top, bottom, " ".join(ws)) for x0, top, bottom, ws in out]


def _printed(words, row) -> str:
    """A table row as printed: each cell's words (top to bottom, left to right), cell after cell."""
    parts = []
    for cell in row.cells:
        if cell is None:
            continue
        cx0, ctop, cx1, cbottom = cell
        inside = [w for w in words if cx0 - 1 <= (w["x0"] + w["x1"]) / 2 <= cx1 + 1 and ctop - 1 <= (w["top"] + w["bottom"]) / 2 <= cbottom + 1]
        parts.extend(w["text"] for w in sorted(inside, key=lambda w: (round(w["top"]), w["x0"])))
    return " ".join(parts)


SAME = {"account suspensions": "Accounts Suspended", "total account suspensions": "Accounts Suspended"}


def _table(rows, printed, heading: str, period, page: int):
    header = [_clean(c) for c in rows[0]]
    h0 = header[0].casefold()
    out = []

    def add(metric, policy, raw, quote, location="", breakdown=""):
        v = _number(raw)
        if v is None:
            return
        value, qualifier, pct = v
        out.append(figure("X", metric, policy, period, value, quote, page, qualifier=qualifier, location=location,
                          breakdown=breakdown, percent=pct))

    if len(header) == 2 and _is_number(rows[0][1]):  # label and value, one or more rows
        for row, span in zip(rows, printed):
            label = _label(row[0])
            metric = SAME.get(label.casefold()) or _title(re.sub(r"^(TOTAL|OVERALL)\s+", "", label, flags=re.IGNORECASE)).capitalize()
            add(metric, ALL_POLICIES, row[1], span)
        return out
    if h0 == "policy area":
        for row, span in zip(rows[1:], printed[1:]):
            policy = _label(row[0])
            for column, raw in zip(header[1:], row[1:]):
                metric = {"total": "User reports", "% of total reports": "Share of user reports"}.get(column.casefold(), column)
                metric = SAME.get(metric.casefold()) or metric[0] + metric[1:].lower()
                add(metric, policy, raw, span)
        return out
    if header[1:2] and header[1].casefold() == "total actions":
        policy = _title(heading) if heading else ALL_POLICIES
        for row, span in zip(rows[1:], printed[1:]):
            metric = _label(row[0])
            for column, raw in zip(header[1:], row[1:]):
                add(metric, policy, raw, span, breakdown=BREAKDOWN.get(column.casefold(), ""))
        return out
    label0 = _label(rows[1][0]) if len(rows) > 1 else ""
    if label0.upper().startswith("TOTAL "):  # requests by country
        base = _title(label0[6:]).capitalize()  # "Information requests"
        for row, span in zip(rows[1:], printed[1:]):
            label = _label(row[0])
            location, breakdown = "", ""
            if not label.upper().startswith("TOTAL "):
                if label.casefold() == "all others":
                    breakdown = "all other countries"
                else:
                    location = PLACES.get(label.casefold(), label)
            for column, raw in zip(header[1:], row[1:]):
                c = column.casefold()
                metric = f"Government {base.lower()}" if c.startswith("total number") else f"Government {base.lower()}: {column.lower()}"
                add(metric, ALL_POLICIES, raw, span, location=location, breakdown=breakdown)
        return out
    if not h0 and len(header) > 2:  # notices: one kind a row
        for row, span in zip(rows[1:], printed[1:]):
            label = _label(row[0])
            for column, raw in zip(header[1:], row[1:]):
                add(f"{label}: {column.lower()}", ALL_POLICIES, raw, span)
        return out
    return out


def _is_number(cell) -> bool:
    try:
        return _number(cell) is not None
    except RowError:
        return False


LAYOUTS = [FileLayout("xpdf", (".pdf",), _sniff, _read)]
