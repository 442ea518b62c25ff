"""Inside one document: rules that check a text against its own arithmetic.

Each rule reads the claims of one document (inside the analysis; repeats included where a rule
needs the figure of a sentence, dropped where they would count twice; a figure taken from another
sentence than the one the check starts from must name its subject in its own sentence,
:attr:`~analysis.compare.groups.Claim.named`) and returns findings with
verdict ``inconsistent``, or ``consistent`` when the check could be made and held (listed only
with ``compare_sources(claims, passed=True)``). Tolerances are given beside each rule; every rule
also allows what the figures' own hedges and roundings allow (:mod:`analysis.compare.values`).

:data:`RULES` lists them in order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import combinations

from ..text.langdata import language, languages
from ..text.normalize import normalize_word
from .groups import DURATION_DAYS, FACT, Claim, nested, span
from .table import Finding
from .values import Interval, amount, gap

__all__ = ["RULES", "STAKE_TOL", "PER_CAPITA_TOL", "SAME_EVENT_RATIO", "SHARE_METRICS", "CHANGE_BASE",
           "check_document", "documents"]

#: stake × valuation against the stated value of the stake: 5 % more (valuations move between rounds).
STAKE_TOL = 0.05
#: "as rich as N people": the product is a rounded comparison, 10 % more.
PER_CAPITA_TOL = 0.10
#: Two durations of one event further apart than this factor are two events (a 12-day festival and
#: its 10-minute sessions), not a contradiction.
SAME_EVENT_RATIO = 3.0
#: Metrics whose percents are shares of a whole (never above 100 %).
SHARE_METRICS = frozenset({"market_share", "stake", "retention", "wealth_distribution"})
#: Metrics whose percents, by subject, split one whole among different holders (they add up to 100 % at most).
SPLIT_METRICS = frozenset({"market_share", "stake"})
#: A change metric → the metric of the values it relates.
CHANGE_BASE = {"price_change": "price", "market_value_change": "market_value", "share_price_change": "stock_price",
               "usage_change": "users"}
#: Metrics whose percent is a change of the metric itself ("revenue grew 180%"), unlike a share (a stake).
SELF_CHANGE = frozenset({"revenue", "spend", "capex", "downloads", "market_value"})
#: Durations a subject has one of (an age, a tenure, one development, one event).
SINGLE_DURATIONS = frozenset({"age", "tenure", "development_time", "event_duration"})
#: Part → whole metrics of one subject.
PART_OF = {"funding_round": "total_funding"}


def documents(claims: list[Claim]) -> dict[str, list[Claim]]:
    """Claims inside the analysis, by document, in text order."""
    docs: dict[str, list[Claim]] = {}
    for c in sorted(claims, key=lambda c: (c.doc_id, c.start, c.claim_id)):
        if c.in_analysis:
            docs.setdefault(c.doc_id, []).append(c)
    return docs


def _sentence(c: Claim) -> tuple:
    return (c.doc_id, c.article, c.sent_no if c.sent_no >= 0 else c.sentence)


def _sentences(claims: list[Claim]) -> dict[tuple, list[Claim]]:
    out: dict[tuple, list[Claim]] = {}
    for c in claims:
        out.setdefault(_sentence(c), []).append(c)
    return out


def _finding(check: str, ok: bool, claims: list[Claim], note: str) -> Finding:
    period = "; ".join(dict.fromkeys(c.period for c in claims if c.period))
    return Finding(check, "consistent" if ok else "inconsistent", claims, note, scope="within", period=period)


def _same_money(a: Claim, b: Claim) -> bool:
    """Two amounts in one currency, or both convertible to dollars."""
    return a.unit == b.unit or (a.measured.key == "money" and b.measured.key == "money")


def _iv(c: Claim) -> Interval:
    """The claim's interval in the unit it shares with others (dollars for convertible amounts)."""
    return c.measured.interval if c.kind == "money" and c.measured.key == "money" else c.interval


def _base(c: Claim, v: float) -> float:
    return c.measured.base(v) if c.kind == "money" and c.measured.key == "money" else v


def _unit(c: Claim) -> str:
    return c.measured.unit if c.kind == "money" and c.measured.key == "money" else c.unit


# --- the rules -------------------------------------------------------------------------------------------------

def range_reversed(claims: list[Claim]) -> list[Finding]:
    """Rule ``range_reversed``: a range whose upper bound is below its lower bound ("800 billion to
    1.2 billion"). Tolerance: none."""
    out = []
    for c in claims:
        if c.numeric and c.value_max is not None and c.value_max < c.value and not c.repeat_of:
            hint = next((f" (perhaps {amount(c.value_max * k, c.unit)} was meant)" for k in (1e3, 1e6)
                         if c.value <= c.value_max * k <= c.value * 10), "")
            note = (f"The range '{c.text}' runs from {amount(c.value, c.unit)} down to "
                    f"{amount(c.value_max, c.unit)}: its upper bound is below its lower bound{hint}.")
            out.append(_finding("range_reversed", False, [c], note))
    return out


def stake_times_valuation(claims: list[Claim]) -> list[Finding]:
    """Rule ``stake_times_valuation``: a holder's stake in a company as a percent and as an amount
    (one of each in one sentence) against the company's valuation or market value stated as a fact in
    the same article for a compatible time: percent × valuation should be the amount. Tolerance:
    :data:`STAKE_TOL` (5 %) on top of the figures' own."""
    out = []
    for sent in _sentences(claims).values():
        stakes = [c for c in sent if c.metric == "stake" and c.counterpart and c.numeric]
        for (holder, company), group in _by(stakes, lambda c: (c.subject, c.counterpart)).items():
            pcts = [c for c in group if c.kind == "percent"]
            moneys = [c for c in group if c.kind == "money"]
            if len(pcts) != 1 or len(moneys) != 1 or len(company) != 1:
                continue
            p, m = pcts[0], moneys[0]
            for v in _valuations(claims, company[0], m):
                out.append(_stake_finding(p, m, v))
    return out


def _valuations(claims: list[Claim], company: str, m: Claim) -> list[Claim]:
    return [v for v in claims if v.subject == company and v.named and v.metric in ("valuation", "market_value")
            and v.kind == "money" and v.numeric and v.modality in FACT and not v.repeat_of and v.article == m.article
            and _same_money(v, m) and (not v.span or not m.span or nested(v.span, m.span))]


def _stake_finding(p: Claim, m: Claim, v: Claim) -> Finding:
    share = p.interval.scaled(1 / 100)
    implied = share.times(_iv(v))
    ok = implied.widened(STAKE_TOL).overlaps(_iv(m))
    implied_v = _base(v, v.value) * p.value / 100
    note = (f"{p.subject}'s stake of {p.reading} in {v.subject} is said to be worth {m.reading}; at the "
            f"{v.reading} valuation the text gives, {p.reading} is {amount(implied_v, _unit(v))}: "
            + ("the figures agree." if ok else f"they disagree, {gap(implied_v, _base(m, m.value), _unit(m))}."))
    return _finding("stake_times_valuation", ok, [p, m, v], note)


def multiple_vs_values(claims: list[Claim]) -> list[Finding]:
    """Rule ``multiple_vs_values``: a stated multiple ("doubled", "nearly three times") and the two ends
    of a change ("from 12% to 24%") of the same subject in one sentence: after ÷ before should be the
    multiple. Tolerance: the figures' own (a multiple ±2 %, "nearly" down to −10 %; each end ±2 % or
    ±0.5 points)."""
    out = []
    for sent in _sentences(claims).values():
        for mult in (c for c in sent if c.kind == "multiplier" and c.numeric):
            pairs = [p for p in _changes(sent).values() if p[0].subject == mult.subject or not mult.subject]
            if len(pairs) != 1:
                continue
            before, after = pairs[0]
            ratio = _ratio(after, before)
            ok = ratio is not None and ratio.overlaps(mult.interval)
            r = after.value / before.value if before.value else float("nan")
            note = (f"The text says {mult.subject or 'the figure'} grew {mult.reading} ('{mult.text}'), and gives "
                    f"{before.reading} before and {after.reading} after: a ratio of {r:.2f}, which "
                    + ("fits." if ok else "does not fit."))
            out.append(_finding("multiple_vs_values", ok, [mult, before, after], note))
    return out


def _changes(sent: list[Claim]) -> dict[str, tuple[Claim, Claim]]:
    """change_id → (before, after) in one sentence."""
    ends: dict[str, dict[str, Claim]] = {}
    for c in sent:
        if c.change_id and c.role in ("before", "after") and c.numeric:
            ends.setdefault(c.change_id, {})[c.role] = c
    return {k: (v["before"], v["after"]) for k, v in ends.items() if len(v) == 2}


def _ratio(after: Claim, before: Claim) -> Interval | None:
    a, b = after.interval, before.interval
    if a is None or b is None or b.lo <= 0 or a.lo < 0:
        return None
    return Interval(a.lo / b.hi, a.hi / b.lo)


def change_vs_values(claims: list[Claim]) -> list[Finding]:
    """Rule ``change_vs_values``: a stated change in percent ("+280 %", "fell 37 %", "rose 500 %") and the
    two values it relates, in one sentence: the ends of a change of the same subject, else exactly two
    other figures of the same subject whose metric the change is of (price for ``price_change``, see
    :data:`CHANGE_BASE`; revenue for a percent of revenue, see :data:`SELF_CHANGE`; a change in
    percentage points, of any metric, is a change of that metric). The text's direction words are not read, so a rise or a fall of the
    stated size both fit (for unordered values, the larger over the smaller); between two percents a
    change in points fits too. Tolerance: the figures' own (±0.5 points on the change, ±2 % on each value)."""
    out = []
    for sent in _sentences(claims).values():
        for p in (c for c in sent if c.kind == "percent" and c.numeric and not c.role and c.metric
                  and (c.metric in CHANGE_BASE or c.metric in SELF_CHANGE or c.unit == "percentage_points")):
            ends = _related(p, sent)
            if ends is None:
                continue
            first, second, ordered = ends
            ok, shown = _change_fits(p, first, second, ordered)
            note = (f"The text gives a change of {p.reading} ('{p.text}') for {p.subject or 'the figure'} "
                    f"{p.metric.replace('_', ' ')}, and the values {first.reading} and {second.reading}: "
                    f"{shown}, which " + ("fits." if ok else "does not fit."))
            out.append(_finding("change_vs_values", ok, [p, first, second], note))
    return out


def _related(p: Claim, sent: list[Claim]) -> tuple[Claim, Claim, bool] | None:
    base = CHANGE_BASE.get(p.metric, p.metric)
    pairs = [v for v in _changes(sent).values() if v[0].subject == p.subject and v[0].metric in (p.metric, base)]
    if len(pairs) == 1:
        return pairs[0][0], pairs[0][1], True
    if pairs:
        return None
    others = [c for c in sent if c is not p and c.numeric and not c.role and c.subject == p.subject
              and c.metric == base and c.kind in ("money", "count") and not c.repeat_of]
    if len(others) == 2 and others[0].unit == others[1].unit:
        return others[0], others[1], False
    return None


def _change_fits(p: Claim, first: Claim, second: Claim, ordered: bool) -> tuple[bool, str]:
    lo, hi = abs(p.interval.lo), abs(p.interval.hi)
    lo, hi = min(lo, hi), max(lo, hi)
    factors = [Interval(1 + lo / 100, 1 + hi / 100)]
    if hi < 100:
        factors.append(Interval(1 - hi / 100, 1 - lo / 100) if ordered else Interval(100 / (100 - lo), 100 / (100 - hi)))
    if ordered:
        ratio, r = _ratio(second, first), second.value / first.value if first.value else float("nan")
    else:
        small, big = sorted((first, second), key=lambda c: c.value)
        ratio, r = _ratio(big, small), big.value / small.value if small.value else float("nan")
    ok = ratio is not None and any(ratio.overlaps(f) for f in factors)
    shown = f"a ratio of {r:.2f} (a change of {(r - 1) * 100:+.0f}%)"
    if first.kind == second.kind == "percent" and ordered:
        points = Interval(second.interval.lo - first.interval.hi, second.interval.hi - first.interval.lo)
        ok = ok or points.overlaps(Interval(lo, hi)) or points.overlaps(Interval(-hi, -lo))
        shown += f" or {second.value - first.value:+g} points"
    return ok, shown


def share_above_100(claims: list[Claim]) -> list[Finding]:
    """Rule ``share_above_100``: a share of a whole (market share, stake, retention) above 100 %.
    Tolerance: none beyond the printed figure's hedge."""
    out = []
    for c in claims:
        if c.kind == "percent" and c.metric in SHARE_METRICS and c.numeric and not c.repeat_of and c.interval.lo > 100:
            out.append(_finding("share_above_100", False, [c], f"A share of a whole cannot exceed 100%, and the text "
                                f"gives {c.subject or 'a'} {c.metric.replace('_', ' ')} of {c.reading}."))
    return out


def shares_sum_over_100(claims: list[Claim]) -> list[Finding]:
    """Rule ``shares_sum_over_100``: in one sentence, the shares of one whole held by different subjects
    (market shares; stakes in one company) add up to more than 100 %: before and after a change are
    summed apart. Skipped when a subject has two shares on one side. Tolerance: each share's own
    (±0.5 points unhedged)."""
    out = []
    for sent in _sentences(claims).values():
        shares = [c for c in sent if c.kind == "percent" and c.metric in SPLIT_METRICS and c.numeric and not c.repeat_of]
        for (_, whole), group in _by(shares, lambda c: (c.metric, c.counterpart)).items():
            for side in ("before", "after"):
                held = [c for c in group if c.role in ("", side)]
                subjects = [c.subject for c in held]
                if len(held) < 2 or len(set(subjects)) != len(subjects) or "" in subjects:
                    continue
                if side == "after" and not any(c.role for c in held):
                    continue  # no change in the sentence: the "before" pass saw them all
                low = sum(c.interval.lo for c in held)
                ok = low <= 100
                listed = ", ".join(f"{c.subject} {c.reading}" for c in held)
                note = (f"The shares given in one sentence ({listed}{', ' + side + ' the change' if any(c.role for c in held) else ''}) "
                        f"add up to {sum(c.value for c in held):g}%, " + ("within 100%." if ok else "more than the whole."))
                out.append(_finding("shares_sum_over_100", ok, held, note))
    return out


def part_exceeds_total(claims: list[Claim]) -> list[Finding]:
    """Rule ``part_exceeds_total``: a part larger than its whole, for one subject in one document: a
    funding round above the total raised (when the total is not of an earlier time). Tolerance: the
    figures' own."""
    out = []
    for part_metric, whole_metric in PART_OF.items():
        parts = [c for c in claims if c.metric == part_metric and c.kind == "money" and c.numeric and not c.repeat_of
                 and c.modality in FACT and c.named]
        wholes = [c for c in claims if c.metric == whole_metric and c.kind == "money" and c.numeric
                  and not c.repeat_of and c.modality in FACT and c.named]
        for part in parts:
            for whole in wholes:
                if whole.subject != part.subject or not _same_money(part, whole) or _earlier(whole, part):
                    continue
                ok = _iv(part).lo <= _iv(whole).hi
                note = (f"{part.subject}'s {part_metric.replace('_', ' ')} of {part.reading} against its "
                        f"{whole_metric.replace('_', ' ')} of {whole.reading}: "
                        + ("the part is within the whole." if ok else "the part is larger than the whole."))
                out.append(_finding("part_exceeds_total", ok, [part, whole], note))
    return out


def _earlier(whole: Claim, part: Claim) -> bool:
    return bool(whole.span and part.span and whole.span[1] < part.span[0])


def stakes_exceed_net_worth(claims: list[Claim]) -> list[Finding]:
    """Rule ``stakes_exceed_net_worth``: a person's holdings in different companies, as amounts in one
    sentence, add up to more than the net worth the article gives for a compatible time. Tolerance:
    the figures' own."""
    out = []
    for sent in _sentences(claims).values():
        stakes = [c for c in sent if c.metric == "stake" and c.kind == "money" and c.numeric and len(c.counterpart) == 1]
        for holder, held in _by(stakes, lambda c: c.subject).items():
            if not holder or len({c.counterpart for c in held}) != len(held):
                continue
            for whole in _net_worths(claims, held[0]):
                if not all(_same_money(c, whole) for c in held):
                    continue
                low = sum(_iv(c).lo for c in held)
                ok = low <= _iv(whole).hi
                total = sum(_base(c, c.value) for c in held)
                note = (f"{holder}'s holdings named in one sentence ({', '.join(c.counterpart[0] + ' ' + c.reading for c in held)}) "
                        f"come to {amount(total, _unit(held[0]))}, against a net worth of {whole.reading}: "
                        + ("within it." if ok else "more than the whole fortune."))
                out.append(_finding("stakes_exceed_net_worth", ok, [*held, whole], note))
    return out


def _net_worths(claims: list[Claim], stake: Claim) -> list[Claim]:
    return [c for c in claims if c.metric == "net_worth" and c.subject == stake.subject and c.named and c.kind == "money"
            and c.numeric and not c.repeat_of and c.modality in FACT and c.article == stake.article
            and (not c.span or not stake.span or nested(c.span, stake.span))]


def two_durations(claims: list[Claim]) -> list[Finding]:
    """Rule ``two_durations``: one subject's age, tenure, development time or event length given twice
    with values that do not overlap, for a compatible time and not as two ends of a change. Tolerance:
    the figures' own; durations more than :data:`SAME_EVENT_RATIO` apart are taken as two events."""
    found = [c for c in claims if c.kind == "duration" and c.metric in SINGLE_DURATIONS and c.named and c.numeric
             and not c.repeat_of and not c.role and c.unit in DURATION_DAYS]
    out = []
    for a, b in combinations(found, 2):
        if (a.subject, a.metric) != (b.subject, b.metric) or (a.span and b.span and not nested(a.span, b.span)):
            continue
        da, db = a.measured.interval, b.measured.interval
        if da.overlaps(db) or max(da.mid, db.mid) > SAME_EVENT_RATIO * min(da.mid, db.mid):
            continue
        note = (f"The text gives {a.subject}'s {a.metric.replace('_', ' ')} as {a.reading} and as {b.reading}.")
        out.append(_finding("two_durations", False, [a, b], note))
    return out


def two_dates(claims: list[Claim]) -> list[Finding]:
    """Rule ``two_dates``: the same event (one subject and metric) dated twice, differently.
    Tolerance: none (a date inside the other's month or year is the same date, less precisely)."""
    dates = [c for c in claims if c.kind in ("date", "year") and c.named and c.metric and not c.repeat_of]
    out = []
    for a, b in combinations(dates, 2):
        if (a.subject, a.metric) == (b.subject, b.metric):
            sa, sb = span(str(a.raw_value or "")), span(str(b.raw_value or ""))
            if sa and sb and not nested(sa, sb):
                note = f"The text dates {a.subject}'s {a.metric.replace('_', ' ')} both {a.raw_value} and {b.raw_value}."
                out.append(_finding("two_dates", False, [a, b], note))
    return out


@functools.cache
def _demonyms() -> dict[str, str]:
    """Counted nouns that name the people of a place (``americans`` → United States), every language."""
    out: dict[str, str] = {}
    for lang in languages():
        out.update(language(lang).load("parties").get("demonyms") or {})
    return out


@functools.cache
def _per_person() -> re.Pattern | None:
    words = {normalize_word(w) for lang in languages() for w in language(lang).load("compare").get("per_person") or []}
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)")


def per_capita(claims: list[Claim]) -> list[Finding]:
    """Rule ``per_capita``: a fortune set equal to that of N people ("as rich as 1 million Americans", an
    amount and a count of people of one subject in one sentence) against the amount per person the
    article gives for those people (a figure whose sentence says "per person", of their place):
    N × per person should be the fortune. Tolerance: :data:`PER_CAPITA_TOL` (10 %) on top of the
    figures' own."""
    out = []
    pattern = _per_person()
    if pattern is None:
        return out
    for sent in _sentences(claims).values():
        for n in (c for c in sent if c.kind == "count" and c.numeric and (c.unit in _demonyms() or c.unit == "people")):
            totals = [c for c in sent if c.kind == "money" and c.numeric and c.subject and c.subject == n.subject]
            place = _demonyms().get(n.unit, "")
            each = _distinct([c for c in claims if c.kind == "money" and c.numeric and c.article == n.article
                              and c.named and (c.subject == place or not place)
                              and pattern.search(normalize_word(c.sentence))])
            if len(totals) != 1 or len(each) != 1 or not _same_money(totals[0], each[0]):
                continue
            out.append(_per_capita_finding(n, totals[0], each[0]))
    return out


def _per_capita_finding(n: Claim, total: Claim, each: Claim) -> Finding:
    implied = n.interval.times(_iv(each))
    ok = implied.widened(PER_CAPITA_TOL).overlaps(_iv(total))
    product = n.value * _base(each, each.value)
    note = (f"The text sets {total.reading} equal to the wealth of {n.reading}; at {each.reading} per "
            f"person, as it says elsewhere, that many people hold {amount(product, _unit(each))}: "
            + ("the arithmetic holds." if ok else f"the arithmetic does not hold, {gap(product, _base(total, total.value), _unit(total))}."))
    return _finding("per_capita", ok, [n, total, each], note)


def _distinct(claims: list[Claim]) -> list[Claim]:
    """One claim per distinct figure (a repeated per-person amount is one figure)."""
    out: dict[tuple, Claim] = {}
    for c in claims:
        out.setdefault((c.value, c.value_max, c.unit), c)
    return list(out.values())


def _by(claims: list[Claim], key: Callable[[Claim], object]) -> dict:
    out: dict = {}
    for c in claims:
        out.setdefault(key(c), []).append(c)
    return out


#: Every rule, in the order its findings are made.
RULES: tuple[Callable[[list[Claim]], list[Finding]], ...] = (
    range_reversed, stake_times_valuation, multiple_vs_values, change_vs_values, share_above_100,
    shares_sum_over_100, part_exceeds_total, stakes_exceed_net_worth, two_durations, two_dates, per_capita)


def check_document(claims: list[Claim]) -> list[Finding]:
    """Every rule of :data:`RULES` on the claims of one document."""
    return [f for rule in RULES for f in rule(claims)]
