"""Text going into and out of Slack.

``escape`` is the one escape for every piece of text that came from a user or a document:
Slack's mrkdwn treats only ``&``, ``<`` and ``>`` as control characters, so escaping those
three makes ``<!channel>``, ``<@U123>`` and ``<http://x|y>`` inert text.
``from_slack`` reads Slack's markup in what a user typed back into plain words for the engine.
"""

from __future__ import annotations

import re

SECTION_LIMIT = 3000  # characters in a section's text (Block Kit)
CONTEXT_LIMIT = 2000  # characters in a context element's text
FALLBACK_LIMIT = 3000  # the notification ``text``; Slack truncates at 40,000, we stay short
BUTTON_TEXT_LIMIT = 75
QUOTE_LIMIT = 1200  # a quote longer than this is shortened around its number

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPE_RE = re.compile("[&<>]")


def escape(text: str | None) -> str:
    """Escape Slack's control characters (&, <, >)."""
    if not text:
        return ""
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], text)


def link(url: str | None, label: str) -> str:
    """A mrkdwn link for an http(s) URL from a document, or the escaped label when the URL is
    not a plain web address (nothing in it may close the link or start another)."""
    label = escape(label).replace("|", "¦")
    if url and re.fullmatch(r"https?://[^\s<>|\"'`]+", url):
        return f"<{escape(url)}|{label}>"
    return label


_MARKUP = re.compile(r"<([^<>]*)>")


def from_slack(text: str | None, *, drop_users: frozenset[str] = frozenset()) -> str:
    """Plain text from a message or command as Slack delivers it: ``<@U1|name>`` -> ``@name``,
    ``<#C1|general>`` -> ``#general``, ``<!here>`` -> ``@here``, ``<http://x|y>`` -> ``y``,
    entities (&amp; &lt; &gt;) decoded. Mentions of ``drop_users`` (the bot) are removed."""
    if not text:
        return ""

    def plain(m: re.Match) -> str:
        inner = m.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            if target[1:] in drop_users:
                return " "
            return "@" + (label or target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            if target.startswith("!subteam^"):
                return "@" + (label or "group")
            if target.startswith("!date"):
                return label or ""
            return "@" + target[1:]
        return label or target

    text = _MARKUP.sub(plain, text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"\s+", " ", text).strip()


def cut(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` in at most ``limit`` characters, cut at a word boundary."""
    if len(text) <= limit:
        return text
    head = text[: limit - len(ellipsis)]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:") + ellipsis


def shorten_around(quote: str, needles: list[str], limit: int = QUOTE_LIMIT) -> str:
    """A long quote shortened to at most ``limit`` characters around the first of ``needles``
    (the number as the quote states it), cut at word boundaries, marked with ellipses."""
    if len(quote) <= limit:
        return quote
    pos, width = -1, 0
    for needle in needles:
        if needle:
            pos = quote.find(needle)
            if pos >= 0:
                width = len(needle)
                break
    if pos < 0:
        return cut(quote, limit)
    budget = limit - 2  # the two ellipses
    start = max(0, pos + width // 2 - budget // 2)
    end = min(len(quote), start + budget)
    start = max(0, end - budget)
    if start > 0:  # move forward to the next word start
        nxt = quote.find(" ", start)
        start = nxt + 1 if 0 <= nxt < pos else start
    if end < len(quote):  # move back to the previous word end
        prev = quote.rfind(" ", 0, end)
        end = prev if prev > pos + width else end
    return ("…" if start > 0 else "") + quote[start:end].strip() + ("…" if end < len(quote) else "")


def number_forms(value: float, display: str) -> list[str]:
    """How a number may be written in its quote, for ``shorten_around``."""
    forms = [display, display.rstrip("%")]
    if float(value).is_integer():
        n = int(value)
        forms += [f"{n:,}", str(n)]
        for scale, word in ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")):
            if n and n % (scale // 10) == 0 and abs(n) >= scale:
                forms.append(f"{n / scale:g} {word}")
    else:
        forms += [f"{value:g}", str(value)]
    return [f for f in forms if f]


def blockquote(text: str) -> str:
    """Escaped text as a mrkdwn block quote (every line starts with ``>``)."""
    return "\n".join(f"> {line}" for line in escape(text).splitlines() or [""])
