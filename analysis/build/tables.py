"""Claims → files: what ``python -m analysis claims`` and ``build`` write.

CSV (header :data:`CSV_COLUMNS`, floats without exponent noise, ``true``/``false``),
JSON lines, or an aligned text table.
"""

from __future__ import annotations

import csv
import json
import math
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

import pandas as pd

from ..claims.extract import CLAIM_COLUMNS
from ..corpus.loader import load_corpus

__all__ = ["CSV_COLUMNS", "claims_for_paths", "write_claims"]

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
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e16 else repr(v)
    return str(v)


def _json_value(v):
    """A cell for JSON: NaN becomes null."""
    return None if isinstance(v, float) and math.isnan(v) else v


def write_claims(df: pd.DataFrame, out: TextIO, fmt: str = "csv") -> None:
    """Write claims as CSV (header :data:`CSV_COLUMNS`), JSON lines or an aligned table."""
    table = df.reindex(columns=CSV_COLUMNS)
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for row in table.itertuples(index=False):
            w.writerow([_csv_value(v) for v in row])
    elif fmt == "json":
        for row in table.itertuples(index=False):
            record = {c: _json_value(v) for c, v in zip(CSV_COLUMNS, row)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(table[TABLE_COLUMNS].map(_csv_value).to_string(index=False) + "\n")
