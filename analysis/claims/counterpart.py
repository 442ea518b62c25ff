"""Counterpart: the other party of a number, where there is one.

Who the counterpart is depends on the deal (``data/metrics.csv``, column ``subject_is``): the
investors of a round or of money flowing in over time, the company a stake is held in, the
seller or supplier of a commitment, the buyers of a share sale. Several parties are joined
with ``; `` in the order printed; the subject is never its own counterpart. The deal is the
number's frame (:mod:`.parties`), as for the subject.

Rules, one per deal (:data:`DEAL_RULES`, by the number's frame, else by the deal its metric
stands for, :data:`METRIC_DEALS`), and ``named_investors`` for any other number:

* ``investors``: a round (and its valuation): the investors named after "led by", "with the
  participation of", "from", "with" (בהובלת, בהשתתפות, מ-, עם, بقيادة, بمشاركة, من, مع) and
  listed with them; for a round in a company, who leads it too;
* ``investor``: money put into a company: who put it in (the agent), with any co-investors;
  money invested in a place (``استثمار 30 مليار دولار في المملكة المتحدة``): the place; else
  the investors named, as for a round;
* ``company_held``: a stake: the company held (``ממניות Arm``, ``ב-SpaceX``, ``في الشركة``),
  the one nearest the number;
* ``seller``: a commitment: the seller or supplier (``מאורקל``, ``مع أوراكل``);
* ``supplier``: a supply deal: the supplier (the agent);
* ``buyers``: a share sale: the buyers (``לקבוצת משקיעים שכללה את …``, ``لمستثمرين بينهم …``),
  else the company whose shares are sold;
* ``payee``: a payment: who is paid (``שילמה ל-Character.AI``), else the company a stake
  bought is in;
* ``named_investors``: any other number whose event names investors (``בהובלת``, ``بقيادة``).

Dates, years, multiples, counts of users or employees and a time ago have no counterpart
(:func:`no_other_party`).
"""

from __future__ import annotations

import functools
import re

from ..text.langdata import language
from .codebook import unit_metrics
from .parties import Event, Party, event_of, frame_of, read_parties
from .site import NONE, Decision, Site
from .subject import first

__all__ = ["counterpart_of"]


def _join(parties: list[Party], subject: str, rule: str) -> Decision:
    names = list(dict.fromkeys(p.entity for p in sorted(parties, key=lambda p: p.a) if p.entity != subject))
    return Decision("; ".join(names), rule) if names else NONE


def investors(site: Site, event: Event, subject: Decision) -> Decision:
    """A round's investors: "גייסה 6 מיליארד דולר מאנבידיה, AMD וקרן Valor" → Nvidia; AMD; Valor;
    for a round in a company, who leads it too ("הובילה סבב של 80 מיליון דולר בחברת …")."""
    found = event.companies("investors", "from", "with")
    if _subject_role(subject) == "in":
        found += event.companies("")
    return _join(found, subject.value, "investors")


def _subject_role(subject: Decision) -> str:
    party = subject.extra.get("party")
    return party.role if party is not None else ""


def investor(site: Site, event: Event, subject: Decision) -> Decision:
    """Who put money into the company: "מיקרוסופט השקיעה 13 מיליארד דולר ב-OpenAI" → Microsoft;
    for money invested in a place named right after the amount, the place: "تنوي مايكروسوفت
    استثمار 30 مليار دولار في المملكة المتحدة" → United Kingdom (not "בתשתיות ובמרכזי נתונים בארה"ב")."""
    if _subject_role(subject) in ("in", "to"):
        return _join(event.companies("") + event.companies("investors"), subject.value, "investor")
    places = [p for p in event.with_roles("in", "to") if p.type == "place" and 0 <= p.a - site.qb <= 6]
    return first(_join(places, subject.value, "investor"), investors(site, event, subject))


def company_held(site: Site, event: Event, subject: Decision) -> Decision:
    """A stake's company, the one nearest the number (after "shares of" first): "סופטבנק מחזיקה
    בכ-90% ממניות Arm" → Arm; "تحتفظ مايكروسوفت بحصة تبلغ نحو 27% في OpenAI" → OpenAI."""
    held = [p for p in event.companies("shares") or event.companies("in", "from") or event.companies("to")
            if p.entity != subject.value]
    if not held:
        return NONE
    return _join([min(held, key=lambda p: max(site.qa - p.b, p.a - site.qb, 0))], subject.value, "company_held")


def seller(site: Site, event: Event, subject: Decision) -> Decision:
    """A commitment's seller: "OpenAI התחייבה לרכוש מאורקל כוח מחשוב" → Oracle."""
    return _join(event.companies("from", "with"), subject.value, "seller")


def supplier(site: Site, event: Event, subject: Decision) -> Decision:
    """A supply deal's supplier: "AMD חתמה על עסקה לאספקת שבבים ל-OpenAI" → AMD."""
    return _join(event.companies(""), subject.value, "supplier")


def buyers(site: Site, event: Event, subject: Decision) -> Decision:
    """A share sale's buyers: "מכירה משנית ... לקבוצת משקיעים שכללה את סופטבנק, Thrive Capital ו-MGX";
    a sale of a stake without its buyers named: the company whose shares are sold ("باعت سوفت بنك
    كامل حصتها في إنفيديا مقابل 5.83 مليار دولار" → Nvidia)."""
    return first(_join(event.companies("investors", "to"), subject.value, "buyers"), company_held(site, event, subject))


def payee(site: Site, event: Event, subject: Decision) -> Decision:
    """Who is paid: "גוגל שילמה ל-Character.AI כ-2.7 מיליארד דולר" → Character.AI; for a stake
    bought, the company held: "اشترت مايكروسوفت حصة في مجموعة G42 مقابل 1.5 مليار دولار" → G42."""
    return first(_join(event.companies("to", "with"), subject.value, "payee"), company_held(site, event, subject))


def named_investors(site: Site, event: Event, subject: Decision) -> Decision:
    """Investors named in the number's event when no deal word was read ("בהובלת Greenoaks")."""
    return _join(event.companies("investors"), subject.value, "named_investors")


#: The rule for each deal frame.
DEAL_RULES = {"raise": investors, "invest": investor, "stake": company_held, "buy": seller,
              "supply": supplier, "sell": buyers, "pay": payee}
#: The deal a metric stands for when no deal word is near the number ("תקבל OpenAI מניות של
#: CoreWeave בשווי 350 מיליון דולר": a stake, its company held is CoreWeave).
METRIC_DEALS = {"stake": "stake", "commitment": "buy", "share_sale": "sell"}


def no_other_party(site: Site) -> bool:
    """Numbers that have no counterpart: dates and years; multiples (they compare a figure with
    an earlier one); counts of users, employees and the like (``data/metrics.csv``,
    ``counted_units``), whose metrics have no other party; a time ago ("לפני חצי שנה", "قبل ستة أشهر")."""
    if site.kind in ("date", "year", "multiplier") or site.unit in unit_metrics():
        return True
    return site.kind == "duration" and bool(_ago(site.lang).search(site.text, max(site.ctx.ns, site.qa - 12), site.qa))


@functools.cache
def _ago(lang: str | None) -> re.Pattern:
    """Words right before a time ago (``data/<lang>/parties.yaml``, ``ago``)."""
    words = language(lang).load("parties").get("ago") or [] if lang else []
    return re.compile(language(lang).words_regex(words).pattern + r"[\s\-]*$") if words else re.compile(r"(?!x)x")


def counterpart_of(site: Site, decided: dict) -> Decision:
    """The other party of the number, if it has one (:func:`no_other_party`)."""
    if no_other_party(site):
        return NONE
    reading = read_parties(site)
    if reading is None:
        return NONE
    event = event_of(reading, site.qa)
    metric = decided["metric"].value if "metric" in decided else ""
    frame = frame_of(event, site.qa, site.qb) or METRIC_DEALS.get(metric, "")
    return DEAL_RULES.get(frame, named_investors)(site, event, decided.get("subject", NONE))
