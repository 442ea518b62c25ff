"""Tables → files: what ``python -m analysis claims`` and ``build`` write.

``claims`` writes to stdout: CSV (header :data:`CSV_COLUMNS`, UTF-8 without a
BOM, so it pipes cleanly), JSON lines, or an aligned text table.

``compare`` writes the comparison of sources (:func:`analysis.compare.compare_sources`) to stdout
as CSV, JSON lines or a readable block per finding (:func:`write_comparison`).

``build`` writes every table of :data:`TABLES` (the comparison of sources, ``comparison``,
included) twice into its output folder:

* ``NAME.csv``: UTF-8 **with a BOM** (``utf-8-sig``) so that Excel opens the
  Hebrew and Arabic text correctly (pandas reads it as is; Python's ``csv``
  needs ``encoding="utf-8-sig"``); ``\n`` line ends; missing values empty;
  booleans ``true``/``false``; floats without exponent noise (whole floats
  without a decimal point, others as Python's shortest ``repr``);
* ``NAME.parquet``: the same rows with their dtypes, except that object
  columns (a claim's ``value``: a number, or an ISO date for ``kind == "date"``)
  are stored as the text the CSV holds.

Rows are sorted by each table's key columns (stable, so ties keep the loading
order). ``claims`` carries :data:`CSV_COLUMNS` first (``doc`` is the file name),
then every other column of ``Corpus.claims`` in the frame's order (``doc_id``,
``file``, ``article``, ``section``, ``sent_no``, ``sentence``, …).

The tables are written into a temporary sibling of the output folder
(``.NAME.building-…``) that replaces the old folder only once every file is
written (:func:`staging_folder`, :func:`write_tables`, :func:`replace_folder`),
so a failed build leaves the previous output as it was.
"""

from __future__ import annotations

import csv
import json
import math
import multiprocessing
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

import numpy as np
import pandas as pd

from ..claims.extract import CLAIM_COLUMNS
from ..compare import COMPARE_COLUMNS, Share, compare_share, comparison_of
from ..corpus.loader import load_corpus

__all__ = [
    "CSV_COLUMNS", "TABLES", "OutputError", "claims_columns", "claims_for_paths", "write_claims",
    "write_comparison", "write_csv", "staging_folder", "write_tables", "replace_folder", "as_written", "for_parquet",
]

#: Columns of ``python -m analysis claims --format csv`` (``doc`` is the file name).
CSV_COLUMNS = ["doc"] + [c for c in CLAIM_COLUMNS if c != "sentence"]
#: Columns of ``--format table``.
TABLE_COLUMNS = CSV_COLUMNS[:13]


def claims_for_paths(paths: Iterable[Path], progress=None) -> tuple[pd.DataFrame, list[str]]:
    """Claims of files and folders (folders go through the corpus loader). Returns (claims, problems)."""
    frames, problems = [], []
    for path in paths:
        if not path.exists():
            problems.append(f"error: {path}: no such file or folder")
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # reported through ``problems`` instead
            corpus = load_corpus(path, progress=progress)
        problems += [f"{r.level}: {r.message}" for r in corpus.problems.itertuples()]
        claims = corpus.claims.copy()
        claims.insert(0, "doc", claims["file"])
        frames.append(claims)
    if not frames:
        return pd.DataFrame(columns=CSV_COLUMNS), problems
    return pd.concat(frames, ignore_index=True), problems


def _csv_value(v) -> str:
    """A cell as text: '' for missing, true/false, whole floats without a decimal point.

    >>> [_csv_value(v) for v in (None, float("nan"), True, 5e9, 19.8, "2024-12")]
    ['', '', 'true', '5000000000', '19.8', '2024-12']
    """
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e16 else repr(v)
    return str(v)


def _json_value(v):
    """A cell for JSON: NaN becomes null."""
    return None if isinstance(v, float) and math.isnan(v) else v


def claims_columns(df: pd.DataFrame) -> list[str]:
    """:data:`CSV_COLUMNS`, then every other column of ``df`` in its order (what ``build`` writes)."""
    return CSV_COLUMNS + [c for c in df.columns if c not in CSV_COLUMNS]


def as_written(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Table ``name`` with the columns ``build`` writes: the claims get a leading ``doc`` (the file) and
    :func:`claims_columns` order; the other tables are as they are."""
    if name != "claims":
        return df
    df = df.copy()
    df.insert(0, "doc", df["file"])
    return df.reindex(columns=claims_columns(df))


def write_csv(df: pd.DataFrame, out: TextIO, columns: list[str] | None = None, header: bool = True) -> None:
    """``df`` (or its ``columns``) as CSV: header (unless ``header`` is false: a later chunk of one
    table), then cells as :func:`_csv_value` writes them."""
    columns = list(df.columns) if columns is None else columns
    w = csv.writer(out, lineterminator="\n")
    if header:
        w.writerow(columns)
    table = df.reindex(columns=columns)
    w.writerows(zip(*(csv_cells(table.iloc[:, k]) for k in range(len(columns)))))


def csv_cells(column: pd.Series) -> list[str]:
    """A column's cells as :func:`_csv_value` writes them, converted a column at a time.

    >>> csv_cells(pd.Series(["a", None], dtype="str")), csv_cells(pd.Series([True, False])), csv_cells(pd.Series([1.0, None]))
    (['a', ''], ['true', 'false'], ['1', ''])
    """
    if isinstance(column.dtype, pd.StringDtype):
        return column.fillna("").tolist()
    if pd.api.types.is_bool_dtype(column.dtype) and not column.hasnans:
        return ["true" if v else "false" for v in column.tolist()]
    if pd.api.types.is_integer_dtype(column.dtype) and not column.hasnans:
        return [str(v) for v in column.tolist()]
    return [_csv_value(v) for v in column.tolist()]


def write_claims(df: pd.DataFrame, out: TextIO, fmt: str = "csv", columns: list[str] | None = None) -> None:
    """Write claims as CSV (header :data:`CSV_COLUMNS`, or ``columns``), JSON lines or an aligned table."""
    columns = CSV_COLUMNS if columns is None else columns
    table = df.reindex(columns=columns)
    if fmt == "csv":
        write_csv(table, out)
    elif fmt == "json":
        for row in table.itertuples(index=False):
            record = {c: _json_value(v) for c, v in zip(columns, row)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(table[TABLE_COLUMNS].map(_csv_value).to_string(index=False) + "\n")


#: The tables ``build`` writes (each as NAME.csv and NAME.parquet) and the columns their rows are sorted by.
TABLES: dict[str, list[str]] = {
    "documents": ["doc_id"],
    "segments": ["doc_id", "start", "end"],
    "sentences": ["doc_id", "sent_no"],
    "mentions": ["doc_id", "start", "end"],
    "claims": ["doc_id", "start", "end"],
    "comparison": [],  # sorted by analysis.compare (Corpus.comparison)
    "skipped": ["file"],
    "problems": [],  # in the order they were reported
}
#: Every file a build writes: only these may be in a folder that a build replaces.
OUTPUT_FILES = frozenset(f"{name}.{ext}" for name in TABLES for ext in ("csv", "parquet"))


class OutputError(ValueError):
    """The output folder cannot receive a build; the message names it and says why."""


def staging_folder(out: Path, corpus_path: Path, allowed: Iterable[str] = ()) -> Path:
    """Check that ``out`` can receive a build and make the empty temporary folder beside it to write into.

    Raises :class:`OutputError` when ``out`` is a file, is or holds the corpus folder, holds files a build
    did not write (they would be lost when it is replaced; ``allowed`` names more files or folders that a
    build wrote there: the reports of :mod:`analysis.build.reports`), or its parent cannot be written to.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    corpus = Path(corpus_path).resolve()
    corpus = corpus if corpus.is_dir() else corpus.parent
    target = out.resolve()
    if target == corpus or target in corpus.parents:
        raise OutputError(f"{out}: is (or holds) the corpus folder {corpus_path}; choose another output folder")
    if out.is_dir():
        allowed = OUTPUT_FILES | set(allowed)
        foreign = sorted(p.name for p in out.iterdir() if p.name not in allowed)
        if foreign:
            more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
            raise OutputError(f"{out}: holds files a build does not write ({', '.join(foreign[:3])}{more}); "
                              "a build replaces the whole folder, so choose a new or empty one")
    blocker = next((a for a in out.parents if a.exists() and not a.is_dir()), None)
    if blocker is not None:
        raise OutputError(f"{out}: cannot write there: {blocker} is a file, not a folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"{out}: cannot write there: {exc.strerror or exc}") from None
    mode = out.stat().st_mode if out.is_dir() else 0o777 & ~_umask()
    os.chmod(staging, mode & 0o7777)  # mkdtemp makes it private; the output keeps the usual permissions
    return staging


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def for_parquet(df: pd.DataFrame) -> pd.DataFrame:
    """Object columns (a number or a date in one column) as the text the CSV holds."""
    df = df.copy()
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = pd.array(csv_cells(df[c]), dtype="str")
    return df


def write_tables(corpus, folder: Path, jobs: int = 1) -> list[str]:
    """Every table of :data:`TABLES` as NAME.csv (UTF-8 with BOM) and NAME.parquet in ``folder``; their names.

    With ``jobs`` > 1 the tables are written by ``jobs`` forked processes (the corpus is shared, not
    copied), which also make the comparison, in shares; the files are those one process writes."""
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        written = _write_forked(corpus, folder, jobs)
    else:
        written = {name: _write_one(corpus, name, folder) for name in TABLES}
    return [f for name in TABLES for f in written[name]]


_HELD = None  # the corpus a forked process writes (set by its initializer)
_PREPARED: dict[str, pd.DataFrame] = {}  # a forked process's tables as written, each made once

#: Rows of a CSV part a forked process writes (:func:`_write_forked`): a table is written by several at once.
CSV_PART_ROWS = 40_000


def _hold(corpus) -> None:
    global _HELD
    _HELD = corpus
    _PREPARED.clear()


def _prepared(corpus, name: str) -> pd.DataFrame:
    """Table ``name`` as it is written: :func:`as_written`, sorted by its key columns."""
    df = as_written(name, getattr(corpus, name))
    if TABLES[name]:
        df = df.sort_values(TABLES[name], kind="stable")
    df = df.reset_index(drop=True)
    df.attrs = {}  # the comparison's summary is not part of its table
    return df


def _held(name: str) -> pd.DataFrame:
    if name not in _PREPARED:
        _PREPARED[name] = _prepared(_HELD, name)
    return _PREPARED[name]


def _write_one(corpus, name: str, folder: Path) -> list[str]:
    return write_table(_prepared(corpus, name), folder, name)


def _write_held_part(name: str, folder: Path, what: str, start: int = 0, stop: int = 0) -> None:
    """A forked process's part of a held table: its Parquet file (``what="parquet"``) or the CSV of its
    rows ``start:stop`` (``"csv"``) as ``.NAME.csv.part-START``, with the BOM and header when ``start`` is 0."""
    df = _held(name)
    if what == "parquet":
        _write_parquet(df, folder / f"{name}.parquet")
        return
    with _part_path(folder, name, start).open("w", encoding="utf-8-sig" if start == 0 else "utf-8", newline="") as fh:
        write_csv(df.iloc[start:stop], fh, header=start == 0)


def _part_path(folder: Path, name: str, start: int) -> Path:
    return folder / f".{name}.csv.part-{start:012d}"


def _compare_held(share: int, shares: int) -> Share:
    """One share of the comparison of the held corpus's claims."""
    return compare_share(_HELD.claims, share, shares)


def _write_forked(corpus, folder: Path, jobs: int) -> dict[str, list[str]]:
    """The tables written by a pool of forked processes. The comparison is made first, in ``jobs``
    shares (:mod:`analysis.compare.shares`), then put together and written by this process while
    the pool writes the other tables: each table's Parquet file and its CSV in parts of
    :data:`CSV_PART_ROWS` rows, largest first, each taken by the next process free; the parts are then
    joined in order into ``NAME.csv`` (the bytes one process writes)."""
    corpus.claims  # made once, here, before the processes share the corpus
    rows = {n: len(getattr(corpus, n)) for n in TABLES if n != "comparison"}
    starts = {n: range(0, max(size, 1), CSV_PART_ROWS) for n, size in rows.items()}
    tasks = [(n, "parquet", 0, size, size) for n, size in rows.items()]
    tasks += [(n, "csv", a, a + CSV_PART_ROWS, min(CSV_PART_ROWS, rows[n] - a)) for n in rows for a in starts[n]]
    tasks.sort(key=lambda t: -t[4])  # the most rows first
    make = "_comparison" not in corpus.__dict__
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_hold, initargs=(corpus,)) as pool:
        shares = [pool.submit(_compare_held, k, jobs) for k in range(jobs)] if make else []
        futures = [pool.submit(_write_held_part, n, folder, what, a, b) for n, what, a, b, _ in tasks]
        if make:
            corpus.__dict__["_comparison"] = comparison_of([f.result() for f in shares])  # what Corpus.comparison keeps
        written = {"comparison": _write_one(corpus, "comparison", folder)}
        for future in futures:
            future.result()
    for n in rows:
        _join_parts(folder, n, starts[n])
        written[n] = [f"{n}.csv", f"{n}.parquet"]
    return written


def _join_parts(folder: Path, name: str, starts: Iterable[int]) -> None:
    """``NAME.csv`` from its parts, in order; the parts removed."""
    with (folder / f"{name}.csv").open("wb") as out:
        for start in starts:
            part = _part_path(folder, name, start)
            with part.open("rb") as fh:
                shutil.copyfileobj(fh, out, 1 << 20)
            part.unlink()


def write_table(df: pd.DataFrame, folder: Path, name: str) -> list[str]:
    """One table as NAME.csv (UTF-8 with BOM) and NAME.parquet in ``folder``; their names."""
    df.attrs = {}  # the comparison's summary is not part of its table
    with (folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        write_csv(df, fh)
    _write_parquet(df, folder / f"{name}.parquet")
    return [f"{name}.csv", f"{name}.parquet"]


def _write_parquet(df: pd.DataFrame, path: Path) -> None:
    for_parquet(df).to_parquet(path, index=False, engine="pyarrow")


def replace_folder(staging: Path, out: Path) -> None:
    """Put ``staging`` in the place of ``out`` (renames; the old folder is removed only once the new one is in)."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.rename(out, old)
    try:
        os.rename(staging, out)
    except OSError:
        if old is not None:
            os.rename(old, out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_comparison(df: pd.DataFrame, out: TextIO, fmt: str = "csv") -> None:
    """The comparison of sources as CSV (header :data:`analysis.compare.COMPARE_COLUMNS`), JSON lines,
    or (``table``) a block per finding: verdict, rule and what it is about, then sources, values,
    note and one quote per claim."""
    table = df.reindex(columns=COMPARE_COLUMNS)
    if fmt == "csv":
        write_csv(table, out)
    elif fmt == "json":
        for row in table.itertuples(index=False):
            out.write(json.dumps(dict(zip(COMPARE_COLUMNS, row)), ensure_ascii=False) + "\n")
    else:
        for k, r in enumerate(table.to_dict("records"), 1):
            about = " · ".join(x for x in (r["subject"], r["metric"], r["period"]) if x)
            out.write(f"{k}. [{r['verdict']}] {r['check']} ({r['scope']} documents): {about}\n")
            out.write(f"   sources: {r['outlets']}  ({r['docs']})\n   values:  {r['values']}\n   note:    {r['note']}\n")
            for quote in r["quotes"].split(" | "):
                out.write(f"   quote:   {quote}\n")
        if table.empty:
            out.write("no findings\n")
