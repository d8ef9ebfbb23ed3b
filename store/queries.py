"""The read side: the few queries answering needs, in plain SQL over a DB-API connection.

Answering must be fast (a question in well under 2 ms; ``modstats ask`` printed in under half
a second, of which importing SQLAlchemy alone would take most). So reads return plain frozen
records, and ``Queries.for_sqlite_file`` needs only the standard library. The schema and every
write stay with the ORM models and Alembic (``store.db``); these statements only read them.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from store.config import HEAD


@dataclass(frozen=True)
class CitationRecord:
    id: int
    document_id: int
    value: float
    qualifier: str | None
    quote: str
    quote_start: int | None
    quote_end: int | None
    row: int | None
    title: str | None
    publisher: str | None
    url: str | None
    published: dt.date | None
    filename: str
    # the text just before the quote in its document (its heading, the sentence before):
    # what "Of those, 6.7 million were flagged" refers to. Empty for a table row.
    before: str = ""
    language: str = ""  # the document's ("de"); "": a table's, or not told


@dataclass(frozen=True)
class FigureRecord:
    id: int
    platform: str
    metric: str
    policy: str
    location: str
    breakdown: str
    period_start: dt.date | None
    period_end: dt.date | None
    period_label: str
    compare_start: dt.date | None
    compare_end: dt.date | None
    value: float
    unit: str
    citations: tuple[CitationRecord, ...]


@dataclass(frozen=True)
class FigureQuery:
    """Which figures could answer a question, in the store's terms: each field narrows the
    search when set. ``period_start``/``period_end`` match by month; ``since`` leaves the end
    open; an end without a start ("as of March 2020") matches any start. ``location`` and
    ``breakdown`` "" mean not broken down by place or by breakdown; ``breakdown`` None means any
    breakdown. ``limit``: the newest that many; with no period at all asked, the figures stating
    no period follow them, up to as many again (they sort last, so a platform with more dated
    figures than the limit would never show them)."""

    platforms: frozenset[str] = frozenset()
    policies: frozenset[str] = frozenset()  # stored policy names
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    since: bool = False
    location: str = ""
    breakdown: str | None = ""
    limit: int | None = None


FIGURE_COLUMNS = (
    "f.id, f.platform, f.metric, f.policy, f.location, f.breakdown, f.period_start, f.period_end, "
    "f.period_label, f.compare_start, f.compare_end, f.value, f.unit"
)
CITATION_SQL = (
    "SELECT c.figure_id, c.id, c.document_id, c.value, c.qualifier, c.quote, c.quote_start, c.quote_end, "
    "c.row, d.title, d.publisher, d.url, d.published, d.filename, c.context, d.language "
    "FROM citations c JOIN documents d ON d.id = c.document_id WHERE c.figure_id IN ({ids}) ORDER BY c.id"
)
_NAMED = re.compile(r"(?<!:):([a-z_][a-z0-9_]*)")
_STEM_RE = re.compile(r"[^\W\d_]{3,40}")  # a word a full-text search looks for: letters, no query syntax


def _named_list(prefix: str, values) -> tuple[str, dict[str, Any]]:
    """The inside of an IN list of named parameters for ``values``, and the parameters:
    (":p0, :p1", {"p0": a, "p1": b})."""
    params = {f"{prefix}{i}": v for i, v in enumerate(values)}
    return ", ".join(f":{k}" for k in params), params


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return _iso_date(v)


@lru_cache(maxsize=8192)
def _iso_date(text: str) -> dt.date:  # SQLite hands dates back as ISO text
    return dt.date.fromisoformat(text[:10])


class Queries:
    """Read-only queries over one database. ``connect`` lends a DB-API connection and
    ``release`` takes it back (to SQLAlchemy's pool, or kept open per thread for a plain SQLite
    file). SQL is written with ``:name`` parameters, translated for ``%(name)s`` drivers."""

    def __init__(self, connect: Callable[[], Any], release: Callable[[Any], None], *, pyformat: bool,
                 sqlite: bool = True) -> None:
        self._connect = connect
        self._release = release
        self._pyformat = pyformat
        self._sqlite = sqlite  # (else PostgreSQL: the two full-text searches are written apart)
        self._held = threading.local()

    @contextmanager
    def holding(self) -> Iterator[None]:
        """Run the queries inside on one connection (one answer makes several), instead of
        borrowing one from the pool for each."""
        if getattr(self._held, "conn", None) is not None:
            yield
            return
        self._held.conn = self._connect()
        try:
            yield
        finally:
            conn, self._held.conn = self._held.conn, None
            self._release(conn)

    @classmethod
    def for_sqlite_file(cls, path: str) -> "Queries":
        local = threading.local()

        def connect():
            conn = getattr(local, "conn", None)
            if conn is None:
                conn = local.conn = sqlite3.connect(path, timeout=30)
            return conn

        return cls(connect, lambda conn: None, pyformat=False)

    @classmethod
    def for_engine(cls, engine) -> "Queries":
        return cls(engine.raw_connection, lambda conn: conn.close(), pyformat=engine.dialect.paramstyle in ("pyformat", "format"),
                   sqlite=engine.dialect.name == "sqlite")

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
        params = params or {}
        if self._pyformat:
            sql = _NAMED.sub(r"%(\1)s", sql)
        else:  # sqlite3 stores dates as ISO text
            params = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items()}
        held = getattr(self._held, "conn", None)
        conn = held if held is not None else self._connect()
        try:
            cur = conn.cursor()
            try:
                cur.execute(sql, params)
                return cur.fetchall()
            finally:
                cur.close()
        finally:
            if held is None:
                self._release(conn)

    def stream(self, sql: str, params: dict[str, Any] | None = None, size: int = 500) -> Iterator[tuple]:
        """The rows of a query, fetched ``size`` at a time (for reads too large to hold)."""
        params = params or {}
        if self._pyformat:
            sql = _NAMED.sub(r"%(\1)s", sql)
        conn = self._connect()
        try:
            # PostgreSQL: a server-side cursor, or the driver fetches every row at once
            cur = conn.cursor(name="modstats_stream") if self._pyformat else conn.cursor()
            try:
                cur.execute(sql, params)
                while batch := cur.fetchmany(size):
                    yield from batch
            finally:
                cur.close()
        finally:
            self._release(conn)

    # --- the store's state ----------------------------------------------------------------

    def ready(self) -> bool:
        """Is the schema at HEAD, with documents in it? (Else the store must be opened fully.)"""
        try:
            version = self.rows("SELECT version_num FROM alembic_version")
            return bool(version) and version[0][0] == HEAD and bool(self.rows("SELECT id FROM documents LIMIT 1"))
        except Exception:  # noqa: BLE001 - no table yet, or another driver's "undefined table"
            return False

    def data_version(self) -> tuple:
        """Changes whenever documents are added or removed, by this process or another."""
        return tuple(self.rows("SELECT count(*), max(id) FROM documents")[0])

    def distinct(self, column: str) -> list[str]:
        """The distinct names stored figures use in ``column`` (kept by ingest in figure_names)."""
        assert column in ("platform", "metric", "policy", "location", "breakdown")
        return sorted(v for (v,) in self.rows("SELECT name FROM figure_names WHERE kind = :kind", {"kind": column}) if v)

    def publishers(self) -> list[str]:
        """The names of the documents' publishers ("Sputnik Japan (sputniknews.jp)", "CNN Chile")."""
        return sorted(v for (v,) in self.rows("SELECT DISTINCT publisher FROM documents WHERE publisher IS NOT NULL", {}) if v)

    def prose_quotes(self) -> Iterator[str]:
        """The sentences prose figures are quoted from (their words are known words): the
        prose documents' citations, found through the citations' document index; streamed, a
        few hundred at a time."""
        for (quote,) in self.stream(
            "SELECT DISTINCT c.quote FROM citations c "
            "WHERE c.document_id IN (SELECT d.id FROM documents d WHERE d.kind = 'text')"
        ):
            yield quote

    # --- figures ----------------------------------------------------------------------------

    def figures(self, where: list[str], params: dict[str, Any], limit: int | None = None,
                *, citations: bool = True) -> list[FigureRecord]:
        """Figures matching ``where`` (SQL over alias ``f``), newest first; without
        their citations when ``citations`` is false (``with_citations`` adds them later)."""
        figures = [_figure(r) for r in self.rows(_newest(where, limit), params)]
        return self.with_citations(figures) if citations else figures

    def search(self, fq: FigureQuery) -> list[FigureRecord]:
        """The figures a FigureQuery selects, newest first, without their citations (the few
        that survive scoring get them with ``with_citations``). Every read walks
        ix_figures_slice, and only the slices (platform, place, breakdown) that state a policy
        asked, as figure_slices lists them: a walk of a slice that never states it would read
        the whole slice to find nothing. No platform named means every platform with such a
        slice."""
        slices = self._slices(fq.platforms, fq.location, fq.policies)
        if fq.breakdown is not None:
            slices = [(p, b) for p, b in slices if b == fq.breakdown]
        if not slices:
            return []
        where = ["f.location = :loc"]
        params: dict[str, Any] = {"loc": fq.location}

        def among(column: str, values, prefix: str) -> None:
            names, named = _named_list(prefix, sorted(set(values)))
            where.append(f"f.{column} IN ({names})")
            params.update(named)

        if fq.policies:
            among("policy", fq.policies, "c")
        if fq.period_start is None:
            if fq.period_end is not None:  # all there was by a date, from any start
                where.append("f.period_end BETWEEN :e0 AND :e1")
                params.update(e0=fq.period_end.replace(day=1), e1=_month_end(fq.period_end))
                return self._newest_of_slices(where, params, slices, fq.limit)
            # any period: the newest, and those whose document states none (they sort last, and a
            # platform with more dated figures than the limit would never show them)
            newest = self._newest_of_slices(where, params, slices, fq.limit)
            seen = {f.id for f in newest}
            undated = self._newest_of_slices(where + ["f.period_start IS NULL", "f.period_end IS NULL"], params, slices, fq.limit)
            return newest + [f for f in undated if f.id not in seen]
        s = fq.period_start.replace(day=1)
        where.append("f.period_start BETWEEN :s0 AND :s1")
        params.update(s0=s, s1=_month_end(s))
        if not fq.since and fq.period_end is not None:
            e = fq.period_end
            where.append("f.period_end BETWEEN :e0 AND :e1")
            params.update(e0=e.replace(day=1), e1=_month_end(e))
        # the platforms and breakdowns that can hold an answer, spelled out: the index then
        # seeks each one's period range (one query, however many platforms)
        among("platform", (p for p, _ in slices), "p")
        among("breakdown", (b for _, b in slices), "b")
        return self.figures(where, params, fq.limit, citations=False)

    def saying(self, stems: Iterable[str], limit: int) -> list[FigureRecord]:
        """The figures of the prose sentences that say the most of these words, best first, without their
        citations: the database's own full-text index (migration 0017), each stem a prefix ("remov" finds
        "removed" and "removals"). Stems are letters only (anything else is left out)."""
        stems = sorted({s for s in stems if _STEM_RE.fullmatch(s)})
        if not stems:
            return []
        if self._sqlite:
            sql = ("SELECT c.figure_id FROM citation_words w JOIN citations c ON c.id = w.rowid "
                   "WHERE citation_words MATCH :words ORDER BY w.rank LIMIT :n")
            words = " OR ".join(f'"{s}"*' for s in stems)
        else:
            sql = ("SELECT c.figure_id FROM citations c, to_tsquery('simple', :words) q "
                   "WHERE c.row IS NULL AND to_tsvector('simple', c.quote) @@ q "
                   "ORDER BY ts_rank(to_tsvector('simple', c.quote), q) DESC, c.id LIMIT :n")
            words = " | ".join(f"{s}:*" for s in stems)
        ids = list(dict.fromkeys(r[0] for r in self.rows(sql, {"words": words, "n": int(limit)})))
        if not ids:
            return []
        names, params = _named_list("f", ids)
        found = {f.id: f for f in self.figures([f"f.id IN ({names})"], params, citations=False)}
        return [found[i] for i in ids if i in found]

    def _newest_of_slices(self, where: list[str], params: dict[str, Any], slices: list[tuple[str, str]],
                          limit: int | None) -> list[FigureRecord]:
        """Any period: the newest ``limit`` figures of several slices, each slice an ordered walk
        of its own part of the index (as one query, every figure of a platform was read and
        sorted: 45 ms for Facebook among a million figures). Once ``limit`` are found, a walk
        stops at the period of the last of them: thirty platforms' walks read a few thousand
        rows instead of thirty times the limit."""
        found: list[FigureRecord] = []
        for platform, breakdown in slices:
            clauses, values = where + ["f.platform = :p", "f.breakdown = :bd"], {**params, "p": platform, "bd": breakdown}
            if limit and len(found) >= limit and found[-1].period_start is not None:
                clauses.append("f.period_start >= :cut")
                values["cut"] = found[-1].period_start
            found = _newest_of([found, self.figures(clauses, values, limit, citations=False)], limit)
        return found

    def _slices(self, platforms: frozenset[str], location: str, policies: frozenset[str]) -> list[tuple[str, str]]:
        """(platform, breakdown) of the slices of figures of one place, of ``platforms`` (any
        when none) and stating one of ``policies`` (any when none)."""
        where, params = ["location = :l"], {"l": location}
        for column, values in (("platform", platforms), ("policy", policies)):
            if values:
                names, named = _named_list(column, sorted(values))
                where.append(f"{column} IN ({names})")
                params.update(named)
        return sorted(self.rows("SELECT DISTINCT platform, breakdown FROM figure_slices WHERE " + " AND ".join(where), params))

    def metric_sources(self, platform: str) -> list[tuple[str, str | None, bool]]:
        """The metric names a platform's figures are stated under: each with the publisher of
        a document stating one, and whether that statement is a table row."""
        return [(m, pub or None, bool(is_row)) for m, pub, is_row in self.rows(
            "SELECT metric, publisher, is_row FROM metric_sources WHERE platform = :p", {"p": platform})]

    def all_figures(self) -> list[FigureRecord]:
        """Every stored figure with its citations (``modstats figures``)."""
        return self.figures([], {})

    def figure(self, figure_id: int) -> FigureRecord | None:
        found = self.figures(["f.id = :id"], {"id": int(figure_id)})
        return found[0] if found else None

    def document_texts(self, ids: Iterable[int], chars: int) -> dict[int, str]:
        """The first ``chars`` characters of these documents' stored text, by id (prose keeps its
        text; a table has none)."""
        names, params = _named_list("d", sorted(set(ids)))
        if not params:
            return {}
        sql = f"SELECT id, substr(text, 1, :chars) FROM documents WHERE text IS NOT NULL AND id IN ({names})"
        return {r[0]: r[1] for r in self.rows(sql, {**params, "chars": int(chars)})}

    def platforms_placed(self, ids: Iterable[int], location: str) -> set[tuple[int, str]]:
        """(document, platform) of these documents' figures of ``location``."""
        names, params = _named_list("d", sorted(set(ids)))
        if not params:
            return set()
        sql = ("SELECT DISTINCT c.document_id, f.platform FROM citations c JOIN figures f ON f.id = c.figure_id "
               f"WHERE f.location = :loc AND c.document_id IN ({names})")
        return set(self.rows(sql, {**params, "loc": location}))

    def with_citations(self, figures: list[FigureRecord]) -> list[FigureRecord]:
        """The figures with their citations (a figure that already carries them is not read again:
        every stored figure has at least one)."""
        if not figures:
            return []
        cites: dict[int, list[CitationRecord]] = {}
        ids = [f.id for f in figures if not f.citations]
        for start in range(0, len(ids), 500):
            names, params = _named_list("f", ids[start : start + 500])
            for r in self.rows(CITATION_SQL.format(ids=names), params):
                cites.setdefault(r[0], []).append(
                    CitationRecord(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], _date(r[12]), r[13], r[14] or "", r[15] or "")
                )
        return [f if f.citations else replace(f, citations=tuple(cites.get(f.id, ()))) for f in figures]


def _newest_of(results: list[list[FigureRecord]], limit: int | None) -> list[FigureRecord]:
    """Several searches' figures merged, newest first, as one query's ORDER BY would have them."""
    found = [f for part in results for f in part]
    found.sort(key=lambda f: (-(f.period_start or dt.date.min).toordinal(), f.id))
    return found[:limit] if limit else found


def _newest(where: list[str], limit: int | None) -> str:
    """The figures ``where`` selects, newest first, along the slice index."""
    sql = f"SELECT {FIGURE_COLUMNS} FROM figures f"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY f.period_start DESC NULLS LAST, f.id"
    return sql + (f" LIMIT {int(limit)}" if limit else "")


def _month_end(d: dt.date) -> dt.date:
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _figure(r: tuple) -> FigureRecord:
    return FigureRecord(
        r[0], r[1], r[2], r[3], r[4] or "", r[5] or "", _date(r[6]), _date(r[7]), r[8],
        _date(r[9]), _date(r[10]), r[11], r[12], (),
    )


class ReadStore:
    """What answering needs of a store: its queries and a vocabulary that follows the data
    (rebuilt when documents are added, by this process or any other)."""

    def __init__(self, queries: Queries) -> None:
        self.queries = queries
        self._vocabulary = None
        self._version: tuple | None = None

    def data_version(self) -> tuple:
        version = self.queries.data_version()
        if version != self._version:
            self._version, self._vocabulary = version, None
        return version

    def vocabulary(self):
        from store.vocabulary import Vocabulary

        self.data_version()
        if self._vocabulary is None:
            q = self.queries
            self._vocabulary = Vocabulary.of(
                *(q.distinct(c) for c in ("platform", "metric", "policy", "location", "breakdown")),
                quoted=q.prose_quotes(), publishers=q.publishers(),
            )
        return self._vocabulary

    def changed(self) -> None:
        self._version, self._vocabulary = None, None
