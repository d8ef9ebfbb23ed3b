"""The character ranges of the scripts that part no words with spaces (Chinese, Japanese) or glue
their particles to them (Korean): where a number, a name or a phrase may stand inside a word, and
a comma with no space after it parts clauses; and the shape of the lines a list is written in. One
place for the readers of numbers, periods, the lexicon and the engine."""

from __future__ import annotations

import re

KANA = "\u3040-\u30ff"
CJK = KANA + "\u4e00-\u9fff"  # Japanese kana and the Chinese characters both write
HANGUL = "\uac00-\ud7af"
EAST_ASIAN_RE = re.compile(f"[{CJK}{HANGUL}]")

# The scripts of India, from Devanagari to Malayalam: Python's regular expressions take their vowel signs
# for no word character ("भारत" reads as "भ", "रत"), so names in them are found as runs of characters too.
INDIC = "\u0900-\u0d7f"
INDIC_RE = re.compile(f"[{INDIC}]")
# ... the scripts, then, whose names are found inside runs of characters
RUNS_RE = re.compile(f"[{CJK}{HANGUL}{INDIC}]")
# Thai, Lao, Burmese and Khmer write no space between words: a scale or a month there is glued to the word
# after it ("33.6 ล้านบัญชี", "1 เมษายนถึง 30 มิถุนายน")
UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
UNSPACED_RE = re.compile(f"[{UNSPACED}]")
# a word: its letters, and the marks the Indian and South-East Asian scripts write over and under them
# ("ล้าน", "பில்லியன்"), which Python's regular expressions take for no word character
LETTERS = rf"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff{UNSPACED}])+"

# Scripts of languages that put the verb last and say whose a number is before it ("फेसबुक की 13 नीतियों
# में 19.8 मिलियन": Facebook's, in Hindi; Telugu; Japanese kana; Korean): the Indian scripts from
# Devanagari to Malayalam, kana, Hangul. (Chinese puts the verb before its object, as English does.)
VERB_FINAL_RE = re.compile(f"[{INDIC}{KANA}{HANGUL}]")

# A list as pages write it: its items ("- 21.9k subreddits", "• 89,132,938 videos", "3. Telegram = 6.607"),
# and a line that leads one on, ending on a word or a colon as a sentence does not ("For Content Policy
# violations, we removed")
_BULLET = "[-•*·–]"
BULLET_RE = re.compile(rf"{_BULLET}\s")
LIST_ITEM_RE = re.compile(rf"\s*(?:{_BULLET}|[0-9]{{1,3}}[.)])\s")
LEADS_ON_RE = re.compile(r"(?:[^\W\d_]|:)\s*$")
