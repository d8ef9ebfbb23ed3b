"""What the Unicode CLDR knows of the languages documents come in, kept as JSON so reading a text
needs no CLDR library:

- ``store/country_names.json``: countries' names as people write them ("Russland", "Corée du
  Sud", "Tiongkok"): ISO 3166's names, which pycountry translates, are official ones ("Russische
  Föderation") that news writing seldom uses.
- ``store/number_scales.json``: the words every language writes after a number to scale it
  ("13,6 millioner", "18,5 εκατομμύρια", "33.6 ล้าน", "2 کروڑ"), from its long compact number
  formats ("0 millioner" is a million): each word with the one power of ten it stands for.
- ``store/month_names.json``: every language's full names of the months, as dates write them and
  as they stand alone ("31 martie", "1. decembra", "січня", "เมษายน"), each with its month.
- ``store/quarter_names.json``: every language's word for a quarter of the year ("kvartal",
  "kwartał", "квартал", "ไตรมาส", "trimestrul"), from its four names of the quarters ("1. kvartal" ...
  "4. kvartal"); what those names write before the word ("1.", "1ο", "1-й", "पहली"); and the ordinal
  words of 1 to 4 ("første", "drugi", "третий"), from the same names and from num2words' ordinals.

Regenerate all four after adding a language to ``store.vocabulary._NAME_LANGUAGES`` (the scales,
months and quarters are every language's):

    pip install -e '.[data]' && python -m store.cldr
"""

from __future__ import annotations

import json
from pathlib import Path

PATH = Path(__file__).with_name("country_names.json")
SCALES_PATH = Path(__file__).with_name("number_scales.json")
MONTHS_PATH = Path(__file__).with_name("month_names.json")
QUARTERS_PATH = Path(__file__).with_name("quarter_names.json")
MIN_MONTH_LETTERS = 4  # "mai" (Italian "never"), "maj": a short name is read by store.periods' own lists or not at all
MIN_SCALE_LETTERS = 3  # "K", "mn", "de": too short to tell from an abbreviation or a word of another language


def names() -> dict[str, dict[str, str]]:
    """Each language's name of each country, by the country's ISO 3166 alpha-2 code."""
    return _read(PATH)


def scales() -> dict[str, float]:
    """Each scale word, lower case, to the power of ten it stands for."""
    return _read(SCALES_PATH)


def months() -> dict[str, int]:
    """Each month name, lower case, to its month (1-12)."""
    return _read(MONTHS_PATH)


def quarters() -> dict:
    """``words``: each language's word for a quarter, lower case; ``marks``: what follows a quarter's
    digit in its name ("." in "1. kvartal"); ``ordinals``: each ordinal word of 1 to 4 and its stem, lower case (a word read
    is the longest of them it starts with); ``cardinals``: the words of the numbers 1 to 12, which
    before an ordinal count the quarters ("les trois premiers trimestres")."""
    return _read(QUARTERS_PATH)


def write() -> None:
    import pycountry
    from babel import Locale

    from store.vocabulary import _NAME_LANGUAGES

    codes = {c.alpha_2 for c in pycountry.countries}
    _write(PATH, {lang: {code: name for code, name in sorted(Locale.parse(lang).territories.items()) if code in codes}
                  for lang in _NAME_LANGUAGES})


def write_scales() -> None:
    """Every language's long compact formats ("0 millioner", "00 millioner", "0 de milioane"): the
    words after the zeros, each the power of ten of the format's magnitude over its zeros."""
    import re

    found: dict[str, set[int]] = {}
    for locale in _languages():
        for forms in locale.compact_decimal_formats.get("long", {}).values():
            for magnitude, pattern in forms.items():
                text = pattern.pattern if hasattr(pattern, "pattern") else str(pattern)
                word = re.sub(r"[0#.,'\s\u00a0]+", " ", text).strip().lower()
                zeros = text.count("0")
                if word and zeros and not word.startswith("{"):
                    found.setdefault(word, set()).add(int(magnitude) // 10 ** (zeros - 1))
    _write(SCALES_PATH, {w: float(v) for w, v in _unequivocal(found, MIN_SCALE_LETTERS).items()})


def write_months() -> None:
    """Every language's wide month names, in dates ("31 martie 2025", "1. decembra") and standing
    alone (abbreviations are left out: Marathi's "जाने" is a Hindi verb)."""
    found: dict[str, set[int]] = {}
    for locale in _languages():
        for context in ("format", "stand-alone"):
            for month, text in locale.months.get(context, {}).get("wide", {}).items():
                found.setdefault(text.lower(), set()).add(month)
    _write(MONTHS_PATH, {w: m for w, m in _unequivocal(found, MIN_MONTH_LETTERS).items() if not w.isdigit()})


MIN_QUARTER_LETTERS = 5  # "Robo" (Swahili's quarter), "kee": short words of other languages
MIN_ORDINAL_LETTERS = 4  # "dos", "tres": cardinals elsewhere


def write_quarters() -> None:
    """The words every language's four wide names of the quarters share ("kvartal" of "1. kvartal" ...
    "4. kvartal"), the marks after their digits, and the words that differ, which are ordinals ("पहली
    तिमाही", "முதல் காலாண்டு"); with num2words' ordinal words of 1 to 4 in its languages. A word that is
    an English one, a cardinal number in a language num2words knows, or ordinal of two numbers is left out."""
    import re

    from num2words import CONVERTER_CLASSES, num2words

    from store.english import words as english
    from store.scripts import LETTERS

    def letters(token: str, least: int) -> bool:
        return bool(re.fullmatch(LETTERS, token)) and len(token) >= least

    words: set[str] = set()
    marks: set[str] = set()
    ordinals: dict[str, set[int]] = {}
    for locale in _languages():
        for context in ("format", "stand-alone"):
            wide = locale.quarters.get(context, {}).get("wide", {})
            if sorted(wide) != [1, 2, 3, 4]:
                continue
            names = {q: wide[q].lower().split() for q in wide}
            shared = set.intersection(*(set(n) for n in names.values()))
            words |= {w for w in shared if letters(w, MIN_QUARTER_LETTERS)}
            for q, name in names.items():
                for token in name:
                    if m := re.fullmatch(rf"{q}(\W{{0,2}}[^\W\d_]{{0,2}})", token):
                        marks.add(m.group(1))
                    elif token not in shared and letters(token, MIN_ORDINAL_LETTERS):
                        ordinals.setdefault(token, set()).add(q)
    def spelled(n: int, lang: str, **kind) -> list[str]:
        try:
            return num2words(n, lang=lang, **kind).lower().split()
        except (NotImplementedError, OverflowError, TypeError):  # (a language that does not write it)
            return []

    cardinals: set[str] = set()
    for lang in CONVERTER_CLASSES:
        cardinals.update(*(spelled(n, lang) for n in range(1, 13)))
        for q in range(1, 5):
            for token in spelled(q, lang, to="ordinal"):
                if letters(token, MIN_ORDINAL_LETTERS):
                    ordinals.setdefault(token, set()).add(q)
    english_words = english()
    known = {w: next(iter(v)) for w, v in ordinals.items() if len(v) == 1}
    # each ordinal word, and its stem (all but its last two letters, at least four): its endings change
    # with its case ("drugim", "trećeg", "втором"), its first letters do not
    stems: dict[str, set[int]] = {}
    for word, q in known.items():
        for stem in {word, word[: max(MIN_ORDINAL_LETTERS, len(word) - 2)]}:
            stems.setdefault(stem.replace("ё", "е"), set()).add(q)
    _write(QUARTERS_PATH, {
        "words": sorted(w for w in words if w not in english_words and w not in known),
        "marks": sorted(m for m in marks if m),
        "ordinals": {w: next(iter(v)) for w, v in sorted(stems.items())
                     if len(v) == 1 and w not in english_words and w not in cardinals and w not in words},
        # "les trois premiers trimestres", "los tres primeros": the first three quarters, not the first
        "cardinals": sorted(w for w in cardinals if len(w) >= 2 and not w.isdigit()),
    })


def _languages():
    """Every language the CLDR knows, once (its regions write scales and months as it does)."""
    from babel import Locale, localedata

    return (Locale.parse(name) for name in localedata.locale_identifiers() if "_" not in name)


def _unequivocal(found: dict[str, set[int]], min_letters: int) -> dict[str, int]:
    """The words that stand for one value only, in every language (Danish "billion" is 10**12,
    English 10**9), are no English word ("bin", Turkish for a thousand) and are long enough to tell
    apart: never guessed."""
    from store.english import words as english

    return {w: next(iter(v)) for w, v in sorted(found.items())
            if len(v) == 1 and len(w) >= min_letters and w not in english()}


def _read(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {PATH}")
    write_scales()
    print(f"wrote {SCALES_PATH}")
    write_months()
    print(f"wrote {MONTHS_PATH}")
    write_quarters()
    print(f"wrote {QUARTERS_PATH}")
