"""Load a folder of articles into a :class:`Corpus` of tidy tables.

Tables (pandas DataFrames; the README's codebook documents every column):

* ``documents``: one row per loaded file;
* ``segments``: each page split into articles and sections;
* ``sentences``: sentences with their topics;
* ``mentions``: entity mentions;
* ``claims``: every reported number (built on first use, see :mod:`analysis.claims`);
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
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar
from pathlib import Path

import pandas as pd

from .documents import (
    Document, Manifest, ManifestError, apply_manifest, near_duplicates, read_manifest, script_mixing, text_key,
)
from .files import UnreadableFile, decode_bytes, read_bytes
from .tables import frame
from ..text.langdata import detect_language, language, languages
from .mentions import find_mentions
from ..text.normalize import normalize
from .segments import segment_document
from .sentences import SentenceIndex, split_sentences
from .topics import topics_of

__all__ = ["Corpus", "CorpusError", "CorpusWarning", "load_corpus", "MANIFEST_NAME"]

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
    #: Builds the claims table from a corpus; set by :mod:`analysis.claims`, the next stage
    #: (so that imports run one way: corpus never imports claims).
    claims_builder: ClassVar[Callable[[Corpus], pd.DataFrame] | None] = None

    @property
    def claims(self) -> pd.DataFrame:
        """Every reported number as a traceable claim (see :mod:`analysis.claims`)."""
        if self._claims is None:
            if Corpus.claims_builder is None:
                raise RuntimeError("no claims stage: import analysis (or analysis.claims) first")
            self._claims = Corpus.claims_builder(self)
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


def _candidate_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(
        p for p in root.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name.lower() not in _NOT_ARTICLES
    )


def load_corpus(
    path: str | Path = "seeds",
    strict: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> Corpus:
    """Load every article file under ``path`` (a folder or one file).

    Bad files (empty, binary, undecodable, duplicates) are listed in
    ``Corpus.skipped`` with the reason and a :class:`CorpusWarning`; the rest
    still load. A bad row of ``SOURCES.csv`` is a warning naming its line, and
    only that row is ignored. With ``strict=True`` any problem raises
    :class:`CorpusError` instead. ``progress(i, n, file)`` is called before
    each file is read and analysed.
    """
    root = Path(path)
    if not root.exists():
        raise CorpusError(f"{root}: no such file or folder")
    problems: list[dict] = []
    skipped: list[dict] = []

    def problem(where: Path, level: str, message: str, fatal: bool = True) -> None:
        message = _one_line(message)
        if strict and fatal:
            raise CorpusError(message)
        problems.append({"file": str(where), "level": level, "message": message})
        warnings.warn(message, CorpusWarning, stacklevel=3)

    def skip(p: Path, reason: str, message: str, level: str = "warning") -> None:
        skipped.append({"file": p.name, "reason": reason})
        problem(p, level, message)

    folder = root if root.is_dir() else root.parent
    manifest_path = folder / MANIFEST_NAME
    manifest: Manifest | None = None
    if manifest_path.exists():
        try:
            manifest = read_manifest(manifest_path)
        except ManifestError as exc:
            problem(manifest_path, "error", f"{exc}; loading without it")
        else:
            for p in manifest.problems:
                if root.is_dir() or p.file == root.name:
                    problem(manifest_path, "warning", p.message)

    files = _candidate_files(root)
    if manifest is None and root.is_dir() and files:
        problem(manifest_path, "warning", f"{folder}: no usable {MANIFEST_NAME}; metadata of every file is inferred",
                fatal=False)
    docs: dict[str, Document] = {}
    tables: dict[str, tuple[list, list, list, int]] = {}
    seen_bytes: dict[str, str] = {}  # sha256 of the bytes → file
    seen_text: dict[str, str] = {}  # text_key → file
    for i, p in enumerate(files):
        if progress:
            progress(i, len(files), p.name)
        try:
            data = read_bytes(p)
            decoded = decode_bytes(data)
        except UnreadableFile as exc:
            skip(p, str(exc), f"{p}: skipped: {exc}")
            continue
        sha256, key = hashlib.sha256(data).hexdigest(), text_key(decoded.text)
        first = seen_bytes.get(sha256) or seen_text.get(key)
        if first is not None:
            how = "same bytes" if sha256 in seen_bytes else "same text once line ends, BOM and trailing spaces are normalized"
            skip(p, f"duplicate of {first}", f"{p}: skipped: duplicate of {folder / first} ({how})")
            continue
        doc = Document(
            doc_id=p.stem, file=p.name, path=p, text=decoded.text, lang=detect_language(decoded.text),
            encoding=decoded.encoding, sha256=sha256,
        )
        if decoded.warning:
            doc.flags.append(f"encoding({decoded.encoding})")
            problem(p, "warning", f"{p}: {decoded.warning}")
        if decoded.nuls:
            doc.flags.append(f"nul({decoded.nuls})")
            problem(p, "warning", f"{p}: holds {decoded.nuls} NUL character(s); read as text, the NULs are kept "
                                  "so offsets still index the file")
        row = manifest.get(p.name) if manifest is not None else None
        if row is not None:
            for message in apply_manifest(doc, row):
                problem(p, "warning", f"{p}: {message}")
        else:
            doc.flags.append("no_manifest_row")
            if manifest is not None:
                line = manifest.ignored.get(p.name)
                why = (f"its row in {MANIFEST_NAME} (line {line}) was ignored" if line
                       else f"no row in {MANIFEST_NAME}")
                problem(p, "warning", f"{p}: {why}; metadata inferred (lang={doc.lang or 'unknown'})")
        if doc.lang not in languages():
            doc.lang = None
        if doc.doc_id in docs:
            skip(p, f"doc_id {doc.doc_id} already used by {docs[doc.doc_id].file}",
                 f"{p}: doc_id {doc.doc_id} is used twice (also by {folder / docs[doc.doc_id].file}); skipped",
                 level="error")
            continue
        seen_bytes[sha256], seen_text[key] = p.name, p.name
        docs[doc.doc_id] = doc
        tables[doc.doc_id] = _analyse(doc)
    if root.is_dir():
        present = {p.name for p in files}
        for name in sorted(set(manifest or ()) - present):
            skip(folder / name, f"listed in {MANIFEST_NAME} but the file is missing",
                 f"{manifest_path}, line {manifest.lines[name]}: lists {name}, "
                 f"but {folder / name} does not exist", level="error")

    copies = near_duplicates({doc.file: doc.text for doc in docs.values()})
    for doc in docs.values():
        doc.flags += [f"near_duplicate({other})" for other in copies.get(doc.file, [])]
    return _build(root, docs, tables, skipped, problems)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _one_line(message: str) -> str:
    """Control characters (line breaks included) escaped, so every problem is one line."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], message)


def _analyse(doc: Document) -> tuple[list, list, list, int]:
    """Segments, sentences and mentions of one document (rows), and its number of articles; adds its flags."""
    seg_rows, sent_rows, mention_rows = [], [], []
    segments = segment_document(doc.text, doc.lang)
    n_articles = 1 + max((s.article for s in segments), default=0)
    if n_articles > 1:
        doc.flags.append(f"several_articles({n_articles})")
    mixing = script_mixing(doc.text, language(doc.lang).script if doc.lang else None)
    if mixing:
        doc.flags.append(f"script_mixing({', '.join(mixing[:3])})")
    norm = normalize(doc.text)
    sent_spans = []
    for seg in segments:
        seg_rows.append({"doc_id": doc.doc_id, "article": seg.article, "section": seg.section,
                         "start": seg.start, "end": seg.end, "published": doc.published_for(seg.article)})
        for s in split_sentences(doc.text, seg.start, seg.end, doc.lang):
            sent_no = len(sent_spans)
            sent_spans.append((s.start, s.end, seg.article, seg.section, sent_no))
            a, b = norm.to_normalized(s.start, s.end)
            sent_rows.append({"doc_id": doc.doc_id, "article": seg.article, "section": seg.section,
                              "sent_no": sent_no, "start": s.start, "end": s.end,
                              "text": doc.text[s.start:s.end], "topics": topics_of(norm.text[a:b], doc.lang)})
    index = SentenceIndex(sent_spans)
    for m in find_mentions(doc.text, doc.lang, norm):
        article, section, sent_no = index.at(m.start)
        mention_rows.append({"doc_id": doc.doc_id, "article": article, "section": section, "sent_no": sent_no,
                             "start": m.start, "end": m.end, "surface": m.surface, "entity": m.entity,
                             "type": m.type, "candidate": m.candidate})
    return seg_rows, sent_rows, mention_rows, n_articles


def _build(root: Path, docs: dict[str, Document], tables: dict[str, tuple[list, list, list, int]],
           skipped: list[dict], problems: list[dict]) -> Corpus:
    seg_rows, sent_rows, mention_rows, doc_rows = [], [], [], []
    for doc in docs.values():
        segs, sents, mentions, n_articles = tables[doc.doc_id]
        seg_rows += segs
        sent_rows += sents
        mention_rows += mentions
        doc_rows.append({
            "doc_id": doc.doc_id, "file": doc.file, "lang": doc.lang or "", "outlet": doc.outlet,
            "authors": doc.authors, "country": doc.country, "published": " ; ".join(doc.published),
            "published_evidence": doc.published_evidence, "n_chars": len(doc.text), "n_articles": n_articles,
            "encoding": doc.encoding, "sha256": doc.sha256, "in_manifest": doc.in_manifest,
            "flags": "; ".join(doc.flags), "notes": doc.notes,
        })
    return Corpus(
        root=root, docs=docs,
        documents=frame(doc_rows, DOCUMENT_COLUMNS), segments=frame(seg_rows, SEGMENT_COLUMNS),
        sentences=frame(sent_rows, SENTENCE_COLUMNS), mentions=frame(mention_rows, MENTION_COLUMNS),
        skipped=frame(skipped, SKIPPED_COLUMNS), problems=frame(problems, PROBLEM_COLUMNS),
    )
