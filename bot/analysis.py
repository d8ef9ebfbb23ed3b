"""Answers beyond one figure: one fact over time (a series), facts side by side (a comparison),
and a total over a period that stored shorter periods cover exactly (a derived sum).

Everything is built from stored figures, each shown with its quote and source; a value
modstats computes carries ``derived`` and says so. ``answer(question, store)`` returns None for
a question about one figure, which the engine answers as before (it calls this first).

- Series: "over time", "trend", "each quarter of 2022", "since 2019", "2018–2023", "how have X
  changed since 2018". The same fact (platform, metric, policy, place, breakdown, unit) in
  every stored period of one length inside the range, in period order, gaps shown as gaps.
  "since" and ranges also name single stored figures ("since mid-2015", "Aug 2015 to Dec
  2017"): the engine's answer wins when it has one.
- Comparison: "X vs Y", "compare A and B", "A or B: which is higher". Each side is a question
  of its own, sharing what only the other side says; two figures of one unit get their
  difference (and, for counts, their ratio), computed.
- Derived total: a year (or half) with no stored figure, covered by its halves or quarters of
  one fact from one source: their sum. Never shares or changes; never bounds that pull apart.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import replace

from bot import engine, render
from bot.answers import AMBIGUOUS, ANSWER, COMPARISON, NO_ANSWER, SERIES, Answer, Derived, FigureView, Gap, NOT_SUMMED
from bot.slots import Parts, compose, split
from bot.understanding import Query
from store.periods import Period, find_periods, label_for, month_end, span
from store.vocabulary import describe

# what makes a question a series ...
TREND_RE = re.compile(
    r"\b(?:over\s+time|trends?|trending|trended|time[-\s]series|histor(?:y|ical(?:ly)?)|"
    r"over\s+the\s+(?:past\s+|last\s+)?(?:\w+\s+)?(?:years|quarters|halves)|"
    r"(?:year|quarter)[-\s]+(?:over|on|by)[-\s]+(?:year|quarter)|"
    r"(?:each|every|per|by)\s+(?:quarter|half|half-year|six\s+months|year)|"
    r"quarterly|half[-\s]yearly|annually|yearly|year\s+by\s+year|"
    r"evolv(?:e|ed|ing)|develop(?:ed|ing)?)\b",
    re.IGNORECASE,
)
# ... "how have X changed" (not "how much did X change in H2 2017", a stored change)
HOW_RE = re.compile(r"\bhow\s+(?:has|have|did|do|does|is|are)\b", re.IGNORECASE)
CHANGE_VERB_RE = re.compile(r"\b(?:chang(?:e|ed|ing)|mov(?:e|ed)|gr(?:own|ow|ew)|gone|go)\b", re.IGNORECASE)
CHANGED_RE = re.compile(HOW_RE.pattern + r"(?!\s+much\b).*?" + CHANGE_VERB_RE.pattern, re.IGNORECASE)
STEP_RE = re.compile(r"\b(?:(?:each|every|per|by)\s+(?P<unit>quarter|half-year|half|six\s+months|year)|(?P<adj>quarterly|half[-\s]yearly|annually|yearly|year\s+by\s+year))\b", re.IGNORECASE)
# ... and a comparison
VS_RE = re.compile(r"\s+(?:vs\.?|versus|v\.)\s+", re.IGNORECASE)
COMPARE_RE = re.compile(r"^\W*(?:please\s+)?compare\s+(?P<a>.+?)\s+(?:and|with|to|against)\s+(?P<b>.+)$", re.IGNORECASE)
WHICH_RE = re.compile(r"\b(?:which|whether|did|does|do|was|were|is|are)\b.*\b(?:higher|more|larger|bigger|greater|lower|fewer|less|smaller|most|least)\b"
                      r"|\b(?:higher|more|larger|bigger|greater|lower|fewer|less|smaller)\b.*\bwhich\b", re.IGNORECASE)
# "how many more videos did TikTok remove in Q4 2023 than in Q4 2022?", "how many times more ... than ..."
MORE_THAN_RE = re.compile(r"\bhow\s+(?:many|much)\s+(?:times\s+)?(?:more|fewer|less|higher|lower)\s+(?P<a>.+?)\s+than\s+(?P<b>.+)$", re.IGNORECASE)
# "..., what's the difference?": asks for what a comparison computes anyway
DIFFERENCE_RE = re.compile(r"[,;:]?\s*(?:what(?:['’]s|\s+is)|how\s+big\s+is)\s+the\s+(?:difference|gap)\b\W*", re.IGNORECASE)
COMPARED_RE = re.compile(r"\s+compared\s+(?:with|to)\s+", re.IGNORECASE)
OR_RE = re.compile(r"\s+or\s+", re.IGNORECASE)
CLAUSE_RE = re.compile(r"[:;,?]")

SERIES_MIN = engine.MIN_SCORE - 0.1  # a series question names no one period: no credit for one
FACTS_TRIED = 5  # of the best facts for a series, how many are looked up for their periods
PART_LENGTHS = (6, 3)  # a year from its halves or its quarters; a half from its quarters
LOWER = {"over", "more than", "just over", "in excess of", "upwards of"}
AT_LEAST = {"at least"}
UPPER = {"less than", "fewer than", "under", "just under"}
AT_MOST = {"at most", "no more than", "up to"}


def answer(question: str, store) -> Answer | None:
    """The answer to a question about several figures, or None when it asks for one."""
    sides = comparison_sides(question)
    if sides is not None:
        if not asks_change(question):
            return _comparison(sides, store)
        single = engine._answer(question, store, beyond=False)  # a stored change, if there is one
        if single.status == ANSWER:
            return single
        compared = _comparison(sides, store)
        return compared if compared is not None and compared.status == COMPARISON else single
    if TREND_RE.search(question) or CHANGED_RE.search(question):
        found = _series(question, store)
        if found is not None:
            return found
    query = engine.reader(store).read(question)
    asked, since = asked_range(question, query)
    weak_trend = asked is not None and (since or (asked.months() or 0) > 12)
    if weak_trend:
        single = engine._answer(question, store, beyond=False)
        if single.status == ANSWER and (not since or single.answer.period_label.startswith("since")):
            return single  # a stored figure of the whole range ("since mid-2015", "Aug 2015 to Dec 2017")
        found = _series(question, store)
        return found if found is not None else single
    if _coverable(query):
        single = engine._answer(question, store, beyond=False)
        if single.status != NO_ANSWER:
            return single  # a stored figure for the whole period wins over a sum
        found = _total(query, store)
        return found if found is not None else single
    return None


def one(question: str, store) -> Answer:
    """One figure: the engine's, or else a stored total's sum."""
    single = engine._answer(question, store, beyond=False)
    if single.status == NO_ANSWER:
        total = _total(engine.reader(store).read(question), store)
        if total is not None:
            return total
    return single


# --- series ---------------------------------------------------------------------------------

def _step(question: str) -> int | None:
    m = STEP_RE.search(question)
    if not m:
        return None
    word = (m.group("unit") or m.group("adj")).lower()
    return 3 if word.startswith("quarter") else 6 if word.startswith(("half", "six")) else 12


def _core(question: str) -> str:
    """The question without its trend words: what is counted, where, and the range."""
    text = TREND_RE.sub(" ", question)
    if CHANGED_RE.search(question):
        text = CHANGE_VERB_RE.sub(" ", HOW_RE.sub(" ", text))
    return re.sub(r"\s+", " ", text).strip()


def _whole(v: FigureView) -> int | None:
    """The length in months of a figure's period of whole calendar months, else None."""
    s, e = v.period_start, v.period_end
    if s is None or e is None or s.day != 1 or e != month_end(e.year, e.month) or v.compared_with:
        return None
    return (e.year - s.year) * 12 + e.month - s.month + 1


def _inside(v: FigureView, bounds: Period | None, since: bool) -> bool:
    if bounds is None or bounds.start is None:
        return True
    if v.period_start is None or v.period_start < bounds.start:
        return False
    return since or bounds.end is None or (v.period_end is not None and v.period_end <= bounds.end)


def _fact(s: engine.Scored) -> tuple:
    platform, metric, policy, location, breakdown, _start, _end, unit = s.key
    return (platform, metric, policy, location, breakdown, unit)


def _series(question: str, store) -> Answer | None:
    query = engine.reader(store).read(_core(question))
    if query.scope or not (query.asked or query.features.platforms):
        return None
    (bounds, since), step = asked_range(question, query), _step(question)
    if bounds is not None and bounds.start is None:
        bounds = None
    fact_query = replace(query, period=None, since=False, latest=False)
    # the best facts with their periods in the range: a fact stated in one period of it is no
    # series ("Reports Received", Q1 2023 only, then renamed), so the next metric is tried
    found: list[tuple[engine.Scored, list[FigureView]]] = []
    looked, short = set(), set()  # facts looked up; metrics with too few periods (in any policy)
    for s in _fact_candidates(fact_query, bounds, since, step, store):
        if found and found[0][0].fit - s.fit > engine.TIE or len(looked) == FACTS_TRIED:
            break
        if _fact(s) in looked or _fact(s)[:2] in short:
            continue
        looked.add(_fact(s))
        points = _periods(fact_query, _fact(s), bounds, since, step, store)
        if len(points) >= 2:
            found.append((s, points))
        elif not found:
            short.add(_fact(s)[:2])
    if not found:
        return None  # one period is no series: the engine answers it
    best = found[0][0]
    rivals = [s for s, _ in found  # equally good facts with other numbers (one number under two names is one)
              if s is best or not (s.view.period_start == best.view.period_start
                                   and math.isclose(s.view.value, best.view.value, rel_tol=0.005))]
    if len(rivals) > 1:
        views = tuple(s.view for s in rivals[:5])
        return Answer(AMBIGUOUS, render.ambiguous(views), None, views)
    points = found[0][1]
    series = _with_gaps(points, _whole(points[0]), None if since else bounds)
    return Answer(SERIES, render.series(series), series=series)


def _periods(fact_query: Query, fact: tuple, bounds: Period | None, since: bool, step: int | None, store) -> list[FigureView]:
    """A fact's stored figures in the range, of one length (the step asked, else the most
    common), in period order."""
    points = [v for v in _points(fact_query, fact, store, bounds, since) if _inside(v, bounds, since)]
    lengths = Counter(_whole(v) for v in points)
    if not lengths:
        return []
    length = step or max(lengths, key=lambda n: (lengths[n], -n))
    return sorted((v for v in points if _whole(v) == length), key=lambda v: v.period_start)


SINCE_RE = re.compile(r"\b(?:since|from|starting(?:\s+in)?|beginning(?:\s+in)?)\s*$", re.IGNORECASE)
UNTIL_RE = re.compile(r"^\s*(?:to|through|thru|until|till|and|[-–—])\s*$", re.IGNORECASE)


def asked_range(text: str, query: Query) -> tuple[Period | None, bool]:
    """The periods a question spans, and whether the end is open: what the reader found,
    widened for what it reads as one period: "since Q3 2021" (open), "from Q1 2023 to Q2 2024"
    and "between H1 2021 and H2 2023" (the first's start to the second's end)."""
    mentions = [m for m in find_periods(text) if m.period is not None and m.period.start is not None]
    if len(mentions) >= 2 and UNTIL_RE.match(text[mentions[0].end:mentions[1].start]) and mentions[1].period.end:
        first, second = mentions[0].period, mentions[1].period
        return Period(first.start, second.end, f"{first.label} to {second.label}"), False
    if mentions and mentions[0].kind == "closed" and SINCE_RE.search(text[:mentions[0].start]):
        return Period(mentions[0].period.start, None, f"since {mentions[0].period.label}"), True
    return query.period, query.since


def _fact_candidates(fact_query: Query, bounds: Period | None, since: bool, step: int | None, store) -> list[engine.Scored]:
    """The facts a series question could be about, best first: with a range, those of the
    range's first period of each length (Q1, H1, the year: one indexed slice each, and the
    engine's own bar), and those among the newest figures inside it (a fact first stated
    later in the range)."""
    found: list[engine.Scored] = []
    if bounds is not None and bounds.start is not None:
        for length in ([step] if step else [3, 6, 12]):
            if (bounds.start.month - 1) % length:
                continue  # a half or a year does not start in this month
            probe = _shift(bounds.start, 0, length)
            found += [s for s in engine.candidates(replace(fact_query, period=probe), store)
                      if s.score >= engine.MIN_SCORE and _whole(s.view) == length]
    found += [s for s in engine.candidates(fact_query, store) if s.score >= SERIES_MIN and _whole(s.view)
              and _inside(s.view, bounds, since) and (step is None or _whole(s.view) == step)]
    return sorted(found, key=lambda s: -s.score)


def _points(query: Query, fact: tuple, store, bounds: Period | None = None, since: bool = False) -> list[FigureView]:
    """Every stored period of one fact inside the range asked (all of them without one), one
    figure each (the best supported). The range is part of the query: the index then reads
    only its slice of the platform (a million generated rows: 11 ms a fact for all periods)."""
    platform, metric, policy, location, breakdown, unit = fact
    where = ["f.platform = :pl", "f.metric = :me", "f.policy = :po", "f.location = :lo", "f.breakdown = :br", "f.unit = :un"]
    params = {"pl": platform, "me": metric, "po": policy, "lo": location, "br": breakdown, "un": unit}
    if bounds is not None and bounds.start is not None:
        where.append("f.period_start >= :b0")
        params["b0"] = bounds.start
        if not since and bounds.end is not None:
            where.append("f.period_end <= :b1")
            params["b1"] = bounds.end
    figures = store.queries.figures(where, params, citations=False)
    best: dict[tuple, engine.Scored] = {}
    for s in engine.rank(query, figures, store):
        k = (s.view.period_start, s.view.period_end)
        if _whole(s.view) and (k not in best or (s.view.sources, s.score) > (best[k].view.sources, best[k].score)):
            best[k] = s
    return [s.view for s in best.values()]


def _with_gaps(points: list[FigureView], months: int, bounds: Period | None) -> tuple[FigureView | Gap, ...]:
    """The points in period order with a Gap for every missing period between them, and
    between them and the ends of a closed range asked for ("2018–2023")."""
    by_start = {v.period_start: v for v in points}
    first, last = points[0].period_start, points[-1].period_start
    if bounds is not None and bounds.start is not None and bounds.end is not None:
        while _shift(first, -months, months).start >= bounds.start:
            first = _shift(first, -months, months).start
        while _shift(last, months, months).end <= bounds.end:
            last = _shift(last, months, months).start
    out: list[FigureView | Gap] = []
    period = _shift(first, 0, months)
    while period.start <= last:
        out.append(by_start.get(period.start) or Gap(period.start, period.end, period.label))
        period = _shift(period.start, months, months)
    return tuple(out)


# --- comparisons ----------------------------------------------------------------------------

def comparison_sides(question: str) -> tuple[str, str, str] | None:
    """(one side, the other, what both share) of a comparison, or None."""
    text = DIFFERENCE_RE.sub("", question).strip()
    m = COMPARE_RE.match(text)
    if m:
        return m.group("a"), m.group("b"), ""
    halves = VS_RE.split(text, maxsplit=1)
    if len(halves) == 2:
        return halves[0], halves[1], ""
    m = MORE_THAN_RE.search(text)
    if m:
        return m.group("a"), m.group("b"), ""
    halves = COMPARED_RE.split(text, maxsplit=1)
    if len(halves) == 2:
        return halves[0], halves[1], ""
    if WHICH_RE.search(text):
        clauses = CLAUSE_RE.split(text)
        for i, clause in enumerate(clauses):
            pair = OR_RE.split(clause, maxsplit=1)
            if len(pair) == 2:
                shared = " ".join(c for j, c in enumerate(clauses) if j != i)
                return pair[0], pair[1], shared
    return None


def asks_change(question: str) -> bool:
    """"how much did suspensions drop in H2 2017 vs the previous period", "more or fewer ...
    than the period before", "how many times more ... than in 2018": a stored change (or
    multiple) answers it, before two figures side by side."""
    if any(m.kind == "previous" for m in find_periods(question)):
        return True
    return describe(VS_RE.sub(" ", question)).kind in ("change", "multiple")


def _comparison(sides: tuple[str, str, str], store) -> Answer | None:
    r = engine.reader(store)
    a, b, shared = (split(t, r) for t in sides)
    questions = (compose(a, compose(b, shared)), compose(b, compose(a, shared)))
    if questions[0] == questions[1]:
        return None
    answers = [one(q.text, store) for q in questions]
    for q, got in zip(questions, answers):
        if got.status == AMBIGUOUS:
            return Answer(AMBIGUOUS, f"For “{q.read_as}”: {got.message}", None, got.alternatives)
        if got.status != ANSWER or got.answer is None:
            return Answer(NO_ANSWER, render.cannot_compare(q.read_as, got), None, got.alternatives)
    items = (answers[0].answer, answers[1].answer)
    if items[0].unit != items[1].unit or (questions[0].rest == questions[1].rest and questions[0].policy == questions[1].policy
                                          and (items[0].metric, items[0].policy) != (items[1].metric, items[1].policy)):
        # asked about one thing on both sides, found two different things: no comparison
        return Answer(NO_ANSWER, render.not_comparable(items, [q.read_as for q in questions]), None, items)
    items += computed(*items)
    return Answer(COMPARISON, render.comparison(items, [q.read_as for q in questions]), items=items)


def computed(a: FigureView, b: FigureView) -> tuple[FigureView, ...]:
    """The difference of two stored figures of one unit, and for counts their ratio."""
    if a.unit != b.unit or a.unit == "percent change" or a.derived or b.derived:
        return ()
    qualifier = "about" if (a.qualifier or b.qualifier) else None
    base = dict(qualifier=qualifier, score=0.0, revisions=(), sources=a.sources + b.sources, compared_with=None)
    out = [_derived(a, b, "difference", a.value - b.value, "percentage points" if a.unit == "percent" else a.unit, base)]
    if a.unit != "percent" and b.value > 0 and a.value >= 0:
        out.append(_derived(a, b, "ratio", a.value / b.value, "ratio", base))
    return tuple(out)


def _derived(a: FigureView, b: FigureView, op: str, value: float, unit: str, base: dict) -> FigureView:
    same = lambda x, y: x if x == y else f"{x} / {y}"  # noqa: E731
    return replace(a, figure_id=0, value=value, unit=unit, platform=same(a.platform, b.platform),
                   metric=same(a.metric, b.metric), policy=same(a.policy, b.policy), location=same(a.location, b.location),
                   period_label=same(a.period_label, b.period_label),
                   period_start=a.period_start if a.period_start == b.period_start else None,
                   period_end=a.period_end if a.period_end == b.period_end else None,
                   quote=f"{a.quote}\n{b.quote}", derived=Derived(op, (a.figure_id, b.figure_id), (a, b)), **base)


# --- derived totals -------------------------------------------------------------------------

def _coverable(q: Query) -> bool:
    """Could shorter stored periods add up to the question's period (a count over a year or half)?"""
    p = q.period
    return (p is not None and not q.since and p.start is not None and p.end is not None and p.start.day == 1
            and (p.months() or 0) in (6, 12) and q.features.kind in (None, "count"))


def _total(q: Query, store) -> Answer | None:
    if not _coverable(q):
        return None
    p = q.period
    for length in PART_LENGTHS:
        n = p.months()
        if length >= n:
            continue
        periods = [_shift(p.start, i * length, length) for i in range(n // length)]
        per_part = [[s for s in engine.candidates(replace(q, period=pp), store) if s.score >= engine.MIN_SCORE]
                    for pp in periods]
        if not all(per_part):
            continue
        lead = per_part[0][0]
        parts = [lead] + [next((s for s in found if _fact(s) == _fact(lead)), None) for found in per_part[1:]]
        if any(s is None for s in parts):
            continue
        views = [s.view for s in parts]
        total = summed(views, p)
        if total is not None:
            return Answer(ANSWER, render.derived_total(total), total)
    return None


def _shift(start: dt.date, months: int, length: int) -> Period:
    first = start.year * 12 + start.month - 1 + months
    last = first + length - 1
    return span(first // 12, first % 12 + 1, last // 12, last % 12 + 1)


def summed(parts: list[FigureView], period: Period) -> FigureView | None:
    """The sum of the parts as one figure of the whole period, labelled as computed; None
    when they may not be summed (shares or changes; sources with their own definitions;
    bounds in opposite directions)."""
    if any(v.unit in NOT_SUMMED for v in parts) or len({v.unit for v in parts}) != 1:
        return None
    if len({v.source.publisher or v.source.filename for v in parts}) != 1:
        return None  # two sources: two definitions of what is counted
    qualifier = _sum_qualifier([v.qualifier for v in parts])
    if qualifier is False:
        return None
    first = parts[0]
    return replace(first, figure_id=0, value=sum(v.value for v in parts), qualifier=qualifier,
                   period_start=period.start, period_end=period.end, period_label=label_for(period.start, period.end),
                   quote="\n".join(v.quote for v in parts), sources=len({v.source for v in parts}),
                   score=min(v.score for v in parts), revisions=(),
                   derived=Derived("sum", tuple(v.figure_id for v in parts), tuple(parts)))


def _sum_qualifier(qualifiers: list[str | None]):
    """What a sum of qualified values honestly is: "over" (any part a strict lower bound,
    the rest exact or bounds below), "at least", "less than", "at most", "about" (any part
    approximate, none a bound), None (all exact); False when the bounds pull apart."""
    qs = {q.lower() for q in qualifiers if q}
    if not qs:
        return None
    if qs <= LOWER | AT_LEAST:
        return "over" if qs & LOWER else "at least"
    if qs <= UPPER | AT_MOST:
        return "less than" if qs & UPPER else "at most"
    if qs & (LOWER | AT_LEAST | UPPER | AT_MOST):
        return False
    return "about"
