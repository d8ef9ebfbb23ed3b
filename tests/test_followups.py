"""Follow-ups read with the previous question (bot.followups, bot.slots), and where the
previous question is kept (bot.slack.conversations: per team, channel and thread, a day)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.engine import reader
from bot.followups import resolve
from bot.slack.conversations import Conversations
from bot.slack.service import Service
from bot.slots import compose, split
from store.ingest import Meta, ingest_paths

DATA = Path(__file__).parent / "data" / "trends"
PREVIOUS = "reddit spam suspensions H1 2022"


@pytest.fixture
def trends(store):
    ingest_paths(store, sorted(DATA.glob("*.csv")), Meta(None, None, None, None))
    return store


@pytest.mark.parametrize("text, question, read_as", [
    ("and H2 2021?", "reddit spam suspensions H2 2021", "reddit, spam, suspensions, H2 2021"),
    ("and H1?", "reddit spam suspensions H1 2022", "reddit, spam, suspensions, H1 2022"),
    ("what about Twitch?", "Twitch spam suspensions H1 2022", "Twitch, spam, suspensions, H1 2022"),
    ("Twitch?", "Twitch spam suspensions H1 2022", "Twitch, spam, suspensions, H1 2022"),
    ("in Germany?", "reddit spam suspensions in Germany H1 2022", "reddit, spam, suspensions, Germany, H1 2022"),
    ("as a chart", "reddit spam suspensions over time", "reddit, spam, suspensions, over time"),
])
def test_a_follow_up_takes_what_it_does_not_say_from_the_previous_question(seeded_sqlite, text, question, read_as):
    r = resolve(text, PREVIOUS, reader(seeded_sqlite))
    assert (r.question, r.read_as) == (question, read_as)


@pytest.mark.parametrize("text", ["how many accounts did Twitter suspend in H2 2017?", "suspensions H2 2017", "help"])
def test_a_question_of_its_own_is_not_a_follow_up(seeded_sqlite, text):
    assert resolve(text, PREVIOUS, reader(seeded_sqlite)) is None


def test_no_previous_question_no_follow_up(seeded_sqlite):
    assert resolve("and H1?", None, reader(seeded_sqlite)) is None


def test_a_bare_half_takes_its_year_from_the_other_part(seeded_sqlite):
    r = reader(seeded_sqlite)
    assert compose(split("suspensions H1", r), split("H2 2017", r)).text == "suspensions H1 2017"


def test_conversations_are_kept_per_thread_and_expire_after_a_day(store):
    now = [dt.datetime(2026, 11, 26, 12, 0)]
    c = Conversations(store, clock=lambda: now[0])
    c.remember("T1", "C1", "111.1", "reddit spam suspensions H1 2022")
    c.remember("T1", "C1", "222.2", "twitch spam suspensions 2020")
    c.remember("T1", "C1", "111.1", "reddit spam suspensions H2 2021")  # replaces the thread's previous
    assert c.previous("T1", "C1", "111.1") == "reddit spam suspensions H2 2021"
    assert c.previous("T1", "C1", "222.2") == "twitch spam suspensions 2020"
    assert c.previous("T1", "C2", "111.1") is None and c.previous("T2", "C1", "111.1") is None
    now[0] += dt.timedelta(hours=23)
    assert c.previous("T1", "C1", "222.2") == "twitch spam suspensions 2020"
    now[0] += dt.timedelta(hours=2)
    assert c.previous("T1", "C1", "222.2") is None
    c.remember("T1", "C9", "", "x")  # writing clears what expired
    from sqlalchemy import func, select

    from store.models import Conversation

    with store.Session() as s:
        assert s.scalar(select(func.count(Conversation.id))) == 1


def test_service_reads_a_follow_up_only_in_its_own_conversation(trends):
    service = Service(trends)
    first = service.ask(PREVIOUS, team="T1", channel="C1", user="U1", thread="111.1")
    assert first.answer.answer.value == 120
    follow = service.ask("what about Twitch?", team="T1", channel="C1", user="U1", thread="111.1", follow_up=True)
    assert follow.answer.answer.value == 80
    assert follow.answer.read_as == "Twitch, spam, suspensions, H1 2022"
    assert follow.answer.message.startswith("Read as: Twitch, spam, suspensions, H1 2022\n")
    other = service.ask("what about Twitch?", team="T1", channel="C1", user="U1", thread="999.9", follow_up=True)
    assert other.answer.status != "answer" and other.answer.read_as is None  # Twitch alone: which figure?
    assert "Read as" not in other.answer.message
    # and the follow-up became the thread's previous question: the next one builds on it
    again = service.ask("and 2020?", team="T1", channel="C1", user="U1", thread="111.1", follow_up=True)
    assert (again.answer.answer.value, again.answer.answer.derived.op) == (100, "sum")
