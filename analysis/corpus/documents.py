"""Files → documents: the source manifest, metadata, document flags and duplicates.

``seeds/SOURCES.csv`` has one row per file (columns :data:`MANIFEST_COLUMNS`,
in any order). Only ``file`` is required: a manifest without it is unusable
(:class:`ManifestError`, naming the missing column); every other column may be
absent (an old manifest without ``country`` still loads), and an unknown column
is reported and ignored.

``published`` is an ISO date, month or year; a page that holds several articles
may list one date per article separated by ``;``. ``lang`` must be a language
with a data folder (:func:`analysis.text.langdata.languages`); ``country`` is
the outlet's country as an ISO 3166-1 alpha-2 code (``IL``, ``EG``, ``SA``,
``AE`` …; lower case is accepted and upper-cased).

A bad row (empty ``file``, a file or doc_id listed twice, a bad date, an
unknown language, a bad country code, more fields than the header) is one
problem: :func:`read_manifest` reports it with the manifest's path and the
row's line number, and ignores that row alone; its file then loads as if it
had no row. A file without a row still loads with inferred metadata and a
warning; a row whose file is missing is an error naming it.

Duplicates: :func:`text_key` tells exact copies (the same text once line
ends, BOM and trailing white space are normalized); :func:`near_duplicates`
finds near-identical copies (at least 90 % of each one's word 5-grams shared)
without comparing every pair.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import math
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..text.langdata import languages
from .bookkeeping import FileNames, SeenKeys, key_of

__all__ = [
    "MANIFEST_COLUMNS", "REQUIRED_COLUMNS", "COUNTRIES", "ManifestError", "Manifest", "RowProblem", "Document",
    "read_manifest", "apply_manifest", "script_mixing", "text_key", "near_duplicates",
]

MANIFEST_COLUMNS = (
    "doc_id", "file", "lang", "outlet", "authors", "published", "published_evidence", "sha256", "notes", "country",
)
#: Columns without which a manifest is unusable; every other column is optional.
REQUIRED_COLUMNS = ("file",)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

#: The officially assigned ISO 3166-1 alpha-2 country codes.
COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO
FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE
JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO
MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM
TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())


class ManifestError(ValueError):
    """SOURCES.csv is unusable as a whole; the message names the file, line (if any) and problem."""


@dataclass(frozen=True)
class RowProblem:
    """A manifest row that was ignored (or a header remark): its line, its ``file`` and a one-line message."""

    line: int
    file: str
    message: str


class ManifestRows:
    """The usable rows of a manifest: file name → its values (in the order of ``columns``), held in
    Arrow columns sorted by file name, so a manifest of a million rows costs about what its text
    does rather than several Python objects per cell. A row read is :meth:`discard`-ed: iterating
    gives the names of the rows left (sorted), which are the files that were never found.

    >>> built = _RowsBuilder(width=2); built.add("b.txt", ("2", "ar"), 3); built.add("a.txt", ("1", "he"), 2)
    >>> rows = built.done()
    >>> rows.get("a.txt"), rows.line("b.txt"), "c.txt" in rows, list(rows)
    (('1', 'he'), 3, False, ['a.txt', 'b.txt'])
    >>> rows.discard("a.txt"); list(rows), len(rows), rows.get("a.txt")
    (['b.txt'], 1, None)
    """

    def __init__(self, batches: list, width: int):
        """``batches``: Arrow record batches of the rows, columns ``name``, ``line``, then the values."""
        import pyarrow as pa
        import pyarrow.compute as pc

        schema = pa.schema([("name", pa.string()), ("line", pa.int64())]
                           + [(f"v{c}", pa.string()) for c in range(width)])
        pool = pa.system_memory_pool()  # returned to the system when freed, unlike Arrow's default pool
        columns = [pa.concat_arrays([b.column(c) for b in batches], memory_pool=pool) if batches
                   else pa.array([], field.type) for c, field in enumerate(schema)]
        order = pc.sort_indices(columns[0], memory_pool=pool)
        names, self._lines, *self._columns = (pc.take(c, order, memory_pool=pool) for c in columns)
        self._names = FileNames(names)
        self._gone = bytearray(len(self._names))
        self._left = len(self._names)

    def _find(self, name: str) -> int:
        k = bisect_left(self._names, name)
        found = k < len(self._names) and self._names[k] == name and not self._gone[k]
        return k if found else -1

    def get(self, name: str) -> tuple[str, ...] | None:
        k = self._find(name)
        return None if k < 0 else tuple(column[k].as_py() for column in self._columns)

    def line(self, name: str) -> int | None:
        k = self._find(name)
        return None if k < 0 else self._lines[k].as_py()

    def discard(self, name: str) -> None:
        k = self._find(name)
        if k >= 0:
            self._gone[k], self._left = 1, self._left - 1

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._find(name) >= 0

    def __iter__(self):
        return (name for name, gone in zip(self._names, self._gone) if not gone)

    def __len__(self) -> int:
        return self._left


def _batch(names: list[str], values: list[tuple[str, ...]], lines: list[int], width: int):
    """Rows as one Arrow record batch (columns ``name``, ``line``, ``v0`` …)."""
    import pyarrow as pa

    pool = pa.system_memory_pool()
    columns = [pa.array(names, pa.string(), memory_pool=pool), pa.array(lines, pa.int64(), memory_pool=pool)]
    columns += [pa.array([v[c] for v in values], pa.string(), memory_pool=pool) for c in range(width)]
    return pa.RecordBatch.from_arrays(columns, ["name", "line"] + [f"v{c}" for c in range(width)])


class _RowsBuilder:
    """Collects a manifest's usable rows, turning them into Arrow a block at a time."""

    BLOCK = 16_384

    def __init__(self, width: int):
        self.width, self.batches = width, []
        self.names: list[str] = []
        self.values: list[tuple[str, ...]] = []
        self.lines: list[int] = []

    def add(self, name: str, values: tuple[str, ...], line: int) -> None:
        self.names.append(name)
        self.values.append(values)
        self.lines.append(line)
        if len(self.names) >= self.BLOCK:
            self._flush()

    def _flush(self) -> None:
        if self.names:
            self.batches.append(_batch(self.names, self.values, self.lines, self.width))
            self.names, self.values, self.lines = [], [], []

    def done(self) -> ManifestRows:
        self._flush()
        return ManifestRows(self.batches, self.width)


@dataclass
class Manifest:
    """The usable rows of a manifest, keyed by file name, and the problems met reading it."""

    path: Path
    #: File name → its row's values, in the order of :attr:`columns`.
    rows: ManifestRows
    problems: list[RowProblem] = field(default_factory=list)
    columns: tuple[str, ...] = ()
    #: File name → line of its ignored row, for files left without a usable row.
    ignored: dict[str, int] = field(default_factory=dict)

    def get(self, name: str) -> dict[str, str] | None:
        """The row of file ``name`` as a dict (column → value), or None."""
        values = self.rows.get(name)
        return None if values is None else dict(zip(self.columns, values))

    def __iter__(self):
        return iter(self.rows)


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
    country: str = ""
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


def read_manifest(path: Path) -> Manifest:
    """Read SOURCES.csv: usable rows keyed by file name, and one :class:`RowProblem` per ignored row.

    Raises :class:`ManifestError` only when the manifest is unusable as a whole
    (unreadable, not UTF-8, not CSV, or a required column is missing).
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return _parse_manifest(path, csv.reader(fh))
    except UnicodeDecodeError:
        raise ManifestError(f"{path}: not UTF-8") from None
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _parse_manifest(path: Path, reader) -> Manifest:
    manifest = Manifest(path, ManifestRows([], 0))
    rows: _RowsBuilder | None = None
    header: list[str] = []
    known = languages()
    first_line = SeenKeys()  # file → line of the first row naming it (keyed by key_of: no str held per row)
    doc_ids = SeenKeys()  # doc_id → line of its usable row
    try:
        while not any(h.strip() for h in header):
            fields = next(reader, None)
            if fields is None:
                raise ManifestError(f"{path}: empty; it needs a header line with at least the column(s) "
                                    f"{', '.join(REQUIRED_COLUMNS)}")
            header = [h.strip() for h in fields]
        header_line = reader.line_num
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise ManifestError(f"{path}, line {header_line}: missing column(s) {', '.join(missing)} "
                                f"(the header has: {', '.join(h for h in header if h) or 'nothing'})")
        unknown = [h for h in header if h and h not in MANIFEST_COLUMNS]
        if unknown:
            manifest.problems.append(RowProblem(header_line, "", (
                f"{path}, line {header_line}: unknown column(s) {', '.join(unknown)} ignored "
                f"(known: {', '.join(MANIFEST_COLUMNS)})")))
        manifest.columns = tuple(dict.fromkeys([h for h in header if h in MANIFEST_COLUMNS] + ["country"]))
        rows = _RowsBuilder(len(manifest.columns))
        while True:
            line = reader.line_num + 1
            fields = next(reader, None)
            if fields is None:
                break
            if not any(f.strip() for f in fields):
                continue  # a blank line, or a spreadsheet's row of empty cells
            row = {h: (v or "").strip() for h, v in zip(header, fields) if h in MANIFEST_COLUMNS}
            name = row.get("file", "")
            issues = _row_issues(row, fields, header, known)
            first = first_line.get(name_key := key_of(name))
            if not name:
                issues.insert(0, "empty 'file'")
            elif first is not None:
                issues.insert(0, f"{name} is listed twice (first on line {first})")
            doc_id = row.get("doc_id", "")
            if doc_id and (also := doc_ids.get(doc_key := key_of(doc_id))) is not None and not issues:
                issues.append(f"doc_id {doc_id!r} is also on line {also}")
            if issues:
                manifest.problems.append(RowProblem(line, name, f"{path}, line {line}: {'; '.join(issues)}; row ignored"))
                if name and first is None:  # a later row naming it is ignored as listed twice
                    manifest.ignored[name] = line
            else:
                if doc_id:
                    doc_ids.add(doc_key, line)
                row["country"] = row.get("country", "").upper()
                rows.add(name, tuple(row.get(c, "") for c in manifest.columns), line)
            if name:
                first_line.add(name_key, line)
    except csv.Error as exc:
        raise ManifestError(f"{path}, line {reader.line_num}: not valid CSV ({exc})") from None
    del first_line, doc_ids
    manifest.rows = rows.done()
    return manifest


def _row_issues(row: dict[str, str], fields: list[str], header: list[str], known: tuple[str, ...]) -> list[str]:
    issues = []
    if len(fields) > len(header):
        issues.append(f"{len(fields)} fields but the header has {len(header)} (an unquoted comma?)")
    for date in _dates(row.get("published", "")):
        if not _valid_date(date):
            issues.append(f"published {date!r} is not an ISO date (YYYY-MM-DD), month (YYYY-MM) or year")
    lang = row.get("lang", "")
    if lang and lang not in known:
        issues.append(f"lang {lang!r} has no language data (known: {', '.join(known)})")
    country = row.get("country", "")
    if country and country.upper() not in COUNTRIES:
        issues.append(f"country {country!r} is not an ISO 3166-1 alpha-2 code (such as IL, EG, SA, AE)")
    return issues


def _valid_date(date: str) -> bool:
    """An ISO date, month or year that exists.

    >>> [_valid_date(d) for d in ("2025-02", "2024-02-29", "2025", "2025-13-45", "2025-02-30", "20/11/2023")]
    [True, True, True, False, False, False]
    """
    m = _ISO.match(date)
    if not m:
        return False
    year, month, day = (int(g) if g else 1 for g in m.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _dates(published: str) -> list[str]:
    return [d.strip() for d in published.split(";") if d.strip()]


def apply_manifest(doc: Document, row: dict[str, str]) -> list[str]:
    """Fill ``doc``'s metadata from its (validated) manifest row; return warnings (without the file name)."""
    warnings = []
    doc.in_manifest = True
    doc.doc_id = row.get("doc_id") or doc.doc_id
    doc.outlet, doc.authors, doc.notes = row.get("outlet", ""), row.get("authors", ""), row.get("notes", "")
    doc.country = row.get("country", "")
    doc.published = _dates(row.get("published", ""))
    doc.published_evidence = row.get("published_evidence", "")
    if row.get("lang") and doc.lang and row["lang"] != doc.lang:
        warnings.append(f"SOURCES.csv says lang={row['lang']}, the text reads as {doc.lang}; using {row['lang']}")
    doc.lang = row.get("lang") or doc.lang
    if row.get("sha256") and row["sha256"].lower() != doc.sha256:
        doc.flags.append("sha256_mismatch")
        warnings.append("sha256 differs from SOURCES.csv (the file changed since it was listed)")
    if len(set(doc.published)) > 1:
        doc.flags.append(f"several_dates({len(doc.published)})")
    return warnings


#: Scripts read as the document's own (besides its language's script).
_COMMON_SCRIPTS = {"LATIN", "DIGIT"}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else ""


_WORD = re.compile(r"[^\W\d_]{2,}")


def script_mixing(text: str, lang_script: re.Pattern | None) -> list[str]:
    """Words in a script other than the document's and Latin, e.g. ``['CYRILLIC:навигировать']``.

    Such a word inside a Hebrew or Arabic article usually betrays machine translation.
    """
    found: dict[str, None] = {}
    for m in _WORD.finditer(text):  # one word at a time: a long text is never listed whole
        word = m.group()
        if lang_script is not None and lang_script.search(word):
            continue
        script = _script(word[0])
        if script and script not in _COMMON_SCRIPTS and not word.isascii():
            found.setdefault(f"{script}:{word}", None)
    return list(found)


def text_key(text: str) -> str:
    """A digest of the text once line ends, a BOM and trailing white space are normalized.

    Two files with the same key hold the same article (whatever their bytes or encoding).

    >>> text_key("\\ufeffשלום  \\r\\nעולם\\r\\n\\r\\n") == text_key("שלום\\nעולם")
    True
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    normalized = _TRAILING_SPACE.sub("", text).strip("\n")
    digest = hashlib.sha256()
    for k in range(0, len(normalized), _KEY_BLOCK):  # a block at a time: a big file is not encoded whole
        digest.update(normalized[k:k + _KEY_BLOCK].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


#: White space at the end of a line (``str.rstrip`` of each line, as one substitution).
_TRAILING_SPACE = re.compile(r"[^\S\n]+(?=\n|\Z)")
_KEY_BLOCK = 1 << 20


#: Words per shingle, and the share of each document's shingles another must hold to be a near duplicate.
SHINGLE_WORDS = 5
NEAR_DUPLICATE_SHARE = 0.9
_WORD = re.compile(r"[^\W_]+")


#: Odd multipliers that mix a shingle's word hashes by position (arithmetic modulo 2**64).
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD], dtype=np.uint64)


def _shingles(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted unique 64-bit hashes of the text's word ``size``-grams (case-folded, punctuation ignored).

    Words are hashed with Python's ``hash`` (salted per process: compare only hashes made in one process;
    which pairs :func:`near_duplicates` finds does not depend on the salt).
    """
    words = _WORD.findall(text.casefold())
    ids = np.fromiter(map(hash, words), dtype=np.int64, count=len(words)).view(np.uint64)
    size = min(size, len(ids))  # a short text is one shingle
    n = len(ids) - size + 1
    grams = np.zeros(n if ids.size else 0, dtype=np.uint64)
    for k in range(size):
        grams += ids[k:k + n] * _MIX[k]
    return np.unique(grams)


def near_duplicates(texts: Mapping[str, str], share: float = NEAR_DUPLICATE_SHARE,
                    stats: dict | None = None) -> dict[str, list[str]]:
    """Names of the near-identical copies of each text: pairs that share at least ``share`` of *each*
    one's word 5-grams (the same article under other headers or footers). Texts without one are left out.

    Only candidate pairs are compared: each text's rarest shingles (its "prefix": the
    ``n - floor(share * n) + 1`` shingles found in the fewest texts) are indexed, and two texts are compared
    only when their prefixes meet, which every pair over the threshold does. Boilerplate shared by many texts
    is common, so it is never in a prefix and never makes candidates. ``stats`` (a dict), if given, receives
    the number of ``texts`` and of ``compared`` pairs.

    >>> body = " ".join(f"word{i}" for i in range(200))
    >>> near_duplicates({"a": "Site A\\n" + body, "b": body + "\\nSite B footer", "c": "another text entirely"})
    {'a': ['b'], 'b': ['a']}
    """
    names = list(texts)
    arrays = [_shingles(texts[n]) for n in names]
    found: dict[str, list[str]] = defaultdict(list)
    compared = 0
    if len(names) > 1:
        _, inverse, counts = np.unique(np.concatenate(arrays), return_inverse=True, return_counts=True)
        dfs = np.split(counts[inverse], np.cumsum([a.size for a in arrays])[:-1])  # in how many texts
        del inverse
        index: dict[int, list[int]] = defaultdict(list)
        for i, (a, df) in enumerate(zip(arrays, dfs)):
            if not a.size:
                continue
            prefix = a[np.lexsort((a, df))[: a.size - math.floor(share * a.size) + 1]]
            candidates: set[int] = set()
            for token in prefix.tolist():
                candidates.update(index[token])
                index[token].append(i)
            for j in sorted(candidates):
                b = arrays[j]
                big = max(a.size, b.size)
                if min(a.size, b.size) < share * big:
                    continue  # too different in length to share that much
                compared += 1
                if np.intersect1d(a, b, assume_unique=True).size >= share * big:
                    found[names[i]].append(names[j])
                    found[names[j]].append(names[i])
    if stats is not None:
        stats.update(texts=len(names), compared=compared)
    return {n: sorted(found[n]) for n in names if n in found}
