"""Adding documents to the store: one transaction per file, nothing half-written.

``ingest_paths`` is what ``modstats ingest`` calls. Each file is read, recognised (prose, or a
CSV layout), turned into ``Stated`` figures, and written with ``save`` in its own transaction.
A file that cannot be read or understood raises ``IngestError`` naming the file and line; it
changes nothing, and the other files still go in.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from store.models import Citation, Document, Figure, LibraryDocument
from store.periods import Period


class IngestError(Exception):
    """A file that cannot be ingested: the message names the file (and line, when known)."""


@dataclass(frozen=True)
class Meta:
    """Source metadata. Flags given to ``modstats ingest`` fill what a file does not carry."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None

    def over(self, fallback: "Meta") -> "Meta":
        """These values, with ``fallback`` filling the gaps (front matter wins over flags)."""
        return Meta(
            self.title or fallback.title,
            self.publisher or fallback.publisher,
            self.url or fallback.url,
            self.published or fallback.published,
        )


@dataclass(slots=True)  # not frozen: a million rows are built, and a frozen init costs 7x
class Stated:
    """One figure as one document states it."""

    platform: str
    metric: str
    policy: str
    period: Period
    value: float
    unit: str
    quote: str
    qualifier: str | None = None
    location: str = ""
    breakdown: str = ""
    compare: Period | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    row: int | None = None
    # Structured series (CSV) are republished with revised values: their identity leaves the
    # value out, so a later report revises the fact instead of adding a second one. Prose keeps
    # the value in, so sources that disagree stand side by side.
    revisable: bool = False

    def fingerprint(self) -> str:
        p, c = self.period, self.compare
        parts = [
            self.platform.casefold(), self.metric.casefold(), self.policy.casefold(),
            self.location.casefold(), self.breakdown.casefold(), self.unit,
            str(p.start), str(p.end), str(c.start if c else None), str(c.end if c else None),
        ]
        if not self.revisable:
            parts.append(repr(float(self.value)))
        return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


@dataclass
class FileResult:
    path: str
    status: str  # "added", "unchanged" or "failed"
    figures: int = 0
    message: str = ""


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(f.status == "failed" for f in self.files)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def open_binary(path: Path):
    """The file's bytes as published: a ``.gz`` file (as the starter library ships its
    tables) is read decompressed, so its digest and rows are those of the original."""
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")


def published_name(path: Path) -> str:
    """The file's name as published: ``meta-2021-q2.csv`` for ``meta-2021-q2.csv.gz``."""
    return path.stem if path.suffix.lower() == ".gz" else path.name


def format_suffix(path: Path) -> str:
    """What the file is, under any compression: ``.csv`` for ``x.csv.gz``."""
    return Path(published_name(path)).suffix.lower()


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open_binary(path) as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def save(session: Session, document: Document, stated: Iterable[Stated]) -> int:
    """Write a document and the figures it states; returns how many citations were added.

    The same fact already stored (same fingerprint) gains a citation instead of a new row; a
    revisable fact restated by a document published no earlier than every document already
    citing it takes the new value. A document cites a fact once: its first statement is kept.
    Revisable (structured) figures are written in batches by ``store.ingest.bulk`` (the one
    place that rule is implemented); the others one by one here.
    """
    session.add(document)
    session.flush()
    cache: dict[str, Figure] = {}
    added = 0
    table: list[Stated] = []  # revisable figures go through the batched path in store.ingest.bulk
    for s in stated:
        if s.revisable:
            table.append(s)
            if len(table) >= BATCH:
                session.flush()
                added += save_revisable(session, document, table)
                table = []
            continue
        fp = s.fingerprint()
        figure = cache.get(fp) or session.scalar(select(Figure).where(Figure.fingerprint == fp))
        if figure is None:
            figure = Figure(
                fingerprint=fp, platform=s.platform, metric=s.metric, policy=s.policy,
                location=s.location, breakdown=s.breakdown,
                period_start=s.period.start, period_end=s.period.end, period_label=s.period.label,
                compare_start=s.compare.start if s.compare else None,
                compare_end=s.compare.end if s.compare else None,
                value=s.value, unit=s.unit,
            )
            session.add(figure)
            session.flush()
        cache[fp] = figure
        if any(c.document_id == document.id for c in figure.citations):
            continue  # one citation per document and fact: the first statement is kept
        figure.citations.append(
            Citation(
                document_id=document.id, value=s.value, qualifier=s.qualifier, quote=s.quote,
                quote_start=s.quote_start, quote_end=s.quote_end, row=s.row,
            )
        )
        added += 1
    if table:
        session.flush()
        added += save_revisable(session, document, table)
    return added


Reader = Callable[[Path, bytes | None, Meta], tuple[Document, Iterable[Stated]]]
TABLE_SUFFIXES = (".csv", ".tsv")


def reader_for(path: Path, data: bytes | None) -> Reader:
    """Pick the reader for a file: tables (CSV, XLSX, the PDF and JSON layouts) by their
    header, through the one registry in ``store.ingest.layouts``; prose otherwise."""
    from store.ingest.layouts import reader_for as layout_reader

    read = layout_reader(path, data)
    if read is not None:
        return read
    from store.ingest.prose import read_prose

    return read_prose


def ingest_file(store, path: Path, meta: Meta = Meta(), origin: str | None = None) -> FileResult:
    """Ingest one file in one transaction. ``origin`` marks who added it (``"library"`` for
    the bundled starter library, None for a user's documents)."""
    name = str(path)
    try:
        if format_suffix(path) in TABLE_SUFFIXES:  # tables are streamed, never read whole
            data, digest = None, _sha256_file(path)
        else:
            with open_binary(path) as f:
                data = f.read()
            digest = sha256_of(data)
    except OSError as exc:
        return FileResult(name, "failed", message=f"{name}: cannot read: {exc.strerror or exc}")
    with store.Session() as session:
        if session.scalar(select(Document.id).where(Document.sha256 == digest)) is not None:
            return FileResult(name, "unchanged", message=f"{name}: already ingested, nothing changed")
    for attempt in (1, 2):
        try:
            read = reader_for(path, data)
            with store.transaction() as session:
                document, stated = read(path, data, meta)
                document.sha256 = digest
                count = save(session, document, stated)
                if origin == "library":
                    session.add(LibraryDocument(document_id=document.id))
            break
        except IngestError as exc:
            return FileResult(name, "failed", message=str(exc))
        except IntegrityError:
            # another process stored this document, or one of its facts, at the same moment
            # (two workers seeding a new database): the document may be in already; if not,
            # its facts now exist and a second try cites them
            with store.Session() as session:
                if session.scalar(select(Document.id).where(Document.sha256 == digest)) is not None:
                    return FileResult(name, "unchanged", message=f"{name}: already ingested, nothing changed")
            if attempt == 2:
                raise
    store.changed()
    return FileResult(name, "added", figures=count, message=f"{name}: {count} figures")


def ingest_paths(store, paths: Iterable[Path], meta: Meta = Meta()) -> Report:
    report = Report()
    for path in paths:
        report.files.append(ingest_file(store, Path(path), meta))
    return report


from store.ingest.bulk import BATCH, save_revisable  # noqa: E402  (bulk imports Stated from here)
