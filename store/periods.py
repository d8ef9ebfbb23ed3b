"""Periods: finding them in text, resolving them to closed dates, and naming them.

One parser serves documents and questions alike. ``find_periods(text, reference)`` returns
every period expression in ``text``: closed ranges ("the last half of 2017", "Q3 2016",
"between Aug. 1, 2015 and Dec. 31, 2017", "Jul-Sep 2020"), open starts ("since the middle of
2015", resolved up to ``reference``, the publication date), and references to the reporting
period of the document ("the last reporting period", "the preceding reporting period").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from store import cldr
from store.english import words as english_words
from store.limits import MAX_YEAR, MIN_YEAR
from store.scripts import EAST_ASIAN_RE, LETTERS, UNSPACED, UNSPACED_RE
from store.tries import words_re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
MONTH_NAMES = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"  # English, as a regex
MONTH_NAME_RE = re.compile(rf"\b{MONTH_NAMES}\b", re.IGNORECASE)
# month names as French, German, Spanish, Portuguese, Indonesian, Italian and Arabic write them in full (a
# language table, as FOREIGN_ORDINALS below; English abbreviations are read by their first letters; the
# later languages' months, MORE_MONTHS, are read as English in a copy of the text)
FOREIGN_MONTHS = {
    name: i + 1
    for names in (
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "januari februari maret april mei juni juli agustus september oktober november desember",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
        "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",  # Arabic
    )
    for i, name in enumerate(names.split())
} | {"fevrier": 2, "aout": 8, "decembre": 12, "maerz": 3, "marz": 3, "setiembre": 9, "marco": 3}
ORDINAL = {"first": 1, "1st": 1, "opening": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
SHORT_MONTH = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Period:
    """A span of days. ``end`` None means open-ended ("since mid-2015" in a question);
    ``start`` None means the start was not stated ("a four-month period")."""

    start: dt.date | None
    end: dt.date | None
    label: str = ""

    def months(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


@dataclass(frozen=True)
class Mention:
    """A period expression found in text. ``kind`` is "closed", "since", "duration" (a length
    only: "a four-month period"), "current" (the reporting period itself), "previous" (the
    one before it), "yearless" (a part of a year it does not name, with no date to place it:
    "the first half of the year"), "relative" ("last year" with no date), "name" (a year that
    names something, "the IT Rules, 2021": neither a period nor a count) or "invalid";
    ``period`` is None for all but the first three, which the reader resolves against the
    document's reporting period where it can."""

    start: int
    end: int
    kind: str
    period: Period | None
    # counted from the document's date ("last month", "this year"): the news around a report,
    # not the period a document names for it
    dated: bool = False
    # of a "yearless" mention, the months it names (1-12, first and last), when it names them
    months: tuple[int, int] | None = None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def span(y1: int, m1: int, y2: int, m2: int) -> Period:
    start, end = dt.date(y1, m1, 1), month_end(y2, m2)
    return Period(start, end, label_for(start, end))


def label_for(start: dt.date | None, end: dt.date | None) -> str:
    """A short human name: H2 2017, Q3 2016, 2017, Aug 2015, Aug 2015 – Dec 2017, ..."""
    if start is None:
        return f"period ending {end:%-d %b %Y}" if end else "unknown period"
    if end is None:
        return f"since {SHORT_MONTH[start.month]} {start.year}"
    whole_months = start.day == 1 and end == month_end(end.year, end.month)
    if not whole_months:
        return f"{start:%-d %b %Y} – {end:%-d %b %Y}"
    n = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.year == end.year:
        if n == 12:
            return str(start.year)
        if n == 6 and start.month in (1, 7):
            return f"H{1 if start.month == 1 else 2} {start.year}"
        if n == 3 and start.month in (1, 4, 7, 10):
            return f"Q{(start.month - 1) // 3 + 1} {start.year}"
        if n == 1:
            return f"{SHORT_MONTH[start.month]} {start.year}"
        return f"{SHORT_MONTH[start.month]}–{SHORT_MONTH[end.month]} {start.year}"
    if start.month == 1 and end.month == 12:
        return f"{start.year}–{end.year}"
    return f"{SHORT_MONTH[start.month]} {start.year} – {SHORT_MONTH[end.month]} {end.year}"


def as_of(end: dt.date) -> Period:
    """All there was by a date ("as of the end of March 2020"), from whenever it started."""
    return Period(None, end, f"as of {end:%-d %b %Y}")


def since(start: dt.date, reference: dt.date | None) -> Period:
    """An open start. In a document it runs up to the publication date; without one (or with
    one before the start, which cannot be its end) the end is unknown."""
    if reference is None or reference < start:
        return Period(start, None, label_for(start, None))
    return Period(start, reference, f"since {SHORT_MONTH[start.month]} {start.year} (to {reference:%-d %b %Y})")


def relative_period(which: str, unit: str, today: dt.date) -> Period:
    """'last year', 'this quarter', 'last half', 'last month' counted from ``today``."""
    months = {"year": 12, "half": 6, "quarter": 3, "month": 1}[unit.lower()]
    first = (today.month - 1) // months * months + 1  # first month of the current year/half/quarter
    start = today.year * 12 + first - 1
    if which.lower() in ("last", "past"):
        start -= months
    y1, m1 = divmod(start, 12)
    y2, m2 = divmod(start + months - 1, 12)
    return span(y1, m1 + 1, y2, m2 + 1)


YEAR_NOT_STATED = "year not stated"  # how the label of months of no year ends ("Jan–Mar, year not stated")


def yearless(months: tuple[int, int], year: int | None = None) -> Period:
    """Months a text names without their year ("the first three months of the year"): of
    ``year`` when it is known, else a period with no dates that says so."""
    m1, m2 = months
    if year is not None:
        return span(year - (m2 < m1), m1, year, m2)
    label = SHORT_MONTH[m1] if m1 == m2 else f"{SHORT_MONTH[m1]}–{SHORT_MONTH[m2]}"
    return Period(None, None, f"{label}, {YEAR_NOT_STATED}")


def year_before(period: Period) -> Period | None:
    """The same months a year earlier (Q2 2024 -> Q2 2023)."""
    if period.start is None or period.end is None:
        return None
    return span(period.start.year - 1, period.start.month, period.end.year - 1, period.end.month)


def previous(period: Period) -> Period | None:
    """The period of the same length just before ``period`` (H2 2017 -> H1 2017)."""
    n = period.months()
    return adjacent(period, n, before=True) if n is not None else None


def adjacent(period: Period, months: int, before: bool) -> Period | None:
    """The ``months`` just before ``period`` starts, or just after it ends ("the quarter before
    Q1 2019": Q4 2018; "the half after 2019": H1 2020)."""
    if period.start is None or period.end is None:
        return None
    m = period.start.year * 12 + period.start.month - 1 - months if before else period.end.year * 12 + period.end.month
    y1, m1 = divmod(m, 12)
    y2, m2 = divmod(m + months - 1, 12)
    return span(y1, m1 + 1, y2, m2 + 1)


NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                # as the lexicon's other languages count months ("os primeiros três meses do ano")
                "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9,  # Turkish
                "dois": 2, "dos": 2, "deux": 2, "zwei": 2, "due": 2, "dua": 2, "três": 3, "tres": 3, "trois": 3,
                "drei": 3, "tre": 3, "tiga": 3, "seis": 6, "sechs": 6, "sei": 6, "enam": 6, "nove": 9, "nueve": 9,
                "neuf": 9, "neun": 9, "sembilan": 9, "الثلاثة": 3, "الستة": 6, "التسعة": 9}


def duration_label(phrase: str, before: dt.date | None = None) -> str:
    """'a four-month period' -> 'a 4-month period' (before 5 Feb 2016), the same for any spelling."""
    words = re.split(r"[-\s]+", phrase.lower())
    n = _count(words[0])
    label = f"a {n}-{words[1].rstrip('s')} period"
    return f"{label} before {before:%-d %b %Y}" if before else label


def past_quarters(phrase: str, published: dt.date) -> Period | None:
    """'two quarters' (of "in the past two quarters"): the calendar quarters that had ended by
    ``published`` (Q4 2017–Q1 2018 in May 2018), or None for another length."""
    words = re.split(r"[-\s]+", phrase.lower())
    if len(words) != 2 or not words[1].startswith("quarter"):
        return None
    return _ended(published, _count(words[0]), 3)


def past_months(phrase: str, published: dt.date) -> Period | None:
    """"the last six months", "los seis últimos meses" (a "recent" mention): the calendar quarters
    that had ended by ``published``, six months the half-year (H2 2016 in March 2017, H1 2022 in
    November 2022), or None for a length of no whole quarters ("the last two months")."""
    n = next((_count(w) for w in re.split(r"[-\s]+", phrase.lower()) if w.isdigit() or w in NUMBER_WORDS), 0)
    if n % 3 or not 1 <= n // 3 <= 8:
        return None
    return _ended(published, n // 3, 6 if n == 6 else 3)  # as half-yearly reports count them


def _ended(published: dt.date, quarters: int, step: int) -> Period:
    """The ``quarters`` calendar quarters up to the last quarter (``step`` 3) or half-year (6)
    that had ended by ``published``."""
    last = published.year * 12 + (published.month - 1) // step * step - 1  # its last month
    first = last - 3 * quarters + 1
    return span(first // 12, first % 12 + 1, last // 12, last % 12 + 1)


#: Words of period expressions, for spelling correction to leave alone.
PERIOD_WORDS = frozenset(
    list(MONTHS) + list(ORDINAL) + list(NUMBER_WORDS)
    + "half halves quarter quarters year years month months week weeks period reporting since between from until through "
    "mid middle early late start beginning end front back latter last final previous preceding prior latest current "
    "recent recently six calendar".split()
)


# --- the patterns -------------------------------------------------------------------------

_FOREIGN_MON = words_re(w for w in FOREIGN_MONTHS if w not in ("april", "august", "september", "november"))
_ENGLISH_MON = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
                r"|nov(?:ember)?|dec(?:ember)?")
_MON = r"(?P<{n}>" + _FOREIGN_MON.replace("{", "{{").replace("}", "}}") + "|" + _ENGLISH_MON + r")\.?"
_MON_ANY = _MON.replace("(?P<{n}>", "(?:", 1).format()  # a month, in a list of them ("Januar, Februar und März")
_YEAR = r"(?P<{n}>(?:19|20)[0-9][0-9])"
_YY = r"(?P<{n}>(?:19|20)?[0-9][0-9])"
# "to" as English, French, German, Spanish, Portuguese, Indonesian, Filipino, Arabic, Russian, Dutch, Polish,
# Czech and Hindi say it between two dates
_DASH = r"\s*(?:-|–|—|to|through|thru|until|till|bis(?:\s+zu[mr])?|jusqu'(?:en|au|à)|à|au|al|hasta|a|até|hingga|sampai|hanggang|إلى|حتى|по|tot|do|से)\s*"
AND_WORDS = r"and|und|et|y|e|dan"  # "and" in the lexicon's languages
_AND = rf"(?:{AND_WORDS}|en|ve|ile|i|और)"  # "between X and Y" (and as Dutch, Turkish, Polish and Hindi say it there;
# Turkish puts its "between" last: "Ekim 2019 ile Aralık 2019 arasında")
# the part of a month a range starts or ends in ("from the beginning of January to the end of June 2022",
# "mid-May to mid-June 2021", "zwischen Anfang Januar und Ende Juni 2022"): the range is of whole months
_EDGE = (r"(?:(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+|mid[-\s]?|early\s+|late\s+|anfang\s+|ende\s+|mitte\s+"
         r"|d[ée]but\s+|fin\s+|(?:principios|inicios?|finales|mediados|fines|in[ií]cio|final|meados)\s+de\s+)?")
_BETWEEN = r"(?:between|from|zwischen|vom|von|entre|de|du|desde|del|antara|dari|mula|من|с|tussen|van|od)"
_ASIDE = r"[^\W\d][^,\d\n]{0,60}"  # a few words between commas, naming no number ("the start of the campaign")


def _day(name: str) -> str:
    """A day before its month, kept as group ``name``: "el 1 de enero", "1er janvier", "26 June"."""
    return rf"(?:(?:el\s+|le\s+|the\s+)?(?P<{name}>[0-9]{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+|of\s+)?)?"


def _day_after(name: str) -> str:
    """A day after its month, kept as group ``name``: "from August 1 to August 31"."""
    return rf"(?:\s+(?P<{name}>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9]|[,.]?\s*'?[0-9]))?"


# "of this year" in the other languages: "de este año", "deste ano", "de cette année", "dieses Jahres"
_OF_THIS_YEAR = (r"(?P<relthis>(?:de\s+|del\s+)?este\s+a[ñn]o|deste\s+ano|(?:de\s+)?cette\s+ann[ée]e|dieses\s+jahres|tahun\s+ini"
              r"|(?:di\s+|del(?:l['’])?\s*)?quest['’]\s*anno|(?:من\s+)?هذا\s+العام)\b")


def _m(name: str) -> str:
    return _MON.format(n=name)


def _y(name: str) -> str:
    return _YEAR.format(n=name)


def _yy(name: str) -> str:
    return _YY.format(n=name)


def _year(text: str) -> int:
    """A year; two digits pivot like strptime's %y: 69-99 -> 1969-1999, 00-68 -> 2000-2068."""
    y = int(text)
    if y < 100:
        return y + (1900 if y >= 69 else 2000)
    return y


def _month(text: str) -> int:
    word = text.lower().rstrip(".")
    if word in FOREIGN_MONTHS:
        return FOREIGN_MONTHS[word]
    return MONTHS[word[:4] if word.startswith("sept") else word[:3]]


# A calendar date: "Aug. 1, 2015", "1 August 2015", "2015-08-01", "08/01/2015".
_DATE = (
    rf"(?:{_m('{p}m')}\s+(?P<{{p}}d>[0-9]{{{{1,2}}}})(?:st|nd|rd|th)?,?\s+{_y('{p}y')}"
    rf"|(?P<{{p}}d2>[0-9]{{{{1,2}}}})(?:\.|er)?\s+(?:de\s+)?{_m('{p}m2')}\s+(?:de\s+)?{_y('{p}y2')}"
    rf"|{_y('{p}y3')}-(?P<{{p}}m3>[0-9][0-9])-(?P<{{p}}d3>[0-9][0-9])"
    rf"|(?P<{{p}}m4>[0-9]{{{{1,2}}}})/(?P<{{p}}d4>[0-9]{{{{1,2}}}})/{_y('{p}y4')})"
)
# A month of a year: "Aug 2015", "August, 2015".
_MONTHYEAR = rf"{_m('{p}mm')},?\s+(?:de\s+)?{_y('{p}my')}"


def _date_re(prefix: str) -> str:
    return _DATE.replace("{p}", prefix).format()


def _monthyear_re(prefix: str) -> str:
    return _MONTHYEAR.replace("{p}", prefix)


def _date_from(m: re.Match, p: str) -> dt.date | None:
    """The calendar date of prefix ``p``'s groups, None when none matched; an impossible one
    ("Feb 30, 2017") raises ValueError, which makes its expression no period at all."""
    g = m.groupdict()
    if g.get(p + "m"):
        return dt.date(int(g[p + "y"]), _month(g[p + "m"]), int(g[p + "d"]))
    if g.get(p + "m2"):
        return dt.date(int(g[p + "y2"]), _month(g[p + "m2"]), int(g[p + "d2"]))
    if g.get(p + "m3"):
        return dt.date(int(g[p + "y3"]), int(g[p + "m3"]), int(g[p + "d3"]))
    if g.get(p + "m4"):
        return dt.date(int(g[p + "y4"]), int(g[p + "m4"]), int(g[p + "d4"]))
    return None


def _point(m: re.Match, p: str) -> tuple[dt.date, dt.date] | None:
    """A date, a month or a year as (first day, last day)."""
    d = _date_from(m, p + "a")
    if d:
        return d, d
    g = m.groupdict()
    if g.get(p + "bmm"):
        y, mo = int(g[p + "bmy"]), _month(g[p + "bmm"])
        return dt.date(y, mo, 1), month_end(y, mo)
    if g.get(p + "cy"):
        y = int(g[p + "cy"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    return None


def _point_re(p: str) -> str:
    return rf"(?:{_date_re(p + 'a')}|{_monthyear_re(p + 'b')}|{_y(p + 'cy')})"


LAST = -1
# ordinals of halves and quarters in English, French, German, Spanish, Portuguese, Indonesian
FOREIGN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4,
    "premier": 1, "1er": 1, "deuxième": 2, "deuxieme": 2, "second": 2, "2e": 2, "2ème": 2, "troisième": 3,
    "troisieme": 3, "3e": 3, "quatrième": 4, "quatrieme": 4, "4e": 4,
    "ersten": 1, "erste": 1, "zweiten": 2, "zweite": 2, "dritten": 3, "dritte": 3, "vierten": 4, "vierte": 4,
    "1.": 1, "2.": 2, "3.": 3, "4.": 4,
    # Portuguese and Spanish ordinal indicators: "4º trimestre", "4o trimestre", "1ª metade"
    "1º": 1, "2º": 2, "3º": 3, "4º": 4, "1o": 1, "2o": 2, "3o": 3, "4o": 4, "1ª": 1, "2ª": 2,
    "primer": 1, "primero": 1, "primeiro": 1, "segundo": 2, "tercer": 3, "tercero": 3, "terceiro": 3,
    "cuarto": 4, "quarto": 4,
    "première": 1, "primera": 1, "primeira": 1, "segunda": 2, "tercera": 3, "terceira": 3, "cuarta": 4,
    # Italian
    "primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3, "quarta": 4,
    # the last one: the second half, the fourth quarter
    "dernier": LAST, "dernière": LAST, "letzten": LAST, "letzte": LAST, "último": LAST, "última": LAST,
    "ultimo": LAST, "ultima": LAST,
    "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "terakhir": LAST,
    # Arabic, after its part ("الربع الثالث من عام 2025": the third quarter of 2025)
    "الأول": 1, "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الأخير": LAST, "الاخير": LAST,
    # Turkish, after the year ("2018 yılının ikinci yarısı": the second half of 2018)
    "ilk": 1, "birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4,
    # Roman numerals, as several of them write a half or quarter ("kuartal I-2019", "II trimestre")
    "i": 1, "ii": 2, "iii": 3, "iv": 4,
}
_NTH = {w: i for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)} \
    | {f"{i}{'st' if i == 1 else 'nd' if i == 2 else 'rd' if i == 3 else 'th'}": i for i in range(1, 13)}
_NTH_RX = "|".join(sorted(_NTH, key=len, reverse=True))
_ORDINALS_RX = "|".join(sorted((re.escape(w) for w in FOREIGN_ORDINALS), key=len, reverse=True))
# halves and quarters as French, German, Spanish and Portuguese name them ("semestre", "Quartal")
_PART_WORDS = r"semestre|semester|trimestre|halbjahr(?:es)?|quartal(?:s)?|mitad|metade|moitié|(?:jahres)?hälfte|cuarto"
# Turkish writes the year first, with its case ending ("2020'nin ilk yarısında", "2018 yılının
# ikinci yarısı", "2021'in üçüncü çeyreğinde", "2020 yılının ilk 6 ayı")
_TR_YEAR = r"(?:['’]?(?:n?[iıuü]n))?\s+(?:yılının\s+)?"
# "the first N months" as the lexicon's languages say "first" (the other edge is the last)
FIRST_EDGES = frozenset({"first", "opening", "primeiros", "primeros", "ersten", "primi", "premiers", "ilk"})
_ID_PART_WORDS = r"paruh|semester|kuartal|triwulan|quý"  # Indonesian and Vietnamese: the part before its ordinal
# ... which Indonesian also writes with a cardinal ("kuartal empat 2021", "kuartal satu tahun ini": the fourth, first)
ID_CARDINALS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4}
_ID_ORDINALS_RX = _ORDINALS_RX + "|" + "|".join(ID_CARDINALS)
_HALF_PARTS = ("semest", "halbjahr", "mitad", "metade", "moiti", "hälfte", "paruh", "نصف", "yarı")
# Arabic's quarter and half, with its article and the particles written joined to it ("للربع": for the quarter)
_AR_PART_WORDS = r"[وبف]?(?:ال|لل)(?:ربع|نصف)"
# a year written next ("2022", "'17"), not a number that follows a period without one ("im ersten
# Halbjahr 22.826 Inhalte", "in Q3 9 million videos")
_YEAR_NEXT = r"'?[0-9][0-9](?:[0-9][0-9])?(?![.,]?[0-9])"
_HALF_WORD = r"(?P<hw>first|1st|front|second|2nd|last|latter|back|final)"
_QUARTER_WORD = r"(?P<qw>first|1st|opening|second|2nd|third|3rd|fourth|4th|last|final)"
_MONTHS_N = r"two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01]"
_MONTHS_N_ANY = _MONTHS_N + r"|dois|dos|deux|zwei|due|três|tres|trois|drei|tre|seis|sechs|sei|nove|nueve|neuf|neun"
_QUARTERS_N = r"two|three|2|3|dois|dos|deux|zwei|due|três|tres|trois|drei|tre"
# no word, number or date glued before, unless a page's text ran two words together:
# "Notable ObservationsJanuary to June 2012"
_B = r"(?:(?<![\w/.-])|(?-i:(?<=[a-z])(?=[A-Z][a-z])))"
_E = r"(?![\w/]|[.,][0-9])"  # "Juni 11,4 Millionen": 11 is no year

# "last year" and "this year" in French, German, Spanish, Portuguese, Italian and Indonesian
# a law named with its year: "the IT Rules, 2021", "IT Rule 2021", and in lower case after its initials ("the new IT
# rules 2021"), and as Hindi and Telugu name rules and acts ("आईटी नियम, 2021"), or write the English words ("आईटी एक्ट 2021")
_LAW = "(?:Rules?|Act|Code|Regulations|(?<=[A-Z]{2}\\s)(?:rules?|act|code|regulations)|नियम|नियमों|अधिनियम|रूल्स|रूल|एक्ट|నిబంధనలు|చట్టం)"
_LAST_YEAR = (r"im\s+vorjahr|(?:im\s+)?vergangenen\s+jahr|(?:im\s+)?letzten\s+jahr|letztes\s+jahr|vergangenes\s+jahr"
              r"|l[’']année\s+(?:dernière|passée|précédente)|l[’']an\s+(?:dernier|passé)"
              r"|(?:el\s+)?año\s+pasado|el\s+pasado\s+año|(?:o\s+|no\s+)?ano\s+passado"
              r"|l[’']anno\s+scorso|lo\s+scorso\s+anno|tahun\s+lalu")
_YTD = (r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|so\s+far\s+this\s+year|this\s+year\s+so\s+far"
        r"|year[-\s]to[-\s]date|depuis\s+le\s+début\s+de\s+l[’']année|seit\s+(?:jahresbeginn|jahresanfang|anfang\s+des\s+jahres)"
        r"|desde\s+(?:el\s+)?(?:principio|inicio|comienzo)\s+del\s+año|en\s+lo\s+que\s+va\s+del?\s+año"
        r"|desde\s+o\s+in[ií]cio\s+do\s+ano|dall[’']inizio\s+dell[’']anno|sejak\s+awal\s+tahun"
        r"|с\s+начала\s+(?:этого\s+|текущего\s+)?года|od\s+začátku\s+(?:letošního\s+)?roku|od\s+początku\s+roku"
        r"|sinds\s+het\s+begin\s+van\s+(?:het|dit)\s+jaar")
# "since the start of" as Russian, Czech, Polish and Dutch say it before a month or a year ("с начала февраля",
# "С начала 2026 г.", "od začátku února")
_FROM_START = r"с\s+начала|od\s+začátku|od\s+początku|sinds\s+het\s+begin\s+van"
_SAME = (r"(?:à\s+la\s+même\s+période|au\s+même\s+moment|im\s+(?:gleichen|selben)\s+zeitraum"
         r"|en\s+el\s+mismo\s+per[ií]odo|no\s+mesmo\s+per[ií]odo|nello\s+stesso\s+periodo)")
_THIS_YEAR = (r"(?:in\s+)?diesem\s+jahr|dieses\s+jahr|cette\s+année|este\s+año|este\s+ano|quest[’']anno"
              r"|tahun\s+ini")

# the year, half, quarter, month and "to" of Chinese, Japanese and Korean dates
_EA_Y = r"(?P<y>(?:19|20)[0-9][0-9])\s*(?:년도?|年度?)"
_EA_HALF_WORDS = "상반기|하반기|上半年|下半年|上半期|下半期|上期|下期"
_EA_HALF = rf"(?P<half>{_EA_HALF_WORDS})"
_EA_Q = r"(?:第\s*)?(?P<q>[1-4一二三四])\s*(?:분기|季度|四半期|季)"
_EA_TO = r"\s*(?:부터|から|至|到|-|–|～|~|〜)\s*"
_EA_REL = r"(?P<earel>지난해|작년|올해|금년|去年|今年|昨年|本年)"
_EA_LAST = ("지난해", "작년", "去年", "昨年")


def _ea_m(name: str) -> str:
    return rf"(?P<{name}>1[0-2]|0?[1-9])\s*(?:월|月)"


PATTERNS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(rx, re.IGNORECASE))
    for name, rx in [
        # between Aug. 1, 2015 and Dec. 31, 2017 / from Aug 2015 to Dec 2017 / 2015-2017
        # ... and with an aside after the first: "entre 16 de agosto de 2022, início da campanha eleitoral, e 8 de
        # janeiro de 2023"
        # ... and as Turkish says it, by suffixes: "Ocak 2012'den Temmuz 2020'ye kadar" (from ... until)
        ("range", rf"{_B}(?:(?P<between>{_BETWEEN})\s+)?{_point_re('s')}(?(between)(?:,\s+{_ASIDE},)?|),?"
                  rf"(?:\s*{_AND}\s*|{_DASH}|(?P<from>['’]?[dt][ae]n\s+)){_point_re('e')}(?(from)['’]?y?[ae]\s+kadar\b|{_E})"),
        # days of one month: "December 1-31, 2021", "from 1 to 31 December 2021", "1.-30. Juni 2022"
        # ... and "between 11 and 17 December 2020", "entre el 11 y el 17 de diciembre de 2020" ("and" only after "between")
        ("days", rf"{_B}(?:(?P<bw>{_BETWEEN})\s+)?(?:{_m('m')}\s+(?P<da>[0-9]{{1,2}})(?:st|nd|rd|th)?{_DASH}(?:{_m('mb')}\s+)?(?P<db>[0-9]{{1,2}})(?:st|nd|rd|th)?,?"
                 rf"|(?:el\s+|le\s+|the\s+)?(?P<da2>[0-9]{{1,2}})(?:st|nd|rd|th|er|\.)?(?:{_DASH}|(?(bw)\s+{_AND}\s+|(?!)))(?:el\s+|le\s+|the\s+)?"
                 rf"(?P<db2>[0-9]{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+|of\s+)?{_m('m2')},?)\s+(?:de\s+)?{_y('y')}{_E}"),
        # Jul-Sep 2020, July to December 2017
        ("months", rf"{_B}(?:{_BETWEEN}\s+)?(?:(?:el\s+|le\s+)?(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?)?{_EDGE}{_m('m1')}(?:\s*(?P<d1b>[0-9]{{1,2}})(?:st|nd|rd|th)?)?(?:,\s*{_MON_ANY})*(?:{_DASH}|\s+{_AND}\s+)(?:(?:el\s+|le\s+)?(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?)?{_EDGE}{_m('m2')}(?:\s*(?P<d2b>[0-9]{{1,2}})(?:st|nd|rd|th)?)?(?:\s+(?:period|quarter|months))?,?\s+(?:de\s+|del\s+|of\s+)?'?{_yy('y')}{_E}"),
        # since the middle of 2015, since mid-2015, since early 2016, since Aug 2015, since 2015
        # ("from 2020" alone is the year 2020: "an increase from 2020")
        ("since", rf"{_B}(?:(?:since|desde(?:\s+(?:el|o))?|depuis|seit(?:\s+dem(?:\s+jahr)?)?|sejak(?:\s+tahun)?|منذ|{_FROM_START})\s+(?:(?P<part>mid|early|late|the\s+(?:middle|start|beginning|end)\s+of|the\s+(?:first|second)\s+half\s+of)[\s-]*)?(?:{_date_re('d')}|{_monthyear_re('n')}|{_y('sy')})|from\s+(?P<fpart>mid|early|late|the\s+(?:middle|start|beginning|end)\s+of)[\s-]*{_y('fy')}){_E}"),
        # since the start of the year, so far this year, year to date: from January of the
        # document's year to its date (without a date, a period whose year is unknown)
        ("ytd", rf"(?<!\w)(?:{_YTD})(?!\w)"),
        # ... of a year it names: "ytd 2026", "2026 year to date"
        ("ytdyear", rf"{_B}(?:(?:ytd|year[-\s]to[-\s]date)\s+(?:in\s+|of\s+)?{_y('y')}|{_y('y2')}\s+(?:ytd|year[-\s]to[-\s]date)){_E}"),
        # H2 2017, H2'17, 2H17, 2H 2017, 2017H2
        ("half", rf"{_B}(?:H(?P<h1>[12])\s*(?:of\s+|[-/]\s*)?'?{_yy('y1')}|(?P<h2>[12])H\s*[-/]?\s*'?{_yy('y2')}|{_y('y3')}\s*[-/]?\s*H(?P<h3>[12])){_E}"),
        # the last half of 2017, second half of 2017, last six months of 2017, second-half-2019
        ("halfword", rf"{_B}(?:the\s+)?{_HALF_WORD}[\s-]+(?:half|six\s+months|6\s+months)(?:\s+(?:of\s+)?(?:the\s+year\s+)?|-){_y('y')}{_E}"),
        ("yearhalf", rf"{_B}{_y('y')}['’]s\s+{_HALF_WORD}\s+half{_E}"),
        # Q3 2016, Q3'16, 3Q16, 2018Q2, 2018-Q2
        ("quarter", rf"{_B}(?:Q(?P<q1>[1-4])\s*(?:of\s+|[-/]\s*)?'?{_yy('y1')}|(?P<q2>[1-4])Q\s*[-/]?\s*'?{_yy('y2')}|{_y('y3')}\s*[-/]?\s*Q(?P<q3>[1-4])){_E}"),
        ("quarterword", rf"{_B}(?:the\s+)?(?:{_QUARTER_WORD}|(?P<qm>march|june|september|december))\s+quarter\s+(?:of\s+|ng\s+)?(?:the\s+year\s+)?{_y('y')}{_E}"),
        # halves and quarters as French, German, Spanish and Portuguese write them ("deuxième
        # semestre 2017", "im zweiten Quartal 2020", "primer semestre de 2020"), and "second
        # semester of 2017"
        ("partword", rf"{_B}(?P<ord>{_ORDINALS_RX})\s+(?P<part>{_PART_WORDS})\s+(?:of\s+|de\s+|d[e’']\s*|des\s+jahres\s+|del\s+|do\s+)?(?:año\s+|ano\s+|l[’']année\s+)?{_y('y')}{_E}"),
        # ... and as Indonesian writes them, the part before its ordinal ("paruh pertama tahun
        # 2024": the first half of 2024, "kuartal ketiga 2023")
        ("partword", rf"{_B}(?P<part>{_ID_PART_WORDS})[\s-]+(?P<ord>{_ID_ORDINALS_RX})(?:\s*[-/]\s*|\s+)(?:tahun\s+|năm\s+)?{_y('y')}{_E}"),
        ("partword", rf"{_B}{_y('y')}{_TR_YEAR}(?P<ord>ilk|birinci|ikinci|üçüncü|dördüncü)\s+(?P<part>yarı|çeyre)[^\W\d_]*"),
        ("months", rf"{_B}{_y('y')}{_TR_YEAR}{_m('m1')}\s*[-–]\s*{_m('m2')}(?![\w/])"),
        ("monthsof", rf"{_B}{_y('y')}{_TR_YEAR}(?P<edge>ilk|son)\s+(?P<n>[2-9]|1[01]|iki|üç|dört|beş|altı|yedi|sekiz|dokuz)\s+ay[^\W\d_]*"),
        ("partword", rf"{_B}(?P<part>{_AR_PART_WORDS})\s+(?P<ord>{_ORDINALS_RX})\s+(?:من\s+)?(?:عام\s+|العام\s+|سنة\s+)?{_y('y')}{_E}"),
        # late 2017, early 2018: a half year, as people loosely say it
        ("looseyear", rf"{_B}(?P<part>late|early|(?:the\s+)?(?:first|early|latter|last|later)\s+part\s+of)[\s-]+{_y('y')}{_E}"),
        # the first three months of 2023, the last six months of 2016, the first nine months of 2019
        ("monthsof", rf"{_B}(?:the\s+)?(?P<edge>first|last|final|opening|closing)\s+(?:(?P<n>{_MONTHS_N})\s+months|month)\s+of\s+(?:the\s+year\s+)?{_y('y')}{_E}"),
        # the first three quarters of 2019, les trois premiers trimestres 2019, die ersten drei Quartale 2019
        ("quartersof", rf"{_B}(?:the\s+|les\s+|los\s+|os\s+|die\s+|i\s+)?(?:(?P<edge>first|last|primeiros|primeros|[úu]ltimos|ersten|letzten|primi|ultimi)\s+(?P<n>{_QUARTERS_N})"
                       rf"|(?P<n2>{_QUARTERS_N})\s+(?P<edge2>premiers|derniers|primeros|primeiros|[úu]ltimos))\s+(?:quarters|trimestres|trimestri|quartale|quartalen)\s+"
                       rf"(?:of\s+|de\s+|del\s+|do\s+|des\s+|dell['’]?\s*|von\s+)?(?:the\s+year\s+|l['’]ann[ée]e\s+|año\s+|ano\s+)?{_y('y')}{_E}"),
        # the second month of 2022: February
        ("nthmonth", rf"{_B}(?:the\s+)?(?P<nth>{_NTH_RX})\s+month\s+of\s+(?:the\s+year\s+)?{_y('y')}{_E}"),
        # ... and as the other languages say it: "los tres últimos meses de 2019", "os primeiros seis meses de 2020"
        ("monthsof", rf"{_B}(?:os\s+|los\s+|les\s+|die\s+|i\s+)?(?:(?P<edge2>primeiros|[úu]ltimos|primeros|ersten|letzten|primi|ultimi)\s+(?P<n2>{_MONTHS_N_ANY})"
                     rf"|(?P<n3>{_MONTHS_N_ANY})\s+(?P<edge3>premiers|derniers|[úu]ltimos|primeros|primeiros))\s+(?:meses|mois|monate|monaten|mesi)\s+"
                     rf"(?:de|del|do|des|dell['’]?|von)\s*(?:l['’]ann[ée]e\s+)?{_y('y')}{_E}"),
        # a year up to a month of it: "in 2022 till June", "2021 up to September", "2022 (through June)"
        ("yeartill", rf"{_B}{_y('y')},?\s+\(?(?:till|until|up\s+to|through|to)\s+(?:the\s+end\s+of\s+)?{_m('m')}(?!\s*,?\s*(?:de\s+)?'?\d)(?![\w/])"),
        # the three months to September 2019, the six months ending June 2020
        ("monthsto", rf"{_B}(?:the\s+)?(?P<n>three|six|nine|twelve|3|6|9|12)\s+months\s+(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?{_m('m')}(?:\s+[0-9]{{1,2}}(?:st|nd|rd|th)?)?,?\s+{_y('y')}{_E}"),
        # the September 2021 quarter, the quarter ended June 2020: the quarter ending that month
        ("monthquarter", rf"{_B}(?:the\s+)?(?:{_m('m')},?\s+{_y('y')}\s+quarter|quarter\s+(?:ended|ending|to)\s+{_m('m2')},?\s+{_y('y2')}){_E}"),
        # the month ending August 25, 2021, the year ended 31 March 2022, the week ending 5 March 2022, the
        # 12 months to 30 June 2023: so long a span, ending that day (or month)
        ("spanto", rf"{_B}(?:the\s+|a\s+)?(?:(?:fiscal\s+|financial\s+)?(?P<unit>week|month|quarter|year)|(?P<n>three|six|nine|twelve|3|6|9|12)\s+months)"
                   rf"\s+(?:ending|ended|to|through)\s+(?:on\s+)?(?:{_date_re('pa')}|{_monthyear_re('pb')}){_E}"),
        # the second and third quarters of 2018
        ("quarters", rf"{_B}(?:(?:the\s+)?(?P<qa>first|second|third)\s+(?:and|to|through)\s+(?:the\s+)?(?P<qb>second|third|fourth)\s+quarters\s+of\s+|Q(?P<qn1>[1-4])\s*(?:-|–|to|through)\s*Q(?P<qn2>[1-4])\s*'?){_yy('y')}{_E}"),
        # No year: "the third quarter of this year", "Q3", "the September quarter", "the second
        # half", "between April and September". A document's publication date
        # tells which year (the latest such period that had ended by then); without one, or
        # in a question, they are not read.
        ("relquarter", rf"{_B}(?:(?:the\s+)?{_QUARTER_WORD}\s+quarter(?:\s+of\s+(?:(?P<ofy>the\s+year)|(?P<rel>this|last|the\s+previous)\s+year))?|Q(?P<qn>[1-4])|(?:the\s+)?(?P<qm>march|june|september|december)\s+quarter)(?!\s*(?:of\s+)?{_YEAR_NEXT})(?![\w/])"),
        ("relhalf", rf"{_B}(?:the\s+)?{_HALF_WORD}\s+half(?:\s+of\s+(?:(?P<ofy>the\s+year)|(?P<rel>this|last|the\s+previous)\s+year))?(?!\s*(?:of\s+)?{_YEAR_NEXT})(?![\w/])"),
        ("relyear", rf"{_B}(?:for|over|during|across)\s+the\s+(?:(?:whole|full|entire)\s+)?year(?!\s*(?:of\s+)?{_YEAR_NEXT})(?![\w/-])"),  # not "the year-ago period"
        ("relmonthsto", rf"{_B}(?:the\s+)?(?P<n>three|six|nine|twelve|3|6|9|12)\s+months\s+(?:to|ending|ended|through)\s+(?:in\s+)?{_m('m')}(?!\s*,?\s*'?\d)(?![\w/])"),
        # the first three months of the year, os primeiros três meses do ano, les six premiers mois de
        # l'année, die ersten sechs Monate des Jahres
        ("relmonthsof", rf"{_B}(?:the\s+|os\s+|los\s+|les\s+|die\s+|den\s+|i\s+)?(?:(?P<edge>first|last|primeiros|[úu]ltimos|primeros|ersten|letzten|primi|ultimi)\s+(?P<n>{_MONTHS_N_ANY})|(?P<n2>{_MONTHS_N_ANY})\s+(?P<edge2>premiers|derniers))\s+(?:months|meses|mois|monate|monaten|mesi)\s+(?:of\s+the\s+year|of\s+(?P<rel>this|last)\s+year|do\s+ano|del\s+año|de\s+l[’']ann[ée]e|des\s+jahres|dell[’']anno)(?![\w/])"),
        # ... and as the other languages write them ("zwischen April und Juni", "im zweiten Quartal")
        ("relpartword", rf"{_B}(?P<ord>{_ORDINALS_RX})\s+(?P<part>{_PART_WORDS})(?!\s+(?:of\s+|de\s+|d[e’']\s*|des\s+jahres\s+|del\s+|do\s+)?(?:año\s+|ano\s+|l[’']année\s+)?{_YEAR_NEXT})(?:\s+{_OF_THIS_YEAR})?(?![\w/])"),
        ("relpartword", rf"{_B}(?P<part>{_ID_PART_WORDS})[\s-]+(?P<ord>{_ID_ORDINALS_RX})(?!\s*-?\s*(?:tahun\s+)?{_YEAR_NEXT})(?:\s+{_OF_THIS_YEAR})?(?![\w/])"),
        ("relmonths", rf"{_B}(?:{_BETWEEN}\s+)?{_day('da')}{_m('m1')}{_day_after('db')}(?:,\s*{_MON_ANY})*(?:{_DASH}|\s+{_AND}\s+){_day('dc')}{_m('m2')}{_day_after('dd')}"
                      rf"(?:\s+(?:of|in)\s+(?P<rel>this|last)\s+year\b|\s+{_OF_THIS_YEAR}|(?!\s*,?\s*'?\d+(?![.,]?\d)))(?![\w/])"),
        # as of the end of March 2020, as of 2019, by the end of 2017, through Dec 31 2016: all
        # there was by then (a total, or a count that stands), from whenever it started
        ("asof", rf"{_B}(?:as\s+(?:of|at)|by|through|until|till|(?:at|by)\s+the\s+end\s+of)\s+(?:(?:the\s+)?end\s+(?:of\s+)?)?{_point_re('a')}{_E}"),
        ("relasof", rf"{_B}(?:as\s+(?:of|at)|by)\s+(?:(?:the\s+)?end\s+(?:of\s+)?)?{_m('m')}(?!\s*,?\s*'?\d)(?![\w/])"),
        # since a month of no year ("since the start of February", "с начала февраля"): from the latest
        # such month up to the publication date
        ("relsince", rf"{_B}(?:since|{_FROM_START})\s+(?:the\s+(?:start|beginning)\s+of\s+)?{_m('m')}(?!\s*,?\s*'?\d)(?![\w/])"),
        # a day of a month of no year ("On February 16", "16 февраля", "Dne 16. února"): of the latest
        # such day by the publication date
        ("relday", rf"{_B}(?:{_m('m')}\s+(?P<da>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\s*(?:%|[mMbB]il|[mMbB]n\b|[kK]\b|[pP]er|Mio|Mrd|juta|ribu|lakh|crore))"
                   rf"|(?P<db>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?{_m('m2')})(?!\s*,?\s*(?:de\s+)?'?\d)(?![\w/])"),
        # a page's date stamp (" date 2021-02 Die Videoplattform ..."): when it was published, not
        # what its figures are of
        ("stamp", r"(?<![\w/])date\s+(?P<sy>(?:19|20)\d\d)-(?P<sm>0[1-9]|1[0-2])(?:-(?P<sd>0[1-9]|[12]\d|3[01]))?(?![\d-])"),
        # the year in a law's name ("the IT Rules, 2021", "the Digital Services Act of 2022", "IT rules 2021"):
        # neither a period nor a count
        ("name", rf"(?-i:\b{_LAW})(?:,?\s+|\s+of\s+){_y('y')}{_E}"),
        # Aug 2015 (a whole month), 12/31/2010 (a day)
        ("date", rf"{_B}{_date_re('x')}{_E}"),
        ("month", rf"{_B}{_monthyear_re('x')}{_E}"),
        # 2017, FY2017
        # a year is no count: "over 2000 ISIS channels", "about 2000 videos"
        ("year", rf"{_B}(?<!over\s)(?<!than\s)(?<!about\s)(?<!nearly\s)(?<!almost\s)(?<!around\s)(?:FY\s?)?{_y('y')}{_E}"),
        # the last six months, los seis últimos meses, in den letzten sechs Monaten: counted back
        # from the document's date (or, with none, the latest date it states)
        ("recent", rf"{_B}(?:(?:the\s+)?(?:last|past)\s+(?:{_MONTHS_N_ANY}|12)\s+months|(?:les\s+)?(?:{_MONTHS_N_ANY}|12)\s+derniers\s+mois"
                   rf"|(?:los\s+|os\s+)?(?:(?:{_MONTHS_N_ANY}|12)\s+[úu]ltimos|[úu]ltimos\s+(?:{_MONTHS_N_ANY}|12))\s+meses"
                   rf"|(?:den\s+)?letzten\s+(?:{_MONTHS_N_ANY}|12)\s+monate[n]?|(?:gli\s+)?ultimi\s+(?:{_MONTHS_N_ANY}|12)\s+mesi"
                   rf"|(?:{_MONTHS_N_ANY}|12|enam|tiga|sembilan|dua)\s+bulan\s+terakhir"
                   rf"|(?:الأشهر|الشهور)\s+(?:الستة|الثلاثة|التسعة)\s+(?:الأخيرة|الماضية)){_E}"),
        # a four-month period: a length without dates
        ("duration", r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,2})[-\s](?:month|week|year)[-\s]+(?:period|span|window|stretch)|(?<=within\s)(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,2})[-\s](?:month|week|year)s?|(?:(?<=past\s)|(?<=last\s))(?:two|three|four|five|six|seven|eight|[2-9])\s+quarters)\b"),
        # last year, this quarter, last month: the calendar period before (or holding) the reference
        ("calendar", r"\b(?P<which>last|this|past|current)\s+(?P<unit>year|quarter|half|month)\b"),
        # the same, for a year, in the languages whose months are read above
        # ("de este año" after a period without its year is that period's year, read from the date)
        ("calendar", rf"(?<!\w)(?<!de\s)(?<!del\s)(?<!do\s)(?<!da\s)(?<!du\s)(?<!des\s)"
                     rf"(?:(?P<last>{_LAST_YEAR})|(?P<this>{_THIS_YEAR}))(?!\w)"),
        ("yearago", rf"(?<!\w)(?:(?:{_LAST_YEAR}),?\s+{_SAME}|{_SAME}\s+(?:de\s+|del\s+|do\s+|des\s+)?(?:{_LAST_YEAR}))(?!\w)"),
        # H3 2017, Q5 2017, 2017Q5, H2 1850: shaped like a half or a quarter, but none
        ("badpart", rf"{_B}(?:[QH](?P<n1>[0-9]{{1,2}})\s*(?:of\s+|[-/]\s*)?'?(?P<y1>[0-9]{{4}})|(?P<y2>[0-9]{{4}})\s*[-/]?\s*[QH](?P<n2>[0-9]{{1,2}})|(?P<n3>[0-9])[QH]\s*[-/]?\s*'?(?P<y3>[0-9]{{4}})){_E}"),
        # the same period a year before: "in the same period last year", "the year-earlier quarter"
        ("yearago", r"\b(?:(?:the\s+)?same\s+(?:period|quarter|half|months?|time(?:\s+frame)?)\s+(?:(?:of\s+|in\s+)?last\s+year|a\s+year\s+(?:earlier|before|ago)|(?:of\s+|in\s+)?the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+(?:prior|before))|(?:the\s+)?year[-\s](?:earlier|ago)\s+(?:period|quarter|half))\b"),
        # ... and as German writes it in one word: "gegenüber 250.957 im Vorjahreszeitraum"
        ("yearago", r"(?<!\w)vorjahres(?:zeitraum|zeitraums|quartal|quartals|halbjahr|halbjahres|monat|monats|periode)(?!\w)"),
        # the whole of the year the document reports on: "sur l'ensemble de l'année", "for the full year"
        ("wholeyear", r"(?<!\w)(?:(?:over|for|across|during|throughout)\s+(?:the\s+)?(?:whole|full|entire)\s+year|throughout\s+the\s+year"
                      r"|sur\s+l['’]ensemble\s+de\s+l['’]ann[ée]e|sur\s+toute\s+l['’]ann[ée]e|(?:im\s+)?gesamten\s+jahr|im\s+ganzen\s+jahr"
                      r"|(?:en|durante)\s+todo\s+el\s+año|(?:durante|em)\s+todo\s+o\s+ano|nell['’]intero\s+anno|in\s+tutto\s+l['’]anno"
                      r"|sepanjang\s+tahun)(?!\s+(?:of\s+|de\s+|del\s+)?(?:19|20)[0-9]{2})(?!\w)"),
        # the preceding / previous reporting period
        ("previous", r"\b(?:(?:a|one)\s+(?:quarter|half|reporting\s+period|period)\s+(?:earlier|before)|(?:the\s+)?(?:preceding|previous|prior)\s+(?:reporting\s+|report(?:ing)?\s+)?(?:period|half|quarter|report|year|(?:six|three|twelve|6|3|12)\s+months)|(?:from|than|compared\s+(?:to|with)|versus|vs\.?|over)\s+the\s+last\s+(?:reporting\s+|report(?:ing)?\s+)?(?:period|half|quarter)|the\s+(?:period|half|quarter)\s+before)\b"),
        # the last / latest / current reporting period, recently
        ("current", r"\b(?:(?:the\s+)?(?:latest|most\s+recent|current|last|this)\s+(?:reporting\s+|report(?:ing)?\s+)?(?:period|report)|recently)\b"),
    ]
]


@lru_cache(maxsize=1)
def _east_asian_patterns() -> list[tuple[str, re.Pattern]]:
    """The patterns of Chinese, Japanese and Korean periods, compiled the first time a text in
    those scripts is read (most never are)."""
    return [(name, re.compile(rx, re.IGNORECASE)) for name, rx in [
        # as Chinese, Japanese and Korean write them, glued to their words: "2015년 상반기" (H1 2015),
        # "2022年第三季度", "2018年7月～12月", "2022年3月", "2019년"; and with no year: "지난해 하반기"
        # (the second half of last year), "上半年", "7월부터 12월까지", "3月"
        ("eahalf", rf"{_EA_Y}\s*{_EA_HALF}"),
        ("eaquarter", rf"{_EA_Y}\s*{_EA_Q}"),
        ("eamonths", rf"{_EA_Y}\s*(?:{_ea_m('m1')}|(?P<m1b>1[0-2]|0?[1-9])(?=\s*(?:-|–|～|~|〜))){_EA_TO}(?:(?P<y2>(?:19|20)[0-9][0-9])\s*(?:년|年)\s*)?{_ea_m('m2')}(?:\s*(?:까지|まで))?"),
        ("eamonth", rf"{_EA_Y}\s*{_ea_m('m')}(?P<day>\s*[0-9]{{1,2}}\s*(?:일|日))?"),
        ("eayear", _EA_Y),
        ("earelhalf", rf"(?:{_EA_REL}\s*)?{_EA_HALF}"),
        ("earelmonths", rf"(?:{_EA_REL}\s*)?(?<![0-9]){_ea_m('m1')}{_EA_TO}{_ea_m('m2')}(?:\s*(?:까지|まで))?"),
        ("earelmonth", rf"(?:{_EA_REL}\s*)?(?<![0-9]){_ea_m('m')}(?!\s*[0-9]{{1,2}}\s*(?:일|日))"),
        ("earelyear", rf"{_EA_REL}(?!\s*(?:{_EA_HALF_WORDS}|[0-9]))"),
    ]]


# Russian months, in the month, of it ("13 ноября 2025 года") and in it ("в марте"), and the months of
# the languages added later (Dutch, Turkish, Polish and Czech as dates write them, Hindi): read as
# their English names in a copy of the text (inlined into every pattern that reads a month, their
# names would cost every text, and every process's first question, the time: 30 ms of compiling)
_RUSSIAN_MONTH_RE = re.compile(r"(?<!\w)(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
                               r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])(?!\w)", re.IGNORECASE)
_RUSSIAN_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
ENGLISH_MONTHS = frozenset("january february march april may june july august september october november december".split())
MORE_MONTHS = {
    name: i + 1
    for names in (
        "januari februari maart april mei juni juli augustus september oktober november december",  # Dutch
        "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",  # Turkish
        "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",  # Polish
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",  # (of ...)
        "leden únor březen duben květen červen červenec srpen září říjen listopad prosinec",  # Czech
        "ledna února března dubna května června července srpna září října listopadu prosince",  # (of ...)
        "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",  # Hindi
        "जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितम्बर अक्टूबर नवम्बर दिसम्बर",  # (spelled without nuqta, with half-m)
    )
    for i, name in enumerate(names.split())
    if name not in FOREIGN_MONTHS and name not in ENGLISH_MONTHS  # (read as they are: "mei", "juni", "december")
}
_MORE_MONTH_RE = re.compile(rf"(?<!\w)(?:{words_re(MORE_MONTHS)})(?!\w)", re.IGNORECASE)


def _other_month(word: str) -> int:
    word = word.lower()
    return MORE_MONTHS.get(word) or next(i for i, stem in enumerate(_RUSSIAN_MONTHS, 1)
                                        if word.startswith(stem) and len(word) - len(stem) <= 2)


# ... and every other language's months, as the Unicode CLDR writes them ("31 martie - 21 aprilie 2025",
# "1. decembra 2019", "1 เมษายน": store/month_names.json, see store.cldr), read only beside a digit: a
# pattern of their 2,700 names would cost every text its compiling, and far from a number a name is no date
_CLDR_MONTHS = {w: m for w, m in cldr.months().items() if w not in FOREIGN_MONTHS and w not in ENGLISH_MONTHS
                and w not in MORE_MONTHS}
_WORD_RE = re.compile(LETTERS)
_BESIDE_DIGIT_RE = re.compile(r"[0-9][.,]?[^\S\n]?$")
_DIGIT_NEXT_RE = re.compile(r"[^\S\n]?[0-9]")
_DIGIT_RE = re.compile(r"[0-9]")


def _cldr_months(text: str) -> list[tuple[int, int, int]]:
    """The months of the CLDR's names written right before or after a digit: (start, end, month)."""
    out: list[tuple[int, int, int]] = []
    if not _DIGIT_RE.search(text):  # (most of a document's sentences, and most questions: one cheap look)
        return out
    for m in _WORD_RE.finditer(text):
        before = _BESIDE_DIGIT_RE.search(text, max(0, m.start() - 3), m.start())
        if not (before or _DIGIT_NEXT_RE.match(text, m.end())):
            continue
        word = m.group().lower()
        if word in _CLDR_MONTHS:
            out.append((m.start(), m.end(), _CLDR_MONTHS[word]))
        elif before and UNSPACED_RE.match(word):  # glued to the word after it: "1 เมษายนถึง 30 มิถุนายน"
            cut = next((i for i in range(len(word) - 1, 0, -1) if word[:i] in _CLDR_MONTHS), 0)
            if cut:
                out.append((m.start(), m.start() + cut, _CLDR_MONTHS[word[:cut]]))
    return out


# ... and every language's quarters, named by their word for a quarter (the CLDR's, store/quarter_names.json)
# after an ordinal ("første kvartal af 2022", "w drugim kwartale 2022", "IV квартал 2025", "1ο τρίμηνο 2021")
# or before it ("ไตรมาสที่ 2 ปี 2022", "trimestrul al II-lea 2024"), then a year: read as "Q2 2022" in the
# English copy (a quarter with no year, "årets første kvartal", is left to the document's dates)
_QUARTERS = cldr.quarters()
_ORDINAL_STEMS = _QUARTERS["ordinals"]  # "drug" (of "drugi"): the longest a word starts with ("drugim")
_MIN_STEM = min(map(len, _ORDINAL_STEMS), default=1)
_CARDINALS = frozenset(_QUARTERS["cardinals"])


# a quarter's word, and its stem ("kwarta" of "kwartał", for "kwartale")
_QUARTER_WORD_RE = re.compile(rf"(?:(?<![^\W\d_])|(?=[{UNSPACED}]))(?:{words_re({w[:-1] if len(w) > 5 else w for w in _QUARTERS['words']})})",
                              re.IGNORECASE)
# ... and the halves of a year, by the word each language has for one (the CLDR names none), after the
# same ordinals ("в первом полугодии 2023 года", "w pierwszym półroczu 2023", "eerste halfjaar 2023",
# "første halvår 2021", "semestrul al II-lea 2023"): read as "H1 2023". (Czech, Slovak, Greek and
# Bulgarian write ordinals the quarters' table does not hold; Hungarian and Finnish put the year first.)
HALF_YEAR_WORDS = ("полугоди", "півріч", "półrocz", "halfjaar", "halvår", "semestru")
_HALF_YEAR_WORD_RE = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(HALF_YEAR_WORDS)})", re.IGNORECASE)
_DIGIT_ORDINAL_RE = re.compile(rf"(?:([1-4])(?:{'|'.join(map(re.escape, sorted(_QUARTERS['marks'], key=len, reverse=True)))})?|(IV|I{{1,3}})\.?)", re.IGNORECASE)
_YEAR_AFTER_RE = re.compile(r"(?:[^\S\n]+[^\s\d]+){0,2}?[^\S\n]+(?=(?:19|20)[0-9]{2}(?![0-9]))")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _quarter_ordinal(token: str) -> int | None:
    """The number of 1 to 4 an ordinal says: a digit with its mark ("1.", "1ο", "1-й"), a Roman numeral or a word."""
    if m := _DIGIT_ORDINAL_RE.fullmatch(token):
        return int(m.group(1)) if m.group(1) else _ROMAN[m.group(2).lower()]
    word = token.lower().replace("ё", "е")
    return next((_ORDINAL_STEMS[word[:i]] for i in range(len(word), _MIN_STEM - 1, -1) if word[:i] in _ORDINAL_STEMS), None)


# (runs of anything but spaces and digits, not of LETTERS: its two kinds of letter overlap, and a run of Thai
# that fails to match would be tried every way it can be split)
_TOKEN_BEFORE_RE = re.compile(r"(?<!\S)\S+[^\S\n]+$")
_TOKEN_AFTER_RE = re.compile(r"(?:[^\S\n]*[^\s\dIVX-]{0,6}-?[^\S\n]*)?([1-4]|IV|I{1,3})(?:-[^\s\d]+)?(?![0-9IVX])", re.IGNORECASE)


_YEAR_RE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
OPENING = "([{«„“\"'"  # before an ordinal: "(1. kvartal 2022)"
_QUARTER_BEFORE_YEAR = 60  # characters: "første kvartal af 2022", "trimestrul al II-lea din 2024"


def _cldr_quarters(text: str) -> list[tuple[int, int, str]]:
    """The quarters named in the CLDR's words, and the halves in HALF_YEAR_WORDS, each with the year
    after it: (start, end, " Q2 " or " H1 "), the span running to the year. (Looked for only just
    before a year: most texts' words are none.)"""
    out: list[tuple[int, int, str]] = []
    for y in _YEAR_RE.finditer(text):
        for m in sorted([*_QUARTER_WORD_RE.finditer(text, max(0, y.start() - _QUARTER_BEFORE_YEAR), y.start()),
                         *_HALF_YEAR_WORD_RE.finditer(text, max(0, y.start() - _QUARTER_BEFORE_YEAR), y.start())],
                        key=lambda m: m.start()):
            half = m.re is _HALF_YEAR_WORD_RE
            word = _WORD_RE.match(text, m.start())
            if word.group().lower() in english_words():
                continue  # "the second and third quarters of 2018": English (its own patterns read it)
            before = _TOKEN_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            n = _quarter_ordinal(before.group().strip().lstrip(OPENING)) if before else None
            if n and (count := _TOKEN_BEFORE_RE.search(text, max(0, before.start() - 40), before.start())) \
                    and (count.group().strip().lower() in _CARDINALS or count.group()[0].isdigit()):
                continue  # "les trois premiers trimestres 2019": the first three quarters (store.periods' own patterns)
            if n:
                start, end = m.start() - len(before.group().lstrip(OPENING)), word.end()
            else:  # the ordinal after the word ("ไตรมาสที่ 2", "trimestrul al II-lea", "Kuartal ke-1")
                if not (after := _TOKEN_AFTER_RE.match(text, word.end())):
                    continue
                n, start, end = _quarter_ordinal(after.group(1)), m.start(), after.end()
            year = _YEAR_AFTER_RE.match(text, end)
            if n and year and year.end() == y.start() and (not half or n <= 2):
                out.append((start, year.end(), f" H{n} " if half else f" Q{n} "))  # (a word glued before it, in Thai, is no part of it)
    return out


def _in_english(text: str) -> tuple[str, list[int], list[int]] | None:
    """``text`` with its Russian month names, the later languages' (``MORE_MONTHS``) and the CLDR's
    beside a digit, in English, and where each of its characters (and each end of a span) was in
    ``text``; None when it names none."""
    cldr_found = [(s, e, SHORT_MONTH[month]) for s, e, month in _cldr_months(text)] + _cldr_quarters(text)
    if text.isascii() and not cldr_found and not _MORE_MONTH_RE.search(text):
        return None
    found = sorted([*((m.start(), m.end(), SHORT_MONTH[_other_month(m.group())]) for m in _RUSSIAN_MONTH_RE.finditer(text)),
                    *((m.start(), m.end(), SHORT_MONTH[_other_month(m.group())]) for m in _MORE_MONTH_RE.finditer(text)),
                    *cldr_found])
    if not found:
        return None
    out, starts, ends, at = [], [], [], 0
    for start, end, name in found:
        if start < at:
            continue
        out.append(text[at:start])
        starts += range(at, start)
        ends += range(at + 1, start + 1)
        out.append(name)
        starts += [start] * len(name)
        ends += [end] * len(name)
        at = end
    out.append(text[at:])
    starts += range(at, len(text))
    ends += range(at + 1, len(text) + 1)
    return "".join(out), starts, [0] + ends


FIRST_YEAR = 1990  # a year written alone before it is a count, unless "in", "since" ... say it is a year
WHEN_BEFORE_RE = re.compile(r"\b(?:in|during|since|from|until|by|throughout)\s+$", re.IGNORECASE)
OF_THESE_RE = re.compile(r"\s+of\s+(?:these|those|them|which|the|its|their)\b", re.IGNORECASE)
PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|during|for|since|from|of|to|until|by|throughout|through)\s+$", re.IGNORECASE)


def _build(name: str, m: re.Match, reference: dt.date | None) -> Mention | None:
    g = m.groupdict()
    s, e = m.span()
    if name == "range":
        a, b = _point(m, "s"), _point(m, "e")
        if not a or not b or b[1] < a[0]:
            return None
        start, end = a[0], b[1]
        return Mention(s, e, "closed", Period(start, end, label_for(start, end)))
    if name.startswith("ea"):
        return _east_asian(name, g, s, e, reference)
    if name == "days":
        month = _month(g.get("m") or g["m2"])
        if g.get("mb") and _month(g["mb"]) != month:
            return None  # "December 1 to January 5": two months, read as such elsewhere
        y = int(g["y"])
        start, end = dt.date(y, month, int(g.get("da") or g["da2"])), dt.date(y, month, int(g.get("db") or g["db2"]))
        if end < start:
            return None
        return Mention(s, e, "closed", Period(start, end, label_for(start, end)))
    if name == "months":
        if g.get("d1b") and not g.get("d2b") and len(g["y"]) == 2 and m.string[m.start("y") - 1] not in "'’":
            return None  # "January 1 – June 30": a day, as the first month has one, not the year 2030
        y, m1, m2 = _year(g["y"]), _month(g["m1"]), _month(g["m2"])
        if m2 < m1:
            return None
        d1, d2 = g.get("d1") or g.get("d1b"), g.get("d2") or g.get("d2b")
        if not d1 and not d2:
            return Mention(s, e, "closed", span(y, m1, y, m2))
        start = dt.date(y, m1, int(d1 or 1))  # "between 1 July and 31 December 2017"
        end = dt.date(y, m2, int(d2)) if d2 else month_end(y, m2)
        return Mention(s, e, "closed", Period(start, end, label_for(start, end)))
    if name == "since":
        part = (g.get("part") or g.get("fpart") or "").lower()
        if g.get("fy"):
            g = {**g, "sy": g["fy"]}
        d = _date_from(m, "d")
        if d is None and g.get("nmm"):
            d = dt.date(int(g["nmy"]), _month(g["nmm"]), 1)
        if d is None:
            y = int(g["sy"])
            month = 1
            if part.startswith(("mid", "the middle", "the second half")):
                month = 7
            elif part.startswith("late") or part.startswith("the end"):
                month = 10
            d = dt.date(y, month, 1)
        return Mention(s, e, "since", since(d, reference))
    if name == "ytdyear":
        return Mention(s, e, "since", since(dt.date(int(g.get("y") or g["y2"]), 1, 1), reference))
    if name == "ytd":
        if reference is None:
            return Mention(s, e, "yearless", None)
        return Mention(s, e, "since", since(dt.date(reference.year, 1, 1), reference))
    if name == "half":
        h = int(g.get("h1") or g.get("h2") or g["h3"])
        y = _year(g.get("y1") or g.get("y2") or g["y3"])
        return Mention(s, e, "closed", span(y, 1 if h == 1 else 7, y, 6 if h == 1 else 12))
    if name in ("halfword", "yearhalf"):
        first = g["hw"].lower() in ("first", "1st", "front")
        y = int(g["y"])
        return Mention(s, e, "closed", span(y, 1 if first else 7, y, 6 if first else 12))
    if name == "quarters":
        y = _year(g["y"])
        qa = int(g["qn1"]) if g.get("qn1") else ORDINAL[g["qa"].lower()]
        qb = int(g["qn2"]) if g.get("qn2") else ORDINAL[g["qb"].lower()]
        return Mention(s, e, "closed", span(y, 3 * qa - 2, y, 3 * qb)) if qb > qa else None
    if name in ("quarter", "quarterword"):
        if name == "quarter":
            q = int(g.get("q1") or g.get("q2") or g["q3"])
            y = _year(g.get("y1") or g.get("y2") or g["y3"])
        else:
            w = (g["qw"] or "").lower()
            q = MONTHS[g["qm"].lower()[:3]] // 3 if g.get("qm") else 4 if w in ("last", "final") else ORDINAL[w]
            y = int(g["y"])
        return Mention(s, e, "closed", span(y, 3 * q - 2, y, 3 * q))
    if name == "date":
        d = _date_from(m, "x")
        return Mention(s, e, "closed", Period(d, d, f"{d:%-d %b %Y}")) if d else None
    if name == "month":
        y, mo = int(g["xmy"]), _month(g["xmm"])
        return Mention(s, e, "closed", span(y, mo, y, mo))
    if name == "year":
        y = int(g["y"])
        if OF_THESE_RE.match(m.string, e) and not PREPOSITION_BEFORE_RE.search(m.string, max(0, s - 12), s):
            return None  # a count of a whole said before: "1978 of these requests were related to different accounts"
        if y < FIRST_YEAR and not WHEN_BEFORE_RE.search(m.string, max(0, s - 12), s):
            return None  # a number before the web's years: "1907 сторінок, груп і акаунтів", "a takedown of 1907 assets"
        return Mention(s, e, "closed", span(y, 1, y, 12))
    if name == "partword":
        months = _part_months(_ordinal(g["ord"]), g["part"])
        y = int(g["y"])
        return Mention(s, e, "closed", span(y, months[0], y, months[1])) if months else None
    if name == "looseyear":
        y = int(g["y"])
        late = g["part"].lower().replace("the ", "").startswith(("late", "latter", "last"))
        return Mention(s, e, "closed", span(y, 7 if late else 1, y, 12 if late else 6))
    if name == "monthquarter":
        end, y = _month(g["m"] or g["m2"]), int(g["y"] or g["y2"])
        return Mention(s, e, "closed", span(y, end - 2, y, end)) if end % 3 == 0 else None
    if name == "nthmonth":
        month = _NTH[g["nth"].lower()]
        return Mention(s, e, "closed", span(int(g["y"]), month, int(g["y"]), month))
    if name in ("monthsof", "monthsto", "quartersof"):
        said = g.get("n") or g.get("n2") or g.get("n3")
        n = _count(said) if said else 1  # "the first month of 2022"
        if name == "quartersof":
            n *= 3
        y = int(g["y"])
        if name == "monthsto":
            end = _month(g["m"])
        else:
            edge = (g.get("edge") or g.get("edge2") or g["edge3"]).lower()
            end = n if edge in FIRST_EDGES else 12
        first = y * 12 + end - n  # months since year 0 of the first month
        return Mention(s, e, "closed", span(first // 12, first % 12 + 1, y, end))
    if name == "spanto":
        return Mention(s, e, "closed", _span_to(_point(m, "p")[1], g["unit"], g["n"]))
    if name == "yeartill":
        y, month = _year(g["y"]), _month(g["m"])
        start, end = dt.date(y, 1, 1), month_end(y, month)
        return Mention(s, e, "closed", Period(start, end, label_for(start, end)))
    if name == "asof":
        point = _point(m, "a")
        return Mention(s, e, "closed", as_of(point[1])) if point else None
    if name == "relasof":  # "as of the end of March": the latest March that had ended by the date
        if reference is None:
            return Mention(s, e, "yearless", None)
        month = _month(g["m"])
        year = reference.year if month_end(reference.year, month) <= reference else reference.year - 1
        return Mention(s, e, "closed", as_of(month_end(year, month)))
    if name in ("relquarter", "relhalf", "relpartword", "relmonths", "relmonthsof", "relmonthsto", "relyear"):
        return _relative(name, g, s, e, reference)
    if name in ("relsince", "relday"):
        if reference is None:  # no date to place it: not a period, nor its day a number
            return Mention(s, e, "yearless", None)
        month = _month(g.get("m") or g["m2"])
        day = int(g.get("da") or g.get("db") or 1)
        year = reference.year if dt.date(reference.year, month, 1) <= reference else reference.year - 1
        d = dt.date(year, month, day)  # (a 30 February raises: no period)
        if name == "relsince":
            return Mention(s, e, "since", since(d, reference))
        return Mention(s, e, "closed", Period(d, d, f"{d:%-d %b %Y}")) if d <= reference else Mention(s, e, "yearless", None)
    if name in ("previous", "current", "yearago", "wholeyear", "name"):
        return Mention(s, e, name, None)
    if name == "stamp":
        y, mo = int(g["sy"]), int(g["sm"])
        try:
            d = dt.date(y, mo, int(g["sd"])) if g.get("sd") else None
        except ValueError:
            return Mention(s, e, "invalid", None)
        return Mention(s, e, "stamp", Period(d, d, f"{d:%-d %b %Y}") if d else span(y, mo, y, mo))
    if name == "calendar":
        if reference is None:  # resolved by whoever knows the date (a question: today)
            return Mention(s, e, "relative", None)
        if g.get("which"):
            which, unit = g["which"].lower(), g["unit"].lower()
        else:
            which, unit = ("last" if g.get("last") else "this"), "year"
        period = relative_period(which, unit, reference)
        if which in ("this", "current") and unit in ("quarter", "half") and period.end > reference:
            # a document's "this quarter" counts what was done in it: the one that had ended by
            # its date (a report published in August is of the second quarter, not the third)
            period = relative_period("last", unit, reference)
        return Mention(s, e, "closed", period, dated=True)
    if name == "badpart":
        n, y = int(g["n1"] or g["n2"] or g["n3"]), int(g["y1"] or g["y2"] or g["y3"])
        limit = 2 if "h" in m.group(0).lower() else 4
        return Mention(s, e, "invalid", None) if not (1 <= n <= limit and MIN_YEAR <= y <= MAX_YEAR) else None
    if name == "duration":
        return Mention(s, e, "duration", Period(None, None, duration_label(m.group(0))))
    if name == "recent":  # placed by the reader of the document, which knows its dates
        return Mention(s, e, "recent", None)
    return None


def _part_months(ordinal: int, part: str) -> tuple[int, int] | None:
    """The first and last month of the ``ordinal``-th half or quarter ("zweiten Quartal": 4-6),
    the last one for LAST; None for a half past the second."""
    half = any(h in part.lower() for h in _HALF_PARTS)
    if ordinal == LAST:
        ordinal = 2 if half else 4
    if half:
        return ((1, 6) if ordinal == 1 else (7, 12)) if ordinal <= 2 else None
    return 3 * ordinal - 2, 3 * ordinal


_SPAN_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _span_to(end: dt.date, unit: str | None, n: str | None) -> Period:
    """The span of a week or of so many months ending on ``end``: whole calendar months when it is
    a month's last day ("the quarter ending 30 June 2020": Apr-Jun 2020), else from the day after
    the same day so many months before ("the month ending August 25, 2021": 26 Jul - 25 Aug 2021)."""
    if unit and unit.lower() == "week":
        start = end - dt.timedelta(days=6)
        return Period(start, end, label_for(start, end))
    months = _SPAN_MONTHS[unit.lower()] if unit else _count(n)
    if end == month_end(end.year, end.month):
        first = end.year * 12 + end.month - months  # months since year 0 of the first month
        return span(first // 12, first % 12 + 1, end.year, end.month)
    back = end.year * 12 + end.month - 1 - months
    year, month = back // 12, back % 12 + 1
    start = dt.date(year, month, min(end.day, calendar.monthrange(year, month)[1])) + dt.timedelta(days=1)
    return Period(start, end, label_for(start, end))


def _ordinal(word: str) -> int:
    """Which half or quarter an ordinal (or Indonesian's cardinal after its part) names."""
    word = word.lower()
    return FOREIGN_ORDINALS.get(word) or ID_CARDINALS[word]


def _count(word: str) -> int:
    """A number of months as written: "6" or "six"."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _relative(name: str, g: dict, s: int, e: int, reference: dt.date | None) -> Mention | None:
    """A period stated without its year, placed by the publication date: the latest one that
    had ended by then ("this year" and "last year" count from it)."""
    rel = (g.get("rel") or "").split()[0].lower() if g.get("rel") else "this" if g.get("relthis") else ""
    word = (g.get("qw") or g.get("hw") or "").lower()
    ordinal = _ordinal(g["ord"]) if name == "relpartword" else None
    if (word in ("last", "final", "latter", "back") or ordinal == LAST) and not (rel or g.get("ofy")):
        if reference is None:
            return Mention(s, e, "yearless", None)
        return None  # "the last quarter" is the one before the date ("relative"), not Q4
    if name == "relquarter":
        if g.get("qn"):
            q = int(g["qn"])
        elif g.get("qm"):
            q = MONTHS[g["qm"].lower()[:3]] // 3
        else:
            w = g["qw"].lower()
            q = 4 if w in ("last", "final") else ORDINAL[w]
        m1, m2 = 3 * q - 2, 3 * q
    elif name == "relpartword":  # "im zweiten Quartal", "no segundo semestre"
        months = _part_months(ordinal, g["part"])
        if months is None:
            return None
        m1, m2 = months
    elif name == "relhalf":
        first = g["hw"].lower() in ("first", "1st", "front")
        m1, m2 = (1, 6) if first else (7, 12)
    elif name == "relyear":  # "57 billion messages for the year"
        m1, m2 = 1, 12
    elif name == "relmonthsof":  # "the first three months of the year"
        n = _count(g.get("n") or g["n2"])
        first = (g.get("edge") or g["edge2"]).lower() in FIRST_EDGES
        m1, m2 = (1, n) if first else (13 - n, 12)
    elif name == "relmonthsto":  # "the six months ending in March"
        m2 = _month(g["m"])
        m1 = (m2 - _count(g["n"])) % 12 + 1
    else:
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        first, last = g.get("da") or g.get("db"), g.get("dc") or g.get("dd")
        if first and last and reference is not None and not rel:
            # "between June 26-July 25": those days, the latest such span that had ended by the date
            # (an Indian monthly report's month), not the two whole months
            end = dt.date(reference.year, m2, int(last))
            if end > reference:
                end = dt.date(reference.year - 1, m2, int(last))
            start = dt.date(end.year - (m2 < m1), m1, int(first))
            return Mention(s, e, "closed", Period(start, end, label_for(start, end))) if start <= end else None
    return _placed(s, e, m1, m2, "last" if rel in ("last", "the") else rel, reference)


def _placed(s: int, e: int, m1: int, m2: int, rel: str, reference: dt.date | None) -> Mention:
    """Months with no year ("between April and September", "上半年"), placed by the publication
    date: of its year ("this"), of the year before ("last"), else the latest that had ended."""
    if reference is None:  # a part of a year it does not name: its months, no year, and its words
        return Mention(s, e, "yearless", None, months=(m1, m2))  # are no number ("the first half of the year" is not 50%)
    if rel == "this":
        y = reference.year
    elif rel == "last":
        y = reference.year - 1
    else:
        return Mention(s, e, "closed", latest_months((m1, m2), reference))
    # "from October to March" runs over a new year: it ends in the year found, starts the year before
    return Mention(s, e, "closed", span(y - (m2 < m1), m1, y, m2))


def latest_months(months: tuple[int, int], reference: dt.date) -> Period:
    """Months with no year ("April", "between October and March"): the latest that had ended by
    ``reference``."""
    m1, m2 = months
    y = reference.year if month_end(reference.year, m2) <= reference else reference.year - 1
    return span(y - (m2 < m1), m1, y, m2)


def _east_asian(name: str, g: dict, s: int, e: int, reference: dt.date | None) -> Mention | None:
    """A period as Chinese, Japanese and Korean write it (see PATTERNS)."""
    if g.get("half"):
        m1, m2 = (1, 6) if g["half"][0] in "상上" else (7, 12)
    elif g.get("q"):
        q = "一二三四".find(g["q"]) + 1 or int(g["q"])
        m1, m2 = 3 * q - 2, 3 * q
    elif g.get("m1") or g.get("m1b"):  # (a range may write its first month's sign only once: "2018年7-12月")
        m1, m2 = int(g.get("m1") or g["m1b"]), int(g["m2"])
    elif g.get("m"):
        m1 = m2 = int(g["m"])
    else:
        m1, m2 = 1, 12
    if g.get("y"):
        y = int(g["y"])
        if g.get("day"):
            d = dt.date(y, m1, int(re.sub(r"\D", "", g["day"])))
            return Mention(s, e, "closed", Period(d, d, label_for(d, d)))
        y2 = int(g["y2"]) if g.get("y2") else y + (m2 < m1)
        return Mention(s, e, "closed", span(y, m1, y2, m2))
    rel = g.get("earel")
    return _placed(s, e, m1, m2, ("last" if rel in _EA_LAST else "this") if rel else "", reference)


# a month right after a count, with no year: "peaking at 65,103 in December", "173 em janeiro"
_MONTH_AFTER_RE = re.compile(rf"\s+(?:in|during|throughout|em|en|im|nel|a|pada)\s+(?:the\s+month\s+of\s+)?{_m('m')}"
                             r"(?![\w/])(?!\s*,?\s*'?[0-9])", re.IGNORECASE)


def month_after(text: str, at: int, end: int | None = None) -> int | None:
    """The month ("in December", "em janeiro") named, with no year, right at ``at`` (after a
    number), or, with ``end``, anywhere up to it ("removed 61,114 pieces of content based on those
    complaints in November"); None when there is none."""
    m = _MONTH_AFTER_RE.match(text, at) if end is None else _MONTH_AFTER_RE.search(text, at, end)
    return _month(m.group("m")) if m else None


def only_month(text: str) -> int | None:
    """The one month a sentence names with no year ("... in November, while 3,75,468 pieces of
    content were removed as a result of automated detection"), or None (none, or several)."""
    months = {_month(m.group("m")) for m in _MONTH_AFTER_RE.finditer(text)}
    return months.pop() if len(months) == 1 else None


# ... and named before it, opening its sentence, with no year and no other number between: "In
# February, 4,597,400 accounts faced bans", "Lastly, March witnessed 4,715,906 accounts being banned"
_MONTH_BEFORE_RE = re.compile(rf"\W*(?:[^\W\d]+,\s+)?(?:(?:in|during|for|throughout|em|en|im|nel|a|pada)\s+(?:the\s+month\s+of\s+)?)?{_m('m')}"
                              r"(?![\w/])[^\d]{0,40}$", re.IGNORECASE)


def month_before(text: str, at: int) -> int | None:
    """The month that opens the sentence ``text``, with no year, when the number at ``at`` is its
    first; None when there is none."""
    m = _MONTH_BEFORE_RE.match(text, 0, at)
    if m is None or not text[m.end("m") : at].strip(" ."):
        return None  # "Sunday, July 25", "Paris, May 16:": the day of a date
    return _month(m.group("m"))


# a day of a month with no year ("Sunday, July 25", "Paris, May 16:", "on March 23", "Feb 24 '20"): a
# date, never a count ("September 4 Millioune Videoen" is four million videos)
DAY_OF_MONTH_RE = re.compile(rf"\b(?=[A-Z])(?i:{_ENGLISH_MON})\.?\s+(?P<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
                             r"(?![0-9]|[.,][0-9]|\s*(?:[mMbB]il|[mMbB]n\b|[kK]\b|%|[pP]er))")


def without_periods(text: str) -> str:
    """The text with every period it states taken out ("2% of appeals in Q1 and 0.6% in Q2": "2% of
    appeals in  and 0.6% in "): what it says besides when."""
    at, kept = 0, []
    for m in find_periods(text):
        kept.append(text[at : m.start])
        at = m.end
    return " ".join(kept) + " " + text[at:]


def find_periods(text: str, reference: dt.date | None = None) -> list[Mention]:
    """Every period expression in ``text``, left to right, the longest where they overlap. An
    expression that cannot be a period ("Feb 30, 2017", "Q5 2017", "H2 1850") is a mention of
    kind "invalid" (no period), so neither its year nor its day is read as anything else."""
    english = _in_english(text)
    read = english[0] if english else text
    patterns = PATTERNS + _east_asian_patterns() if not text.isascii() and EAST_ASIAN_RE.search(text) else PATTERNS
    found: list[Mention] = []
    for name, rx in patterns:
        for m in rx.finditer(read):
            try:
                mention = _build(name, m, reference)
            except ValueError:  # an impossible date: no such day, month or year
                mention = Mention(m.start(), m.end(), "invalid", None)
            if mention:
                found.append(mention)
    if english:  # where each was in the text as written
        _, starts, ends = english
        found = [replace(f, start=starts[f.start], end=ends[f.end]) for f in found]
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    chosen: list[Mention] = []
    for mention in found:
        if chosen and mention.start < chosen[-1].end:
            continue
        chosen.append(mention)
    return chosen
