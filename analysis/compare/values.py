"""Figures as intervals: what an exact, hedged or ranged figure allows, and when two figures agree.

A printed figure stands for a set of values. Each rule below turns a claim's value, upper value
and hedge direction into an :class:`Interval`; two figures agree when their intervals overlap.

Tolerances (each documented beside its rule):

* :data:`EXACT` (2 %): an unhedged figure is a rounding ("6.6 billion" for 6.62), so it stands for
  ±2 % of itself; a percent stands for ±0.5 points instead (:data:`POINTS`): "34%" is any of 33.5–34.5;
* :data:`ABOUT` (10 %): "about", "some", a vague figure (עשרות, مئات);
* :data:`REACH` (25 %): how far "more than 500" or "less than 500" reach from 500 in a news text
  ("more than 500" is not 800);
* a range stands for its bounds (widened as its hedge or :data:`EXACT` says).

>>> interval(500, None, "more_than", "count").overlaps(interval(500, None, "", "count"))
True
>>> interval(500, None, "more_than", "count").overlaps(interval(500, None, "less_than", "count"))
False
>>> interval(700, 800, "", "money").overlaps(interval(750, None, "about", "money"))
True
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from ..text.langdata import language, languages
from ..text.normalize import normalize_word

__all__ = ["ABOUT", "EXACT", "POINTS", "REACH", "DIRECTIONS", "Interval", "direction", "interval", "amount",
           "reading", "gap"]

EXACT = 0.02
ABOUT = 0.10
REACH = 0.25
POINTS = 0.5
#: Hedge directions, as ``analysis/data/<lang>/compare.yaml`` names them.
DIRECTIONS = ("about", "nearly", "at_least", "more_than", "less_than", "up_to")
_WORDS = {"about": "about", "nearly": "nearly", "at_least": "at least", "more_than": "more than",
          "less_than": "less than", "up_to": "up to"}


@dataclass(frozen=True)
class Interval:
    """Values from ``lo`` to ``hi``; an open end excludes its bound ("more than 500" excludes 500)."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both.

        >>> Interval(1, 2).overlaps(Interval(2, 3)), Interval(1, 2, hi_open=True).overlaps(Interval(2, 3))
        (True, False)
        """
        if self.hi < other.lo or other.hi < self.lo:
            return False
        if self.hi == other.lo:
            return not (self.hi_open or other.lo_open)
        if other.hi == self.lo:
            return not (other.hi_open or self.lo_open)
        return True

    @property
    def proper(self) -> bool:
        """Not empty and not NaN: ``lo < hi``, or one value with both ends closed."""
        return self.lo < self.hi or (self.lo == self.hi and not (self.lo_open or self.hi_open))

    def meet(self, other: Interval) -> Interval | None:
        """The values in both (None when there are none): what :meth:`overlaps` asks, kept, so that
        whether many intervals share a value is one pass (intervals that overlap two by two share one).

        >>> Interval(1, 3).meet(Interval(2, 5)), Interval(1, 2, hi_open=True).meet(Interval(2, 3))
        (Interval(lo=2, hi=3, lo_open=False, hi_open=False), None)
        """
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        lo_open = (self.lo_open and self.lo == lo) or (other.lo_open and other.lo == lo)
        hi_open = (self.hi_open and self.hi == hi) or (other.hi_open and other.hi == hi)
        found = Interval(lo, hi, lo_open, hi_open)
        return found if found.proper else None

    def times(self, other: Interval) -> Interval:
        """The product of two intervals of non-negative values (a share of a valuation).

        >>> Interval(0.4, 0.5).times(Interval(10, 20))
        Interval(lo=4.0, hi=10.0, lo_open=False, hi_open=False)
        """
        return Interval(self.lo * other.lo, self.hi * other.hi, self.lo_open or other.lo_open,
                        self.hi_open or other.hi_open)

    def scaled(self, k: float) -> Interval:
        """Every value multiplied by ``k`` > 0 (a currency conversion, a unit change)."""
        return Interval(self.lo * k, self.hi * k, self.lo_open, self.hi_open)

    def widened(self, rel: float) -> Interval:
        """Both ends moved out by ``rel`` of their size (a rule's own tolerance)."""
        return Interval(self.lo - abs(self.lo) * rel, self.hi + abs(self.hi) * rel, self.lo_open, self.hi_open)

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2


@functools.cache
def _hedge_table(lang: str) -> dict[str, str]:
    """Normalized hedge phrase → direction, from ``data/<lang>/compare.yaml``."""
    if lang not in languages():
        return {}
    table = {}
    for name, words in (language(lang).load("compare").get("hedges") or {}).items():
        if name not in DIRECTIONS:
            raise ValueError(f"analysis/data/{lang}/compare.yaml: unknown hedge direction {name!r}; "
                             f"allowed: {', '.join(DIRECTIONS)}")
        for word in words or []:
            table[_key(word)] = name
    return table


def _key(phrase: str) -> str:
    return " ".join(normalize_word(phrase).replace("-", " ").split())


def direction(hedge: str, lang: str, approx: bool) -> str:
    """Rule ``hedge_direction``: the direction of a claim's hedge in its language's table; a hedge
    missing from the table, or an approximate figure without one, reads as ``about``; else ''.

    >>> direction("יותר מ", "he", True), direction("ما يصل إلى", "ar", True), direction("", "ar", True)
    ('more_than', 'up_to', 'about')
    >>> direction("", "he", False), direction("כ", "", True)
    ('', 'about')
    """
    if not hedge and not approx:
        return ""
    return _hedge_table(lang).get(_key(hedge or ""), "about") if hedge else "about"


def interval(value: float, value_max: float | None, direction: str, kind: str) -> Interval | None:
    """The values a figure allows (None when it has no finite value).

    Rules, in order: ``range`` (a value and an upper value: the bounds, sorted; a hedge widens them
    by :data:`ABOUT`); ``exact`` (±:data:`EXACT`; a percent ±:data:`POINTS`); ``about``
    (±:data:`ABOUT`); ``nearly`` (−:data:`ABOUT` to +:data:`EXACT`); ``at_least`` / ``more_than``
    (up to +:data:`REACH`, the bound itself excluded by "more than"); ``less_than`` / ``up_to``
    (down to −:data:`REACH`, the bound excluded by "less than").

    >>> interval(34, None, "", "percent")
    Interval(lo=33.5, hi=34.5, lo_open=True, hi_open=True)
    >>> interval(5e9, None, "up_to", "money").lo
    3750000000.0
    """
    if value is None or not _finite(value):
        return None
    v = float(value)
    if value_max is not None and _finite(value_max):
        lo, hi = sorted((v, float(value_max)))
        base = Interval(lo, hi)
        return base.widened(ABOUT) if direction else _exact(base, kind)
    if direction == "about":
        return Interval(*sorted((v * (1 - ABOUT), v * (1 + ABOUT))))
    if direction == "nearly":
        return Interval(*sorted((v * (1 - ABOUT), v * (1 + EXACT))))
    if direction in ("at_least", "more_than"):
        return Interval(*sorted((v, v * (1 + REACH))), lo_open=direction == "more_than" and v >= 0)
    if direction in ("less_than", "up_to"):
        return Interval(*sorted((v * (1 - REACH), v)), hi_open=direction == "less_than" and v >= 0)
    return _exact(Interval(v, v), kind)


def _exact(base: Interval, kind: str) -> Interval:
    """A rounding: open at both ends ("34%" and "35%" do not meet at 34.5)."""
    if kind == "percent":
        return Interval(base.lo - POINTS, base.hi + POINTS, True, True)
    w = base.widened(EXACT)
    return Interval(w.lo, w.hi, True, True)


def _finite(v) -> bool:
    try:
        return math.isfinite(float(v))
    except (TypeError, ValueError):
        return False


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def amount(v: float, unit: str = "") -> str:
    """A number as a reader says it, with its unit.

    >>> amount(5e9, "USD"), amount(1.2e12, "USD"), amount(550000, "USD"), amount(95, "percent"), amount(2, "multiplier")
    ('5 billion USD', '1.2 trillion USD', '550,000 USD', '95%', '2 times')
    """
    a = abs(v)
    text = None
    for size, word in _SCALES:
        if a >= size:
            text = f"{_num(v / size)} {word}"
            break
    if text is None:
        text = f"{v:,.0f}" if float(v).is_integer() else _num(v)
    if unit == "percent":
        return f"{text}%"
    if unit == "percentage_points":
        return f"{text} percentage points"
    if unit == "multiplier":
        return f"{text} times"
    return f"{text} {unit.replace('_', ' ')}".strip() if unit and unit != "count" else text


def _num(x: float) -> str:
    return f"{x:,.3f}".rstrip("0").rstrip(".") if not float(x).is_integer() else f"{x:,.0f}"


@functools.lru_cache(maxsize=65536)
def reading(value: float, value_max: float | None, direction: str, unit: str) -> str:
    """A figure in English, hedge first (each figure written once: a corpus repeats its figures).

    >>> reading(5e9, None, "up_to", "USD"), reading(7e11, 8e11, "", "USD")
    ('up to 5 billion USD', '700 billion to 800 billion USD')
    """
    word = _WORDS.get(direction, "")
    if value_max is not None and _finite(value_max):
        text = f"{amount(value)} to {amount(value_max, unit)}" if unit not in ("percent",) else \
            f"{amount(value, unit)} to {amount(value_max, unit)}"
    else:
        text = amount(value, unit)
    return f"{word} {text}".strip()


def gap(x: float, y: float, unit: str) -> str:
    """How far apart two printed figures are, for a note: the ratio of the higher to the lower and the
    difference (for percents, the difference in points).

    >>> gap(5e9, 14e9, "USD")
    'the higher is 2.8 times the lower (a gap of 9 billion USD)'
    >>> gap(50, 34, "percent")
    'a gap of 16 percentage points'
    """
    low, high = sorted((float(x), float(y)))
    if unit == "percent":
        return f"a gap of {_num(round(high - low, 3))} percentage points"
    diff = amount(round(high - low, 6), unit)
    if low > 0:
        return f"the higher is {_num(round(high / low, 2))} times the lower (a gap of {diff})"
    return f"a gap of {diff}"
