"""Dates in words, read against the publication date: relative days and periods, weekdays,
the nth or last weekday of a month, and the calendar dates they qualify.

The numbers inside a date (a day of the month, an ordinal, a month's number, a year) are read
by the number reader (:func:`.reader.read_numeral`); the date words come from ``weekdays`` in
``data/<lang>/numbers.yaml`` (with ``months`` and ``year_cues``), attached prefixes from
:mod:`analysis.text.langdata`. The code holds no language words.

:func:`find_dates` reads a normalized text once: it searches *anchor* words (a relative
day, a weekday, a month, "month", "last"; a calendar unit before this/next/last; "this"
before a unit or a weekday) and parses around each anchor, from up to four words before it
(a day, an ordinal, آخر), the earliest start and then the longest reading first. A
:class:`DateReading` keeps how to resolve the date, so the same reading gives its value once
a publication date is known (:meth:`DateReading.resolve`). Values are ISO 8601 strings at
the date's grain:

=====  ==========  ======================================
grain  format      example (published 2013-02-12)
=====  ==========  ======================================
day    YYYY-MM-DD  ``امس`` → 2013-02-11
week   YYYY-Www    ``الاسبوع الماضي`` → 2013-W06 (ISO week)
month  YYYY-MM     ``חודש הבא`` → 2013-03
year   YYYY        ``السنة القادمة`` → 2014
=====  ==========  ======================================

Without a publication date a day and month with no year is ``--MM-DD`` (as the quantity
layer always gave it), and what needs the publication date resolves to None.

A reading is *relative* when it prints no day of the month with its month and no year
(``היום``, ``רביעי הבא``, ``الثلاثاء التاسع عشر من هذا الشهر``): for the claims layer such a
date is a period, never a claim of its own.

Each construct is a named rule (see :data:`.core.RULES`) and a reading lists the rules that
built it; :func:`explain_dates` shows them:

>>> explain_dates("נפגשו ביום שלישי האחרון", "he", "2013-02-12")
[('יום שלישי האחרון', '2013-02-05', True, ('weekday_relative',))]
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from ...text.langdata import trie_pattern as _trie
from ...text.normalize import normalize_word
from .core import Numeral, rule
from .lexicon import Grammar, grammar
from .reader import read_numeral

__all__ = ["DateReading", "Published", "find_dates", "explain_dates", "published_date", "shift_date",
           "year_for", "DateWords", "date_words"]

# -- the publication date ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Published:
    """A publication date, as precise as it was given (``2013-02-12``, ``2013-02``, ``2013``)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date | None:
        """The day, or None when only the month or the year is known."""
        return dt.date(self.year, self.month, self.day) if self.day and self.month else None


_PUBLISHED_RE = re.compile(r"\s*([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")


def published_date(published: str | dt.date | Published | None) -> Published | None:
    """A :class:`Published` from an ISO date, month or year (None when there is none).

    >>> published_date("2013-02-12"), published_date("2025-03").day, published_date("")
    (Published(year=2013, month=2, day=12), None, None)
    """
    if published is None or isinstance(published, Published):
        return published
    if isinstance(published, dt.date):
        return Published(published.year, published.month, published.day)
    m = _PUBLISHED_RE.match(str(published))
    if m is None:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            dt.date(y, int(mo), int(d))
        return Published(y, int(mo) if mo and 1 <= int(mo) <= 12 else None, int(d) if d else None)
    except ValueError:
        return Published(y, int(mo) if mo and 1 <= int(mo) <= 12 else None)


def year_for(month: int, p: Published) -> int:
    """The year of a month printed without one: the publication year, or the year before when
    the month is more than a month after publication (as :func:`analysis.claims.period.date_in_year`).

    >>> year_for(3, Published(2013, 2, 12)), year_for(8, Published(2013, 2, 12)), year_for(12, Published(2024))
    (2013, 2012, 2024)
    """
    return p.year - (1 if month > (p.month or 12) + 1 else 0)


def shift_date(p: Published, amount: int, unit: str) -> tuple[str, str] | None:
    """``amount`` units from the publication date, at the unit's grain (days and weeks: a day).

    >>> shift_date(Published(2013, 2, 12), -7, "days"), shift_date(Published(2013, 2, 12), 2, "months")
    (('2013-02-05', 'day'), ('2013-04', 'month'))
    """
    if unit in ("days", "weeks"):
        if p.date is None:
            return None
        try:
            return (p.date + dt.timedelta(days=amount * (7 if unit == "weeks" else 1))).isoformat(), "day"
        except (OverflowError, ValueError):
            return None
    if unit == "months":
        if p.month is None:
            return None
        k = p.year * 12 + p.month - 1 + amount
        return f"{k // 12:04d}-{k % 12 + 1:02d}", "month"
    if unit == "years":
        return f"{p.year + amount:04d}", "year"
    return None


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _day_iso(y: int, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= _calendar.monthrange(y, m)[1]):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date | None:
    """The ``n``-th weekday ``wd`` (ISO, 1 = Monday) of a month; ``n = -1``: the last one."""
    last = _calendar.monthrange(y, m)[1]
    if n < 0:
        d = dt.date(y, m, last)
        return d - dt.timedelta(days=(d.isoweekday() - wd) % 7)
    first = dt.date(y, m, 1)
    d = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    return d if d.month == m else None


# -- the words of dates ----------------------------------------------------------------------

class Tok(NamedTuple):
    """A date word (or phrase) read at a place: its category and value, its span, its prefix."""

    cat: str
    val: object
    pstart: int
    start: int
    end: int
    prefix: str


#: categories whose words may start a date (the anchors of :func:`find_dates`)
_ANCHORS = ("day", "weekday", "month", "monthword", "last_before")
#: anchors a number, آخر or "day" before them may lead ("day" is no anchor: too common)
_LED = ("month", "monthword", "weekday")
#: categories a date may start with (besides a number)
_STARTS = frozenset({"day", "unit", "this_before", "month", "weekday", "dayword", "last_before"})
#: qualifiers are written with their article in the data and read with no other prefix
_BARE = ("this", "next", "last", "last_of")
#: a run of spaces and tabs (see :meth:`_Parser.sp`)
_SPACES = re.compile(r"[ \t]+")


class DateWords:
    """The date words of one language (from ``weekdays``, ``months`` and ``year_cues`` in
    numbers.yaml) and the regex of anchors (use :func:`date_words`)."""

    def __init__(self, g: Grammar):
        self.g = g
        spec = g.spec
        wk = spec.get("weekdays") if isinstance(spec.get("weekdays"), dict) else {}
        self.words: dict[str, list[tuple[str, object]]] = {}

        def add(ws, cat, val=None):
            for w in ws or []:
                w = " ".join(normalize_word(str(w)).split())
                if w and (cat, val) not in self.words.setdefault(w, []):
                    self.words[w].append((cat, val))

        for n, ws in (wk.get("names") or {}).items():
            add(ws, "weekday", int(n))
        for off, ws in (wk.get("days") or {}).items():
            add(ws, "day", int(off))
        for unit, ws in (wk.get("units") or {}).items():
            add(ws, "unit", unit)
        for cat in ("this", "next", "last", "this_before", "last_of", "last_before", "linking", "of", "within", "after"):
            add(wk.get(cat), cat)
        add(wk.get("day"), "dayword")
        add(wk.get("month"), "monthword")
        for key, ws in (wk.get("holidays") or {}).items():
            mo, d = (int(x) for x in str(key).split("-"))
            add(ws, "holiday", (mo, d))
        for v, ws in (spec.get("months") or {}).items():
            add(ws, "month", int(v))
        add(spec.get("year_cues"), "yearcue")
        self.unit_article_this = bool(wk.get("unit_with_article_is_this"))

        def of(*cats):
            return [w for w, rs in self.words.items() if any(c in cats for c, _ in rs)]

        #: anchors a date may start before: a month (14 شهر شباط), a weekday (ثالث ثلاثاء)
        self.led = frozenset(of(*_LED))
        # Anchors: the words that start or hold a date; a calendar unit only before this/next/last
        # (or, where the data says so, with the article: השנה), "this" only before a unit, a
        # weekday or a day (هذا العام, not every هذا).
        pfx, after = g.pfx, r"(?!\w)"
        alts = [rf"(?P<w>{_trie(of(*_ANCHORS))}){after}"]
        if of("unit"):
            quals = _trie(of("this", "next", "last"))
            alts.append(rf"(?P<u>{_trie(of('unit'))})(?=[ \t]+(?:{quals}){after})")
            if self.unit_article_this and g.article:
                alts.append(rf"(?:{'|'.join(map(re.escape, g.article))})(?P<a>{_trie(of('unit'))}){after}")
        if of("this_before"):
            alts.append(rf"(?P<t>{_trie(of('this_before'))})(?=[ \t]+(?:{pfx})(?:{_trie(of('unit', 'weekday', 'day'))}){after})")
        # (one regex each, and no prefix pattern in them: either would slow the scan; see
        # :meth:`anchor_start` for the prefix)
        self.anchor_res = [re.compile(a) for a in alts] if self.words and g.lang else []
        #: first words of the phrases, and how many letters an attached prefix may have
        self.first = frozenset(w.split()[0] for w in self.words)
        #: the first words of the phrases of several words, one word short of each at least
        self.heads = frozenset(" ".join(w.split()[:k]) for w in self.words for k in range(1, w.count(" ") + 1))
        self.max_prefix_chars = g.max_prefix * max((len(u) for u in g.units), default=0)
        #: a whole word of letters (no letter, digit or ``_`` after it)
        self.whole_word_re = re.compile(r"[^\W\d_]+(?!\w)")
        #: the last letters every first word ends with (a word ending otherwise holds none)
        self.tail_len = min((len(w) for w in self.first), default=1)
        self.first_tails = frozenset(w[-self.tail_len:] for w in self.first)
        self._prefixes: dict[str, bool] = {}

    def anchor_start(self, t: str, m: re.Match) -> int | None:
        """Where the word of anchor ``m`` starts, its attached prefix included; None when the
        anchor is the tail of a longer word."""
        p = m.start()
        k = p
        while k > 0 and t[k - 1].isalpha():
            k -= 1
        if k > 0 and (t[k - 1].isalnum() or t[k - 1] == "_"):
            return None
        return k if k == p or self.is_prefix(t[k:p]) else None

    def is_prefix(self, s: str) -> bool:
        """Whether ``s`` is a whole attached prefix (ו, וב, وال, لل)."""
        found = self._prefixes.get(s)
        if found is None:
            units = self.g.split(s)[0] if self.g.lang else ()
            found = self._prefixes[s] = bool(units) and len(units) <= self.g.max_prefix and "".join(units) == s
        return found


@functools.cache
def date_words(code: str | None) -> DateWords:
    """The cached :class:`DateWords` of a language code."""
    return DateWords(grammar(code))


# -- readings --------------------------------------------------------------------------------

#: a publication date → (ISO value, grain) or (ISO value, grain, rule applied), or None
Resolver = Callable[["Published | None"], "tuple[str, ...] | None"]


@dataclass(slots=True)
class DateReading:
    """A date found in a normalized text (offsets into it) and how to resolve it."""

    start: int  #: first character (an attached prefix of the first word excluded)
    end: int
    pstart: int  #: start of the attached prefix
    resolver: Resolver
    relative: bool  #: no printed day-and-month nor year: a period, not a claim
    rules: tuple[str, ...]

    def resolve(self, published: str | Published | None) -> tuple[str, str] | None:
        """``(ISO value, grain)`` against a publication date (None: not without one, or out of
        the calendar's range)."""
        found = self.read(published)
        return found[:2] if found else None

    def read(self, published: str | Published | None) -> tuple[str, str, tuple[str, ...]] | None:
        """``(ISO value, grain, rules)``: the rules include one the resolution itself applied
        (``nth_weekday`` for a weekday the ordinal day does not fall on)."""
        try:
            found = self.resolver(published_date(published))
        except (ValueError, OverflowError):
            return None
        if found is None:
            return None
        return found[0], found[1], self.rules + tuple(found[2:])


class _Cal(NamedTuple):
    """A calendar date read by :func:`day_month` and its kin, before any weekday qualifies it."""

    end: int
    start: int
    day: int | None  #: day of the month
    style: str | None  #: how the day is written: ordinal, article, digits, word
    month: tuple | None  #: ("abs", 1..12) or ("rel", offset)
    year: tuple | None  #: ("abs", yyyy) or ("rel", offset) or None
    qual: int  #: +1 the next occurrence, -1 the last one, 0 none (9 ديسمبر الماضي)
    shape: str | None  #: a numeric date (21/11/2023, 2/2013) as read by the number reader
    rules: tuple[str, ...]


def _month_of(mspec: tuple, yspec: tuple | None, p: Published | None) -> tuple[int, int] | None:
    kind, v = mspec
    if kind == "rel":
        if p is None or p.month is None:
            return None
        k = p.year * 12 + p.month - 1 + v
        return k // 12, k % 12 + 1
    if yspec is not None and yspec[0] == "abs":
        return yspec[1], v
    if p is None:
        return None
    if yspec is not None:
        return p.year + yspec[1], v
    return year_for(v, p), v


def _absolute(c: _Cal) -> bool:
    """A printed day with a printed month, a printed year or a numeric date."""
    return bool(c.shape or (c.year and c.year[0] == "abs")
                or (c.day is not None and c.month and c.month[0] == "abs"))


def _cal_resolver(c: _Cal, wd: int | None = None) -> Resolver:
    def resolve(p: Published | None):
        if c.shape:
            return c.shape, "month" if len(c.shape) == 7 else "day"
        if c.day is None:  # a month
            if c.qual and c.month[0] == "abs" and p is not None and p.month:
                m = c.month[1]
                y = p.year + (c.qual if (m - p.month) * c.qual <= 0 else 0)
                return f"{y:04d}-{m:02d}", "month"
            ym = _month_of(c.month, c.year, p)
            return (f"{ym[0]:04d}-{ym[1]:02d}", "month") if ym else None
        if p is None and c.month[0] == "abs" and c.year is None and not c.qual:
            m, d = c.month[1], c.day
            return (f"--{m:02d}-{d:02d}", "day") if _day_iso(2000, m, d) else None
        ym = _month_of(c.month, c.year, p)
        if ym is None:
            return None
        y, m = ym
        if c.month[0] == "abs" and c.year is None and p is not None:
            if c.qual and p.date is not None:  # 9 ديسمبر الماضي: the last 9 December before publication
                y = p.year
                iso = _day_iso(y, m, c.day)
                if iso and (dt.date.fromisoformat(iso) - p.date).days * c.qual <= 0:
                    y += c.qual
            elif wd is not None:  # الخميس 15 اغسطس: the year whose 15 August is a Thursday
                for cand in (y, y + 1, y - 1):
                    iso = _day_iso(cand, m, c.day)
                    if iso and dt.date.fromisoformat(iso).isoweekday() == wd:
                        y = cand
                        break
        iso = _day_iso(y, m, c.day)
        if iso is None:
            return None
        if wd is not None and c.style == "ordinal" and c.day <= 5 \
                and dt.date.fromisoformat(iso).isoweekday() != wd:
            # rule nth_weekday: الثلاثاء الثالث من شهر أيلول 2014 (3 September 2014 was a Wednesday)
            d = _nth_weekday(y, m, wd, c.day)
            return (d.isoformat(), "day", "nth_weekday") if d else None
        return iso, "day"
    return resolve


def _nth_resolver(n: int, wd: int, mspec: tuple, yspec: tuple | None) -> Resolver:
    def resolve(p):
        ym = _month_of(mspec, yspec, p)
        if ym is None:
            return None
        d = _nth_weekday(ym[0], ym[1], wd, n)
        return (d.isoformat(), "day") if d else None
    return resolve


def _need_day(fn: Callable[[dt.date], tuple[str, str] | None]) -> Resolver:
    def resolve(p):
        return fn(p.date) if p is not None and p.date is not None else None
    return resolve


# -- the parser ------------------------------------------------------------------------------

class _Parser:
    """Date constructs at places of one normalized text (tokens are cached by place)."""

    def __init__(self, w: DateWords, t: str):
        self.w, self.g, self.t = w, w.g, t
        self._lex: dict[int, list[Tok]] = {}
        self._num: dict[int, Numeral | None] = {}

    # -- tokens ------------------------------------------------------------------------------
    def sp(self, pos: int) -> int:
        t = self.t
        if pos < len(t) and t[pos] in " \t":
            return _SPACES.match(t, pos).end()
        return pos

    def tokens(self, pos: int) -> list[Tok]:
        pos = self.sp(pos)
        found = self._lex.get(pos)
        if found is None:
            found = self._lex[pos] = self._read_tokens(pos)
        return found

    def _read_tokens(self, pos: int) -> list[Tok]:
        """The date words and phrases of the whole word at ``pos``, bare or after an attached prefix."""
        t, w = self.t, self.w
        if pos and t[pos - 1].isalnum():
            return []
        m = w.whole_word_re.match(t, pos)
        if m is None or m.group()[-w.tail_len:] not in w.first_tails:  # (no date word ends it)
            return []
        word, end = m.group(), m.end()
        found: list[Tok] = []
        for k in range(min(len(word) - 1, w.max_prefix_chars) + 1):
            if word[k:] in w.first and (not k or w.is_prefix(word[:k])):
                self._phrases(pos, pos + k, word[k:], end, found)
        return found

    def _phrases(self, pos: int, s: int, phrase: str, e: int, found: list[Tok]) -> None:
        """Add the date phrases that start with the word ``phrase`` at ``s`` (its prefix from
        ``pos``, its end ``e``), each next word taken while the words so far start a phrase."""
        t, w = self.t, self.w
        while True:
            for cat, val in w.words.get(phrase, ()):
                if cat in _BARE and s != pos:
                    continue
                found.append(Tok(cat, val, pos, s, e, t[pos:s]))
            if phrase not in w.heads or not (e + 1 < len(t) and t[e] == " " and t[e + 1].isalpha()):
                return
            m = w.whole_word_re.match(t, e + 1)
            if m is None:
                return
            phrase, e = f"{phrase} {m.group()}", m.end()

    def lex(self, pos: int, *cats: str) -> list[Tok]:
        found = self._lex.get(pos)
        if found is None:  # (kept under ``pos`` too: callers often ask before the spaces)
            found = self._lex[pos] = self.tokens(pos)
        return [k for k in found if k.cat in cats] if found else found

    def skip(self, pos: int, *cats: str) -> int:
        """Past any words of ``cats`` (and a comma when ``","`` is one of them)."""
        while True:
            p = self.sp(pos)
            if "," in cats and p < len(self.t) and self.t[p] in ",\u060c":
                pos = p + 1
                continue
            ks = self.lex(p, *cats)
            if not ks:
                return pos
            pos = max(k.end for k in ks)

    def number(self, pos: int) -> Numeral | None:
        pos = self.sp(pos)
        if pos in self._num:
            return self._num[pos]
        g, t, n = self.g, self.t, None
        if pos < len(t) and (pos == 0 or not t[pos - 1].isalnum()):
            if t[pos].isdigit():
                n, _ = read_numeral(g, t, pos)
            else:
                m = g.token_re.match(t, pos)
                if m is not None and m.group("num") is not None:
                    n, _ = read_numeral(g, t, m.start("num"))
                elif m is not None and m.group("word") is not None:
                    n, _ = read_numeral(g, t, pos)
        if n is not None and (n.kind not in (None, "date") or n.weak or n.vague):
            n = None
        self._num[pos] = n
        return n

    def qual(self, pos: int) -> tuple[int, int] | None:
        """A this/next/last word right after ``pos``: (end, offset)."""
        for k in self.lex(pos, "this", "next", "last"):
            return k.end, {"this": 0, "next": 1, "last": -1}[k.cat]
        return None

    def daynum(self, pos: int) -> tuple[Numeral, str] | None:
        """A day of the month (1-31): an ordinal, a number with the article, short digits, or a
        number word (how it is written)."""
        n = self.number(pos)
        if n is None or n.kind or n.value != int(n.value) or not 1 <= n.value <= 31 or n.scale != 1:
            return None
        if n.ordinal:
            return n, "ordinal"
        if n.digits:
            return (n, "digits") if n.plain and n.end - n.start <= 2 else None
        return n, ("article" if n.article else "word")

    def _year_number(self, pos: int) -> int | None:
        n = self.number(pos)
        if n is not None and n.plain and n.end - n.start == 4 and 1000 <= n.value <= 2999:
            return n.end
        return None

    def year(self, pos: int) -> list[tuple[int, tuple]]:
        """A year after a date: ``2015``, ``, 2015``, ``من عام 2014``, ``في سنة 2014``,
        ``السنة القادمة`` (a bare number only right after the date or a comma)."""
        out = []
        for p in {pos, self.skip(pos, ",")}:
            end = self._year_number(p)
            if end is not None:
                out.append((end, ("abs", int(self.number(p).value))))
            p = self.skip(p, "of", "within")
            for k in self.lex(p, "yearcue"):
                end = self._year_number(k.end)
                if end is not None:
                    out.append((end, ("abs", int(self.number(k.end).value))))
            for end, _, off, _ in self.period(p, "year"):
                out.append((end, ("rel", off)))
        return out

    def month(self, pos: int, within: bool = False) -> list[tuple[int, tuple]]:
        """A month after "of" (``within``: or "in", after a weekday): its name (``פברואר``,
        ``بشهر مارس``), ``شهر`` and its number, or this/next/last month."""
        out = []
        p = self.skip(pos, "of", "within") if within else self.skip(pos, "of")
        starts = [(p, False)] + [(k.end, True) for k in self.lex(p, "monthword")]
        for s, word in starts:
            for k in self.lex(s, "month"):
                out.append((k.end, ("abs", k.val)))
            if word:
                n = self.number(s)
                if n is not None and not n.kind and not n.prefix and not n.ordinal and n.scale == 1 \
                        and n.value == int(n.value) and 1 <= n.value <= 12:
                    out.append((n.end, ("abs", int(n.value))))
        for end, _, off, _ in self.period(p, "month"):
            out.append((end, ("rel", off)))
        return out

    def weekday(self, pos: int) -> list[tuple[int, int, int]]:
        """A weekday, with "day" before it or not: (end, ISO weekday, start)."""
        out = [(k.end, k.val, k.start) for k in self.lex(pos, "weekday") if not self._ordinal_word(k)]
        for d in self.lex(pos, "dayword"):
            out += [(k.end, k.val, d.start) for k in self.lex(d.end, "weekday")]
        return out

    def _ordinal_word(self, k: Tok) -> bool:
        """A weekday name that is also an ordinal, with the article: the ordinal (הרביעי)."""
        return bool(k.prefix) and self.g.split(k.prefix)[2] \
            and any(x[0] == "ordinal" for x in self.g.lexicon.get(self.t[k.start:k.end], ()))

    def period(self, pos: int, unit: str | None = None) -> list[tuple[int, str, int, int]]:
        """A calendar unit with this/next/last: (end, unit, offset, start)."""
        out = []
        for tb in self.lex(pos, "this_before"):
            out += [(u.end, u.val, 0, tb.start) for u in self.lex(tb.end, "unit") if unit in (None, u.val)]
        for u in self.lex(pos, "unit"):
            if unit not in (None, u.val):
                continue
            q = self.qual(u.end)
            if q is not None:
                out.append((q[0], u.val, q[1], u.start))
            elif self.w.unit_article_this and u.prefix and self._definite(u.prefix):
                out.append((u.end, u.val, 0, u.start))
        return out

    def _definite(self, prefix: str) -> bool:
        units, _, article = self.g.split(prefix)
        return article and units[-1] in self.g.article and all(x in self.g.conj for x in units[:-1])

    # -- constructs ------------------------------------------------------------------------
    def calendar(self, pos: int) -> list[_Cal]:
        """Calendar dates at ``pos``: day and month (rule ``day_month``), month and day
        (``month_day``), month and year (``month_year``), a month with next/last
        (``relative_month``), or a numeric date."""
        out: list[_Cal] = []
        n = self.number(pos)
        if n is not None and n.kind == "date":
            out.append(_Cal(n.end, n.start, None, None, None, None, 0, n.iso, ()))
        dn = self.daynum(pos)
        if dn is not None:
            num, style = dn
            for mend, mspec in self.month(num.end):
                years = self.year(mend)
                for yend, yspec in years:
                    if style != "word" or yspec[0] == "abs":
                        out.append(_Cal(yend, num.start, int(num.value), style, mspec, yspec, 0, None, ("day_month",)))
                if style != "word":
                    q = self.qual(mend) if mspec[0] == "abs" else None
                    out.append(_Cal(q[0] if q else mend, num.start, int(num.value), style, mspec, None,
                                    q[1] if q else 0, None, ("day_month",)))
        for k in self.lex(pos, "month"):
            if self._definite_or_article(k.prefix):
                continue
            mspec = ("abs", k.val)
            n2 = self.number(k.end)
            if n2 is not None and n2.digits and n2.plain and not n2.prefix and n2.end - n2.start <= 2 \
                    and 1 <= n2.value <= 31 and k.end < n2.start:
                with_year = [(e, y) for e, y in self.year(n2.end) if y[0] == "abs" and e > n2.end]
                for yend, yspec in with_year:
                    out.append(_Cal(yend, k.start, int(n2.value), "digits", mspec, yspec, 0, None, ("month_day",)))
                if not with_year and self._ends_phrase(n2.end):
                    out.append(_Cal(n2.end, k.start, int(n2.value), "digits", mspec, None, 0, None, ("month_day",)))
            for yend, yspec in self.year(k.end):
                out.append(_Cal(yend, k.start, None, None, mspec, yspec, 0, None, ("month_year",)))
            q = self.qual(k.end)
            if q is not None and q[1]:
                out.append(_Cal(q[0], k.start, None, None, mspec, None, q[1], None, ("relative_month",)))
        return out

    def _definite_or_article(self, prefix: str) -> bool:
        return bool(prefix) and self.g.split(prefix)[2]

    def _ends_phrase(self, pos: int) -> bool:
        """Only punctuation or the end of the text after ``pos`` (``פברואר 15``, not ``פברואר 15 חברות``)."""
        p = self.sp(pos)
        return p >= len(self.t) or self.t[p] in ".,;:!?)]\"'\n\r\u060c\u061b\u061f"

    def parse(self, pos: int) -> list[tuple[int, int, Resolver, bool, tuple[str, ...]]]:
        """Every date reading that starts at ``pos``: (end, start, resolver, relative, rules)."""
        cats = {k.cat for k in self.tokens(pos)}
        n = self.number(pos)
        if n is None and not cats & _STARTS:
            return []
        out = []
        if "day" in cats:
            out += relative_day(self, pos)
        if cats & {"unit", "this_before"}:
            out += relative_period(self, pos)
        if n is not None or "month" in cats:
            for c in self.calendar(pos):
                out.append((c.end, c.start, _cal_resolver(c), not _absolute(c), c.rules or ("numeric_date",)))
        if cats & {"weekday", "dayword", "this_before"}:
            out += weekday_constructs(self, pos)
        if n is not None and n.ordinal:
            out += nth_weekday(self, pos)
        if cats & {"last_before", "dayword"}:
            out += last_of_month(self, pos)
        if "dayword" in cats:
            out += day_of_month(self, pos)
        return out

    def can_start(self, pos: int) -> bool:
        """Whether a date may start at ``pos`` before an anchor: a number, "the last" (آخر) or
        "day" (اليوم الاول من شهر ثلاثة, يوم الجمعة 15 شباط)."""
        return self.number(pos) is not None or bool(self.lex(pos, "last_before", "dayword"))


# -- rules ----------------------------------------------------------------------------------

@rule
def relative_day(P: _Parser, pos: int) -> list:
    """A day counted from publication: היום, אתמול, מחר, امس, غدا, بعد غد, اليوم الي قبل امبارح
    (``days`` of ``weekdays``). ``اليوم`` with an ordinal or "the last" after it is "the day",
    not today (اليوم الثالث من المعرض).

    >>> explain_dates("قال امس إن الشركة", "ar", "2013-02-12")
    [('امس', '2013-02-11', True, ('relative_day',))]
    >>> explain_dates("اليوم الثالث من المعرض", "ar", "2013-02-12")
    []
    """
    out = []
    for k in P.lex(pos, "day"):
        n = P.number(k.end)
        if (n is not None and n.ordinal) or P.lex(k.end, "last_of"):
            continue
        off = k.val
        out.append((k.end, k.start, _need_day(lambda d, off=off: ((d + dt.timedelta(days=off)).isoformat(), "day")),
                    True, ("relative_day",)))
    return out


def _period_resolver(unit: str, off: int) -> Resolver:
    def resolve(p):
        if p is None:
            return None
        if unit == "week":
            return (_week(p.date + dt.timedelta(weeks=off)), "week") if p.date else None
        if unit == "day":
            return ((p.date + dt.timedelta(days=off)).isoformat(), "day") if p.date else None
        return shift_date(p, off, unit + "s")
    return resolve


@rule
def relative_period(P: _Parser, pos: int) -> list:
    """This, next or last week, month or year: שבוע הבא, בחודש שעבר, השנה הבאה, الاسبوع الماضي,
    هذا الشهر, السنة القادمة; in Hebrew a unit with the article alone is the current one (השבוע).

    >>> explain_dates("בשבוע הבא ובחודש שעבר", "he", "2013-02-12")
    [('שבוע הבא', '2013-W08', True, ('relative_period',)), ('חודש שעבר', '2013-01', True, ('relative_period',))]
    """
    return [(end, start, _period_resolver(unit, off), True, ("relative_period",))
            for end, unit, off, start in P.period(pos)]


@rule
def day_month(P: _Parser, pos: int) -> list:
    """A day and a month, and a year or next/last after them: 1 למרץ, 3 למרץ 2015, ה15 בפברואר,
    الاول من شهر شباط, 14 شهر شباط, اليوم الاول من شهر ثلاثة (``شهر`` and the month's number),
    9 ديسمبر الماضي. A day in words with no article (שלושה במרץ) needs a printed year.

    >>> explain_dates("הכנס ייפתח ב-3 למרץ 2015", "he")
    [('3 למרץ 2015', '2015-03-03', False, ('day_month',))]
    >>> explain_dates("الخميس الموافق 14 شهر شباط", "ar", "2013-02-12")
    [('خميس الموافق 14 شهر شباط', '2013-02-14', False, ('weekday_date', 'day_month'))]
    >>> explain_dates("في 9 ديسمبر الماضي", "ar", "2013-02-12")
    [('9 ديسمبر الماضي', '2012-12-09', False, ('day_month',))]
    """
    return [c for c in P.parse(pos) if "day_month" in c[4]]


@rule
def month_day(P: _Parser, pos: int) -> list:
    """A month and a day in digits, with a year after a comma or nothing after them: פברואר 15,
    אפריל 14, 2015 (not פברואר 15 חברות).

    >>> explain_dates("אפריל 14, 2015", "he")
    [('אפריל 14, 2015', '2015-04-14', False, ('month_day',))]
    """
    return [c for c in P.parse(pos) if "month_day" in c[4]]


@rule
def month_year(P: _Parser, pos: int) -> list:
    """A month and its year: אוקטובר 2014, مارس من عام 2014, מרץ השנה הבאה.

    >>> explain_dates("באוקטובר 2014", "he")
    [('אוקטובר 2014', '2014-10', False, ('month_year',))]
    """
    return [c for c in P.parse(pos) if "month_year" in c[4]]


@rule
def relative_month(P: _Parser, pos: int) -> list:
    """A month with next or last: מרץ הבא (the next March), ديسمبر الماضي (the last December).

    >>> explain_dates("עד מרץ הבא", "he", "2013-02-12")
    [('מרץ הבא', '2013-03', True, ('relative_month',))]
    """
    return [c for c in P.parse(pos) if "relative_month" in c[4]]


def _weekday_rel(wd: int, off: int) -> Resolver:
    def fn(d: dt.date):
        if off == 0:
            k = (wd - d.isoweekday()) % 7
        elif off > 0:
            k = (wd - d.isoweekday() - 1) % 7 + 1
        else:
            k = -((d.isoweekday() - wd - 1) % 7 + 1)
        return (d + dt.timedelta(days=k)).isoformat(), "day"
    return _need_day(fn)


def weekday_constructs(P: _Parser, pos: int) -> list:
    """A weekday and what qualifies it (rules ``weekday_date``, ``weekday_relative``,
    ``weekday_of_week``, ``weekday_day``, and ``nth_weekday``/``last_of_month`` after it)."""
    out = []
    for wend, wd, wstart in P.weekday(pos):
        # weekday_date: שני 18 לפברואר, ראשון, 10 לפברואר, الخميس الموافق 14 شهر شباط
        for c in P.calendar(P.skip(wend, "linking", ",")):
            if c.day is None and not c.shape:
                continue
            rules = ("weekday_date",) + (c.rules or ("numeric_date",))
            out.append((c.end, wstart, _cal_resolver(c, wd), not _absolute(c), rules))
        # weekday_relative: רביעי הבא, שלישי האחרון, الثلاثاء القادم
        q = P.qual(wend)
        if q is not None:
            out.append((q[0], wstart, _weekday_rel(wd, q[1]), True, ("weekday_relative",)))
        for lo in P.lex(wend, "last_of"):
            months = P.month(lo.end, within=True)
            for mend, mspec in months:
                for yend, yspec in P.year(mend) + [(mend, None)]:
                    out.append((yend, wstart, _nth_resolver(-1, wd, mspec, yspec),
                                not (yspec and yspec[0] == "abs"), ("last_of_month",)))
            if not months:
                out.append((lo.end, wstart, _weekday_rel(wd, -1), True, ("weekday_relative",)))
        # weekday_of_week: רביעי שבוע הבא, اثنين الاسبوع الحالي, الاثنين من هذا الاسبوع
        for end, _, off, _ in P.period(P.skip(wend, "of"), "week"):
            out.append((end, wstart, _need_day(
                lambda d, off=off, wd=wd: ((d - dt.timedelta(days=d.isoweekday() - 1) + dt.timedelta(
                    weeks=off, days=wd - 1)).isoformat(), "day")), True, ("weekday_of_week",)))
        # weekday_day: יום שלישי התשעה עשר, السبت السادس عشر
        dn = P.daynum(wend)
        if dn is not None and dn[1] != "word":
            out.append((dn[0].end, wstart, _weekday_day(wd, int(dn[0].value)), True, ("weekday_day",)))
        # nth_weekday with the weekday first, its ordinal after: الثلاثاء الثالث من شهر أيلول
        # (read by weekday_date above, which keeps the date when the weekday agrees)
    for tb in P.lex(pos, "this_before"):
        for wend, wd, _ in P.weekday(tb.end):
            out.append((wend, tb.start, _weekday_rel(wd, 0), True, ("weekday_relative",)))
    return out


@rule
def weekday_date(P: _Parser, pos: int) -> list:
    """A weekday and a date after it (a comma or ``الموافق``, ``في`` may stand between): the
    weekday picks the year of a date printed without one (الخميس 15 اغسطس is 2013-08-15: in
    2012 it was a Wednesday) and, with an ordinal day of 5 or less it does not fall on, makes
    it the nth weekday of the month (the reading then names :func:`nth_weekday` too).

    >>> explain_dates("الخميس 15 اغسطس", "ar", "2013-02-12")
    [('خميس 15 اغسطس', '2013-08-15', False, ('weekday_date', 'day_month'))]
    """
    return [c for c in weekday_constructs(P, pos) if "weekday_date" in c[4]]


@rule
def weekday_relative(P: _Parser, pos: int) -> list:
    """A weekday with this, next or last: רביעי הזה (the coming one, today included), רביעי
    הבא and الثلاثاء القادم (the next one after today), שלישי האחרון and الاحد الماضي (the last
    one before today), هذا الاثنين.

    >>> explain_dates("الثلاثاء القادم والاحد الماضي", "ar", "2013-02-12")
    [('ثلاثاء القادم', '2013-02-19', True, ('weekday_relative',)), ('احد الماضي', '2013-02-10', True, ('weekday_relative',))]
    """
    return [c for c in weekday_constructs(P, pos) if "weekday_relative" in c[4]]


@rule
def weekday_of_week(P: _Parser, pos: int) -> list:
    """A weekday of this, next or last week (ISO weeks, Monday first): רביעי שבוע הבא,
    اثنين الاسبوع الحالي, الاثنين من هذا الاسبوع.

    >>> explain_dates("רביעי שבוע הבא", "he", "2013-02-12")
    [('רביעי שבוע הבא', '2013-02-20', True, ('weekday_of_week',))]
    """
    return [c for c in weekday_constructs(P, pos) if "weekday_of_week" in c[4]]


def _weekday_day(wd: int, day: int) -> Resolver:
    def fn(d: dt.date):
        for k in (0, 1, -1, 2, -2, 3, -3):
            m = d.year * 12 + d.month - 1 + k
            iso = _day_iso(m // 12, m % 12 + 1, day)
            if iso and dt.date.fromisoformat(iso).isoweekday() == wd:
                return iso, "day"
        iso = _day_iso(d.year, d.month, day)
        return (iso, "day") if iso else None
    return _need_day(fn)


@rule
def weekday_day(P: _Parser, pos: int) -> list:
    """A weekday and a day of the month with no month: the nearest month in which that day
    is that weekday (יום שלישי התשעה עשר, السبت السادس عشر).

    >>> explain_dates("السبت السادس عشر", "ar", "2013-02-12")
    [('سبت السادس عشر', '2013-02-16', True, ('weekday_day',))]
    """
    return [c for c in weekday_constructs(P, pos) if "weekday_day" in c[4]]


def _ordinal(P: _Parser, pos: int) -> Numeral | None:
    n = P.number(pos)
    if n is None or not n.ordinal or n.value != int(n.value) or not 1 <= n.value <= 5:
        return None
    return n


@rule
def nth_weekday(P: _Parser, pos: int) -> list:
    """The nth weekday of a month (ثالث ثلاثاء في أيلول في سنة 2014, ثاني اربعاء من شهر
    اكتوبر), or after a date (ثالث ثلاثاء بعد كريسماس 2014: ``holidays``).

    >>> explain_dates("ثالث يوم ثلاثاء بايلول بعام 2014", "ar")
    [('ثالث يوم ثلاثاء بايلول بعام 2014', '2014-09-16', False, ('nth_weekday',))]
    >>> explain_dates("ثالث ثلاثاء بعد كريسماس 2014", "ar")
    [('ثالث ثلاثاء بعد كريسماس 2014', '2015-01-13', False, ('nth_weekday',))]
    >>> explain_dates("الاربعاء الثانية من شهر اكتوبر في سنة 2014", "ar")
    [('اربعاء الثانية من شهر اكتوبر في سنة 2014', '2014-10-08', False, ('weekday_date', 'day_month', 'nth_weekday'))]
    """
    n = _ordinal(P, pos)
    if n is None:
        return []
    out = []
    k = int(n.value)
    starts = [n.end] + [d.end for d in P.lex(n.end, "dayword")]
    for s in starts:
        for w in P.lex(s, "weekday"):
            for mend, mspec in P.month(w.end, within=True):
                for yend, yspec in P.year(mend) + [(mend, None)]:
                    out.append((yend, n.start, _nth_resolver(k, w.val, mspec, yspec),
                                not (yspec and yspec[0] == "abs"), ("nth_weekday",)))
            for af in P.lex(w.end, "after"):
                for h in P.lex(af.end, "holiday"):
                    for yend, yspec in P.year(h.end) + [(h.end, None)]:
                        c = _Cal(yend, h.start, h.val[1], "digits", ("abs", h.val[0]), yspec, 0, None, ())
                        out.append((yend, n.start, _after(k, w.val, _cal_resolver(c)), not _absolute(c),
                                    ("nth_weekday",)))
                for c in P.calendar(af.end):
                    if c.day is not None or c.shape:
                        out.append((c.end, n.start, _after(k, w.val, _cal_resolver(c)), not _absolute(c),
                                    ("nth_weekday",)))
    return out


def _after(n: int, wd: int, base: Resolver) -> Resolver:
    def resolve(p):
        b = base(p)
        if b is None or b[1] != "day" or b[0].startswith("-"):
            return None
        d = dt.date.fromisoformat(b[0])
        d += dt.timedelta(days=(wd - d.isoweekday() - 1) % 7 + 1 + 7 * (n - 1))
        return d.isoformat(), "day"
    return resolve


@rule
def last_of_month(P: _Parser, pos: int) -> list:
    """The last weekday or the last day of a month: שני האחרון של מרץ, آخر اثنين من شهر آذار,
    اخر اثنين من الشهر القادم, آخر يوم بشهر عشرة سنة 2015, اليوم الأخير من شهر عشرة.

    >>> explain_dates("שני האחרון של מרץ", "he", "2013-02-12")
    [('שני האחרון של מרץ', '2013-03-25', True, ('last_of_month',))]
    >>> explain_dates("اخر يوم بشهر عشرة سنة 2015", "ar")
    [('اخر يوم بشهر عشرة سنة 2015', '2015-10-31', False, ('last_of_month',))]
    """
    out = []  # (the weekday first, שני האחרון של מרץ, is read by weekday_constructs)
    heads = []  # (end of "the last weekday/day", weekday or None, start)
    for lb in P.lex(pos, "last_before"):
        heads += [(w.end, w.val, lb.start) for w in P.lex(lb.end, "weekday")]
        heads += [(d.end, None, lb.start) for d in P.lex(lb.end, "dayword")]
    for d in P.lex(pos, "dayword"):
        heads += [(lo.end, None, d.start) for lo in P.lex(d.end, "last_of")]
    for hend, wd, start in heads:
        for mend, mspec in P.month(hend, within=True):
            for yend, yspec in P.year(mend) + [(mend, None)]:
                res = _nth_resolver(-1, wd, mspec, yspec) if wd else _last_day(mspec, yspec)
                out.append((yend, start, res, not (yspec and yspec[0] == "abs"), ("last_of_month",)))
    return out


def _last_day(mspec: tuple, yspec: tuple | None) -> Resolver:
    def resolve(p):
        ym = _month_of(mspec, yspec, p)
        if ym is None:
            return None
        return _day_iso(ym[0], ym[1], _calendar.monthrange(*ym)[1]), "day"
    return resolve


@rule
def day_of_month(P: _Parser, pos: int) -> list:
    """"Day" and an ordinal of a month: اليوم الاول من شهر ثلاثة (the first day of March).

    >>> explain_dates("اليوم الاول من شهر ثلاثة", "ar", "2013-02-12")
    [('يوم الاول من شهر ثلاثة', '2013-03-01', False, ('day_of_month', 'day_month'))]
    """
    out = []
    for d in P.lex(pos, "dayword"):
        dn = P.daynum(d.end)
        if dn is None or dn[1] != "ordinal":
            continue
        for c in P.calendar(dn[0].pstart if dn[0].pstart >= 0 else dn[0].start):
            if c.day is not None and c.start == dn[0].start:
                out.append((c.end, d.start, _cal_resolver(c), not _absolute(c), ("day_of_month",) + c.rules))
    return out


# -- finding dates ---------------------------------------------------------------------------

_BACK = 4  # words before an anchor a date may start with (الثالث عشرة من شباط)
_START = operator.methodcaller("start")
_END = operator.itemgetter(0)


def _back_starts(t: str, pos: int, floor: int) -> list[int]:
    """Starts of up to :data:`_BACK` words before ``pos`` (same line, no punctuation but a
    comma or a hyphen), earliest first."""
    out = []
    i = pos
    for _ in range(_BACK):
        j = i
        while j > floor and t[j - 1] in " \t":
            j -= 1
        if j > floor and t[j - 1] in ",\u060c":
            j -= 1
            while j > floor and t[j - 1] in " \t":
                j -= 1
        k = j
        while k > floor and (t[k - 1].isalnum() or t[k - 1] in "-_"):
            k -= 1
        if k == j:
            break
        out.append(k)
        i = k
    return out[::-1]


def find_dates(code: str | None, t: str) -> list[DateReading]:
    """Every date of normalized text ``t``, in order, non-overlapping; the earliest start
    wins, then the longest reading.

    >>> [(r.resolve("2013-02-12"), r.relative) for r in find_dates("he", "נפגשו אתמול")]
    [(('2013-02-11', 'day'), True)]
    """
    w = date_words(code)
    if not w.words:
        return []
    P = _Parser(w, t)
    out: list[DateReading] = []
    last = 0
    anchors = [m for r in w.anchor_res for m in r.finditer(t)]
    if len(w.anchor_res) > 1:
        anchors.sort(key=_START)
    for m in anchors:
        if m.start() < last:  # (inside the date before: its word starts there or earlier)
            continue
        a = w.anchor_start(t, m)
        if a is None or a < last:
            continue
        best = None
        word = m.lastgroup
        back = _back_starts(t, a, last) if word == "w" and m.group("w") in w.led else []
        past = m.start(word)  # a reading must reach past the anchor's start
        for s in back + [a]:
            if s != a and not P.can_start(s):
                continue
            found = [r for r in P.parse(s) if r[0] > past]
            if found:
                best = max(found, key=_END)
                break
        if best is None:
            continue
        end, start, resolver, relative, rules = best
        # the start of the first word, its attached prefix excluded
        out.append(DateReading(start, end, s, resolver, relative, rules))
        last = end
    return out


def explain_dates(text: str, lang: str | None = None, published: str | None = None) -> list[tuple]:
    """Each date of ``text``: its text, its value against ``published``, whether it is
    relative, and the rules that built it (a date that needs the publication date, without
    one: value None).

    >>> explain_dates("מחר", "he", "2013-02-12"), explain_dates("מחר", "he")
    ([('מחר', '2013-02-13', True, ('relative_day',))], [('מחר', None, True, ('relative_day',))])
    """
    from ...text.langdata import detect_language
    from ...text.normalize import normalize

    if lang is None:
        lang = detect_language(text)
    n = normalize(text)
    out = []
    for r in find_dates(lang, n.text):
        s, e = n.to_original(r.start, r.end)
        v = r.read(published)
        out.append((text[s:e], v[0] if v else None, r.relative, v[2] if v else r.rules))
    return out
