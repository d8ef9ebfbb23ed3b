"""Block Kit messages and views, as plain dicts (Block Kit's JSON; slack_sdk's block models
cost about a millisecond per message to serialise, which the acknowledgement path cannot
spare — the tests parse every message back through slack_sdk.models.blocks to check it).
Text lengths are kept inside Block Kit's limits here. Every piece of text that came from a user or a document goes
through ``text.escape`` (or ``text.link``/``text.blockquote``, which use it); the plain
``text`` fallback is escaped the same way.
"""

from __future__ import annotations

import re

from bot import render
from bot.answers import AMBIGUOUS, ANSWER, COMPARISON, INVALID, NO_ANSWER, SERIES, FigureView, Gap, unit_words
from bot.slack.service import Catalog, Reply
from bot.slack.text import (
    BUTTON_TEXT_LIMIT,
    CONTEXT_LIMIT,
    FALLBACK_LIMIT,
    QUOTE_LIMIT,
    SECTION_LIMIT,
    blockquote,
    cut,
    escape,
    link,
    number_forms,
    shorten_around,
)

# action ids (listeners/actions.py matches these)
SHARE = "modstats_share"
FEEDBACK_UP, FEEDBACK_DOWN = "modstats_feedback_up", "modstats_feedback_down"
PICK = "modstats_pick"  # + "_<n>": one per candidate, unique within a message
PICK_RE = re.compile(rf"^{PICK}_\d+$")

COMMAND = "/modstats"
MAX_CANDIDATES = 5
MAX_BLOCKS = 50  # per message (100 in a Home tab view)


def _mrkdwn(text: str, limit: int = SECTION_LIMIT) -> dict:
    return {"type": "mrkdwn", "text": cut(text, limit), "verbatim": True}


def _plain(text: str, limit: int) -> dict:
    return {"type": "plain_text", "text": cut(text, limit), "emoji": True}


def _section(text: str, accessory: dict | None = None) -> dict:
    block = {"type": "section", "text": _mrkdwn(text)}
    if accessory:
        block["accessory"] = accessory
    return block


def _context(text: str) -> dict:
    return {"type": "context", "elements": [_mrkdwn(text, CONTEXT_LIMIT)]}


def _actions(elements: list[dict]) -> dict:
    return {"type": "actions", "elements": elements}


def _divider() -> dict:
    return {"type": "divider"}


def _button(label: str, action_id: str, value: str, style: str | None = None) -> dict:
    button = {"type": "button", "text": _plain(label, BUTTON_TEXT_LIMIT), "action_id": action_id, "value": value[:2000]}
    if style:
        button["style"] = style
    return button


def _fallback(text: str) -> str:
    return escape(cut(text, FALLBACK_LIMIT))


def _message(text: str, blocks: list[dict]) -> dict:
    return {"text": _fallback(text), "blocks": blocks[:MAX_BLOCKS]}


# --- pieces of an answer ------------------------------------------------------------------

def headline(v: FigureView) -> str:
    """'*over 270,000* accounts suspended' — the number in bold with what it counts."""
    number = f"{v.qualifier} {v.display}" if v.qualifier else v.display
    return f"*{escape(number)}* {escape(unit_words(v.unit, v.metric))}"


def where_when(v: FigureView) -> str:
    parts = [v.platform, v.policy]
    if v.location:
        parts.append(v.location)
    if v.breakdown:
        parts.append(v.breakdown)
    parts.append(render.period(v))
    return " · ".join(escape(p) for p in parts if p)


def source_line(v: FigureView) -> str:
    s = v.source
    parts = [link(s.url, s.title or s.filename)]
    if s.publisher:
        parts.append(escape(s.publisher))
    if s.published:
        parts.append(f"{s.published:%-d %b %Y}")
    if s.row:
        parts.append(f"{escape(s.filename)}, row {s.row}")
    line = "Source: " + ", ".join(parts)
    if v.sources > 1:
        line += f" · reported by {v.sources} sources"
    return line


def quote(v: FigureView) -> str:
    return blockquote(shorten_around(v.quote, number_forms(v.value, v.display), QUOTE_LIMIT))


def one_line(v: FigureView) -> str:
    return f"{headline(v)} — {where_when(v)}"


# --- messages -----------------------------------------------------------------------------

def reply_message(reply: Reply, *, share: bool = False, shared_by: str | None = None) -> dict:
    """The message for a Reply: an answer, candidates, nearest figures, a reason, or sorry."""
    if reply.answer is None:
        return apology(reply.apology or "Sorry — something went wrong.")
    a = reply.answer
    qid = reply.question_id
    blocks: list = []
    if a.read_as:
        blocks.append(_context(f"Read as: {escape(a.read_as)}"))
    if a.status in (SERIES, COMPARISON) or (a.status == ANSWER and a.answer is not None and a.answer.derived):
        blocks += several_blocks(a)
        buttons = []
        if share and qid is not None:
            buttons.append(_button("Share in channel", SHARE, f"{qid}:", "primary"))
        if shared_by and re.fullmatch(r"[UW][A-Z0-9]{2,20}", shared_by):
            blocks.append(_context(f"Shared by <@{shared_by}>"))
        if qid is not None:
            buttons += _feedback_buttons(qid)
        if buttons:
            blocks.append(_actions(buttons))
    elif a.status == ANSWER and a.answer is not None:
        v = a.answer
        blocks += [_section(f"{headline(v)}\n{where_when(v)}"), _section(quote(v)), _context(source_line(v))]
        for r in v.revisions:
            when = f" ({r.source.published:%-d %b %Y})" if r.source.published else ""
            blocks.append(_context(f"Revised: first published as {escape(r.display)} in {link(r.source.url, r.source.title or r.source.filename)}{when}"))
        for d in a.alternatives[:MAX_CANDIDATES]:
            blocks.append(_section(f"Another source disagrees: {headline(d)}\n{source_line(d)}"))
        if shared_by and re.fullmatch(r"[UW][A-Z0-9]{2,20}", shared_by):
            blocks.append(_context(f"Shared by <@{shared_by}>"))
        buttons = []
        if share and qid is not None:
            buttons.append(_button("Share in channel", SHARE, f"{qid}:{v.figure_id}", "primary"))
        if qid is not None:
            buttons += _feedback_buttons(qid)
        if buttons:
            blocks.append(_actions(buttons))
    elif a.status == AMBIGUOUS:
        blocks.append(_section("Several figures fit that question — which one do you mean?"))
        blocks += _candidates(a.alternatives, qid)
        if qid is not None:
            blocks.append(_actions(_feedback_buttons(qid)))
    elif a.status == NO_ANSWER:
        near = a.alternatives[:MAX_CANDIDATES]
        first = a.message.splitlines()[0] if a.message else "I have no figure that answers that."
        if near:
            first = "I have no figure that answers that. The nearest I have:"
        blocks.append(_section(escape(first)))
        blocks += _candidates(near, qid)
        if qid is not None:
            blocks.append(_actions(_feedback_buttons(qid)))
    else:  # INVALID, or anything new: say why, plainly
        blocks.append(_section(escape(a.message or "Ask me about a moderation statistic.")))
        if a.status == INVALID:
            blocks.append(_context(f"Try `{COMMAND} help` for examples."))
    return _message(a.message or "modstats", blocks)


# --- several figures: a series, a comparison, a computed total -------------------------------

SERIES_QUOTES = 8  # up to this many periods, each period's quote is shown; beyond, its source row


def several_blocks(a) -> list[dict]:
    if a.status == SERIES:
        return series_blocks(a.series, a.chart)
    if a.status == COMPARISON:
        return comparison_blocks(a.items)
    return derived_blocks(a.answer)


def series_blocks(points, chart_note: str | None = None) -> list[dict]:
    figures = [p for p in points if isinstance(p, FigureView)]
    first = figures[0]
    where = f", {first.location}" if first.location else ""
    head = (f"*{escape(unit_words(first.unit, first.metric))}* — {escape(first.platform)}, {escape(first.policy)}"
            f"{escape(where)}, {escape(points[0].period_label)} to {escape(points[-1].period_label)}")
    out = [_section(head)]
    lines = []
    for p in points:
        if isinstance(p, Gap):
            lines.append(f"• *{escape(p.period_label)}*: _no figure stored_")
            continue
        number = f"{p.qualifier} {p.display}" if p.qualifier else p.display
        cite = f"row {p.source.row}" if p.source.row else link(p.source.url, p.source.title or p.source.filename)
        line = f"• *{escape(p.period_label)}*: {escape(number)} ({cite})"
        if len(points) <= SERIES_QUOTES:
            line += "\n" + quote(p)
        lines.append(line)
    chunk: list[str] = []
    for line in lines:  # sections of at most ~2,800 characters
        if chunk and sum(len(c) + 1 for c in chunk) + len(line) > SECTION_LIMIT - 200:
            out.append(_section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    if chunk:
        out.append(_section("\n".join(chunk)))
    documents = {}
    for p in figures:
        documents.setdefault((p.source.title, p.source.url), p)
    for p in list(documents.values())[:5]:
        out.append(_context(source_line(p).split(", row ")[0] if p.source.row else source_line(p)))
    return out


def comparison_blocks(items) -> list[dict]:
    out = []
    for v in items:
        if v.derived:
            a, b = v.derived.parts
            sign = "−" if v.derived.op == "difference" else "÷"
            number = f"{v.qualifier} {v.display}" if v.qualifier else v.display
            out.append(_context(f"{v.derived.op.capitalize()}, computed by modstats from the two stored figures: "
                                f"*{escape(number)}* ({escape(a.display)} {sign} {escape(b.display)})"))
        else:
            out += [_section(f"{headline(v)}\n{where_when(v)}"), _section(quote(v)), _context(source_line(v))]
    return out


def derived_blocks(v: FigureView) -> list[dict]:
    parts = " + ".join(f"{p.period_label} {p.display}" for p in v.derived.parts)
    out = [_section(f"{headline(v)}\n{where_when(v)}"),
           _context(f"A sum computed by modstats from the stored figures: {escape(parts)}")]
    for p in v.derived.parts:
        out += [_section(f"*{escape(p.period_label)}*: {headline(p)}\n{quote(p)}"), _context(source_line(p))]
    return out


def _candidates(views, qid: int | None) -> list:
    out = []
    for i, v in enumerate(views[:MAX_CANDIDATES]):
        value = f"{qid if qid is not None else ''}:{v.figure_id}"
        out.append(_section(f"{one_line(v)}\n{source_line(v)}", accessory=_button("Show this", f"{PICK}_{i}", value)))
    return out


def _feedback_buttons(qid: int) -> list:
    return [_button("👍", FEEDBACK_UP, str(qid)), _button("👎", FEEDBACK_DOWN, str(qid))]


def apology(text: str) -> dict:
    return _message(text, [_section(escape(text))])


def notice(text: str) -> dict:
    """A one-line message of our own (trusted text, already mrkdwn)."""
    return {"text": text, "blocks": [_section(text)]}


# --- help, list, home ---------------------------------------------------------------------

def usage_lines(catalog: Catalog | None) -> list[str]:
    lines = [
        f"*`{COMMAND} QUESTION`* — answered privately, with a button to share it in the channel",
        f"*`{COMMAND} list`* — the platforms, metrics and periods I know",
        f"*`{COMMAND} help`* — this message",
        "*@modstats QUESTION* in a channel — answered in the thread; or send me a direct message",
    ]
    return lines


def examples_text(catalog: Catalog | None) -> str:
    if not catalog or not catalog.examples:
        return ""
    return "*Try:*\n" + "\n".join(f"• `{COMMAND} {escape(q)}`" for q in catalog.examples)


def help_message(catalog: Catalog | None) -> dict:
    intro = ("I answer questions about content-moderation statistics with the number, what it counts, "
             "the period, the sentence it comes from and who published it.")
    blocks = [_section(intro), _section("\n".join(usage_lines(catalog)))]
    ex = examples_text(catalog)
    if ex:
        blocks.append(_section(ex))
    return _message(intro, blocks)


def _listing(name: str, values: list[str], limit: int = 40) -> str:
    if not values:
        return f"*{name}:* none yet"
    shown = ", ".join(escape(v) for v in values[:limit])
    more = f", and {len(values) - limit} more" if len(values) > limit else ""
    return f"*{name}* ({len(values)}): {shown}{more}"


def list_message(catalog: Catalog) -> dict:
    head = f"I know {catalog.figures:,} figures from {catalog.documents:,} documents."
    blocks = [_section(head)]
    for name, values in (("Platforms", catalog.platforms), ("Metrics", catalog.metrics),
                         ("Policy areas", catalog.policies), ("Periods", catalog.periods),
                         ("Locations", catalog.locations)):
        if values or name != "Locations":
            blocks.append(_section(_listing(name, values)))
    return _message(head, blocks)


def home_view(catalog: Catalog | None, apology_text: str | None = None) -> dict:
    blocks: list = [{"type": "header", "text": _plain("modstats", 150)},
                    _section("Ask me about content-moderation statistics. Every figure I show is stored with the "
                             "exact sentence it comes from and who published it.")]
    if catalog is None:
        blocks.append(_section(escape(apology_text or "I can’t reach my figures right now.")))
    else:
        blocks.append(_section(f"*What I know:* {catalog.figures:,} figures from {catalog.documents:,} documents."))
        blocks.append(_section(_listing("Platforms", catalog.platforms, 20)))
        blocks.append(_section(_listing("Metrics", catalog.metrics, 20)))
        blocks.append(_section(_listing("Periods", catalog.periods, 20)))
        ex = examples_text(catalog)
        if ex:
            blocks += [_divider(), _section(ex)]
    blocks += [_divider(), _section("\n".join(usage_lines(catalog)))]
    return {"type": "home", "blocks": blocks[:100]}
