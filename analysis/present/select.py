"""Pick the claims a chart, table or sentence is about.

Every query starts from the claims that count (inside the analysis, not a repeat of an earlier
statement, as :func:`analysis.counted` says) and narrows them by subject, metric, period and
modality. Nothing here names a seed, an outlet or a company: notebooks pass those in.

>>> import pandas as pd
>>> claims = pd.DataFrame({"subject": ["A", "B", "A"], "metric": ["users", "users", "loss"],
...                        "period": ["2025-02", "2024", ""], "modality": ["fact", "projection", "fact"],
...                        "in_analysis": [True, True, False], "repeat_of": ["", "", ""]})
>>> select(claims, metric="users").subject.tolist()
['A', 'B']
>>> select(claims, period="2025").subject.tolist(), len(select(claims, counted=False))
(['A'], 3)
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

__all__ = ["MODALITIES", "select", "counted_rows", "is_fact", "is_hedged", "numeric", "facts_and_projections",
           "change_pairs", "findings_about", "with_counterparts", "party_label",
           "modality_counts", "who_label"]

#: How the engine says a number is presented (README codebook, ``modality``).
MODALITIES = ("fact", "plan", "talks", "projection", "target", "denied")


def _wanted(values: str | Iterable[str] | None) -> list[str] | None:
    """A filter argument as a list (None: no filter)."""
    if values is None:
        return None
    return [values] if isinstance(values, str) else list(values)


def counted_rows(claims: pd.DataFrame) -> pd.Series:
    """True for the claims that count: ``in_analysis`` and no ``repeat_of`` (a missing column counts as
    in the analysis, not a repeat), as :func:`analysis.counted` defines them."""
    inside = claims["in_analysis"].fillna(False).astype(bool) if "in_analysis" in claims else True
    first = claims["repeat_of"].fillna("").eq("") if "repeat_of" in claims else True
    return pd.Series(inside & first, index=claims.index, dtype=bool)


def _in_period(periods: pd.Series, wanted: list[str]) -> pd.Series:
    """A claim's period matches a wanted one when equal or inside it (``2025-02`` lies in ``2025``)."""
    periods = periods.fillna("").astype(str)
    hit = pd.Series(False, index=periods.index)
    for p in wanted:
        hit |= periods.eq(p) | (periods.str.startswith(p + "-") if p else False)
    return hit


def select(claims: pd.DataFrame, subject=None, metric=None, period=None, modality=None,
           counted: bool = True) -> pd.DataFrame:
    """Rows of ``claims`` matching every filter given (each a str or a list of str).

    ``counted`` keeps only the claims that count (see :func:`counted_rows`); ``period`` matches
    periods inside it too (``"2025"`` finds ``2025-02``). The index and every column are kept, so a
    row still points to its source span.
    """
    mask = counted_rows(claims) if counted else pd.Series(True, index=claims.index)
    for column, values in (("subject", subject), ("metric", metric), ("modality", modality)):
        wanted = _wanted(values)
        if wanted is not None:
            mask &= claims[column].fillna("").isin(wanted)
    wanted = _wanted(period)
    if wanted is not None:
        mask &= _in_period(claims["period"], wanted)
    return claims[mask].copy()


def is_fact(claims: pd.DataFrame) -> pd.Series:
    """True where the text presents the number as a fact (an empty modality reads as a fact)."""
    return claims["modality"].fillna("").isin(["fact", ""])


def is_hedged(claims: pd.DataFrame) -> pd.Series:
    """True where the figure is hedged or vague: ``approx``, or a hedge phrase."""
    approx = claims["approx"].fillna(False).astype(bool) if "approx" in claims else False
    hedge = claims["hedge"].fillna("").ne("") if "hedge" in claims else False
    return pd.Series(approx | hedge, index=claims.index, dtype=bool)


def _number(v) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return math.nan
    return x if math.isfinite(x) else math.nan


def numeric(claims: pd.DataFrame, column: str = "value") -> pd.Series:
    """A value column as floats (an ISO date or an empty value becomes NaN)."""
    return pd.Series([_number(v) for v in claims[column]], index=claims.index, dtype="float64")


def facts_and_projections(claims: pd.DataFrame, **filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``select(claims, **filters)`` split in two: the facts, and everything else (plans, talks,
    projections, targets, denied reports)."""
    rows = select(claims, **filters)
    fact = is_fact(rows)
    return rows[fact], rows[~fact]


def change_pairs(claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two ends of each "from X to Y" change (same document and ``change_id``, roles ``before``
    and ``after``), as one row per change with ``before_*`` and ``after_*`` columns, and the rows
    that are not part of a complete pair."""
    has = claims["change_id"].fillna("").ne("") & claims["role"].isin(["before", "after"])
    ends = claims[has]
    before = ends[ends["role"] == "before"].drop_duplicates(["doc_id", "change_id"])
    after = ends[ends["role"] == "after"].drop_duplicates(["doc_id", "change_id"])
    pairs = before.add_prefix("before_").merge(
        after.add_prefix("after_"), left_on=["before_doc_id", "before_change_id"],
        right_on=["after_doc_id", "after_change_id"])
    paired = set(pairs["before_claim_id"]) | set(pairs["after_claim_id"])
    return pairs.reset_index(drop=True), claims[~claims["claim_id"].isin(paired)]


def _parts(text) -> list[str]:
    """A ``; ``-separated cell as its parts (empty cell: no part)."""
    return [p.strip() for p in str(text or "").split(";") if p.strip()]


def findings_about(comparison: pd.DataFrame, subject=None, metric=None) -> pd.DataFrame:
    """Rows of the comparison table (:func:`analysis.compare_sources`) about any of the subjects and
    metrics given (a row lists several, ``; ``-separated, when its claims differ).

    >>> rows = pd.DataFrame({"subject": ["A", "A; B"], "metric": ["loss", "price; loss"], "verdict": ["x", "y"]})
    >>> findings_about(rows, metric="price").verdict.tolist()
    ['y']
    >>> findings_about(rows, subject="A", metric="loss").verdict.tolist()
    ['x', 'y']
    """
    mask = pd.Series(True, index=comparison.index)
    for column, values in (("subject", subject), ("metric", metric)):
        wanted = _wanted(values)
        if wanted is not None:
            wanted_set = set(wanted)
            mask &= comparison[column].map(lambda cell, w=wanted_set: bool(set(_parts(cell)) & w))
    return comparison[mask].copy()


def with_counterparts(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per claim and counterpart (an investor of a round, the company a stake is held in), the
    ``counterpart`` cell split at ``; ``; claims without a counterpart are left out.

    >>> rows = pd.DataFrame({"claim_id": ["a", "b"], "counterpart": ["X; Y", ""]})
    >>> with_counterparts(rows).values.tolist()
    [['a', 'X'], ['a', 'Y']]
    """
    out = claims.assign(counterpart=[_parts(c) for c in claims["counterpart"].fillna("")])
    out = out.explode("counterpart")
    return out[out["counterpart"].notna()].reset_index(drop=True)


def party_label(claims: pd.DataFrame, joiner: str = " → ") -> pd.Series:
    """A label naming both parties of a claim: ``subject → counterpart`` (``Elon Musk → Tesla``), the
    subject alone without a counterpart, ``(no subject)`` without either.

    >>> party_label(pd.DataFrame({"subject": ["Elon Musk", "xAI", ""], "counterpart": ["Tesla", "", ""]})).tolist()
    ['Elon Musk → Tesla', 'xAI', '(no subject)']
    """
    subjects = claims["subject"].fillna("").astype(str)
    others = (claims["counterpart"].fillna("").astype(str) if "counterpart" in claims
              else pd.Series("", index=claims.index))
    return pd.Series([(s or "(no subject)") + (joiner + c if c else "") for s, c in zip(subjects, others)],
                     index=claims.index, dtype=object)


def who_label(claims: pd.DataFrame) -> pd.Series:
    """A label for whom a figure is about: the subject; without one, whom the text credits for it
    (``(according to Menlo Ventures)``); else ``(no subject)``.

    >>> who_label(pd.DataFrame({"subject": ["xAI", "", ""], "attribution": ["CNBC", "Menlo", ""]})).tolist()
    ['xAI', '(according to Menlo)', '(no subject)']
    """
    subjects = claims["subject"].fillna("").astype(str)
    said = (claims["attribution"].fillna("").astype(str) if "attribution" in claims
            else pd.Series("", index=claims.index))
    return pd.Series([s or (f"(according to {a})" if a else "(no subject)") for s, a in zip(subjects, said)],
                     index=claims.index, dtype=object)


def modality_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each metric the texts present as reported facts, and how many as plans,
    projections, targets, talks or denied reports (a column per modality found, in
    :data:`MODALITIES` order; an empty modality counts as a fact).

    >>> modality_counts(pd.DataFrame({"metric": ["loss", "loss", "price"], "modality": ["fact", "projection", ""]}))
      metric  fact  projection
    0   loss     1           1
    1  price     1           0
    """
    if claims.empty:
        return pd.DataFrame(columns=["metric"])
    modality = claims["modality"].fillna("").replace("", "fact")
    table = pd.crosstab(claims["metric"].fillna(""), modality)
    table = table.reindex(columns=[m for m in MODALITIES if m in table.columns]
                          + sorted(set(table.columns) - set(MODALITIES)))
    table.columns.name = None
    return table.rename_axis("metric").reset_index()
