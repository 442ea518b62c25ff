"""Subject: whom a number is about."""

from __future__ import annotations

from .context import SentenceContext

__all__ = ["subject_of"]

_SUBJECT_TYPES = {"org": 0, "person": 0, "product": 0, "index": 0, "place": 1}

def subject_of(ctx: SentenceContext, qa: int, qb: int, ca: int, cb: int) -> str:
    """The entity a number is about: the owner right after it (500 עובדי OpenAI), else the
    nearest mention in its clause (before it first), else in the sentence (before it first)."""
    best = None
    for ma, mb, m in ctx.mentions:
        if (m.start, m.end) in ctx.source_spans or m.type not in _SUBJECT_TYPES:
            continue
        before = mb <= qa
        if not before and ma < qb:
            continue
        distance = qa - mb if before else ma - qb
        same_clause = ca <= ma < cb
        if not before and distance <= 1:
            rank = 0
        elif same_clause:
            rank = 1 if before else 2  # verb-first clauses name the subject after the verb
        else:
            rank = 3 if before else 4
        key = (rank, _SUBJECT_TYPES[m.type], distance)
        if best is None or key < best[0]:
            best = (key, m.entity)
    return best[1] if best else ""
