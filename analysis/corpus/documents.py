"""Files → documents: the source manifest, metadata and document flags.

``seeds/SOURCES.csv`` has one row per file (columns :data:`MANIFEST_COLUMNS`).
``published`` is an ISO date or month; a page that holds several articles may
list one date per article separated by ``;``. A file without a row still
loads with inferred metadata and a warning; a row whose file is missing is an
error naming it.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["MANIFEST_COLUMNS", "ManifestError", "Document", "read_manifest", "script_mixing"]

MANIFEST_COLUMNS = ("doc_id", "file", "lang", "outlet", "authors", "published", "published_evidence", "sha256", "notes")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class ManifestError(ValueError):
    """SOURCES.csv is malformed; the message names the file, row and problem."""


@dataclass
class Document:
    """One loaded file: its decoded text and metadata."""

    doc_id: str
    file: str
    path: Path
    text: str
    lang: str | None
    encoding: str
    sha256: str
    outlet: str = ""
    authors: str = ""
    published: list[str] = field(default_factory=list)
    published_evidence: str = ""
    notes: str = ""
    in_manifest: bool = False
    flags: list[str] = field(default_factory=list)

    def published_for(self, article: int) -> str:
        """Publication date of one article of the page ('' when unknown)."""
        if not self.published:
            return ""
        return self.published[min(article, len(self.published) - 1)]

    def __repr__(self) -> str:
        return (f"<Document {self.doc_id}: {self.lang or '?'}, {len(self.text)} chars, "
                f"published {' ; '.join(self.published) or '?'}>")

    def _repr_html_(self) -> str:
        from .display import document_html

        return document_html(self)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Rows of SOURCES.csv keyed by file name; :class:`ManifestError` if malformed."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise ManifestError(f"{path}: missing column(s) {', '.join(missing)}")
            rows: dict[str, dict[str, str]] = {}
            for n, row in enumerate(reader, start=2):
                name = (row.get("file") or "").strip()
                if not name:
                    raise ManifestError(f"{path}, line {n}: empty 'file'")
                if name in rows:
                    raise ManifestError(f"{path}, line {n}: {name} is listed twice")
                for date in _dates(row.get("published") or ""):
                    if not _ISO.match(date):
                        raise ManifestError(f"{path}, line {n}: published {date!r} is not an ISO date or month")
                rows[name] = {k: (v or "").strip() for k, v in row.items() if k}
            return rows
    except UnicodeDecodeError:
        raise ManifestError(f"{path}: not UTF-8") from None


def _dates(published: str) -> list[str]:
    return [d.strip() for d in published.split(";") if d.strip()]


def apply_manifest(doc: Document, row: dict[str, str] | None) -> list[str]:
    """Fill ``doc``'s metadata from its manifest row; return warnings."""
    if row is None:
        doc.flags.append("no_manifest_row")
        return [f"{doc.file}: no row in SOURCES.csv; metadata inferred (lang={doc.lang or 'unknown'})"]
    warnings = []
    doc.in_manifest = True
    doc.doc_id = row.get("doc_id") or doc.doc_id
    doc.outlet, doc.authors, doc.notes = row.get("outlet", ""), row.get("authors", ""), row.get("notes", "")
    doc.published = _dates(row.get("published", ""))
    doc.published_evidence = row.get("published_evidence", "")
    if row.get("lang") and doc.lang and row["lang"] != doc.lang:
        warnings.append(f"{doc.file}: SOURCES.csv says lang={row['lang']}, the text reads as {doc.lang}; using {row['lang']}")
    doc.lang = row.get("lang") or doc.lang
    if row.get("sha256") and row["sha256"].lower() != doc.sha256:
        doc.flags.append("sha256_mismatch")
        warnings.append(f"{doc.file}: sha256 differs from SOURCES.csv (the file changed since it was listed)")
    if len(set(doc.published)) > 1:
        doc.flags.append(f"several_dates({len(doc.published)})")
    return warnings


#: Scripts read as the document's own (besides its language's script).
_COMMON_SCRIPTS = {"LATIN", "DIGIT"}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else ""


def script_mixing(text: str, lang_script: re.Pattern | None) -> list[str]:
    """Words in a script other than the document's and Latin, e.g. ``['CYRILLIC:навигировать']``.

    Such a word inside a Hebrew or Arabic article usually betrays machine translation.
    """
    found: dict[str, None] = {}
    for word in re.findall(r"[^\W\d_]{2,}", text):
        if lang_script is not None and lang_script.search(word):
            continue
        script = _script(word[0])
        if script and script not in _COMMON_SCRIPTS and not word.isascii():
            found.setdefault(f"{script}:{word}", None)
    return list(found)
