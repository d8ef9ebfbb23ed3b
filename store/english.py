"""Common English words, from pyspellchecker's English word-frequency list (built from
OpenSubtitles' English subtitles, with names and rare spellings left out): a word a
question writes that is one of them ("table", "drew", "sale", "copy") is that word, never a
typo of another nor an abbreviation of a longer one ("tabli", "drei", "same", "copyright").
Misspellings ("twiter", "recieved") and this field's shorthand ("accts", "twtr", "govt")
are rare there, so they stay to be corrected.

``store/english_words.txt`` holds the words seen at least ``MIN_COUNT`` times in it, in
lower case, letters only, so reading a question needs no spelling library. Regenerate it:

    pip install pyspellchecker && python -m store.english
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).with_name("english_words.txt")
MIN_COUNT = 100  # seen this often: about 44,000 words ("subset" 273, "chile" 282; "govt" 53, "gov" 89)


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """The common English words, lower case."""
    return frozenset(PATH.read_text(encoding="utf-8").split())


def common(min_count: int) -> set[str]:
    """The words of pyspellchecker's English frequency list seen at least ``min_count`` times, in
    letters only (for generating this list and store.translations' table; needs pyspellchecker)."""
    import gzip
    import json

    import spellchecker

    frequency = json.loads(gzip.decompress((Path(spellchecker.__file__).parent / "resources" / "en.json.gz").read_bytes()))
    return {w for w, n in frequency.items() if n >= min_count and w.isascii() and w.isalpha()}


def write() -> None:
    PATH.write_text("\n".join(sorted(common(MIN_COUNT))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {PATH}")
