"""What every rule family shares: the :class:`Numeral`, the reading state and the rule registry.

A rule is a short function registered with :func:`rule` under its own name. When a rule
contributes to a reading it appends that name to the reading's ``rules``, so every
:class:`Numeral` says which rules built it, in the order they applied (Duckling's debug
mode); :func:`explain` prints that for a text.

>>> explain("שלושים ושלוש", "he")
[('שלושים ושלוש', 33.0, ('number_word', 'add'))]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Numeral", "State", "RULES", "rule", "explain", "INF", "FULL", "NO", "TAKE", "HERE", "next_token"]

INF = float("inf")

# slots of a group of three digits: units, tens, hundreds; FULL: no word may join any more
# (a big or a decimal number: only a scale word may follow it)
U, T, H = 1, 2, 4
FULL = 8 | H | T | U

# what a continuation rule did with the token it was offered
NO = 0  #: not for this rule: try the word's next reading
TAKE = 1  #: accepted: the reader moves past the token and counts one more word
HERE = 2  #: accepted, and the rule itself moved the end (it read further than the token)

#: Every rule by name (the name a :class:`Numeral` lists in ``rules``).
RULES: dict[str, Callable] = {}


def rule(fn: Callable) -> Callable:
    """Register ``fn`` as the rule named after it; its docstring documents the rule."""
    RULES[fn.__name__] = fn
    return fn


@dataclass(slots=True)
class Numeral:
    """A numeral found in a normalized text (offsets into the normalized text)."""

    start: int  #: first character of the numeral (after any attached prefix, sign included)
    end: int
    value: float
    value_max: float | None = None  #: upper end for vague plurals (עשרות, مئات)
    pstart: int = -1  #: start of the attached prefix (== start when none)
    prefix: str = ""  #: the attached prefix (``ל-``, ``بـ`` → ``ب``, ``وال``)
    digits: bool = False  #: printed with digits
    plain: bool = False  #: a bare run of digits (a year candidate)
    ordinal: bool = False
    article: bool = False  #: the prefix holds the definite article
    conj: bool = False  #: the prefix starts with the conjunction
    scale: float = 1.0  #: the last scale word applied (מיליארד → 1e9), for ranges
    vague: bool = False
    fraction: bool = False
    weak: bool = False  #: a unit word read as one (שנה): kept only when joined to something
    kind: str | None = None  #: set by unit words: duration, money, count, multiplier, date
    unit: str | None = None
    iso: str | None = None  #: for numeric dates (21/11/2023)
    words: int = 0  #: number of word tokens
    rules: tuple[str, ...] = ()  #: the named rules that built this reading, in order (see :data:`RULES`)
    text: str = ""  #: filled by find_numbers (original text)


class State:
    """A numeral being read: its running total and group, what came last, the rules applied.

    ``total`` holds what scale words closed (``3 מיליון`` → 3e6), ``group`` the open group
    below the last scale, ``gslots`` the places of that group already filled (units, tens,
    hundreds), ``last`` the kind of the last component, ``end`` where the reading ends so far.
    """

    # defaults as class attributes: a new state sets only what differs (cheaper than slots here)
    sign = 1.0
    total = 0.0
    group = 0.0
    gslots = 0
    last_scale = INF
    last = ""
    last_conjunct = 0.0
    done = False
    skip = 0  #: where scanning goes on when words after the numeral were skipped (adjectives)

    def __init__(self, num: Numeral, end: int):
        self.num = num
        self.end = end
        self.rules: list[str] = []

    def finish(self, value: float, end: int) -> State:
        """End the reading here with ``value`` (for rules that read a whole numeral at once)."""
        self.group, self.end, self.done = value, end, True
        return self


def slots(v: float) -> int:
    """Places a value fills in a group (21 → tens and units).

    >>> slots(7), slots(21), slots(300)
    (1, 3, 7)
    """
    if v >= 100:
        return H | T | U
    if v >= 10:
        return T | U
    return U


def next_token(g, t: str, pos: int) -> re.Match | None:
    """The token after ``pos`` (spaces and tabs skipped), or None; a token glued to the
    previous word is none."""
    if pos >= len(t):
        return None
    c = t[pos]
    if c == " " and t[pos + 1:pos + 2] not in (" ", "\t"):  # (one space: the common case)
        j = pos + 1
    elif c == " " or c == "\t":
        j = g.space_re.match(t, pos).end()
    elif c.isalnum():
        return None
    else:
        j = pos
    return g.token_re.match(t, j)



def explain(text: str, lang: str | None = None) -> list[tuple[str, float | str, tuple[str, ...]]]:
    """Each numeral of ``text``: its text, its value (a date: the ISO date) and the rules that built it.

    Unlike :func:`analysis.claims.numbers.find_numbers` this keeps weak unit words and dates,
    so every rule can be shown at work.

    >>> explain("גייסה 5 מיליארד דולר", "he")
    [('5 מיליארד', 5000000000.0, ('digits', 'scale'))]
    """
    from ...text.langdata import detect_language
    from ...text.normalize import normalize
    from .lexicon import grammar
    from .reader import iter_numerals

    if lang is None:
        lang = detect_language(text)
    n = normalize(text)
    out = []
    for num in iter_numerals(grammar(lang), n.text):
        s, e = n.to_original(num.start, num.end)
        out.append((text[s:e], num.iso if num.kind == "date" else num.value, num.rules))
    return out
