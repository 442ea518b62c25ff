"""Conformance cases from Duckling and Recognizers-Text (tests/data/peer-suites/, see its README).

Every case is one test, id ``suite:line``. A case passes when one quantity found in
``input`` overlaps the span of ``expected.text`` and has the expected value
(relative tolerance 1e-9), ``value_max`` and unit. Kinds: a suite ``number`` is
one of our ``number``/``count``/``year`` quantities, or, when the number is part
of a larger quantity (``مائة آلاف دولار``, ``٣ سنوات``), a numeral read by
:func:`analysis.claims.numbers.find_numbers`, the reader the number suites test; a
suite ``range`` is a quantity with a ``value_max``; money, percent and duration
must match kind and unit. Known gaps are strict xfails listed in :data:`XFAIL`.
The pass rate of each file is printed at the end of the run.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from analysis.claims.numbers import find_numbers
from analysis.claims.quantities import find_quantities

from conftest import report

SUITES = Path(__file__).parent / "data" / "peer-suites"

#: (suite, input) → why we do not read the case as the suite does.
XFAIL: dict[tuple[str, str], str] = {}


def _load() -> list[tuple[str, int, dict]]:
    cases = []
    for path in sorted(SUITES.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, 1):
                if line.strip():
                    cases.append((path.stem, line_no, json.loads(line)))
    return cases


CASES = _load()


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def check(case: dict) -> str | None:
    """None when the case passes, else what we found instead."""
    text, exp = case["input"], case["expected"]
    s = text.find(exp["text"])
    assert s >= 0, "expected.text must occur in input"
    e = s + len(exp["text"])
    found = find_quantities(text, case["lang"])
    for q in found:
        if not (q.start < e and s < q.end) or isinstance(q.value, str):
            continue
        kind = exp["kind"]
        if kind == "number":
            ok = q.kind in ("number", "count", "year") and q.value_max is None
        elif kind == "range":
            ok = q.value_max is not None and (exp["unit"] is None or q.unit == exp["unit"])
        else:
            ok = q.kind == kind and q.unit == exp["unit"]
        if ok and _same(q.value, exp["value"]) and _same(q.value_max, exp["value_max"]):
            return None
    if exp["kind"] == "number":
        for n in find_numbers(text, case["lang"]):
            if n.start < e and s < n.end and n.value_max is None and _same(n.value, exp["value"]):
                return None
    return repr([(q.text, q.value, q.value_max, q.unit, q.kind) for q in found])


def _param(suite: str, line: int, case: dict):
    reason = XFAIL.get((suite, case["input"]))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, id=f"{suite}:{line}", marks=marks)


@pytest.mark.parametrize("case", [_param(*c) for c in CASES])
def test_peer_case(case):
    got = check(case)
    assert got is None, f"{case['input']!r}: expected {case['expected']}, found {got}"


def test_pass_rate_per_suite():
    """At least 98 % of each file passes (xfails count as failures); prints the rates."""
    rates: dict[str, float] = {}
    totals: dict[str, list[int]] = {}
    for suite, _, case in CASES:
        t = totals.setdefault(suite, [0, 0])
        t[0] += check(case) is None
        t[1] += 1
    for suite, (ok, n) in sorted(totals.items()):
        rates[f"{suite} ({ok}/{n})"] = ok / n
    report("peer suites: pass rate per file", rates)
    low = {k: v for k, v in rates.items() if v < 0.98}
    assert not low, low
