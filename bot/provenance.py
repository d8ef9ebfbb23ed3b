"""Whose count a figure is. A platform's own report states what it did; another organisation's
table about the platform states what *that* organisation counted: NCMEC's CyberTipline
reports by provider count the reports NCMEC received about Discord, which is not Discord's
own report of what it sent or removed. Such a figure answers a question about the platform
only when the question says something of it that the platform's own figures do not (its
metric's words, "CyberTipline"; its publisher, when no metric of the platform names it), so
"discord in-app reports received in 2023" is never answered with NCMEC's count, while
"CyberTipline reports from Discord 2022" is.

A table row another publisher states under a metric the platform itself uses (a news site's
table of the platform's figures) relays the platform's count, and is no one else's.
"""

from __future__ import annotations

import weakref
from functools import lru_cache

from bot.understanding import Query, sample, terms
from store.limits import NAMES_SAMPLE
from store.queries import FigureRecord
from store.vocabulary import describe, platform_family


@lru_cache(maxsize=1024)
def publishes_own(publisher: str | None, platform: str) -> bool:
    """Does this publisher report on its own platform (Meta on Facebook, X on Twitter)? A
    table with no publisher named is the platform's (the publisher defaults to it)."""
    if not publisher or publisher.casefold() == platform.casefold():
        return True
    return platform in platform_family(describe(publisher).platforms)


def counted_by(fig: FigureRecord) -> str | None:
    """The other organisation whose own count this figure is, or None when it is the
    platform's (a prose statement relays what someone said; a table row from the platform or
    its company is its own)."""
    if not fig.citations or any(c.row is None or publishes_own(c.publisher, fig.platform) for c in fig.citations):
        return None
    return fig.citations[0].publisher


def answers_for_platform(q: Query, fig: FigureRecord, store) -> bool:
    """May this figure answer a question about its platform? Always when it is the platform's
    own count; another organisation's count only when the question asks for what sets it apart."""
    publisher = counted_by(fig)
    if publisher is None:
        return True
    names, words = _own_metrics(store, fig.platform)
    if fig.metric.casefold() in names:
        return True  # the platform's own metric, relayed in another's table
    return bool(q.asked & (terms(fig.metric) | terms(publisher)) - words)


_own: "weakref.WeakKeyDictionary[object, tuple[tuple, dict]]" = weakref.WeakKeyDictionary()


def _own_metrics(store, platform: str) -> tuple[frozenset[str], frozenset[str]]:
    """The metric names the platform's own figures use, and their terms (per data version)."""
    version = store.data_version()
    cached = _own.get(store)
    if cached is None or cached[0] != version:
        cached = (version, {})
        _own[store] = cached
    if platform not in cached[1]:
        own = sorted({m for m, publisher, row in store.queries.metric_sources(platform)
                      if not row or publishes_own(publisher, platform)})
        # their words from an even sample (a prose-heavy store states 15,000 metrics of one platform)
        cached[1][platform] = (frozenset(m.casefold() for m in own),
                               frozenset().union(*(terms(m) for m in sample(own, NAMES_SAMPLE))))
    return cached[1][platform]
