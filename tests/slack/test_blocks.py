"""Block Kit rendering without a server: escaping of document text, Block Kit limits, long
quotes shortened around the number at word boundaries."""

from __future__ import annotations

import datetime as dt
import json

from bot.answers import AMBIGUOUS, ANSWER, NO_ANSWER, Answer, FigureView, SourceView
from bot.slack import blocks
from bot.slack.service import Reply
from bot.slack.text import escape, from_slack, shorten_around
from slack_harness import all_strings, valid_blocks


def view(**kw) -> FigureView:
    base = dict(
        figure_id=7, value=274460, unit="accounts", qualifier=None, metric="accounts suspended", policy="terrorism",
        platform="Twitter", location="", breakdown="", period_start=dt.date(2017, 7, 1), period_end=dt.date(2017, 12, 31),
        period_label="H2 2017", quote="Twitter suspended 274,460 accounts.",
        source=SourceView("Transparency <report>", "Twitter & co", "https://example.com/a?b=1&c=2", dt.date(2018, 4, 5), "a.md"),
        sources=3,
    )
    base.update(kw)
    return FigureView(**base)


def test_answer_layout_number_bold_quote_source_and_sources_count():
    v = view()
    msg = blocks.reply_message(Reply(Answer(ANSWER, "plain message", v), 41), share=True)
    valid_blocks(msg)
    b = msg["blocks"]
    assert b[0]["text"]["text"] == "*274,460* accounts suspended\nTwitter · terrorism · H2 2017 (1 Jul 2017 – 31 Dec 2017)"
    assert b[1]["text"]["text"] == "> Twitter suspended 274,460 accounts."
    src = b[2]["elements"][0]["text"]
    assert src == ("Source: <https://example.com/a?b=1&amp;c=2|Transparency &lt;report&gt;>, Twitter &amp; co, "
                   "5 Apr 2018 · reported by 3 sources")
    values = {e["action_id"]: e["value"] for e in b[3]["elements"]}
    assert values == {"modstats_share": "41:7", "modstats_feedback_up": "41", "modstats_feedback_down": "41"}
    assert msg["text"] == "plain message"


def test_document_text_cannot_ping_or_link():
    hostile = "Ping <!channel> <!here> <@U123> and <http://evil.example|click> & more"
    v = view(quote=hostile + " 274,460 accounts", metric="accounts <!everyone> suspended", platform="<@U999>",
             source=SourceView("<http://x|y>", "<!here>", "javascript:alert(1)|<!channel>", None, "<f>.md"))
    other = view(figure_id=8, qualifier="<!channel>", source=SourceView("<@U5>", None, None, None, "b.md"))
    msg = blocks.reply_message(Reply(Answer(ANSWER, hostile, v, (other,)), 1))
    valid_blocks(msg)
    for s in all_strings(msg):
        for raw in ("<!channel>", "<!here>", "<@U123>", "<@U999>", "<@U5>", "<http", "<!everyone>", "<javascript"):
            assert raw not in s, (raw, s)
    assert "&lt;!channel&gt;" in json.dumps(msg)
    # a URL that is not a plain web address is not made into a link
    assert "Source: &lt;http://x¦y&gt;, &lt;!here&gt;" in json.dumps(msg, ensure_ascii=False)


def test_long_quote_is_shortened_around_the_number_at_word_boundaries():
    words = " ".join(f"word{i}" for i in range(3000))
    quote = f"{words} Twitter suspended 274,460 accounts in the period. {words}"
    msg = blocks.reply_message(Reply(Answer(ANSWER, quote, view(quote=quote)), None))
    valid_blocks(msg)
    text = msg["blocks"][1]["text"]["text"]
    assert len(text) <= 3000
    assert "274,460" in text
    body = text.removeprefix("> ")
    assert body.startswith("…") and body.endswith("…")
    inner = body.strip("…").split(" ")
    assert all(w.startswith("word") or w in ("Twitter", "suspended", "274,460", "accounts", "in", "the", "period.") for w in inner)
    assert len(msg["text"]) <= 3000
    for b in msg["blocks"]:
        assert len(json.dumps(b)) < 4000


def test_shorten_around_keeps_short_quotes_and_finds_million_forms():
    assert shorten_around("short", ["5"]) == "short"
    q = "a " * 1000 + "over 1.2 million accounts" + " b" * 1000
    out = shorten_around(q, ["1.2 million"], 200)
    assert "1.2 million" in out and len(out) <= 200


def test_ambiguous_and_no_answer_offer_buttons_per_candidate():
    cands = (view(figure_id=1), view(figure_id=2, value=93, unit="percent", metric="share of suspended accounts flagged"))
    msg = blocks.reply_message(Reply(Answer(AMBIGUOUS, "several", None, cands), 5))
    valid_blocks(msg)
    picks = [b["accessory"] for b in msg["blocks"] if "accessory" in b]
    assert [p["value"] for p in picks] == ["5:1", "5:2"]
    assert len({p["action_id"] for p in picks}) == 2
    msg = blocks.reply_message(Reply(Answer(NO_ANSWER, "I have no figure that answers that. The nearest I have:\n• x", None, cands), None))
    assert msg["blocks"][0]["text"]["text"] == "I have no figure that answers that. The nearest I have:"
    assert [b["accessory"]["value"] for b in msg["blocks"] if "accessory" in b] == [":1", ":2"]
    empty = blocks.reply_message(Reply(Answer(NO_ANSWER, "I have no figure that answers that.", None, ()), None))
    assert empty["blocks"][0]["text"]["text"] == "I have no figure that answers that."


def test_apology_when_the_store_is_down():
    msg = blocks.reply_message(Reply(None, None, 0.0, "Sorry — I can’t reach my figures right now."))
    assert msg["text"].startswith("Sorry") and len(msg["blocks"]) == 1


def test_from_slack_reads_markup_as_plain_words():
    assert from_slack("<@UBOT> how many <http://x|y> &amp; <!channel> <#C1|general> &lt;b&gt;", drop_users=frozenset({"UBOT"})) \
        == "how many y & @channel #general <b>"
    assert escape("<!here> & <@U1>") == "&lt;!here&gt; &amp; &lt;@U1&gt;"


def test_huge_catalog_and_candidates_stay_inside_block_kit_limits():
    from bot.slack.service import Catalog

    many = [f"metric <{i}> " + "x" * 200 for i in range(500)]
    cat = Catalog(10**6, 10**4, many, many, many, many, many, ["<!channel> q " + "y" * 3000] * 5)
    for msg in (blocks.list_message(cat), blocks.help_message(cat), blocks.home_view(cat)):
        valid_blocks(msg)
        assert "<!channel>" not in json.dumps(msg)
    long_views = tuple(view(figure_id=i, metric="m " * 2000, quote="q " * 5000) for i in range(9))
    for status in (AMBIGUOUS, NO_ANSWER):
        valid_blocks(blocks.reply_message(Reply(Answer(status, "z " * 30000, None, long_views), 3)))
    valid_blocks(blocks.reply_message(Reply(Answer(ANSWER, "z", long_views[0], long_views[1:]), 3), share=True))
