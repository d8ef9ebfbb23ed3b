"""The listeners with series, comparisons and follow-ups, called as plain functions with a
real Service (seeded store plus tests/data/trends) and mocked ``say``/``client``."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from unittest.mock import Mock

import pytest
from PIL import Image

from bot.slack.listeners import events
from bot.slack.service import Service
from fake_slack_api import BOT_USER_ID
from slack_harness import TEAM, direct_message, mention, valid_blocks
from store.db import Store
from store.ingest import Meta, ingest_paths

DATA = Path(__file__).resolve().parents[1] / "data" / "trends"
CONTEXT = {"bot_user_id": BOT_USER_ID, "team_id": TEAM}


@pytest.fixture(scope="module")
def service(seeded_template, tmp_path_factory):
    db = tmp_path_factory.mktemp("trends-listeners") / "modstats.db"
    shutil.copy(seeded_template, db)
    store = Store.open(f"sqlite:///{db}")
    ingest_paths(store, sorted(DATA.glob("*.csv")), Meta(None, None, None, None))
    yield Service(store)
    store.dispose()


def test_a_series_mention_posts_the_numbers_and_uploads_the_chart_in_the_thread(service):
    say, client = Mock(), Mock()
    event = mention(f"<@{BOT_USER_ID}> reddit spam suspensions over time", ts="1700000100.000100")
    events.on_mention(service, event, say, CONTEXT, client)
    message = say.call_args.kwargs
    assert message["thread_ts"] == "1700000100.000100"
    text = json.dumps(message["blocks"])
    assert all(s in text for s in ("H1 2021", "100", "H2 2022", "no figure stored", "Reddit Transparency Report"))
    valid_blocks(message)
    upload = client.files_upload_v2.call_args.kwargs
    assert (upload["channel"], upload["thread_ts"]) == (event["channel"], "1700000100.000100")
    assert Image.open(io.BytesIO(upload["content"])).format == "PNG"
    assert "H2 2022: no figure" in upload["alt_txt"] and upload["filename"].endswith(".png")


def test_a_series_in_a_dm_is_uploaded_into_the_dm(service):
    say, client = Mock(), Mock()
    events.on_message(service, direct_message("twitch spam suspensions each quarter of 2020", ts="1700000101.000100",
                                              channel="D0TRENDS"), say, CONTEXT, client)
    upload = client.files_upload_v2.call_args.kwargs
    assert upload["channel"] == "D0TRENDS" and "thread_ts" not in upload


def test_one_figure_uploads_nothing_and_a_failed_upload_keeps_the_answer(service):
    say, client = Mock(), Mock()
    events.on_mention(service, mention("reddit spam suspensions H1 2022", ts="1700000102.000100"), say, CONTEXT, client)
    client.files_upload_v2.assert_not_called()
    say, client = Mock(), Mock()
    client.files_upload_v2.side_effect = RuntimeError("files.slack.com unreachable")
    events.on_mention(service, mention("reddit spam suspensions over time", ts="1700000103.000100"), say, CONTEXT, client)
    say.assert_called_once()  # the numbers went out before the upload was tried


def test_a_comparison_and_a_computed_total_say_what_was_computed(service):
    say = Mock()
    events.on_mention(service, mention("reddit vs twitch spam suspensions H1 2022", ts="1700000104.000100"), say, CONTEXT, Mock())
    text = json.dumps(say.call_args.kwargs["blocks"], ensure_ascii=False)
    assert "computed by modstats" in text and "120" in text and "80" in text
    valid_blocks(say.call_args.kwargs)
    say = Mock()
    events.on_mention(service, mention("twitch spam suspensions 2020", ts="1700000105.000100"), say, CONTEXT, Mock())
    text = json.dumps(say.call_args.kwargs["blocks"], ensure_ascii=False)
    assert "A sum computed by modstats" in text and "Q3 2020" in text
    valid_blocks(say.call_args.kwargs)


def test_a_follow_up_in_a_thread_is_read_with_that_thread_and_says_so(service):
    parent = "1700000200.000100"
    say = Mock()
    events.on_mention(service, mention("reddit spam suspensions H1 2022", ts=parent), say, CONTEXT, Mock())
    say = Mock()
    events.on_mention(service, mention("what about Twitch?", ts="1700000200.000200", thread_ts=parent), say, CONTEXT, Mock())
    message = say.call_args.kwargs
    assert message["thread_ts"] == parent
    assert message["blocks"][0]["elements"][0]["text"] == "Read as: Twitch, spam, suspensions, H1 2022"
    assert "*80*" in json.dumps(message["blocks"])


def test_a_follow_up_outside_a_thread_is_an_ordinary_question(service):
    say = Mock()
    events.on_mention(service, mention("reddit spam suspensions H1 2022", ts="1700000300.000100"), say, CONTEXT, Mock())
    say = Mock()  # a new top-level message in the same channel: no thread, no context
    events.on_mention(service, mention("what about Twitch?", ts="1700000300.000200"), say, CONTEXT, Mock())
    assert "Read as" not in json.dumps(say.call_args.kwargs["blocks"])
