"""How a corpus and its documents show up: HTML for JupyterLab, text for the CLI.

Hebrew and Arabic paragraphs carry ``dir="auto"`` so they read right to left.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .loader import Corpus
    from .documents import Document

__all__ = ["corpus_html", "corpus_summary", "document_html"]

_LISTED = 15  # documents and skipped files listed one per line in the text summary

_SECTION_STYLE = {
    "headline": "font-weight:bold", "body": "", "faq": "background:#f3f7ff", "comments": "background:#fff7e6",
    "related": "color:#777", "boilerplate": "color:#999;font-size:85%",
}


def _counts(series) -> str:
    return ", ".join(f"{k} {v}" for k, v in series.value_counts().sort_index().items()) or "none"


def corpus_summary(corpus: Corpus) -> str:
    """The one-screen text summary printed by ``python -m analysis corpus``."""
    d, seg = corpus.documents, corpus.segments
    lines = [
        f"corpus: {corpus.root.name}/",
        f"documents: {len(d)} ({_counts(d['lang'].replace('', 'unknown'))})",
        f"articles: {int(d['n_articles'].sum())}"
        + "".join(f"; {r.doc_id}: {r.n_articles}" for r in d.itertuples() if r.n_articles > 1),
        f"sections: {_counts(seg['section'])}",
        f"sentences: {len(corpus.sentences)}",
        f"mentions: {len(corpus.mentions)} of {corpus.mentions['entity'].nunique()} entities; top: "
        + ", ".join(f"{k} {v}" for k, v in corpus.mentions["entity"].value_counts().head(8).items()),
    ]
    for r in d.head(_LISTED).itertuples():
        extra = f" [{r.flags}]" if r.flags else ""
        lines.append(f"  {r.file}  {r.lang or '??'}  {r.n_chars} chars  published {r.published or '?'}{extra}")
    if len(d) > _LISTED:
        lines.append(f"  … and {len(d) - _LISTED} more documents (see the documents table)")
    lines.append(f"skipped: {len(corpus.skipped)}")
    for r in corpus.skipped.head(_LISTED).itertuples():
        lines.append(f"  {r.file}: {r.reason}")
    errors = corpus.problems[corpus.problems["level"] == "error"]
    if len(errors):
        lines.append(f"errors: {len(errors)}")
        lines += [f"  {m}" for m in errors["message"]]
    return "\n".join(lines)


def corpus_html(corpus: Corpus) -> str:
    """Summary table of a corpus for JupyterLab."""
    d = corpus.documents[["doc_id", "lang", "outlet", "published", "n_chars", "n_articles", "flags"]]
    parts = [
        f"<p><b>Corpus</b> {html.escape(corpus.root.name)}/: {len(d)} documents, "
        f"{len(corpus.sentences)} sentences, {len(corpus.mentions)} mentions, {len(corpus.skipped)} skipped</p>",
        d.to_html(index=False, escape=True).replace("<td>", '<td dir="auto">'),
    ]
    if len(corpus.skipped):
        parts.append("<p><b>Skipped</b></p>" + corpus.skipped.to_html(index=False))
    return "\n".join(parts)


def document_html(doc: Document) -> str:
    """One document, sections shaded, right to left where the text is."""
    from .segments import segment_document

    head = (f"<p><b>{html.escape(doc.doc_id)}</b> · {html.escape(doc.lang or '?')} · "
            f"{html.escape(doc.outlet or 'outlet unknown')} · published {html.escape(' ; '.join(doc.published) or '?')}"
            + (f" · flags: {html.escape('; '.join(doc.flags))}" if doc.flags else "") + "</p>")
    body = []
    for seg in segment_document(doc.text, doc.lang):
        lines = "".join(
            f'<p dir="auto" style="text-align:start;unicode-bidi:plaintext;margin:0.2em 0">{html.escape(line)}</p>'
            for line in doc.text[seg.start:seg.end].splitlines() if line.strip())
        body.append(f'<div style="{_SECTION_STYLE[seg.section]};padding:0.2em 0.5em" title="article {seg.article}, '
                    f'{seg.section}, chars {seg.start}-{seg.end}">{lines}</div>')
    return head + "\n" + "\n".join(body)
