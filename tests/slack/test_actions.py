"""Buttons: Share in channel, picking a candidate, 👍/👎 stored on the question log."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import create_engine, text

from bot.slack.listeners.commands import STILL_LOOKING
from slack_harness import FORM, block_action, find_action, slash_command, valid_blocks


def ask(server, fake, question):
    """The private answer the buttons live on: in the acknowledgement, or, on a machine too busy to
    answer within its budget, through the command's response_url after a "still looking" note."""
    hook = fake.response_url("cmd-" + uuid.uuid4().hex)
    r = server.send(slash_command(question, hook), FORM)
    assert r.status == 200
    body = r.json()
    if body["text"] == STILL_LOOKING:
        [late] = fake.wait_for("response_url", lambda c: c.path.endswith(hook.rsplit("/", 1)[1]))
        body = late.body
    valid_blocks(body)
    return body


def test_share_in_channel_posts_the_same_answer_for_everyone(server, fake_slack):
    body = ask(server, fake_slack, "suspensions H2 2017")
    share = find_action(body["blocks"], "modstats_share")
    hook = fake_slack.response_url("share-" + uuid.uuid4().hex)
    r = server.send(block_action("modstats_share", share["value"], hook), FORM)
    assert r.status == 200
    calls = fake_slack.wait_for("response_url", lambda c: c.path.endswith(hook.rsplit("/", 1)[1]), count=2)
    posted = next(c for c in calls if c.body.get("response_type") == "in_channel")
    assert posted.body["replace_original"] is False
    assert posted.body["blocks"][0]["text"]["text"] == body["blocks"][0]["text"]["text"]
    assert find_action(posted.body["blocks"], "modstats_share") is None  # no share button once shared
    assert "Shared by <@U2CERLKJA>" in json.dumps(posted.body["blocks"])
    assert any(c.body.get("delete_original") is True for c in calls)


def test_ambiguous_offers_one_button_per_candidate_that_answers(server, fake_slack):
    body = ask(server, fake_slack, "twitter")
    picks = [b["accessory"] for b in body["blocks"] if (b.get("accessory") or {}).get("action_id", "").startswith("modstats_pick_")]
    assert len(picks) >= 2
    assert len({p["action_id"] for p in picks}) == len(picks)
    hook = fake_slack.response_url("pick-" + uuid.uuid4().hex)
    r = server.send(block_action(picks[1]["action_id"], picks[1]["value"], hook), FORM)
    assert r.status == 200
    [call] = fake_slack.wait_for("response_url", lambda c: c.path.endswith(hook.rsplit("/", 1)[1]))
    assert call.body["replace_original"] is True
    blocks = call.body["blocks"]
    assert blocks[0]["text"]["text"].startswith("*")
    assert blocks[1]["text"]["text"].startswith("> ")
    assert find_action(blocks, "modstats_share") is not None  # still private: can be shared


def test_no_answer_says_so_in_one_line_and_offers_nearest(server, fake_slack):
    body = ask(server, fake_slack, "twitter suspensions H1 2012")
    first = body["blocks"][0]["text"]["text"]
    assert first.startswith("I have no figure that answers that.")
    assert "\n" not in first
    near = [b for b in body["blocks"] if (b.get("accessory") or {}).get("action_id", "").startswith("modstats_pick_")]
    assert near


def test_feedback_is_stored_on_the_question_log_row(server, fake_slack):
    body = ask(server, fake_slack, "suspensions H2 2017")
    up = find_action(body["blocks"], "modstats_feedback_up")
    hook = fake_slack.response_url("fb-" + uuid.uuid4().hex)
    assert server.send(block_action("modstats_feedback_down", up["value"], hook, user="U0FEEDBACK"), FORM).status == 200
    [call] = fake_slack.wait_for("response_url", lambda c: c.path.endswith(hook.rsplit("/", 1)[1]))
    assert call.body["response_type"] == "ephemeral" and call.body["replace_original"] is False
    engine = create_engine(server.db_url)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT text, status, figure_id, team_id, channel_id, user_id, latency_ms, feedback, "
                                "feedback_user_id, feedback_at FROM questions WHERE id = :id"), {"id": int(up["value"])}).one()
    engine.dispose()
    assert row.text == "suspensions H2 2017" and row.status == "answer" and row.figure_id is not None
    assert (row.team_id, row.channel_id, row.user_id) == ("T1DC2JH3J", "C0MODSTATS", "U2CERLKJA")
    assert row.latency_ms is not None and row.latency_ms >= 0
    assert (row.feedback, row.feedback_user_id) == ("down", "U0FEEDBACK") and row.feedback_at is not None
