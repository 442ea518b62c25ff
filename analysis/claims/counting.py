"""Counting each fact once: what is outside the analysis, and which claims repeat an earlier one.

Two columns of the claims table say whether a claim counts:

* ``in_analysis`` is False for numbers in reader comments, bylines, comment counters,
  photo credits, "read more" teasers and other page furniture (rule ``outside_analysis``):
  they stay in the table, so nothing is hidden, but no aggregate counts them;
* ``repeat_of`` holds the ``claim_id`` of the first statement of the same figure in the
  same article (rule ``repeat_in_article``): a headline, lead and FAQ that repeat a number
  add one fact, not three.

:func:`counted` keeps the claims that count; every aggregate of the pack starts from it.
"""

from __future__ import annotations

import math

import pandas as pd

__all__ = ["OUTSIDE_SECTIONS", "counted", "mark_counting"]

#: Sections of a page whose numbers are not the article's own (see the segments codebook).
OUTSIDE_SECTIONS = frozenset({"comments", "boilerplate", "related"})
#: Metrics that describe the page rather than the news (a comment counter).
OUTSIDE_METRICS = frozenset({"comments"})
#: Kinds of figures that can be stated twice; a year or a date is a reference, not a fact.
REPEATABLE_KINDS = frozenset({"money", "percent", "count", "duration", "multiplier"})


def outside_analysis(section: str, metric: str) -> bool:
    """Rule ``outside_analysis``: a number of page furniture or reader comments.

    >>> outside_analysis("comments", "valuation"), outside_analysis("body", "comments"), outside_analysis("faq", "")
    (True, True, False)
    """
    return section in OUTSIDE_SECTIONS or metric in OUTSIDE_METRICS


def _figure(row: dict) -> tuple:
    value_max = row.get("value_max")
    if value_max is None or (isinstance(value_max, float) and math.isnan(value_max)):
        value_max = None
    return row["kind"], row["unit"], row["value"], value_max


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


def same_fact(first: dict, later: dict) -> bool:
    """Rule ``repeat_in_article``: the same figure (kind, unit, value, upper value) about the same
    subject and period, where a side that names none is compatible with any. Within one section the metric
    must agree too; across sections (a headline, FAQ or caption restating the body) it need not,
    since a headline's terse wording is a poor guide to the metric. A hedge does not matter
    ("about 500" in the lead repeats "500" in the headline).

    >>> a = dict(kind="money", unit="USD", value=6e9, value_max=None, subject="xAI", metric="funding_round",
    ...          period="2024", section="body")
    >>> same_fact(a, dict(a, metric="")), same_fact(a, dict(a, subject="OpenAI")), same_fact(a, dict(a, period="2025"))
    (True, False, False)
    >>> same_fact(a, dict(a, metric="revenue")), same_fact(dict(a, section="headline"), dict(a, metric="revenue"))
    (False, True)
    """
    if first["kind"] not in REPEATABLE_KINDS or _figure(first) != _figure(later):
        return False
    if not _compatible(first["subject"], later["subject"]) or not _compatible(first["period"], later["period"]):
        return False
    return first.get("section", "body") != later.get("section", "body") or _compatible(first["metric"], later["metric"])


def mark_counting(rows: list[dict], id_prefix: str = "") -> None:
    """Give every row (claims of one document, in text order) its ``claim_id``, ``in_analysis``
    and ``repeat_of``. Rows without a ``section`` or ``article`` are one body article."""
    firsts: dict[tuple, list[dict]] = {}
    for row in rows:
        row["claim_id"] = f"{id_prefix}{row['start']}-{row['end']}" + (f"-{row['role']}" if row.get("role") else "")
        row["in_analysis"] = not outside_analysis(row.get("section", "body"), row.get("metric", ""))
        row["repeat_of"] = ""
        if not row["in_analysis"] or row["kind"] not in REPEATABLE_KINDS:
            continue
        seen = firsts.setdefault((row.get("article", 0),) + _figure(row)[:2], [])
        first = next((f for f in seen if same_fact(f, row)), None)
        if first is not None:
            row["repeat_of"] = first["claim_id"]
        else:
            seen.append(row)


def counted(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims that count: inside the analysis and not a repeat of an earlier statement.

    Every aggregate of the pack (sums, charts, comparisons) starts from this table.
    """
    return claims[claims["in_analysis"] & (claims["repeat_of"] == "")]
