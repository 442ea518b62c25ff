"""Metric: what a number measures, from cue words and counted nouns, as the codebook allows.

Rules, in order:

* ``cue_next_to_number``: a metric cue in the number's clause within a few characters;
* ``counted_noun``: the number's counted noun names a metric (users, employees, executives);
* ``nearest_cue``: the nearest cue in the sentence (its own clause first) that allows the
  claim's kind and the type of a subject named in the sentence.

Otherwise the metric stays empty.
"""

from __future__ import annotations

from ..corpus.mentions import entity_types
from .codebook import codebook, unit_metrics
from .site import NONE, Decision, Site

__all__ = ["metric_of"]

_NEAR = 12  # characters: a metric cue this close to the number beats its counted noun


def metric_of(site: Site, decided: dict) -> Decision:
    """The metric of a number (dates and years have none)."""
    if site.kind in ("date", "year"):
        return NONE
    by_unit = unit_metrics().get(site.unit or "", "")
    counted = Decision(by_unit, "counted_noun") if by_unit else NONE
    if not site.cues:
        return counted
    # a subject guessed from the article (not named in the sentence) does not restrict the metric
    named = decided["subject"].value if decided["subject"].rule != "article_main_entity" else ""
    subject_type = entity_types().get(named, "")
    book = codebook()
    best = None
    for cue in site.ctx.metric_cues:
        distance = max(site.qa - cue.end if cue.end <= site.qa else cue.start - site.qb, 0)
        same_clause = site.ca <= cue.start < site.cb
        for metric in cue.key:
            entry = book[metric]
            if site.kind not in entry.kinds or (entry.window is not None and distance > entry.window):
                continue
            if subject_type and entry.subject_types and subject_type not in entry.subject_types:
                continue
            key = (not same_clause, distance, site.cues.lexicon.metric_order.index(metric))
            if best is None or key < best[0]:
                best = (key, metric)
    if best and not best[0][0] and best[0][1] <= _NEAR:
        return Decision(best[1], "cue_next_to_number")
    if counted.value:
        return counted
    return Decision(best[1], "nearest_cue") if best else NONE
