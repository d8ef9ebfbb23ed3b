"""A question in parts: the platform, the period, the place, and the rest (what is counted),
each as written. Comparisons and follow-ups are built from parts: "Facebook vs Instagram hate
speech Q3 2023" is two questions that share what only one side says, and "what about
Instagram?" after "Facebook hate speech Q3 2023" takes all but the platform from it.

``split(text, reader)`` finds the parts; ``compose(new, base)`` keeps what ``new`` says and
takes the rest from ``base`` (a bare "H1" takes its year from ``base``'s period).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.understanding import LOCATION_ALIASES, Reader, content_words
from store.periods import find_periods
from store.vocabulary import PLATFORM_RES, POLICY_RES, blank

# "H1", "Q3" with no year after them ("and H1?", "H1 vs H2 2017")
BARE_RE = re.compile(r"\b([HQ][1-4])\b(?!\s*[-/'’]?\s*\d{2})", re.IGNORECASE)
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
# words that only link a follow-up or a comparison side to what came before
FILLER_RE = re.compile(
    r"\b(?:and|or|what|how|about|for|in|on|at|of|the|then|also|same|but|now|ok|okay|so|please|pls|"
    r"did|does|do|was|were|is|are|which|one|it|them|that|instead|vs\.?|versus|compare[ds]?|"
    r"higher|more|larger|bigger|greater|lower|fewer|less|smaller|most|least|as|a|chart|graph|plot)\b"
    r"|[?!.,:;]|['’]s\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Parts:
    platform: str = ""  # "Instagram"
    period: str = ""  # "Q3 2023", or a bare "H1"
    place: str = ""  # "Germany"
    policy: str = ""  # "hate speech", as the lexicon knows policy areas
    rest: str = ""  # the rest of what is counted: "content actioned"

    @property
    def text(self) -> str:
        """The parts as one question the engine reads."""
        place = f"in {self.place}" if self.place else ""
        return " ".join(p for p in (self.platform, self.policy, self.rest, place, self.period) if p)

    @property
    def read_as(self) -> str:
        """'Instagram, hate speech, content actioned, Q3 2023'"""
        return ", ".join(p for p in (self.platform, self.policy, self.rest, self.place, self.period) if p)


def split(text: str, reader: Reader) -> Parts:
    spans: list[tuple[int, int]] = []
    platforms = []
    for m in PLATFORM_RES.regex.finditer(text):
        platforms.append(m.group())
        spans.append(m.span())
    period = ""
    for m in find_periods(text):
        if m.period is not None and not period:
            period = text[m.start:m.end].strip()
            spans.append((m.start, m.end))
    if not period and (bare := BARE_RE.search(text)):
        period = bare.group(1).upper()
        spans.append(bare.span())
    place = reader.read(text).location or ""
    if place:
        names = [place] + [a for a, n in LOCATION_ALIASES.items() if n == place]
        for name in names:
            for m in re.finditer(r"(?<![\w.])" + re.escape(name) + r"(?![\w])", text, re.IGNORECASE if name == place else 0):
                spans.append(m.span())
    rest = blank(text, spans)
    policies = []
    for m in POLICY_RES.regex.finditer(rest):
        policies.append(m.group())
        rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    rest = " ".join(rest.split())
    if not content_words(FILLER_RE.sub(" ", rest)):
        rest = ""
    else:  # only leading and trailing link words go ("and hate speech in" -> "hate speech")
        words = rest.split()
        while words and FILLER_RE.fullmatch(words[0]):
            words.pop(0)
        while words and FILLER_RE.fullmatch(words[-1].rstrip("?!.,:;")):
            words.pop()
        rest = " ".join(words).rstrip("?!.,:;")
    return Parts(" ".join(platforms), period, place, " ".join(policies), rest)


def compose(new: Parts, base: Parts) -> Parts:
    """``new`` with what it does not say taken from ``base``."""
    period = new.period or base.period
    if new.period and BARE_RE.fullmatch(new.period):
        years = YEAR_RE.findall(base.period)
        period = f"{new.period} {years[-1]}" if years else new.period
    return Parts(new.platform or base.platform, period, new.place or base.place, new.policy or base.policy,
                 new.rest or base.rest)
