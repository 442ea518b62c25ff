"""Subject: whom a number is about (``data/metrics.csv``, column ``subject_is``).

The sentence is read as parties with roles, in events with deal frames (:mod:`.parties`).
Rules, in order (:data:`RULES`; the first that applies wins, its name goes to the claim's
``why``). The deal rules (:data:`DEAL_RULES`, from ``invested_in`` to ``payer``) apply to a
number whose event holds a deal word, the one nearest the number deciding:

* ``owner_after``: the entity right after the number owns it (``500 עובדי OpenAI``);
* ``people_of_place``: a count of the people of a place is about the place (``2 מיליון
  ישראלים`` → Israel), never a person named nearby, unless the count is set equal to that
  person's fortune (``ההון של מאסק שקול להון של 2 מיליון ישראלים``);
* ``product_of_users``: a count of users is about the product named (``100 מיליון משתמשים
  ל-Copilot`` → Copilot), else the company;
* ``invested_in``: money invested is about the company invested in (``השקיעה 13 מיליארד
  דולר ב-OpenAI`` → OpenAI);
* ``stake_holder``: a stake is about its holder (``אחזקתו של מאסק ב-SpaceX`` → Elon Musk);
* ``buyer``: a commitment is about the buyer (``OpenAI התחייבה לרכוש מאורקל`` → OpenAI);
* ``supplied``: a supply deal is about the company supplied (``עסקה לאספקת שבבים ל-OpenAI``);
* ``shares_sold``: a share sale is about the company whose shares are sold;
* ``raiser``: a round (and its valuation) is about the company raising, not its investors; a
  round *in* a company (``قادت ASML جولة … في ميسترال``) is that company's;
* ``payer``: a payment is about who pays (``אפל שילמה לגוגל 20 מיליארד דולר`` → Apple);
* ``elided_subject``: a clause that names no one continues the subject of the last clause
  before it that names one, its first agent (``, והעלתה את התחזית ל-66 מיליארד דולר``);
* ``same_clause_before`` / ``same_clause_after`` / ``sentence_before`` / ``sentence_after``:
  the nearest party in the number's clause, before it first (verb-first clauses name the subject
  after the verb), else elsewhere in the sentence; investors, the owner of a name just before
  (``xAI של מאסק``) and a place named as a location (``בישראל``) rank last;
* ``article_main_entity``: the article's most mentioned org, person or product.

Outlets, sources named after "according to" and quoted people are never subjects; a place is
taken only when nothing else is named.
"""

from __future__ import annotations

import functools
import re

from ..text.langdata import language
from .codebook import unit_metrics
from .parties import (
    PARTY_TYPES,
    Event,
    Party,
    clause_at,
    clause_of,
    event_of,
    frame_of,
    read_parties,
)
from .site import NONE, Decision, Site

__all__ = ["DEAL_RULES", "RULES", "first", "named_subject", "nearest", "subject_of"]

_SUBJECT_TYPES = {"org": 0, "person": 0, "product": 0, "index": 0, "place": 1}
_RANKS = ("owner_after", "same_clause_before", "same_clause_after", "sentence_before", "sentence_after")


def nearest(site: Site, parties: list[Party]) -> tuple[int, Party] | None:
    """The party nearest the number, as (rank, party): right after it (0), in its clause before
    (1) or after it (2), elsewhere in the sentence before (3) or after it (4); a place, an
    investor, an owner of the name before it or a place named as a location ranks after the rest
    (an investor or an owner after all the others, wherever they are)."""
    best = None
    for p in parties:
        before = p.b <= site.qa
        if not before and p.a < site.qb or p.type not in _SUBJECT_TYPES:
            continue
        distance = site.qa - p.b if before else p.a - site.qb
        if not before and distance <= 1:
            rank = 0
        else:
            rank = (1 if before else 2) if site.ca <= p.a < site.cb else (3 if before else 4)
        demoted = _demoted(p)
        key = (demoted >= 3, rank, demoted, distance)
        if best is None or key < best[0]:
            best = (key, p)
    return (best[0][1], best[1]) if best else None


def _demoted(p: Party) -> int:
    """0 for a plain party; higher for a place, an investor, an owner named after a name."""
    if p.role == "investors" or p.owns_previous:
        return 3
    if p.type == "place":
        return 2 if p.role == "in" else 1
    return 0


def named_subject(site: Site) -> Decision:
    """The subject named in the sentence by the proximity rules (see the module); read once per
    site (:func:`owner_after` asks first)."""
    if _LAST[0] is site:
        return _LAST[1]
    reading = read_parties(site)
    if reading is None:
        parties = [Party(ma, mb, m.entity, m.type) for ma, mb, m in site.ctx.mentions
                   if (m.start, m.end) not in site.ctx.source_spans and m.type in PARTY_TYPES]
    else:
        parties = [p for p in reading.parties if not p.source]
    found = nearest(site, parties)
    _LAST[:] = [site, Decision(found[1].entity, _RANKS[found[0]]) if found else NONE]
    return _LAST[1]


_LAST: list = [None, NONE]  # the last site :func:`named_subject` read, and its decision


# --------------------------------------------------------------------------- deal rules


def first(*decisions: Decision) -> Decision:
    """The first decision with a value, else NONE."""
    return next((d for d in decisions if d.value), NONE)


def _pick(site: Site, parties: list[Party], rule: str) -> Decision:
    found = nearest(site, parties)
    return Decision(found[1].entity, rule, {"party": found[1]}) if found else NONE


def invested_in(site: Site, event: Event) -> Decision:
    """Money put into a company is about that company (its investors are the counterpart).

    "מיקרוסופט השקיעה 13 מיליארד דולר ב-OpenAI" → OpenAI; "ضخت أمازون 4 مليارات دولار في
    أنثروبيك" → Anthropic. Money invested in a place is about the investor (the agent).
    """
    return first(_pick(site, [p for p in event.companies("in", "to") if p.type != "place"], "invested_in"),
                 _pick(site, event.companies(""), "invested_in"))


def stake_holder(site: Site, event: Event) -> Decision:
    """A stake (or its value) is about its holder; the company held is the counterpart.

    "סופטבנק מחזיקה בכ-90% ממניות Arm" → SoftBank; "אחזקתו של אילון מאסק ב-SpaceX שווה 150
    מיליארד דולר" → Elon Musk.
    """
    return _pick(site, [p for p in event.holders() if p.type != "product"], "stake_holder")


def buyer(site: Site, event: Event) -> Decision:
    """A commitment to buy compute or services is about the buyer; the seller is the counterpart.

    "OpenAI התחייבה לרכוש מאורקל כוח מחשוב ב-300 מיליארד דולר" → OpenAI.
    """
    return _pick(site, event.companies(""), "buyer")


def supplied(site: Site, event: Event) -> Decision:
    """A supply deal is about the company supplied (after "to" or "with"); the supplier is the counterpart.

    "AMD חתמה על עסקה לאספקת שבבים ל-OpenAI בהיקף של 6 גיגה-וואט" → OpenAI.
    """
    return _pick(site, event.companies("to", "with"), "supplied")


def shares_sold(site: Site, event: Event) -> Decision:
    """A share sale is about the company whose shares are sold; the buyers are the counterpart.

    "OpenAI השלימה מכירה משנית של מניות עובדים ב-6.6 מיליארד דולר לקבוצת משקיעים" → OpenAI;
    "باع موظفون في SpaceX أسهمًا بقيمة 2.5 مليار دولار" → SpaceX.
    """
    return first(_pick(site, event.companies(""), "shares_sold"), _pick(site, event.companies("in"), "shares_sold"))


def raiser(site: Site, event: Event) -> Decision:
    """A round and the valuation it sets are about the company raising, never its investors; a
    round *in* a company is that company's (who leads it is an investor).

    "OpenAI גייסה 40 מיליארד דולר בהובלת סופטבנק, לפי שווי של 300 מיליארד דולר" → OpenAI for
    both; "قادت ASML جولة تمويل بقيمة 1.7 مليار يورو في ميسترال" → Mistral.
    """
    return first(_pick(site, [p for p in event.companies("in") if p.type != "place"], "raiser"),
                 _pick(site, event.companies(""), "raiser"))


def payer(site: Site, event: Event) -> Decision:
    """A payment is about who pays; who is paid is the counterpart.

    "גוגל שילמה ל-Character.AI כ-2.7 מיליארד דולר" → Google.
    """
    return _pick(site, event.companies(""), "payer")


#: The rule for each deal frame.
DEAL_RULES = {"invest": invested_in, "stake": stake_holder, "buy": buyer, "supply": supplied,
              "sell": shares_sold, "raise": raiser, "pay": payer}


def deal_subject(site: Site) -> Decision:
    """The subject by the deal the number is part of (:data:`DEAL_RULES`), else NONE."""
    reading = read_parties(site)
    if reading is None:
        return NONE
    event = event_of(reading, site.qa)
    frame = frame_of(event, site.qa, site.qb)
    if not frame:
        return NONE
    found = DEAL_RULES[frame](site, event)
    return Decision(found.value, found.rule, {**found.extra, "deal": frame}) if found.value else NONE


def elided_subject(site: Site) -> Decision:
    """A clause that names no one (quotation marks do not end a clause here) continues the subject
    of the nearest clause before it that names one: that clause's first agent, not the nearest
    name (which is often a counterpart, an owner or a place).

    "מטא הפסידה 4.5 מיליארד דולר בחטיבת Reality Labs, והעלתה את תחזית ההוצאות ל-66 מיליארד
    דולר" → Meta for both.
    """
    reading = read_parties(site)
    if reading is None:
        return NONE
    ca, cb = clause_of(site)
    if any(ca <= p.a < cb and not p.source for p in reading.parties):
        return NONE
    event = event_of(reading, site.qa)
    agents = [p for p in event.agents() if p.b <= site.qa and p.type != "place"]
    if not agents:
        return NONE
    last = max(clause_at(site, p.a)[0] for p in agents)
    chosen = min((p for p in agents if clause_at(site, p.a)[0] == last), key=lambda p: p.a)
    return Decision(chosen.entity, "elided_subject", {"party": chosen})


# --------------------------------------------------------------------------- users, people of a place


def product_of_users(site: Site) -> Decision:
    """A count of users is about the product named before it in its event, or in its clause;
    else (by the next rules) the company.

    "מיקרוסופט הציבה יעד של 100 מיליון משתמשים ל-Copilot" → Copilot.
    """
    reading = read_parties(site)
    if reading is None or unit_metrics().get(site.unit) != "users":
        return NONE
    ca, cb = clause_of(site)
    products = [p for p in event_of(reading, site.qa).parties if p.type == "product" and not p.source
                and (p.b <= site.qa or ca <= p.a < cb)]
    return _pick(site, products, "product_of_users")


@functools.cache
def _demonyms(lang: str) -> tuple[dict[str, str], re.Pattern]:
    """The place of each people unit, and the words that set a count equal to a fortune."""
    spec = language(lang).load("parties")
    return dict(spec.get("demonyms") or {}), language(lang).words_regex(spec.get("equivalence") or [])


def people_of_place(site: Site) -> Decision:
    """A count of the people of a place is about the place, not about a person named nearby.

    "2 מיליון ישראלים משתמשים ב-ChatGPT, אמר סם אלטמן" → Israel. A count set equal to someone's
    fortune ("אילון מאסק = 2 מיליון ישראלים", "ההון של מאסק שקול להון של 2 מיליון ישראלים")
    measures that person: the rule does not apply.
    """
    if not site.lang:
        return NONE
    places, equal = _demonyms(site.lang)
    place = places.get(site.unit, "")
    if not place or equal.search(site.text, site.ctx.ns, site.ctx.ne):
        return NONE
    return Decision(place, "people_of_place")


def owner_after(site: Site) -> Decision:
    """The entity right after the number owns it: "500 עובדי OpenAI" → OpenAI."""
    named = named_subject(site)
    return named if named.rule == "owner_after" else NONE


def article_main_entity(site: Site) -> Decision:
    """Nothing named in the sentence: the article's most mentioned org, person or product."""
    return Decision(site.ctx.fallback, "article_main_entity") if site.ctx.fallback else NONE


#: The rules, in order: the first with a value wins (see the module).
RULES = (owner_after, people_of_place, product_of_users, deal_subject, elided_subject, named_subject,
         article_main_entity)


def subject_of(site: Site, decided: dict) -> Decision:
    """Whom the number is about (dates and years have none)."""
    if site.kind in ("date", "year"):
        return NONE
    return next((d for d in (rule(site) for rule in RULES) if d.value), NONE)
