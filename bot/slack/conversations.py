"""Where follow-ups find the previous question: one row per (team, channel, thread) in the
``conversations`` table, replaced by each new question there, ignored after a day (and cleared
then). A DM outside any thread is one conversation (thread ""). A store failure here only means
a follow-up is read as a question of its own: it is logged, never raised."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from store.models import Conversation

log = logging.getLogger("modstats.slack")

EXPIRES = dt.timedelta(days=1)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)  # naive UTC, as stored


class Conversations:
    def __init__(self, store, clock=_now) -> None:
        self.store = store
        self.clock = clock

    def previous(self, team: str | None, channel: str | None, thread: str) -> str | None:
        """The question asked last in this thread (or DM), if within a day."""
        if not channel:
            return None
        try:
            with self.store.Session() as s:
                row = s.scalar(select(Conversation).where(
                    Conversation.team_id == (team or ""), Conversation.channel_id == channel, Conversation.thread_ts == thread))
                if row is None or self.clock() - row.updated_at > EXPIRES:
                    return None
                return row.question
        except Exception as exc:  # noqa: BLE001
            log.warning("could not read the conversation: %s", type(exc).__name__)
            return None

    def remember(self, team: str | None, channel: str | None, thread: str, question: str) -> None:
        """Keep ``question`` as this thread's previous question; clear expired conversations."""
        if not channel:
            return
        now = self.clock()
        key = dict(team_id=team or "", channel_id=channel, thread_ts=thread)
        for _attempt in range(2):  # two workers answering in one thread at once: the loser updates
            try:
                with self.store.transaction() as s:
                    s.execute(delete(Conversation).where(Conversation.updated_at < now - EXPIRES))
                    row = s.scalar(select(Conversation).filter_by(**key))
                    if row is None:
                        s.add(Conversation(**key, question=question, updated_at=now))
                    else:
                        row.question, row.updated_at = question, now
                return
            except IntegrityError:
                continue
            except Exception as exc:  # noqa: BLE001
                log.warning("could not keep the conversation: %s", type(exc).__name__)
                return
