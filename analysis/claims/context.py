"""What the claims of one sentence share: its mentions, the sources it names, its clause cuts and cues.

Sources (:func:`find_sources`, :func:`carry_sources`; the cue words are ``attribution`` and
``speaker_titles`` in ``data/<lang>/roles.yaml``). Each :class:`Source` is found by one of these
rules, in the order the sentence is read:

* ``according``: an "according to" cue (לפי, לדברי, وفقا لـ, بحسب): the source named in the phrase
  after it (see *phrases* below); a phrase that ends at a verb of saying takes that verb's speaker
  ("وفقًا لما نقلته صحيفة The Information"); a phrase with a title or a report word but no name
  ("לפי הערכות", "بحسب مصادر مطلعة") is an ``unnamed`` source;
* ``speaker``: a verb of saying (אמר, قال, أعلنت): the speaker in the phrase after it, else the one
  right before it (names over titles: "מיקרוסופט מודיעה"; a name the lexicon does not know: "…,
  דנה רוזן, אמרה"), else the nearest name before it in the sentence; a speaker named by a title
  alone ("قال مسؤول كبير") is an ``unnamed`` source; a verb that also means something else
  (``speech_if_said``: הוסיפה, أضافت) says only when "that", a colon, a quotation mark or the
  clause's end follows it and its speaker;
* ``denial``: a denial or a refusal to confirm (نفت, הכחישה, לא אישרה): its subject is found as a
  speaker's, and is credited with nothing;
* ``report``: a report, study or data named with its publisher right after it ("הדיווח בכלכליסט",
  "تقريرًا لشبكة CNBC");
* ``speaker_continued``: a verb of saying whose speaker the text does not name (a pronoun, nothing:
  "وأوضح أحدهما", "…", הוסיף", "وأضاف:") or a participle of saying ("مؤكدة أن") takes the last source
  named before it in the sentence (a participle with none: the first person, else company, named
  before it), else the last one of the three sentences before it in its paragraph;
* ``report_continued``: "the report" with no publisher, opening a clause or after a cue ("הדוח",
  "ذكر هذا التقرير") is the report, study or source named before it in the sentence or in the three
  sentences before (across a paragraph break too);
* ``quotation``: a sentence inside a quotation opened in an earlier sentence, or one that opens with a
  quotation mark and names no source, takes the last source of the sentences before it.

Phrases: from a cue, titles, report words and quotation marks are read over, up to four other words
after a title or a report word (descriptors: "מנהלת הכספים של OpenAI"; after "according to", two
before one too: "לפי תחזית של גרטנר"), and one or two commas of
apposition before a name, a title or a mention ("قال الرئيس التنفيذي لشركة «مدار»، سلمان القحطاني،");
a phrase ends at "that", a number or another cue. Of the names read, a person comes before a company;
names joined by "and" are co-speakers ("OpenAI; SoftBank; Oracle"); a possessor ("Musk's xAI") or an
owner ("xAI של מאסק") is not the speaker; "the company" (החברה, الشركة, المجموعة) is the company the
sentence names first before it, "the latter" (האחרונה, الأخيرة) the one named last; a person's name the
lexicon does not know (two or three words right after the cue, a title or a comma, before a clause
mark, "that" or a verb) is taken as printed.

Each source also says whether it trails the figures it covers ("…, said X": a clause mark and maybe a
lead word, כך, وفق ما, right before its cue, no "and" attached to it, a number before it, no "that"
after its phrase, and no object after it unless a lead word marks it: "…، أعلنت OpenAI أخيرًا عن"
opens a statement) and whether "that" follows its phrase (its statement runs to the sentence's end);
:mod:`analysis.claims.attribution` decides which figures each covers.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from ..corpus.mentions import Mention
from ..text.langdata import bare_forms, language, trie_pattern
from ..text.normalize import Normalized, normalize_word
from .cues import DEFAULT_CLAUSE, DEFAULT_HARD, Cue, Scan
from .quantities import Quantity

__all__ = ["BLOCKING", "SOURCE_TYPES", "SentenceContext", "Source", "carry_sources", "conjunctions",
           "earlier_sentences", "find_sources", "main_entities", "sentence_context"]

SOURCE_TYPES = {"outlet", "org", "person"}

def groups_digits(text: str, a: int, b: int) -> bool:
    """True when the mark ``text[a:b]`` stands between two digits: a thousands separator ("2,900"),
    not a clause mark."""
    return 0 < a and b < len(text) and text[a - 1].isdigit() and text[b].isdigit()


def clause_at(ctx: "SentenceContext", pos: int) -> tuple[int, int]:
    """The span (normalized) of the clause of ``ctx`` holding ``pos``."""
    k = bisect_right(ctx.cuts, pos)
    return (ctx.cuts[k - 1] if k else ctx.ns), (ctx.cuts[k] if k < len(ctx.cuts) else ctx.ne)


@dataclass
class SentenceContext:
    """What every claim of one sentence shares: its spans and the cues found in it once."""

    start: int
    end: int
    ns: int  # the sentence's span in the normalized copy
    ne: int
    mentions: list[tuple[int, int, Mention]]  # normalized span + mention
    source_spans: set[tuple[int, int]]
    sources: list[tuple[int, str, str]]  # (normalized position, entity, "source" | "speech")
    hard_breaks: list[int]  # ; and ؛: attribution does not cross them
    cuts: list[int]
    metric_cues: list[Cue]
    period_cues: list[Cue]
    quantities: list[Quantity]
    fallback: str
    article: object = None  #: the article around the sentence (:class:`analysis.claims.parties.ArticleView`), set by the caller
    attributions: list = field(default_factory=list)  #: the :class:`Source` list of :func:`find_sources`
    guidance: list = field(default_factory=list)  #: positions of a company's own forecast ("תחזית … שלה")
    #: What the role rules read once per sentence, under each its own key (its parties, its clause
    #: cuts, a rule's words found in it or not): every claim of the sentence asks the same.
    memo: dict = field(default_factory=dict, repr=False)


def sentence_context(norm: Normalized, s: int, e: int, mentions: list[Mention], qs: list[Quantity], cues: Scan | None,
              fallback: str) -> SentenceContext:
    ns, ne = norm.to_normalized(s, e)
    spans = [(*norm.to_normalized(m.start, m.end), m) for m in mentions if m.end <= e]
    hard = [m.start() for m in (cues.lexicon.hard_marks if cues else DEFAULT_HARD).finditer(norm.text, ns, ne)]
    numbers = [norm.to_normalized(q.start, q.end) for q in qs]
    found, source_spans = find_sources(norm, ns, ne, spans, cues, numbers, hard)
    clause_re = cues.lexicon.clause_marks if cues else DEFAULT_CLAUSE
    text = norm.text
    cuts = [m.start() for m in clause_re.finditer(text, ns, ne) if not groups_digits(text, m.start(), m.end())]
    metric_cues: list[Cue] = []
    period_cues: list[Cue] = []
    if cues:
        cuts += [c.start for c in cues.find("clause_breaks", ns, ne)]
        metric_cues = cues.find("metrics", ns, ne)
        period_cues = cues.find("periods", ns, ne)
    ctx = SentenceContext(s, e, ns, ne, spans, source_spans, _credited(found), hard, sorted(cuts), metric_cues,
                          period_cues, qs, fallback)
    ctx.attributions = found
    ctx.guidance = _guidance(norm.text, ns, ne, cues.lexicon.lang.code) if cues else []
    return ctx


def _credited(found: list[Source]) -> list[tuple[int, str, str]]:
    """(position, entity, how) of the sources that credit someone."""
    return [(s.pos, s.entity, s.how) for s in found if s.entity and s.how not in BLOCKING]


def _guidance(text: str, ns: int, ne: int, lang: str) -> list[int]:
    """Positions of a company's own forecast ("תחזית … שלה", "توقعاتها")."""
    w = _words(lang)
    if not w.guidance_forms.search(text, ns, ne):  # most sentences hold no forecast word
        return []
    out = [m.start("word") for m in w.guidance_owned.finditer(text, ns, ne)]
    for m in w.guidance.finditer(text, ns, ne):
        tail = text[m.end():min(ne, m.end() + 40)].split()[:4]
        if any(w.guidance_own.fullmatch(t) for t in tail):
            out.append(m.start("word"))
    return sorted(out)


def earlier_sentences(text: str, sentences: list[tuple[int, int]], wanted: set[int], reach: int = 3) -> dict[int, list[int]]:
    """For each wanted sentence, the ``reach`` sentences before it, nearest first: where
    :func:`carry_sources` looks for a source it continues."""
    return {k: list(range(k - 1, max(-1, k - 1 - reach), -1)) for k in wanted if k > 0}


def _in_quotation(text: str, ns: int, lo: int) -> bool:
    """Whether ``ns`` lies inside a quotation opened earlier in its paragraph, from ``lo`` on ("…" or «…»;
    gershayim inside a word, מנכ"ל, are no quotation marks), or the sentence there opens with a quotation mark."""
    a = max(lo, text.rfind("\n", 0, ns) + 1)
    inside, depth = False, 0
    for m in _QUOTE_MARK.finditer(text, a, ns):
        i, ch = m.start(), m.group()
        if ch == '"' and not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()):
            inside = not inside
        elif ch in _QUOTE_OPEN:
            depth += 1
        elif ch in _QUOTE_CLOSE:
            depth = max(0, depth - 1)
    if inside or depth:
        return True
    head = text[ns:ns + 8].lstrip()
    return bool(head) and head[0] in '"' + _QUOTE_OPEN


def carry_sources(ctx: SentenceContext, norm: Normalized, earlier: list[tuple[int, int, list[Mention]]],
                  cues: Scan | None) -> None:
    """Rules ``speaker_continued``, ``report_continued`` and ``quotation`` across sentences: sources of the
    sentence still waiting for a speaker or a report, and a sentence that continues a quotation, take the
    last source named in the sentences before it (``earlier``: (start, end, mentions), nearest first)."""
    if cues is None:
        return
    found = ctx.attributions
    pending = [s for s in found if s.pending]
    lo = norm.to_normalized(earlier[-1][0], earlier[-1][0])[0] if earlier else ctx.ns
    quoted = not any(s.entity for s in found) and _in_quotation(norm.text, ctx.ns, lo)
    if not pending and not quoted:
        return
    last: list[Source] = []
    paragraph = True  # a speaker or a quotation continues within its paragraph; "the report" beyond it
    after = ctx.start
    for s, e, mentions in earlier:
        paragraph = paragraph and "\n" not in norm.original[e:after]
        after = s
        if not paragraph and not any(p.pending == "report" for p in pending):
            break
        ns, ne = norm.to_normalized(s, e)
        spans = [(*norm.to_normalized(m.start, m.end), m) for m in mentions if m.end <= e]
        hard = [m.start() for m in cues.lexicon.hard_marks.finditer(norm.text, ns, ne)]
        before, _ = find_sources(norm, ns, ne, spans, cues, [], hard)
        last = [x for x in before if x.entity and x.how != "unnamed"]
        if last:
            break
    if not last:
        return
    for s in pending:
        if s.pending == "speaker" and not paragraph:
            continue
        reports = [x for x in last if x.how in ("according", "report")] if s.pending == "report" else []
        s.entity, s.pending = (reports or last)[-1].entity, ""
    if quoted and paragraph:
        found.insert(0, Source(ctx.ns, ctx.ns, last[-1].entity, "quotation", clause=True))
    ctx.sources = _credited(found)


def conjunctions(lang: str | None) -> tuple[str, ...]:
    """The language's "and" prefixes (``parties.yaml``, ``conjunctions``)."""
    return _words(lang).conj_units if lang else ()


def find_sources(norm: Normalized, ns: int, ne: int, spans: list[tuple[int, int, Mention]], cues: Scan | None,
                 numbers=(), hard=()) -> tuple[list[Source], set[tuple[int, int]]]:
    """The sources a sentence names (see the module), in order, and the original spans of the mentions
    that are sources (an outlet, a person quoted, or any name after "according to": never the subject)."""
    if not cues:
        return [], set()
    return _Reader(norm, ns, ne, spans, _words(cues.lexicon.lang.code), list(numbers), list(hard)).read()


def main_entities(mentions: list[Mention], article_at: Callable[[int], int]) -> dict[int, str]:
    """The most mentioned org, person or product of each article (first seen wins ties)."""
    counts: dict[int, dict[str, int]] = {}
    for m in mentions:
        if m.type in ("org", "person", "product"):
            per = counts.setdefault(article_at(m.start), {})
            per[m.entity] = per.get(m.entity, 0) + 1
    return {a: max(per, key=lambda e: per[e]) for a, per in counts.items()}


# --------------------------------------------------------------------------- sources


@dataclass
class Source:
    """Whom a sentence credits, from one cue (see the module for the rules that find it)."""

    pos: int  #: where its cue stands (normalized)
    end: int  #: where the phrase naming it ends
    entity: str  #: who is credited; '' when the text names nobody (an unnamed source)
    how: str  #: ``according``, ``speaker``, ``report``, ``denial``, ``unnamed``, ``speaker_continued``,
    #: ``report_continued`` or ``quotation``
    trailing: bool = False  #: set off after the figures it covers ("…, said X", "…, according to X")
    clause: bool = False  #: "that" follows its phrase (אמר כי, قال إن): it covers the rest of the sentence
    pending: str = ""  #: ``speaker`` or ``report``: to be taken from what the text said before
    participle: bool = False  #: a participle of saying (مؤكدة): its speaker is the sentence's


#: Sources that credit nobody: a denial, a source the text does not name.
BLOCKING = ("denial", "unnamed")
_WORD = re.compile(r"[^\W\d_](?:[\w'\-]|\"(?=\w))*")
_QUOTE_OPEN, _QUOTE_CLOSE = "\u00ab\u201c", "\u00bb\u201d"
_QUOTE_MARK = re.compile(f'["{_QUOTE_OPEN}{_QUOTE_CLOSE}]')


@dataclass(frozen=True)
class _Words:
    """The attribution words of one language (``data/<lang>/roles.yaml``, ``attribution`` and
    ``speaker_titles``; "the company" and owner words from ``parties.yaml``), compiled once."""

    #: (pattern, form → kind, open, any form) for the cue words; any form is a quick test (:func:`~analysis.text.langdata.bare_forms`)
    cues: tuple[tuple[re.Pattern, dict[str, str], bool, re.Pattern], ...]
    titles: re.Pattern
    title_gap: re.Pattern  # titles, spaces and punctuation only
    reports: re.Pattern
    report_back: re.Pattern
    complementizers: re.Pattern
    anaphors: re.Pattern
    latter: frozenset[str]
    owners: frozenset[str]
    conj_gap: re.Pattern  # what joins co-speakers ("OpenAI وسوفت بنك")
    report_gap: re.Pattern  # between a report word and its publisher ("הדיווח ב", "تقريرًا لشبكة")
    said_after: re.Pattern  # a clause mark (and a lead word) right before a trailing cue
    conj_units: tuple[str, ...]
    article: tuple[str, ...]
    not_names: frozenset[str]
    name_word: re.Pattern
    guidance: re.Pattern
    guidance_owned: re.Pattern
    guidance_own: re.Pattern
    #: any form of ``guidance`` and ``guidance_owned``, of ``reports``, of ``report_back``: quick tests
    #: (:func:`~analysis.text.langdata.bare_forms`), most sentences hold none
    guidance_forms: re.Pattern
    report_forms: re.Pattern
    report_back_forms: re.Pattern
    prefix: re.Pattern  # an attached prefix alone (ב, وب, ו-)
    adding: frozenset[str]  # verbs of saying that also mean something else (``speech_if_said``)
    pronouns: re.Pattern  # "one of them" in a speaker's place
    objects: re.Pattern  # what opens the object of a verb of saying (أعلنت … عن, הודיעה על)
    leads: frozenset[str]  # lead words of a trailing cue (כך, وفق ما)
    not_name_prefixes: tuple[str, ...]


def _cue_patterns(data, words: dict[str, str], verb: bool) -> list[tuple[re.Pattern, dict[str, str], bool, re.Pattern]]:
    """Patterns for cue words; a word ending in a one-letter prefix ("דיווח ב", "وفقا ل") attaches to the
    next (``open``: the cue ends before that prefix, which the phrase after it reads with its word)."""
    units = set(data.prefix_units)
    open_ = {w: k for w, k in words.items() if w.split()[-1] in units and " " in w}
    closed = {w: k for w, k in words.items() if w not in open_}
    out = []
    if closed:
        pattern, kinds = data.lookup(closed, "verb" if verb else True)
        out.append((pattern, kinds, False, bare_forms(kinds)))
    if open_:
        forms = data.word_forms(open_, not verb)
        pre = data.verb_prefix_pattern if verb else data.prefix_pattern
        out.append((re.compile(rf"(?<!\w)(?P<prefix>{pre})(?P<word>{trie_pattern(forms)})"),
                    {f: open_[w] for f, w in forms.items()}, True, bare_forms(forms)))
    return out


@functools.cache
def _words(lang: str) -> _Words:
    data = language(lang)
    roles, parties = data.load("roles"), data.load("parties")
    att = roles.get("attribution") or {}

    def norm_words(key: str, spec=att) -> dict[str, str]:
        return {normalize_word(w): key for w in spec.get(key) or [] if normalize_word(w)}

    nominal = {**norm_words("before_source")}
    verbs = {**norm_words("speech"), **norm_words("speech_after_only"), **norm_words("speech_if_said"),
             **norm_words("speech_participles"), **norm_words("denial")}
    cues = tuple(_cue_patterns(data, nominal, False) + _cue_patterns(data, verbs, True))
    leads = "|".join(map(re.escape, sorted((normalize_word(w) for w in att.get("after_lead") or []), key=len, reverse=True)))
    said_after = re.compile(rf"[,\u060c\"'\u00bb\u201d]\s*(?:(?P<lead>{leads})\s+)?\Z" if leads
                            else r"[,\u060c\"'\u00bb\u201d]\s*(?P<lead>)\Z")
    titles = data.words_regex(roles.get("speaker_titles") or [])
    conj = tuple(normalize_word(c) for c in parties.get("conjunctions") or [])
    conj_re = "|".join(map(re.escape, conj)) or "(?!x)x"
    owner_words = frozenset(normalize_word(w) for w in (parties.get("markers") or {}).get("owner") or [])
    script = data.load("language")["script"]
    anaphor_words = list(parties.get("anaphors") or []) + list(att.get("latter") or [])
    return _Words(
        cues=cues,
        titles=titles,
        title_gap=re.compile(rf"(?:\s|[^\w\s]|{titles.pattern})*"),
        reports=data.words_regex(att.get("report_words") or []),
        report_back=data.words_regex(att.get("report_back") or []),
        complementizers=data.words_regex(att.get("complementizers") or []),
        anaphors=data.words_regex(anaphor_words),
        latter=frozenset(normalize_word(w) for w in att.get("latter") or []),
        owners=owner_words,
        conj_gap=re.compile(rf"\s*(?:[,\u060c]\s*)?(?:{conj_re})-?\s*[\"\u00ab]?"),
        report_gap=re.compile(rf"(?:\s|[\"\u00ab:]|(?:{titles.pattern}))*(?:{data.prefix_pattern})"),
        said_after=said_after,
        conj_units=conj,
        article=tuple(normalize_word(a) for a in parties.get("article") or []),
        not_names=frozenset(normalize_word(w) for w in att.get("not_names") or []),
        name_word=re.compile(rf"[{script}](?:[{script}'\-]|\"(?=[{script}]))*"),
        guidance=data.words_regex(att.get("guidance") or []),
        guidance_owned=data.words_regex(att.get("guidance_owned") or []),
        guidance_own=data.words_regex(att.get("guidance_own") or []),
        guidance_forms=data.any_form((att.get("guidance") or []) + (att.get("guidance_owned") or [])),
        report_forms=data.any_form(att.get("report_words") or []),
        report_back_forms=data.any_form(att.get("report_back") or []),
        prefix=re.compile(data.prefix_pattern),
        adding=frozenset(norm_words("speech_if_said")),
        pronouns=data.words_regex(att.get("speaker_pronouns") or []),
        objects=data.words_regex(att.get("object_markers") or [], prefix=False),
        leads=frozenset(normalize_word(w).split()[0] for w in att.get("after_lead") or []),
        not_name_prefixes=tuple(normalize_word(w) for w in att.get("not_name_prefixes") or []),
    )


def _cues_in(words: _Words, text: str, ns: int, ne: int) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, prefix, form) of the attribution cues of a sentence; of overlapping ones the longest."""
    found = []
    for pattern, kinds, open_, any_form in words.cues:
        if not any_form.search(text, ns, ne):
            continue
        for m in pattern.finditer(text, ns, ne):
            form = m.group("word")
            end = m.end("word") - (len(form.split()[-1]) if open_ else 0)
            found.append((m.start("word"), end, kinds[form], m.group("prefix"), form))
    found.sort(key=lambda c: (c[0], -c[1]))
    out: list[tuple[int, int, str, str, str]] = []
    for c in found:
        if out and c[0] < out[-1][1]:
            continue
        out.append(c)
    return out


@dataclass
class _Item:
    """A name read in a source's phrase."""

    a: int
    b: int
    entity: str
    type: str
    mention: Mention | None = None
    owner: bool = False  #: owns the name before it ("xAI של מאסק"): not the speaker
    possessor: bool = False  #: "Musk's xAI": not the speaker
    joined: bool = False  #: joined to the name before it by "and": a co-speaker


@dataclass
class _Phrase:
    items: list[_Item]
    end: int
    head: bool = False  #: a title or a report word was read (a source with no name: "بحسب مصادر")
    title: bool = False  #: a title was read (a speaker with no name: "قال مصدر")
    pronoun: bool = False  #: "one of them" was read: the speaker named before ("وأوضح أحدهما")
    back: bool = False  #: "the report" was read
    verb: tuple | None = None  #: the cue it stopped at


class _Reader:
    """Reads the sources of one sentence (see :func:`find_sources`)."""

    def __init__(self, norm: Normalized, ns: int, ne: int, spans, words: _Words, numbers, hard_marks):
        self.norm, self.text, self.ns, self.ne, self.w = norm, norm.text, ns, ne, words
        self.hard_marks = hard_marks
        self.spans = sorted(spans, key=lambda x: x[0])
        self.by_start = {ma: (ma, mb, m) for ma, mb, m in self.spans}
        self.numbers = numbers
        self.cues = _cues_in(words, norm.text, ns, ne)
        self.cue_at = {c[0]: c for c in self.cues}
        self.stops = {c[0] for c in self.cues}

    # ---------------------------------------------------------------- names

    def _is_word(self, pattern: re.Pattern, i: int, j: int) -> bool:
        m = pattern.match(self.text, i)
        return bool(m) and m.end() == j

    def _plain(self, word: str) -> str:
        """The word without an attached "and" that leaves one of the ``not_names`` (وفي → في; not כהן → הן)."""
        for c in self.w.conj_units:
            if word.startswith(c) and word[len(c):] in self.w.not_names:
                return word[len(c):]
        return word

    def _name_word(self, i: int) -> re.Match | None:
        """A word that may be part of a person's name the lexicon does not know."""
        m = self.w.name_word.match(self.text, i)
        if not m:
            return None
        word = m.group().rstrip("-")
        j = i + len(word)
        if word in self.w.not_names or self._plain(word) in self.w.not_names or i in self.stops:
            return None
        if any(word.startswith(x) and len(word) > len(x) + 1 for x in self.w.not_name_prefixes):
            return None
        for p in (self.w.titles, self.w.reports, self.w.report_back, self.w.complementizers, self.w.anaphors):
            if self._is_word(p, i, j):
                return None
        if any(ma < j and i < mb for ma, mb, _ in self.spans):
            return None
        return m

    def _boundary(self, j: int, limit: int) -> bool:
        """Whether a name may end at ``j``: a clause mark, the sentence's end, "that" or a verb of saying."""
        while j < limit and self.text[j] == " ":
            j += 1
        if j >= limit or self.text[j] in ",\u060c.:;!?)\"'\u00bb\u201d":
            return True
        return j in self.stops or bool(self.w.complementizers.match(self.text, j))

    def _name_at(self, i: int, limit: int) -> _Item | None:
        """A person's name the lexicon does not know, of two or three words, starting at ``i``."""
        j, count = i, 0
        while count < 3:
            m = self._name_word(j)
            if not m or (count == 0 and any(m.group().startswith(a) and len(m.group()) > len(a) + 1 for a in self.w.article)):
                return None
            count += 1
            j = m.end()
            if count >= 2 and self._boundary(j, limit):
                return self._name_item(i, j)
            if j >= limit or self.text[j] != " ":
                return None
            j += 1
        return None

    def _name_item(self, a: int, b: int) -> _Item:
        start, end = self.norm.to_original(a, b)
        return _Item(a, b, self.norm.original[start:end], "person")

    def _name_before(self, pos: int) -> _Item | None:
        """A name the lexicon does not know right before a verb of saying ("…, דנה רוזן, אמרה"), after a
        comma, a title or at the sentence's start."""
        i = pos
        while i > self.ns and self.text[i - 1] in " ,\u060c":
            i -= 1
        starts = []
        j = i
        for _ in range(3):
            k = j
            while k > self.ns and (self.text[k - 1].isalpha() or self.text[k - 1] in "'-\""):
                k -= 1
            if k == j:
                break
            starts.append(k)
            if k <= self.ns or self.text[k - 1] != " ":
                break
            j = k - 1
        for a in starts[1:]:
            item = self._name_at(a, i + 1)
            if item is None or item.b != i:
                continue
            before = self.text[self.ns:a].rstrip()
            if not before or before[-1] in ",\u060c" or self._title_ends(a):
                return item
        return None

    def _title_ends(self, a: int) -> bool:
        """Whether a title ends right before ``a`` (over spaces)."""
        j = a
        while j > self.ns and self.text[j - 1] == " ":
            j -= 1
        k = j
        while k > self.ns and not self.text[k - 1].isspace():
            k -= 1
        return self._is_word(self.w.titles, k, j)

    # ---------------------------------------------------------------- phrases

    def _anaphor(self, a: int, b: int, form: str) -> _Item | None:
        """"The company" is the company named first in the sentence before it; "the latter" the one named last."""
        orgs = [m for _, mb, m in self.spans if mb <= a and m.type == "org"]
        if not orgs:
            return None
        m = orgs[-1] if form in self.w.latter else orgs[0]
        return _Item(a, b, m.entity, "org")

    def walk(self, i: int, limit: int, free_start: bool = False) -> _Phrase:
        """The names reached from ``i`` over titles, descriptors (up to four words after a title or a report
        word; with ``free_start``, two before one too: "לפי תחזית של גרטנר"), quotation marks and apposition
        (one or two commas), to "that", a number or another cue."""
        text, w = self.text, self.w
        items: list[_Item] = []
        ph = _Phrase(items, i)
        free, commas, name_ok, last = 0, 0, True, i
        while i < limit:
            ch = text[i]
            if ch.isspace() or ch in "\"'\u00ab\u00bb\u201c\u201d-":
                i += 1
                continue
            if i in self.stops:
                ph.verb = self.cue_at[i]
                break
            hit = self.mention_at(i)
            if hit:
                ma, mb, m = hit
                if m.type not in SOURCE_TYPES:
                    if not (ph.head and free < 3):
                        break
                    free += 1
                    i = mb
                    continue
                gap = text[items[-1].b:ma] if items else ""
                item = _Item(ma, mb, m.entity, m.type, m)
                if items:
                    item.owner = gap.strip(" \"\u00ab\u00bb") in w.owners
                    item.joined = bool(w.conj_gap.fullmatch(gap)) and gap.strip() != ""
                items.append(item)
                i = last = mb
                if text.startswith("'s", i):
                    item.possessor = True
                    i += 2
                free, name_ok = 0, ph.title and m.type == "org"  # "נשיא החברה בראד סמית'"
                continue
            if ch in ",\u060c":
                j = i + 1
                while j < limit and text[j] == " ":
                    j += 1
                if commas < 2 and j < limit and (self.mention_at(j) or self._is_title(j) or self._name_at(j, limit)):
                    commas += 1
                    i, name_ok = j, True
                    continue
                break
            if not ch.isalpha() or any(a <= i < b for a, b in self.numbers):
                break
            m = _WORD.match(text, i)
            if m is None or w.complementizers.match(text, i) and w.complementizers.match(text, i).end() == m.end():
                break
            back = w.report_back.match(text, i)
            if back:
                ph.head = ph.back = True
                i = back.end()
                continue
            pro = w.pronouns.match(text, i)
            if pro:
                ph.pronoun = ph.head = True
                i = pro.end()
                continue
            an = w.anaphors.match(text, i)
            if an:
                item = self._anaphor(i, an.end(), an.group("word"))
                if item:
                    items.append(item)
                    last = an.end()
                ph.head, name_ok = True, ph.title
                i = an.end()
                continue
            t = w.titles.match(text, i)
            if t:  # a title; "of" (של, ل) only joins
                link = t.group("word") in w.owners or len(t.group("word")) == 1
                ph.head, free, name_ok = ph.head or not link, 0, True
                ph.title = ph.title or not link
                i = t.end()
                continue
            t = w.reports.match(text, i)
            if t:
                ph.head, free, name_ok = True, 0, False
                i = t.end()
                continue
            if name_ok:
                item = self._name_at(i, limit)
                if item:
                    items.append(item)
                    i = last = item.b
                    name_ok = False
                    continue
            if ph.head and free < 4 or free_start and not ph.head and not items and free < 2:
                free, name_ok = free + 1, False
                i = m.end()
                continue
            break
        ph.end = last if items else i
        return ph

    def mention_at(self, i: int):
        """The mention starting at ``i``, or after an attached prefix there ("הוול סטריט ג'ורנל", "לرويترز")."""
        hit = self.by_start.get(i)
        if hit is not None:
            return hit
        for k in (1, 2, 3, 4):
            hit = self.by_start.get(i + k)
            if hit is not None:
                return hit if self.w.prefix.fullmatch(self.text, i, i + k) else None
        return None

    def _is_title(self, j: int) -> bool:
        return bool(self.w.titles.match(self.text, j))

    @staticmethod
    def choose(items: list[_Item]) -> tuple[str, list[_Item]]:
        """The speaker of a phrase: a person before a company; co-speakers joined by "and" together; never
        a possessor ("Musk's xAI") or an owner ("xAI של מאסק")."""
        heads = [it for it in items if not it.owner and not it.possessor]
        if not heads:
            return "", []
        people = [it for it in heads if it.type == "person"]
        first = people[0] if people else heads[0]
        group = [first]
        for it in items[items.index(first) + 1:]:
            if not it.joined or it.owner:
                break
            group.append(it)
        return "; ".join(dict.fromkeys(it.entity for it in group)), group

    # ---------------------------------------------------------------- before a verb

    def speaker_before(self, pos: int) -> tuple[str, list[_Item]]:
        """The speaker before a verb of saying: the names right before it (over titles), else a name the
        lexicon does not know right before it, else the nearest name before it in the sentence."""
        before = [(ma, mb, m) for ma, mb, m in self.spans if mb <= pos and m.type in SOURCE_TYPES
                  and not self.hard(ma, pos)]
        chain, reach = [], pos
        for ma, mb, m in reversed(before):
            g = self.w.title_gap.fullmatch(self.text, mb, reach)
            if g is None:
                break
            chain.insert(0, _Item(ma, mb, m.entity, m.type, m))
            reach = ma
        if chain:
            return self.choose(chain)
        named = self._name_before(pos)
        if named:
            return named.entity, [named]
        if before:
            ma, mb, m = before[-1]
            return m.entity, [_Item(ma, mb, m.entity, m.type, m)]
        return "", []

    def hard(self, a: int, b: int) -> bool:
        return any(a <= h < b for h in self.hard_marks)

    def clause_after(self, j: int) -> bool:
        """Whether "that" follows a source's phrase (before the next clause mark or number)."""
        text = self.text
        while j < self.ne and text[j] in " ,\u060c":
            j += 1
        limit = min(self.ne, j + 80)
        while j < limit:
            if self.w.complementizers.match(text, j):
                return True
            m = _WORD.match(text, j)
            if m is None:
                if text[j] in ",\u060c:;()" or text[j].isdigit():
                    return False
                j += 1
                continue
            j = m.end()
        return False

    def trailing(self, cue: tuple, end: int) -> bool:
        """A cue set off after the figures it covers: a clause mark (and a lead word) right before it, no
        "and" attached to it, a number before it in the sentence, and no "that" after its phrase (which
        ends at ``end``: "…، نشرت صحيفة وول ستريت جورنال خبرًا مفاده أن" opens a statement)."""
        start, prefix = cue[0], cue[3]
        if prefix and any(prefix.startswith(u) for u in self.w.conj_units):
            return False
        if not any(b <= start for _, b in self.numbers):
            return False
        m = self.w.said_after.search(self.text, self.ns, start)
        if m is None:
            return False
        # it says no "that", and takes no object unless a lead word marks it ("…, כך דיווח X על בסיס …")
        lead = m.group("lead") or cue[4].split()[0] in self.w.leads
        return not self.clause_after(end) and (bool(lead) or not self._object_after(end))

    # ---------------------------------------------------------------- the rules

    def read(self) -> tuple[list[Source], set[tuple[int, int]]]:
        out: list[Source] = []
        used: set[tuple[int, int]] = set()
        consumed: set[int] = set()
        covered: list[tuple[int, int]] = []
        for cue in self.cues:
            if cue[0] in consumed:
                continue
            src, items = self._source(cue, consumed)
            if src is None:
                continue
            out.append(src)
            covered.append((cue[0], max(src.end, cue[1])))
            for it in items:
                if it.mention is not None and (src.how in ("according", "report") or it.type in ("person", "outlet")):
                    used.add((it.mention.start, it.mention.end))
        for src, items in self._reports(covered):
            out.append(src)
            used.update((it.mention.start, it.mention.end) for it in items if it.mention is not None)
        out.sort(key=lambda s: s.pos)
        self._continue(out)
        return out, used

    def _source(self, cue: tuple, consumed: set[int]) -> tuple[Source | None, list[_Item]]:
        end, kind = cue[1], cue[2]
        limit = min(self.ne, end + 120)
        if kind == "before_source":
            return self._according(cue, limit, consumed)
        return self._speech(cue, limit)

    def _according(self, cue: tuple, limit: int, consumed: set[int]) -> tuple[Source | None, list[_Item]]:
        """Rule ``according_to``: the source named in the phrase after "according to"; a cue whose phrase
        ends at a verb of saying takes that verb's speaker ("وفقًا لما نقلته صحيفة The Information")."""
        start, end = cue[:2]
        ph = self.walk(end, limit, free_start=True)
        trailing = self.trailing(cue, ph.end)
        if ph.verb is not None and not ph.items:  # "وفقًا لما نقلته …", "بحسب مصادر تحدثت إلى بلومبرغ"
            consumed.add(ph.verb[0])
            src, items = self._source(ph.verb, consumed)
            if src is None:
                return None, []
            src.pos, src.trailing, src.how = start, trailing, "according" if src.how == "speaker" else src.how
            return src, items
        entity, items = self.choose(ph.items)
        clause = self.clause_after(ph.end)
        if entity:
            return Source(start, ph.end, entity, "according", trailing, clause), items
        if ph.back:
            return Source(start, ph.end, "", "report_continued", trailing, clause, pending="report"), []
        if ph.head:
            return Source(start, ph.end, "", "unnamed", trailing, clause), []
        return None, []

    def _speech(self, cue: tuple, limit: int) -> tuple[Source | None, list[_Item]]:
        """Rules ``speaker`` and ``denial``: the speaker after a verb of saying, else before it; a verb whose
        speaker is not named (a title alone, a pronoun, nothing) is ``speaker_continued``."""
        start, end, kind = cue[:3]
        how = "denial" if kind == "denial" else "speaker"
        if kind == "speech_participles":  # "…، مؤكدة أن": what it says follows it
            if cue[4] in self.w.adding and not self._said(end, 2):
                return None, []  # "مضيفًا نحو 244 مليار دولار": adding money
            return Source(start, end, "", "speaker_continued", False, self.clause_after(end), "speaker", True), []
        ph = self.walk(end, limit)
        trailing = self.trailing(cue, ph.end if ph.items else end)
        entity, items = self.choose(ph.items)
        if cue[4] in self.w.adding and not self._said(ph.end if entity or ph.title else end):
            return None, []  # "הוסיפה עוד מיליארד דולר": added money, said nothing
        if entity:
            return Source(start, ph.end, entity, how, trailing, self.clause_after(ph.end)), items
        if ph.back:
            return Source(start, ph.end, "", "report_continued", trailing, self.clause_after(ph.end), "report"), []
        clause = self.clause_after(max(ph.end, end))
        if ph.pronoun:
            return Source(start, ph.end, "", "speaker_continued", trailing, clause, "speaker"), []
        if ph.title:  # "قال مصدر مطلع", "أعلنت شركة ناشئة كويتية"
            return Source(start, ph.end, "", "unnamed", trailing, clause), []
        if kind == "speech_after_only":
            return None, []
        entity, items = self.speaker_before(start)
        if entity:
            return Source(start, end, entity, how, trailing, clause), items
        return Source(start, end, "", "speaker_continued", trailing, clause, "speaker"), []

    def _object_after(self, j: int, words: int = 3) -> bool:
        """Whether an object marker stands within ``words`` words after ``j`` (before a clause mark)."""
        for _ in range(words):
            while j < self.ne and self.text[j] == " ":
                j += 1
            if j >= self.ne or self.w.objects.match(self.text, j):
                return j < self.ne
            m = _WORD.match(self.text, j)
            if m is None:
                return False
            j = m.end()
        return False

    def _said(self, j: int, words: int = 0) -> bool:
        """Whether what follows a verb is what was said: "that" (maybe after ``words`` other words: "مشيرا إلى
        أن"), a colon, a quotation mark or the clause's end."""
        for _ in range(words + 1):
            while j < self.ne and self.text[j] == " ":
                j += 1
            if j >= self.ne or self.text[j] in ":,\u060c.;\"'\u00ab\u201c" or self.w.complementizers.match(self.text, j):
                return True
            m = _WORD.match(self.text, j)
            if m is None:
                return False
            j = m.end()
        return False

    def _reports(self, covered: list[tuple[int, int]]):
        """Rules ``report`` and ``report_continued``: a report, study or data named with its publisher right
        after it ("הדיווח בכלכליסט", "تقريرًا لشبكة CNBC"); "the report" opening a clause, with no
        publisher, is the one named before."""
        text, w = self.text, self.w
        for m in self._matches(w.reports, w.report_forms):
            a, b = m.start("word"), m.end("word")
            if any(x <= a < y for x, y in covered):
                continue
            g = w.report_gap.match(text, b)
            hit = self.by_start.get(g.end()) if g else None
            if hit and hit[2].type in SOURCE_TYPES and not self.hard(a, hit[0]):
                ma, mb, mention = hit
                yield Source(a, mb, mention.entity, "report", False, self.clause_after(mb)), [
                    _Item(ma, mb, mention.entity, mention.type, mention)]
        for m in self._matches(w.report_back, w.report_back_forms):
            a = m.start("word")
            if any(x <= a < y for x, y in covered):
                continue
            head = text[self.ns:m.start()].rstrip(" \"\u00ab")
            if head and head[-1] not in ",\u060c:;.":
                continue
            yield Source(a, m.end(), "", "report_continued", False, True, "report"), []

    def _matches(self, pattern: re.Pattern, any_form: re.Pattern):
        """The matches of ``pattern`` in the sentence; none without any of its forms (``any_form``, a quick test)."""
        return pattern.finditer(self.text, self.ns, self.ne) if any_form.search(self.text, self.ns, self.ne) else ()

    def _continue(self, sources: list[Source]) -> None:
        """Rule ``speaker_continued`` within the sentence: a verb of saying with no speaker of its own takes
        the last source named before it (a denial's subject too: "نفت X …، مؤكدة أن"); a participle with
        none takes the first person, else company, the sentence names before it."""
        for k, s in enumerate(sources):
            if not s.pending:
                continue
            named = [p for p in sources[:k] if p.entity and (s.pending == "speaker" or p.how in ("according", "report"))]
            if named:
                s.entity, s.pending = named[-1].entity, ""
                continue
            if s.participle:
                before = [m for ma, mb, m in self.spans if mb <= s.pos and m.type in SOURCE_TYPES]
                people = [m for m in before if m.type == "person"]
                if before:
                    s.entity, s.pending = (people or before)[0].entity, ""
