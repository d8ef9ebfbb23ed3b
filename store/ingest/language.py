"""The language a document is written in, as an ISO 639-1 code ("en", "de"), told by
py3langid (langid.py's model) from the document's own text when it is stored.

Answering reads it: a question's English words cannot be looked for in a German article, so
there they are unknown, not absent (``bot.engine``). The model is loaded on the first prose
document of a process (about half a second and 110 MB), never on the answer path.
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_WORDS = 20  # fewer words than this tell no language reliably: not told ("")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import LanguageIdentifier, MODEL_FILE

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def language_of(text: str) -> str:
    """The language ``text`` is written in, or "" when it says too little to tell (as
    ``documents.language`` keeps it)."""
    if len(_WORD_RE.findall(text, 0, 20_000)) < MIN_WORDS:
        return ""
    return _identifier().classify(text[:20_000])[0]


def release() -> None:
    """Drop the model: a process that only migrated a store (the Slack app at start-up, say)
    does not keep 110 MB it will not use again."""
    _identifier.cache_clear()
