"""gunicorn settings for the HTTP app (``--config python:bot.slack.gunicorn_conf``).

Binds $PORT on all interfaces with $WEB_CONCURRENCY worker processes. Before forking, the
master checks the settings (a missing one stops start-up naming the variable) and brings
the database to the current schema, seeding an empty one, so workers never race to do it."""

from __future__ import annotations

import os
import sys

# $HOST is for running on loopback only (tests, a local proxy); Heroku needs all interfaces.
bind = [f"{os.environ.get('HOST') or '0.0.0.0'}:{os.environ.get('PORT') or '3000'}"]
workers = int(os.environ.get("WEB_CONCURRENCY") or 2)
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
timeout = 30
graceful_timeout = 20
keepalive = 5
backlog = 2048
accesslog = None  # request lines would carry nothing useful, and never a body
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
proc_name = "modstats"
control_socket_disable = True  # gunicorn 23+'s runtime control socket: not needed, and one path per host


def on_starting(server):  # noqa: ARG001 - gunicorn's hook signature
    from bot.slack.logs import install_filter
    from bot.slack.settings import HTTP, Settings, SettingsError

    try:
        settings = Settings.from_env(mode=HTTP)
    except SettingsError as exc:
        print(f"modstats: {exc}", file=sys.stderr, flush=True)
        sys.exit(2)
    install_filter(settings.secrets())
    from store.db import Store

    Store.open(settings.database_url).dispose()

