"""Rules for number words: units, tens, hundreds, teens, scales, vague plurals, ordinals,
negatives and the decimal-point word.

A numeral in words is read left to right: the first word starts a *group* (units, tens,
hundreds); later words add a smaller place (:func:`add`), multiply within the group
(:func:`within_group`) or close the group with a scale word (:func:`scale`).

>>> explain("مليون وألفين ومائتين", "ar")
[('مليون وألفين ومائتين', 1002200.0, ('scale', 'dual_scale', 'add'))]
"""

from __future__ import annotations

from .core import FULL, HERE, NO, TAKE, H, Numeral, State, T, U, explain, next_token, rule  # noqa: F401 (explain: used by the doctests)
from .lexicon import Grammar

__all__ = ["scale", "vague", "ordinal", "negative"]


@rule
def number_word(g: Grammar, t: str, st: State, r: tuple) -> int:
    """A unit, ten or hundred word starts a numeral: שלושה = 3, عشرين = 20, מאתיים = 200.

    >>> explain("שלושת אלפים עובדים", "he")
    [('שלושת אלפים', 3000.0, ('number_word', 'scale'))]
    """
    kind, v = r[0], r[1]
    st.group = st.last_conjunct = v
    st.rules.append("number_word")
    if kind == "one":
        st.gslots = U if v < 10 else T | U
        if v < 10:
            end = teen(g, t, st.end)
            if end is not None:
                st.group += 10
                st.gslots = T | U
                st.end = end
                st.num.words += 1
                st.rules.append("teen")
    else:
        st.gslots = T if kind == "ten" else H
    st.last = kind
    return TAKE


@rule
def teen(g: Grammar, t: str, pos: int) -> int | None:
    """A unit word and the teen word right after it make 11–19 (ארבעה עשר, ארבע עשרה,
    خمسة عشر, and ordinals: الحادي عشر). Returns where the teen word ends, or None.

    >>> explain("ארבע עשרה", "he")
    [('ארבע עשרה', 14.0, ('number_word', 'teen'))]
    >>> explain("إحدى عشرة", "ar")
    [('إحدى عشرة', 11.0, ('number_word', 'teen'))]
    """
    m = next_token(g, t, pos)
    if m is not None and not m.group("prefix") and m.group("word") in g.teens:
        return m.end()
    return None


@rule
def add(g: Grammar, t: str, st: State, r: tuple, tok_end: int, c2: bool) -> int:
    """A smaller place joins the group, after the conjunction or directly: שלושים ושלוש = 33,
    מאה עשרים = 120, after a scale: خمسة آلاف وثلاثمائة = 5300; a teen may join too.

    >>> explain("מאתיים וחמישים", "he")
    [('מאתיים וחמישים', 250.0, ('number_word', 'add'))]
    >>> explain("ثلاثمائة وخمسة عشر", "ar")
    [('ثلاثمائة وخمسة عشر', 315.0, ('number_word', 'teen', 'add'))]
    """
    kind, v = r[0], r[1]
    if kind == "hundred" and within_group(g, t, st, r, tok_end, c2):
        return TAKE
    if st.last in ("digit", "fraction"):
        return NO
    teen_end = None
    if kind == "one":
        sl = U if v < 10 else T | U
        if v < 10:
            teen_end = teen(g, t, tok_end)
            if teen_end is not None:
                v += 10
                sl = T | U
    else:
        sl = T if kind == "ten" else H
    if st.gslots & sl and c2 and kind == "one":
        from .fractions import mixed_fraction

        if mixed_fraction(g, t, st, v, tok_end):
            return HERE
    if st.gslots & sl or st.group + v >= st.last_scale:
        return NO
    # without a conjunction only a smaller place may follow (מאה עשרים; after a scale)
    if not c2 and st.gslots and sl >= (st.gslots & -st.gslots):
        return NO
    st.group += v
    st.gslots |= sl
    st.last_conjunct = v if c2 else st.group
    st.last = kind
    if teen_end is not None:
        st.rules += ("teen", "add")
        st.end = teen_end
        st.num.words += 2
        return HERE
    st.rules.append("add")
    return TAKE


@rule
def within_group(g: Grammar, t: str, st: State, r: tuple, tok_end: int, c2: bool) -> int:
    """Units times a word that multiplies inside a group: שלוש מאות = 300, ثلاث مائة = 300,
    ``٣ مئة`` = 300, ثلاث دزينات = 36 (scales marked ``within_group`` in numbers.yaml).

    >>> explain("שלוש מאות", "he")
    [('שלוש מאות', 300.0, ('number_word', 'within_group'))]
    >>> explain("٣ مئة", "ar")
    [('٣ مئة', 300.0, ('digits', 'within_group'))]
    """
    if r[0] == "hundred":
        if r[1] != 100 or c2 or st.gslots != U or st.last not in ("one", "digit"):
            return NO
        st.group *= 100
        st.gslots = H
    else:
        S = r[1]
        if c2 or not 0 < st.group < min(S, 10) or st.gslots != U:
            return NO
        st.group *= S
        st.gslots = H if S >= 100 else T | U
    st.last = "mult"
    st.rules.append("within_group")
    return TAKE


@rule
def scale(g: Grammar, t: str, st: State, r: tuple, tok_end: int = 0, c2: bool = False) -> int:
    """A scale word: alone it is one of it (מיליון = 1e6); after a number it multiplies the
    number (5 מיליארד, ثلاثة ملايين); after a bigger scale and the conjunction it adds
    (مليون وألف = 1,001,000). A dual form is :func:`dual_scale`, a plural alone :func:`vague`.

    >>> explain("הפסד של 5 מיליארד דולר", "he")
    [('5 מיליארד', 5000000000.0, ('digits', 'scale'))]
    >>> explain("ثلاثة ملايين", "ar")
    [('ثلاثة ملايين', 3000000.0, ('number_word', 'scale'))]
    """
    S, form, within = r[1], r[2], r[3]
    if form == "dual" or form == "construct":
        return dual_scale(g, t, st, r, tok_end, c2)
    if not st.last:  # the first word
        if within:  # دزينة alone: a group of 12
            st.group, st.gslots = S, (H if S >= 100 else T | U)
            st.last = "scale"
            st.rules.append("scale")
            return TAKE
        st.total = S
    elif within:
        return within_group(g, t, st, r, tok_end, c2)
    elif S >= st.last_scale:
        return NO
    elif st.group:
        if c2:
            return NO
        st.total += st.group * S
        st.group = 0.0
        st.gslots = 0
    elif c2 and st.total and form == "singular":
        st.total += S
    else:
        return NO
    st.last_scale = st.num.scale = S
    st.last = "scale"
    st.rules.append("scale")
    return TAKE


def construct_before_noun(g: Grammar, t: str, end: int) -> bool:
    """Whether a unit noun follows ``end`` directly: a counted noun or a currency of the data
    (``مليارا دولار``, ``ألفا موظف``; not ``مليونا ونصف``, ``ألفا من الموظفين`` nor a name
    such as ``ألفا فولد``)."""
    m = g.next_word_re.match(t, end)
    return m is not None and m.group("w") in g.noun_heads


@rule
def dual_scale(g: Grammar, t: str, st: State, r: tuple, tok_end: int = 0, c2: bool = False) -> int:
    """The dual of a scale word is two of it: אלפיים = 2000, مليونين = 2e6, and after a bigger
    scale and the conjunction it adds (مليون وألفين = 1,002,000). First in a numeral and
    before a noun, the construct dual (``construct_dual`` in numbers.yaml) is two as well:
    مليارا دولار = 2e9 (after a number the same word is the accusative singular: عشرين مليارا).

    >>> explain("ملياري دولار", "ar")
    [('ملياري', 2000000000.0, ('dual_scale',))]
    >>> explain("منها مليارا دولار لصندوق الرعاية الصحية", "ar")
    [('مليارا', 2000000000.0, ('dual_scale',))]
    """
    S, within = r[1], r[3]
    first = not st.last
    if within:
        sl = H if 2 * S >= 100 else T | U
        if first:
            st.group, st.gslots = 2 * S, sl
        elif c2 and st.group and not st.gslots & sl:
            st.group += 2 * S
            st.gslots |= sl
            st.last = "scale_w"
            st.rules.append("dual_scale")
            return TAKE
        else:
            return NO
    elif first:
        st.total, st.last_scale = 2 * S, S
        st.num.scale = S
    elif S >= st.last_scale or st.group or not c2:
        return NO
    else:
        st.total += 2 * S
        st.last_scale = st.num.scale = S
    st.last = "scale"
    st.rules.append("dual_scale")
    return TAKE


@rule
def vague(g: Grammar, t: str, st: State, base: float) -> int:
    """A plural number word alone is vague: 2×..9× the base (עשרות = 20..90, مئات, آلاف =
    2000..9000), times a following scale (עשרות מיליוני = 2e7..9e7, عشرات الآلاف).

    >>> explain("עשרות מיליוני משתמשים", "he")
    [('עשרות מיליוני', 20000000.0, ('vague',))]
    >>> explain("השקל הגיע לרמה החזקה ביותר מזה עשורים", "he")
    [('עשורים', 20.0, ('vague',))]
    """
    num = st.num
    end = st.end
    n2 = next_token(g, t, end)
    if n2 is not None and n2.group("word") and num.kind is None:
        p2 = n2.group("prefix") or ""
        units, _, art = g.split(p2) if p2 else ((), False, False)
        if not p2 or (art and len(units) == 1):
            r2 = g.lexicon[n2.group("word")][0]
            if r2[0] == "scale" and r2[2] in ("singular", "plural") and r2[1] > base:
                num.scale = r2[1]
                base *= r2[1]
                end = n2.end()
                num.words += 1
    num.vague = True
    num.value_max = 9 * base
    st.rules.append("vague")
    st.finish(2 * base, end)
    return HERE


@rule
def ordinal(g: Grammar, t: str, st: State, r: tuple) -> int:
    """An ordinal word (ראשון, الثالث); with a teen or the conjunction and a ten after it,
    a bigger one (الثالث عشر = 13th, الثالث والعشرون = 23rd, الحادي والعشرون = 21st: حادي is
    "first" in compounds).

    >>> explain("במקום השני", "he")
    [('שני', 2.0, ('ordinal',))]
    >>> explain("الثالث والعشرون", "ar")
    [('ثالث والعشرون', 23.0, ('ordinal', 'add'))]
    """
    st.num.ordinal = True
    st.rules.append("ordinal")
    v = r[1]
    end = st.end
    n2 = next_token(g, t, end)
    spaced = n2 is None and (n2 := spaced_conjunction(g, t, end)) is not None
    if n2 is not None and n2.group("word"):
        p2 = n2.group("prefix") or ""
        r2 = g.lexicon[n2.group("word")][0]
        if not p2 and not spaced and v < 10 and n2.group("word") in g.teens:
            v += 10
            end = n2.end()
            st.rules.append("teen")
        elif (spaced or p2 and g.split(p2)[1]) and r2[0] == "ten" and v < 10:
            v += r2[1]
            end = n2.end()
            st.rules += ("spaced_conjunction", "add") if spaced else ("add",)
    st.finish(v, end)
    return HERE


@rule
def spaced_conjunction(g: Grammar, t: str, pos: int):
    """The conjunction written apart, before a word with the article: الخامس و العشرون = 25th,
    الواحد و العشرون = 21 (``و عشرون`` without the article is an attached prefix and a joiner).
    Returns the token after the conjunction, or None.

    >>> explain("الخامس و العشرون", "ar")
    [('خامس و العشرون', 25.0, ('ordinal', 'spaced_conjunction', 'add'))]
    >>> explain("الواحد و العشرون", "ar")
    [('واحد و العشرون', 21.0, ('number_word', 'spaced_conjunction', 'add'))]
    """
    m = g.spaced_conj_re.match(t, pos) if g.spaced_conj_re is not None else None
    if m is None:
        return None
    n2 = g.token_re.match(t, m.end())
    if n2 is None or not n2.group("word") or not n2.group("prefix"):
        return None
    units, conj, article = g.split(n2.group("prefix"))
    return n2 if article and not conj and all(u in g.article for u in units) else None


@rule
def negative(g: Grammar, t: str, st: State) -> tuple[Numeral | None, int]:
    """A minus word before a numeral: מינוס 1,200,000, سالب خمسة = -5.

    >>> explain("سالب خمسة", "ar")
    [('سالب خمسة', -5.0, ('number_word', 'negative'))]
    """
    from .reader import read_numeral

    num = st.num
    sub, nxt = read_numeral(g, t, g.space_re.match(t, st.end).end())
    if sub is None or sub.prefix or sub.ordinal:
        return None, st.end
    sub.start, sub.pstart, sub.prefix = num.start, num.pstart, num.prefix
    sub.article, sub.conj = num.article, num.conj
    sub.value = -sub.value
    if sub.value_max is not None:
        sub.value, sub.value_max = -sub.value_max, sub.value
    sub.words += 1
    sub.rules += ("negative",)
    return sub, nxt


@rule
def decimal_word(g: Grammar, t: str, st: State, r: tuple, tok_end: int, c2: bool) -> int:
    """The decimal-point word between a whole number and one digit or unit word:
    ثلاثة فاصلة خمسة = 3.5, 2 נקודה 5 = 2.5.

    >>> explain("ثلاثة فاصلة خمسة", "ar")
    [('ثلاثة فاصلة خمسة', 3.5, ('number_word', 'decimal_word'))]
    """
    if c2 or st.total or st.last not in ("one", "digit") or st.group != int(st.group):
        return NO
    n3 = next_token(g, t, tok_end)
    if n3 is None or n3.group("prefix"):
        return NO
    if n3.group("num") is not None and n3.group("num").isdigit():
        dd = n3.group("num")
    elif n3.group("word") and g.lexicon[n3.group("word")][0][0] == "one" \
            and g.lexicon[n3.group("word")][0][1] < 10:
        dd = str(int(g.lexicon[n3.group("word")][0][1]))
    else:
        return NO
    st.group = float(f"{int(st.group)}.{dd}")
    st.gslots = FULL
    st.end = n3.end()
    st.last = "digit"
    st.rules.append("decimal_word")
    return HERE
