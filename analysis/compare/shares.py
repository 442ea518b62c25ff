"""The comparison in shares, for several processes: each share compares its part of the groups
(subject and metric) across documents and checks its part of the documents; :func:`merge_shares`
puts the shares together into exactly the table one process makes.

A group's findings read only the group's claims, a document's checks only the document's, so the
groups and the documents can be dealt out: the groups by their number of claims, largest first, each
to the share with the fewest claims so far (:func:`deal`); the documents in their order, in runs of
equal length. What became of each claim (:mod:`analysis.compare.undecided`) is decided by the share
that holds its document, from what the claim decides alone, and completed in :func:`merge_shares`
with what every share found across documents.

>>> deal({("a", "x"): 5, ("b", "x"): 3, ("c", "y"): 3}, 2)
{('a', 'x'): 0, ('b', 'x'): 1, ('c', 'y'): 1}
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pandas as pd

from ..corpus.tables import frame
from .across import compare_across
from .groups import read_claims, text_column
from .table import COMPARE_SCHEMA, finding_rows, sort_key
from .undecided import fate, own_fate, summary
from .within import check_document, documents

__all__ = ["Share", "compare_share", "merge_shares", "deal"]


@dataclass
class Share:
    """One share's findings (sorted, with their sort keys) and what it knows of its claims' fates."""

    found: pd.DataFrame
    keys: list[tuple]
    in_across: set[str]  # claims in a finding across documents
    across_fates: dict[str, str]  # claim id → why the comparison across documents left it out
    in_within: set[str]  # claims checked inside their document
    positions: list[int]  # rows of the claims of its documents, in the table's order
    ids: list[str]  # their claim ids
    own: list[str | None]  # their fates decided alone (undecided.own_fate)
    named: list[bool]  # whether their subject is named in their sentence


def compare_share(claims: pd.DataFrame, share: int = 0, shares: int = 1, passed: bool = False) -> Share:
    """Share ``share`` of ``shares`` of the comparison of a claims table (``shares=1``: all of it).
    ``passed=True`` keeps the checks inside documents that held (verdict ``consistent``)."""
    with _collector_paused():
        mine, grouped = _rows(claims, share, shares)
        rows = sorted(set(mine) | set(grouped)) if shares > 1 else None
        read = dict(zip(rows if rows is not None else range(len(claims)), read_claims(claims, rows)))
        across, across_fates = compare_across([read[p] for p in grouped])
        own = [read[p] for p in mine]
        within = [f for doc in documents(own).values() for f in check_document(doc)]
        shown = within if passed else [f for f in within if f.verdict != "consistent"]
        found = sorted(finding_rows(across + shown), key=sort_key)
        return Share(frame(found, COMPARE_SCHEMA), [sort_key(r) for r in found], _ids(across), across_fates,
                     _ids(within), mine, [c.claim_id for c in own], [own_fate(c) for c in own],
                     [c.named for c in own])


def _ids(findings) -> set[str]:
    return {c.claim_id for f in findings for c in f.claims}


def merge_shares(shares: list[Share]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The comparison table (sorted as one process sorts it) and the :func:`undecided` summary of
    the claims of every share."""
    in_across = set().union(*(s.in_across for s in shares))
    across_fates = {k: v for s in shares for k, v in s.across_fates.items()}
    in_within = set().union(*(s.in_within for s in shares))
    reasons, placed = {}, []
    for s in shares:
        for p, cid, own, named in zip(s.positions, s.ids, s.own, s.named):
            reasons[cid] = fate(own, cid, named, in_across, across_fates, in_within)
            placed.append((p, cid))
    left = summary([cid for _, cid in sorted(placed)], reasons)
    if len(shares) == 1:
        return shares[0].found, left
    keys = [k for s in shares for k in s.keys]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    found = pd.concat([s.found for s in shares], ignore_index=True).take(order).reset_index(drop=True)
    return found, left


def _rows(claims: pd.DataFrame, share: int, shares: int) -> tuple[list[int], list[int]]:
    """The rows of share ``share``'s documents and those of its groups (subject and metric)."""
    if shares == 1 or len(claims) == 0:
        return list(range(len(claims))), list(range(len(claims)))
    docs = text_column(claims, "doc_id")
    order = {d: k for k, d in enumerate(dict.fromkeys(docs))}
    mine = [p for p, d in enumerate(docs) if order[d] * shares // len(order) == share]
    keys = list(zip(text_column(claims, "subject"), text_column(claims, "metric")))
    dealt = deal(Counter(k for k in keys if k[0] and k[1]), shares)
    grouped = [p for p, k in enumerate(keys) if dealt.get(k) == share]
    return mine, grouped


def deal(sizes: dict[tuple[str, str], int], shares: int) -> dict[tuple[str, str], int]:
    """Groups (key → number of claims) dealt to ``shares`` shares: the largest first, each to the
    share with the fewest claims so far (the lowest-numbered among equals)."""
    load = [0] * shares
    dealt = {}
    for key in sorted(sizes, key=lambda k: (-sizes[k], k)):
        k = min(range(shares), key=load.__getitem__)
        dealt[key] = k
        load[k] += sizes[key]
    return dealt


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
