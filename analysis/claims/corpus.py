"""Claims of a corpus: each document's, with where it sits (doc_id, file, lang, outlet, published,
article, section, sent_no), decided with the document's analysis (see :attr:`Corpus.document_claims`)."""

from __future__ import annotations

import pandas as pd

from ..corpus.documents import Document
from ..corpus.loader import Corpus
from ..corpus.mentions import Mention
from ..corpus.sentences import SentenceIndex
from ..corpus.tables import frame
from ..text.normalize import Normalized, normalize
from .counting import mark_counting
from .extract import CLAIM_SCHEMA, _claims_in

__all__ = ["CORPUS_CLAIM_SCHEMA", "corpus_claims", "document_claims"]

#: Where a claim sits in the corpus (``Corpus.claims`` puts these first).
PLACE_COLUMNS = {"doc_id": "str", "file": "str", "lang": "str", "outlet": "str", "published": "str", "article": "int64",
                 "section": "str", "sent_no": "int64"}
#: The columns of ``Corpus.claims``.
CORPUS_CLAIM_SCHEMA = {**PLACE_COLUMNS, **CLAIM_SCHEMA}


def document_claims(doc: Document, norm: Normalized, sentences: list[tuple[int, int, int, str, int]],
                    mentions: list[Mention], offset: int = 0) -> list[dict]:
    """Claim rows of one document, ordered by start, ``claim_id`` prefixed with the doc_id.

    ``norm`` is the normalized copy of the text read: the document's, or (a document too long to hold
    whole, see :func:`analysis.corpus.loader.analyse_pieces`) a piece of it starting at ``offset``;
    ``sentences`` as ``(start, end, article, section, sent_no)`` and ``mentions`` are in its offsets.
    The rows' offsets are the document's."""
    index = SentenceIndex(sentences)
    rows = _claims_in(norm.original, norm, doc.lang, [(s[0], s[1]) for s in sentences],
                      lambda off: doc.published_for(index.article(off)), article_at=index.article,
                      mentions=mentions, country=doc.country or "", section_at=lambda off: index.at(off)[1])
    rows.sort(key=lambda r: r["start"])
    for r in rows:
        article, section, sent_no = index.at(r["start"])
        r.update(doc_id=doc.doc_id, file=doc.file, lang=doc.lang or "", outlet=doc.outlet or "",
                 published=doc.published_for(article), article=article, section=section, sent_no=sent_no,
                 start=r["start"] + offset, end=r["end"] + offset)
        if offset and r["change_id"]:  # numbered per text read: a piece's own, unique in its document
            r["change_id"] += f"@{offset}"
    mark_counting(rows, f"{doc.doc_id}:")
    return rows


def corpus_claims(corpus: Corpus) -> pd.DataFrame:
    """``Corpus.claims``: the rows found while loading, or (a corpus loaded before the claims stage
    was imported) each document's claims from its tables; by doc_id, then by start."""
    found = corpus.found_claims
    if found is None:
        sentences = dict(tuple(corpus.sentences.groupby("doc_id", sort=False)))  # grouped once, not per document
        mentions = dict(tuple(corpus.mentions.groupby("doc_id", sort=False)))
        empty = corpus.sentences.iloc[:0], corpus.mentions.iloc[:0]
        found = frame([r for doc in corpus.docs.values()
                       for r in _from_tables(doc, sentences.get(doc.doc_id, empty[0]), mentions.get(doc.doc_id, empty[1]))],
                      CORPUS_CLAIM_SCHEMA)
    return found.sort_values("doc_id", kind="stable").reset_index(drop=True)  # by document, then by start


def _from_tables(doc: Document, sents: pd.DataFrame, found: pd.DataFrame) -> list[dict]:
    spans = list(zip(sents["start"], sents["end"], sents["article"], sents["section"], sents["sent_no"]))
    mentions = [Mention(r.start, r.end, r.surface, r.entity, r.type, r.candidate) for r in found.itertuples()]
    return document_claims(doc, normalize(doc.text), spans, mentions)
