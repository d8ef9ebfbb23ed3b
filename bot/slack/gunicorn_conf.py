"""gunicorn settings for the HTTP app (``--config python:bot.slack.gunicorn_conf``).

Reads the settings first (environment and .env): a missing or malformed one stops start-up
with a message naming the variable. Binds $PORT ($HOST, default all interfaces) with
$WEB_CONCURRENCY worker processes. Before forking, the master brings the database to the
current schema and seeds an empty one, so workers never race to do it, and loads matplotlib
(drawing one chart), so every worker starts with it loaded."""

from __future__ import annotations

import os
import sys

from bot.slack.settings import HTTP, Settings, SettingsError

try:
    _settings = Settings.from_env(mode=HTTP)
except SettingsError as exc:
    print(f"modstats: {exc}", file=sys.stderr, flush=True)
    sys.exit(2)

# $HOST is for running on loopback only (tests, behind a local proxy); Heroku needs all interfaces.
bind = [f"{os.environ.get('HOST') or '0.0.0.0'}:{_settings.port}"]
workers = _settings.web_concurrency
worker_class = "gthread"  # keep-alive and a few requests in flight per worker
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
timeout = 30
graceful_timeout = 20
keepalive = 5
backlog = 2048
accesslog = None  # request lines carry nothing useful here, and never a body
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
proc_name = "modstats"
control_socket_disable = True  # gunicorn's runtime control socket: not needed, and one path per host


def on_starting(server):  # noqa: ARG001 - gunicorn's hook signature
    from bot.slack.logs import install_filter
    from bot.slack.service import warm_charts
    from store.db import Store

    install_filter(_settings.secrets())
    Store.open(_settings.database_url).dispose()
    warm_charts()  # matplotlib loaded once here: the workers forked from this process share it
