"""Understanding a question: what it asks about, in the vocabulary of the stored figures.

``Reader(vocabulary).read(text)`` turns "how many ISIS acounts did X shut down since mid-2015?"
into a ``Query``: platforms {Twitter}, policies {terrorism}, action suspended, object accounts,
the period since Jul 2015, and the words it did not understand. Typos are corrected against
the words the lexicon and the store know, with rapidfuzz on a precomputed choice list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from store.periods import PERIOD_WORDS, Period, find_periods
from store.vocabulary import Features, Vocabulary, country_in, describe

MAX_LENGTH = 1000

STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but about as into during between since
    until through over under than then this that these those there their they them it its it's is
    are was were be been being do does did done doing have has had having what which who whom
    whose when where why how much many number numbers figure figures stat stats statistic
    statistics data report reported reports say said says tell show give me us we you your our i
    my please pls plz can could would will should shall may might must hey hi hello bot modstats
    any some all total overall just only also again still ever get got gets getting know find
    look up let see latest recent recently most last first second half year years month months
    quarter quarters period periods h1 h2 q1 q2 q3 q4 mid middle early late start beginning end
    whole full entire roughly approximately approx around nearly almost exactly so far till
    til up yet now today per vs versus compared out off down back same were really actually
    according official officially publicly company platform platforms site service social media
    network networks app apps online internet their's were's cos cuz because due reason reasons
    rules rule policy policies violations violating violation breaking broke against related
    promoting promotion promote content-moderation moderation transparency""".split()
)
# Abbreviations name a place only as written in capitals: "us" is a pronoun, "US" a country.
LOCATION_ALIASES = {"US": "United States", "USA": "United States", "U.S.": "United States",
                    "U.S.A.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
                    "EU": "European Union"}
SLACK_MARKUP_RE = re.compile(r"<([@#!][^>|]*)(?:\|([^>]*))?>|<((?:https?|mailto):[^>|]*)(?:\|([^>]*))?>")
WORD_RE = re.compile(r"[a-z][a-z0-9'’.-]*[a-z0-9]|[a-z]", re.IGNORECASE)


@dataclass(frozen=True)
class Query:
    text: str  # the question as understood (markup removed, typos corrected)
    features: Features
    period: Period | None
    since: bool  # an open start: "since mid-2015"
    location: str | None
    unknown: tuple[str, ...] = field(default=())
    breakdown: str | None = None  # a stored breakdown the question names ("automation"); None: not broken down

    @property
    def names_metric(self) -> bool:
        f = self.features
        return bool(f.actions or f.objects or f.facets or f.kind)


def clean(text: str) -> str:
    """Slack markup out: user and channel mentions and @channel/@here go, links keep their label."""

    def sub(m: re.Match) -> str:
        if m.group(1) is not None:
            return " " if m.group(1).startswith(("@", "!")) else (m.group(2) or " ")
        return m.group(4) or " "

    return re.sub(r"\s+", " ", SLACK_MARKUP_RE.sub(sub, text)).strip()


class Reader:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.known = vocabulary.words() | STOPWORDS | PERIOD_WORDS
        self.choices = sorted(w for w in self.known if len(w) >= 4)
        self.locations = {loc.casefold(): loc for loc in vocabulary.locations}
        self.location_aliases = {a: n for a, n in LOCATION_ALIASES.items() if n.casefold() in self.locations}
        # a breakdown is named by its whole text or by its value ("Product: YouTube" -> "youtube")
        self.breakdowns: dict[str, str] = {}
        for b in getattr(vocabulary, "breakdowns", ()):
            for key in {b.casefold(), b.rpartition(": ")[2].casefold()}:
                if len(key) >= 4:
                    self.breakdowns.setdefault(key, b)

    @lru_cache(maxsize=4096)
    def correct(self, word: str) -> str:
        w = word.lower()
        if w in self.known or len(w) < 4 or not w.isalpha():
            return word
        best = process.extractOne(w, self.choices, scorer=fuzz.ratio, score_cutoff=80)
        return best[0] if best else word

    def read(self, question: str) -> Query:
        text = clean(question)
        text = WORD_RE.sub(lambda m: self.correct(m.group()), text)
        periods = [m for m in find_periods(text) if m.period is not None]
        period = periods[0].period if periods else None
        since = bool(periods) and periods[0].kind == "since"
        features = describe(text)
        masked = text
        for a, b in list(features.spans) + [(m.start, m.end) for m in periods]:
            masked = masked[:a] + " " * (b - a) + masked[b:]
        location = self._location(masked) or country_in(masked)
        breakdown = self._breakdown(masked)
        unknown = tuple(
            w for w in (x.lower().strip("'’.-") for x in WORD_RE.findall(masked))
            if w and w not in STOPWORDS and w not in self.known and not w.isdigit()
            and (location is None or w not in location.casefold().split())
        )
        return Query(text, features, period, since, location, unknown, breakdown)

    def _location(self, text: str) -> str | None:
        lowered = f" {text.casefold()} "
        for key, name in sorted(self.locations.items(), key=lambda kv: -len(kv[0])):
            if key and re.search(rf"(?<![\w]){re.escape(key)}(?![\w])", lowered):
                return name
        for alias, name in self.location_aliases.items():  # case-sensitive: "US", never "us"
            if re.search(rf"(?<![\w.]){re.escape(alias)}(?![\w])", text):
                return name
        return None

    def _breakdown(self, text: str) -> str | None:
        lowered = f" {text.casefold()} "
        for key, name in sorted(self.breakdowns.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"(?<![\w]){re.escape(key)}(?![\w])", lowered):
                return name
        return None
