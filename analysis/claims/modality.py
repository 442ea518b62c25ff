"""Modality: how the text presents a number.

``fact`` (reported as having happened or being so), ``plan`` (an intention: "plans to",
מתכננת, يخطط), ``talks`` (negotiations: "in talks", מגעים, محادثات), ``projection`` (a forecast
or estimate: "could reach", צפויה, من المتوقع), ``target`` (a goal someone set: שואפת,
تستهدف) or ``denied`` (the text reports a denial: הכחישה, نفت). The cue words are language
data (``data/<lang>/roles.yaml``, ``modality``).

Rules, in order:

* ``denial``: a denial cue before the number in its sentence scopes over what was denied
  ("הכחישה את הדיווח כי תשלם 300 מיליון דולר" is denied, not planned);
* ``cue_in_clause``: the nearest modality cue in the number's clause, before it first;
* ``cue_in_sentence``: the nearest modality cue before the number in its sentence;
* ``reported``: otherwise the number is reported as a fact.

Dates and years have none.
"""

from __future__ import annotations

from .site import NONE, Decision, Site

__all__ = ["MODALITIES", "modality_of"]

MODALITIES = ("fact", "plan", "talks", "projection", "target", "denied")


def modality_of(site: Site, decided: dict) -> Decision:
    """How the number is presented."""
    if site.kind in ("date", "year"):
        return NONE
    cues = site.cues.find("modality", site.ctx.ns, site.ctx.ne) if site.cues else []
    if any(c.key == "denied" and c.start < site.qa for c in cues):
        return Decision("denied", "denial")
    in_clause = [c for c in cues if site.ca <= c.start < site.cb]
    before = [c for c in in_clause if c.start < site.qa]
    if before or in_clause:
        cue = before[-1] if before else in_clause[0]
        return Decision(cue.key, "cue_in_clause")
    earlier = [c for c in cues if c.start < site.qa]
    if earlier:
        return Decision(earlier[-1].key, "cue_in_sentence")
    return Decision("fact", "reported")
