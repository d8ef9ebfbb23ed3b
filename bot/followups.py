"""Follow-ups: "and H1?", "what about Instagram?", "in Germany?", "as a chart" read with the
conversation's previous question. What the follow-up says wins; what it does not say (the
platform, the period, the place, what is counted) comes from the previous question.

``resolve(text, previous, reader)`` returns the question to answer and how it was read
("Instagram, hate speech content actioned, Q3 2023"), or None when ``text`` is a question of
its own. Where conversations are kept (a Slack thread or DM) is the Slack layer's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.analysis import TREND_RE, comparison_sides
from bot.slots import compose, split
from bot.understanding import Reader

LEAD_RE = re.compile(
    r"^\W*(?:and|what\s+about|how\s+about|same\s+(?:for|but|in)|now|also|then|plus|ok(?:ay)?\W+(?:and|what\s+about|now)|"
    r"and\s+what\s+about|and\s+for|and\s+in|only)\b",
    re.IGNORECASE,
)
SHORT_RE = re.compile(r"^\W*(?:in|for|on|at|during)\s+[^\s?]+(?:\s+[^\s?]+)?\W*$", re.IGNORECASE)  # "in Germany?"
CHART_RE = re.compile(r"\b(?:as|in|on)\s+a\s+(?:chart|graph|plot)\b|^\W*(?:chart|graph|plot)(?:\s+(?:it|that|this))?\W*$"
                      r"|\b(?:show|draw|plot|chart|graph)\s+(?:it|that|this|me\s+(?:a|the)\s+(?:chart|graph|trend))\b", re.IGNORECASE)
MAX_WORDS = 8  # longer than this, a message is a question of its own


@dataclass(frozen=True)
class Resolved:
    question: str  # what the engine is asked
    read_as: str  # "Instagram, hate speech content actioned, Q3 2023"


def is_follow_up(text: str, reader: Reader) -> bool:
    words = text.split()
    if not words or len(words) > MAX_WORDS:
        return False
    if LEAD_RE.search(text) or SHORT_RE.match(text) or CHART_RE.search(text):
        return True
    parts = split(text, reader)  # only a platform, period or place: "Instagram?", "Q3 2022?"
    return not parts.rest and bool(parts.platform or parts.period or parts.place)


def resolve(text: str, previous: str | None, reader: Reader) -> Resolved | None:
    if not previous or not is_follow_up(text, reader):
        return None
    chart = bool(CHART_RE.search(text))
    new = split(CHART_RE.sub(" ", text), reader)
    sides = comparison_sides(previous)
    if sides is not None and not chart:  # "what about Q4?" after "Facebook vs Instagram … Q3 2023": both sides
        a, b, shared = (split(t, reader) for t in sides)
        a, b = compose(new, compose(a, compose(b, shared))), compose(new, compose(b, compose(a, shared)))
        return Resolved(f"{a.text} vs {b.text}", f"{a.read_as} vs {b.read_as}")
    old = split(previous, reader)
    parts = compose(new, old)
    question = parts.text
    trend = TREND_RE.search(previous)
    if trend and not chart and not TREND_RE.search(question):  # "and servers removed?" after a trend: a trend
        question += f" {trend.group()}"
        return Resolved(question, f"{parts.read_as}, {trend.group()}")
    if chart and not TREND_RE.search(previous):
        # a chart is of a series: the same fact over time (the previous period dropped)
        parts = compose(new, replace(old, period=""))
        question = parts.text + " over time"
        return Resolved(question, (parts.read_as + ", over time").lstrip(", "))
    if chart:
        return Resolved(previous, f"{previous} (as a chart)")
    return Resolved(question, parts.read_as)
