"""Understanding a question: what it asks about, in the vocabulary of the stored figures.

``Reader(vocabulary).read(text)`` turns "how many ISIS acounts did X shut down since mid-2015?"
into a ``Query``: platforms {Twitter}, policies {terrorism}, action suspended, object accounts,
the period since Jul 2015, and the words it did not understand. Typos are corrected against
the words the lexicon and the store know, with rapidfuzz on a precomputed choice list.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

import snowballstemmer
from anyascii import anyascii
from rapidfuzz import process
from rapidfuzz.distance import OSA

from store import english
from store.limits import NAMES_SAMPLE, TEXT_CACHE
from store.numbers import find_quantities
from store.periods import MONTH_NAMES, MONTHS, PERIOD_WORDS, Mention, Period, adjacent, find_periods, span
from store.vocabulary import AVERAGE_RE, CHANGE_RE, COMPANIES, COUNT_RE, MULTIPLE_RE, NOT_KIND_RE, PERCENT_RE, PLATFORM_RES, POLICIES, Features, blank, Vocabulary, cased_platforms, countries_in, country_codes, country_of_people, country_spans, country_typed, describe, find_all, lexicon_words, platforms_in, policy_groups

MAX_LENGTH = 1000

STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but about as into during between since
    until through over under than then this that these those there their they them it its it's is
    are was were be been being do does did done doing have has had having what which who whom
    whose when where why how much many number numbers figure figures stat stats statistic
    statistics data report reported say said says tell show give me us we you your our i
    my please pls plz can could would will should shall may might must hey hi hello bot modstats
    any some all total overall just only also again still ever get got gets getting know find
    look up let see latest recent recently most last first second half year years month months
    quarter quarters period periods h1 h2 q1 q2 q3 q4 mid middle early late start beginning end
    whole full entire roughly approximately approx around nearly almost exactly so far till
    til up yet now today per vs versus compared out off down back same were really actually
    according official officially publicly company platform platforms site service social media
    network networks app apps online internet their's were's cos cuz because due reason reasons
    rules rule policy policies violations violating violation breaking broke against related
    promoting promotion promote content-moderation moderation transparency
    want wanted need needed like would've wonder wondering curious quick quickly question
    questions ask asking asked answer anyone anybody someone something anything thing things
    remind reminder again exact exactly approximate estimate estimated ballpark rough roughly
    kind sort type types which one ones did didn't does doesn't isn't wasn't weren't how's what's
    whats thats that's there's it's i'm i'd i've you're we're they're guys team folks pull pulled
    up quote source sources cite cited citation stated state states stating announce announced
    announcement post posted blog latest newest new old said mention mentioned claim claimed
    figure out overall around within inside across throughout during while whilst after before
    prior ago since back thanks thank thx ty cheers ok okay yes no not true false really right
    correct check formerly previously aka called named known came come comes
    coming went go goes going happened happen took take make made put keep kept lot lots q
    pls btw fyi imo tbh re regarding wrt number's send sent sending
    story stories article articles piece write-up writeup column segment coverage per via""".split()
)
# the name of a report, which says where a figure was published, not what it counts ("its third
# Community Standards Enforcement Report": no communities, no enforcement), nor, by how often it comes
# out, how a number is counted ("Meta's India monthly report": no average per month)
REPORT_NAME_RE = re.compile(r"\b(?:(?:community\s+(?:standards|guidelines)\s+)?(?:enforcement|transparency)\s+reports?"
                            r"|(?:daily|weekly|monthly|quarterly|annual|yearly|half-yearly|bi-?annual)\s+(?:(?:compliance|transparency|"
                            r"enforcement|grievance)\s+)?(?:reports?|updates?|briefings?|bulletins?))\b", re.IGNORECASE)
HAVE_RE = re.compile(r"\b(?:does|do|did)\b.*\bhave\b", re.IGNORECASE)
# the question asks for a quantity: a number it states besides is what it is of, not the answer
QUANTITY_ASKED_RE = re.compile(r"\b(?:how\s+(?:many|much)|what\s+(?:share|percent(?:age)?|proportion|fraction|part|number)|what\s+%"
                               r"|by\s+how\s+much)\b|(?:^|\s)%\s+of\b", re.IGNORECASE)
LATEST_RE = re.compile(r"\b(?:latest|most\s+recent|newest|current|recent|now|today)\b", re.IGNORECASE)
# in a question, a month and two digits is the month of that year ("snap india spam reports feb 22",
# "sep 21"): a day of no year would be no period a figure is of
MONTH_YY_RE = re.compile(rf"\b(?P<month>{MONTH_NAMES})\.?\s+['’]?(?P<yy>[0-9]{{2}})\b"
                         r"(?!\s*,?\s*['’]?[0-9]|[/:.-][0-9]|\s*(?:st|nd|rd|th)\b)", re.IGNORECASE)
# a month named alone, without its year: "in october", "whatsapp india bans aug 1-31", and a month's
# name no English word shares wherever it stands ("whatsapp india bans september"; not "may", "march")
# (not a bound: "through June", "since July", "as of mid-November")
NOT_A_BOUND = "".join(rf"(?<!\b{w}[\s-])" for w in ("through", "thru", "until", "till", "since", "from", "by", "to",
                                                      "mid", "end", "early", "late", "before", "after"))
BARE_MONTHS = "(?:" + "|".join(m for m in MONTHS if len(m) > 3 and m not in ("may", "march")) + ")"
LONE_MONTH_RE = re.compile(rf"\b(?:(?:in|during|for|over|of)\s+(?P<m1>{MONTH_NAMES})\b|(?P<m2>{MONTH_NAMES})\.?\s+1\s*[-–]\s*(?:28|29|30|31)\b"
                           rf"|{NOT_A_BOUND}(?P<m3>{BARE_MONTHS})\b)"
                           r"(?!\s*,?\s*['’]?[0-9])", re.IGNORECASE)
INNER_CAPITAL_RE = re.compile(r"(?<=[a-z])[A-Z]")  # "eBay", "TripAdvisor": a name's capital after a small letter
# the word after a publisher's name that may be its place ("Sputnik Japan", "sputnik jp", "CNN-Chile")
SOURCE_PLACE_RE = re.compile(r"[\s.()-]{1,3}(?P<place>[^\W\d_]+)")
SOURCE_WORDS = frozenset({"com", "net", "org", "www", "news", "the", "and"})  # no publisher by themselves
RELATIVE_RE = re.compile(r"\b(?P<which>last|this|past|current)\s+(?P<unit>year|quarter|half|month)\b", re.IGNORECASE)


def relative_period(m: re.Match, today: dt.date) -> Period:
    """'last year', 'this quarter', 'last half', 'last month' counted from ``today``."""
    which, unit = m.group("which").lower(), m.group("unit").lower()
    months = {"year": 12, "half": 6, "quarter": 3, "month": 1}[unit]
    first = (today.month - 1) // months * months + 1  # first month of the current year/half/quarter
    start = today.year * 12 + first - 1
    if which in ("last", "past"):
        start -= months
    y1, m1 = divmod(start, 12)
    y2, m2 = divmod(start + months - 1, 12)
    return span(y1, m1 + 1, y2, m2 + 1)


# Questions that ask for something no single stored figure is: the complement ("were *not*
# suspended", "*excluding* terrorism", "*other than* ISIS"), what came before or after a period
# ("*before* H2 2017"), or a total over several platforms ("Twitter *and* Facebook combined").
# "(posts, not user reports)", "- the number, not the %": a clarification that sets something
# aside, after a comma, bracket or dash, up to the next one or the end
SET_ASIDE_RE = re.compile(r"(?:(?:[,(]|\s[-–—])\s*not|\s(?:rather\s+than|instead\s+of|as\s+opposed\s+to))\s+(?!only\b|just\b|even\b)[^,()?;:]{1,60}?(?=\s*(?:[),?;:]|$))", re.IGNORECASE)
# "excluding the Instagram number", "not Facebook", "except Turkey": another platform or place than
# the one asked about, set aside (the question names one outside it), is no complement of a figure;
# "(global - not just Turkey)" asks for more than that place or platform
EXCLUDED_RE = re.compile(r"\b(?:(?P<more>not\s+(?:just|only|merely))|not|excluding|except(?:\s+for)?|other\s+than|besides|apart\s+from|aside\s+from|without)\s+"
                         r"(?:the\s+|its\s+)?(?P<name>(?:[^\W\d_][\w.+&-]*\s*){1,3}?)(?:['’]s)?"
                         r"(?:\s+(?:number|numbers|figure|figures|count|one|ones|total|data|side))?(?=\s*(?:[),?;:.]|$|\s+(?:and|or|but)\b))",
                         re.IGNORECASE)
NEGATION_RE = re.compile(
    # "were *not* suspended", "*didn't* Twitter suspend": a negated verb (not "the count, not the %")
    r"\b(?:not|(?:did|was|were|is|are|has|have|had)n[’']t)\s+(?:\w+\s+)?(?:\w+ed|\w+en|suspend|remove|ban|delete|"
    r"take|act|block|disable|terminate|flag|detect|report|restore|appeal)\b"
    # "did Reddit *not* comply": an auxiliary, its subject, then "not" and a verb
    r"|\b(?:did|does|do|was|were|is|are|has|have|had)\s+(?:\w+\s+){0,3}not\s+(?!the\b|a\b|an\b|only\b|just\b)[a-z]+"
    r"|\b(?:fail(?:s|ed)?\s+to|excluding|exclude[sd]?|except(?:\s+for)?|other\s+than|besides|apart\s+from|"
    r"aside\s+from|minus|outside\s+of)\b"
    # "non-US governments", "non-EU users": everywhere but a place (not "non-spam", a kind of its own)
    r"|\bnon-(?-i:(?=[A-Z]{2,3}\b|[A-Z][a-z]))",
    re.IGNORECASE,
)
# "before H2 2017" asks about other periods; "a four-month period before Feb 2016" does not
OUTSIDE_PERIOD_RE = re.compile(r"(?<!period\s)(?<!months\s)(?<!weeks\s)(?<!days\s)(?<!years\s)\b(?:before|prior\s+to|after|ahead\s+of|preceding|following)\s*$", re.IGNORECASE)
# a period a change is compared with, named last before it: "vs the first half of 2020", "from Q1 2021"
COMPARED_BEFORE_RE = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:to|with)|relative\s+to|from|than(?:\s+in)?|against)\s+(?:the\s+|in\s+the\s+)?\Z",
                                re.IGNORECASE)
# "the quarter before Q1 2019" (Q4 2018), "the half after H1 2020": a period of its own, next to the one named
ADJACENT_RE = re.compile(r"\b(?:the\s+)?(?P<unit>month|quarter|half|semester|year|(?P<n>three|six|twelve|3|6|12)\s+months)\s+"
                         r"(?:(?P<before>before|prior\s+to|preceding)|after|following)\s*$", re.IGNORECASE)
_UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "semester": 6, "year": 12, "three": 3, "six": 6, "twelve": 12}
# a country's people, as what is counted is of them: "Indian accounts", "those Indian WhatsApp bans"
PEOPLE_RE = re.compile(r"\b(?=([^\W\d_]{5,})(?:-[^\W\d_]+\s+|\s+(?:[^\W\d_]+\s+)?)(?:accounts?|accts?|users?|bans?|videos?|vids|posts?|content"
                       r"|governments?|gov|govt|authorities|police|courts?|officials|law\s+enforcement|requests?|reqs?|demands?"
                       r"|material|cases)\b)", re.IGNORECASE)
# ("the Chinese government", "following Turkish requests": a request a country's people made is its government's)
# (a lookahead: every word may be the adjective, "those Vietnamese videos" as well as "those ... videos")
JOINED_RE = re.compile(r"^\s*(?:and|plus|&|\+|together\s+with|as\s+well\s+as)\s*$", re.IGNORECASE)

# where the metric is asked: "how many ...", "what share of ...", "number of ..."
ASK_RE = re.compile(r"\b(?:how\s+many|how\s+much|number\s+of|what\s+(?:share|percent(?:age)?|proportion|fraction|portion|part)|count\s+of)\b(?:\s+[\w'’-]+){0,2}", re.IGNORECASE)
# "Of the accounts Twitter actioned in H1 2021, how many …", "And of those reports, what %": the whole
# a share or a part is of, said before what is asked
BASE_RE = re.compile(r"\s*(?:and\s+|so\s+)?(?:of|out\s+of|among)\s+(?:the|those|these|all|its|their|that)\b[^?]{3,160}?,\s*"
                     r"(?=how\s+many|how\s+much|what|which)", re.IGNORECASE)
# "... suspended for being too funny": after the action, "for" introduces the reason
REASON_RE = re.compile(r"\s+for\s+(?P<rest>[^,.;?!]*)", re.IGNORECASE)
# "how many appeals were rejected": what was done to what is counted is part of what is asked
PREDICATE_RE = re.compile(r"\s+(?:were|was|got|are|is|(?:have|has|had)\s+been)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b", re.IGNORECASE)
# Abbreviations name a place only as written in capitals: "us" is a pronoun, "US" a country.
LOCATION_ALIASES = {"US": "United States", "USA": "United States", "U.S.": "United States",
                    "U.S.A.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
                    "EU": "European Union"}
SLACK_MARKUP_RE = re.compile(r"<([@#!][^>|]*)(?:\|([^>]*))?>|<((?:https?|mailto):[^>|]*)(?:\|([^>]*))?>")
PLATFORM_NAMES_RE = PLATFORM_RES.regex
ADVERB_RE = re.compile(r"[a-z]+(?:ically|ially|ively|ually|ently|antly|ously|ately|edly|fully)")
WORD_RE = re.compile(r"[a-z][a-z0-9'’.-]*[a-z0-9]|[a-z]", re.IGNORECASE)


@dataclass(frozen=True)
class Query:
    text: str  # the question as understood (markup removed, typos corrected)
    features: Features
    period: Period | None
    since: bool  # an open start: "since mid-2015"
    location: str | None
    unknown: tuple[str, ...] = field(default=())
    # unknown words inside what is asked ("how many pizzas", "suspension appeals", "for being
    # too funny"): a figure no source of which uses them pays for them
    blocking: tuple[str, ...] = field(default=())
    # of those, the ones that say what was done to what is counted ("were *rejected*"), why ("for
    # *knitting*") or what it is ("how many *pizzas*"): a figure no source of which uses them is no answer
    decisive: tuple[str, ...] = field(default=())
    breakdown: str | None = None  # a stored breakdown the question names ("automation"); None: not broken down
    values: tuple[float, ...] = ()  # numbers the question states ("did Twitter suspend 1.2 million accounts?")
    # numbers it states while asking for another ("of xbox's 4.78M enforcements, how many ...",
    # "what share of the 224.44M removed comments ..."): none of them is the answer
    given: tuple[float, ...] = ()
    # what "how many" counts, as the question names it ("how many countries/markets", "how many
    # user information requests"): its terms
    counted: frozenset[str] = frozenset()
    latest: bool = False  # "the latest ...", "most recent ...": of several periods, the newest
    # the months of a part of a year named without its year ("in october", "yt removals q4",
    # "oct-mar"), first and last: of whichever year, the answer is of those months
    months: tuple[int, int] | None = None
    # why no single stored figure can be the answer ("not", "excluding", "before H2 2017",
    # "Twitter and Facebook"), or None
    scope: str | None = None
    # stored metric and policy names the question states, and how much of each (1.0: word for
    # word, "Content Restored without appeal", "Hate & Spam"; 0.67: "restored ... appealed"
    # for "Content Restored with appeal"): the figures bearing the best-stated names fit best
    metric_fit: dict[str, float] = field(default_factory=dict, compare=False)
    policy_fit: dict[str, float] = field(default_factory=dict, compare=False)

    # what the question asks about beyond platform, period and place: its content words,
    # stemmed, and the lexicon's families they name ("taken down" = removed)
    asked: frozenset[str] = frozenset()
    core: frozenset[str] = frozenset()  # of those, the terms inside what is asked ("how many ...")
    # kinds of number the question sets aside: "(count, not %)" refuses "percent"
    refused: frozenset[str] = frozenset()

    @property
    def named_policies(self) -> frozenset[str]:
        """The stored policy names the question states word for word."""
        return frozenset(n for n, fit in self.policy_fit.items() if fit == 1.0)

    @property
    def names_metric(self) -> bool:
        f = self.features
        return bool(f.actions or f.objects or f.facets or f.kind)


HTML_RE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|</?[a-z][a-z0-9]*\b[^<>]*>", re.IGNORECASE | re.DOTALL)
# Slack's *bold*, _italic_, ~strike~ and `code` marks around words
FORMAT_RE = re.compile(r"(?<![\w*_~`])[*_~`]+|[*_~`]+(?![\w*_~`])")


def clean(text: str) -> str:
    """Markup out: Slack mentions, @channel/@here and HTML-like tags go, links keep their label,
    formatting marks are dropped, and Slack's &amp; &lt; &gt; escapes are read as characters."""

    def sub(m: re.Match) -> str:
        if m.group(1) is not None:
            return " " if m.group(1).startswith(("@", "!")) else (m.group(2) or " ")
        return m.group(4) or " "

    text = SLACK_MARKUP_RE.sub(sub, text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = HTML_RE.sub(" ", text)
    text = FORMAT_RE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _part_of_year(text: str, found: list, year: Period) -> Period | None:
    """The one part of a year a question names without its year ("the fourth quarter",
    "oct-dec", "second half"), in the whole year it names elsewhere (or the year it asks "as of
    the end of"); or the one month it asks about inside a part of a year it names ("321 bans in
    early 2021 ... How many of them were in February?": February 2021); None otherwise."""
    parts = [m for m in found if m.kind == "yearless"]
    y = year.end.year if year.end else None
    # the year, or "as of the end of 2019" ("as of end of 2019 (oct-dec)": Q4 2019)
    whole = y is not None and year.end == dt.date(y, 12, 31) and year.start in (None, dt.date(y, 1, 1))
    if whole and len(parts) == 1:
        after = dt.date(y + 1, 1, 1)  # the part that had ended by the year's end is the year's
        within = [m.period for m in find_periods(text[parts[0].start : parts[0].end], after) if m.period is not None]
        return within[0] if len(within) == 1 and within[0].start and within[0].start.year == y else None
    lone = [m for m in LONE_MONTH_RE.finditer(text) if not any(f.start < m.end() and m.start() < f.end for f in found)]
    if parts or len(lone) != 1 or y is None or year.start is None or year.start.year != y:
        return None
    month = _month_of(lone[0])
    inside = span(y, month, y, month)
    return inside if year.start <= inside.start and inside.end <= year.end and inside != year else None


def _months(text: str, found: list) -> tuple[int, int] | None:
    """The months of the one part of a year a question names without any year ("q4", "the
    second half", "oct-mar", "in october"); None otherwise."""
    parts = [m.months for m in found if m.kind == "yearless" and m.months]
    if len(parts) == 1:
        return parts[0]
    lone = list(LONE_MONTH_RE.finditer(text))
    if parts or len(lone) != 1:
        return None
    month = _month_of(lone[0])
    return (month, month)


def _month_of(lone: re.Match) -> int:
    """The month a LONE_MONTH_RE match names."""
    return MONTHS[(lone.group("m1") or lone.group("m2") or lone.group("m3")).lower()[:3]]


class Reader:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self._read_cache: dict[tuple, Query] = {}
        self.vocabulary = vocabulary
        self.frequency = vocabulary.frequency()
        # (and the words of who published the stored documents: "per Newser" is no "NewsMeter")
        self.known = set(self.frequency) | STOPWORDS | PERIOD_WORDS | {
            w for name in getattr(vocabulary, "publishers", ()) for w in re.findall(r"[^\W\d_]{3,}", name.casefold())}
        self.choices = sorted(w for w in self.known if len(w) >= 4)
        # what a typo is corrected into: a word the reader understands (its lexicon's, its period and
        # function words, a stored platform's or place's name), not any word a stored story uses
        understood = lexicon_words() | STOPWORDS | PERIOD_WORDS | {
            w for name in (*vocabulary.platforms, *vocabulary.locations) for w in name.casefold().split()}
        self.typo_choices = [w for w in self.choices if w in understood]
        # how telling each term is, over a sample of the quoted sentences and of the stored names
        # (a prose-heavy store names 50,000 metrics in its documents' words)
        names = [*vocabulary.metrics, *vocabulary.policies]
        self.idf = _idf([*vocabulary.quoted_sample, *sample(names, NAMES_SAMPLE)])
        self.metric_names = _Names(vocabulary.metrics)
        # a policy is named by its own words, not by those it shares with what is counted
        # ("Other accounts removed" is not named by "how many accounts were removed")
        self.policy_names = _Names(vocabulary.policies, ignore=self.metric_names.words)
        self._joined = _joined_abbreviations(vocabulary.platforms, self.known)
        # the platforms the store learned from its documents, which the lexicon does not list (a
        # story's subject: "Trustpilot", "Роскомнадзор"): named by their spelling or its Latin
        # letters ("roskomnadzor"), in any case; one that is a common word only as written ("Riot")
        learned: dict[str, set[str]] = {}
        cased: dict[str, set[str]] = {}
        for name in vocabulary.platforms:
            if platforms_in(name) or cased_platforms(name):
                continue
            for spelling in {name, anyascii(name)}:
                # (a name written with a capital inside it, "eBay", is no word, however common in subtitles)
                common = (spelling.casefold() in english.words() or spelling.casefold() in STOPWORDS) \
                    and not INNER_CAPITAL_RE.search(spelling)
                (cased if common else learned).setdefault(spelling if common else spelling.casefold(), set()).add(name)
        self.learned_platforms = frozenset().union(*learned.values(), *cased.values())
        # (each pattern with the names its matches stand for, and how a match is looked up there)
        self._learned = tuple((pattern, names, fold) for pattern, names, fold in (
            (_names_re(learned, re.IGNORECASE), learned, True), (_names_re(cased, 0), cased, False)) if pattern)
        self._by_initial: dict[str, list[str]] = {}
        for w in self.choices:
            if w.isalpha():
                self._by_initial.setdefault(w[0], []).append(w)
        self.locations = {loc.casefold(): loc for loc in vocabulary.locations}
        self.location_aliases = {a: n for a, n in LOCATION_ALIASES.items() if n.casefold() in self.locations}
        # a breakdown is named by its whole text or by its value ("Product: YouTube" -> "youtube")
        self.breakdowns: dict[str, str] = {}
        for b in getattr(vocabulary, "breakdowns", ()):
            for key in {b.casefold(), b.rpartition(": ")[2].casefold()}:
                if len(key) >= 4:
                    self.breakdowns.setdefault(key, b)
        # one regex per kind of name, built once per vocabulary (a store may know hundreds)
        self._location_re = _names_re(self.locations, re.IGNORECASE)
        self._alias_re = _names_re(self.location_aliases, 0, before=r"(?<![\w.])")  # "US", never "us"
        # a place's two-letter code, as terse questions type it ("tiktok vn vids"): only of a place
        # figures are stored for, and only a code that is no word the reader knows ("in", "no")
        self.codes = {code: self.locations[name.casefold()] for code, name in country_codes().items()
                      if name.casefold() in self.locations and code not in self.known}
        # (not a unit after a number: "within 24 hr" is no Croatia, "ca. 5 million" no Canada)
        self._code_re = _names_re(self.codes, re.IGNORECASE, before=r"(?<![\w.])(?<![0-9]\s)")
        self._breakdown_re = _names_re(self.breakdowns, re.IGNORECASE)
        # a place in a publisher's name is no place asked about ("per Sputnik Japan", "(sputnik jp)"):
        # the word of the name right before a place, to the places it goes before
        self._source_places: dict[str, set[str]] = {}
        for publisher in getattr(vocabulary, "publishers", ()):
            words = re.findall(r"[^\W\d_]+", publisher.casefold())
            for w, after in zip(words, words[1:]):
                if len(w) >= 3 and w not in SOURCE_WORDS and self._place(w) is None and (place := self._place(after)):
                    self._source_places.setdefault(w, set()).add(place)
        self._source_re = _names_re({w: w for w in self._source_places}, re.IGNORECASE)

    @lru_cache(maxsize=256)
    def policies_for(self, groups: frozenset[str]) -> tuple[str, ...]:
        """The stored policy names in these policy groups ("terrorism" -> "Dangerous Orgs:
        Terrorism", "Violent extremism", ...)."""
        return tuple(p for p in self.vocabulary.policies if policy_groups(p) & groups or p.casefold() in groups)

    @lru_cache(maxsize=4096)
    def correct(self, word: str) -> str:
        w = word.lower()
        if w in self.known or len(w) < 3 or not w.isalpha():
            return word
        if w in self._joined:  # "gplay": Google Play
            return self._joined[w]
        if w in english.words():  # "table", "drew", "sale": a word of its own, no typo of "tabli",
            return word  # "drei" or "same", nor an abbreviation of "copyright" ("copy")
        expanded = self._expand(w)
        if expanded:
            return expanded
        if len(w) < 4:  # three letters: the start of a word ("gov"), never a typo of one
            return word
        if self._inflects(w):
            return word  # the singular or plural of a known word is no typo ("comment": not "coment")
        # edits allowed grow with length; a swap of two letters ("dwon") is one edit. A typo
        # keeps the first letter, and adds no letter but a doubled one: "boats" is a word of
        # its own, not "bots", and "excluding" is not "including". It is a typo of a word the
        # reader understands: "spanned" is no "spannend", a word a German story uses
        for choice, _, _ in process.extract(w, self.typo_choices, scorer=OSA.distance, score_cutoff=1 if len(w) < 8 else 2, limit=5):
            if choice[0] == w[0] and (len(w) <= len(choice) or _undouble(w) == _undouble(choice)):
                return choice
        return word

    def _inflects(self, w: str) -> bool:
        """Is ``w`` the singular or the plural of a known word ("comment", "guideline")?"""
        return w + "s" in self.known or (w.endswith("s") and w[:-1] in self.known)

    def _expand(self, w: str) -> str | None:
        """An abbreviation of a known word: "susp" = suspended, "accts" = accounts, "vids" =
        videos, "twtr" = twitter. Its letters are the word's, in order, starting with its
        first; of several words, the most frequent in what the store knows wins."""
        if not (2 <= len(w) <= 6):
            return None
        found = [c for c in self._by_initial.get(w[0], ()) if len(c) > len(w) and _subsequence(w, c)]
        if not found:
            return None
        prefixed = [c for c in found if c.startswith(w)]
        if len(w) == 3:  # "gov": the start of a word of the lexicon, not of any name a story quotes ("The Sun")
            prefixed = [c for c in prefixed if c in lexicon_words()]
        pool = prefixed or found
        if not prefixed and len(w) < 4:
            return None  # "vs" is not "videos": two or three letters abbreviate only a word's start
        if not prefixed and sum(ch in "aeiou" for ch in w) > len(w) // 3:
            return None  # an abbreviation drops vowels ("accts", "twtr", "vids"); "gives" is a word, not "grievances"
        return min(pool, key=lambda c: (-self.frequency.get(c, 0), len(c), c))

    def read(self, question: str, learned: bool = True) -> Query:
        """The question as a Query (kept for the last few questions asked: the trend reader
        and the single-figure reader both read each question). ``learned``: a platform the store
        learned from its documents is read as one (else as a word to look for)."""
        key = (question, dt.date.today(), learned)  # "last quarter" is read against today
        found = self._read_cache.get(key)
        if found is None:
            if len(self._read_cache) >= 64:
                self._read_cache.clear()
            found = self._read_cache[key] = self._read(question, learned)
        return found

    def named_learned(self, query: Query) -> bool:
        """Are the platforms a question names all ones the store learned from its documents?"""
        return bool(query.features.platforms) and query.features.platforms <= self.learned_platforms

    def _read(self, question: str, learned: bool = True) -> Query:
        raw = text = clean(question)
        text = WORD_RE.sub(lambda m: self.correct(m.group()), text)
        if MONTH_YY_RE.search(text):  # (not a day of a date read as typed: "may 15 - jun 15 2021")
            dated = [(m.start, m.end) for m in find_periods(text) if m.period is not None]
            text = MONTH_YY_RE.sub(lambda m: m.group() if any(a <= m.start() < b for a, b in dated)
                                   else f"{m.group('month')} 20{m.group('yy')}", text)
        found = find_periods(text)
        periods = [m for m in found if m.period is not None]
        period = periods[0].period if periods else None
        if periods and (next_to := _adjacent(text, periods[0])):  # "the quarter before Q1 2019"
            found = [next_to] + [m for m in found if m.end <= next_to.start or m.start >= next_to.end]
            periods = [next_to] + periods[1:]
            period = next_to.period
        if len(periods) == 1 and period is not None and (part := _part_of_year(text, found, period)):
            period = part  # "in 2019, during the fourth quarter", "2019 (oct-dec)": Q4 2019
        relative = RELATIVE_RE.search(text)
        if period is None and relative:  # "last year", "this quarter": against today's date
            period = relative_period(relative, dt.date.today())
        since = bool(periods) and periods[0].kind == "since"
        months = _months(text, found) if period is None else None
        # "(the count, not the proactive %)": what is set aside says nothing of what is asked
        # what it sets aside, "(the count, not the %)", "(posts, not user reports)", says nothing
        # of what is asked
        aside = [m.span() for m in NOT_KIND_RE.finditer(text)] + set_aside(text) \
            + [m.span() for m in REPORT_NAME_RE.finditer(text)]
        features = describe(blank(text, aside))
        cased = cased_platforms(blank(text, aside))  # "did LINE respond", "koo posts"
        if not features.platforms and cased:
            features = replace(features, platforms=frozenset(n for n, _, _ in cased),
                               spans=features.spans + tuple((a, b) for _, a, b in cased))
        stored_names = self._learned_in(blank(text, aside)) if learned and not features.platforms else []
        if stored_names:  # "tripadvisor fake revs"
            features = replace(features, platforms=frozenset(n for n, _, _ in stored_names),
                               spans=features.spans + tuple((a, b) for _, a, b in stored_names))
        if joined := _services_joined(text):  # "Meta (fb+ig)": the company's number, not each service's
            features = replace(features, platforms=frozenset({joined}))
        if cut := _cut_policies(blank(text, list(features.spans) + aside)):  # "covid misinfo"
            features = replace(features, policies=features.policies | {c for c, _, _ in cut},
                               spans=features.spans + tuple((a, b) for _, a, b in cut))
        counted = _counted(text)
        if len(features.objects) > 1 and (said := {o for o in features.objects if f"={o}" in counted}):
            # "how many accounts did Reddit remove for content manipulation": accounts, the content
            # only qualifies why
            features = replace(features, objects=frozenset(said))
        if not features.actions and HAVE_RE.search(text):  # "how many users does Twitter have": active ones
            features = replace(features, actions=frozenset({"active"}))
        if features.kind in ("change", "multiple") and len({m.period for m in periods}) > 1:
            # "how much did X grow from H1 2020 to H2 2020": a change is stated for the later period
            period = max((m.period for m in periods), key=lambda p: (p.end or dt.date.min, p.start or dt.date.min))
        elif features.kind == "change" and len(periods) == 1 and period is not None and not since \
                and COMPARED_BEFORE_RE.search(text, 0, periods[0].start) and (months_of := period.months()):
            # "by what percent did bans go up vs the first half of 2020": a change of the period after
            # the one it is compared with ("... from the first half of 2020 to the second half")
            period = adjacent(period, months_of, before=False) or period
        if any(m.kind == "previous" for m in found):
            if period is not None and features.kind != "multiple":  # "in 2H17 than in the period before": a change is asked
                features = replace(features, kind="change")
            else:  # "the preceding period", of nothing named: no period can be meant
                period = Period(None, None, "the preceding period")
        # what kind of number is asked ("how many-fold") is no word of what is counted
        multiple = [m.span() for m in MULTIPLE_RE.finditer(text)] if features.kind == "multiple" else []
        masked = blank(text, list(features.spans) + [(m.start, m.end) for m in periods] + aside + multiple)
        masked = self._without_sources(masked)
        # a country code only where the question as typed has one: "HT Tech says" (a publisher),
        # corrected to "HT technology says", must not leave Haiti
        location = self._location(masked)
        if location is None and (country := country_typed(masked)) == country_typed(raw):
            location = country
        if location is None:  # "those Indian WhatsApp bans", "indian accounts": its people's country
            location = next((c for m in PEOPLE_RE.finditer(text) if (c := country_of_people(m.group(1).capitalize()))), None)
        # the words naming the place by its people ("Vietnamese"): the place, not words to look for
        people = [m.span() for m in WORD_RE.finditer(text) if location and country_of_people(m.group().capitalize()) == location]
        breakdown = self._breakdown(masked) or self._service_breakdown(features.platforms)
        unknown, blocking, decisive = [], [], []
        zone = self._zone(text, features)
        numbers = [(q.start, q.end) for q in find_quantities(masked)]
        for m in WORD_RE.finditer(masked):
            w = re.sub(r"['’]s$", "", m.group().lower()).strip("'’.-")
            if len(w) < 2 or w in STOPWORDS or w in self.known or w.isdigit() or self._inflects(w):
                continue
            if any(a <= m.start() < b for a, b in numbers):
                continue  # a number's scale: "2.45bn"
            if location is not None and (w in location.casefold().split() or self.codes.get(w) == location
                                         or m.span() in people):
                continue
            if "-" in w and all(self._read_word(p, location) for p in w.split("-") if p):
                continue  # a word joined of words read ("Turkey-reported", "year-over-year")
            unknown.append(w)
            if zone[0] <= m.start() < zone[1] and not ADVERB_RE.fullmatch(w):
                blocking.append(w)  # (an adverb, "specifically", "potentially", says how, not what is counted)
                if m.start() >= zone[2] or terms(w) & counted:
                    decisive.append(w)  # what was done to it ("were rejected"), why ("for knitting"), what ("pizzas")
        values = tuple(q.value for q in find_quantities(masked) if q.kind not in ("change", "multiple"))
        given: tuple[float, ...] = ()
        if values and QUANTITY_ASKED_RE.search(text):
            values, given = (), values
        metric_fit = self.metric_names.stated(text)
        policy_fit = self.policy_names.stated(text)
        named = {w for p, fit in {**metric_fit, **policy_fit}.items() if fit == 1.0 for w in re.findall(r"[a-z]+", p.lower())}
        if breakdown and (said := self._breakdown_said(masked)) and set(re.findall(r"[a-z]+", said.lower())) <= named:
            breakdown = None  # "Child Endangerment: Sexual Exploitation" names a policy, not TikTok's sub-policy
        blocking = [w for w in blocking if w not in named]  # "Hate & Spam" names a policy: nothing unknown
        decisive = [w for w in decisive if w not in named]
        about = blank(text, aside)
        for a, b in [m.span() for m in PLATFORM_RES.regex.finditer(text)] + [(a, b) for _, a, b in cased + stored_names] \
                + [(m.start, m.end) for m in found] \
                + [m.span() for m in LONE_MONTH_RE.finditer(text)]:
            about = about[:a] + " " * (b - a) + about[b:]
        if location:  # the place as stored ("Türkiye"), as the question names it ("Turkey's"), or its people ("Vietnamese")
            about = blank(about, people)
            about = re.sub(re.escape(location), lambda m: " " * len(m.group()), about, flags=re.IGNORECASE)
            about = blank(about, [(a, b) for a, b, name in country_spans(about) if name == location])
        for quantity in find_quantities(about):  # "is the 125k figure right?": a value, not a term
            about = about[: quantity.start] + " " * (quantity.end - quantity.start) + about[quantity.end :]
        about = re.sub(r"\b\d+\b", " ", about)
        # what is asked ("how many ... suspended") counts fully; the rest ("for the board deck") less
        # (an adverb there the lexicon does not know, "specifically", says how, and counts as the rest does)
        adverbs = [m.span() for m in WORD_RE.finditer(about) if ADVERB_RE.fullmatch(w := m.group().lower()) and w in unknown]
        core = _asked(blank(about, adverbs)[zone[0] : zone[1]]) if zone[1] > zone[0] else frozenset()
        return Query(text, features, period, since, location, unknown=tuple(unknown),
                     blocking=tuple(blocking), decisive=tuple(decisive), breakdown=breakdown, values=values, given=given,
                     counted=counted,
                     latest=period is None and bool(LATEST_RE.search(text)), months=months,
                     scope=_scope(raw, text, periods, features, found, joined),
                     metric_fit=metric_fit, policy_fit=policy_fit, asked=_asked(about) | {f"={a}" for a in features.actions},
                     core=core,
                     refused=_refused(text))

    @staticmethod
    def _zone(text: str, features: Features) -> tuple[int, int, int]:
        """Where the question says what it counts: from "how many" (or the first action, object
        or facet) to the last of them, on through what was done to it ("were rejected") and a
        "for ..." reason after an action; and where those two begin (start, end, said)."""
        marks = list(features.metric_spans) + [m.span() for m in ASK_RE.finditer(text)]
        if not marks:
            return (0, 0, 0)
        start, end = min(a for a, _ in marks), max(b for _, b in marks)
        said = end
        if (base := BASE_RE.match(text)) and (asks := [a for a, _ in marks if a >= base.end()]):
            start = min(asks)  # "of the accounts Twitter actioned, how many were suspended": the base is no part of what is asked
        if predicate := PREDICATE_RE.match(text, end):
            end = predicate.end()
        reason = REASON_RE.match(text, end)
        if reason and features.actions:
            end = reason.end()
        return (start, end, said)

    def _read_word(self, w: str, location: str | None) -> bool:
        """Is a word (one part of a hyphenated one) read: a stop word, a word of the lexicon or an
        inflection of one, a number, or the place asked, by its name or its people's?"""
        return w in STOPWORDS or w in self.known or w.isdigit() or self._inflects(w) or location is not None and (
            w in location.casefold().split() or country_typed(w) == location or country_of_people(w.capitalize()) == location)

    def _location(self, text: str) -> str | None:
        m = self._location_re and self._location_re.search(text)
        if m:
            return self.locations[m.group().casefold()]
        m = self._alias_re and self._alias_re.search(text)
        if m:
            return self.location_aliases[m.group()]
        m = self._code_re and next((m for m in self._code_re.finditer(text) if not re.match(r"\.?\s*[0-9]", text[m.end():])), None)
        return self.codes[m.group().lower()] if m else None

    def _place(self, text: str) -> str | None:
        """A place a text names: one figures are stored for, or any country ("CNN Chile")."""
        return self._location(text) or country_typed(text)

    def _without_sources(self, text: str) -> str:
        """The text with the place of a publisher it names blanked out ("per Sputnik Japan")."""
        if self._source_re is None:
            return text
        for m in self._source_re.finditer(text):
            after = SOURCE_PLACE_RE.match(text, m.end())
            if after and self._place(after.group("place")) in self._source_places[m.group().casefold()]:
                text = text[: after.start("place")] + " " * len(after.group("place")) + text[after.end("place") :]
        return text

    def _learned_in(self, text: str) -> list[tuple[str, int, int]]:
        """The learned platforms a question names, with where."""
        found = [(name, m.start(), m.end()) for pattern, names, fold in self._learned
                 for m in pattern.finditer(text) for name in names[m.group().casefold() if fold else m.group()]]
        return sorted(found, key=lambda f: f[1])

    def _breakdown(self, text: str) -> str | None:
        said = self._breakdown_said(text)
        return self.breakdowns[said.casefold()] if said else None

    def _breakdown_said(self, text: str) -> str | None:
        m = self._breakdown_re and self._breakdown_re.search(text)
        return m.group() if m else None

    def _service_breakdown(self, platforms: frozenset[str]) -> str | None:
        """A service a company reports as a breakdown of its own figures ("Bing Search Engine"
        in Microsoft's reports), for a question naming that service; None if none or several."""
        if len(platforms) != 1 or next(iter(platforms)) in self.vocabulary.platforms:
            return None
        name = next(iter(platforms)).casefold()
        found = {b for b in getattr(self.vocabulary, "breakdowns", ()) if re.search(rf"\b{re.escape(name)}\b", b.casefold())}
        return found.pop() if len(found) == 1 else None


_STEM = snowballstemmer.stemmer("english")
# the languages of the lexicon's other names (store.vocabulary): an inflection of one of them
# ("gelöschten" of "gelöscht") is read by its own language's stemmer
_FOREIGN_STEMS = tuple(snowballstemmer.stemmer(lang) for lang in ("german", "french", "spanish", "portuguese"))
# letters and digits of any script, with their combining marks: "gelöschten", "मजकूर" are one word each
# "non-spam" is one word: what it says is not spam
_WORD_RE = re.compile(r"non-[^\W\d_]+|[^\W_](?:[^\W_]|[\u0300-\u036f\u0900-\u0dff\u0e00-\u0e7f])*", re.IGNORECASE)
_HOURS_RE = re.compile(r"\b(\d+)\s*(?:h|hr|hrs)\b", re.IGNORECASE)


@lru_cache(maxsize=TEXT_CACHE)
def content_words(text: str) -> frozenset[str]:
    """The words that carry meaning, stemmed (Snowball): "removals" = "removed", "proactively"
    = "proactive", "governments" = "government", "24h" = "24 hours"."""
    return frozenset(_STEM.stemWords(_words(text)))


def _words(text: str) -> list[str]:
    return [w for w in _WORD_RE.findall(_HOURS_RE.sub(r"\1 hours", text.lower())) if w not in STOPWORDS]


@lru_cache(maxsize=TEXT_CACHE)
def terms(text: str) -> frozenset[str]:
    """What a text is about, to compare questions with what figures are quoted from: its
    content words and the lexicon's families it names ("taken down" and "removed" share
    the family "=suspended"; "copyrighted" is of the family "copyright")."""
    return _terms(text, kinds=False)


@lru_cache(maxsize=TEXT_CACHE)
def named(text: str) -> frozenset[str]:
    """What a few words name, as terms and as words: "fake accounts" is "=spam" and "account",
    "accounts" is "=accounts" and "account" (a lexicon phrase's own words are not among its terms)."""
    return terms(text) | content_words(text)


def _asked(text: str) -> frozenset[str]:
    """The terms of a question, less the words that say what kind of number it asks for
    ("decline", "what fraction", "cumulative"): the kind is read separately."""
    return _terms(text, kinds=True)


@lru_cache(maxsize=TEXT_CACHE)
def _terms(text: str, kinds: bool) -> frozenset[str]:
    f = describe(text)
    families = {f"={name}" for name in f.actions | f.objects | f.facets | f.policies | f.platforms}
    rest = blank(text, f.spans)  # a phrase the lexicon reads stands for its family alone
    if kinds:
        for rx in (MULTIPLE_RE, CHANGE_RE, PERCENT_RE, COUNT_RE, AVERAGE_RE):
            rest = rx.sub(lambda m: " " * len(m.group()), rest)
    out = set(families)
    known = _stem_families()
    for word in _words(rest):
        w = _STEM.stemWord(word)
        if len(w) < 2:
            continue
        # an inflection the lexicon does not list: its family
        out.add(known.get(w) or next((known[f] for st in _FOREIGN_STEMS if (f := "~" + st.stemWord(word)) in known), w))
    return frozenset(out)


@lru_cache(maxsize=1)
def _stem_families() -> dict[str, str]:
    """The stem of each one-word name in the lexicon, to its family (and, marked "~", its stem
    in each of the lexicon's other languages)."""
    from store.vocabulary import ACTIONS, CASED_PLATFORMS, OBJECTS, PLATFORMS, POLICIES, TRANSLATED

    out: dict[str, str] = {}
    for table in (POLICIES, ACTIONS, OBJECTS, PLATFORMS):
        for name, aliases in table.items():
            # (a service named by a common word, "LINE", is no stem of that word: "in line with")
            for alias in ((name,) if name not in CASED_PLATFORMS else ()) + aliases:
                # (a translated word is read as written, its forms listed: its stems would name
                # English words, "reactivado" would make "reactive" a restoration)
                if " " not in alias and len(alias) >= 4 and alias not in TRANSLATED:
                    out.setdefault(_STEM.stemWord(alias.lower()), f"={name}")
                    for st in _FOREIGN_STEMS:  # "~" keeps these apart from English stems
                        if len(stem := st.stemWord(alias.lower())) >= 4:
                            out.setdefault("~" + stem, f"={name}")
    return out


def sample(items: list, n: int) -> list:
    """An even spread of at most ``n`` of ``items`` (all of them when there are no more)."""
    return items[:: -(-len(items) // n) or 1]


def _idf(texts: list[str]) -> dict[str, float]:
    """How telling each term is: rare across what the store quotes, telling; in every
    sentence, not. A term the store never uses gets the most weight of all."""
    df: dict[str, int] = {}
    for t in texts:
        for w in terms(t):
            df[w] = df.get(w, 0) + 1
    n = max(len(texts), 1)
    return {w: math.log(1 + n / c) for w, c in df.items()} | {"": math.log(1 + n)}


def _key(text: str) -> str:
    """A name as compared: lower case, "&" as "and", "w/o" as "without", letters and digits only
    ("Upperbound Prevalence" = "upper bound prevalence")."""
    text = text.lower().replace("&", " and ").replace("w/o", "without")
    return re.sub(r"[^a-z0-9]+", "", text)


class _Names:
    """The stored names of one kind (metrics, or policies), to find those a question states:
    word for word (as letters and digits, so "Upperbound Prevalence" = "upper bound
    prevalence"), else by the share of their words it uses."""

    def __init__(self, names, ignore: frozenset[str] = frozenset()) -> None:
        # kept small: a prose-heavy store names 50,000 metrics in its documents' words
        self.keys: dict[str, list[str]] = {}  # name as compared -> the names
        self.sizes: dict[str, int] = {}  # name -> how many content words it has
        self.having: dict[str, list[str]] = {}  # word -> the names using it
        for n in names:
            if len(k := _key(n)) >= 6:
                self.keys.setdefault(k, []).append(n)
            for acronym in re.findall(r"\(([A-Z][A-Z0-9]{3,})\)", n):  # "... imagery (CSEAI)" is named "CSEAI"
                self.keys.setdefault(acronym.lower(), []).append(n)
            if words := content_words(n) - ignore:
                self.sizes[n] = len(words)
                for w in words:
                    self.having.setdefault(w, []).append(n)

    @property
    def words(self) -> frozenset[str]:
        """Every content word of the names."""
        return frozenset(self.having)

    def stated(self, text: str, least: float = 0.5) -> dict[str, float]:
        key, asked = _key(text), content_words(text)
        found = [k for k in self.keys if k in key]
        fit = {n: 1.0 for k in found if not any(k != o and k in o for o in found) for n in self.keys[k]}
        hits: Counter[str] = Counter()  # how many of its words each name shares with the question
        for w in asked:
            hits.update(self.having.get(w, ()))
        for n, shared in hits.items():  # all its words, in another order or form: less
            share = shared / self.sizes[n]
            if share >= least and n not in fit:
                fit[n] = round(0.8 * share, 3)
        return fit


def _subsequence(short: str, word: str) -> bool:
    it = iter(word)
    return all(ch in it for ch in short)


def _undouble(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


# one-word names of policy areas, for the words cut from their start ("misinfo", "harass")
_POLICY_WORDS = {w: family for family, words in POLICIES.items() for w in words if " " not in w and "-" not in w}


def _cut_policies(text: str) -> list[tuple[str, int, int]]:
    """Words of five letters or more that begin the one-word name of exactly one policy area
    ("misinfo" of misinformation, "harass" of harassment): that area, and where the word is."""
    found = []
    for m in re.finditer(r"[a-z]{5,}", text, re.IGNORECASE):
        w = m.group().lower()
        if w in STOPWORDS:  # "fell under hateful conduct": a word of its own, not "underage" cut short
            continue
        families = {f for name, f in _POLICY_WORDS.items() if name.startswith(w) and len(name) >= len(w) + 2}
        if len(families) == 1:
            found.append((families.pop(), m.start(), m.end()))
    return found


HOW_MANY_RE = re.compile(r"\bhow\s+many\s+(?P<words>[a-z/-]+(?:\s+[a-z/-]+){0,3})", re.IGNORECASE)


def _counted(text: str) -> frozenset[str]:
    """The words after "how many" up to the first that is no noun's ("did", "were", "from"),
    stemmed: what the number counts."""
    m = HOW_MANY_RE.search(text)
    if m is None:
        return frozenset()
    words = []
    for w in m.group("words").split():
        if w.lower() in STOPWORDS:
            break
        words.append(w)
    return named(" ".join(words))


def set_aside(text: str) -> list[tuple[int, int]]:
    """The spans of a question that set something aside: a clarification after a comma, bracket or
    dash ("(posts, not user reports)"), and another platform or place than the one asked about
    ("Facebook hate speech, excluding the Instagram number"; "Russia's requests, not Turkey's")."""
    spans = [m.span() for m in SET_ASIDE_RE.finditer(text)]
    for m in EXCLUDED_RE.finditer(text):
        name, rest = m.group("name"), blank(text, [m.span()])
        platforms, country = {n for n, _, _ in find_all(PLATFORM_RES, name)}, country_typed(name)
        if platforms:  # ... of the same kind, named outside it
            others = {n for n, _, _ in find_all(PLATFORM_RES, rest)} - platforms
        else:
            others = set(countries_in(rest)) - {country} if country else set()
        if others or (m.group("more") and (platforms or country)):
            spans.append(m.span())
    return spans


def _refused(text: str) -> frozenset[str]:
    """The kinds of number a question sets aside ("not the share": percent; "not the count")."""
    out = set()
    for m in NOT_KIND_RE.finditer(text):
        words = m.group().lower()
        if re.search(r"total$", words):
            continue  # "not the overall ban total", "not the world total": a part is asked, a count of it
        if re.search(r"count|number", words):
            if BARE_COUNT_RE.fullmatch(words) and not OF_AFTER_RE.match(text, m.end()):
                out.add("count")  # (not "the automated-detection number", "the number of complaints": another count)
        else:
            out.add("percent")
    return frozenset(out)


BARE_COUNT_RE = re.compile(r"not\s+(?:the\s+|a\s+)?(?:count|number)")
OF_AFTER_RE = re.compile(r"\s+of\b", re.IGNORECASE)


def _adjacent(text: str, mention: Mention) -> Mention | None:
    """A period named by the one next to it ("the quarter before Q1 2019": Q4 2018), as one
    mention of both, or None."""
    m = ADJACENT_RE.search(text[: mention.start])
    unit = m and (m.group("n") or m.group("unit")).lower()
    period = m and adjacent(mention.period, _UNIT_MONTHS.get(unit) or int(unit), bool(m.group("before")))
    return replace(mention, start=m.start(), period=period) if period else None


def _scope(raw: str, text: str, periods, features: Features, found=(), joined: str | None = None) -> str | None:
    """Why the question asks for something other than one stored figure, or None. (Negation
    is read before spelling correction, which must not turn "excluding" into "including".)"""
    bad = next((m for m in found if m.kind == "invalid"), None)
    if bad is not None:  # "2017Q5", "H2 1850", "31/02/2017": no figure is of a period that is not
        return f"“{text[bad.start:bad.end]}” is not a period that exists"
    if NEGATION_RE.search(blank(raw, set_aside(raw))):
        return "it asks about what was not counted, or leaves something out"
    for m in periods:
        if OUTSIDE_PERIOD_RE.search(text[: m.start]):
            return "it asks about the time before or after a period, not the period itself"
    spans = sorted(s for s in features.spans if PLATFORM_NAMES_RE.fullmatch(text[s[0]:s[1]]))
    for (_, a_end), (b_start, _) in zip(spans, spans[1:]):
        if JOINED_RE.match(text[a_end:b_start]) and joined is None:  # (one company's services joined: its number)
            return "it asks for several platforms together"
    return None


def _services_joined(text: str) -> str | None:
    """The company whose services, two or more, a question joins together, named beside them or not
    ("Meta (fb+ig)", "Meta ... across FB + IG", "Facebook and Instagram"): a number of those services
    together is the company's, as a document's number of them is stored (store.vocabulary.company_of)."""
    found = find_all(PLATFORM_RES, text)
    names = {name for name, _, _ in found}
    for company, services in COMPANIES.items():
        spans = sorted((a, b) for name, a, b in found if name in services)
        if names <= services | {company} \
                and any(JOINED_RE.match(text[a_end:b_start]) for (_, a_end), (b_start, _) in zip(spans, spans[1:])):
            return company
    return None


def _names_re(names, flags: int, before: str = r"(?<![\w])") -> re.Pattern | None:
    """One alternation of the names, longest first, matched as whole words."""
    keys = sorted((k for k in names if k), key=len, reverse=True)
    if not keys:
        return None
    return re.compile(before + "(?:" + "|".join(map(re.escape, keys)) + r")(?![\w])", flags)


def _joined_abbreviations(names, known: frozenset[str] | set[str]) -> dict[str, str]:
    """A name of two or more words typed as one ("gplay", "gooplay": Google Play): the start of each
    word but the last (one to three letters), then the last word, whole or its first three letters
    or more. Not a word the reader knows; a spelling two names share is neither's."""
    found: dict[str, str | None] = {}
    for name in names:
        words = name.casefold().split()
        if len(words) < 2 or not all(w.isalpha() for w in words):
            continue
        heads = [""]
        for w in words[:-1]:
            heads = [h + w[:n] for h in heads for n in range(1, min(3, len(w)) + 1)]
        for h in heads:
            for n in range(3, len(words[-1]) + 1):
                key = h + words[-1][:n]
                if len(key) >= 4 and key not in known:
                    found[key] = None if key in found and found[key] != " ".join(words) else " ".join(words)
    return {k: v for k, v in found.items() if v}
