"""What the listeners need from the rest of modstats, with Slack-free values: answer a
question (and log it), pick a stored figure, record feedback, claim an event id, and
describe what the store knows. Every store failure is caught here and turned into a
``Reply`` that says sorry, so a listener never goes silent and never crashes.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select, text as sql
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.answers import ANSWER, COMPARISON, INVALID, SERIES, Answer
from bot.slack.conversations import Conversations
from store.models import Document, Figure, Question, SlackEvent

log = logging.getLogger("modstats.slack")

UNAVAILABLE = "Sorry — I can’t reach my figures right now. Please try again in a minute."
FAILED = "Sorry — something went wrong while answering that. Please try again."
EXAMPLES = 5
# one statement, compiled once: the acknowledgement path inserts a row per question
LOG_QUESTION = sql(
    "INSERT INTO questions (asked_at, text, status, figure_id, team_id, channel_id, user_id, latency_ms) "
    "VALUES (CURRENT_TIMESTAMP, :text, :status, :figure_id, :team_id, :channel_id, :user_id, :latency_ms) RETURNING id"
)
CATALOG_TTL = 300.0  # seconds; another process may have ingested new documents


def is_store_error(exc: BaseException) -> bool:
    """Is this the database failing (down, unreachable, locked), rather than a bug?"""
    if isinstance(exc, (SQLAlchemyError, sqlite3.Error)):
        return True
    return type(exc).__module__.split(".")[0] in ("psycopg", "psycopg2", "psycopg_pool")


@dataclass(frozen=True)
class Reply:
    """What one question got: the engine's Answer, or the apology when the store failed."""

    answer: Answer | None
    question_id: int | None = None  # the question log row (for feedback and sharing)
    latency_ms: float = 0.0
    apology: str | None = None

    @property
    def ok(self) -> bool:
        return self.answer is not None


@dataclass
class Catalog:
    figures: int
    documents: int
    platforms: list[str]
    metrics: list[str]
    policies: list[str]
    locations: list[str]
    periods: list[str]
    examples: list[str] = field(default_factory=list)


class Service:
    def __init__(self, store) -> None:
        self.store = store
        self._catalog: tuple[float, object, Catalog] | None = None
        self._lock = threading.Lock()
        self._seen: dict[str, float] = {}  # event ids seen by this process (also when the store is down)
        self.conversations = Conversations(store)

    # --- questions ----------------------------------------------------------------------

    def ask(self, question: str, *, team: str | None, channel: str | None, user: str | None,
            thread: str | None = None, follow_up: bool = False) -> Reply:
        """Answer with the engine and log the question. The log row is written before the
        reply goes out, so its id can ride on the feedback and share buttons.

        ``thread`` names the conversation the question is asked in (a thread's ts, or "" for
        a DM outside threads; None: none, as for a slash command): the question is kept as its
        previous question. With ``follow_up``, a follow-up ("and H1?") is read with the
        previous one, and the answer says how it was read."""
        from bot.engine import answer

        started = time.perf_counter()
        try:
            resolved = self._resolve(question, team, channel, thread) if follow_up and thread is not None else None
            result = answer(resolved.question if resolved else question, self.store)
            if resolved is not None:
                result = replace(result, read_as=resolved.read_as, message=f"Read as: {resolved.read_as}\n{result.message}")
            if thread is not None and result.status != INVALID:
                self.conversations.remember(team, channel, thread, resolved.question if resolved else question)
        except Exception as exc:  # noqa: BLE001 - the user gets an apology, the log gets the error
            latency = (time.perf_counter() - started) * 1000
            if is_store_error(exc):
                log.error("store unavailable while answering: %s", _describe(exc))
                return Reply(None, None, latency, UNAVAILABLE)
            log.exception("answering failed")
            self._log_question(question, "error", None, team, channel, user, latency)
            return Reply(None, None, latency, FAILED)
        latency = (time.perf_counter() - started) * 1000
        figure_id = result.answer.figure_id if result.answer and not result.answer.derived else None
        asked = resolved.question if resolved else question  # what was answered (a shared answer re-asks it)
        qid = self._log_question(asked, result.status, figure_id, team, channel, user, latency)
        return Reply(result, qid, latency)

    def _resolve(self, question: str, team, channel, thread: str):
        """The follow-up read with this conversation's previous question, or None."""
        from bot.engine import reader
        from bot.followups import resolve

        previous = self.conversations.previous(team, channel, thread)
        return resolve(question, previous, reader(self.store)) if previous else None

    def figure(self, figure_id: int, question_id: int | None = None) -> Reply:
        """A stored figure someone picked (an ambiguous answer's candidate, or a suggestion);
        the pick is recorded on the question's log row."""
        from bot.engine import answer_figure

        started = time.perf_counter()
        try:
            result = answer_figure(figure_id, self.store)
        except Exception as exc:  # noqa: BLE001
            return self._failed(exc, started)
        if question_id is not None and result.answer is not None:
            try:
                with self.store.transaction() as s:
                    row = s.get(Question, question_id)
                    if row is not None:
                        row.figure_id = result.answer.figure_id
            except Exception as exc:  # noqa: BLE001 - the answer still goes out
                log.warning("could not record the pick on question %s: %s", question_id, _describe(exc))
        return Reply(result, question_id, (time.perf_counter() - started) * 1000)

    def shared(self, question_id: int | None, figure_id: int | None) -> Reply:
        """The answer to share in channel: the logged question answered again (so it is the
        same answer, disagreeing sources included), or else the figure on its own."""
        from bot.engine import answer

        started = time.perf_counter()
        try:
            if question_id is not None:
                with self.store.Session() as s:
                    row = s.get(Question, question_id)
                    text = row.text if row is not None else None
                if text:
                    result = answer(text, self.store)
                    several = result.status in (SERIES, COMPARISON) or (result.answer is not None and result.answer.derived)
                    if several and figure_id is None or result.status == ANSWER and result.answer and (
                            figure_id is None or result.answer.figure_id == figure_id):
                        return Reply(result, question_id, (time.perf_counter() - started) * 1000)
        except Exception as exc:  # noqa: BLE001
            return self._failed(exc, started)
        if figure_id is None:
            return Reply(None, question_id, 0.0, FAILED)
        return self.figure(figure_id)

    def _failed(self, exc: BaseException, started: float) -> Reply:
        latency = (time.perf_counter() - started) * 1000
        if is_store_error(exc):
            log.error("store unavailable: %s", _describe(exc))
            return Reply(None, None, latency, UNAVAILABLE)
        log.exception("Slack action failed")
        return Reply(None, None, latency, FAILED)

    def _log_question(self, text, status, figure_id, team, channel, user, latency) -> int | None:
        """Insert the log row and return its id. On PostgreSQL the commit does not wait for
        the disk (synchronous_commit off): a crash could lose the last few log rows, never
        the figures, and the reply is not held up by an fsync."""
        params = {"text": text, "status": status, "figure_id": figure_id, "team_id": team, "channel_id": channel,
                  "user_id": user, "latency_ms": round(latency, 3)}
        try:
            with self.store.engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
                return conn.execute(LOG_QUESTION, params).scalar_one()
        except Exception as exc:  # noqa: BLE001 - an unlogged answer beats no answer
            log.error("could not log the question: %s", _describe(exc))
            return None

    # --- feedback -----------------------------------------------------------------------

    def feedback(self, question_id: int, vote: str, user: str | None) -> bool:
        """Store 👍 ("up") or 👎 ("down") on the question's log row; the latest vote wins."""
        assert vote in ("up", "down")
        try:
            with self.store.transaction() as s:
                row = s.get(Question, question_id)
                if row is None:
                    return False
                row.feedback, row.feedback_user_id = vote, user
                row.feedback_at = dt.datetime.now(dt.timezone.utc)
                return True
        except Exception as exc:  # noqa: BLE001
            log.error("could not store feedback on question %s: %s", question_id, _describe(exc))
            return False

    # --- Slack deliveries ---------------------------------------------------------------

    def claim_event(self, event_id: str) -> bool:
        """True if this process may handle ``event_id``: the first to insert it into the
        event ledger wins, across retries and worker processes sharing the database. When the
        database is down, this process's memory of recent ids is the fallback."""
        now = time.monotonic()
        with self._lock:
            if event_id in self._seen:
                return False
            self._seen[event_id] = now
            if len(self._seen) > 10_000:
                cutoff = now - 3600
                self._seen = {k: v for k, v in self._seen.items() if v > cutoff}
        try:
            with self.store.transaction() as s:
                s.add(SlackEvent(event_id=event_id[:100]))
            return True
        except IntegrityError:
            return False
        except Exception as exc:  # noqa: BLE001 - answer (with an apology, likely) rather than drop it
            log.error("could not record event %s: %s", event_id, _describe(exc))
            return True

    # --- what the store knows -----------------------------------------------------------

    def catalog(self) -> Catalog:
        """Platforms, metrics, policies, periods and example questions, cached for a while
        and rebuilt when the store's data changes."""
        version = None
        data_version = getattr(self.store, "data_version", None)
        if data_version is not None:
            version = data_version()
        cached = self._catalog
        if cached is not None and cached[1] == version and time.monotonic() - cached[0] < CATALOG_TTL:
            return cached[2]
        catalog = self._build_catalog()
        self._catalog = (time.monotonic(), version, catalog)
        return catalog

    def _build_catalog(self) -> Catalog:
        vocab = self.store.vocabulary()
        with self.store.Session() as s:
            figures = s.scalar(select(func.count(Figure.id))) or 0
            documents = s.scalar(select(func.count(Document.id))) or 0
            periods = [label for label, _ in s.execute(
                select(Figure.period_label, func.max(Figure.period_end)).group_by(Figure.period_label)
                .order_by(func.max(Figure.period_end).desc(), Figure.period_label))]
            rows = s.execute(
                select(Figure.id, Figure.platform, Figure.metric, Figure.period_label, Figure.location)
                .order_by(Figure.period_end.desc(), Figure.id).limit(200)).all()
        return Catalog(figures, documents, list(vocab.platforms), list(vocab.metrics), list(vocab.policies),
                       list(vocab.locations), periods, self._examples(rows))

    def _examples(self, rows) -> list[str]:
        """Example questions drawn from stored figures, kept only if the engine answers them
        with a figure (so every example shown in Slack works); varied first by platform,
        metric and period, then filled up."""
        from bot.engine import answer

        out: list[str] = []
        tried: set[str] = set()
        seen_metrics: set[tuple[str, str]] = set()
        seen_periods: set[str] = set()
        for rule in ("new period", "new metric", "any"):
            for _fid, platform, metric, label, location in rows:
                if len(out) >= EXAMPLES:
                    return out
                if rule == "new period" and label in seen_periods or rule == "new metric" and (platform, metric) in seen_metrics:
                    continue
                where = f" in {location}" if location else ""
                question = f"{platform} {metric}{where} {label.split(' (')[0]}"
                if question in tried:
                    continue
                tried.add(question)
                try:
                    result = answer(question, self.store)
                except Exception:  # noqa: BLE001 - an example that fails is just not shown
                    continue
                if result.status == ANSWER:
                    out.append(question)
                    seen_metrics.add((platform, metric))
                    seen_periods.add(label)
        return out

    def warm(self) -> None:
        """Build the catalog and the engine's caches ahead of the first request."""
        try:
            self.catalog()
        except Exception as exc:  # noqa: BLE001 - the first request will try again
            log.warning("warm-up skipped: %s", _describe(exc))


def warm_charts() -> None:
    """matplotlib imported, its font list read (built once, not per process) and one chart
    drawn before the app serves, so the first chart a user asks for costs what any other does."""
    try:
        from bot.chart import warm

        warm()
    except Exception as exc:  # noqa: BLE001 - a chart is extra: the first one will try again
        log.warning("chart warm-up skipped: %s", _describe(exc))


def _describe(exc: BaseException) -> str:
    """One line about an error, for the log (no SQL parameters, no connection strings)."""
    first = str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {first[:300]}"
