"""Where a number sits: what every rule deciding a claim's attributes may look at.

Each attribute (subject, counterpart, metric, modality, period, cadence, attribution) is
decided by a function ``f(site, decided) -> Decision`` in its own module: an ordered list of
named rules, the first that applies wins, and the :class:`Decision` names it (the claim's
``why`` column lists them). ``decided`` holds the attributes decided before, in that order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.normalize import Normalized
from .context import SentenceContext
from .cues import Scan
from .quantities import Quantity

__all__ = ["Decision", "Site", "NONE"]


@dataclass(frozen=True)
class Decision:
    """An attribute's value and the name of the rule that set it ('' when no rule applied)."""

    value: str = ""
    rule: str = ""
    extra: dict = field(default_factory=dict)


NONE = Decision()


@dataclass
class Site:
    """One number in its sentence: spans are in the normalized copy."""

    ctx: SentenceContext
    norm: Normalized
    q: Quantity  #: the quantity as read (a range for "from X to Y")
    part: Quantity  #: the number this claim is about (one end of a change, else ``q``)
    kind: str
    unit: str
    qa: int  #: the number's span
    qb: int
    ca: int  #: its clause's span
    cb: int
    cues: Scan | None
    published: str
    lang: str | None
    role: str = ""  #: "before" or "after" for the two ends of a change "from X to Y"
    #: what the rules read about this number once and ask again (its sentence's is ``ctx.memo``):
    #: kept here, never in a module, so that numbers read at the same time in other threads
    #: (a Dask worker runs several) never see one another's
    memo: dict = field(default_factory=dict, repr=False)

    def figures_in(self, a: int, b: int, dates: bool = False, own: bool = False) -> list[Quantity]:
        """The quantities of the sentence starting between normalized ``a`` and ``b``: not dates or
        years unless ``dates``, not this number's own unless ``own``."""
        return [o for o in self.ctx.quantities if (own or o is not self.q)
                and (dates or o.kind not in ("date", "year")) and a <= self.norm.index_of(o.start) < b]

    @property
    def text(self) -> str:
        """The normalized text (the spans above index it)."""
        return self.norm.text
