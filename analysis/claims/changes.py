"""Changes: "from X to Y" as two claims with roles ``before`` and ``after``."""

from __future__ import annotations

from ..text.normalize import Normalized
from .context import SentenceContext
from .cues import Cues, Scan
from .quantities import Quantity

__all__ = ["change_roles", "split_change"]

def split_change(q: Quantity, roles: dict[int, str]) -> list[tuple[Quantity, str]]:
    """A change written as one "from X to Y" range becomes its two ends."""
    role = roles.get(id(q), "")
    if role == "range" and q.parts:
        return [(q.parts[0], "before"), (q.parts[1], "after")]
    return [(q, role if role in ("before", "after") else "")]


def change_roles(norm: Normalized, ctx: SentenceContext, cues: Scan | None) -> dict[int, str]:
    """Roles of the quantities of one sentence that form "from X to Y" changes.

    Rule ``change_from_to``: "from X to Y" is a change of two values (roles ``before`` and
    ``after``) when a verb or noun of change stands in the sentence (רفعت تقييمها من 20 إلى 35), or
    when its "to" word says so by itself (Hebrew מ-X ל-Y, where a range would say עד or בין) and
    no range cue says otherwise (נעות מ-1.5 ל-2); otherwise it is a range (تتراوح من 20 إلى 35).
    """
    if not cues:
        return {}
    verb = bool(cues.find("change_verbs", ctx.ns, ctx.ne))
    ranging = bool(cues.find("range_cues", ctx.ns, ctx.ne))
    qs = ctx.quantities
    roles: dict[int, str] = {}
    t = norm.text
    for q in qs:
        if q.parts and q.connector == "from_to" and (verb or (not ranging and _change_to(norm, q, cues.lexicon))):
            roles[id(q)] = "range"
    if not verb:
        return roles
    for a, b in zip(qs, qs[1:]):
        if id(a) in roles or id(b) in roles or a.kind != b.kind:
            continue
        a0, a1 = norm.to_normalized(a.start, a.end)
        b0, _ = norm.to_normalized(b.start, b.end)
        if cues.lexicon.from_re.search(t[max(ctx.ns, a0 - 6):a0]) and cues.lexicon.to_re.match(t[a1:b0]):
            roles[id(a)], roles[id(b)] = "before", "after"
    return roles


def _change_to(norm: Normalized, q: Quantity, lexicon: Cues) -> bool:
    """Whether the "to" between the two ends of a range is one that means a change by itself."""
    a, b = q.parts
    _, a1 = norm.to_normalized(a.start, a.end)
    b0, _ = norm.to_normalized(b.start, b.end)
    return bool(lexicon.change_to_re.match(norm.text[a1:b0]))
