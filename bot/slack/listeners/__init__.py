"""Listeners grouped by kind, as in Slack's bolt-python starter template: each module has
plain listener functions (unit-testable with a mocked ``ack``/``say``/``respond``/``client``)
and a ``register(app, service)`` that wires them; ``register_all`` wires every kind."""

from __future__ import annotations

from bot.slack.listeners import actions, commands, events, home


def register_all(app, service) -> None:
    commands.register(app, service)
    events.register(app, service)
    actions.register(app, service)
    home.register(app, service)
