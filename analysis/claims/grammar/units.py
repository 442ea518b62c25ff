"""Rules for unit words read as numbers: a unit word alone (שנה, שקל), its dual (שנתיים,
دولارين), a unit joined to a fraction or to "one", and units worth a factor of another
(a decade is 10 years).

A unit word sets the numeral's ``kind`` and ``unit``. A singular alone is *weak*: kept as
a quantity only when joined to something (a fraction, "one", a range, a hedging prefix) or
in a time context of its entry (:func:`time_context`: לשפל של עשור, مدته عقد كامل).

>>> explain("לפני שנתיים וחצי", "he")
[('שנתיים וחצי', 2.5, ('unit_dual', 'unit_fraction'))]
"""

from __future__ import annotations

from .core import HERE, NO, TAKE, State, explain, next_token, rule  # noqa: F401 (explain: used by the doctests)
from .duals import dual_adjective, dual_with_two
from .lexicon import Grammar

__all__ = ["unit_reading"]


def unit_reading(g: Grammar, t: str, st: State, r: tuple, name: str) -> int:
    """Read the unit word of reading ``r`` (``("unit", value, kind, unit, weak, rule, factor,
    context)``) as the rule ``name`` (a single unit or a dual), with what joins it after."""
    _, v, ukind, unit, weak, _, factor, ctx = r
    num = st.num
    dual = name != "unit_word"
    if ctx is not None:
        if dual:
            if not time_context(g, t, st, ctx):
                return NO  # عقدين alone: two contracts
        elif weak and time_context(g, t, st, ctx):
            weak = False  # مدته عقد كامل: a decade
    num.kind, num.unit, num.weak = ukind, unit, weak
    st.rules.append(name)
    st.group = v
    noun_end = st.end
    n2 = next_token(g, t, st.end)
    if n2 is not None and n2.group("word") and not unit_fraction(g, st, n2, ukind, factor):
        if dual:
            if g.duals is not None:
                dual_with_two(g, t, st, n2)
        elif v == factor and ukind != "multiplier":
            one_after(g, st, n2)
    st.done = True
    if dual and g.duals is not None:
        noun = t[num.start:noun_end]
        singular = None
        if name == "listed_dual":  # مركزين → مركز, for a counted phrase (مركز للبيانات)
            ending = next((e for e in g.duals.masculine if noun.endswith(e)), None)
            singular = noun[:-len(ending)] + g.duals.masculine[ending] if ending else None
        dual_adjective(g, t, st, noun, singular)
    return HERE


@rule
def unit_word(g: Grammar, t: str, st: State, r: tuple) -> int:
    """A unit word alone is one unit: שקל = 1 ILS, أسبوع = 1 week, تضاعفت = ×2, שילשה = ×3;
    a singular duration alone (שנה, عام, עשור) is weak: a quantity only when joined, hedged
    (כשנה) or in a time context of its entry (במשך עשור, :func:`time_context`).

    >>> explain("שקל", "he")
    [('שקל', 1.0, ('unit_word',))]
    >>> explain("כעשור", "he")
    [('עשור', 10.0, ('unit_word',))]
    """
    return unit_reading(g, t, st, r, "unit_word")


@rule
def unit_dual(g: Grammar, t: str, st: State, r: tuple) -> int:
    """The dual form of a unit word is two units: שנתיים = 2 years, شهرين = 2 months,
    شخصين = 2 people (duals listed in numbers.yaml); عقدين = 20 years in a time context.

    >>> explain("استغرق شهرين", "ar")
    [('شهرين', 2.0, ('unit_dual',))]
    """
    return unit_reading(g, t, st, r, "unit_dual")


@rule
def unit_fraction(g: Grammar, st: State, n2, ukind: str, factor: float) -> bool:
    """A duration or money word, the conjunction and a fraction: שנה וחצי = 1.5 years,
    עשור וחצי = 15 years (the fraction is of the unit: × its factor).

    >>> explain("עשור וחצי", "he")
    [('עשור וחצי', 15.0, ('unit_word', 'unit_fraction'))]
    """
    p2 = n2.group("prefix")
    r2 = g.lexicon[n2.group("word")][0]
    if not (p2 and g.split(p2)[1] and r2[0] == "fraction" and ukind in ("duration", "money")):
        return False
    st.group += r2[1] * factor
    st.end = n2.end()
    st.num.weak = False
    st.rules.append("unit_fraction")
    return True


@rule
def one_after(g: Grammar, st: State, n2) -> bool:
    """A unit word and the word for "one" after it: שקל אחד, سنة واحدة = 1 year (not weak).

    >>> explain("سنة واحدة هي فترة طويلة", "ar")
    [('سنة واحدة', 1.0, ('unit_word', 'one_after'))]
    """
    if n2.group("prefix") or not any(x[0] == "one_after" for x in g.lexicon[n2.group("word")]):
        return False
    st.end = n2.end()
    st.num.weak = False
    st.rules.append("one_after")
    return True


@rule
def factor_unit(g: Grammar, t: str, st: State, r: tuple, tok_end: int, c2: bool) -> int:
    """After a number, a unit word worth ``factor`` units of another (``factor`` and ``unit``
    of a ``durations`` entry): שלושה עשורים = 30 years, 3 قرون = 300 years. The factor is
    kept as the numeral's scale, so a range before it scales too (2-3 עשורים = 20..30 years).

    >>> explain("שלושה עשורים", "he")
    [('שלושה עשורים', 30.0, ('number_word', 'factor_unit'))]
    """
    num = st.num
    if c2 or num.vague or st.last in ("fraction", ""):
        return NO
    f = r[1]
    st.group = (st.total + st.group) * f
    st.total = 0.0
    num.kind, num.unit = r[2], r[3]
    if num.scale == 1:
        num.scale = f
    st.done = True
    st.rules.append("factor_unit")
    return TAKE


def _number_follows(t: str, end: int) -> bool:
    j = end
    while j < len(t) and t[j] in " \t":
        j += 1
    return j < len(t) and t[j].isdigit()


@rule
def time_context(g: Grammar, t: str, st: State, ctx: str) -> bool:
    """A time context, from the unit's ``durations`` entry: right after one of a list of words
    (a hedge may stand between) or right before one of another. A dual that is also the dual
    of another noun is read only there (``dual_after``/``dual_before``): عقدين is two decades
    after خلال, منذ, قبل…, and two contracts elsewhere. A weak singular is a quantity there
    (``alone_after``/``alone_before``): במשך עשור, לשפל של עשור, مدته عقد كامل.

    >>> explain("تطور القطاع خلال عقدين", "ar")
    [('عقدين', 20.0, ('time_context', 'unit_dual'))]
    >>> explain("وقعت الشركة عقدين بقيمة مليار دولار", "ar")
    [('مليار', 1000000000.0, ('scale',))]
    >>> explain("במשך עשור כמעט לא גייסה החברה הון", "he")
    [('עשור', 10.0, ('time_context', 'unit_word'))]
    >>> explain("طوال عام 2024", "ar")  # عام is the year's cue: weak, without time_context
    [('عام', 1.0, ('unit_word',)), ('2024', 2024.0, ('digits',))]
    """
    after_re, before_re = g.contexts[ctx]
    ps = st.num.pstart
    if _number_follows(t, st.end):
        return False  # طوال عام 2024: the unit word is the year's cue, not a year
    if after_re is not None and after_re.search(t, max(0, ps - 40), ps) \
            or before_re is not None and before_re.match(t, st.end):
        st.rules.append("time_context")
        return True
    return False
