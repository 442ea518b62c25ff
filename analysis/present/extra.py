"""Helpers of notebooks 05–07: display copies of claims, the rows behind a chart, people named in a
topic, the documents of the comparison and its summary in words.

Nothing here changes a claim or names a seed, an outlet or a company: the notebooks pass those in
(topics, metrics, verdicts), and every count or figure shown comes from the corpus tables.

>>> import pandas as pd
>>> rows = pd.DataFrame({"metric": ["users", "users", "retention"], "cadence": ["weekly", "", "daily"]})
>>> with_cadence(rows).metric.tolist()
['weekly users', 'users', 'daily retention']
>>> finding_docs(pd.DataFrame({"docs": ["b; a", "a; c"], "verdict": ["agree", "conflict"]}))
['a', 'c', 'b']
"""

from __future__ import annotations

import re

import pandas as pd

from .charts import isolate
from .narrative import md_escape, nothing_reported
from .overview import article_dates
from .tables import HTML, html_table

__all__ = ["VERDICTS", "SHOWN_DOCUMENTS", "FINDING_CHARTS", "finding_title", "with_cadence", "with_source", "chart_rows", "left_out",
           "people_named", "claims_about", "named_events", "finding_docs", "finding_claims", "figures_cell", "findings_table", "by_verdict", "undecided_summary"]

#: Verdicts of :func:`analysis.compare_sources`, most pressing first (README, "Comparing sources").
VERDICTS = ("conflict", "inconsistent", "not comparable", "series", "agree", "consistent")
#: At most this many documents are opened in the claim viewer of notebook 07 (the most involved first).
SHOWN_DOCUMENTS = 6
#: At most this many findings get a chart of their own in notebook 07 (every one gets its words and quotes).
FINDING_CHARTS = 24
#: Sections whose text is part of the analysis (not comments, bylines, "read more" teasers).
_ARTICLE_SECTIONS = ("headline", "body", "faq")
#: Columns of a chart's data table shown under the chart, with their headers.
_CHART_COLUMNS = {"claim_id": "claim", "outlet": "outlet", "published": "published", "subject": "subject",
                  "metric": "metric", "period": "period", "text": "as printed", "label": "as drawn"}


def with_cadence(claims: pd.DataFrame) -> pd.DataFrame:
    """A display copy in which the metric carries its cadence (``weekly users``, ``daily downloads``), so a
    chart's labels and title say how often a count is measured. The claims table is not changed."""
    out = claims.copy()
    if len(out) and "cadence" in out:
        cadence = out["cadence"].fillna("").astype(str)
        out["metric"] = [f"{c} {m}" if c else m for c, m in zip(cadence, out["metric"].fillna("").astype(str))]
    return out


def with_source(claims: pd.DataFrame, column: str = "source", period: bool = False) -> pd.DataFrame:
    """A display copy with a ``source`` column: ``subject — outlet`` (the document id without an outlet), a
    label for bars that several outlets report about one subject; ``period``: then `` · period`` too."""
    out = claims.copy()
    if len(out):
        who = [o or d for o, d in zip(out["outlet"].fillna(""), out["doc_id"].fillna(""))]
        when = [f" · {p}" if period and p else "" for p in out["period"].fillna("")]
        out[column] = [f"{s or '(no subject)'} — {w}{t}" for s, w, t in zip(out["subject"].fillna(""), who, when)]
    else:
        out[column] = pd.Series(dtype=str)
    return out


def chart_rows(data: pd.DataFrame, caption: str | None = None) -> HTML:
    """The table behind a chart (``data`` from a chart function): every number drawn, its claim id, source,
    the text as printed and the label as drawn; cells read in their own direction."""
    cols = {k: v for k, v in _CHART_COLUMNS.items() if k in data}
    return html_table(data, cols, caption=caption)


def left_out(data: pd.DataFrame, claims: pd.DataFrame) -> HTML | None:
    """The claims given to a chart that it could not draw, with the reason and the text as printed; None
    when every claim was drawn."""
    gone = pd.DataFrame(data.attrs.get("left_out", []), columns=["claim_id", "reason"])
    if gone.empty:
        return None
    rows = gone.merge(claims[["claim_id", "subject", "metric", "text"]], on="claim_id", how="left")
    return html_table(rows, {"claim_id": "claim", "subject": "subject", "metric": "metric", "text": "as printed",
                             "reason": "not drawn because"}, caption="Claims not drawn on the chart")


def people_named(corpus, topic: str, entity_type: str = "person") -> pd.DataFrame:
    """The people (``entity_type``) named in sentences the corpus tags with ``topic`` (``sentences.topics``),
    inside the article (headline, body, FAQ), one row per person and article, placed at the article's
    publication date.

    The rows have the columns of a claims table that :func:`analysis.present.charts.event_timeline`
    reads: ``subject`` the person, ``text`` the name as printed (``value`` the same, in Unicode
    isolates so that a Hebrew or Arabic name does not turn the date beside it around), ``period`` the article's date,
    ``claim_id`` the span of the first mention (``DOC_ID:START-END``), ``sentence`` its sentence.
    """
    cols = ["claim_id", "doc_id", "article", "start", "end", "text", "value", "kind", "subject", "metric",
            "period", "modality", "hedge", "approx", "unit", "cadence", "attribution", "counterpart", "in_analysis",
            "repeat_of", "outlet", "published", "lang", "sentence"]
    m, s = corpus.mentions, corpus.sentences
    if m.empty or s.empty:
        return pd.DataFrame(columns=cols)
    tagged = s[s["topics"].fillna("").str.split(";").apply(lambda t: topic in t)]
    named = m[(m["type"] == entity_type) & m["section"].isin(_ARTICLE_SECTIONS)].merge(
        tagged[["doc_id", "sent_no", "text"]].rename(columns={"text": "sentence"}), on=["doc_id", "sent_no"])
    if named.empty:
        return pd.DataFrame(columns=cols)
    named = named.sort_values(["doc_id", "start"]).drop_duplicates(["entity", "doc_id", "article"])
    named = named.merge(article_dates(corpus)[["doc_id", "article", "published"]], on=["doc_id", "article"],
                        how="left")
    docs = corpus.documents.set_index("doc_id")
    out = pd.DataFrame({
        "claim_id": [f"{d}:{a}-{b}" for d, a, b in zip(named["doc_id"], named["start"], named["end"])],
        "doc_id": named["doc_id"], "article": named["article"], "start": named["start"], "end": named["end"],
        "text": named["surface"], "value": [isolate(n) for n in named["surface"]], "kind": "name", "subject": named["entity"],
        "metric": "", "period": named["published"].fillna(""), "modality": "fact", "hedge": "", "approx": False,
        "unit": "", "cadence": "", "attribution": "", "counterpart": "", "in_analysis": True, "repeat_of": "",
        "outlet": [docs.at[d, "outlet"] for d in named["doc_id"]], "published": named["published"].fillna(""),
        "lang": [docs.at[d, "lang"] for d in named["doc_id"]], "sentence": named["sentence"]})
    return out.sort_values(["period", "subject", "claim_id"]).reset_index(drop=True)


def claims_about(claims: pd.DataFrame, people) -> pd.DataFrame:
    """Claims whose subject is one of ``people`` (claims that count only), in document order."""
    from .select import select

    people = sorted(set(people))
    return select(claims, subject=people).sort_values(["doc_id", "start", "claim_id"]) if people else claims.iloc[:0]


def named_events(named: pd.DataFrame, about: pd.DataFrame) -> pd.DataFrame:
    """One table for a timeline of named people: the mentions of :func:`people_named` and the claims about
    those people (:func:`claims_about`), which a chart places at their own period."""
    parts = [t for t in (named, about) if len(t)]
    if not parts:
        return named.iloc[:0]
    out = pd.concat(parts, ignore_index=True)
    for col in out.columns:  # what one part lacks reads as empty (no hedge, not approximate)
        if col in ("value", "value_max"):
            continue
        if col in ("approx", "unit_inferred"):
            out[col] = out[col].fillna(False).astype(bool)
        elif out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].fillna("")
    return out


def finding_docs(findings: pd.DataFrame) -> list[str]:
    """The documents involved in findings, those in the most pressing verdicts and the most findings
    first (then by id)."""
    if findings is None or findings.empty:
        return []
    rank = {v: i for i, v in enumerate(VERDICTS)}
    seen: dict[str, tuple] = {}
    for docs, verdict in zip(findings["docs"].fillna(""), findings["verdict"].fillna("")):
        for d in (x.strip() for x in docs.split(";")):
            if d:
                best, n = seen.get(d, (len(VERDICTS), 0))
                seen[d] = (min(best, rank.get(verdict, len(VERDICTS))), n + 1)
    return sorted(seen, key=lambda d: (seen[d][0], -seen[d][1], d))


def finding_claims(findings: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The claims behind the findings, one row per finding and claim, with a ``finding`` label for a
    chart (``conflict · OpenAI — outlet``), the most pressing verdicts first."""
    if findings is None or findings.empty or claims.empty:
        return claims.iloc[:0].assign(finding=pd.Series(dtype=str), verdict=pd.Series(dtype=str))
    rank = {v: i for i, v in enumerate(VERDICTS)}
    pairs = [(i, verdict, cid.strip()) for i, (verdict, ids) in enumerate(zip(findings["verdict"], findings["claim_ids"]))
             for cid in str(ids or "").split(";") if cid.strip()]
    link = pd.DataFrame(pairs, columns=["finding_no", "verdict", "claim_id"])
    rows = link.merge(claims, on="claim_id", how="inner")
    who = [o or d for o, d in zip(rows["outlet"].fillna(""), rows["doc_id"].fillna(""))]
    rows["finding"] = [f"{v} · {s or '(no subject)'} — {w}" for v, s, w in zip(rows["verdict"], rows["subject"], who)]
    rows["rank"] = rows["verdict"].map(rank).fillna(len(VERDICTS))
    return rows.sort_values(["rank", "finding_no", "claim_id"]).drop(columns=["rank"]).reset_index(drop=True)


def finding_title(finding) -> str:
    """A chart title for one finding: verdict, then subject, metric and period as the row gives them.

    >>> finding_title({"verdict": "conflict", "subject": "OpenAI", "metric": "loss", "period": "2025"})
    'Conflict: OpenAI · loss · 2025'
    """
    parts = [str(finding.get(k) or "") for k in ("subject", "metric", "period")]
    what = " · ".join(isolate(p.replace("_", " ")) for p in parts if p)
    return f"{str(finding.get('verdict') or 'finding').capitalize()}: {what}"


_PRINTED_READ = re.compile(r"^(?P<printed>.*?) \((?P<read>[^()]*)\)$")


def figures_cell(values: str) -> str:
    """The ``values`` of a comparison row for a table cell: each figure as printed in Unicode isolates, so a
    Hebrew or Arabic figure does not turn the English reading beside it around; one figure per line.

    >>> figures_cell("5 מיליארד דולר (up to 5 billion USD); 200 USD (200 USD)").splitlines()[1]
    '200 USD (200 USD)'
    """
    out = []
    for part in str(values or "").split("; "):
        m = _PRINTED_READ.match(part.strip())
        out.append(f"{isolate(m['printed'])} ({m['read']})" if m else isolate(part.strip()))
    return "\n".join(p for p in out if p)


def findings_table(findings: pd.DataFrame, columns: dict, caption: str | None = None) -> HTML:
    """:func:`html_table` of the comparison, its ``values`` as :func:`figures_cell` (one figure a line)."""
    rows = findings.copy()
    rows["values"] = [figures_cell(v) for v in rows["values"]]
    table = html_table(rows, columns, caption=caption)
    return HTML(table.data.replace("\n", "<br>"))


def by_verdict(findings: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """Findings grouped by verdict: every verdict of :data:`VERDICTS` but ``consistent`` (shown only when
    present), then any other verdict found, each with its rows (possibly none)."""
    verdicts = [v for v in VERDICTS if v != "consistent"]
    found = list(dict.fromkeys(findings["verdict"].fillna(""))) if len(findings) else []
    verdicts += [v for v in found if v not in verdicts]
    return [(v, findings[findings["verdict"] == v] if len(findings) else findings) for v in verdicts]


def undecided_summary(table: pd.DataFrame) -> str:
    """What became of every claim (``analysis.compare.undecided``) in one Markdown paragraph: how many
    claims there are, how many were compared, how many could not be compared and the main reason."""
    if table is None or table.empty:
        return nothing_reported("claims, compared or not")
    total = int(table["claims"].sum())
    per = table.groupby("status", sort=False)["claims"].sum()
    parts = [f"{int(n)} {md_escape(status)}" for status, n in per.items()]
    text = f"Of the {total} claims in this corpus: " + ", ".join(parts) + "."
    und = table[table["status"] == "undecided"]
    if len(und):
        top = und.sort_values(["claims", "reason"], ascending=[False, True]).iloc[0]
        text += (f" {int(und['claims'].sum())} could not be compared; the most common reason "
                 f"({int(top['claims'])} claims): {md_escape(top['reason'])}.")
    return text
