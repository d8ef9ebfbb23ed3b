"""Socket Mode over a real WebSocket: ``python -m bot.slack.server --socket-mode`` (slack_sdk's
builtin Socket Mode client under Bolt's SocketModeHandler) connects to a local WebSocket server
standing in for Slack, whose URL the fake Web API hands out from ``apps.connections.open``.
Envelopes carry the recorded layouts; each is acknowledged by its ``envelope_id`` and answered.
Everything stays on 127.0.0.1, every wait has a timeout, and the process is killed at the end."""

from __future__ import annotations

import json
import shutil
import time
import uuid

import pytest

from fake_slack_api import BOT_USER_ID, FakeSlack
from fake_socket_mode import FakeSocketMode
from slack_harness import (APP_TOKEN, SocketModeProcess, block_action_payload, events_api_envelope, find_action,
                           interactive_envelope, mention, slash_command_envelope, valid_blocks)


@pytest.fixture(scope="module")
def slack(seeded_template, tmp_path_factory):
    """(fake Web API, fake Socket Mode server, the app process), for this module only."""
    folder = tmp_path_factory.mktemp("socket-mode")
    db = folder / "modstats.db"
    shutil.copy(seeded_template, db)
    fake = FakeSlack().start()
    sm = FakeSocketMode().start()
    fake.socket_mode = sm
    proc = None
    try:
        proc = SocketModeProcess(fake, sm, f"sqlite:///{db}", log_path=folder / "socket.log").start()
        yield fake, sm, proc
    finally:
        if proc:
            proc.stop()
        sm.stop()
        fake.stop()


def unique_ts() -> str:
    return f"1700{uuid.uuid4().int % 10**6:06d}.{uuid.uuid4().int % 10**6:06d}"


def connections_opened(fake) -> int:
    return len(fake.find("apps.connections.open"))


def ask_mention(fake, sm, question="suspensions H2 2017", link=None):
    """Send an app_mention envelope; return (its ack, the chat.postMessage that answered it)."""
    ts = unique_ts()
    envelope = events_api_envelope(mention(f"<@{BOT_USER_ID}> {question}", ts=ts))
    sm.send(envelope, link)
    ack = sm.wait_ack(envelope["envelope_id"])
    [call] = fake.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)
    return ack, call


def test_connects_with_the_app_token_through_apps_connections_open(slack):
    fake, sm, _ = slack
    [first, *_] = fake.find("apps.connections.open")
    assert first.headers.get("Authorization") == f"Bearer {APP_TOKEN}"  # the xapp- token, not the bot token
    assert sm.links[0].ticket == sm.issued[0]  # the client dialled the URL the Web API handed out


def test_slash_command_is_acknowledged_with_the_answer(slack):
    fake, sm, _ = slack
    envelope = slash_command_envelope("suspensions H2 2017", fake.response_url("sm-cmd"))
    sm.send(envelope)
    ack = sm.wait_ack(envelope["envelope_id"])
    assert set(ack) == {"envelope_id", "payload"}
    payload = ack["payload"]
    assert payload["response_type"] == "ephemeral"
    assert "274,460" in payload["text"]
    assert payload["blocks"][0]["text"]["text"].startswith("*274,460* accounts suspended")
    valid_blocks(payload)
    assert find_action(payload["blocks"], "modstats_share") is not None


def test_mention_is_acknowledged_then_answered_in_the_thread_once(slack):
    fake, sm, _ = slack
    ts = unique_ts()
    event_id = f"EvSM{uuid.uuid4().hex[:10].upper()}"
    envelope = events_api_envelope(mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts=ts), event_id=event_id)
    sm.send(envelope)
    assert sm.wait_ack(envelope["envelope_id"]) == {"envelope_id": envelope["envelope_id"]}  # events: no payload
    [call] = fake.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)
    assert call.body["channel"] == "C0MODSTATS" and "274,460" in call.body["text"]
    assert call.headers.get("Authorization", "").startswith("Bearer xoxb-")  # posts with the bot token
    valid_blocks(call.body)
    # Slack's retry of the same event (retry_attempt 1) is acknowledged but not answered again
    retry = events_api_envelope(envelope["payload"]["event"], event_id=event_id, retry_attempt=1)
    sm.send(retry)
    sm.wait_ack(retry["envelope_id"])
    time.sleep(0.5)
    assert len(fake.find("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)) == 1


def test_button_click_is_acknowledged_and_answered_through_the_response_url(slack):
    fake, sm, _ = slack
    asked = slash_command_envelope("suspensions H2 2017", fake.response_url("sm-cmd"))
    sm.send(asked)
    share = find_action(sm.wait_ack(asked["envelope_id"])["payload"]["blocks"], "modstats_share")
    hook = fake.response_url("sm-share-" + uuid.uuid4().hex)
    click = interactive_envelope(block_action_payload("modstats_share", share["value"], hook))
    sm.send(click)
    assert sm.wait_ack(click["envelope_id"]) == {"envelope_id": click["envelope_id"]}
    calls = fake.wait_for("response_url", lambda c: c.path.endswith(hook.rsplit("/", 1)[1]), count=2)
    posted = next(c for c in calls if c.body.get("response_type") == "in_channel")
    assert "274,460" in posted.body["text"] and "Shared by <@U2CERLKJA>" in json.dumps(posted.body["blocks"])
    assert any(c.body.get("delete_original") is True for c in calls)


def test_a_dropped_socket_reconnects_and_the_next_envelope_is_answered(slack):
    fake, sm, _ = slack
    old, opened = sm.current(), connections_opened(fake)
    count = len(sm.links)
    sm.drop(old)  # Slack closes the connection (close frame 1001, then TCP close)
    new = sm.wait_for_link(count + 1)
    assert new.ticket != old.ticket and connections_opened(fake) == opened + 1  # a fresh URL from apps.connections.open
    _, call = ask_mention(fake, sm, link=new)
    assert "274,460" in call.body["text"]


def test_disconnect_refresh_requested_is_honoured(slack):
    fake, sm, _ = slack
    old, opened = sm.current(), connections_opened(fake)
    count = len(sm.links)
    sm.refresh(old)  # {"type": "disconnect", "reason": "refresh_requested"}
    new = sm.wait_for_link(count + 1)
    assert new.ticket != old.ticket and connections_opened(fake) == opened + 1
    assert old.closed.wait(10), "the client kept the old connection open after moving to the new one"
    ack, call = ask_mention(fake, sm, link=new)
    assert "274,460" in call.body["text"]
    assert len(sm.links) == count + 1  # exactly one new connection, no reconnect storm
