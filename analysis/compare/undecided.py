"""Nothing silently dropped: what became of every claim in the comparison, counted by reason.

Each claim gets the first fate that applies (:data:`FATES`, in order): left out (outside the
analysis, a repeat, a date or a year, no value), undecided (no subject, no metric, a subject guessed
from outside the sentence; no period while
its value differs from the other sources'; units, modality or counterparts unlike the other
sources' at other times), compared (in a finding across documents, or checked inside its document),
or single source (no other source gives its subject and metric).
"""

from __future__ import annotations

import pandas as pd

from ..corpus.tables import frame
from .across import DIFFERENT_THINGS, NO_OTHER_TIME, UNDATED_DIFFERS, UNDATED_SEVERAL
from .groups import NUMERIC_KINDS, Claim

__all__ = ["UNDECIDED_SCHEMA", "FATES", "own_fate", "fate", "summary"]

#: Columns of the summary: how many claims met each fate, and the first few of them.
UNDECIDED_SCHEMA = {"status": "str", "reason": "str", "claims": "int64", "claim_ids": "str"}
OUTSIDE = "outside the analysis (reader comments, bylines, page furniture)"
REPEAT = "a repeat of an earlier figure in the same article: one statement"
REFERENCE = "a date or a year: a reference, checked only inside its document"
NO_VALUE = "no numeric value"
NO_SUBJECT = "no subject: who the figure is about is not known"
NO_METRIC = "no metric: what the figure measures is not known"
GUESSED = "subject guessed from outside its sentence (an earlier sentence, the article's main entity)"
ACROSS = "in a finding across documents"
WITHIN = "checked inside its document only"
SINGLE = "only one source gives this subject and metric"
#: (status, reason) in the order they are tried.
FATES = (("left out", OUTSIDE), ("left out", REPEAT), ("left out", REFERENCE), ("left out", NO_VALUE),
         ("undecided", NO_SUBJECT), ("undecided", NO_METRIC), ("compared", ACROSS), ("undecided", GUESSED),
         ("undecided", UNDATED_DIFFERS), ("undecided", UNDATED_SEVERAL), ("undecided", NO_OTHER_TIME),
         ("undecided", DIFFERENT_THINGS), ("compared", WITHIN), ("single source", SINGLE))
_SHOWN = 5  # claim ids listed per reason


def own_fate(c: Claim) -> str | None:
    """The fates a claim decides alone (left out; no subject or metric), else None."""
    if not c.in_analysis:
        return OUTSIDE
    if c.repeat_of:
        return REPEAT
    if c.kind not in NUMERIC_KINDS:
        return REFERENCE
    if c.value is None:
        return NO_VALUE
    if not c.subject:
        return NO_SUBJECT
    if not c.metric:
        return NO_METRIC
    return None


def fate(own: str | None, claim_id: str, named: bool, in_across: set, across_fates: dict[str, str],
         in_within: set) -> str:
    """A claim's fate from what it decides alone (:func:`own_fate`), whether its subject is named in
    its sentence, and what the comparison across documents and inside its document made of it."""
    if own:
        return own
    if claim_id in in_across:
        return ACROSS
    if not named:
        return GUESSED
    if claim_id in across_fates:
        return across_fates[claim_id]
    return WITHIN if claim_id in in_within else SINGLE


def summary(ids: list[str], reasons: dict[str, str]) -> pd.DataFrame:
    """The fates of the claims ``ids`` counted: one row per reason met, in the order of :data:`FATES`
    (columns :data:`UNDECIDED_SCHEMA`)."""
    by_reason: dict[str, list[str]] = {}
    for cid in ids:  # one pass, the claims in their order under each reason
        by_reason.setdefault(reasons.get(cid), []).append(cid)
    rows = []
    for status, reason in FATES:
        ids = by_reason.get(reason, [])
        if ids:
            shown = "; ".join(ids[:_SHOWN]) + (f"; … {len(ids) - _SHOWN} more" if len(ids) > _SHOWN else "")
            rows.append({"status": status, "reason": reason, "claims": len(ids), "claim_ids": shown})
    return frame(rows, UNDECIDED_SCHEMA)
