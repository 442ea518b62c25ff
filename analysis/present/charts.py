"""The pack's charts: one style, one colour per company, every number traced to its source span.

Each chart function takes a claims subset (rows of ``Corpus.claims``, usually from
:func:`analysis.present.select.select`) and returns ``(fig, data)``: ``data`` is the table behind
the chart, one row per number drawn, with the number's source span (``claim_id, doc_id, start,
end, text``), the claim's value and unit, its label, and the number drawn on which axis (``number``,
``axis_unit``: durations of several units share an axis of days); ``data.attrs["left_out"]`` lists
the rows given that could not be drawn, and why. Given nothing to draw, a chart returns
``(None, data)`` and draws nothing (show :func:`nothing_reported` instead).

How a number is drawn says how the text states it:

* exact figures are filled markers (or bars); hedged ones ("about", "more than", a vague
  figure) are hollow, and their labels start with ``≈``, ``>``, ``≥``, ``<`` or ``≤``;
* a range is an interval between its bounds; "more than" / "up to" an interval from the figure
  towards where the hedge points (as far as :mod:`analysis.compare.values` lets it reach);
* plans, projections, targets, talks and denied reports are faded and dashed, and say so in
  their label and the legend;
* values carry their units (``5 billion USD``, ``34%``, ``800 million people``), axes their
  scale (``USD billions``), and a footer lists the sources (outlet, else document id, and dates).

Hebrew and Arabic labels are passed as they are: matplotlib shapes them and lays them out right
to left. A name from the text inside an English label is wrapped in Unicode isolates (FSI … PDI)
so neighbouring digits and parentheses stay on their side.
"""

from __future__ import annotations

import math
import re
import textwrap
import unicodedata
from pathlib import Path

import matplotlib
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from ..compare.values import REACH, amount, direction
from .narrative import MODALITY_WORDS, metric_words, nothing_reported
from .palette import OKABE_ITO, entity_color, entity_colors
from .select import change_pairs, is_fact, is_hedged, numeric

__all__ = ["STYLE", "DATA_COLUMNS", "DAYS", "use_style", "entity_colors", "format_value", "value_label", "axis_scale",
           "isolate", "period_date", "add_source_footer", "nothing_reported", "save_figure", "slope_chart",
           "dot_timeline", "bars", "event_timeline", "OKABE_ITO"]

STYLE = Path(__file__).with_name("style.mplstyle")
#: Columns of every chart's data table (a chart may add its own after these).
DATA_COLUMNS = ["claim_id", "doc_id", "start", "end", "text", "subject", "metric", "period", "modality", "value",
                "value_max", "unit", "approx", "hedge", "label", "outlet", "published", "number", "axis_unit"]
_SYMBOL = {"about": "≈", "nearly": "≈", "more_than": ">", "at_least": "≥", "less_than": "<", "up_to": "≤"}
_UP, _DOWN = ("more_than", "at_least"), ("less_than", "up_to")
#: Length of a duration unit in days (a month and a year on average), to draw durations on one axis.
DAYS = {"seconds": 1 / 86400, "minutes": 1 / 1440, "hours": 1 / 24, "days": 1, "weeks": 7, "months": 30.44,
        "years": 365.25}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))
_FADED = 0.45
#: At most this many labelled ticks on a log axis.
LOG_TICKS = 5
_GREY = "#444444"


def use_style() -> None:
    """Apply the pack's one matplotlib style (``style.mplstyle``)."""
    matplotlib.style.use(STYLE)


# ---------------------------------------------------------------- values and labels


def format_value(value, unit: str = "") -> str:
    """A number as a reader says it, with its unit; a date as printed; '' when missing.

    >>> format_value(5e9, "USD"), format_value(34, "percent"), format_value(8e8, "users")
    ('5 billion USD', '34%', '800 million users')
    >>> format_value(1, "years"), format_value(2, "rank"), format_value("2024-12-26", ""), format_value(None, "USD")
    ('1 year', 'rank 2', '2024-12-26', '')
    """
    if value is None or value == "":
        return ""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    if not math.isfinite(v):
        return ""
    if unit == "rank":
        return f"rank {v:g}"
    if v == 1 and unit.endswith("s") and unit.islower():
        unit = unit[:-1]
    return amount(v, unit or "")


def isolate(text: str) -> str:
    """Text with right-to-left letters wrapped in Unicode isolates (FSI … PDI), so that in a label it
    keeps its own direction and does not pull the digits and brackets around it.

    >>> isolate("OpenAI"), isolate("גלובל") == "\\u2068גלובל\\u2069"
    ('OpenAI', True)
    """
    text = str(text)
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return f"\u2068{text}\u2069"
    return text


def _direction(row) -> str:
    return direction(row.get("hedge", "") or "", row.get("lang", "") or "", bool(row.get("approx", False)))


def value_label(row) -> str:
    """A claim's value for a chart: hedge symbol, value or range with unit, and a word for a
    number that is not a reported fact.

    >>> value_label({"value": 5e9, "unit": "USD", "hedge": "", "approx": True, "modality": "projection"})
    '≈5 billion USD (projected)'
    >>> value_label({"value": 7e11, "value_max": 8e11, "unit": "USD", "modality": "fact"})
    '700 billion to 800 billion USD'
    """
    unit = row.get("unit", "") or ""
    top = row.get("value_max")
    if top is not None and not (isinstance(top, float) and math.isnan(top)):
        text = f"{format_value(row['value'], '')} to {format_value(top, unit)}" if unit != "percent" else \
            f"{format_value(row['value'], unit)} to {format_value(top, unit)}"
    else:
        text = format_value(row.get("value"), unit)
    text = _SYMBOL.get(_direction(row), "") + text
    modality = row.get("modality", "") or ""
    return text if modality in ("fact", "") else f"{text} ({MODALITY_WORDS.get(modality, modality)})"


def axis_scale(values, unit: str) -> tuple[float, str]:
    """The divisor and axis label for values of one unit: ``(1e9, "USD billions")``, ``(1, "%")``,
    ``(1e6, "millions of users")``.

    >>> axis_scale([5e9, 2e11], "USD"), axis_scale([12, 50], "percent"), axis_scale([8e8], "people")
    ((1000000000.0, 'USD billions'), (1, '%'), (1000000.0, 'millions of people'))
    """
    if unit == "percent":
        return 1, "%"
    top = max((abs(v) for v in values if v == v), default=0)
    noun = {"": "number", "count": "number"}.get(unit, unit.replace("_", " "))
    for size, word in _SCALES:
        if top >= size and (unit.isupper() or top >= 10 * size):
            return size, (f"{unit} {word}s" if unit.isupper() else f"{word}s of {noun}")
    return 1, noun


def period_date(period: str) -> pd.Timestamp | None:
    """Where a period sits on a time axis: the middle of a year or month, or the day itself.

    >>> period_date("2025"), period_date("2024-09"), period_date("2025-02-20"), period_date("")
    (Timestamp('2025-07-02 00:00:00'), Timestamp('2024-09-15 00:00:00'), Timestamp('2025-02-20 00:00:00'), None)
    """
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(period or "").strip())
    if not m:
        return None
    y, mo, d = int(m[1]), m[2], m[3]
    try:
        return pd.Timestamp(y, int(mo), int(d)) if d else pd.Timestamp(y, int(mo), 15) if mo else pd.Timestamp(y, 7, 2)
    except ValueError:
        return None


# ---------------------------------------------------------------- the table behind a chart


#: A column missing from a claims subset reads as this (a hand-built or empty table).
_DEFAULTS = {"claim_id": "", "doc_id": "", "start": 0, "end": 0, "text": "", "kind": "", "value": math.nan,
             "value_max": math.nan, "hedge": "", "approx": False, "modality": "", "subject": "", "metric": "",
             "period": "", "unit": "", "outlet": "", "published": "", "lang": "", "role": "", "change_id": ""}


def _prepare(claims: pd.DataFrame, numbers_only: bool = True) -> tuple[pd.DataFrame, list[dict]]:
    """Claim rows with the columns every chart needs, and the rows left out (``numbers_only``: those
    without a numeric value)."""
    rows = claims.copy()
    for col, default in _DEFAULTS.items():
        if col not in rows:
            rows[col] = default
    rows["number"] = numeric(rows)
    rows["number_max"] = numeric(rows, "value_max")
    rows["axis_unit"] = rows["unit"]
    _durations_in_days(rows)
    rows["hedged"] = is_hedged(rows)
    rows["fact"] = is_fact(rows)
    rows["direction"] = [_direction(r) for r in rows.to_dict("records")]
    rows["label"] = [value_label(r) for r in rows.to_dict("records")]
    if not numbers_only:
        return rows, []
    left = [{"claim_id": c, "reason": "no numeric value"} for c in rows.loc[rows["number"].isna(), "claim_id"]]
    return rows[rows["number"].notna()], left


def _durations_in_days(rows: pd.DataFrame) -> None:
    """Durations of several units (7 days, 2 months) drawn on one axis of days, labels as printed."""
    dur = rows["unit"].isin(list(DAYS))
    if rows.loc[dur, "unit"].nunique() > 1:
        factor = rows.loc[dur, "unit"].map(DAYS).astype(float)
        rows.loc[dur, "number"] *= factor
        rows.loc[dur, "number_max"] *= factor
        rows.loc[dur, "axis_unit"] = "days"


def _data(rows: pd.DataFrame, left: list[dict], extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """The chart's data table: :data:`DATA_COLUMNS` then ``extra``, and what was left out."""
    cols = DATA_COLUMNS + [c for c in extra if c not in DATA_COLUMNS]
    data = rows.reindex(columns=cols).reset_index(drop=True) if len(rows) else pd.DataFrame(columns=cols)
    data.attrs["left_out"] = left
    return data


def _interval(row, divisor: float) -> tuple[float, float] | None:
    """The interval a range or a one-sided hedge stands for (scaled), or None for a point."""
    v = row["number"]
    if not math.isnan(row["number_max"]):
        lo, hi = sorted((v, row["number_max"]))
    elif row["direction"] in _UP:
        lo, hi = sorted((v, v * (1 + REACH)))
    elif row["direction"] in _DOWN:
        lo, hi = sorted((v * (1 - REACH), v))
    else:
        return None
    return lo / divisor, hi / divisor


def _marker(row, color: str) -> dict:
    """Marker keywords: hollow when hedged, faded when not a reported fact."""
    return {"marker": "o", "ms": 7, "ls": "", "mec": color, "mew": 1.6,
            "mfc": "white" if row["hedged"] else color, "alpha": 1.0 if row["fact"] else _FADED}


def _draw_interval(ax, row, x, divisor: float, color: str, horizontal: bool = False) -> None:
    """A range or bound as a line with end caps (dashed when not a fact)."""
    span = _interval(row, divisor)
    if span is None:
        return
    ls = "-" if row["fact"] else "--"
    alpha = 1.0 if row["fact"] else _FADED
    xs, ys = (span, (x, x)) if horizontal else ((x, x), span)
    ax.plot(xs, ys, color=color, lw=1.4, ls=ls, alpha=alpha, solid_capstyle="butt")
    cap = "|" if horizontal else "_"
    ax.plot(xs, ys, color=color, marker=cap, ms=8, ls="", alpha=alpha)


# ---------------------------------------------------------------- figure furniture


def add_source_footer(fig, rows: pd.DataFrame):
    """A footer under the figure listing every source of ``rows``: outlet (else document id), document
    id and publication dates, one entry per document. Returns the Text artist."""
    entries = []
    for doc_id, group in rows.groupby("doc_id", sort=True):
        outlet = next((o for o in group.get("outlet", pd.Series(dtype=str)) if o), "")
        dates = ", ".join(sorted({d for d in group.get("published", pd.Series(dtype=str)) if d})) or "undated"
        who = f"{isolate(outlet)} ({doc_id}, {dates})" if outlet else f"{doc_id} ({dates})"
        entries.append(who)
    text = textwrap.fill("Sources: " + "; ".join(entries), width=130)
    return fig.supxlabel(text, x=0.01, ha="left", fontsize=6.5, color="#555555")


def _legend(fig, rows: pd.DataFrame, subjects: bool = True, intervals: bool = True) -> None:
    """Legend right of the chart: a colour per subject, then what the marker styles mean (those used)."""
    handles = []
    if subjects:
        by_color: dict[str, list[str]] = {}
        for name, color in entity_colors(sorted(set(rows["subject"]))).items():
            by_color.setdefault(color, []).append(isolate(name or "(no subject)"))
        for color, names in by_color.items():  # names sharing a colour (a company's products) share an entry
            handles.append(Line2D([], [], marker="s", ls="", color=color, label=", ".join(names)))
    if (~rows["hedged"]).any():
        handles.append(Line2D([], [], marker="o", ls="", color=_GREY, label="exact figure"))
    if rows["hedged"].any():
        handles.append(Line2D([], [], marker="o", ls="", mfc="white", mec=_GREY,
                              label="hedged figure (hollow; ≈ > ≤)"))
    if intervals and (rows["number_max"].notna() | rows["direction"].isin(_UP + _DOWN)).any():
        handles.append(Line2D([], [], color=_GREY, marker="|", label="range, or how far\n'more than', 'up to' reach"))
    if (~rows["fact"]).any():
        handles.append(Line2D([], [], color=_GREY, ls="--", marker="o", alpha=_FADED,
                              label="not a reported fact: plan,\nprojection, target, talks,\ndenied (faded, dashed)"))
    fig.legend(handles=handles, loc="outside right upper", fontsize=7.5)


def _log_wanted(values: pd.Series, log: bool | None) -> bool:
    """Log scale when asked, or (``log=None``) when positive values span more than two orders of magnitude."""
    if log is not None:
        return bool(log)
    v = values[values > 0]
    return len(v) == len(values) and len(v) > 1 and v.max() / v.min() > 100


def _plain(v: float, _pos=None) -> str:
    """A log-axis tick as a reader says it, without mathtext: 0.01, 10, 1,000, 10 million, 1 billion."""
    if v <= 0:
        return ""
    return amount(v) if v >= 1 else f"{v:.{-math.floor(math.log10(v))}f}"


def _unit_noun(unit: str) -> str:
    """A unit as an axis label on a log scale (values unscaled): ``USD``, ``%``, ``users``."""
    return {"percent": "%", "": "number", "count": "number"}.get(unit, unit.replace("_", " "))


_LEADER = {"arrowstyle": "-", "color": "#AAAAAA", "lw": 0.5, "shrinkA": 1, "shrinkB": 5}


def _declutter(fig, notes: list) -> None:
    """Move value labels up until none overlaps another (a leader line keeps each by its point)."""
    for note in notes:
        note.arrow_patch.set_visible(False)
    if len(notes) < 2:
        return
    renderer = fig.canvas.get_renderer()
    fig.draw_without_rendering()
    placed = []
    for note in sorted(notes, key=lambda n: (n.get_window_extent(renderer).y0, n.get_text())):
        box, shift = note.get_window_extent(renderer), 0.0
        while any(box.translated(0, shift).overlaps(p) for p in placed) and shift < 50 * box.height:
            shift += box.height / 2
        if shift:
            note.xyann = (note.xyann[0], note.xyann[1] + shift * 72 / fig.dpi)
            note.arrow_patch.set_visible(True)
        placed.append(box.translated(0, shift))


def _log_axis(axis, set_scale) -> None:
    """A log scale whose ticks read as plain numbers (mathtext is off in the style), at most
    :data:`LOG_TICKS` of them (every other decade when the values span many), so labels do not collide."""
    set_scale("log")
    axis.set_major_locator(LogLocator(base=10, numticks=LOG_TICKS))
    axis.set_major_formatter(FuncFormatter(_plain))
    axis.set_minor_formatter(NullFormatter())


def _point_label(r, many_metrics: bool) -> str:
    """A point's annotation: subject, metric (when a panel mixes metrics), value and period."""
    what = f" {metric_words(r['metric'])}" if many_metrics and r["metric"] else ""
    when = f", {r['period']}" if r["period"] else ""
    return f"{isolate(r['subject'] or '(no subject)')}{what}: {r['label']}{when}"


def _finish(fig, rows: pd.DataFrame, title: str | None, default: str) -> None:
    fig.suptitle(title or default, x=0.01, ha="left", fontweight="bold")
    add_source_footer(fig, rows)


def _title(rows: pd.DataFrame) -> str:
    return ", ".join(metric_words(m) for m in dict.fromkeys(rows["metric"]) if m) or "reported figures"


def save_figure(fig, path) -> Path:
    """Save a figure reproducibly: no date or software metadata, the style's resolution and crop."""
    path = Path(path)
    meta = {"Software": None} if path.suffix == ".png" else {"Date": None, "Creator": None}
    fig.savefig(path, metadata=meta, bbox_inches="tight")
    return path


# ---------------------------------------------------------------- charts


def _units(rows: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """One group per axis unit (the drawn unit: durations share ``days``), in name order."""
    return [(u, g) for u, g in rows.groupby("axis_unit", sort=True)]


def _spread(ys: list[float], gap: float) -> list[float]:
    """Label positions near ``ys``, at least ``gap`` apart, in the same order."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    out = list(ys)
    for a, b in zip(order, order[1:]):
        out[b] = max(out[b], out[a] + gap)
    return out


def slope_chart(claims: pd.DataFrame, title: str | None = None):
    """Before → after of every "from X to Y" change (pairs of one ``change_id`` in one document, roles
    ``before`` and ``after``): one line per change, coloured by subject, one panel per unit."""
    rows, left = _prepare(claims)
    pairs, single = change_pairs(rows)
    left += [{"claim_id": c, "reason": "not one end of a before/after pair"} for c in single["claim_id"]]
    if pairs.empty:
        return None, _data(rows.iloc[:0], left, ("side", "pair"))
    pair = (pairs["before_doc_id"] + ":" + pairs["before_change_id"]).to_numpy()
    by_id = rows.set_index("claim_id")
    ends = pd.concat([by_id.loc[pairs[f"{s}_claim_id"]].reset_index().assign(side=s, pair=pair)
                      for s in ("before", "after")], ignore_index=True)
    groups = _units(ends)
    fig, axes = plt.subplots(1, len(groups), figsize=(4.2 * len(groups) + 2.2, 4.6), squeeze=False,
                             layout="constrained")
    for ax, (unit, g) in zip(axes[0], groups):
        _slope_panel(ax, g, unit)
    _legend(fig, ends, intervals=False)
    _finish(fig, ends, title, f"{_title(ends)}: before → after")
    return fig, _data(ends, left, ("side", "pair"))


def _slope_panel(ax, ends: pd.DataFrame, unit: str) -> None:
    divisor, ylabel = axis_scale(ends["number"], unit)
    span = (ends["number"].max() - min(ends["number"].min(), 0)) / divisor or 1
    labels = {"before": [], "after": []}
    for pair, g in ends.groupby("pair", sort=True):
        b, a = g[g.side == "before"].iloc[0], g[g.side == "after"].iloc[0]
        color = entity_color(b["subject"])
        both_fact = b["fact"] and a["fact"]
        ax.plot([0, 1], [b["number"] / divisor, a["number"] / divisor], color=color, lw=2,
                ls="-" if both_fact else "--", alpha=1 if both_fact else _FADED)
        for x, r in ((0, b), (1, a)):
            ax.plot([x], [r["number"] / divisor], **_marker(r, color))
            labels[r["side"]].append((r["number"] / divisor, r))
    for side, x, ha in (("before", -0.06, "right"), ("after", 1.06, "left")):
        placed = _spread([y for y, _ in labels[side]], 0.06 * span)
        for (y, r), ly in zip(labels[side], placed):
            name = isolate(r["subject"] or "(no subject)")
            text = f"{name}  {r['label']}" if side == "before" else f"{r['label']}  {name}"
            ax.annotate(text, (x, ly), ha=ha, va="center", fontsize=8)
    ax.set_xlim(-0.9, 1.9)
    ax.set_xticks([0, 1], ["before", "after"])
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=min(0, ends["number"].min() / divisor))


def dot_timeline(claims: pd.DataFrame, value_col: str = "value", log: bool | None = None, title: str | None = None):
    """Values per subject over their periods (x: the middle of the period), one panel per unit; a log
    scale when values span more than two orders of magnitude (``log=None``). Undated claims are
    left out (listed in ``data.attrs["left_out"]``)."""
    rows, left = _prepare(claims if value_col == "value" else claims.assign(value=claims[value_col]))
    rows["x"] = [period_date(p) for p in rows["period"]]
    left += [{"claim_id": c, "reason": "no period to place it in time"} for c in rows.loc[rows["x"].isna(), "claim_id"]]
    rows = rows[rows["x"].notna()]
    if rows.empty:
        return None, _data(rows, left, ("x",))
    groups = _units(rows)
    fig, axes = plt.subplots(len(groups), 1, figsize=(7.5, 3.2 * len(groups) + 1.2), squeeze=False,
                             layout="constrained")
    notes = [n for ax, (unit, g) in zip(axes[:, 0], groups) for n in _timeline_panel(ax, g, unit, log)]
    _legend(fig, rows)
    _finish(fig, rows, title, f"{_title(rows)} over time")
    _declutter(fig, notes)
    return fig, _data(rows, left, ("x",))


def _timeline_panel(ax, rows: pd.DataFrame, unit: str, log: bool | None) -> list:
    """One unit's points over time; returns the value annotations (to be decluttered)."""
    logged = _log_wanted(rows["number"], log)
    divisor, ylabel = (1, _unit_noun(unit)) if logged else axis_scale(rows["number"], unit)
    notes = []
    many = rows["metric"].nunique() > 1
    xs = mdates.date2num(rows["x"].tolist())
    right = xs.min() + 0.6 * (xs.max() - xs.min()) if xs.max() > xs.min() else math.inf
    for (_, r), x in sorted(zip(rows.iterrows(), xs), key=lambda t: (t[1], t[0][1]["claim_id"])):
        color = entity_color(r["subject"])
        _draw_interval(ax, r, x, divisor, color)
        ax.plot([x], [r["number"] / divisor], **_marker(r, color))
        flip = x > right
        notes.append(ax.annotate(_point_label(r, many), (x, r["number"] / divisor), xytext=(-6 if flip else 6, 3),
                                 textcoords="offset points", fontsize=7.5, ha="right" if flip else "left",
                                 arrowprops=_LEADER))
    if logged:
        _log_axis(ax.yaxis, ax.set_yscale)
        ylabel += " (log scale)"
    ax.set_ylabel(ylabel)
    _date_axis(ax)
    ax.margins(x=0.15, y=0.15)
    if ax.get_yscale() == "linear" and rows["number"].min() >= 0:
        ax.set_ylim(bottom=0)
    return notes


def bars(claims: pd.DataFrame, label_col: str = "subject", log: bool | None = None, title: str | None = None):
    """One horizontal bar per claim (labelled by ``label_col``, plus the period where labels repeat),
    largest on top, one panel per unit; hollow when hedged, hatched and faded when not a fact,
    an interval for a range or a one-sided hedge."""
    rows, left = _prepare(claims)
    if rows.empty:
        return None, _data(rows, left, ("bar",))
    rows = rows.sort_values(["axis_unit", "number", "claim_id"])
    rows["bar"] = _bar_labels(rows, label_col)
    groups = _units(rows)
    heights = [0.32 * len(g) + 0.9 for _, g in groups]
    fig, axes = plt.subplots(len(groups), 1, figsize=(7.5, sum(heights) + 1.2), squeeze=False,
                             gridspec_kw={"height_ratios": heights}, layout="constrained")
    for ax, (unit, g) in zip(axes[:, 0], groups):
        _bar_panel(ax, g, unit, log)
    _legend(fig, rows, subjects=False)
    _finish(fig, rows, title, _title(rows))
    return fig, _data(rows, left, ("bar",))


def _bar_labels(rows: pd.DataFrame, label_col: str) -> list[str]:
    """Bar labels: ``label_col``; the metric and counterpart where the chart mixes metrics; the period
    where labels still repeat."""
    out = [isolate(s or "(none)") for s in rows[label_col].fillna("").astype(str)]
    if rows["metric"].nunique() > 1:
        out = [f"{o} · {metric_words(m)}" + (f" {isolate(c)}" if c else "")
               for o, m, c in zip(out, rows["metric"], rows.get("counterpart", [""] * len(rows)))]
    dup = pd.Series(out).duplicated(keep=False).to_numpy()
    return [f"{o} · {p}" if d and p else o for o, d, p in zip(out, dup, rows["period"])]


def _bar_panel(ax, rows: pd.DataFrame, unit: str, log: bool | None) -> None:
    logged = _log_wanted(rows["number"], log)
    divisor, xlabel = (1, _unit_noun(unit)) if logged else axis_scale(rows["number"], unit)
    ys = range(len(rows))
    for y, (_, r) in zip(ys, rows.iterrows()):
        color = entity_color(r["subject"])
        ax.barh(y, r["number"] / divisor, height=0.6, color="white" if r["hedged"] else color, edgecolor=color,
                lw=1.6, alpha=1 if r["fact"] else _FADED, hatch=None if r["fact"] else "//",
                ls="-" if r["fact"] else "--")
        _draw_interval(ax, r, y, divisor, _GREY, horizontal=True)
        end = max([r["number"] / divisor, *(_interval(r, divisor) or ())])
        ax.annotate(r["label"], (end, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=7.5)
    ax.set_yticks(list(ys), rows["bar"].tolist())
    if logged:
        _log_axis(ax.xaxis, ax.set_xscale)
        xlabel += " (log scale)"
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    ax.margins(x=0.35)


def event_timeline(claims: pd.DataFrame, label_col: str = "subject", title: str | None = None):
    """Dated events (departures, rounds, launches…): one lane per ``label_col`` value, a marker at the
    claim's period (a date claim: at its value), annotated with the metric and the value."""
    rows, _ = _prepare(claims, numbers_only=False)
    dates = rows["value"].where(rows.get("kind", pd.Series("", index=rows.index)).eq("date"), "")
    rows["x"] = [period_date(p) or period_date(d) for p, d in zip(rows["period"], dates)]
    left = [{"claim_id": c, "reason": "no date or period"} for c in rows.loc[rows["x"].isna(), "claim_id"]]
    rows = rows[rows["x"].notna()].sort_values(["x", "claim_id"])
    if rows.empty:
        return None, _data(rows, left, ("x", "lane"))
    rows["lane"] = [isolate(s or "(no subject)") for s in rows[label_col].fillna("").astype(str)]
    rows["x_num"] = mdates.date2num(rows["x"].tolist())
    base, height = _lanes(rows["lane"].value_counts().sort_index())
    fig, ax = plt.subplots(figsize=(7.5, 0.25 * sum(height.values()) + 1.6), layout="constrained")
    right = rows["x_num"].min() + 0.55 * (rows["x_num"].max() - rows["x_num"].min())
    for lane, group in rows.groupby("lane", sort=True):
        for k, (_, r) in enumerate(group.iterrows(), start=1):
            x, y, flip = r["x_num"], base[lane], r["x_num"] > right and len(rows) > 1
            ax.plot([x], [y], **_marker(r, entity_color(r["subject"])))
            what = f"{metric_words(r['metric'])}: " if r["metric"] else ""
            when = f", {r['period']}" if r["period"] else ""
            ax.annotate(what + r["label"] + when, (x, y), xytext=(x, y + 0.9 * k), textcoords="data",
                        ha="right" if flip else "left", va="center", fontsize=7.5,
                        arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.6, "shrinkA": 0, "shrinkB": 4})
    ax.set_yticks(list(base.values()), list(base))
    ax.set_ylim(-0.8, sum(height.values()) - 0.2)
    _date_axis(ax)
    ax.margins(x=0.2)
    ax.grid(axis="y", visible=False)
    _legend(fig, rows, intervals=False)
    _finish(fig, rows, title, f"{_title(rows)}: a timeline")
    return fig, _data(rows, left, ("x", "lane"))


def _lanes(counts: pd.Series) -> tuple[dict[str, float], dict[str, float]]:
    """Where each lane's markers sit (y) and how tall it is: one label row per event above its marker."""
    base, height, y = {}, {}, 0.0
    for lane, n in counts.items():
        base[lane], height[lane] = y, 0.9 * n + 1.0
        y += height[lane]
    return base, height


def _date_axis(ax) -> None:
    """Dates on x: a year on every tick ("Jan 2025")."""
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    formatter = mdates.AutoDateFormatter(locator)
    formatter.scaled.update({365.0: "%Y", 30.0: "%b %Y", 1.0: "%d %b %Y"})
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


# ---------------------------------------------------------------- chart data for the reports (appended for `build`)
#
# ``python -m analysis build`` sets CHART_DATA_ENV (and CHART_HREF_ENV) in each notebook's kernel. Then
# every chart this module draws writes the table behind it (``data``: one row per number drawn, with
# its source span ``claim_id, doc_id, start, end, text``) as one CSV, ``NN-title.csv``, into that
# folder, lists it in ``charts.json`` there, and shows a link to it under the chart in the report.
# Outside a build (JupyterLab, nbval) nothing is written or shown. A chart drawn without this module
# (a seaborn heatmap) is registered by hand: ``register((fig, table), "title")``.

import csv as _csv
import functools as _functools
import inspect as _inspect
import json as _json
import os as _os

from matplotlib.figure import Figure as _Figure

#: The folder the build wants each chart's data written to (unset: nothing is written).
CHART_DATA_ENV = "ANALYSIS_CHART_DATA"
#: That folder as a link relative to the report page (unset: no link is shown).
CHART_HREF_ENV = "ANALYSIS_CHART_HREF"
#: Charts registered in this process, in order: ``{"file", "title", "rows", "left_out"}``.
REGISTERED: list[dict] = []
_SEEN: dict[int, object] = {}  # id → the data frame itself (kept, so an id is never reused)


def _slug(title: str) -> str:
    """A file-name part from a chart title: ASCII letters and digits, hyphens, at most 48 characters.

    >>> _slug("Funding rounds: USD billions over time"), _slug("שווי")
    ('funding-rounds-usd-billions-over-time', 'chart')
    """
    ascii_ = unicodedata.normalize("NFKD", str(title)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:48].rstrip("-")
    return slug or "chart"


def _chart_title(fig, title: str | None, k: int) -> str:
    if title:
        return str(title)
    texts = [getattr(fig, "_suptitle", None)] + [ax.title for ax in getattr(fig, "axes", [])]
    found = next((t.get_text().strip() for t in texts if t is not None and t.get_text().strip()), "")
    return found or f"chart {k}"


def _data_cell(v) -> str:
    """A cell of a chart's CSV: as the build's tables write it (``true``/``false``, whole floats without
    ``.0``, missing values empty), dates as ``YYYY-MM-DD``."""
    from .tables import cell_text

    if isinstance(v, pd.Timestamp):
        return "" if pd.isna(v) else (v.date().isoformat() if v == v.normalize() else v.isoformat())
    if v is pd.NaT:
        return ""
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalars
        v = v.item()
    return cell_text(v)


def register(chart, title: str | None = None):
    """Register the data behind a chart for the report being built, and return ``chart`` unchanged.

    ``chart`` is what a chart function returns, ``(fig, data)``, or a table alone. In a build (the
    environment variable :data:`CHART_DATA_ENV` names a folder) the table is written there as
    ``NN-<title>.csv`` (UTF-8 with BOM, like the build's tables), listed in ``charts.json``, and a link
    to it is shown; ``title`` defaults to the figure's title. Nothing happens outside a build, when
    nothing was drawn (``fig`` is None), or for a table registered before. The charts of this module
    register themselves in a build, so notebooks call this only for charts drawn otherwise::

        fig, table = register((fig, table), "Entity mentions per document")
    """
    fig, data = chart if isinstance(chart, tuple) and len(chart) == 2 else (None, chart)
    folder = _os.environ.get(CHART_DATA_ENV)
    if not folder or not isinstance(data, pd.DataFrame) or id(data) in _SEEN:
        return chart
    if isinstance(chart, tuple) and fig is None:
        return chart  # nothing drawn: nothing to trace
    k = len(REGISTERED) + 1
    name = _chart_title(fig, title, k)
    path = Path(folder) / f"{k:02d}-{_slug(name)}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = _csv.writer(fh, lineterminator="\n")
        writer.writerow([str(c) for c in data.columns])
        for row in data.itertuples(index=False, name=None):
            writer.writerow([_data_cell(v) for v in row])
    _SEEN[id(data)] = data
    entry = {"file": path.name, "title": name, "rows": len(data),
             "left_out": len(data.attrs.get("left_out", []) or [])}
    REGISTERED.append(entry)
    (Path(folder) / "charts.json").write_text(_json.dumps(REGISTERED, ensure_ascii=False, indent=1, sort_keys=True)
                                              + "\n", encoding="utf-8")
    href = _os.environ.get(CHART_HREF_ENV)
    if href:
        _show_data_link(f"{href.rstrip('/')}/{path.name}", entry)
    return chart


def _show_data_link(href: str, entry: dict) -> None:
    """A line under the chart in the report: where its data is (static HTML, escaped)."""
    import html

    try:
        from IPython import get_ipython
        from IPython.display import HTML as _HTML
        from IPython.display import display
    except ImportError:
        return
    if get_ipython() is None:
        return
    n = entry["rows"]
    display(_HTML(f'<p class="chart-data">Data behind “{html.escape(entry["title"])}”: '
                  f'<a href="{html.escape(href, quote=True)}">{html.escape(entry["file"])}</a> '
                  f"({n} number{'s' if n != 1 else ''} with their source spans)</p>"))


def _registering(function):
    """``function`` that also registers a chart it returns as ``(Figure, DataFrame)``."""
    @_functools.wraps(function)
    def chart(*args, **kwargs):
        result = function(*args, **kwargs)
        if (isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], pd.DataFrame)
                and isinstance(result[0], _Figure)):
            register(result)
        return result

    chart.__wrapped_for_build__ = True
    return chart


def collect() -> list[str]:
    """Make every chart function of this module (a public function whose first parameter is ``claims``)
    register the chart it draws (:func:`register`); returns their names.

    Runs on import when :data:`CHART_DATA_ENV` is set (that is, in a build), so a notebook needs no
    call of its own for the charts of this module."""
    wrapped = []
    for name in list(__all__):
        function = globals().get(name)
        if (_inspect.isfunction(function) and function.__module__ == __name__
                and list(_inspect.signature(function).parameters)[:1] == ["claims"]
                and not getattr(function, "__wrapped_for_build__", False)):
            globals()[name] = _registering(function)
            wrapped.append(name)
    return wrapped


__all__ += ["CHART_DATA_ENV", "CHART_HREF_ENV", "collect", "register"]

if _os.environ.get(CHART_DATA_ENV):
    collect()
