"""Start the real server (``python -m bot serve`` -> gunicorn) on a free loopback port and
talk to it like Slack does: signed slash commands, events and block_actions built from the
payload layouts copied from shared/slack-payloads into tests/slack/payloads/."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from slack_sdk.signature import SignatureVerifier

ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = Path(os.environ.get("MODSTATS_SLACK_PAYLOADS", Path(__file__).parent / "payloads"))  # copies of the real layouts (README.md there)
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # Slack's published example secret
BOT_TOKEN = "xoxb-1234567890-0987654321-ThisIsTheTestBotToken"
TEAM, CHANNEL, USER = "T1DC2JH3J", "C0MODSTATS", "U2CERLKJA"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Response:
    status: int
    body: str
    headers: dict

    def json(self):
        return json.loads(self.body)


class _Child:
    """A modstats process started in its own process group, logging to ``log_path``."""

    proc: subprocess.Popen | None = None
    log_path: Path | None = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)  # our own process group only
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)


class Server(_Child):
    """``python -m bot serve`` in a subprocess (gunicorn master + workers)."""

    def __init__(self, fake, database_url: str, *, workers: int = 1, extra_env: dict | None = None, log_path: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
        env.update(
            SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=fake.api_url,
            DATABASE_URL=database_url, HOST="127.0.0.1", PORT=str(self.port), WEB_CONCURRENCY=str(workers), PYTHONUNBUFFERED="1",
        )
        env.update(extra_env or {})
        self.env = env
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> "Server":
        out = open(self.log_path, "wb") if self.log_path else subprocess.DEVNULL
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "serve"], cwd=ROOT, env=self.env,
                                     stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}: {self.log()}")
            try:
                if self.get("/healthz").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not become healthy: {self.log()}")


    # --- HTTP ---------------------------------------------------------------------------

    def get(self, path: str) -> Response:
        return self._request("GET", path, None, {})

    def post(self, body: str, headers: dict, path: str = "/slack/events") -> Response:
        return self._request("POST", path, body.encode(), headers)

    def _request(self, method, path, data, headers) -> Response:
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=15) as r:
                return Response(r.status, r.read().decode(), dict(r.headers))
        except urllib.error.HTTPError as e:
            return Response(e.code, e.read().decode(), dict(e.headers))

    def send(self, body: str, content_type: str, *, timestamp: int | None = None, secret: str = SIGNING_SECRET,
             extra: dict | None = None) -> Response:
        return self.post(body, signed_headers(body, content_type, timestamp=timestamp, secret=secret, extra=extra))


def signed_headers(body: str, content_type: str, *, timestamp: int | None = None, secret: str = SIGNING_SECRET,
                   extra: dict | None = None) -> dict:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    sig = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig}
    headers.update(extra or {})
    return headers


# --- payloads, from the real layouts --------------------------------------------------------

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def slash_command(text: str, response_url: str, *, channel: str = CHANNEL, user: str = USER) -> str:
    base = dict(parse_qsl((PAYLOADS / "slash_command_signed.form-urlencoded").read_text().strip(), keep_blank_values=True))
    base.update(command="/modstats", text=text, channel_id=channel, channel_name="general", user_id=user,
                response_url=response_url, trigger_id=f"{uuid.uuid4().int % 10**12}.47445629121.{uuid.uuid4().hex}")
    return urlencode(base)


def event_callback(event: dict, *, event_id: str | None = None) -> str:
    envelope = json.loads((PAYLOADS / "app_mention_event_callback.fixed.json").read_text())
    envelope["team_id"] = TEAM
    envelope["event_id"] = event_id or f"Ev{uuid.uuid4().hex[:12].upper()}"
    envelope["event_time"] = int(time.time())
    envelope["event"] = event
    return json.dumps(envelope)


def mention(text: str, *, ts: str, thread_ts: str | None = None, channel: str = CHANNEL, user: str = "U061F7AUR") -> dict:
    envelope = json.loads((PAYLOADS / "app_mention_event_callback.fixed.json").read_text())
    event = dict(envelope["event"], text=text, ts=ts, event_ts=ts, channel=channel, user=user)
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text: str, *, ts: str, channel: str = "D0MODSTATS", user: str = USER) -> dict:
    return {"type": "message", "channel": channel, "user": user, "text": text, "ts": ts, "event_ts": ts,
            "channel_type": "im", "team": TEAM}


def block_action(action_id: str, value: str, response_url: str, *, ephemeral: bool = True, user: str = USER) -> str:
    """A block_actions payload (form field ``payload``), laid out as Slack sends it."""
    return urlencode({"payload": json.dumps(block_action_payload(action_id, value, response_url, ephemeral=ephemeral, user=user))})


def block_action_payload(action_id: str, value: str, response_url: str, *, ephemeral: bool = True, user: str = USER) -> dict:
    """The block_actions payload itself (what Socket Mode carries in an ``interactive`` envelope)."""
    return {
        "type": "block_actions",
        "user": {"id": user, "username": "roadrunner", "name": "roadrunner", "team_id": TEAM},
        "api_app_id": "A123ABC456",
        "token": "xyzz0WbapA4vBCDEFasx0q6G",
        "container": {"type": "message", "message_ts": "1700000000.000100", "channel_id": CHANNEL, "is_ephemeral": ephemeral},
        "trigger_id": "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
        "team": {"id": TEAM, "domain": "testteamnow"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": CHANNEL, "name": "general"},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [{"action_id": action_id, "block_id": "b1", "text": {"type": "plain_text", "text": "x", "emoji": True},
                     "value": value, "type": "button", "action_ts": f"{time.time():.6f}"}],
    }


def find_action(blocks: list[dict], action_id_prefix: str) -> dict | None:
    for b in blocks:
        for el in b.get("elements", []) if b.get("type") == "actions" else [b.get("accessory") or {}]:
            if el.get("action_id", "").startswith(action_id_prefix):
                return el
    return None


def valid_blocks(message: dict) -> list[dict]:
    """Parse every block back through slack_sdk's block models, whose to_dict() checks Block
    Kit's limits (text lengths, element counts); returns the blocks unchanged if valid."""
    from slack_sdk.models.blocks import Block

    blocks = message.get("blocks", [])
    assert len(blocks) <= (100 if message.get("type") == "home" else 50)
    for b in blocks:
        parsed = Block.parse(b)
        assert parsed is not None, b
        parsed.to_dict()  # raises SlackObjectFormationError on a violated limit
        for key in ("text",):
            if isinstance(b.get(key), dict):
                assert len(b[key]["text"]) <= 3000
    return blocks


def all_strings(obj):
    """Every string inside a Slack message (blocks, elements, fallback text)."""
    if isinstance(obj, dict):
        for v in obj.values():
            yield from all_strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from all_strings(v)
    elif isinstance(obj, str):
        yield obj


# --- Socket Mode ----------------------------------------------------------------------------

APP_TOKEN = "xapp-1-A111-111-ThisIsTheTestAppToken"


class SocketModeProcess(_Child):
    """``python -m bot.slack.server --socket-mode`` in a subprocess (its own process group),
    with the Web API at the fake and no signing secret; ready once it has opened its
    WebSocket to the fake Socket Mode server."""

    def __init__(self, fake, socket_mode, database_url: str, *, log_path: Path | None = None):
        env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
        env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_APP_TOKEN=APP_TOKEN, SLACK_API_URL=fake.api_url,
                   DATABASE_URL=database_url, PYTHONUNBUFFERED="1", NO_PROXY="127.0.0.1", no_proxy="127.0.0.1")
        for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
            env.pop(proxy, None)  # loopback only: the builtin client would tunnel through a proxy
        self.env, self.socket_mode, self.log_path = env, socket_mode, log_path
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> "SocketModeProcess":
        out = open(self.log_path, "wb") if self.log_path else subprocess.DEVNULL
        self.proc = subprocess.Popen([sys.executable, "-m", "bot.slack.server", "--socket-mode"], cwd=ROOT, env=self.env,
                                     stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self.socket_mode.wait_for_link(1, timeout=timeout)
        except AssertionError:
            code = self.proc.poll()
            self.stop()
            raise RuntimeError(f"Socket Mode client did not connect (exit code {code}): {self.log()}") from None
        return self


def _socket_mode_samples() -> list[dict]:
    return [json.loads(line) for line in (PAYLOADS / "socket_mode_envelopes.jsonl").read_text().splitlines() if line.strip()]


def slash_command_envelope(text: str, response_url: str, *, channel: str = CHANNEL, user: str = USER) -> dict:
    """A ``slash_commands`` envelope, laid out as the recorded sample (accepts_response_payload)."""
    envelope = _socket_mode_samples()[0]
    envelope["envelope_id"] = str(uuid.uuid4())
    envelope["payload"].update(command="/modstats", text=text, team_id=TEAM, channel_id=channel, user_id=user,
                               response_url=response_url, trigger_id=f"{uuid.uuid4().int % 10**12}.111.{uuid.uuid4().hex}")
    return envelope


def events_api_envelope(event: dict, *, event_id: str | None = None, retry_attempt: int = 0) -> dict:
    """An ``events_api`` envelope (the recorded sample's event_callback, with ``event`` replaced)."""
    envelope = _socket_mode_samples()[1]
    envelope["envelope_id"] = str(uuid.uuid4())
    envelope["payload"].update(team_id=TEAM, event=event, event_id=event_id or f"Ev{uuid.uuid4().hex[:12].upper()}",
                               event_time=int(time.time()))
    envelope["retry_attempt"] = retry_attempt
    envelope["retry_reason"] = "timeout" if retry_attempt else ""
    return envelope


def interactive_envelope(payload: dict) -> dict:
    """An ``interactive`` envelope carrying a block_actions payload (no response payload accepted)."""
    return {"envelope_id": str(uuid.uuid4()), "payload": payload, "type": "interactive", "accepts_response_payload": False}
