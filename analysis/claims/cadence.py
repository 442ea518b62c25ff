"""Cadence: whether a user count (or a price, or downloads) is daily, weekly, monthly or yearly.

Rules: ``cue_near_number``: a cadence cue (``data/<lang>/roles.yaml``, ``cadence``: שבועיים
after a plural, أسبوعيًا, monthly active …) in the number's clause, for the metrics that have a
cadence (users, downloads, price). Otherwise empty.
"""

from __future__ import annotations

from .site import NONE, Decision, Site

__all__ = ["CADENCE_METRICS", "cadence_of"]

CADENCE_METRICS = frozenset({"users", "downloads", "price"})


def cadence_of(site: Site, decided: dict) -> Decision:
    """The cadence of a count or a price."""
    if decided["metric"].value not in CADENCE_METRICS or not site.cues:
        return NONE
    cues = [c for c in site.cues.find("cadence", site.ca, site.cb)]
    if not cues:
        return NONE
    cue = min(cues, key=lambda c: abs(c.start - site.qa))
    return Decision(cue.key, "cue_near_number")
