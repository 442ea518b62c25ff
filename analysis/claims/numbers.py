"""Numerals in Hebrew and Arabic text: digits and number words.

Everything here runs on the normalized copy of a text (see :mod:`analysis.normalize`):
Arabic-Indic digits are ASCII there, ``٫`` is ``.``, ``٬`` is ``,`` and diacritics
are gone. The words come from ``data/<lang>/numbers.yaml``; attached prefixes
(``ו``, ``ל-``, ``بـ``, ``وال``) come from :mod:`analysis.langdata`. The code holds
no language words.

A :class:`Grammar` holds one language's lexicon and two precompiled regexes: the
*anchor* regex finds where a numeral may start (a digit, or a number word with an
optional prefix), and the *token* regex reads one token. :func:`read_numeral`
reads the longest numeral at an anchor with a small state machine (units, teens,
tens, hundreds, scales, fractions, duals, construct forms), so Python work is
done only around anchors.

>>> [(n.text, n.value) for n in find_numbers("גרעון של 5 מיליארד דולר", "he")]
[('5 מיליארד', 5000000000.0)]
>>> [(n.text, n.value) for n in find_numbers("مليون وألفين ومائتين", "ar")]
[('مليون وألفين ومائتين', 1002200.0)]
>>> parse_digits("1,234.5"), parse_digits("٢٦،٠١٣,٩٤".translate({0x0660 + i: str(i) for i in range(10)}))
(1234.5, 26013.94)
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from fractions import Fraction

from ..text.langdata import LanguageDataError, language, languages, trie_pattern
from ..text.normalize import normalize, normalize_word

__all__ = ["Numeral", "Grammar", "grammar", "read_numeral", "find_numbers", "parse_digits", "iter_numerals"]

INF = float("inf")

# slots of a group of three digits: units, tens, hundreds
_U, _T, _H = 1, 2, 4

_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGIT_START = frozenset("0123456789.")
_SIGN_BEFORE = frozenset(" \t\n\r([{\"'=:;,/|\u060c\u061b")


_SEP = re.compile(r"[.,\u060c]")


def parse_digits(s: str) -> float | None:
    """The value of a digit string with ``,`` ``.`` ``،`` separators, or None if malformed.

    A comma is a thousands separator when every group after it has three digits,
    else a decimal comma (``4,8``); with two kinds of separator the last one is
    the decimal point (``1,234.5``, ``1.234,5``, ``26،013,94``).

    >>> parse_digits("100,000"), parse_digits("4,8"), parse_digits(".77"), parse_digits("0033")
    (100000.0, 4.8, 0.77, 33.0)
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
        if seps[0] != "." and len(b) == 3 and not a.startswith("0"):
            return float(a + b)
        return float(f"{a}.{b}")
    first, rest = groups[0], groups[1:]
    if not 1 <= len(first) <= 3 or first.startswith("0") and len(first) > 1:
        return None
    thousands = {",", "\u060c"}
    if len(set(seps)) == 1 or set(seps) <= thousands:
        if all(len(g) == 3 for g in rest):
            return float("".join(groups))
        if set(seps) <= thousands and seps[-1] == "," and len(set(seps[:-1])) == 1 and seps[0] != ",":
            pass  # "26،013,94": fall through to the mixed case
        else:
            return None
    last, others = seps[-1], seps[:-1]
    if last in others or not all(len(g) == 3 for g in rest[:-1]):
        return None
    if last == "." and not set(others) <= thousands:
        return None
    return float("".join(groups[:-1]) + "." + groups[-1])


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
    text: str = ""  #: filled by find_numbers (original text)


class Grammar:
    """One language's number lexicon and compiled regexes (use :func:`grammar`)."""

    def __init__(self, code: str | None):
        self.code = code
        self.lang = language(code) if code else None
        self.spec: dict = {**self.lang.load("numbers"), "currencies": self.lang.currencies} if self.lang \
            else _symbols_only_spec()
        spec = self.spec
        lang_spec = self.lang.load("language").get("prefixes", {}) if self.lang else {}
        self.units = self.lang.prefix_units if self.lang else []
        self.joiners = [j for j in (lang_spec.get("joiners") or [])]
        self.max_prefix = int(lang_spec.get("max", 1))
        self.conj = {normalize_word(w) for w in spec.get("conjunction", [])}
        self.article = {normalize_word(w) for w in spec.get("article", [])}
        self.pfx = self.lang.prefix_pattern if self.lang else ""
        self.lexicon = self._lexicon()
        # words that may start a numeral (not continuation-only words such as على)
        cont_only = {"teen", "denom", "over", "point", "one_after"}
        anchors = [w for w, rs in self.lexicon.items() if any(r[0] not in cont_only for r in rs)]
        words = trie_pattern(self.lexicon)
        self.not_words = {normalize_word(w) for w in spec.get("not_quantities", {}).get("words", [])}
        self.token_re = re.compile(
            rf"(?P<prefix>{self.pfx})(?:(?P<num>\.?[0-9]+(?:[.,\u060c][0-9]+)*)"
            rf"(?:e(?P<exp>[+-]?[0-9]+)|\^(?P<pow>[+-]?[0-9]+))?(?![0-9])|(?P<word>{words})(?!\w))"
        )
        # Every alternative starts with a literal character, so `re` can skip ahead by first
        # character: a bare word is matched anywhere and its attached prefix checked in
        # :meth:`anchor_start` (a prefix pattern in the regex would make the scan 2-3x slower).
        alts = [str(d) for d in range(10)] + [r"\.(?=[0-9])"] + [a + r"(?!\w)" for a in _first_char_alts(anchors)]
        self.anchor_re = re.compile("|".join(alts))
        self.prefix_re = re.compile(rf"(?<!\w)(?:{self._units_alt()}){{1,{self.max_prefix}}}(?:{self._joiners_alt()})?\Z") \
            if self.units else None
        self.unit_last = frozenset(u[-1] for u in self.units)
        self.slash_re = re.compile(r"[0-9]+(?:/[0-9]+)+")
        self.digit_re = re.compile(
            r"(?P<num>\.?[0-9]+(?:[.,\u060c][0-9]+)*)(?:e(?P<exp>[+-]?[0-9]+)|\^(?P<pow>[+-]?[0-9]+))?(?![0-9])")
        self.space_re = re.compile(r"[ \t]*")
        self.shape_re = re.compile(
            r"(?P<time>[0-9]{1,2}:[0-9]{2}(?![0-9]))"
            r"|(?P<d>[0-9]{1,2})(?P<s>[/.])(?P<m>[0-9]{1,2})(?P=s)(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])"
            r"(?:[ \t]+(?P<hm>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?![0-9]))?"
            r"|(?P<Y>[0-9]{4})(?P<s2>[-/])(?P<M>[0-9]{1,2})(?P=s2)(?P<D>[0-9]{1,2})(?![0-9])"
            r"|(?P<a>[0-9]{1,3})/(?P<b>[0-9]{1,3})(?![0-9/])"
        )
        self.after_latin_ok = self._latin_units()

    # -- building ---------------------------------------------------------------------
    def _units_alt(self) -> str:
        return "|".join(map(re.escape, self.units))

    def _joiners_alt(self) -> str:
        return "|".join(map(re.escape, self.joiners)) or r"(?!x)x"

    def _lexicon(self) -> dict[str, tuple]:
        spec = self.spec
        lex: dict[str, list] = {}

        def add(words, reading):
            for w in words or []:
                w = normalize_word(str(w))
                if w:
                    lex.setdefault(w, [])
                    if reading not in lex[w]:
                        lex[w].append(reading)

        for v, ws in (spec.get("ones") or {}).items():
            add(ws, ("one", float(v)))
        add(spec.get("teens"), ("teen",))
        for v, ws in (spec.get("tens") or {}).items():
            add(ws, ("ten", float(v)))
        for v, ws in (spec.get("hundreds") or {}).items():
            add(ws, ("hundred", float(v)))
        for s in spec.get("scales") or []:
            within = bool(s.get("within_group"))
            for form in ("singular", "plural", "dual"):
                add(s.get(form), ("scale", float(s["value"]), form, within))
        for v, ws in (spec.get("fractions") or {}).items():
            add(ws, ("fraction", float(Fraction(str(v)))))
        for v, ws in (spec.get("denominators") or {}).items():
            add(ws, ("denom", float(v)))
        for v, ws in (spec.get("vague") or {}).items():
            add(ws, ("vague", float(v)))
        for v, ws in (spec.get("ordinals") or {}).items():
            add(ws, ("ordinal", float(v)))
        add(spec.get("negative"), ("neg",))
        add(spec.get("decimal_point"), ("point",))
        add(spec.get("over"), ("over",))
        add(spec.get("part_of"), ("part_of",))
        add(spec.get("one_after"), ("one_after",))
        for unit, d in (spec.get("durations") or {}).items():
            add(d.get("dual"), ("unit", 2.0, "duration", unit, False))
            add(d.get("one"), ("unit", 1.0, "duration", unit, False))
            add(d.get("singular"), ("unit", 1.0, "duration", unit, True))
        for c in spec.get("currencies") or []:
            f = float(c.get("factor", 1))
            add(c.get("one"), ("unit", f, "money", c["code"], False))
            add(c.get("dual"), ("unit", 2 * f, "money", c["code"], False))
        for unit, d in (spec.get("counted") or {}).items():
            add(d.get("dual"), ("unit", 2.0, "count", unit, False))
        add((spec.get("multipliers") or {}).get("double"), ("unit", 2.0, "multiplier", "multiplier", False))
        add((spec.get("multipliers") or {}).get("double_weak"), ("unit", 2.0, "multiplier", "multiplier", True))
        # a word's readings in order of preference: numbers first, unit words last
        order = {"one": 0, "ten": 0, "hundred": 0, "scale": 1, "vague": 1, "fraction": 2, "denom": 2,
                 "ordinal": 3, "neg": 0, "point": 0, "over": 0, "part_of": 0, "teen": 4, "one_after": 5,
                 "unit": 6}
        return {w: tuple(sorted(rs, key=lambda r: order[r[0]])) for w, rs in lex.items()}

    def _latin_units(self) -> re.Pattern:
        """Latin unit codes that may be glued to digits (``43c``, ``10usd``)."""
        forms = [normalize_word(w) for c in self.spec.get("currencies") or [] for w in c.get("after") or []]
        forms += [normalize_word(w) for w in (self.spec.get("multipliers") or {}).get("after") or []]
        latin = [w for w in forms if w and w[0] in _LATIN]
        return re.compile(rf"(?:{trie_pattern(latin)})(?![a-z])")

    # -- helpers ----------------------------------------------------------------------
    @functools.lru_cache(maxsize=4096)
    def split(self, prefix: str) -> tuple[tuple[str, ...], bool, bool]:
        """``(units, has_conjunction_first, has_article)`` of an attached prefix."""
        units = self.lang.prefix_parts(prefix) if self.lang else ()
        return units, bool(units) and units[0] in self.conj, any(u in self.article for u in units)

    def anchor_start(self, t: str, m: re.Match) -> int | None:
        """Where the numeral of anchor ``m`` starts (its attached prefix included), or None
        when the anchor is the tail of a longer word."""
        p = m.start()
        if p == 0 or t[p] in "0123456789.":
            return p
        c = t[p - 1]
        if not (c.isalnum() or c == "_" or c in self.joiners):
            return p
        if c == "." and p > 1 and t[p - 2].isdigit():
            return None
        q = self.digit_prefix(t, p)
        if q == p and (c.isalnum() or c == "_"):
            return None
        return q

    def digit_prefix(self, t: str, pos: int) -> int:
        """Start of an attached prefix glued before the digit at ``pos`` (``pos`` if none)."""
        if self.prefix_re is None or pos == 0:
            return pos
        c = t[pos - 1]
        if c in self.joiners and pos > 1:
            c = t[pos - 2]
        if c not in self.unit_last:
            return pos
        m = self.prefix_re.search(t, max(0, pos - 8), pos)
        return m.start() if m else pos


def _first_char_alts(words) -> list[str]:
    """The top-level alternatives of a trie regex of ``words``, one per first character."""
    firsts: dict[str, list[str]] = {}
    for w in words:
        firsts.setdefault(w[0], []).append(w[1:])
    alts = []
    for ch, rests in sorted(firsts.items()):
        tails = [r for r in rests if r]
        body = trie_pattern(tails) if tails else ""
        if tails and "" in rests:
            body = f"(?:{body})?"
        alts.append(re.escape(ch) + body)
    return alts


def _symbols_only_spec() -> dict:
    """For a text in no known language: currency symbols and Latin codes of all languages."""
    currencies = []
    for code in languages():
        try:
            entries = language(code).currencies
        except LanguageDataError:
            continue
        for c in entries:
            keep = lambda ws: [w for w in ws or [] if not any(ch.isalpha() and not ch.isascii() for ch in str(w))]
            currencies.append({"code": c["code"], "factor": c.get("factor", 1),
                               "after": keep(c.get("after")), "before": keep(c.get("before"))})
    return {"currencies": currencies, "percent": {"percent": ["%"]}}


@functools.cache
def grammar(code: str | None) -> Grammar:
    """The cached :class:`Grammar` of a language code (None: digits and symbols only)."""
    if code is not None and code not in languages():
        code = None
    return Grammar(code)


# ------------------------------------------------------------------------------------
# the reader


def _digit_value(m: re.Match) -> float | None:
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


def _latin_glued(g: Grammar, t: str, start: int, end: int) -> bool:
    """Digits glued to a Latin word (GPT-4, o3, 4K, 12-Day) are part of a name."""
    if start > 0:
        c = t[start - 1]
        if c in _LATIN or (c == "-" and start > 1 and t[start - 2] in _LATIN):
            return True
    if end < len(t):
        c = t[end]
        if c in _LATIN:
            return not g.after_latin_ok.match(t, end)
        if c == "-" and end + 1 < len(t) and t[end + 1] in _LATIN:
            return True
    return False


def _slots(v: float) -> int:
    """Slots a digit value fills in a group (21 → tens and units)."""
    if v >= 100:
        return _H | _T | _U
    if v >= 10:
        return _T | _U
    return _U


def read_numeral(g: Grammar, t: str, pos: int) -> tuple[Numeral | None, int]:
    """Read the numeral that starts at ``pos`` of normalized text ``t``.

    Returns the numeral (or None) and the position to continue scanning from.
    """
    if pos >= len(t):
        return None, pos + 1
    if t[pos] in _DIGIT_START:
        m = g.digit_re.match(t, pos)
        if m is None:
            return None, pos + 1
        prefix = ""
        article = conj = False
        num = Numeral(start=pos, end=m.end(), value=0.0, pstart=pos)
    else:
        m = g.token_re.match(t, pos)
        if m is None or m.group("word") is None:
            return None, pos + 1
        prefix = m.group("prefix") or ""
        if (prefix + m.group("word")) in g.not_words:
            return None, m.end()
        units, conj, article = g.split(prefix) if prefix else ((), False, False)
        num = Numeral(start=m.start() + len(prefix), end=m.end(), value=0.0, pstart=m.start(), prefix=prefix,
                      article=article, conj=conj)

    # ---- the first token -------------------------------------------------------------
    sign = 1.0
    total = 0.0
    group = 0.0
    gslots = 0
    last_scale = INF
    last = ""  # kind of the last component
    last_conjunct = 0.0
    done = False

    if prefix == "" and t[pos] in _DIGIT_START:
        digits = m.group("num")
        if digits[0] != ".":
            p = g.digit_prefix(t, pos)
            if p < pos:
                prefix = t[p:pos]
                num.pstart, num.prefix = p, prefix
                _, num.conj, num.article = g.split(prefix)
        after = t[m.end()] if m.end() < len(t) else ""
        if after in ":/-" and after or digits.count(".") >= 2:
            # a time, a date or a slash fraction (11:28, 21/11/2023, 2024-05-01, 3/4)
            shape = g.shape_re.match(t, pos)
            if shape is not None and not _latin_glued(g, t, pos, shape.end()):
                r = _shape(num, shape)
                if r is not None:
                    return r
            if after == "/":
                slash = g.slash_re.match(t, pos)
                return None, slash.end() if slash else m.end()  # 2024/11/21, 24/7: not one number
        if pos > 1 and t[pos - 1] == "/" and t[pos - 2].isdigit():
            return None, m.end()
        if _latin_glued(g, t, pos, m.end()):
            return None, m.end()
        v = _digit_value(m)
        if v is None:
            return None, m.end()
        # a minus sign directly before the digits, after a space or punctuation (not a prefix)
        s = num.start
        if not prefix and s > 0 and t[s - 1] in "-+" and (s == 1 or t[s - 2] in _SIGN_BEFORE):
            num.start -= 1
            num.pstart = num.start
            if t[s - 1] == "-":
                sign = -1.0
        num.digits = True
        num.plain = digits.isdigit() and m.group("exp") is None and m.group("pow") is None
        group = v
        gslots = _slots(v) if v == int(v) and v < 1000 else _H | _T | _U
        if v >= 1000 or v != int(v):
            gslots = 8 | _H | _T | _U  # no word may join a big or decimal number, only a scale
        last = "digit"
        end = m.end()
        # only a word can continue a digit token ("5 מיליארד", "٣ مئة"): skip the loop otherwise
        j = end + 1
        if end >= len(t) or t[end] not in " \t" or (j < len(t) and not t[j].isalpha() and t[j] not in " \t"):
            done = True
    else:
        word = m.group("word")
        readings = g.lexicon[word]
        r = readings[0]
        if article:  # השני, الثانية: with the article a word that can be an ordinal is one
            r = next((x for x in readings if x[0] == "ordinal"), r)
        kind = r[0]
        end = m.end()
        num.words = 1
        if kind == "neg":
            sub, nxt = read_numeral(g, t, g.space_re.match(t, end).end())
            if sub is None or sub.prefix or sub.ordinal:
                return None, end
            sub.start, sub.pstart, sub.prefix = num.start, num.pstart, prefix
            sub.article, sub.conj = article, conj
            sub.value = -sub.value
            if sub.value_max is not None:
                sub.value, sub.value_max = -sub.value_max, sub.value
            sub.words += 1
            return sub, nxt
        if kind == "part_of":  # جزء من مئة = 1/100
            den, nxt = read_numeral(g, t, g.space_re.match(t, end).end())
            if den is None or den.prefix or den.value == 0 or den.kind or den.ordinal or den.vague:
                return None, end
            num.value, num.end, num.fraction = 1.0 / den.value, den.end, True
            num.words += den.words
            num.digits = den.digits
            return num, den.end
        if kind in ("teen", "denom", "over", "point", "one_after"):
            return None, end
        if kind == "one" or kind == "ten" or kind == "hundred":
            group = r[1]
            last_conjunct = group
            if kind == "one":
                gslots = _U if group < 10 else _T | _U
                # a teen: unit + the teen word (ארבעה עשר, خمسة عشر)
                n2 = _next(g, t, end)
                if n2 is not None and group < 10 and not n2.group("prefix") and n2.group("word") \
                        and any(x[0] == "teen" for x in g.lexicon[n2.group("word")]):
                    group += 10
                    gslots = _T | _U
                    end = n2.end()
                    num.words += 1
            else:
                gslots = _T if kind == "ten" else _H
            last = kind
        elif kind == "scale":
            S, form, within = r[1], r[2], r[3]
            if article:
                return None, end  # الملياري (an adjective), الآلاف alone
            if form == "plural":
                return _vague(g, t, num, S, end)
            if form == "dual":
                if within:
                    group, gslots = 2 * S, (_H if 2 * S >= 100 else _T | _U)
                else:
                    total, last_scale = 2 * S, S
                    num.scale = S
            else:
                if within:
                    group, gslots = S, (_H if S >= 100 else _T | _U)
                else:
                    total, last_scale = S, S
                    num.scale = S
            last = "scale"
        elif kind == "fraction":
            num.fraction = True
            f = r[1]
            n2 = _next(g, t, end)
            if n2 is not None and not n2.group("prefix") and n2.group("word"):
                r2 = g.lexicon[n2.group("word")][0]
                if r2[0] == "scale" and r2[2] == "singular":
                    num.value = f * r2[1]
                    num.scale = r2[1]
                    num.end = n2.end()
                    num.words += 1
                    return num, num.end
            num.value, num.end = f, end
            return num, end
        elif kind == "vague":
            return _vague(g, t, num, r[1], end)
        elif kind == "ordinal":
            num.ordinal = True
            v = r[1]
            n2 = _next(g, t, end)
            if n2 is not None and n2.group("word"):
                rs2 = g.lexicon[n2.group("word")]
                p2 = n2.group("prefix") or ""
                if not p2 and v < 10 and any(x[0] == "teen" for x in rs2):
                    v += 10
                    end = n2.end()
                elif p2 and g.split(p2)[1] and rs2[0][0] == "ten" and v < 10:
                    v += rs2[0][1]
                    end = n2.end()
            num.value, num.end = v, end
            return num, end
        elif kind == "unit":
            _, v, ukind, unit, weak = r
            if article and ukind != "multiplier" and v != 2:
                return None, end  # العام, השנה, اليوم are not "one year"; الشهرين الماضيين is two months
            num.kind, num.unit, num.weak = ukind, unit, weak
            group = v
            # "שנה וחצי", "שקל אחד"
            n2 = _next(g, t, end)
            if n2 is not None and n2.group("word"):
                r2 = g.lexicon[n2.group("word")]
                p2 = n2.group("prefix") or ""
                if p2 and g.split(p2)[1] and r2[0][0] == "fraction" and ukind in ("duration", "money"):
                    group += r2[0][1] * (1 if ukind == "duration" else 1)
                    end, num.weak = n2.end(), False
                elif not p2 and any(x[0] == "one_after" for x in r2) and v == 1:
                    end, num.weak = n2.end(), False
            num.value, num.end = group, end
            return num, end
        else:
            return None, end

    # ---- continuation tokens ---------------------------------------------------------
    while not done:
        n2 = _next(g, t, end)
        if n2 is None:
            break
        p2 = n2.group("prefix") or ""
        c2 = False
        if p2:
            u2, c2, a2 = g.split(p2)
            if not c2 or len(u2) > 1:
                break
        if n2.group("num") is not None:
            # digits join only after a hundred or scale word: "٣ مئة و ٢١", "٤ آلاف ٣ مائة"
            if last not in ("hundred", "scale", "mult") or _latin_glued(g, t, n2.start() + len(p2), n2.end()):
                break
            v = _digit_value(n2)
            if v is None or v != int(v) or v >= 1000:
                break
            if last == "scale" and not c2 and v >= last_scale:
                break
            sl = _slots(v)
            if gslots & sl:
                break
            if v >= last_scale:
                break
            group += v
            gslots |= sl
            last_conjunct = v
            last = "digit"
            num.digits = True
            end = n2.end()
            # "٣ مئة": digits then a hundred word
            continue
        rs = g.lexicon[n2.group("word")]
        accepted = False
        for r in rs:
            kind = r[0]
            if kind in ("one", "ten", "hundred"):
                v = r[1]
                # "שלוש מאות" / "ثلاث مائة" / "٣ مئة": a hundred after units multiplies them
                if kind == "hundred" and v == 100 and not c2 and gslots == _U and last in ("one", "digit"):
                    group *= 100
                    gslots = _H
                    last = "mult"
                    accepted = True
                    break
                if last in ("digit", "fraction"):
                    continue
                teen_end = None
                if kind == "one":
                    sl = _U if v < 10 else _T | _U
                    if v < 10:
                        n3 = _next(g, t, n2.end())
                        if n3 is not None and not n3.group("prefix") and n3.group("word") \
                                and any(x[0] == "teen" for x in g.lexicon[n3.group("word")]):
                            v += 10
                            sl = _T | _U
                            teen_end = n3.end()
                else:
                    sl = _T if kind == "ten" else _H
                if gslots & sl and c2 and kind == "one":
                    # "ثلاث وعشرون وثلاثة أخماس": a proper fraction after a whole number
                    n3 = _next(g, t, n2.end())
                    if n3 is not None and not n3.group("prefix") and n3.group("word"):
                        d = next((x[1] for x in g.lexicon[n3.group("word")] if x[0] == "denom"), 0)
                        if v < d:
                            group += v / d
                            end, n2 = n3.end(), None
                            num.words += 2
                            num.fraction = done = accepted = True
                            break
                if gslots & sl or group + v >= last_scale:
                    continue
                # without a conjunction only a smaller place may follow (מאה עשרים; after a scale)
                if not c2 and gslots and sl >= (gslots & -gslots):
                    continue
                group += v
                gslots |= sl
                last_conjunct = v if c2 else group
                last = kind
                accepted = True
                if teen_end is not None:
                    end, n2 = teen_end, None
                    num.words += 2
                break
            if kind == "scale":
                S, form, within = r[1], r[2], r[3]
                if within:
                    if form == "dual" and c2 and group:
                        sl = _H if 2 * S >= 100 else _T | _U
                        if gslots & sl:
                            continue
                        group += 2 * S
                        gslots |= sl
                        last = "scale_w"
                        accepted = True
                        break
                    if form != "dual" and not c2 and 0 < group < min(S, 10) and gslots == _U:
                        group *= S
                        gslots = _H if S >= 100 else _T | _U
                        last = "mult"
                        accepted = True
                        break
                    continue
                if S >= last_scale:
                    continue
                if form == "dual":
                    if group or not c2:
                        continue
                    total += 2 * S
                elif group:
                    if c2:
                        continue
                    total += group * S
                    group = 0.0
                    gslots = 0
                elif c2 and total and form == "singular":
                    total += S
                else:
                    continue
                last_scale = S
                num.scale = S
                last = "scale"
                accepted = True
                break
            if kind == "fraction":
                if not c2 or not (group or total):
                    continue
                f = r[1]
                if last == "scale":
                    total += f * last_scale
                else:
                    group += f
                last = "fraction"
                num.fraction = True
                done = True
                accepted = True
                break
            if kind == "denom":
                d = r[1]
                if c2 or total or not group or last not in ("one", "ten", "hundred", "digit", "mult"):
                    continue
                if last_conjunct and last_conjunct != group and last_conjunct < d:
                    group = group - last_conjunct + last_conjunct / d
                else:
                    group = group / d
                num.fraction = True
                last = "fraction"
                done = True
                accepted = True
                break
            if kind == "point":
                if c2 or total or last not in ("one", "digit") or group != int(group):
                    continue
                n3 = _next(g, t, n2.end())
                if n3 is None or n3.group("prefix"):
                    continue
                if n3.group("num") is not None and n3.group("num").isdigit():
                    dd = n3.group("num")
                elif n3.group("word") and g.lexicon[n3.group("word")][0][0] == "one" \
                        and g.lexicon[n3.group("word")][0][1] < 10:
                    dd = str(int(g.lexicon[n3.group("word")][0][1]))
                else:
                    continue
                group = float(f"{int(group)}.{dd}")
                gslots = 8 | _H | _T | _U
                end = n3.end()
                last = "digit"
                accepted = True
                n2 = None
                break
            if kind in ("over", "part_of"):
                if c2 or last == "fraction":
                    continue
                den, _ = read_numeral(g, t, g.space_re.match(t, n2.end()).end())
                if den is None or den.prefix or den.value == 0 or den.kind or den.ordinal or den.vague \
                        or den.fraction:
                    continue
                group = (total + group) / den.value
                total = 0.0
                end = den.end
                num.fraction = True
                num.digits = num.digits or den.digits
                last = "fraction"
                done = True
                accepted = True
                n2 = None
                break
        if not accepted:
            break
        if n2 is not None:
            end = n2.end()
            num.words += 1
    num.value = sign * (total + group)
    num.end = end
    num.plain = num.plain and num.words == 0 and sign > 0
    if not math.isfinite(num.value):
        return None, end
    return num, end


def _next(g: Grammar, t: str, pos: int) -> re.Match | None:
    """The token after ``pos`` (spaces and tabs skipped), or None."""
    j = g.space_re.match(t, pos).end()
    if j == pos and pos < len(t) and t[pos].isalnum():
        return None
    m = g.token_re.match(t, j)
    if m is None or (m.group("num") is None and m.group("word") is None):
        return None
    return m


def _vague(g: Grammar, t: str, num: Numeral, base: float, end: int) -> tuple[Numeral, int]:
    """עשרות, مئات, آلاف: 2x..9x the base, times a following scale (עשרות מיליוני)."""
    n2 = _next(g, t, end)
    if n2 is not None and n2.group("word"):
        p2 = n2.group("prefix") or ""
        units, conj, art = g.split(p2) if p2 else ((), False, False)
        if not p2 or (art and len(units) == 1):
            r2 = g.lexicon[n2.group("word")][0]
            if r2[0] == "scale" and r2[2] != "dual" and r2[1] > base:
                num.scale = r2[1]
                base *= r2[1]
                end = n2.end()
                num.words += 1
    num.vague = True
    num.value, num.value_max, num.end = 2 * base, 9 * base, end
    return num, end


def _shape(num: Numeral, m: re.Match) -> tuple[Numeral | None, int] | None:
    """Times (skipped), numeric dates (21/11/2023) and slash fractions (3/4)."""
    if m.group("time"):
        return None, m.end()
    if m.group("d"):
        d, mo, y = int(m.group("d")), int(m.group("m")), m.group("y")
        if m.group("s") == "." and len(y) == 2:
            return None  # 1.10.25 is rather a version
        year = int(y) if len(y) == 4 else 2000 + int(y)
        if 1 <= mo <= 12 and 1 <= d <= 31:
            num.end, num.kind, num.iso, num.value, num.digits = m.end(), "date", f"{year:04d}-{mo:02d}-{d:02d}", year, True
            return num, m.end()
        return None, m.end()
    if m.group("Y"):
        y, mo, d = int(m.group("Y")), int(m.group("M")), int(m.group("D"))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            num.end, num.kind, num.iso, num.value, num.digits = m.end(), "date", f"{y:04d}-{mo:02d}-{d:02d}", y, True
            return num, m.end()
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    if 0 < a < b:
        num.end, num.value, num.fraction, num.digits = m.end(), a / b, True, True
        return num, m.end()
    return None, m.end()


def find_numbers(text: str, lang: str | None = None) -> list[Numeral]:
    """Every numeral in ``text`` with spans and ``text`` in the original text.

    This is the bare numeral reader (no units, ranges or hedges); see
    :func:`analysis.quantities.find_quantities` for quantities.
    """
    from ..text.langdata import detect_language

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


def iter_numerals(g: Grammar, t: str, resume: list[int] | None = None):
    """Every numeral of normalized text ``t``, in order (offsets into ``t``).

    A caller that reads further than a numeral (its unit, a range) sets
    ``resume[0]`` to where scanning should go on.
    """
    pos = 0
    search = g.anchor_re.search
    while True:
        if resume:
            pos = max(pos, resume[0])
        m = search(t, pos)
        if m is None:
            return
        p = g.anchor_start(t, m)
        if p is None:
            pos = m.end()
            continue
        num, nxt = read_numeral(g, t, p)
        pos = max(nxt, m.start() + 1)
        if num is not None:
            yield num
