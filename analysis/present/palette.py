"""Colours: the Okabe–Ito palette (safe for colour-blind readers), one colour per company everywhere.

A company keeps its colour across every notebook and report: a few of the most-reported AI
companies have a fixed colour each (so that they never share one), any other name gets a colour
(not yellow) from a stable hash of its name (CRC-32, not Python's salted ``hash``). A product or a person takes
the colour of its company (``analysis/data/entities.csv``, column ``company``: ChatGPT → OpenAI).

>>> entity_colors(["OpenAI", "ChatGPT"]) == {"OpenAI": OKABE_ITO[4], "ChatGPT": OKABE_ITO[4]}
True
>>> entity_colors(["Some Startup"])["Some Startup"] == entity_colors(["Other", "Some Startup"])["Some Startup"]
True
"""

from __future__ import annotations

import functools
import re
import zlib

from ..text.langdata import DATA_DIR, read_csv

__all__ = ["OKABE_ITO", "HIGHLIGHTS", "FIXED", "company_of", "entity_color", "entity_colors", "metric_color",
           "metric_class", "tint"]

#: Okabe & Ito (2008): orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, black.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
#: Companies with a colour of their own (display configuration, not data): distinct from each other.
FIXED = {"OpenAI": OKABE_ITO[4], "Anthropic": OKABE_ITO[5], "Google": OKABE_ITO[2], "Meta": OKABE_ITO[1],
         "xAI": OKABE_ITO[7], "DeepSeek": OKABE_ITO[0], "Microsoft": OKABE_ITO[6], "Mistral": OKABE_ITO[3]}
#: Highlight colours of the claim viewer, one per metric (ColorBrewer Set3 without its grey).
HIGHLIGHTS = ("#8DD3C7", "#FFFFB3", "#BEBADA", "#FB8072", "#80B1D3", "#FDB462", "#B3DE69", "#FCCDE5", "#BC80BD",
              "#CCEBC5", "#FFED6F")
#: Colours a name can hash to: all but yellow, too pale for a bar or a line on white.
_HASHED = tuple(c for c in OKABE_ITO if c != "#F0E442")


@functools.cache
def _companies() -> dict[str, str]:
    """Entity → its company, from ``data/entities.csv`` (products and people)."""
    return {r["entity"]: r["company"] for r in read_csv(DATA_DIR / "entities.csv") if r.get("company")}


def company_of(name: str) -> str:
    """The company a name stands for in colour: itself, or its maker or employer."""
    return _companies().get(name, name)


def _stable(text: str) -> int:
    return zlib.crc32(text.casefold().encode("utf-8"))


def entity_color(name: str) -> str:
    """The colour of one name: its company's fixed colour, else one hashed from the company's name."""
    company = company_of(name or "")
    return FIXED.get(company) or _HASHED[_stable(company) % len(_HASHED)]


def entity_colors(names) -> dict[str, str]:
    """Name → colour for every distinct name given, the same in every notebook and chart."""
    return {n: entity_color(n) for n in dict.fromkeys(names)}


def metric_class(metric: str) -> str:
    """A metric name as a CSS class: ``m-market_share`` (``m-none`` without a metric).

    >>> metric_class("market_share"), metric_class(""), metric_class('x" onclick="y')
    ('m-market_share', 'm-none', 'm-x--onclick--y')
    """
    return "m-" + (re.sub(r"[^a-z0-9_-]", "-", (metric or "").lower()) or "none")


def metric_color(metric: str) -> str:
    """The highlight colour of a metric in the claim viewer: a stable hash into :data:`HIGHLIGHTS` (light
    colours that black text reads on; the metric's name is in the tooltip and the legend too); grey
    without a metric."""
    if not metric:
        return "#D9D9D9"
    return HIGHLIGHTS[_stable(metric) % len(HIGHLIGHTS)]


def tint(color: str, alpha: float = 0.35) -> str:
    """A ``#RRGGBB`` colour as a light ``rgba()`` background.

    >>> tint("#0072B2")
    'rgba(0,114,178,0.35)'
    """
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
