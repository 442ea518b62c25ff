"""Who is who around a number: the parties a sentence names and their roles in a deal.

The subject and counterpart rules (:mod:`.subject`, :mod:`.counterpart`) read a sentence as
*parties*: the entities it names (candidates included) and "the company" (החברה, الشركة)
resolved to the company named last before it (not one whose "that" clause it stands in: ``ובבנק
HSBC מעריכים כי החברה``), else to the article's most mentioned company, else to the company
named last in the sentences before (:class:`ArticleView`). Each party has a *role*, given by
the word or attached prefix right before it (``data/<lang>/parties.yaml``, ``markers``; type words and
descriptors may stand between, ``בהובלת קרן Pitango``):

* ``investors`` (בהובלת, בהשתתפות, بقيادة, بمشاركة, "including"), ``from`` (מ-, מידי, من),
  ``in`` (ב-, في), ``to`` (ל-, إلى), ``with`` (עם, مع), ``shares`` (ממניות X, أسهم X),
  ``owner`` (של, المملوكة لـ), ``via`` (Arabic ب: ``برقائق إنفيديا``), ``after`` (a party
  compared with: ``بعد DeepSeek``, ``מאחורי גוגל``);
* ``""``: none, an *agent* (the one who raises, invests, holds, buys, pays).

A party joined to the one before it by a comma or a conjunction only (``מאנבידיה, AMD וקרן
Valor``) takes its role, and a candidate name its type (``מעבדי Blackwell ו-Rubin``); the list a
party closes is :func:`listed_before`. An owner right after another name, with only its marker
between (``xAI של אילון מאסק``, not ``ההשקעה של PIF בסבב של Groq``), owns that name and is no party to the number;
a name restated in parentheses (``ועידת האו"ם לסחר ולפיתוח (UNCTAD)``) is the same party. In a
deal, a product named with a role stands for its maker (``entities.csv``, ``company``: ``من منصة
Azure`` → Microsoft). The sentence's quotations (:func:`quotation_of`) are read too: a number in
one is about what the quotation names, else its speaker's company.

Companies the sentence speaks of without naming them (``شركة ناشئة كويتية``, ``منافستها``,
``חברות טכנולוגיה``; ``unnamed``, ``unnamed_groups``) are kept apart (:attr:`Reading.unnamed`): "the
company" after one is that one, not a company named before it, and "the company" as the object
of a named agent's clause (``רשות ניירות ערך חוקרת את החברה``) is another company too.

The sentence is cut into *events*: a new one starts at a semicolon, at a clause that holds a
deal verb of its own (``ומאז גייסה``), or at one that opens with a conjunction after a comma or
with a clause word (``אבל``, ``بينما``) and names a party other than a place (``, ואמזון
הזרימה``); other clauses stay with the event before. An event without an agent takes the one
of the event before (``, ובינואר הוסיפה עוד מיליארד``). Each event has *frames*, the deal words
found in it (``raise``, ``invest``, ``stake``, ``buy``, ``supply``, ``sell``, ``pay``; the
valuation a round sets, ``לפי שווי``, ``بتقييم``, is part of the round); a number's frame is the
one nearest to it (a word after the number counting twice its distance).
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..corpus.mentions import Mention
from ..text.langdata import DATA_DIR, bare_forms, language, read_csv, trie_pattern
from ..text.normalize import normalize_word

__all__ = ["PARTY_TYPES", "ArticleView", "Event", "Party", "Reading", "article_views", "clause_at",
           "clause_of", "companies", "event_of", "frame_of", "lead_role", "listed_before", "party_words", "quotation_of",
           "read_parties"]

#: Entity types that may be a party (outlets are sources, never parties).
PARTY_TYPES = {"org", "person", "product", "index", "place"}
_QUOTES = "\"'«»"
_DIGIT = re.compile(r"\d").search
_LIST_BREAK = re.compile(r"[,\u060c;]").search


@dataclass(frozen=True)
class Party:
    """An entity named in the sentence (normalized span) and its role."""

    a: int
    b: int
    entity: str
    type: str
    role: str = ""  #: see the module; "" for an agent
    owns_previous: bool = False  #: "xAI של מאסק": Musk owns the name before him
    source: bool = False  #: a source or a quoted person (never a subject)


@dataclass(frozen=True)
class Frame:
    a: int
    b: int
    name: str
    verb: bool


@dataclass
class Event:
    """A stretch of the sentence about one deal: its parties and deal cues."""

    a: int
    b: int
    parties: list[Party] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    coordinated: bool = False  #: not the sentence's first event: its agent may be the one before
    previous: Event | None = None
    #: what :meth:`agents` and :meth:`companies` read, once per event (every rule of every number asks)
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def agents(self) -> list[Party]:
        """The parties without a role (the previous event's when this one is coordinated and has none;
        the list is shared: do not change it)."""
        if "agents" not in self.memo:
            self.memo["agents"] = self._inherited(
                lambda e: [p for p in e.parties if not p.role and not p.owns_previous and not p.source])
        return self.memo["agents"]

    def holders(self) -> list[Party]:
        """Who holds a stake: an owner ("אחזקתו של מאסק") or an agent, inherited like :meth:`agents`."""
        return self._inherited(lambda e: e.with_roles("owner") + e.agents())

    def _inherited(self, find) -> list[Party]:
        own = find(self)
        if not own and self.coordinated and self.previous is not None:
            return self.previous._inherited(find)
        return own

    def with_roles(self, *roles: str) -> list[Party]:
        return [p for p in self.parties if p.role in roles and not p.owns_previous and not p.source]

    def companies(self, *roles: str) -> list[Party]:
        """Parties to a deal with these roles ("" for agents): companies, people and places; a
        product named with a role stands for its company (``من منصة Azure`` → Microsoft), other
        products are no party; a place after "from" is where a company comes from (``Sahab AI
        מאבו דאבי``), no party."""
        if roles not in self.memo:
            found = self.agents() if roles == ("",) else self.with_roles(*roles)
            makers = companies()
            self.memo[roles] = [_maker(p, makers) if p.type == "product" else p for p in found
                                if (p.type != "product" or p.role and p.entity in makers)
                                and not (p.type == "place" and p.role == "from")]
        return list(self.memo[roles])


def _maker(p: Party, makers: dict[str, str]) -> Party:
    return Party(p.a, p.b, makers[p.entity], "org", p.role, p.owns_previous, p.source)


@functools.cache
def companies() -> dict[str, str]:
    """Entity → its company (``data/entities.csv``, column ``company``): the maker of a product, the
    company a person leads or speaks for."""
    return {r["entity"]: r["company"] for r in read_csv(DATA_DIR / "entities.csv") if r.get("company")}


@dataclass
class Reading:
    events: list[Event]
    parties: list[Party]
    quotes: list[tuple[int, int]] = field(default_factory=list)  #: the quotations of the sentence
    cuts: list[int] = field(default_factory=list)  #: its clause cuts, a gershayim (מנכ"ל) not counted
    #: companies the sentence speaks of without naming them (:func:`_unnamed`): entity '', type org
    unnamed: list[Party] = field(default_factory=list)
    #: the event at each position asked for (:func:`event_of`, asked by every rule of every number)
    event_at: dict[int, Event] = field(default_factory=dict, repr=False, compare=False)


# --------------------------------------------------------------------------- the article around a sentence

#: How many sentences back the parties of the article are looked for.
EARLIER = 2


@dataclass(frozen=True)
class ArticleView:
    """What the article says around one sentence: the entities named in the sentences before it
    (at most :data:`EARLIER`, same article; nearest last) and the article's entities by mentions."""

    earlier: tuple[tuple[int, int, int, Mention], ...] = ()  #: (sentences back, normalized start, end, mention)
    ranked: tuple[tuple[str, str], ...] = ()  #: (entity, type) of its orgs, people and products, most mentioned first
    section: str = "body"  #: the sentence's section of the page (``comments``, ``boilerplate`` …)


def article_views(norm, mentions: list[Mention], sentences: list[tuple[int, int]], article_at,
                  wanted, section_at=lambda _: "body") -> dict[int, ArticleView]:
    """An :class:`ArticleView` for each sentence index in ``wanted`` (``sentences`` and ``mentions``
    in text order, original offsets; ``article_at`` and ``section_at`` give an offset's article and section)."""
    starts = [m.start for m in mentions]
    counts: dict[int, dict[tuple[str, str], int]] = {}
    for m in mentions:
        if m.type in ("org", "person", "product"):
            per = counts.setdefault(article_at(m.start), {})
            per[(m.entity, m.type)] = per.get((m.entity, m.type), 0) + 1
    ranked = {a: tuple(sorted(per, key=lambda e: -per[e])) for a, per in counts.items()}
    views = {}
    for k in wanted:
        if not 0 <= k < len(sentences):
            continue
        article = article_at(sentences[k][0])
        earlier = []
        for back in range(EARLIER, 0, -1):
            if k - back < 0 or article_at(sentences[k - back][0]) != article:
                continue
            s, e = sentences[k - back]
            for m in mentions[bisect_left(starts, s):bisect_left(starts, e)]:
                earlier.append((back, *norm.to_normalized(m.start, m.end), m))
        views[k] = ArticleView(tuple(earlier), ranked.get(article, ()), section_at(sentences[k][0]))
    return views


# --------------------------------------------------------------------------- language data


@dataclass(frozen=True)
class _Words:
    markers: re.Pattern  # a marker word ending where the search stops
    marker_roles: dict[str, str]
    prefix_roles: dict[str, str]  # an attached prefix unit → role
    skippable: re.Pattern  # a type word or a descriptor ending where the search stops
    frames: re.Pattern
    frame_keys: dict[str, tuple[str, bool]]
    anaphors: re.Pattern
    conjunctions: tuple[str, ...]
    script: re.Pattern
    object_marker: re.Pattern  # the marker of a definite object ending where "the company" starts
    unnamed: re.Pattern  # a word for a company the text does not name
    unnamed_kinds: dict[str, str]  # its form → "org" (one) or "group" (several)
    definite: frozenset[str]  # prefix units that make a noun definite: the article, and those that swallow it
    described: re.Pattern  # a word ending where a word for a company starts that makes it a description
    joiners: tuple[str, ...]  # what may stand between a prefix and its word, and opening quotes
    #: any form of the frame words, anaphors and unnamed words (:func:`bare_forms`): most sentences hold none
    frame_forms: re.Pattern
    anaphor_forms: re.Pattern
    unnamed_forms: re.Pattern


def _ending(data, words, prefix: bool = True) -> tuple[re.Pattern, dict[str, str]]:
    """A regex for one of ``words`` (word → value) ending at the end of the searched span."""
    values = {normalize_word(w): v for w, v in words.items()}
    forms = data.word_forms(values)
    pre = data.prefix_pattern if prefix else ""
    pattern = re.compile(rf"(?<!\w){pre}(?P<word>{trie_pattern(forms)})[\s\-\"\u00ab]*$")
    return pattern, {f: values[w] for f, w in forms.items()}


@functools.cache
def party_words(lang: str) -> _Words:
    data = language(lang)
    spec = data.load("parties")
    markers, marker_roles = _ending(data, {w: r for r, ws in (spec.get("markers") or {}).items() for w in ws or ()})
    types = [w for ws in (spec.get("type_words") or {}).values() for w in ws]
    article = "|".join(map(re.escape, (normalize_word(a) for a in spec.get("article") or []))) or "(?!x)x"
    type_forms = trie_pattern(data.word_forms({normalize_word(w) for w in types}))
    skippable = re.compile(rf"(?<!\w){data.prefix_pattern}(?P<word>{type_forms}|(?:{article})[^\s{_QUOTES}]+)"
                           rf"[\s\-\"\u00ab]*$")
    frame_words = {w: (name, kind == "verbs") for name, spec_f in (spec.get("frames") or {}).items()
                   for kind in ("verbs", "nouns") for w in spec_f.get(kind) or ()}
    frames, frame_keys = data.lookup(frame_words)
    anaphors = data.words_regex(spec.get("anaphors") or [])
    unnamed, unnamed_kinds = data.lookup({**{w: "group" for w in spec.get("unnamed_groups") or ()},
                                          **{w: "org" for w in spec.get("unnamed") or ()}})
    prefix_roles = {normalize_word(u): r for r, units in (spec.get("prefix_markers") or {}).items() for u in units}
    joiners = tuple(data.load("language").get("prefixes", {}).get("joiners", ())) + ('"', "\u00ab")
    return _Words(markers, marker_roles, prefix_roles, skippable, frames, frame_keys, anaphors,
                  tuple(normalize_word(c) for c in spec.get("conjunctions") or ()), data.script,
                  re.compile(data.words_regex(spec.get("object_marker") or [], prefix=False).pattern + r"\s*$"),
                  unnamed, unnamed_kinds,
                  frozenset(normalize_word(a) for a in (spec.get("article") or []) + (spec.get("definite_prefixes") or [])),
                  re.compile(data.words_regex(spec.get("described") or []).pattern + r"\s*$"), joiners,
                  bare_forms(frame_keys), data.any_form(spec.get("anaphors") or []),
                  bare_forms(unnamed_kinds))


# --------------------------------------------------------------------------- roles


def _attached(text: str, p: int, lo: int, lang: str) -> tuple[tuple[str, ...], int]:
    """The prefix attached to the word starting at ``p``: its units and where it starts (no units
    and ``p`` when there is none). ``ב-OpenAI`` → ``('ב',)``; ``لـ OpenAI`` (an Arabic prefix may be
    joined by a space once the tatweel is gone) → ``('ل',)``; ``في OpenAI`` → none."""
    j = p - 1 if p - 1 >= lo and text[p - 1] in party_words(lang).joiners else p
    k = j
    while k > lo and text[k - 1].isalpha():
        k -= 1
    letters = text[k:j]
    if not letters:
        return (), p
    units = language(lang).prefix_parts(letters)
    return (units, k) if "".join(units) == letters else ((), p)


#: How far before a party its marker may start (markers are short phrases).
_REACH = 40


def _marker(text: str, lo: int, p: int, words: _Words) -> str:
    """The role of a marker word ending at ``p`` ('' if none)."""
    m = words.markers.search(text, max(lo, p - _REACH), p)
    return words.marker_roles[m.group("word")] if m else ""


def lead_role(text: str, p: int, lo: int, lang: str) -> str:
    """The role the words right before ``p`` give a party starting there (see the module): a
    marker word (which may end in the party's prefix: ``التابعة لـ``), else the party's attached
    prefix, else a marker before it; type words and descriptors are passed over.

    >>> t = "גייסה 6 מיליארד דולר בהובלת קרן Pitango"
    >>> lead_role(t, t.index("Pitango"), 0, "he"), lead_role("השקיעה ב-OpenAI", 9, 0, "he")
    ('investors', 'in')
    """
    words = party_words(lang)
    for _ in range(4):
        units, start = _attached(text, p, lo, lang)
        role = _marker(text, lo, p, words) or \
            next((words.prefix_roles[u] for u in reversed(units) if u in words.prefix_roles), "") or \
            (_marker(text, lo, start, words) if start != p else "")  # (the same search as the first)
        if role:
            return role
        s = words.skippable.search(text, max(lo, start - _REACH), start)
        if not s or s.start("word") >= start:
            return ""
        p = s.start("word")
    return ""


def _joined(text: str, a: int, b: int, lang: str) -> bool:
    """Whether the gap ``text[a:b]`` between two names only lists them (a comma or a conjunction,
    type words and descriptors; not both a comma and a conjunction, which open a new clause)."""
    gap = text[a:b]
    if len(gap) > 40 or _DIGIT(gap):
        return False
    words = party_words(lang)
    p = b
    conj = False
    for _ in range(4):
        units, p = _attached(text, p, a, lang)
        conj = conj or any(u in words.conjunctions for u in units)
        s = words.skippable.search(text, max(a, p - _REACH), p)
        if not s or s.start("word") >= p:
            break
        p = s.start("word")
    rest = text[a:p].strip(" " + _QUOTES)
    comma = rest in (",", "\u060c")
    if rest in ("",) + words.conjunctions:
        return True
    return comma and not conj


def listed_before(site, pos: int) -> list[Party]:
    """The parties of the list that ends with the last party before ``pos`` (names joined by
    commas and conjunctions only: "אמזון, גוגל ומיקרוסופט"), in the order printed; sources left out."""
    reading = read_parties(site)
    if reading is None:
        return []
    before = [p for p in reading.parties if p.b <= pos and not p.source]
    out = before[-1:]
    for p in reversed(before[:-1]):
        if not _joined(site.text, p.b, out[0].a, site.lang):
            break
        out.insert(0, p)
    return out


def _owns_previous(text: str, prev: Party | None, a: int, role: str, lang: str = "") -> bool:
    """An owner right after another name, only the marker between them: "xAI של אילון מאסק",
    "xAI المملوكة لإيلون ماسك" (not "ההשקעה של PIF בסבב של Groq": Groq owns the round)."""
    if role != "owner" or prev is None or a - prev.b > 25 or _LIST_BREAK(text[prev.b:a]):
        return False
    if not lang:
        return True
    gap = text[prev.b:a].rstrip(" -\"\u00ab")
    units, start = _attached(text, a, prev.b, lang)  # "לאילון": the prefix is part of the marker
    words = party_words(lang)
    m = words.markers.search(text, prev.b, a) or (words.markers.search(text, prev.b, start) if units else None)
    return m is not None and not text[prev.b:m.start()].strip() or not gap.strip()


def _parties(text: str, lang: str, lo: int, hi: int, mentions, sources: set, speakers: set[str],
             view: ArticleView | None = None, unnamed: list[Party] | None = None) -> list[Party]:
    """The sentence's parties in order, with their roles ("the company" resolved as :func:`_anaphors`
    says, with the article around the sentence, ``view``, and the companies it does not name, ``unnamed``)."""
    spans = [(ma, mb, m) for ma, mb, m in mentions if m.type in PARTY_TYPES and lo <= ma < hi]
    named = _roles(text, lang, lo, spans, sources)
    anaphors = _anaphors(text, lang, lo, hi, named, speakers, view, [] if unnamed is None else unnamed)
    return _roles(text, lang, lo, sorted(spans + anaphors, key=lambda x: x[0]), sources) if anaphors else named


def _roles(text: str, lang: str, lo: int, spans, sources: set) -> list[Party]:
    out: list[Party] = []
    for ma, mb, m in spans:
        prev = out[-1] if out else None
        role = lead_role(text, ma, prev.b if prev else lo, lang)
        owns = _owns_previous(text, prev, ma, role, lang)
        kind = m.type
        if not role and prev is not None and _joined(text, prev.b, ma, lang):
            role, owns = prev.role, prev.owns_previous
            kind = prev.type if getattr(m, "candidate", False) else kind  # "מעבדי Blackwell ו-Rubin"
        source = isinstance(m, Mention) and (m.start, m.end) in sources
        if prev is not None and prev.entity == m.entity and _RESTATED(text, prev.b, ma):
            # the same name again in parentheses: "ועידת האו"ם לסחר ולפיתוח (UNCTAD)"
            role, owns, source = prev.role, prev.owns_previous, prev.source
        out.append(Party(ma, mb, m.entity, kind, role, owns, source))
    return out


def _unnamed(text: str, lang: str, lo: int, hi: int, mentions) -> list[Party]:
    """Companies the sentence speaks of without naming them (``data/<lang>/parties.yaml``,
    ``unnamed``: "a company", "its rival", "another", type ``org``; ``unnamed_groups``: "banks",
    type ``group``), as parties with no entity: a word not
    inside a name and not followed by one (over descriptors and quotation marks: ``חברת הסייבר
    Cyera``, ``شركة «علم»`` are named). ``شركة ناشئة كويتية``, ``منافستها الصينية``, ``חברת סטארט-אפ``."""
    words = party_words(lang)
    if not words.unnamed_forms.search(text, lo, hi):
        return []
    out = []
    starts = sorted(ma for ma, _, m in mentions)
    for m in words.unnamed.finditer(text, lo, hi):
        a, b = m.start("word"), m.end("word")
        if any(ma < b and a < mb for ma, mb, _ in mentions) or \
                set(language(lang).prefix_parts(m.group("prefix"))) & words.definite or \
                words.described.search(text, max(lo, m.start() - 12), m.start()):
            continue  # part of a name, definite ("the company" is an anaphor, :func:`_anaphors`) or a description
        k = bisect_left(starts, b)
        if k < len(starts) and starts[k] - b <= 40 and _descriptors_only(text[b:starts[k]], lang):
            continue
        out.append(Party(a, b, "", words.unnamed_kinds[m.group("word")], lead_role(text, a, lo, lang)))
    return out


#: What stands between a name and the same name restated in parentheses.
_RESTATED = re.compile(r"\s*[(\[]\s*$").fullmatch


def _anaphors(text: str, lang: str, lo: int, hi: int, named: list[Party], speakers: set[str],
              view: ArticleView | None = None, unnamed: list[Party] | None = None) -> list:
    """"The company" (החברה, الشركة) as the company named last before it in the sentence that is
    not an investor, a seller or an owner (a company whose statement it stands in, "ובבנק HSBC
    מעריכים כי החברה …", only when there is no other); when the sentence names none before it, the company
    the article names most ("the company" of a story is its protagonist), else the company named
    last in the sentences before. "The company" as the object of a clause (after ``object_marker``,
    "חוקרת את החברה") is not that clause's agent; with no other company it is one the text does not
    name, added to ``unnamed`` (role ``object``)."""
    if not party_words(lang).anaphor_forms.search(text, lo, hi):
        return []
    out = []
    for m in party_words(lang).anaphors.finditer(text, lo, hi):
        a, b = m.start("word"), m.end("word")
        if any(0 <= p.a - b <= 30 and _descriptors_only(text[b:p.a], lang) for p in named):
            continue  # a type word before a name: "החברה הישראלית Wix"
        before = [p for p in named if p.b <= a and p.type == "org"]
        before = [p for p in before if p.role not in ("investors", "from", "with") and not p.owns_previous] or before
        before = [p for p in before if p.entity not in speakers] or before
        if any(u.b <= a and (not before or u.a > before[-1].b) for u in unnamed):
            continue  # "في شركة جديدة …، على أن تنفق الشركة": the company the text did not name
        agent = set()
        if party_words(lang).object_marker.search(text, max(lo, m.start() - 6), m.start()):
            # "רשות ניירות ערך חוקרת את החברה": the object of a clause is not its agent
            agent = {p.entity for p in named if p.b <= a and not p.role and not _LIST_BREAK(text[p.b:a])}
            before = [p for p in before if p.entity not in agent]
        if before:
            out.append((a, b, before[-1]))
        elif view is not None and (main := next((Party(a, b, e, t) for e, t in view.ranked
                                                 if t == "org" and e not in agent), None)):
            out.append((a, b, main))
        elif view is not None and (prior := [e for _, _, _, e in view.earlier if e.type == "org" and e.entity not in agent]):
            out.append((a, b, prior[-1]))
        elif agent:
            unnamed.append(Party(a, b, "", "org", "object"))  # another company, which the text does not name
    return out


def _quotations(text: str, lo: int, hi: int, whole: bool) -> list[tuple[int, int]]:
    """The quotations of ``text[lo:hi]``: between « and », or between a '"' that opens (after a
    space, before a word) and one that closes; a '"' between two letters is a gershayim (מנכ"ל).
    A quotation still open at the end runs to it; a closing mark with no opening one closes a
    quotation opened in a sentence before (it runs from the start); ``whole``: the sentence
    continues a quotation (its source is the quote) and has no marks of its own."""
    spans, start = [], None
    for mark in _QUOTE_MARK.finditer(text, lo, hi):
        i, ch = mark.start(), mark.group()
        if ch == '"' and _gershayim(text, i):
            continue
        opening = ch == "\u00ab" or ch == '"' and start is None and i + 1 < hi and text[i + 1].isalnum() \
            and _word_before(text, lo, i) <= 2
        if opening and start is None:
            start = i
        elif not opening:
            spans.append((lo if start is None else start, i + 1))
            start = None
    if start is not None:
        spans.append((start, hi))
    return spans or ([(lo, hi)] if whole else [])


_QUOTE_MARK = re.compile('["\u00ab\u00bb]')


def _gershayim(text: str, i: int) -> bool:
    """A '"' before the last letter of a word is a gershayim: מנכ"ל, ארה"ב (not ב"גלובל")."""
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha() and \
        (i + 2 >= len(text) or not text[i + 2].isalpha())


def _word_before(text: str, lo: int, i: int) -> int:
    """How many letters stand right before ``i`` (an attached prefix before a quotation: ב"גלובל")."""
    j = i
    while j > lo and text[j - 1].isalnum():
        j -= 1
    return i - j


@functools.cache
def _articles(lang: str) -> tuple[str, ...]:
    """The language's article prefixes, normalized (``data/<lang>/parties.yaml``)."""
    return tuple(normalize_word(a) for a in language(lang).load("parties").get("article") or ())


def _descriptors_only(gap: str, lang: str) -> bool:
    """Whether ``gap`` holds at most two descriptors (words with the article: ``הישראלית``), so
    that the word before it is a type word of the name after it, not "the company" itself."""
    article = _articles(lang)
    words = gap.replace('"', " ").replace("\u00ab", " ").split()
    return len(words) <= 2 and all(w.startswith(article) for w in words)


# --------------------------------------------------------------------------- events


def _opens_new(text: str, c: int, d: int, lang: str, frames: list[Frame], parties: list[Party]) -> bool:
    """Whether the clause ``text[c:d]`` starts a new event: it holds a deal verb, or it opens with
    a conjunction after a comma or a clause word (``אבל``, ``بينما``) and names a party other than
    a place (", ומניית אמזון עלתה")."""
    if text[c] in ";\u061b" or any(c <= f.a < d and f.verb for f in frames):
        return True
    # a conjunction after a comma, or a word that opens a clause ("אבל", "بينما")
    conj = text[c].isalpha() or text[c] in ",\u060c" and \
        text[c:d].lstrip(",\u060c;:- " + _QUOTES).startswith(party_words(lang).conjunctions)
    return conj and any(c <= p.a < d and p.type != "place" and not p.source for p in parties)


def _events(text: str, lang: str, lo: int, hi: int, cuts: list[int], frames, parties) -> list[Event]:
    bounds = [c for c in cuts if lo < c < hi] + [hi]
    events = [Event(lo, bounds[0])]
    for c, d in itertools.pairwise(bounds):
        if _opens_new(text, c, d, lang, frames, parties):
            events.append(Event(c, d, coordinated=True, previous=events[-1]))
        else:
            events[-1].b = d
    for e in events:
        e.parties = [p for p in parties if e.a <= p.a < e.b]
        e.frames = [f for f in frames if e.a <= f.a < e.b]
    return events


def _frames(text: str, lang: str, lo: int, hi: int) -> list[Frame]:
    words = party_words(lang)
    if not words.frame_forms.search(text, lo, hi):
        return []
    return [Frame(m.start("word"), m.end("word"), *words.frame_keys[m.group("word")])
            for m in words.frames.finditer(text, lo, hi)]


def read_parties(site) -> Reading | None:
    """The parties and events of the site's sentence (read once per sentence and kept on its
    context), or None without a language."""
    ctx = site.ctx
    reading = ctx.memo.get("parties")
    if reading is not None:
        return reading
    if not site.lang or not language(site.lang).load("parties"):
        return None
    text, lang = site.text, site.lang
    view = ctx.article if isinstance(ctx.article, ArticleView) else None
    unnamed = _unnamed(text, lang, ctx.ns, ctx.ne, ctx.mentions)
    parties = _parties(text, lang, ctx.ns, ctx.ne, ctx.mentions, ctx.source_spans, _reporters(ctx), view, unnamed)
    frames = [f for f in _frames(text, lang, ctx.ns, ctx.ne)  # not inside a name: "جهاز قطر للاستثمار"
              if not any(ma < f.b and f.a < mb for ma, mb, _ in ctx.mentions)]
    quotes = _quotations(text, ctx.ns, ctx.ne, any(how in ("quote", "quotation") for _, _, how in ctx.sources))
    reading = Reading(_events(text, lang, ctx.ns, ctx.ne, ctx.cuts, frames, parties), parties, quotes,
                      [c for c in ctx.cuts if not (text[c] == '"' and _gershayim(text, c))], unnamed)
    ctx.memo["parties"] = reading
    return reading


def _reporters(ctx) -> set[str]:
    """Sources whose statement is a "that" clause ("ובבנק HSBC מעריכים כי החברה …"): "the company" in
    it is another one. A company announcing ("أعلنت xAI عن …، جمعت الشركة") stays a candidate."""
    found = getattr(ctx, "attributions", None)
    if not found:
        return {e for _, e, _ in ctx.sources}
    return {a.entity for a in found if a.entity and getattr(a, "clause", True)}


def clause_at(site, pos: int) -> tuple[int, int]:
    """The clause at ``pos``, quotation marks not counted as its ends (``מולד הווידאו "Sora" שמשרת …``)."""
    memo = site.ctx.memo
    cuts = memo.get("clause_cuts")
    if cuts is None:  # (the context's cuts are sorted)
        text = site.text
        cuts = memo["clause_cuts"] = [c for c in site.ctx.cuts if text[c] not in _QUOTES]
    k = bisect_right(cuts, pos)
    return (cuts[k - 1] if k else site.ctx.ns), (cuts[k] if k < len(cuts) else site.ctx.ne)


def quotation_of(site) -> tuple[int, int] | None:
    """The quotation the number stands in (see :func:`_quotations`), or None."""
    reading = read_parties(site)
    return next(((a, b) for a, b in reading.quotes if a <= site.qa < b), None) if reading else None


def clause_of(site) -> tuple[int, int]:
    """The number's clause (see :func:`clause_at`)."""
    return clause_at(site, site.qa)


def event_of(reading: Reading, pos: int) -> Event:
    event = reading.event_at.get(pos)
    if event is None:
        event = reading.event_at[pos] = next((e for e in reading.events if e.a <= pos < e.b), reading.events[-1])
    return event


def frame_of(event: Event, qa: int, qb: int) -> str:
    """The deal the number is part of: its event's cue nearest to it, a cue after the number
    counting twice its distance (deal words come before the amount) ('' without one)."""
    if not event.frames:
        return ""
    best = min(event.frames, key=lambda f: (qa - f.b if f.b <= qa else 2 * max(f.a - qb, 0), f.a > qa))
    return best.name
