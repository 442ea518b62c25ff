"""Past one machine: the same extraction on a Dask cluster, claims written as partitioned Parquet.

:func:`dask_claims` runs in two passes over the files, each a ``dask.bag`` (Dask schedules; nothing
here does):

1. every file is read on a worker and comes back without its text (doc_id, sha256, the text's
   duplicate key, manifest messages); here, in file order, duplicates and reused doc_ids are skipped
   exactly as :func:`~analysis.load_corpus` skips them;
2. the files kept are read again, a partition of ``files_per_partition`` at a time, analysed and their
   claims found on the workers; each partition is written as ``claims/part-NNNNNN.parquet`` and
   ``documents/part-NNNNNN.parquet`` (read them back with ``pandas.read_parquet(folder)``).

The rows are those of ``load_corpus(path).claims`` (with ``value`` as text, as every Parquet table of the
pack has it), in file order rather than by doc_id. Every worker must see the files at the same path
(a shared file system) and must be able to import :mod:`analysis` (the same version).

Point it at a cluster with ``scheduler="tcp://host:8786"`` (or ``client=``); by default it starts a
``LocalCluster`` on this machine, one single-threaded worker process per core (the extraction is pure
Python, so threads would wait on each other).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import pandas as pd

from ..claims.corpus import CORPUS_CLAIM_SCHEMA, document_claims
from ..corpus.documents import Document, Manifest
from ..corpus.loader import DOCUMENT_COLUMNS, CorpusReader, analyse_chunk, documents_table, read_document
from ..corpus.tables import frame
from .tables import for_parquet

__all__ = ["FILES_PER_PARTITION", "dask_claims"]

#: Files per partition of the second pass: enough work per task that scheduling costs little.
FILES_PER_PARTITION = 200


def _fingerprint(path: Path, manifest: Manifest | None):
    """Pass 1 on a worker: the file read, its text dropped (only its key travels back)."""
    read = read_document(path, manifest)
    if read.doc is not None:
        read = read._replace(doc=replace(read.doc, text=""))
    return read


def _partition(docs: list[Document], manifest: Manifest | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pass 2 on a worker: documents and claims of a partition's files (each read again)."""
    read = [read_document(kept.path, manifest).doc for kept in docs]
    flags, n_articles, tables = analyse_chunk(read, document_claims, CORPUS_CLAIM_SCHEMA)
    for doc, more in zip(read, flags):
        doc.flags += more
    documents = documents_table(read, n_articles)
    return for_parquet(tables["claims"]), for_parquet(documents)


def dask_claims(path: str | Path, out: str | Path, scheduler: str | None = None, client=None,
                files_per_partition: int = FILES_PER_PARTITION) -> dict[str, object]:
    """Claims (and documents) of every file under ``path`` as partitioned Parquet under ``out``
    (``out/claims/``, ``out/documents/``), computed on a Dask cluster: ``client``, or a ``Client`` of
    ``scheduler`` (an address), or a fresh ``LocalCluster``. Returns a summary: files, documents,
    partitions, skipped and problems (rows as in :class:`~analysis.corpus.loader.Corpus`)."""
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    own = None
    if client is None:
        if scheduler:
            client = own = Client(scheduler)
        else:
            own = LocalCluster(threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(own)
    try:
        reader = CorpusReader(path)
        manifest = dask.delayed(copy.deepcopy(reader.manifest), pure=True)  # the reader's own shrinks as it reads
        paths = [reader.folder / name for name in reader.files]
        reads = db.from_sequence(paths, partition_size=files_per_partition * 4).map(_fingerprint, manifest)
        kept = list(reader.documents(reads.compute()))
        out = Path(out)
        parts = [dask.delayed(_partition, nout=2)(kept[i:i + files_per_partition], manifest)
                 for i in range(0, len(kept), files_per_partition)]
        names = lambda i: f"part-{i:06d}.parquet"  # noqa: E731 - sorted by name = file order
        writes = [dd.from_delayed([p[k] for p in parts], meta=_meta(k)).to_parquet(
                      out / table, name_function=names, write_index=False, compute=False)
                  for k, table in enumerate(("claims", "documents"))] if parts else []
        dask.compute(*writes)
        return {"files": len(reader.files), "documents": len(kept), "partitions": len(parts),
                "skipped": reader.skipped, "problems": reader.problems}
    finally:
        if own is not None:
            client.close()
            own.close()


def _meta(k: int) -> pd.DataFrame:
    return for_parquet(frame([], (CORPUS_CLAIM_SCHEMA, DOCUMENT_COLUMNS)[k]))
