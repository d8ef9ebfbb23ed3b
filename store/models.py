"""The tables, as SQLAlchemy 2 typed models.

A *document* is one file that was ingested (an article, a report, a CSV download).
A *figure* is one fact: a value with its unit, what it counts (metric), the policy area,
the platform, the location and the period. A *citation* is one document stating that
figure: the exact quote (an exact substring of the document, with character offsets, or
the CSV row as published with its row number) and the value and qualifier as stated there.
The same fact stated by several documents is one figure with several citations.

The question log, feedback and the Slack event ledger live here too, so everything the
app stores goes through one schema and one set of migrations.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))  # "text" or a CSV layout name
    title: Mapped[str | None] = mapped_column(String(500))
    publisher: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(1000))
    published: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str | None] = mapped_column(Text)  # kept for prose, so quotes can be re-checked
    language: Mapped[str] = mapped_column(String(12), server_default="")  # "en", "de" (ISO 639-1) of prose; "": not told
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    citations: Mapped[list[Citation]] = relationship(
        back_populates="document", primaryjoin="Document.id == foreign(Citation.document_id)"
    )


class LibraryDocument(Base):
    """The documents the bundled starter library added (``modstats library --refresh`` replaces
    them and leaves users' documents alone). A table of its own, so the documents table, and
    every insert into it, stays as it was."""

    __tablename__ = "library_documents"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


class Figure(Base):
    __tablename__ = "figures"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Identity of the fact (platform, metric, policy, location, breakdown, periods, unit and,
    # for prose, the value), hashed, so "the same fact" is one row however often it is stated.
    fingerprint: Mapped[str] = mapped_column(String(40), unique=True)
    platform: Mapped[str] = mapped_column(String(100))
    metric: Mapped[str] = mapped_column(String(300))
    policy: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(100), default="")  # "" = all locations
    breakdown: Mapped[str] = mapped_column(String(300), default="")  # "" = not broken down
    period_start: Mapped[dt.date | None] = mapped_column(Date)  # None: start not stated
    period_end: Mapped[dt.date | None] = mapped_column(Date)  # None: an open period, end unknown
    period_label: Mapped[str] = mapped_column(String(200))
    # For a change ("8.4 percent decrease from the preceding period"): the period compared with.
    compare_start: Mapped[dt.date | None] = mapped_column(Date)
    compare_end: Mapped[dt.date | None] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)  # the latest published value
    unit: Mapped[str] = mapped_column(String(50))

    citations: Mapped[list[Citation]] = relationship(
        back_populates="figure", order_by="Citation.id", cascade="all, delete-orphan",
        primaryjoin="Figure.id == foreign(Citation.figure_id)",
    )

    __table_args__ = (
        # the question shape (migration 0002): one platform, location and breakdown, by period
        Index("ix_figures_slice", "platform", "location", "breakdown", "period_start", "period_end"),
    )


class FigureName(Base):
    """The distinct names the stored figures use (``kind`` is the column: platform, metric,
    policy, location or breakdown), which the vocabulary is built from. Ingest adds the names
    it stores; removing the library rebuilds it (migration 0009)."""

    __tablename__ = "figure_names"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), primary_key=True)


class MetricSource(Base):
    """Which publisher states each metric of a platform, and whether in a table row: how a
    platform's own tables are told from another organisation's tables about it (migration 0010).
    Ingest adds what it stores; removing the library rebuilds it."""

    __tablename__ = "metric_sources"

    platform: Mapped[str] = mapped_column(String(100), primary_key=True)
    metric: Mapped[str] = mapped_column(String(300), primary_key=True)
    publisher: Mapped[str] = mapped_column(String(300), primary_key=True)
    is_row: Mapped[bool] = mapped_column(primary_key=True)


class FigureSlice(Base):
    """Which policies each slice of the figures (one platform, place and breakdown) states: a
    search of any breakdown, or for a policy, walks only the slices that can hold an answer
    (migration 0012). Ingest adds what it stores; removing the library rebuilds it."""

    __tablename__ = "figure_slices"

    platform: Mapped[str] = mapped_column(String(100), primary_key=True)
    location: Mapped[str] = mapped_column(String(100), primary_key=True)
    breakdown: Mapped[str] = mapped_column(String(300), primary_key=True)
    policy: Mapped[str] = mapped_column(String(200), primary_key=True)


class Citation(Base):
    """One document stating one figure. Its figure and document are written with it, in one
    transaction, and removed with it; the ids carry no foreign-key constraint, which cost a
    bulk load two row-lock triggers a citation on PostgreSQL (migration 0014)."""

    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    figure_id: Mapped[int] = mapped_column(Integer)
    document_id: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)  # as stated by this document
    qualifier: Mapped[str | None] = mapped_column(String(30))  # "over", "at least", ...
    quote: Mapped[str] = mapped_column(Text)
    quote_start: Mapped[int | None] = mapped_column(Integer)  # character offsets in the document
    quote_end: Mapped[int | None] = mapped_column(Integer)
    row: Mapped[int | None] = mapped_column(Integer)  # CSV row number (header is row 1)
    # prose only: the text just before the quote in its document (QUOTE_CONTEXT characters: its
    # heading, the sentence before), which answering weighs; "" for a table row
    context: Mapped[str] = mapped_column(Text, server_default="", deferred=True)

    figure: Mapped[Figure] = relationship(back_populates="citations", primaryjoin="Figure.id == foreign(Citation.figure_id)")
    document: Mapped[Document] = relationship(
        back_populates="citations", lazy="joined", primaryjoin="Document.id == foreign(Citation.document_id)"
    )

    # its server default is not read back after an insert (ingest never reads it)
    __mapper_args__ = {"eager_defaults": False}
    __table_args__ = (
        UniqueConstraint("figure_id", "document_id", name="uq_citation_figure_document"),
        Index("ix_citations_document", "document_id"),
    )


class Question(Base):
    """Every question asked, from Slack or elsewhere, with what it got and any feedback."""

    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    asked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    figure_id: Mapped[int | None] = mapped_column(ForeignKey("figures.id", ondelete="SET NULL"))
    team_id: Mapped[str | None] = mapped_column(String(40))
    channel_id: Mapped[str | None] = mapped_column(String(40))
    user_id: Mapped[str | None] = mapped_column(String(40))
    latency_ms: Mapped[float | None] = mapped_column(Float)
    feedback: Mapped[str | None] = mapped_column(String(10))  # "up" / "down"
    feedback_user_id: Mapped[str | None] = mapped_column(String(40))
    feedback_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class SlackEvent(Base):
    """Ledger of Slack deliveries already handled: the primary key makes a retry or a second
    worker process lose the race to claim the same event, so a reply is posted once."""

    __tablename__ = "slack_events"

    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Conversation(Base):
    """The last question asked in a Slack thread or DM, so a follow-up there ("and H1?", "what
    about Instagram?") can take what it does not say from it. Rows older than a day are
    ignored and cleared. ``updated_at`` is naive UTC (the same on SQLite and PostgreSQL)."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(40), default="")
    channel_id: Mapped[str] = mapped_column(String(40))
    thread_ts: Mapped[str] = mapped_column(String(40), default="")  # "" = a DM outside threads
    question: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime())

    __table_args__ = (
        UniqueConstraint("team_id", "channel_id", "thread_ts", name="uq_conversation_thread"),
        Index("ix_conversations_updated", "updated_at"),
    )


#: The full-text index of what prose figures are quoted from (migration 0017): SQLite's FTS5 table
#: ``citation_words`` with the tables FTS5 keeps it in, or PostgreSQL's GIN index ``citation_words_gin``.
#: It is the database's own, not a model: ingest keeps SQLite's (``store.ingest.index_quotes``), PostgreSQL
#: keeps its own, and answering reads it in SQL (``store.queries.Queries.saying``).
FULL_TEXT = "citation_words"


def in_models(obj, name: str | None, type_: str, reflected: bool, compare_to) -> bool:
    """Alembic's ``include_object``: what a comparison of the schema with the models weighs (all but
    the full-text index, which the models do not describe)."""
    return not (name or "").startswith(FULL_TEXT)
