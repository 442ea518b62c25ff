"""Claims and findings in words: Markdown sentences built from table rows only.

Every figure in a sentence comes from the row it describes (the value as printed, and as read
with its unit); nothing is typed in. The Markdown is safe to display in JupyterLab and in an
exported report:

* text from an article is HTML-escaped, and wrapped in ``<bdi>`` so a Hebrew or Arabic name keeps
  its own direction inside an English sentence;
* no bare ``$`` (JupyterLab reads ``$…$`` as math) and no Markdown markup from the corpus: such
  characters become HTML character references (``&#36;``);
* an original sentence is quoted in a ``<blockquote dir="auto">`` so it reads right to left.

>>> nothing_reported("market share")
'*Nothing about market share was reported in this corpus.*'
>>> md_escape("<b>5$</b> *x*")
'&lt;b&gt;5&#36;&lt;/b&gt; &#42;x&#42;'
"""

from __future__ import annotations

import html
import math
import re

import pandas as pd

from ..compare.values import direction, reading

__all__ = ["MODALITY_WORDS", "nothing_reported", "md_escape", "metric_words", "value_reading", "quote_block",
           "describe_claim", "describe_claims", "describe_change", "describe_changes", "describe_finding",
           "describe_findings"]

#: A modality in words (README codebook, ``modality``); an empty modality reads as reported.
MODALITY_WORDS = {"fact": "reported", "": "reported", "plan": "planned", "projection": "projected",
                  "talks": "in talks", "target": "targeted", "denied": "denied"}
#: How a counterpart joins its claim, by metric (else "counterpart:").
_COUNTERPART = {"stake": "in", "funding_round": "from", "total_funding": "from", "commitment": "with",
                "share_sale": "to"}
_PERIOD = {"as_of": "as of", "during": "in", "by": "by"}
_CADENCE = {"daily": "a day", "weekly": "a week", "monthly": "a month", "yearly": "a year"}
#: Characters that Markdown (or JupyterLab's math) would read as markup.
_MARKUP = str.maketrans({c: f"&#{ord(c)};" for c in "$*_`[]\\|~#"})
_SPACE = re.compile(r"\s+")


def nothing_reported(topic: str) -> str:
    """One Markdown line saying that the corpus reports nothing about ``topic`` (for an empty table)."""
    return f"*Nothing about {md_escape(topic)} was reported in this corpus.*"


def md_escape(text) -> str:
    """Text from a table as inert Markdown: HTML-escaped, no markup, no ``$``, white space collapsed."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return html.escape(_SPACE.sub(" ", str(text)).strip(), quote=False).translate(_MARKUP)


def _bdi(text) -> str:
    """Corpus text inside an English sentence, escaped and isolated in its own direction."""
    t = md_escape(text)
    return f"<bdi>{t}</bdi>" if t else ""


def _get(row, key: str, default=""):
    v = row.get(key, default) if hasattr(row, "get") else getattr(row, key, default)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return default
    return v


def metric_words(metric: str) -> str:
    """A metric name in words: ``funding_round`` → ``funding round``; empty → ``figure``."""
    return (metric or "figure").replace("_", " ")


def value_reading(row) -> str:
    """The value of a claim row as read, hedge first, with its unit (``up to 5 billion USD``); a date as
    printed in ISO form; '' without a value."""
    value, unit = _get(row, "value", None), _get(row, "unit")
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)  # an ISO date
    if not math.isfinite(number):
        return ""
    top = _get(row, "value_max", None)
    top = float(top) if top not in (None, "") and math.isfinite(float(top)) else None
    way = direction(_get(row, "hedge"), _get(row, "lang"), bool(_get(row, "approx", False)))
    return reading(number, top, way, unit)


def quote_block(sentence: str) -> str:
    """An original sentence as an HTML blockquote that reads in its own direction (escaped)."""
    return (f'<blockquote dir="auto" style="unicode-bidi:plaintext;text-align:start">'
            f"{md_escape(sentence)}</blockquote>")


def _source(row) -> str:
    """``outlet, date`` of a row (the document id when the outlet is unknown)."""
    who = _bdi(_get(row, "outlet") or _get(row, "doc_id") or "unknown source")
    return f"{who}, {md_escape(_get(row, 'published')) or 'undated'}"


def describe_claim(row) -> str:
    """One English Markdown sentence for a claim row, then its original sentence quoted.

    Who (subject), what (metric), the value as read and as printed, the period, the modality in words,
    the counterpart, the source (outlet and date), the attribution and the claim id.
    """
    subject, metric = _get(row, "subject"), _get(row, "metric")
    what = f"**{_bdi(subject)}**'s {metric_words(metric)}" if subject else \
        f"a {metric_words(metric)} (subject not identified)"
    counterpart = _get(row, "counterpart")
    if counterpart:
        joined = _COUNTERPART.get(metric)
        what += f" {joined} {_bdi(counterpart)}" if joined else f" (counterpart: {_bdi(counterpart)})"
    period = _get(row, "period")
    if period:
        what += f" {_PERIOD.get(_get(row, 'period_type'), 'for')} {md_escape(period)}"
    value = md_escape(value_reading(row)) or "no value"
    cadence = _CADENCE.get(_get(row, "cadence"))
    value += f" {cadence}" if cadence else ""
    modality = MODALITY_WORDS.get(_get(row, "modality"), md_escape(_get(row, "modality")))
    said = f", according to {_bdi(_get(row, 'attribution'))}" if _get(row, "attribution") else ""
    sentence = (f"{_source(row)}: {what}, {modality}: {value} (printed “{_bdi(_get(row, 'text'))}”){said}. "
                f"<small>[{md_escape(_get(row, 'claim_id'))}]</small>")
    quote = _get(row, "sentence")
    return sentence + (f"\n\n{quote_block(quote)}" if quote else "")


def describe_claims(claims: pd.DataFrame, topic: str = "this") -> str:
    """Every claim row described, one paragraph each; :func:`nothing_reported` when there is none."""
    if claims is None or len(claims) == 0:
        return nothing_reported(topic)
    return "\n\n".join(describe_claim(r) for _, r in claims.iterrows())


def _printed(row) -> str:
    return f"“{_bdi(_get(row, 'text'))}”"


def describe_change(before, after) -> str:
    """One English Markdown sentence for a "from X to Y" change (its two claim rows), then the sentence
    it was read from, quoted once.

    Who (subject) and what (metric), both values as read and as printed, whether it rose or fell, the
    modality in words, the source (outlet and date), the attribution and both claim ids.
    """
    subject, metric = _get(after, "subject") or _get(before, "subject"), _get(after, "metric") or _get(before, "metric")
    what = f"**{_bdi(subject)}**'s {metric_words(metric)}" if subject else \
        f"a {metric_words(metric)} (subject not identified)"
    period = _get(after, "period")
    if period:
        what += f" ({md_escape(period)})"
    try:
        way = float(_get(after, "value", "nan")) - float(_get(before, "value", "nan"))
    except (TypeError, ValueError):
        way = math.nan
    moved = "rose" if way > 0 else "fell" if way < 0 else "stayed" if way == 0 else "changed"
    modality = MODALITY_WORDS.get(_get(after, "modality"), md_escape(_get(after, "modality")))
    said = f", according to {_bdi(_get(after, 'attribution'))}" if _get(after, "attribution") else ""
    ids = "; ".join(md_escape(_get(r, "claim_id")) for r in (before, after))
    sentence = (f"{_source(after)}: {what} {moved} from {md_escape(value_reading(before)) or 'no value'} to "
                f"{md_escape(value_reading(after)) or 'no value'} (printed {_printed(before)} → {_printed(after)}), "
                f"{modality}{said}. <small>[{ids}]</small>")
    quotes = list(dict.fromkeys(q for q in (_get(before, "sentence"), _get(after, "sentence")) if q))
    return "\n\n".join([sentence, *(quote_block(q) for q in quotes)])


def describe_changes(claims: pd.DataFrame, topic: str = "this") -> str:
    """Every complete "from X to Y" change among ``claims`` (two rows of one document sharing a
    ``change_id``, roles ``before`` and ``after``) described, in the claims' order;
    :func:`nothing_reported` when there is none.

    >>> rows = pd.DataFrame({"doc_id": ["d", "d"], "change_id": ["c0", "c0"], "role": ["before", "after"],
    ...     "claim_id": ["d:1-3-before", "d:5-7-after"], "subject": ["A", "A"], "metric": ["market_share"] * 2,
    ...     "value": [50.0, 34.0], "unit": ["percent"] * 2, "text": ["50%", "34%"], "outlet": ["X", "X"]})
    >>> describe_changes(rows).split(" (printed")[0]
    "<bdi>X</bdi>, undated: **<bdi>A</bdi>**'s market share fell from 50% to 34%"
    >>> describe_changes(rows.iloc[:1], "market shares")
    '*Nothing about market shares was reported in this corpus.*'
    """
    if claims is None or len(claims) == 0 or "change_id" not in claims:
        return nothing_reported(topic)
    from .select import change_pairs  # select imports nothing from here; kept local to stay one-way

    pairs, _ = change_pairs(claims)
    if pairs.empty:
        return nothing_reported(topic)
    out = []
    for _, p in pairs.iterrows():
        before = {k[len("before_"):]: v for k, v in p.items() if k.startswith("before_")}
        after = {k[len("after_"):]: v for k, v in p.items() if k.startswith("after_")}
        out.append(describe_change(before, after))
    return "\n\n".join(out)


_QUOTE = re.compile(r"^\[(?P<id>[^\]]*)\] (?P<sentence>.*?)(?: \(gloss: (?P<gloss>.*)\))?$", re.S)


def _quotes(text: str) -> list[dict]:
    """The ``quotes`` column of a comparison row: ``[claim_id] sentence (gloss: …)``, `` | ``-separated."""
    found = []
    for part in re.split(r" \| (?=\[)", text or ""):
        m = _QUOTE.match(part.strip())
        if m:
            found.append({"claim_id": m["id"], "sentence": m["sentence"], "gloss": m["gloss"] or ""})
        elif part.strip():
            found.append({"claim_id": "", "sentence": part.strip(), "gloss": ""})
    return found


def describe_finding(row, claims: pd.DataFrame | None = None) -> str:
    """A comparison row (:func:`analysis.compare_sources`) in Markdown: the verdict, what was compared,
    the note, and every quote with its claim id (and, given the claims table, its source and date)."""
    by_id = claims.set_index("claim_id") if claims is not None and len(claims) else None
    head = " · ".join(md_escape(_get(row, k)) for k in ("subject", "metric", "period") if _get(row, k))
    lines = [f"**{md_escape(_get(row, 'verdict')).capitalize()}** ({md_escape(_get(row, 'check'))}) — "
             f"{head}: {md_escape(_get(row, 'note'))}"]
    for q in _quotes(_get(row, "quotes")):
        where = ""
        if by_id is not None and q["claim_id"] in by_id.index:
            where = _source(by_id.loc[q["claim_id"]].to_dict() | {"claim_id": q["claim_id"]}) + " "
        gloss = f" (read as: {md_escape(q['gloss'])})" if q["gloss"] else ""
        lines.append(f"{where}<small>[{md_escape(q['claim_id'])}]</small>{gloss}\n\n{quote_block(q['sentence'])}")
    return "\n\n".join(lines)


def describe_findings(findings: pd.DataFrame, claims: pd.DataFrame | None = None) -> str:
    """Every finding described, separated by rules; :func:`nothing_reported` when there is none."""
    if findings is None or len(findings) == 0:
        return nothing_reported("agreement or disagreement between sources")
    return "\n\n---\n\n".join(describe_finding(r, claims) for _, r in findings.iterrows())
