"""The reader: finds anchors, reads the first token with one rule and the rest with the
continuation rules, and hands back :class:`~.core.Numeral` readings.

:func:`iter_numerals` searches one precompiled *anchor* regex (a digit, a number word, a
noun-dual ending), so Python work is done only around anchors. :func:`read_numeral` reads
the longest numeral at an anchor: a first-token rule (:mod:`.digits`, :mod:`.shapes`,
:mod:`.words`, :mod:`.fractions`, :mod:`.units`, :mod:`.duals`) starts it, then each next
token is offered to the continuation rules of its readings, in order, until one takes it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from ...text.normalize import normalize
from . import digits as _digits
from . import duals as _duals
from . import fractions as _fractions
from . import units as _units
from . import words as _words
from .core import NO, TAKE, Numeral, State, next_token
from .lexicon import CONTINUATION_ONLY, Grammar, grammar

__all__ = ["read_numeral", "find_numbers", "iter_numerals"]

_DIGIT_START = frozenset("0123456789.")

#: Continuation rules by reading kind: ``rule(g, t, state, reading, token_end, conjunction)``.
_CONTINUE: dict[str, Callable] = {
    "one": _words.add, "ten": _words.add, "hundred": _words.add,
    "scale": _words.scale, "fraction": _fractions.fraction, "denom": _fractions.denominator,
    "point": _words.decimal_word, "over": _fractions.over, "part_of": _fractions.over,
    "per": _units.factor_unit,
}
_UNITS = {"unit_word": _units.unit_word, "unit_dual": _units.unit_dual, "listed_dual": _duals.listed_dual}
_read_digits = _digits.digits
_digits_after_word = _digits.digits_after_word


def read_numeral(g: Grammar, t: str, pos: int) -> tuple[Numeral | None, int]:
    """Read the numeral that starts at ``pos`` of normalized text ``t``.

    Returns the numeral (or None) and the position to continue scanning from.

    >>> num, _ = read_numeral(grammar("he"), "עלה ב-5 מיליארד", 6)
    >>> num.value, num.prefix, num.rules
    (5000000000.0, 'ב-', ('digits', 'scale'))
    """
    if pos >= len(t):
        return None, pos + 1
    if t[pos] in _DIGIT_START:
        st, nxt = _read_digits(g, t, pos)
    else:
        st, nxt = _first_word(g, t, pos)
    if st is None:
        return None, nxt
    if type(st) is Numeral:  # a minus word: the numeral after it, negated
        return st, nxt
    if not st.done:
        _continue(g, t, st)
    num = st.num
    num.value = st.sign * (st.total + st.group)
    num.end = st.end
    num.plain = num.plain and num.words == 0 and st.sign > 0
    if not math.isfinite(num.value):
        return None, st.end
    num.rules = tuple(st.rules)
    return num, st.end if st.skip < st.end else st.skip


def _first_word(g: Grammar, t: str, pos: int) -> tuple[State | Numeral | None, int]:
    """The first token of a numeral that starts with a word: the rule of its first reading."""
    m = g.token_re.match(t, pos)
    word = m.group("word") if m is not None else None
    if word is None:  # no number word: a noun read by its dual ending, or nothing
        return _duals.noun_dual(g, t, pos) if g.duals is not None else (None, pos + 1)
    prefix = m.group("prefix")
    end = m.end()
    readings = g.lexicon[word]
    r = readings[0]
    kind = r[0]
    article = conj = False
    if prefix:
        if prefix + word in g.not_words:
            g.dead.add(t[pos:end])
            return None, end
        _, conj, article = g.split(prefix)
        if article:
            # השני, الثانية: with the article a word that can be an ordinal is one
            if len(readings) > 1:
                r = next((x for x in readings if x[0] == "ordinal"), r)
                kind = r[0]
            if kind == "scale" and not (r[2] == "singular" and r[4]) \
                    or kind == "unit" and r[5] == "unit_word" and r[2] != "multiplier":
                # الملياري (an adjective), الآلاف alone (but רף הטריליון, المليار: `definite`);
                # העשור, العام, השנה, اليوم are not "one year" (a dual is: الشهرين)
                g.dead.add(t[pos:end])
                return None, end
    if kind in CONTINUATION_ONLY:
        g.dead.add(t[pos:end])
        return None, end
    # (positional arguments: start, end, value, value_max, pstart, prefix; a hot path)
    num = Numeral(m.start() + len(prefix), end, 0.0, None, pos, prefix)
    num.words = 1
    if prefix:
        num.article, num.conj = article, conj
    st = State(num, end)
    if kind == "unit":
        ok = _UNITS[r[5]](g, t, st, r)
    elif kind == "one" or kind == "ten" or kind == "hundred":
        if not prefix and g.duals is not None and word in g.duals.two and _duals.dual_with_two(g, t, st):
            return st, st.end
        ok = _words.number_word(g, t, st, r)
    elif kind == "ordinal":
        ok = _words.ordinal(g, t, st, r)
    elif kind == "scale":
        if r[2] == "plural":
            ok = _words.vague(g, t, st, r[1])
        else:
            construct = next((x for x in readings if x[2] == "construct"), None) if len(readings) > 1 else None
            if construct is not None and _words.construct_before_noun(g, t, end):
                r = construct  # مليارا دولار: two billion dollars
            ok = _words.scale(g, t, st, r)
    elif kind == "vague_unit":  # עשורים alone: 2..9 decades
        num.kind, num.unit = r[2], r[3]
        ok = _words.vague(g, t, st, r[1])
    elif kind == "fraction":
        ok = _fractions.fraction(g, t, st, r)
    elif kind == "vague":
        ok = _words.vague(g, t, st, r[1])
    elif kind == "neg":
        return _words.negative(g, t, st)
    elif kind == "part_of":  # جزء من مئة = 1/100
        ok = _fractions.part_of(g, t, st)
    else:
        return None, end
    if ok == NO:
        return None, end
    return st, st.end


def _continue(g: Grammar, t: str, st: State) -> None:
    """Offer each next token to the continuation rules of its readings until none takes one."""
    lexicon = g.lexicon
    num = st.num
    while not st.done:
        n2 = next_token(g, t, st.end)
        c2 = False
        spaced = -1
        if n2 is None:
            # الواحد و العشرون: a definite numeral goes on after the conjunction written apart
            if not num.article or (n2 := _words.spaced_conjunction(g, t, st.end)) is None:
                return
            p2, c2 = "", True
            spaced = len(st.rules)
        else:
            p2 = n2.group("prefix")
        if p2:
            u2, c2, art2 = g.split(p2)
            # الواحد والثلاثون: after a definite numeral the conjunction may carry the article
            if not c2 or len(u2) > 1 and not (num.article and len(u2) == 2 and art2):
                return
        if n2.group("num") is not None:
            # digits join only after a hundred or scale word: "٣ مئة و ٢١", "٤ آلاف ٣ مائة"
            if not _digits_after_word(g, t, st, n2, c2, len(p2)):
                return
            continue
        end = n2.end()
        for r in lexicon[n2.group("word")]:
            rule = _CONTINUE.get(r[0])
            if rule is not None and (taken := rule(g, t, st, r, end, c2)) != NO:
                if spaced >= 0:
                    st.rules.insert(spaced, "spaced_conjunction")
                if taken == TAKE:
                    st.end = end
                    num.words += 1
                break
        else:
            return


def find_numbers(text: str, lang: str | None = None) -> list[Numeral]:
    """Every numeral in ``text`` with spans and ``text`` in the original text.

    This is the bare numeral reader (no units, ranges or hedges); see
    :func:`analysis.claims.quantities.find_quantities` for quantities.

    >>> [(n.text, n.value) for n in find_numbers("גרעון של 5 מיליארד דולר", "he")]
    [('5 מיליארד', 5000000000.0)]
    """
    from ...text.langdata import detect_language

    if lang is None:
        lang = detect_language(text)
    g = grammar(lang)
    n = normalize(text)
    out: list[Numeral] = []
    for num in iter_numerals(g, n.text):
        if num.weak or num.kind == "date":
            continue
        s, e = n.to_original(num.start, num.end)
        num.start, num.end, num.text = s, e, text[s:e]
        num.pstart = n.to_original(num.pstart, num.pstart)[0] if num.pstart >= 0 else s
        out.append(num)
    return out


def iter_numerals(g: Grammar, t: str, resume: list[int] | None = None) -> Iterator[Numeral]:
    """Every numeral of normalized text ``t``, in order (offsets into ``t``).

    A caller that reads further than a numeral (its unit, a range) sets
    ``resume[0]`` to where scanning should go on.
    """
    pos = 0
    search = g.anchor_re.search
    anchor_start = g.anchor_start
    dead = g.dead
    while True:
        if resume and resume[0] > pos:
            pos = resume[0]
        m = search(t, pos)
        if m is None:
            return
        p = m.start()
        if t[p] not in _DIGIT_START:  # (a digit anchor starts where it is)
            p = anchor_start(t, m, pos)
            if p is None or t[p:m.end()] in dead:
                pos = m.end()
                continue
        num, nxt = read_numeral(g, t, p)
        pos = nxt if nxt > m.start() else m.start() + 1
        if num is not None:
            yield num
