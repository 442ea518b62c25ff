"""The claim viewer: one article, right to left, every claim highlighted by metric.

``show(corpus, doc_id)`` returns static HTML (no JavaScript, inline styles only), so it works in
JupyterLab and in an exported report alike:

* each line of the text is a paragraph with ``dir="auto"`` and ``unicode-bidi: plaintext;
  text-align: start``: Hebrew and Arabic read right to left, English left to right;
* each claim span (its ``start``/``end`` offsets into ``corpus.text(doc_id)``) is wrapped in
  ``<mark class="m-METRIC">``, coloured by metric; hovering shows the claim (``title``): value, unit,
  subject, counterpart, metric, period, modality, attribution; overlapping claims share a tooltip;
* claims that do not count (comments, bylines, repeats) get a dashed outline instead of a fill;
* every piece of article text is HTML-escaped.
"""

from __future__ import annotations

import html

import pandas as pd

from .narrative import value_reading
from .palette import metric_class, metric_color, tint
from .select import counted_rows
from .tables import HTML

__all__ = ["show", "document_html", "claim_tooltip"]

_P_STYLE = "unicode-bidi:plaintext;text-align:start;margin:0.25em 0;line-height:1.7"
_FIELDS = ("unit", "subject", "counterpart", "metric", "period", "modality", "attribution")


def claim_tooltip(row) -> str:
    """The hover text of one claim (plain text, one field a line)."""
    lines = [f"value: {value_reading(row) or row.get('value', '')} (printed: {row.get('text', '')})"]
    lines += [f"{k}: {row.get(k)}" for k in _FIELDS if row.get(k, "") not in ("", None)]
    if row.get("repeat_of", ""):
        lines.append(f"repeat of {row['repeat_of']}")
    if not row.get("in_analysis", True):
        lines.append(f"not counted ({row.get('section', '')})")
    lines.append(f"claim: {row.get('claim_id', '')}")
    return "\n".join(lines)


def _attr(text: str) -> str:
    """Text as an HTML attribute value, line breaks kept."""
    return html.escape(text, quote=True).replace("\n", "&#10;")


def _mark(piece: str, rows: list[dict]) -> str:
    """A piece of text covered by one or more claims, as a ``<mark>`` (styled by the first claim)."""
    first = rows[0]
    color = metric_color(first.get("metric", ""))
    counts = any(r["_counts"] for r in rows)
    style = (f"background:{tint(color, 0.75)};border-bottom:2px solid {color}" if counts
             else "background:transparent;outline:1px dashed #777777")
    classes = " ".join(dict.fromkeys(metric_class(r.get("metric", "")) for r in rows))
    title = "\n—\n".join(claim_tooltip(r) for r in rows)
    return (f'<mark class="{classes}{"" if counts else " not-counted"}" style="{style};color:inherit;'
            f'padding:0 1px;border-radius:2px" title="{_attr(title)}">{html.escape(piece)}</mark>')


def _line_html(text: str, a: int, b: int, spans: list[dict]) -> str:
    """One line (``text[a:b]``) with every claim span inside it marked."""
    inside = [s for s in spans if s["start"] < b and s["end"] > a]
    cuts = sorted({a, b} | {min(max(p, a), b) for s in inside for p in (s["start"], s["end"])})
    out = []
    for x, y in zip(cuts, cuts[1:]):
        covering = [s for s in inside if s["start"] <= x and s["end"] >= y]
        out.append(_mark(text[x:y], covering) if covering else html.escape(text[x:y]))
    return f'<p dir="auto" style="{_P_STYLE}">{"".join(out)}</p>'


def _legend(rows: list[dict]) -> str:
    counts = pd.Series([r.get("metric", "") for r in rows], dtype=object).value_counts().sort_index()
    chips = [f'<span class="{metric_class(m)}" style="background:{tint(metric_color(m), 0.75)};padding:0 4px;'
             f'margin-right:4px;border-radius:2px">{html.escape(m or "no metric")} {n}</span>'
             for m, n in counts.items()]
    return f'<p style="font-size:85%">{"".join(chips)}</p>' if chips else ""


def _spans(text: str, claims: pd.DataFrame) -> list[dict]:
    """Claim rows whose offsets lie inside the text, with whether each counts."""
    rows = claims.assign(_counts=counted_rows(claims)).to_dict("records")
    return [r for r in rows if 0 <= int(r["start"]) < int(r["end"]) <= len(text)]


def document_html(text: str, claims: pd.DataFrame, header: str = "", lang: str = "") -> str:
    """A text and its claims (rows with ``start``/``end`` into ``text``) as static HTML."""
    spans = _spans(text, claims)
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            lines.append(_line_html(text, pos, pos + len(body), spans))
        pos += len(line)
    lang_attr = f' lang="{html.escape(lang)}"' if lang else ""
    return f'<div class="claim-viewer"{lang_attr}>{header}{_legend(spans)}{"".join(lines)}</div>'


def show(corpus, doc_id: str, claims: pd.DataFrame | None = None) -> HTML:
    """One document of a corpus with its claims highlighted (``claims`` defaults to ``corpus.claims``)."""
    claims = corpus.claims if claims is None else claims
    doc = corpus.documents.set_index("doc_id").loc[doc_id]
    mine = claims[claims["doc_id"] == doc_id]
    header = (f"<p><b>{html.escape(doc_id)}</b> · {html.escape(doc['lang'] or '?')} · "
              f'<bdi>{html.escape(doc["outlet"] or "outlet unknown")}</bdi> · published '
              f"{html.escape(doc['published'] or '?')} · {len(mine)} claims (hover a number for its reading)</p>")
    return HTML(document_html(corpus.text(doc_id), mine, header, doc["lang"] or ""))
