"""Quantities in Hebrew and Arabic news: numbers with their units, ranges and hedges.

:func:`find_quantities` reads a text once: it normalizes it, finds numerals with
:mod:`analysis.numbers` (only around anchors found by one precompiled regex),
attaches what stands right after a numeral (a currency, ``%``, a duration, a
counted noun, a month) or right before it (``$``, ``פי``, a rank, year or age
cue), joins neighbours into ranges, compound durations and dollars-and-cents,
marks hedges, drops what is not a quantity (weekdays, "one of", ordinals that
only order the text, list enumerators), and maps every span back to the
original text. The conventions are those of ``tests/data/ANNOTATION.md``.

Dates in words (:mod:`analysis.claims.grammar.dates`) take the place of the numbers read
inside them ("الخميس الموافق 14 شهر شباط" is one date, not 14 months). Given the publication
date (``published``), a date printed without its year gets one, ``when`` says what time a
quantity points at, and (asked with ``relative=True``) a relative date (היום, الأسبوع الماضي,
רביעי הבא) is a ``date`` quantity with ``relative=True``: a period, not a claim.

All words come from ``data/<lang>/numbers.yaml``; the code is language-neutral.

>>> q = find_quantities("גרעון שיכול להגיע ל-5 מיליארד דולר השנה", "he")[0]
>>> (q.text, q.value, q.unit, q.kind, q.approx)
('5 מיליארד דולר', 5000000000.0, 'USD', 'money', True)
>>> [(q.text, q.value, q.value_max, q.connector) for q in find_quantities("من 10 الى 20 دولار", "ar")]
[('10 الى 20 دولار', 10.0, 20.0, 'from_to')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..text.langdata import detect_language, trie_pattern
from ..text.markup import blank_markup
from ..text.normalize import Normalized, normalize, normalize_word
from .grammar.dates import DateReading, Published, find_dates, published_date, shift_date, year_for
from .numbers import Grammar, Numeral, grammar, iter_numerals

__all__ = ["Quantity", "KINDS", "BARE", "find_quantities"]

#: The kinds of a claim (the ``kind`` column). A :class:`Quantity` has one of these or
#: :data:`BARE`: a number with no unit yet, which the claims layer makes a ``count`` or ``other``.
KINDS = ("money", "percent", "count", "duration", "date", "year", "multiplier", "rank", "other")
BARE = "number"

#: keys of ``percent`` in numbers.yaml → (unit, factor): 225 basis points are 2.25 percentage points
_PERCENT_UNITS = {"percent": ("percent", 1.0), "percentage_points": ("percentage_points", 1.0),
                  "basis_points": ("percentage_points", 0.01)}

# smaller duration units per larger one, for compounds such as "عامًا وشهرين" (14 months)
_RATIO = {("years", "months"): 12, ("weeks", "days"): 7, ("days", "hours"): 24,
          ("hours", "minutes"): 60, ("minutes", "seconds"): 60, ("years", "days"): 365}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity found in a text; offsets index the original text."""

    start: int
    end: int
    text: str  #: ``original[start:end]``
    value: float | str  #: a float, or an ISO date string for ``kind == "date"``
    value_max: float | None = None  #: upper end of a range or a vague amount
    unit: str | None = None  #: ISO 4217 code, ``percent``, a duration unit, a counted noun, …
    kind: str = BARE  #: one of :data:`KINDS`, or :data:`BARE`
    approx: bool = False  #: hedged or vague
    hedge: str | None = None  #: the hedge phrase as printed (``כ``, ``حوالي``), not in the span
    connector: str | None = None  #: ranges: ``from_to``, ``between``, ``dash``, ``to``
    parts: tuple[Quantity, Quantity] | None = None  #: ranges: the two ends with their own spans
    number_start: int | None = None  #: the span of the number alone (no unit, cue or sign word)
    number_end: int | None = None
    cue: str | None = None  #: the cue word that decided the kind (``בן`` for an age, ``عام`` for a year)
    #: money written with a name several currencies share (دينار, ריאל): every candidate code, the
    #: most common reading first (``unit`` is that one); empty when the currency is unambiguous
    candidates: tuple[str, ...] = ()
    #: the named rules of this layer that shaped the quantity (``list_shares_unit``, ``fraction_of_whole`` …)
    rules: tuple[str, ...] = ()
    #: a date told relative to the publication date, with no printed day-and-month nor year
    #: (היום, الأسبوع الماضي, רביעי הבא): a period, not a claim. Read only with ``published``
    #: and ``relative=True`` (see :func:`find_quantities`).
    relative: bool = False
    #: the time the quantity points at, ISO 8601 at its grain (``2013-02-05``, ``2013-W06``,
    #: ``2013-03``, ``2014``): a date's value once resolved, a year, or for a duration counted
    #: from publication (לפני שבעה ימים, بعد أسبوعين) the day, month or year it reaches; None
    #: when unknown (a date with no year and no ``published``)
    when: str | None = None


@dataclass(slots=True)
class _Q:
    """A quantity under construction (offsets into the normalized text)."""

    start: int
    end: int
    num: Numeral
    value: float | str
    value_max: float | None = None
    unit: str | None = None
    kind: str = "number"
    approx: bool = False
    hedge: tuple[int, int] | None = None  #: span of the hedge phrase
    connector: str | None = None
    parts: tuple | None = None
    factor: float = 1.0
    lstart: int = 0  #: leftmost start incl. prefix and cues (for what precedes the quantity)
    weak: bool = False
    cue: str | None = None
    has_unit: bool = False
    candidates: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    relative: bool = False
    when: str | None = None


class _Rules:
    """The regexes of one language for the quantity layer (built once, see :func:`_rules`)."""

    def __init__(self, g: Grammar):
        self.g = g
        spec = g.spec  # numbers.yaml, with the entries of currencies.yaml under "currencies"
        pfx = g.pfx
        norm = lambda ws: [normalize_word(str(w)) for w in ws or [] if normalize_word(str(w))]

        # -- after a number: currencies, percent, durations, multipliers -------------------
        after: dict[str, tuple[str, str, float]] = {}
        #: currency form → candidate codes, for names several currencies share
        self.shared: dict[str, tuple[str, ...]] = {}
        for c in spec.get("currencies") or []:
            for w in norm(c.get("after")) + norm(c.get("before")) + norm(c.get("one")) + norm(c.get("dual")):
                if len(c.get("codes", ())) > 1:
                    self.shared.setdefault(w, tuple(c["codes"]))
            for w in norm(c.get("after")):
                after.setdefault(w, ("money", c["code"], float(c.get("factor", 1))))
        for key, ws in (spec.get("percent") or {}).items():
            if key != "before":
                unit, factor = _PERCENT_UNITS[key]
                for w in norm(ws):
                    after.setdefault(w, ("percent", unit, factor))
        for name, d in (spec.get("durations") or {}).items():
            # an entry may count in another entry's unit, `factor` of it each (עשורים = ×10 years)
            unit, factor = d.get("unit", name), float(d.get("factor", 1))
            for w in norm((d.get("singular") or []) + (d.get("plural") or [])):
                after.setdefault(w, ("duration", unit, factor))
        for w in norm((spec.get("multipliers") or {}).get("after")):
            after.setdefault(w, ("multiplier", "multiplier", 1.0))
        self.after = after
        self.after_re = re.compile(_unit_alt(after, r"[ \t]*"))
        counted: dict[str, str] = {}
        counted_before: dict[str, str] = {}
        articles = sorted(g.article, key=len)[:1]
        for unit, d in (spec.get("counted") or {}).items():
            for w in norm(d.get("forms")):
                counted.setdefault(w, unit)
                head, _, last = w.rpartition(" ")
                if head and articles and not last.startswith(articles[0]):
                    counted.setdefault(f"{head} {articles[0]}{last}", unit)  # מרכזי הפיתוח, مراكز البيانات
            for w in norm(d.get("before")):
                counted_before.setdefault(w, unit)
        self.counted = counted
        measures = {w: unit for unit, ws in (spec.get("measures") or {}).items() for w in norm(ws)}
        self.measures = measures
        self.measure_re = re.compile(_unit_alt(measures, r"[ \t]*")) if measures else None
        # a duration or currency noun with the article after a number: שלוש השנים הקרובות, רף 35 הלירות
        durations = [w for w, (k, _, _) in after.items() if k in ("duration", "money") and w[-1].isalpha()]
        article = "|".join(map(re.escape, sorted(g.article, key=len, reverse=True)))
        self.duration_art_re = re.compile(rf"[ \t]*(?:{article})(?P<u>{trie_pattern(durations)})(?!\w)") \
            if article and durations else None
        # a noun with the article before a number with the article: "الأشخاص الـ 11", "السنوات الست"
        noun_units: dict[str, tuple[str, str]] = {w: ("count", u) for w, u in counted.items()}
        for name, d in (spec.get("durations") or {}).items():
            if float(d.get("factor", 1)) != 1:
                continue  # العقود الثلاثة is also "the three contracts"; and the noun before has no factor here
            for w in norm(d.get("plural")):
                noun_units.setdefault(w, ("duration", name))
        self.noun_units = noun_units
        self.noun_last = _last_chars(noun_units)
        of = "|".join(map(re.escape, norm(spec.get("counted_of")))) or r"(?!x)x"
        art = "|".join(map(re.escape, sorted(g.article, key=len, reverse=True))) or r"(?!x)x"
        self.noun_before_re = re.compile(
            rf"(?<!\w)(?:{pfx})(?:{art})(?P<u>{trie_pattern(noun_units)})[ \t]+\Z") if g.article else None
        cues = norm((spec.get("not_quantities") or {}).get("elision_cues")) + norm(spec.get("elision_cues"))
        self.elision_re = re.compile(rf"(?<!\w)(?:{pfx})(?:{trie_pattern(cues)})(?!\w)") if cues else None
        # "the number of X … N": מספר המשתמשים עלה ל-2 מיליון, عدد الموظفين بلغ 500
        number_of = norm(spec.get("number_of"))
        self.number_of_re = re.compile(
            rf"(?<!\w)(?:{pfx})(?:{trie_pattern(number_of)})[ \t]+(?:{art})?(?P<u>{trie_pattern(counted)})(?!\w)"
            rf"[^.,;:!?\n\u060c\u061b\u061f]*\Z") if number_of else None
        # a counted noun right before "one": شركة واحدة, חברה אחת
        self.noun_one_re = re.compile(rf"(?<!\w)(?:{pfx})(?P<u>{trie_pattern(counted)})[ \t]+\Z")
        self.counted_re = re.compile(
            rf"[ \t]*(?:(?:{of})(?:[ \t]+|-)?)?(?:{art})?(?P<u>{trie_pattern(counted)})(?!\w)")
        # "مليارات الدولارات", "مئات الملايين من الدولارات": a currency with the article after a scale
        money_words = [w for w, (k, _, f) in after.items() if k == "money" and f == 1 and w[-1].isalpha()]
        self.money_of_re = re.compile(
            rf"[ \t]*(?:(?:{of})[ \t]+)?(?:{art})(?P<u>{trie_pattern(money_words)})(?!\w)") if g.article else None
        # -- months (dates) ---------------------------------------------------------------
        months: dict[str, int] = {}
        for v, ws in (spec.get("months") or {}).items():
            for w in norm(ws):
                months[w] = int(v)
        self.months = months
        mon = trie_pattern(months)
        self.ordinal_date_re = re.compile(
            rf"[ \t]+(?:{of})[ \t]+(?:{pfx})(?P<m>{mon})(?!\w)(?:[ \t]*,?[ \t]*(?P<y>[0-9]{{4}})(?![0-9.,]?[0-9]))?")
        self.month_after_re = re.compile(
            rf"[ \t]*(?:{pfx})(?P<m>{mon})(?!\w)(?:[ \t]*\((?P<m2>{mon})\))?"
            rf"(?:[ \t]*,?[ \t]*(?P<y>[0-9]{{4}})(?![0-9.,]?[0-9]))?")
        # -- cues right before a number -----------------------------------------------------
        cur_before: dict[str, tuple[str, float]] = {}
        for c in spec.get("currencies") or []:
            for w in norm(c.get("before")):
                cur_before.setdefault(w, (c["code"], float(c.get("factor", 1))))
        self.cur_before = cur_before
        pct_before = norm((spec.get("percent") or {}).get("before"))
        mult = spec.get("multipliers") or {}
        self.counted_before = counted_before
        groups = {
            "mult": norm(mult.get("before")), "rank": norm(spec.get("ranks")),
            "year": norm(spec.get("year_cues")), "age": norm(spec.get("age")),
            "cnt": list(counted_before), "month": list(months),
        }
        self.before_last = _last_chars(*groups.values(), cur_before, pct_before)
        word_alts = "|".join(f"(?P<{k}>{trie_pattern(v)})" for k, v in groups.items() if v)
        sym = [w for w in cur_before if not w[-1].isalnum()]
        code = [w for w in cur_before if w[-1].isalnum()]
        self.before_re = re.compile(
            rf"(?:(?<!\w)(?:{pfx})(?:{word_alts or '(?!x)x'})(?!\w)|(?P<cur>{trie_pattern(sym)})"
            rf"|(?<![\w%])(?P<pct>{trie_pattern(pct_before)})"
            rf"|(?<![a-z])(?P<curw>{trie_pattern(code)})(?![a-z]))[ \t]*[-(]?\Z")
        # -- hedges -------------------------------------------------------------------------
        hedges = spec.get("hedges") or {}
        self.hedge_prefix = set(norm(hedges.get("prefix")))
        self.hedge_last = _last_chars(norm(hedges.get("before")), g.units)
        dcues = norm(mult.get("double_cues"))
        self.double_cue_re = re.compile(rf"(?<!\w)(?:{pfx})(?:{trie_pattern(dcues)})[ \t]+\Z") if dcues else None
        self.hedge_before_re = re.compile(rf"(?<!\w)(?:{pfx})(?P<h>{trie_pattern(norm(hedges.get('before')))})[ \t]*-?\Z")
        self.hedge_after_re = re.compile(rf"[ \t]*(?P<h>{trie_pattern(norm(hedges.get('after')))})(?!\w)")
        # -- ranges -------------------------------------------------------------------------
        rng = spec.get("range") or {}
        self.r_from = set(norm(rng.get("from")))
        self.r_to_after = set(norm(rng.get("to_after_from")))
        self.r_and = set(norm(rng.get("and"))) | g.conj
        self.r_to = set(norm(rng.get("to")))
        self.r_or = set(norm(rng.get("or")))
        self.r_dash = set(rng.get("dash") or [])
        self.between_re = re.compile(rf"(?<!\w)(?:{pfx})(?P<c>{trie_pattern(norm(rng.get('between')))})[ \t]+\Z")
        self.from_re = re.compile(rf"(?<!\w)(?:{pfx})(?P<c>{trie_pattern(norm(rng.get('from')))})[ \t]+\Z")
        self.lower_re = re.compile(rf"(?<!\w)(?:{pfx})(?P<c>{trie_pattern(norm(rng.get('lower')))})[ \t]*-?\Z")
        andor = trie_pattern(norm(rng.get("and")) + norm(rng.get("or")))
        self.upper_re = re.compile(
            rf"[ \t\u060c,]*(?:(?:{andor})[ \t]+)?(?:{pfx})(?:{trie_pattern(norm(rng.get('upper')))})[ \t]*-?")
        # -- not quantities -------------------------------------------------------------------
        nq = spec.get("not_quantities") or {}
        phrases = norm((spec.get("weekdays") or {}).get("phrases")) + norm(nq.get("phrases"))
        self.phrase_re = re.compile(rf"(?<!\w)(?:{pfx})(?:{trie_pattern(phrases)})(?!\w)")
        self.one_of = set(norm(nq.get("one_of")))
        self.dual_adjective = tuple(norm(nq.get("dual_after_plural")))
        self.alone = set(norm(nq.get("alone")))
        verb_next = "|".join(map(re.escape, norm(nq.get("verb_next")))) or r"(?!x)x"
        verb_prefix = "|".join(map(re.escape, norm(nq.get("verb_next_prefix")))) or r"(?!x)x"
        self.verb_next_re = re.compile(rf"[ \t]+(?:(?:{verb_next})(?!\w)|(?:{verb_prefix})\w)")
        # a fraction followed by "of" and/or a definite noun is a share of a whole: חצי מהעובדים, ربع السوق
        self.share_re = re.compile(rf"[ \t]+(?:(?:{of})(?:[ \t]+|-)?(?:{art})?|(?:{art}))\w") if g.article else None
        # "one" + "of" (as a word or attached: אחת מחברות, אחד מ-, واحدة من) or + a definite noun (אחד המייסדים)
        nq_spec = spec.get("not_quantities") or {}
        not_after = trie_pattern(norm(nq_spec.get("not_share_after_fraction")))
        self.share_construct_re = re.compile(rf"[ \t]+(?!(?:{not_after})(?!\w))(?:\w\w|[a-z])") \
            if spec.get("fraction_construct_share") else None
        self.one_of_re = re.compile(rf"[ \t]+(?:(?:{of})(?:[ \t]|-|\w)|(?:{art})\w\w)")
        # -- durations counted from publication: "לפני שבעה ימים", "بعد أسبوعين" ----------------
        wk = spec.get("weekdays") if isinstance(spec.get("weekdays"), dict) else {}
        self.counted_from = {**{w: -1 for w in norm(wk.get("ago"))}, **{w: 1 for w in norm(wk.get("in"))}}
        self.of_after_re = re.compile(rf"[ \t]+(?:{trie_pattern(norm(spec.get('counted_of')))})[ \t]")
        self.counted_from_re = re.compile(
            rf"(?<!\w)(?:{pfx})(?P<c>{trie_pattern(self.counted_from)})[ \t]+"
            rf"(?:(?:{pfx})(?:{trie_pattern(norm(hedges.get('before')))})[ \t]+)?\Z") if self.counted_from else None
        self.line_head_re = re.compile(r"[ \t\u2022*\u00b7-]*\Z")

    # -- helpers ------------------------------------------------------------------------
    def cue_before(self, t: str, end: int) -> re.Match | None:
        if not _ends_with(t, end, self.before_last):
            return None
        return self.before_re.search(t, max(0, end - 40), end)

    def hedge_before(self, t: str, q: _Q) -> tuple[int, int] | None:
        """The span of a hedge right before ``q`` (its attached prefix may be one: ``כ-500``)."""
        num = q.num
        if q.start == num.start and num.prefix:
            i = num.pstart
            for u in self.g.split(num.prefix)[0]:
                if u in self.hedge_prefix:
                    return i, i + len(u)
                i += len(u)
            if _ends_with(t, num.start, self.hedge_last):
                m = self.hedge_before_re.search(t, max(0, num.start - 40), num.start)
                if m:
                    return m.span("h")
        if not _ends_with(t, q.lstart, self.hedge_last):
            return None
        m = self.hedge_before_re.search(t, max(0, q.lstart - 40), q.lstart)
        return m.span("h") if m else None


def _last_chars(*phrase_lists) -> tuple[str, ...]:
    """The last words (a symbol: its last character) of phrases, to test the text before a
    number cheaply (:func:`_ends_with`) before searching backwards for the phrases."""
    tails = set()
    for ws in phrase_lists:
        for w in ws:
            if not w:
                continue
            last = w.split()[-1]
            if last[-1].isalpha():
                k = len(last)
                while k > 0 and last[k - 1].isalpha():
                    k -= 1
                tails.add(last[k:])
            else:
                tails.add(last[-1])
    return tuple(sorted(tails))


def _ends_with(t: str, end: int, tails: tuple[str, ...]) -> bool:
    """Whether the word before ``end`` (spaces, ``-`` and ``(`` skipped) ends with one of ``tails``."""
    j = end - 1
    while j >= 0 and t[j] in " \t-(":
        j -= 1
    if j < 0:
        return False
    if not t[j].isalpha():
        return t[j] in tails
    k = j
    while k > 0 and t[k - 1].isalpha() and j - k < 12:
        k -= 1
    return t[k:j + 1].endswith(tails)


def _unit_alt(table: dict, lead: str) -> str:
    """``lead`` then one of ``table``'s phrases; a phrase ending in a letter must end a word."""
    words = [w for w in table if w[-1].isalnum()]
    syms = [w for w in table if not w[-1].isalnum()]
    return rf"{lead}(?:(?P<u>{trie_pattern(words)})(?!\w)|(?P<s>{trie_pattern(syms)}))"


@functools.cache
def _rules(code: str | None) -> _Rules:
    return _Rules(grammar(code))


# ------------------------------------------------------------------------------------
# building quantities


def _atom(r: _Rules, t: str, num: Numeral) -> _Q | None:
    """A quantity from one numeral: attach the unit after it and the cue before it."""
    q = _Q(start=num.start, end=num.end, num=num, value=num.value, value_max=num.value_max,
           approx=num.vague, lstart=num.pstart if num.pstart >= 0 else num.start)
    if num.kind == "date":
        q.kind, q.value = "date", num.iso
        return q
    if num.kind:  # a unit word: שנתיים, شهرين, שקל, تضاعفت
        q.kind, q.unit, q.weak, q.has_unit = num.kind, num.unit, num.weak, True
        if num.kind == "money":
            q.candidates = r.shared.get(t[num.start:num.end].split()[0], ())
        # rule dual_is_adjective: a bare dual right after a plural is an adjective: משתמשים שבועיים,
        # המשתמשים הפעילים השבועיים = "weekly users" (the article alone may be attached)
        if r.dual_adjective and num.value == 2 and num.kind == "duration" and (
                not num.prefix or (num.article and len(r.g.split(num.prefix)[0]) == 1)):
            j = num.pstart - 1
            if j > 0 and t[j] == " " and t[j - 1].isalpha() and _ends_with(t, num.pstart, r.dual_adjective):
                return None
        return q
    if num.ordinal:
        q.kind = "ordinal"
        m = r.cue_before(t, num.pstart)
        if m and m.group("rank"):
            q.kind, q.unit, q.start, q.lstart = "rank", "rank", m.start("rank"), m.start()
        elif 1 <= num.value <= 31:
            m = r.ordinal_date_re.match(t, num.end)
            if m:  # "الثامن من مارس 2024"
                mo, y, d = r.months[m.group("m")], m.group("y"), int(num.value)
                q.kind, q.end = "date", m.end()
                q.value = f"{y}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
        return q
    # a day and a month: "9 ديسمبر", "14 בפברואר 2024", "17 كانون الأول (ديسمبر)"
    if num.plain and 1 <= num.value <= 31:
        m = r.month_after_re.match(t, num.end)
        if m:
            mo = r.months[m.group("m")]
            y = m.group("y")
            q.kind, q.end = "date", m.end()
            q.value = f"{y}-{mo:02d}-{int(num.value):02d}" if y else f"--{mo:02d}-{int(num.value):02d}"
            return q
    m = r.after_re.match(t, num.end)
    if m:
        form = m.group("u") or m.group("s")
        kind, unit, factor = r.after[form]
        q.kind, q.unit, q.factor, q.end, q.has_unit = kind, unit, factor, m.end(), True
        q.candidates = r.shared.get(form, ())
    elif r.duration_art_re is not None and not (num.plain and 1000 <= num.value <= 2999) \
            and (m := r.duration_art_re.match(t, num.end)):
        # rule definite_unit: "שלוש השנים", "חמש השנים האחרונות", "רף 35 הלירות"
        kind, unit, factor = r.after[m.group("u")]
        q.kind, q.unit, q.factor, q.end, q.has_unit = kind, unit, factor, m.end(), True
        q.candidates = r.shared.get(m.group("u"), ())
        q.rules += ("definite_unit",)
    elif (num.vague or num.scale > 1) and r.money_of_re is not None and (m := r.money_of_re.match(t, num.end)):
        q.kind, q.unit, q.end, q.has_unit = "money", r.after[m.group("u")][1], m.end(), True
        q.candidates = r.shared.get(m.group("u"), ())
    elif num.value == 1 and num.words == 1 and not num.digits and not num.article \
            and (m := r.noun_one_re.search(t, max(0, num.pstart - 30), num.pstart)):
        # rule noun_before_one: "شركة واحدة", "חברה אחת": one of the noun before it
        q.kind, q.unit, q.has_unit = "count", r.counted[m.group("u")], True
        q.start, q.lstart, q.rules = m.start("u"), m.start(), q.rules + ("noun_before_one",)
    elif num.fraction and num.value < 1:  # نصف الموظفين: a share, not 0.5 employees
        if not num.article:
            _fraction_of_whole(r, t, q)
    elif r.measure_re is not None and (m := r.measure_re.match(t, num.end)):
        # rule unit_of_measure: "120 ميغاواط", "2,481.27 נקודות" (kind other)
        q.kind, q.unit, q.end, q.has_unit = "other", r.measures[m.group("u") or m.group("s")], m.end(), True
        q.rules += ("unit_of_measure",)
    else:
        m = r.counted_re.match(t, num.end)
        if m:
            q.kind, q.unit, q.end, q.has_unit = "count", r.counted[m.group("u")], m.end(), True
        elif num.article and r.noun_before_re is not None and _ends_with(t, num.pstart, r.noun_last):
            m = r.noun_before_re.search(t, max(0, num.pstart - 30), num.pstart)
            if m:
                q.kind, q.unit = r.noun_units[m.group("u")]
                q.start, q.lstart, q.has_unit = m.start("u"), m.start(), True
    # cues before the number
    c = r.cue_before(t, num.pstart)
    if c is not None:
        g = c.lastgroup
        if g in ("cur", "curw") and q.kind == "number":
            q.kind, q.unit, q.has_unit = "money", r.cur_before[c.group(g)][0], True
            q.candidates = r.shared.get(c.group(g), ())
            q.factor = r.cur_before[c.group(g)][1]
            q.start = q.lstart = c.start(g)
        elif g == "pct" and q.kind == "number" and c.end() == num.pstart:
            q.kind, q.unit, q.start, q.lstart, q.has_unit = "percent", "percent", c.start(g), c.start(), True
        elif g == "mult" and q.kind == "number":
            q.kind, q.unit, q.start, q.lstart, q.has_unit = "multiplier", "multiplier", c.start(g), c.start(), True
        elif g == "rank" and q.kind == "number" and num.plain and (num.article or c.start(g) > c.start()):
            # "المركز 3", "המקום ה-5" (a bare "במקום 5" is rather "instead of 5")
            q.kind, q.unit, q.start, q.lstart = "rank", "rank", c.start(g), c.start()
        elif g == "year" and num.plain and 1000 <= num.value <= 2999 and num.end - num.start == 4:
            q.kind, q.unit, q.end, q.cue, q.has_unit = "year", None, num.end, c.group(g), True
            q.lstart = c.start()  # "بين عامي 2020 و2023": a range cue stands before the year cue
        elif g == "age" and q.kind in ("number", "duration") and q.unit in (None, "years") and num.value < 150:
            q.kind, q.unit, q.cue, q.has_unit = "duration", "years", c.group(g), True
        elif g == "cnt" and q.kind == "number" and num.plain:
            q.kind, q.unit, q.start, q.lstart, q.has_unit = "count", r.counted_before[c.group(g)], c.start(g), c.start(), True
        elif g == "month" and q.kind == "number" and num.plain and 1900 <= num.value <= 2100 \
                and num.end - num.start == 4:
            q.kind, q.value = "date", f"{int(num.value)}-{r.months[c.group(g)]:02d}"
            q.start, q.lstart = c.start(g), c.start()
            return q
    if q.kind == "number" and num.plain and 1900 <= num.value <= 2100 and num.end - num.start == 4:
        q.kind = "year"
    if isinstance(q.value, float) and q.factor != 1:
        q.value *= q.factor
        if q.value_max is not None:
            q.value_max *= q.factor
    return q


def _fraction_of_whole(r: _Rules, t: str, q: _Q) -> None:
    """Rule ``fraction_of_whole``: a fraction before "of" or a definite noun is a share, in percent.

    "חצי מהעובדים", "רבע מהשוק", "نصف الموظفين", "ثلث الإيرادات" → 50, 25, 50, 33.3 percent;
    "half a billion" and "half a year" never get here (a scale or a unit follows the fraction).
    Where the language data says so (``fraction_construct_share``), a fraction in construct with
    any noun is a share too: "ربع أسهم البنك", "ثلث إيرادات stc" (but not "نصف نهائي").
    """
    construct = r.share_construct_re is not None and r.share_construct_re.match(t, q.end)
    if (r.share_re is not None and r.share_re.match(t, q.end)) or construct:
        q.kind, q.unit, q.value, q.has_unit = "percent", "percent", q.value * 100, True
        q.rules += ("fraction_of_whole",)


def _gap_units(r: _Rules, b: _Q) -> tuple[str, ...]:
    """The attached prefix units of ``b`` when nothing else stands before its number."""
    if b.start != b.num.start or not b.num.prefix:
        return ()
    return r.g.split(b.num.prefix)[0]


def _compatible(a: _Q, b: _Q) -> tuple[str, str | None] | None:
    """The (kind, unit) a range of ``a`` and ``b`` would have, or None."""
    ka = "number" if a.kind in ("ordinal", "year") else a.kind
    kb = "number" if b.kind in ("ordinal", "year") else b.kind
    if "date" in (ka, kb) or "rank" in (ka, kb):
        return None
    if a.kind == b.kind == "year":
        return "year", None
    if "year" in (a.kind, b.kind) and "number" not in (a.kind, b.kind):
        return None  # "מיליארד דולר עד 2027": a deadline, not a range of dollars
    if ka == "number":
        return kb, b.unit
    if kb == "number":
        return ka, a.unit
    if ka == kb and a.unit == b.unit:
        return ka, a.unit
    return None


def _combine(r: _Rules, t: str, qs: list[_Q]) -> list[_Q]:
    """Join neighbours: ranges, compound durations, dollars and cents, rank lists."""
    out: list[_Q] = []
    i = 0
    n = len(qs)
    while i < n:
        a = qs[i]
        if i + 1 < n:
            b = qs[i + 1]
            merged = _join(r, t, a, b)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
            if a.kind == "rank" and b.kind == "ordinal" and not t[a.end:b.lstart].strip() \
                    and b.num.conj:
                b.kind, b.unit = "rank", "rank"
        out.append(a)
        i += 1
    return out


def _join(r: _Rules, t: str, a: _Q, b: _Q) -> _Q | None:
    gap = t[a.end:b.lstart]
    if len(gap) > 30 or "\n" in gap:
        return None
    g = gap.strip()
    bunits = _gap_units(r, b)
    bconj = bool(bunits) and bunits[0] in r.r_and and len(bunits) == 1
    # dollars and cents: "20 دولار و43 سنت", "20$ 43c"
    if a.kind == b.kind == "money" and a.unit == b.unit and b.factor < 1 <= a.factor \
            and (not g or g in r.r_and or bconj) and isinstance(a.value, float):
        return _merged(a, b, a.value + b.value, None, a.kind, a.unit, None)
    # compound durations: "عامًا وشهرين" = 14 months, "שנה וחודשיים"
    if a.kind == b.kind == "duration" and (a.unit, b.unit) in _RATIO and (g in r.r_and or (not g and bconj)):
        v = a.value * _RATIO[(a.unit, b.unit)] + b.value
        q = _merged(a, b, v, None, "duration", b.unit, None)
        q.parts = None
        return q
    # ranges: what stands between the two numbers decides which cue to look for before the first
    connector = None
    cue_start = a.lstart
    b_to = not g and bool(bunits) and bunits[-1] in r.r_to_after
    b_and = g in r.r_and or (not g and bconj)
    if g[:1] in r.g.conj and g[1:].strip() in r.r_to:
        g = g[1:].strip()  # "ועד", "وحتى"
    if b_and or b_to or g in r.r_to:
        m = r.between_re.search(t, max(0, a.lstart - 20), a.lstart)
        if m:
            connector, cue_start = "between", m.start("c")
        elif not b_and:
            a_units = r.g.split(a.num.prefix)[0] if a.num.prefix and a.start == a.num.start else ()
            m = r.from_re.search(t, max(0, a.lstart - 20), a.lstart)
            if m or (a_units and a_units[-1] in r.r_from):
                connector = "from_to"
                if m:
                    cue_start = m.start("c")
            elif not bunits:
                connector = "to"
    elif not bunits and g in r.r_dash:
        connector = "dash"
    elif r.upper_re.fullmatch(t, a.end, b.lstart):
        m = r.lower_re.search(t, max(0, a.lstart - 30), a.lstart)
        if m:
            connector, cue_start = "between", m.start("c")
    if connector is None:
        return None
    ku = _compatible(a, b)
    if ku is None or not isinstance(a.value, float) or not isinstance(b.value, float):
        return None
    if a.weak and b.weak:
        return None
    va, vb = a.value, b.value
    # the scale and the unit of the second end apply to the first: "115-135 מיליארד", "10-20 אש"ח"
    if a.num.scale == 1 and b.num.scale > 1 and not a.num.vague and abs(va) < b.num.scale:
        va *= b.num.scale
    if not a.has_unit and b.factor != 1:
        va *= b.factor
    if connector == "dash" and (not va < vb or (
            a.num.plain and b.num.plain and (vb > 1000 * va or t[a.num.start] == "0"))):
        return None  # 3-2 (a score), 03-1234567 (a phone number)
    q = _merged(a, b, va, vb, ku[0], ku[1], connector)
    q.lstart = min(cue_start, a.lstart)
    q.approx = a.approx or b.approx
    return q


#: kinds whose unit a bare number earlier in a list takes ("7 و8 مليارات دولار": 7 is dollars too)
_LIST_KINDS = ("money", "percent", "count", "duration")


def _share_units(r: _Rules, t: str, qs: list[_Q]) -> list[_Q]:
    """Rule ``list_shares_unit``: bare numbers listed before a number with a unit take its unit and scale.

    "7 و8 مليارات دولار", "3, 5 ו-7 מיליארד דולר", "0.25 או 0.5 נקודת אחוז" — each member of the
    list is its own claim. Members are joined by a comma, "or", or the conjunction (alone or attached).
    """
    for i in range(len(qs) - 2, -1, -1):
        a, b = qs[i], qs[i + 1]
        if a.kind != "number" or not isinstance(a.value, float) or b.kind not in _LIST_KINDS or not b.unit:
            continue
        gap = t[a.end:b.lstart].strip()
        bunits = _gap_units(r, b)
        conj = (not gap and len(bunits) == 1 and bunits[0] in r.r_and) or gap in r.r_and or gap in r.r_or \
            or gap in (",", "\u060c")
        if not conj or "\n" in t[a.end:b.lstart]:
            continue
        if a.num.scale == 1 and b.num.scale > 1 and not a.num.vague and abs(a.value) < b.num.scale:
            a.value *= b.num.scale
            a.num.scale = b.num.scale
        if b.factor != 1:
            a.value *= b.factor
        a.kind, a.unit, a.candidates, a.has_unit = b.kind, b.unit, b.candidates, True
        a.rules += ("list_shares_unit",)
    return qs


_SENTENCE_END = re.compile(r"[.!?\n\u061f]\s")


def _elided_unit(r: _Rules, t: str, qs: list[_Q]) -> list[_Q]:
    """Rule ``elided_unit``: a bare number that contrasts with or is part of the number before it
    takes its unit (and scale): "1.200.000 ישראלים … לעומת 2.350.000", "12 500 עובדים, מהם 4 300",
    "300 עובדים בישראל ו-40 בחו"ל", "أنفقت 3 مليارات دولار مقابل 2". The words that say so
    (``elision_cues``) are language data; the conjunction attached to the bare number also does
    when the two stand close together.
    """
    if r.elision_re is None:
        return qs
    for i in range(1, len(qs)):
        a, q = qs[i - 1], qs[i]
        if q.kind != "number" or a.kind not in _LIST_KINDS or not a.unit or a.unit == "count" or q.num.vague:
            continue
        if q.num.plain and 1900 <= q.num.value <= 2100 or not isinstance(q.value, float):
            continue
        gap = t[a.end:q.lstart]
        if _SENTENCE_END.search(gap + " "):
            continue
        units = _gap_units(r, q)
        conj = len(units) == 1 and units[0] in r.r_and and len(gap) <= 30
        if not (conj or r.elision_re.search(gap)):
            continue
        if a.num.scale > 1 and q.num.scale == 1 and abs(q.value) < a.num.scale:
            q.value *= a.num.scale
        if a.factor != 1:
            q.value *= a.factor
        q.kind, q.unit, q.candidates, q.has_unit = a.kind, a.unit, a.candidates, True
        q.rules += ("elided_unit",)
    return qs


def _number_of_noun(r: _Rules, t: str, qs: list[_Q]) -> list[_Q]:
    """Rule ``number_of_noun``: a bare number in the clause of "the number of X" counts X.

    "מספר המשתמשים הרשומים עלה מ-1.2 מיליון ל-1.9 מיליון" (users), "ارتفع عدد الموظفين إلى 500" (employees).
    """
    if r.number_of_re is None:
        return qs
    for q in qs:
        if q.kind != "number" or (q.num.plain and 1900 <= q.num.value <= 2100):
            continue
        m = r.number_of_re.search(t, max(0, q.lstart - 80), q.lstart)
        if m is None:
            continue
        q.kind, q.unit, q.has_unit = "count", r.counted[m.group("u")], True
        q.rules += ("number_of_noun",)
        for part in q.parts or ():
            part.kind, part.unit = q.kind, q.unit
    return qs


def _merged(a: _Q, b: _Q, value, value_max, kind, unit, connector) -> _Q:
    q = _Q(start=a.start, end=b.end, num=a.num, value=value, value_max=value_max, unit=unit, kind=kind,
           connector=connector, lstart=a.lstart, has_unit=True, factor=b.factor,
           candidates=b.candidates or a.candidates, rules=a.rules + b.rules + ((f"range_{connector}",) if connector else ()))
    q.parts = (a, b) if connector else None
    if connector:
        # each end gets the range's kind and unit ("10-20 دولار": 10 is dollars too)
        if a.kind in ("number", "ordinal"):
            a.kind, a.unit, a.candidates = kind, unit, q.candidates
            a.value = value
        if b.kind in ("number", "ordinal"):
            b.kind, b.unit, b.candidates = kind, unit, q.candidates
        a.weak = b.weak = False
    return q


def _drop(r: _Rules, t: str, q: _Q) -> bool:
    """True when ``q`` is not a quantity (weekday, "one of", enumerator, text ordinal …)."""
    num = q.num
    if q.kind == "ordinal" or q.weak:
        return True
    if q.kind == "date" and "date" in q.rules:
        return False  # read by the date grammar: a weekday in it is part of the date
    if q.connector:
        return False
    if num.fraction and num.article and not num.digits:
        return True  # الربع الثالث, النصف: a named part, not a number
    if num.kind == "money" and num.words == 1 and not num.digits and not num.prefix and r.verb_next_re.match(t, num.end):
        return True  # rule unit_word_is_verb: "שקל לפרוש", "שקל את ההצעה" ("considered")
    if not num.digits:
        lo = max(0, num.pstart - 12)
        for m in r.phrase_re.finditer(t, lo, min(len(t), num.end + 24)):
            if m.start() < num.end and m.end() > num.pstart:
                return True
        if num.words == 1 and q.kind == "number" and not num.fraction and any(
                x[0] == "ordinal" for x in r.g.lexicon.get(t[num.start:num.end], ())):
            return True  # סבב שני: "second" after a noun; a cardinal construct has a noun after it
        if num.words == 1 and num.value == 1 and num.article and q.kind == "number":
            return True  # للسهم الواحد, החברה האחת: "per share", "the single company": an adjective
        if num.words == 1 and num.value == 1:
            word = t[num.start:num.end]
            if word in r.alone:
                return True
            if word in r.one_of and q.start == num.start and r.one_of_re.match(t, num.end):
                return True
    elif num.plain and q.kind == "number" and num.value < 100:
        # a list enumerator: "1." alone at the head of a line
        if num.end < len(t) and t[num.end] in ".)" and (num.end + 1 == len(t) or t[num.end + 1] in " \t\r\n"):
            line = t.rfind("\n", 0, num.pstart) + 1
            if r.line_head_re.match(t, line, num.pstart):
                return True
    return False


def _finish(r: _Rules, t: str, q: _Q) -> None:
    """Hedges before and after a quantity (not for dates, years and ranks)."""
    if q.kind in ("date", "year", "rank"):
        return
    if q.weak:
        return
    h = r.hedge_before(t, q)
    if h is None:
        m = r.hedge_after_re.match(t, q.end)
        if m:
            h = m.span("h")
    if h is not None:
        q.hedge, q.approx = h, True


def _public(n, text: str, q: _Q) -> Quantity:
    s, e = n.to_original(q.start, q.end)
    ns, ne = n.to_original(q.num.start, q.num.end) if not q.connector else (s, e)
    parts = None
    if q.parts:
        parts = tuple(_public(n, text, p) for p in q.parts)
    value = q.value
    if isinstance(value, float) and value == 0:
        value = 0.0
    hedge = None
    if q.hedge is not None:
        hs, he = n.to_original(*q.hedge)
        hedge = text[hs:he]
    when = q.when
    if when is None and q.kind == "date" and isinstance(value, str) and not value.startswith("-"):
        when = value
    elif when is None and q.kind == "year" and q.value_max is None and isinstance(value, float):
        when = f"{int(value):04d}"
    return Quantity(start=s, end=e, text=text[s:e], value=value, value_max=q.value_max, unit=q.unit, kind=q.kind,
                    candidates=q.candidates, rules=q.rules,
                    approx=q.approx, hedge=hedge, connector=q.connector, parts=parts,
                    number_start=ns, number_end=ne, cue=q.cue, relative=q.relative, when=when)


def _with_dates(t: str, atoms: list[_Q], readings: list[DateReading], pub: Published | None,
                relative: bool = False) -> list[_Q]:
    """Rule ``date``: the dates of the date grammar (:mod:`.grammar.dates`) in place of the numbers
    read inside them: "الخميس الموافق 14 شهر شباط" is one date, not 14 months; "اخر يوم بشهر
    عشرة سنة 2015" is 2015-10-31, not 10 years and 2015. A number that reaches outside a date
    keeps its reading ("موظفين اثنين الأسبوع الماضي": two employees), and so does a date of the
    number layer that covers the reading ("17 كانون الأول (ديسمبر)"). A date that needs the
    publication date (a weekday of a month with no year) is read only with ``published``, a
    relative one only when ``relative`` is asked for too; a date left out still takes the
    place of the numbers inside it.

    A date printed without its year gets it from ``published`` (the year of publication, or the
    year before for a month more than a month after it; a weekday printed with the date picks
    the year it falls on).
    """
    i = 0
    out: list[_Q] = []
    for d in readings:
        while i < len(atoms) and atoms[i].end <= d.start:
            out.append(atoms[i])
            i += 1
        j = i
        while j < len(atoms) and atoms[j].start < d.end:
            j += 1
        inside = atoms[i:j]
        if any(a.start < d.start or a.end > d.end for a in inside):
            continue
        i = j
        resolved = d.read(pub) if relative or not d.relative else None
        if resolved is None:
            continue
        num = Numeral(d.start, d.end, 0.0, None, d.pstart)
        num.kind, num.iso, num.digits = "date", resolved[0], True
        out.append(_Q(start=d.start, end=d.end, num=num, value=resolved[0], kind="date", lstart=d.pstart,
                      has_unit=True, rules=("date",) + resolved[2], relative=d.relative))
    out += atoms[i:]
    for q in out:
        if pub is not None and q.kind == "date" and isinstance(q.value, str) and q.value.startswith("--"):
            q.value = f"{year_for(int(q.value[2:4]), pub):04d}{q.value[1:]}"
    return out


def _counted_from_publication(r: _Rules, t: str, q: _Q, pub: Published) -> None:
    """Rule ``counted_from_publication``: a duration after "ago" or "in" points at a day, month or
    year counted from publication (``when``): "לפני שבעה ימים" (2013-02-05 if published on
    2013-02-12), "بعد أسبوعين", "قبل ثلاث سنوات". The quantity stays the duration. Not when
    "of" follows the duration ("بعد ثلاث سنوات من التأسيس": from another event).
    """
    if q.kind != "duration" or q.connector or not isinstance(q.value, float) or q.value != int(q.value):
        return
    m = r.counted_from_re.search(t, max(0, q.lstart - 40), q.lstart)
    if m is None or r.of_after_re.match(t, q.end):
        return  # "بعد 3 سنوات من التأسيس": counted from another event
    found = shift_date(pub, r.counted_from[m.group("c")] * int(q.value), q.unit or "")
    if found is not None:
        q.when = found[0]
        q.rules += ("counted_from_publication",)


def find_quantities(text: str, lang: str | None = None, normalized: Normalized | None = None,
                    published: str | None = None, relative: bool = False) -> list[Quantity]:
    """Every quantity in ``text``, sorted by start and non-overlapping.

    ``lang`` is a language code (``he``, ``ar``); None detects it from the script.
    A text in no known language still gets its digits, ``%`` and currency symbols.
    ``normalized`` may pass ``normalize(text)`` when the caller already has it.
    ``published`` (an ISO date, month or year) resolves dates against the publication date:
    a date printed without its year gets one (a weekday printed with it picks the year), and
    a duration after "ago"/"in" gets the time it points at in ``when``. With ``relative=True``
    too, relative dates (היום, الأسبوع الماضي, רביעי הבא) come back as ``date`` quantities
    with ``relative=True``: periods, not claims, so they are left out by default.

    >>> [(q.text, q.value, q.relative) for q in find_quantities(
    ...     "אתמול גייסה 5 מיליון דולר", "he", published="2013-02-12", relative=True)]
    [('אתמול', '2013-02-11', True), ('5 מיליון דולר', 5000000.0, False)]
    """
    if lang is None:
        lang = detect_language(text)
    r = _rules(lang)
    g = r.g
    n = normalized if normalized is not None and normalized.original == text else normalize(text)
    t = blank_markup(n.text)  # no numbers from inside tags, attributes or scripts
    atoms: list[_Q] = []
    resume = [0]
    for num in iter_numerals(g, t, resume):
        q = _atom(r, t, num)
        if q is None:
            continue
        while atoms and q.start < atoms[-1].end:
            # a cue before this number overlaps the previous quantity: keep the earlier one
            if q.start >= atoms[-1].start:
                q = None
                break
            atoms.pop()
        if q is None:
            continue
        atoms.append(q)
        if q.end > resume[0]:
            resume[0] = q.end
    pub = published_date(published)
    if g.lang is not None:
        readings = find_dates(lang, t)
        if readings or pub is not None:
            atoms = _with_dates(t, atoms, readings, pub, relative)
    atoms = _elided_unit(r, t, _number_of_noun(r, t, _share_units(r, t, _combine(r, t, atoms))))
    out: list[Quantity] = []
    for q in atoms:
        if q.weak and q.num.prefix and any(u in r.hedge_prefix for u in g.split(q.num.prefix)[0]):
            q.weak = False  # כשנה: "about a year"
        if q.weak and q.kind == "multiplier" and (
                r.hedge_before(t, q) or r.double_cue_re and r.double_cue_re.search(t, max(0, q.lstart - 20), q.lstart)):
            q.weak = False  # أي ضعف تقييمها: "double"
        if _drop(r, t, q):
            continue
        if pub is not None and r.counted_from_re is not None:
            _counted_from_publication(r, t, q, pub)
        _finish(r, t, q)
        out.append(_public(n, text, q))
    return out
