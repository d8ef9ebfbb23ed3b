"""Listeners grouped by kind; ``register_all`` wires them onto a Bolt app."""

from __future__ import annotations

from bot.slack.listeners import actions, commands, events, home


def register_all(app, service) -> None:
    commands.register(app, service)
    events.register(app, service)
    actions.register(app, service)
    home.register(app, service)
