"""``/modstats``: a question answered privately in the acknowledgement itself (no second
request to Slack), or ``help`` / ``list``."""

from __future__ import annotations

import logging

from bot.slack import blocks
from bot.slack.service import UNAVAILABLE, Service
from bot.slack.text import from_slack

log = logging.getLogger("modstats.slack")


def catalog_or_none(service: Service):
    try:
        return service.catalog()
    except Exception as exc:  # noqa: BLE001 - help still shows usage without examples
        log.error("could not read the catalog: %s: %s", type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")
        return None


def respond_to_text(service: Service, text: str, *, team, channel, user, share: bool) -> dict:
    """The message for what someone typed to modstats (command text, mention or DM)."""
    word = text.strip().lower()
    if word in ("", "help", "?"):
        return blocks.help_message(catalog_or_none(service))
    if word == "list":
        catalog = catalog_or_none(service)
        return blocks.list_message(catalog) if catalog else blocks.apology(UNAVAILABLE)
    reply = service.ask(text, team=team, channel=channel, user=user)
    return blocks.reply_message(reply, share=share)


def register(app, service: Service) -> None:
    @app.command(blocks.COMMAND)
    def modstats_command(ack, command):
        text = from_slack(command.get("text"))
        message = respond_to_text(service, text, team=command.get("team_id"), channel=command.get("channel_id"),
                                  user=command.get("user_id"), share=True)
        ack(response_type="ephemeral", **message)
