"""Rules for numbers written with digits: separators, exponents, signs, spaces, glued words.

Runs on the normalized text: Arabic-Indic and Persian digits are ASCII there, ``٫`` is
``.``, ``٬`` is ``,``; NBSP and thin spaces are plain spaces.

>>> explain("١٠٠٬٠٠٠٫٥", "ar")
[('١٠٠٬٠٠٠٫٥', 100000.5, ('digits',))]
"""

from __future__ import annotations

import math
import re

from .core import FULL, NO, Numeral, State, explain, next_token, rule, slots  # noqa: F401 (explain: used by the doctests)
from .lexicon import LATIN, Grammar, latin_name
from .shapes import numeric_shape
from .words import scale

__all__ = ["parse_digits", "digits"]

_SIGN_BEFORE = frozenset(" \t\n\r([{\"'=:;,/|\u060c\u061b")
_SEP = re.compile(r"[.,\u060c]")
_THOUSANDS = frozenset(",\u060c")
_NAME_EDGE = LATIN | {"-"}  # what may glue digits to a Latin name (see latin_name)


def parse_digits(s: str) -> float | None:
    """The value of a digit string with ``,`` ``.`` ``،`` separators, or None if malformed.

    A comma is a thousands separator when every group after it has three digits,
    else a decimal comma (``4,8``); with two kinds of separator the last one is
    the decimal point (``1,234.5``, ``1.234,5``, ``26،013,94``). A dot is a thousands
    separator only where the grouping proves it: two dots or more with groups of three
    (``1.200.000``), or one dot before exactly ``000`` (``750.000``); otherwise it is
    the decimal point (``2.5``, ``1.500``).

    >>> parse_digits("100,000"), parse_digits("4,8"), parse_digits(".77"), parse_digits("0033")
    (100000.0, 4.8, 0.77, 33.0)
    >>> parse_digits("1.200.000"), parse_digits("750.000"), parse_digits("1.500"), parse_digits("2.5")
    (1200000.0, 750000.0, 1.5, 2.5)
    >>> parse_digits("1.2.3") is None
    True
    """
    if s.startswith("."):
        return float("0" + s) if s[1:].isdigit() else None
    seps = _SEP.findall(s)
    if not seps:
        return float(s)
    groups = _SEP.split(s)
    if len(seps) == 1:
        a, b = groups
        if len(b) == 3 and not a.startswith("0") and (seps[0] != "." or b == "000" and len(a) <= 3):
            return float(a + b)
        return float(f"{a}.{b}")
    first, rest = groups[0], groups[1:]
    if not 1 <= len(first) <= 3 or first.startswith("0") and len(first) > 1:
        return None
    if len(set(seps)) == 1 or set(seps) <= _THOUSANDS:
        if all(len(g) == 3 for g in rest):
            return float("".join(groups))
        if set(seps) <= _THOUSANDS and seps[-1] == "," and len(set(seps[:-1])) == 1 and seps[0] != ",":
            pass  # "26،013,94": fall through to the mixed case
        else:
            return None
    last, others = seps[-1], seps[:-1]
    if last in others or not all(len(g) == 3 for g in rest[:-1]):
        return None
    if last == "." and not set(others) <= _THOUSANDS:
        return None
    return float("".join(groups[:-1]) + "." + groups[-1])


def digit_value(m: re.Match) -> float | None:
    """The value of a digit token (its ``num``, ``exp`` and ``pow`` groups), or None."""
    v = parse_digits(m.group("num"))
    if v is None:
        return None
    try:
        if m.group("exp") is not None:
            v = v * 10.0 ** int(m.group("exp"))
        elif m.group("pow") is not None:
            v = v ** int(m.group("pow"))
    except (OverflowError, ZeroDivisionError):
        return None
    return v if math.isfinite(v) else None


@rule
def digits(g: Grammar, t: str, pos: int) -> tuple[State | None, int]:
    """A run of digits with ``,`` ``.`` ``،`` separators (see :func:`parse_digits`), and an
    attached prefix glued before it (``ב-5``, ``بـ500``: the prefix is not part of the number).

    This is the first rule of every numeral that starts with a digit; it tries the numeric
    shapes first and the rules below after it.

    >>> explain("גידול של 1,234,567 משתמשים", "he")
    [('1,234,567', 1234567.0, ('digits',))]
    """
    m = g.digit_re.match(t, pos)
    if m is None:
        return None, pos + 1
    end = m.end()
    text, exp, pw = m.group("num", "exp", "pow")
    pstart = g.digit_prefix(t, pos) if text[0] != "." and pos and t[pos - 1] in g.prefix_last else pos
    num = Numeral(pos, end, 0.0, None, pstart)  # start, end, value, value_max, pstart (a hot path)
    if pstart < pos:
        num.prefix = t[pstart:pos]
        _, num.conj, num.article = g.split(num.prefix)
    after = t[end] if end < len(t) else ""
    if after and after in ":/-" or "." in text and text.count(".") >= 2:
        shape = numeric_shape(g, t, State(num, end), m, after)
        if shape is not None:
            return shape
    if pos > 1 and t[pos - 1] == "/" and t[pos - 2].isdigit():
        return None, end
    if (pos and t[pos - 1] in _NAME_EDGE or after in _NAME_EDGE) and latin_name(g, t, pos, end):
        return None, end
    st = State(num, end)
    plain = exp is None and pw is None and text.isdigit()
    v = float(text) if plain else digit_value(m)
    if v is None:
        return None, end
    st.rules.append("digits")
    if exp is not None or pw is not None:
        exponent(st)
    st.group = v
    num.plain = plain
    if after == " ":
        if plain and len(text) <= 3 and t[end + 1:end + 2].isdigit():
            space_groups(g, t, st, text)
    elif after in g.decimal_letters and plain:
        letter_decimal(g, t, st, text)
    if st.end != end:
        if latin_name(g, t, pos, st.end):
            return None, st.end
        v = st.group
        end = st.end
    if pos and t[pos - 1] in "-+":
        minus_sign(g, t, st)
    num.digits = True
    st.gslots = FULL if v >= 1000 or v != int(v) else (7 if v >= 100 else 3 if v >= 10 else 1)
    st.last = "digit"
    if end < len(t):
        c = t[end]
        if c.isalpha() and c not in LATIN:
            glued_scale(g, t, st)
            end = st.end
            c = t[end] if end < len(t) else ""
        # only a word can continue a digit token ("5 מיליארד", "٣ مئة"): skip the loop otherwise
        if c == " " or c == "\t":
            j = end + 1
            if j >= len(t) or t[j].isalpha() or t[j] in " \t":
                return st, end
    st.done = True
    return st, end


@rule
def exponent(st: State) -> None:
    """Scientific notation on digits: ``1e10``, ``10^3``.

    >>> explain("القيمة ١e١٠ و 2^10", "ar")
    [('١e١٠', 10000000000.0, ('digits', 'exponent')), ('2^10', 1024.0, ('digits', 'exponent'))]
    """
    st.rules.append("exponent")


@rule
def space_groups(g: Grammar, t: str, st: State, text: str) -> None:
    """Digits grouped by spaces (NBSP and thin spaces are spaces once normalized): one number
    when the first group has 1–3 digits and every following group exactly 3.

    A first group of 4 digits is a year or another number: ``2024 500`` stays two numbers.

    >>> explain("גיוס של 1 200 000 דולר", "he")
    [('1 200 000', 1200000.0, ('digits', 'space_groups'))]
    >>> [v for _, v, _ in explain("ב-2023 120 מיליון", "he")]
    [2023.0, 120000000.0]
    """
    if not (text.isdigit() and len(text) <= 3 and text[0] != "0" and st.num.plain):
        return
    m = g.space_groups_re.match(t, st.end)
    if m is None:
        return
    st.group = float(text + t[st.end:m.end()].replace(" ", ""))
    st.end = m.end()
    st.num.plain = False
    st.rules.append("space_groups")


@rule
def letter_decimal(g: Grammar, t: str, st: State, text: str) -> None:
    """A decimal separator written as a letter between digits (Egyptian press: ``12ر5`` = 12.5).

    The letters come from ``decimal_point.between_digits`` in the language's numbers.yaml.
    The text holds the digits in logical (typed) order, ``12ر5``; in right-to-left display
    the letter splits the two digit runs, so the same string *shows* as ``5ر12``. It is read
    only when the letter stands directly between digits on both sides.

    >>> explain("بلغ النمو 12ر5 مليار جنيه", "ar")
    [('12ر5 مليار', 12500000000.0, ('digits', 'letter_decimal', 'scale'))]
    """
    if not text.isdigit() or not st.num.plain:
        return
    m = g.fraction_digits_re.match(t, st.end + 1)
    if m is None:
        return
    st.group = float(f"{text}.{m.group()}")
    st.end = m.end()
    st.num.plain = False
    st.rules.append("letter_decimal")


@rule
def minus_sign(g: Grammar, t: str, st: State) -> None:
    """A minus (or plus) sign right before the digits, after a space or punctuation.

    An attached prefix is never a sign (``ל-5`` is "to 5").

    >>> explain("NVIDIA Corp. -2.4%", "he")
    [('-2.4', -2.4, ('digits', 'minus_sign'))]
    """
    num = st.num
    s = num.start
    if not num.prefix and s > 0 and t[s - 1] in "-+" and (s == 1 or t[s - 2] in _SIGN_BEFORE):
        num.start -= 1
        num.pstart = num.start
        if t[s - 1] == "-":
            st.sign = -1.0
        st.rules.append("minus_sign")


@rule
def glued_scale(g: Grammar, t: str, st: State) -> None:
    """A scale word glued to the digits, with no space: ``5מיליארד``, ``5مليارات``.

    (An attached prefix glued before the digits, ``ב5``, ``بـ5``, is read by :func:`digits`.)

    >>> explain("بـ5مليار دولار", "ar")
    [('5مليار', 5000000000.0, ('digits', 'glued_scale', 'scale'))]
    """
    m = g.word_re.match(t, st.end)
    if m is None:
        return
    for r in g.lexicon[m.group("word")]:
        if r[0] == "scale":
            st.rules.append("glued_scale")
            if scale(g, t, st, r, m.end(), False) != NO:
                st.end = m.end()
                st.num.words += 1
                return
            st.rules.pop()


@rule
def digits_after_word(g: Grammar, t: str, st: State, m: re.Match, c2: bool, plen: int) -> bool:
    """Digits that join a numeral after a hundred or scale word: ``٣ مئة و ٢١`` = 321.

    >>> explain("٤ آلاف ٣ مائة", "ar")
    [('٤ آلاف ٣ مائة', 4300.0, ('digits', 'scale', 'digits_after_word', 'within_group'))]
    """
    if st.last not in ("hundred", "scale", "mult") or latin_name(g, t, m.start() + plen, m.end()):
        return False
    v = digit_value(m)
    if v is None or v != int(v) or v >= 1000:
        return False
    if st.last == "scale" and not c2 and v >= st.last_scale:
        return False
    sl = slots(v)
    if st.gslots & sl or v >= st.last_scale:
        return False
    n3 = next_token(g, t, m.end())
    if n3 is not None and n3.group("word") and not n3.group("prefix"):
        r3 = g.lexicon[n3.group("word")][0]
        if r3[0] == "scale" and not r3[3] and r3[1] >= st.last_scale:
            return False  # "بين 40 ألفا و65 ألف": the digits have a scale of their own
    st.group += v
    st.gslots |= sl
    st.last_conjunct = v
    st.last = "digit"
    st.num.digits = True
    st.end = m.end()
    st.rules.append("digits_after_word")
    return True

