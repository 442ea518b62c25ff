"""Findings → the comparison table (:data:`COMPARE_SCHEMA`), sorted the same way every run."""

from __future__ import annotations

from dataclasses import dataclass, field

from .groups import Claim

__all__ = ["COMPARE_SCHEMA", "COMPARE_COLUMNS", "VERDICTS", "Finding", "finding_rows", "sort_key"]

#: Columns of the comparison table (all text; lists are ``; ``-separated, quotes `` | ``-separated).
COMPARE_SCHEMA = {
    "scope": "str", "check": "str", "verdict": "str", "subject": "str", "metric": "str", "period": "str",
    "docs": "str", "outlets": "str", "values": "str", "claim_ids": "str", "note": "str", "quotes": "str",
}
COMPARE_COLUMNS = list(COMPARE_SCHEMA)
#: Verdicts, in the order findings are listed.
VERDICTS = ("conflict", "inconsistent", "not comparable", "series", "agree", "consistent")
_SCOPES = ("across", "within")


@dataclass
class Finding:
    """One finding: the rule (``check``) that made it, its verdict, the claims it rests on and a note."""

    check: str
    verdict: str
    claims: list[Claim]
    note: str
    scope: str = "across"
    period: str = ""
    extra: dict = field(default_factory=dict)

    def row(self) -> dict:
        cs = self.claims
        return {
            "scope": self.scope, "check": self.check, "verdict": self.verdict,
            "subject": _joined(c.subject for c in cs), "metric": _joined(c.metric for c in cs),
            "period": self.period or _joined(c.period for c in cs),
            "docs": _joined(c.doc_id for c in cs), "outlets": _joined(c.source for c in cs),
            "values": "; ".join(c.shown for c in cs), "claim_ids": "; ".join(c.claim_id for c in cs),
            "note": self.note, "quotes": " | ".join(_quote(c) for c in cs),
        }


def _joined(values) -> str:
    """Distinct non-empty values in first-seen order, ``; ``-separated."""
    return "; ".join(dict.fromkeys(v for v in values if v))


def _quote(c: Claim) -> str:
    sentence = " ".join(c.sentence.split())
    return f"[{c.claim_id}] {sentence}" + (f" (gloss: {c.gloss})" if c.gloss else "")


def sort_key(row: dict) -> tuple:
    """Where a finding's row goes in the comparison table: across documents first, then by verdict
    (:data:`VERDICTS`), subject, metric, period, check and claim ids (no two rows of
    :func:`finding_rows` share one)."""
    return (_SCOPES.index(row["scope"]) if row["scope"] in _SCOPES else 9,
            VERDICTS.index(row["verdict"]) if row["verdict"] in VERDICTS else 9,
            row["subject"], row["metric"], row["period"], row["check"], row["claim_ids"])


def finding_rows(findings: list[Finding]) -> list[dict]:
    """One row per finding, in their order; a finding resting on the same claims under the same check
    and verdict as an earlier one is dropped."""
    rows, seen = [], set()
    for f in findings:
        r = f.row()
        key = (r["check"], r["verdict"], r["claim_ids"])
        if key not in seen:
            seen.add(key)
            rows.append(r)
    return rows
