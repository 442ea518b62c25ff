"""Modality: how the text presents a number.

``fact`` (reported as having happened or being so), ``plan`` (an intention: "plans to",
מתכננת, يخطط), ``talks`` (negotiations: "in talks", מגעים, محادثات), ``projection`` (a forecast
or estimate: "could reach", צפויה, من المتوقع), ``target`` (a goal someone set: שואפת,
تستهدف) or ``denied`` (the text reports a denial: הכחישה, نفت). The cue words are language
data (``data/<lang>/roles.yaml``, ``modality``).

A cue before the number reaches it only when no ``modality_breaks`` word stands between them
("but", "confirming that", "after it had": مؤكدة أن, לאחר ש).

Rules, in order:

* ``denial``: a denial cue before the number in its sentence scopes over what was denied
  ("הכחישה את הדיווח כי תשלם 300 מיליון דולר" is denied, not planned);
* ``denial_after``: a phrase denying what came before it later in the sentence, with no other
  figure between ("reports of deals at 800 billion, but Musk said that is not true");
* ``change_start``: the starting point of a change ("from 3,000 today to 8,000 by 2026") is
  reported as so, whatever the change is;
* ``stated_as_current``: a figure told as of now in its own clause (כיום, حاليا: the ``now``
  words) is a fact even inside a forecast's or a plan's sentence ("…לעומת 5% כיום"), unless it
  is where a change is heading;
* ``cue_in_clause``: the nearest modality cue in the number's clause, before it first;
* ``cue_in_sentence``: the nearest modality cue before the number in its sentence;
* ``reported``: otherwise the number is reported as a fact.

Dates and years have none.
"""

from __future__ import annotations

from .site import NONE, Decision, Site

__all__ = ["MODALITIES", "modality_of"]

MODALITIES = ("fact", "plan", "talks", "projection", "target", "denied")
_REPORTED = Decision("fact", "reported")  # (most numbers: one decision for all)


def modality_of(site: Site, decided: dict) -> Decision:
    """How the number is presented."""
    if site.kind in ("date", "year"):
        return NONE
    cues = site.cues.find("modality", site.ctx.ns, site.ctx.ne) if site.cues else []
    if cues:
        breaks = [b.start for b in site.cues.find("modality_breaks", site.ctx.ns, site.qa)]
        cues = [c for c in cues if c.start > site.qa or not any(c.end <= b < site.qa for b in breaks)]
    if any(c.key == "denied" and c.start < site.qa for c in cues):
        return Decision("denied", "denial")
    if _denied_after(site):
        return Decision("denied", "denial_after")
    if site.role == "before":
        return Decision("fact", "change_start")
    in_clause = [c for c in cues if site.ca <= c.start < site.cb]
    before = [c for c in in_clause if c.start < site.qa]
    if site.role != "after" and _now_beside(site):
        return Decision("fact", "stated_as_current")
    if before or in_clause:
        cue = before[-1] if before else in_clause[0]
        return Decision(cue.key, "cue_in_clause")
    earlier = [c for c in cues if c.start < site.qa]
    if earlier:
        return Decision(earlier[-1].key, "cue_in_sentence")
    return _REPORTED


_NOW_BEFORE, _NOW_AFTER = 12, 8  # characters between a "now" word and the figure it dates


def _now_beside(site: Site) -> bool:
    """A ``now`` word (כיום, حاليا) right after the number ("5% כיום"), or right before it
    ("يبلغ حاليًا نحو 7 مليارات") unless it follows another figure more closely ("מ-3,000 כיום
    לכ-8,000": it dates the 3,000)."""
    if not site.cues:
        return False
    for cue in site.cues.find("now", site.ca, site.cb):
        if 0 <= cue.start - site.qb <= _NOW_AFTER:
            return True
        if 0 <= site.qa - cue.end <= _NOW_BEFORE and not _figure_just_before(site, cue.start):
            return True
    return False


def _figure_just_before(site: Site, pos: int) -> bool:
    for other in site.ctx.quantities:
        end = site.norm.index_of(other.end)
        if 0 <= pos - end <= _NOW_AFTER and other is not site.q:
            return True
    return False


def _denied_after(site: Site) -> bool:
    """A phrase that denies what was said before it (``denial_back``: "זה לא נכון", "غير صحيحة")
    after the number in its sentence, no other figure standing between them."""
    if not site.cues:
        return False
    later = site.cues.find("denial_back", site.qb, site.ctx.ne)
    if not later:
        return False
    return not site.figures_in(site.qb, later[0].start, dates=True)
