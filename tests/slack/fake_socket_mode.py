"""A local WebSocket server standing in for Slack's Socket Mode endpoint (loopback only).

The fake Web API answers ``apps.connections.open`` with ``ws://127.0.0.1:PORT/link/?ticket=N``
(a new ticket each call, as Slack issues a new URL each time). Each connection gets Slack's
``hello`` message; the test sends envelopes on the newest connection and reads back the
acknowledgements (``{"envelope_id": …, "payload"?: …}``) the app sends. ``drop()`` closes the
connection from the server side; ``refresh()`` sends Slack's ``disconnect`` message.

Built on the threading API of ``websockets`` (``websockets.sync.server``)."""

from __future__ import annotations

import itertools
import json
import threading
import time
import uuid
from dataclasses import dataclass, field

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve


@dataclass
class Link:
    ticket: str
    ws: ServerConnection
    closed: threading.Event = field(default_factory=threading.Event)
    close_code: int | None = None


class FakeSocketMode:
    def __init__(self) -> None:
        self.links: list[Link] = []
        self.acks: dict[str, dict] = {}
        self.received: list[dict] = []
        self.issued: list[str] = []  # tickets handed out by apps.connections.open
        self._tickets = itertools.count(1)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        # The builtin slack_sdk client neither offers permessage-deflate nor needs our pings.
        self.server = serve(self._handle, "127.0.0.1", 0, compression=None, ping_interval=None,
                            open_timeout=5, close_timeout=2)
        self.port = self.server.socket.getsockname()[1]
        self.thread = threading.Thread(target=self.server.serve_forever, name="fake-socket-mode", daemon=True)

    # --- what the fake Web API hands out ------------------------------------------------

    def new_url(self) -> str:
        ticket = f"ticket-{next(self._tickets)}-{uuid.uuid4().hex[:8]}"
        with self._lock:
            self.issued.append(ticket)
        return f"ws://127.0.0.1:{self.port}/link/?ticket={ticket}&app_id=A111"

    # --- the server side of one connection ----------------------------------------------

    def _handle(self, ws: ServerConnection) -> None:
        path = ws.request.path if ws.request else ""
        ticket = path.partition("ticket=")[2].partition("&")[0]
        link = Link(ticket, ws)
        with self._changed:
            self.links.append(link)
            self._changed.notify_all()
        ws.send(json.dumps({"type": "hello", "num_connections": 1,
                            "debug_info": {"host": "applink-fake", "approximate_connection_time": 18060},
                            "connection_info": {"app_id": "A111"}}))
        try:
            for raw in ws:
                message = json.loads(raw)
                with self._changed:
                    self.received.append(message)
                    if message.get("envelope_id"):
                        self.acks[message["envelope_id"]] = message
                    self._changed.notify_all()
        except (ConnectionClosed, ValueError):
            pass
        finally:
            with self._changed:
                link.close_code = ws.close_code
                link.closed.set()
                self._changed.notify_all()

    # --- driving it from a test ---------------------------------------------------------

    def _wait(self, predicate, timeout: float, what: str):
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
                self._changed.wait(left)

    def wait_for_link(self, count: int = 1, timeout: float = 20.0) -> Link:
        """The ``count``-th connection (1-based), once the client has opened it."""
        return self._wait(lambda: len(self.links) >= count and self.links[count - 1], timeout,
                          f"WebSocket connection #{count} (have {len(self.links)})")

    def current(self) -> Link:
        with self._lock:
            open_links = [link for link in self.links if not link.closed.is_set()]
        assert open_links, "no open Socket Mode connection"
        return open_links[-1]

    def send(self, envelope: dict, link: Link | None = None) -> str:
        (link or self.current()).ws.send(json.dumps(envelope))
        return envelope["envelope_id"]

    def wait_ack(self, envelope_id: str, timeout: float = 10.0) -> dict:
        return self._wait(lambda: self.acks.get(envelope_id), timeout, f"the ack of envelope {envelope_id}")

    def drop(self, link: Link, code: int = 1001, reason: str = "going away") -> None:
        """Slack closing the connection from its side (a close frame, then the TCP close)."""
        link.ws.close(code, reason)
        link.closed.wait(5)

    def refresh(self, link: Link) -> None:
        """Slack's warning that this connection will go away: the client should open a new one."""
        link.ws.send(json.dumps({"type": "disconnect", "reason": "refresh_requested",
                                 "debug_info": {"host": "applink-fake"}}))

    def start(self) -> "FakeSocketMode":
        self.thread.start()
        return self

    def stop(self) -> None:
        with self._lock:
            links = list(self.links)
        for link in links:
            if not link.closed.is_set():
                try:
                    link.ws.close()
                except Exception:  # noqa: BLE001 - the client may have gone already
                    pass
        self.server.shutdown()
        self.thread.join(5)
