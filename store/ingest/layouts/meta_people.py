"""Meta's family daily and monthly active people: ``period,daily_billion,monthly_billion``,
one quarter a row (``2023Q4,3.19,3.98``). Values are billions of people; each row states two
figures, quoting the row."""

from __future__ import annotations

from pathlib import Path

from store.ingest.statements import IngestError, Meta
from store.ingest.layouts.common import FileLayout, first_record
from store.ingest.layouts.common import RowError, document, figure, parse_period, parse_value
from store.ingest.layouts.discord import _lines
from store.vocabulary import ALL_POLICIES

HEADER = ["period", "daily_billion", "monthly_billion"]
METRICS = {"daily_billion": "Family daily active people", "monthly_billion": "Family monthly active people"}


def _sniff(path: Path, data: bytes) -> bool:
    return [c.strip().casefold() for c in first_record(path, data)] == HEADER


def _read(path: Path, data: bytes, meta: Meta):
    doc = document(path, meta, "meta-people", "Meta family daily and monthly active people", "Meta")
    out = []
    for number, line, fields in _lines(data)[1:]:
        if not any(fields):
            continue
        if len(fields) != 3:
            raise IngestError(f"{path}, line {number}: expected 3 fields, found {len(fields)}")
        try:
            p = parse_period(fields[0])
            for column, raw in zip(HEADER[1:], fields[1:]):
                v = parse_value(raw)
                if v is None:
                    continue
                out.append(figure("Meta", METRICS[column], ALL_POLICIES, p, round(v[0] * 1e9), line, number))
        except RowError as exc:
            raise IngestError(f"{path}, line {number}: {exc}") from None
    for s in out:
        s.unit = "people"
    return doc, out


LAYOUTS = [FileLayout("meta-people", (".csv",), _sniff, _read)]
