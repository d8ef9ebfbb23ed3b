"""English words in the languages documents come in, from the FreeDict dictionaries, kept as data
so reading a question needs no dictionary: a question asked in English ("how many search
warrants did Naver receive") meets a sentence in another language ("Durchsuchungsbeschlüsse",
"令状") by the words that translate its own.

``store/translations.json.gz`` holds a line for each language (ISO 639-1): a JSON object of the
Snowball stems of common English words ("warrant", "review", "materi"), each with the single words
(joined by "|") the dictionaries give for it in that language, both ways (English to it, and it to
English), lower case, those more entries give first ("account": "Konten" before "Bericht", one sense
of many); and, where FreeDict has dictionaries between other languages and it, the words
two or more of those lead to from their own words for it (Russian "материал" from German "Material"
and Polish "materiał"). Dictionaries are noisy ("site" is "yer", Turkish for "place"), so a word
found this way is weighed as evidence a source says what was asked, never as a name, a period or a
place.

The dictionaries are FreeDict's (freedict.org, as Debian packages them): the older ones under the
GPL (2 or later), WikDict's (from Wiktionary) under CC BY-SA 3.0; the table derived from them keeps
their licences (Debian's ``/usr/share/doc/dict-freedict-*/copyright`` says which is which).

The English words are the common ones (seen at least ``MIN_COUNT`` times in pyspellchecker's
frequency list, as ``store.english``). Regenerate after installing Debian's FreeDict dictionaries
(those of the languages in ``LANGUAGES`` are read: with English, and between them):

    apt-get install $(apt-cache search --names-only '^dict-freedict-' | cut -d' ' -f1)
    pip install -e '.[data]' && python -m store.translations
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from store.scripts import EAST_ASIAN_RE

PATH = Path(__file__).with_name("translations.json.gz")  # (gzipped: 5 MB of text, 2 MB on disk)
DICTD = Path("/usr/share/dictd")
MIN_COUNT = 1000  # about 18,000 English words ("subpoena" 3,942; "cheater" 778 is left out)
MIN_LETTERS = 3  # a shorter word of a language written with spaces is too often part of another
MIN_CJK = 2  # ... of one written without ("令状")
# a word's translations kept per language: those the most entries give first, different words (calibrated on
# dev: 6 the first ones given, 1,095 right and 347 unanswerable without a number; 6 the most given, 1,096 and 347;
# 10, 1,098 and 346; 16, 1,098 and 347)
MAX_FORMS = 16
MIN_PIVOTS = 2  # a word reached through other languages' dictionaries only: through this many of them
# each FreeDict language, by its ISO 639-1 code; for each, the pairs read (English to it, it to English)
LANGUAGES = {"de": "deu", "fr": "fra", "es": "spa", "pt": "por", "it": "ita", "nl": "nld", "ru": "rus",
             "tr": "tur", "ja": "jpn", "id": "ind", "hi": "hin", "ar": "ara", "pl": "pol", "fi": "fin",
             "hu": "hun", "cs": "ces", "sk": "slk", "da": "dan", "sv": "swe", "ro": "rom", "el": "ell",
             "no": "nor"}
ARTICLE_RE = re.compile(r"^(?:ال|لل)(?=\w{3})")  # Arabic's article, which sentences often write no word with
KANA_RE = re.compile(r"[\u3040-\u309f\u30fc]+")  # a word in hiragana alone: mostly a reading of one in kanji


@lru_cache(maxsize=1)
def _lines() -> dict[str, str]:
    """The file's line for each language, unread: a process reads only the languages its sentences
    are in (one takes 17 MB with these lines, all of them 36 MB; read as one JSON object, 55 MB)."""
    if not PATH.exists():
        return {}
    import gzip

    return dict(line.split("\t", 1) for line in gzip.decompress(PATH.read_bytes()).decode("utf-8").splitlines() if line)


@lru_cache(maxsize=None)
def _language(language: str) -> dict[str, str]:
    """One language's words for each English stem, joined by "|"."""
    line = _lines().get(language)
    return json.loads(line) if line else {}


def words_for(stem: str, language: str) -> list[str]:
    """The words ``language`` writes for an English stem ("warrant", "de"): [] when none is known."""
    words = _language(language).get(stem)
    return words.split("|") if words else []


# --- generating store/translations.json ------------------------------------------------------------

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_NOISE_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>|\{[^}]*\}|\"[^\"]*\"")
_SENSE_RE = re.compile(r"^\s*\d+\.\s*")


def _entries(name: str):
    """(headword, definition lines) of each entry of a dictd dictionary."""
    import gzip

    def number(s: str) -> int:
        n = 0
        for ch in s:
            n = n * 64 + _B64.index(ch)
        return n

    data = gzip.open(DICTD / f"freedict-{name}.dict.dz").read()
    for line in (DICTD / f"freedict-{name}.index").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith("00database"):
            continue
        text = data[number(parts[1]) : number(parts[1]) + number(parts[2])].decode("utf-8", "replace")
        yield parts[0].lower(), text.splitlines()[1:]


def _translations(lines: list[str]) -> list[str]:
    """The single-word translations an entry gives: its unindented lines (FreeDict's older
    dictionaries) or its numbered senses (WikDict's), each split on commas and semicolons, glosses,
    notes and examples left out."""
    out: list[str] = []
    numbered = any(_SENSE_RE.match(line) for line in lines)
    for line in lines:
        if not line.strip() or (numbered and not _SENSE_RE.match(line)) or (not numbered and line[:1].isspace()):
            continue
        line = _NOISE_RE.sub(" ", _SENSE_RE.sub("", line))
        if line.lstrip().startswith(("see:", "Synonym", "Note:")):
            continue
        for part in re.split(r"[,;]", line):
            word = part.strip().lower()
            if word.startswith("to "):
                word = word[3:].strip()
            if word and " " not in word and _letters(word):
                out.append(word)
    return out


def _by_headword(name: str) -> dict[str, list[list[str]]]:
    """A dictionary's entries (their definition lines) by headword: a word may have several."""
    out: dict[str, list[list[str]]] = {}
    for head, lines in _entries(name):
        out.setdefault(head, []).append(lines)
    return out


def through_others(direct: dict[str, dict[str, list[str]]], pairs: dict[str, dict[str, list[list[str]]]],
                   english: set[str]) -> dict[str, list[str]]:
    """A language's words for English stems, through other languages: ``direct`` holds each other
    language's words for each stem, ``pairs`` each other language's dictionary into this one (the
    definition lines of its entries, by headword). A word is kept when the words of MIN_PIVOTS languages or more lead to
    it ("material" is "Material" and "materiał", both "материал"); the most agreed first."""
    reached: dict[str, dict[str, set[str]]] = {}
    for via, entries in pairs.items():
        theirs = {head: [w for lines in each for w in _translations(lines) if w not in english] for head, each in entries.items()}
        for stem, forms in direct.get(via, {}).items():
            for form in forms:
                for word in theirs.get(form, ()):
                    reached.setdefault(stem, {}).setdefault(word, set()).add(via)
    return {stem: sorted(agreed, key=lambda w: -len(found[w]))
            for stem, found in sorted(reached.items())
            if (agreed := [w for w, vias in found.items() if len(vias) >= MIN_PIVOTS])}


def root(form: str) -> str:
    """What a sentence is searched for to find a word written with spaces: its first letters, all but its
    last two, at least four ("Beschwerde" finds "Beschwerden")."""
    return form[: max(4, len(form) - 2)]


def _distinct(forms: list[str]) -> list[str]:
    """The forms, without those an earlier one is found in as a sentence is read (by its ``root``:
    "Berichte" after "Bericht"), so the few kept per stem are different words."""
    out: list[str] = []
    for form in forms:
        if not any(form.startswith(root(kept)) for kept in out if not EAST_ASIAN_RE.search(kept)):
            out.append(form)
    return out


def _letters(word: str) -> bool:
    if not all(ch.isalpha() or ch in "-'’" for ch in word):
        return False
    return len(word) >= (MIN_CJK if EAST_ASIAN_RE.search(word) else MIN_LETTERS)


def write() -> None:
    if not any(DICTD.glob("freedict-*.index")):  # (an empty table would silently drop every translation)
        raise SystemExit(f"no FreeDict dictionaries in {DICTD}: install Debian's dict-freedict-* packages (see "
                         f"store/translations.py); {PATH.name} is left as it is")
    import gzip

    import snowballstemmer

    from store import english

    common = english.common(MIN_COUNT)
    stem = snowballstemmer.stemmer("english").stemWord
    direct: dict[str, dict[str, list[str]]] = {}
    for lang, code in LANGUAGES.items():
        # each stem's words, with how many entries give them: a word both dictionaries give for it (English to
        # the language and back) is its plain meaning ("account": "Konto"), before one sense of many ("Bericht")
        attested: dict[str, dict[str, int]] = {}

        def add(english: str, foreign: str) -> None:
            # (not an English word: "guarantee" among Japanese glosses, "grave" among Spanish words)
            if english in common and foreign not in common and not KANA_RE.fullmatch(foreign):
                forms = attested.setdefault(stem(english), {})
                forms[foreign] = forms.get(foreign, 0) + 1

        if (DICTD / f"freedict-eng-{code}.index").exists():
            for head, lines in _entries(f"eng-{code}"):
                for foreign in _translations(lines):
                    add(head, foreign)
        if (DICTD / f"freedict-{code}-eng.index").exists():
            for head, lines in _entries(f"{code}-eng"):
                if " " in head or not _letters(head):
                    continue
                for english in _translations(lines):
                    add(english, head)
        found = {s: sorted(forms, key=lambda w: -forms[w]) for s, forms in attested.items()}
        if found:
            direct[lang] = found
    for lang, code in LANGUAGES.items():  # ... and through other languages, for one whose own dictionary
        # with English is small (Russian: 1,000 words of FreeDict's eng-rus)
        pairs = {via: _by_headword(f"{via_code}-{code}") for via, via_code in LANGUAGES.items()
                 if via != lang and via in direct and (DICTD / f"freedict-{via_code}-{code}.index").exists()}
        for s, agreed in through_others(direct, pairs, common).items():
            forms = direct.setdefault(lang, {}).setdefault(s, [])
            forms.extend(w for w in agreed if w not in forms)
    # a line for each language, its words for each stem joined by "|" (a word is letters, hyphens, apostrophes)
    if "ar" in direct:  # "المضيف" (the host) is found in "مضيف بث مباشر" as in "والمضيف"
        direct["ar"] = {s: list(dict.fromkeys(ARTICLE_RE.sub("", f) for f in forms)) for s, forms in direct["ar"].items()}
    text = "".join(f"{lang}\t" + json.dumps({s: "|".join(_distinct(forms)[:MAX_FORMS]) for s, forms in sorted(found.items()) if forms},
                                              ensure_ascii=False, separators=(",", ":")) + "\n"
                   for lang, found in sorted(direct.items()))
    PATH.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))  # (mtime 0: the same file each time)


if __name__ == "__main__":
    write()
    print(f"wrote {PATH}")
