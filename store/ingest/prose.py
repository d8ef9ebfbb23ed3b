"""Reading prose: articles and reports as plain text or Markdown with optional YAML front matter.

Each sentence is read for quantities; a quantity becomes a figure only when the sentence says
what it counts: a moderation action on accounts or content (a count), a share of such accounts
described by a facet ("flagged by internal tools"), or a change from an earlier period. Its
platform, policy area and period come from the sentence, else from the document as a whole.
Boilerplate (a "More news" list, "Related" links, the author's bio) is cut before reading.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

import yaml
from anyascii import anyascii

from store.faults import one_line
from store.english import words as english_words
from store.ingest.cells import ROW_RE, CellFigure, cell_rows
from store.ingest.language import language_of
from store.ingest.statements import IngestError, Meta, Stated
from store.limits import (MAX_FIGURES_PER_DOCUMENT, MAX_FRONT_MATTER_BYTES, MAX_FRONT_MATTER_DEPTH, MAX_LINE_CHARS,
                          MAX_YEAR, MIN_YEAR)
from store.models import Document
from store.scripts import BULLET_RE, CJK, EAST_ASIAN_RE, LEADS_ON_RE, VERB_FINAL_RE
from store.numbers import DECREASE, INCREASE, Quantity, find_quantities, joined_at, states, without_aside
from store.periods import (AND_WORDS, DAY_OF_MONTH_RE, FOREIGN_MONTHS, MONTHS, MORE_MONTHS, Mention, Period, duration_label, find_periods, latest_months, month_after, month_before, only_month,
                           past_months, past_quarters, previous, span, without_periods, year_before, yearless)
from store.vocabulary import (ACTION_RES, ALL_POLICIES, OBJECT_RES, OBJECTS, POLICY_RES, WORLDWIDE_RE, Features, company_of, countries_in, country_in, country_spans,
                              country_of_people, describe, find_all, last_platform_in, platforms_in, unit_for, url_host)

FRONT_MATTER_KEYS = {"title", "publisher", "url", "published", "platform", "period", "author", "language"}
LANGUAGE_CODE_RE = re.compile(r"[a-z]{2,3}")  # ISO 639-1 ("en", "de"), or 639-3 where there is no 639-1 code

# A heading that starts a block of boilerplate: everything from it on is not the article.
BOILERPLATE_RE = re.compile(
    r"^[ \t]*(?:more news|more stories|related (?:stories|articles|news|posts)|read more|"
    r"recommended(?: for you)?|about the author|trending(?: now)?|you may also like|"
    r"share this(?: article)?)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A single line of links or promotion inside the article ("RELATED: ...", "Follow us on ..."), or an ad's
# slot ("Advertisement" on a line of its own, with the article going on after it).
SKIP_LINE_RE = re.compile(r"^[ \t]*(?:related\s*:|follow us|subscribe|sign up|click here|\[photo"
                          r"|(?:advertisement|sponsored(?: content)?)[ \t]*:?[ \t]*$)", re.IGNORECASE)
ABBREVIATIONS = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|ms|dr|st|inc|corp|co|ltd|"
    r"jr|sr|vs|no|approx|est|e\.g|i\.e|etc|u\.s|u\.k|u\.n|e\.u)|\b[A-Z]"
    # a German ordinal: "im 2. Quartal", "seit dem 1. Januar"
    r"|\b(?:im|am|zum|vom|des|der|dem|den|ab|bis|seit)\s+[0-9]{1,2})\.$",
    re.IGNORECASE,
)
# a sentence ends before a capital (Latin, accented, Greek, Cyrillic), a digit, or a letter of a
# script without capitals (Arabic, Hebrew, Devanagari, Thai, CJK)
SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?(?:[A-Z0-9\u00C0-\u00D6\u00D8-\u00DE\u0391-\u03A9\u0400-\u042F"
                             r"\u0590-\u05FF\u0600-\u06FF\u0900-\u097F\u0E00-\u0E7F\u4E00-\u9FFF]))"
                             r"|[。！？]+[」』）]*"  # Chinese and Japanese end a sentence with a full stop of their own
                             r"|[।॥]+")  # ... and Hindi with its danda
# What a count is a count of: a few words may stand between the number and the noun.
OBJECT_AFTER_RE = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?(?P<obj>"
    + "|".join(sorted({re.escape(w) for ws in OBJECTS.values() for w in ws}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
OF_OBJECT_RE = re.compile(r"\s+of\s+(?:[\w’'-]+\s+){0,4}?" + OBJECT_AFTER_RE.pattern.split(r"{0,3}?", 1)[1], re.IGNORECASE)
SHARE_OF_RE = re.compile(r"\s+of\b", re.IGNORECASE)
# in a share, the noun it is a share of follows "of": "93 percent of over 270,000 accounts"
FRONT_MATTER_RE = re.compile(r"^---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.DOTALL | re.MULTILINE)
_SHARE_WORD = r"(?:%|per\s?cent\b|percent\b|por\s+ciento\b|pour\s+cent\b|prozent\b|por\s+cento\b|per\s+cento\b|persen\b)"
CLAUSE_SPLIT_RE = re.compile(rf"[，；]|,(?=[{CJK}])|,\s+(?:and|but|while|whereas|enquanto|mientras|tandis|alors\s+que|während|sedangkan)\s+"
                             r"|;\s+|,\s+(?=(?:down|up)\s)"
                             # "While in 2018, Twitter blocked 225 URLS, in 2019 the number jumped ...": a clause of its own year
                             r"|,\s+(?=in\s+(?:19|20)[0-9]{2},?\s+(?:the|a|an|it|its|they|their|this|that|we|[A-Z]))"
                             # "Impersonation ..., accounting for 169,396 ..., followed by Illegal ... goods": the next item
                             r"|,\s+(?=followed\s+by\s)"
                             # a list of shares: "4% ..., 83.3% were ...", "el 82 por ciento ..., el 91 por ciento ... y el 93 por ciento"
                             rf"|(?:,|\s+(?:and|y|e|et|und|dan))\s+(?=(?:(?:el|la|le|il|o|a|der|die)\s+)?[0-9][0-9.,]*\s*{_SHARE_WORD})")


class TooManyFigures(Exception):
    """A document stating more figures than ``MAX_FIGURES_PER_DOCUMENT``; args: the offset
    where the limit was passed."""


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
    nul = text.find("\x00")
    if nul >= 0:
        raise IngestError(f"{path}, line {text.count(chr(10), 0, nul) + 1}: a NUL character; this is not text")
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            raise IngestError(f"{path}, line {number}: a line of {len(line):,} characters; at most "
                              f"{MAX_LINE_CHARS:,} (see README, “Limits”)")
    return text


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without timestamps: a date is read by modstats (``published``), so an
    impossible one ("2017-02-30") gets a message instead of an exception from the loader."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
TEXT_KEYS = ("title", "publisher", "url", "platform", "author", "language")


def front_matter(path: Path, text: str) -> tuple[dict, int]:
    """The YAML front matter as a dict, and where the body starts. Bounded: its size, how deep
    it nests, and no anchors or aliases (an "alias bomb" expands to gigabytes)."""
    if not text.startswith("---"):
        return {}, 0
    m = FRONT_MATTER_RE.match(text, 0, MAX_FRONT_MATTER_BYTES + 16)
    if not m:
        if FRONT_MATTER_RE.match(text):
            raise IngestError(f"{path}, line 1: front matter longer than {MAX_FRONT_MATTER_BYTES:,} bytes "
                              "(see README, “Limits”)")
        raise IngestError(f"{path}, line 1: front matter starts with --- but never ends")
    source = m.group(1)

    def refuse(mark, why: str) -> IngestError:
        return IngestError(f"{path}, line {mark.line + 2 if mark else 1}: front matter {why}")

    try:
        depth = 0
        for event in yaml.parse(source, Loader=_FrontMatterLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise refuse(event.start_mark, "uses YAML anchors or aliases (& or *); write the values out")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_FRONT_MATTER_DEPTH:
                    raise refuse(event.start_mark, f"nests deeper than {MAX_FRONT_MATTER_DEPTH} levels")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        meta = yaml.load(source, Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        raise refuse(getattr(exc, "problem_mark", None), f"is not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    except ValueError as exc:  # a number too long to convert
        raise IngestError(f"{path}, line 2: front matter holds a value modstats cannot read: {exc}") from None
    if not isinstance(meta, dict):
        raise IngestError(f"{path}, line 2: front matter must be key: value pairs")
    unknown = set(meta) - FRONT_MATTER_KEYS
    if unknown:
        raise IngestError(f"{path}, line 2: unknown front matter key(s): {', '.join(sorted(map(str, unknown)))}")
    for key in TEXT_KEYS:
        value = meta.get(key)
        if value is not None and not isinstance(value, str) and not (key == "author" and isinstance(value, list)):
            raise IngestError(f"{path}: front matter '{key}' must be text, not {_shown(value)} (put it in quotes)")
    if (language := meta.get("language")) is not None:
        meta["language"] = language.strip().lower()  # "EN" is en
        if not LANGUAGE_CODE_RE.fullmatch(meta["language"]):
            raise IngestError(f"{path}: front matter 'language' must be a language code like en or de, not {_shown(language)}")
    period = meta.get("period")
    if period is not None and not isinstance(period, (str, int)):
        raise IngestError(f"{path}: front matter 'period' must be a period like H2 2017, not {_shown(period)}")
    published = meta.get("published")
    if published is not None:
        meta["published"] = _date(str(published))
        if meta["published"] is None:
            raise IngestError(f"{path}: front matter 'published' must be a date like 2018-04-05, not {_shown(published)}")
    return meta, m.end()


def _date(text: str) -> dt.date | None:
    for parse in (dt.date.fromisoformat, lambda t: dt.datetime.fromisoformat(t).date()):
        try:
            day = parse(text.strip())
        except ValueError:
            continue
        return day if MIN_YEAR <= day.year <= MAX_YEAR else None
    return None


def _shown(value) -> str:
    return one_line(repr(value), 60)


def article_end(text: str, body_start: int) -> int:
    m = BOILERPLATE_RE.search(text, body_start)
    return m.start() if m else len(text)


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences with their offsets in ``text``. Lines are paragraphs (titles have no full stop),
    but for the lines of a text wrapped at a fixed width (``WRAPPED_RE``): a sentence goes on over
    such a break, read as a space (its offsets, and its quote, keep the break)."""
    out: list[Sentence] = []
    lines = list(LINE_RE.finditer(text, start, end)) if end > start else []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j].end() + 1 == lines[j + 1].start() and WRAPPED_RE.match(text, lines[j].end(), end):
            j += 1
        ls = lines[i].start()
        para = text[ls : lines[j].end()].replace("\n", " ") if j > i else lines[i].group()
        i = j + 1
        if not para.strip() or SKIP_LINE_RE.match(para):
            continue
        cut = 0
        for m in SENTENCE_END_RE.finditer(para):
            if m.group().startswith(".") and ABBREVIATIONS.search(para, max(0, m.start() - 12), m.start() + 1):
                continue
            if m.group() == "." and ORDINAL_DAY_RE.search(para, max(0, m.start() - 3), m.start()) and DATE_MONTH_RE.match(para, m.end()):
                continue  # a day written as an ordinal: "1. Januar 2020 – 30. Juni 2020", "Veröffentlicht: 18. Dezember"
            out.append(_sentence(text, ls + cut, ls + m.end(), para[cut : m.end()]))
            cut = m.end()
        out.append(_sentence(text, ls + cut, ls + len(para), para[cut:]))
    return [s for s in out if s.text]


ORDINAL_DAY_RE = re.compile(r"(?<![\d.,])(?:[1-9]|[12][0-9]|3[01])$")
DATE_MONTH_RE = re.compile(rf"\s+(?:{'|'.join(sorted({*MONTHS, *FOREIGN_MONTHS, *MORE_MONTHS}, key=len, reverse=True))})\s+(?:19|20)[0-9][0-9]\b",
                           re.IGNORECASE)  # (and its year: "we removed 30. March was quiet" is two sentences)


# a line broken inside a sentence: it ends on a word, at the width such text is wrapped at, and the
# next goes on in lower case ("Out of these, 53,494,911 videos were\nremoved through automated systems")
LINE_RE = re.compile(r"[^\n]+")
WRAPPED_RE = re.compile(r"(?<=[^\W\d_])(?<=[^\n]{50})[ \t]*\n(?=[a-z][^\n]*\s[^\n]*\s)")


def _sentence(text: str, s: int, e: int, read: str | None = None) -> Sentence:
    """The sentence ``text[s:e]`` less the spaces around it, read as ``read`` (the same length:
    a wrapped paragraph's, its breaks as spaces) when given."""
    read = text[s:e] if read is None else read
    a, b = 0, len(read)
    while a < b and read[a].isspace():
        a += 1
    while b > a and read[b - 1].isspace():
        b -= 1
    return Sentence(s + a, s + b, read[a:b])


def read_prose(path: Path, data: bytes, flags: Meta, language: str | None = None) -> tuple[Document, list[Stated]]:
    """The document and the figures it states. Its language is the front matter's, else
    ``language`` (a stored document's, read again), else told from its text."""
    text = decode(path, data)
    fm, body = front_matter(path, text)
    meta = Meta(fm.get("title"), fm.get("publisher"), fm.get("url"), fm.get("published")).over(flags)
    language = fm.get("language") or language
    document = Document(
        sha256=identity(text, body), filename=path.name, kind="text", title=meta.title or _first_line(text, body) or path.stem,
        publisher=meta.publisher, url=meta.url, published=meta.published, text=text,
        language=language_of(text) if language is None else language,
    )
    # Periods stated relative to a date ("last year", "Q3", "since mid-2015") need one: the
    # publication date, else one the document offers in its URL or its dateline. That date
    # places periods only; the document is never given it as its publication date.
    reference = meta.published or date_offered(meta.url, text[body : body + 400])
    try:
        stated = extract(text, body, article_end(text, body), reference, fm.get("platform"), fm.get("period"), meta.title,
                         scope=document_scope(meta.title, meta.url, reference), url=meta.url, publisher=meta.publisher)
    except TooManyFigures as exc:
        raise IngestError(f"{path}, line {text.count(chr(10), 0, exc.args[0]) + 1}: more than "
                          f"{MAX_FIGURES_PER_DOCUMENT:,} figures in one document; split it (see README, “Limits”)") from None
    for s in stated:  # the promise every answer rests on
        if text[s.quote_start : s.quote_end] != s.quote:
            raise IngestError(f"{path}: internal error: a quote is not an exact substring of the document")
    return document, stated


def read_again(document: Document) -> list[Stated]:
    """The figures a stored prose document states, read again from its stored text and source
    (its title only when it was given one, not the first line it took for one, which would be
    read as a headline)."""
    path = Path(document.filename)
    _, body = front_matter(path, document.text)
    title = None if document.title in (_first_line(document.text, body), path.stem) else document.title
    meta = Meta(title, document.publisher, document.url)
    return read_prose(path, document.text.encode("utf-8"), meta, language=document.language)[1]


URL_DATE_RE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2])(?:[/-](?P<d>0?[1-9]|[12]\d|3[01]))?(?=[/-]|$|\D)")
URL_MONTH_YEAR_RE = re.compile(r"(?<![\d/])(?P<m>0[1-9]|1[0-2])-(?P<y>(?:19|20)\d\d)(?!\d)(?P<d>)")  # .../india-09-2021
ARCHIVE_RE = re.compile(r"web\.archive\.org/web/(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])")
DATELINE_RE = re.compile(
    r"(?:^|\n)[^\n]{0,80}?\b(?:date\s+(?P<iso>(?:19|20)\d\d-\d\d(?:-\d\d)?)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?P<rest>[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d))",
    re.IGNORECASE,
)


def date_offered(url: str | None, head: str) -> dt.date | None:
    """A date a document with no publication date offers: in its URL (/2018/04/05/, /2019-11/)
    or in a dateline at its top ("date 2019-11-13", "Wednesday, March 3rd, 2021"). A month
    alone stands for its last day. None when it offers none."""
    from store.periods import find_periods, month_end

    m = URL_DATE_RE.search(url or "") or URL_MONTH_YEAR_RE.search(url or "") or ARCHIVE_RE.search(url or "")
    if m:
        y, mo = int(m.group("y")), int(m.group("m"))
        try:
            return dt.date(y, mo, int(m.group("d"))) if m.group("d") else month_end(y, mo)
        except ValueError:
            return None
    m = DATELINE_RE.search(head)
    if m:
        words = m.group("iso") or m.group("rest")
        if m.group("iso"):
            parts = [int(p) for p in words.split("-")]
            try:
                return dt.date(*parts) if len(parts) == 3 else month_end(*parts)
            except ValueError:
                return None
        found = [x for x in find_periods(words) if x.period and x.period.start == x.period.end]
        return found[0].period.start if found else None
    return None


def document_scope(title: str | None, url: str | None, reference: dt.date | None) -> Period | None:
    """The one period a document's headline and URL name ("...-in-the-second-half-of-2019",
    ".../india-09-2021"): what its figures are of when their sentences state none. None when
    they name none, or several."""
    slug = _slug(url)
    month = URL_MONTH_YEAR_RE.search(slug)  # a monthly report's page: ".../india-09-2021"
    found = {span(int(month.group("y")), int(month.group("m")), int(month.group("y")), int(month.group("m")))} if month else {
        m.period for text in (title or "", _words_of(_MONTH_TO_MONTH_RE.sub(r"\1–", slug)))
        for m in find_periods(text, reference) if m.kind == "closed" and m.period.start != m.period.end}
    return found.pop() if len(found) == 1 else None


# a hyphen between two months in an address is a range ("april-juni-2021"), not a space
_MONTH_WORD = "|".join(sorted({*MONTHS, *FOREIGN_MONTHS}, key=len, reverse=True))
_MONTH_TO_MONTH_RE = re.compile(rf"\b((?:{_MONTH_WORD}))[-_+]+(?=(?:{_MONTH_WORD})[-_+]+[0-9]{{4}}\b)", re.IGNORECASE)


def _slug(url: str | None) -> str:
    """The last part of a URL's path that has words, without query or file extension
    (".../india-09-2021"; ".../google-deleted-94173-articles-in-india/20220131.htm": the part before
    the date), its escapes decoded ("%D9%85%D8%B5%D8%B1" is "مصر", not letters and digits); not a
    short word after it (".../accounts-in-india/amp", ".../ja/", ".../de-DE/")."""
    parts = [re.sub(r"\.(?:[a-z]{2,5}|[0-9]+)$", "", unquote(p)) for p in (url or "").split("?")[0].rstrip("/").split("/")[3:]]
    worded = [p for p in parts if re.search(r"[^\W\d_]", p)]
    return next((p for p in reversed(worded) if not SHORT_PART_RE.fullmatch(p)), worded[-1] if worded else parts[-1] if parts else "")


COUNTRIES_RE = re.compile(r"\b(?:countries|nations|pa[íi]ses|pays|länder[n]?|negara-negara|paesi)\b", re.IGNORECASE)
SHORT_PART_RE = re.compile(r"[a-z]{1,3}(?:-[a-z]{2,4})?", re.IGNORECASE)


def _words_of(slug: str) -> str:
    return re.sub(r"[-_+]+", " ", slug)


def document_place(title: str | None, url: str | None) -> str | None:
    """The one country a document's headline or the last part of its URL names ("India:
    February 2022", ".../transparency/india-09-2021"), or whose people it names ("...-indian-
    accounts"): the place its figures are of when none of them states one. None when they
    name none, or several, or the whole world too."""
    texts = (title or "", _words_of(_slug(url)))
    if any(WORLDWIDE_RE.search(text) or COUNTRIES_RE.search(text) for text in texts):
        # "YouTube Hapus 9 Juta Video di Seluruh Dunia, Indonesia Juga Termasuk!": the world's, a country's
        # too; ".../india-among-top-4-countries-to-ask-twitter-to-remove-content": a world report's ranking
        return None
    found = {name for text in texts if (name := country_in(text))}
    if not found:  # "whatsapp-bans-2mn-indian-accounts": its people's country
        found = {name for text in texts for w in re.findall(r"[^\W\d_]{5,}", text) if (name := country_of_people(w.capitalize()))}
    return found.pop() if len(found) == 1 else None


def document_platform(title: str | None, url: str | None, named: Counter[str], subject: tuple[str, int] | None = None) -> str | None:
    """The platform of a document's figures that name none: the one its headline or URL names,
    else the one its text names most (``named``): "A rede social identificou 26,9 milhões..." in
    a story on Facebook that names Instagram as often. A URL's last part counts as a headline
    only with three words or more (".../x" is no platform X). A story whose headline names no
    platform the lexicon knows is of the name it is about (``subject``: "Trustpilot Removes
    Millions Of Fake Reviews"), unless its text names a known platform as often or it is on a
    platform's own site. A page naming none is of the platform whose site it is on."""
    slug = _words_of(_slug(url))
    headline = list(dict.fromkeys(platforms_in(title or "") + (platforms_in(slug) if len(slug.split()) >= 3 else [])))
    if len(headline) == 1:
        return headline[0]
    # a page on a platform's own site is its ("snap.com/.../india-11-2021", "help.pinterest.com/de/...")
    host = set(platforms_in(url_host(url)))
    if subject is not None and not headline and not host and subject[1] > max(named.values(), default=0):
        return subject[0]
    if named or headline:
        return named.most_common(1)[0][0] if named else headline[0]
    return host.pop() if len(host) == 1 else None


# a name a document is about: a word of its headline (or of its URL's last part) that its text
# writes with a capital every time, as a name is written ("Trustpilot", "Etsy’s", "VALORANT")
NAME_RE = re.compile(r"(?<![\w@#/.])[^\W\d_][\w&+]*(?:[.'’-][^\W\d_]+)*")
POSSESSIVE_RE = re.compile(r"['’]s$")
NAME_LETTERS_RE = re.compile(r"[^\W\d_]{3}")
WORD_CACHE = 8192  # words read as names, in Latin letters: a text repeats its words
FIRST_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=\S)")
SUBJECT_MENTIONS = 2  # how often the text names it, besides its headline
ACRONYM = 4  # a name in capitals longer than this is a word set in capitals, not initials ("PUBG", "TSE")
INFLECTED = 3  # "Роскомнадзора" names "Роскомнадзор": a name of six letters or more, up to three more


LOWER_FIRST_NAME_RE = re.compile(r"[a-z][A-Z][a-z]")  # a name written with a small first letter: "eBay", "eSafety", "iFood"


def document_subject(headline: str, url: str | None, text: str, publisher: str | None = None) -> tuple[str, int] | None:
    """The name a story is about when the lexicon knows none it names, and how often its text
    names it: of the words of its headline, of its URL's last part and of who published it
    ("Business Wire release by Yelp"), the first that its text writes as a name at least
    SUBJECT_MENTIONS times. A word its text also writes in lower case is
    no name ("Removes", "Report"), nor one the lexicon reads (a platform, action, thing counted or
    policy), a month, a number's scale ("Millionen"), a country or its people. A common English
    word is a name only where the text writes it capitalised on its own among lower-case words
    ("bans on Steam", not "its Transparency Report"); a name a language writes in no case
    (Chinese, Korean) is not found."""
    heads = {_latin(w): POSSESSIVE_RE.sub("", w) for w in NAME_RE.findall(headline)}
    cues = [*heads, *_words_of(_slug(url)).casefold().split(),  # (an address writes "roskomnadzor")
            *(_latin(w) for w in NAME_RE.findall(publisher or ""))]
    cues = list(dict.fromkeys(w for w in cues if NAME_LETTERS_RE.search(w)))  # ("U.S" is no name)
    if not cues:
        return None
    forms: dict[str, Counter[str]] = {}
    lower: set[str] = set()
    alone: set[str] = set()
    stems = [c for c in cues if len(c) >= 6]
    for m in NAME_RE.finditer(text):
        word = POSSESSIVE_RE.sub("", m.group())
        key = _latin(word)
        if key not in forms and key not in lower and key not in cues:
            key = next((c for c in stems if key.startswith(c) and len(key) - len(c) <= INFLECTED), None)
            if key is None:
                continue
        if not (word[0].isupper() or LOWER_FIRST_NAME_RE.match(word)):
            lower.add(key)
            continue
        forms.setdefault(key, Counter())[word] += 1
        before, after = text[max(0, m.start() - 30) : m.start()].split()[-1:], text[m.end() : m.end() + 30].split()[:1]
        if before and before[0][:1].islower() and before[0][-1] not in ".!?:;" and not (after and after[0][:1].isupper()):
            alone.add(key)  # ("... accounts. While": a sentence's first word is not among lower-case words)
    found = []
    for at, key in enumerate(cues):
        said = forms.get(key)
        if not said or key in lower or sum(said.values()) < SUBJECT_MENTIONS:
            continue
        common = key in english_words()
        if common and key not in alone:
            continue
        # as its text writes it most, uninflected ("Роскомнадзор", not "Роскомнадзора")
        name = max(said, key=lambda w: (_latin(w) == key, said[w]))
        name = name if _latin(name) == key else heads.get(key, name)
        if name.isupper() and len(name) > ACRONYM:  # a headline's capitals ("VALORANT: Riot Games reveals")
            name = name.capitalize()
        f = describe(name)
        if f.platforms or f.actions or f.objects or f.policies or f.facets or f.kind or key in MONTHS \
                or key in FOREIGN_MONTHS or key in MORE_MONTHS or country_in(name) or country_of_people(name) \
                or [q.value for q in find_quantities(f"2 {name}")] != [2]:  # a number's scale ("Millionen")
            continue
        found.append((common, at, name, sum(said.values())))
    # a name that is no English word before one that is ("Riot Games ban ... Valorant cheaters": Valorant)
    return min(found)[2:] if found else None


def _subject(text: str, start: int, end: int, title: str | None, url: str | None, publisher: str | None) -> tuple[str, int] | None:
    """The name a story is about (document_subject), when its headline names no known platform; a
    story given no title has its first sentence stand for one."""
    headline = title or FIRST_SENTENCE_RE.split(_first_line(text, start) or "", maxsplit=1)[0]
    return None if platforms_in(headline) else document_subject(headline, url, text[start:end], publisher)


@lru_cache(maxsize=WORD_CACHE)
def _latin(word: str) -> str:
    """A word as a name is compared: without a possessive, in Latin letters, in lower case."""
    word = POSSESSIVE_RE.sub("", word)
    return (word if word.isascii() else anyascii(word)).casefold()


def identity(text: str, body: int) -> str:
    """What makes two files the same article: the text after the front matter, whatever its
    line endings, trailing spaces and blank lines at the ends (so a copy saved with CRLF, or
    with an edited title in its front matter, is not a second source)."""
    norm = "\n".join(line.rstrip() for line in text[body:].splitlines()).strip()
    return hashlib.sha256(norm.encode()).hexdigest()


def _first_line(text: str, body: int) -> str | None:
    for line in text[body:].splitlines():
        if line.strip():
            return line.strip().lstrip("# ")[:200]
    return None


@dataclass
class _Found:
    q: Quantity
    sentence: Sentence
    period: Period | None  # None: the document's reporting period
    explicit: bool  # the sentence itself states the period
    previous_of: Period | None  # set for "in the previous six months": the period it comes before
    relation: str | None  # "previous": its period is the one before previous_of (or the document's)
    compare: Period | str | None  # what a change is compared with ("previous": the period before)
    metric: str
    unit: str
    action: str
    platform: str | None
    policy: str | None  # as the sentence states it
    base: "_Found | None" = None  # the figure a share or a change is of
    location: str = ""  # a country the number is stated for ("37,682,924 are from India")
    months: tuple[int, int] | None = None  # of a YEARLESS relation: the months stated ("the first three months of the year")
    months_of: Period | None = None  # ... and the period whose year they are of, when the sentence before states it
    breakdown: str = ""  # a table's column of a part of what another column counts ("Removal requests - Court Orders")


LETTERS_RE = re.compile(r"[^\W\d_]{2,}")
# a count said as the difference between two ("an increase of 500 from the first half of 2018", "up by 1,200"):
# how much more or fewer, not how many
DIFFERENCE_BEFORE_RE = re.compile(r"\b(?:an?\s+(?:increase|decrease|rise|drop|fall|jump|decline|reduction)\s+of|(?:up|down)\s+by)"
                                  r"\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+)?$", re.IGNORECASE)
BRACKETED_RE = re.compile(r"\s*\)")  # the end of a number's brackets
OPEN_BRACKET_RE = re.compile(r"\s*\(\s*(?:about|around|roughly|approximately|approx\.?|some|nearly|almost|over|more\s+than|~)?\s*",
                             re.IGNORECASE)  # "six percent (about 9,250)": between a share and its count
SECTION_NUMBER_RE = re.compile(r"\s*(?:[0-9]{1,2}|[ivx]{1,4})[.)]\s*", re.IGNORECASE)


def extract(text: str, start: int, end: int, published: dt.date | None,
            platform: str | None = None, period: str | None = None, title: str | None = None,
            scope: Period | None = None, url: str | None = None, publisher: str | None = None) -> list[Stated]:
    # read with markdown's bold markers blanked ("a **29 percent** increase" is a change), quoted as
    # written
    original, text = text, EMPHASIS_RE.sub(lambda m: " " * len(m.group()), text)
    sents = sentences(text, start, end)
    # a table copied one cell per line, or with its cells run together: its numbers are read as
    # the table's, not as sentences (a glued table's line that is read as nothing is skipped too)
    cells, glued = cell_rows(text, start, end)
    in_cells = {c.quote_start + c.quantity.start for c in cells} | glued
    declared: Period | None = None
    found: list[_Found] = [_cell_found(text, c) for c in cells]
    seen: list[Period] = []
    figured: set[Period] = set()  # the periods of sentences that state figures
    dated: list[Period] = []
    months_seen: Counter[tuple[int, int]] = Counter()  # months of no year the document states
    platforms: Counter[str] = Counter()
    policies: Counter[str] = Counter()
    last_count: _Found | None = None  # the latest count: what a later share or change is of
    last_whole: _Found | None = None  # the latest count of no country: what a country's part is of
    stated_here: Period | None = None
    months_here: tuple[int, int] | None = None  # or the months of no year it stated
    sentence_end: int | None = None
    dateline: dt.date | None = None  # the date a line of its own gives
    lead_in = ""  # a line a bullet list continues: "For Content Policy violations, we removed"
    for sent in sents:
        feats = _describe(sent.text)
        if BULLET_RE.match(sent.text) and lead_in:
            if not feats.actions:
                # "- 222k pieces of content," completes the line it follows: what was done is said there
                feats = _describe(lead_in + " " + sent.text)
            if not LIST_GOES_ON_RE.search(sent.text):
                lead_in = ""  # "- 21.9k subreddits (87% of which ...)." ends the list
        else:  # a line of no number that ends on a word or a colon leads a list on
            lead_in = sent.text if LEADS_ON_RE.search(sent.text) and not NUMBERISH_RE.search(sent.text) else ""
        platforms.update(platforms_in(sent.text))
        policies.update(feats.policies)
        mentions = [replace(m, kind="stamp") if _report_date(sent.text, m) else m for m in find_periods(sent.text, published)]
        if _dateline(sent.text, mentions):  # "June 02, 2024" on a line of its own: when the page was
            dateline = dateline or mentions[0].period.start  # written, not what its figures are of
            continue
        said = [m for m in mentions if m.period and m.kind in ("closed", "since")]
        closed = [m.period for m in said]
        # what the sentence is about, less what it compares with ("During Q1, ... up 183% from
        # 1.2 million during Q4": Q1)
        main = [m.period for m in said if not _comparison(sent.text, m.start)]
        seen += [m.period for m in said if not m.dated]
        dated += [m.period for m in said if m.dated]
        # the one period the sentence before stated, for a sentence that states none
        carried, carried_months, previous_end = stated_here, months_here, sentence_end
        # (an "as of" has no start; a day beside a longer period is when it was said: "data, published
        # July 28, 2022, for July through December of 2021. That report revealed ...")
        said_here = set(main) if len(set(main)) == 1 else {p for p in main if p.start != p.end}
        stated_here = said_here.pop() if len(said_here) == 1 else None
        stated_here = stated_here if stated_here is not None and stated_here.end else None
        yearless_months = {m.months for m in mentions if m.kind == "yearless" and m.months}
        months_seen.update(m.months for m in mentions
                           if m.kind == "yearless" and m.months and not _comparison(sent.text, m.start))
        months_here = yearless_months.pop() if not closed and len(yearless_months) == 1 else None
        sentence_end = sent.end
        if period is None and (covered := _covered(sent.text, said)):
            period = covered.label if covered.start and covered.end else None
            declared = covered
        # (a section's number on a line of its own, "1." before "Law Enforcement Requests", counts nothing)
        quantities = find_quantities(_mask_periods(sent.text, mentions)) if not SECTION_NUMBER_RE.fullmatch(sent.text) else []
        # "the IT Rules, 2021", a page's date stamp (" date 2020-07 ..."): no period of its figures
        mentions = [m for m in mentions if m.kind not in ("name", "stamp")]
        if quantities and (sent.start + quantities[0].start in in_cells or sent.start in in_cells):
            continue
        if quantities:
            figured.update(m.period for m in said if not m.dated)
            new = _read_sentence(sent, quantities, mentions, feats, published, last_count, last_whole)
            if (carried or carried_months) and previous_end is not None and "\n" not in text[previous_end : sent.start]:
                for f in new:  # "In H2 2021, 11.6 million accounts were reported. Action was taken
                    if f.period is None and f.relation is None:  # against 4.3 million": H2 2021 too
                        f.period = carried
                        if carried_months:  # months of no year, as the sentence before
                            f.relation, f.months = YEARLESS, carried_months
                    elif f.period is None and f.relation == YEARLESS and f.months and carried is not None:
                        # "... between January 1 and January 31, 2023, 2,918,000 accounts were banned.
                        # In February, 4,597,400": February of that year
                        f.months_of = carried
                    elif f.relation in ("previous", "yearago") and f.previous_of is None:
                        f.previous_of = carried  # "During Q1, ... 85.6%, higher than the previous quarter's 71.6%"
            found += new
            last_count = next((f for f in reversed(new) if f.q.kind == "count"), last_count)
            last_whole = next((f for f in reversed(new) if f.q.kind == "count" and not f.location), last_whole)
            if len(found) > MAX_FIGURES_PER_DOCUMENT:
                raise TooManyFigures(sent.start)

    doc_platform = platform or document_platform(title, url, platforms, _subject(text, start, end, title, url, publisher))
    # the period the document reports on: as its front matter or its text declares it, else as
    # its headline and URL name it (unless its figures mention a part of that most: "2020" in
    # the headline, "the first half of 2020" in the text), else the one its figures mention most
    # (a period counted from the date, "last month", names it only when none is named)
    current = declared or _reporting_period(seen or dated, period, published, figured)
    if declared is None and period is None and scope is not None and not _within(current, scope) \
            and not (published and scope.end and scope.end > published):  # (".../fraud-prevention-analysis-2024",
        current = scope  # published in May 2024, names its own year, not the one it reports on)
    # a document with no date was written after the latest date it states ("from 1 August 2015 to
    # 31 December 2016"): "the last six months" count back from there, and, when it names no
    # period of a year or less, are the period it reports on ("Twitter announced today that it
    # suspended 376,890 accounts in the last six months")
    published = published or dateline  # a page giving no date but its dateline's
    latest = max((p.end for p in seen if p.start and p.end), default=None) if published is None else None
    written_after = latest + dt.timedelta(days=1) if latest else None
    recent = next((rp for f in found if f.relation == RECENT and written_after
                   and (rp := past_months(f.period.label, written_after))), None)
    if recent and declared is None and (current is None or current.start is None or current.end is None
                                        or (current.months() or 99) > 12):
        current = recent
    if published is not None:  # (and in a dated one, the months of no year its numbers are said to be
        # of: "removed 17 million ... during April", an Indian monthly report's month)
        months_seen.update(f.months for f in found if f.relation == YEARLESS and f.months and f.period is None)
    if (current is None or current.end is None) and months_seen:
        # no period of a known year: the document reports on the months of no year it states
        # most, and a figure stating no period is of them ("Jan–Mar, year not stated")
        months = max(months_seen, key=lambda m: (months_seen[m], m[1] - m[0]))
        for f in found:
            if f.period is None and f.relation is None:
                f.relation, f.months = YEARLESS, months
    if (place := document_place(title, url)) and all(f.location in ("", place) for f in found):
        for f in found:  # a country's own report ("India: February 2022"): every figure is of it,
            # but one said of the whole world, or of a sentence naming other countries too
            if not WORLDWIDE_RE.search(f.sentence.text) and set(countries_in(f.sentence.text)) <= {place}:
                f.location = place
    periods = {id(f): _resolve_period(f, current, written_after, published) for f in found}
    _headline_periods(text, start, found, periods)
    policies_of = _resolve_policies(found, periods)
    stated: list[Stated] = []
    for f in sorted(found, key=lambda f: not f.explicit):  # explicit periods quote best
        p = periods[id(f)]
        if f.compare == "previous":
            compare = previous(p) if p else None
        else:
            compare = f.compare if isinstance(f.compare, Period) else None
        plat = f.platform or doc_platform
        if plat is None:
            continue
        if p is None:  # the document states no period for it, and gives no date to place one
            p = UNSTATED
        stated.append(Stated(
            platform=plat, metric=f.metric, policy=policies_of[id(f)], location=f.location, breakdown=f.breakdown,
            period=p, compare=compare, value=f.q.value, unit=f.unit, qualifier=f.q.qualifier,
            quote=original[f.sentence.start : f.sentence.end], quote_start=f.sentence.start, quote_end=f.sentence.end,
            months=f.months if f.relation == YEARLESS and p.start is None else None,
        ))
    return stated


HEADLINE_CLOSE = 0.25  # a bound in a headline ("More Than 600,000") states a number of its text this near


def _headline_periods(text: str, start: int, found: list[_Found], periods: dict[int, Period | None]) -> None:
    """A count in the headline that rounds or bounds one its text states with a period of its own
    is that count: its period ("Twitter Just Suspended More Than 600,000 Accounts for 'Promotion of
    Terrorism'" over "it suspended 636,248 accounts from Aug. 1, 2015, through Dec. 31, 2016": not the
    second half of 2016 the report is of)."""
    headline_end = text.find("\n", len(text) - len(text[start:].lstrip()))  # (the end of the first line of text)
    headline_end = len(text) if headline_end < 0 else headline_end
    for f in found:
        if f.q.kind != "count" or f.sentence.start >= headline_end or f.explicit:
            continue
        said = next((g for g in found if g.sentence.start >= headline_end and g.q.kind == "count" and g.explicit
                     and periods[id(g)] is not None and states(f.q.value, f.q.qualifier, g.q.value, HEADLINE_CLOSE)), None)
        if said is not None:
            periods[id(f)] = periods[id(said)]


def _comparison(text: str, at: int) -> bool:
    """Is the period stated at ``at`` what something is compared with ("than the previous
    quarter", "from 1.2 million during Q4")?"""
    return bool(COMPARED_RE.search(text, max(0, at - 60), at) or FROM_VALUE_RE.search(text, max(0, at - 40), at))


def _cell_found(text: str, c: CellFigure) -> _Found:
    """A number of a cell-per-line table: it counts what its column's label says, for the
    policy its row's label (else its column's) names, in the document's period."""
    quote = Sentence(c.quote_start, c.quote_end, text[c.quote_start : c.quote_end])
    if c.period is not None:  # a row of a period, its columns policies ("Hateful Conduct, ..."), its title the metric
        title = _describe(c.title)
        unit = "percent" if c.quantity.kind == "percent" else next(iter(title.objects)) if len(title.objects) == 1 else "count"
        return _Found(c.quantity, quote, c.period, True, None, None, None, c.title or c.column, unit, None, None,
                      _one(_describe(c.column).policies) or c.column)
    column = _describe(c.column)
    place = _label_place(c.row) if c.row is not None else None  # a row of a country's ("Flag of France France")
    month = _label_month(c.row) if c.row is not None else None  # a row of a month's ("January3333"): of that month
    policy = (_one(_describe(c.row).policies) or (None if place or month or _total(c.row) else c.row)) if c.row is not None \
        else _one(column.policies)
    place = place or _label_place(c.heading)  # ... else of the country the lines above its header name
    if c.quantity.kind == "percent":
        unit = "percent"
    else:
        unit = next(iter(column.objects)) if len(column.objects) == 1 else "count"
    return _Found(c.quantity, quote, None, False, None, YEARLESS if month else None, None, c.column, unit, None, None, policy,
                  location=place or "", months=(month, month) if month else None, breakdown=c.breakdown)


def _label_month(label: str) -> int | None:
    """The month a table's row label names, alone ("January", "Février", "Sept."), or None."""
    word = label.strip(" *:-–—").casefold().rstrip(".")
    return MONTHS.get(word) or FOREIGN_MONTHS.get(word)


# a name in quotation marks just before a number's few words: "“abuse and harassment” for 2.6 million"
QUOTED_LABEL_RE = re.compile(r"[“\"](?P<label>[^“”\"\d]{3,60})[”\"]\s*$")


def _quoted_label(text: str, lead_from: int, prev_end: int) -> str | None:
    """The name in quotation marks that ends just where a number's words begin (``lead_from``),
    after the number before it: "posts related to “violent content” accounted for 2.2 million and
    “abuse and harassment” for 2.6 million" (the quotation marks cut each number's words off it)."""
    m = QUOTED_LABEL_RE.search(text, prev_end, lead_from)
    return m.group("label") if m else None


# a table's row of all its rows ("Total", "Gesamt", "Totaal"), in the languages the lexicon reads: no one policy's
TOTAL_LABELS = frozenset("total totals totaal gesamt insgesamt totale totali totales totalt razem łącznie celkem "
                         "toplam итого всего jumlah yhteensä tổng cộng कुल 合计 合計 총계 합계 المجموع الإجمالي".split())


def _total(label: str) -> bool:
    return label.strip(" *:-–—").casefold() in TOTAL_LABELS


def _stated_before(mentions: list[Mention], starts: list[int], at: int, closed: Period | None) -> Period | None:
    """What "the previous period" or "the same period last year" is relative to: the period the
    sentence states before the number ("since the start of the year, against 2.1 billion in the
    same period last year"), else its first closed one."""
    for i in range(bisect_left(starts, at) - 1, -1, -1):
        m = mentions[i]
        if m.kind in ("closed", "since") and m.period and m.period.start:
            return m.period
    return closed


def _within(inner: Period | None, outer: Period) -> bool:
    return bool(inner and inner.start and inner.end and outer.start and outer.end
                and outer.start <= inner.start and inner.end <= outer.end)


# what a day can date: "the 31 August report", "its Feb. 5 blog post", "the June 30, 2021 update"
REPORT_AFTER_RE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:report|update|release|blog\s+post|post|filing)s?\b", re.IGNORECASE)


def _report_date(text: str, m: Mention) -> bool:
    """Is this one day the date of a report named right after it ("The 31 August report shows Meta
    took action against around 25 million posts"): when it came out, not what its numbers are of?"""
    return m.kind == "closed" and m.period is not None and m.period.start is not None \
        and m.period.start == m.period.end and REPORT_AFTER_RE.match(text, m.end) is not None


def _dateline(text: str, mentions: list[Mention]) -> bool:
    """Is this line a date alone ("June 02, 2024", "12 Ocak 2021")?"""
    return len(mentions) == 1 and mentions[0].kind == "closed" and mentions[0].period is not None \
        and mentions[0].period.start == mentions[0].period.end and not re.search(
            r"[^\W\d_]", text[: mentions[0].start] + text[mentions[0].end :])


def _resolve_period(f: _Found, current: Period | None, written_after: dt.date | None = None,
                    published: dt.date | None = None) -> Period | None:
    if f.relation == RECENT:  # "the last six months", in a document with no date, written after the latest date it states
        return past_months(f.period.label, written_after) if written_after else None
    if f.relation == YEARLESS and f.months_of is not None and f.months_of.start and f.months_of.end:
        # months with no year after a sentence stating a period: of the year that puts them nearest
        # it ("... in January 2023. In February, ...": February 2023; "... the first half of 2021.
        # ... peaked at 65,103 in December": December 2020)
        near = f.months_of  # (on a tie, its own year: "in H1 2013 ... in the second half", H2 2013)
        return min((yearless(f.months, y) for y in (near.end.year, near.end.year - 1, near.end.year + 1)),
                   key=lambda p: max((near.start - p.end).days, (p.start - near.end).days, 0))
    if f.relation == YEARLESS:  # months with no year: of the year of the period the document reports on
        if current is None or current.start is None or current.end is None:
            if published is not None:  # ... or none at all: the latest such months that had ended by its date
                return latest_months(f.months, published)
            return yearless(f.months)  # ("since 2019" names none): the months, and the year not stated
        if (current.start.month, current.end.month) == f.months:
            return current
        # (months after the period's last one are of the year before: "in December", in a report on H1 2021)
        return yearless(f.months, current.end.year - (f.months[1] > current.end.month))
    if f.relation in ("previous", "yearago"):  # the period before, or the same one a year before
        reference = f.previous_of or current
        return (previous if f.relation == "previous" else year_before)(reference) if reference else None
    if f.relation == "wholeyear":  # "sur l'ensemble de l'année": the year of the period reported on
        return span(current.end.year, 1, current.end.year, 12) if current and current.end else None
    return f.period or current


def _resolve_policies(found: list[_Found], periods: dict[int, Period | None]) -> dict[int, str]:
    """A count's policy is its sentence's; one that names none restates an earlier figure of
    the same value and period ("93 percent of over 270,000 accounts suspended in the last
    reporting period"), or counts all policies. A share or change takes its base figure's."""
    out: dict[int, str] = {}
    stated: dict[tuple, str] = {}
    for f in found:  # document order
        policy = f.policy
        if policy is None and f.base is not None:
            policy = out.get(id(f.base))
        if policy is None and f.q.kind == "count":
            policy = stated.get((f.q.value, f.unit, periods[id(f)]))
        out[id(f)] = policy or ALL_POLICIES
        if f.policy is not None:
            stated.setdefault((f.q.value, f.unit, periods[id(f)]), f.policy)
    return out


LIST_GOES_ON_RE = re.compile(r"[^.!?]\s*$")
EMPHASIS_RE = re.compile(r"\*\*|__")
# "This report covers the second half of 2020", "its transparency report for July to December
# 31, 2020": the period the document reports on
COVERS_RE = re.compile(r"\b(?:report|data|figures|numbers)\b[^.]{0,40}\b(?:covers?|covering|spans?|runs?\s+from)\b", re.IGNORECASE)
REPORT_FOR_RE = re.compile(r"\b(?:report|data|figures)\s+(?:for|on|from)\s+(?:the\s+)?(?:period\s+(?:of\s+|from\s+)?)?$", re.IGNORECASE)
# what a number was for, said after it: "87,000 for fraud", "54,000 involved harassment", "87,000 concerned fraud"
REASON_AFTER_RE = re.compile(r"\s+(?:[^\W\d]+\s+){0,3}?(?:for|concern(?:ed|ing)|involv(?:ed|ing)|relat(?:ed|ing)\s+to|due\s+to|over"
                             # ... and in Russian ("13 тыс. публикаций о средствах для обхода блокировок": about)
                             r"|о|об|про|за)\s+[^\W\d]", re.IGNORECASE)
#: The period of a figure whose document states none: kept, and the answer says so.
UNSTATED = Period(None, None, "period not stated")
YEARLESS = "yearless"  # a relation: months stated without their year (``_Found.months``)
RECENT = "recent"  # a relation: "the last six months" in a document with no date (the phrase: ``_Found.period.label``)
COMPARE_LOOKAHEAD = 8  # a comparison stated further on is not about this number
UNKNOWN = "unknown"  # a quantity's period that cannot be known: it states no figure
# words that put a value at an earlier time: "up from 33 per cent", "compared with 1.2 million"
_CHANGED = r"up|down|increas\w*|decreas\w*|ris\w*|rose|fell|falling|dropped|grew|jumped|climbed"  # what changes say
_EARLIER = rf"(?:{_CHANGED})\s+from"
EARLIER_VALUE_RE = re.compile(rf"\b(?:{_EARLIER})\s+(?:the\s+|about\s+|around\s+)?$", re.IGNORECASE)
# ... and "compared with 1.2 million", "in calo rispetto ai 9.5 milioni", "contre 90%": an earlier
# value only in a sentence that speaks of a change or of the time compared with ("65.72 percent of
# reports led to action, compared to 13.26 percent of harassment reports" compares two kinds of
# report of one period)
COMPARED_VALUE_RE = re.compile(
    r"(?:\b(?:compared\s+(?:to|with)|versus|vs\.?|triple|double|twice|rispetto\s+(?:a|ai|al|alla|alle|agli)"
    r"|par\s+rapport\s+(?:à|au|aux)|gegenüber|im\s+vergleich\s+zu(?:m|r)?|frente\s+a|em\s+relação\s+(?:a|ao|à)"
    r"|comparad[oa]s?\s+(?:com|con|a))|(?<![\w])contre)\s+(?:the\s+|about\s+|around\s+|los\s+|las\s+|les\s+|os\s+|as\s+)?$",
    re.IGNORECASE)
CHANGE_WORD_RE = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, DECREASE + INCREASE)) + r")", re.IGNORECASE)
EARLIER_TIME_AFTER_RE = re.compile(
    r"[^.;\d]{0,40}?\b(?:last|previous|prior|earlier|ago|before|preceding|precedente|précédente?|anterior|vorjahr\w*"
    r"|vorquartal\w*|letzten|début\s+d['’]année|inizio\s+(?:d[ie]ll?['’])?anno|sebelumnya|lalu)\b", re.IGNORECASE)
CHANGED_BEFORE_RE = re.compile(rf"\b(?:{_CHANGED}|improv\w*|fallen|grown|climb\w*|jump\w*|drop\w*|declin\w*|went|moved"
                               r"|changed)\b", re.IGNORECASE)
FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$", re.IGNORECASE)
TO_AFTER_RE = re.compile(r"[^.;:\d]{0,30}?\bto\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?[0-9]", re.IGNORECASE)
# a period after an earlier value is that value's: "up 183% from 1.2 million during Q4" ("more than
# 2 billion" is no earlier value)
FROM_VALUE_RE = re.compile(r"\b(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)than|compared\s+(?:to|with)|versus|vs\.?)\s+"
                           r"[^.;,\d]{0,20}\d[\d.,]*[^.;,\d]{0,25}$", re.IGNORECASE)
COMPARED_RE = re.compile(r"\b(?:from|than|compared\s+(?:to|with)|versus|vs\.?|over|against|above|below"
                         # ... and as other languages say "compared with"
                         r"|em\s+relação\s+(?:ao?|à)|comparad[oa]s?\s+(?:com|con|a)|en\s+comparación\s+con|frente\s+a|ante"
                         r"|par\s+rapport\s+(?:à|au|aux)|im\s+vergleich\s+zu(?:m|r)?|(?<!bis\s)zu[mr]|gegenüber|unter|über|dibandingkan(?:\s+dengan)?)\s+"
                         # "than it did during the second half of 2018"
                         r"(?:(?:it|they|we|there)\s+(?:did|had|was|were)\s+(?:in|during)\s+)?"
                         r"(?:the\s+|in\s+|o\s+|a\s+|el\s+|la\s+|le\s+|dem\s+|der\s+|no\s+|na\s+)?"
                         # "compared to the same reporting period in 2021"
                         r"(?:same\s+(?:reporting\s+)?(?:period|quarter|half|time|months?)\s+(?:in|of|last)\s+)?$", re.IGNORECASE)


OF_NUMBER_BEFORE_RE = re.compile(r"\s+(?:in|during|im|en|no|na|nel|dans|pada)?\s*(?:the|dem|der|el|la|le|o|a)?\s*")  # "250.957 im "
REPORT_FOR_WINDOW = 80  # characters: REPORT_FOR_RE's longest match is about half that
MASKED = ("closed", "stamp", "since", "duration", "invalid", "relative", "yearless", "yearago", "name")


def _covered(text: str, said: list[Mention]) -> Period | None:
    """The period a sentence says the report covers, if it says so (``said``: the sentence's
    closed and open periods)."""
    spans = [m for m in said if m.period.start != m.period.end]  # (a day named is when it came out: "published its report on July 9")
    if said and COVERS_RE.search(text):
        return (spans or said)[0].period
    # the words just before each period (a window, not the sentence up to it: a one-line
    # article with a thousand periods would be read a thousand times)
    return next((m.period for m in spans if REPORT_FOR_RE.search(text, max(0, m.start - REPORT_FOR_WINDOW), m.start)), None)


def _mask_periods(text: str, mentions: list[Mention]) -> str:
    """Blank out period expressions so their years and days are not read as counts."""
    parts, at = [], 0
    for m in mentions:
        if m.kind in MASKED:
            parts += [text[at : m.start], " " * (m.end - m.start)]
            at = m.end
    text = "".join(parts) + text[at:] if parts else text
    # ... and the day of a month with no year ("Sunday, July 25")
    return DAY_OF_MONTH_RE.sub(lambda d: d.group()[: d.start("day") - d.start()] + " " * (d.end() - d.start("day")), text)


def _reporting_period(seen: list[Period], declared: str | None, published, figured: set[Period] = frozenset()) -> Period | None:
    """The period the document reports on: declared in front matter, else the closed period of
    a year or less that its figures mention most (the latest on a tie, but a month named only in
    sentences stating no figure, ``figured`` being the periods of those that do, gives way), else
    its open start."""
    if declared:
        ms = [m for m in find_periods(str(declared), published) if m.period]
        if ms:
            return ms[0].period
    closed = [p for p in seen if p.start and p.end and (p.months() or 99) <= 12 and p.start != p.end]
    pool = closed or [p for p in seen if p.start]
    if not pool:
        return None
    counts = Counter(pool)
    most = max(counts.values())
    tied = [p for p in counts if counts[p] == most]
    if any(p in figured for p in tied):  # a month named only where no figure is ("Computerworld overtog i november
        # 2022 Alt om Data") is when something else happened, beside a quarter its figures are of
        tied = [p for p in tied if p in figured or (p.months() or 0) != 1]
    # of periods named as often, a quarter or longer inside another is the one reported on ("2018"
    # and "Q3 2018": the quarter; not "December" in "H2 2019"), then the latest
    inner = [p for p in tied if not any(q is not p and (q.months() or 0) >= 3 and _within(q, p) for q in tied)]
    return max(inner or tied, key=lambda p: p.end or dt.date.min)


def _read_sentence(sent: Sentence, quantities: list[Quantity], mentions: list[Mention], feats,
                   published, last_count: "_Found | None",
                   last_whole: "_Found | None" = None) -> list[_Found]:
    """The figures one sentence states. A count needs an action and what it counts; a share
    needs what it is a share of and a facet (or a policy); a change refers to a figure before
    it. Shares and changes without a policy of their own take their base figure's."""
    text = sent.text
    out: list[_Found] = []
    stated: list[_Found] = []  # the figures so far that are no multiple of another ("nearly triple the 1.2 million")
    whole = last_whole  # the latest count of no country
    sentence_platform = next(iter(platforms_in(text)), None)
    # several policies named: none of them is every number's; "mostly for spam" names the
    # largest part of a total, not the total's policy
    sentence_policy = _one(_describe(_unqualified(text)).policies)
    action = _action_of(feats)
    clauses = _clauses(text)
    clause_starts = [c[0] for c in clauses]
    several_shares = sum(1 for x in quantities if x.kind == "percent") > 1
    mention_starts = [m.start for m in mentions]
    mention_ends = [m.end for m in mentions]
    closed = next((m.period for m in mentions if m.kind == "closed" and m.period and m.period.start), None)
    labels = [_bracket_label(text, q) for q in quantities]
    places = _respective_places(text, quantities)
    listed_policies = _respective_policies(text, quantities)
    listed_platforms = _respective_platforms(text, quantities)
    subject = _subject_place(text) or _row_place(text)
    # from each number (or its label) to the end of its clause: a policy named there is that
    # number's, a part of what comes before it, not an earlier number's ("224 million user
    # complaints ..., with nearly 82 million classified as abuse and harassment"). Each policy
    # named is seen by the numbers from the last one before it in its clause on.
    firsts = [label[0] if label else q.start for q, label in zip(quantities, labels)]
    clause_of = [max(0, bisect_right(clause_starts, q.start) - 1) for q in quantities]
    named = []  # (policy, its clause, the first number that sees it, where it is named)
    clause_read: dict[tuple[int, int], tuple[Features, str | None]] = {}  # (its words, its one platform)
    for policy, a, _ in find_all(POLICY_RES, _unqualified(text)):
        c = bisect_right(clause_starts, a) - 1
        owner = max((j for j, (f, cj) in enumerate(zip(firsts, clause_of)) if f <= a and cj == c), default=-1)
        named.append((policy, c, owner, a))
    own_named: dict[int, bool] = {}  # each number's policy is named by its own words
    for i, q in enumerate(quantities):
        # a number in brackets right after it is an aside: the words after that are still this
        # number's ("10.5 million (39%) reports were issued regarding conduct")
        text = without_aside(sent.text, quantities, i)
        after = i + 2 if text is not sent.text else i + 1
        nxt = quantities[after].start if after < len(quantities) else len(text)
        prev_end = quantities[i - 1].end if i else 0
        clause = clauses[clause_of[i]]
        # a period stated after it, up to the next number, in its own clause ("removed 16.8
        # million, while in the first half the number had been 5.1 million": not the first half)
        period, explicit, relation, compare, months = _period_for(q, min(nxt, clause[1]), mentions, mention_starts,
                                                                  mention_ends, text, published, clause[1], prev_end)
        if relation == UNKNOWN:
            continue
        base = last_count  # the latest count so far, in this sentence or before it
        policy, ref = sentence_policy, None
        if q.kind == "count" and (PER_BEFORE_RE.search(text, max(0, q.start - 12), q.start)
                                  or DIFFERENCE_BEFORE_RE.search(text, max(0, q.start - 30), q.start)
                                  or DURATION_AFTER_RE.match(text, q.end) or text.startswith("-", q.end)
                                  or _views_bound(text, q, prev_end)):
            # "3 views per 10,000 views", "within 24 hours", "the 300 million-person site": a
            # rate's base, a length of time, a number describing a noun
            continue
        # what a number counts is said closest to it: in its own phrase after it (up to the next
        # number or a comma), else in the phrase that leads to it, else its clause, else the
        # sentence ("Action was taken against 4.3 million accounts, with a total of 1.3 million
        # suspended": actioned, then suspended)
        stop = PHRASE_STOP_RE.search(text, q.end)
        cuts = [m.end() for m in PHRASE_STOP_RE.finditer(text, prev_end, q.start)]
        own_text = text[q.start : min(nxt, stop.start() if stop else len(text))]
        # ... up to the rate of another number it leads to ("3.3 million pieces of this content
        # with a proactive detection rate of 96.4 per cent": not a count of proactive removals)
        own_text = own_text[: (m.start() if (m := RATE_OF_RE.search(own_text)) else len(own_text))]
        share_of = None  # the share a count is of, said in brackets after it
        if i and q.kind == "count" and quantities[i - 1].kind == "percent" and (close := BRACKETED_RE.match(text, q.end)) \
                and OPEN_BRACKET_RE.fullmatch(text, quantities[i - 1].end, q.start):
            share_of = quantities[i - 1]
            # the count of a share, in brackets after it, counts what the share is of: "just six percent (about
            # 9,250) led to reinstatements", "14.5 percent (498) were removed"
            after = PHRASE_STOP_RE.search(text, close.end())
            own_text = q.text + " " + text[close.end() : min(nxt, after.start() if after else len(text))]
        lead_from = cuts[-1] if cuts else prev_end
        if i and not cuts and (joined := joined_at(text, lead_from, q.start)) is not None:
            # what follows a number is its own, up to the word joining the next one: "88,3 persen
            # konten narkoba dan 69,9 persen konten senjata api" (69.9 is not of narkoba; but in
            # "..., hate speech and terrorism. Facebook Says It Deleted 865 Million Posts" the
            # "and" ends a list)
            lead_from = joined
        lead_text = labels[i][1] if labels[i] else text[lead_from : q.start]
        if clause not in clause_read:  # a clause's words are read once, however many numbers it holds
            clause_text = text[clause[0] : clause[1]]
            # (one platform, or one company's: "फेसबुक और इंस्टाग्राम ने ... कुल 27 मिलियन पोस्ट", Meta's 27 million)
            named_here = frozenset(platforms_in(clause_text))
            clause_read[clause] = (_describe(_unqualified(clause_text)), _one(named_here) or company_of(named_here))
        here, clause_platform = clause_read[clause]
        own, lead = _describe(own_text), _describe(lead_text)
        # what was done right before the next number, after a word joining the two, is done to it alone:
        # "Google received 26,087 complaints from users and removed 61,114 pieces of content" (the
        # complaints were received, not removed); this one is then read in its clause without it
        join = joined_at(text, q.end, nxt) if nxt < clause[1] else None
        if join is not None and _action_of(_describe(text[join:nxt])) and not _action_of(_describe(text[q.start:join])) \
                and not _action_of(lead):
            act_q = _action_of(_describe(_unqualified(text[clause[0] : join] + " " * (nxt - join) + text[nxt : clause[1]])))
        else:
            act_q = _action_of(own) or _action_of(lead) or _action_of(here) or action
        if act_q == "suspended" and (_asked_to_remove(text[clause[0] : q.start]) or _requests_of(own_text)
                                     or _requests_of(lead_text)):
            act_q = "requested"  # "a court order to remove 860 orkut profiles", "310 content removal requests": asked for
        policy = _one(own.policies) or _one(lead.policies) or (_one(_describe(quoted).policies)
                                                                if (quoted := _quoted_label(text, lead_from, prev_end)) else None)
        # else its clause's, else its sentence's, but none a later number's clause names; a
        # labelled number ("fraud (87,000)") counts what its label says and nothing else
        # (in a list of clauses parted by semicolons, "199,000 proactive enforcements involved adult
        # sexual content; 87,000 concerned fraud", a policy another item names after its own
        # number is that number's alone)
        listed = text.startswith(";", clause[0])
        own_named[i] = policy is not None and _one(own.policies) == policy
        if i in listed_policies:  # a list ending "respectively": the policy in its place, or none
            policy = listed_policies[i]
        elif policy is None and i and quantities[i - 1].kind == q.kind == "percent" and own_named.get(i - 1) \
                and LETTERS_RE.search(own_text, len(q.text)):
            # a share beside another whose own words name its policy, saying what it is of in words the
            # lexicon does not know, is of another: "51%は未成年の安全に関連していたほか、16.6%が非合法的な活動
            # への関与" (minor safety, then illegal activities), "88,3 persen konten narkoba dan 69,9 persen konten
            # senjata api" (drugs, then firearms)
            pass
        elif policy is None and REASON_AFTER_RE.match(own_text, q.end - q.start) and any(owner >= 0 and owner != i for _, _, owner, _ in named):
            # a number that says what it was for, in words the lexicon does not know ("and 87,000
            # for fraud"), takes no other number's policy ("199,000 ... adult sexual content")
            pass
        elif policy is None and not labels[i] and i + 1 < len(quantities):
            # (not one a later clause names: "Impersonation ..., accounting for 169,396 account
            # suspensions, followed by ... sensitive media, accounting for 118,356")
            seen_here = [(p, c) for p, c, owner, a in named if owner <= i and (c == clause_of[i] or owner < 0 or not listed)
                         and (c <= clause_of[i] or a < firsts[i])]
            policy = _one(frozenset(p for p, c in seen_here if c == clause_of[i])) \
                or _one(frozenset(p for p, _ in seen_here)) or _list_policy(text, quantities, i, named, clause_of)
        elif policy is None and not labels[i]:
            policy = _one(here.policies) or (sentence_policy if not (listed and any(
                owner >= 0 and c != clause_of[i] for _, c, owner, _ in named)) else None)
        # the platform too ("Facebook removed 15.3 million ..., while Instagram took action on 1.6 million")
        # (in a language that says whose a number is before it, the one named nearest before it in its
        # clause: "फेसबुक की 13 नीतियों में 19.8 मिलियन से अधिक कंटेंट और इंस्टाग्राम के लिए 12 नीतियों में 2 करोड़":
        # Facebook's 19.8 million, Instagram's 2 crore)
        # (but a platform named right after the number is its own, in any language: "25 मिलियन फेसबुक पोस्ट और 2
        # मिलियन इंस्टाग्राम पोस्ट", Instagram's 2 million)
        before = last_platform_in(text[clause[0] : q.start]) if VERB_FINAL_RE.search(text, max(0, q.start - 40), q.end + 40) else None
        platform = listed_platforms.get(i) or _platform_after(text, q.end) or before \
            or next((p for seg in (own_text, lead_text) if (p := _one(frozenset(platforms_in(seg))))), None) \
            or clause_platform or sentence_platform
        metric, unit, act = _structured(q, text, clause, feats, act_q, policy, base, stated, own, several_shares, lead)
        if metric is None and q.kind == "count" and act_q and not _word_after(text, q.end) \
                and len(objects := find_all(OBJECT_RES, text[clause[0] : q.start])) == 1:
            # a count naming nothing after it, of the one thing its clause names before it and
            # what was done to it: "Die meisten gelöschten Videos, nämlich 1,02 Millionen, ..."
            unit = unit_for(text[objects[0][1] + clause[0] : objects[0][2] + clause[0]])
            act = _action_for(unit, act_q)
            metric = f"{unit} {act}"
        if metric is None:  # a number the lexicon cannot name: kept, described by its own words
            metric, unit, act = _described(text, q), _KIND_UNIT.get(q.kind) or _count_unit(text, q), None
            if share_of is not None:  # ... or its share's: "six percent (about 9,250) led to reinstatements"
                metric = _described(without_aside(sent.text, quantities, i - 1), share_of).removeprefix("of ")
            if q.kind == "count" and stated and stated[-1].q.kind == "count" and not (own.actions or own.objects) \
                    and (_any_noun_after(text, q.end) is None or ANOTHER_RE.search(text, 0, q.start)) \
                    and (head := _any_noun_after(text, stated[-1].q.end)):
                # a list naming its noun once: "199,000 proactive enforcements involved adult
                # content; 87,000 concerned fraud" (87,000 proactive enforcements), "67 million
                # user reports related to hateful behavior and another 40 million concerning ...
                metric, unit = f"{head} {metric}", head
        if q.kind != "count":
            ref = stated[-1] if q.kind in CHANGES and stated else base
        if q.kind in CHANGES and compare is None:
            compare = "previous"
        # a place said right after the number ("9,822,996 from the United States"), else as the
        # subject just before it ("The US submitted 3,329 requests")
        before_place = _place(text[max(prev_end, q.start - 40) : q.start], before=True)
        if before_place and text.rfind("(", max(0, q.start - 3), q.start) >= 0:
            place = places.get(i) or before_place  # "India (16,453,360), followed by the United States": India's
        else:
            place = places.get(i) or _place(text[q.end : min(nxt, q.end + 40)]) or before_place or subject
        if not place and q.kind == "count":
            place = _from_place(text, clause[0], q.start) or _demonym_place(text, q.end)
        if not place and q.kind == "count" and out and out[-1].q.kind == "count" and out[-1].location \
                and INCLUDING_RE.search(text, out[-1].q.end, q.start):
            place = out[-1].location  # "banned 23.24 lakh accounts in India in October, including 8.11 lakh ..."
        if not place and q.kind == "count" and base is not None and base.location and OF_THESE_RE.match(text, q.end):
            place = base.location  # "... 7,420,748 accounts in India ... “3,506,905 of these accounts were ...”"
        if not place and q.kind == "percent" and ref is not None and ref.sentence is sent:
            place = ref.location  # "The US submitted 3,329 requests, and X disclosed information in 76 percent of those"
        if place and act is None and q.kind == "count" and whole is not None and whole.action \
                and not (own.actions or own.objects or lead.actions or lead.objects) and _any_noun_after(text, q.end) is None:
            # a country's part of the count before it, saying nothing of its own of what it counts:
            # "TikTok removed 49,247,689 videos. The most came from India (16,453,360)"
            metric, unit, act = whole.metric, whole.unit, whole.action
        if q.kind == "count" and (base := _per_base(text, quantities, i, clause[1])) is not None:
            # "7 to 8 views of hate speech for every 10,000 views", "3 views per 10,000": so many of
            # every that many, a rate, not a count
            unit = f"per {base:,.0f}" if unit == "count" else f"{unit} per {base:,.0f}"
        out.append(_Found(q, sent, period, explicit,
                          _stated_before(mentions, mention_starts, q.start, closed) if relation in ("previous", "yearago") else None,
                          relation, compare, metric, unit, act, platform, policy,
                          ref if q.kind != "count" else None, place or "", months))
        if q.kind != "multiple":
            stated.append(out[-1])
        if q.kind == "count":
            last_count = out[-1]
            if not place:
                whole = out[-1]
    return out


_RESPECTIVELY = r"(?:respectively|respectivamente|respectivement|rispettivamente)\b"
RESPECTIVELY_RE = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}?(?:,\s*)?" + _RESPECTIVELY, re.IGNORECASE)
# ... and after what the listed numbers count: "119,508 and 118,356 account suspensions, respectively"
RESPECTIVE_AFTER_RE = re.compile(r"\s*(?:[^\W\d_]+[\s,]+){0,3}?" + _RESPECTIVELY, re.IGNORECASE)
# ... or anywhere after the list: "... for Facebook and Instagram, respectively"
RESPECTIVELY_ANYWHERE_RE = re.compile(_RESPECTIVELY, re.IGNORECASE)
LIST_GAP_RE = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s(?:{AND_WORDS})\s+)", re.IGNORECASE)
LIST_LEAD_RE = re.compile(r"[\s,:—–-]*(?:(?:with|mit|avec|con|com|dengan)\s+)?$", re.IGNORECASE)


def _number_lists(text: str, quantities: list[Quantity]) -> Iterator[tuple[int, int, str]]:
    """The lists of numbers of one kind that follow one another with only "and" or a comma
    between: (first, last, the text since the number before the list)."""
    i = 0
    while i < len(quantities):
        j = i
        while j + 1 < len(quantities) and quantities[j + 1].kind == quantities[i].kind \
                and LIST_GAP_RE.fullmatch(text, quantities[j].end, quantities[j + 1].start):
            j += 1
        if j > i:
            yield i, j, text[quantities[i - 1].end if i else 0 : quantities[i].start]
        i = j + 1


def _respective_places(text: str, quantities: list[Quantity]) -> dict[int, str]:
    """Numbers listed after as many countries, in their order: "users in India and the U.S. —
    16.45 million and 4.57 million respectively", "folgen Indien und Brasilien mit 827.000 und
    485.000". The countries are named since the number before the list, and end just before
    it, or the list ends with "respectively"."""
    out: dict[int, str] = {}
    for i, j, lead in _number_lists(text, quantities):
        names = countries_in(lead)
        listed = RESPECTIVELY_RE.match(text, quantities[j].end) is not None
        if len(names) == j - i + 1 and (listed or _ends_with_country(lead, names[-1])):
            out.update(zip(range(i, j + 1), names))
    return out


# between two counts of one list: what the first counts (not why: "56,000 under violent threats, 30,000
# under sensitive media"), then a comma or "and" (and a verb: "532,498 accounts and removed 15,163
# servers"), and how roughly the next is stated
LIST_ITEM_GAP_RE = re.compile(r"(?![^\d]*\b(?:under|for|on|over|due|because|against|related|regarding|about|of)\b)"
                              r"\s+[^\W\d][^\d,;:.()]{0,40}?(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+(?:[a-z]+\s+)?)"
                              r"(?:(?:more\s+than|nearly|over|about|almost|around|some)\s+)?", re.IGNORECASE)


def _list_policy(text: str, quantities: list[Quantity], i: int, named, clause_of: list[int]) -> str | None:
    """The policy named first after the last count of a list a count opens, and of no count before
    it: "19k playlists, more than 12k podcast episodes, 160 music tracks and nearly 20 albums that
    violated its hate-content policies" (all of them hate content's); "Discord disabled 532,498
    accounts and removed 15,163 servers for child safety reasons"."""
    j = i
    while j + 1 < len(quantities) and quantities[j + 1].kind == "count" \
            and LIST_ITEM_GAP_RE.fullmatch(text, quantities[j].end, quantities[j + 1].start):
        j += 1
    after = sorted((a, p) for p, c, owner, a in named if owner == j and c == clause_of[j])
    return after[0][1] if j > i and after else None  # (the nearest: "..., most of which were flagged for abuse material")


# the word right after a number, and the two after it (a word goes on past its marks: Devanagari's vowel
# signs are no \w)
NEXT_WORDS_RE = re.compile(r"[^\S\n]+(?P<first>[^\W\d_][^\s,;:.]*)(?:[^\S\n]+[^\W\d_][^\s,;:.]*){0,2}")


def _platform_after(text: str, at: int) -> str | None:
    """The platform named by the word right after a number, before what it counts: "2 million Instagram
    posts", "2 मिलियन इंस्टाग्राम पोस्ट" (not "5 million Facebook and Instagram posts": two; nor "27 million posts
    across Facebook", "1.95 करोड़ पोस्ट और इंस्टाग्राम": a platform further on)."""
    m = NEXT_WORDS_RE.match(text, at)
    if m is None or not (first := _one(frozenset(platforms_in(m.group("first"))))):
        return None
    return first if set(platforms_in(m.group())) == {first} else None


def _respective_platforms(text: str, quantities: list[Quantity]) -> dict[int, str]:
    """Numbers listed with "respectively" and as many platforms, in their order, named after the list
    ("17,124 and 12,924 reports received ... for Facebook and Instagram, respectively") or before it
    ("Facebook and Instagram removed 2.5 and 1.2 million posts respectively")."""
    out: dict[int, str] = {}
    for i, j, lead in _number_lists(text, quantities):
        said = RESPECTIVELY_ANYWHERE_RE.search(text, quantities[j].end)
        if said is None or any(q.start < said.start() for q in quantities[j + 1 :]):
            continue  # (a "respectively" of the list, before any number after it)
        for names in (platforms_in(text[quantities[j].end : said.start()]), platforms_in(lead)):
            if len(names) == j - i + 1 and len(set(names)) == len(names):
                out.update(zip(range(i, j + 1), names))
                break
    return out


def _respective_policies(text: str, quantities: list[Quantity]) -> dict[int, str | None]:
    """Numbers listed with "respectively" after policies: each the policy in its place ("for
    harassment and spam, accounting for 3 and 4 million respectively"); when the lexicon reads
    fewer policies than there are numbers, none of them is any one's ("regulated goods and
    sensitive media, 119,508 and 118,356 respectively": sensitive media is no policy it names)."""
    out: dict[int, str | None] = {}
    for i, j, lead in _number_lists(text, quantities):
        if RESPECTIVE_AFTER_RE.match(text, quantities[j].end):
            clause = lead[max((m.end() for m in CLAUSE_SPLIT_RE.finditer(lead)), default=0) :]  # (the list's own clause)
            names = [name for name, _, _ in find_all(POLICY_RES, _unqualified(clause))]
            out.update(zip(range(i, j + 1), names if len(names) == j - i + 1 else [None] * (j - i + 1)))
    return out


SUBJECT_RE = re.compile(r"^\W*(?:the\s+)?(?P<name>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+(?=[a-z])")


# what a count counts, of a country's people: "29 lakh Indian accounts", "2,918,000 accounts of Indian users"
DEMONYM_AFTER_RE = re.compile(r"\s+(?:(?:lakh|crore|million|billion|thousand)\s+)?(?:(?P<a>[A-Z][a-z]{3,})\s+(?=accounts?\b|users?\b)"
                              r"|(?:accounts?|users?)\s+(?:of|from)\s+(?P<b>[A-Z][a-z]{3,})\s+(?=users?\b|people\b))")


def _demonym_place(text: str, at: int) -> str | None:
    """The country whose people a count counts, by its adjective right after the number."""
    m = DEMONYM_AFTER_RE.match(text, at)
    return country_of_people(m.group("a") or m.group("b")) if m else None


def _subject_place(text: str) -> str | None:
    """The one country a sentence names, when it opens the sentence as its subject ("Turki
    muncul sebagai negara ..., dengan X memenuhi 60% dari permintaan ini")."""
    m = SUBJECT_RE.match(text)
    if m is None:
        return None
    name = country_in(m.group("name"))
    return name if name and countries_in(text) == [name] else None


def _row_place(text: str) -> str | None:
    """The one country a table row's label names ("Flag of France France 34 0": France's)."""
    m = ROW_RE.fullmatch(text.strip())
    return _label_place(m.group("label")) if m else None


def _label_place(label: str) -> str | None:
    """The one country a label names, however often ("Flag of France France")."""
    names = set(countries_in(label))
    return names.pop() if len(names) == 1 else None


def _ends_with_country(lead: str, name: str) -> bool:
    """Does ``lead`` end with the country ``name``, but for a dash, a comma or "with"?"""
    words = lead[: LIST_LEAD_RE.search(lead).start()].split()
    return any(countries_in(" ".join(words[-n:])) == [name] for n in (1, 2, 3))


# between two numbers, words that make the second the same kind of count as the first: a part
# of it ("1.2 million ..., including 274,460 during ...") or its value at another time ("1.5
# billion ..., down from 1.3 billion"); otherwise a second number is a fact of its own
RATE_OF_RE = re.compile(r"\s(?:with|at)\s+(?:a|an|the)\s+[^,;]{0,40}?\b(?:rate|share|percentage)\b", re.IGNORECASE)
OF_THESE_RE = re.compile(r"\s+of\s+(?:these|those|them)\b", re.IGNORECASE)  # a part of the count before it
AND_RE = re.compile(rf"\s(?:{AND_WORDS})\s", re.IGNORECASE)
_INCLUDING = r"including|of\s+which|of\s+whom|of\s+those|among\s+them|out\s+of\s+which"
INCLUDING_RE = re.compile(rf"\b(?:{_INCLUDING})\b", re.IGNORECASE)
PART_OF_RE = re.compile(rf"\b(?:{_INCLUDING}|{_EARLIER}|to(?=\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+)?\d))\b",
                        re.IGNORECASE)  # "from 1.2 million to 1.6 million", not "used to spread ... in 12 languages"
_KIND_UNIT = {"percent": "percent", "change": "percent change", "multiple": "ratio"}
CHANGES = ("change", "multiple")  # a number stated against another period's: "up 8.4%", "twice as many"


# what a total mostly was ("..., mostly for spam"), what it leaves out ("exclusive of copyright
# removals") and the range it spans ("ranging from cybercrime to harassment") are no policy of its own
MOSTLY_RE = re.compile(r"\b(?:mostly|mainly|largely|primarily|chiefly|predominantly|the\s+(?:vast\s+)?majority\s+of\s+(?:which|them)"
                       r"|exclusive\s+of|excluding|except(?:\s+for)?|not\s+including|other\s+than|apart\s+from"
                       r"|(?:ranging|varying)\s+from)"
                       r"\b[^.;:,]{0,60}", re.IGNORECASE)


def _unqualified(text: str) -> str:
    """The text without what it says a total mostly was or leaves out ("..., mostly for spam")."""
    return MOSTLY_RE.sub(lambda m: " " * len(m.group()), text)


# a removal said as what was asked for, just before the number: "a court order to remove 860 orkut
# profiles", "1,791 requests from government officials ... to remove 17,746 pieces of content"
TO_REMOVE_RE = re.compile(r"\bto\s+(?:remove|delete|take\s+down|block|withhold|suspend|ban|restrict)\b[^.;:,\d]{0,60}$",
                          re.IGNORECASE)
COURT_ORDER_RE = re.compile(r"\bcourt\s+orders?\b", re.IGNORECASE)


def _asked_to_remove(lead: str) -> bool:
    """Is the removal before a number (``lead``: its clause up to it) what a request or an order
    asked for, not what was done ("removed 834 of the profiles" is done)?"""
    m = TO_REMOVE_RE.search(lead)
    if m is None:
        return False
    before = lead[: m.start()]
    return bool(COURT_ORDER_RE.search(before)) or any(name == "requested" for name, _, _ in find_all(ACTION_RES, before))


def _requests_of(phrase: str) -> bool:
    """Does a number's phrase name requests of a removal, the requests last ("310 content removal
    requests", "takedown requests"), not a removal after a request ("requests, and removed 300")?"""
    named = [name for name, _, _ in find_all(ACTION_RES, phrase)]
    return len(named) >= 2 and named[-1] == "requested" and "suspended" in named[:-1]


def _action_of(feats) -> str | None:
    return "suspended" if "suspended" in feats.actions else next(iter(sorted(feats.actions)), None)


def _one(names: frozenset[str]) -> str | None:
    return next(iter(names)) if len(names) == 1 else None


def _structured(q: Quantity, text: str, clause: tuple[int, int], feats, action, sentence_policy,
                base: "_Found | None", out: list[_Found], own: Features | None = None, several_shares: bool = False,
                lead: Features | None = None):
    """(metric, unit, action) in the lexicon's terms: a count of an action on accounts or
    content, a share of such with a facet, a change of the figure before it; or Nones."""
    none = (None, None, None)
    if q.kind == "count":
        noun = _noun_after(text, q.end)
        verb = action or _verb_in(text)
        if noun is None and out and out[-1].q.kind == "count" and (
                PART_OF_RE.search(text, out[-1].q.end, q.start)  # "..., including 274,460 during ..."
                # a list that names what it counts once: "837 million pieces of content for spam,
                # 21 million for adult nudity" (the second has no noun nor action of its own;
                # "channels in over 12 languages" counts where the first were, not more of them)
                or out[-1].action is not None and own is not None and not (own.actions or own.objects)
                and not (lead is not None and lead.objects)  # "累计处置侵权类举报 398,139 条": its own, before it
                and not IN_BEFORE_RE.search(text, 0, q.start)):
            return out[-1].metric, out[-1].unit, out[-1].action
        if noun is not None and verb is not None:
            unit, act = unit_for(noun), _action_for(noun, verb) if action else verb
            # a count of a subset says so in its own words: "8.11 lakh accounts which were barred
            # proactively" are accounts suspended, flagged by internal tools
            subset = f" {next(iter(own.facets))}" if own is not None and len(own.facets) == 1 else ""
            return f"{unit} {act}{subset}", unit, act
        return none  # the lexicon does not know what it counts: described in the document's words
    if q.kind == "percent":
        # its own words first, then its clause; the sentence's only when it states no other share
        # ("4% were removed before a user reported them, ... and 93.5% within 24 hours": 93.5% is
        # no share reported by users)
        facets = (own.facets if own else frozenset()) or _facets_of(text, *clause) or (frozenset() if several_shares else feats.facets)
        noun = _noun_after(text, q.end) if SHARE_OF_RE.match(text, q.end) else None
        if noun is not None:
            unit_of, act = unit_for(noun), _action_for(noun, action or (base.action if base and base.action else "suspended"))
        elif base is not None and base.action and facets:  # "Of those, 93.4 percent were flagged ..."
            unit_of, act = base.unit, base.action
        else:
            return none
        if len(facets) == 1:
            return f"share of {act} {unit_of} {next(iter(facets))}", "percent", act
        if not facets and sentence_policy:  # "1.2 percent of removed videos ... for extremism"
            return f"share of {act} {unit_of}", "percent", act
        return none
    # a change (or a multiple): of the figure just before it in the sentence, else of what the
    # sentence counts
    unit = _KIND_UNIT[q.kind]
    if out and out[-1].action:
        return f"change in {out[-1].metric.removeprefix('change in ')}", unit, out[-1].action
    if action is not None:
        noun = _noun_after(text, q.end)
        unit_of = unit_for(noun) if noun else (base.unit if base else "accounts")
        act = _action_for(unit_of, action)
        return f"change in {unit_of} {act}", unit, act
    return none


# (and as Chinese and Japanese part clauses: with no space after a comma, "舉報 200,979 條,累計處置")
PHRASE_STOP_RE = re.compile(rf"[;:()\[\]“”\"，、；：。]|,\s|,(?=[{CJK}])|\s[-–—]\s|\.\s")
NUMBERISH_RE = re.compile(r"\d")


@lru_cache(maxsize=64)
def _facets_of(text: str, start: int, end: int) -> frozenset[str]:
    """The facets a clause of a sentence names (cached: a sentence may hold thousands of numbers)."""
    return _describe(text[start:end]).facets


DESCRIBE_CHUNK = 256  # characters: describe() is quadratic in the phrases it finds in one text


def _describe(text: str) -> Features:
    """``describe(text)``, in linear time: a very long sentence (a one-line article) is read
    in pieces cut at spaces, and what the pieces name is put together."""
    if len(text) <= DESCRIBE_CHUNK:
        return describe(text)
    parts, at = [], 0
    while at < len(text):
        cut = text.rfind(" ", at + DESCRIBE_CHUNK // 2, at + DESCRIBE_CHUNK) if at + DESCRIBE_CHUNK < len(text) else -1
        end = cut if cut > 0 else min(len(text), at + DESCRIBE_CHUNK)
        parts.append((at, describe(text[at:end])))
        at = end
    return Features(
        *(frozenset().union(*(getattr(f, name) for _, f in parts))
          for name in ("platforms", "policies", "actions", "objects", "facets")),
        kind=next((f.kind for _, f in parts if f.kind), None),
        spans=tuple((a + o, b + o) for o, f in parts for a, b in f.spans),
        metric_spans=tuple((a + o, b + o) for o, f in parts for a, b in f.metric_spans),
    )


@lru_cache(maxsize=64)
def _stops(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of a sentence's phrase stops, for bisecting."""
    spans = [m.span() for m in PHRASE_STOP_RE.finditer(text)]
    return [a for a, _ in spans], [b for _, b in spans]


WORDS_WINDOW = 300  # characters around a number its describing words are taken from


# the words before a bracket that opens on a number, or on a few words and a number ("doxxing
# (enforcement actions up 41%)"), back to the list's previous separator
BRACKETED_LABEL_RE = re.compile(r"(?:^|[,;:()])\s*(?:(?:and|or)\s+)?(?P<label>[^,;:()]{2,60}?)\s*\((?:[^\W\d][^\s()]*\s+){0,5}$")


def _bracket_label(text: str, q: Quantity) -> tuple[int, str] | None:
    """(where it starts, the label) of a number in brackets after a label: "fraud (87,000)";
    None for any other number, and for a place ("Estados Unidos (11,7 milhões)"), which is read
    as the number's place."""
    if not text.startswith(")", q.end) or not (m := BRACKETED_LABEL_RE.search(text, max(0, q.start - 80), q.start)):
        return None
    label = m.group("label").strip(" ‘’'\"“”")
    return (m.start("label"), label) if label and not country_in(label) else None


def _described(text: str, q: Quantity) -> str:
    """What a number the lexicon cannot name counts, in the document's words: the words of
    its clause around it ("chat messages were sent on Twitch in 2020"), a few before and more
    after, the number itself left out. A number in brackets after a label counts what the
    label names: "fraud (87,000), harassment or bullying (54,000), phishing (26,000)"."""
    if labelled := _bracket_label(text, q):
        return f"of {labelled[1]}" if q.kind == "percent" else labelled[1]
    starts, ends = _stops(text)
    i = bisect_right(ends, q.start) - 1
    left = max(ends[i] if i >= 0 else 0, q.start - WORDS_WINDOW)
    j = bisect_left(starts, q.end)
    right = min(starts[j] if j < len(starts) else len(text), q.end + WORDS_WINDOW)
    if NUMBERISH_RE.search(text, left, q.start) and (joined := joined_at(text, left, q.start)) is not None \
            and not NUMBERISH_RE.search(text, joined, q.start) \
            and re.search(r"[^\W\d_]{3,}", without_periods(text[joined : q.start] + " " + text[q.end : right])):
        # "92.5% were removed by scanning technology and 88.7% were deleted": not 88.7's words (but
        # "2% of appeals in Q1 and 0.6% in Q2" says only when: 0.6% of appeals)
        left = joined
    before = text[left : q.start].split()[-5:]
    after = text[q.end : right].split()[:9]
    words = [w for w in before + after if not NUMBERISH_RE.search(w)]
    phrase = " ".join(words).strip(" ,.;:")
    if not phrase:  # a table-like line: "Comment removals (total): 842,831,976", "• Spam: 84.5%"
        label = text[max(0, q.start - WORDS_WINDOW) : q.start].rstrip(" :–—-\t")
        phrase = re.sub(r"^[\s•*·–—-]+", "", label)[-120:]
    if q.kind == "percent" and not phrase.lower().startswith("of "):
        phrase = f"of {phrase}" if phrase else "of the total"
    return phrase[:300] or "a number stated"


def _count_unit(text: str, q: Quantity) -> str:
    return _any_noun_after(text, q.end) or "count"


# ... as other languages say "in the" and "from the": "in den USA", "aus Deutschland", "en Inde", "no Brasil"
PLACE_RE = re.compile(r"\b(?:in|from|(?<!followed\s)by|for|pour|para|aus|en|em|no|na|nos|dos|das|du|des|au|aux|dari|di|nel|nella|negli|nei|dal|dalla|dagli|dai)\s+"
                      r"(?:(?:the|den|der|dem|die|le|la|les|el|los|las)\s+)?(?P<name>[A-ZÀ-ÖØ-Þ][\w.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.-]*){0,2})")
# before a number, only a place that is its subject or sets its scene: "The US submitted
# 3,329 requests", "In India, 37 million videos"
PLACE_BEFORE_RE = re.compile(r"(?:\b(?i:in|across|im|en|em|no|na|nos|nas|au|aux|nel|nella|negli|di)\s+(?i:the\s+|den\s+|der\s+|los\s+|las\s+|el\s+|les\s+)?"
                             # "In India, 37 million", "In India, WhatsApp banned 2,069,000", "Nos Estados Unidos, foram mais de 14 milhões"
                             r"(?P<name>[A-ZÀ-ÖØ-Þ][\w.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.-]*){0,2}),\s*(?:[^\W\d][^\W\d'’]*\s+){0,3}"
                             r"|\b(?:the\s+)?(?P<subject>U\.?S\.?|UK|EU|[A-Z][a-z]+)\s+(?:government\s+|authorities\s+)?(?:submitted|made|sent|accounted\s+for"
                             # "The Indian government was second with 4,559", "followed by Germany with 2,537",
                             # "Pakistan took the sixth spot with 124,457"
                             r"|(?:[^\W\d_A-Z][\w-]*\s+){0,4}?with)\s+"
                             # a country right before its number, in a list: "Türkiye:414, Rusya:14", "la Germania 37 richieste"
                             r"|(?:^|[\s,;(])(?P<adjacent>[A-ZÀ-ÖØ-Þ][\w.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.-]*){0,2})[^\S\n]*:?[^\S\n]*"
                             # in any language, a country with its number in brackets: "Estados Unidos (11,7 milhões"
                             r"|(?P<bracketed>[A-ZÀ-ÖØ-Þ][\w.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.-]*){0,2})\s*\("
                             # ... and in Arabic, which has no capitals: "في المغرب، أزالت المنصة ما مجموعه 1,040,981"
                             r"|(?:^|\s)[فو]?(?:في|ب)\s*(?P<arabic>[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?)\s*[،,]\s*(?:[\u0621-\u064A]+\s+){0,5})$")


# earlier in a number's clause, where what it counts came from: "Die Zahl der gelöschten Videos aus
# Deutschland lag ... bei 125.000", "the number of videos from India was 6 million"
FROM_PLACE_RE = re.compile(r"\b(?:from|aus|desde|dari)\s+(?:(?:the|der|dem|den|la|el|los|las)\s+)?"
                           r"(?P<name>[A-ZÀ-ÖØ-Þ][\w.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.-]*){0,2})")


def _from_place(text: str, start: int, end: int) -> str | None:
    """The one country the sentence names, when the number's clause says, before it, that what
    it counts came from there."""
    for m in FROM_PLACE_RE.finditer(text, start, end):
        name = country_in(m.group("name"))
        if name and countries_in(text) == [name]:
            return name
    return None


def _place(segment: str, before: bool = False) -> str | None:
    """A country a number is stated for, said next to it: "from India", "in the United
    States" after it; "The US submitted 3,329 requests" before it."""
    if before and not segment.isascii() and EAST_ASIAN_RE.search(segment):
        # ... and in Chinese or Japanese, a country right before its number or its bracket: "多いのは米国(1390万件)"
        spans = country_spans(segment)
        if spans and not segment[spans[-1][1] :].strip(" \t(（:："):
            return spans[-1][2]
    for m in (PLACE_BEFORE_RE.finditer(segment) if before else PLACE_RE.finditer(segment)):
        if m.groupdict().get("subject") and (people := country_of_people(m.group("subject"))):
            return people  # "The Indian government made 4,559 requests"
        words = (m.group("name") or m.group("subject") or m.group("bracketed") or m.groupdict().get("adjacent")
                 or m.groupdict().get("arabic")).split()
        for n in range(len(words), 0, -1):  # "the United Kingdom and": the longest that is one
            name = country_in(" ".join(words[:n]).rstrip(".,;:") if not words[n - 1].endswith("S.") else " ".join(words[:n]))
            if name:
                return name
    return None


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in CLAUSE_SPLIT_RE.finditer(text)] + [len(text)]
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


# A past participle or past tense of the sentence ("deactivated", "received", "blocked"): what
# was done, when the lexicon has no word for it. Report verbs say nothing about the figure.
VERB_RE = re.compile(r"\b([a-z]{3,}ed)\b", re.IGNORECASE)
REPORT_VERBS = frozenset("said stated added noted reported published released shared revealed announced claimed "
                         "showed indicated compared based related used called followed included listed "
                         "increased decreased dropped declined rose jumped fell improved continued expected".split())
NOUN_AFTER_RE = re.compile(r"\s+(?:of\s+)?(?:(?:the|its|their|these|those|our)\s+)?(?P<noun>[A-Za-z][A-Za-z-]{2,}(?:\s+[A-Za-z][A-Za-z-]{2,})?)")
_ROUGHLY = r"(?:(?:over|more\s+than|nearly|almost|about|some)\s+)?"  # between a word and its number
ANOTHER_RE = re.compile(rf"\banother\s+{_ROUGHLY}$", re.IGNORECASE)
IN_BEFORE_RE = re.compile(rf"\b(?:in|across|among)\s+{_ROUGHLY}$", re.IGNORECASE)
PER_BEFORE_RE = re.compile(r"\b(?:per|every|each)\s+$", re.IGNORECASE)  # ("out of 151,000 case appeals, 6%" is a count)
# a length of time ("within 24 hours"), or a multiple ("three times as many", "4 times more");
# "viewed 2,625,049,193 times" is a count
# a bound of how often something was seen, not a count of anything: "fewer than 100 impressions",
# "entre 1 et 10 vues", "zwischen 100 und 1000 Impressionen"
_VIEWS = r"(?:views?|impressions?|vues|visualiza[cç][õoi]o?n?e?s|Impressionen|Aufrufe|visualizzazioni|tayangan)\b"
VIEWS_AFTER_RE = re.compile(r"\s*" + _VIEWS, re.IGNORECASE)
# ... or the first bound of a range of them: "between 100 and 1000 impressions"
VIEWS_RANGE_AFTER_RE = re.compile(r"\s+(?:and|und|et|e|y|dan|to|-|–)\s+[0-9][0-9.,]*\s*" + _VIEWS, re.IGNORECASE)
RANGE_JOIN_BEFORE_RE = re.compile(r"\b(?:and|und|et|e|y|dan|to)\s+$|[-–]\s*$", re.IGNORECASE)
BOUND_BEFORE_RE = re.compile(r"\b(?:fewer|less|more|greater)\s+than\s+$|\b(?:between|entre|zwischen|tra|fra|antara)\s+$|\b(?:weniger|mehr)\s+als\s+$"
                             r"|\b(?:moins|plus)\s+de\s+$|\b(?:menos|m[aá]s|mais)\s+de\s+$|\b(?:up\s+)?to\s+$", re.IGNORECASE)


PER_BASE_GAP = 80  # characters: how far a rate's base ("for every 10,000 views") follows its number


def _per_base(text: str, quantities: list[Quantity], i: int, clause_end: int) -> float | None:
    """The base of a rate a count is stated as: the round number (10, 100, 1,000, ...) after it in its
    clause, right after "per", "every" or "each" ("3 views per 10,000 views"); None when there is none."""
    for later in quantities[i + 1 :]:
        if later.start > min(clause_end, quantities[i].end + PER_BASE_GAP):
            return None
        if PER_BEFORE_RE.search(text, max(0, later.start - 12), later.start):
            round_ = later.kind == "count" and later.value >= 10 and math.log10(later.value).is_integer()
            return later.value if round_ else None
    return None


def _views_bound(text: str, q: Quantity, prev_end: int) -> bool:
    """Is a count a bound of views ("68 percent of removed tweets got fewer than 100
    impressions"), or the first of a range of them ("between 100 and 1000 impressions")? (A
    bound, not an audience: "more than 2 million views" is a count.)"""
    if q.value > 10_000 or not (VIEWS_AFTER_RE.match(text, q.end) or VIEWS_RANGE_AFTER_RE.match(text, q.end)):
        return False
    return bool(q.qualifier in ("less than", "fewer than", "more than", "over", "under", "up to")
                or BOUND_BEFORE_RE.search(text, max(prev_end, q.start - 20), q.start)
                or RANGE_JOIN_BEFORE_RE.search(text, max(prev_end, q.start - 6), q.start))


DURATION_AFTER_RE = re.compile(r"\s*(?:-\s*)?(?:seconds?|minutes?|hours?|hrs?|days?|weeks?|months?|years?"
                               # ... in the lexicon's other languages ("en menos de 24 horas", "innerhalb von 24 Stunden")
                               r"|horas?|heures?|stunden|ore|jam|d[ií]as|jours|tagen?|giorni|hari|semanas|semaines|wochen|meses|mois|monaten?|mesi|bulan"
                               r"|a[ñn]os|ans|jahren?|anni|tahun|ساعة|ساعات|يوما?|أيام|أسبوعا?|أسابيع|شهرا?|أشهر|سنة|سنوات|times(?=\s+(?:more|less|fewer|as|higher|lower|larger|smaller|greater|bigger|the|that|than|over|what)\b))\b"
                               # ... and in Chinese, Japanese and Korean, glued to the number ("24時間以内", "1回", "24시간")
                               r"|\s*(?:時間|小時|小时|分鐘|分钟|分間|秒|日間|週間|ヶ月|か月|カ月|個月|个月|年間|回|次|시간|분|초|주일|개월|년간|번)", re.IGNORECASE)
NOT_NOUNS = frozenset("were was are is have has had been or but the that which who per percent of in on at to for "
                      "from by with during since between than times more less over under about respectively".split()
                      # ... and the auxiliaries of the lexicon's other languages ("11 775 777 ont été supprimées")
                      + "ont sont avaient étaient était wurden wurde sind waren haben hatten fueron fue han eran son "
                        "foram foi são eram têm sono erano furono hanno telah sudah adalah".split()
                      + AND_WORDS.split("|"))


@lru_cache(maxsize=64)
def _verb_in(text: str) -> str | None:
    for m in VERB_RE.finditer(text):
        w = m.group(1).lower()
        if w not in REPORT_VERBS:
            return w
    return None


WORD_AFTER_RE = re.compile(r"\s+([^\W\d_]{3,})")


def _word_after(text: str, pos: int) -> bool:
    """Is a number followed by a word of any language that may say what it counts ("42 países",
    "viewed 38 billion times"), not a function word ("1,02 Millionen, wurden": none)?"""
    m = WORD_AFTER_RE.match(text, pos)
    return bool(m) and (m.group(1).lower() not in NOT_NOUNS or m.group(1).lower() == "times")


def _any_noun_after(text: str, pos: int) -> str | None:
    """The word or two right after a number, when they are not a verb or a function word."""
    m = NOUN_AFTER_RE.match(text, pos)
    if not m:
        return None
    words = m.group("noun").lower().split()
    if words[0] in NOT_NOUNS or words[0].endswith("ed"):
        return None
    if len(words) > 1 and (words[1] in NOT_NOUNS or words[1].endswith("ed")):
        words = words[:1]
    return " ".join(words)


PREPOSITIONS = frozenset("for from by in on at to with about against under into per".split())


def _noun_after(text: str, pos: int) -> str | None:
    """What a number counts: the noun a few words after it ("5,887,021 videos", "3,044
    Telegram channels"), or after "of"; not one past a preposition ("1,768 requests *for*
    user information" counts requests, not users)."""
    m = OBJECT_AFTER_RE.match(text, pos) or OF_OBJECT_RE.match(text, pos)
    if not m:
        return None
    between = text[pos : m.start("obj")].lower().split()
    if any(w in PREPOSITIONS for w in between):
        return None
    # a noun naming what another is of is not the count's: "224 million user reports" counts reports
    head = OBJECT_AFTER_RE.match(text, m.end("obj"))
    if head and head.start("obj") - m.end("obj") <= 2:
        return head.group("obj")
    return m.group("obj")


def _action_for(noun: str, action: str) -> str:
    """Accounts and channels are suspended; content is removed."""
    hits = find_all(OBJECT_RES, noun)
    family = hits[0][0] if hits else "content"
    if action == "suspended" and family not in ("accounts", "channels", "servers"):
        return "removed"
    return action


# a number just before a period ("3.7 million in the previous period"), and only "to" between that
# period and the next number: the period is the first number's
OTHERS_PERIOD_BEFORE_RE = re.compile(r"[0-9](?:[0-9.,]*[0-9])?%?\s*(?:[^\W\d_]+\s+){0,2}?(?:in|during|for|over)?\s*$", re.IGNORECASE)
TO_NEXT_RE = re.compile(r"[\s,]*(?:to|bis|à|a|para|hingga|menjadi)\s+(?:(?:about|around|nearly|over|some|almost)\s+)?", re.IGNORECASE)
# a number said of the period compared with: "from the same period the year prior, when ... just 1.9 million"
WITH_RE = re.compile(r"\s+(?:with|mit|con|com|avec)\s+", re.IGNORECASE)
WHEN_RE = re.compile(r"\b(?:when|where|in\s+which|during\s+which|cuando|quand|als|quando|ketika|saat)\b", re.IGNORECASE)


def _aside(text: str, after: int, m: Mention) -> bool:
    """Is a period said after a number inside brackets that say more than it ("19 Anträge (im Jahr
    2022 war es nur einer)": another year's number, not this one's; "5 million (in Q1 2020)" is its)?"""
    opening = text.rfind("(", after, m.start)
    if opening < 0 or text.find(")", after, m.start) >= 0:
        return False
    closing = text.find(")", m.end)
    rest = text[opening + 1 : m.start] + " " + text[m.end : closing if closing >= 0 else len(text)]
    return len(re.findall(r"[^\W\d_]{2,}", rest)) > 2


def _earlier_value(text: str, q: Quantity) -> bool:
    """Is a number said as the value something changed from ("up from 33 per cent", "compared
    with 1.2 million a year earlier", "in calo rispetto ai 9.5 milioni del trimestre precedente")?"""
    if EARLIER_VALUE_RE.search(text, max(0, q.start - 30), q.start):
        return True
    if not COMPARED_VALUE_RE.search(text, max(0, q.start - 40), q.start):
        return False
    start = max(0, q.start - 150)  # (``text`` is the number's sentence)
    return bool(CHANGED_BEFORE_RE.search(text, start, q.start) or CHANGE_WORD_RE.search(text, start, q.start)
                or EARLIER_TIME_AFTER_RE.match(text, q.end))


LEADS_BEFORE, LEADS_AFTER = 40, 60  # characters: how close a period that leads a number stands to it


def _leads_next(text: str, q: Quantity, m: Mention, next_start: int, clause_end: int | None,
                mentions: list[Mention], ends: list[int], prev_end: int) -> bool:
    """Is a period after a number, past a comma, the next number's: each led by its own ("Von Januar
    bis März wurden 1.054.358 Accounts gesperrt, im Zeitraum zwischen April und Juni ging die Zahl mit
    767.363 deutlich zurück": April to June is 767,363's, not 1,054,358's)?"""
    if clause_end is None or next_start >= clause_end or next_start - m.end > LEADS_AFTER \
            or not re.search(r"[,;]", text[q.end : m.start]) or re.search(r"[.!?]\s", text[m.end : next_start]):
        return False
    before = bisect_right(ends, q.start) - 1
    return before >= 0 and (mentions[before].period is not None or mentions[before].months is not None) \
        and mentions[before].kind in ("closed", "yearless") and ends[before] > prev_end and q.start - ends[before] <= LEADS_BEFORE


def _period_for(q: Quantity, next_start: int, mentions: list[Mention], starts: list[int], ends: list[int],
                text: str, published, clause_end: int | None = None, prev_end: int = 0):
    """(period, explicit, relation, compare, months) for a quantity. Its period is the one stated
    between it and the next quantity, else the nearest before it; None is the document's
    reporting period. A period after "from", "than", "compared with" is what a change is
    compared with; "the previous six months" of a count is the period before the sentence's.
    (``starts``/``ends``: the mentions' offsets, for bisecting: a sentence may hold thousands.)"""
    compare: Period | str | None = None
    first_after = bisect_left(starts, q.end)
    comparing: set[int] = set()
    for i in range(first_after, min(first_after + COMPARE_LOOKAHEAD, len(mentions))):
        m = mentions[i]
        against = COMPARED_RE.search(text[max(0, m.start - 60) : m.start])
        if q.kind in CHANGES and (m.kind == "previous" or against):  # the first comparison stated after it
            comparing.add(i)
            if compare is None:
                compare = "previous" if m.kind == "previous" else m.period
        elif against:  # "85.6% ..., much higher than the previous quarter's 71.6%": the other number's
            comparing.add(i)
    chosen = None
    opening = text.rfind("(", max(0, q.start - 3), q.start)  # "in the first quarter of 2020 (805,900)":
    if opening >= 0 and text.startswith(")", q.end) and not text[opening + 1 : q.start].strip():
        before = bisect_right(ends, opening) - 1  # the period just before the bracket
        if before >= 0 and not text[ends[before] : opening].strip():
            chosen = mentions[before]
    # Chinese, Japanese and Korean say when before what ("올해 상반기에 총 6만6224개 ... 이는 지난해
    # 하반기 2만1536개"): a period after a number that has one before it is the next number's
    before_only = not text.isascii() and EAST_ASIAN_RE.search(text, max(0, q.start - 12), q.end + 12) \
        and first_after > 0 and mentions[first_after - 1].end > prev_end
    for i in range(first_after, len(mentions)):
        if chosen is not None or mentions[i].start >= next_start or before_only:
            break
        if i not in comparing and not _aside(text, q.end, mentions[i]):
            if not _leads_next(text, q, mentions[i], next_start, clause_end, mentions, ends, prev_end):
                chosen = mentions[i]
            break
    if chosen is None and q.kind == "count" and (month := month_after(text, q.end, min(next_start, clause_end or next_start))):
        # "peaking at 65,103 in December", "173 em janeiro e 148 em fevereiro", "removed 61,114
        # pieces of content based on those complaints in November": the month, of the year of the
        # period the document reports on
        return None, True, YEARLESS, compare, (month, month)
    if chosen is None and q.kind == "count" and prev_end == 0 and not any(m.start < q.start for m in mentions) \
            and (month := month_before(text, q.start)):
        return None, True, YEARLESS, compare, (month, month)
    if chosen is None and q.kind == "count" and not mentions and (month := only_month(text)):
        # ... or anywhere in a sentence stating no other period: "Google had received 26,087 complaints
        # ... and removed 61,114 pieces ... in November, while 3,75,468 pieces of content were removed"
        return None, True, YEARLESS, compare, (month, month)
    if (chosen is None or chosen.dated) and q.kind not in CHANGES and _earlier_value(text, q):
        # "up from 33 per cent", "nearly triple the 1.2 million a quarter earlier": the value
        # of the period before, when no period is stated after it, or one counted from the date
        # ("118,000 developer accounts were terminated, down from 428,000 last year": the year
        # before the one reported, not the year before the story)
        return None, True, "previous", compare, None
    if q.kind not in CHANGES and (chosen is None or chosen.dated) \
            and FROM_BEFORE_RE.search(text, max(0, q.start - 12), q.start) \
            and TO_AFTER_RE.match(text, chosen.end if chosen is not None else q.end) \
            and CHANGED_BEFORE_RE.search(text, max(0, q.start - 80), q.start):
        # "improved ..., from 89% in the last quarter to 95% this time": the value the other rose
        # from, of the period before the one the sentence counts from its date (not a range:
        # "represented from 0.22% to 0.27% of views")
        if chosen is not None and chosen.period is not None and (before := previous(chosen.period)):
            return before, True, None, compare, None
        return None, True, "previous", compare, None
    if chosen is None:
        before = bisect_right(ends, q.start) - 1  # mentions do not overlap: ends are sorted too
        # (not one another is compared with: "in 2025 Telegram blocked 2.7 times more ... than in
        # 2024, totaling more than 44 million": 2025's)
        # (... unless the number is said of it: "from the same period the year prior, when the
        # company took action against just 1.9 million")
        while before > 0 and COMPARED_RE.search(text[max(0, mentions[before].start - 60) : mentions[before].start]) \
                and mentions[before - 1].period is not None and not WHEN_RE.search(text, mentions[before].end, q.start) \
                and not WITH_RE.fullmatch(text, mentions[before].end, q.start):  # "unter dem Vorjahreszeitraum mit 83.784"
            before -= 1
        chosen = mentions[before] if before >= 0 else None
        if chosen is not None and chosen.kind in ("previous", "yearago") and before > 0 \
                and 0 < prev_end <= chosen.start and OF_NUMBER_BEFORE_RE.fullmatch(text, prev_end, chosen.start):
            # "277.478 im zweiten Halbjahr 2019 gegenüber 250.957 im Vorjahreszeitraum – ... (74 Prozent)":
            # the year before is the number's just before it; a later one is of the period before that
            chosen = mentions[before - 1]
        if chosen is not None and chosen.kind in ("previous", "yearago") \
                and OTHERS_PERIOD_BEFORE_RE.search(text, max(0, chosen.start - 40), chosen.start) \
                and TO_NEXT_RE.fullmatch(text, chosen.end, q.start):
            # "from 3.7 million in the previous period, to 4.4 million now": the period before is the
            # first number's; the second is of the period reported on
            chosen = None
    if chosen is None and clause_end is not None and q.kind == "count" and AND_RE.search(text, q.end, next_start):
        # none before it nor up to the next number, which it is coordinated with: the one their
        # clause states after both ("Discord disabled 55,573,411 accounts and removed 68,379
        # servers from January to June of 2022")
        chosen = next((mentions[i] for i in range(first_after, len(mentions))
                       if mentions[i].start < clause_end and i not in comparing
                       and not COMPARED_RE.search(text, q.end, mentions[i].start)), None)
    if chosen is None:
        return None, False, None, compare, None
    if chosen.kind in ("invalid", "relative"):  # no such day, or a date the document does not give
        return None, True, UNKNOWN, compare, None
    if chosen.kind == "yearless" and chosen.months and q.kind not in CHANGES:  # "in the first three months
        return None, True, YEARLESS, compare, chosen.months  # of the year", in a document with no date
    if chosen.kind in ("current", "yearless"):  # the document's period ("the first half of the year")
        return None, True, None, compare, None
    if chosen.kind in ("previous", "yearago", "wholeyear"):
        return None, True, chosen.kind, compare, None
    if chosen.kind == "recent":  # "in the last six months": the quarters ended by the document's date
        if published is None:  # (with none, by the latest date it states: see _resolve_period)
            return Period(None, None, text[chosen.start : chosen.end]), True, RECENT, compare, None
        if months := past_months(text[chosen.start : chosen.end], published):
            return months, True, None, compare, None
        return None, False, None, compare, None
    if chosen.kind == "duration":  # "within a four month period": the length, up to publication
        if published is None:
            return None, False, None, compare, None
        if quarters := past_quarters(text[chosen.start : chosen.end], published):  # "in the past two
            return quarters, True, None, compare, None  # quarters": the last ones that had ended
        label = duration_label(text[chosen.start : chosen.end], published)
        return Period(None, published, label), True, None, compare, None
    return chosen.period, True, None, compare, None
