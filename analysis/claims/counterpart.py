"""Counterpart: the other party of a number, where there is one.

Who the counterpart is depends on the metric (``data/metrics.csv``, column ``subject_is``):
the investors of a round or of money flowing in over time, the company a stake is held in,
the seller or supplier of a commitment, the buyers of a share sale. Several parties are
joined with ``; `` in the order printed.

Rules, in order: (none yet: the counterpart stays empty).
"""

from __future__ import annotations

from .site import NONE, Decision, Site

__all__ = ["counterpart_of"]


def counterpart_of(site: Site, decided: dict) -> Decision:
    """The other party of the number (dates and years have none)."""
    if site.kind in ("date", "year"):
        return NONE
    return NONE
