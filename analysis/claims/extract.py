"""Mentions and quantities → claims: every reported number, traceable to its span.

A claim is one quantity read by :func:`analysis.claims.quantities.find_quantities`, placed in
its sentence (:mod:`analysis.claims.context`) and given its attributes, each decided by an
ordered list of named rules in its own module (see :data:`ROLES` and :mod:`analysis.claims.site`):
:mod:`~analysis.claims.subject`, :mod:`~analysis.claims.metric`, :mod:`~analysis.claims.period`,
:mod:`~analysis.claims.attribution`; "from X to Y" changes in :mod:`~analysis.claims.changes`.
The ``why`` column names the rule behind each attribute.

Numbers that are part of a product or index name (``Gemini 2.0``, ``S&P 500``) are not claims.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable

import pandas as pd

from ..corpus.mentions import Mention, find_mentions
from ..corpus.sentences import split_sentences
from ..corpus.tables import frame
from ..text.langdata import currency_countries, detect_language, languages
from ..text.normalize import Normalized, normalize
from .attribution import attribution_of
from .changes import change_roles, split_change
from .codebook import METRICS
from .context import SentenceContext, carry_sources, clause_at, earlier_sentences, main_entities, sentence_context
from .counting import mark_counting
from .cues import Scan, cue_lexicon
from .cadence import cadence_of
from .counterpart import counterpart_of
from .metric import metric_of
from .modality import modality_of
from .period import date_in_year, period_of, period_type_of
from .quantities import KINDS, Quantity, find_quantities
from .site import Decision, Site
from .parties import article_views
from .subject import settle_subject, subject_of

__all__ = ["BATCH_SCHEMA", "CLAIM_COLUMNS", "CLAIM_SCHEMA", "METRICS", "extract_claims", "extract_claims_batch"]

#: Columns of ``extract_claims`` (first, in this order), then the helpers.
CLAIM_SCHEMA = {
    "start": "int64", "end": "int64", "text": "str", "value": "object", "value_max": "float64", "unit": "str",
    "kind": "str", "approx": "bool", "subject": "str", "metric": "str", "period": "str", "attribution": "str",
    "counterpart": "str", "modality": "str", "period_type": "str", "cadence": "str", "period_phrase": "str", "role": "str", "change_id": "str", "hedge": "str", "gloss": "str",
    "unit_inferred": "bool", "claim_id": "str", "in_analysis": "bool", "repeat_of": "str", "why": "str",
    "sentence": "str",
}
CLAIM_COLUMNS = list(CLAIM_SCHEMA)
_SUBJECT_TYPES = {"org": 0, "person": 0, "product": 0, "index": 0, "place": 1}
SOURCE_TYPES = {"outlet", "org", "person"}
DEFAULT_CLAUSE = re.compile(r"[,;:()\[\]\"]|\s-\s")
DEFAULT_HARD = re.compile(r";")
_DIGIT = re.compile(r"\d").search
_NEAR = 12  # characters: a metric cue this close to the number beats its counted noun


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


def _claims_in(
    text: str,
    norm: Normalized,
    lang: str | None,
    sentences: list[tuple[int, int]],
    published_at: Callable[[int], str],
    article_at: Callable[[int], int] = lambda _: 0,
    mentions: list[Mention] | None = None,
    country: str = "",
    section_at: Callable[[int], str] = lambda _: "body",
) -> list[dict]:
    """Claims of one document (offsets into ``text``); ``mentions`` if already found;
    ``country`` (the outlet's, ISO 3166) resolves currency names several countries share;
    ``section_at`` gives an offset's section (page furniture has no subject)."""
    quantities = find_quantities(text, lang, norm, published=published_at(0) or None)
    if not quantities:
        return []
    mentions = find_mentions(text, lang, norm) if mentions is None else mentions
    quantities = _outside_names(quantities, mentions)
    starts = [s for s, _ in sentences]
    mention_starts = [m.start for m in mentions]
    main = main_entities(mentions, article_at)
    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        by_sentence.setdefault(bisect_right(starts, q.start) - 1, []).append(q)
    views = article_views(norm, mentions, sentences, article_at, by_sentence, section_at)

    def mentions_in(s: int, e: int) -> list[Mention]:
        return mentions[bisect_right(mention_starts, s - 1):bisect_right(mention_starts, e)]

    def span(k: int) -> tuple[int, int]:
        return sentences[k] if k >= 0 else (0, len(text))

    earlier = earlier_sentences(text, sentences, set(by_sentence))
    needed = sorted(by_sentence)
    cues = cue_lexicon(lang).scan(norm.text, [norm.to_normalized(*span(k)) for k in needed]) if lang else None
    rows: list[dict] = []
    change_no = 0
    for k in sorted(by_sentence):
        s, e = span(k)
        ctx = sentence_context(norm, s, e, mentions_in(s, e), by_sentence[k], cues, main.get(article_at(s), ""))
        ctx.article = views.get(k)
        if k in earlier:  # sources continued from the sentences before (a quotation, "he added", "the report")
            carry_sources(ctx, norm, [(*span(j), mentions_in(*span(j))) for j in earlier[k]], cues)
        roles = change_roles(norm, ctx, cues)
        for q in ctx.quantities:
            for part, role in split_change(q, roles):
                rows.append(_row(text, norm, q, part, role, f"c{change_no}" if role else "", ctx, cues,
                                 published_at(q.start), country, lang))
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


#: The attributes decided for every claim, in order: each sees those before it. The subject is
#: read first by what the sentence names, and settled once the metric is known (whom the metric
#: may be about, :func:`~analysis.claims.subject.settle_subject`).
ROLES = (
    ("subject", subject_of), ("metric", metric_of), ("subject", settle_subject), ("counterpart", counterpart_of),
    ("modality", modality_of),
    ("period", period_of), ("period_type", period_type_of), ("cadence", cadence_of), ("attribution", attribution_of),
)


def _row(text: str, norm: Normalized, q: Quantity, part: Quantity, role: str, change_id: str, ctx: SentenceContext,
         cues: Scan | None, published: str, country: str = "", lang: str | None = None) -> dict:
    kind, unit = _kind_unit(part)
    unit, inferred = _currency(part.candidates or q.candidates, unit or "", country)
    qa, qb = norm.to_normalized(part.start, part.end)
    ca, cb = clause_at(ctx, qa)
    site = Site(ctx, norm, q, part, kind, unit or "", qa, qb, ca, cb, cues, published, lang, role)
    decided: dict[str, Decision] = {}
    for name, decide in ROLES:
        decided[name] = decide(site, decided)
    subject, metric, period = decided["subject"].value, decided["metric"].value, decided["period"].value
    value = part.value
    if isinstance(value, float) and not math.isfinite(value):
        value = None
    if kind == "date" and isinstance(value, str) and value.startswith("--"):
        value = date_in_year(value, published)
    approx = bool(part.approx or q.approx)
    shown = ("≈" if approx else "") + _fmt(value) + (f"–{_fmt(part.value_max)}" if part.value_max is not None else "")
    gloss = " ".join(x for x in [subject, metric.replace("_", " "), shown, unit or "",
                                 f"({period})" if period else "", f"[{role}]" if role else ""] if x)
    return {
        "start": part.start, "end": part.end, "text": text[part.start:part.end],
        "value": value, "value_max": part.value_max, "unit": unit or "", "kind": kind,
        "approx": approx, "subject": subject, "metric": metric, "period": period,
        "attribution": decided["attribution"].value, "counterpart": decided["counterpart"].value,
        "modality": decided["modality"].value, "period_type": decided["period_type"].value,
        "cadence": decided["cadence"].value, "period_phrase": decided["period"].extra.get("phrase", ""),
        "role": role, "change_id": change_id, "hedge": q.hedge or "", "gloss": gloss, "unit_inferred": inferred,
        "why": "; ".join(f"{name}:{d.rule}" for name, d in decided.items() if d.rule),
        "sentence": text[ctx.start:ctx.end],
    }


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
    return frame(_text_rows(text, lang, published, country), CLAIM_SCHEMA)


def _text_rows(text: str, lang: str | None, published: str | None, country: str | None) -> list[dict]:
    """The claim rows of one text read as one article (what :func:`extract_claims` tabulates)."""
    if not isinstance(text, str):
        raise TypeError(f"extract_claims needs a str, not {type(text).__name__}")
    lang = lang or detect_language(text)
    lang = lang if lang in languages() else None
    norm = normalize(text)
    sentences = [(s.start, s.end) for s in split_sentences(text, lang=lang)]
    rows = _claims_in(text, norm, lang, sentences, lambda _: published or "", country=country or "")
    rows.sort(key=lambda r: r["start"])
    mark_counting(rows)
    return rows


#: Columns of :func:`extract_claims_batch`: the text's position in the batch, then :data:`CLAIM_COLUMNS`.
BATCH_SCHEMA = {"text_no": "int64", **CLAIM_SCHEMA}


def _each(value, n: int, name: str) -> list:
    """``value`` for each of ``n`` texts: one value for all, or a list of ``n``."""
    if value is None or isinstance(value, str):
        return [value] * n
    values = list(value)
    if len(values) != n:
        raise ValueError(f"extract_claims_batch: {len(values)} {name} for {n} texts")
    return values


def extract_claims_batch(texts, langs=None, published=None, countries=None) -> pd.DataFrame:
    """The claims of many texts in one table: ``text_no`` (the text's position in ``texts``),
    then the columns of :func:`extract_claims`.

    Each text is read on its own, exactly as ``extract_claims(texts[i], langs[i], published[i],
    countries[i])`` reads it (its rows, in the same order, ``claim_id`` per text); only the table
    is built once, which saves its fixed cost per call. ``langs``, ``published`` and ``countries``
    are one value for every text or a list with one per text (None: detected, unknown).

    >>> df = extract_claims_batch(["גייסה 5 מיליון דולר.", "لا أرقام هنا", "جمعت 3 ملايين دولار"], ["he", "ar", "ar"])
    >>> df[["text_no", "text", "value", "unit", "claim_id"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'text_no': 0, 'text': '5 מיליון דולר', 'value': 5000000.0, 'unit': 'USD', 'claim_id': '6-19'},
     {'text_no': 2, 'text': '3 ملايين دولار', 'value': 3000000.0, 'unit': 'USD', 'claim_id': '5-19'}]
    >>> df.drop(columns="text_no").iloc[1:].reset_index(drop=True).equals(extract_claims("جمعت 3 ملايين دولار", "ar"))
    True
    """
    texts = list(texts)
    n = len(texts)
    rows: list[dict] = []
    for i, (text, lang, pub, country) in enumerate(zip(texts, _each(langs, n, "langs"), _each(published, n, "published"),
                                                      _each(countries, n, "countries"))):
        for r in _text_rows(text, lang, pub, country):
            r["text_no"] = i
            rows.append(r)
    return frame(rows, BATCH_SCHEMA)
