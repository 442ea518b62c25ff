"""The compare stage: where sources agree, where they contradict each other, and where a text
contradicts itself, by rules over the claims table (no list of known cases).

:func:`compare_sources` returns one row per finding (columns :data:`COMPARE_COLUMNS`):

* across documents (:mod:`~analysis.compare.across`): ``agree``, ``conflict``, ``series``,
  ``not comparable``, for claims grouped by subject, metric and compatible period, hedges, ranges
  and currencies (:mod:`~analysis.compare.values`, :mod:`~analysis.compare.rates`) taken into account;
* inside one document (:mod:`~analysis.compare.within`): ``inconsistent`` where the text's own
  arithmetic fails (and, with ``passed=True``, ``consistent`` where a check held).

What became of every claim is counted in :func:`undecided` (also ``df.attrs["undecided"]``, as a
list of dicts): nothing is dropped silently.

>>> import pandas as pd
>>> compare_sources(pd.DataFrame()).empty, list(undecided(pd.DataFrame()).columns)
(True, ['status', 'reason', 'claims', 'claim_ids'])
"""

from __future__ import annotations

import pandas as pd

from ..corpus.loader import Corpus
from .shares import Share, compare_share, merge_shares
from .table import COMPARE_COLUMNS, COMPARE_SCHEMA, VERDICTS
from .undecided import UNDECIDED_SCHEMA

__all__ = ["COMPARE_COLUMNS", "COMPARE_SCHEMA", "UNDECIDED_SCHEMA", "VERDICTS", "Share", "compare_sources",
           "compare_share", "comparison_of", "undecided"]


def compare_sources(claims: pd.DataFrame, passed: bool = False) -> pd.DataFrame:
    """Every finding of the comparison of ``claims`` (a claims table: ``Corpus.claims`` or
    :func:`analysis.extract_claims` output), sorted (see :func:`analysis.compare.table.sort_key`).

    ``passed=True`` also lists the checks inside documents that held (verdict ``consistent``).
    The :func:`undecided` summary is attached as ``df.attrs["undecided"]`` (a list of dicts).
    An empty table, missing columns, NaN values or a single document give an empty or partial
    result, never an exception.
    """
    return comparison_of([compare_share(claims, passed=passed)])


def comparison_of(shares: list[Share]) -> pd.DataFrame:
    """The comparison table made from its shares (:func:`analysis.compare.shares.compare_share`, one
    per process), as :func:`compare_sources` returns it."""
    found, left = merge_shares(shares)
    found.attrs["undecided"] = left.to_dict("records")
    return found


def _corpus_comparison(corpus: Corpus) -> pd.DataFrame:
    """The comparison of a corpus's claims (:func:`compare_sources`)."""
    return compare_sources(corpus.claims)


#: ``Corpus.comparison`` is built by this stage, as ``Corpus.claims`` by the claims stage
#: (imports run one way: corpus never imports compare).
Corpus.comparison_builder = _corpus_comparison


def undecided(claims: pd.DataFrame) -> pd.DataFrame:
    """What became of every claim of ``claims`` in the comparison, counted by reason (status
    ``left out``, ``undecided``, ``compared`` or ``single source``; see :mod:`analysis.compare.undecided`)."""
    return merge_shares([compare_share(claims)])[1]
