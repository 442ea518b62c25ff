"""A press archive, not five files: claims streamed in chunks, on every core.

:func:`iter_claims` reads a folder document by document (:class:`~analysis.corpus.loader.CorpusReader`:
each file read, decoded and hashed once; duplicates skipped as :func:`~analysis.load_corpus` skips them),
analyses the documents in ``jobs`` processes and yields the claims a chunk of documents at a time, so
memory does not grow with the number of files. :func:`stream_tables` (``python -m analysis build --stream``)
writes what grows with the corpus (documents, segments, sentences, mentions, claims, skipped, problems)
as CSV and Parquet, chunk by chunk.

Against :func:`~analysis.load_corpus`, a stream gives the same rows, in file order (``Corpus.claims`` is
ordered by doc_id), and leaves out what needs every document at once: near-duplicate flags and the
comparison of sources (``python -m analysis compare``, or a build without ``--stream``).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("OpenAI גייסה 6.6 מיליארד דולר.", encoding="utf-8")
>>> [len(chunk) for chunk in iter_claims(folder)]
[1]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..claims.corpus import CORPUS_CLAIM_SCHEMA
from ..corpus.loader import (
    DOCUMENT_COLUMNS, MENTION_COLUMNS, PROBLEM_COLUMNS, SEGMENT_COLUMNS, SENTENCE_COLUMNS, SKIPPED_COLUMNS,
    Chunk, CorpusReader, document_row,
)
from ..corpus.tables import frame
from .tables import _for_parquet, claims_columns, write_csv

__all__ = ["CHUNK", "STREAMED", "iter_claims", "iter_tables", "stream_tables"]

#: Documents per chunk: a chunk's rows are all that is held at once.
CHUNK = 500
#: A chunk ends sooner when it holds this many sentences and claims (long documents).
CHUNK_ROWS = 50_000
#: Rows converted to CSV and Parquet at a time.
WRITE_ROWS = 10_000
#: A document longer than this (in characters) is analysed in pieces of about this size
#: (:func:`~analysis.corpus.loader.analyse_pieces`), so that its rows are never all held at once.
PIECE_CHARS = 1_000_000
#: The tables a stream writes, with their columns.
STREAMED: dict[str, dict[str, str]] = {
    "documents": DOCUMENT_COLUMNS, "segments": SEGMENT_COLUMNS, "sentences": SENTENCE_COLUMNS,
    "mentions": MENTION_COLUMNS, "claims": CORPUS_CLAIM_SCHEMA, "skipped": SKIPPED_COLUMNS,
    "problems": PROBLEM_COLUMNS,
}


def iter_tables(path: str | Path, jobs: int = 1, chunk_docs: int = CHUNK, strict: bool = False,
                progress: Callable[[int, int, str], None] | None = None,
                reader: CorpusReader | None = None) -> Iterator[dict[str, pd.DataFrame]]:
    """The tables of :data:`STREAMED` (but skipped and problems, which ``reader`` holds at the end)
    a chunk of ``chunk_docs`` documents (or :data:`CHUNK_ROWS` rows) at a time, in file order."""
    reader = reader or CorpusReader(path, strict=strict, progress=progress, jobs=jobs, piece_chars=PIECE_CHARS)
    held: list[Chunk] = []
    for chunk in reader:
        held.append(chunk)
        docs = sum(len(c.docs) for c in held)
        rows = sum(len(c.tables["sentences"]) + len(c.tables["claims"]) for c in held)
        if docs >= chunk_docs or rows >= CHUNK_ROWS:
            yield _joined(held)
            held = []
    if held or not reader.files:
        yield _joined(held)


def _joined(chunks: list[Chunk]) -> dict[str, pd.DataFrame]:
    """The tables of :data:`STREAMED` (but skipped and problems) of some chunks, as one of each."""
    docs = [document_row(doc, n) for c in chunks for doc, n in zip(c.docs, c.n_articles)]
    out = {"documents": frame(docs, STREAMED["documents"])}
    for name in ("segments", "sentences", "mentions", "claims"):
        parts = [c.tables[name] for c in chunks if len(c.tables[name])]
        out[name] = pd.concat(parts, ignore_index=True) if parts else frame([], STREAMED[name])
    return out


def iter_claims(path: str | Path, jobs: int = 1, chunk: int = CHUNK, strict: bool = False,
                progress: Callable[[int, int, str], None] | None = None) -> Iterator[pd.DataFrame]:
    """The claims of every document under ``path`` (columns of ``Corpus.claims``), a frame per chunk of
    ``chunk`` documents, in file order; ``jobs`` processes (0: every core) analyse the documents."""
    for tables in iter_tables(path, jobs, chunk, strict, progress):
        yield tables["claims"]


class _TableWriter:
    """One table written a chunk at a time, as NAME.csv (UTF-8 with BOM) and NAME.parquet."""

    def __init__(self, folder: Path, name: str):
        self.name, self.folder = name, folder
        self.csv = (folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="")
        self.parquet: pq.ParquetWriter | None = None  # opened with the first chunk, with its schema

    def write(self, df: pd.DataFrame) -> None:
        if self.name == "claims":
            df = df.copy()
            df.insert(0, "doc", df["file"])
            df = df.reindex(columns=claims_columns(df))
        for k in range(0, max(len(df), 1), WRITE_ROWS):  # the text of a few rows at a time
            part = df.iloc[k:k + WRITE_ROWS]
            write_csv(part, self.csv, header=self.parquet is None)
            table = pa.Table.from_pandas(_for_parquet(part), preserve_index=False)
            if self.parquet is None:
                self.parquet = pq.ParquetWriter(self.folder / f"{self.name}.parquet", table.schema)
            self.parquet.write_table(table.cast(self.parquet.schema))

    def close(self) -> None:
        self.csv.close()
        if self.parquet is not None:
            self.parquet.close()


def stream_tables(path: str | Path, folder: Path, jobs: int = 1, chunk: int = CHUNK, strict: bool = False,
                  progress: Callable[[int, int, str], None] | None = None) -> dict[str, object]:
    """Write the tables of :data:`STREAMED` for ``path`` into ``folder`` (NAME.csv and NAME.parquet), a
    chunk of documents at a time. Returns ``rows`` (table → rows written), ``skipped`` and ``problems``."""
    reader = CorpusReader(path, strict=strict, progress=progress, jobs=jobs, piece_chars=PIECE_CHARS)
    writers = {name: _TableWriter(folder, name) for name in STREAMED}
    counts = dict.fromkeys(STREAMED, 0)
    try:
        for tables in iter_tables(path, chunk_docs=chunk, reader=reader):
            for name, df in tables.items():
                writers[name].write(df)
                counts[name] += len(df)
        for name, rows in (("skipped", reader.skipped), ("problems", reader.problems)):
            writers[name].write(frame(rows, STREAMED[name]))
            counts[name] = len(rows)
    finally:
        for w in writers.values():
            w.close()
    return {"rows": counts, "skipped": reader.skipped, "problems": reader.problems}
