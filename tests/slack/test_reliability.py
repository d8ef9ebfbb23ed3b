"""Refusing forged and stale requests, one reply per event across retries and worker
processes, retried Web API calls, hostile text, the store going away and coming back,
settings, and secrets kept out of logs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from fake_slack_api import BOT_USER_ID
from slack_harness import (
    BOT_TOKEN,
    FORM,
    JSON,
    PAYLOADS,
    ROOT,
    SIGNING_SECRET,
    Server,
    all_strings,
    event_callback,
    mention,
    signed_headers,
    slash_command,
)
from store.db import Store
from tcp_proxy import Proxy


def unique_ts() -> str:
    return f"1701{uuid.uuid4().int % 10**6:06d}.{uuid.uuid4().int % 10**6:06d}"


def question_count(db_url: str) -> int:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM questions")).scalar()
    engine.dispose()
    return n


# --- request verification -----------------------------------------------------------------

def test_forged_and_stale_requests_are_refused_and_do_nothing(server, fake_slack):
    before = question_count(server.db_url)
    body = slash_command("suspensions H2 2017", fake_slack.response_url("forged"))
    forged = server.send(body, FORM, secret="not-the-signing-secret")
    stale = server.send(body, FORM, timestamp=int(time.time()) - 10 * 60)
    unsigned = server.post(body, {"Content-Type": FORM})
    tampered_headers = signed_headers(body, FORM)
    tampered = server.post(body.replace("H2+2017", "H1+2018"), tampered_headers)
    assert [r.status for r in (forged, stale, unsigned, tampered)] == [401, 401, 401, 401]
    assert all("274,460" not in r.body for r in (forged, stale, unsigned, tampered))
    # Slack's own published example: signed correctly, but from 2018 -> stale
    meta = json.loads((PAYLOADS / "slash_command_signed.meta.json").read_text())
    assert meta["signing_secret"] == SIGNING_SECRET
    published = (PAYLOADS / meta["body_file"]).read_text().strip()
    assert server.post(published, meta["headers"]).status == 401
    # an event with a forged signature is not answered either
    ts = unique_ts()
    ev = event_callback(mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts=ts))
    assert server.send(ev, JSON, secret="forged").status == 401
    time.sleep(0.3)
    assert not fake_slack.find("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)
    assert question_count(server.db_url) == before


# --- one reply per event ------------------------------------------------------------------

def deliver_repeatedly(server, body: str, times: int = 6) -> list[int]:
    """The first delivery and Slack's retries (X-Slack-Retry-Num), all at once."""
    def send(i):
        extra = {"X-Slack-Retry-Num": str(i), "X-Slack-Retry-Reason": "http_timeout"} if i else {}
        return server.send(body, JSON, extra=extra).status

    with ThreadPoolExecutor(times) as pool:
        return list(pool.map(send, range(times)))


def assert_one_reply(server, fake, times=6):
    ts = unique_ts()
    body = event_callback(mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts=ts))
    assert deliver_repeatedly(server, body, times) == [200] * times
    fake.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)
    time.sleep(0.7)  # any second reply would have arrived by now
    assert len(fake.find("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)) == 1
    # and a later retry, after the reply went out, is still not answered again
    assert server.send(body, JSON, extra={"X-Slack-Retry-Num": "3"}).status == 200
    time.sleep(0.3)
    assert len(fake.find("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)) == 1


def test_retries_and_repeated_event_ids_get_one_reply_sqlite_two_workers(server, fake_slack):
    assert_one_reply(server, fake_slack)


@pytest.mark.postgres
def test_retries_get_one_reply_across_two_workers_on_postgresql(pg_url, fake_slack, tmp_path):
    Store.open(pg_url).dispose()
    srv = Server(fake_slack, pg_url, workers=2, log_path=tmp_path / "server.log").start()
    try:
        assert_one_reply(srv, fake_slack, times=8)
    finally:
        srv.stop()


# --- Web API failures are retried by slack_sdk, and the reply is posted once --------------

@pytest.mark.parametrize("status,headers", [(429, {"Retry-After": "0"}), (503, {})])
def test_rate_limits_and_server_errors_are_retried_once_posted(server, fake_slack, status, headers):
    ts = unique_ts()
    fake_slack.fail_next("chat.postMessage", status, headers)
    assert server.send(event_callback(mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts=ts)), JSON).status == 200
    calls = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == ts, count=2, timeout=15)
    time.sleep(0.3)
    assert len(fake_slack.find("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)) == 2  # failed + retried
    assert "274,460" in calls[-1].body["text"]


# --- hostile text --------------------------------------------------------------------------

HOSTILE = ["<!channel> suspensions H2 2017", "<!here|here> <@U123> how many <http://x|y> accounts",
           "<@U123|bob> &lt;!channel&gt; <!subteam^S123|@team> twitter", "x" * 20_000,
           "suspensions " + "<!channel> " * 2000]
RAW = re.compile(r"<!channel>|<!here|<@U123|<http://x|<!subteam")


def assert_safe(message: dict):
    for s in all_strings(message):
        assert not RAW.search(s), s[:200]
    for b in message.get("blocks", []):
        t = (b.get("text") or {}).get("text", "")
        assert len(t) <= 3000
    assert len(message.get("text", "")) <= 3000


@pytest.mark.parametrize("hostile", HOSTILE, ids=["channel", "here-user-link", "escaped-subteam", "20000", "many"])
def test_hostile_text_is_neither_echoed_raw_nor_crashing(server, fake_slack, hostile):
    r = server.send(slash_command(hostile, fake_slack.response_url("hostile")), FORM)
    assert r.status == 200
    assert_safe(r.json())
    ts = unique_ts()
    assert server.send(event_callback(mention(f"<@{BOT_USER_ID}> {hostile}", ts=ts)), JSON).status == 200
    [call] = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)
    assert_safe(call.body)
    assert server.get("/healthz").status == 200


# --- the store goes down and comes back ----------------------------------------------------

@pytest.mark.postgres
def test_store_down_gets_an_apology_and_recovers(pg_url, fake_slack, tmp_path):
    Store.open(pg_url).dispose()
    proxy = Proxy(("127.0.0.1", 5432)).start()
    url = pg_url.replace("@127.0.0.1:5432/", f"@127.0.0.1:{proxy.port}/")
    assert url != pg_url
    log = tmp_path / "server.log"
    srv = Server(fake_slack, url, workers=1, log_path=log, extra_env={"LOG_LEVEL": "debug"}).start()
    try:
        ask = lambda: srv.send(slash_command("suspensions H2 2017", fake_slack.response_url("down")), FORM)  # noqa: E731
        assert "274,460" in ask().json()["text"]
        proxy.stop()
        r = ask()
        assert r.status == 200
        assert r.json()["text"].startswith("Sorry — I can’t reach my figures")
        assert srv.get("/healthz").status == 503
        ts = unique_ts()
        srv.send(event_callback(mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts=ts)), JSON)
        [call] = fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)
        assert call.body["text"].startswith("Sorry")
        proxy = Proxy(("127.0.0.1", 5432), port=proxy.port).start()
        assert "274,460" in ask().json()["text"]
        assert srv.get("/healthz").status == 200
    finally:
        srv.stop()
        proxy.stop()
    output = log.read_text(errors="replace")
    assert "store unavailable" in output
    assert BOT_TOKEN not in output and SIGNING_SECRET not in output
    assert "xoxb-" not in output and "xyzz0WbapA4vBCDEFasx0q6G" not in output  # nor the payloads' verification token


@pytest.mark.postgres
def test_a_hanging_store_still_gets_an_ack_in_time_and_the_answer_follows(pg_url, fake_slack, tmp_path):
    Store.open(pg_url).dispose()
    proxy = Proxy(("127.0.0.1", 5432)).start()
    url = pg_url.replace("@127.0.0.1:5432/", f"@127.0.0.1:{proxy.port}/")
    srv = Server(fake_slack, url, workers=1, log_path=tmp_path / "server.log").start()
    try:
        hook = fake_slack.response_url("hang-" + uuid.uuid4().hex)
        assert "274,460" in srv.send(slash_command("suspensions H2 2017", hook), FORM).json()["text"]
        proxy.stall()  # connections are accepted and never answered
        started = time.monotonic()
        r = srv.send(slash_command("suspensions H2 2017", hook), FORM)
        assert time.monotonic() - started < 3.0  # inside Slack's limit
        assert r.status == 200 and r.json()["text"].startswith("Still looking")
        [late] = fake_slack.wait_for("response_url", lambda c: c.path.endswith(hook.rsplit("/", 1)[1]), timeout=20)
        assert late.body["replace_original"] is True
        assert late.body["text"].startswith("Sorry — I can’t reach my figures")
        proxy.resume()
        assert "274,460" in srv.send(slash_command("suspensions H2 2017", hook), FORM).json()["text"]
    finally:
        srv.stop()
        proxy.stop()


def test_secrets_never_reach_the_log_even_at_debug(fake_slack, seeded_template, tmp_path):
    db = tmp_path / "modstats.db"
    shutil.copy(seeded_template, db)
    log = tmp_path / "server.log"
    srv = Server(fake_slack, f"sqlite:///{db}", log_path=log, extra_env={"LOG_LEVEL": "debug"}).start()
    try:
        srv.send(slash_command("suspensions H2 2017", fake_slack.response_url("dbg")), FORM)
        srv.send(slash_command("x", fake_slack.response_url("dbg")), FORM, secret="forged")
        ts = unique_ts()
        srv.send(event_callback(mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts=ts)), JSON)
        fake_slack.wait_for("chat.postMessage", lambda c: c.body.get("thread_ts") == ts)
        time.sleep(0.3)
    finally:
        srv.stop()
    output = log.read_text(errors="replace")
    assert "DEBUG" in output  # the libraries really did log at debug
    for secret in (BOT_TOKEN, SIGNING_SECRET, "xoxb-", "xyzz0WbapA4vBCDEFasx0q6G", "XXYYZZ"):
        assert secret not in output, secret


# --- settings ------------------------------------------------------------------------------

def run(args, env_overrides, timeout=20):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(env_overrides)
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("missing", ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"])
def test_missing_setting_stops_start_up_naming_it(missing, tmp_path):
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "PORT": "1",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    env.pop(missing)
    for args in ([sys.executable, "-m", "bot", "serve"],
                 [str(Path(sys.executable).with_name("gunicorn")), "--config", "python:bot.slack.gunicorn_conf",
                  "bot.slack.wsgi:application()"]):
        r = run(args, env)
        assert r.returncode != 0
        assert missing in r.stderr, r.stderr
        assert BOT_TOKEN not in r.stderr + r.stdout


def test_socket_mode_needs_its_app_token(tmp_path):
    r = run([sys.executable, "-m", "bot.slack.server", "--socket-mode"],
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"})
    assert r.returncode == 2 and "SLACK_APP_TOKEN" in r.stderr
