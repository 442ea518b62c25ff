"""The metric codebook (``data/metrics.csv``): what each metric allows and who its subject is."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..text.langdata import DATA_DIR, read_csv

__all__ = ["METRICS", "Metric", "codebook", "unit_metrics"]

@dataclass(frozen=True)
class Metric:
    """One row of the metric codebook (``data/metrics.csv``)."""

    kinds: frozenset[str]  # claim kinds the metric allows
    subject_types: frozenset[str]  # entity types it may describe (empty: any): chooses among a cue's metrics
    window: int | None  # characters: its cue must sit this close to the number (age: "בן 55")
    period_type: str = ""  # "as_of" (a level at a time: a valuation) or "during" (a flow over a period: revenue)


@functools.cache
def codebook() -> dict[str, Metric]:
    return {
        r["metric"]: Metric(frozenset(r["typical_kinds"].split("|")),
                             frozenset(filter(None, r["subject_types"].split("|"))),
                             int(r["cue_window"]) if r["cue_window"] else None, r.get("period_type", ""))
        for r in read_csv(DATA_DIR / "metrics.csv")
    }


@functools.cache
def unit_metrics() -> dict[str, str]:
    """Counted noun → the metric it names (users → users, executives → departures)."""
    return {unit: r["metric"] for r in read_csv(DATA_DIR / "metrics.csv")
            for unit in filter(None, r["counted_units"].split("|"))}


METRICS = tuple(codebook())
