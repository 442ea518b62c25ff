"""Sentences → entity mentions, from the alias lexicon.

The lexicon is data: ``data/entities.csv`` (``entity,type,note``) names each
entity once in English; ``data/common/aliases.csv`` holds Latin-script
aliases used in every language and ``data/<lang>/aliases.csv`` the native
spellings. Aliases are written bare; attached prefixes (``ב-OpenAI``,
``ולאלטמן``, ``بـ DeepSeek``, ``وجوجل``) are handled by
:meth:`analysis.langdata.Language.words_regex`. A product mention takes a
version number that follows it (``Gemini 2.0``, ``Grok-2``), so the claims
engine knows that number names a product and is not a quantity.

A name the lexicon knows that is also an ordinary word (לאומי, טבע, كريم, فوري: the alias files
leave it out) is listed in ``data/<lang>/parties.yaml``, ``guarded_names``, and found only where a
name stands: right after a type word or a word for shares, after a noun it follows in the construct
state (``name_after``: ``إيرادات فوري``), next to a deal verb (``טבע גייסה``), or quoted after a type
word (``شركة «علم»``); never with the article.

Names the lexicon does not know become *candidate* mentions (:func:`find_candidates`): a name
in Latin script inside Hebrew or Arabic text (``Vectrix``, ``Lunar Compute``; a known company's
Latin name followed by more capitalized words names another one: ``Salesforce Ventures``), a
name of one to three words in quotation marks after a type word (``בחברת "שומרה"``, ``صندوق
«نايل فنتشرز»``), and later bare mentions of such a quoted name (when it is not a short word). A
candidate's ``entity`` is the name as printed and ``candidate`` is true; its ``type`` is ``org``,
``person`` or ``product``, from the type word before it (``data/<lang>/parties.yaml``,
``type_words``), else ``product`` for a short code with digits (``MX300``), else ``org``. Latin
words that are no names (``AI``, ``CEO``, ``Series C``, ``Q3``, ``FY2025``) are listed there
under ``not_entities``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass

from ..text.langdata import DATA_DIR, language, read_csv, trie_pattern
from ..text.normalize import Normalized, normalize, normalize_word

__all__ = ["Mention", "entity_types", "find_candidates", "find_mentions", "type_word_before"]

#: A version right after a product name: attached (GPT-4o, Veo2, Grok-2) or after a space (Gemini 2.0, Imagen 3);
#: never the first digit of a grouped number ("إنستاباي 1,200,000 مستخدم").
_VERSION = re.compile(r"(?:-?\d+(?:\.\d+)*[a-z]{0,2}|\s\d+\.\d+|\s\d(?![,.]\d)(?=\s*(?:[^\w\s%$]|$)))(?![\w%])")


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named in the text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entity: str
    type: str
    candidate: bool = False  #: a name the lexicon does not know: ``entity`` is the name as printed


@functools.cache
def entity_types() -> dict[str, str]:
    """Canonical entity name → type, from ``data/entities.csv``."""
    return {row["entity"]: row["type"] for row in read_csv(DATA_DIR / "entities.csv")}


@functools.cache
def _lexicon(lang: str | None) -> tuple[re.Pattern, dict[str, str]]:
    rows = read_csv(DATA_DIR / "common" / "aliases.csv")
    if lang:
        rows += language(lang).csv("aliases")
    types = entity_types()
    by_alias: dict[str, str] = {}
    for row in rows:
        entity, alias = row["entity"], row["alias"]
        if entity not in types:
            raise ValueError(f"aliases: {alias!r} names unknown entity {entity!r} (add it to data/entities.csv)")
        by_alias.setdefault(alias, entity)
    if lang:
        return language(lang).lookup(by_alias)
    by_form: dict[str, str] = {}
    for alias, entity in by_alias.items():
        by_form.setdefault(normalize_word(alias), entity)
    pattern = re.compile(rf"(?<!\w)(?P<prefix>)(?P<word>{trie_pattern(by_form)})(?!\w)")
    return pattern, by_form


def find_mentions(text: str, lang: str | None, norm: Normalized | None = None,
                  candidates: bool = True) -> list[Mention]:
    """Entity mentions in ``text`` (``lang`` picks the native aliases), in text order; with
    ``candidates``, names the lexicon does not know too (:func:`find_candidates`).

    >>> [(m.surface, m.entity) for m in find_mentions("ומיקרוסופט השקיעה ב-OpenAI ו-Gemini 2.0", "he")]
    [('מיקרוסופט', 'Microsoft'), ('OpenAI', 'OpenAI'), ('Gemini 2.0', 'Gemini')]
    """
    norm = norm or normalize(text)
    pattern, by_form = _lexicon(lang)
    types = entity_types()
    out: list[Mention] = []
    for m in pattern.finditer(norm.text):
        entity = by_form[m.group("word")]
        kind = types[entity]
        a, b = m.span("word")
        if kind == "product" and (v := _VERSION.match(norm.text, b)):
            b = v.end()
        start, end = norm.to_original(a, b)
        out.append(Mention(start, end, text[start:end], entity, kind))
    if lang:
        out = sorted(out + _guarded_names(text, norm, lang, out), key=lambda m: m.start)
    if candidates and lang:
        found = find_candidates(text, lang, norm, out)
        covered = _Spans((c.start, c.end) for c in found)
        out = sorted([m for m in out if not covered.hits(m.start, m.end)] + found, key=lambda m: m.start)
    return out


# --------------------------------------------------------------------------- names that are ordinary words


@functools.cache
def _guarded(lang: str) -> tuple[re.Pattern, dict[str, str], re.Pattern, re.Pattern, frozenset[str]]:
    """Names the lexicon knows that are also ordinary words (``data/<lang>/parties.yaml``,
    ``guarded_names``; the alias files leave them out); the words for shares and those a name
    follows in the construct state (``name_after``: "הכנסות", "عملاء") ending where a name starts;
    a deal verb (``frames``, ``verbs``) right before or after a name; the article (a name takes none)."""
    data = language(lang)
    spec = data.load("parties")
    pattern, by_form = data.lookup({w: e for e, ws in (spec.get("guarded_names") or {}).items() for w in ws or ()})

    def words(ws) -> str:
        forms = data.word_forms({normalize_word(w) for w in ws})
        return trie_pattern(forms) if forms else "(?!x)x"

    before = list((spec.get("markers") or {}).get("shares") or ()) + list(spec.get("name_after") or ())
    shares = re.compile(rf"(?<!\w){data.prefix_pattern}(?:{words(before)})[\s-]*[\"«]?$")
    verbs = words(w for f in (spec.get("frames") or {}).values() for w in f.get("verbs") or ())
    verb = re.compile(rf"(?<!\w){data.verb_prefix_pattern}(?:{verbs})(?!\w)")
    return pattern, by_form, shares, verb, frozenset(normalize_word(a) for a in spec.get("article") or ())


def _guarded_names(text: str, norm: Normalized, lang: str, known: list[Mention]) -> list[Mention]:
    """A name that is also an ordinary word (``guarded_names``: לאומי, טבע, كريم) is its entity only
    where a name stands: right after a type word of a company or a product or a word for shares
    ("מניית לאומי", "وظفت شركة كريم", "لشركة تابي"), after a noun it follows in the construct state
    ("إيرادات فوري"), or next to a deal verb, as its agent ("טבע גייסה", "تعهدت مبادلة"); never with
    the article ("العلم"), nor overlapping a name found already."""
    pattern, by_form, shares, verb, article = _guarded(lang)
    t = norm.text
    first = min((i for i in map(t.find, by_form) if i >= 0), default=-1)
    if first < 0:  # (a few substring searches spare the scan)
        return []
    types = entity_types()
    taken = _Spans((m.start, m.end) for m in known)
    out = []
    # a name and its attached prefix stand on one line: no match starts before the line of the first
    for m in pattern.finditer(t, t.rfind("\n", 0, first) + 1):
        a, b = m.start("word"), m.end("word")
        if set(language(lang).prefix_parts(m.group("prefix"))) & article:
            continue
        start, end = norm.to_original(a, b)
        kind = type_word_before(norm.text, m.start(), lang)
        slot = kind is not None and kind[0] != "person" or shares.search(norm.text, max(0, m.start() - 30), m.start()) \
            or _next_to(norm.text, m.start(), b, verb)
        if slot and not taken.hits(start, end):
            entity = by_form[m.group("word")]
            out.append(Mention(start, end, text[start:end], entity, types[entity]))
    return out


def _next_to(t: str, a: int, b: int, verb: re.Pattern) -> bool:
    """Whether a word of ``verb`` stands right before ``a`` or right after ``b`` (one space between)."""
    before = t.rfind(" ", 0, max(a - 1, 0)) + 1
    return bool(verb.fullmatch(t, before, max(a - 1, before)) or verb.match(t, b + 1) and t[b:b + 1] == " ")


# --------------------------------------------------------------------------- candidates

#: A word in Latin script (with inner dots, hyphens, apostrophes or ampersands: Al-Rayyan, AT&T);
#: no letter or digit before it, checked after its first letter (a pattern that starts with a
#: letter class is scanned fast).
_LATIN_WORD = re.compile(r"[A-Za-z](?<![A-Za-z0-9][A-Za-z])[A-Za-z0-9]*(?:[.'&-][A-Za-z0-9]+)*(?![A-Za-z0-9])")
#: A run of Latin words separated by single spaces.
_LATIN_RUN = re.compile(rf"{_LATIN_WORD.pattern}(?: {_LATIN_WORD.pattern})*")
#: Words that may join the words of a Latin name (Bank of America, Procter & Gamble).
_JOINERS = {"of", "&", "and", "de", "for", "la", "du"}
#: Labels that are not names: quarters, halves, fiscal years (Q3, H1, FY2025).
_LABEL = re.compile(r"(?:Q[1-4]|H[12]|FY\d{0,4}|[A-Z])")
#: A short code with digits names a product (H100, B200, V3).
_PRODUCT_CODE = re.compile(r"[A-Z]{1,3}\d+[a-z]?")
_NUMBER_WORD = re.compile(r"\d-")  # before a Latin word: part of a number word (12-Day)
_OPEN_QUOTE = re.compile(r'["«]')
_QUOTED = re.compile(r'(?P<open>["«])(?P<name>[^"«»\d\n.,:;!?()\[\]\u060c\u061b]{1,40}?)["»]')


@dataclass(frozen=True)
class _PartyWords:
    """The candidate-entity words of one language (``data/<lang>/parties.yaml``)."""

    type_before: re.Pattern  # a type word (and up to two descriptors) ending where a name starts
    types: dict[str, str]  # normalized type word → org | person | product
    not_entities: frozenset[str]
    script: re.Pattern


@functools.cache
def _party_words(lang: str) -> _PartyWords:
    data = language(lang)
    spec = data.load("parties")
    types = {normalize_word(w): t for t, words in (spec.get("type_words") or {}).items() for w in words}
    forms = data.word_forms(types)
    article = "|".join(map(re.escape, (normalize_word(a) for a in spec.get("article") or []))) or "(?!x)x"
    pattern = re.compile(rf"(?<!\w){data.prefix_pattern}(?P<tw>{trie_pattern(forms)})"
                         rf"(?:[\s-]+(?:{article})[^\s\"«»]+){{0,2}}[\s-]*[\"«]?$")
    return _PartyWords(pattern, {f: types[w] for f, w in forms.items()},
                       frozenset(spec.get("not_entities") or ()), data.script)


def type_word_before(norm_text: str, pos: int, lang: str) -> tuple[str, int] | None:
    """(type, start) of a type word ending right before ``pos`` (descriptors may stand between:
    ``חברת הסטארט-אפ הישראלית Vectrix``), else None. ``norm_text`` is normalized text.

    >>> type_word_before("גייסה חברת הסטארט-אפ Vectrix", 21, "he")
    ('org', 6)
    """
    words = _party_words(lang)
    m = words.type_before.search(norm_text, max(0, pos - 60), pos)
    return (words.types[m.group("tw")], m.start("tw")) if m else None


def find_candidates(text: str, lang: str, norm: Normalized | None = None,
                    known: list[Mention] = ()) -> list[Mention]:
    """Names the lexicon does not know (see the module): Latin names in Hebrew or Arabic text,
    quoted names after a type word, and later bare mentions of those names. None overlaps a
    ``known`` mention, except a company's Latin name followed by more capitalized words, which
    names another company (``Salesforce Ventures``): that candidate takes the known one's place.

    >>> text = 'חברת "נוירון לאבס" גייסה בסבב Series C בהובלת Lunar Compute'
    >>> [(m.entity, m.type) for m in find_candidates(text, "he")]
    [('נוירון לאבס', 'org'), ('Lunar Compute', 'org')]
    """
    norm = norm or normalize(text)
    words = _party_words(lang)
    if not words.script.search(norm.text):
        return []
    taken = _Spans((m.start, m.end) for m in known)
    # a Latin run right after a known name extends it (Gemini 2.0 Flash Thinking): not a name of its own
    near = _Spans((m.start, m.end + 2) for m in known)
    latin = _latin_names(text, lang)
    by_start = {m.start: m for m in known}
    longer = [c for c in latin if _longer_company(text, c, by_start, taken, words.not_entities)]
    found = [c for c in latin if not near.hits(c.start, c.end)]
    found = [c for c in found + _quoted_names(text, norm, lang) if not taken.hits(c.start, c.end)] + longer
    found = [_typed(c, norm, lang) if c.type is None else c for c in found]
    kept: list[Mention] = []
    for c in sorted(found, key=lambda c: c.start):
        if not kept or c.start >= kept[-1].end:
            kept.append(c)
    return sorted(kept + _repeats(text, norm, lang, kept, taken), key=lambda c: c.start)


class _Spans:
    """Sorted spans that do not overlap one another, and which of them a span overlaps (by bisection)."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def hits(self, a: int, b: int) -> list[int]:
        """Indices of the spans overlapping ``[a, b)``."""
        out = []
        k = bisect_left(self.starts, b) - 1
        while k >= 0 and self.spans[k][1] > a:
            out.append(k)
            k -= 1
        return out

    def add(self, spans) -> _Spans:
        return _Spans(self.spans + list(spans))


def _longer_company(text: str, c: Mention, by_start: dict[int, Mention], taken: _Spans, stop: frozenset[str]) -> bool:
    """Whether ``c`` is a known company's Latin name and more words that are no corporate suffix."""
    known = by_start.get(c.start)
    if known is None or known.end >= c.end or known.type != "org" or len(taken.hits(c.start, c.end)) != 1:
        return False
    return any(w not in stop for w in text[known.end:c.end].split())


def _name_words(words: list[str], stop: frozenset[str]) -> tuple[int, int] | None:
    """Where the name lies in a run of Latin words, ``words[i:j]``: capitalized words and joiners
    between them, leading ``stop`` words dropped ("CEO Dana Rosen" → "Dana Rosen"); None when the
    run is English prose (a lower-case word that is no joiner) or no word is left."""
    if any(w.islower() and w not in _JOINERS for w in words):
        return None
    j = len(words)
    while j and words[j - 1] in _JOINERS:
        j -= 1
    i = 0
    while i < j and words[i] in stop:
        i += 1
    return (i, j) if i < j else None


def _latin_names(text: str, lang: str) -> list[Mention]:
    """Names in Latin script: a run of capitalized Latin words that is not all stop words.

    Their ``type`` is None: most are known names dropped at once, so :func:`_typed` looks
    for a type word only before the names that are kept."""
    stop = _party_words(lang).not_entities
    out = []
    for run in _LATIN_RUN.finditer(text):
        a = run.start()
        if _NUMBER_WORD.fullmatch(text, max(0, a - 2), a):
            continue  # part of a number word: 12-Day
        words = run.group().split(" ")
        span = _name_words(words, stop)
        if span is None:
            continue
        name = words[span[0]:span[1]]
        surface = " ".join(name)
        if surface in stop or all(p in stop or _LABEL.fullmatch(p) for p in name):
            continue
        start = a + sum(len(w) + 1 for w in words[:span[0]])
        out.append(Mention(start, start + len(surface), surface, surface, None, True))
    return out


def _typed(c: Mention, norm: Normalized, lang: str) -> Mention:
    """A Latin name with its type: from the type word before it, else ``product`` for a short
    code with digits (``MX300``; one word), else ``org``."""
    kind = type_word_before(norm.text, norm.index_of(c.start), lang)
    typ = kind[0] if kind else ("product" if _PRODUCT_CODE.fullmatch(c.surface) else "org")
    return Mention(c.start, c.end, c.surface, c.entity, typ, True)


def _quoted_names(text: str, norm: Normalized, lang: str) -> list[Mention]:
    """A name of one to three words in quotation marks, right after a type word of a company or
    a product (``בחברת הסייבר "שומרה"``, ``صندوق «نايل فنتشرز»``)."""
    out = []
    t = norm.text
    for i in _openers(t, lang):
        q = _QUOTED.match(t, i)
        if q is None or q.end() < len(t) and (t[q.end()].isalnum()):
            continue
        name = q.group("name").strip()
        if not name or len(name.split()) > 3 or name in _party_words(lang).not_entities:
            continue
        j = i
        while j > 0 and t[j - 1].isalpha():
            j -= 1  # the attached prefix: בחברת ה"X" → before ה
        kind = type_word_before(t, j, lang)
        if kind is None or kind[0] == "person":  # a quoted word after a person's title is no name
            continue
        a = q.start("name") + (len(q.group("name")) - len(q.group("name").lstrip()))
        start, end = norm.to_original(a, a + len(name))
        known = _guarded(lang)[1].get(normalize_word(name))  # "شركة «علم»": a name the lexicon knows
        out.append(Mention(start, end, text[start:end], known, entity_types()[known]) if known else
                   Mention(start, end, text[start:end], text[start:end], kind[0], True))
    return out


def _openers(t: str, lang: str):
    """Positions of opening quotation marks: after a space, a bracket or an attached prefix only
    (not the gershayim inside a word: מנכ"ל), before a letter."""
    data = language(lang)
    for m in _OPEN_QUOTE.finditer(t):
        i = m.start()
        if i + 1 >= len(t) or not t[i + 1].isalpha():
            continue
        j = i
        while j > 0 and t[j - 1].isalpha():
            j -= 1
        if j == i or _is_prefix(data, t[j:i]):
            yield i


def _is_prefix(data, letters: str) -> bool:
    """Whether ``letters`` is an attached prefix only (ב, ול, وب)."""
    return "".join(data.prefix_parts(letters)) == letters.rstrip("-")


def _repeats(text: str, norm: Normalized, lang: str, found: list[Mention], taken: _Spans) -> list[Mention]:
    """Later bare mentions of the candidates' quoted names (written again without quotes): names
    of two words or more, or of one word of five letters or more (a short company name is often a
    common word: «نما», «مدار»). Latin names are found again anyway."""
    names = {c.entity: c for c in found if (" " in c.entity or len(c.entity) >= 5) and not _LATIN_WORD.match(c.entity)}
    if not names:
        return []
    pattern, by_form = language(lang).lookup({normalize_word(n): n for n in names})
    spans = taken.add((c.start, c.end) for c in found)
    out = []
    for m in pattern.finditer(norm.text):
        start, end = norm.to_original(m.start("word"), m.end("word"))
        c = names[by_form[m.group("word")]]
        if not spans.hits(start, end):
            out.append(Mention(start, end, text[start:end], c.entity, c.type, True))
    return out
