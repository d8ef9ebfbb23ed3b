"""The App Home tab: what modstats knows, and example questions."""

from __future__ import annotations

from bot.slack import blocks
from bot.slack.listeners.commands import catalog_or_none
from bot.slack.listeners.events import acknowledge
from bot.slack.service import UNAVAILABLE, Service


def register(app, service: Service) -> None:
    def on_home_opened(event, client):
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        catalog = catalog_or_none(service)
        client.views_publish(user_id=event["user"], view=blocks.home_view(catalog, None if catalog else UNAVAILABLE))

    app.event("app_home_opened")(ack=acknowledge, lazy=[on_home_opened])
