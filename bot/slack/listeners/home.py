"""The App Home tab: what modstats knows, and example questions."""

from __future__ import annotations

from bot.slack import blocks
from bot.slack.listeners.commands import catalog_or_none
from bot.slack.listeners.wiring import acknowledge, bind
from bot.slack.service import UNAVAILABLE, Service


def on_home_opened(service: Service, event, client) -> None:
    """Publish the Home tab: what modstats knows and example questions (or an apology)."""
    if event.get("tab", "home") != "home" or not event.get("user"):
        return
    catalog = catalog_or_none(service)
    client.views_publish(user_id=event["user"], view=blocks.home_view(catalog, None if catalog else UNAVAILABLE))


def register(app, service: Service) -> None:
    app.event("app_home_opened")(ack=acknowledge, lazy=[bind(on_home_opened, service)])
