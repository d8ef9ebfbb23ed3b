"""The answer engine: one function, ``answer(question, store)``, that the CLI, the Slack
listeners and the tests all call. It takes a string and returns a plain ``Answer``.

1. Read the question (``understanding.Reader``) into a Query.
2. Fetch the figures that could answer it: same platform, period, location when the question
   names them (indexed SQL).
3. Score each against the question. A figure whose platform, policy, period, metric or
   location contradicts the question is never the answer; the nearest such figures are
   offered instead.
4. Merge statements of one fact ("over 270,000" and "274,460" for the same period agree), and
   answer with the best-supported figure, saying how many sources agree, or list the
   candidates when several are equally good.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import re
import weakref
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from bot import render
from bot.answers import (AMBIGUOUS, ANSWER, INVALID, NO_ANSWER, NOT_SUMMED, RATE_UNIT_RE, Answer, FigureView, Revision, SourceView,
                         agreeing_sources, format_value)
from bot.provenance import answers_for_platform
from bot.understanding import MAX_LENGTH, Query, Reader, content_words, named, terms
from store.limits import TEXT_CACHE
from store.numbers import BOUNDS, LOWER_BOUNDS, UPPER_BOUNDS, aside_after, digits, find_quantities, joined_at, rounds, rounds_to
from store.periods import MONTH_NAME_RE, MONTHS, YEAR_NOT_STATED, Period, find_periods, label_for, without_periods, yearless
from store.queries import CitationRecord as Citation
from store.queries import FigureQuery
from store.queries import FigureRecord as Figure
from store.scripts import CJK, EAST_ASIAN_RE, LEADS_ON_RE, LIST_ITEM_RE
from store.translations import root, words_for
from store.vocabulary import (AFTER_ACTIONS, ALL_POLICIES, AUDIENCE_ACTIONS, COMPANIES, FACETS, OBJECTS, RATE_ACTIONS, WORLDWIDE_RE,
                              Features, describe, family_words, media_in, per_units, places_in,
                              platform_family, policy_groups, url_host)

TIE = 0.01  # scores closer than this are "equally good" (calibrated on dev)
MIN_SCORE = 0.45
EVIDENCE_WEIGHT = 1.4  # how much the words of a figure's sources count against the lexicon's reading (calibrated on dev)
COUNTED = 0.2  # the cost of a count of something other than what "how many" names (calibrated on dev)
SHARE_FOR_COUNT = 0.2  # the cost of a share answering "how many" (of a subset it may; calibrated on dev: 0.1 and 0.2 the same)
OTHER_THING = 0.25  # ... and of a count of no thing the lexicon knows, for a question naming one (calibrated on dev)
# a term asked found next to the number counts 1; in its sentence, in the text just before
# it (a heading, the sentence before) or in the document's title, less (calibrated on dev)
IN_SENTENCE, IN_BEFORE, IN_TITLE = 0.8, 0.3, 0.2
FOREIGN = 0.3  # an English word asked, unseen in sources in another language: unknown, not absent (calibrated on dev)
TRANSLATED = 1.0  # ... said in that language, as a dictionary translates it ("令状" for "warrants"), by the number;
# elsewhere in its sentence, IN_SENTENCE of that (calibrated on dev: 1.0 > 0.8 > 0.6 by the number)
IN_BEFORE_BARE = 0.4  # ... for a figure whose own words name nothing it counts (calibrated on dev)
NAMED_SOURCE = 0.2  # for a figure whose statement's publisher the question names ("per TomoNews"; calibrated on dev)
ASIDE = 0.4  # the weight of a term outside what is asked ("for the board deck"; calibrated on dev)
UNSUPPORTED = 0.2  # the cost of a word the question qualifies its policy with that no source uses (calibrated on dev)
UNSUPPORTED_OTHER = 0.3  # ... when they may be what is counted, not how (calibrated on dev: 0.2-0.3 +7, 0.4 +6, 0.7 +5; a veto before)
NEXT_TO = 12  # characters: a word asked this near one of a sentence's tied numbers says it is that one's
BESIDE_TIE = 0.05  # of two facts that fit equally, the one saying more of the question by its number answers
GIVEN_NEAR = 0.02  # a figure this near a number the question gives is that number, as another source rounds it
GIVEN_CONTEXT = 0.05  # ... and this near, roughly given ("~1.7 million"), it says which report the question is about
GIVEN_PERIOD = 0.1  # for a figure of that report's period (calibrated on dev: 0.05 +2, 0.1 and 0.2 +3)
# the cost of a place named near a figure's sentence, not in it (the sentence before, the headline, the story's
# opening); named in the sentence itself, none (on dev with batch M: none there +3; 0 / 0.1 / 0.2 for the
# others the same on dev)
PLACE_IN_SENTENCE = 0.1
MIN_EVIDENCE = 0.4  # below this share of what was asked, a figure does not answer (calibrated on dev)
BOUND_RANGE = 10  # "over 270,000" agrees with an exact value up to ten times it, "less than 1%" down to a tenth
EVIDENCE_CITATIONS = 3  # of a figure's statements, how many are read for evidence
SUGGESTIONS = 3
STORY_POOL, STORY_CHARS = 5, 4_000  # the stories read for the places they name: how many, and their first characters
CANDIDATE_LIMIT = 400
SAYING = 10  # for a question naming no platform, the figures a full-text search finds by its words too (calibrated
# on dev: 10 +3; 30 +3 and one more unanswerable question given a number; 100 +3 -1 and that one)
RANK_POOL = 50  # of the candidates, how many are read with their citations and fully scored
SUGGESTION_POOL = 60
ASK_ME = "Ask me about a moderation statistic, e.g. “suspensions H2 2017”."


def answer(question: str, store) -> Answer:
    """Answer one question from the stored figures."""
    _answering_process()
    if question is None or not question.strip():
        return Answer(INVALID, ASK_ME)
    if len(question) > MAX_LENGTH:
        return Answer(INVALID, f"That is {len(question):,} characters; questions are limited to {MAX_LENGTH:,}.")
    with store.queries.holding():  # one connection for the few queries an answer makes
        return _answer(question, store)


@lru_cache(maxsize=1)
def _answering_process() -> None:
    """A process that answers holds many long-lived objects (the question reader's vocabulary,
    the per-text caches), and Python's default collector thresholds (700, 10, 10) scan them all
    every few hundred questions: a 40-100 ms pause inside whichever question triggers it (on a
    million-figure store, the slowest of 20,000 fuzz questions went from 64 ms to 100-120 ms).
    From its first answer on, it collects less often. Only answering processes: an ingest keeps
    the defaults (it frees its batches' cycles sooner with them)."""
    gc.set_threshold(50_000, 50, 100)


def _answer(question: str, store, beyond: bool = True) -> Answer:
    if beyond:  # trends, comparisons and totals over several figures (bot.analysis); None: one figure
        from bot import analysis

        several = analysis.answer(question, store)
        if several is not None:
            return several
    query = reader(store).read(question)
    if not query.text:
        return Answer(INVALID, ASK_ME)

    if query.scope:  # "not suspended", "excluding terrorism", "Twitter and Facebook": no stored figure is that
        near = _suggest(store, query)
        return Answer(NO_ANSWER, render.no_answer(near, query.scope), None, near)
    if not (query.asked or query.period or query.features.platforms or query.location):
        return Answer(NO_ANSWER, render.no_answer(()))  # nothing in it was understood
    scored = _rank(query, _fetch(store, query), store)
    if query.breakdown is not None and not _fits(scored):
        # a word one table breaks its figures down by ("human" moderation, "Language: Arabic") that
        # no figure broken down so answers: an ordinary word of the question ("Bluesky's human
        # moderators", "the Arabic Sputnik piece on twitter")
        query = replace(query, breakdown=None)
        scored = _rank(query, _fetch(store, query), store)
    if query.breakdown is None and query.features.platforms and (not scored or query.features.facets):
        # no figure of the whole: a fact a platform publishes only broken down ("Hosted Consumer
        # Services") answers when one breakdown of it fits best; and a subset asked ("taken down
        # by automated moderation") may be a breakdown ("Automation") as well as a figure of the
        # whole (for a question naming no platform, every breakdown of every platform would be
        # read: 200 ms at a million figures)
        broken = [s for s in _rank(query, _fetch(store, query, any_breakdown=True), store) if s.view.breakdown]
        scored = sorted(scored + broken, key=lambda s: -s.score) if scored else broken
    if not _fits(scored) and _one_month(query.period) and not query.since:
        scored = _said_in(query, store)
    if query.location and not (_fits(scored) and scored[0].view.source.row is not None):
        # figures of no place that its words place there compete with the place's own, a little
        # lower: a story about India's monthly report states its numbers without "India" in each
        # sentence ("16,59,385 accounts were proactively banned"), beside other stories' Indian figures
        # (not beside a table's row of the place, its publisher's own: reading every story's figures
        # of no place for it tripled the slowest answers on a store of 300,000 table rows)
        there = _said_there(query, store)
        if _fits(scored):
            _shift(there, -PLACE_IN_SENTENCE)
        scored = sorted(scored + there, key=lambda s: -s.score)
    if not _fits(scored) and reader(store).named_learned(query):
        # a name the store learned as one story's platform ("Kominfo") that other stories name
        # without being about it: their figures, with the name a word to look for (its own figures
        # were weighed above, without their name as evidence)
        platforms = query.features.platforms
        names = [p.casefold() for p in platforms]
        query = reader(store).read(question, learned=False)
        scored = [s for s in _rank(query, _fetch(store, query), store) if s.view.platform not in platforms
                  and any(n in f"{s.view.quote} {s.view.source.title or ''}".casefold() for n in names)]
    if _fits(scored):
        scored = _counting_what_is_asked(query, scored)
        best = _most_precise(scored, scored[0])
        # equally good: as close on the question as the best, whatever the number of sources
        ties = [s for s in scored if best.fit - s.fit <= TIE]
        if query.latest and len({t.key for t in ties}) > 1:  # "the latest ...": the newest period
            newest = max(_recency(t) for t in ties)
            ties = [t for t in ties if _recency(t) == newest]
            best = max(ties, key=lambda t: t.score)
            scored = [best] + [s for s in scored if s is not best]
        # different facts fit, with different numbers: ask which (the same number under two
        # names, as two sources word one fact, is no question)
        # (nor is a rounding of it: "oltre 2 milioni" in a headline, "1,975 milioni" in its text)
        ties = [t for t in ties if t is best or not (_same_number(t.view.value, best.view.value) or _rounds(t.view, best.view))]
        whole = _whole(query, ties)
        if whole is not None:
            # its parts (two or more: one smaller value may be a source that disagrees) are
            # neither other answers nor sources that disagree
            parts = {id(t) for t in ties} if len(ties) > 2 else set()
            scored = [whole] + [s for s in scored if s is not whole and id(s) not in parts]
            best, ties = whole, [whole]
        if len({t.key for t in ties}) > 1:
            # equally good, but one says what was asked by its own number, the others only
            # around it ("160 million were removed by blocked terms and AutoMods, and 47.4
            # million messages were removed manually": removed by AutoMod is the first)
            sharpest = max(t.beside for t in ties)
            sharp = [t for t in ties if t.beside >= sharpest - BESIDE_TIE]
            if len({t.key for t in sharp}) > 1:
                # ... or says it in the question's own words, where the lexicon reads them alike
                # (two policies of one family, two services of one company)
                words = content_words(query.text)
                said = {id(t): len(words & content_words(_near(t.view.quote, t.view.value))) for t in sharp}
                most = max(said.values())
                sharp = [t for t in sharp if said[id(t)] == most]
            if len({t.key for t in sharp}) > 1 and len({t.view.quote for t in sharp}) == 1:
                # ... or, numbers of one sentence whose words run together (a list, another language's
                # word order: "eran bronce (22%), ... diamante (17%)"), the one nearest a word asked
                gap = {id(t): _gap(query, t.view) for t in sharp}
                nearest = min(gap.values())
                if nearest <= NEXT_TO:
                    sharp = [t for t in sharp if gap[id(t)] == nearest]
            if len({t.key for t in sharp}) == 1:
                best, ties = sharp[0], sharp[:1]
                scored = [best] + [s for s in scored if s is not best]
        if len({t.key for t in ties}) > 1 and (stated := _most_stated(scored, best)) is not None:
            # equally good, and one number is stated by more documents than any other: the fact the
            # sources agree on ("26,9 milhões" in a Brazilian story and "26,9 milioni" in an Italian
            # one, beside three more counts the Italian story gives of that quarter)
            best, ties = stated, [stated]
            scored = [best] + [s for s in scored if s is not best]
        if len({t.key for t in ties}) > 1:
            ties.sort(key=lambda t: (t.view.period_end or dt.date.min, t.score), reverse=True)
            views = tuple(t.view for t in ties[:5])
            return Answer(AMBIGUOUS, render.ambiguous(views), None, views)
        # one fact, and sources that disagree on its value: side by side, never merged
        # (a document does not disagree with itself: two numbers it states are two facts)
        # (nor is a count a tenth of it, for a question naming no part: "4,658 accounts" of 1.9 million
        # actioned, the accounts of one policy a story did not name, is a part of it, not its value)
        # (nor does one that states the best's number too, as another fact: "there were 239,388 requests
        # related to 415,642 accounts" agrees on the 239,388 requests, and counts something else)
        agreeing = frozenset().union(*(s.docs for s in scored if _same_number(s.view.value, best.view.value)))
        rivals = tuple(s.view for s in scored[1:] if s.key == best.key and not s.docs <= agreeing
                       and not _part_of(query, s.view, best.view))
        if rivals and rivals[0].sources == best.view.sources and not _cited_alone(query, best.view, rivals[0]):
            views = (best.view, *rivals)
            return Answer(AMBIGUOUS, render.disagreement(views), None, views)
        return Answer(ANSWER, render.answer(best.view, rivals), best.view, rivals)
    near = _suggest(store, query)
    return Answer(NO_ANSWER, render.no_answer(near), None, near)


# of one sentence's numbers, one this near the best that counts the noun asked answers (calibrated on dev: 0.15
# the same, 0.5 one fewer)
SAME_SENTENCE = 0.25


def _counting_what_is_asked(q: Query, scored: list["Scored"]) -> list["Scored"]:
    """Of the numbers of the best's own sentence, the one that counts the noun the question asks for
    ("How many listings did Etsy disable": "disabled 176,137 listings from 42,526 sellers"), when the
    best does not and it fits nearly as well: the words around a sentence's numbers run together, the
    noun each counts does not."""
    best = scored[0]
    if not q.counted or best.view.unit in _UNNAMED_UNITS or _same_noun(q.counted, best.view.unit):
        return scored  # (a number that names nothing it counts, "fraud (87,000)", counts the sentence's noun)
    rival = next((s for s in scored[1:] if s.view.quote == best.view.quote and best.score - s.score <= SAME_SENTENCE
                  and s.view.unit not in _UNNAMED_UNITS and _same_noun(q.counted, s.view.unit)), None)
    if rival is None:
        return scored
    _shift([rival], best.score - rival.score + TIE)  # (just above the best)
    return [rival] + [s for s in scored if s is not rival]


ROUNDED = 0.05  # a statement this near another of the same fact rounds it ("oltre 2 milioni" for "1,975 milioni")


def _most_precise(scored: list["Scored"], best: "Scored") -> "Scored":
    """Of the statements of one fact that fit as well as the best, the most precise: a document
    that rounds a number in its headline ("YouTube ha eliminato oltre 2 milioni di canali") and
    gives it exactly in its text ("1,975 milioni di canali") means the exact one; of two sources,
    the one stating more digits ("8,2 milhões" beside "acht Millionen")."""
    alike = [s for s in scored if s is best or (best.fit - s.fit <= TIE and _rounds(s.view, best.view))]
    return min(alike, key=lambda s: _precise(s.view))


def _precise(v: FigureView) -> tuple[bool, int]:
    """Most precise first: not a bound ("over 2 million"; "nearly 5.3 million" is as precise as its
    digits), then the more significant digits."""
    return v.qualifier in BOUNDS, -digits(v.value)


def _rounds(a: FigureView, b: FigureView) -> bool:
    """Is one statement the other's fact, rounded: one platform, place, period and kind of number,
    and the less precise one ("acht Millionen", "oltre 2 milioni") the other ("8,2 milhões", "1,975
    milioni") cut to its digits, or, a bound, near it? (As precise and different, "5,2 juta" and
    "5.3 million" are two sources that disagree.)"""
    if (a.platform, a.location, a.period_start, a.period_end, a.unit == "percent") != \
            (b.platform, b.location, b.period_start, b.period_end, b.unit == "percent") or _precise(a) == _precise(b):
        return False
    rough, exact = (a, b) if _precise(a) > _precise(b) else (b, a)
    if rough.qualifier in BOUNDS:  # (either side: "oltre 2 milioni" over a text's 1,975 milioni)
        return math.isclose(rough.value, exact.value, rel_tol=ROUNDED)
    return rounds(rough.value, exact.value)


def _one_month(p: Period | None) -> bool:
    return bool(p and p.start and p.end and (p.start.year, p.start.month) == (p.end.year, p.end.month))


# a question about what was said, and so possibly when ("say in November 2019", "per its Dec 2018 transparency
# update", "in its Feb 2016 blog post"); not one about when something was done ("banned in India in December 2022")
STATED_RE = re.compile(r"\b(?:say|says|said|saying|per|according|post|blog|update|report|article|story|headline"
                       r"|announce[ds]?|announcement|statement|release|published|disclosed?)\b", re.IGNORECASE)


def _said_in(q: Query, store) -> list["Scored"]:
    """A month no figure is of may be when a figure was said ("how many fake accounts did
    Facebook say in November 2019 it had removed since the start of the year", "in its Feb
    2016 blog post"): the figures of the question, whatever their period, stated in a document
    published that month; for a question not about what was said, the figures stating no period."""
    month, stated = q.period, STATED_RE.search(q.text)
    relaxed = replace(q, period=None)
    # (of a period of its own, only for a question about what was said: "banned 23.24 lakh accounts in
    # India in October", published on 1 December, is no answer to "banned in India in December 2022")
    figures = [fig for fig in store.queries.with_citations(_fetch(store, relaxed))
               if any(c.published and month.start <= c.published <= month.end for c in fig.citations)
               and (stated or fig.period_start is None and fig.period_end is None)]
    return _rank(relaxed, figures, store)


def _said_there(q: Query, store) -> list["Scored"]:
    """For a place no stored figure is of: the figures of no place whose own sentence, or the words
    next to their number, name that place and no other ("In unserem Nachbarland Deutschland waren es
    315.532 Videos, für Österreich listete YouTube keine Statistik": the place was not read as the
    number's); else, scored a little lower, the ones of text further from the number that names it."""
    anywhere = replace(q, location=None)
    figures = _fetch(store, anywhere)
    ranked = _rank(anywhere, figures, store)
    there = [s for s in ranked
             if places_in(s.view.quote) == {q.location} or places_in(_near(s.view.quote, s.view.value)) == {q.location}]
    if there:  # (its own sentence names that place and no other: as good as a figure read as that place's)
        return there
    # the statements of the figures that can fit (the ranking drops the rest), read once for the two
    # readings below: reading every candidate's doubled the time of a question nothing answers
    read = store.queries.with_citations([fig for fig in figures if not _contradicts(anywhere, fig, _figure_features(fig))])
    # ... or a sentence naming no place right after one, in its paragraph, that names that place
    # only ("... dari negara India. Ada sebanyak 2,2 juta video ...")
    there = _rank(anywhere, _after_place(read, q.location, _sentence_before), store)
    if not _answers(there) and (q.given or REFERS_RE.search(q.text)):
        # ... or, for a part of a whole the question states ("Facebook got 14,274 US requests. How many
        # accounts did those requests concern?"), a sentence naming no place after lines that name it
        # ("The U.S. made 14,274 requests. The requests dealt with 21,731 accounts."), unless it is the world's
        there = _rank(anywhere, _after_place(read, q.location, _lead_in), store)
    if not _answers(there):  # ... or a sentence naming no place in a story whose headline names that one
        there = [s for s in ranked if _titled_there(s, q.location)]
    if not _answers(there):  # ... or, last, in a story whose opening names that place and no other, nor the world
        # ("Meta has taken action against 3.84 crore pieces of content ... in March. The company also
        # banned over 47 lakh Indian accounts on WhatsApp."), unless it gives that place's own number of
        # the platform too: its others are then of more than that place ("Facebook received 35,051
        # government requests. The U.S. made 14,274 requests. The requests dealt with 21,731 accounts.")
        # (prose only: a table's row of no place is the table's whole, and its place is a column; the best
        # few, each read for its opening: reading whole stories cost 1.5 s on a store of long ones)
        stories = [s for s in ranked if s.view.source.row is None][:STORY_POOL]
        texts = store.queries.document_texts({d for s in stories for d in s.docs}, STORY_CHARS)
        there_docs = {d for d, text in texts.items() if _story_places(text) == {q.location}}
        unplaced = [s for s in stories if s.docs & there_docs
                    and not places_in(s.view.quote) and not WORLDWIDE_RE.search(s.view.quote)]
        placed = store.queries.platforms_placed({d for s in unplaced for d in s.docs}, q.location) if unplaced else set()
        there = [s for s in unplaced if any((d, s.view.platform) not in placed for d in s.docs & there_docs)]
    _shift(there, -PLACE_IN_SENTENCE)
    return sorted(there, key=lambda s: -s.score)


def _fits(scored: list["Scored"]) -> bool:
    """Does the best of these facts (scored best first) answer?"""
    return bool(scored) and scored[0].score >= MIN_SCORE


def _shift(scored: list["Scored"], by: float) -> None:
    """Move these facts' scores and fits by ``by``: lower for a place said near them, not in them."""
    for s in scored:
        s.score += by
        s.fit += by


def _answers(there: list["Scored"]) -> bool:
    """Does one of a tier's figures answer, once it pays for the place being said near it, not in it? (A
    tier whose best does not lets the next be read: a sentence after one naming India, that fits the
    question poorly, does not hide a story about India whose own figure fits it well.)"""
    return any(s.score - PLACE_IN_SENTENCE >= MIN_SCORE for s in there)


def _after_place(figures: list[Figure], place: str, before_of) -> list[Figure]:
    """The figures with a statement naming no place and not the world, after text (``before_of``
    the text before it) that names ``place`` and no other."""
    return [fig for fig in figures
            if any(not places_in(c.quote) and not WORLDWIDE_RE.search(c.quote) and places_in(before_of(c.before)) == {place}
                   for c in _read(fig))]


SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")  # (Chinese and Japanese put no space after)


def _sentence_before(before: str) -> str:
    """The sentence a quote follows in its paragraph ("" when the quote begins a line)."""
    line = before.rsplit("\n", 1)[-1]
    return SENTENCE_END_RE.split(line.strip())[-1] if line.strip() else ""


REFERS_RE = re.compile(r"\b(?:those|these|them)\b", re.IGNORECASE)


def _titled_there(s: "Scored", place: str) -> bool:
    """Is a figure's sentence, naming no place and not the world, in a document whose headline
    names that place and no other ("Telegram blocks ... in Russia": its unplaced numbers)?"""
    quote, title = s.view.quote, s.view.source.title or ""
    # (a headline: one sentence; a first paragraph read as the title, "In 2019, TikTok removed 2,100,000
    # accounts. The company has 1,200 employees in Germany.", says nothing of where its numbers are)
    return not places_in(quote) and not WORLDWIDE_RE.search(quote) and not MORE_SENTENCES_RE.search(title) \
        and places_in(title) == {place}


MORE_SENTENCES_RE = re.compile(r"[.!?]\s+[A-Z]")


@lru_cache(maxsize=256)  # (whole texts: a few hundred stories' worth, not TEXT_CACHE's sentences)
def _story_places(text: str) -> frozenset[str]:
    """The countries a story (its opening) names, or the world's alone when it says it covers the world
    ("its fourth global Transparency Report": a country it names is not what its numbers are of)."""
    return frozenset({"the world"}) if WORLDWIDE_RE.search(text) else places_in(text)


def _whole(q: Query, ties: list["Scored"]) -> "Scored | None":
    """Counts of one thing, platform and period that fit a question naming no policy equally
    well, where one is at least all the others together ("1.6 million channels" beside "73,924 for nudity" and
    "26,529 for child safety"): that one is the whole, the others its parts. None otherwise."""
    if len(ties) < 2 or q.features.policies or q.named_policies:
        return None
    views = [t.view for t in ties]
    if any(v.unit in NOT_SUMMED for v in views) or \
            len({(v.platform, _counts(v), v.period_start, v.period_end) for v in views}) > 1:
        return None  # parts of one total: one platform's count of one thing in one period
    top = max(ties, key=lambda t: t.view.value)
    rest = sum(t.view.value for t in ties if t is not top)
    # one story's counts of one thing, for a question naming no subset: its largest is the total
    # it breaks down, however many ways ("De ces 3,75 millions de vidéos supprimées, 3,45
    # millions ...; 31,5 % (environ 1,2 million) pour la sécurité des enfants")
    one_story = len(frozenset().union(*(t.docs for t in ties))) == 1 and not q.features.facets
    # (of no one policy: the largest of a policy's counts is no total of the others)
    return top if (top.view.value >= rest or one_story) and top.view.policy == ALL_POLICIES else None


def _most_stated(scored: list["Scored"], best: "Scored") -> "Scored | None":
    """Of the facts of one period that fit as well as the best, the one whose number more documents
    state than any other's (each document counted once, whatever words it states it in, however
    well they fit), if there is one and at least two documents state it. None otherwise."""
    near = [s for s in scored if best.fit - s.fit <= TIE]
    if len({(s.view.period_start, s.view.period_end) for s in near}) > 1:
        return None  # facts of several periods: which one is asked is no matter of sources
    support = {id(s): frozenset().union(*(o.docs for o in scored if o.score >= MIN_SCORE
                                          and _same_number(o.view.value, s.view.value))) for s in near}
    most = max(near, key=lambda s: len(support[id(s)]))
    if len(support[id(most)]) < 2 or any(len(support[id(s)]) == len(support[id(most)])
                                         for s in near if not _same_number(s.view.value, most.view.value)):
        return None
    return most


def _part_of(q: Query, part: FigureView, whole: FigureView) -> bool:
    """Is ``part``, a count of the same fact as ``whole``, too small to be another source's value of
    it (a tenth or less), for a question that names no policy nor subset?"""
    return not (q.features.policies or q.named_policies or q.features.facets) and part.unit not in NOT_SUMMED \
        and 0 <= part.value * BOUND_RANGE <= whole.value


def _counts(v: FigureView) -> tuple:
    """What a figure counts, as the lexicon reads it: "каналов suspended" and "групп suspended" are
    both channels suspended (its metric and unit as written when the lexicon reads nothing)."""
    f = _features(v.metric, "")
    return (f.objects, f.actions) if f.objects and f.actions else (v.metric, v.unit)


def _same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.005)


def _recency(s: "Scored") -> tuple:
    """Newest period first: the latest end, then the latest start (H2 2017 before 2015–2017)."""
    v = s.view
    return (v.period_end or dt.date.min, v.period_start or dt.date.min)


def answer_figure(figure_id: int, store) -> Answer:
    """One stored figure as an answer (a candidate button clicked in Slack)."""
    fig = store.queries.figure(figure_id)
    if fig is None:
        return Answer(NO_ANSWER, "That figure is no longer stored.")
    view = _view(fig, agreeing_sources(fig), 1.0)
    return Answer(ANSWER, render.answer(view), view)


_readers: "weakref.WeakKeyDictionary[object, tuple[tuple, Reader]]" = weakref.WeakKeyDictionary()


def reader(store) -> Reader:
    """The question reader for this store's vocabulary, rebuilt when its documents change."""
    version = store.data_version()
    cached = _readers.get(store)
    if cached is None or cached[0] != version:
        cached = (version, Reader(store.vocabulary()))
        _readers[store] = cached
    return cached[1]


def candidates(query: Query, store, limit: int = CANDIDATE_LIMIT) -> list["Scored"]:
    """The facts that could answer ``query``, best first (for bot.analysis)."""
    return _rank(query, _fetch(store, query, limit), store)


def rank(query: Query, figures: list[Figure], store) -> list["Scored"]:
    """These figures scored against ``query``, one entry per fact and period, best first."""
    return _rank(query, figures, store)


# --- fetching -------------------------------------------------------------------------------

def _fetch(store, q: Query, limit: int = CANDIDATE_LIMIT, any_breakdown: bool = False) -> list[Figure]:
    """Candidates, without their citations: the platforms (and their companies' or
    services'), period, place, breakdown and policy areas the question names."""
    f = q.features
    policies: frozenset[str] = frozenset()
    if f.policies or q.named_policies:
        # and the figures of no one policy: a sentence may say the policy in words the
        # lexicon does not know ("copyrighted content take-down notices")
        policies = frozenset(reader(store).policies_for(f.policies)) | q.named_policies | {ALL_POLICIES}
    period = q.period if q.period is not None and (q.period.start or q.period.end) else None
    found = store.queries.search(FigureQuery(
        platforms=platform_family(f.platforms) if f.platforms else frozenset(),
        policies=policies,
        period_start=period.start if period else None,  # None with an end: "as of the end of March 2020"
        period_end=period.end if period else None,
        since=q.since,
        location=q.location or "",
        # a breakdown (TikTok's task, Google's product) only when named
        breakdown=None if any_breakdown else q.breakdown or "",
        limit=limit,
    ))
    if not f.platforms and not any_breakdown and len(found) >= limit:
        # the newest figures of a period (or of all), when there are more than it reads, are few of a large
        # store's: the figures whose sentences say the question's words are read too, however old (and ranked
        # as any other; a store whose figures were all read gains nothing, and the seed corpus's answers keep
        # their time)
        seen = {fig.id for fig in found}
        found += [fig for fig in store.queries.saying(content_words(q.text), SAYING) if fig.id not in seen]
    return found


# --- scoring --------------------------------------------------------------------------------

@dataclass
class Scored:
    score: float  # how well it answers: fit, plus a little for each agreeing source
    fit: float  # how well it matches the question alone
    view: FigureView
    key: tuple
    docs: frozenset[int] = frozenset()  # the documents stating it
    beside: float = 0.0  # the share of what was asked said by what it counts (its name, the words by its number)
    at: int = 0  # where in its document it is stated (the furthest statement)


def _contradicts(q: Query, fig: Figure, feats) -> str | None:
    """Why this figure cannot answer the question, or None."""
    f = q.features
    if f.platforms and fig.platform not in platform_family(f.platforms):
        return "platform"
    if f.policies and not policy_groups(fig.policy) & f.policies and fig.policy.casefold() not in f.policies \
            and fig.policy not in q.named_policies and fig.policy != ALL_POLICIES:
        return "policy"
    if (q.location or "") != (fig.location or ""):
        return "location"
    if q.period is not None and not _same_period(q, fig):
        return "period"
    if q.months and not _of_months(q.months, fig):
        return "period"
    fig_kind = _kind(fig)
    if any(math.isclose(fig.value, v, rel_tol=GIVEN_NEAR) for v in q.given):
        return "metric"  # "of xbox's 4.78M enforcements, how many ...": not 4.78M, nor another source's 4.8M
    if fig_kind in q.refused:  # "(count, not %)"
        return "metric"
    if (f.kind == "change") != (fig_kind == "change") or (f.kind == "multiple") != (fig_kind == "multiple"):
        return "metric"
    if fig_kind == "rate" and not RATE_ASKED_RE.search(q.text):
        return "metric"  # "fb hate speech q4 2020", "... prevalence": not 7 views of it for every 10,000
    if f.kind == "percent" and fig_kind == "count":
        return "metric"
    if (asked := media_in(q.text)) and (counted := media_in(fig.unit) or media_in(fig.metric)) and not asked & counted:
        return "metric"  # "yt comment removals": 9 million videos are no comments ("vids removed": nor 2.2 million ads)
    if f.objects and fig_kind == "count" and (unit := _features(fig.unit, "").objects) and not (f.objects & unit) \
            and not q.counted & named(fig.unit):  # "how many user reports of accounts": reports
        return "metric"  # what a count counts: tweets are not accounts
    if (f.kind == "average") != (feats.kind == "average") and not _rate_said(q, fig, feats):
        return "metric"  # an average ("average days to remove") is not a count, nor the other way
    if f.kind == "count" and fig_kind == "percent" and not f.facets:
        return "metric"  # "how many" is a count, unless of a subset ("how many were flagged")
    if f.kind is None and fig_kind == "percent" and f.actions - RATE_ACTIONS:
        return "metric"  # "fb hate speech removed apr-jun 2020", "... posts proactively removed": what was removed, not a share of it
    return None


# Content "actioned" (Meta's word) was removed, covered with a warning or disabled: it answers a
# question about removals, scored a little lower than a figure that says removed.
_IMPLIED = {frozenset({"actioned"}): frozenset({"suspended"})}


_KIND_OF_UNIT = {"percent change": "change", "percent": "percent", "ratio": "multiple"}
_UNNAMED_UNITS = ("count", *_KIND_OF_UNIT)  # the others are nouns that name what is counted ("employees")


def _kind(fig: Figure) -> str:
    """What kind of number a figure is: a change, a multiple ("twice as many"), a share (percent), a rate
    ("7 views of hate speech for every 10,000": a unit "per 10,000") or a count."""
    return "rate" if RATE_UNIT_RE.search(fig.unit) else _KIND_OF_UNIT.get(fig.unit, "count")


# a question asking so many of every that many ("views of hate speech per 10,000 views")
RATE_ASKED_RE = re.compile(r"\b(?:per|every|each)\s+(?:\d[\d,.]*\s*(?:k\b)?|(?:ten|a|one)?\s*(?:hundred|thousand)\b)", re.IGNORECASE)


def _same_period(q: Query, fig: Figure) -> bool:
    p = q.period
    assert p is not None

    def month(d: dt.date | None):
        return (d.year, d.month) if d else None

    if p.start is None and p.end is None:  # a length only: "in a four-month period"
        return fig.period_start is None and fig.period_label.startswith(p.label)
    if p.start is None:  # "as of the end of March 2020": all there was by then, from any start
        return month(p.end) == month(fig.period_end)
    if month(p.start) != month(fig.period_start):
        return False
    if fig.period_start == fig.period_end and fig.period_start != p.start and (p.start == p.end or q.since):
        return False  # one day's figure answers for that day, not another ("on Feb 16": not Feb 15's), nor since a date
    return q.since or month(p.end) == month(fig.period_end)


def _of_months(months: tuple[int, int], fig: Figure) -> bool:
    """Can a figure be of these months ("q4": October to December) of some year? One whose
    document states no period at all may be; one of other months, or of no months, is not."""
    start, end = fig.period_start, fig.period_end
    if start is None and end is None:
        return fig.period_label == yearless(months).label or not fig.period_label.endswith(YEAR_NOT_STATED)
    return bool(start and end and (start.month, end.month) == months and (end - start).days < 366)


def _figure_features(fig: Figure) -> Features:
    """What a figure counts, as the lexicon reads its names (a breakdown says how: "Automation")."""
    return _features(fig.metric, fig.policy, fig.breakdown)


@lru_cache(maxsize=TEXT_CACHE)
def _features(metric: str, policy: str, breakdown: str = "") -> Features:
    return describe(f"{metric} {policy} {breakdown}")


def _read(fig: Figure) -> tuple[Citation, ...]:
    """The statements of a figure whose words are weighed: the first EVIDENCE_CITATIONS (a fact
    twenty articles repeat says nothing more in its twentieth, and reading each costs time)."""
    return fig.citations[:EVIDENCE_CITATIONS]


def _evidence(q: Query, fig: Figure, idf: dict[str, float]) -> tuple[float, float]:
    """How much of what the question asks about (weighted by how telling each term is) the
    figure's sources say: in what the figure counts (its metric and policy, or the words
    around the number) fully, elsewhere in the sentence quoted a little less, in the title
    of the document less again. 1.0: all of it, next to the number. Returned with the share
    said beside the number alone (``Scored.beside``)."""
    if not q.asked:
        return 0.5, 0.5  # the question says nothing but platform, period or place: neutral
    read = _read(fig)
    local = terms(fig.metric + " " + fig.policy + " " + fig.unit).union(
        *(_around(c.quote, c.value) for c in read if c.row is None))
    for family, implied in _IMPLIED.items():  # a table's "Content Actioned" answers what was removed
        if {f"={name}" for name in family} <= local and any(c.row is not None for c in fig.citations):
            local = local | {f"={name}" for name in implied}
    sentence = frozenset().union(*(terms(c.quote) for c in read))
    title = frozenset().union(*(terms(c.title or "") for c in read))
    # who published it ("per TomoNews", "according to game-news24's write-up"): a question
    # naming the source is answered by what that source states
    source = frozenset().union(*(_source_terms(c.publisher, c.url) for c in read))
    before = frozenset().union(*(_before(c.before) for c in read))
    top = idf[""]
    # a figure whose own words name nothing it counts ("9.7% and 8.2% respectively", "received 2.3
    # million claims") is read with the sentence before it more than one that names something
    said = _figure_features(fig)
    in_before = IN_BEFORE if said.actions or said.objects or fig.unit not in _UNNAMED_UNITS else IN_BEFORE_BARE
    foreign = all(c.language not in ("", "en") for c in read)
    total = got = beside = 0.0
    for w in sorted(q.asked):  # in one order: a sum of floats depends on it, and ties are decided on it
        if w in source and w not in local and w not in sentence:
            continue  # who published it ("per TomoNews") says which source, not what is counted: see _rank
        weight = idf.get(w, top) * (1.0 if not q.core or w in q.core else ASIDE)
        total += weight
        beside += weight * (w in local)
        found = 1.0 if w in local or w in source else IN_SENTENCE if w in sentence else in_before if w in before else \
            IN_TITLE if w in title else 0.0
        if not found and SHORT_WORD_RE.fullmatch(w):  # "twtr cse susp": the sentence (or the one before
            # it) says "child sexual exploitation"
            found = IN_SENTENCE if any(w in _initials(c.quote) for c in read) else \
                in_before if any(w in _initials(_lead_in(c.before)) for c in read) else 0.0
        if not found and foreign and w[0] != "=":  # an English word, in an article in another language: said
            # in its words ("Durchsuchungsbeschlüsse" for "search warrants"), by the number or elsewhere in its
            # sentence (as an English word is: what tells a sentence's numbers apart), or unknown, not absent
            # ("flagged" in a German article); a family ("=...") is read in both
            if any(c.row is None and _translated(w, c.language, _near(c.quote, c.value)) for c in read):
                found = TRANSLATED
                beside += weight
            else:
                found = TRANSLATED * IN_SENTENCE if any(_translated(w, c.language, c.quote) for c in read) else FOREIGN
        if not found and local & _OF_WHAT.get(w, frozenset()) and not local & _SIBLINGS[w]:
            found = KINSHIP  # a subset asked ("=reported by users"), said by what it is of, by the
            # number ("acted on 22% of reports"), where no other subset of that is ("=reported by governments")
        if not found and (len(w) >= KIN or w.startswith("=")):  # a word of the same root the stemmer keeps apart
            # ("compliance" and "complying"), or a family's word in a language the lexicon does
            # not list ("automated" and "Automatisierte"), a little less
            found = KINSHIP * (1.0 if _kin(w, local) else IN_SENTENCE if _kin(w, sentence) else
                               IN_BEFORE if _kin(w, before) else 0.0)
        if not found and SHORT_WORD_RE.fullmatch(w):  # "dev accts": the first letters of a word by the number ("developer")
            found = KINSHIP * (1.0 if _abbreviates(w, local) else IN_SENTENCE if _abbreviates(w, sentence) else 0.0)
        got += weight * found
    return (got / total, beside / total) if total else (1.0, 1.0)


def _gap(q: Query, v: FigureView) -> int:
    """How many characters lie between a figure's number and the nearest word the question asks
    (as written, or in a word a dictionary translates it to in its sentence's language); very many
    when none is found."""
    text, found = v.quote.casefold(), find_quantities(v.quote)
    i = _number_at(found, v.value)
    if i is None:
        return len(text) + 1
    words = [w for w in q.asked if w[0] != "="]
    patterns = [re.compile(r"(?<!\w)" + re.escape(w)) for w in words] + [p for w in words for p in _written(w, v.source.language)]
    at = found[i]
    return min((min(abs(m.start() - at.start), abs(m.start() - at.end)) for p in patterns for m in p.finditer(text)),
               default=len(text) + 1)


@lru_cache(maxsize=TEXT_CACHE)
def _translated(stem: str, language: str, quote: str) -> bool:
    """Does a sentence in another language say an English word (its stem) in one of the words a
    dictionary gives for it (store.translations)?"""
    text = quote.casefold()
    return any(p.search(text) for p in _written(stem, language))


@lru_cache(maxsize=4096)
def _written(stem: str, language: str) -> tuple[re.Pattern, ...]:
    """How a sentence in ``language`` writes an English stem, in the words a dictionary gives for it:
    each by its first letters (all but its last two, at least four: "Beschwerden" for "Beschwerde"),
    anywhere in a long word (German compounds: "Nutzerbeschwerden"); as written in a script without
    spaces ("令状") and in Arabic, inside the word its particles are glued to ("مضيف", "والمضيف")."""
    out = []
    for form in words_for(stem, language):
        if EAST_ASIAN_RE.search(form) or language == "ar":
            out.append(re.compile(re.escape(form)))
        else:
            start = root(form)
            out.append(re.compile(re.escape(start) if len(start) >= 6 else r"(?<!\w)" + re.escape(start)))
    return tuple(out)


KIN, KINSHIP = 6, 0.7
SAME_NOUN = 0.05  # a count of the very noun asked ("how many comments"), in the question's words or a kin

SHORT_WORD_RE = re.compile(r"[a-z]{3,5}")  # a question's word that may stand for longer ones: initials, a cut
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=TEXT_CACHE)
def _initials(quote: str) -> str:
    """The first letters of a sentence's words, in order: a run of three to five of them is what a
    question abbreviates ("child sexual exploitation": "cse"; "terms of service": "tos")."""
    return "".join(w[0] for w in _WORD.findall(quote.lower()))


def _kin(w: str, words: frozenset[str]) -> bool:
    """Does a word share its first KIN letters with one of ``words`` (stems)? A family ("=...")
    shares them with a word the lexicon does not know ("automatizados" with "automated"; a word
    it knows is of its own family, another)."""
    if w.startswith("="):
        roots = _roots(w)
        return any(len(o) >= KIN and o[:KIN] in roots for o in words if o[0] != "=")
    # a family the lexicon reads counts by its name ("misinfo" is of "=misinformation")
    return any(len(o) >= KIN and o[:KIN] == w[:KIN] for o in (x.lstrip("=") for x in words) if o[:1] == w[0])


def _abbreviates(w: str, words: frozenset[str]) -> bool:
    """Is a short word the start of one of ``words`` (stems), longer than it ("dev": "develop")?"""
    return any(len(o) > len(w) and o.startswith(w) for o in words if o[0] != "=")


@lru_cache(maxsize=1024)
def _roots(family: str) -> frozenset[str]:
    """The first KIN letters of the words the lexicon lists for a family."""
    return frozenset(w[:KIN] for phrase in family_words(family[1:]) for w in phrase.lower().split() if len(w) >= KIN)


def _name_roots(family: str) -> frozenset[str]:
    """The first KIN letters of the words of a family's own name ("reported by users": "report")."""
    return frozenset(w[:KIN] for w in family.lower().split() if len(w) >= KIN)


# a subset (facet) and the things its name says it is a subset of: "reported by users" of "reports"
_OF_WHAT = {f"={facet}": frozenset(f"={o}" for o in OBJECTS if _name_roots(o) & _name_roots(facet)) for facet in FACETS}
_SIBLINGS = {f: frozenset(g for g, of in _OF_WHAT.items() if g != f and of & _OF_WHAT[f]) for f in _OF_WHAT}


@lru_cache(maxsize=4096)
def _source_terms(publisher: str | None, url: str | None) -> frozenset[str]:
    """The words naming a document's publisher: its name and its web address's host
    ("game-news24.com" is "game news24")."""
    return content_words(f"{publisher or ''} {re.sub(r'[.-]+', ' ', url_host(url))}") - {"com", "org", "net", "www"}


@lru_cache(maxsize=TEXT_CACHE)
def _before(text: str) -> frozenset[str]:
    """The terms of the last lines before a quote: the sentence or heading it follows."""
    return terms(_lead_in(text))


def _lead_in(text: str) -> str:
    """The line or two a quote follows; for an item of a list, the line the list follows with the
    item before it ("... blocked by Kominfo as of 26 June 2024:", "- Threads = 145": what every
    item counts is said there, however many items come between)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 2 and LIST_ITEM_RE.match(lines[-1]):
        first = len(lines) - 1
        while first > 0 and LIST_ITEM_RE.match(lines[first - 1]) and not LEADS_ON_RE.search(lines[first - 1]):
            first -= 1  # (an item that leads a list of its own on: "- For Content Policy violations, we removed")
        if first > 0:  # (a list the kept text starts inside: no line above it to read)
            return lines[first - 1][-160:] + " " + lines[-1][-80:]
    return " ".join(lines[-2:])[-240:] if lines else ""


AROUND_BEFORE, AROUND_AFTER = 60, 80  # characters: how far a number's own words reach in its clause
BRACKETED_AFTER_RE = re.compile(r"[^\S\n]*(?:[^\W\d]+[^\S\n]+){0,2}\([^\S\n]*")  # "2.33 million enforcements ("

# a line ends a clause (a table's cell), and so do Chinese and Japanese commas ("舉報 200,979 條,累計") and Hindi's danda
_CLAUSE_END = re.compile(rf"[;:()\[\]\n，、；：。।]|,\s|,(?=[{CJK}])|\s[-–—]\s|\.\s")


@lru_cache(maxsize=TEXT_CACHE)
def _around(quote: str, value: float) -> frozenset[str]:
    """The terms next to a number in its sentence: its clause, a few words either side ("of
    those, 6.7 million were first flagged by machines"), which tell apart the numbers of one
    sentence. Empty when the number is not found as written."""
    return terms(_near(quote, value))


def _number_at(found: list, value: float) -> int | None:
    """Which of a sentence's numbers (find_quantities) is a figure's value, of either sign."""
    return next((i for i, x in enumerate(found) if math.isclose(abs(x.value), abs(value), rel_tol=1e-9)), None)


@lru_cache(maxsize=TEXT_CACHE)
def _near(quote: str, value: float) -> str:
    """The words next to a number in its sentence (see ``_around``)."""
    found = find_quantities(quote)
    i = _number_at(found, value)
    if i is None:
        return ""
    quantity = found[i]
    start, end, inside = quantity.start, quantity.end, ""
    if i and BRACKETED_AFTER_RE.fullmatch(quote, found[i - 1].end, start) and (close := quote.find(")", end)) >= 0:
        # a share in brackets after a count is of what the count counts: "more than 2.33
        # million enforcements (57%) were for cheating", "4.8 Million Accounts (63%) of all"
        start, end, inside = found[i - 1].start, close + 1, quote[found[i - 1].end : quantity.start]
    cuts = [m.end() for m in _CLAUSE_END.finditer(quote, 0, start)]
    left = max(cuts[-1] if cuts else 0, start - AROUND_BEFORE)
    if not inside and (aside := aside_after(quote, found, i)) is not None:
        end = aside  # "10.5 million (39%) reports were issued regarding conduct": past the aside
    stop = _CLAUSE_END.search(quote, end)
    # up to the next number: what follows it is that number's ("21 million for adult
    # nudity and 1.9 million for promoting terrorism")
    after = next((q.start for q in found[i + 1 :] if q.start >= end), len(quote))
    right = min(stop.start() if stop else len(quote), end + AROUND_AFTER, after)
    if i and not inside and not (cuts and cuts[-1] > found[i - 1].end) \
            and (joined := joined_at(quote, max(left, found[i - 1].end), start)) is not None \
            and terms(without_periods(quote[joined:start] + " " + quote[end:right])):
        # ... and the words before it are its own from the word joining it to the number
        # before ("1337 ban appeals were made but WhatsApp took action against only 191":
        # 191 is no appeals), unless it says nothing but when ("They acted on 24% of
        # reports from January to March and 22% from April to June": 22% of reports)
        left = joined
    return quote[left:start] + " " + inside + " " + quote[end:right]


def _score(q: Query, fig: Figure, evidence: float | None = None) -> float:
    """How well a figure that does not contradict the question fits it (``evidence``: its
    sources' share of what was asked, once citations are read)."""
    feats = _figure_features(fig)
    f = q.features
    row = bool(fig.citations) and fig.citations[0].row is not None  # a table's, its labels the publisher's own
    score = 0.5
    if evidence is not None:
        score += EVIDENCE_WEIGHT * (evidence - 0.5)
    # a policy asked: a figure of that policy (by its policy or its metric's name: "Fake accounts
    # prevented"), not one of all policies that merely mentions it
    score += 0.08 * bool(f.platforms) + 0.08 * bool(f.policies & feats.policies) + 0.1 * bool(q.period)
    if f.platforms and fig.platform not in f.platforms:
        score -= 0.06
    if f.actions and not (f.actions & feats.actions):
        score -= 0.05  # "taken down" answered by content actioned
    elif not f.actions and feats.actions & AUDIENCE_ACTIONS:
        score -= 0.05  # "fb fake accts": removed, not active on the platform
    if feats.actions & AFTER_ACTIONS - f.actions:
        score -= 0.05  # "whatsapp india bans": the bans, not the ban appeals
    score += 0.08 * bool(f.actions and feats.actions & f.actions) + 0.08 * bool(f.objects and feats.objects & f.objects)
    score += 0.12 * bool(f.facets)
    if not f.facets and feats.facets and (f.actions or f.objects):
        score -= 0.1  # a share of a subset, when the question named a metric but no subset
    if f.kind is None and fig.unit in ("percent", "percent change"):
        score -= 0.15  # "twtr susp h2 2017": a terse question asks for the count
    elif f.kind == "count" and fig.unit == "percent":
        score -= SHARE_FOR_COUNT  # "how many videos did automated systems remove": a count of them first

    if q.counted and fig.unit not in _UNNAMED_UNITS and not q.counted & named(fig.unit):
        score -= COUNTED  # "how many countries/markets": 42 countries, not 1,768 requests
    elif q.counted and not row and fig.unit not in _UNNAMED_UNITS and _same_noun(q.counted, fig.unit):
        score += SAME_NOUN  # "how many comments": 224 milioni di commenti, before 7.8 million videos (both content;
        # not a table's: its unit is its column's, and its row's names are read below)
    elif f.objects and not q.counted and _kind(fig) == "count" and fig.unit not in _UNNAMED_UNITS \
            and not _features(fig.unit, "").objects:
        score -= OTHER_THING  # "isis channels blocked": 78 channels, not the 12 languages they were in
    if q.values and any(abs(c.value - v) <= 0.01 * abs(v) for c in fig.citations for v in q.values):
        score += 0.1  # "is it true Twitter suspended 1.2 million accounts?": that figure
    if not q.names_metric:
        similarity = fuzz.token_set_ratio(q.text.lower(), fig.metric.lower()) / 100
        score -= 0.2 * (1 - similarity)
    # names the publisher uses, stated word for word, beat near ones ("with appeal" against
    # "without appeal", "Hate & Spam" against "Spam & Hate", a policy against all policies)
    for fit, name in ((q.metric_fit, fig.metric), (q.policy_fit, fig.policy)):
        if name in fit:
            score += 0.25 * fit[name]
        elif 1.0 in fit.values():
            score -= 0.1  # another name is stated word for word
    if row:
        # A table row: its metric and policy are the publisher's own labels, so the words a
        # question shares with them tell "removal rate within 24 hours" from "... before any
        # views"; without a policy in the question, the all-policies total answers.
        words = content_words(q.text) - content_words(fig.platform + " " + fig.location)
        if words:
            score += 0.12 * len(words & content_words(fig.metric + " " + fig.policy)) / len(words)
    if not f.policies and not q.named_policies and fig.policy == ALL_POLICIES:
        score += 0.05  # no policy asked: the total, not one policy's part of it
    return score


def _rank(q: Query, figures: list[Figure], store) -> list[Scored]:
    """Score the figures that do not contradict the question (their citations are read only
    for those: a wide slice of a large store has hundreds of candidates and few survivors)."""
    fitting = [fig for fig in figures if not _contradicts(q, fig, _figure_features(fig))]
    # a number the question states as context ("in the report with ~1.7 million channels deleted")
    # says which report: the periods of the figures it is
    context = {(f.platform, f.period_start, f.period_end) for f in figures
               if any(math.isclose(f.value, v, rel_tol=GIVEN_CONTEXT) for v in q.given)} if q.given else set()
    if len(fitting) > RANK_POOL:  # a wide slice of a large store: the best by their names first,
        # and those named as well as the last of them (a table's many rows of one name would
        # otherwise push an article's figure out by the order they were stored in), up to twice as many
        named = sorted(((_score(q, fig), fig) for fig in fitting), key=lambda sf: sf[0], reverse=True)
        cut = named[RANK_POOL - 1][0] - 1e-9
        fitting = [fig for score, fig in named[: 2 * RANK_POOL] if score >= cut]
    idf = reader(store).idf
    scored = []
    for fig in store.queries.with_citations(fitting):
        off, weighed = _reading(q, fig), q
        if not _supported(q, fig):
            # words the lexicon does not know, that no source of the figure uses, lower its score
            # (more when they may be what is counted), unless they say what was done to it, why, or
            # what it is ("appeals *rejected*", "closed for *knitting*", "how many *pizzas*")
            if _named_all_but_words(q, fig):
                off -= UNSUPPORTED
            elif not _supported(replace(q, blocking=q.decisive), fig):
                continue
            else:
                off -= UNSUPPORTED_OTHER
            weighed = replace(q, asked=q.asked - terms(" ".join(q.blocking)))  # (paid for: not weighed again)
        if off <= -1.0 or _other_rate(q, fig) or _per_count(q, fig) or _other_months(q, fig) or _one_day_of_more(q, fig):
            continue
        if not (_policy_stated(q, fig) and _platform_stated(q, fig) and _named_row(q, fig)
                and answers_for_platform(q, fig, store)):  # NCMEC's count is not Discord's
            continue
        evidence, beside = _evidence(weighed, fig, idf)
        if evidence >= MIN_EVIDENCE - 1e-9:  # (a sum of floats: all of it at 0.4 is 0.4, not 0.39999...)
            said = GIVEN_PERIOD * ((fig.platform, fig.period_start, fig.period_end) in context)
            scored.append((_score(q, fig, evidence) + off + said + NAMED_SOURCE * _named_source(q, fig), fig, beside))
    return _merge(scored)


def _same_noun(counted: frozenset[str], unit: str) -> bool:
    """Is a count's unit the very noun a question counts ("comments": "commenti"), not only of its
    family ("videos" are content too)?"""
    asked = {w for w in counted if w[0] != "="}
    said = content_words(unit)
    return bool(asked & said) or any(_kin(w, said) for w in asked if len(w) >= KIN)


def _cites(q: Query, publisher: str | None, url: str | None) -> bool:
    """Does the question name this publisher ("per TomoNews", "per Newser")?"""
    return any(w in _source_terms(publisher, url) for w in q.asked)


def _cited_alone(q: Query, best: FigureView, rival: FigureView) -> bool:
    """Does the question name who published the best statement and not the rival's ("per Newser"):
    it asks for that source's number, not which of the two?"""
    return _cites(q, best.source.publisher, best.source.url) and not _cites(q, rival.source.publisher, rival.source.url)


def _named_source(q: Query, fig: Figure) -> bool:
    """Does the question name who published one of the figure's statements?"""
    return any(_cites(q, c.publisher, c.url) for c in _read(fig))


def _reading(q: Query, fig: Figure) -> float:
    """How far the lexicon's reading of what a figure counts is from what the question asks:
    another subset ("flagged by internal tools" for "before their first tweet"), another
    object, another action ("suspension appeals" asks for appeals, not suspensions). For a
    table row, whose labels are the publisher's own, that is a contradiction (-1); for a
    sentence, whose reading is the lexicon's guess, a penalty the sentence's words can
    outweigh."""
    f, feats = q.features, _figure_features(fig)
    fig_kind = _kind(fig)
    off = 0.0
    if f.facets != feats.facets and (f.facets or not (f.kind and f.kind == fig_kind and fig_kind != "count")):
        off += 0.25 if feats.facets else 0.35  # the question asks for a subset the figure is not
    if f.objects and feats.objects and not (f.objects & feats.objects):
        off += 0.25
    if f.actions and feats.actions and not (f.actions <= feats.actions | _IMPLIED.get(frozenset(feats.actions), frozenset())):
        off += 0.25
    if off and any(c.row is not None for c in fig.citations):
        return -1.0
    return -off


def _other_months(q: Query, fig: Figure) -> bool:
    """Does a figure whose document states no period name other months in its own sentence than
    the ones asked ("banned 23.24 lakh accounts in India in October", for "in november")? (A
    dated figure's months are checked by ``_of_months``, before its citations are read.)"""
    if not q.months or fig.period_start is not None:
        return False
    first, last = q.months
    asked = {(first + i - 1) % 12 + 1 for i in range((last - first) % 12 + 1)}
    said = {MONTHS[m.group().lower()[:3]] for c in _read(fig) for m in MONTH_NAME_RE.finditer(c.quote)
            if m.group() != "may"}  # "it may": no month
    return bool(said) and not said & asked


def _one_day_of_more(q: Query, fig: Figure) -> bool:
    """Is a figure one day's count that its own sentence dates ("За сутки, 1 января 2026 года, ...
    заблокировал 543 000"), for a question about a month or more ("blocked in january 2026")? A
    figure dated to a day by its document only (a snapshot "as of 13 December 2019") is not."""
    p = q.period
    if not (p and p.start and p.end and (p.end - p.start).days >= 27 and fig.period_start and fig.period_start == fig.period_end):
        return False
    day = fig.period_start
    return any(m.period and m.period.start == m.period.end == day for c in _read(fig) for m in find_periods(c.quote, c.published))


def _rate_said(q: Query, fig: Figure, feats) -> bool:
    """May a count be the rate a question asks for ("how many accounts does WhatsApp ban per month",
    "... spam accounts suspended per day"), said by the words by its number ("bans about eight million
    accounts a month")? Its statements are read for that once they are (``_per_count``)."""
    return q.features.kind == "average" and bool(per_units(q.text)) and _kind(fig) == "count" and feats.kind != "average"


def _per_count(q: Query, fig: Figure) -> bool:
    """Is a count, asked for as a rate, not said to be per the question's unit of time?"""
    if not _rate_said(q, fig, _figure_features(fig)):
        return False
    said = per_units(fig.metric).union(*(per_units(_near(c.quote, c.value)) for c in _read(fig) if c.row is None))
    return not said & per_units(q.text)


def _other_rate(q: Query, fig: Figure) -> bool:
    """Does a figure count per another unit of time than the question asks, by its metric or the
    words by its number ("per day" is not "each month"; "daily actives" not "2.38 billion monthly
    active users")?"""
    if not (asked := per_units(q.text)):
        return False
    said = per_units(fig.metric).union(*(per_units(_near(c.quote, c.value)) for c in _read(fig) if c.row is None))
    return bool(said) and not asked & said


def _platform_stated(q: Query, fig: Figure) -> bool:
    """A question about a service (LinkedIn) may be answered by its company's figure only when
    a sentence states it ("Meta removed 1.3 billion fake accounts"): a company's table row
    counts all its services and is no answer about one of them."""
    f = q.features
    if not f.platforms or fig.platform in f.platforms or fig.platform not in COMPANIES:
        return True
    if any(p.casefold() in fig.breakdown.casefold() for p in f.platforms):
        return True  # the company's row broken down by that service ("Microsoft ... Bing")
    return not any(c.row is not None for c in fig.citations)


def _policy_stated(q: Query, fig: Figure) -> bool:
    """A question about a policy area is answered by a figure of no one policy only when its
    sentence says that policy in its own words; a table's all-policies total never answers it."""
    if not (q.features.policies or q.named_policies) or fig.policy != ALL_POLICIES:
        return True
    asked = {w for p in q.features.policies | q.named_policies for w in content_words(p)}
    if any(c.row is not None for c in fig.citations):  # a table's total, unless its metric says
        return bool(asked & content_words(fig.metric))  # the policy ("Copyright Notices: total")
    # said in its sentence, or just before it ("Hate speech ... About these contents, the
    # social network received 2.3 million claims"), in its words or the lexicon's ("Nacktheit");
    # in a sentence naming several policies, next to the number ("865.8 million posts, mostly
    # spam, while hate speech ... made up a small share" is no count of hate speech)
    asked |= {f"={p}" for p in q.features.policies}
    said: set[str] = set()
    for c in _read(fig):
        named = describe(c.quote).policies
        if len(q.features.policies) > 1 and q.features.policies <= named:
            return True  # "posts containing sexual pictures, terrorist propaganda or hate content": all of them
        several = len(named) > 1
        # a sentence that names its own policies, none of them asked, is about them, not about
        # the one the sentence before names ("Verstöße gegen den Kinderschutz ... 3,8 Millionen.
        # 3,2 Millionen Videos wurden als Spam klassifiziert": 3.2 million is no child safety count)
        own = bool(named) and not named & q.features.policies
        text = ("" if own else _lead_in(c.before)) + ("" if several else " " + c.quote)
        said |= content_words(text) | terms(text) | (_around(c.quote, c.value) if several else frozenset())
    # (or a word of the same root the stemmer keeps apart: "violent threats" says violence)
    said_words = frozenset(said)
    return bool(asked & said) or any(_kin(w, said_words) for w in asked if w[0] != "=" and len(w) >= KIN)


def _named_row(q: Query, fig: Figure) -> bool:
    """A question that names a publisher's policy word for word ("Fake Accounts", "Child Nudity
    & Sexual Exploitation") is not answered by a table row of another policy ("Spam", "Child
    Endangerment: Nudity and Physical Abuse"), however near in the lexicon; a row whose policy
    holds the name ("Dangerous Orgs: Terrorism" for "Terrorism") still answers."""
    if not q.named_policies or fig.policy == ALL_POLICIES or not any(c.row is not None for c in fig.citations):
        return True
    words = content_words(fig.policy)
    return any(content_words(name) <= words for name in q.named_policies)


def _named_all_but_words(q: Query, fig: Figure) -> bool:
    """Does the question name a policy, and what the figure counts (accounts, content,
    channels...) or the subset it is of ("caught *proactively*"), so that words the lexicon
    does not know only qualify them ("accounts closed for *glorifying* terrorism", "*caught*
    proactively")? Otherwise such a word may be what is counted or why ("accounts
    closed for knitting", "how many pizzas did YouTube remove", "what % of channel
    *terminations* ...", answered by a share of comments), and a figure without it pays more."""
    feats = _figure_features(fig)
    return bool(q.features.policies or q.named_policies) and bool(q.features.objects & feats.objects
                                                                     or q.features.facets & feats.facets)


def _supported(q: Query, fig: Figure) -> bool:
    """Words the lexicon does not know, inside what the question asks ("how many *fake*
    accounts", "how many *pizzas*"), change what is counted: a figure answers only when its
    own sources use those words (in the sentence quoted, the document's title, or who published
    it: "of the 7.9M videos deleted (Hardwareluxx)")."""
    if not q.blocking:
        return True
    text = " ".join(f"{c.quote} {c.title or ''}" for c in _read(fig)) + " " + fig.metric + " " + fig.policy
    context = content_words(text).union(*(_source_terms(c.publisher, c.url) for c in _read(fig)))
    glued = re.sub(r"[^a-z0-9]+", "", text.lower())
    # a longer word may be part of a name written as one ("upper" in "Upperbound Prevalence"), and a
    # word with a hyphen or a digit is said without them ("under-13s": "under 13"); a sentence in another
    # language uses it, by the number, in a word a dictionary translates it to ("حظر 44,121 مضيف": hosts)
    foreign = [c for c in _read(fig) if c.language not in ("", "en")]
    return all(content_words(w) <= context or (len(w) >= 4 and (w in glued or _bare(w) in glued))
               or (foreign and all(any(_translated(st, c.language, _near(c.quote, c.value)) for c in foreign)
                                   for st in content_words(w)))
               for w in q.blocking)


def _bare(word: str) -> str:
    """A word's letters and digits, without a plural's s ("under-13s": "under13")."""
    return re.sub(r"[^a-z0-9]+", "", word.lower()).removesuffix("s")


def _merge(scored: list[tuple[float, Figure, float]]) -> list[Scored]:
    """One entry per fact (from its statements' score, figure and ``Scored.beside``).
    Statements of the same metric and period whose values agree (a rounded "over 270,000" and
    an exact 274,460) count as one fact, shown by its most precise value; values that disagree
    stay separate, to be shown side by side."""
    groups: dict[tuple, list[tuple[float, Figure, float]]] = {}
    for s, fig, beside in scored:
        key = (fig.platform, fig.metric, fig.policy, fig.location, fig.breakdown, fig.period_start, fig.period_end, fig.unit)
        groups.setdefault(key, []).append((s, fig, beside))
    out: list[Scored] = []
    for key, members in groups.items():
        members.sort(key=lambda sf: (_precision(sf[1]), -sf[0]))
        while members:
            lead_score, lead, lead_beside = members.pop(0)
            agreeing = [m for m in members if _agrees(m[1], lead.value)]
            members = [m for m in members if m not in agreeing]
            figs = [lead] + [m[1] for m in agreeing]
            # the documents that agree: a snapshot that published another value for the same fact
            # (since revised) cites it without agreeing with it
            docs = {c.document_id for c in lead.citations if c.value == lead.value} | {
                c.document_id for fig in figs[1:] for c in fig.citations}
            docs = docs or {c.document_id for c in lead.citations}
            fit = max([lead_score] + [m[0] for m in agreeing])
            score = fit + 0.02 * math.log2(1 + len(docs))
            beside = max([lead_beside] + [m[2] for m in agreeing])
            out.append(Scored(score, fit, _view(lead, len(docs), score), key, frozenset(docs), beside,
                              max((c.quote_start or 0) for c in lead.citations)))
    # equally good: the newer period, then what is said further on (a document that states a
    # fact twice, "Originally published: 842,831,976 ... Revised: 893,635,095", means the last)
    out.sort(key=lambda s: (-s.score, -(s.view.period_end or dt.date.min).toordinal(), -s.at))
    return out


def _precision(fig: Figure) -> tuple[int, int]:
    """Most precise first: an unqualified statement before a bound or an "about", then the
    more significant digits ("2.19 billion" before "2.2 billion")."""
    return (0 if any(c.qualifier is None for c in fig.citations) else 1, -digits(fig.value))


def _agrees(fig: Figure, exact: float) -> bool:
    """Does a bound or rounded statement of ``fig`` agree with the exact value?"""
    for c in fig.citations:
        v, q = c.value, (c.qualifier or "")
        if v == exact or (not q and rounds_to(exact, v)):
            return True
        # a bound agrees with an exact value that keeps it, of the same order ("less than one
        # percent" and 0.2%; "over 270,000" and 274,460)
        if q in LOWER_BOUNDS and v < exact <= v * BOUND_RANGE:
            return True
        if q == "at least" and v <= exact <= v * BOUND_RANGE:
            return True
        if q in UPPER_BOUNDS and v / BOUND_RANGE <= exact < v:
            return True
        if q in ("roughly", "about", "around", "approximately", "nearly", "almost", "some", "an estimated") and abs(exact - v) <= 0.1 * abs(v):
            return True
    return False


def _view(fig: Figure, sources: int, score: float) -> FigureView:
    # the lead quote: a qualified statement ("more than 125,000") before a bare one, so a
    # qualifier some source gives is never dropped; then the earliest published
    cites = sorted(fig.citations, key=lambda c: (c.qualifier is None, c.published or dt.date.max, c.id))
    latest = max(fig.citations, key=lambda c: (c.published or dt.date.min, c.id))
    lead = latest if latest.value == fig.value and latest.row is not None else cites[0]
    revisions = tuple(
        Revision(c.value, format_value(c.value, fig.unit), _source(c))
        for c in sorted(fig.citations, key=lambda c: (c.published or dt.date.min, c.id))
        if c.value != fig.value
    )
    return FigureView(
        figure_id=fig.id, value=fig.value, unit=fig.unit, qualifier=lead.qualifier, metric=fig.metric,
        policy=fig.policy, platform=fig.platform, location=fig.location, breakdown=fig.breakdown,
        period_start=fig.period_start, period_end=fig.period_end, period_label=fig.period_label,
        quote=lead.quote, source=_source(lead), sources=sources, score=min(score, 1.0), revisions=revisions,
        compared_with=label_for(fig.compare_start, fig.compare_end) if fig.compare_start else None,
    )


def _source(c: Citation) -> SourceView:
    return SourceView(c.title, c.publisher, c.url, c.published, c.filename, c.row, c.language)


# --- suggestions ----------------------------------------------------------------------------

def _suggest(store, q: Query) -> tuple[FigureView, ...]:
    """The nearest figures to a question that has no answer: those that match it on all but
    one thing (period, platform, location, metric or policy), the closest period first."""
    if not (q.names_metric or q.period or q.features.platforms or q.features.policies or q.location):
        return ()  # nothing in the question was understood: no figure is "near" it
    found: list[Scored] = []
    for relaxed in _relaxations(q):
        figures = _fetch(store, relaxed, limit=SUGGESTION_POOL)
        fitting = [fig for fig in figures if not _contradicts(relaxed, fig, _figure_features(fig))]
        fitting.sort(key=lambda fig: _period_distance(q.period, fig))
        # merge statements of one fact, keeping the order of nearness
        merged = _merge([(-i, fig, 0.0) for i, fig in enumerate(store.queries.with_citations(fitting[:SUGGESTION_POOL]))])
        keys = {s.key for s in found}
        found += [m for m in merged if m.key not in keys]
        if len(found) >= SUGGESTIONS:
            break
    return tuple(replace(m.view, score=0.0) for m in found[:SUGGESTIONS])


def _relaxations(q: Query):
    """The question with one of its constraints dropped at a time: period, platform, place,
    metric, policy."""
    f = q.features
    yield replace(q, period=None)
    yield replace(q, features=replace(f, platforms=frozenset()))
    yield replace(q, location=None)
    yield replace(q, features=replace(f, kind=None, facets=frozenset(), actions=frozenset(), objects=frozenset()), blocking=())
    yield replace(q, features=replace(f, policies=frozenset()))


def _period_distance(p: Period | None, fig: Figure) -> float:
    if p is None or p.start is None or fig.period_end is None:
        return 0.0
    return abs((fig.period_end - (p.end or fig.period_end)).days) + abs(((fig.period_start or fig.period_end) - p.start).days)
