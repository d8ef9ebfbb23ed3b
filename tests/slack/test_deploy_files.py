"""The manifest, the Procfile and Socket Mode wiring."""

from __future__ import annotations

import json
import shlex

import yaml
from slack_sdk.socket_mode.request import SocketModeRequest

from slack_harness import BOT_TOKEN, PAYLOADS, ROOT

import bot.slack.server as server_mod
from bot.slack.settings import Settings


def test_manifest_declares_command_events_scopes_and_interactivity():
    m = yaml.safe_load((ROOT / "manifest.yaml").read_text())
    [cmd] = m["features"]["slash_commands"]
    assert cmd["command"] == "/modstats" and cmd["url"].endswith("/slack/events")
    assert set(m["settings"]["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im", "app_home_opened"}
    assert m["settings"]["event_subscriptions"]["request_url"].endswith("/slack/events")
    assert m["settings"]["interactivity"]["is_enabled"] is True
    assert {"commands", "app_mentions:read", "chat:write", "im:history", "files:write"} <= set(m["oauth_config"]["scopes"]["bot"])
    assert m["features"]["app_home"]["home_tab_enabled"] is True
    assert m["settings"]["socket_mode_enabled"] is False


def test_procfile_has_release_web_and_worker():
    lines = dict(line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line.strip())
    assert lines["release"].strip() == "modstats migrate"
    web = shlex.split(lines["web"])
    assert web[0] == "gunicorn" and "python:bot.slack.gunicorn_conf" in web and "bot.slack.wsgi:application()" in web
    assert "--socket-mode" in lines["worker"]


def test_socket_mode_runs_the_same_app(monkeypatch, fake_slack, seeded_template, tmp_path):
    """With SLACK_APP_TOKEN set, serve() hands the app to Bolt's Socket Mode handler. The
    handler here feeds it the envelopes from the shared samples, as the WebSocket would."""
    import shutil

    db = tmp_path / "m.db"
    shutil.copy(seeded_template, db)
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": "xapp-1-A111-111-abc", "SLACK_API_URL": fake_slack.api_url,
           "DATABASE_URL": f"sqlite:///{db}"}
    for k in ("SLACK_SIGNING_SECRET",):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    results = {}

    class FakeHandler:
        def __init__(self, app, app_token):
            results["token"] = app_token
            self.app = app

        def start(self):
            from slack_bolt.adapter.socket_mode.internals import run_bolt_app

            envelopes = [json.loads(line) for line in (PAYLOADS / "socket_mode_envelopes.jsonl").read_text().splitlines()]
            envelopes[0]["payload"].update(command="/modstats", text="suspensions H2 2017")
            results["command"] = run_bolt_app(self.app, SocketModeRequest.from_dict(envelopes[0]))
            envelopes[1]["payload"]["event"]["text"] = "<@U111> suspensions H2 2017"
            envelopes[1]["payload"]["event_id"] = "EvSocketMode1"
            results["event"] = run_bolt_app(self.app, SocketModeRequest.from_dict(envelopes[1]))
            envelopes[1]["retry_attempt"] = 1
            results["retry"] = run_bolt_app(self.app, SocketModeRequest.from_dict(envelopes[1]))

    import slack_bolt.adapter.socket_mode as sm

    monkeypatch.setattr(sm, "SocketModeHandler", FakeHandler)
    assert Settings.from_env(load_dotenv=False).mode == "socket"
    assert server_mod.serve() == 0
    assert results["token"] == "xapp-1-A111-111-abc"
    assert results["command"].status == 200
    assert "274,460" in json.loads(results["command"].body)["text"]
    assert results["event"].status == 200 and results["retry"].status == 200
    calls = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == "1610241741.000200")
    import time

    time.sleep(0.3)
    assert len(fake_slack.find("chat.postMessage", lambda c: c.body.get("thread_ts") == "1610241741.000200")) == 1
    assert "274,460" in calls[0].body["text"]
