"""@mentions (answered in the thread) and direct messages (answered in the DM).

Each event is acknowledged at once; the answer is worked out and posted by a lazy listener
in Bolt's thread pool. The event ledger (``dedupe`` middleware in app.py) has already made
sure each event_id gets here only once."""

from __future__ import annotations

from bot.slack.listeners.commands import respond_to_text
from bot.slack.listeners.wiring import acknowledge, bind
from bot.slack.service import Service
from bot.slack.text import from_slack


def _own_ids(context) -> frozenset[str]:
    return frozenset(i for i in (context.get("bot_user_id"),) if i)


def on_mention(service: Service, event, say, context) -> None:
    """@modstats in a channel: answered in the thread, or a new thread on that message."""
    if event.get("bot_id") or event.get("subtype"):
        return
    text = from_slack(event.get("text"), drop_users=_own_ids(context))
    message = respond_to_text(service, text, team=event.get("team") or context.get("team_id"),
                              channel=event.get("channel"), user=event.get("user"), share=False)
    say(channel=event.get("channel"), thread_ts=event.get("thread_ts") or event.get("ts"), **message)


def on_message(service: Service, event, say, context) -> None:
    """A direct message to modstats: answered in the DM (in its thread if it has one)."""
    # Only people's own messages in a DM with the bot: no edits, joins or bot posts.
    if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
        return
    text = from_slack(event.get("text"), drop_users=_own_ids(context))
    message = respond_to_text(service, text, team=event.get("team") or context.get("team_id"),
                              channel=event.get("channel"), user=event.get("user"), share=False)
    kwargs = {"thread_ts": event["thread_ts"]} if event.get("thread_ts") else {}
    say(channel=event.get("channel"), **kwargs, **message)


def register(app, service: Service) -> None:
    app.event("app_mention")(ack=acknowledge, lazy=[bind(on_mention, service)])
    app.event("message")(ack=acknowledge, lazy=[bind(on_message, service)])
