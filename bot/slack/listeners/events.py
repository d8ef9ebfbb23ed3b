"""@mentions (answered in the thread) and direct messages (answered in the DM).

Each event is acknowledged at once; the answer is worked out and posted by a lazy listener
in Bolt's thread pool. The event ledger (``dedupe`` middleware in app.py) has already made
sure each event_id gets here only once.

A thread (or a DM) is a conversation: its previous question is kept, and a follow-up asked
inside it ("and H1?") is read with it. A series answer comes with its chart, uploaded with
``files_upload_v2`` into the same thread or DM, beside the message with the numbers."""

from __future__ import annotations

from bot.slack.listeners.charts import upload_chart
from bot.slack.listeners.commands import reply_to_text
from bot.slack.listeners.wiring import acknowledge, bind
from bot.slack.service import Service
from bot.slack.text import from_slack


def _own_ids(context) -> frozenset[str]:
    return frozenset(i for i in (context.get("bot_user_id"),) if i)


def on_mention(service: Service, event, say, context, client=None) -> None:
    """@modstats in a channel: answered in the thread, or a new thread on that message. A
    follow-up is read with the thread's previous question only inside a thread."""
    if event.get("bot_id") or event.get("subtype"):
        return
    text = from_slack(event.get("text"), drop_users=_own_ids(context))
    thread = event.get("thread_ts") or event.get("ts")
    channel = event.get("channel")
    message, reply = reply_to_text(service, text, team=event.get("team") or context.get("team_id"), channel=channel,
                                   user=event.get("user"), share=False, thread=thread, follow_up=bool(event.get("thread_ts")))
    say(channel=channel, thread_ts=thread, **message)
    upload_chart(client, reply, channel, thread)


def on_message(service: Service, event, say, context, client=None) -> None:
    """A direct message to modstats: answered in the DM (in its thread if it has one)."""
    # Only people's own messages in a DM with the bot: no edits, joins or bot posts.
    if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
        return
    text = from_slack(event.get("text"), drop_users=_own_ids(context))
    channel = event.get("channel")
    message, reply = reply_to_text(service, text, team=event.get("team") or context.get("team_id"), channel=channel,
                                   user=event.get("user"), share=False, thread=event.get("thread_ts") or "", follow_up=True)
    kwargs = {"thread_ts": event["thread_ts"]} if event.get("thread_ts") else {}
    say(channel=channel, **kwargs, **message)
    upload_chart(client, reply, channel, event.get("thread_ts"))


def register(app, service: Service) -> None:
    app.event("app_mention")(ack=acknowledge, lazy=[bind(on_mention, service)])
    app.event("message")(ack=acknowledge, lazy=[bind(on_message, service)])
