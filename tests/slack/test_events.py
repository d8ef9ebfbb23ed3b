"""@mentions answered in the thread, DMs answered in the DM, App Home published."""

from __future__ import annotations

import json
import re
import time
import uuid

from fake_slack_api import BOT_USER_ID
from slack_harness import JSON, event_callback, mention, direct_message, valid_blocks


def unique_ts() -> str:
    return f"1700{uuid.uuid4().int % 10**6:06d}.{uuid.uuid4().int % 10**6:06d}"


def test_mention_is_answered_in_a_new_thread_on_the_message(server, fake_slack):
    ts = unique_ts()
    event = mention(f"<@{BOT_USER_ID}> how many ISIS accounts did Twitter shut down since mid-2015?", ts=ts)
    r = server.send(event_callback(event), JSON)
    assert r.status == 200
    [call] = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)
    assert call.body["channel"] == event["channel"]
    assert "125,000" in call.body["text"]
    assert re.match(r"\*(?:[a-z ]+ )?125,000\* accounts suspended\n", call.body["blocks"][0]["text"]["text"])
    assert "reported by 3 sources" in json.dumps(call.body["blocks"])
    valid_blocks(call.body)
    assert call.headers.get("Authorization", "").startswith("Bearer xoxb-")


def test_mention_inside_a_thread_is_answered_in_that_thread(server, fake_slack):
    parent, ts = unique_ts(), unique_ts()
    event = mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts=ts, thread_ts=parent)
    assert server.send(event_callback(event), JSON).status == 200
    [call] = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == parent)
    assert "274,460" in call.body["text"]
    assert not fake_slack.find("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)


def test_mention_without_a_question_gets_usage(server, fake_slack):
    ts = unique_ts()
    assert server.send(event_callback(mention(f"<@{BOT_USER_ID}>", ts=ts)), JSON).status == 200
    [call] = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)
    assert "/modstats" in json.dumps(call.body["blocks"])


def test_direct_message_is_answered_in_the_dm(server, fake_slack):
    channel = "D" + uuid.uuid4().hex[:10].upper()
    r = server.send(event_callback(direct_message("suspensions H2 2017", ts=unique_ts(), channel=channel)), JSON)
    assert r.status == 200
    [call] = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("channel") == channel)
    assert "274,460" in call.body["text"]
    assert "thread_ts" not in call.body
    # the bot's own message in the DM (and edits) are not answered
    own = dict(direct_message("274,460 accounts", ts=unique_ts(), channel=channel), bot_id="BMODSTATS", user=BOT_USER_ID)
    edit = dict(direct_message("x", ts=unique_ts(), channel=channel), subtype="message_changed")
    for ev in (own, edit):
        assert server.send(event_callback(ev), JSON).status == 200
    time.sleep(0.5)
    assert len(fake_slack.find("chat.postMessage", lambda c: c.body.get("channel") == channel)) == 1


def test_app_home_is_published(server, fake_slack):
    user = "U" + uuid.uuid4().hex[:10].upper()
    event = {"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home", "event_ts": unique_ts()}
    assert server.send(event_callback(event), JSON).status == 200
    [call] = fake_slack.wait_for("views.publish", lambda c: c.body.get("user_id") == user)
    view = call.body["view"]
    assert view["type"] == "home"
    valid_blocks(view)
    text = json.dumps(view["blocks"])
    assert "Twitter" in text and "figures from" in text and "/modstats" in text and "Try:" in text


def test_request_url_verification_challenge(server):
    body = json.dumps({"token": "Jhj5dZrVaK7ZwHHjRyZWjbDl", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "type": "url_verification"})
    r = server.send(body, JSON)
    assert r.status == 200 and "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in r.body
    assert server.send(body, JSON, secret="forged").status == 401


def test_health_endpoint_and_unknown_paths(server):
    r = server.get("/healthz")
    assert r.status == 200 and json.loads(r.body)["store"] == "ok"
    assert server.get("/nope").status == 404
