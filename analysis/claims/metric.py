"""Metric: what a number measures, from cue words and counted nouns, as the codebook allows."""

from __future__ import annotations

from .codebook import codebook, unit_metrics
from .context import SentenceContext
from .cues import Scan

__all__ = ["metric_of"]

_NEAR = 12  # characters: a metric cue this close to the number beats its counted noun

def metric_of(ctx: SentenceContext, kind: str, unit: str | None, qa: int, qb: int, ca: int, cb: int, cues: Scan | None,
            subject_type: str) -> str:
    """The metric of a number: a cue right next to it, else its counted noun (users, employees),
    else the nearest cue in the sentence that allows the kind and the subject's type."""
    by_unit = unit_metrics().get(unit or "", "")
    if not cues:
        return by_unit
    book = codebook()
    best = None
    for cue in ctx.metric_cues:
        distance = max(qa - cue.end if cue.end <= qa else cue.start - qb, 0)
        same_clause = ca <= cue.start < cb
        for metric in cue.key:
            entry = book[metric]
            if kind not in entry.kinds or (entry.window is not None and distance > entry.window):
                continue
            if subject_type and entry.subject_types and subject_type not in entry.subject_types:
                continue
            key = (not same_clause, distance, cues.lexicon.metric_order.index(metric))
            if best is None or key < best[0]:
                best = (key, metric)
    if best and not best[0][0] and best[0][1] <= _NEAR:
        return best[1]
    return by_unit or (best[1] if best else "")
