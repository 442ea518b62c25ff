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

import functools

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = ["frame"]


_STR = pd.api.types.pandas_dtype("str")  # resolved once: looking a dtype up by name is slow
_STR_ARRAY = _STR.construct_array_type()  # pyarrow-backed: built straight from a large_string array
_LARGE_STRING = pa.large_string()
#: a large_string array as a ``str`` column: pandas' own fast path for its results (no constructor
#: checks, no dtype built and dropped), else the constructor (pandas is pinned)
_as_strings = getattr(_STR_ARRAY(pa.array([], type=_LARGE_STRING), dtype=_STR), "_from_pyarrow_array",
                      lambda array: _STR_ARRAY(array, dtype=_STR))


def _strings(values: list):
    """A ``str`` column: pyarrow reads a list of str in one call (pandas' own path checks each
    value first); anything else (numbers, NaN) goes through :func:`pandas.array` as before."""
    values = ["" if v is None else v for v in values]
    try:
        return _as_strings(pa.array(values, type=_LARGE_STRING))
    except (pa.ArrowTypeError, pa.ArrowInvalid, TypeError):
        return pd.array(values, dtype=_STR)


def _column(values: list, dtype: str):
    if dtype == "str":
        return _strings(values)
    if dtype == "object":  # floats and strings as they are (a claim's value)
        return np.array(values + [None], dtype=object)[:-1]
    if dtype == "float64":
        return np.array([np.nan if v is None else v for v in values], dtype="float64")
    return np.array(values, dtype=dtype)


@functools.lru_cache(maxsize=64)
def _labels(names: tuple[str, ...]) -> pd.Index:
    """The column labels of a schema, built once (an Index of strings infers its dtype when built);
    each frame gets a view of its own (a name set on one frame's columns stays there)."""
    return pd.Index(list(names))


def frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """A DataFrame of ``rows`` with exactly ``columns`` (name → dtype), in that order.

    A key missing from a row reads as None ('' in a string column, NaN in a float one).
    The columns are built with their final dtypes, so the frame is assembled from them as
    they are (no second pass of checks and conversions).
    """
    arrays = [_column([r.get(c) for r in rows], t) for c, t in columns.items()]
    build = getattr(pd.DataFrame, "_from_arrays", None)  # pandas' own internal constructor (pandas is pinned)
    if build is None:  # a pandas without it: the public way, a little slower
        return pd.DataFrame(dict(zip(columns, arrays)), index=pd.RangeIndex(len(rows)))
    return build(arrays, columns=_labels(tuple(columns)).view(), index=pd.RangeIndex(len(rows)), verify_integrity=False)
