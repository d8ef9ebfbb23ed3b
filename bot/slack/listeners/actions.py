"""Buttons: share an answer in the channel, pick a candidate figure, 👍/👎 feedback.

Each click is acknowledged at once; the work (reading the store, posting to the
response_url) runs in a lazy listener. Button values carry only ids ("question:figure"); everything shown is read again from the
store, so a value can never put text into a message."""

from __future__ import annotations

import re

from bot.slack import blocks
from bot.slack.listeners.wiring import acknowledge, bind
from bot.slack.service import Service


def _ids(value: str | None) -> tuple[int | None, int | None]:
    qid, _, fid = (value or "").partition(":")
    return (int(qid) if qid.isdigit() else None, int(fid) if fid.isdigit() else None)


def share(service: Service, body, action, respond) -> None:
    """Share in channel: the same answer, posted for everyone; the private copy is deleted."""
    qid, fid = _ids(action.get("value"))
    reply = service.shared(qid, fid)
    if reply.answer is None:
        respond(response_type="ephemeral", replace_original=False, **blocks.apology(reply.apology or "Sorry."))
        return
    message = blocks.reply_message(reply, shared_by=(body.get("user") or {}).get("id"))
    respond(response_type="in_channel", replace_original=False, **message)
    respond(delete_original=True)  # the private copy has served its purpose


def pick(service: Service, body, action, respond) -> None:
    """One of several candidate figures picked: the message becomes that figure's answer."""
    qid, fid = _ids(action.get("value"))
    if fid is None:
        return
    reply = service.figure(fid, qid)
    ephemeral = bool((body.get("container") or {}).get("is_ephemeral"))
    respond(replace_original=True, **blocks.reply_message(reply, share=ephemeral))


def feedback(service: Service, body, action, respond) -> None:
    """👍/👎: stored on the question's row; the voter gets a private note."""
    qid, _ = _ids(action.get("value"))
    vote = "up" if action.get("action_id") == blocks.FEEDBACK_UP else "down"
    stored = qid is not None and service.feedback(qid, vote, (body.get("user") or {}).get("id"))
    text = "Thanks — noted." if stored else "Sorry — I couldn’t record that just now."
    respond(response_type="ephemeral", replace_original=False, **blocks.notice(text))


def register(app, service: Service) -> None:
    app.action(blocks.SHARE)(ack=acknowledge, lazy=[bind(share, service)])
    app.action(blocks.PICK_RE)(ack=acknowledge, lazy=[bind(pick, service)])
    app.action(re.compile(f"^({blocks.FEEDBACK_UP}|{blocks.FEEDBACK_DOWN})$"))(ack=acknowledge, lazy=[bind(feedback, service)])
