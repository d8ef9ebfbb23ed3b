"""One regex for many phrases, laid out as a trie: shared beginnings written once, so thousands of
phrases (the lexicon's, in eighteen languages; the month names of a dozen) compile in a fraction
of the time their list would. Used by ``store.vocabulary`` and ``store.periods``."""

from __future__ import annotations

import re


def trie_source(node: dict) -> str:
    """A trie's regex (each key a token's regex, "" where a phrase ends): going on is tried
    before ending, so the longest phrase that matches wins."""
    on = [token + trie_source(child) for token, child in node.items() if token]
    if not on:
        return ""
    body = on[0] if len(on) == 1 else "(?:" + "|".join(on) + ")"
    return f"(?:{body})?" if "" in node else body


def words_re(words) -> str:
    """One regex for the words, each as written (escaped), the longest that matches first."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(re.escape(ch), {})
        node[""] = {}
    return trie_source(root)
