"""The corpus as it was read: the tables and charts of the overview notebook (01).

Everything here is computed from the corpus tables (``documents``, ``segments``, ``sentences``,
``mentions``, ``claims``, ``skipped``, ``problems``); nothing names a seed, an outlet or a company.
Layout numbers (how many entities a heatmap shows, how tall a row is) are the module constants
below, so that notebooks carry no numbers. Chart functions return ``(fig, data)`` like those of
:mod:`analysis.present.charts`, ``fig`` None when there is nothing to draw.

>>> flag_parts("script_mixing(CYRILLIC:навигировать); several_articles(3); sha256_mismatch")
[('script_mixing', 'CYRILLIC:навигировать'), ('several_articles', '3'), ('sha256_mismatch', '')]
"""

from __future__ import annotations

import re

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from .charts import OKABE_ITO, _date_axis, add_source_footer, isolate, period_date, register
from .select import counted_rows

__all__ = ["TOP_ENTITIES", "SECTION_ORDER", "SECTION_COLORS", "LANG_COLORS", "FLAG_MEANINGS", "documents_table",
           "languages_table", "sections_table", "page_map", "mention_matrix", "mention_heatmap", "claim_matrix",
           "claim_heatmap", "article_dates", "publication_timeline", "flag_parts", "quality_flags",
           "near_duplicates", "topics_table", "entities_table", "claims_by_document", "pick_document", "doc_label", "summary_line", "PREVIEW_ROWS",
           "PREVIEW_COLUMNS"]

#: Rows of the mention heatmap: the entities named most often.
TOP_ENTITIES = 20
#: Rows of a preview of the claims table, and its columns.
PREVIEW_ROWS = 12
PREVIEW_COLUMNS = ["file", "start", "end", "text", "value", "unit", "kind", "subject", "metric", "period",
                   "attribution"]
#: Sections in page order of importance, and their colours (Okabe–Ito; grey for page furniture).
SECTION_ORDER = ("headline", "body", "faq", "comments", "related", "boilerplate")
SECTION_COLORS = {"headline": OKABE_ITO[4], "body": OKABE_ITO[1], "faq": OKABE_ITO[2], "comments": OKABE_ITO[0],
                  "related": OKABE_ITO[6], "boilerplate": "#BBBBBB"}
#: One colour per language.
LANG_COLORS = {"he": OKABE_ITO[4], "ar": OKABE_ITO[5]}
#: What each document flag (README codebook, ``documents.flags``) means.
FLAG_MEANINGS = {
    "script_mixing": "a word in a foreign script inside the text: a trace of machine translation",
    "several_articles": "the page holds several articles",
    "several_dates": "the articles of the page have different publication dates",
    "encoding": "the file is not UTF-8",
    "sha256_mismatch": "the file's bytes differ from the hash in SOURCES.csv",
    "no_manifest_row": "SOURCES.csv has no row for the file; its metadata were inferred",
    "nul": "stray NUL characters (kept so that offsets hold)",
    "near_duplicate": "most of its text is shared with another file: the same article from another site",
}
_GREY = "#888888"  # a section or language without a colour of its own
_ROW_HEIGHT = 0.42  # inches per document row of a chart
_CELL, _CELL_HEIGHT = 0.5, 0.26  # inches per heatmap column and row
_CMAP = "cividis"  # colour-blind safe, light for large counts
_FLAG = re.compile(r"^(?P<name>[^()]+?)(?:\((?P<detail>.*)\))?$")


def doc_label(doc_id: str, outlet: str = "") -> str:
    """A document as a chart or table label: ``outlet · doc_id`` (the outlet isolated in its own
    direction), the document id alone without an outlet."""
    return f"{isolate(outlet)} · {doc_id}" if outlet else doc_id


def _docs(corpus) -> pd.DataFrame:
    return corpus.documents.sort_values("doc_id").reset_index(drop=True)


def _count(table: pd.DataFrame, name: str) -> pd.Series:
    return table.groupby("doc_id").size().rename(name)


def documents_table(corpus) -> pd.DataFrame:
    """One row per document: language, outlet, country, dates, articles, characters, and how many
    sentences, entity mentions, claims and claims that count (not comments, bylines or repeats) it has."""
    docs = _docs(corpus)
    claims = corpus.claims
    counted = claims[counted_rows(claims)] if len(claims) else claims
    out = docs[["doc_id", "lang", "outlet", "country", "published", "n_articles", "n_chars", "flags"]].set_index("doc_id")
    for table, name in ((corpus.sentences, "sentences"), (corpus.mentions, "mentions"), (claims, "claims"),
                        (counted, "claims counted")):
        out = out.join(_count(table, name))
    cols = ["lang", "outlet", "country", "published", "n_articles", "n_chars", "sentences", "mentions", "claims",
            "claims counted", "flags"]
    out = out[cols].reset_index()
    numbers = ["sentences", "mentions", "claims", "claims counted"]
    out[numbers] = out[numbers].fillna(0).astype("int64")
    return out


def summary_line(corpus) -> str:
    """The corpus in one Markdown line: documents per language, articles, sentences, mentions, claims
    (and those that count), files skipped.

    >>> from types import SimpleNamespace as NS
    >>> empty = NS(documents=pd.DataFrame(columns=["lang", "n_articles"]), sentences=[], mentions=[],
    ...            claims=pd.DataFrame(columns=["in_analysis", "repeat_of"]), skipped=[])
    >>> summary_line(empty)
    '**0** documents, 0 articles, 0 sentences, 0 entity mentions, 0 claims (0 counted); 0 files skipped.'
    """
    docs = corpus.documents
    langs = docs["lang"].fillna("").replace("", "?").value_counts().sort_index()
    per = f" ({', '.join(f'{n} {lang}' for lang, n in langs.items())})" if len(langs) else ""
    claims = corpus.claims
    counted = int(counted_rows(claims).sum()) if len(claims) else 0
    return (f"**{len(docs)}** documents{per}, {int(docs['n_articles'].sum()) if len(docs) else 0} articles, "
            f"{len(corpus.sentences)} sentences, {len(corpus.mentions)} entity mentions, {len(claims)} claims "
            f"({counted} counted); {len(corpus.skipped)} files skipped.")


def languages_table(corpus) -> pd.DataFrame:
    """Documents, articles, sentences, mentions and claims that count, per language."""
    docs = documents_table(corpus)
    if docs.empty:
        return pd.DataFrame(columns=["lang", "documents", "articles", "sentences", "mentions", "claims counted"])
    out = docs.groupby("lang", sort=True).agg(documents=("doc_id", "size"), articles=("n_articles", "sum"),
                                              sentences=("sentences", "sum"), mentions=("mentions", "sum"),
                                              **{"claims counted": ("claims counted", "sum")})
    return out.reset_index()


def sections_table(corpus) -> pd.DataFrame:
    """Per document and article: its publication date, and how many characters each section holds."""
    seg = corpus.segments
    if seg.empty:
        return pd.DataFrame(columns=["doc_id", "article", "published", *SECTION_ORDER])
    seg = seg.assign(chars=seg["end"] - seg["start"])
    table = seg.pivot_table(index=["doc_id", "article"], columns="section", values="chars", aggfunc="sum",
                            fill_value=0)
    order = [s for s in SECTION_ORDER if s in table.columns] + sorted(set(table.columns) - set(SECTION_ORDER))
    table = table.reindex(columns=order).astype("int64")
    table.columns.name = None
    dates = seg.drop_duplicates(["doc_id", "article"]).set_index(["doc_id", "article"])["published"]
    return table.join(dates).reset_index()[["doc_id", "article", "published", *order]]


def _footer_rows(corpus) -> pd.DataFrame:
    """The documents as rows for :func:`~analysis.present.charts.add_source_footer`."""
    return _docs(corpus)[["doc_id", "outlet", "published"]]


def page_map(corpus, title: str | None = None):
    """How each page was split: one row per document, its segments drawn from the first character to
    the last, coloured by section, a tick where an article starts, the number of articles at the end."""
    seg = corpus.segments
    if seg.empty:
        return None, pd.DataFrame(columns=["doc_id", "article", "section", "start", "end"])
    docs = _docs(corpus)
    seg = seg.sort_values(["doc_id", "start"]).reset_index(drop=True)
    ys = {d: i for i, d in enumerate(docs["doc_id"])}
    fig, ax = plt.subplots(figsize=(7.5, _ROW_HEIGHT * len(ys) + 1.6), layout="constrained")
    for r in seg.itertuples():
        ax.barh(ys[r.doc_id], r.end - r.start, left=r.start, height=0.6, color=SECTION_COLORS.get(r.section, _GREY),
                edgecolor="white", linewidth=0.3)
    starts = seg.groupby(["doc_id", "article"])["start"].min().reset_index()
    for r in starts.itertuples():
        ax.plot([r.start, r.start], [ys[r.doc_id] - 0.42, ys[r.doc_id] + 0.42], color="black", lw=1.2)
    for r in docs.itertuples():
        ax.annotate(f"{r.n_articles} article{'s' if r.n_articles != 1 else ''}", (r.n_chars, ys[r.doc_id]),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=7.5)
    ax.set_yticks(list(ys.values()), [doc_label(d, o) for d, o in zip(docs["doc_id"], docs["outlet"])])
    ax.invert_yaxis()
    ax.set_xlabel("characters into the page")
    ax.grid(axis="y", visible=False)
    ax.margins(x=0.12)
    used = [s for s in SECTION_ORDER if s in set(seg["section"])]
    handles = [Patch(color=SECTION_COLORS[s], label=s) for s in used]
    handles.append(plt.Line2D([], [], color="black", lw=1.2, label="an article starts"))
    fig.legend(handles=handles, loc="outside right upper", fontsize=7.5)
    fig.suptitle(title or "How each page was split: articles and sections", x=0.01, ha="left", fontweight="bold")
    add_source_footer(fig, _footer_rows(corpus))
    return register((fig, seg[["doc_id", "article", "section", "start", "end"]]))



def entities_table(corpus, top: int = TOP_ENTITIES) -> pd.DataFrame:
    """The ``top`` entities named most often: type, whether the lexicon knows them (``candidate``: a
    name found by its shape), mentions and documents naming them (most mentioned first, ties by name)."""
    m = corpus.mentions
    cols = ["entity", "type", "candidate", "mentions", "documents"]
    if m.empty:
        return pd.DataFrame(columns=cols)
    out = m.groupby(["entity", "type", "candidate"], sort=True).agg(mentions=("doc_id", "size"),
                                                                     documents=("doc_id", "nunique"))
    out = out.reset_index().sort_values(["mentions", "entity"], ascending=[False, True], kind="stable")
    return out.head(top).reset_index(drop=True)[cols]


def mention_matrix(corpus, top: int = TOP_ENTITIES) -> pd.DataFrame:
    """Mentions per entity (rows: the ``top`` most mentioned, most first, ties by name) and document
    (columns, in id order)."""
    m = corpus.mentions
    if m.empty:
        return pd.DataFrame()
    table = pd.crosstab(m["entity"], m["doc_id"])
    order = sorted(table.index, key=lambda e: (-int(table.loc[e].sum()), e))[:top]
    return table.loc[order, sorted(table.columns)]


def claim_matrix(corpus) -> pd.DataFrame:
    """Claims that count per metric (rows, most first, ties by name; claims without a metric left out)
    and document (columns, in id order)."""
    c = corpus.claims
    c = c[counted_rows(c) & c["metric"].fillna("").ne("")] if len(c) else c
    if c.empty:
        return pd.DataFrame()
    table = pd.crosstab(c["metric"], c["doc_id"])
    order = sorted(table.index, key=lambda e: (-int(table.loc[e].sum()), e))
    return table.loc[order, sorted(table.columns)]


def _cells(matrix: pd.DataFrame):
    """``((row, column), count)`` of every cell of a count matrix."""
    values = matrix.to_numpy()
    return (((i, j), int(values[i, j])) for i in range(values.shape[0]) for j in range(values.shape[1]))


def _heatmap(corpus, matrix: pd.DataFrame, title: str, ylabel: str):
    import seaborn as sns

    if matrix.empty:
        return None, matrix
    docs = _docs(corpus).set_index("doc_id")
    fig, ax = plt.subplots(figsize=(_CELL * len(matrix.columns) + 4.5, _CELL_HEIGHT * len(matrix.index) + 2.2),
                           layout="constrained")
    cmap = plt.get_cmap(_CMAP)
    shown = matrix.where(matrix.ne(0))
    sns.heatmap(shown, cmap=cmap, vmin=0, linewidths=0.5, linecolor="white", ax=ax,
                cbar_kws={"label": "count", "shrink": 0.6})
    top = max(int(matrix.to_numpy().max()), 1)
    for (i, j), n in ((ij, v) for ij, v in _cells(matrix) if v):  # counts written in, dark text on light cells
        r, g, b, _ = cmap(n / top)
        ink = "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.5 else "white"
        ax.text(j + 0.5, i + 0.5, str(n), ha="center", va="center", fontsize=7, color=ink)
    ax.set_yticklabels([isolate(e) for e in matrix.index], rotation=0)
    ax.set_xticklabels([doc_label(d, docs.loc[d, "outlet"] if d in docs.index else "") for d in matrix.columns],
                       rotation=30, ha="right")
    ax.set_xlabel("document")
    ax.set_ylabel(ylabel)
    ax.grid(False)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    add_source_footer(fig, _footer_rows(corpus)[lambda d: d["doc_id"].isin(matrix.columns)])
    register((fig, matrix.reset_index()))  # the counts behind the chart, for the report's data links
    return fig, matrix


def mention_heatmap(corpus, top: int = TOP_ENTITIES, title: str | None = None):
    """A seaborn heatmap of :func:`mention_matrix`: who is named in which document (empty cells blank)."""
    matrix = mention_matrix(corpus, top)
    return _heatmap(corpus, matrix, title or "Entity mentions per document (the most named)", "entity")


def claim_heatmap(corpus, title: str | None = None):
    """A seaborn heatmap of :func:`claim_matrix`: which document reports numbers about what."""
    return _heatmap(corpus, claim_matrix(corpus), title or "Claims that count, per metric and document", "metric")


def article_dates(corpus) -> pd.DataFrame:
    """One row per article: document, article number, outlet, language, publication date as given, and
    how precise it is (``day``, ``month``, ``year``; empty when undated)."""
    seg = corpus.segments
    cols = ["doc_id", "article", "outlet", "lang", "published", "precision"]
    if seg.empty:
        return pd.DataFrame(columns=cols)
    arts = seg.drop_duplicates(["doc_id", "article"])[["doc_id", "article", "published"]]
    arts = arts.merge(_docs(corpus)[["doc_id", "outlet", "lang"]], on="doc_id", how="left")
    parts = arts["published"].fillna("").str.count("-")
    arts["precision"] = [("year", "month", "day")[min(n, 2)] if p else "" for n, p in zip(parts, arts["published"])]
    return arts.sort_values(["doc_id", "article"]).reset_index(drop=True)[cols]


def _span(published: str, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day a publication date stands for (a month, a year, or one day)."""
    start = pd.Timestamp(published) if precision == "day" else pd.Timestamp(published + ("-01" if precision == "month"
                                                                                          else "-01-01"))
    end = start if precision == "day" else start + (pd.offsets.MonthEnd(0) if precision == "month"
                                                    else pd.offsets.YearEnd(0))
    return start, end


def publication_timeline(corpus, title: str | None = None):
    """When each article was published: one row per document, a dot per article dated to the day, a bar
    over the month or year when only that is known; colour by language. Undated articles are left out
    (``data.attrs["left_out"]``)."""
    arts = article_dates(corpus)
    arts["x"] = [period_date(p) for p in arts["published"]]
    left = [{"doc_id": d, "article": a, "reason": "no publication date"}
            for d, a in zip(arts.loc[arts["x"].isna(), "doc_id"], arts.loc[arts["x"].isna(), "article"])]
    dated = arts[arts["x"].notna()].reset_index(drop=True)
    dated.attrs["left_out"] = left
    if dated.empty:
        return None, dated
    docs = dated.drop_duplicates("doc_id")[["doc_id", "outlet"]]
    ys = {d: i for i, d in enumerate(docs["doc_id"])}
    fig, ax = plt.subplots(figsize=(7.5, _ROW_HEIGHT * len(ys) + 1.8), layout="constrained")
    for r in dated.itertuples():
        color = LANG_COLORS.get(r.lang, _GREY)
        y = ys[r.doc_id]
        if r.precision == "day":
            ax.plot([r.x], [y], marker="o", ms=7, color=color, ls="")
        else:
            start, end = _span(r.published, r.precision)
            ax.plot([start, end], [y, y], color=color, lw=9, alpha=0.4, solid_capstyle="butt")
            ax.plot([r.x], [y], marker="o", ms=7, mfc="white", mec=color, mew=1.6, ls="")
        above = r.article % 2 == 0  # a page's articles take turns above and below their row
        ax.annotate(f"article {r.article}: {r.published}", (mdates.date2num(r.x), y), xytext=(0, 8 if above else -8),
                    textcoords="offset points", ha="center", va="bottom" if above else "top", fontsize=7)
    ax.set_yticks(list(ys.values()), [doc_label(d, o) for d, o in zip(docs["doc_id"], docs["outlet"])])
    ax.set_ylim(len(ys) - 0.4, -0.6)
    _date_axis(ax)
    ax.margins(x=0.1)
    ax.grid(axis="y", visible=False)
    handles = [plt.Line2D([], [], marker="o", ls="", color=c, label=f"language: {lang}")
               for lang, c in LANG_COLORS.items() if lang in set(dated["lang"])]
    handles += [plt.Line2D([], [], marker="o", ls="", color=_GREY, label="dated to the day"),
                plt.Line2D([], [], marker="o", ls="-", lw=9, alpha=0.4, color=_GREY, mfc="white",
                           label="only the month or year\nis known (bar: its span)")]
    fig.legend(handles=handles, loc="outside right upper", fontsize=7.5)
    fig.suptitle(title or "When the articles were published", x=0.01, ha="left", fontweight="bold")
    add_source_footer(fig, _footer_rows(corpus)[lambda d: d["doc_id"].isin(ys)])
    return register((fig, dated))


def flag_parts(flags: str) -> list[tuple[str, str]]:
    """A ``flags`` cell as ``(flag, detail)`` pairs."""
    out = []
    for part in (p.strip() for p in str(flags or "").split(";")):
        m = _FLAG.match(part) if part else None
        if m:
            out.append((m["name"].strip(), (m["detail"] or "").strip()))
    return out


def quality_flags(corpus) -> pd.DataFrame:
    """One row per document flag: document, outlet, flag, its detail and what it means."""
    rows = [{"doc_id": r.doc_id, "outlet": r.outlet, "flag": name, "detail": detail,
             "meaning": FLAG_MEANINGS.get(name, "")}
            for r in _docs(corpus).itertuples() for name, detail in flag_parts(r.flags)]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "flag", "detail", "meaning"])


def near_duplicates(corpus) -> pd.DataFrame:
    """Pairs of near-identical files (flag ``near_duplicate``): the document and the file it repeats."""
    flags = quality_flags(corpus)
    dup = flags[flags["flag"] == "near_duplicate"]
    return dup.rename(columns={"detail": "shares most of its text with"})[
        ["doc_id", "outlet", "shares most of its text with"]].reset_index(drop=True)


def topics_table(corpus) -> pd.DataFrame:
    """Sentences per topic (from cue words), most first; sentences without a topic as ``(none)``."""
    s = corpus.sentences
    if s.empty:
        return pd.DataFrame(columns=["topic", "sentences"])
    topics = s["topics"].fillna("").str.split(";").explode().str.strip().replace("", "(none)")
    counts = topics.value_counts()
    counts = counts.loc[sorted(counts.index, key=lambda t: (-int(counts[t]), t))]
    return counts.rename_axis("topic").rename("sentences").reset_index()


def claims_by_document(corpus) -> pd.DataFrame:
    """Per document: claims found, those outside the analysis (comments, bylines…), repeats of an earlier
    statement, and those that count."""
    c = corpus.claims
    cols = ["doc_id", "claims", "outside the analysis", "repeats", "counted"]
    if c.empty:
        return pd.DataFrame(columns=cols)
    inside = c["in_analysis"].fillna(False).astype(bool)
    repeat = c["repeat_of"].fillna("").ne("")
    out = pd.DataFrame({"doc_id": c["doc_id"], "claims": 1, "outside the analysis": ~inside,
                        "repeats": inside & repeat, "counted": counted_rows(c)})
    return out.groupby("doc_id", sort=True).sum().astype("int64").reset_index()[cols]


def pick_document(corpus, by: str = "articles") -> str | None:
    """A document chosen from the data, not by name: ``by="articles"`` the page with the most articles
    (then the most sections), ``by="claims"`` the one with the most claims that count; ties go to the
    first document id. None for an empty corpus."""
    docs = documents_table(corpus)
    if docs.empty:
        return None
    if by == "claims":
        key = docs["claims counted"]
        second = docs["claims"]
    else:
        sections = corpus.segments.groupby("doc_id")["section"].nunique()
        key = docs["n_articles"]
        second = docs["doc_id"].map(sections).fillna(0)
    ranked = docs.assign(_k=-key, _s=-second).sort_values(["_k", "_s", "doc_id"])
    return str(ranked["doc_id"].iloc[0])
