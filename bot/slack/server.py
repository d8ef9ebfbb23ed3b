"""``modstats serve``: HTTP under gunicorn on $PORT, or Socket Mode when SLACK_APP_TOKEN is
set. ``python -m bot.slack.server --http`` / ``--socket-mode`` force one (the Procfile's
``worker:`` uses Socket Mode explicitly)."""

from __future__ import annotations

import argparse
import logging
import sys

from bot.slack.settings import HTTP, SOCKET_MODE, Settings, SettingsError

log = logging.getLogger("modstats.slack")


def serve(mode: str | None = None) -> int:
    try:
        settings = Settings.from_env(mode=mode)
    except SettingsError as exc:
        print(f"modstats: {exc}", file=sys.stderr)
        return 2
    if settings.mode == SOCKET_MODE:
        return serve_socket_mode(settings)
    return serve_http(settings)


def serve_http(settings: Settings) -> int:
    """gunicorn, configured by bot.slack.gunicorn_conf, running bot.slack.wsgi:application()."""
    from gunicorn.app.wsgiapp import WSGIApplication

    argv = ["modstats", "--config", "python:bot.slack.gunicorn_conf", "bot.slack.wsgi:application()"]
    old, sys.argv = sys.argv, argv
    try:
        WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()
    finally:
        sys.argv = old
    return 0


def serve_socket_mode(settings: Settings) -> int:
    """One process holding a WebSocket to Slack (no public URL needed)."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.slack.app import create_app
    from bot.slack.logs import configure
    from store.db import Store

    configure(settings.secrets())
    store = Store.open(settings.database_url)
    app = create_app(settings, store)
    log.info("modstats: Socket Mode, connecting to Slack")
    SocketModeHandler(app, settings.app_token).start()
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bot.slack.server", description=__doc__)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--http", dest="mode", action="store_const", const=HTTP, help="HTTP under gunicorn on $PORT")
    g.add_argument("--socket-mode", dest="mode", action="store_const", const=SOCKET_MODE, help="Socket Mode (needs SLACK_APP_TOKEN)")
    return serve(p.parse_args(argv).mode)


if __name__ == "__main__":
    sys.exit(main())
