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

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..claims.corpus import CORPUS_CLAIM_SCHEMA
from ..corpus.loader import (
    DOCUMENT_COLUMNS, MENTION_COLUMNS, PROBLEM_COLUMNS, SEGMENT_COLUMNS, SENTENCE_COLUMNS, SKIPPED_COLUMNS,
    Chunk, CorpusReader, documents_table, joined,
)
from ..corpus.tables import frame
from .tables import for_parquet, as_written, write_csv

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
    docs = [doc for c in chunks for doc in c.docs]
    out = {"documents": documents_table(docs, [n for c in chunks for n in c.n_articles])}
    for name in ("segments", "sentences", "mentions", "claims"):
        out[name] = joined(chunks, name, STREAMED[name])
    return out


def iter_claims(path: str | Path, jobs: int = 1, chunk: int = CHUNK, strict: bool = False,
                progress: Callable[[int, int, str], None] | None = None) -> Iterator[pd.DataFrame]:
    """The claims of every document under ``path`` (columns of ``Corpus.claims``), a frame per chunk of
    ``chunk`` documents, in file order; ``jobs`` processes (0: every core) analyse the documents."""
    for tables in iter_tables(path, jobs, chunk, strict, progress):
        yield tables["claims"]


def encode_tables(docs: list, n_articles: list[int], tables: dict[str, pd.DataFrame]) -> dict[str, Encoded]:
    """A chunk's tables (and its documents' rows) as the writer writes them, CSV text and an Arrow table
    each: done where the chunk was analysed (a worker), so the process that writes only appends."""
    frames = {"documents": documents_table(docs, n_articles), **tables}
    return {name: encode(name, df) for name, df in frames.items()}


class Encoded(NamedTuple):
    """Rows of one table ready to append: CSV lines (no header) and an Arrow table (for Parquet)."""

    csv: str
    arrow: pa.Table
    header: list[str]


def encode(name: str, df: pd.DataFrame) -> Encoded:
    """Rows of table ``name`` as :func:`~analysis.build.tables.write_table` writes them (the claims with
    their leading ``doc`` column)."""
    df = as_written(name, df)
    text = io.StringIO()
    write_csv(df, text, header=False)
    return Encoded(text.getvalue(), pa.Table.from_pandas(for_parquet(df), preserve_index=False), list(df.columns))


class _TableWriter:
    """One table written a chunk at a time, as NAME.csv (UTF-8 with BOM) and NAME.parquet (row groups of
    at least :data:`WRITE_ROWS` rows)."""

    def __init__(self, folder: Path, name: str):
        self.name, self.folder = name, folder
        self.csv = (folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="")
        self.parquet: pq.ParquetWriter | None = None  # opened with the first chunk, with its schema
        self.held: list[pa.Table] = []
        self.rows = 0

    def write(self, part: Encoded) -> None:
        if self.parquet is None:
            write_csv(pd.DataFrame(columns=part.header), self.csv)
            self.parquet = pq.ParquetWriter(self.folder / f"{self.name}.parquet", part.arrow.schema)
        self.csv.write(part.csv)
        self.held.append(part.arrow.cast(self.parquet.schema))
        self.rows += len(part.arrow)
        if sum(len(t) for t in self.held) >= WRITE_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self.held:
            self.parquet.write_table(pa.concat_tables(self.held))
            self.held = []

    def close(self) -> None:
        self.csv.close()
        if self.parquet is not None:
            self._flush()
            self.parquet.close()


def stream_tables(path: str | Path, folder: Path, jobs: int = 1, strict: bool = False,
                  progress: Callable[[int, int, str], None] | None = None) -> dict[str, object]:
    """Write the tables of :data:`STREAMED` for ``path`` into ``folder`` (NAME.csv and NAME.parquet) as
    the documents are analysed, each chunk encoded where it was analysed (:func:`encode_tables`).
    Returns ``rows`` (table → rows written), ``skipped`` and ``problems``."""
    reader = CorpusReader(path, strict=strict, progress=progress, jobs=jobs, piece_chars=PIECE_CHARS,
                          then=encode_tables)
    writers = {name: _TableWriter(folder, name) for name in STREAMED}
    try:
        for chunk in reader:
            for name, part in chunk.tables.items():
                writers[name].write(part)
        for name, w in writers.items():  # no document loaded: the tables still exist, with their header
            if w.parquet is None and name not in ("skipped", "problems"):
                w.write(encode(name, frame([], STREAMED[name])))
        for name, rows in (("skipped", reader.skipped), ("problems", reader.problems)):
            writers[name].write(encode(name, frame(rows, STREAMED[name])))
    finally:
        for w in writers.values():
            w.close()
    return {"rows": {name: w.rows for name, w in writers.items()}, "skipped": reader.skipped,
            "problems": reader.problems}
