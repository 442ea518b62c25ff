"""Rules for nouns in the dual that the data does not list: the dual ending itself says "two".

Configured by the ``counted.count`` entry of a language's numbers.yaml (Arabic only): the
dual endings and the singular ending each stands for, the minimal stem, a stop-list of
words that merely end like a dual, and the nouns whose ``-ين``/``-ان`` form can only be a dual.

* feminine duals (``صفقتين``, ``شركتان``) are read wherever they stand (:func:`feminine_dual`);
* masculine duals (``-ين``/``-ان``) are also plurals and many other words, so they are read only
  for listed stems (:func:`listed_dual`), in the construct before a definite noun
  (:func:`construct_dual`) or before the word for two (:func:`dual_with_two`).

A dual of a noun listed under ``counted`` gets that unit (``شركتين`` = 2 companies), any
other noun the unit ``count``. The span is the dual word; adjectives agreeing with it
(``دورتين تدريبيتين``) are skipped, or joined when noun and adjective name a counted phrase.

>>> explain("وقعت الشركة صفقتين كبيرتين", "ar")
[('صفقتين', 2.0, ('feminine_dual', 'dual_adjective'))]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...text.normalize import normalize_word
from .core import Numeral, State, explain, next_token, rule  # noqa: F401 (explain: used by the doctests)

if TYPE_CHECKING:
    from .lexicon import Grammar

__all__ = ["DualSpec", "noun_dual"]

_LETTERS = r"[^\W\d_]"


def _norm(words) -> list[str]:
    return [w for w in (normalize_word(str(x)) for x in words or []) if w]


def _endings(d) -> dict[str, str]:
    """``{ending: the singular's ending}``, longest ending first."""
    pairs = {normalize_word(str(k)): normalize_word(str(v or "")) for k, v in (d or {}).items()}
    return dict(sorted(pairs.items(), key=lambda kv: -len(kv[0])))


class DualSpec:
    """The dual endings, stop-lists and listed stems of one language (``counted.count``)."""

    @classmethod
    def from_spec(cls, g: Grammar) -> DualSpec | None:
        d = (g.spec.get("counted") or {}).get("count") or {}
        if not (d.get("feminine") or d.get("masculine") or d.get("construct")):
            return None
        return cls(g, d)

    def __init__(self, g: Grammar, d: dict):
        spec = g.spec
        self.min_stem = int(d.get("min_stem", 3))
        self.feminine = _endings(d.get("feminine"))
        self.masculine = _endings(d.get("masculine"))
        self.construct = _endings(d.get("construct"))
        #: every ending (feminine first), for a dual read from the lexicon or before "two"
        self.any_ending = {**self.feminine, **self.masculine}
        self.construct_before = _norm(d.get("construct_before"))
        self.two = frozenset(_norm(d.get("two")))
        self.stems = _norm(d.get("stems"))
        aliases = [normalize_word(r.get("alias", "")) for r in g.lang.csv("aliases")] if g.lang else []
        self.not_duals = frozenset(_norm(d.get("not_duals")) + [a for a in aliases if a and " " not in a])
        self.not_endings = _norm(d.get("not_endings"))
        # counted nouns and phrases (their singular forms) → unit
        self.counted: dict[str, str] = {}
        for unit, c in (spec.get("counted") or {}).items():
            for w in _norm((c or {}).get("forms")):
                self.counted.setdefault(w, unit)
        # words after which a word in -ا is no construct: time words, months, weekdays, the list
        durations = [w for e in (spec.get("durations") or {}).values() for k, ws in e.items()
                     if isinstance(ws, list) for w in ws]
        months = [w for ws in (spec.get("months") or {}).values() for w in ws]
        self.not_before = frozenset(_norm(d.get("construct_not_before")) + _norm(durations) + _norm(months)
                                    + _norm((spec.get("weekdays") or {}).get("phrases"))
                                    + _norm([w for ws in ((spec.get("weekdays") or {}).get("names") or {}).values()
                                             for w in ws]))
        before = "|".join(map(re.escape, self.construct_before)) or r"(?!x)x"
        self.next_word_re = re.compile(rf"[ \t]+(?P<a>{before})(?P<w>{_LETTERS}{{2,}})(?!\w)")
        self.word_re = re.compile(rf"{_LETTERS}+(?!\w)")
        self.adj_re = re.compile(rf"[ \t]+(?P<w>{_LETTERS}+)(?!\w)")

    def anchor_alts(self) -> list[tuple[str, str]]:
        """Anchors for noun duals, as ``(first character, rest of the pattern)`` pairs that
        :class:`Grammar` merges with the number words of the same first character. Each
        matches a dual ending at the end of a word (a stem of ``min_stem`` letters or more
        before it) and names an empty group (``f0``, ``m0``, ``c0``…), so
        :meth:`Grammar.anchor_start` knows to go back to the start of the word: feminine
        endings; masculine endings after a listed stem (anchoring those words by their first
        letter would add letters to the scan); construct endings before a definite word.
        """
        # Literal characters first and the cheapest tests next: most places where an ending's
        # first letter stands are inside a word, and fail there at once (the scan stays fast).
        alts = []
        not_end = "".join(f"(?<!{re.escape(e)})" for e in self.not_endings)
        for i, e in enumerate(self.feminine):
            stem = rf"(?<={_LETTERS}{{{self.min_stem + len(e)}}})"
            alts.append((e[0], rf"{re.escape(e[1:])}(?P<f{i}>)(?!\w){stem}{not_end}"))
        by_len: dict[int, list[str]] = {}
        for stem in self.stems:
            by_len.setdefault(len(stem), []).append(stem)
        for i, e in enumerate(self.masculine):
            looks = "|".join(f"(?<=(?:{'|'.join(map(re.escape, sorted(ws)))}){re.escape(e)})"
                             for _, ws in sorted(by_len.items()))
            if looks:  # (a cheap look at the length first: أن, كان, الآن are too short)
                stem = rf"(?<={_LETTERS}{{{min(by_len) + len(e)}}})"
                alts.append((e[0], rf"{re.escape(e[1:])}(?P<m{i}>)(?!\w){stem}(?:{looks})"))
        before = "|".join(map(re.escape, self.construct_before))
        if before:
            # the space after the word is matched (not looked at): that test is the cheapest
            not_end = "".join(rf"(?<!{re.escape(e)}[ \t])" for e in self.not_endings)
            for i, e in enumerate(self.construct):
                stem = rf"(?<={_LETTERS}{{{self.min_stem + len(e)}}}[ \t])"
                alts.append((e[0], rf"{re.escape(e[1:])}[ \t](?=(?:{before}){_LETTERS}{{2}})(?P<c{i}>){stem}{not_end}"))
        return alts

    def listed_forms(self, lexicon: dict) -> dict[str, str]:
        """The masculine dual forms of the listed stems (``مكتبين``, ``مكتبان``) → their unit;
        a form that is already a word of the lexicon is left to it."""
        out = {}
        for stem in self.stems:
            for ending, singular in self.masculine.items():
                form = stem + ending
                if form not in lexicon and form not in self.not_duals:
                    out[form] = self.counted.get(stem + singular, "count")
        return out

    def split(self, g: Grammar, word: str, ending: str, singular: str) -> tuple[int, str] | None:
        """``(prefix length, unit)`` of a dual word with ``ending``, or None when it is no dual.

        The attached prefix (from :mod:`analysis.text.langdata`) is the one that leaves a
        counted noun, else the longest one holding the article, else none.
        """
        stop = len(word) - len(ending) - self.min_stem
        found = []
        for k in range(0, len(word) - len(ending)):
            if k and (g.prefix_word_re is None or not g.prefix_word_re.fullmatch(word, 0, k)):
                continue
            rest = word[k:]
            if rest in self.not_duals or rest in g.lexicon:
                return None  # وروتين, وستين: a prefix and a word that only ends like a dual
            if k <= stop:
                found.append((k, self.counted.get(rest[:-len(ending)] + singular)))
        if not found:
            return None
        counted = [(k, u) for k, u in found if u]
        if counted:
            return counted[-1]
        article = [k for k, _ in found if k and g.split(word[:k])[2]]
        return (article[-1] if article else 0), "count"


def noun_dual(g: Grammar, t: str, pos: int) -> tuple[State | None, int]:
    """A word at ``pos`` read by its dual ending (:func:`feminine_dual`, :func:`construct_dual`)."""
    D = g.duals
    m = D.word_re.match(t, pos)
    if m is None:
        return None, pos + 1
    word = m.group()
    if word in D.not_duals:
        return None, pos + 1
    for ending, singular in D.feminine.items():
        if word.endswith(ending):
            return feminine_dual(g, t, pos, word, ending, singular)
    for ending, singular in D.construct.items():
        if word.endswith(ending):
            return construct_dual(g, t, pos, word, ending, singular)
    return None, pos + 1


def _numeral(g: Grammar, pos: int, word: str, k: int, unit: str, name: str) -> State:
    num = Numeral(start=pos + k, end=pos + len(word), value=0.0, pstart=pos, prefix=word[:k],
                  kind="count", unit=unit, words=1)
    if k:
        _, num.conj, num.article = g.split(num.prefix)
    st = State(num, num.end)
    st.rules.append(name)
    st.finish(2.0, num.end)
    return st


@rule
def feminine_dual(g: Grammar, t: str, pos: int, word: str, ending: str, singular: str) -> tuple[State | None, int]:
    """A feminine noun in the dual (``-تين``/``-تان``) is two of it, whatever the noun:
    صفقتين = 2 (count), شركتين = 2 companies. The stem has ``min_stem`` letters or more and
    the word is not in the stop-list (روتين, بروتين, بوتين, باكستان…).

    >>> explain("أبرمت المجموعة صفقتين هذا العام", "ar")
    [('صفقتين', 2.0, ('feminine_dual',))]
    >>> explain("استحوذت على الشركتين", "ar")
    [('شركتين', 2.0, ('feminine_dual',))]
    >>> explain("غني بالبروتين", "ar")
    []
    """
    found = g.duals.split(g, word, ending, singular)
    if found is None:
        return None, pos + 1
    k, unit = found
    st = _numeral(g, pos, word, k, unit, "feminine_dual")
    n2 = _next_word(g, t, st.end)
    if n2 is not None:
        dual_with_two(g, t, st, n2)
    noun = word[k:]
    dual_adjective(g, t, st, noun, noun[:-len(ending)] + singular)
    return st, st.end


@rule
def construct_dual(g: Grammar, t: str, pos: int, word: str, ending: str, singular: str) -> tuple[State | None, int]:
    """A noun in the construct dual (``-ا``, ``-تا``: the ``ن`` of the dual dropped before a
    definite noun): موظفا الشركة = the company's two employees, شركتا الاتصالات = 2 companies.
    Not read before a time word, a month, a weekday or a number word (نموا العام الماضي is
    "growth last year"), nor for stop-listed words (أيضا, هذا, وفقا…) and names.

    >>> explain("استقال موظفا الشركة", "ar")
    [('موظفا', 2.0, ('construct_dual',))]
    >>> explain("حققت الشركة نموا كبيرا العام الماضي وقال أيضا الرئيس", "ar")
    []
    """
    D = g.duals
    m = D.next_word_re.match(t, pos + len(word))
    if m is None or m.group("w") in D.not_before or m.group().strip() in D.not_before \
            or m.group("w") in g.lexicon:
        return None, pos + 1
    found = D.split(g, word, ending, singular)
    if found is None:
        return None, pos + 1
    st = _numeral(g, pos, word, found[0], found[1], "construct_dual")
    return st, st.end


@rule
def listed_dual(g: Grammar, t: str, st: State, r: tuple) -> int:
    """The ``-ين``/``-ان`` form of a noun listed under ``counted.count.stems`` (nouns whose plural
    is not ``-ين``) is its dual: مكتبين = 2, اتجاهين = 2 directions.

    >>> explain("افتتحت الشركة مكتبين في دبي", "ar")
    [('مكتبين', 2.0, ('listed_dual',))]
    """
    from .units import unit_reading

    return unit_reading(g, t, st, r, "listed_dual")


@rule
def dual_with_two(g: Grammar, t: str, st: State, n2: re.Match | None = None) -> bool:
    """A noun in the dual followed by the word for two (``counted.count.two``): موظفين اثنين.
    After a dual read by another rule the word for two joins its span; read from the word
    for two it goes back to the noun, which may then be any masculine dual (its ``-ين`` form
    being also a plural does not matter: the number says two).

    >>> explain("عيّنت الشركة موظفين اثنين", "ar")
    [('موظفين اثنين', 2.0, ('dual_with_two',))]
    >>> explain("خلال عامين اثنين", "ar")
    [('عامين اثنين', 2.0, ('unit_dual', 'dual_with_two'))]
    """
    D = g.duals
    if n2 is not None:  # after the noun
        if n2.group("prefix") or n2.group("word") not in D.two:
            return False
        st.end = n2.end()
        st.rules.append("dual_with_two")
        return True
    num = st.num  # from the word for two: the noun before it
    e = num.pstart
    while e > 0 and t[e - 1] in " \t":
        e -= 1
    b = e
    while b > 0 and t[b - 1].isalpha():
        b -= 1
    if e == num.pstart or b == e or b > 0 and t[b - 1].isalnum():
        return False
    word = t[b:e]
    if word in g.lexicon:
        return False
    for ending, singular in D.any_ending.items():
        if word.endswith(ending):
            found = D.split(g, word, ending, singular)
            if found is None:
                return False
            k = found[0]
            num.start, num.pstart, num.prefix = b + k, b, word[:k]
            _, num.conj, num.article = g.split(num.prefix) if k else ((), False, False)
            num.kind, num.unit = "count", found[1]
            num.words += 1
            st.rules.append("dual_with_two")
            st.finish(2.0, st.end)
            return True
    return False


@rule
def dual_adjective(g: Grammar, t: str, st: State, noun: str, singular: str | None = None) -> None:
    """Adjectives after a dual take the dual ending too (صفقتين كبيرتين, العامين الماضيين): they
    are skipped, never read as more duals. When the noun and the word after it name a counted
    phrase of the data (دورة تدريبية → training_runs, مركز للبيانات → data_centers), that word
    joins the span and the phrase gives the unit.

    >>> explain("أجرت دورتين تدريبيتين واسعتي النطاق", "ar")
    [('دورتين تدريبيتين', 2.0, ('feminine_dual', 'dual_adjective'))]
    """
    D = g.duals
    pos = st.end
    m = D.adj_re.match(t, pos)
    if m is None:
        return
    if singular is not None:  # مركزين للبيانات: the next word as written
        unit = D.counted.get(f"{singular} {m.group('w')}")
        if unit:
            st.num.unit = unit
            st.end = m.end()
            st.rules.append("dual_adjective")
            return
    ending = next((e for e in D.any_ending if noun.endswith(e)), None)
    if ending is None:
        return
    absorbed = False
    for i in range(2):
        if i:
            m = D.adj_re.match(t, pos)
            if m is None:
                break
        w = m.group("w")
        if not w.endswith(ending) or len(w) < len(ending) + D.min_stem or w in g.lexicon or w in D.two:
            break
        if i == 0 and singular is not None:
            bare = _bare(g, w) if st.num.article else w
            unit = D.counted.get(f"{singular} {bare[:-len(ending)]}{D.any_ending[ending]}")
            if unit:
                st.num.unit = unit
                st.end = m.end()
                absorbed = True
        pos = m.end()
    if pos > st.end or absorbed:
        st.skip = pos
        st.rules.append("dual_adjective")


def _bare(g: Grammar, word: str) -> str:
    """``word`` without an attached prefix that holds the article (الكبيرتين → كبيرتين)."""
    if g.prefix_word_re is not None:
        for k in range(min(4, len(word) - 1), 0, -1):
            if g.prefix_word_re.fullmatch(word, 0, k) and g.split(word[:k])[2]:
                return word[k:]
    return word


def _next_word(g: Grammar, t: str, pos: int) -> re.Match | None:
    n = next_token(g, t, pos)
    return n if n is not None and n.group("word") else None

