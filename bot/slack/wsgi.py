"""The WSGI application for gunicorn: Bolt's WSGI adapter at ``/slack/events`` and a health
endpoint at ``/healthz``. Built per worker process (after the fork), so no database
connection is shared between processes:

    gunicorn --config python:bot.slack.gunicorn_conf 'bot.slack.wsgi:application()'
"""

from __future__ import annotations

import json
import logging

from slack_bolt.adapter.wsgi import SlackRequestHandler

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

log = logging.getLogger("modstats.slack")


def make_wsgi(app, store):
    handler = SlackRequestHandler(app, path=EVENTS_PATH)

    def wsgi(environ, start_response):
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            ok = _store_ok(store)
            body = json.dumps({"status": "ok" if ok else "degraded", "store": "ok" if ok else "unavailable"}).encode()
            start_response("200 OK" if ok else "503 Service Unavailable",
                           [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return handler(environ, start_response)

    return wsgi


def _store_ok(store) -> bool:
    from sqlalchemy import text

    try:
        with store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception as exc:  # noqa: BLE001
        log.error("health check: store unavailable: %s", type(exc).__name__)
        return False


def application():
    """gunicorn's app factory: settings from the environment, the store, the Bolt app."""
    from bot.slack.app import create_app
    from bot.slack.logs import configure
    from bot.slack.settings import HTTP, Settings
    from store.db import Store

    settings = Settings.from_env(mode=HTTP)
    configure(settings.secrets())
    store = Store(settings.database_url)  # migrated and seeded by the master (gunicorn_conf.on_starting)
    return make_wsgi(create_app(settings, store), store)
