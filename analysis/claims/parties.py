"""Who is who around a number: the parties a sentence names and their roles in a deal.

The subject and counterpart rules (:mod:`.subject`, :mod:`.counterpart`) read a sentence as
*parties*: the entities it names (candidates included) and "the company" (החברה, الشركة)
resolved to the company named last before it. Each party has a *role*, given by the word or
attached prefix right before it (``data/<lang>/parties.yaml``, ``markers``; type words and
descriptors may stand between, ``בהובלת קרן Pitango``):

* ``investors`` (בהובלת, בהשתתפות, بقيادة, بمشاركة, "including"), ``from`` (מ-, מידי, من),
  ``in`` (ב-, في), ``to`` (ל-, إلى), ``with`` (עם, مع), ``shares`` (ממניות X, أسهم X),
  ``owner`` (של, المملوكة لـ), ``via`` (Arabic ب: ``برقائق إنفيديا``);
* ``""``: none, an *agent* (the one who raises, invests, holds, buys, pays).

A party joined to the one before it by a comma or a conjunction only (``מאנבידיה, AMD וקרן
Valor``) takes its role, and a candidate name its type (``מעבדי Blackwell ו-Rubin``). An owner
right after another name (``xAI של אילון מאסק``) owns that name and is no party to the number.

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
from dataclasses import dataclass, field

from ..corpus.mentions import Mention
from ..text.langdata import language, trie_pattern
from ..text.normalize import normalize_word

__all__ = ["PARTY_TYPES", "Event", "Party", "Reading", "clause_at", "clause_of", "event_of", "frame_of", "read_parties"]

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

    def agents(self) -> list[Party]:
        """The parties without a role (the previous event's when this one is coordinated and has none)."""
        return self._inherited(lambda e: [p for p in e.parties if not p.role and not p.owns_previous and not p.source])

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
        """Parties to a deal with these roles ("" for agents): companies, people and places, not
        products; a place after "from" is where a company comes from (``Sahab AI מאבו דאבי``), no party."""
        found = self.agents() if roles == ("",) else self.with_roles(*roles)
        return [p for p in found if p.type != "product" and not (p.type == "place" and p.role == "from")]


@dataclass
class Reading:
    events: list[Event]
    parties: list[Party]


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
    joiners: tuple[str, ...]  # what may stand between a prefix and its word, and opening quotes


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
    prefix_roles = {normalize_word(u): r for r, units in (spec.get("prefix_markers") or {}).items() for u in units}
    joiners = tuple(data.load("language").get("prefixes", {}).get("joiners", ())) + ('"', "\u00ab")
    return _Words(markers, marker_roles, prefix_roles, skippable, frames, frame_keys, anaphors,
                  tuple(normalize_word(c) for c in spec.get("conjunctions") or ()), data.script, joiners)


# --------------------------------------------------------------------------- roles


def _attached(text: str, p: int, lo: int, lang: str) -> tuple[tuple[str, ...], int]:
    """The prefix attached to the word starting at ``p``: its units and where it starts (no units
    and ``p`` when there is none). ``ב-OpenAI`` → ``('ב',)``; ``لـ OpenAI`` (an Arabic prefix may be
    joined by a space once the tatweel is gone) → ``('ل',)``; ``في OpenAI`` → none."""
    data = language(lang)
    j = p - 1 if p - 1 >= lo and text[p - 1] in party_words(lang).joiners else p
    k = j
    while k > lo and text[k - 1].isalpha():
        k -= 1
    letters = text[k:j]
    units = data.prefix_parts(letters) if letters else ()
    return (units, k) if letters and "".join(units) == letters else ((), p)


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
            _marker(text, lo, start, words)
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


def _owns_previous(text: str, prev: Party | None, a: int, role: str) -> bool:
    """An owner right after another name: "xAI של אילון מאסק", "xAI المملوكة لإيلون ماسك"."""
    return role == "owner" and prev is not None and a - prev.b <= 25 and not _LIST_BREAK(text[prev.b:a])


def _parties(text: str, lang: str, lo: int, hi: int, mentions, sources: set, speakers: set[str]) -> list[Party]:
    """The sentence's parties in order, with their roles ("the company" resolved as :func:`_anaphors` says)."""
    spans = [(ma, mb, m) for ma, mb, m in mentions if m.type in PARTY_TYPES and lo <= ma < hi]
    named = _roles(text, lang, lo, spans, sources)
    anaphors = _anaphors(text, lang, lo, hi, named, speakers)
    return _roles(text, lang, lo, sorted(spans + anaphors, key=lambda x: x[0]), sources) if anaphors else named


def _roles(text: str, lang: str, lo: int, spans, sources: set) -> list[Party]:
    out: list[Party] = []
    for ma, mb, m in spans:
        prev = out[-1] if out else None
        role = lead_role(text, ma, prev.b if prev else lo, lang)
        owns = _owns_previous(text, prev, ma, role)
        kind = m.type
        if not role and prev is not None and _joined(text, prev.b, ma, lang):
            role, owns = prev.role, prev.owns_previous
            kind = prev.type if getattr(m, "candidate", False) else kind  # "מעבדי Blackwell ו-Rubin"
        source = isinstance(m, Mention) and (m.start, m.end) in sources
        out.append(Party(ma, mb, m.entity, kind, role, owns, source))
    return out


def _anaphors(text: str, lang: str, lo: int, hi: int, named: list[Party], speakers: set[str]) -> list:
    """"The company" (החברה, الشركة) as the company named last before it in the sentence that is
    not an investor, a seller or an owner (a company named as a source, "ובבנק HSBC מעריכים כי
    החברה …", only when there is no other)."""
    out = []
    for m in party_words(lang).anaphors.finditer(text, lo, hi):
        a, b = m.start("word"), m.end("word")
        before = [p for p in named if p.b <= a and p.type == "org"]
        before = [p for p in before if p.role not in ("investors", "from", "with") and not p.owns_previous] or before
        before = [p for p in before if p.entity not in speakers] or before
        if before and not any(0 <= p.a - b <= 30 and _descriptors_only(text[b:p.a], lang) for p in named):
            out.append((a, b, before[-1]))
    return out


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
    words = party_words(lang)
    head = text[c:d].lstrip(",\u060c;:- " + _QUOTES)
    # a conjunction after a comma, or a word that opens a clause ("אבל", "بينما")
    conj = text[c] in ",\u060c" and any(head.startswith(u) for u in words.conjunctions) or text[c].isalpha()
    verb = any(c <= f.a < d and f.verb for f in frames)
    named = any(c <= p.a < d and p.type != "place" and not p.source for p in parties)
    return verb or (conj and named) or text[c] in ";\u061b"


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
    return [Frame(m.start("word"), m.end("word"), *words.frame_keys[m.group("word")])
            for m in words.frames.finditer(text, lo, hi)]


_CACHE: dict[int, tuple[object, Reading]] = {}


def read_parties(site) -> Reading | None:
    """The parties and events of the site's sentence (read once per sentence), or None without a language."""
    ctx = site.ctx
    hit = _CACHE.get(id(ctx))
    if hit is not None and hit[0] is ctx:
        return hit[1]
    if not site.lang or not language(site.lang).load("parties"):
        return None
    text, lang = site.text, site.lang
    parties = _parties(text, lang, ctx.ns, ctx.ne, ctx.mentions, ctx.source_spans, {e for _, e, _ in ctx.sources})
    frames = [f for f in _frames(text, lang, ctx.ns, ctx.ne)  # not inside a name: "جهاز قطر للاستثمار"
              if not any(ma < f.b and f.a < mb for ma, mb, _ in ctx.mentions)]
    reading = Reading(_events(text, lang, ctx.ns, ctx.ne, ctx.cuts, frames, parties), parties)
    if len(_CACHE) > 512:
        _CACHE.clear()
    _CACHE[id(ctx)] = (ctx, reading)
    return reading


def clause_at(site, pos: int) -> tuple[int, int]:
    """The clause at ``pos``, quotation marks not counted as its ends (``מולד הווידאו "Sora" שמשרת …``)."""
    text = site.text
    cuts = [c for c in site.ctx.cuts if text[c] not in _QUOTES]
    a = max((c for c in cuts if c <= pos), default=site.ctx.ns)
    b = min((c for c in cuts if c > pos), default=site.ctx.ne)
    return a, b


def clause_of(site) -> tuple[int, int]:
    """The number's clause (see :func:`clause_at`)."""
    return clause_at(site, site.qa)


def event_of(reading: Reading, pos: int) -> Event:
    return next((e for e in reading.events if e.a <= pos < e.b), reading.events[-1])


def frame_of(event: Event, qa: int, qb: int) -> str:
    """The deal the number is part of: its event's cue nearest to it, a cue after the number
    counting twice its distance (deal words come before the amount) ('' without one)."""
    if not event.frames:
        return ""
    best = min(event.frames, key=lambda f: (qa - f.b if f.b <= qa else 2 * max(f.a - qb, 0), f.a > qa))
    return best.name
