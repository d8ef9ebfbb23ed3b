"""The bundled seed corpus: the four documents the project started from, with front matter
(title, publisher, publication date; see shared/seeds/sources.md). An empty store is seeded
with them, and with the starter library (``store.library``; unless MODSTATS_LIBRARY=0), on
first use, so a fresh install answers questions at once."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent


def files() -> list[Path]:
    return sorted(FOLDER.glob("*.md"))


def seed(store) -> None:
    from store.ingest import ingest_paths

    from store import library

    report = ingest_paths(store, files())
    if report.failed:  # a packaging error, not a user error: say which file
        raise RuntimeError("; ".join(f.message for f in report.files if f.status == "failed"))
    if library.enabled():
        library.seed(store)
