"""Numbers as prose states them: 274,460 · 1.2 million · 93 percent · an 8.4 percent decrease ·
three-quarters · less than one percent · at least 125,000 · over 270,000 · twice as many ·
a 4X increase · tenfold.

``find_quantities(text)`` returns each with its qualifier (kept, never dropped), its kind
(count, percent, change or multiple) and its span. Deciding whether a number is a moderation figure is
the reader's job; this module only reads numbers, and refuses the shapes that are not counts:
phone numbers, money, ratios like 2863/hr, numbers glued to words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from store import cldr
from store.scripts import CJK, HANGUL, LETTERS, UNSPACED, UNSPACED_RE
from store.tries import words_re

# A word joining two numbers' phrases ("and", "but", "while" in the languages read): the words
# after it are the second number's, not the first's ("1337 ban appeals were made but WhatsApp
# took action against only 191", "88,3 persen konten narkoba dan 69,9 persen konten senjata api")
JOIN_RE = re.compile(r"\s(?:and|but|while|whereas|und|aber|während|et|mais|tandis\s+que|y|pero|mientras|e|mas|enquanto"
                     r"|ma|mentre|dan|tapi|tetapi|sedangkan|namun)\s", re.IGNORECASE)


def joined_at(text: str, start: int, end: int) -> int | None:
    """Where the words of a number at ``end`` begin, when a word joining it to what comes before
    lies in ``text[start:end]``: just after the last such word; None when there is none."""
    joins = [m.end() for m in JOIN_RE.finditer(text, start, end)]
    return joins[-1] if joins else None


ASIDE_OPEN_RE = re.compile(r"[^\S\n]*\([^\S\n]*")
ASIDE_CLOSE_RE = re.compile(r"[^\S\n]*\)")


def aside_after(text: str, found: list["Quantity"], i: int) -> int | None:
    """Where a number in brackets right after ``found[i]`` ends ("10.5 million (39%) reports were
    issued regarding conduct": just after "(39%)"), so that the words after it are still read as
    the first number's; None when no such aside follows it."""
    if i + 1 >= len(found) or not ASIDE_OPEN_RE.fullmatch(text, found[i].end, found[i + 1].start):
        return None
    close = ASIDE_CLOSE_RE.match(text, found[i + 1].end)
    if close is None or JOIN_RE.match(text, close.end()):
        return None  # "2.43 million (34%) and incidents of content removal only were 196,000": the next one's words
    return close.end()


def without_aside(text: str, found: list["Quantity"], i: int) -> str:
    """``text`` with the bracketed number right after ``found[i]`` blanked (same length)."""
    end = aside_after(text, found, i)
    return text if end is None else text[: found[i].end] + " " * (end - found[i].end) + text[end:]

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100, "one hundred": 100, "a dozen": 12, "a thousand": 1000,
    "half a": 0.5,  # "half a million"
} | {  # two to twelve in French, German, Spanish, Portuguese, Italian ("trois milliards", "sechs Millionen")
    w: i + 2
    for names in ("deux trois quatre cinq six sept huit neuf dix onze douze",
                  "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
                  "dos tres cuatro cinco seis siete ocho nueve diez once doce",
                  "dois três quatro cinco seis sete oito nove dez onze doze",
                  "due tre quattro cinque sei sette otto nove dieci undici dodici")
    for i, w in enumerate(names.split())
} | {"duas": 2}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
FRACTIONS = {
    "three-quarters": 75, "three quarters": 75, "two-thirds": 66.7, "two thirds": 66.7,
    "one-third": 33.3, "one third": 33.3, "a third": 33.3, "one-quarter": 25, "one quarter": 25,
    "a quarter": 25, "one-half": 50, "one half": 50, "a half": 50, "half": 50, "a fifth": 20,
    "one-fifth": 20, "one fifth": 20, "a tenth": 10,
}
QUALIFIERS = (
    "more than", "at least", "less than", "fewer than", "up to", "close to", "as many as",
    "upwards of", "just over", "just under", "in excess of", "an estimated", "over", "under",
    "roughly", "about", "around", "approximately", "nearly", "almost", "some", "only",
)
# the same qualifiers as French, German, Spanish and Portuguese say them, read as their English
FOREIGN_QUALIFIERS = {
    "plus de": "more than", "mehr als": "more than", "más de": "more than", "mais de": "more than",
    "über": "over", "moins de": "less than", "weniger als": "less than", "menos de": "less than",
    "près de": "nearly", "presque": "nearly", "fast": "nearly", "knapp": "nearly", "casi": "nearly", "quase": "nearly",
    "environ": "about", "rund": "about", "etwa": "about", "cerca de": "about", "alrededor de": "about",
    "aproximadamente": "about", "au moins": "at least", "mindestens": "at least", "al menos": "at least",
    "pelo menos": "at least", "pas moins de": "at least", "nicht weniger als": "at least", "no menos de": "at least",
    "não menos de": "at least",
    "oltre": "over", "più di": "more than", "meno di": "less than", "quasi": "nearly", "circa": "about",
    "almeno": "at least",
}
DECREASE = ("decrease", "drop", "decline", "fall", "reduction", "down", "fell", "dropped", "declined", "decreased", "lower",
            "fallen", "falls", "decreases", "declines", "drops", "plunged", "plummeted", "dipped", "shrank", "shrunk")
INCREASE = ("increase", "rise", "jump", "growth", "up", "rose", "increased", "grew", "climbed", "jumped", "higher",
            "risen", "rises", "increases", "grown", "grows", "surged", "soared", "spiked")
# ... and as the lexicon's other languages say them ("une hausse de 60%", "um 40 Prozent gestiegen",
# "um aumento de 25%", "kenaikan sebesar 10%")
DECREASE += ("baisse", "diminution", "diminué", "recul", "rückgang", "gesunken", "zurückgegangen", "abgenommen",
             "caída", "disminución", "disminuyó", "caiu", "diminuiu", "redução", "penurunan", "menurun", "turun")
INCREASE += ("hausse", "augmentation", "augmenté", "progression", "anstieg", "zuwachs", "zunahme", "gestiegen",
             "zugenommen", "aumento", "aumentó", "aumentou", "crecimiento", "cresceu", "kenaikan", "meningkat", "naik")
# ... and Arabic: "زيادة ب60 بالمائة" (a rise of 60%), "تراجع بنسبة 37 بالمائة", "13 بالمائة أقل"
DECREASE += ("تراجع", "تراجعت", "انخفاض", "بانخفاض", "انخفض", "انخفضت", "أقل")
INCREASE += ("زيادة", "بزيادة", "زادت", "زاد", "ارتفاع", "بارتفاع", "ارتفع", "ارتفعت")
# ... and the other languages documents come in: Italian ("in aumento del 30%"), Dutch, Russian
# ("выросло на 30%"), Polish ("wzrost o 30%"), Turkish ("yüzde 40 arttı"), Vietnamese, Hindi
DECREASE += ("calo", "diminuzione", "diminuito", "diminuita", "diminuiti", "calato", "calata", "riduzione", "ridotto",
             "daling", "gedaald", "afname", "afgenomen", "снижение", "снизилось", "снизилась", "снизились", "сократилось",
             "сократилась", "сократились", "сокращение", "уменьшилось", "уменьшилась", "уменьшились", "падение",
             "spadek", "spadła", "spadło", "spadł", "spadły", "azalma", "azaldı", "düşüş", "düştü", "giảm", "गिरावट", "कमी")
INCREASE += ("crescita", "cresciuto", "cresciuta", "cresciuti", "aumentato", "aumentata", "aumentati", "incremento",
             "stijging", "gestegen", "toename", "toegenomen", "рост", "выросло", "выросла", "выросли", "вырос",
             "увеличилось", "увеличилась", "увеличились", "увеличение", "wzrost", "wzrosła", "wzrosło", "wzrósł", "wzrosły",
             "artış", "arttı", "tăng", "वृद्धि", "बढ़ोतरी")
# ... and Chinese, Japanese and Korean, written against the number ("前期比10%増", "40% 감소했다", "增长了10%")
EAST_ASIAN_DECREASE = ("감소", "줄었", "減少", "減", "减少", "下降", "下滑")
EAST_ASIAN_INCREASE = ("증가", "늘었", "増加", "増", "增加", "增长", "上升")
DECREASE += EAST_ASIAN_DECREASE
INCREASE += EAST_ASIAN_INCREASE

_QUAL = (r"(?P<qual>(?:a\s+total\s+(?:of\s+)?)?(?:"
         + "|".join(q.replace(" ", r"\s+") for q in sorted((*QUALIFIERS, *FOREIGN_QUALIFIERS), key=len, reverse=True))
         + r")\s+)?")
_WORDNUM = "|".join(sorted((w.replace(" ", r"\s+") for w in WORDS), key=len, reverse=True))
_FRAC = "|".join(sorted((f.replace(" ", r"\s+") for f in FRACTIONS), key=len, reverse=True))
# Scales and percent as French, German, Spanish and Portuguese write them, and their number
# forms: 104.543.719 and 100.000 (dots between thousands), 376 890 (spaces), 1,2 million (a
# decimal comma before a scale or percent).
_EU_SCALE = (r"milliards?|milliarden|mrd\.?|millionen|mio\.?|millones|mill[oó]n|milh[õo]es|milh[ãa]o|bilh[õo]es|bilh[ãa]o"
             r"|milion[ei]|miliard[io]"  # Italian
             r"|mil\s+millones|mil|juta|miliar|ribu"  # "458 mil" (thousand); Indonesian: 22,4 juta
             r"|milyong?|bilyong?|lakhs?|crores?"  # Filipino (2.2 bilyong), Indian English (5 lakh, 2 crore)
             r"|milyar(?:dan|ın|ı|a|lık)?|milyon(?:dan|un|u|a|luk)?"  # Turkish (4,2 milyon; "6,2 milyondan fazla": over 6.2 million)
             r"|mln\.?|mld\.?|tys\.|milion(?:ów|y|a)|miliard(?:ów|y|a)"  # Polish, Dutch, Italian abbreviations (49 mln)
             r"|млн\.?|млрд\.?|тыс\.|миллион(?:а|ов)?|миллиард(?:а|ов)?|тысяч[аи]?"  # Russian (2,04 млн)
             r"|లక్షల|లక్షలు|లక్ష|కోట్ల|కోట్లు"  # Telugu lakh and crore (23.28 లక్షల)
             r"|लाख|करोड़|करोड़|हज़ार|हजार|मिलियन|बिलियन"  # Hindi lakh, crore (with the nukta or as two characters), thousand, million, billion
             r"|مليارا?|ملايين|مليونا?|آلاف|[أا]لفًا|[أا]لفا|[أا]لف")  # Arabic: billion, million(s), thousand(s)
_EU_PCT = r"pour\s+cent|prozent|por\s+ciento|por\s+cento|per\s+cento|persen|(?:ب|في\s+)ال(?:مائة|مئة)"
# ... and in Dutch, Polish, Czech, Swedish, Danish, Norwegian, Finnish, Hungarian, Romanian, Croatian, Greek,
# Russian, Ukrainian, Vietnamese, Hindi, Bengali and Urdu, as whole words ("473 prosenttia enemmän": 473% more)
_MORE_PCT = (r"(?:procent|procenta|procente|prosent|prosenttia|prosentti|százalék(?:kal|a|ot)?|la\s+sută|posto|τοις\s+εκατό"
             r"|процент(?:а|ов)?|відсот(?:ок|ки|ків)|phần\s+trăm|प्रतिशत|फ़ीसदी|फीसदी|শতাংশ|فیصد)(?!\w)")
# Chinese and Japanese write their scales glued to the number and the word after it ("9140万件": 91.4 million),
# and the number glued to the word before it ("動画全体の1%"); Korean glues its counters ("4345건")
_CJK_SCALE = r"万|萬|億|亿"
# ... and a number of ten-thousands and its rest, as Chinese, Japanese and Korean write it: "1億2000万件"
# (120 million), "3853만3533건" (38,533,533), "6만6224개", and its thousands by their own sign ("6万9千": 69,000;
# "2만4천845건": 24,845; "1만 5천305건"; with no ten-thousands, "8천405건": 8,405)
EAST_ASIAN_NUMBER_RE = re.compile(r"(?<![0-9.,])(?:(?P<hm>[0-9]+(?:\.[0-9]+)?)[^\S\n]?(?:億|亿|억)(?:(?P<tt>[0-9]{1,4})(?:万|萬|만))?"
                           r"|(?P<t>[0-9]+(?:\.[0-9]+)?)[^\S\n]?(?:万|萬|만)|(?P<th0>[1-9])(?:千|천)(?!千|천|万|萬|만|億|亿|억))"
                           r"(?:(?:[^\S\n]?(?P<th>[1-9])(?:千|천)(?P<r3>[0-9]{1,3})?|(?P<rest>[0-9]{1,4})"
                           # ... and its rest written apart, in its own digits, before the word it counts
                           # ("19만 6,878개의 계정": 196,878 accounts; not "3만 2020년", a year)
                           rf"|(?<=[万萬만])[^\S\n](?P<apart>[0-9],[0-9]{{3}}|[0-9]{{1,4}})(?=[{CJK}{HANGUL}])(?![年년月월日일]))(?![0-9.,%]))?(?![0-9%])")
# Korean writes its words apart: a number glued to the syllable before it is part of a name ("코로나19":
# COVID-19), unless that syllable is a scale of its own ("6만1734": read whole, by EAST_ASIAN_NUMBER_RE)
_KOREAN_SCALE = "만억천조"
PCT_BEFORE_RE = re.compile(r"(?:\byüzde\s+|(?<![\w%])%)$", re.IGNORECASE)
_PCT = rf"(?:\s*(?P<pct>\+?%|percent\b|per\s*cent\b|pct\b|{_EU_PCT}\b|{_MORE_PCT}))?"


_ENGLISH_SCALE = "thousand|million|billion|mn|bn|k|m|millions"


def _quantity_pattern(scales: str) -> re.Pattern:
    """A number as prose states it, its scale one of ``scales`` (a regex) or an English one."""
    euro = (
        # one dot group before a word, or ending a sentence, clause or bracket ("lag bei 125.000.",
        # "restableció 23.000, al", "gefolgt von Indien (827.000)")
        rf"(?P<edot>[0-9]{{1,3}}(?:\.[0-9]{{3}}){{2,}}|[0-9]{{1,3}}\.[0-9]{{3}}(?=\s+[^\W\d])|[1-9][0-9]{{0,2}}\.[0-9]{{3}}(?=[.,;!?]?[)\]]|[.,;!?](?:\s|$)|[^\S\n]*(?:\n|$)))"
        # ... or spaces, or as Switzerland writes it, apostrophes ("34'605 Häuser", "1’234’567")
        rf"|(?P<espace>[0-9]{{1,3}}(?:[\u00a0\u202f][0-9]{{3}})+|[0-9]{{1,3}}(?: [0-9]{{3}})+(?= [^\W\d])|[0-9]{{1,3}}(?:['’][0-9]{{3}})+(?![0-9]))"
        rf"|(?P<ecomma>[0-9]+,[0-9]{{1,2}}(?=\s*(?:million|billion|{scales}|%|{_EU_PCT}|{_MORE_PCT}))"
        # ... and before a scale of a language writing decimal commas, three decimals too: "44,085 млн" (44.085 million)
        rf"|[0-9]{{1,3}},[0-9]{{3}}(?=\s*(?:{scales})(?![\w]))"
        # ... and after a percent said first, as Turkish says it ("yüzde 8,7'si", "%8,7")
        rf"|(?:(?<=yüzde\s)|(?<=%))[0-9]+,[0-9]{{1,2}}(?![0-9]))"
    )
    # a count a scraper glued to its noun ("51,505videos") is still read: thousands, then a word; Indian
    # grouping ("10,08,000": ten lakh eight thousand), and a space a scraper put after the comma ("made 34, 946
    # requests") before a word
    number = rf"(?P<num>(?<![^\W\u0621-\u064a{CJK}{HANGUL}]|[$£€.,/+-])(?:(?<![{HANGUL}])|(?<=[{_KOREAN_SCALE}]))(?:{euro}|[0-9]{{1,2}}(?:,[0-9]{{2}})+,[0-9]{{3}}(?![0-9])|(?<![0-9], )[0-9]{{1,3}}, [0-9]{{3}}(?![0-9]|,\s?[0-9])(?=\s+[^\W\d])|[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?!(?!(?:k|m|mn|bn)\b|(?<=,[0-9]{{3}})[a-z]{{4}}|{_CJK_SCALE}|[{CJK}{HANGUL}])[\w/]|[.,-][0-9])|\b(?:{_WORDNUM})\b)"
    scale = rf"(?:\s*(?P<scale>{_ENGLISH_SCALE}|{scales})(?:(?<=[{UNSPACED}])|(?![\w]))|(?P<cjk>{_CJK_SCALE}))?"
    return re.compile(rf"{_QUAL}(?:(?P<frac>\b(?:{_FRAC}))(?=\s+of\b)|{number}{scale}{_PCT})", re.IGNORECASE)


QUANTITY_RE = _quantity_pattern(_EU_SCALE)
# ... and every other language's scales, as the Unicode CLDR writes them ("13,6 millioner", "18,5 εκατομμύρια",
# "2 کروڑ": store/number_scales.json, see store.cldr): a pattern of them all takes 30 ms to compile, so it is
# compiled the first time a text has one after a number
_CLDR_SCALES = cldr.scales()
WORD_AFTER_NUMBER_RE = re.compile(rf"[0-9][^\S\n]?({LETTERS})(?:[^\S\n]+({LETTERS}))?")


@lru_cache(maxsize=1)
def _cldr_only() -> dict[str, float]:
    """The CLDR's scale words that QUANTITY_RE does not read."""
    known = re.compile(rf"(?:{_ENGLISH_SCALE}|{_EU_SCALE})", re.IGNORECASE)
    return {w: v for w, v in _CLDR_SCALES.items() if not known.fullmatch(w)}


@lru_cache(maxsize=1)
def _cldr_quantity_re() -> re.Pattern:
    return _quantity_pattern(_EU_SCALE + "|" + words_re(_cldr_only()))


def _quantities_re(text: str) -> re.Pattern:
    """QUANTITY_RE, or the pattern that reads every language's scales for a text that writes one of
    the others after a number."""
    only = _cldr_only()
    for m in WORD_AFTER_NUMBER_RE.finditer(text):
        words = [w.lower() for w in m.groups() if w]
        said = [words[0], " ".join(words)]
        if UNSPACED_RE.match(words[0]):  # glued to the next word: any beginning of it
            said += [words[0][:i] for i in range(1, len(words[0]))]
        if any(w in only for w in said):
            return _cldr_quantity_re()
    return QUANTITY_RE


# ... and as the lexicon's other languages say it: "un 60% más que en el período anterior", "60% de plus
# que", "60 Prozent mehr als", "60% a mais que", "60% in più rispetto al"
COMPARED_AFTER_RE = re.compile(r"\s+(?P<w>less|fewer|more|más|menos|mais|de\s+plus|de\s+moins|mehr|weniger|in\s+più|in\s+meno)\s+"
                               r"(?:[^\W\d_]+\s+){0,2}?(?:than|que|qu['’]|als|rispetto)\b", re.IGNORECASE)
# ... or, in English, before what there was more of: "41% more accounts subject to actions"
MORE_OF_AFTER_RE = re.compile(r"\s+(?P<w>more|fewer|less)\s+(?!of\b|than\b|likely\b)(?=[^\W\d_]{3,})", re.IGNORECASE)
FEWER = ("less", "fewer", "menos", "de moins", "weniger", "in meno")
_EAST_ASIAN_CHANGE = "|".join(EAST_ASIAN_DECREASE + EAST_ASIAN_INCREASE)
_WORD_CHANGE = "|".join(w for w in DECREASE + INCREASE if w not in {*EAST_ASIAN_DECREASE, *EAST_ASIAN_INCREASE})
CHANGE_AFTER_RE = re.compile(rf"(?:\s+(?P<w>{_WORD_CHANGE})\b|\s*(?P<ea>{_EAST_ASIAN_CHANGE}))", re.IGNORECASE)
CHANGE_BEFORE_RE = re.compile(
    rf"(?:\b(?P<w>{_WORD_CHANGE})(?:\s+(?:est\s+|ist\s+|es\s+|é\s+)?"
    r"(?:by|of|de|du|um|von|en|un|del|di|da|do|na|на|o|sebesar|بنسبة|قدره|قدرها))?\s+ب?"
    rf"|(?P<ea>{_EAST_ASIAN_CHANGE})了?\s*)$",
    re.IGNORECASE
)
# "made up 33% of the total", "takes up 40%": a share, not a rise
SHARE_UP_RE = re.compile(r"\b(?:make|makes|made|making|take|takes|took|taking)\s+$", re.IGNORECASE)
# Shapes that hold digits but are not counts: phone numbers ("+40.0757.104.166",
# "(555) 123-4567", "+1 415 555 0100") and amounts of money ("5 million dollars", "USD 5,000").
PHONE_RE = re.compile(
    r"(?<![\w.,])(?:\+[0-9]{1,3}[\s.-]?)?(?:\([0-9]{1,4}\)\s?)?[0-9]{1,4}(?:[\s.-][0-9]{2,4}){2,}(?![\w.,][0-9])"
    r"|(?<![\w.,])\([0-9]{1,4}\)\s?[0-9]{2,4}[\s.-][0-9]{2,4}(?!\w)"
)
# a time of day ("14:48 UTC", "06:18 PM", "22:36:22"): its numbers count nothing
TIME_RE = re.compile(r"(?<![\d.,:])[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?(?![\d.,:]?[0-9])")
MONEY_AFTER_RE = re.compile(
    r"\s*(?:dollars?|euros?|pounds?(?:\s+sterling)?|yen|yuan|rupees?|usd|eur|gbp|inr)\b", re.IGNORECASE
)
MONEY_BEFORE_RE = re.compile(r"(?:\b(?:usd|eur|gbp|inr|rs\.?)|[$£€¥₹])\s*$", re.IGNORECASE)


# A multiple of another number: "twice as many", "double the", "tripled", "tenfold", "a 3-fold
# increase", "5x more", "a 4X increase", "four times the number" ("viewed 193 times" and "twice a
# year" are no multiples: "times" and "twice" need a comparison after them)
_MULT_WORDS = {"twice": 2, "double": 2, "doubled": 2, "doubling": 2, "triple": 3, "tripled": 3, "tripling": 3,
               "quadruple": 4, "quadrupled": 4}
_FOLD_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
               "twenty": 20, "hundred": 100}
_MULT_N = r"[0-9]+(?:\.[0-9]+)?|" + _WORDNUM
_COMPARED = (r"(?:more|less|fewer|as\s+(?:many|much|large|high|big|likely)|the|that|those|its|their|larger|higher|bigger"
             r"|greater|increase|increased|rise|jump|growth|surge|from|over|compared|than)\b")
MULTIPLE_HINT_RE = re.compile(r"twice|doubl|tripl|quadrupl|fold\b|times\b|[0-9]\s?[x×]\b", re.IGNORECASE)
MULTIPLE_RE = re.compile(
    rf"(?:(?P<word>twice|double|triple|quadruple)(?=\s+{_COMPARED})|(?P<verb>doubled|doubling|tripled|tripling|quadrupled)\b"
    rf"|\b(?P<fold>[0-9]+(?:\.[0-9]+)?|{'|'.join(_FOLD_WORDS)})[-\s]?fold\b"
    rf"|\b(?P<x>[0-9]+(?:\.[0-9]+)?)\s?[x×](?=\s+{_COMPARED})"
    rf"|\b(?P<times>{_MULT_N})\s+times(?=\s+{_COMPARED}))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    start: int  # span of the whole expression, qualifier included
    end: int
    value: float
    kind: str  # "count", "percent", "change" or "multiple" ("twice as many": 2)
    qualifier: str | None
    text: str


def _value(m: re.Match) -> float | None:
    if m.group("frac"):
        return float(FRACTIONS[re.sub(r"\s+", " ", m.group("frac").lower())])
    raw = m.group("num").lower()
    raw = re.sub(r"\s+", " ", raw)
    if raw in WORDS:
        value = float(WORDS[raw])
    elif m.group("ecomma"):
        digits = raw.replace(",", ".")
    elif m.group("edot") and raw.count(".") == 1 and (m.group("scale") or "").lower() in SCALES:
        digits = raw  # "7.126 million" is English: a decimal point before an English scale
    elif m.group("edot") or m.group("espace"):
        digits = re.sub(r"[.\s\u00a0\u202f'’]", "", raw)
    else:
        digits = raw.replace(",", "").replace(" ", "")  # "34, 946 requests": a scraper's space in a number
    if raw not in WORDS:
        if len(digits) > 1 and digits[0] == "0" and "." not in digits:
            return None  # 069717726: a phone number, not a count
        if len(digits.split(".")[0]) > 12:
            return None
        value = float(digits)
    scale = (m.group("scale") or "").lower()
    if scale:  # "8,2 milhões" is 8,200,000, not 8,199,999.999999999
        value = float(f"{value * _scale(scale):.12g}")
    elif m.group("cjk"):
        value = float(f"{value * (1e4 if m.group('cjk') in '万萬' else 1e8):.12g}")
    return value


def _scale(word: str) -> float:
    word = re.sub(r"\s+", " ", word.rstrip("."))
    if word in SCALES:
        return SCALES[word]
    if word.startswith(("milliard", "mrd", "bilh", "mil millones", "miliar", "bilyon", "milyar")):
        return 1e9
    if word in ("ribu", "mil", "tys", "тыс") or word.startswith(("ألف", "الف", "آلاف", "тысяч")):
        return 1e3
    if word.startswith(("mld", "miliard", "млрд", "миллиард")):
        return 1e9
    if word.startswith(("లక్ష", "కోట్", "लाख", "करो")):
        return 1e5 if word.startswith(("లక్ష", "लाख")) else 1e7
    if word.startswith(("हज़ार", "हजार")):
        return 1e3
    if word.startswith(("مليار", "बिलियन")):
        return 1e9
    if word.startswith("lakh"):
        return 1e5
    if word.startswith("crore"):
        return 1e7
    if word in _CLDR_SCALES:
        return _CLDR_SCALES[word]
    return 1e6  # millions, Millionen, Mio, millones, millón, milhões, milhão


# digits of other scripts (Arabic-Indic ٢٧٤, Devanagari २७४, ...) and the Arabic thousands and
# decimal separators: read as the ASCII ones, one character for one, so offsets stay the text's
OTHER_DIGIT_RE = re.compile(r"(?![0-9])\d|[\u066b\u066c]")
_SEPARATORS = {"\u066c": ",", "\u066b": "."}


def ascii_digits(text: str) -> str:
    """``text`` with every digit written as an ASCII digit (same length)."""
    if text.isascii() or not OTHER_DIGIT_RE.search(text):
        return text
    return OTHER_DIGIT_RE.sub(lambda m: _SEPARATORS.get(m.group()) or str(unicodedata.decimal(m.group())), text)


# a qualifier just before a multiple ("more than four times", "almost tenfold")
QUAL_BEFORE_RE = re.compile(r"(?<![\w-])" + _QUAL.removesuffix("?") + "$", re.IGNORECASE)


def _qualifier(qual: str | None) -> str | None:
    """A qualifier as written ("A total over", "plus de") in its English form ("over", "more than")."""
    if not qual:
        return None
    qualifier = re.sub(r"\s+", " ", re.sub(r"^a\s+total\s+(?:of\s+)?", "", qual.strip().lower()))
    return FOREIGN_QUALIFIERS.get(qualifier, qualifier) or None


def _multiples(text: str, original: str) -> list[Quantity]:
    if not MULTIPLE_HINT_RE.search(text):  # most sentences state none: one cheap look
        return []
    out = []
    for m in MULTIPLE_RE.finditer(text):
        word = (m.group("word") or m.group("verb") or "").lower()
        n = m.group("fold") or m.group("x") or m.group("times")
        if word:
            value = float(_MULT_WORDS[word])
        else:
            n = re.sub(r"\s+", " ", n.lower())
            value = float(_FOLD_WORDS.get(n) or WORDS.get(n) or n)
        before = QUAL_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        start = before.start("qual") if before else m.start()
        out.append(Quantity(start, m.end(), value, "multiple", _qualifier(before and before.group("qual")),
                            original[start:m.end()]))
    return out


# thousands of millions as the Spanish and Portuguese press write them: "tres mil 200 millones"
# (3,200 million), "cinco mil 400 millones"
THOUSANDS_OF_MILLIONS_RE = re.compile(
    rf"(?<![\w.,])(?P<thou>[0-9]{{1,3}}|{_WORDNUM})\s+mil\s+(?P<rest>[0-9]{{1,3}})\s+(?:millones|milh[õo]es)(?![\w])",
    re.IGNORECASE)
# ... and thousands and units in Arabic: "376 ألفًا و890" (376,890)
ARABIC_THOUSANDS_RE = re.compile(r"(?<![\w.,])(?P<thou>[0-9]{1,3})\s+(?:[أا]لف|آلاف)\S*\s+و\s*(?P<rest>[0-9]{1,3})(?![0-9])")
# ... and millions, thousands and units as the Mexican press writes them: "3 millones, 136 mil 897"
# (3,136,897), "un millón 857 mil 403", "857 mil 403" (not "tres mil 200 millones", above)
SPANISH_THOUSANDS_RE = re.compile(
    r"(?<![\w.,])(?:(?P<mill>[0-9]{1,3}|un)\s+mill(?:ón|on|ones),?\s+)?(?P<thou>[0-9]{1,3})\s+mil\s+(?P<rest>[0-9]{1,3})"
    r"(?![0-9.,]|\s+(?:millones|milh[õo]es))", re.IGNORECASE)
# ... and in Turkish: "86 bin 314" (86,314), "166 bin" (166,000)
TURKISH_THOUSANDS_RE = re.compile(r"(?<![\w.,])(?P<thou>[0-9]{1,3})\s+bin(?:\s+(?P<rest>[0-9]{1,3})(?![0-9.,])|(?![^\W\d_]))")
# Turkish says "more than" after the number, its scale in the ablative: "6,2 milyondan fazla", "1.000'den fazla"
TURKISH_MORE_RE = re.compile(r"(?P<abl>['’]?[dt][ae]n)?\s+fazla\b", re.IGNORECASE)
ABLATIVE_RE = re.compile(r"[dt][ae]n$", re.IGNORECASE)  # (not "2 milyon fazla": two million more)
TURKISH_RE = re.compile("[ğışİĞŞ]|Türkiye")  # letters only Turkish writes, or its name for itself


def _thousands_of_millions(text: str, original: str) -> list[Quantity]:
    out = []
    turkish = TURKISH_THOUSANDS_RE.finditer(text) if not text.isascii() and TURKISH_RE.search(text) else ()
    for m in (*THOUSANDS_OF_MILLIONS_RE.finditer(text), *ARABIC_THOUSANDS_RE.finditer(text), *turkish,
              *SPANISH_THOUSANDS_RE.finditer(text)):
        thou = m.group("thou").lower()
        value = float(WORDS.get(thou) or thou) * 1000 + float(m.group("rest") or 0)
        if m.re is SPANISH_THOUSANDS_RE and m.group("mill"):
            value += (1 if m.group("mill").lower() == "un" else float(m.group("mill"))) * 1e6
        if m.re is THOUSANDS_OF_MILLIONS_RE:
            value *= 1e6
        before = QUAL_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        start = before.start("qual") if before else m.start()
        out.append(Quantity(start, m.end(), value, "count", _qualifier(before and before.group("qual")),
                            original[start:m.end()]))
    return out


def _east_asian(text: str, original: str) -> list[Quantity]:
    """Numbers of hundred-millions and ten-thousands with their rest ("3853만3533건", "1億2000万")."""
    out = []
    for m in EAST_ASIAN_NUMBER_RE.finditer(text):
        if m.group("hm"):
            value = float(m.group("hm")) * 1e8 + float(m.group("tt") or 0) * 1e4
        elif m.group("t"):
            value = float(m.group("t")) * 1e4
        else:
            value = float(m.group("th0")) * 1000
        if m.group("th"):  # "2만4천845": 20,000 + 4,000 + 845
            rest = float(m.group("th")) * 1000 + float(m.group("r3") or 0)
        elif m.group("th0") and m.group("rest") and len(m.group("rest")) > 3:
            continue  # "8천4050": no number
        else:
            rest = float((m.group("rest") or m.group("apart") or "0").replace(",", ""))
        value = float(f"{value + rest:.12g}")
        out.append(Quantity(m.start(), m.end(), value, "count", None, original[m.start():m.end()]))
    return out


def find_quantities(text: str) -> list[Quantity]:
    original, text = text, ascii_digits(text)
    out: list[Quantity] = _multiples(text, original) + _thousands_of_millions(text, original)
    if not original.isascii():  # (a table of a million numbers in ASCII is read without looking)
        out += _east_asian(text, original)
    multiples = [(q.start, q.end) for q in out]
    phones = [p.span() for p in PHONE_RE.finditer(text)] + [t.span() for t in TIME_RE.finditer(text)]
    fazla = "fazla" in text.lower()  # (Turkish "more than", said after a number: see TURKISH_MORE_RE)
    scales: list[float | None] = [None] * len(out)  # each found number's scale, None when it has none
    for m in _quantities_re(text).finditer(text):
        start, end = m.span()
        if any(a < end and start < b for a, b in multiples):
            continue  # the 5 of "5 times more" is the multiple's
        value = _value(m)
        if value is None:
            continue
        if m.group("num") and not (m.group("edot") or m.group("espace")) and any(a <= m.start("num") < b for a, b in phones):
            continue  # a group of a phone number (104.543.719, in groups of three, is a count), or a time ("14:48 UTC")
        if MONEY_AFTER_RE.match(text, end) or MONEY_BEFORE_RE.search(text, max(0, start - 8), start):
            continue
        qualifier = _qualifier(m.group("qual"))
        is_pct = bool(m.group("pct")) or bool(m.group("frac"))
        if not is_pct and m.group("num") and (sign := PCT_BEFORE_RE.search(text, max(0, start - 8), start)):
            is_pct, start = True, sign.start()  # "yüzde 74", "%74": Turkish writes percent before the number
        if (m.group("pct") or "").startswith("+") and not qualifier:
            qualifier = "over"  # "99+% of removed comments"
        if not qualifier and fazla and (more := TURKISH_MORE_RE.match(text, end)) \
                and (more.group("abl") or ABLATIVE_RE.search(text, start, end)):
            qualifier, end = "more than", more.end()  # "6,2 milyondan fazla": more than 6.2 million, said after it
        kind = "percent" if is_pct else "count"
        if is_pct and (more := COMPARED_AFTER_RE.match(text, end) or MORE_OF_AFTER_RE.match(text, end)):
            # "about 13 per cent less than the 26.85 lakh accounts banned in September": a change
            kind = "change"
            value = -value if re.sub(r"\s+", " ", more.group("w").lower()) in FEWER else value
        elif is_pct:
            after = CHANGE_AFTER_RE.match(text, end)
            before = CHANGE_BEFORE_RE.search(text, max(0, start - 30), start)
            if before and not after and (before.group("w") or "").lower() == "up" and SHARE_UP_RE.search(text, 0, before.start()):
                before = None
            word = (after.group("w") or after.group("ea")) if after else (before.group("w") or before.group("ea")) if before else None
            if word:
                kind = "change"
                if word.lower() in DECREASE:
                    value = -value
                if after:
                    end = after.end()
                else:
                    start = before.start()
        elif m.group("num") and m.group("num").lower() in WORDS and not m.group("scale") \
                and not (m.group("num").lower() in COUNTED_WORDS and COUNTED_AFTER_RE.match(text, end)):
            # "one", "ten": words are counts only as percents, with a scale ("ten million"), or before
            # the things they count ("two court orders", "seven blog posts", "nine of the requests")
            continue
        scale = _scale((m.group("scale") or "").lower()) if m.group("scale") and kind == "count" else None
        if scale and scales and out and scales[-1] and scale < scales[-1] and value < scales[-1] \
                and out[-1].kind == "count" and not text[out[-1].end : start].strip():
            # a number of a scale, then the rest in a smaller one: "2 کروڑ 81 لاکھ" (2 crore 81 lakh, 28.1 million)
            last = out.pop()
            start, value, qualifier = last.start, float(f"{last.value + value:.12g}"), last.qualifier
            scales.pop()
        if kind == "count" and not scale and YEAR_NOTE_RE.fullmatch(text, m.start("num"), end) and NOTE_AFTER_RE.match(text, end):
            continue  # "up 3% from 2021.1 About 75%": a year, then its footnote's number, is no count
        out.append(Quantity(start, end, value, kind, qualifier or None, original[start:end]))
        scales.append(scale)
    return sorted(out, key=lambda q: q.start) if multiples else out


# a small number written as a word counts the first plural noun after it, a few words on at most
# ("two court orders", "two government content removal requests", "nine of these accounts"); not a
# span of time, nor what a story sorts figures by ("two years", "five times", "three reasons for suspensions")
COUNTED_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
COUNTED_AFTER_RE = re.compile(r"\s+(?:of\s+(?:the|these|those|its|their|them)\s+)?(?:[a-z][a-z-]*[a-rt-z]\s+){0,4}"
                              r"(?!(?:years|months|weeks|days|hours|minutes|seconds|times|decades|quarters|halves|"
                              r"percent|points|categories|ways|types|kinds|countries|languages|steps|reasons)\b)[a-z][a-z-]*[a-z]s\b")


# a year with a footnote's number after its dot, where a sentence ends: "... up 3% from 2021.1 About 75% ..."
YEAR_NOTE_RE = re.compile(r"(?:19|20)\d\d\.\d{1,2}")
NOTE_AFTER_RE = re.compile(r"[^\S\n]+(?=[A-Z])|[^\S\n]*(?:\n|$)")


def digits(value: float) -> int:
    """How many significant digits a number is written with ("2.19 billion": 3)."""
    return len(f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0")) if value else 1


def rounds_to(exact: float, stated: float) -> bool:
    """Is ``stated`` the exact value rounded, or cut short, to the two or more significant digits
    it is written with ("2.2 billion" of 2,190,000,000; "11.7 million" of 11,775,777; never "1
    million" of 1.4 million)?"""
    if stated == 0 or exact == 0:
        return False
    n = digits(stated)
    if n < 2:
        return False
    scale = 10.0 ** (math.floor(math.log10(abs(exact))) - n + 1)
    return float(f"{exact:.{n - 1}e}") == stated or math.isclose(math.trunc(exact / scale) * scale, stated)


ONE_DIGIT_CLOSE = 0.05  # a number of one digit ("acht Millionen") states one this near it (8.2 million)
LOWER_BOUNDS = ("over", "more than", "just over", "in excess of", "upwards of")
UPPER_BOUNDS = ("less than", "fewer than", "under", "just under")
BOUNDS = (*LOWER_BOUNDS, "at least", *UPPER_BOUNDS)


def rounds(stated: float, exact: float) -> bool:
    """Is a number stated bare ("2.2 billion", "8 million") the exact one (2,190,000,000; 8.2
    million) rounded or cut short to its digits (of one digit, nearer than ONE_DIGIT_CLOSE)?"""
    return rounds_to(exact, stated) or digits(stated) == 1 and math.isclose(stated, exact, rel_tol=ONE_DIGIT_CLOSE)


def states(stated: float, qualifier: str | None, exact: float, close: float) -> bool:
    """Does a number as stated ("more than 600,000", "2.2 billion") state an exact one (636,248;
    2,190,000,000): a bound it keeps within ``close`` of it, or a bare number that rounds it?"""
    if not stated or not exact:
        return False
    if qualifier in LOWER_BOUNDS or qualifier == "at least":
        return stated <= exact <= stated * (1 + close)
    if qualifier in UPPER_BOUNDS:
        return stated * (1 - close) <= exact <= stated
    return rounds(stated, exact)
