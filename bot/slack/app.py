"""The app factory: ``create_app(settings, store)`` builds the Bolt app, its Web API client
and its listeners. Entry points (server.py, wsgi.py) stay thin and call this."""

from __future__ import annotations

import logging
import threading

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.slack.listeners import register_all
from bot.slack.service import Service, warm_charts
from bot.slack.settings import HTTP, Settings

log = logging.getLogger("modstats.slack")


def web_client(settings: Settings) -> WebClient:
    """The Web API client: SLACK_API_URL as base URL; rate limits (429, honouring
    Retry-After), 5xx and dropped connections retried by slack_sdk's handlers."""
    return WebClient(
        token=settings.bot_token,
        base_url=settings.slack_api_url,
        timeout=10,
        retry_handlers=[
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=2),
            ConnectionErrorRetryHandler(max_retry_count=1),
        ],
    )


class _QuietTokenWarning(logging.Filter):
    """Bolt warns that the token is unused when a client is given and SLACK_BOT_TOKEN is
    set; the client carries that very token, so the warning is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def create_app(settings: Settings, store, *, token_verification: bool = True, warm: bool = True) -> App:
    """The Bolt app. HTTP requests are verified with the signing secret (forged or stale ones
    get 401 before any listener runs); Socket Mode needs no signing secret."""
    service = Service(store)
    bolt_logger = logging.getLogger("slack_bolt.App")
    if not any(isinstance(f, _QuietTokenWarning) for f in bolt_logger.filters):
        bolt_logger.addFilter(_QuietTokenWarning())
    app = App(
        client=web_client(settings),
        signing_secret=settings.signing_secret or "",
        request_verification_enabled=settings.mode == HTTP,
        # Listeners run before the response: a slash command's answer goes out in its
        # acknowledgement; events and clicks ack at once and do their work in lazy listeners.
        process_before_response=True,
        token_verification_enabled=token_verification,
        logger=bolt_logger,
        name="modstats",
    )
    app.use(_dedupe(service))
    register_all(app, service)

    @app.error
    def on_error(error, body, logger):  # never echo the body: it carries the verification token
        logger.error("listener failed: %s: %s", type(error).__name__, str(error).splitlines()[0] if str(error) else "")

    app.modstats_service = service  # type: ignore[attr-defined]  # for tests and the health check
    if warm:
        warm_charts()  # before serving: a gunicorn worker loads the app before it accepts requests
        threading.Thread(target=service.warm, name="modstats-warm-up", daemon=True).start()
    return app


def _dedupe(service: Service):
    """Global middleware: an Events API delivery runs its listener only for the first
    delivery of its event_id (claimed in the shared event ledger); retries
    (X-Slack-Retry-Num) and duplicates are acknowledged with 200 and do nothing."""

    def dedupe_events(body, next, logger):
        event_id = body.get("event_id") if isinstance(body, dict) and body.get("type") == "event_callback" else None
        if event_id and not service.claim_event(str(event_id)):
            logger.info("event %s already handled; ignoring this delivery", event_id)
            return BoltResponse(status=200, body="")
        return next()

    return dedupe_events
