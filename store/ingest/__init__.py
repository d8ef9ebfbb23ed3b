"""Adding documents to the store: one transaction per file, nothing half-written.

``ingest_paths`` is what ``modstats ingest`` calls. Each file is read, recognised (prose, or a
CSV layout), turned into ``Stated`` figures, and written with ``save`` in its own transaction.
A file that cannot be read or understood raises ``IngestError`` naming the file and line; it
changes nothing, and the other files still go in.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import logging
import math
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlalchemy import bindparam, delete, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from store.faults import explain, one_line
from store.limits import MAX_DOCUMENT_BYTES, MAX_YEAR, MIN_YEAR, QUOTE_CONTEXT
from store.models import FULL_TEXT, Citation, Document, Figure, LibraryDocument
from store.ingest import dating
from store.ingest.bulk import Writer
from store.ingest.statements import IngestError, Meta, Stated, format_suffix, open_binary, published_name  # noqa: F401
from store.periods import Period

log = logging.getLogger(__name__)


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
    cited: set[str] = set()  # the document is new: only what this loop adds cites it
    added = 0
    writer: Writer | None = None  # revisable figures go through the batched path in store.ingest.bulk
    names: set[tuple[str, ...]] = set()  # of the figures added (platform, metric, policy, location, breakdown)
    sources: set[tuple[str, str, bool]] = set()  # (platform, metric, table row) of every statement
    try:
        for s in stated:
            sources.add((s.platform, s.metric, s.row is not None))
            if s.revisable:
                if writer is None:
                    session.flush()
                    writer = Writer(session, document, names)
                writer.add(s)
                continue
            if writer is not None:
                writer.settle()  # the connection is the session's again
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
                names.add((s.platform, s.metric, s.policy, s.location, s.breakdown))
            cache[fp] = figure
            if fp in cited:
                continue  # one citation per document and fact: the first statement is kept
            cited.add(fp)
            # added by id, never through figure.citations: loading that collection would read every
            # citing document's whole text (Citation.document is joined), again for each fact
            # restated, so a store's ingests grew slower and larger with every document it holds
            session.add(Citation(
                figure_id=figure.id, document_id=document.id, value=s.value, qualifier=s.qualifier, quote=s.quote,
                quote_start=s.quote_start, quote_end=s.quote_end, row=s.row,
                context=document.text[max(0, s.quote_start - QUOTE_CONTEXT) : s.quote_start]
                if s.row is None and s.quote_start else "",
            ))
            added += 1
        if writer is not None:
            added += writer.close()
    except BaseException:
        if writer is not None:
            writer.abandon()  # a bad row: the connection leaves pipeline mode, the file is rolled back
        raise
    record_names(session, names, {(p, m, document.publisher or "", row) for p, m, row in sources})
    if not all(is_row for _, _, is_row in sources):  # (a table's rows are not indexed: nothing to read back)
        index_quotes(session, [document.id])
    return added


def index_quotes(session: Session, docs: list[int], *, remove: bool = False) -> None:
    """Add these documents' prose quotes to the full-text index (``store.models.FULL_TEXT``) once their
    citations are written, or, ``remove``, take them out before the citations are deleted. SQLite's FTS5
    table is kept here, a document at a time (triggers on citations cost a bulk load of table rows half
    its insert time, for rows the index leaves out); PostgreSQL's GIN index keeps itself."""
    if session.get_bind().dialect.name != "sqlite" or not docs:
        return
    session.flush()
    into, what = (f"({FULL_TEXT}, rowid, quote)", "'delete', id, quote") if remove else ("(rowid, quote)", "id, quote")
    session.execute(text(f"INSERT INTO {FULL_TEXT} {into} SELECT {what} FROM citations "
                         "WHERE document_id IN :docs AND row IS NULL").bindparams(bindparam("docs", expanding=True)),
                    {"docs": list(docs)})


NAME_KINDS = ("platform", "metric", "policy", "location", "breakdown")


def record_names(session: Session, names: Iterable[tuple[str, ...]],
                 sources: Iterable[tuple[str, str, str, bool]] = ()) -> None:
    """Add the names of figures just added (tuples in NAME_KINDS order) to figure_names, the
    slices they fill with their policies to figure_slices, and who states which metric of a
    platform (platform, metric, publisher, table row) to metric_sources."""
    names = set(names)
    rows = sorted({(kind, name) for row in names for kind, name in zip(NAME_KINDS, row) if name})
    if rows:
        session.execute(text("INSERT INTO figure_names (kind, name) VALUES (:kind, :name) ON CONFLICT DO NOTHING"),
                        [{"kind": k, "name": n} for k, n in rows])
    if slices := sorted({(platform, location, breakdown, policy) for platform, _, policy, location, breakdown in names}):
        session.execute(text("INSERT INTO figure_slices (platform, location, breakdown, policy) "
                             "VALUES (:p, :l, :b, :c) ON CONFLICT DO NOTHING"),
                        [{"p": p, "l": l, "b": b, "c": c} for p, l, b, c in slices])
    if sources := sorted(set(sources)):
        session.execute(text("INSERT INTO metric_sources (platform, metric, publisher, is_row) "
                             "VALUES (:p, :m, :pub, :r) ON CONFLICT DO NOTHING"),
                        [{"p": p, "m": m, "pub": pub, "r": r} for p, m, pub, r in sources])


def drop_citations(session: Session, docs: list[int]) -> None:
    """Remove the citations of the documents ``docs`` and the figures only they state; a figure
    other documents state too keeps their citations and takes the value of the latest of them."""
    touched = select(Citation.figure_id).where(Citation.document_id.in_(docs)).scalar_subquery()
    figure_ids = list(session.scalars(select(Figure.id).where(Figure.id.in_(touched))))
    index_quotes(session, docs, remove=True)
    session.execute(delete(Citation).where(Citation.document_id.in_(docs)))
    for chunk in range(0, len(figure_ids), 500):
        ids = figure_ids[chunk:chunk + 500]
        cited = select(Citation.figure_id).where(Citation.figure_id.in_(ids))
        session.execute(delete(Figure).where(Figure.id.in_(ids), Figure.id.not_in(cited)))
        # what is left is stated by other documents: the latest of them gives the value
        for fid, in session.execute(select(Figure.id).where(Figure.id.in_(ids))):
            latest = session.execute(
                select(Citation.value).join(Document, Document.id == Citation.document_id)
                .where(Citation.figure_id == fid)
                .order_by(func.coalesce(Document.published, dt.date.min).desc(), Citation.id.desc()).limit(1)
            ).scalar()
            session.execute(update(Figure).where(Figure.id == fid).values(value=latest))


def redate(session: Session, document: Document) -> bool:
    """Read a document of no date again, now that the store holds a dated source sharing one of
    its figures (``store.ingest.dating``): when that gives its months a year, its figures are
    replaced by the dated ones, all of them or, should that fail, none. True when it was dated."""
    from store.ingest.prose import read_again

    stated = read_again(document)
    year = dating.year_of(session, stated)
    if year is None:
        return False
    try:
        with session.begin_nested():
            drop_citations(session, [document.id])
            session.flush()
            save(session, document, checked(document.filename, dating.with_year(stated, year), document.text))
    except IngestError as exc:
        log.warning("%s: not dated: %s", one_line(document.filename), exc)
        return False
    return True


def rebuild_names(session: Session) -> None:
    """figure_names, figure_slices and metric_sources anew from the figures (after figures
    were removed)."""
    session.execute(text("DELETE FROM figure_names"))
    for kind in NAME_KINDS:
        session.execute(text(f"INSERT INTO figure_names (kind, name) SELECT DISTINCT '{kind}', {kind} FROM figures "
                             f"WHERE {kind} <> ''"))
    session.execute(text("DELETE FROM figure_slices"))
    session.execute(text("INSERT INTO figure_slices (platform, location, breakdown, policy) "
                         "SELECT DISTINCT platform, location, breakdown, policy FROM figures"))
    session.execute(text("DELETE FROM metric_sources"))
    session.execute(text(
        "INSERT INTO metric_sources (platform, metric, publisher, is_row) "
        "SELECT DISTINCT f.platform, f.metric, COALESCE(d.publisher, ''), c.row IS NOT NULL FROM figures f "
        "JOIN citations c ON c.figure_id = f.id JOIN documents d ON d.id = c.document_id"))


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
    """Ingest one file in one transaction. Whatever goes wrong (a bad file, a full disk, a
    bug) is this file's one-line message: nothing of it is stored, and the caller goes on.
    ``origin`` marks who added it (``"library"`` for the bundled starter library, None for a
    user's documents)."""
    name = one_line(str(path))
    try:
        return _ingest(store, path, meta, name, origin)
    except IngestError as exc:
        return FileResult(name, "failed", message=one_line(str(exc).replace(str(path), name)))
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - one file's fault must not lose the files after it
        log.debug("ingesting %s failed", name, exc_info=exc)
        why = explain(exc) or f"internal error: {exc.__class__.__name__}: {exc} (please report it)"
        return FileResult(name, "failed", message=one_line(f"{name}: not stored: {why}"))


def _ingest(store, path: Path, meta: Meta, name: str, origin: str | None) -> FileResult:
    table = format_suffix(path) in TABLE_SUFFIXES
    try:
        st = os.stat(path)  # before opening: a FIFO or /dev/zero would block or never end
        if not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a pipe, device or socket)"
            raise IngestError(f"{name}: {what}; give the path of a document or a CSV file")
        if not table and st.st_size > MAX_DOCUMENT_BYTES:
            raise IngestError(f"{name}: {st.st_size:,} bytes; a document may have at most {MAX_DOCUMENT_BYTES:,} "
                              "(see README, “Limits”)")
        if table:  # tables are streamed, never read whole
            data, digest = None, _sha256_file(path)
        else:
            with open_binary(path) as f:
                data = f.read(MAX_DOCUMENT_BYTES + 1)
            if len(data) > MAX_DOCUMENT_BYTES:
                raise IngestError(f"{name}: more than {MAX_DOCUMENT_BYTES:,} bytes (see README, “Limits”)")
            digest = sha256_of(data)
    except OSError as exc:
        raise IngestError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if _stored(store, digest):
        return FileResult(name, "unchanged", message=f"{name}: already ingested, nothing changed")
    try:
        read = reader_for(path, data)
    except UnicodeDecodeError as exc:  # a layout's sniffing decodes the file's bytes
        raise IngestError(f"{name}: not UTF-8 text (byte {exc.start} of a part read to recognise it)") from None
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with store.transaction() as session:
                document, stated = read(path, data, meta)
                document.sha256 = document.sha256 or digest  # prose: its normalised text's
                if document.sha256 != digest and _stored(store, document.sha256, session):
                    return FileResult(name, "unchanged", message=f"{name}: already ingested (the same text), nothing changed")
                check_document(name, document)
                if document.kind == "text" and document.published is None and (year := dating.year_of(session, stated)):
                    stated = dating.with_year(stated, year)  # months of no year, dated by another source
                with collector_paused():
                    count = save(session, document, checked(name, stated, document.text))
                    if document.kind == "text" and dating.may_date(stated):  # or this story dates one stored before it
                        session.flush()
                        for other in dating.undated_sharing(session, document.id):
                            redate(session, other)
                if origin == "library":
                    session.add(LibraryDocument(document_id=document.id))
            break
        except Exception as exc:
            # another process stored this document, or one of its facts, at the same moment
            # (two workers seeding a new database): the document may be in already; if not,
            # its facts now exist and another try cites them
            if not _transient(exc) or attempt == WRITE_ATTEMPTS:
                raise
            if _stored(store, digest):
                return FileResult(name, "unchanged", message=f"{name}: already ingested, nothing changed")
    store.changed()
    return FileResult(name, "added", figures=count, message=f"{name}: {count} figures")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a file's figures are read and written: a
    million rows allocate tens of millions of objects and no cycles, and the collector's passes
    over them took about a tenth of a bulk CSV load. Reference counting frees them as before."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


WRITE_ATTEMPTS = 3
# SQLSTATEs of a write that lost a race with another process: unique violation, deadlock,
# serialization failure. The file's transaction is rolled back and tried again.
TRANSIENT_SQLSTATES = {"23505", "40P01", "40001"}


def _transient(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", exc)
    return isinstance(exc, IntegrityError) or getattr(orig, "sqlstate", None) in TRANSIENT_SQLSTATES


def _stored(store, digest: str, session: Session | None = None) -> bool:
    query = select(Document.id).where(Document.sha256 == digest)
    if session is not None:
        return session.scalar(query) is not None
    with store.Session() as s:
        return s.scalar(query) is not None


# --- what may be stored ---------------------------------------------------------------------

def _lengths(model, names: Iterable[str]) -> dict[str, int]:
    return {n: model.__table__.c[n].type.length for n in names}


DOCUMENT_LENGTHS = _lengths(Document, ("filename", "title", "publisher", "url"))
FIGURE_LENGTHS = _lengths(Figure, ("platform", "metric", "policy", "location", "breakdown", "unit"))


def _text_problem(field: str, value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    if "\x00" in value:
        return f"{field} holds a NUL character"
    if len(value) > limit:
        return f"{field} is {len(value):,} characters long; at most {limit:,} fit"
    return None


def check_document(name: str, document: Document) -> None:
    """Refuse source metadata that cannot be stored as given (on every database alike)."""
    for column, limit in DOCUMENT_LENGTHS.items():
        problem = _text_problem(column, getattr(document, column), limit)
        if problem:
            raise IngestError(f"{name}: {problem} (from the file or the --{column} flag)")


def implausible(s: Stated) -> str | None:
    """Why a figure cannot be true, or None: every reader's figures pass this one check."""
    return _value_problem(s.value, s.unit) or _empty_name(s) or _period_problem(s.period, s.compare)


def _value_problem(v: float, unit: str) -> str | None:
    if not math.isfinite(v):
        return f"value {v} is not a number a report can state"
    if unit == "percent" and not 0 <= v <= 100:
        return f"a share of {v:g}% cannot be true (0 to 100%)"
    if unit == "percent change" and v < -100:
        return f"a change of {v:g}% cannot be true (nothing falls by more than 100%)"
    if not unit.startswith("percent") and v < 0:
        return f"a count of {v:g} cannot be negative"
    return None


def _period_problem(period: Period, compare: Period | None) -> str | None:
    for p in (period, compare):
        if p is None:
            continue
        if any(d is not None and not MIN_YEAR <= d.year <= MAX_YEAR for d in (p.start, p.end)):
            return f"period {p.label or (p.start, p.end)} is not between {MIN_YEAR} and {MAX_YEAR}"
        if p.start is not None and p.end is not None and p.end < p.start:
            return f"period {p.label} ends before it starts"
    return None


def _empty_name(s: Stated) -> str | None:
    if not s.platform.strip() or not s.metric.strip():
        return f"{'platform' if not s.platform.strip() else 'metric'} is empty"
    return None


def _text_problems(s: Stated) -> str | None:
    return next(filter(None, (_text_problem(f, getattr(s, f), n) for f, n in FIGURE_LENGTHS.items())), None)


def checked(name: str, stated: Iterable[Stated], text: str | None) -> Iterator[Stated]:
    """The figures that may be stored. A table row that cannot be true refuses its file (the
    row is the source, as published); a number read from prose that cannot be true is not a
    figure and is left out. Text too long for its column, or holding NUL, refuses the file.

    A table's rows repeat a few hundred names (platform, metric, policy, location, breakdown,
    unit) and a few periods: what is wrong with each is found once and remembered (periods by
    identity, the entry holding them so that an id stays theirs)."""
    by_names: dict[tuple, tuple] = {}
    by_periods: dict[tuple, tuple] = {}
    for s in stated:
        names = (s.platform, s.metric, s.policy, s.location, s.breakdown, s.unit)
        named = by_names.get(names)
        if named is None:
            if len(by_names) > 65536:
                by_names.clear()
            named = by_names[names] = (_empty_name(s), _text_problems(s))
        periods = (id(s.period), id(s.compare))
        dated = by_periods.get(periods)
        if dated is None:
            if len(by_periods) > 65536:
                by_periods.clear()
            dated = by_periods[periods] = (_period_problem(s.period, s.compare), s.period, s.compare)
        problem = _value_problem(s.value, s.unit) or named[0] or dated[0]  # implausible(s)
        if problem is None:
            problem = named[1]
            if problem is None:
                yield s
                continue
        elif s.row is None:
            continue
        line = s.row if s.row is not None else (text.count("\n", 0, s.quote_start or 0) + 1 if text else None)
        raise IngestError(f"{name}, line {line}: {problem}" if line else f"{name}: {problem}")


def ingest_paths(store, paths: Iterable[Path], meta: Meta = Meta()) -> Report:
    report = Report()
    for path in paths:
        report.files.append(ingest_file(store, Path(path), meta))
    return report


