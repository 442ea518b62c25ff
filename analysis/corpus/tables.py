"""Rows → DataFrames with documented dtypes: the one table builder of the package.

Every table of the pack (documents, segments, sentences, mentions, claims, …)
is built here from a list of row dicts and a schema ``{column: dtype}``, so an
empty table has the same columns and dtypes as a full one.

>>> df = frame([{"a": "x", "n": 1, "v": 2.5, "ok": True}], {"a": "str", "n": "int64", "v": "object", "ok": "bool"})
>>> [str(t) for t in df.dtypes]
['str', 'int64', 'object', 'bool']
>>> frame([], {"a": "str", "m": "float64"}).dtypes.astype(str).tolist()
['str', 'float64']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["frame"]


_STR = pd.api.types.pandas_dtype("str")  # resolved once: looking a dtype up by name is slow


def _column(values: list, dtype: str):
    if dtype == "str":
        return pd.array(["" if v is None else v for v in values], dtype=_STR)
    if dtype == "object":  # floats and strings as they are (a claim's value)
        return np.array(values + [None], dtype=object)[:-1]
    if dtype == "float64":
        return np.array([np.nan if v is None else v for v in values], dtype="float64")
    return np.array(values, dtype=dtype)


def frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """A DataFrame of ``rows`` with exactly ``columns`` (name → dtype), in that order.

    A key missing from a row reads as None ('' in a string column, NaN in a float one).
    """
    return pd.DataFrame({c: _column([r.get(c) for r in rows], t) for c, t in columns.items()})
