"""One language's number lexicon and the regexes the rules run (:class:`Grammar`).

The words come from ``data/<lang>/numbers.yaml`` (and ``currencies.yaml``); attached
prefixes come from :mod:`analysis.text.langdata`. A word of the lexicon has one or more
*readings*, tuples whose first item is the reading's kind:

* ``("one" | "ten" | "hundred", value)``, ``("teen",)``;
* ``("scale", value, form, within_group, definite)`` with form ``singular``, ``plural``, ``dual``
  or ``construct`` (a form that before a noun is the dual's construct: ``مليارا دولار``);
* ``("fraction", value)``, ``("denom", value)``, ``("vague", value)``, ``("ordinal", value)``;
* ``("neg",)``, ``("point",)``, ``("over",)``, ``("part_of",)``, ``("one_after",)``;
* ``("unit", value, kind, unit, weak, rule, factor, context)``: a unit word read as a
  number (``שנתיים`` = 2 years, ``שקל`` = 1 shekel, ``عقدين`` = 20 years in a time context);
* ``("per", factor, kind, unit)``: a unit word worth ``factor`` units after a number or a
  fraction (``עשורים`` = ×10 years, ``ربع قرن`` = 25 years);
* ``("vague_unit", factor, kind, unit)``: a plural unit word alone, 2..9 of it (``עשורים``).

>>> g = grammar("he")
>>> g.lexicon["מיליארד"]
(('scale', 1000000000.0, 'singular', False, True),)
>>> g.lexicon["עשורים"]
(('vague_unit', 10.0, 'duration', 'years'), ('per', 10.0, 'duration', 'years'))
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction

from ...text.langdata import LanguageDataError, language, languages, trie_pattern
from ...text.normalize import normalize_word
from . import duals
from .core import rule

__all__ = ["Grammar", "grammar", "LATIN", "latin_name"]

LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")

# a word's readings in order of preference: numbers first, unit words last
_ORDER = {"one": 0, "ten": 0, "hundred": 0, "scale": 1, "vague": 1, "fraction": 2, "denom": 2, "ordinal": 3,
          "neg": 0, "point": 0, "over": 0, "part_of": 0, "teen": 4, "one_after": 5, "unit": 6, "vague_unit": 6,
          "per": 7}
#: Readings that only continue a numeral: their words are not anchors.
CONTINUATION_ONLY = frozenset({"teen", "denom", "over", "point", "one_after", "per"})

_NUM = r"(?P<num>\.?[0-9]+(?:[.,\u060c][0-9]+)*)(?:e(?P<exp>[+-]?[0-9]+)|\^(?P<pow>[+-]?[0-9]+))?(?![0-9])"


class Grammar:
    """One language's number lexicon and compiled regexes (use :func:`grammar`)."""

    def __init__(self, code: str | None):
        self.code = code
        self._splits: dict[str, tuple[tuple[str, ...], bool, bool]] = {}
        #: tokens (prefix and word) that never start a numeral, learnt while reading (العام, כיום)
        self.dead: set[str] = set()
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
        #: the conjunction written as a word of its own (الخامس و العشرون)
        self.spaced_conj_re = re.compile(rf"[ \t]+(?:{'|'.join(map(re.escape, sorted(self.conj)))})[ \t]+") \
            if self.conj else None
        self.pfx = self.lang.prefix_pattern if self.lang else ""
        point = spec.get("decimal_point") or []
        point = point if isinstance(point, dict) else {"words": point}
        self.point_words = [normalize_word(str(w)) for w in point.get("words") or []]
        #: letters written between digits as a decimal separator (``12ر5``)
        self.decimal_letters = frozenset(normalize_word(str(w)) for w in point.get("between_digits") or [])
        self.contexts: dict[str, tuple[re.Pattern | None, re.Pattern | None]] = {}
        self.duals = duals.DualSpec.from_spec(self)
        self.lexicon = self._lexicon()
        self.teens = frozenset(w for w, rs in self.lexicon.items() if any(r[0] == "teen" for r in rs))
        # words that may start a numeral (not continuation-only words such as על)
        # (listed noun duals are found by their ending: see :meth:`duals.DualSpec.anchor_alts`)
        anchors = [w for w, rs in self.lexicon.items()
                   if any(r[0] not in CONTINUATION_ONLY and not (r[0] == "unit" and r[5] == "listed_dual") for r in rs)]
        words = trie_pattern(self.lexicon)
        self.not_words = {normalize_word(w) for w in spec.get("not_quantities", {}).get("words", [])}
        self.token_re = re.compile(
            rf"(?P<prefix>{self.pfx})(?:(?P<num>\.?[0-9]+(?:[.,\u060c][0-9]+)*)"
            rf"(?:e(?P<exp>[+-]?[0-9]+)|\^(?P<pow>[+-]?[0-9]+))?(?![0-9])|(?P<word>{words})(?!\w))"
        )
        #: a lexicon word with no prefix (a scale word glued to digits: ``5מיליארד``)
        self.word_re = re.compile(rf"(?P<word>{words})(?!\w)")
        #: the word after a position (for a construct: ``مليارا دولار``)
        self.next_word_re = re.compile(r"[ \t]+(?P<w>[^\W\d_]+)(?!\w)")
        self.counted_of = frozenset(normalize_word(str(w)) for w in spec.get("counted_of") or [])
        #: first words of the unit nouns a number may count or measure (counted nouns, currencies)
        heads = [w for c in (spec.get("counted") or {}).values() for w in (c or {}).get("forms") or []]
        heads += [w for c in spec.get("currencies") or [] for w in (c.get("after") or []) + (c.get("one") or [])]
        self.noun_heads = frozenset(w.split()[0] for w in map(normalize_word, map(str, heads)) if w)
        # Every alternative starts with a literal character, so `re` can skip ahead by first
        # character: a bare word is matched anywhere and its attached prefix checked in
        # :meth:`anchor_start` (a prefix pattern in the regex would make the scan 2-3x slower).
        # The noun-dual alternatives match a word's ending and name an empty group.
        tails = _first_char_tails(anchors)
        for ch, tail in self.duals.anchor_alts() if self.duals else []:
            tails.setdefault(ch, []).append(tail)
        # letters before digits: in these texts a letter is far more common than a digit, and
        # `re` tries the alternatives in order at each place whose character starts one
        alts = [re.escape(ch) + (ts[0] if len(ts) == 1 else f"(?:{'|'.join(ts)})") for ch, ts in sorted(tails.items())]
        alts += [str(d) for d in range(10)] + [r"\.(?=[0-9])"]
        self.anchor_re = re.compile("|".join(alts))
        self.prefix_re = re.compile(rf"(?<!\w)(?:{self._units_alt()}){{1,{self.max_prefix}}}(?:{self._joiners_alt()})?\Z") \
            if self.units else None
        #: a whole attached prefix at the start of a word (for words read by their ending)
        self.prefix_word_re = re.compile(rf"(?:{self._units_alt()}){{1,{self.max_prefix}}}") if self.units else None
        self.unit_last = frozenset(u[-1] for u in self.units)
        #: characters that may end an attached prefix glued to digits (a prefix unit or a joiner)
        self.prefix_last = self.unit_last | frozenset(self.joiners)
        self.slash_re = re.compile(r"[0-9]+(?:/[0-9]+)+")
        self.digit_re = re.compile(_NUM)
        self.space_re = re.compile(r"[ \t]*")
        #: digit groups after spaces: "1 200 000" (a group of 3 digits not followed by more)
        self.space_groups_re = re.compile(r"(?: [0-9]{3})+(?![0-9])(?![.,\u060c][0-9])(?! [0-9])")
        self.fraction_digits_re = re.compile(r"[0-9]+(?![0-9])(?![.,\u060c][0-9])")
        self.shape_re = re.compile(
            r"(?P<time>[0-9]{1,2}:[0-9]{2}(?![0-9]))"
            r"|(?P<d>[0-9]{1,2})(?P<s>[/.-])(?P<m>[0-9]{1,2})(?P=s)(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])"
            r"(?:[ \t]+(?P<hm>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?![0-9]))?"
            r"|(?P<Y>[0-9]{4})(?P<s2>[-/])(?P<M>[0-9]{1,2})(?P=s2)(?P<D>[0-9]{1,2})(?![0-9])"
            r"|(?P<mo>[0-9]{1,2})/(?P<yr>[0-9]{4})(?![0-9/])"
            r"|(?P<a>[0-9]{1,3})/(?P<b>[0-9]{1,3})(?![0-9/])"
        )
        self.after_latin_ok = self._latin_units()

    # -- building ---------------------------------------------------------------------
    def _units_alt(self) -> str:
        return "|".join(map(re.escape, self.units))

    def _joiners_alt(self) -> str:
        return "|".join(map(re.escape, self.joiners)) or r"(?!x)x"

    def words_alt(self, words) -> str:
        """A regex for ``words`` written plainly in a data file (normalized), or one that never matches."""
        return trie_pattern(w for w in (normalize_word(str(x)) for x in words or []) if w)

    def _context(self, name: str, after, before) -> str | None:
        """A time context (words right before, words right after) a unit word needs: the
        ``dual_after``/``dual_before`` of a duration entry for its dual, ``alone_after`` and
        ``alone_before`` for its weak singular; its key in :attr:`contexts`, or None."""
        if not after and not before:
            return None
        hedges = (self.spec.get("hedges") or {}).get("before")
        hedge = rf"(?:(?:{self.pfx})(?:{self.words_alt(hedges)})[ \t]+)?" if hedges else ""
        self.contexts[name] = (
            re.compile(rf"(?<!\w)(?:{self.pfx})(?:{self.words_alt(after)})[ \t]+{hedge}\Z") if after else None,
            re.compile(rf"[ \t]+(?:{self.pfx})(?:{self.words_alt(before)})(?!\w)") if before else None,
        )
        return name

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
            within, definite = bool(s.get("within_group")), bool(s.get("definite"))
            for form in ("singular", "plural", "dual"):
                add(s.get(form), ("scale", float(s["value"]), form, within, definite))
            add(s.get("construct_dual"), ("scale", float(s["value"]), "construct", within, definite))
        for v, ws in (spec.get("fractions") or {}).items():
            add(ws, ("fraction", float(Fraction(str(v)))))
        for v, ws in (spec.get("denominators") or {}).items():
            add(ws, ("denom", float(v)))
        for v, ws in (spec.get("vague") or {}).items():
            add(ws, ("vague", float(v)))
        for v, ws in (spec.get("ordinals") or {}).items():
            add(ws, ("ordinal", float(v)))
        add(spec.get("negative"), ("neg",))
        add(self.point_words, ("point",))
        add(spec.get("over"), ("over",))
        add(spec.get("part_of"), ("part_of",))
        add(spec.get("one_after"), ("one_after",))
        for name, d in (spec.get("durations") or {}).items():
            unit, f = d.get("unit", name), float(d.get("factor", 1))
            dual_ctx = self._context(name, d.get("dual_after"), d.get("dual_before"))
            alone_ctx = self._context(name + ":alone", d.get("alone_after"), d.get("alone_before"))
            add(d.get("dual"), ("unit", 2 * f, "duration", unit, False, "unit_dual", f, dual_ctx))
            add(d.get("one"), ("unit", f, "duration", unit, False, "unit_word", f, None))
            add((d.get("singular") or []) + (d.get("weak") or []),
                ("unit", f, "duration", unit, True, "unit_word", f, alone_ctx))
            if f != 1:
                add((d.get("singular") or []) + (d.get("plural") or []) + (d.get("one") or []),
                    ("per", f, "duration", unit))
                add(d.get("vague"), ("vague_unit", f, "duration", unit))
        for c in spec.get("currencies") or []:
            f = float(c.get("factor", 1))
            add(c.get("one"), ("unit", f, "money", c["code"], False, "unit_word", f, None))
            add(c.get("dual"), ("unit", 2 * f, "money", c["code"], False, "unit_dual", f, None))
        for unit, d in (spec.get("counted") or {}).items():
            add(d.get("dual"), ("unit", 2.0, "count", unit, False, "unit_dual", 1.0, None))
        mult = spec.get("multipliers") or {}
        add(mult.get("double"), ("unit", 2.0, "multiplier", "multiplier", False, "unit_word", 1.0, None))
        add(mult.get("double_weak"), ("unit", 2.0, "multiplier", "multiplier", True, "unit_word", 1.0, None))
        add(mult.get("triple"), ("unit", 3.0, "multiplier", "multiplier", False, "unit_word", 1.0, None))
        if self.duals:
            for form, unit in self.duals.listed_forms(lex).items():
                add([form], ("unit", 2.0, "count", unit, False, "listed_dual", 1.0, None))
        return {w: tuple(sorted(rs, key=lambda r: _ORDER[r[0]])) for w, rs in lex.items()}

    def _latin_units(self) -> re.Pattern:
        """Latin unit codes that may be glued to digits (``43c``, ``10usd``)."""
        forms = [normalize_word(w) for c in self.spec.get("currencies") or [] for w in c.get("after") or []]
        forms += [normalize_word(w) for w in (self.spec.get("multipliers") or {}).get("after") or []]
        latin = [w for w in forms if w and w[0] in LATIN]
        return re.compile(rf"(?:{trie_pattern(latin)})(?![a-z])")

    # -- helpers ----------------------------------------------------------------------
    def split(self, prefix: str) -> tuple[tuple[str, ...], bool, bool]:
        """``(units, has_conjunction_first, has_article)`` of an attached prefix (memoized)."""
        found = self._splits.get(prefix)
        if found is None:
            units = self.lang.prefix_parts(prefix) if self.lang else ()
            found = self._splits[prefix] = (units, bool(units) and units[0] in self.conj,
                                            any(u in self.article for u in units))
        return found

    def anchor_start(self, t: str, m: re.Match, lo: int = 0) -> int | None:
        """Where the numeral of anchor ``m`` starts (its attached prefix included), or None
        when the anchor is the tail of a longer word. A noun-dual anchor (a word's ending)
        gives the start of its word, if that is not before ``lo``."""
        p = m.start()
        if m.lastgroup is not None:
            s = p
            while s > 0 and t[s - 1].isalpha():
                s -= 1
            return s if s >= lo and (s == 0 or not t[s - 1].isalnum()) else None
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


@rule
def latin_name(g: Grammar, t: str, start: int, end: int) -> bool:
    """Reads nothing: digits glued to a Latin word are part of a name (GPT-4, o3, 4K, 12-Day),
    unless the Latin word is a unit code listed for it (``43c``, ``10usd``).

    >>> from .core import explain
    >>> explain("GPT-4 و o3 و 4K و 10usd", "ar")
    [('10', 10.0, ('digits',))]
    """
    if start > 0:
        c = t[start - 1]
        if c in LATIN or (c == "-" and start > 1 and t[start - 2] in LATIN):
            return True
    if end < len(t):
        c = t[end]
        if c in LATIN:
            return not g.after_latin_ok.match(t, end)
        if c == "-" and end + 1 < len(t) and t[end + 1] in LATIN:
            return True
    return False



def _first_char_tails(words) -> dict[str, list[str]]:
    """``words`` as a trie regex split by first character: first character → the rest of
    the pattern (one alternative per first character keeps the anchor scan fast)."""
    firsts: dict[str, list[str]] = {}
    for w in words:
        firsts.setdefault(w[0], []).append(w[1:])
    out = {}
    for ch, rests in sorted(firsts.items()):
        tails = [r for r in rests if r]
        body = trie_pattern(tails) if tails else ""
        if tails and "" in rests:
            body = f"(?:{body})?"
        out[ch] = [body + r"(?!\w)"]
    return out


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
