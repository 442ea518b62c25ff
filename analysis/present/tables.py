"""Tables as plain HTML that read right: every cell ``dir="auto"``, every text escaped.

A Hebrew or Arabic cell then reads right to left, with its numbers and parentheses where a reader
expects them ("תגובות לכתבה(1)"), while English cells stay left to right. No JavaScript; styles are
inline so they survive JupyterLab's sanitizer and an exported report.

>>> import pandas as pd
>>> t = html_table(pd.DataFrame({"text": ["<script>x</script>"], "n": [2.0]}))
>>> "<script>" in t.data, "&lt;script&gt;" in t.data, '<td dir="auto"' in t.data
(False, True, True)
"""

from __future__ import annotations

import html
import math

import pandas as pd

from .narrative import MODALITY_WORDS, nothing_reported, value_reading

__all__ = ["HTML", "html_table", "cell_text", "CELL_STYLE", "CLAIM_COLUMNS", "claims_table", "table_or_nothing",
           "nothing_html", "left_out_table"]

#: Inline style of every cell: its own direction decides the alignment.
CELL_STYLE = "unicode-bidi:plaintext;text-align:start;padding:2px 6px;border-bottom:1px solid #ddd;vertical-align:top"
_TABLE_STYLE = "border-collapse:collapse;font-size:90%;margin:0.5em 0"


class HTML:
    """A block of static HTML that JupyterLab and nbconvert display (``_repr_html_``)."""

    def __init__(self, data: str):
        self.data = data

    def _repr_html_(self) -> str:
        return self.data

    def __str__(self) -> str:
        return self.data

    def __repr__(self) -> str:  # deterministic: stored as text/plain in notebook outputs
        return f"<HTML: {len(self.data)} characters>"

    def __eq__(self, other) -> bool:
        return isinstance(other, HTML) and other.data == self.data

    __hash__ = None


def cell_text(value) -> str:
    """A cell's value as text: empty for missing, ``true``/``false``, whole floats without ``.0``.

    >>> [cell_text(v) for v in (None, float("nan"), True, 5e9, 2.5, "x")]
    ['', '', 'true', '5000000000', '2.5', 'x']
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _cell(tag: str, value) -> str:
    return f'<{tag} dir="auto" style="{CELL_STYLE}">{html.escape(cell_text(value))}</{tag}>'


def html_table(df: pd.DataFrame, columns=None, caption: str | None = None, max_rows: int | None = None) -> HTML:
    """``df`` as an HTML table: ``columns`` a list of names, or a dict name → header; every header and
    cell escaped and ``dir="auto"``; at most ``max_rows`` rows (a last row says how many were left)."""
    if columns is None:
        columns = {c: c for c in df.columns}
    elif not isinstance(columns, dict):
        columns = {c: c for c in columns}
    shown = df if max_rows is None else df.head(max_rows)
    head = "".join(_cell("th", h) for h in columns.values())
    body = ["<tr>" + "".join(_cell("td", v) for v in row) + "</tr>"
            for row in shown[list(columns)].itertuples(index=False, name=None)]
    if len(shown) < len(df):
        body.append(f'<tr><td colspan="{len(columns)}" style="{CELL_STYLE}">… {len(df) - len(shown)} more rows'
                    "</td></tr>")
    cap = f'<caption dir="auto" style="text-align:start">{html.escape(caption)}</caption>' if caption else ""
    return HTML(f'<table style="{_TABLE_STYLE}">{cap}<thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table>")


#: The columns of :func:`claims_table`, with their headers: where, who, what, the value as read and as
#: printed, when, how it is presented, and who says so.
CLAIM_COLUMNS = {"source": "source", "published": "published", "subject": "subject", "metric": "metric",
                 "counterpart": "counterpart", "reading": "value", "text": "as printed", "period": "period",
                 "presented": "presented as", "attribution": "according to", "claim_id": "claim"}


def nothing_html(topic: str) -> HTML:
    """:func:`~analysis.present.narrative.nothing_reported` as one HTML line (for a table's place)."""
    return HTML(f"<p><em>{nothing_reported(topic).strip('*')}</em></p>")


def table_or_nothing(df: pd.DataFrame, topic: str, columns=None, caption: str | None = None,
                     max_rows: int | None = None) -> HTML:
    """:func:`html_table` of ``df``, or one line saying nothing about ``topic`` was reported when it is empty.

    >>> table_or_nothing(pd.DataFrame({"a": []}), "stakes").data
    '<p><em>Nothing about stakes was reported in this corpus.</em></p>'
    """
    if df is None or len(df) == 0:
        return nothing_html(topic)
    return html_table(df, columns, caption=caption, max_rows=max_rows)


def claims_table(claims: pd.DataFrame, topic: str = "this", columns=None, caption: str | None = None,
                 max_rows: int | None = None) -> HTML:
    """Claim rows as a table that reads right: the source (outlet, else document id) and date, subject,
    metric, counterpart, the value as read (hedge and unit included) and as printed, the period, how the
    text presents it (reported, projected…), the attribution and the claim id; one line saying nothing
    was reported when there is no row. ``columns`` picks and renames among :data:`CLAIM_COLUMNS` (and any
    column of ``claims``)."""
    if claims is None or len(claims) == 0:
        return nothing_html(topic)
    rows = claims.copy()
    for col in ("outlet", "doc_id", "published", "counterpart", "attribution", "modality", "period"):
        if col not in rows:
            rows[col] = ""
    rows["source"] = [o or d for o, d in zip(rows["outlet"].fillna(""), rows["doc_id"].fillna(""))]
    rows["reading"] = [value_reading(r) for r in rows.to_dict("records")]
    rows["presented"] = [MODALITY_WORDS.get(m, m) for m in rows["modality"].fillna("")]
    if columns is None:
        columns = CLAIM_COLUMNS
    elif not isinstance(columns, dict):
        columns = {c: CLAIM_COLUMNS.get(c, c) for c in columns}
    return html_table(rows, columns, caption=caption, max_rows=max_rows)


def left_out_table(data: pd.DataFrame, claims: pd.DataFrame, caption: str = "Not drawn on the chart") -> HTML:
    """The claims a chart was given and could not draw (``data.attrs["left_out"]`` of a chart function),
    with the reason and the text as printed; an empty HTML block when every claim was drawn."""
    gone = pd.DataFrame(data.attrs.get("left_out", []), columns=["claim_id", "reason"])
    if gone.empty:
        return HTML("")
    keep = [c for c in ("claim_id", "doc_id", "outlet", "subject", "metric", "text") if c in claims]
    rows = gone.merge(claims[keep].drop_duplicates("claim_id"), on="claim_id", how="left")
    if "outlet" in rows and "doc_id" in rows:
        rows["source"] = [o or d for o, d in zip(rows["outlet"].fillna(""), rows["doc_id"].fillna(""))]
    cols = {"source": "source", "subject": "subject", "metric": "metric", "text": "as printed",
            "reason": "not drawn because", "claim_id": "claim"}
    return html_table(rows, {k: v for k, v in cols.items() if k in rows}, caption=caption)
