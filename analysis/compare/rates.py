"""Currencies: amounts in two currencies meet only through a dated rate of ``analysis/data/rates.csv``.

Each row of the table gives the units of a currency for one US dollar, the day the rate was fixed
and its source (the file's comment header explains the columns). :func:`rate_for` chooses a row:

* rule ``peg``: a peg holds from its date on (and for an undated claim): the latest peg in force;
* rule ``nearest_fix``: otherwise the fixing nearest to the claim's date, if it lies within
  :data:`MAX_DAYS` days of it;
* otherwise there is no rate, and the amounts are ``not comparable``.

Converted amounts get :data:`SLACK` more tolerance, since a rate of another day than the
claim's stands in for the rate of its day.

>>> r = rate_for("ILS", date(2025, 3, 1)); (r.per_usd, str(r.date))
(3.566, '2025-02-24')
>>> rate_for("ILS", date(2023, 12, 1)) is None, rate_for("AED", None).per_usd, rate_for("USD", None).per_usd
(True, 3.6725, 1.0)
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from datetime import date

from ..text.langdata import DATA_DIR

__all__ = ["MAX_DAYS", "RATES_FILE", "SLACK", "Rate", "rates", "rate_for"]

RATES_FILE = DATA_DIR / "rates.csv"
#: A fixing stands for the rate of any day up to this many days before or after it (half a year).
MAX_DAYS = 184
#: Extra relative tolerance for an amount converted at a rate of another day.
SLACK = 0.05


@dataclass(frozen=True)
class Rate:
    """One row of the rate table: ``per_usd`` units of ``currency`` for one US dollar."""

    currency: str
    per_usd: float
    date: date | None
    kind: str  # "peg", "fix" or "base" (the dollar itself)
    quoted: str
    source: str

    def describe(self) -> str:
        """The rate as a note shows it.

        >>> rate_for("AED", None).describe()
        '1 USD = 3.6725 AED (Central Bank of the UAE: fixed peg (in force since November 1997))'
        """
        when = f", {self.date.isoformat()}" if self.kind == "fix" and self.date else ""
        return f"{self.quoted} ({self.source}{when})"


_USD = Rate("USD", 1.0, None, "base", "", "")


@functools.cache
def rates() -> dict[str, tuple[Rate, ...]]:
    """Every row of :data:`RATES_FILE` by currency, in date order."""
    if not RATES_FILE.exists():
        return {}
    with RATES_FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    table: dict[str, list[Rate]] = {}
    for r in rows:
        per = float(r["per_usd"])
        if per <= 0 or r["kind"] not in ("peg", "fix"):
            raise ValueError(f"{RATES_FILE}: bad row {r}")
        table.setdefault(r["currency"], []).append(
            Rate(r["currency"], per, date.fromisoformat(r["date"]), r["kind"], r["quoted"], r["source"]))
    return {c: tuple(sorted(v, key=lambda x: x.date)) for c, v in table.items()}


def rate_for(currency: str, on: date | None) -> Rate | None:
    """The rate that converts ``currency`` on day ``on`` (None: undated), by the rules above."""
    if currency == "USD":
        return _USD
    rows = rates().get(currency, ())
    return peg(rows, on) or nearest_fix(rows, on)


def peg(rows: tuple[Rate, ...], on: date | None) -> Rate | None:
    """Rule ``peg``: the latest peg in force on ``on`` (any peg for an undated claim)."""
    pegs = [r for r in rows if r.kind == "peg" and (on is None or r.date <= on)]
    return pegs[-1] if pegs else None


def nearest_fix(rows: tuple[Rate, ...], on: date | None) -> Rate | None:
    """Rule ``nearest_fix``: the fixing nearest to ``on``, within :data:`MAX_DAYS` days."""
    if on is None:
        return None
    fixes = [r for r in rows if r.kind == "fix" and abs((r.date - on).days) <= MAX_DAYS]
    return min(fixes, key=lambda r: (abs((r.date - on).days), r.date), default=None)
