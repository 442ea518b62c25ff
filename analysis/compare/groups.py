"""Claims read for comparison: who says it (the source), when it holds (the period as days), what it
measures (a common unit), and which claims may be set side by side.

The source of a claim is its outlet, else its document (a file without an outlet is its own
source): one outlet repeating a figure, in one article or in several, is one source.

Periods (``2025``, ``2025-03``, ``2025-03-14``, ``2025-Q3``, ``2025-H1``) become spans of days; two
periods are the *same time* when one span holds the other (a month lies inside its year).

>>> span("2025-03"), span("2025-Q3")[1], span("bad")
((datetime.date(2025, 3, 1), datetime.date(2025, 3, 31)), datetime.date(2025, 9, 30), None)
>>> nested(span("2025"), span("2025-03-14")), nested(span("2024"), span("2025-03"))
(True, False)
"""

from __future__ import annotations

import calendar
import functools
import math
import re
from dataclasses import dataclass, field, fields
from datetime import date

import pandas as pd

from ..claims.codebook import codebook, unit_metrics
from ..claims.subject import GUESSED_RULES
from .rates import SLACK, rate_for
from .values import Interval, amount, direction, interval, reading

__all__ = ["NUMERIC_KINDS", "DURATION_DAYS", "FACT", "GUESSED_SUBJECT", "Claim", "read_claims", "claim_ids", "text_column", "span", "nested", "period_type",
           "measure", "Measured", "modality_class", "date_of"]

#: Kinds whose value is a number (a date or a year is a reference, compared only inside a document).
NUMERIC_KINDS = frozenset({"money", "percent", "count", "duration", "multiplier", "rank", "other"})
#: Days in each duration unit (a month is the mean Gregorian month, a year the mean Gregorian year).
DURATION_DAYS = {"seconds": 1 / 86400, "minutes": 1 / 1440, "hours": 1 / 24, "days": 1.0, "weeks": 7.0,
                 "months": 30.436875, "years": 365.2425}
#: Counted nouns that say nothing of what is counted: the metric does (800 million people using a
#: product are its users).
GENERIC_NOUNS = frozenset({"people", "persons", "count"})
#: Modalities that present a number as what is (an empty modality is read as a fact).
FACT = frozenset({"", "fact"})
#: Subject rules of the claims engine (``analysis/claims/subject.py``) that take the subject from
#: outside the number's sentence (an earlier sentence, the article's main entity, the speaker's
#: company): a guess, too weak to set one figure against another.
GUESSED_SUBJECT = GUESSED_RULES

_DEFAULTS = {"doc_id": "", "file": "", "lang": "", "outlet": "", "published": "", "article": 0, "section": "body",
             "sent_no": -1, "start": 0, "end": 0, "text": "", "value": None, "value_max": None, "unit": "",
             "kind": "", "approx": False, "hedge": "", "subject": "", "metric": "", "counterpart": "",
             "modality": "", "period": "", "period_type": "", "cadence": "", "role": "", "change_id": "",
             "gloss": "", "claim_id": "", "in_analysis": True, "repeat_of": "", "sentence": "", "why": ""}
_ID_ONLY = ("claim_id", "end")  # columns read only for the claim ids (:func:`claim_ids`)
_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?$")


@dataclass(eq=False)
class Claim:
    """One row of the claims table, with what the comparison derives from it (equal only to itself)."""

    claim_id: str
    doc_id: str
    source: str
    lang: str
    article: int
    section: str
    sent_no: int
    start: int
    text: str
    value: float | None
    value_max: float | None
    unit: str
    kind: str
    approx: bool
    hedge: str
    subject: str
    metric: str
    counterpart: tuple[str, ...]
    modality: str
    period: str
    period_type: str
    cadence: str
    role: str
    change_id: str
    gloss: str
    sentence: str
    published: str
    in_analysis: bool
    repeat_of: str
    why: str = ""
    raw_value: object = None
    direction: str = field(init=False)

    def __post_init__(self):
        self.direction = direction(self.hedge, self.lang, self.approx)

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS and self.value is not None

    @functools.cached_property
    def span(self) -> tuple[date, date] | None:
        return span(self.period)

    @functools.cached_property
    def interval(self) -> Interval | None:
        """The values the printed figure allows, in its own unit (see :mod:`analysis.compare.values`)."""
        return interval(self.value, self.value_max, self.direction, self.kind) if self.numeric else None

    @functools.cached_property
    def measured(self) -> Measured:
        """What it measures, in a unit shared with other claims: see :func:`measure`."""
        return measure(self)

    @property
    def reading(self) -> str:
        """The figure in English: "up to 5 billion USD"."""
        if not self.numeric:
            return str(self.raw_value or "")
        return reading(self.value, self.value_max, self.direction, self.unit)

    @property
    def shown(self) -> str:
        """The figure as printed, then as read: ``5 מיליארד דולר (up to 5 billion USD)``."""
        return f"{self.text} ({self.reading})" if self.text else self.reading

    @property
    def named(self) -> bool:
        """Whether the subject is named in the claim's own sentence (not guessed from outside it,
        :data:`GUESSED_SUBJECT`; a table without ``why`` counts every subject as named)."""
        rule = next((part.split(":", 1)[1] for part in self.why.split("; ") if part.startswith("subject:")), "")
        return bool(self.subject) and rule not in GUESSED_SUBJECT


#: The fields a :class:`Claim` is made with, in order.
_FIELDS = [f.name for f in fields(Claim) if f.init]


def _float(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _str(v) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


def read_claims(claims: pd.DataFrame, rows: list[int] | None = None) -> list[Claim]:
    """Every row of a claims table (or only its ``rows``, by position) as a :class:`Claim` (missing
    columns take neutral defaults; claim ids as :func:`claim_ids` gives them, read over the whole table).

    The fields are made a column at a time, then each claim from its row of them: the comparison's
    one pass over every claim of the corpus."""
    if claims is None or len(claims) == 0:
        return []
    ids = claim_ids(claims)
    if rows is not None:
        ids = [ids[i] for i in rows]
        claims = claims.take(rows)
    col = {c: _column(claims, c, d) for c, d in _DEFAULTS.items() if c not in _ID_ONLY}
    made = {
        "claim_id": ids,
        "source": [outlet.strip() or doc or "the text" for outlet, doc in zip(col["outlet"], col["doc_id"])],
        "article": list(map(int, col["article"])), "sent_no": list(map(int, col["sent_no"])),
        "start": list(map(int, col["start"])),
        "value": [_float(v) if kind in NUMERIC_KINDS else None for v, kind in zip(col["value"], col["kind"])],
        "value_max": list(map(_float, col["value_max"])),
        "approx": list(map(bool, col["approx"])), "in_analysis": list(map(bool, col["in_analysis"])),
        "counterpart": list(map(_parties, col["counterpart"])), "raw_value": col["value"],
    }
    by_field = [made[name] if name in made else col[name] for name in _FIELDS]
    return [Claim(*values) for values in zip(*by_field)]


def claim_ids(claims: pd.DataFrame) -> list[str]:
    """Each row's claim id: its ``claim_id``, else ``doc:start-end``, else ``row<k>``; an id met again
    (two folders with the same file names) gets ``#2``, ``#3``… in the table's order."""
    cols = [_column(claims, c, _DEFAULTS[c]) for c in ("claim_id", "doc_id", "start", "end")]
    ids = [cid or f"{doc}:{a}-{b}" or f"row{i}" for i, (cid, doc, a, b) in enumerate(zip(*cols))]
    seen: dict[str, int] = {}
    for k, cid in enumerate(ids):
        seen[cid] = seen.get(cid, 0) + 1
        if seen[cid] > 1:
            ids[k] = f"{cid}#{seen[cid]}"
    return ids


def _parties(counterpart: str) -> tuple[str, ...]:
    """The counterpart column's ``;``-separated names, sorted."""
    return tuple(sorted(filter(None, (p.strip() for p in counterpart.split(";"))))) if counterpart else ()


def text_column(claims: pd.DataFrame, name: str) -> list[str]:
    """A column of text as :func:`read_claims` reads it ('' where missing)."""
    return _column(claims, name, "")


def _column(claims: pd.DataFrame, name: str, default) -> list:
    """A column's values for :func:`read_claims`: missing ones ``default``, text as ``str`` (a column
    of text a column at a time: most are strings already)."""
    if name not in claims.columns:
        return [default] * len(claims)
    column = claims[name]
    if not isinstance(default, str):
        return _filled(column, default)
    if isinstance(column.dtype, pd.StringDtype):
        return column.fillna("").tolist()
    return [v if type(v) is str else _str(v) for v in _filled(column, "")]


def _filled(column: pd.Series, default) -> list:
    """A column's values as Python objects, each missing one (None, NaN, NA) replaced by ``default``:
    one pass per column, not a check per cell."""
    missing = column.isna().tolist()
    return [default if m else v for v, m in zip(column.tolist(), missing)]


@functools.lru_cache(maxsize=4096)
def span(period: str) -> tuple[date, date] | None:
    """The first and last day of a period (None when it is empty or not a calendar period; each
    period read once: a corpus names few)."""
    m = _PERIOD.match((period or "").strip())
    if not m:
        return None
    year, month, day, quarter, half = m.groups()
    y = int(year)
    try:
        if day:
            d = date(y, int(month), int(day))
            return d, d
        if month:
            mo = int(month)
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    except ValueError:
        return None
    if quarter:
        q = int(quarter)
        return date(y, 3 * q - 2, 1), date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    if half:
        return (date(y, 1, 1), date(y, 6, 30)) if half == "1" else (date(y, 7, 1), date(y, 12, 31))
    return date(y, 1, 1), date(y, 12, 31)


def nested(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    """Rule ``month_in_year``: two periods are the same time when one holds the other."""
    if a is None or b is None:
        return False
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def period_type(c: Claim) -> str:
    """``as_of`` (a level) or ``during`` (a flow or an event): the claim's own, else its metric's."""
    if c.period_type in ("as_of", "during", "by"):
        return c.period_type
    m = codebook().get(c.metric)
    return m.period_type if m else ""


def modality_class(c: Claim) -> str:
    """A fact (or no modality) is ``fact``; every other modality stands for itself."""
    return "fact" if c.modality in FACT else c.modality


def date_of(c: Claim) -> date | None:
    """The day a claim's rate is looked up for: the middle of its period, else its article's date."""
    s = c.span or span((c.published or "").split(" ; ")[0])
    if s is None:
        return None
    return s[0] + (s[1] - s[0]) / 2


@dataclass(frozen=True)
class Measured:
    """What a claim measures (``key``), its interval and printed value in the measure's ``unit``
    (``factor`` times its own), and the conversion a note shows."""

    key: str
    interval: Interval | None
    unit: str
    factor: float = 1.0
    note: str = ""

    def base(self, v: float) -> float:
        return v * self.factor


def measure(c: Claim) -> Measured:
    """What a claim measures, its interval in that measure's unit, and the conversion shown in notes.

    Rules: ``money_in_usd`` (an amount with a rate: in USD, :data:`~analysis.compare.rates.SLACK`
    wider, the note naming the rate; without a rate its own currency: ``money:EGP``);
    ``duration_in_days``; ``count_of_noun``: a count measures its counted noun (users and employees
    are not the same measure), a generic noun (:data:`GENERIC_NOUNS`) the noun its metric counts
    (``analysis/data/metrics.csv``, ``counted_units``: people using a product are users); else
    ``kind:unit`` (a percent and percentage points apart).

    >>> c = read_claims(pd.DataFrame([{"kind": "money", "value": 3.566e9, "unit": "ILS", "period": "2025-02-24"}]))[0]
    >>> m = measure(c); m.key, m.unit, round(m.base(c.value))
    ('money', 'USD', 1000000000)
    >>> m.note
    '3.566 billion ILS is 1 billion USD at 1 USD = 3.566 ILS (Bank of Israel representative rate, as reported by Globes on 2025-02-25, 2025-02-24)'
    """
    return _measure(c.kind, c.unit, c.value if c.numeric else None, c.value_max, c.direction,
                    c.metric if c.kind == "count" else "", date_of(c) if c.kind == "money" else None)


@functools.lru_cache(maxsize=65536)
def _measure(kind: str, unit: str, value: float | None, value_max: float | None, direction: str, metric: str,
             day: date | None) -> Measured:
    """:func:`measure` of what it reads of a claim: claims alike in it (one figure repeated by many
    articles) share one :class:`Measured` (it is frozen)."""
    i = interval(value, value_max, direction, kind) if value is not None else None
    if i is None:
        return Measured(f"{kind}:{unit}", None, unit)
    if kind == "money":
        rate = rate_for(unit, day)
        if rate is None:
            return Measured(f"money:{unit}", i, unit)
        if rate.kind == "base":
            return Measured("money", i, "USD")
        note = f"{amount(value, unit)} is {amount(value / rate.per_usd, 'USD')} at {rate.describe()}"
        return Measured("money", i.scaled(1 / rate.per_usd).widened(SLACK), "USD", 1 / rate.per_usd, note)
    if kind == "duration" and unit in DURATION_DAYS:
        return Measured("duration", i.scaled(DURATION_DAYS[unit]), "days", DURATION_DAYS[unit])
    if kind == "count" and unit in GENERIC_NOUNS:
        noun = _counted_by(metric)
        return Measured(f"count:{noun or unit}", i, noun or unit)
    return Measured(f"{kind}:{unit}", i, unit)


@functools.cache
def _counted_by(metric: str) -> str:
    """The first counted noun of a metric (``users`` for users), or ''."""
    return next((noun for noun, m in unit_metrics().items() if m == metric), "")
