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

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd

from ..corpus.loader import Corpus
from .across import compare_across
from .groups import read_claims
from .table import COMPARE_COLUMNS, COMPARE_SCHEMA, VERDICTS, findings_frame
from .undecided import UNDECIDED_SCHEMA, fates, summary
from .within import check_document, documents

__all__ = ["COMPARE_COLUMNS", "COMPARE_SCHEMA", "UNDECIDED_SCHEMA", "VERDICTS", "compare_sources", "undecided"]


def _run(claims: pd.DataFrame, passed: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    with _collector_paused():
        read = read_claims(claims)
        across, across_fates = compare_across(read)
        within = [f for doc in documents(read).values() for f in check_document(doc)]
        shown = within if passed else [f for f in within if f.verdict != "consistent"]
        return findings_frame(across + shown), summary(read, fates(read, across, within, across_fates))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the comparison runs: it makes a great many small objects
    (and no cycles that need collecting on the way), and each full collection would walk them all
    again (a fifth of the comparison's time at 10,000 articles). What it leaves is collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compare_sources(claims: pd.DataFrame, passed: bool = False) -> pd.DataFrame:
    """Every finding of the comparison of ``claims`` (a claims table: ``Corpus.claims`` or
    :func:`analysis.extract_claims` output), sorted (see :func:`analysis.compare.table.findings_frame`).

    ``passed=True`` also lists the checks inside documents that held (verdict ``consistent``).
    The :func:`undecided` summary is attached as ``df.attrs["undecided"]`` (a list of dicts).
    An empty table, missing columns, NaN values or a single document give an empty or partial
    result, never an exception.
    """
    found, left = _run(claims, passed)
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
    return _run(claims, False)[1]
