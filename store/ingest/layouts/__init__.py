"""The one registry of table layouts: which reader reads a file, recognised by its header.

Row-per-figure CSV layouts (Meta CSER, TikTok CSV, Google 2011, generic) are streamed by
``store.ingest.tables``; the layouts here are whole-file readers for the platforms' other
downloads, each in its own module and recognised by what the file starts with:

=================  ======================================================================
``discord``        Discord transparency CSVs: monthly NCMEC rows (2020-H2 to 2022-Q3), and
                   the block reports (2022-Q4 on: several titled blocks, changing headers)
``meta_people``    Meta's family daily/monthly active people (``period,daily_billion,...``)
``ncmec``          CyberTipline reports by provider: ``id,year,observer,count`` (NCMEC's
                   count and the provider's own) and the NCMEC rows of
                   ``ocse-reports-per-platform.json``
``tiktok_xlsx``    TikTok Community Guidelines Enforcement workbooks (2021-Q3 to 2022-Q3)
``microsoft``      Microsoft Digital Safety Content Report workbooks
``xpdf``           X Global Transparency Report (PDF): its tables, a row as printed, by page
=================  ======================================================================

A file that no layout recognises is refused, naming the file (and line 1 for a CSV).
"""

from __future__ import annotations

from pathlib import Path

from store.ingest.layouts.common import FileLayout, ReadFile, first_record  # noqa: F401  (the layouts' API)
from store.ingest.statements import IngestError, Meta, format_suffix, open_binary

def _registry() -> list[FileLayout]:
    from store.ingest.layouts import discord, meta_people, microsoft, ncmec, tiktok_xlsx, xpdf

    return [*discord.LAYOUTS, *meta_people.LAYOUTS, *ncmec.LAYOUTS, *tiktok_xlsx.LAYOUTS,
            *microsoft.LAYOUTS, *xpdf.LAYOUTS]


STREAMED = ("meta", "tiktok", "google", "generic")  # store.ingest.tables
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".pdf", ".json")


def names() -> list[str]:
    return [*STREAMED, *(f.name for f in _registry())]


def reader_for(path: Path, data: bytes | None) -> ReadFile | None:
    """The reader of a table file, or None for a file that is not a table (prose). Raises
    IngestError for a table file that no layout recognises."""
    suffix = format_suffix(path)
    if suffix not in TABLE_SUFFIXES:
        return None
    name = str(path)
    if suffix in (".csv", ".tsv"):
        from store.ingest.tables import read_table, recognise

        try:
            header = first_record(path, data)
        except OSError as exc:
            raise IngestError(f"{name}: cannot read: {exc.strerror or exc}") from None
        if not header or recognise(header) is not None or suffix == ".tsv":
            return read_table  # recognised, or refused there with its message
    if data is None:
        with open_binary(path) as f:
            data = f.read()
    for layout in _registry():
        if suffix in layout.suffixes and layout.sniff(path, data):
            return _whole(layout, data)
    where = ", line 1" if suffix == ".csv" else ""
    what = {".csv": "CSV header", ".xlsx": "workbook", ".pdf": "PDF report", ".json": "JSON file"}[suffix]
    raise IngestError(f"{name}{where}: unrecognised {what}; the layouts read are {', '.join(names())} "
                      f"— see README, “Adding documents”")


def _whole(layout: FileLayout, data: bytes) -> ReadFile:
    def read(path: Path, _data, meta: Meta):
        return layout.read(path, data, meta)

    return read
