"""Period: the time a number refers to, resolved against the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..text.normalize import Normalized
from .codebook import codebook
from .context import clause_at
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
    الربع الثالث: ``YYYY-Qn``; its year is part of it), ``relative_quarter`` (הרבעון האחרון,
    الربع الماضي), ``weekday`` (ביום שלישי: the last one by publication), ``year_end`` (בסוף 2026, بنهاية 2024: ``YYYY-12``), ``time_ago`` (לפני שלושה חודשים, قبل
    عامين: the time a duration after "ago" points at), ``current_figure`` (below).
    A time reference right after a comparison word is the base of the comparison
    (``comparison_base``), not the period of the figures before it. A year after "since" (מאז, منذ) is
    where a count started, not a period. Dates, years and durations have none; a multiplier written
    with a number takes no time named after it (the base it multiplies: "פי 2 משוויה במרץ"; a
    verb, "הכפילה בשנה שעברה", keeps it).
    """
    if site.kind in ("date", "year") or (site.kind == "duration" and decided["metric"].value != "age"):
        return NONE  # a duration is itself a span of time ("for six months"); an age is a level
    norm, q, ctx, cues, published = site.norm, site.q, site.ctx, site.cues, site.published
    options: list[tuple[tuple[bool, int], str, str, str, int]] = []  # where, period, phrase, rule, position

    def where(pos: int) -> tuple[bool, int]:
        return (not site.ca <= pos < site.cb, abs(pos - site.qa))

    def reaches(pos: int) -> bool:
        """A time reference in a later clause belongs to that clause's figures, unless that clause
        is nothing but the time (it dates the whole statement). One in an earlier
        clause governs the number when it opens that clause ("In 2024, X rose …, and Y …"), or
        when it follows a figure there and the number's clause goes on with the same statement
        (``…in 2025, of which 15.5 billion …``) rather than naming a subject of its own
        (``…by 2031, and Nebius's market value jumped to …``)."""
        if site.ca <= pos < site.cb:
            return True
        if pos > site.qa:
            return _time_only_clause(site, pos)
        return not _after_a_figure(site, pos) or not _names_its_own(site)

    years: list[tuple[int, int, str]] = []  # normalized start, end, year
    metric = codebook().get(decided["metric"].value)
    flow = metric is not None and metric.period_type == "during"  # a flow over the year keeps the year
    since: list[tuple[int, str]] = []  # years after "since" (position, year): where a count started
    for other in ctx.quantities:
        if other is not q and other.kind == "duration" and getattr(other, "when", None):
            oa = norm.index_of(other.start)  # "قبل عامين", "לפני שלושה חודשים": the time it points at,
            past = published and str(other.when) <= published  # "ago", not "in two years"
            base = site.kind == "multiplier" and oa > site.qa  # "ضعف تقييمها قبل ستة أشهر": its base
            if site.ca <= oa < site.cb and past and not base:  # for the figures of its own clause
                options.append((where(oa), other.when, other.text, "time_ago", oa))
            continue
        if other is q or other.kind not in ("year", "date") or other.value is None:
            continue
        value = str(int(other.value)) if other.kind == "year" else str(other.value)
        if value.startswith("--"):
            value = date_in_year(value, published)
        if value.startswith("-"):
            continue
        oa, ob = norm.to_normalized(other.start, other.end)
        if cues and any(0 <= oa - c.end <= _SINCE_GAP and not _figure_between(site, c.end, oa)
                        for c in cues.find("since", ctx.ns, oa + 1)):
            since.append((oa, value))
            continue  # "מאז 2019", "منذ 2019": where a count started, not the figure's period
        if other.kind == "year" and cues and not flow and any(0 <= oa - c.end <= _SINCE_GAP // 3
                                                              for c in cues.find("year_end", ctx.ns, oa + 1)):
            options.append((where(oa), f"{value}-12", other.text, "year_end", oa))  # a level "בסוף 2026": December
        else:
            options.append((where(oa), value, other.text, "explicit_date", oa))
        if other.kind == "year":
            years.append((oa, ob, value))
    if cues:
        options += _weekday_options(site, where)
        for cue in ctx.period_cues:
            unit, offset = cues.lexicon.periods[cue.key]
            resolved = _resolve(unit, offset, published)
            options.append((where(cue.start), resolved, original_text(norm, cue.start, cue.end), "relative_phrase",
                            cue.start))
            if unit == "year" and resolved:
                years.append((cue.start, cue.end, resolved))
        consumed: set[int] = set()  # years read as part of a quarter or a month ("ברבעון השלישי של 2025")
        relative_quarters = {c.start: c for c in cues.find("quarters_relative", ctx.ns, ctx.ne)}
        for cue in cues.find("quarters", ctx.ns, ctx.ne):
            follow = [(ya, yb, y) for ya, yb, y in years if 0 <= ya - cue.end <= 12]
            if not follow and cue.start in relative_quarters:
                continue  # "הרבעון האחרון" with no year: the last completed quarter (below)
            relative_quarters.pop(cue.start, None)
            year = follow[0][2] if follow else _quarter_year(int(cue.key), published)
            if year:
                end = follow[0][1] if follow else cue.end
                consumed.update(ya for ya, _, _ in follow[:1])
                options.append((where(cue.start), f"{year}-Q{cue.key}", original_text(norm, cue.start, end), "quarter",
                                cue.start))
        for cue in relative_quarters.values():
            resolved = _relative_quarter(int(cue.key), published)
            if resolved:
                options.append((where(cue.start), resolved, original_text(norm, cue.start, cue.end), "relative_quarter",
                                cue.start))
        dates = [(norm.index_of(o.start), norm.index_of(o.end)) for o in ctx.quantities if o.kind == "date"]
        for cue in cues.find("months", ctx.ns, ctx.ne):
            if any(oa <= cue.start < ob for oa, ob in dates):
                continue  # the month is part of a printed date
            follow = [(ya, yb, y) for ya, yb, y in years if 0 <= ya - cue.end <= 12]
            month = f"{int(cue.key):02d}"
            if follow:
                ya, yb, year = follow[0]
                consumed.add(ya)
                options.append((where(cue.start), f"{year}-{month}", original_text(norm, cue.start, yb), "month_name",
                                cue.start))
            elif published:
                options.append((where(cue.start), date_in_year(f"--{month}-01", published)[:7],
                                original_text(norm, cue.start, cue.end), "month_name", cue.start))
        options = [o for o in options if not (o[3] in ("explicit_date", "relative_phrase") and o[4] in consumed)]
        options = [o for o in options if not _comparison_base(site, o[4])]
    options = [o for o in options if reaches(o[4])]
    if site.role == "before":  # "from 12.5% to 15% in February": the time after a change dates where it went;
        qend = norm.index_of(q.end)  # a day ("during Tuesday's session") holds both ends
        options = [o for o in options if o[4] < qend or len(o[1]) == 10]
    if site.kind == "multiplier" and _DIGIT(site.part.text):  # "פי 3 מ-2024": what follows is its base
        options = [o for o in options if o[4] < site.qa]
    current = _current_figure(site, decided)
    if not current.value:
        current = _counted_since(site, decided, since)
    if current.value and (not options or (min(o[0] for o in options)[0] and _stated_in_clause(site, since))):
        return current  # stated as current in its own clause: a time named in another clause is not its period
    if not options:
        return NONE
    _, period, phrase, rule, at = min(options, key=lambda o: o[0])
    return Decision(period, rule, {"phrase": phrase, "at": at})


def _after_a_figure(site: Site, pos: int) -> bool:
    """True when a figure (not a date) of the clause holding ``pos`` stands before ``pos``."""
    return bool(site.figures_in(clause_at(site.ctx, pos)[0], pos, own=True))


_TIME_CLAUSE_REST = 6  # letters besides the time itself in a clause that only dates the sentence ("، في 14 فبراير 2025.")


def _time_only_clause(site: Site, pos: int) -> bool:
    """True when ``pos`` is in a later clause that holds nothing but a time (a preposition at most):
    it dates the whole statement ("…بتقييم بلغ 400 مليون دولار، في 14 فبراير 2025.")."""
    start, end = clause_at(site.ctx, pos)
    dates = [o for o in site.figures_in(start, end, dates=True) if o.kind in ("date", "year")]
    if not dates:
        return False
    text = site.norm.text
    rest = text[start:site.norm.index_of(dates[0].start)] + text[site.norm.index_of(dates[-1].end):end]
    return sum(ch.isalpha() for ch in rest) <= _TIME_CLAUSE_REST


def _figure_between(site: Site, a: int, b: int) -> bool:
    """True when a figure (not a date) stands between normalized positions ``a`` and ``b``."""
    return bool(site.figures_in(a, b, own=True))


def _names_its_own(site: Site) -> bool:
    """True when an entity is named in the number's clause before the number."""
    return any(site.ca <= a < site.qa for a, _, _ in site.ctx.mentions)


def _stated_in_clause(site: Site, since: list[tuple[int, str]]) -> bool:
    """Whether the number's own clause states it as current, or names the time it is counted since
    (read only for a figure stated as current)."""
    return _current_in_clause(site) or any(site.ca <= x < site.cb for x, _ in since)


_CURRENT_VERB_GAP = 15  # characters between a present-tense verb of a level and its figure ("وتشغّل الشركة 12 500")


def _current_in_clause(site: Site) -> bool:
    """A ``now`` word (כיום, حاليا) in the number's own clause, before it, or a ``current`` cue
    (עומד על, تشغّل) right before it: the clause states the figure as it stands."""
    if not site.cues:
        return False
    verbs = [c for c in site.cues.find("current", site.ca, site.qa) if site.qa - c.end <= _CURRENT_VERB_GAP]
    return bool(site.cues.find("now", site.ca, site.qa) or verbs)


_DIGIT = re.compile(r"\d").search
_SINCE_GAP = 25  # characters between "since" and its year ("منذ عام 2019", "מאז רכישת מלאנוקס ב-2020")
_BASE_GAP = 30  # characters between a comparison word and the time it names ("לעומת הרבעון המקביל אשתקד")


def _comparison_base(site: Site, pos: int) -> bool:
    """Rule ``comparison_base`` (a filter): a time reference right after a comparison word (לעומת,
    مقارنة ب) names the base the figure is compared with, so it is not the period of a figure
    printed elsewhere; a figure between the two (the base value itself: "לעומת 500 מיליון בסוף
    מרץ") keeps it."""
    bases = site.cues.find("compared_with", site.ctx.ns, pos + 1)
    return any(0 <= pos - c.end <= _BASE_GAP and not c.start <= site.qa < pos for c in bases)


def _relative_quarter(offset: int, published: str) -> str:
    """A quarter counted from the one of publication: -1 is the last completed quarter.

    >>> _relative_quarter(-1, "2025-10-30"), _relative_quarter(-1, "2025-02-01"), _relative_quarter(0, "2025-05")
    ('2025-Q3', '2024-Q4', '2025-Q2')
    >>> _relative_quarter(-1, "2025")
    ''
    """
    if len(published) < 7:
        return ""
    n = int(published[:4]) * 4 + (int(published[5:7]) - 1) // 3 + offset
    return f"{n // 4:04d}-Q{n % 4 + 1}"


_WEEKDAY_REACH = 30  # characters between a figure and a bare weekday that dates it


def _weekday_options(site: Site, where) -> list[tuple]:
    """Rule ``weekday``: a weekday named alone ("ביום שלישי", "يوم الثلاثاء") is the latest such
    day on or before the publication date (news tell the week that ended), for a figure within
    :data:`_WEEKDAY_REACH` characters of it."""
    published = site.published
    if len(published) < 10:
        return []
    day = date.fromisoformat(published[:10])
    out = []
    for cue in site.cues.find("weekdays", site.ctx.ns, site.ctx.ne):
        if min(abs(cue.start - site.qb), abs(site.qa - cue.end)) > _WEEKDAY_REACH:
            continue  # a bare weekday is weak evidence: it dates only the figures next to it
        back = (day.isoweekday() - int(cue.key)) % 7
        out.append((where(cue.start), (day - timedelta(days=back)).isoformat(),
                    original_text(site.norm, cue.start, cue.end), "weekday", cue.start))
    return out


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


def _counted_since(site: Site, decided: dict, since: list[int]) -> Decision:
    """Rule ``counted_since``: a figure counted since a past time named in its clause (a total:
    money invested, people who left: "השקיעה מאז 2019 כ-13 מיליארד", "منذ تأسيسها في 2022 إلى 40
    مليون"; "starting in 2027" counts nothing yet) is the total to date: as of the month of
    publication; the starting point of a change counted so is the
    level at that time ("from 1,200 to 3,000 since its launch in 2019": 1,200 in 2019)."""
    if not site.published or site.kind == "multiplier":
        return NONE
    started = [year for at, year in since if site.ca <= at < site.cb and year[:4] <= site.published[:4]]
    told = not since and site.cues and site.cues.find("since", site.ca, site.cb)  # "منذ انطلاقه": no year
    if decided["modality"].value not in ("", "fact") or not (started or told):
        return NONE
    if told and not started:
        return Decision(site.published[:7], "counted_since", {"phrase": ""}) if site.role != "before" else NONE
    if site.role == "before":  # "from 1,200 to 3,000 since its launch in 2019": 1,200 was the level then
        return Decision(started[0], "counted_since", {"phrase": ""})
    return Decision(site.published[:7], "counted_since", {"phrase": ""})


def _current_figure(site: Site, decided: dict) -> Decision:
    """Rule ``current_figure``: a figure stated as current and reported as a fact refers to the
    month of publication: a level (a metric measured ``as_of``) with a
    ``current`` cue before it in its sentence (כיום, עומד על, מחזיקה, حاليا, تبلغ), or any figure with
    a ``now`` word in its own clause (כיום, حاليا: "נמכרת כיום ב-120 אלף"); an age ("בן 58") is the
    age at publication."""
    if not site.published or not site.cues or decided["modality"].value not in ("", "fact"):
        return NONE
    metric = codebook().get(decided["metric"].value)
    if decided["metric"].value == "age":  # a person's age, told without a date, is their age at publication
        return Decision(site.published[:7], "current_figure", {"phrase": ""})
    level = metric is not None and metric.period_type == "as_of"
    now = site.cues.find("now", site.ca, site.cb)
    if level:  # a cue before it in its sentence, or after it in its clause ("95% מהעובדים מאיימים")
        cues = now or site.cues.find("current", site.ctx.ns, site.qb) + site.cues.find("current", site.qb, site.cb)
    else:  # a figure no metric names: a cue of its own clause
        cues = now or (site.cues.find("current", site.ca, site.cb) if metric is None else [])
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
    if period.rule in ("current_figure", "counted_since"):
        return Decision("as_of", period.rule)
    metric = codebook().get(decided["metric"].value)
    return Decision(metric.period_type, "metric_default") if metric and metric.period_type else NONE


def original_text(norm: Normalized, a: int, b: int) -> str:
    start, end = norm.to_original(a, b)
    return norm.original[start:end]
