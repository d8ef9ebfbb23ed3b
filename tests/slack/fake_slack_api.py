"""A fake Slack Web API on loopback: answers auth.test, chat.postMessage, chat.postEphemeral,
views.publish, apps.connections.open (when a fake Socket Mode server is attached),
response_url posts, and file uploads as files_upload_v2 makes them (files.getUploadURLExternal,
the bytes POSTed to the upload URL it hands out, kept in ``uploads``, then
files.completeUploadExternal), and records every request body. Failures can be
queued per method (e.g. one 429 then success) to exercise the client's retry handlers."""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

BOT_USER_ID = "UBOTMODSTATS"


@dataclass
class Call:
    method: str  # "chat.postMessage", or "response_url" for /response/<id>
    path: str
    body: dict
    raw: str
    headers: dict


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.lock = threading.Lock()
        self.failures: dict[str, list[tuple[int, dict]]] = {}
        self.socket_mode = None  # a fake_socket_mode.FakeSocketMode: apps.connections.open hands out its URLs
        self._ts = itertools.count(1)
        self._files = itertools.count(1)
        self.uploads: dict[str, bytes] = {}  # file id -> the bytes POSTed to its upload URL
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length) if length else b""
                path = self.path.split("?")[0]
                if path.startswith("/upload/"):  # a file's bytes, as files_upload_v2 sends them
                    file_id = path.rsplit("/", 1)[-1]
                    with fake.lock:
                        fake.uploads[file_id] = data
                    fake.record(Call("upload", path, {"file_id": file_id, "length": len(data)}, "", dict(self.headers)))
                    self._send(200, None)
                    return
                raw = data.decode("utf-8")
                ctype = self.headers.get("Content-Type", "")
                if "json" in ctype:
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[0] for k, v in parse_qs(raw).items()}
                method = "response_url" if path.startswith("/response/") else path.rsplit("/", 1)[-1]
                fake.record(Call(method, path, body, raw, dict(self.headers)))
                with fake.lock:
                    queued = fake.failures.get(method)
                    failure = queued.pop(0) if queued else None
                if failure:
                    status, headers = failure
                    self._send(status, {"ok": False, "error": "ratelimited" if status == 429 else "internal_error"}, headers)
                    return
                if method == "response_url":
                    self._send(200, None)
                    return
                self._send(200, fake.reply(method, body))

            def _send(self, status, payload, headers=None):
                data = b"ok" if payload is None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html" if payload is None else "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/response/{name}"

    def reply(self, method: str, body: dict) -> dict:
        if method == "auth.test":
            return {"ok": True, "url": "https://modstats-test.slack.com/", "team": "Test", "user": "modstats",
                    "team_id": "T1DC2JH3J", "user_id": BOT_USER_ID, "bot_id": "BMODSTATS", "is_enterprise_install": False}
        if method == "chat.postMessage":
            return {"ok": True, "channel": body.get("channel"), "ts": f"1700000000.{next(self._ts):06d}",
                    "message": {"text": body.get("text"), "bot_id": "BMODSTATS"}}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}
        if method == "apps.connections.open":
            if self.socket_mode is None:
                return {"ok": False, "error": "not_allowed_token_type"}
            return {"ok": True, "url": self.socket_mode.new_url()}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._files):08d}"
            return {"ok": True, "file_id": file_id, "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            files = json.loads(body.get("files") or "[]") if isinstance(body.get("files"), str) else body.get("files") or []
            return {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}
        if method == "views.publish":
            return {"ok": True, "view": {"id": "V1", "type": "home"}}
        return {"ok": True}

    def record(self, call: Call) -> None:
        with self.lock:
            self.calls.append(call)

    def fail_next(self, method: str, status: int, headers: dict | None = None, times: int = 1) -> None:
        with self.lock:
            self.failures.setdefault(method, []).extend([(status, headers or {})] * times)

    def find(self, method: str, pred=lambda c: True) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.method == method and pred(c)]

    def wait_for(self, method: str, pred=lambda c: True, count: int = 1, timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.find(method, pred)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"expected {count} {method} call(s), got {len(self.find(method, pred))}")

    def start(self) -> "FakeSlack":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
