"""Dates from Duckling's time corpora (tests/data/peer-suites/dates-ordinals/duckling-time-{he,ar}.jsonl,
see tests/data/peer-suites/README.md).

Every line is one test, id ``suite:line``. A case is run as
``find_quantities(input, lang, published=reference, relative=True)``: the ``reference`` of
the line (2013-02-12, a Tuesday) is the publication date, which relative dates (היום,
الأسبوع الماضي, רביעי הבא) need, and ``relative=True`` asks for them (they are periods,
not claims, so ``find_quantities`` leaves them out by default).

How a case is judged: exactly one quantity overlaps ``expected.text`` (Duckling's own
corpus test wants one result for the whole input; a date read as a date plus a duration or a
number fails), and its ``when`` is the expected ``value``, an ISO 8601 string whose format
is the expected ``grain`` (``YYYY-MM-DD`` day, ``YYYY-Www`` ISO week, ``YYYY-MM`` month,
``YYYY`` year). ``when`` is a ``date`` quantity's value resolved against the publication date,
a ``year`` quantity's year (``1954``), or, for a duration counted from publication
(``לפני שבעה ימים``, ``قبل اسبوع``), the day it points at: that quantity stays a duration
of 7 days, as a claim, and points at 2013-02-05. Spans are compared by overlap, so a
preposition or a hedge left out of the span (``في``, ``قرابة``) does not matter.

Whether a date is a claim is not judged here: relative dates come back with
``relative=True``, and without ``published`` and ``relative=True`` none is read (see
:func:`test_relative_dates_need_the_publication_date`).

Known gaps are strict xfails listed in :data:`XFAIL`; they count as failures in the pass
rate, which must be at least 98 % for each file and is printed at the end of the run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.claims.quantities import find_quantities

from evaluation import load_suites
from conftest import report

SUITES = Path(__file__).parent / "data" / "peer-suites"
#: where the files are: peer-suites/dates-ordinals/ while tests/test_peer_suites.py reads every
#: *.jsonl of peer-suites/ with its own number checks (these cases are judged here instead)
HOME = SUITES / "dates-ordinals"
FILES = ("duckling-time-he", "duckling-time-ar")
FLOOR = 0.98

#: (suite, input) → why we do not read the case as the suite does.
XFAIL: dict[tuple[str, str], str] = {}

_GRAIN = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-W\d{2}", "month": r"\d{4}-\d{2}",
          "quarter": r"\d{4}-Q[1-4]", "year": r"\d{4}"}


def _load() -> list[tuple[str, int, dict]]:
    return load_suites(HOME, FILES)


CASES = _load()


def check(case: dict) -> str | None:
    """None when the case passes, else what we found instead."""
    text, exp = case["input"], case["expected"]
    s = text.find(exp["text"])
    assert s >= 0, "expected.text must occur in input"
    assert re.fullmatch(_GRAIN[exp["grain"]], exp["value"]), "expected.value must be at its grain"
    e = s + len(exp["text"])
    found = find_quantities(text, case["lang"], published=case["reference"], relative=True)
    over = [q for q in found if q.start < e and s < q.end]
    if len(over) == 1 and over[0].when == exp["value"]:
        return None
    return repr([(q.text, q.value, q.kind, q.when) for q in found])


def _param(suite: str, line: int, case: dict):
    reason = XFAIL.get((suite, case["input"]))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, id=f"{suite}:{line}", marks=marks)


@pytest.mark.parametrize("case", [_param(*c) for c in CASES])
def test_time_case(case):
    got = check(case)
    assert got is None, f"{case['input']!r}: expected {case['expected']['value']}, found {got}"


def test_pass_rate_per_suite():
    """At least 98 % of each file passes (xfails count as failures); prints the rates."""
    totals: dict[str, list[int]] = {suite: [0, 0] for suite in FILES}
    for suite, _, case in CASES:
        totals[suite][0] += check(case) is None
        totals[suite][1] += 1
    rates = {f"{suite} ({ok}/{n})": ok / n for suite, (ok, n) in totals.items()}
    report("peer time suites: pass rate per file", rates)
    low = {k: v for k, v in rates.items() if v < FLOOR}
    assert not low, low


@pytest.mark.parametrize("lang,text", [("he", "נפגשו אתמול ושוב ביום שלישי הבא, בשבוע הבא"),
                                       ("ar", "اجتمعوا امس والاسبوع الماضي وسيجتمعون الثلاثاء القادم")])
def test_relative_dates_need_the_publication_date(lang, text):
    assert find_quantities(text, lang) == []
    assert find_quantities(text, lang, published="2013-02-12") == []
    found = find_quantities(text, lang, published="2013-02-12", relative=True)
    assert found and all(q.kind == "date" and q.relative and q.when for q in found)


def test_printed_dates_are_not_relative():
    found = find_quantities("الخميس 15 اغسطس", "ar", published="2013-02-12")
    assert [(q.text, q.value, q.relative) for q in found] == [("خميس 15 اغسطس", "2013-08-15", False)]
    (q,) = find_quantities("הכנס ב-3 למרץ 2015", "he", published="2013-02-12")
    assert (q.value, q.relative, q.when) == ("2015-03-03", False, "2015-03-03")
