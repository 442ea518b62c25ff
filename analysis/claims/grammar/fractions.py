"""Rules for fractions in words: halves and quarters, denominators, "X over Y", "part of".

(Slash fractions such as ``3/4`` are numeric shapes: :mod:`.shapes`.)

>>> explain("מיליארד וחצי דולר", "he")
[('מיליארד וחצי', 1500000000.0, ('scale', 'fraction'))]
"""

from __future__ import annotations

from .core import HERE, NO, TAKE, State, explain, next_token, rule  # noqa: F401 (explain: used by the doctests)
from .lexicon import Grammar

__all__ = ["fraction", "denominator", "mixed_fraction", "over", "part_of"]


@rule
def fraction(g: Grammar, t: str, st: State, r: tuple, tok_end: int = 0, c2: bool = False) -> int:
    """A fraction word: alone it is the fraction (חצי = 0.5, ثلثان = 2/3); before a scale word a
    part of it (חצי טריליון = 5e11), before a unit worth a factor a part of that (ربع قرن = 25
    years); after a number and the conjunction it is added (מיליארד וחצי = 1.5e9, واحد ونصف =
    1.5): then a scale word may follow (שלושה וחצי מיליארד = 3.5e9) or repeat with the article
    (مليار ونصف المليار = 1.5e9), and the numeral ends.

    >>> explain("חצי טריליון דולר", "he")
    [('חצי טריליון', 500000000000.0, ('fraction', 'scale'))]
    >>> explain("واحد ونصف", "ar")
    [('واحد ونصف', 1.5, ('number_word', 'fraction'))]
    >>> explain("שוק היעד מוערך בשלושה וחצי מיליארד דולר", "he")
    [('שלושה וחצי מיליארד', 3500000000.0, ('number_word', 'fraction', 'scale'))]
    >>> explain("استثمرت مليار ونصف المليار درهم", "ar")
    [('مليار ونصف المليار', 1500000000.0, ('scale', 'fraction'))]
    """
    num = st.num
    f = r[1]
    if not st.last:  # the first word
        num.fraction = True
        st.rules.append("fraction")
        n2 = next_token(g, t, st.end)
        if n2 is not None and not n2.group("prefix") and n2.group("word"):
            rs2 = g.lexicon[n2.group("word")]
            r2 = rs2[0]
            if r2[0] == "scale" and r2[2] == "singular":
                num.scale = r2[1]
                num.words += 1
                st.rules.append("scale")
                st.finish(f * r2[1], n2.end())
                return HERE
            per = next((x for x in rs2 if x[0] == "per"), None)
            if per is not None:  # ربع قرن, חצי עשור
                num.kind, num.unit, num.scale = per[2], per[3], per[1]
                num.words += 1
                st.rules.append("factor_unit")
                st.finish(f * per[1], n2.end())
                return HERE
        st.finish(f, st.end)
        return HERE
    if not c2 or not (st.group or st.total):
        return NO
    st.end = tok_end
    num.words += 1
    st.rules.append("fraction")
    n3 = next_token(g, t, tok_end)
    r3 = g.lexicon[n3.group("word")][0] if n3 is not None and n3.group("word") else None
    if st.last == "scale":
        st.total += f * st.last_scale
        # "مليار ونصف المليار": the scale word again, with the article
        if r3 is not None and r3[0] == "scale" and r3[1] == st.last_scale and n3.group("prefix") \
                and g.split(n3.group("prefix"))[0] and all(u in g.article for u in g.split(n3.group("prefix"))[0]):
            st.end = n3.end()
            num.words += 1
    else:
        st.group += f
        # "שלושה וחצי מיליארד": a scale word after the fraction scales the whole
        if r3 is not None and not n3.group("prefix") and r3[0] == "scale" and r3[2] in ("singular", "plural") \
                and not r3[3] and r3[1] < st.last_scale:
            st.total += st.group * r3[1]
            st.group = 0.0
            st.last_scale = num.scale = r3[1]
            st.end = n3.end()
            num.words += 1
            st.rules.append("scale")
    st.last = "fraction"
    num.fraction = True
    st.done = True
    return HERE


@rule
def denominator(g: Grammar, t: str, st: State, r: tuple, tok_end: int, c2: bool) -> int:
    """A plural denominator after a numerator: ثلاثة أخماس = 3/5, שלושה רבעים = 3/4; after a
    whole number and a conjunct smaller than it, only the conjunct is the numerator.

    >>> explain("ثلاثة أخماس", "ar")
    [('ثلاثة أخماس', 0.6, ('number_word', 'denominator'))]
    """
    d = r[1]
    if c2 or st.total or not st.group or st.last not in ("one", "ten", "hundred", "digit", "mult"):
        return NO
    lc = st.last_conjunct
    if lc and lc != st.group and lc < d:
        st.group = st.group - lc + lc / d
    else:
        st.group = st.group / d
    st.num.fraction = True
    st.last = "fraction"
    st.done = True
    st.rules.append("denominator")
    return TAKE


@rule
def mixed_fraction(g: Grammar, t: str, st: State, v: float, tok_end: int) -> bool:
    """A whole number, the conjunction and a proper fraction in words:
    ثلاث وعشرون وثلاثة أخماس = 23.6.

    >>> explain("ثلاث وعشرون وثلاثة أخماس", "ar")
    [('ثلاث وعشرون وثلاثة أخماس', 23.6, ('number_word', 'add', 'mixed_fraction'))]
    """
    n3 = next_token(g, t, tok_end)
    if n3 is None or n3.group("prefix") or not n3.group("word"):
        return False
    d = next((x[1] for x in g.lexicon[n3.group("word")] if x[0] == "denom"), 0)
    if not v < d:
        return False
    st.group += v / d
    st.end = n3.end()
    st.num.words += 2
    st.num.fraction = st.done = True
    st.rules.append("mixed_fraction")
    return True


@rule
def over(g: Grammar, t: str, st: State, r: tuple, tok_end: int, c2: bool) -> int:
    """"X over Y" and "X parts of Y" after a numeral: واحد على ٢٠ = 0.05 (the denominator is
    read as a numeral of its own; the rule's name in ``rules`` is the word's kind, ``over``
    or ``part_of``).

    >>> explain("واحد على ٢٠", "ar")
    [('واحد على ٢٠', 0.05, ('number_word', 'digits', 'over'))]
    """
    from .reader import read_numeral

    if c2 or st.last == "fraction":
        return NO
    den, _ = read_numeral(g, t, g.space_re.match(t, tok_end).end())
    if den is None or den.prefix or den.value == 0 or den.kind or den.ordinal or den.vague or den.fraction:
        return NO
    st.group = (st.total + st.group) / den.value
    st.total = 0.0
    st.end = den.end
    st.num.fraction = True
    st.num.digits = st.num.digits or den.digits
    st.last = "fraction"
    st.done = True
    st.rules += den.rules
    st.rules.append(r[0])
    return HERE


@rule
def part_of(g: Grammar, t: str, st: State) -> int:
    """"A part of Y" as the first words: جزء من مئة = 1/100.

    >>> explain("جزء من مئة", "ar")
    [('جزء من مئة', 0.01, ('number_word', 'part_of'))]
    """
    from .reader import read_numeral

    den, _ = read_numeral(g, t, g.space_re.match(t, st.end).end())
    if den is None or den.prefix or den.value == 0 or den.kind or den.ordinal or den.vague:
        return NO
    st.num.fraction = True
    st.num.words += den.words
    st.num.digits = den.digits
    st.rules += den.rules
    st.rules.append("part_of")
    st.finish(1.0 / den.value, den.end)
    return HERE
