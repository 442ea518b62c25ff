"""Load a folder of articles into a :class:`Corpus` of tidy tables.

Tables (pandas DataFrames; the README's codebook documents every column):

* ``documents``: one row per loaded file;
* ``segments``: each page split into articles and sections;
* ``sentences``: sentences with their topics;
* ``mentions``: entity mentions;
* ``claims``: every reported number (found with each document's analysis once :mod:`analysis.claims`
  is imported, as ``import analysis`` does; see there);
* ``skipped``: every file not loaded, and why; ``problems``: every warning and error.

Files are named the way the caller named the corpus: loading ``seeds`` reports
``seeds/x.txt`` in every warning, error and ``problems.file``; ``documents.file``
and ``skipped.file`` hold the name inside the folder (``x.txt``), the key the
other tables and the manifest use.

Duplicates: a file whose text is the same as an earlier one's (in sorted file
order; same bytes, or the same text once line ends, BOM and trailing white
space are normalized) is skipped with the reason ``duplicate of FILE``.
Near-identical copies (at least 90 % of each one's word 5-grams shared) both
load, each flagged ``near_duplicate(OTHER_FILE)``.

Scale: :class:`CorpusReader` has the files read once and analysed in ``jobs`` processes, a batch
at a time (:func:`in_order`), and decides in file order which are kept; :func:`load_corpus` keeps every chunk, the
streaming path (:mod:`analysis.build.scale`) writes each and lets it go.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import groupby, islice
from pathlib import Path
from typing import ClassVar, NamedTuple

import pandas as pd

from .documents import (
    Document, Manifest, ManifestError, apply_manifest, near_duplicates, read_manifest, script_mixing, text_key,
)
from .bookkeeping import FileNames, SeenKeys, key_of
from .files import UnreadableFile, decode_bytes, read_bytes
from .tables import frame
from ..text.langdata import detect_language, language, languages
from .mentions import find_mentions
from ..text.normalize import normalize
from .segments import segment_document
from .sentences import SentenceIndex, split_sentences
from .topics import topics_of

__all__ = ["Analysed", "Chunk", "Corpus", "CorpusError", "CorpusReader", "CorpusWarning", "load_corpus", "MANIFEST_NAME"]

MANIFEST_NAME = "SOURCES.csv"
_NOT_ARTICLES = {MANIFEST_NAME.lower(), "readme.md", "license", "license.md"}

DOCUMENT_COLUMNS = {
    "doc_id": "str", "file": "str", "lang": "str", "outlet": "str", "authors": "str", "country": "str",
    "published": "str",
    "published_evidence": "str", "n_chars": "int64", "n_articles": "int64", "encoding": "str",
    "sha256": "str", "in_manifest": "bool", "flags": "str", "notes": "str",
}
SEGMENT_COLUMNS = {"doc_id": "str", "article": "int64", "section": "str", "start": "int64", "end": "int64", "published": "str"}
SENTENCE_COLUMNS = {
    "doc_id": "str", "article": "int64", "section": "str", "sent_no": "int64", "start": "int64", "end": "int64",
    "text": "str", "topics": "str",
}
MENTION_COLUMNS = {
    "doc_id": "str", "article": "int64", "section": "str", "sent_no": "int64", "start": "int64", "end": "int64",
    "surface": "str", "entity": "str", "type": "str", "candidate": "bool",
}
SKIPPED_COLUMNS = {"file": "str", "reason": "str"}
PROBLEM_COLUMNS = {"file": "str", "level": "str", "message": "str"}


class CorpusError(ValueError):
    """Raised by ``load_corpus(..., strict=True)`` for any file problem."""


class CorpusWarning(UserWarning):
    """A file was skipped, re-encoded or is missing from the manifest."""


@dataclass
class Corpus:
    """A loaded corpus: tables plus the documents themselves."""

    root: Path
    docs: dict[str, Document]
    documents: pd.DataFrame
    segments: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    skipped: pd.DataFrame
    problems: pd.DataFrame
    _claims: pd.DataFrame | None = field(default=None, repr=False)
    #: The claims found while loading (each document's with its analysis), in file order, until
    #: ``claims`` orders them; ``None`` when the claims stage was not imported at load time.
    found_claims: pd.DataFrame | None = field(default=None, repr=False)
    #: Builds the claims table from a corpus; set by :mod:`analysis.claims`, the next stage
    #: (so that imports run one way: corpus never imports claims).
    claims_builder: ClassVar[Callable[[Corpus], pd.DataFrame] | None] = None
    #: Claims of one document, ``(doc, normalized, sentence spans, mentions) → rows``, run with its
    #: analysis (in the same process, on the same normalized copy); set by :mod:`analysis.claims`.
    document_claims: ClassVar[Callable[..., list[dict]] | None] = None
    #: The columns of the claims table (name → dtype); set by :mod:`analysis.claims`.
    claims_schema: ClassVar[dict[str, str] | None] = None

    @property
    def claims(self) -> pd.DataFrame:
        """Every reported number as a traceable claim (see :mod:`analysis.claims`)."""
        if self._claims is None:
            if Corpus.claims_builder is None:
                raise RuntimeError("no claims stage: import analysis (or analysis.claims) first")
            self._claims = Corpus.claims_builder(self)
            self.found_claims = None
        return self._claims

    #: Builds the comparison table from a corpus; set by :mod:`analysis.compare`.
    comparison_builder: ClassVar[Callable[[Corpus], pd.DataFrame] | None] = None

    @property
    def comparison(self) -> pd.DataFrame:
        """Where the sources agree, conflict or contradict themselves (see :mod:`analysis.compare`)."""
        found = self.__dict__.get("_comparison")
        if found is None:
            if Corpus.comparison_builder is None:
                raise RuntimeError("no compare stage: import analysis (or analysis.compare) first")
            found = self.__dict__["_comparison"] = Corpus.comparison_builder(self)
        return found

    def text(self, doc_id: str) -> str:
        """The decoded original text of one document."""
        return self.docs[doc_id].text

    def document(self, doc_id: str) -> Document:
        """One document (displays as RTL HTML in JupyterLab)."""
        return self.docs[doc_id]

    def summary(self) -> str:
        """A one-screen plain-text summary (what ``python -m analysis corpus`` prints)."""
        from .display import corpus_summary

        return corpus_summary(self)

    def _repr_html_(self) -> str:
        from .display import corpus_html

        return corpus_html(self)

    def __repr__(self) -> str:
        return f"<Corpus {self.root.name}/: {len(self.documents)} documents, {len(self.skipped)} skipped>"


def _candidate_files(root: Path) -> list[str]:
    """The names of the article files of a folder (or of the one file), sorted; listed without a
    path object per file (a folder may hold a million)."""
    if root.is_file():
        return [root.name]
    with os.scandir(root) as entries:
        return sorted(e.name for e in entries
                      if e.is_file() and not e.name.startswith(".") and e.name.lower() not in _NOT_ARTICLES)


def load_corpus(
    path: str | Path = "seeds",
    strict: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int = 1,
) -> Corpus:
    """Load every article file under ``path`` (a folder or one file).

    Bad files (empty, binary, undecodable, duplicates) are listed in
    ``Corpus.skipped`` with the reason and a :class:`CorpusWarning`; the rest
    still load. A bad row of ``SOURCES.csv`` is a warning naming its line, and
    only that row is ignored. With ``strict=True`` any problem raises
    :class:`CorpusError` instead. ``progress(i, n, file)`` is called as each
    file is analysed.

    ``jobs`` processes analyse the documents (segments, sentences, mentions and,
    once :mod:`analysis.claims` is imported, claims), in chunks; the tables are
    the same as with one process, in the same order. ``jobs=0`` means every core.
    """
    reader = CorpusReader(path, strict=strict, progress=progress, jobs=jobs)
    chunks = list(reader)
    docs = {doc.doc_id: doc for chunk in chunks for doc in chunk.docs}
    copies = near_duplicates({doc.file: doc.text for doc in docs.values()})
    for doc in docs.values():
        doc.flags += [f"near_duplicate({other})" for other in copies.get(doc.file, [])]
    return _build(reader.root, docs, chunks, reader.skipped, reader.problems)


@dataclass
class Analysed:
    """What one document gives: its rows of segments, sentences, mentions and claims (``None`` when
    no claims stage was loaded), its number of articles and the flags the analysis added."""

    segments: list[dict]
    sentences: list[dict]
    mentions: list[dict]
    n_articles: int
    flags: list[str]
    claims: list[dict] | None = None
    #: False for a piece of a document other than its last (:func:`analyse_pieces`).
    last: bool = True


class CorpusReader:
    """Read a folder (or one file) document by document: iterate for :class:`Chunk` tables in file
    order; ``skipped`` and ``problems`` fill as it goes (rows as in :class:`Corpus`).

    Each file is read, decoded and hashed once, by the process that analyses it: ``jobs`` processes
    (``0``: every core) take batches of :data:`CHUNK_DOCS` files, at most a few batches ahead of the
    consumer, so memory does not grow with the number of files. Duplicates and reused doc_ids are
    decided here, in sorted file order, as the batches come back (a batch analysed with a file that is
    not kept is analysed again without it: duplicates are rare). With
    ``piece_chars``, a longer document is analysed in pieces (:func:`analyse_pieces`) in this process,
    so its rows need not be held at once. With ``then``, a chunk's ``tables`` are what
    ``then(documents, n_articles, tables)`` makes of them, in the worker (a writer's encoding, say).
    This is what :func:`load_corpus` and the streaming build (:mod:`analysis.build.scale`) share.
    """

    def __init__(self, path: str | Path, strict: bool = False,
                 progress: Callable[[int, int, str], None] | None = None, jobs: int = 1,
                 piece_chars: int | None = None, then: Callable | None = None):
        self.piece_chars, self.then = piece_chars, then
        self.root = Path(path)
        if not self.root.exists():
            raise CorpusError(f"{self.root}: no such file or folder")
        self.strict, self.progress = strict, progress
        self.skipped: list[dict] = []
        self.problems: list[dict] = []
        self.folder = self.root if self.root.is_dir() else self.root.parent
        self.manifest = self._manifest()
        #: The names of the files to read, in order (names, not paths: a million of them are held at once).
        self.files = FileNames(_candidate_files(self.root))
        # no more processes than chunks: a pool for five files would cost more than it saves
        self.jobs = min(jobs_count(jobs), max(1, -(-len(self.files) // CHUNK_DOCS)))
        # what was seen → the position of its file in ``files``: 16-byte keys, held compactly
        self._seen_bytes, self._seen_text, self._seen_ids = SeenKeys(), SeenKeys(), SeenKeys()  # sha256, text_key, doc_id
        if self.manifest is None and self.root.is_dir() and self.files:
            self.problem(self.folder / MANIFEST_NAME, "warning",
                         f"{self.folder}: no usable {MANIFEST_NAME}; metadata of every file is inferred", fatal=False)

    def problem(self, where: Path, level: str, message: str, fatal: bool = True) -> None:
        message = _one_line(message)
        if self.strict and fatal:
            raise CorpusError(message)
        self.problems.append({"file": str(where), "level": level, "message": message})
        warnings.warn(message, CorpusWarning, stacklevel=4)

    def skip(self, p: Path, reason: str, message: str, level: str = "warning") -> None:
        self.skipped.append({"file": p.name, "reason": reason})
        self.problem(p, level, message)

    def skip_changed(self, p: Path) -> None:
        """Skip file ``p``, kept when first read but different when read again."""
        self.skip(p, "changed while it was read", f"{p}: skipped: the file changed while it was read")

    def _manifest(self) -> Manifest | None:
        manifest_path = self.folder / MANIFEST_NAME
        if not manifest_path.exists():
            return None
        try:
            manifest = read_manifest(manifest_path)
        except ManifestError as exc:
            self.problem(manifest_path, "error", f"{exc}; loading without it")
            return None
        for p in manifest.problems:
            if self.root.is_dir() or p.file == self.root.name:
                self.problem(manifest_path, "warning", p.message)
        return manifest

    def documents(self, reads: Iterable[_Read] | None = None) -> Iterator[Document]:
        """The documents to analyse, in file order: unreadable files, duplicates and reused doc_ids skipped.
        ``reads``: the files already read, one per file of ``files`` in order (by default they are read here)."""
        if reads is None:
            reads = (read_document(self.folder / name, self.manifest) for name in self.files)
        for k, (name, read) in enumerate(zip(self.files, reads, strict=True)):
            doc = self._keep(k, name, read)
            if doc is not None:
                yield doc
        self._missing()

    def _keep(self, k: int, name: str, read: _Read) -> Document | None:
        """File ``k`` of ``files`` as read: its document, or None (unreadable, a duplicate of an earlier
        file, or a doc_id already used; skipped and said). Called in file order."""
        p = self.folder / name
        self._forget_row(name)
        if read.error:
            self.skip(p, read.error, f"{p}: skipped: {read.error}")
            return None
        doc = read.doc
        digest, key, doc_key = bytes.fromhex(doc.sha256[:32]), bytes.fromhex(read.key[:32]), key_of(doc.doc_id)
        first = self._seen_bytes.get(digest)
        how = "same bytes"
        if first is None:
            first = self._seen_text.get(key)
            how = "same text once line ends, BOM and trailing spaces are normalized"
        if first is not None:
            first = self.files[first]
            self.skip(p, f"duplicate of {first}", f"{p}: skipped: duplicate of {self.folder / first} ({how})")
            return None
        for message in read.messages:
            self.problem(p, "warning", f"{p}: {message}")
        if doc_key in self._seen_ids:
            other = self.files[self._seen_ids.get(doc_key)]
            self.skip(p, f"doc_id {doc.doc_id} already used by {other}",
                      f"{p}: doc_id {doc.doc_id} is used twice (also by {self.folder / other}); skipped",
                      level="error")
            return None
        self._seen_bytes.add(digest, k)
        self._seen_text.add(key, k)
        self._seen_ids.add(doc_key, k)
        return doc

    def _forget_row(self, name: str) -> None:
        """Drop a file's manifest row once the file is read: the manifest shrinks as the corpus is read,
        and the rows left at the end are those of missing files (:meth:`_missing`)."""
        if self.manifest is not None:
            self.manifest.rows.discard(name)

    def _missing(self) -> None:
        if not self.root.is_dir() or self.manifest is None:
            return
        for name in self.manifest:  # rows whose file was never read (sorted, as the manifest keeps them)
            self.skip(self.folder / name, f"listed in {MANIFEST_NAME} but the file is missing",
                      f"{self.folder / MANIFEST_NAME}, line {self.manifest.rows.line(name)}: lists {name}, "
                      f"but {self.folder / name} does not exist", level="error")

    def __iter__(self) -> Iterator[Chunk]:
        """The documents as :class:`Chunk` tables, in file order; a document longer than ``piece_chars``
        comes in pieces, analysed here, one at a time (:func:`analyse_pieces`)."""
        n, done = len(self.files), 0
        for chunk in self._chunks():
            for doc in chunk.docs:
                if self.progress:
                    self.progress(done, n, doc.file)
                done += 1
            yield chunk

    def _chunks(self) -> Iterator[Chunk]:
        """Batches of :data:`CHUNK_DOCS` files, each read and analysed by a process of the pool
        (:func:`_read_and_analyse`: reading, decoding and hashing spread over the cores too); here, in
        file order, what each batch's reads are worth is decided (:meth:`_keep`), and a batch whose
        readable files were not all kept (a duplicate, a reused doc_id) is analysed again without them."""
        claims, schema, limit = Corpus.document_claims, Corpus.claims_schema, self.piece_chars
        names = batches(self.files, CHUNK_DOCS)
        if self.jobs > 1:
            _warm_up(claims)
            # the pool's own copy of the manifest: this one forgets each row as its file is kept (:meth:`_missing`)
            share = (self.folder, copy.deepcopy(self.manifest), claims, schema, self.then, limit)
            work = in_order(_read_and_analyse, names, self.jobs, chunk=1, initializer=_share, initargs=share)
        else:  # here a batch is read before its rows are forgotten
            share = (self.folder, self.manifest, claims, schema, self.then, limit)
            work = ((batch, _read_and_analyse(batch, share)) for batch in names)
        k = 0
        for batch, (reads, runs) in work:
            kept = [self._keep(k + i, name, read) for i, (name, read) in enumerate(zip(batch, reads))]
            k += len(batch)
            for run, done in runs:
                docs = [kept[i] for i in run if kept[i] is not None]
                if done is None:  # a long document (its text left behind by a pool process: read it again)
                    docs = [d for d in docs if self._has_text(d)]
                    done = _in_pieces(docs, claims, schema, self.then, limit)
                elif len(docs) < len(run):  # analysed with a file that is not kept
                    done = _read_run(docs, claims, schema, self.then)
                else:
                    done = [(docs, done)]
                yield from _chunks_of(done)
        self._missing()

    def _has_text(self, doc: Document) -> bool:
        """Whether ``doc`` has its text: a long document a pool process sent back without it has it read
        again here; False, and said, if the file is no longer what was read."""
        if doc.text is not None:
            return True
        again = read_document(doc.path, None).doc
        if again is None or again.sha256 != doc.sha256:
            self.skip_changed(doc.path)
            return False
        doc.text = again.text
        return True


def _chunks_of(done: Iterable[tuple[list[Document], tuple]]) -> Iterator[Chunk]:
    """Chunks of what analysed documents gave, the flags added to the documents they complete."""
    for completed, (flags, n_articles, tables) in done:
        for doc, more in zip(completed, flags):
            doc.flags += more
        yield Chunk(completed, n_articles, tables)


_SHARED: tuple = ()  # what a pool process reads its batches with (set by :func:`_share`)


def _share(*shared) -> None:
    """A pool process's folder, manifest, claims stage, schema, ``then`` and piece size."""
    global _SHARED
    _SHARED = shared


def _read_and_analyse(names: list[str], shared: tuple = ()) -> tuple[list[_Read], list[tuple[list[int], tuple | None]]]:
    """Read a batch of files (with ``shared``, else what :func:`_share` set) and analyse the readable
    ones as if every one were kept: their reads, and the runs of documents analysed together, each as
    (the positions of its files in the batch, what :func:`analyse_chunk` gives). A document longer
    than the piece size is a run of its own, not analysed (``None``): it is analysed in pieces by the
    process that reads the chunks (:func:`_in_pieces`). Read in a pool process, it comes back without
    its text (``None``; a batch waiting to be taken back holds no long text), read again there."""
    folder, manifest, claims, schema, then, limit = shared or _SHARED
    reads = [read_document(folder / name, manifest) for name in names]
    long = {i for i, r in enumerate(reads) if r.doc is not None and limit is not None and len(r.doc.text) > limit}
    readable = [i for i, r in enumerate(reads) if r.doc is not None]
    runs: list[tuple[list[int], tuple | None]] = []
    for is_long, run in groupby(readable, key=long.__contains__):
        if is_long:
            runs += [([i], None) for i in run]
        else:
            run = list(run)
            runs.append((run, analyse_chunk([reads[i].doc for i in run], claims, schema, then)))
    if not shared:  # in a pool process
        reads = [r._replace(doc=replace(r.doc, text=None)) if i in long else r for i, r in enumerate(reads)]
    return reads, runs


def _read_run(docs: list[Document], claims: Callable | None, schema: dict[str, str] | None,
              then: Callable | None) -> list[tuple[list[Document], tuple]]:
    """The kept documents of a run the pool analysed with a file that is not kept, analysed here as one chunk."""
    return [(docs, analyse_chunk(docs, claims, schema, then))] if docs else []


def _in_pieces(docs: Iterable[Document], claims: Callable | None, schema: dict[str, str] | None,
               then: Callable | None, piece_chars: int) -> Iterator[tuple[list[Document], tuple]]:
    """Long documents analysed here in pieces (:func:`analyse_pieces`), as :func:`in_order` gives chunks:
    a piece completes its document when it is the last."""
    for doc in docs:
        for piece in analyse_pieces(doc, claims, piece_chars):
            completed = [doc] if piece.last else []
            yield completed, _finish(completed, [piece], schema, then)


def _warm_up(claims: Callable | None) -> None:
    """Load every language's data here, before the pool's processes start: forked, they share it
    instead of each loading its own (most of a second each)."""
    for lang in languages():
        analyse(Document(doc_id="warm-up", file="", path=Path(), text="1 2%", lang=lang, encoding="utf-8",
                         sha256=""), claims)


#: Documents a process analyses at a time (:class:`CorpusReader`): enough that sending them costs little.
CHUNK_DOCS = 16


@dataclass
class Chunk:
    """The tables of a run of documents (segments, sentences, mentions and, once the claims stage is
    imported, claims; or what :class:`CorpusReader`'s ``then`` made of them), the documents it completes
    (their flags added) and their numbers of articles. A piece of a long document other than its last
    completes none."""

    docs: list[Document]
    n_articles: list[int]
    tables: dict[str, pd.DataFrame]


def analyse_chunk(docs: list[Document], claims: Callable | None = None, schema: dict[str, str] | None = None,
                  then: Callable | None = None) -> tuple[list[list[str]], list[int], dict]:
    """:func:`analyse` of each document, as tables (built here: in a worker, a table travels back far
    faster than its rows; with ``then``, what ``then(docs, n_articles, tables)`` makes of them); with each
    document's flags to add and its number of articles."""
    return _finish(docs, [analyse(doc, claims) for doc in docs], schema, then)


def _finish(docs: list[Document], found: list[Analysed], schema: dict[str, str] | None,
            then: Callable | None) -> tuple[list[list[str]], list[int], dict]:
    """The flags to add to ``docs`` (the documents ``found`` completes: its last ones), their numbers of
    articles, and the tables of ``found`` (or what ``then`` makes of them, given the documents flagged)."""
    last = found[len(found) - len(docs):]
    flags, n_articles, tables = [f.flags for f in last], [f.n_articles for f in last], _tables(found, schema)
    if then is not None:
        flagged = [replace(doc, flags=doc.flags + more) for doc, more in zip(docs, flags)]
        tables = then(flagged, n_articles, tables)
    return flags, n_articles, tables


def _tables(found: list[Analysed], schema: dict[str, str] | None) -> dict[str, pd.DataFrame]:
    tables = {name: frame([r for f in found for r in getattr(f, name)], columns)
              for name, columns in (("segments", SEGMENT_COLUMNS), ("sentences", SENTENCE_COLUMNS),
                                    ("mentions", MENTION_COLUMNS))}
    if schema is not None and all(f.claims is not None for f in found):
        tables["claims"] = frame([r for f in found for r in f.claims], schema)
    return tables


def jobs_count(jobs: int | None) -> int:
    """``jobs`` as a number of processes: 0 or None is every core.

    >>> jobs_count(3), jobs_count(0) == (os.cpu_count() or 1)
    (3, True)
    """
    if jobs is None or jobs == 0:
        return os.cpu_count() or 1
    if not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs={jobs!r}: give a whole number of processes (0 for every core)")
    return jobs


def batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter), never held whole.

    >>> list(batches(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    items = iter(items)
    return iter(lambda: list(islice(items, size)), [])


def in_order(work: Callable, items: Iterable, jobs: int, extra: tuple = (), chunk: int = 16,
             ahead: int = 3, initializer: Callable | None = None, initargs: tuple = ()) -> Iterator[tuple]:
    """``(item, work(item, *extra))`` for each item, in order. With ``jobs`` > 1 the items go to a
    process pool in chunks of ``chunk``, with at most ``ahead`` chunks per process in flight (so a
    long iterable is never held whole); one process works in place, without a pool. ``initializer(*initargs)``
    runs once in each pool process: what every item needs, sent once."""
    if jobs <= 1:
        for item in items:
            yield item, work(item, *extra)
        return
    pending: deque = deque()
    items = iter(items)
    with ProcessPoolExecutor(max_workers=jobs, initializer=initializer, initargs=initargs) as pool:
        while True:
            while len(pending) < ahead * jobs:
                batch = list(islice(items, chunk))
                if not batch:
                    break
                pending.append((batch, pool.submit(_work_on, work, batch, extra)))
            if not pending:
                return
            batch, future = pending.popleft()
            yield from zip(batch, future.result())


def _work_on(work: Callable, batch: list, extra: tuple) -> list:
    return [work(item, *extra) for item in batch]


class _Read(NamedTuple):
    doc: Document | None
    key: str = ""  #: :func:`text_key`: duplicates are decided on it and on the bytes' sha256
    messages: tuple[str, ...] = ()  #: warnings about this file (encoding, NULs, its manifest row)
    error: str = ""  #: why the file cannot be read


def read_document(p: Path, manifest: Manifest | None) -> _Read:
    """Read, decode and hash one file and apply its manifest row (no analysis yet)."""
    try:
        data = read_bytes(p)
        decoded = decode_bytes(data)
    except UnreadableFile as exc:
        return _Read(None, error=str(exc))
    doc = Document(
        doc_id=p.stem, file=p.name, path=p, text=decoded.text, lang=detect_language(decoded.text),
        encoding=decoded.encoding, sha256=hashlib.sha256(data).hexdigest(),
    )
    del data
    messages = []
    if decoded.warning:
        doc.flags.append(f"encoding({decoded.encoding})")
        messages.append(decoded.warning)
    if decoded.nuls:
        doc.flags.append(f"nul({decoded.nuls})")
        messages.append(f"holds {decoded.nuls} NUL character(s); read as text, the NULs are kept so offsets "
                        "still index the file")
    row = manifest.get(p.name) if manifest is not None else None
    if row is not None:
        messages += apply_manifest(doc, row)
    else:
        doc.flags.append("no_manifest_row")
        if manifest is not None:
            line = manifest.ignored.get(p.name)
            why = f"its row in {MANIFEST_NAME} (line {line}) was ignored" if line else f"no row in {MANIFEST_NAME}"
            messages.append(f"{why}; metadata inferred (lang={doc.lang or 'unknown'})")
    if doc.lang not in languages():
        doc.lang = None
    return _Read(doc, text_key(doc.text), tuple(messages))


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _one_line(message: str) -> str:
    """Control characters (line breaks included) escaped, so every problem is one line."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], message)


def analyse(doc: Document, claims: Callable | None = None) -> Analysed:
    """Segments, sentences, mentions and (with ``claims``, :attr:`Corpus.document_claims`) claims of
    one document, as rows; the text is normalized once for all of them. Leaves ``doc`` as it is (it
    may run in another process): the flags to add come back in :attr:`Analysed.flags`."""
    segments = segment_document(doc.text, doc.lang)
    sentences = [(seg, s) for seg in segments for s in split_sentences(doc.text, seg.start, seg.end, doc.lang)]
    found = _analyse_piece(doc, segments, sentences, 0, 0, 0, len(doc.text), claims)
    found.flags = _flags(doc, segments)
    return found


#: Context sentences read before a piece (:func:`analyse_pieces`): how far a source is carried back.
PIECE_CONTEXT = 3


def analyse_pieces(doc: Document, claims: Callable | None = None, piece_chars: int = 1_000_000) -> Iterator[Analysed]:
    """:func:`analyse` for a document too long to hold its rows at once: pieces of about ``piece_chars``
    characters, cut between articles where one ends within twice that, else between sentences, each
    read with the :data:`PIECE_CONTEXT` sentences before it. The flags and number of articles come with
    the last piece. Cut between articles, the rows are those of :func:`analyse` except where a relative
    date of a later article was resolved against the page's first date; cut inside an article, an
    article-wide reading (its main entity, a repeat of an earlier figure) sees only its piece."""
    segments = segment_document(doc.text, doc.lang)
    sentences: list[tuple] = []  # (segment, sentence) of the piece being gathered, after its context
    context: list[tuple] = []
    start = size = done = 0  # done: sentences in the pieces before
    for k, seg in enumerate(segments):
        for s in split_sentences(doc.text, seg.start, seg.end, doc.lang):
            sentences.append((seg, s))
            size += s.end - s.start
            if size >= 2 * piece_chars:  # an article this long is cut between sentences
                yield _piece(doc, segments, context, sentences, done, start, s.end, claims)
                done += len(sentences)
                context, sentences, start, size = (context + sentences)[-PIECE_CONTEXT:], [], s.end, 0
        if size >= piece_chars and k + 1 < len(segments) and segments[k + 1].article != seg.article:
            end = segments[k + 1].start
            yield _piece(doc, segments, context, sentences, done, start, end, claims)
            done += len(sentences)
            context, sentences, start, size = (context + sentences)[-PIECE_CONTEXT:], [], end, 0
    last = _piece(doc, segments, context, sentences, done, start, len(doc.text), claims)
    last.flags, last.last = _flags(doc, segments), True
    yield last


def _piece(doc: Document, segments: list, context: list, sentences: list, done: int, start: int, end: int,
           claims: Callable | None) -> Analysed:
    """One piece, ``[start, end)`` of the text, whose first sentence is number ``done``, read from its
    first context sentence on; the context's own rows are left to the piece before."""
    first = min([s.start for _, s in context] + [start])
    found = _analyse_piece(doc, segments, context + sentences, done - len(context), first, start, end, claims)
    found.last = False
    return found


def _flags(doc: Document, segments: list) -> list[str]:
    flags = []
    n_articles = 1 + max((s.article for s in segments), default=0)
    if n_articles > 1:
        flags.append(f"several_articles({n_articles})")
    mixing = script_mixing(doc.text, language(doc.lang).script if doc.lang else None)
    if mixing:
        flags.append(f"script_mixing({', '.join(mixing[:3])})")
    return flags


def _analyse_piece(doc: Document, segments: list, sentences: list, first_no: int, first: int, start: int, end: int,
                   claims: Callable | None) -> Analysed:
    """Rows of the text ``[start, end)``, read from ``first`` (<= start: context before it). ``sentences``
    are ``(segment, sentence)`` pairs in order, numbered from ``first_no``, those before ``start``
    context; offsets are the document's."""
    text = doc.text if (first, end) == (0, len(doc.text)) else doc.text[first:end]
    norm = normalize(text)
    seg_rows = [{"doc_id": doc.doc_id, "article": seg.article, "section": seg.section, "start": seg.start,
                 "end": seg.end, "published": doc.published_for(seg.article)} for seg in segments
                if start <= seg.start < end]
    sent_rows, mention_rows, spans = [], [], []
    for k, (seg, s) in enumerate(sentences):
        spans.append((s.start - first, s.end - first, seg.article, seg.section, first_no + k))
        if s.start < start:
            continue
        a, b = norm.to_normalized(s.start - first, s.end - first)
        sent_rows.append({"doc_id": doc.doc_id, "article": seg.article, "section": seg.section,
                          "sent_no": first_no + k, "start": s.start, "end": s.end,
                          "text": doc.text[s.start:s.end], "topics": topics_of(norm.text[a:b], doc.lang)})
    index = SentenceIndex(spans)
    mentions = find_mentions(text, doc.lang, norm)
    for m in mentions:
        if m.start + first < start:
            continue
        article, section, sent_no = index.at(m.start)
        mention_rows.append({"doc_id": doc.doc_id, "article": article, "section": section, "sent_no": sent_no,
                             "start": m.start + first, "end": m.end + first, "surface": m.surface,
                             "entity": m.entity, "type": m.type, "candidate": m.candidate})
    claim_rows = None
    if claims is not None:
        claim_rows = [r for r in claims(doc, norm, spans, mentions, first) if r["start"] >= start]
    n_articles = 1 + max((seg.article for seg in segments), default=0)
    return Analysed(seg_rows, sent_rows, mention_rows, n_articles, [], claim_rows)


def _build(root: Path, docs: dict[str, Document], chunks: list[Chunk], skipped: list[dict],
           problems: list[dict]) -> Corpus:
    n_articles = [n for chunk in chunks for n in chunk.n_articles]
    claims = None
    if chunks and all("claims" in chunk.tables for chunk in chunks):
        claims = joined(chunks, "claims", Corpus.claims_schema)
    return Corpus(
        root=root, docs=docs, documents=documents_table(list(docs.values()), n_articles),
        segments=joined(chunks, "segments", SEGMENT_COLUMNS), sentences=joined(chunks, "sentences", SENTENCE_COLUMNS),
        mentions=joined(chunks, "mentions", MENTION_COLUMNS),
        skipped=frame(skipped, SKIPPED_COLUMNS), problems=frame(problems, PROBLEM_COLUMNS),
        found_claims=claims,
    )


def joined(chunks: list[Chunk], name: str, columns: dict[str, str]) -> pd.DataFrame:
    """Table ``name`` of some chunks, as one (empty, with ``columns``, when they have no row)."""
    parts = [chunk.tables[name] for chunk in chunks if len(chunk.tables[name])]
    return pd.concat(parts, ignore_index=True) if parts else frame([], columns)


def documents_table(docs: list[Document], n_articles: list[int]) -> pd.DataFrame:
    """The ``documents`` table of ``docs``, given each one's number of articles."""
    return frame([document_row(doc, n) for doc, n in zip(docs, n_articles, strict=True)], DOCUMENT_COLUMNS)


def document_row(doc: Document, n_articles: int) -> dict:
    """A document's row of the ``documents`` table."""
    return {
        "doc_id": doc.doc_id, "file": doc.file, "lang": doc.lang or "", "outlet": doc.outlet,
        "authors": doc.authors, "country": doc.country, "published": " ; ".join(doc.published),
        "published_evidence": doc.published_evidence, "n_chars": len(doc.text), "n_articles": n_articles,
        "encoding": doc.encoding, "sha256": doc.sha256, "in_manifest": doc.in_manifest,
        "flags": "; ".join(doc.flags), "notes": doc.notes,
    }
