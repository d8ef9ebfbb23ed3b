"""CyberTipline reports by electronic service provider (NCMEC), two files.

``ncmec-comparable``: ``id,year,observer,count`` (``Snap2022,2022,NCMEC,551086``): the reports a
provider made in a year, as NCMEC counted them (``observer`` NCMEC) and as the provider's own
transparency report states them (``ServiceProvider``). NCMEC's count is the figure; the
provider's own is the same figure broken down "as reported by the provider".

``ncmec-json``: the ``NCMEC`` rows of ``ocse-reports-per-platform.json``: one row per year and
provider, ``["Snap", 551086, null, null]`` = platform, reports received by NCMEC,
notifications sent by NCMEC, average days to respond. The quote is the row as the file prints
it (its lines, whitespace collapsed), cited by the line it starts on. The file's other
sections (the platforms' own disclosures, each with its own columns) are not read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from store.ingest.statements import IngestError, Meta
from store.ingest.layouts.common import FileLayout, first_record
from store.ingest.layouts.common import RowError, document, figure, parse_period, parse_value
from store.ingest.layouts.discord import _lines

POLICY = "Child sexual exploitation"
METRIC = "CyberTipline reports"
OWN = "as reported by the provider"
TITLE = "CyberTipline reports by electronic service provider"


def _sniff_csv(path: Path, data: bytes) -> bool:
    return [c.strip().casefold() for c in first_record(path, data)] == ["id", "year", "observer", "count"]


def _read_csv(path: Path, data: bytes, meta: Meta):
    doc = document(path, meta, "ncmec-comparable", TITLE, "NCMEC")
    out = []
    for number, line, fields in _lines(data)[1:]:
        if not any(fields):
            continue
        if len(fields) != 4:
            raise IngestError(f"{path}, line {number}: expected 4 fields, found {len(fields)}")
        ident, year, observer, raw = fields
        platform = ident[: -len(year)] if ident.endswith(year) else ident
        try:
            p = parse_period(year)
            v = parse_value(raw)
        except RowError as exc:
            raise IngestError(f"{path}, line {number}: {exc}") from None
        if observer.casefold() not in ("ncmec", "serviceprovider"):
            raise IngestError(f"{path}, line {number}: observer {observer!r} is neither NCMEC nor ServiceProvider")
        if v is None:
            continue
        out.append(figure(platform, METRIC, POLICY, p, v[0], line, number, qualifier=v[1],
                          breakdown="" if observer.casefold() == "ncmec" else OWN))
    return doc, out


def _sniff_json(path: Path, data: bytes) -> bool:
    try:
        d = json.loads(data)
    except ValueError:
        return False
    cols = isinstance(d, dict) and isinstance(d.get("NCMEC"), dict) and d["NCMEC"].get("columns")
    return bool(cols) and cols[:2] == ["platform", "reports"]


JSON_METRICS = {"reports": METRIC, "notifications_sent": "Hosted CSAM notifications sent by NCMEC",
                "response_time": "Average days to remove hosted CSAM after NCMEC's notice"}
_ROW_START = re.compile(r'^\s*\{?\s*"(\d{4})"\s*:\s*\[')


def _read_json(path: Path, data: bytes, meta: Meta):
    doc = document(path, meta, "ncmec-json", f"{TITLE} (NCMEC)", "NCMEC")
    d = json.loads(data)
    columns = d["NCMEC"]["columns"]
    lines = data.decode("utf-8").splitlines()
    start = next((i for i, l in enumerate(lines) if l.strip().startswith('"NCMEC"')), None)
    if start is None:
        raise IngestError(f"{path}: no \"NCMEC\" section")
    out = []
    i = start
    while i < len(lines):
        m = _ROW_START.match(lines[i])
        if not m:
            i += 1
            continue
        first = i
        text = lines[i].strip()
        while "]" not in lines[i]:
            i += 1
            text += " " + lines[i].strip()
        i += 1
        quote = re.sub(r"\s+", " ", text).rstrip(",")
        cells = json.loads(text[text.index("["): text.rindex("]") + 1])
        if len(cells) != len(columns):
            raise IngestError(f"{path}, line {first + 1}: expected {len(columns)} values, found {len(cells)}")
        row = dict(zip(columns, cells))
        platform = row["platform"]
        p = parse_period(m.group(1))
        for column, metric in JSON_METRICS.items():
            v = row.get(column)
            if v is None:
                continue
            if not isinstance(v, (int, float)):
                raise IngestError(f"{path}, line {first + 1}: {column} {v!r} is not a number")
            s = figure(platform, metric, POLICY, p, float(v), quote, first + 1)
            if column == "response_time":
                s.unit = "days"
            out.append(s)
    return doc, out


LAYOUTS = [
    FileLayout("ncmec-comparable", (".csv",), _sniff_csv, _read_csv),
    FileLayout("ncmec-json", (".json",), _sniff_json, _read_json),
]
