"""Microsoft's Digital Safety Content Report workbooks (one sheet, ``Digital Safety Content``).

The sheet is a column of sections. A section starts with a row holding the period
(``January - June 2020``, ``Jul - Dec 2020``) and, to its right, the names of one or more
sections (``Child Sexual Exploitation & Abuse Imagery (CSEAI) - Hosted Consumer Services``,
``CSEAI - Bing Search Engine``), each spanning the columns up to the next; the next row names
the columns (``Content Actioned``, ``Content Detected Proactively``...) and the row after it
holds the values. Notes below a section are prose and state no figure here.

The policy is the section's subject (CSEAI, TVEC, NCII); what follows `` - `` in its name is a
breakdown (hosted consumer services, Bing). A cell formatted as a percentage is a percentage,
to the places shown (0.992018 shown as 99.2% is 99.2 percent). Each figure quotes its period,
section, column and value as the sheet shows them, cited by the value's row.
"""

from __future__ import annotations

import io
from pathlib import Path

from store.ingest.statements import IngestError, Meta
from store.ingest.layouts.common import FileLayout
from store.ingest.layouts.common import RowError, sniff_workbook, cell_value, document, figure, parse_period, shown

SHEET = "Digital Safety Content"
POLICIES = {"cseai": "Child sexual exploitation and abuse imagery (CSEAI)",
            "tvec": "Terrorist and violent extremist content (TVEC)",
            "ncii": "Non-consensual intimate imagery (NCII)"}


def _open(data: bytes):
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)


def _sniff(path: Path, data: bytes) -> bool:
    return sniff_workbook(_open, data, lambda wb: wb.sheetnames == [SHEET])


def _policy(section: str) -> tuple[str, str]:
    name, _, part = section.partition(" - ")
    key = name.strip()
    for abbr, policy in POLICIES.items():
        if f"({abbr})" in key.casefold() or key.casefold() == abbr:
            return policy, part.strip()
    return key, part.strip()


def _read(path: Path, data: bytes, meta: Meta):
    wb = _open(data)
    try:
        rows = [[(c.value, c.number_format) for c in row] for row in wb[SHEET].iter_rows()]
    finally:
        wb.close()
    doc = document(path, meta, "microsoft", "Microsoft Digital Safety Content Report", "Microsoft")
    out = []
    i = 0
    while i < len(rows):
        row = rows[i]
        at = next((j for j, (v, _) in enumerate(row) if isinstance(v, str) and v.strip()), None)
        period = None
        if at is not None and not row[at][0].strip().lower().startswith(("note", "*", "digital safety")):
            try:
                period = parse_period(row[at][0].strip())
            except RowError:
                period = None
        if period is None:
            i += 1
            continue
        label = row[at][0].strip()
        sections = [(j, v.strip()) for j, (v, _) in enumerate(row) if j > at and isinstance(v, str) and v.strip()]
        if not sections or i + 2 >= len(rows):
            raise IngestError(f"{path}, sheet {SHEET!r}, row {i + 1}: a period with no section and values below it")
        columns, values = rows[i + 1], rows[i + 2]
        for k, (start, section) in enumerate(sections):
            end = sections[k + 1][0] if k + 1 < len(sections) else len(columns)
            policy, breakdown = _policy(section)
            for j in range(start, min(end, len(columns), len(values))):
                column = columns[j][0]
                value, fmt = values[j]
                if not isinstance(column, str) or not column.strip():
                    if value not in (None, ""):
                        raise IngestError(f"{path}, sheet {SHEET!r}, row {i + 3}: a value under no column")
                    continue
                try:
                    v = cell_value(value, fmt, column.strip())
                except RowError as exc:
                    raise IngestError(f"{path}, sheet {SHEET!r}, row {i + 3}: {exc}") from None
                if v is None:
                    continue
                quote = f"{label} · {section} · {column.strip()}: {shown(value, fmt)}"
                out.append(figure("Microsoft", column.strip(), policy, period, v[0], quote, i + 3, qualifier=v[1],
                                  breakdown=breakdown, percent=v[2]))
        i += 3
    if not out:
        raise IngestError(f"{path}: sheet {SHEET!r} states no figure")
    return doc, out


LAYOUTS = [FileLayout("microsoft", (".xlsx",), _sniff, _read)]
