"""/modstats over real HTTP: gunicorn, signed requests, answers in the acknowledgement."""

from __future__ import annotations

import json

from slack_harness import FORM, find_action, slash_command, valid_blocks


def ask(server, fake, text: str):
    r = server.send(slash_command(text, fake.response_url("cmd")), FORM)
    assert r.status == 200, r.body
    valid_blocks(r.json())
    return r.json()


def test_question_answered_ephemeral_in_the_ack(server, fake_slack):
    body = ask(server, fake_slack, "suspensions H2 2017")
    assert body["response_type"] == "ephemeral"
    assert "274,460" in body["text"]
    blocks = body["blocks"]
    first = blocks[0]["text"]["text"]
    assert first.startswith("*274,460* accounts suspended")
    assert "Twitter" in first and "H2 2017" in first
    assert blocks[1]["text"]["text"].startswith("> ")  # the quote as a block quote
    assert "Source:" in blocks[2]["elements"][0]["text"]
    share = find_action(blocks, "modstats_share")
    assert share is not None and share["text"]["text"] == "Share in channel"
    assert find_action(blocks, "modstats_feedback_up") and find_action(blocks, "modstats_feedback_down")


def test_help_and_empty_show_usage_with_working_examples(server, fake_slack):
    for text in ("help", "", "  HELP "):
        body = ask(server, fake_slack, text)
        assert body["response_type"] == "ephemeral"
        all_text = json.dumps(body["blocks"])
        assert "/modstats list" in all_text and "Try:" in all_text
    examples = [line for b in body["blocks"] for line in b.get("text", {}).get("text", "").splitlines() if line.startswith("• `/modstats ")]
    assert examples
    for line in examples:  # each example drawn from the store really answers
        q = line.removeprefix("• `/modstats ").removesuffix("`")
        assert ask(server, fake_slack, q)["blocks"][0]["text"]["text"].startswith("*")


def test_list_shows_platforms_metrics_periods(server, fake_slack):
    body = ask(server, fake_slack, "list")
    text = json.dumps(body["blocks"])
    assert "Platforms" in text and "Twitter" in text
    assert "Metrics" in text and "accounts suspended" in text
    assert "Periods" in text and "H2 2017" in text
