"""Subject: whom a number is about.

Rules, in order (the first that applies wins; its name goes to the claim's ``why``):

* ``owner_after``: the entity right after the number owns it (``500 עובדי OpenAI``);
* ``same_clause_before`` / ``same_clause_after``: the nearest entity in the number's clause,
  before it first (verb-first clauses name the subject after the verb);
* ``sentence_before`` / ``sentence_after``: the nearest entity elsewhere in the sentence;
* ``article_main_entity``: the article's most mentioned org, person or product.

Outlets, sources named after "according to" and quoted people are never subjects; a
place is taken only when nothing else is named.
"""

from __future__ import annotations

from .site import NONE, Decision, Site

__all__ = ["subject_of"]

_SUBJECT_TYPES = {"org": 0, "person": 0, "product": 0, "index": 0, "place": 1}
_RANKS = ("owner_after", "same_clause_before", "same_clause_after", "sentence_before", "sentence_after")


def named_subject(site: Site) -> Decision:
    """The subject named in the sentence, by the first four rules (see the module)."""
    ctx, qa, qb = site.ctx, site.qa, site.qb
    best = None
    for ma, mb, m in ctx.mentions:
        if (m.start, m.end) in ctx.source_spans or m.type not in _SUBJECT_TYPES:
            continue
        before = mb <= qa
        if not before and ma < qb:
            continue
        distance = qa - mb if before else ma - qb
        same_clause = site.ca <= ma < site.cb
        if not before and distance <= 1:
            rank = 0
        elif same_clause:
            rank = 1 if before else 2
        else:
            rank = 3 if before else 4
        key = (rank, _SUBJECT_TYPES[m.type], distance)
        if best is None or key < best[0]:
            best = (key, m.entity)
    return Decision(best[1], _RANKS[best[0][0]]) if best else NONE


def subject_of(site: Site, decided: dict) -> Decision:
    """Whom the number is about (dates and years have none)."""
    if site.kind in ("date", "year"):
        return NONE
    named = named_subject(site)
    if named.value:
        return named
    return Decision(site.ctx.fallback, "article_main_entity") if site.ctx.fallback else NONE
