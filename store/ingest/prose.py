"""Reading prose: articles and reports as plain text or Markdown with optional YAML front matter.

Each sentence is read for quantities; a quantity becomes a figure only when the sentence says
what it counts: a moderation action on accounts or content (a count), a share of such accounts
described by a facet ("flagged by internal tools"), or a change from an earlier period. Its
platform, policy area and period come from the sentence, else from the document as a whole.
Boilerplate (a "More news" list, "Related" links, the author's bio) is cut before reading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from store.ingest import IngestError, Meta, Stated
from store.models import Document
from store.numbers import Quantity, find_quantities
from store.periods import Mention, Period, duration_label, find_periods, previous
from store.vocabulary import OBJECTS, describe, find_all, OBJECT_RES, platforms_in

FRONT_MATTER_KEYS = {"title", "publisher", "url", "published", "platform", "period", "author"}

# A heading that starts a block of boilerplate: everything from it on is not the article.
BOILERPLATE_RE = re.compile(
    r"^[ \t]*(?:more news|more stories|related (?:stories|articles|news|posts)|read more|"
    r"recommended(?: for you)?|about the author|trending(?: now)?|you may also like|"
    r"advertisement|sponsored(?: content)?|share this(?: article)?)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A single line of links or promotion inside the article ("RELATED: ...", "Follow us on ...").
SKIP_LINE_RE = re.compile(r"^[ \t]*(?:related\s*:|follow us|subscribe|sign up|click here|\[photo)", re.IGNORECASE)
ABBREVIATIONS = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|ms|dr|st|inc|corp|co|ltd|"
    r"jr|sr|vs|no|approx|est|e\.g|i\.e|etc|u\.s|u\.k|u\.n|e\.u)|\b[A-Z])\.$",
    re.IGNORECASE,
)
SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
# What a count is a count of: a few words may stand between the number and the noun.
OBJECT_AFTER_RE = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?(?P<obj>"
    + "|".join(sorted({re.escape(w) for ws in OBJECTS.values() for w in ws}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
SHARE_OF_RE = re.compile(r"\s+of\b", re.IGNORECASE)
# in a share, the noun it is a share of follows "of": "93 percent of over 270,000 accounts"
CLAUSE_SPLIT_RE = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+|,\s+(?=(?:down|up)\s)")


@dataclass
class Sentence:
    start: int
    end: int
    text: str


def decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise IngestError(f"{path}: the file is empty")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{path}: this is a binary file, not text or Markdown")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IngestError(f"{path}, line {line}: not valid UTF-8 text (byte {exc.start})") from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise IngestError(f"{path}: this looks like a binary file, not text or Markdown")
    return text


def front_matter(path: Path, text: str) -> tuple[dict, int]:
    """The YAML front matter as a dict, and where the body starts."""
    if not text.startswith("---"):
        return {}, 0
    m = re.compile(r"^---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.DOTALL | re.MULTILINE).match(text)
    if not m:
        raise IngestError(f"{path}, line 1: front matter starts with --- but never ends")
    import yaml

    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise IngestError(f"{path}, line {line}: front matter is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(meta, dict):
        raise IngestError(f"{path}, line 2: front matter must be key: value pairs")
    unknown = set(meta) - FRONT_MATTER_KEYS
    if unknown:
        raise IngestError(f"{path}, line 2: unknown front matter key(s): {', '.join(sorted(map(str, unknown)))}")
    published = meta.get("published")
    if published is not None and not isinstance(published, dt.date):
        try:
            meta["published"] = dt.date.fromisoformat(str(published))
        except ValueError:
            raise IngestError(f"{path}: front matter 'published' must be a date like 2018-04-05, not {published!r}") from None
    if isinstance(meta.get("published"), dt.datetime):
        meta["published"] = meta["published"].date()
    return meta, m.end()


def article_end(text: str, body_start: int) -> int:
    m = BOILERPLATE_RE.search(text, body_start)
    return m.start() if m else len(text)


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences with their offsets in ``text``. Lines are paragraphs (titles have no full stop)."""
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        ls = start + line.start()
        para = line.group()
        if not para.strip() or SKIP_LINE_RE.match(para):
            continue
        cut = 0
        for m in SENTENCE_END_RE.finditer(para):
            if ABBREVIATIONS.search(para[: m.start() + 1]) and m.group().startswith("."):
                continue
            out.append(_sentence(text, ls + cut, ls + m.end()))
            cut = m.end()
        out.append(_sentence(text, ls + cut, ls + len(para)))
    return [s for s in out if s.text]


def _sentence(text: str, s: int, e: int) -> Sentence:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Sentence(s, e, text[s:e])


def read_prose(path: Path, data: bytes, flags: Meta) -> tuple[Document, list[Stated]]:
    text = decode(path, data)
    fm, body = front_matter(path, text)
    meta = Meta(fm.get("title"), fm.get("publisher"), fm.get("url"), fm.get("published")).over(flags)
    document = Document(
        filename=path.name, kind="text", title=meta.title or _first_line(text, body) or path.stem,
        publisher=meta.publisher, url=meta.url, published=meta.published, text=text,
    )
    stated = extract(text, body, article_end(text, body), meta.published, fm.get("platform"), fm.get("period"))
    for s in stated:  # the promise every answer rests on
        if text[s.quote_start : s.quote_end] != s.quote:
            raise IngestError(f"{path}: internal error: a quote is not an exact substring of the document")
    return document, stated


def _first_line(text: str, body: int) -> str | None:
    for line in text[body:].splitlines():
        if line.strip():
            return line.strip().lstrip("# ")[:200]
    return None


@dataclass
class _Found:
    q: Quantity
    sentence: Sentence
    period: Period | None
    explicit: bool  # the sentence itself states the period
    compared: bool  # a change from the preceding period
    metric: str | None
    unit: str
    platform: str | None
    policy: str | None


def extract(text: str, start: int, end: int, published: dt.date | None,
            platform: str | None = None, period: str | None = None) -> list[Stated]:
    sents = sentences(text, start, end)
    found: list[_Found] = []
    mentions_seen: list[Period] = []
    platforms: Counter[str] = Counter()
    policies: Counter[str] = Counter()
    for sent in sents:
        feats = describe(sent.text)
        platforms.update(platforms_in(sent.text))
        policies.update(feats.policies)
        quantities = find_quantities(_mask_periods(sent.text, published))
        if not quantities:
            continue
        mentions = find_periods(sent.text, published)
        mentions_seen += [m.period for m in mentions if m.period and m.kind in ("closed", "since")]
        found += _read_sentence(sent, quantities, mentions, feats, published)

    doc_platform = platform or (platforms.most_common(1)[0][0] if platforms else None)
    doc_policy = policies.most_common(1)[0][0] if policies else None
    current = _reporting_period(mentions_seen, period, published)
    stated: list[Stated] = []
    for f in sorted(found, key=lambda f: not f.explicit):  # explicit periods quote best
        p = f.period if f.period is not None else current
        compare = previous(p) if f.q.kind == "change" and p is not None else None
        plat = f.platform or doc_platform
        if p is None or plat is None or f.metric is None:
            continue
        stated.append(Stated(
            platform=plat, metric=f.metric, policy=f.policy or doc_policy or "unspecified",
            period=p, compare=compare, value=f.q.value, unit=f.unit, qualifier=f.q.qualifier,
            quote=f.sentence.text, quote_start=f.sentence.start, quote_end=f.sentence.end,
        ))
    return stated


def _mask_periods(text: str, published) -> str:
    """Blank out period expressions so their years and days are not read as counts."""
    out = text
    for m in find_periods(text, published):
        if m.kind in ("closed", "since", "duration"):
            out = out[: m.start] + " " * (m.end - m.start) + out[m.end :]
    return out


def _reporting_period(seen: list[Period], declared: str | None, published) -> Period | None:
    """The period the document reports on: declared in front matter, else the closed period of
    a year or less that its figures mention most (the latest on a tie), else its open start."""
    if declared:
        ms = [m for m in find_periods(str(declared), published) if m.period]
        if ms:
            return ms[0].period
    closed = [p for p in seen if p.start and p.end and (p.months() or 99) <= 12 and p.start != p.end]
    pool = closed or [p for p in seen if p.start]
    if not pool:
        return None
    counts = Counter(pool)
    return max(counts, key=lambda p: (counts[p], p.end or dt.date.min))


def _read_sentence(sent: Sentence, quantities: list[Quantity], mentions: list[Mention], feats, published) -> list[_Found]:
    text = sent.text
    out: list[_Found] = []
    sentence_platform = next(iter(platforms_in(text)), None)
    sentence_policy = next(iter(sorted(feats.policies)), None)
    action = "suspended" if "suspended" in feats.actions else next(iter(sorted(feats.actions)), None)
    clauses = _clauses(text)
    last: _Found | None = None
    for i, q in enumerate(quantities):
        nxt = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        period, explicit, compared = _period_for(q, nxt, mentions, text, published)
        clause = next((c for c in clauses if c[0] <= q.start < c[1]), (0, len(text)))
        ctext = text[clause[0] : clause[1]]
        metric, unit = None, q.kind
        if q.kind == "count":
            obj = _object_after(text, q.end)
            if obj is None and last is not None and last.q.kind == "count" and last.metric:
                metric, unit = last.metric, last.unit  # "..., including 274,460 during ..."
            elif obj is not None and action is not None:
                metric, unit = _count_metric(obj, action), obj
        elif q.kind == "percent":
            facets = describe(ctext).facets or feats.facets  # the facet in its own clause first
            if SHARE_OF_RE.match(text, q.end) and len(facets) == 1:
                obj = _object_after(text, q.end) or "accounts"
                base = _count_metric(obj, action or "suspended")
                adjective = base.split(" ", 1)[1] + " " + base.split(" ", 1)[0]
                metric, unit = f"share of {adjective} {next(iter(facets))}", "percent"
        elif q.kind == "change":
            if last is not None and last.metric and last.sentence is sent:
                metric = f"change in {last.metric}"
            elif action is not None:
                obj = _object_after(text, q.end) or "accounts"
                metric = f"change in {_count_metric(obj, action)}"
            unit = "percent change"
        if metric is None:
            continue
        f = _Found(q, sent, period, explicit, q.kind == "change" and compared, metric, unit,
                   sentence_platform, sentence_policy)
        out.append(f)
        last = f
    return out


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in CLAUSE_SPLIT_RE.finditer(text)] + [len(text)]
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _object_after(text: str, pos: int) -> str | None:
    m = OBJECT_AFTER_RE.match(text, pos)
    if not m:
        m = re.compile(r"\s+of\s+(?:[\w’'-]+\s+){0,4}?(?P<obj>" + OBJECT_AFTER_RE.pattern.split("(?P<obj>", 1)[1], re.I).match(text, pos)
    if not m:
        return None
    hits = find_all(OBJECT_RES, m.group("obj"))
    return hits[0][0] if hits else None


def _count_metric(obj: str, action: str) -> str:
    if action == "suspended" and obj != "accounts":
        action = "removed"
    return f"{obj} {action}"


def _period_for(q: Quantity, next_start: int, mentions: list[Mention], text: str, published):
    """The period a quantity belongs to: the one stated between it and the next quantity, else
    the nearest one before it; None means the document's reporting period. Also whether the
    sentence states it, and whether a change is compared with "the preceding period"."""
    compared = next((m for m in mentions if m.kind == "previous" and m.start >= q.start), None)
    own = [m for m in mentions if m is not compared]
    after = [m for m in own if q.end <= m.start < next_start]
    before = [m for m in own if m.end <= q.start]
    chosen = after[0] if after else (before[-1] if before else None)
    if chosen is None:
        return None, False, compared is not None
    if chosen.kind in ("current", "previous"):
        return None, True, compared is not None
    if chosen.kind == "duration":  # "within a four month period": the length, up to publication
        if published is None:
            return None, False, False
        label = duration_label(text[chosen.start : chosen.end], published)
        return Period(None, published, label), True, False
    return chosen.period, True, compared is not None
