"""The character ranges of the scripts that part no words with spaces (Chinese, Japanese) or glue
their particles to them (Korean): where a number, a name or a phrase may stand inside a word, and
a comma with no space after it parts clauses. One place for the readers of numbers, periods, the
lexicon and the engine."""

from __future__ import annotations

import re

CJK = "\u3040-\u30ff\u4e00-\u9fff"  # Japanese kana and the Chinese characters both write
HANGUL = "\uac00-\ud7af"
EAST_ASIAN_RE = re.compile(f"[{CJK}{HANGUL}]")
