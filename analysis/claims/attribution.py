"""Attribution: who the text credits for a number."""

from __future__ import annotations

from .context import SentenceContext

__all__ = ["attribution_of"]

def attribution_of(ctx: SentenceContext, qa: int, qb: int) -> str:
    """The source governing a number: the last one before it, else a "according to" cue after it,
    never across a semicolon."""
    def open_between(a: int, b: int) -> bool:
        return not any(a <= h < b for h in ctx.hard_breaks)

    before = [src for src in ctx.sources if src[0] < qa and open_between(src[0], qa)]
    if before:
        return before[-1][1]
    after = [src for src in ctx.sources if src[0] >= qb and src[2] == "source" and open_between(qb, src[0])]
    return after[0][1] if after else ""
