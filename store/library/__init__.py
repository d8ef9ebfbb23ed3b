"""The starter library: the platforms' own published figures (Meta, TikTok, Discord,
Microsoft, X, NCMEC, Google), shipped as package data with their provenance (SOURCES.md and
manifest.json here) and seeded into a new store with the seed corpus.

Every library document is listed in ``library_documents``, so ``refresh`` can replace the
library after an upgrade (remove what it added, ingest the new one) without touching what
users ingested. Set ``MODSTATS_LIBRARY=0`` to seed the corpus alone (the test suite does, and
seeds the library where a test asks for it).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).parent
ORIGIN = "library"


@dataclass(frozen=True)
class Entry:
    path: Path
    published_name: str
    title: str
    publisher: str
    url: str
    published: dt.date | None
    platform: str
    layout: str
    licence: str
    origin: str


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """The library's files in the order they are ingested (each series newest first)."""
    data = json.loads((FOLDER / "manifest.json").read_text(encoding="utf-8"))
    return tuple(
        Entry(FOLDER / e["file"], e["published_name"], e["title"], e["publisher"], e["url"],
              dt.date.fromisoformat(e["published"]) if e.get("published") else None,
              e["platform"], e["layout"], e["licence"], e["origin"])
        for e in data["files"]
    )


def enabled() -> bool:
    return os.environ.get("MODSTATS_LIBRARY", "1").strip().casefold() not in ("0", "false", "no", "off")


def seed(store) -> int:
    """Ingest every library file not stored yet; returns how many were added. A file that
    fails is a packaging error, not a user's: it raises, naming the file."""
    from store.ingest import Meta, ingest_file

    added, failed = 0, []
    for e in entries():
        r = ingest_file(store, e.path, Meta(e.title, e.publisher, e.url, e.published), origin=ORIGIN)
        if r.status == "failed":
            failed.append(r.message)
        added += r.status == "added"
    if failed:
        raise RuntimeError("the starter library could not be loaded: " + "; ".join(failed))
    return added


def remove(store) -> int:
    """Remove the library's documents, their citations and the figures only they state; a
    figure users' documents state too keeps their citations and takes the value of the latest
    of them. Returns how many documents were removed. One transaction."""
    from sqlalchemy import delete, select

    from store.ingest import drop_citations, rebuild_names
    from store.models import Document, LibraryDocument

    with store.transaction() as s:
        docs = list(s.scalars(select(LibraryDocument.document_id)))
        if not docs:
            return 0
        s.execute(delete(LibraryDocument))
        drop_citations(s, docs)
        s.execute(delete(Document).where(Document.id.in_(docs)))
        rebuild_names(s)
    store.changed()
    return len(docs)


def refresh(store) -> tuple[int, int]:
    """Reload the library after an upgrade: (documents removed, documents added)."""
    removed = remove(store)
    return removed, seed(store)


@dataclass
class Holding:
    platform: str
    title: str
    filename: str
    periods: str
    figures: int


def holdings(store) -> list[Holding]:
    """What the library holds in this store: one line per document."""
    from sqlalchemy import func, select

    from store.models import Citation, Document, Figure, LibraryDocument
    from store.periods import label_for

    with store.Session() as s:
        rows = s.execute(
            select(Document.id, Document.title, Document.filename, func.count(Citation.id),
                   func.min(Figure.period_start), func.max(Figure.period_end),
                   func.min(Figure.platform), func.max(Figure.platform), func.count(func.distinct(Figure.platform)))
            .join(Citation, Citation.document_id == Document.id).join(Figure, Figure.id == Citation.figure_id)
            .where(Document.id.in_(select(LibraryDocument.document_id))).group_by(Document.id, Document.title, Document.filename)
            .order_by(Document.title)
        ).all()
    out = []
    for _, title, filename, n, start, end, p0, p1, np in rows:
        if isinstance(start, str):
            start, end = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        platform = p0 if np == 1 else (f"{p0}, {p1}" if np == 2 else f"{np} platforms")
        periods = f"{start:%b %Y} – {end:%b %Y}" if start and end else label_for(start, end)
        out.append(Holding(platform, title, filename, periods, n))
    return out
