"""The presentation stage: select claims, chart them, tell them in words, show them in HTML.

Imports run one way (text → corpus → claims → compare → present): this package reads the
claims and comparison tables and never changes them. Charts (:mod:`analysis.present.charts`,
matplotlib) and the corpus overview (:mod:`analysis.present.overview`) are imported on demand, so
that ``import analysis`` stays light.
"""

from .narrative import (describe_change, describe_changes, describe_claim, describe_claims, describe_finding,
                        describe_findings, nothing_reported)
from .select import (change_pairs, facts_and_projections, findings_about, modality_counts, party_label, select,
                     who_label, with_counterparts)
from .tables import HTML, claims_table, html_table, left_out_table, table_or_nothing
from .viewer import show

__all__ = ["HTML", "change_pairs", "claims_table", "describe_change", "describe_changes", "describe_claim",
           "describe_claims", "describe_finding", "describe_findings", "facts_and_projections", "findings_about",
           "html_table", "left_out_table", "modality_counts", "nothing_reported", "party_label", "select", "show",
           "table_or_nothing", "who_label", "with_counterparts"]
