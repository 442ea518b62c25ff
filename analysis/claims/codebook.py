"""The metric codebook (``data/metrics.csv``): what each metric allows and who its subject is.

Besides the metrics, the codebook knows one key that is none of them, :data:`NO_METRIC`
(``none``): ``data/<lang>/cues.yaml`` lists under it the words that say what a figure measures
when no metric of the codebook measures it (a profit, a dividend, a loan, foreign-currency
reserves, an exchange rate): a figure such a word introduces has no metric
(:mod:`analysis.claims.metric`), rather than one guessed from a cue farther away.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..text.langdata import DATA_DIR, read_csv

__all__ = ["METRICS", "NO_METRIC", "Metric", "codebook", "unit_metrics"]

#: The codebook key of the words that name what no metric measures (never a claim's metric).
NO_METRIC = "none"
#: Every claim kind that may carry a metric: a word of :data:`NO_METRIC` may introduce any of them.
_ALL_KINDS = frozenset({"money", "percent", "count", "duration", "multiplier", "rank", "other"})


@dataclass(frozen=True)
class Metric:
    """One row of the metric codebook (``data/metrics.csv``)."""

    kinds: frozenset[str]  # claim kinds the metric allows
    subject_types: frozenset[str]  # entity types it may describe (empty: any): chooses among a cue's metrics
    window: int | None  # characters: its cue must sit this close to the number (age: "בן 55")
    period_type: str = ""  # "as_of" (a level at a time: a valuation) or "during" (a flow over a period: revenue)


@functools.cache
def codebook() -> dict[str, Metric]:
    """Metric → :class:`Metric`, in the order of ``data/metrics.csv``, then :data:`NO_METRIC`."""
    book = {
        r["metric"]: Metric(frozenset(r["typical_kinds"].split("|")),
                             frozenset(filter(None, r["subject_types"].split("|"))),
                             int(r["cue_window"]) if r["cue_window"] else None, r.get("period_type", ""))
        for r in read_csv(DATA_DIR / "metrics.csv")
    }
    book[NO_METRIC] = Metric(_ALL_KINDS, frozenset(), None)
    return book


@functools.cache
def unit_metrics() -> dict[str, str]:
    """Counted noun → the metric it names (users → users, executives → departures)."""
    return {unit: r["metric"] for r in read_csv(DATA_DIR / "metrics.csv")
            for unit in filter(None, r["counted_units"].split("|"))}


#: The metrics of the codebook (:data:`NO_METRIC` is none of them).
METRICS = tuple(m for m in codebook() if m != NO_METRIC)
