"""Each listener called alone, as a plain function: a real Service over a seeded SQLite copy
(or a mocked one for failures), and mocked ``ack``/``say``/``respond``/``client``. No HTTP
server, no Bolt app: what is asserted is what the person in Slack would see."""

from __future__ import annotations

import json
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from unittest.mock import Mock

import pytest
from slack_bolt.util.utils import get_arg_names_of_callable

from bot.slack import blocks
from bot.slack.listeners import actions, commands, events, home
from bot.slack.listeners.wiring import acknowledge, bind
from bot.slack.service import FAILED, UNAVAILABLE, Reply, Service
from fake_slack_api import BOT_USER_ID
from slack_harness import CHANNEL, TEAM, USER, all_strings, block_action_payload, direct_message, find_action, mention, valid_blocks
from store.db import Store


@pytest.fixture(scope="module")
def service(seeded_template, tmp_path_factory):
    db = tmp_path_factory.mktemp("listeners") / "modstats.db"
    shutil.copy(seeded_template, db)
    store = Store.open(f"sqlite:///{db}")
    yield Service(store)
    store.dispose()


@pytest.fixture
def pool():
    executor = ThreadPoolExecutor(max_workers=2)
    yield executor
    executor.shutdown(wait=True, cancel_futures=True)


def down_service() -> Mock:
    """A Service whose store is unreachable: every read apologises or raises, as the real one does."""
    svc = Mock(spec=Service)
    svc.ask.return_value = Reply(None, None, 1.0, UNAVAILABLE)
    svc.catalog.side_effect = OSError("connection refused")
    svc.shared.return_value = Reply(None, None, 0.0, FAILED)
    svc.feedback.return_value = False
    return svc


def command(text: str) -> dict:
    return {"command": "/modstats", "text": text, "team_id": TEAM, "channel_id": CHANNEL, "user_id": USER,
            "response_url": "http://127.0.0.1:9/response/unused"}


def only_call(mock: Mock) -> dict:
    mock.assert_called_once()
    assert not mock.call_args.args
    return mock.call_args.kwargs


def text_of(message: dict) -> str:
    return "\n".join(all_strings(message.get("blocks", [])))


# --- wiring -------------------------------------------------------------------------------

def test_bind_leaves_bolt_only_its_own_arguments_to_inject(service, pool):
    # Bolt injects by parameter name: the bound dependencies must not show, or it would pass None for them
    assert get_arg_names_of_callable(bind(events.on_mention, service)) == ["event", "say", "context", "client"]
    assert get_arg_names_of_callable(bind(commands.modstats_command, service, pool)) == ["ack", "command", "respond"]
    assert get_arg_names_of_callable(bind(actions.share, service)) == ["body", "action", "respond"]
    assert get_arg_names_of_callable(bind(home.on_home_opened, service)) == ["event", "client"]
    assert bind(actions.feedback, service).__name__ == "feedback"  # Bolt names lazy listeners in its logs


def test_acknowledge_acks_with_nothing():
    ack = Mock()
    acknowledge(ack)
    ack.assert_called_once_with()


# --- /modstats ----------------------------------------------------------------------------

def test_command_question_is_answered_in_the_ack(service, pool):
    ack, respond = Mock(), Mock()
    commands.modstats_command(service, pool, ack, command("suspensions H2 2017"), respond)
    message = only_call(ack)
    assert message["response_type"] == "ephemeral"
    assert "274,460" in message["text"]
    assert message["blocks"][0]["text"]["text"].startswith("*274,460* accounts suspended")
    assert message["blocks"][1]["text"]["text"].startswith("> ")  # the quote
    valid_blocks(message)
    share = find_action(message["blocks"], blocks.SHARE)
    assert share is not None and share["text"]["text"] == "Share in channel"
    respond.assert_not_called()  # the answer went out in the acknowledgement


@pytest.mark.parametrize("text", ["", "help", "  HELP ", "?"])
def test_command_help_shows_usage_and_examples(service, pool, text):
    ack = Mock()
    commands.modstats_command(service, pool, ack, command(text), Mock())
    shown = text_of(only_call(ack))
    assert "/modstats list" in shown and "Try:" in shown


def test_command_list_shows_what_is_known(service, pool):
    ack = Mock()
    commands.modstats_command(service, pool, ack, command("list"), Mock())
    shown = text_of(only_call(ack))
    assert "Platforms" in shown and "Twitter" in shown and "H2 2017" in shown


def test_command_with_the_store_down_apologises(pool):
    svc = down_service()
    for text in ("suspensions H2 2017", "list"):
        ack = Mock()
        commands.modstats_command(svc, pool, ack, command(text), Mock())
        assert only_call(ack)["text"] == UNAVAILABLE
    ack = Mock()
    commands.modstats_command(svc, pool, ack, command("help"), Mock())  # usage still shows, without examples
    assert "/modstats list" in text_of(only_call(ack))


def test_command_slower_than_the_budget_acks_then_answers_through_respond(service, pool, monkeypatch):
    monkeypatch.setattr(commands, "ACK_BUDGET", 0.05)
    slow = Mock(wraps=service)
    slow.ask.side_effect = lambda *a, **k: (time.sleep(0.3), service.ask(*a, **k))[1]
    answered = threading.Event()
    ack, respond = Mock(), Mock(side_effect=lambda **kw: answered.set())
    commands.modstats_command(slow, pool, ack, command("suspensions H2 2017"), respond)
    assert only_call(ack)["text"] == commands.STILL_LOOKING
    assert answered.wait(5), "the late answer never went to respond()"
    late = only_call(respond)
    assert late["replace_original"] is True and late["response_type"] == "ephemeral"
    assert "274,460" in late["text"]


# --- @mentions and DMs --------------------------------------------------------------------

def test_mention_is_answered_in_a_new_thread_on_the_message(service):
    say = Mock()
    event = mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts="1700000001.000100")
    events.on_mention(service, event, say, {"bot_user_id": BOT_USER_ID, "team_id": TEAM})
    message = only_call(say)
    assert message["channel"] == CHANNEL and message["thread_ts"] == "1700000001.000100"
    assert "274,460" in message["text"]
    assert find_action(message["blocks"], blocks.SHARE) is None  # already public: nothing to share
    assert find_action(message["blocks"], blocks.FEEDBACK_UP) is not None
    valid_blocks(message)


def test_mention_inside_a_thread_is_answered_in_that_thread(service):
    say = Mock()
    event = mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts="1700000002.000200", thread_ts="1700000000.000001")
    events.on_mention(service, event, say, {"bot_user_id": BOT_USER_ID})
    assert only_call(say)["thread_ts"] == "1700000000.000001"


def test_mention_of_the_bot_alone_gets_usage(service):
    say = Mock()
    events.on_mention(service, mention(f"<@{BOT_USER_ID}>", ts="1700000003.000300"), say, {"bot_user_id": BOT_USER_ID})
    assert "/modstats" in text_of(only_call(say))


def test_mention_carrying_ping_markup_is_answered_without_pinging(service):
    # real mentions (<!channel>, <@U…>) and typed ones (Slack delivers "<" as "&lt;") alike
    say = Mock()
    event = mention(f"<@{BOT_USER_ID}> <!channel> <@U0VICTIM> suspensions H2 2017 &lt;!here&gt;", ts="1700000004.000400")
    events.on_mention(service, event, say, {"bot_user_id": BOT_USER_ID})
    shown = "\n".join(all_strings(only_call(say)))
    assert "<!channel>" not in shown and "<!here>" not in shown and "<@U0VICTIM>" not in shown


def test_mentions_by_bots_and_edits_are_ignored(service):
    say = Mock()
    base = mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts="1700000005.000500")
    events.on_mention(service, dict(base, bot_id="B0OTHER"), say, {"bot_user_id": BOT_USER_ID})
    events.on_mention(service, dict(base, subtype="message_changed"), say, {"bot_user_id": BOT_USER_ID})
    say.assert_not_called()


def test_direct_message_is_answered_in_the_dm(service):
    say = Mock()
    events.on_message(service, direct_message("suspensions H2 2017", ts="1700000006.000600"), say, {"bot_user_id": BOT_USER_ID})
    message = only_call(say)
    assert message["channel"] == "D0MODSTATS" and "thread_ts" not in message
    assert "274,460" in message["text"]


def test_direct_message_in_a_thread_is_answered_in_the_thread(service):
    say = Mock()
    event = dict(direct_message("suspensions H2 2017", ts="1700000007.000700"), thread_ts="1700000000.000002")
    events.on_message(service, event, say, {})
    assert only_call(say)["thread_ts"] == "1700000000.000002"


def test_messages_that_are_not_a_persons_dm_are_ignored(service):
    say = Mock()
    dm = direct_message("suspensions H2 2017", ts="1700000008.000800")
    for event in (dict(dm, channel_type="channel"), dict(dm, subtype="message_changed"),
                  dict(dm, bot_id="BMODSTATS", user=BOT_USER_ID), dict(dm, subtype="channel_join")):
        events.on_message(service, event, say, {"bot_user_id": BOT_USER_ID})
    say.assert_not_called()


def test_mention_with_the_store_down_apologises_in_the_thread():
    say = Mock()
    event = mention(f"<@{BOT_USER_ID}> suspensions H2 2017", ts="1700000009.000900")
    events.on_mention(down_service(), event, say, {"bot_user_id": BOT_USER_ID})
    message = only_call(say)
    assert message["text"] == UNAVAILABLE and message["thread_ts"] == "1700000009.000900"


# --- App Home -----------------------------------------------------------------------------

def test_home_tab_is_published_for_the_user(service):
    client = Mock()
    home.on_home_opened(service, {"type": "app_home_opened", "user": "U0HOME", "tab": "home"}, client)
    client.views_publish.assert_called_once()
    kwargs = client.views_publish.call_args.kwargs
    assert kwargs["user_id"] == "U0HOME" and kwargs["view"]["type"] == "home"
    valid_blocks(kwargs["view"])
    shown = text_of(kwargs["view"])
    assert "Twitter" in shown and "/modstats" in shown and "Try:" in shown


def test_home_messages_tab_and_missing_user_publish_nothing(service):
    client = Mock()
    home.on_home_opened(service, {"type": "app_home_opened", "user": "U0HOME", "tab": "messages"}, client)
    home.on_home_opened(service, {"type": "app_home_opened", "tab": "home"}, client)
    client.views_publish.assert_not_called()


def test_home_with_the_store_down_says_so():
    client = Mock()
    home.on_home_opened(down_service(), {"type": "app_home_opened", "user": "U0HOME", "tab": "home"}, client)
    assert UNAVAILABLE in text_of(client.views_publish.call_args.kwargs["view"])


# --- buttons ------------------------------------------------------------------------------

def clicked(action_id: str, value: str, *, ephemeral: bool = True, user: str = USER) -> tuple[dict, dict]:
    """(body, action) as Bolt hands them to a listener for a block_actions click."""
    body = block_action_payload(action_id, value, "http://127.0.0.1:9/response/unused", ephemeral=ephemeral, user=user)
    return body, body["actions"][0]


def asked(service, question: str) -> dict:
    """The private answer to ``/modstats question``: the message the buttons live on."""
    reply = service.ask(question, team=TEAM, channel=CHANNEL, user=USER)
    return blocks.reply_message(reply, share=True)


def test_share_posts_the_answer_for_everyone_and_deletes_the_private_copy(service):
    private = asked(service, "suspensions H2 2017")
    body, action = clicked(blocks.SHARE, find_action(private["blocks"], blocks.SHARE)["value"])
    respond = Mock()
    actions.share(service, body, action, respond)
    assert respond.call_count == 2
    public, delete = (c.kwargs for c in respond.call_args_list)
    assert public["response_type"] == "in_channel" and public["replace_original"] is False
    assert public["blocks"][0]["text"]["text"] == private["blocks"][0]["text"]["text"]
    assert find_action(public["blocks"], blocks.SHARE) is None
    assert f"Shared by <@{USER}>" in json.dumps(public["blocks"])
    assert delete == {"delete_original": True}


def test_share_that_cannot_be_answered_apologises_privately():
    body, action = clicked(blocks.SHARE, "not-ids")
    respond = Mock()
    actions.share(down_service(), body, action, respond)
    message = only_call(respond)
    assert message["response_type"] == "ephemeral" and message["replace_original"] is False
    assert message["text"] == FAILED


def test_pick_replaces_the_question_with_the_chosen_figure(service):
    private = asked(service, "twitter")
    picks = [b["accessory"] for b in private["blocks"] if (b.get("accessory") or {}).get("action_id", "").startswith(blocks.PICK)]
    assert len(picks) >= 2
    body, action = clicked(picks[1]["action_id"], picks[1]["value"])
    respond = Mock()
    actions.pick(service, body, action, respond)
    message = only_call(respond)
    assert message["replace_original"] is True
    assert message["blocks"][0]["text"]["text"].startswith("*")
    assert message["blocks"][1]["text"]["text"].startswith("> ")
    assert find_action(message["blocks"], blocks.SHARE) is not None  # still private: can be shared
    valid_blocks(message)


def test_pick_in_a_public_message_offers_no_share(service):
    private = asked(service, "twitter")
    pick = next(b["accessory"] for b in private["blocks"] if (b.get("accessory") or {}).get("action_id", "").startswith(blocks.PICK))
    body, action = clicked(pick["action_id"], pick["value"], ephemeral=False)
    respond = Mock()
    actions.pick(service, body, action, respond)
    assert find_action(only_call(respond)["blocks"], blocks.SHARE) is None


def test_pick_without_a_figure_id_does_nothing(service):
    body, action = clicked(f"{blocks.PICK}_0", "12:")
    respond = Mock()
    actions.pick(service, body, action, respond)
    respond.assert_not_called()


@pytest.mark.parametrize("action_id, vote", [(blocks.FEEDBACK_UP, "up"), (blocks.FEEDBACK_DOWN, "down")])
def test_feedback_is_stored_and_thanked_privately(action_id, vote):
    svc = Mock(spec=Service)
    svc.feedback.return_value = True
    body, action = clicked(action_id, "42", user="U0VOTER")
    respond = Mock()
    actions.feedback(svc, body, action, respond)
    svc.feedback.assert_called_once_with(42, vote, "U0VOTER")
    message = only_call(respond)
    assert message["response_type"] == "ephemeral" and message["replace_original"] is False
    assert message["text"] == "Thanks — noted."


def test_feedback_that_cannot_be_stored_says_sorry(service):
    respond = Mock()
    actions.feedback(service, *clicked(blocks.FEEDBACK_UP, str(10**9)), respond)  # no such question
    assert only_call(respond)["text"].startswith("Sorry")
    respond = Mock()
    svc = Mock(spec=Service)
    actions.feedback(svc, *clicked(blocks.FEEDBACK_UP, "garbage"), respond)
    svc.feedback.assert_not_called()
    assert only_call(respond)["text"].startswith("Sorry")


def test_feedback_on_a_real_answer_lands_on_its_row(service):
    private = asked(service, "suspensions H2 2017")
    up = find_action(private["blocks"], blocks.FEEDBACK_UP)
    respond = Mock()
    actions.feedback(service, *clicked(blocks.FEEDBACK_UP, up["value"]), respond)
    assert only_call(respond)["text"] == "Thanks — noted."
