"""``/modstats``: a question answered privately in the acknowledgement itself (no second
request to Slack), or ``help`` / ``list``.

Slack waits 3 seconds for the acknowledgement. Answering takes milliseconds, but a store
that hangs (a network partition, a database failing over) could take longer: after
``ACK_BUDGET`` the command is acknowledged with a short "still looking" note and the answer
follows through the command's response_url when it is ready."""

from __future__ import annotations

import logging
from concurrent.futures import Executor, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from bot.slack import blocks
from bot.slack.listeners.wiring import bind
from bot.slack.service import UNAVAILABLE, Reply, Service
from bot.slack.text import from_slack

log = logging.getLogger("modstats.slack")

ACK_BUDGET = 2.0  # seconds to answer inside the acknowledgement
STILL_LOOKING = "Still looking that up — the answer will appear here in a moment."


def catalog_or_none(service: Service):
    try:
        return service.catalog()
    except Exception as exc:  # noqa: BLE001 - help still shows usage without examples
        log.error("could not read the catalog: %s: %s", type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")
        return None


def respond_to_text(service: Service, text: str, *, team, channel, user, share: bool) -> dict:
    """The message for what someone typed to modstats (command text, mention or DM)."""
    return reply_to_text(service, text, team=team, channel=channel, user=user, share=share)[0]


def reply_to_text(service: Service, text: str, *, team, channel, user, share: bool,
                  thread: str | None = None, follow_up: bool = False) -> tuple[dict, Reply | None]:
    """The message for what someone typed, and the Reply it shows (None for help and list).
    ``thread``/``follow_up``: the conversation it is asked in (see ``Service.ask``)."""
    word = text.strip().lower()
    if word in ("", "help", "?"):
        return blocks.help_message(catalog_or_none(service)), None
    if word == "list":
        catalog = catalog_or_none(service)
        return (blocks.list_message(catalog) if catalog else blocks.apology(UNAVAILABLE)), None
    reply = service.ask(text, team=team, channel=channel, user=user, thread=thread, follow_up=follow_up)
    return blocks.reply_message(reply, share=share), reply


def modstats_command(service: Service, pool: Executor, ack, command, respond) -> None:
    """``/modstats …``: answered in the acknowledgement, or, past ``ACK_BUDGET``, a "still
    looking" acknowledgement and the answer through the command's response_url."""
    text = from_slack(command.get("text"))
    future = pool.submit(respond_to_text, service, text, team=command.get("team_id"),
                         channel=command.get("channel_id"), user=command.get("user_id"), share=True)
    try:
        message = future.result(timeout=ACK_BUDGET)
    except FutureTimeout:
        log.warning("answer not ready within %.1f s; it will follow via response_url", ACK_BUDGET)
        ack(response_type="ephemeral", **blocks.notice(STILL_LOOKING))
        future.add_done_callback(lambda f: _late(f, respond))
        return
    ack(response_type="ephemeral", **message)


def register(app, service: Service) -> None:
    pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="modstats-answer")
    app.command(blocks.COMMAND)(bind(modstats_command, service, pool))


def _late(future, respond) -> None:
    """Post an answer that missed the acknowledgement, replacing the "still looking" note."""
    try:
        message = future.result()
    except Exception:  # noqa: BLE001 - respond_to_text already turns store errors into apologies
        log.exception("late answer failed")
        message = blocks.apology("Sorry — something went wrong while answering that. Please try again.")
    try:
        respond(response_type="ephemeral", replace_original=True, **message)
    except Exception as exc:  # noqa: BLE001
        log.error("could not post the late answer: %s", type(exc).__name__)
