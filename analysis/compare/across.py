"""Across documents: where sources agree, where they contradict each other, and where a match misleads.

Claims that count (inside the analysis, not a repeat, a number, with a subject and a metric) are
grouped by subject and metric, in any language. A group that more than one source speaks to is
split into *strands* of claims that measure the same thing in the same way (:func:`strand_key`);
claims of two strands are never agree or conflict, and when they would seem to (the same value, or
the same time) the group gets a ``not comparable`` finding naming every difference
(:data:`DIFFERENCES`). Inside a strand, claims are laid out in time (:func:`slots`):

* ``values_agree``: the sources' figures for the same time overlap (hedges, ranges and tolerances
  of :mod:`analysis.compare.values`; amounts through :mod:`analysis.compare.rates`);
* ``values_conflict``: they do not, for the same time: the note gives the size of the gap;
* ``figure_held``: a level (``as_of``: a valuation, a user count) given at different times with
  agreeing values: it held from the first to the last;
* ``series_over_time``: the same quantity at different times, ordered by period: a change, not a conflict;
* ``part_of_period`` (``not comparable``): a flow that adds up over time (revenue, a loss) for a
  part of a period against another source's figure for the whole period.

An undated figure joins the one time whose figures it agrees with; otherwise it can be neither
agreement nor conflict and is counted in the ``undecided`` summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from .groups import Claim, modality_class, nested, period_type
from .table import Finding
from .values import ABOUT, EXACT, Interval, gap

__all__ = ["FLOW_METRICS", "DIFFERENCES", "compare_across", "candidates", "strand_key", "strands", "slots"]

#: Metrics whose figures add up over time: a month's is a part of the year's, not the same quantity.
FLOW_METRICS = frozenset({"revenue", "loss", "spend", "capex", "downloads", "hiring", "departures"})
#: Why a claim is left out of the comparison across documents (see :mod:`analysis.compare.undecided`).
UNDATED_DIFFERS = "no period, and its value differs from the other sources' figures: neither agreement nor conflict"
UNDATED_SEVERAL = "no period, and its value agrees with figures of several times"
DIFFERENT_THINGS = "the other sources' figures measure something else, at other times or other values"
NO_OTHER_TIME = "the other sources' figures of the same quantity are undated or of other times"

_MODALITY = {"fact": "a reported fact", "plan": "a plan", "talks": "a deal in talks", "projection": "a projection",
             "target": "a target", "denied": "a denied report"}


def candidates(claims: list[Claim]) -> list[Claim]:
    """Claims that can be compared across documents: inside the analysis, not a repeat, a number,
    with a subject named in its sentence (:attr:`~analysis.compare.groups.Claim.named`) and a metric."""
    return [c for c in claims if c.in_analysis and not c.repeat_of and c.numeric and c.named and c.metric]


def agree(a: Claim, b: Claim) -> bool:
    """Whether two claims of one measure allow a common value."""
    ia, ib = a.measured.interval, b.measured.interval
    return a.measured.key == b.measured.key and ia is not None and ib is not None and ia.overlaps(ib)


def same_time(a: Claim, b: Claim) -> bool:
    """Both dated, and one period holds the other (:func:`analysis.compare.groups.nested`)."""
    return nested(a.span, b.span)


# --- what makes two claims of one subject and metric different things ------------------------------------------

def no_rate(a: Claim, b: Claim) -> str | None:
    """Rule ``no_rate``: amounts in two currencies, one of which has no rate in ``analysis/data/rates.csv``
    near its date (or no date to choose one)."""
    ka, kb = a.measured.key, b.measured.key
    if not (ka.startswith("money") and kb.startswith("money")) or ka == kb:
        return None
    missing = [c for c in (a, b) if c.measured.key != "money"]
    return "; ".join(f"no rate for {c.unit} {'near ' + c.period if c.period else 'for an undated figure'} "
                     "in analysis/data/rates.csv" for c in missing)


def different_measure(a: Claim, b: Claim) -> str | None:
    """Rule ``different_measure``: a percent against an amount or a count, or counts of different
    nouns (users against people, employees against executives), or durations against something else."""
    ka, kb = a.measured.key, b.measured.key
    if ka == kb or (ka.startswith("money") and kb.startswith("money")):
        return None
    return f"different units ({_unit(a)} against {_unit(b)})"


def different_modality(a: Claim, b: Claim) -> str | None:
    """Rule ``different_modality``: a reported fact against a plan, talks, a projection, a target or a
    denied report, or two of those against each other."""
    ma, mb = modality_class(a), modality_class(b)
    return None if ma == mb else f"{_MODALITY.get(ma, ma)} against {_MODALITY.get(mb, mb)}"


def different_counterpart(a: Claim, b: Claim) -> str | None:
    """Rule ``different_counterpart``: both name the other party and they differ (a whole round and
    one investor's part of it, stakes in two companies)."""
    if a.counterpart and b.counterpart and a.counterpart != b.counterpart:
        return f"different counterparts ({'; '.join(a.counterpart)} against {'; '.join(b.counterpart)})"
    return None


def different_cadence(a: Claim, b: Claim) -> str | None:
    """Rule ``different_cadence``: daily against monthly users (or prices per month against per year)."""
    if a.cadence and b.cadence and a.cadence != b.cadence:
        return f"{a.cadence} against {b.cadence} figures"
    return None


def unclear_party(a: Claim, b: Claim) -> str | None:
    """Rule ``unclear_party``: one names no counterpart or cadence where the other sources' figures name
    several, so which of them it matches cannot be told."""
    if (not a.counterpart) != (not b.counterpart) or (not a.cadence) != (not b.cadence):
        return "one figure does not say which counterpart or cadence it is for"
    return None


#: The rules that tell two claims of one subject and metric apart, in the order a note names them.
DIFFERENCES: tuple[Callable[[Claim, Claim], str | None], ...] = (
    no_rate, different_measure, different_modality, different_counterpart, different_cadence, unclear_party)


def strand_key(c: Claim) -> tuple:
    """(measure, modality class, cadence, counterparts): claims of one strand may agree or conflict."""
    return c.measured.key, modality_class(c), c.cadence, c.counterpart


def _fits(wild: tuple, key: tuple) -> bool:
    return wild[:2] == key[:2] and wild[2] in ("", key[2]) and wild[3] in ((), key[3])


def strands(claims: list[Claim]) -> list[list[Claim]]:
    """Claims split by :func:`strand_key`; a claim naming no cadence or counterpart joins the one
    strand that differs from it only there, if there is exactly one."""
    by_key: dict[tuple, list[Claim]] = {}
    for c in claims:
        by_key.setdefault(strand_key(c), []).append(c)
    for key in sorted((k for k in by_key if not k[2] or not k[3]), key=str):
        targets = [k for k in by_key if k != key and _fits(key, k)]
        if len(targets) == 1 and key in by_key:
            by_key[targets[0]] += by_key.pop(key)
    return [by_key[k] for k in sorted(by_key, key=str)]


# --- inside a strand: times ------------------------------------------------------------------------------------

@dataclass
class Unit:
    """Figures of one time (a slot), or of a run of times whose figures agree (a level that held),
    with the undated figures that agree with them."""

    slots: list[list[Claim]]
    extra: list[Claim] = field(default_factory=list)

    @property
    def claims(self) -> list[Claim]:
        return [c for s in self.slots for c in s] + self.extra

    @property
    def period(self) -> str:
        first, last = _outer(self.slots[0]), _outer(self.slots[-1])
        return first if first == last else f"{first} to {last}"


def _outer(slot: list[Claim]) -> str:
    """The period of a slot: its widest claim's."""
    return max(slot, key=lambda c: (c.span[1] - c.span[0], -c.span[0].toordinal())).period


def is_flow(c: Claim) -> bool:
    """A figure that adds up over its period (:data:`FLOW_METRICS`, not given as a level)."""
    return c.metric in FLOW_METRICS and period_type(c) == "during"


def slots(dated: list[Claim]) -> list[list[Claim]]:
    """Dated claims grouped by time, in time order: a claim joins the slot whose period holds its
    own (rule ``month_in_year``), except that a flow joins only a slot of exactly its period."""
    ordered = sorted(dated, key=lambda c: (c.span[0], -(c.span[1] - c.span[0]).days, c.claim_id))
    out: list[list[Claim]] = []
    for c in ordered:
        if out and _joins(out[-1], c):
            out[-1].append(c)
        else:
            out.append([c])
    return out


def _joins(slot: list[Claim], c: Claim) -> bool:
    outer = slot[0].span
    return outer == c.span if is_flow(c) else nested(outer, c.span) and outer[0] <= c.span[0]


def _all_agree(claims: list[Claim]) -> bool:
    """Every two of ``claims`` agree (:func:`agree`): one measure, and intervals with a value in common
    (two by two is all at once for intervals, so one pass does; a pass over pairs when one is improper)."""
    if len(claims) < 2:
        return True
    first = claims[0].measured
    if any(c.measured.key != first.key or c.measured.interval is None for c in claims):
        return False
    if not all(c.measured.interval.proper for c in claims):
        return all(agree(a, b) for a, b in combinations(claims, 2))
    common: Interval | None = first.interval
    for c in claims[1:]:
        common = common.meet(c.measured.interval)
        if common is None:
            return False
    return True


def runs(found: list[list[Claim]], level: bool) -> list[Unit]:
    """Slots as units; for a level, neighbouring slots whose figures all agree make one unit (it held)."""
    units: list[Unit] = []
    for s in found:
        if level and units and _all_agree(units[-1].claims) and _all_agree(units[-1].claims + s):
            units[-1].slots.append(s)
        else:
            units.append(Unit([s]))
    return units


def _sources(claims: list[Claim]) -> list[str]:
    return list(dict.fromkeys(c.source for c in claims))


def within_strand(strand: list[Claim]) -> tuple[list[Finding], dict[str, str]]:
    """Findings of one strand (agree, conflict, figure held, series, part of a period) and the fates of
    its claims that are in none."""
    level = not any(is_flow(c) for c in strand) and period_type(strand[0]) != "during"
    units = runs(slots([c for c in strand if c.span]), level)
    leftover, fates = place_undated([c for c in strand if not c.span], units)
    findings = [f for unit in units if (f := unit_finding(unit))]
    part = part_of_period(units)
    if part:  # the part and the whole are no series either
        findings.append(part)
        units = [u for u in units if not set(u.claims) & set(part.claims)]
    findings += [f for f in (series_over_time(units),) if f]
    for cluster in _clusters(leftover):
        if len(_sources(cluster)) > 1:
            findings.append(values_agree(cluster, ""))
        else:
            fates.update({c.claim_id: UNDATED_DIFFERS for c in cluster})
    if len(_sources(strand)) > 1:
        used = {c.claim_id for f in findings for c in f.claims} | set(fates)
        fates.update({c.claim_id: NO_OTHER_TIME for c in strand if c.claim_id not in used})
    return findings, fates


def place_undated(undated: list[Claim], units: list[Unit]) -> tuple[list[Claim], dict[str, str]]:
    """Rule ``undated_joins``: an undated figure joins the one unit whose figures all agree with it;
    agreeing with several, it is undecided; agreeing with none, it is left over (returned first)."""
    leftover, fates = [], {}
    for u in sorted(undated, key=lambda c: c.claim_id):
        matches = [unit for unit in units if all(agree(u, c) for c in unit.claims)]
        if len(matches) == 1:
            matches[0].extra.append(u)
        elif matches:
            fates[u.claim_id] = UNDATED_SEVERAL
        else:
            leftover.append(u)
    return leftover, fates


def _clusters(claims: list[Claim]) -> list[list[Claim]]:
    """Undated claims in groups whose figures all agree (greedy, lowest figure first)."""
    out: list[list[Claim]] = []
    common: Interval | None = None  # the values the last cluster's figures share, while they are proper
    for c in sorted(claims, key=lambda c: (c.measured.interval.mid, c.claim_id)):
        if out and _joins_cluster(c, out[-1], common):
            out[-1].append(c)
            common = common.meet(c.measured.interval) if common is not None and c.measured.interval.proper else None
        else:
            out.append([c])
            common = c.measured.interval if c.measured.interval.proper else None
    return out


def _joins_cluster(c: Claim, cluster: list[Claim], common: Interval | None) -> bool:
    """``c`` agrees with every figure of ``cluster`` (whose shared values are ``common`` when known)."""
    if common is None or not c.measured.interval.proper:
        return all(agree(c, d) for d in cluster)
    return c.measured.key == cluster[0].measured.key and common.meet(c.measured.interval) is not None


def unit_finding(unit: Unit) -> Finding | None:
    """Agreement, conflict or a figure that held, for the figures of one unit given by two sources or more."""
    claims = unit.claims
    if len(_sources(claims)) < 2:
        return None
    if len(unit.slots) > 1:
        return figure_held(unit)
    if _sources_agree(claims):
        return values_agree(claims, unit.period)
    return values_conflict(claims, unit.period)


def _sources_agree(claims: list[Claim]) -> bool:
    """Every two claims of different sources agree (:func:`agree`), asked once per two distinct
    figures (source, measure, interval): many outlets giving one figure make one figure each."""
    figures = list({_figure(c): c for c in claims}.values())
    return all(agree(a, b) for a, b in combinations(figures, 2) if a.source != b.source)


def _figure(c: Claim) -> tuple:
    """What :func:`agree` reads of a claim, with its source: claims alike in it are tested once."""
    return c.source, c.measured.key, c.measured.interval


# --- the findings and their notes ------------------------------------------------------------------------------

def _says(claims: list[Claim]) -> str:
    parts = [f"{c.source} says {c.reading}" + (f" ({c.period})" if c.period else " (undated)") for c in claims]
    return "; ".join(parts)


def _about(c: Claim) -> str:
    return f"{c.subject} {c.metric.replace('_', ' ')}"


def _conversions(claims: list[Claim]) -> str:
    notes = list(dict.fromkeys(c.measured.note for c in claims if c.measured.note))
    return f" (converted: {'; '.join(notes)})" if notes else ""


def values_agree(claims: list[Claim], period: str) -> Finding:
    """Rule ``values_agree``: two sources or more, one time (or undated), overlapping figures.
    Tolerance: an unhedged figure ±2 % (a percent ±0.5 points), "about" ±10 %, "more/less than" up to 25 %."""
    when = f" for {period}" if period else " (no period given)"
    note = (f"On {_about(claims[0])}{when}, {_says(claims)}: the figures agree within the tolerance of their "
            f"hedges (±{EXACT:.0%} unhedged, ±{ABOUT:.0%} for 'about'){_conversions(claims)}.")
    return Finding("values_agree", "agree", claims, note, period=period)


def _ends(claims: list[Claim]) -> tuple[float, float, str]:
    """The printed figures farthest apart, in the claims' shared unit (for the size of a gap)."""
    low = min(claims, key=lambda c: c.measured.interval.mid)
    high = max(claims, key=lambda c: c.measured.interval.mid)
    x = low.measured.base(low.value_max if low.value_max is not None else low.value)
    return x, high.measured.base(high.value), low.measured.unit


def values_conflict(claims: list[Claim], period: str) -> Finding:
    """Rule ``values_conflict``: two sources or more, one time, and figures that do not overlap
    (tolerances as :func:`values_agree`'s); the note gives the gap."""
    x, y, unit = _ends(claims)
    note = (f"On {_about(claims[0])} for {period}, {_says(claims)}: the figures disagree for the same time; "
            f"{gap(x, y, unit)}{_conversions(claims)}.")
    return Finding("values_conflict", "conflict", claims, note, period=period)


def figure_held(unit: Unit) -> Finding:
    """Rule ``figure_held``: a level given by two sources or more at different times with agreeing
    figures (tolerances as :func:`values_agree`'s): it held from the first time to the last."""
    claims = unit.claims
    note = (f"On {_about(claims[0])}, {_says(claims)}: the same figure at different times, so it held "
            f"from {_outer(unit.slots[0])} to {_outer(unit.slots[-1])}{_conversions(claims)}.")
    return Finding("figure_held", "agree", claims, note, period=unit.period)


def _ambiguous(unit: Unit) -> bool:
    """One source giving two disagreeing figures for one time (a change inside the period, or two
    different things): which of them is the level cannot be told."""
    by_source: dict[str, list[Claim]] = {}
    for c in unit.claims:
        by_source.setdefault(c.source, []).append(c)
    return any(not _all_agree(cs) for cs in by_source.values())


def series_over_time(units: list[Unit]) -> Finding | None:
    """Rule ``series_over_time``: the figures of two times or more, from two sources or more, in time
    order; a change over time, not a conflict. A time at which one source gives two disagreeing
    figures is left out (which is the level cannot be told)."""
    units = [u for u in units if not _ambiguous(u)]
    if len(units) < 2:
        return None
    dated = [c for u in units for s in u.slots for c in s]
    if len(_sources(dated)) < 2:
        return None
    steps = []
    for u in units:
        shown = " / ".join(dict.fromkeys(c.reading for c in u.claims if c.span))
        steps.append(f"{shown} ({u.period}, {', '.join(_sources([c for c in u.claims if c.span]))})")
    note = (f"{_about(dated[0])} over time: {' -> '.join(steps)}: a change over time, not a conflict"
            f"{_conversions(dated)}.")
    return Finding("series_over_time", "series", dated, note, period=f"{units[0].period} to {units[-1].period}")


def part_of_period(units: list[Unit]) -> Finding | None:
    """Rule ``part_of_period`` (``not comparable``): a flow (revenue, a loss, spending) for a part of a
    period (a month, a quarter) and another source's figure for the whole period."""
    flows = [(s, c) for u in units for s in u.slots for c in s if is_flow(c)]
    for (s1, a), (s2, b) in combinations(flows, 2):
        if s1 is not s2 and a.source != b.source and nested(a.span, b.span) and a.span != b.span:
            part, whole = sorted((a, b), key=lambda c: (c.span[1] - c.span[0]))
            note = (f"On {_about(a)}, {part.source} gives {part.reading} for {part.period} and {whole.source} "
                    f"{whole.reading} for {whole.period}: not comparable, a part of a period is not the whole of it.")
            return Finding("part_of_period", "not comparable", [part, whole], note, period=whole.period)
    return None


def between_strands(s1: list[Claim], s2: list[Claim]) -> Finding | None:
    """A ``not comparable`` finding for two strands of one subject and metric whose figures, from
    different sources, have the same value or the same time: the reason names every difference."""
    found = _linked(s1, s2)
    if found is None:
        return None
    (a, b), claims = found
    fired = [(rule.__name__, reason) for rule in DIFFERENCES if (reason := rule(a, b))]
    check, _ = fired[0] if fired else ("unclear_party", "")
    reasons = "; ".join(r for _, r in fired) or "they measure different things"
    note = (f"On {_about(a)}, {_says(claims)}: not comparable, {reasons}; the match in "
            f"{'value' if agree(a, b) else 'time'} does not make them the same figure{_conversions(claims)}.")
    period = a.period if a.period == b.period else "; ".join(x for x in (a.period, b.period) if x)
    return Finding(check, "not comparable", claims, note, period=period)


def _linked(s1: list[Claim], s2: list[Claim]) -> tuple[tuple[Claim, Claim], list[Claim]] | None:
    """The first pair (``s1`` order, then ``s2``) of claims from different sources with the same value or
    the same time, and every claim of such a pair, in the order the pairs list them; None without one.

    Claims alike in all the test reads (source, measure, interval, period) are tested once, so the cost
    follows the number of different figures, not the number of claims squared."""
    def sig(c: Claim) -> tuple:
        return *_figure(c), c.span

    members: dict[tuple, list[int]] = {}  # a figure of s2 → the positions of its claims
    for k, b in enumerate(s2):
        members.setdefault(sig(b), []).append(k)
    partners: dict[tuple, list[tuple]] = {}
    first, shown, done = None, {}, set()
    for a in s1:
        key = sig(a)
        if key not in partners:
            partners[key] = [f for f, ks in members.items()
                             if a.source != s2[ks[0]].source and (agree(a, s2[ks[0]]) or same_time(a, s2[ks[0]]))]
        found = partners[key]
        if not found:
            continue
        first = first or (a, s2[min(members[f][0] for f in found)])
        shown[a] = None
        new = [f for f in found if f not in done]
        done.update(new)
        for k in sorted(k for f in new for k in members[f]):
            shown.setdefault(s2[k], None)
    return None if first is None else (first, list(shown))


def compare_across(claims: list[Claim]) -> tuple[list[Finding], dict[str, str]]:
    """Every finding across documents, and the fate of each candidate claim that is in none
    (claim_id → reason; claims of a group only one source speaks to are left to the caller)."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for c in candidates(claims):
        groups.setdefault((c.subject, c.metric), []).append(c)
    findings: list[Finding] = []
    fates: dict[str, str] = {}
    for key in sorted(groups):
        group = groups[key]
        if len(_sources(group)) < 2:
            continue
        parts = strands(group)
        found: list[Finding] = []
        for s in parts:
            f, fa = within_strand(s)
            found += f
            fates.update(fa)
        found += [f for s1, s2 in combinations(parts, 2) if (f := between_strands(s1, s2))]
        decided = {c.claim_id for f in found for c in f.claims} | set(fates)
        fates.update({c.claim_id: DIFFERENT_THINGS for c in group if c.claim_id not in decided})
        findings += found
    return findings, fates


def _unit(c: Claim) -> str:
    return {"percent": "a percent", "money": "an amount"}.get(c.kind, c.unit.replace("_", " ") or c.kind)

