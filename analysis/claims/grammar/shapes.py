"""Rules for numeric shapes: clock times, numeric dates and slash fractions.

A digit followed by ``:`` ``/`` or ``-`` (or a number with two dots or more) is first tried
as one of these shapes; what is not a shape goes on as a plain number.

>>> explain("עד 2024-05-01, ב-3/4 מהמקרים", "he")
[('2024-05-01', '2024-05-01', ('numeric_date',)), ('3/4', 0.75, ('slash_fraction',))]
"""

from __future__ import annotations

import re

from .core import State, explain, rule  # noqa: F401 (explain: used by the doctests)
from .lexicon import Grammar, latin_name

__all__ = ["numeric_shape"]


def numeric_shape(g: Grammar, t: str, st: State, m: re.Match, after: str) -> tuple[State | None, int] | None:
    """A time, a date or a slash fraction at the digits of ``m``; None when the digits are none
    of these and read on as a number."""
    pos = st.num.start
    shape = g.shape_re.match(t, pos)
    if shape is not None and not latin_name(g, t, pos, shape.end()):
        if shape.group("time"):
            return clock_time(shape)
        if shape.group("d") or shape.group("Y"):
            r = numeric_date(st, shape)
        elif shape.group("mo"):
            r = numeric_month(st, shape)
        else:
            r = slash_fraction(st, shape)
        if r is not None:
            return r
    if after == "/":
        slash = slash_run(g, t, pos)
        return None, slash.end() if slash else m.end()
    return None


@rule
def clock_time(shape: re.Match) -> tuple[None, int]:
    """Reads nothing: a clock time (``11:28``) is skipped whole.

    >>> explain("נפתח ב-11:28", "he")
    []
    """
    return None, shape.end()


@rule
def slash_run(g: Grammar, t: str, pos: int) -> re.Match | None:
    """Reads nothing: digits joined by slashes that are no date or fraction (``24/7``, ``50/50``).

    >>> explain("שירות 24/7 ותיקו 50/50", "he")
    []
    """
    return g.slash_re.match(t, pos)


#: two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999
PIVOT = 50


@rule
def numeric_date(st: State, shape: re.Match) -> tuple[State | None, int] | None:
    """A numeric date, day first (``21/11/2023``, ``21.11.23``, ``2-3-2022``) or year first
    (``2024-05-01``); its value is the year, its ``iso`` the date. A two-digit year below 50
    is in the 2000s, from 50 in the 1900s. ``1.10.25`` (two-digit year after dots) is rather
    a version number, and ``5-10-15`` (two-digit year after dashes) a list: not dates. The
    month is first only where the day cannot be (:func:`month_first`).

    >>> explain("הדוד סאם 21/11/2023 11:28", "he")
    [('21/11/2023 11:28', '2023-11-21', ('numeric_date',))]
    >>> explain("3/3/15 ו-2-3-2022", "he")
    [('3/3/15', '2015-03-03', ('numeric_date',)), ('2-3-2022', '2022-03-02', ('numeric_date',))]
    """
    num = st.num
    if shape.group("d"):
        d, mo, y = int(shape.group("d")), int(shape.group("m")), shape.group("y")
        if shape.group("s") == "." and len(y) == 2:
            return None
        year = int(y) if len(y) == 4 else (2000 if int(y) < PIVOT else 1900) + int(y)
        first = 1 <= d <= 12 and 12 < mo <= 31
        if shape.group("s") == "-" and (len(y) == 2 and not first or not (first or 1 <= mo <= 12)):
            return None  # 5-10-15 (a list), 15-20-30: numbers, not a date
        if first:
            d, mo = mo, d
            st.rules.append("month_first")
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None, shape.end()
    else:
        year, mo, d = int(shape.group("Y")), int(shape.group("M")), int(shape.group("D"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
    num.kind, num.iso, num.digits = "date", f"{year:04d}-{mo:02d}-{d:02d}", True
    st.rules.append("numeric_date")
    return st.finish(float(year), shape.end()), shape.end()


@rule
def month_first(st: State) -> None:
    """Reads no date of its own: in a numeric date whose second number cannot be a month, the
    month is first (US order, ``10/31/1974``, ``10-31-74``); :func:`numeric_date` swaps them.

    >>> explain("נולד ב-10/31/74", "he")
    [('10/31/74', '1974-10-31', ('month_first', 'numeric_date'))]
    """


@rule
def numeric_month(st: State, shape: re.Match) -> tuple[State | None, int] | None:
    """A month and a four-digit year with a slash: ``2/2013`` is February 2013 (``iso`` ``2013-02``).

    >>> explain("דוח 2/2013", "he")
    [('2/2013', '2013-02', ('numeric_month',))]
    """
    mo, year = int(shape.group("mo")), int(shape.group("yr"))
    if not (1 <= mo <= 12 and 1900 <= year <= 2100):
        return None, shape.end()
    num = st.num
    num.kind, num.iso, num.digits = "date", f"{year:04d}-{mo:02d}", True
    st.rules.append("numeric_month")
    return st.finish(float(year), shape.end()), shape.end()


@rule
def slash_fraction(st: State, shape: re.Match) -> tuple[State | None, int]:
    """A proper fraction with a slash: ``3/4`` = 0.75 (``4/3`` and ``0/5`` read nothing).

    >>> explain("רק 1/3 מהעובדים", "he")
    [('1/3', 0.3333333333333333, ('slash_fraction',))]
    """
    a, b = int(shape.group("a")), int(shape.group("b"))
    if not 0 < a < b:
        return None, shape.end()
    st.num.fraction = st.num.digits = True
    st.rules.append("slash_fraction")
    return st.finish(a / b, shape.end()), shape.end()
