"""What a reader of a file hands to ingest: the document's statements (``Stated``), its
source metadata (``Meta``), the error that refuses a file, and the file-name helpers every
reader shares. The readers (``prose``, ``tables``, ``layouts``) and the writer (``bulk``)
import these from here, and ``store.ingest`` re-exports them: no module inside the package
imports the package itself."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

from store.periods import Period
from store.vocabulary import canonical_place


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
    # a period stated without its year ("zwischen April und Juni") in a document of no date:
    # the months it names, by which another source's figure may give the year (store.ingest.dating)
    months: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.location:  # one place, one name: a table's "Turkey" is the "Türkiye" of an article
            self.location = canonical_place(self.location)

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
