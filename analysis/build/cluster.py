"""Past one machine: the same extraction on a Dask cluster, claims written as partitioned Parquet.

:func:`dask_claims` reads each file once, on a worker (Dask schedules, with ``dask.delayed`` tasks;
nothing here does):

1. each task takes a partition of ``files_per_partition`` files in file order, reads them, analyses the
   readable ones as if every one were kept, writes ``claims/part-NNNNNN.parquet`` and
   ``documents/part-NNNNNN.parquet`` (NNNNNN: the partition's number) and sends back the reads without
   their text (doc_id, sha256, the text's duplicate key, manifest messages);
2. here, in file order, duplicates and reused doc_ids are skipped exactly as
   :func:`~analysis.load_corpus` skips them; a partition that held a file not kept (rare: a copy of
   another file, a doc_id used twice) is written again by a second task from its kept files alone,
   which reads those files a second time (a file that changed in between is skipped and said).

The rows are those of ``load_corpus(path).claims`` (with ``value`` as text, as every Parquet table of the
pack has it), in file order rather than by doc_id (read them back with ``pandas.read_parquet(folder)``;
a partition with no file kept has no part). Every worker must see the files and ``out`` at the same
paths (a shared file system) and must be able to import :mod:`analysis` (the same version).

Point it at a cluster with ``scheduler="tcp://host:8786"`` (or ``client=``); by default it starts a
``LocalCluster`` on this machine, one single-threaded worker process per core (the extraction is pure
Python, so threads would wait on each other).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..claims.corpus import CORPUS_CLAIM_SCHEMA, document_claims
from ..corpus.documents import Document, Manifest
from ..corpus.loader import CorpusReader, analyse_chunk, batches, documents_table, read_document
from .tables import for_parquet

__all__ = ["FILES_PER_PARTITION", "dask_claims"]

#: Files per task: enough work per task that scheduling costs little.
FILES_PER_PARTITION = 200


def _first(paths: list[Path], manifest: Manifest | None, out: Path, number: int) -> list:
    """Task 1 on a worker: a partition's files read, the readable ones analysed and written as part
    ``number`` as if every one were kept; the reads come back without their text."""
    reads = [read_document(p, manifest) for p in paths]
    _write_part([r.doc for r in reads if r.doc is not None], out, number)
    return [r._replace(doc=replace(r.doc, text="")) if r.doc is not None else r for r in reads]


def _again(kept: list[Document], manifest: Manifest | None, out: Path, number: int) -> list[str]:
    """Task 2 on a worker: part ``number`` written again from the files kept (each read again, as
    ``kept`` holds no text); the names of those that changed since (not written)."""
    again = [read_document(doc.path, manifest).doc for doc in kept]
    changed = [doc.file for doc, new in zip(kept, again) if new is None or new.sha256 != doc.sha256]
    _write_part([new for new in again if new is not None and new.file not in changed], out, number)
    return changed


def _write_part(docs: list[Document], out: Path, number: int) -> None:
    """The claims and documents of ``docs`` as part ``number`` of ``out/claims`` and ``out/documents``
    (no part, and none left from before, when ``docs`` is empty)."""
    paths = [out / name / f"part-{number:06d}.parquet" for name in ("claims", "documents")]  # by name = file order
    if not docs:
        for path in paths:
            path.unlink(missing_ok=True)
        return
    flags, n_articles, tables = analyse_chunk(docs, document_claims, CORPUS_CLAIM_SCHEMA)
    for doc, more in zip(docs, flags):
        doc.flags += more
    for path, table in zip(paths, (tables["claims"], documents_table(docs, n_articles))):
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pandas(for_parquet(table), preserve_index=False), path)


def dask_claims(path: str | Path, out: str | Path, scheduler: str | None = None, client=None,
                files_per_partition: int = FILES_PER_PARTITION,
                progress: Callable[[int, int, str], None] | None = None) -> dict[str, object]:
    """Claims (and documents) of every file under ``path`` as partitioned Parquet under ``out``
    (``out/claims/``, ``out/documents/``), computed on a Dask cluster: ``client``, or a ``Client`` of
    ``scheduler`` (an address), or a fresh ``LocalCluster``. Returns a summary: files, documents,
    partitions (parts written), partitions written again, skipped and problems (rows as in
    :class:`~analysis.corpus.loader.Corpus`). ``progress(done, n, file)``, if given, is called as the
    tasks finish (``done`` of the ``n`` files read; ``file``, the last of the task just finished)."""
    import dask
    from dask.distributed import Client, LocalCluster

    own = None
    if client is None:
        if scheduler:
            client = own = Client(scheduler)
        else:
            own = LocalCluster(threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(own)
    try:
        reader, out = CorpusReader(path), Path(out).resolve()  # workers may start elsewhere: whole paths
        folder = reader.folder.resolve()
        manifest = dask.delayed(copy.deepcopy(reader.manifest), pure=True)  # the reader's own shrinks as it reads
        parts = list(batches(reader.files, files_per_partition))
        firsts = _run(client, [dask.delayed(_first, pure=False)([folder / n for n in part], manifest, out, i)
                               for i, part in enumerate(parts)], parts, progress)
        kept, redo = _decide(reader, firsts)
        changed = dask.compute(*[dask.delayed(_again, pure=False)(docs, manifest, out, i) for i, docs in redo.items()])
        for docs, gone in zip(redo.values(), changed):
            for doc in (doc for doc in docs if doc.file in gone):
                kept.discard(id(doc))
                reader.skip_changed(doc.path)
        written = list((out / "claims").glob("part-*.parquet"))
        return {"files": len(reader.files), "documents": len(kept), "partitions": len(written),
                "written_again": len(redo), "skipped": reader.skipped, "problems": reader.problems}
    finally:
        if own is not None:
            client.close()
            own.close()


def _decide(reader: CorpusReader, firsts: tuple[list, ...]) -> tuple[set[int], dict[int, list[Document]]]:
    """What the first tasks' reads are worth, decided here in file order: the kept documents (their
    ``id``), and the tasks to write again (a task that held a file not kept) with their kept documents."""
    kept = {id(doc) for doc in reader.documents(read for reads in firsts for read in reads)}
    redo = {number: [r.doc for r in reads if id(r.doc) in kept] for number, reads in enumerate(firsts)
            if any(r.doc is not None and id(r.doc) not in kept for r in reads)}
    return kept, redo


def _run(client, tasks: list, parts: list[list[str]], progress: Callable[[int, int, str], None] | None) -> list:
    """The results of ``tasks`` (one per part of ``parts``, the file names it reads), in order, computed by
    ``client``; ``progress`` told when they start and as each finishes."""
    from dask.distributed import as_completed

    futures = client.compute(tasks)
    if progress is not None:
        part_of = {f.key: k for k, f in enumerate(futures)}
        n, done = sum(map(len, parts)), 0
        progress(0, n, parts[0][0] if parts else "")  # started
        for future in as_completed(futures):
            done += len(parts[part_of[future.key]])
            progress(done, n, parts[part_of[future.key]][-1])
    return client.gather(futures)
