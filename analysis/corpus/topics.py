"""Sentences → topics, from cue words in ``data/<lang>/topics.csv``.

A sentence has a topic when one of the topic's cue words (with or without an
attached prefix) occurs in it. Topics are returned sorted and joined by
``;`` so the column stays a plain string in CSV exports and notebooks.
"""

from __future__ import annotations

import functools
import re

from ..text.langdata import language
from ..text.normalize import normalize_word

__all__ = ["TOPICS", "topics_of"]

TOPICS = (
    "funding", "valuation", "losses and costs", "market share", "users and growth", "leadership",
    "talent and departures", "competition", "products", "open source", "regulation", "safety",
)


@functools.cache
def _cues(lang: str) -> tuple[re.Pattern, dict[str, set[str]]]:
    by_word: dict[str, set[str]] = {}
    for row in language(lang).csv("topics"):
        if row["topic"] not in TOPICS:
            raise ValueError(f"data/{lang}/topics.csv: unknown topic {row['topic']!r}; allowed: {TOPICS}")
        by_word.setdefault(normalize_word(row["cue"]), set()).add(row["topic"])
    return language(lang).lookup(by_word)


def topics_of(normalized_sentence: str, lang: str | None) -> str:
    """Topics of one (normalized) sentence, e.g. ``"funding;valuation"``.

    >>> topics_of("xAI גייסה 6 מיליארד דולר לפי שווי של 50 מיליארד", "he")
    'funding;valuation'
    """
    if not lang:
        return ""
    pattern, by_word = _cues(lang)
    found: set[str] = set()
    for m in pattern.finditer(normalized_sentence):
        found |= by_word[m.group("word")]
    return ";".join(t for t in TOPICS if t in found)
