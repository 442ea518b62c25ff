"""Attribution: who the text credits for a number.

Rules, in order (sources are found per sentence by :func:`analysis.claims.context.find_sources`):

* ``source_before``: the last source named before the number (לפי, وفقًا لـ, a verb of saying);
* ``according_to_after``: an "according to" source after it;
* ``speaker_after``: a verb of saying that opens the clause right after the number's ("…800 מיליון
  משתמשים, הכריז סם אלטמן"; "«…65 مليار دولار»، قال زوكربيرغ"; "…, כך מסרה החברה"): a
  trailing "said X" covers what came before; a verb inside a clause of its own ("אך מאסק טען") does not;
* ``quotation_speaker``: (set in the sentence context) the speaker of a quotation that
  opened in an earlier sentence.

Never across a semicolon. Dates and years have none.
"""

from __future__ import annotations

from .site import NONE, Decision, Site

__all__ = ["attribution_of"]


def attribution_of(site: Site, decided: dict) -> Decision:
    """The source governing a number."""
    if site.kind in ("date", "year"):
        return NONE
    ctx, qa, qb = site.ctx, site.qa, site.qb

    def open_between(a: int, b: int) -> bool:
        return not any(a <= h < b for h in ctx.hard_breaks)

    before = [src for src in ctx.sources if src[0] < qa and open_between(src[0], qa)]
    if before:
        return Decision(before[-1][1], "quotation_speaker" if before[-1][2] == "quote" else "source_before")
    after = [src for src in ctx.sources if src[0] >= qb and open_between(qb, src[0])]
    said = site.cues.lexicon.said_after_re if site.cues else None
    for pos, entity, how in after:
        if how == "source":
            return Decision(entity, "according_to_after")
        if said is not None and said.search(site.text, qb, pos):
            return Decision(entity, "speaker_after")
    return NONE
