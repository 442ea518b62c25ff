"""Period: the time a number refers to, resolved against the publication date."""

from __future__ import annotations

from datetime import date, timedelta

from ..text.normalize import Normalized
from .codebook import codebook
from .site import NONE, Decision, Site

__all__ = ["date_in_year", "original_text", "period_of", "period_type_of"]

def _resolve(unit: str, offset: int, published: str) -> str:
    """A relative period against an ISO publication date ('' when unknown)."""
    if not published:
        return ""
    year = int(published[:4])
    month = int(published[5:7]) if len(published) >= 7 else None
    if unit == "year":
        return str(year + offset)
    if unit == "month" and month:
        m = (year * 12 + month - 1) + offset
        return f"{m // 12:04d}-{m % 12 + 1:02d}"
    if unit == "day" and len(published) >= 10:
        return (date.fromisoformat(published[:10]) + timedelta(days=offset)).isoformat()
    if unit == "day" and offset == 0:
        return published
    return ""


def date_in_year(value: str, published: str) -> str:
    """Give a date printed without its year (``--12-09``) the year of publication.

    A date more than a month after publication is read as last year's.

    >>> date_in_year("--12-20", "2025-01-05"), date_in_year("--02-14", "2025-02-20"), date_in_year("--02-14", "")
    ('2024-12-20', '2025-02-14', '--02-14')
    """
    if not published:
        return value
    year = int(published[:4])
    pub_month = int(published[5:7]) if len(published) >= 7 else 12
    if int(value[2:4]) > pub_month + 1:
        year -= 1
    return f"{year:04d}{value[1:]}"


def period_of(site: Site, decided: dict) -> Decision:
    """The nearest time reference in the sentence, its own clause first (``extra["phrase"]`` is
    the phrase as printed). Rules: ``explicit_date`` (a year or date printed in the sentence),
    ``relative_phrase`` (השנה, العام المقبل against the publication date), ``month_name`` (a
    month with the year that follows it, else the publication year), ``quarter`` (ברבעון השלישי,
    الربع الثالث: ``YYYY-Qn``), ``current_figure`` (below). A year after "since" (מאז, منذ) is
    where a count started, not a period. Dates and years have none.
    """
    if site.kind in ("date", "year"):
        return NONE
    norm, q, ctx, cues, published = site.norm, site.q, site.ctx, site.cues, site.published
    options: list[tuple[tuple[bool, int], str, str, str, int]] = []  # where, period, phrase, rule, position

    def where(pos: int) -> tuple[bool, int]:
        return (not site.ca <= pos < site.cb, abs(pos - site.qa))

    def reaches(pos: int) -> bool:
        """A time reference in another clause governs the number only from before it ("In 2024, …");
        one in a later clause belongs to that clause's own figures."""
        return site.ca <= pos < site.cb or pos < site.qa

    years: list[tuple[int, int, str]] = []  # normalized start, end, year
    for other in ctx.quantities:
        if other is q or other.kind not in ("year", "date") or other.value is None:
            continue
        value = str(int(other.value)) if other.kind == "year" else str(other.value)
        if value.startswith("--"):
            value = date_in_year(value, published)
        if value.startswith("-"):
            continue
        oa, ob = norm.to_normalized(other.start, other.end)
        if cues and any(0 <= oa - c.end <= _SINCE_GAP for c in cues.find("since", ctx.ns, oa + 1)):
            continue  # "מאז 2019", "منذ 2019": where a count started, not the figure's period
        options.append((where(oa), value, other.text, "explicit_date", oa))
        if other.kind == "year":
            years.append((oa, ob, value))
    if cues:
        for cue in ctx.period_cues:
            unit, offset = cues.lexicon.periods[cue.key]
            resolved = _resolve(unit, offset, published)
            options.append((where(cue.start), resolved, original_text(norm, cue.start, cue.end), "relative_phrase",
                            cue.start))
            if unit == "year" and resolved:
                years.append((cue.start, cue.end, resolved))
        for cue in cues.find("quarters", ctx.ns, ctx.ne):
            follow = [(ya, yb, y) for ya, yb, y in years if 0 <= ya - cue.end <= 12]
            year = follow[0][2] if follow else _quarter_year(int(cue.key), published)
            if year:
                end = follow[0][1] if follow else cue.end
                options.append((where(cue.start), f"{year}-Q{cue.key}", original_text(norm, cue.start, end), "quarter",
                                cue.start))
        dates = [(norm.index_of(o.start), norm.index_of(o.end)) for o in ctx.quantities if o.kind == "date"]
        for cue in cues.find("months", ctx.ns, ctx.ne):
            if any(oa <= cue.start < ob for oa, ob in dates):
                continue  # the month is part of a printed date
            follow = [(ya, yb, y) for ya, yb, y in years if 0 <= ya - cue.end <= 12]
            month = f"{int(cue.key):02d}"
            if follow:
                _, yb, year = follow[0]
                options.append((where(cue.start), f"{year}-{month}", original_text(norm, cue.start, yb), "month_name",
                                cue.start))
            elif published:
                options.append((where(cue.start), date_in_year(f"--{month}-01", published)[:7],
                                original_text(norm, cue.start, cue.end), "month_name", cue.start))
    options = [o for o in options if reaches(o[4])]
    if not options:
        return _current_figure(site, decided)
    _, period, phrase, rule, at = min(options, key=lambda o: o[0])
    return Decision(period, rule, {"phrase": phrase, "at": at})


_SINCE_GAP = 8  # characters between "since" and its year ("منذ عام 2019")


def _quarter_year(quarter: int, published: str) -> str:
    """The year of a quarter printed without one: the publication's, or last year's when the
    quarter had not begun at publication.

    >>> _quarter_year(3, "2025-11-02"), _quarter_year(4, "2025-02-10"), _quarter_year(1, "")
    ('2025', '2024', '')
    """
    if not published:
        return ""
    year = int(published[:4])
    month = int(published[5:7]) if len(published) >= 7 else 12
    return str(year - 1 if (quarter - 1) * 3 + 1 > month else year)


def _current_figure(site: Site, decided: dict) -> Decision:
    """Rule ``current_figure``: a level (a metric measured ``as_of``) stated as current — a
    ``current`` cue before it in its sentence (כיום, עומד על, מחזיקה, حاليا, تبلغ) and reported as
    a fact — refers to the month of publication."""
    metric = codebook().get(decided["metric"].value)
    if not site.published or metric is None or metric.period_type != "as_of" or not site.cues:
        return NONE
    if decided["modality"].value not in ("", "fact"):
        return NONE
    cues = site.cues.find("current", site.ctx.ns, site.qb)
    if not cues:
        return NONE
    phrase = original_text(site.norm, cues[0].start, cues[0].end)
    return Decision(site.published[:7], "current_figure", {"phrase": phrase})


_DEADLINE_GAP = 8  # characters between a deadline cue and its period: "بحلول عام 2030", "עד סוף 2026"


def period_type_of(site: Site, decided: dict) -> Decision:
    """Whether the period is a deadline (``by``), a level at that time (``as_of``) or a span a
    flow covers (``during``). Rules, in order: ``deadline_cue`` (עד, بحلول right before the
    period's phrase), ``current_figure`` (``as_of``), ``metric_default`` (the codebook's
    ``period_type`` of the metric). Empty when the claim has no period."""
    period = decided["period"]
    if not period.value:
        return NONE
    at = period.extra.get("at")
    if site.cues and at is not None:
        deadlines = site.cues.find("deadline", site.ctx.ns, at + 1)
        if any(0 <= at - c.end <= _DEADLINE_GAP for c in deadlines):
            return Decision("by", "deadline_cue")
    if period.rule == "current_figure":
        return Decision("as_of", "current_figure")
    metric = codebook().get(decided["metric"].value)
    return Decision(metric.period_type, "metric_default") if metric and metric.period_type else NONE


def original_text(norm: Normalized, a: int, b: int) -> str:
    start, end = norm.to_original(a, b)
    return norm.original[start:end]
