"""End to end under gunicorn (2 workers) against the fake Slack Web API: a series mention gets
its numbers in the thread and its chart uploaded through files.getUploadURLExternal, the
upload URL and files.completeUploadExternal with the channel and thread_ts; follow-ups are
read with their own thread's previous question (kept in the database, so either worker can
answer them) and never with another thread's."""

from __future__ import annotations

import io
import json
import shutil
import uuid
from pathlib import Path

import pytest
from PIL import Image

from bot.chart import render
from bot.engine import answer
from fake_slack_api import BOT_USER_ID
from slack_harness import CHANNEL, JSON, Server, direct_message, event_callback, mention
from store.db import Store
from store.ingest import Meta, ingest_paths

DATA = Path(__file__).resolve().parents[1] / "data" / "trends"


def unique_ts() -> str:
    return f"1701{uuid.uuid4().int % 10**6:06d}.{uuid.uuid4().int % 10**6:06d}"


@pytest.fixture(scope="module")
def trends_server(fake_slack, seeded_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("trends-server")
    db = folder / "modstats.db"
    shutil.copy(seeded_template, db)
    store = Store.open(f"sqlite:///{db}")
    ingest_paths(store, sorted(DATA.glob("*.csv")), Meta(None, None, None, None))
    store.dispose()
    srv = Server(fake_slack, f"sqlite:///{db}", workers=2, log_path=folder / "server.log").start()
    srv.db_url = f"sqlite:///{db}"
    yield srv
    srv.stop()


def test_a_series_in_a_thread_comes_with_its_chart_uploaded_there(trends_server, fake_slack):
    ts = unique_ts()
    body = event_callback(mention(f"<@{BOT_USER_ID}> reddit spam suspensions over time", ts=ts))
    assert trends_server.send(body, JSON).status == 200
    [message] = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == ts, timeout=15)
    blocks = json.dumps(message.body["blocks"])
    assert all(s in blocks for s in ("H1 2021", "150", "H2 2022", "no figure stored", "Reddit Transparency Report"))
    [complete] = fake_slack.wait_for("files.completeUploadExternal", lambda c: c.body.get("thread_ts") == ts, timeout=15)
    assert complete.body["channel_id"] == CHANNEL
    [uploaded] = json.loads(complete.body["files"])
    png = fake_slack.uploads[uploaded["id"]]
    [asked] = fake_slack.find("files.getUploadURLExternal", lambda c: "reddit" in c.body.get("alt_txt", "").lower()
                              and "H2 2022: no figure" in c.body.get("alt_txt", "") and int(c.body["length"]) == len(png))
    assert Image.open(io.BytesIO(png)).format == "PNG"
    # the PNG of this very series: drawn again here from the same store, byte for byte
    store = Store.open(trends_server.db_url)
    try:
        assert png == render(answer("reddit spam suspensions over time", store).series)
    finally:
        store.dispose()


def test_a_series_in_a_dm_is_uploaded_into_the_dm(trends_server, fake_slack):
    channel = "D" + uuid.uuid4().hex[:10].upper()
    body = event_callback(direct_message("twitch spam suspensions each quarter of 2020", ts=unique_ts(), channel=channel))
    assert trends_server.send(body, JSON).status == 200
    [complete] = fake_slack.wait_for("files.completeUploadExternal", lambda c: c.body.get("channel_id") == channel, timeout=15)
    assert not complete.body.get("thread_ts")


def test_a_follow_up_uses_its_own_threads_context_only(trends_server, fake_slack):
    first, second, fresh = unique_ts(), unique_ts(), unique_ts()
    for ts, text in ((first, "reddit spam suspensions H1 2022"), (second, "twitch spam suspensions H1 2022")):
        assert trends_server.send(event_callback(mention(f"<@{BOT_USER_ID}> {text}", ts=ts)), JSON).status == 200
        fake_slack.wait_for("chat.postMessage", lambda c, ts=ts: c.body.get("thread_ts") == ts, timeout=15)
    # "and H2 2021?" in each thread: read with that thread's previous question
    for ts in (first, second):
        event = mention(f"<@{BOT_USER_ID}> and H2 2021?", ts=unique_ts(), thread_ts=ts)
        assert trends_server.send(event_callback(event), JSON).status == 200
    [_, in_first] = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == first, count=2, timeout=15)
    assert in_first.body["text"].startswith("Read as: reddit, spam, suspensions, H2 2021")
    assert "*150*" in json.dumps(in_first.body["blocks"])
    [_, in_second] = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == second, count=2, timeout=15)
    assert "Read as: twitch" in in_second.body["text"] and "150" not in json.dumps(in_second.body["blocks"])
    # a thread with no earlier question: an ordinary question, no context borrowed
    event = mention(f"<@{BOT_USER_ID}> and H2 2021?", ts=unique_ts(), thread_ts=fresh)
    assert trends_server.send(event_callback(event), JSON).status == 200
    [reply] = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == fresh, timeout=15)
    assert "Read as" not in reply.body["text"]
    assert reply.body["text"].startswith("Several figures fit")  # H2 2021 of what? (no thread's answer)
