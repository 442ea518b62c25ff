"""Mentions and quantities → claims: every reported number, traceable to its span.

A claim is one quantity read by :func:`analysis.quantities.find_quantities`,
placed in its sentence and given:

* ``subject``: the entity the number is about: an owner right after it
  (``500 עובדי OpenAI``), else the nearest entity mention in its clause, else
  in its sentence, else the article's most mentioned entity; outlets, sources
  named after "according to" and quoted people are never subjects;
* ``metric``: from cue words (``data/<lang>/cues.yaml`` ``metrics``) near the
  number and from its counted noun (users, employees…), as the metric codebook
  (``data/metrics.csv``) allows for the claim's kind and subject;
* ``period``: the nearest explicit year or date in the sentence, or a relative
  phrase (השנה, العام المقبل) resolved against the article's publication date;
  the phrase itself is kept in ``period_phrase``;
* ``attribution``: the source the sentence names (לפי, وفقًا لـ, قال …);
* ``role``/``change_id``: "from X to Y" with a change verb gives two claims.

Numbers that are part of a product or index name (``Gemini 2.0``, ``S&P 500``)
are not claims.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from ..text.langdata import DATA_DIR, currency_countries, detect_language, language, languages, read_csv
from ..corpus.tables import frame
from ..corpus.mentions import Mention, entity_types, find_mentions
from ..text.normalize import Normalized, normalize, normalize_word
from .counting import mark_counting
from .quantities import KINDS, Quantity, find_quantities
from ..corpus.sentences import SentenceIndex, split_sentences

__all__ = ["CLAIM_COLUMNS", "METRICS", "extract_claims", "corpus_claims"]

#: Columns of ``extract_claims`` (first, in this order), then the helpers.
CLAIM_SCHEMA = {
    "start": "int64", "end": "int64", "text": "str", "value": "object", "value_max": "float64", "unit": "str",
    "kind": "str", "approx": "bool", "subject": "str", "metric": "str", "period": "str", "attribution": "str",
    "period_phrase": "str", "role": "str", "change_id": "str", "hedge": "str", "gloss": "str",
    "unit_inferred": "bool", "claim_id": "str", "in_analysis": "bool", "repeat_of": "str", "sentence": "str",
}
CLAIM_COLUMNS = list(CLAIM_SCHEMA)
#: Where a claim sits in the corpus (``Corpus.claims`` puts these first).
_PLACE_COLUMNS = {"doc_id": "str", "file": "str", "article": "int64", "section": "str", "sent_no": "int64"}
_SUBJECT_TYPES = {"org": 0, "person": 0, "product": 0, "index": 0, "place": 1}
_SOURCE_TYPES = {"outlet", "org", "person"}
_DEFAULT_CLAUSE = re.compile(r"[,;:()\[\]\"]|\s-\s")
_DEFAULT_HARD = re.compile(r";")
_DIGIT = re.compile(r"\d").search
_NEAR = 12  # characters: a metric cue this close to the number beats its counted noun


@dataclass(frozen=True)
class _Metric:
    """One row of the metric codebook (``data/metrics.csv``)."""

    kinds: frozenset[str]  # claim kinds the metric allows
    subject_types: frozenset[str]  # entity types it may describe (empty: any)
    window: int | None  # its cue must sit this close to the number (age: "בן 55")


@functools.cache
def _codebook() -> dict[str, _Metric]:
    return {
        r["metric"]: _Metric(frozenset(r["typical_kinds"].split("|")),
                             frozenset(filter(None, r["subject_types"].split("|"))),
                             int(r["cue_window"]) if r["cue_window"] else None)
        for r in read_csv(DATA_DIR / "metrics.csv")
    }


@functools.cache
def _unit_metrics() -> dict[str, str]:
    """Counted noun → the metric it names (users → users, executives → departures)."""
    return {unit: r["metric"] for r in read_csv(DATA_DIR / "metrics.csv")
            for unit in filter(None, r["counted_units"].split("|"))}


METRICS = tuple(_codebook())


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    key: object


class _Cues:
    """Cue words of one language, compiled once into two regexes (one per kind of prefix)."""

    #: cue categories matched with every attached prefix, and those that are verbs (conjunctions only)
    WORDS = ("metrics", "before_source", "periods", "clause_breaks", "months")
    VERBS = ("speech", "change_verbs", "range_cues")

    def __init__(self, lang: str):
        lang_data = language(lang)
        cues = lang_data.load("cues")
        self.lang = lang_data
        self.metric_order = list(cues.get("metrics", {}))
        for metric in self.metric_order:
            if metric not in _codebook():
                raise ValueError(f"data/{lang}/cues.yaml: metric {metric!r} is not in data/metrics.csv")
        att, ch = cues.get("attribution", {}), cues.get("changes", {})
        self.periods = {normalize_word(p["phrase"]): (p["unit"], int(p["offset"])) for p in cues.get("periods", [])}
        months = lang_data.load("numbers").get("months", {})
        categories: dict[str, list[tuple[str, object]]] = {
            "metrics": [(w, m) for m, words in cues.get("metrics", {}).items() for w in words],
            "before_source": [(w, "source") for w in att.get("before_source", [])],
            "periods": [(p["phrase"], normalize_word(p["phrase"])) for p in cues.get("periods", [])],
            "clause_breaks": [(w, "break") for w in cues.get("clause_breaks", [])],
            "months": [(w, str(n)) for n, words in months.items() for w in words],
            "speech": [(w, "speech") for w in att.get("speech", [])],
            "change_verbs": [(w, "verb") for w in ch.get("verbs", [])],
            "range_cues": [(w, "range") for w in ch.get("range_cues", [])],
        }
        spec = lang_data.load("language")
        self.clause_marks = _alternation(spec.get("clause_marks")) or _DEFAULT_CLAUSE
        self.hard_marks = _alternation(spec.get("hard_clause_marks")) or _DEFAULT_HARD
        self.words = self._compile({c: categories[c] for c in self.WORDS}, True)
        titles = lang_data.words_regex(cues.get("speaker_titles", []))
        # the gap between a verb of saying and the speaker after it: titles, spaces and punctuation only
        self.title_gap = re.compile(rf"(?:\s|[^\w\s]|{titles.pattern})*")
        self.verbs = self._compile({c: categories[c] for c in self.VERBS}, "verb")
        froms = "|".join(map(re.escape, (normalize_word(w) for w in ch.get("from", []))))
        tos = "|".join(map(re.escape, (normalize_word(w) for w in ch.get("to", []))))
        self.from_re = re.compile(rf"(?:^|[\s(])(?:{froms})[\s-]?$") if froms else re.compile(r"(?!x)x")
        self.to_re = re.compile(rf"^\s*(?:{tos})[\s-]?$") if tos else re.compile(r"(?!x)x")
        change_tos = "|".join(map(re.escape, (normalize_word(w) for w in ch.get("change_to", []))))
        self.change_to_re = re.compile(rf"^\s*(?:{change_tos})[\s-]?$") if change_tos else re.compile(r"(?!x)x")

    def _compile(self, categories: dict[str, list[tuple[str, object]]], prefix: bool | str):
        """One regex for all the words of these categories; form → [(category, key)]."""
        by_word: dict[str, list[tuple[str, object]]] = {}
        for category, pairs in categories.items():
            for word, key in pairs:
                entry = by_word.setdefault(normalize_word(word), [])
                if category == "metrics":  # a metric cue word may name several metrics
                    old = next((i for i, (c, _) in enumerate(entry) if c == "metrics"), None)
                    if old is not None:
                        entry[old] = ("metrics", entry[old][1] + (key,))
                        continue
                    key = (key,)
                entry.append((category, key))
        return self.lang.lookup(by_word, prefix)

    def scan(self, text: str, regions: Iterable[tuple[int, int]] | None = None) -> "_Scan":
        """Every cue of a (normalized) document, or of the given regions of it, by category."""
        found: dict[str, list[_Cue]] = {}
        for a, b in (regions if regions is not None else [(0, len(text))]):
            for pattern, keys in (self.words, self.verbs):
                for m in pattern.finditer(text, a, b):
                    for category, key in keys[m.group("word")]:
                        found.setdefault(category, []).append(_Cue(m.start("word"), m.end("word"), key))
        for cues in found.values():
            cues.sort(key=lambda c: c.start)
        return _Scan(self, {c: ([x.start for x in cues], cues) for c, cues in found.items()})


@dataclass
class _Scan:
    """The cues found in one document; ``find`` slices them by span."""

    lexicon: _Cues
    found: dict[str, tuple[list[int], list[_Cue]]]

    def find(self, category: str, start: int, end: int) -> list[_Cue]:
        starts, cues = self.found.get(category, ((), ()))
        return list(cues[bisect_right(starts, start - 1):bisect_right(starts, end - 1)])


def _alternation(marks: list[str] | None) -> re.Pattern | None:
    return re.compile("|".join(map(re.escape, sorted(marks, key=len, reverse=True)))) if marks else None


@functools.cache
def _cues(lang: str) -> _Cues:
    return _Cues(lang)


def _resolve(unit: str, offset: int, published: str) -> str:
    """A relative period against an ISO publication date ('' when unknown)."""
    if not published:
        return ""
    year = int(published[:4])
    month = int(published[5:7]) if len(published) >= 7 else None
    if unit == "year":
        return str(year + offset)
    if unit == "month" and month:
        m = (year * 12 + month - 1) + offset
        return f"{m // 12:04d}-{m % 12 + 1:02d}"
    if unit == "day" and offset == 0:
        return published
    return ""


def _date_in_year(value: str, published: str) -> str:
    """Give a date printed without its year (``--12-09``) the year of publication.

    A date more than a month after publication is read as last year's.

    >>> _date_in_year("--12-20", "2025-01-05"), _date_in_year("--02-14", "2025-02-20"), _date_in_year("--02-14", "")
    ('2024-12-20', '2025-02-14', '--02-14')
    """
    if not published:
        return value
    year = int(published[:4])
    pub_month = int(published[5:7]) if len(published) >= 7 else 12
    if int(value[2:4]) > pub_month + 1:
        year -= 1
    return f"{year:04d}{value[1:]}"


def _fmt(v) -> str:
    if isinstance(v, str) or v is None:
        return v or ""
    if v == int(v) and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.4g}"


def _kind_unit(q: Quantity) -> tuple[str, str | None]:
    kind, unit = q.kind, q.unit
    if kind in ("number", "range"):
        whole = isinstance(q.value, (int, float)) and float(q.value).is_integer()
        return ("count", "count") if whole else ("other", None)
    if kind not in KINDS:
        return "other", unit
    return kind, unit


@dataclass
class _Sentence:
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
    metric_cues: list[_Cue]
    period_cues: list[_Cue]
    quantities: list[Quantity]
    fallback: str


def _claims_in(
    text: str,
    norm: Normalized,
    lang: str | None,
    sentences: list[tuple[int, int]],
    published_at: Callable[[int], str],
    article_at: Callable[[int], int] = lambda _: 0,
    mentions: list[Mention] | None = None,
    country: str = "",
) -> list[dict]:
    """Claims of one document (offsets into ``text``); ``mentions`` if already found;
    ``country`` (the outlet's, ISO 3166) resolves currency names several countries share."""
    quantities = find_quantities(text, lang, norm)
    if not quantities:
        return []
    mentions = find_mentions(text, lang, norm) if mentions is None else mentions
    quantities = _outside_names(quantities, mentions)
    starts = [s for s, _ in sentences]
    mention_starts = [m.start for m in mentions]
    main = _main_entities(mentions, article_at)
    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        by_sentence.setdefault(bisect_right(starts, q.start) - 1, []).append(q)

    def mentions_in(s: int, e: int) -> list[Mention]:
        return mentions[bisect_right(mention_starts, s - 1):bisect_right(mention_starts, e)]

    def span(k: int) -> tuple[int, int]:
        return sentences[k] if k >= 0 else (0, len(text))

    openers = _quote_openers(text, norm, sentences, set(by_sentence))
    needed = sorted(set(by_sentence) | set(openers.values()))
    cues = _cues(lang).scan(norm.text, [norm.to_normalized(*span(k)) for k in needed]) if lang else None
    rows: list[dict] = []
    change_no = 0
    for k in sorted(by_sentence):
        s, e = span(k)
        ctx = _sentence(norm, s, e, mentions_in(s, e), by_sentence[k], cues, main.get(article_at(s), ""))
        if k in openers and not ctx.sources and cues:
            os_, oe = span(openers[k])
            ons, one = norm.to_normalized(os_, oe)
            found, _ = _sources(norm, ons, one, [(*norm.to_normalized(m.start, m.end), m) for m in mentions_in(os_, oe)], cues)
            if found:
                ctx.sources = [(ctx.ns, found[-1][1], "speech")]
        roles = _changes(norm, ctx, cues)
        for q in ctx.quantities:
            for part, role in _split_change(q, roles):
                rows.append(_row(text, norm, q, part, role, f"c{change_no}" if role else "", ctx, cues,
                                 published_at(q.start), country))
                change_no += role == "after"
    return rows


def _currency(candidates: tuple[str, ...], unit: str, country: str) -> tuple[str, bool]:
    """Rule ``currency_from_country``: a currency name several countries share (درهم, ריאל) is
    the currency of the outlet's country when that is a candidate, else the most common reading.

    >>> _currency(("AED", "MAD"), "AED", "MA"), _currency(("AED", "MAD"), "AED", ""), _currency((), "USD", "MA")
    (('MAD', True), ('AED', True), ('USD', False))
    """
    if len(candidates) < 2:
        return unit, False
    countries = currency_countries()
    chosen = next((c for c in candidates if country and country.upper() in countries.get(c, ())), candidates[0])
    return chosen, True


def _outside_names(quantities: list[Quantity], mentions: list[Mention]) -> list[Quantity]:
    """Drop numbers that are part of a product or index name (Gemini 2.0, S&P 500)."""
    named = [(m.start, m.end) for m in mentions if _DIGIT(m.surface)]
    if not named:
        return quantities
    named_starts = [a for a, _ in named]
    keep = []
    for q in quantities:
        k = bisect_right(named_starts, q.end - 1) - 1  # the last name starting before q ends
        if k >= 0 and named[k][1] > q.start:
            continue
        keep.append(q)
    return keep


def _sentence(norm: Normalized, s: int, e: int, mentions: list[Mention], qs: list[Quantity], cues: _Scan | None,
              fallback: str) -> _Sentence:
    ns, ne = norm.to_normalized(s, e)
    spans = [(*norm.to_normalized(m.start, m.end), m) for m in mentions if m.end <= e]
    sources, source_spans = _sources(norm, ns, ne, spans, cues)
    clause_re = cues.lexicon.clause_marks if cues else _DEFAULT_CLAUSE
    cuts = [m.start() for m in clause_re.finditer(norm.text, ns, ne)]
    metric_cues: list[_Cue] = []
    period_cues: list[_Cue] = []
    if cues:
        cuts += [c.start for c in cues.find("clause_breaks", ns, ne)]
        metric_cues = cues.find("metrics", ns, ne)
        period_cues = cues.find("periods", ns, ne)
    hard = [m.start() for m in (cues.lexicon.hard_marks if cues else _DEFAULT_HARD).finditer(norm.text, ns, ne)]
    return _Sentence(s, e, ns, ne, spans, source_spans, sources, hard, sorted(cuts), metric_cues, period_cues, qs,
                     fallback)


def _all(ch: str, text: str) -> Iterable[int]:
    """Positions of ``ch`` in ``text`` (quote marks; gershayim inside a word, מנכ"ל, are filtered by the caller)."""
    i = text.find(ch)
    while i >= 0:
        yield i
        i = text.find(ch, i + 1)


def _quote_openers(text: str, norm: Normalized, sentences, wanted: set[int]) -> dict[int, int]:
    """For sentences inside a quotation opened by an earlier sentence: {sentence: opening sentence}.
    A line break closes any open quotation."""
    t = norm.text
    marks = [i for i in _all('"', t) if not (0 < i < len(t) - 1 and t[i - 1].isalnum() and t[i + 1].isalnum())]
    if not marks:
        return {}
    out: dict[int, int] = {}
    opener = -1
    prev_end = 0
    for k, (s, e) in enumerate(sentences):
        if "\n" in text[prev_end:s]:
            opener = -1
        prev_end = e
        if opener >= 0 and k in wanted:
            out[k] = opener
        ns, ne = norm.to_normalized(s, e)
        if (bisect_right(marks, ne - 1) - bisect_right(marks, ns - 1)) % 2:
            opener = -1 if opener >= 0 else k
    return out


def _main_entities(mentions: list[Mention], article_at: Callable[[int], int]) -> dict[int, str]:
    """The most mentioned org, person or product of each article (first seen wins ties)."""
    counts: dict[int, dict[str, int]] = {}
    for m in mentions:
        if m.type in ("org", "person", "product"):
            per = counts.setdefault(article_at(m.start), {})
            per[m.entity] = per.get(m.entity, 0) + 1
    return {a: max(per, key=lambda e: per[e]) for a, per in counts.items()}


def _split_change(q: Quantity, roles: dict[int, str]) -> list[tuple[Quantity, str]]:
    """A change written as one "from X to Y" range becomes its two ends."""
    role = roles.get(id(q), "")
    if role == "range" and q.parts:
        return [(q.parts[0], "before"), (q.parts[1], "after")]
    return [(q, role if role in ("before", "after") else "")]


def _changes(norm: Normalized, ctx: _Sentence, cues: _Scan | None) -> dict[int, str]:
    """Roles of the quantities of one sentence that form "from X to Y" changes.

    Rule ``change_from_to``: "from X to Y" is a change of two values (roles ``before`` and
    ``after``) when a verb or noun of change stands in the sentence (רفعت تقييمها من 20 إلى 35), or
    when its "to" word says so by itself (Hebrew מ-X ל-Y, where a range would say עד or בין) and
    no range cue says otherwise (נעות מ-1.5 ל-2); otherwise it is a range (تتراوح من 20 إلى 35).
    """
    if not cues:
        return {}
    verb = bool(cues.find("change_verbs", ctx.ns, ctx.ne))
    ranging = bool(cues.find("range_cues", ctx.ns, ctx.ne))
    qs = ctx.quantities
    roles: dict[int, str] = {}
    t = norm.text
    for q in qs:
        if q.parts and q.connector == "from_to" and (verb or (not ranging and _change_to(norm, q, cues.lexicon))):
            roles[id(q)] = "range"
    if not verb:
        return roles
    for a, b in zip(qs, qs[1:]):
        if id(a) in roles or id(b) in roles or a.kind != b.kind:
            continue
        a0, a1 = norm.to_normalized(a.start, a.end)
        b0, _ = norm.to_normalized(b.start, b.end)
        if cues.lexicon.from_re.search(t[max(ctx.ns, a0 - 6):a0]) and cues.lexicon.to_re.match(t[a1:b0]):
            roles[id(a)], roles[id(b)] = "before", "after"
    return roles


def _change_to(norm: Normalized, q: Quantity, lexicon: _Cues) -> bool:
    """Whether the "to" between the two ends of a range is one that means a change by itself."""
    a, b = q.parts
    _, a1 = norm.to_normalized(a.start, a.end)
    b0, _ = norm.to_normalized(b.start, b.end)
    return bool(lexicon.change_to_re.match(norm.text[a1:b0]))


def _sources(norm: Normalized, ns: int, ne: int, spans: list[tuple[int, int, Mention]], cues: _Scan | None):
    """Sources a sentence names: ([(position, entity, how)], original spans of the source mentions).

    ``source``: the first outlet, company or person right after a cue (לפי, وفقًا لـ);
    ``speech``: the person (else company or outlet) next to a verb of saying, after it
    within a few words or anywhere before it in the sentence.
    """
    if not cues or not spans:
        return [], set()
    found: list[tuple[int, str, str]] = []
    used: set[tuple[int, int]] = set()
    for cue in cues.find("before_source", ns, ne):
        after = [(ma, m) for ma, _, m in spans if 0 <= ma - cue.end <= 40 and m.type in _SOURCE_TYPES]
        if after:
            _, m = min(after, key=lambda x: x[0])
            found.append((cue.start, m.entity, "source"))
            used.add((m.start, m.end))
    hard = [m.start() for m in cues.lexicon.hard_marks.finditer(norm.text, ns, ne)]
    gap = cues.lexicon.title_gap
    for cue in cues.find("speech", ns, ne):
        speakers = [(ma, mb, m) for ma, mb, m in spans if m.type in ("person", "org", "outlet")
                    and not any(min(ma, cue.start) <= h < max(mb, cue.end) for h in hard)]
        # after the verb: reached over titles and other names only (قال الرئيس التنفيذي لشركة OpenAI سام ألتمان)
        near, reach = [], cue.end
        for ma, mb, m in sorted(x for x in speakers if x[0] >= cue.end):
            g = gap.match(norm.text, reach, ma)
            if g is None or g.end() < ma:
                break
            near.append((ma - cue.end, m))
            reach = mb
        if not near:  # the speaker before the verb (מיקרוסופט מודיעה)
            near = [(cue.start - mb, m) for ma, mb, m in speakers if mb <= cue.start]
        if near:
            people = [x for x in near if x[1].type == "person"] or near
            m = min(people, key=lambda x: x[0])[1]
            found.append((cue.start, m.entity, "speech"))
            if m.type == "person":  # a person quoted is the source; a company may announce its own figures
                used.add((m.start, m.end))
    return sorted(found), used


def _attribution(ctx: _Sentence, qa: int, qb: int) -> str:
    """The source governing a number: the last one before it, else a "according to" cue after it,
    never across a semicolon."""
    def open_between(a: int, b: int) -> bool:
        return not any(a <= h < b for h in ctx.hard_breaks)

    before = [src for src in ctx.sources if src[0] < qa and open_between(src[0], qa)]
    if before:
        return before[-1][1]
    after = [src for src in ctx.sources if src[0] >= qb and src[2] == "source" and open_between(qb, src[0])]
    return after[0][1] if after else ""


def _row(text: str, norm: Normalized, q: Quantity, part: Quantity, role: str, change_id: str, ctx: _Sentence,
         cues: _Scan | None, published: str, country: str = "") -> dict:
    kind, unit = _kind_unit(part)
    unit, inferred = _currency(part.candidates or q.candidates, unit or "", country)
    qa, qb = norm.to_normalized(part.start, part.end)
    k = bisect_right(ctx.cuts, qa)
    ca = ctx.cuts[k - 1] if k else ctx.ns
    cb = ctx.cuts[k] if k < len(ctx.cuts) else ctx.ne
    timeless = kind in ("date", "year")
    named = "" if timeless else _subject(ctx, qa, qb, ca, cb)
    subject = named or ("" if timeless else ctx.fallback)
    # a subject guessed from the article (not named in the sentence) does not restrict the metric
    metric = "" if timeless else _metric(ctx, kind, unit, qa, qb, ca, cb, cues, entity_types().get(named, ""))
    period, phrase = ("", "") if timeless else _period(norm, q, ctx, qa, ca, cb, cues, published)
    value = part.value
    if isinstance(value, float) and not math.isfinite(value):
        value = None
    if kind == "date" and isinstance(value, str) and value.startswith("--"):
        value = _date_in_year(value, published)
    approx = bool(part.approx or q.approx)
    shown = ("≈" if approx else "") + _fmt(value) + (f"–{_fmt(part.value_max)}" if part.value_max is not None else "")
    gloss = " ".join(x for x in [subject, metric.replace("_", " "), shown, unit or "",
                                 f"({period})" if period else "", f"[{role}]" if role else ""] if x)
    return {
        "start": part.start, "end": part.end, "text": text[part.start:part.end],
        "value": value, "value_max": part.value_max, "unit": unit or "", "kind": kind,
        "approx": approx, "subject": subject, "metric": metric, "period": period,
        "attribution": "" if timeless else _attribution(ctx, qa, qb), "period_phrase": phrase, "role": role, "change_id": change_id,
        "hedge": q.hedge or "", "gloss": gloss, "unit_inferred": inferred, "sentence": text[ctx.start:ctx.end],
    }


def _subject(ctx: _Sentence, qa: int, qb: int, ca: int, cb: int) -> str:
    """The entity a number is about: the owner right after it (500 עובדי OpenAI), else the
    nearest mention in its clause (before it first), else in the sentence (before it first)."""
    best = None
    for ma, mb, m in ctx.mentions:
        if (m.start, m.end) in ctx.source_spans or m.type not in _SUBJECT_TYPES:
            continue
        before = mb <= qa
        if not before and ma < qb:
            continue
        distance = qa - mb if before else ma - qb
        same_clause = ca <= ma < cb
        if not before and distance <= 1:
            rank = 0
        elif same_clause:
            rank = 1 if before else 2  # verb-first clauses name the subject after the verb
        else:
            rank = 3 if before else 4
        key = (rank, _SUBJECT_TYPES[m.type], distance)
        if best is None or key < best[0]:
            best = (key, m.entity)
    return best[1] if best else ""


def _metric(ctx: _Sentence, kind: str, unit: str | None, qa: int, qb: int, ca: int, cb: int, cues: _Scan | None,
            subject_type: str) -> str:
    """The metric of a number: a cue right next to it, else its counted noun (users, employees),
    else the nearest cue in the sentence that allows the kind and the subject's type."""
    by_unit = _unit_metrics().get(unit or "", "")
    if not cues:
        return by_unit
    codebook = _codebook()
    best = None
    for cue in ctx.metric_cues:
        distance = max(qa - cue.end if cue.end <= qa else cue.start - qb, 0)
        same_clause = ca <= cue.start < cb
        for metric in cue.key:
            entry = codebook[metric]
            if kind not in entry.kinds or (entry.window is not None and distance > entry.window):
                continue
            if subject_type and entry.subject_types and subject_type not in entry.subject_types:
                continue
            key = (not same_clause, distance, cues.lexicon.metric_order.index(metric))
            if best is None or key < best[0]:
                best = (key, metric)
    if best and not best[0][0] and best[0][1] <= _NEAR:
        return best[1]
    return by_unit or (best[1] if best else "")


def _period(norm: Normalized, q: Quantity, ctx: _Sentence, qa: int, ca: int, cb: int, cues: _Scan | None,
            published: str) -> tuple[str, str]:
    """The nearest time reference in the sentence, its own clause first: an explicit year or
    date, a month name (with the year that follows it, else the publication year), or a
    relative phrase resolved against the publication date. Returns (period, phrase as printed)."""
    options: list[tuple[tuple[bool, int], str, str]] = []

    def where(pos: int) -> tuple[bool, int]:
        return (not ca <= pos < cb, abs(pos - qa))

    years: list[tuple[int, int, str]] = []  # normalized start, end, year
    for other in ctx.quantities:
        if other is q or other.kind not in ("year", "date") or other.value is None:
            continue
        value = str(int(other.value)) if other.kind == "year" else str(other.value)
        if value.startswith("--"):
            value = _date_in_year(value, published)
        if value.startswith("-"):
            continue
        oa, ob = norm.to_normalized(other.start, other.end)
        options.append((where(oa), value, other.text))
        if other.kind == "year":
            years.append((oa, ob, value))
    if cues:
        for cue in ctx.period_cues:
            unit, offset = cues.lexicon.periods[cue.key]
            resolved = _resolve(unit, offset, published)
            options.append((where(cue.start), resolved, _original(norm, cue.start, cue.end)))
            if unit == "year" and resolved:
                years.append((cue.start, cue.end, resolved))
        for cue in cues.find("months", ctx.ns, ctx.ne):
            if any(oa <= cue.start < ob for oa, ob, _ in [(norm.index_of(o.start), norm.index_of(o.end), 0)
                                                          for o in ctx.quantities if o.kind == "date"]):
                continue  # the month is part of a printed date
            follow = [(ya, yb, y) for ya, yb, y in years if 0 <= ya - cue.end <= 12]
            month = f"{int(cue.key):02d}"
            if follow:
                _, yb, year = follow[0]
                options.append((where(cue.start), f"{year}-{month}", _original(norm, cue.start, yb)))
            elif published:
                options.append((where(cue.start), _date_in_year(f"--{month}-01", published)[:7],
                                _original(norm, cue.start, cue.end)))
    if not options:
        return "", ""
    _, period, phrase = min(options, key=lambda o: o[0])
    return period, phrase


def _original(norm: Normalized, a: int, b: int) -> str:
    start, end = norm.to_original(a, b)
    return norm.original[start:end]


def extract_claims(text: str, lang: str | None = None, published: str | None = None,
                   country: str | None = None) -> pd.DataFrame:
    """Every reported number in ``text`` as a claim (columns :data:`CLAIM_COLUMNS`).

    ``lang`` (``he``/``ar``) is detected when not given; ``published`` (ISO
    date or month) resolves relative periods such as השנה or العام المقبل; ``country``
    (ISO 3166, the outlet's) resolves currency names several countries share (درهم, ריאל).
    The text is read as one article: ``in_analysis`` and ``repeat_of`` as in :mod:`analysis.claims.counting`.

    >>> extract_claims("OpenAI צופה גרעון שיכול להגיע ל-5 מיליארד דולר השנה.", "he", "2024-07")[
    ...     ["text", "value", "unit", "kind", "approx", "subject", "metric", "period"]].to_dict("records")
    [{'text': '5 מיליארד דולר', 'value': 5000000000.0, 'unit': 'USD', 'kind': 'money', 'approx': True, 'subject': 'OpenAI', 'metric': 'loss', 'period': '2024'}]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_claims needs a str, not {type(text).__name__}")
    lang = lang or detect_language(text)
    lang = lang if lang in languages() else None
    norm = normalize(text)
    sentences = [(s.start, s.end) for s in split_sentences(text, lang=lang)]
    rows = _claims_in(text, norm, lang, sentences, lambda _: published or "", country=country or "")
    rows.sort(key=lambda r: r["start"])
    mark_counting(rows)
    return frame(rows, CLAIM_SCHEMA)


def corpus_claims(corpus) -> pd.DataFrame:
    """Claims of every document of a corpus, with doc_id, file, article, section, sent_no."""
    schema = {**_PLACE_COLUMNS, **CLAIM_SCHEMA}
    sentences = dict(tuple(corpus.sentences.groupby("doc_id", sort=False)))
    mentions = dict(tuple(corpus.mentions.groupby("doc_id", sort=False)))
    rows: list[dict] = []
    for doc_id, doc in corpus.docs.items():
        sents = sentences.get(doc_id, corpus.sentences.iloc[:0])
        rows_in = list(zip(sents["start"], sents["end"], sents["article"], sents["section"], sents["sent_no"]))
        index = SentenceIndex(rows_in)
        found = mentions.get(doc_id, corpus.mentions.iloc[:0])
        doc_mentions = [Mention(r.start, r.end, r.surface, r.entity, r.type) for r in found.itertuples()]
        doc_rows = _claims_in(doc.text, normalize(doc.text), doc.lang, [(r[0], r[1]) for r in rows_in],
                              lambda off: doc.published_for(index.article(off)), article_at=index.article,
                              mentions=doc_mentions, country=getattr(doc, "country", "") or "")
        doc_rows.sort(key=lambda r: r["start"])
        for r in doc_rows:
            article, section, sent_no = index.at(r["start"])
            r.update(doc_id=doc_id, file=doc.file, article=article, section=section, sent_no=sent_no)
        mark_counting(doc_rows, f"{doc_id}:")
        rows += doc_rows
    rows.sort(key=lambda r: r["doc_id"])  # stable: by document, then by start
    return frame(rows, schema)
