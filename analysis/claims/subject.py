"""Subject: whom a number is about (``data/metrics.csv``, columns ``subject_is`` and ``subject_is_type``).

Two passes, each an ordered list of named rules (the first that decides wins; its name goes to the
claim's ``why``). The sentence is read as parties with roles, in events with deal frames
(:mod:`.parties`).

**What the sentence names** (:data:`RULES`, :func:`subject_of`, before the metric). The deal rules
(:data:`DEAL_RULES`, from ``invested_in`` to ``payer``) apply to a number whose event holds a deal
word, the one nearest the number deciding:

* ``owner_after``: the entity right after the number owns it (``500 עובדי OpenAI``);
* ``people_of_place``: a count of the people of a place is about the place (``2 מיליון
  ישראלים`` → Israel), never a person named nearby, unless the count is set equal to that
  person's fortune (``ההון של מאסק שקול להון של 2 מיליון ישראלים``) or counts the users of a
  product named in its clause (``ל-3 מיליון ישראלים יש חשבון באפליקציית ביט`` → Bit);
* ``respectively``: numbers listed before "respectively" go in order to the parties listed before
  them (``אמזון, גוגל ומיקרוסופט … 10, 15 ו-25 מיליארד דולר בהתאמה``);
* ``national_figure``: a figure of a state is the state's, whoever reports it: a state's
  indicator (inflation, reserves, the minimum wage, an exchange rate, ``השקל``) with no company
  named between it and the number, or a budget's figure (a deficit, exports, a sector) of a state
  named as the agent (``الحكومة التونسية``) or right after the word (``בייצוא הישראלי``); the place
  named or pointed to (an adjective), else the state of the figure's currency
  (``data/<lang>/parties.yaml``, ``national``);
* ``market_size``: money whose own noun is a market is the size of that market: the place named
  with it, else nobody, whoever estimates it;
* ``unnamed_party``: a number whose nearest agent is a company the text does not name (``شركة
  ناشئة كويتية``, ``منافستها``, "the company" as the object of another's clause) has no subject;
* ``product_of_users``: a count of users is about the product named (``100 מיליון משתמשים
  ל-Copilot`` → Copilot), else the company;
* ``invested_in``: money invested is about the company invested in (``השקיעה 13 מיליארד
  דולר ב-OpenAI`` → OpenAI; in a company the text does not name: nobody);
* ``stake_holder``: a stake is about its holder (``אחזקתו של מאסק ב-SpaceX`` → Elon Musk);
* ``buyer``: a commitment is about the buyer (``OpenAI התחייבה לרכוש מאורקל`` → OpenAI);
* ``supplied``: a supply deal is about the company supplied (``עסקה לאספקת שבבים ל-OpenAI``);
* ``shares_sold``: a share sale is about the company whose shares are sold;
* ``raiser``: a round (and its valuation) is about the company raising, not its investors; a
  round *in* a company (``قادت ASML جولة … في ميسترال``) is that company's;
* ``payer``: a payment is about who pays (``אפל שילמה לגוגל 20 מיליארד דולר`` → Apple);
  (the deal rules take the nearest party; agents carried over from the event before, the first
  of them: ``איל ולדמן עמד בראש מלאנוקס …, ובעשור האחרון השקיע``);
* ``sector_shares``: shares of a sector in a clause that names no one are nobody's
  (``מניות השבבים הישראליות נופלות ב-5%``);
* ``elided_subject``: a clause that names no one continues the subject of the last clause
  before it that names one, its first agent (``, והעלתה את התחזית ל-66 מיליארד דולר``); a clause
  of saying names none;
* ``same_clause_before`` / ``same_clause_after`` / ``sentence_before`` / ``sentence_after``:
  the nearest party in the number's clause, before it first (verb-first clauses name the subject
  after the verb), else elsewhere in the sentence; in a quotation, only what the quotation names.
  A company speaking may be the subject of its own figures (``נובה דיווחה כי הכנסותיה``); the
  other side of a deal ("with") never is. Investors, the owner of a name just before (``xAI של
  מאסק``), a party compared with (``بعد DeepSeek``, ``אחרי סינגפור``), a speaking company and a
  place rank last; a party after "in" (``בנאסד"ק``) and the company whose shares are meant rank
  after the rest.

**Settled by the metric** (:data:`SETTLE_RULES`, :func:`settle_subject`, once the metric is known):

* ``outside_analysis``: page furniture (a byline's comment counter) is about nobody;
* ``no_subject_metric``: so is a metric about nobody (reader comments);
* ``product_tier``: a product and a tier word the lexicon knows with it (``ChatGPT … Plus``);
* ``fits_metric``: the subject read stands when its type suits the metric (``subject_is_type``:
  a person for an age, a company for a valuation), or the metric says nothing;
* ``company_of``: a product or a person where a company is wanted stands for its company
  (``entities.csv``, ``company``: ChatGPT → OpenAI);
* ``fitting_party``: else the nearest party of the sentence that suits the metric (for a
  person's figure, a speaker too, even when nothing was read);
* ``maker_for_product``: a product's metric with only its maker named: the maker;
* ``the_source``: a metric about its source (a survey's size) takes the source named;
* ``coordinated_number``: a number joined to the one before by "and" or a comma, or compared with
  it (``לעומת``, ``مقابل``) in a clause naming no one, shares its subject;
* ``speaker_company``: a number in a quotation naming no one is about the speaker's company;
* ``place_alone``: a place named as agent or object where nothing else is named but sources
  stands whatever the metric (``עזבו את ישראל כ-8,300 עובדים``);
* ``earlier_sentence``: a metric that says whom it is about, and nothing suitable named: the
  suitable entity named last in the two sentences before;
* ``article_main_entity``: else the article's most mentioned suitable entity;
* ``no_fitting_subject``: else a subject read that does not suit the metric is dropped.

The guesses (``earlier_sentence``, ``article_main_entity``) need a metric that says whom it is
about and a sentence that names no agent, and never take a source or the other side of a deal the
sentence names. Outlets, sources named after "according to" and quoted people are never subjects
(but the source of a survey, and a person whose age is given); a place is taken only when nothing
else is named or the figure is a state's.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from ..corpus.mentions import entity_types
from ..text.langdata import DATA_DIR, language, read_csv
from ..text.normalize import normalize_word
from .codebook import unit_metrics
from .counting import OUTSIDE_SECTIONS
from .parties import (
    PARTY_TYPES,
    ArticleView,
    Event,
    Party,
    clause_at,
    clause_of,
    companies,
    event_of,
    frame_of,
    lead_role,
    listed_before,
    party_words,
    quotation_of,
    read_parties,
)
from .site import NONE, Decision, Site

__all__ = ["DEAL_RULES", "GUESSED_RULES", "RULES", "SETTLE_RULES", "companies", "first", "named_subject", "nearest", "settle_subject",
           "subject_kinds", "subject_of"]

_SUBJECT_TYPES = {"org": 0, "person": 0, "product": 0, "index": 0, "place": 1}
_RANKS = ("owner_after", "same_clause_before", "same_clause_after", "sentence_before", "sentence_after")


def nearest(site: Site, parties: list[Party]) -> tuple[int, Party] | None:
    """The party nearest the number, as (rank, party): right after it (0), in its clause before
    (1) or after it (2), elsewhere in the sentence before (3) or after it (4); within a rank, a
    party :func:`_demoted` comes after the rest, and an investor, an owner of the name before it,
    a party compared with, a company speaking or a place after all the others, wherever they are.
    A gershayim (נאסד"ק) does not end the clause."""
    ca, cb = _clause(site)
    best = None
    for p in parties:
        before = p.b <= site.qa
        if not before and p.a < site.qb or p.type not in _SUBJECT_TYPES:
            continue
        distance = site.qa - p.b if before else p.a - site.qb
        if not before and distance <= 1:
            rank = 0
        else:
            rank = (1 if before else 2) if ca <= p.a < cb else (3 if before else 4)
        demoted = _demoted(p)
        key = (demoted >= 3, rank, demoted, distance)
        if best is None or key < best[0]:
            best = (key, p)
    return (best[0][1], best[1]) if best else None


def _clause(site: Site) -> tuple[int, int]:
    """The number's clause, a gershayim not counted as a cut (``מניית טאואר ננעלה בנאסד"ק ב-44.8 דולר``)."""
    reading = read_parties(site)
    if reading is None:
        return site.ca, site.cb
    cuts = reading.cuts
    k = bisect_right(cuts, site.qa)
    return (cuts[k - 1] if k else site.ctx.ns), (cuts[k] if k < len(cuts) else site.ctx.ne)


def _speaking_companies(site: Site) -> set[str]:
    """Companies that speak in the sentence (a verb of saying, not "according to"): a company
    reporting its own figures may be their subject ("נובה דיווחה כי הכנסותיה …")."""
    return {a.entity for a in site.ctx.attributions if a.entity and a.how == "speaker"}


def _demoted(p: Party) -> int:
    """0 for a plain party; higher for a company whose shares are meant (1), a party after "in" (2:
    ``ננעלה בנאסד"ק``), an investor, an owner named after a name, a party compared with (``المرتبة
    الثانية بعد DeepSeek``), a company speaking and a place (3: taken only when nothing else is)."""
    if p.role in ("investors", "after") or p.owns_previous or p.type == "place" or p.source:
        return 3
    if p.role == "in":
        return 2
    return 1 if p.role == "shares" else 0


def named_subject(site: Site) -> Decision:
    """The subject named in the sentence by the proximity rules (see the module); read once per
    site (:func:`owner_after` asks first)."""
    if "named_subject" in site.memo:
        return site.memo["named_subject"]
    reading = read_parties(site)
    if reading is None:
        parties = [Party(ma, mb, m.entity, m.type) for ma, mb, m in site.ctx.mentions
                   if (m.start, m.end) not in site.ctx.source_spans and m.type in PARTY_TYPES]
    else:
        parties = _candidates(site, reading)
        quoted = quotation_of(site)
        if quoted:  # a number in a quotation is about what the quotation names (else its speaker's)
            parties = [p for p in parties if quoted[0] <= p.a < quoted[1]]
    found = nearest(site, parties)
    decision = site.memo["named_subject"] = \
        Decision(found[1].entity, _RANKS[found[0]], {"party": found[1]}) if found else NONE
    return decision


def _candidates(site: Site, reading) -> list[Party]:
    """The parties :func:`named_subject` chooses from (the same for every number of the sentence):
    not sources but a company speaking, not the other side of a deal ("ההסכם עם אמזון יכניס לחברה …")."""
    memo = site.ctx.memo
    if "candidates" not in memo:
        speaking = _speaking_companies(site)
        memo["candidates"] = [p for p in reading.parties if (not p.source or p.type == "org" and p.entity in speaking)
                              and p.role != "with"]
    return memo["candidates"]


def _in_sentence(site: Site, key: str, pattern: re.Pattern) -> bool:
    """Whether ``pattern`` is found anywhere in the sentence (read once per sentence: most sentences
    hold none of the words a rule looks for, and no clause of theirs does either)."""
    memo = site.ctx.memo
    if key not in memo:
        memo[key] = pattern.search(site.text, site.ctx.ns, site.ctx.ne) is not None
    return memo[key]


# --------------------------------------------------------------------------- deal rules


def first(*decisions: Decision) -> Decision:
    """The first decision with a value, else NONE."""
    return next((d for d in decisions if d.value), NONE)


def _pick(site: Site, parties: list[Party], rule: str) -> Decision:
    """The party nearest the number; of agents all inherited from an event before (none in the
    number's own), the first of the last clause that names one, as :func:`elided_subject` does
    ("איל ולדמן עמד בראש מלאנוקס …, ובעשור האחרון השקיע …" → Eyal Waldman)."""
    reading = read_parties(site)
    event = event_of(reading, site.qa) if reading is not None else None
    if parties and event is not None and all(not (event.a <= p.a < event.b) and not p.role for p in parties):
        agents = [p for p in parties if p.type != "place"] or parties  # "، ومقرها دبي،"
        last = max(clause_at(site, p.a)[0] for p in agents)
        chosen = min((p for p in agents if clause_at(site, p.a)[0] == last), key=lambda p: p.a)
        return Decision(chosen.entity, rule, {"party": chosen})
    found = nearest(site, parties)
    return Decision(found[1].entity, rule, {"party": found[1]}) if found else NONE


def invested_in(site: Site, event: Event) -> Decision:
    """Money put into a company is about that company (its investors are the counterpart).

    "מיקרוסופט השקיעה 13 מיליארד דולר ב-OpenAI" → OpenAI; "ضخت أمازون 4 مليارات دولار في
    أنثروبيك" → Anthropic. Money invested in a place, or in several companies the text does not name
    ("בחברות טכנולוגיה"), is about the investor (the agent); in one company it does not name ("في
    شركة جديدة"), about nobody.
    """
    held = [p for p in event.companies("in", "to") if p.type != "place"]
    unnamed = [p for p in read_parties(site).unnamed
               if p.type == "org" and p.role in ("in", "to") and event.a <= p.a < event.b]
    if unnamed and (not held or nearest(site, held + unnamed)[1].entity == ""):
        return Decision("", "invested_in", {"stands": True})  # "ضخ … 15 مليار ريال في شركة جديدة"
    return first(_pick(site, held, "invested_in"), _pick(site, event.companies(""), "invested_in"))


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
    return Decision(found.value, found.rule, {**found.extra, "deal": frame}) if found.value or found.extra.get("stands") \
        else NONE


def elided_subject(site: Site) -> Decision:
    """A clause that names no one (quotation marks do not end a clause here) continues the subject
    of the nearest clause before it that names one: that clause's first agent, not the nearest
    name (which is often a counterpart, an owner or a place); a clause of saying (``, אמר מנכ"ל
    אלפבית סונדאר פיצ'אי,``) names no subject.

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
    speaking = _speaking_clauses(site, reading)
    agents = [p for p in event.agents()
              if p.b <= site.qa and p.type != "place" and clause_at(site, p.a) not in speaking]
    if not agents:
        return NONE
    last = max(clause_at(site, p.a)[0] for p in agents)
    chosen = min((p for p in agents if clause_at(site, p.a)[0] == last), key=lambda p: p.a)
    return Decision(chosen.entity, "elided_subject", {"party": chosen})


def _speaking_clauses(site: Site, reading) -> set[tuple[int, int]]:
    """The clauses that name a source (``, אמר מנכ"ל אלפבית סונדאר פיצ'אי,``), read once per sentence."""
    memo = site.ctx.memo
    if "speaking_clauses" not in memo:
        memo["speaking_clauses"] = {clause_at(site, p.a) for p in reading.parties if p.source}
    return memo["speaking_clauses"]


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

    "2 מיליון ישראלים עברו לעבוד מהבית, אמר סם אלטמן" → Israel. A count set equal to someone's
    fortune ("אילון מאסק = 2 מיליון ישראלים", "ההון של מאסק שקול להון של 2 מיליון ישראלים")
    measures that person, and a count of the people who use a product named in its clause counts
    the product's users ("ל-3 מיליון ישראלים יש חשבון באפליקציית ביט" → Bit): the rule does not apply.
    """
    if not site.lang:
        return NONE
    places, equal = _demonyms(site.lang)
    place = places.get(site.unit, "")
    if not place or equal.search(site.text, site.ctx.ns, site.ctx.ne):
        return NONE
    reading = read_parties(site)
    ca, cb = clause_of(site)
    if reading is not None and any(p.type == "product" and not p.source and ca <= p.a < cb for p in reading.parties):
        return NONE
    return Decision(place, "people_of_place", {"stands": True})


# --------------------------------------------------------------------------- markets


@functools.cache
def _market(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The words for a market, the words before one that make it a company's
    (``data/<lang>/parties.yaml``, ``market``, ``market_not_after``), and any form of the first (:meth:`~analysis.text.langdata.Language.any_form`)."""
    data = language(lang)
    spec = data.load("parties")
    return (data.words_regex(spec.get("market") or []),
            re.compile(data.words_regex(spec.get("market_not_after") or []).pattern + r"\s*$"),
            language(lang).any_form(spec.get("market") or []))


def market_size(site: Site) -> Decision:
    """An amount of money whose own noun is a market is the size of that market: about the place
    named between the word and the number, else nobody, whoever estimates it ("והחברה מעריכה את שוק
    היעד בשלושה וחצי מיליארד דולר" → nobody); a company named there owns it ("שוק הענן של אמזון"),
    and a market after "in" is where a price is set ("מחיר שבב ה-H100 בשוק המשני")."""
    if site.kind != "money" or not site.lang:
        return NONE
    reading = read_parties(site)
    if reading is None:
        return NONE
    words, not_after, any_form = _market(site.lang)
    if not _in_sentence(site, "market", any_form):
        return NONE
    ca, _ = clause_of(site)
    found = [m for m in words.finditer(site.text, ca, site.qa)  # not "בשוק המשני" (where, not what)
             if not not_after.search(site.text, max(ca, m.start() - 12), m.start())
             and not lead_role(site.text, m.start("word"), ca, site.lang)]
    if not found:
        return NONE
    between = [p for p in reading.parties if found[-1].end() <= p.a < site.qa and not p.source]
    if any(p.type != "place" for p in between):
        return NONE
    return Decision(between[-1].entity if between else "", "market_size", {"stands": True})


# --------------------------------------------------------------------------- unnamed companies


def _unnamed_agents(site: Site) -> list[Party]:
    """The companies the sentence does not name that stand as agents: a word for one (``unnamed``)
    with no role, among the first four words of its clause (several: right after its verb, not
    "إنفاق الشركات") and not in apposition to a name before it ("OpenAI, חברה פרטית, …"); "the
    company" as an object no named company can be, for the clauses after its own; and "the
    company" left unresolved because one was meant."""
    reading = read_parties(site)
    if reading is None:
        return []
    text, out = site.text, []
    ends = {p.b for p in reading.parties}
    said = [a.end for a in site.ctx.attributions if a.clause]  # "قال أحد المستثمرين إن …": the clause said
    for u in reading.unnamed:
        ca, _ = clause_at(site, u.a)
        ca = max([ca] + [e for e in said if e <= u.a])
        head = text[ca:u.a].strip(" ,\u060c;:-\"\u00ab\u00bb")
        apposition = ca > site.ctx.ns and text[ca] in ",\u060c" and any(0 <= ca - e <= 1 for e in ends)
        if not u.role and len(head.split()) <= (3 if u.type == "org" else 1) and not apposition \
                or u.role == "object" and clause_at(site, u.a) != clause_of(site):  # "חוקרת את החברה, שלא פרסמה"
            out.append(u)
    taken = {(p.a, p.b) for p in reading.parties}
    for m in party_words(site.lang).anaphors.finditer(text, site.ctx.ns, site.ctx.ne):
        a, b = m.start("word"), m.end("word")
        if (a, b) not in taken and any(u.b <= a for u in reading.unnamed):
            out.append(Party(a, b, "", "org"))
    return out


def unnamed_party(site: Site) -> Decision:
    """A number whose agent is a company the text does not name has no subject, even when the
    sentence names companies elsewhere: the agent nearest before it in its event is an unnamed one
    ("أعلنت شركة ناشئة كويتية عن جولة بقيمة 3 ملايين د.ك", "بينما جمعت منافستها الصينية 12 مليار
    يوان", "חברת סטארט-אפ ישראלית גייסה 5 מיליון דולר")."""
    reading = read_parties(site)
    if reading is None or not reading.unnamed:
        return NONE
    event = event_of(reading, site.qa)
    named = [p for p in event.parties if not p.role and not p.source and not p.owns_previous]
    agents = [p for p in named + _unnamed_agents(site) if event.a <= p.a and (p.b <= site.qa or p.a == site.qa)]
    last = max(agents, key=lambda p: p.a, default=None)
    return Decision("", "unnamed_party", {"stands": True}) if last is not None and not last.entity else NONE


# --------------------------------------------------------------------------- respectively


@functools.cache
def _respectively(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """The words for "respectively" (``data/<lang>/parties.yaml``, ``respectively``), and any of their
    forms (:meth:`~analysis.text.langdata.Language.any_form`)."""
    words = language(lang).load("parties").get("respectively") or []
    return language(lang).words_regex(words), language(lang).any_form(words)


def respectively(site: Site) -> Decision:
    """Numbers listed before "respectively" go, in order, to the parties listed before them, when
    the two lists are as long: "אמזון, גוגל ומיקרוסופט הודיעו על השקעות של 10, 15 ו-25 מיליארד
    דולר בהתאמה" → Amazon, Google, Microsoft; "تعهدت أمازون وغوغل بضخ 7 و8 مليارات دولار على التوالي"
    → Amazon, Google. Parties named each in a clause of its own: the agents named last ("واستغرق
    Pinduoduo 10 أشهر واستغرق WeChat عامًا، ليحتل المرتبة الرابعة والخامسة على التوالي")."""
    if not site.lang:
        return NONE
    words, any_form = _respectively(site.lang)
    if not _in_sentence(site, "respectively", any_form):
        return NONE
    word = words.search(site.text, site.qb, site.ctx.ne)
    if word is None:
        return NONE
    spans = sorted(site.norm.to_normalized(q.start, q.end) for q in site.ctx.quantities)
    listed = [(a, b) for a, b in spans if b <= word.start()]
    conjunctions = party_words(site.lang).conjunctions
    run = listed[-1:]
    for a, b in reversed(listed[:-1]):  # numbers joined by a comma or "and" only ("10, 15 ו-25")
        gap = site.text[b:run[0][0]].strip(" ,\u060c-")
        if gap and gap.rstrip("-") not in conjunctions and not _only_prefix(site.lang, gap):
            break
        run.insert(0, (a, b))
    k = next((i for i, (a, b) in enumerate(run) if a <= site.qa < b), None)
    parties = listed_before(site, run[0][0]) if run else []
    if run and len(parties) < len(run):  # each named in a clause of its own: the agents named last
        reading = read_parties(site)
        agents = [p for p in reading.parties if p.b <= run[0][0] and not p.role and not p.source
                  and not p.owns_previous and p.type != "place"] if reading else []
        parties = agents[-len(run):]
    if k is None or len(run) < 2 or len(parties) != len(run):
        return NONE
    return Decision(parties[k].entity, "respectively", {"party": parties[k]})


def _only_prefix(lang: str, letters: str) -> bool:
    """Whether ``letters`` are attached prefixes only ("ו-ב", "ו")."""
    letters = letters.replace("-", "")
    return bool(letters) and "".join(language(lang).prefix_parts(letters)) == letters


# --------------------------------------------------------------------------- national figures


@dataclass(frozen=True)
class _National:
    """The words of :func:`national_figure` (``data/<lang>/parties.yaml``, ``national``)."""

    indicators: re.Pattern  # a state's own figures (inflation, reserves, an exchange rate)
    state_figures: re.Pattern  # figures a company has too (a budget, a deficit, exports)
    state: re.Pattern  # the state as agent (the government, the ministry of finance)
    places: re.Pattern  # the names of places and the words that point to one
    place_of: dict[str, str]  # matched form → place
    currencies: dict[str, str]  # ISO 4217 → place
    any_cue: re.Pattern  # any form of the three kinds of cues above (:meth:`~analysis.text.langdata.Language.any_form`)


@functools.cache
def _national(lang: str) -> _National:
    data = language(lang)
    spec = data.load("parties").get("national") or {}
    types = entity_types()
    rows = read_csv(DATA_DIR / "common" / "aliases.csv") + data.csv("aliases")
    words = {r["alias"]: r["entity"] for r in rows if types.get(r["entity"]) == "place"}
    words.update({w: place for place, ws in (spec.get("place_words") or {}).items() for w in ws or ()})
    places, place_of = data.lookup(words)
    cues = [spec.get(kind) or [] for kind in ("indicators", "state_figures", "state")]
    return _National(*(data.words_regex(c) for c in cues), places, place_of, dict(spec.get("currencies") or {}),
                     language(lang).any_form([w for c in cues for w in c]))


def _blocks(p: Party) -> bool:
    """Whether a party takes a figure from the state: a company, person or product named as an
    agent, an owner or a recipient (not a lender "from", the company whose shares are sold, a party
    compared with, a place or a source)."""
    return not p.source and not p.owns_previous and p.type != "place" and \
        p.role not in ("from", "shares", "after", "with", "investors")


def _national_cue(site: Site, event: Event, words: _National) -> int | None:
    """Where the words that make the number a national figure start (see :func:`national_figure`), or None."""
    lo = event.a
    if event.coordinated and event.previous is not None and not event.agents():
        lo = event.previous.a  # ", וחצתה את רף …": the clause continues the event before
    text, qa = site.text, site.qa
    parties = [p for p in read_parties(site).parties if lo <= p.a < site.ctx.ne and _blocks(p)]
    strong = _last(words.indicators.finditer(text, lo, qa))
    if strong:
        a = strong.start("word")
        return a if not any(a <= p.a < qa for p in parties) else None
    if any(p.a < event.b for p in parties):  # a party of the event
        return None
    state = words.state.search(text, lo, qa)
    if state:
        return state.start("word")
    # a place right after the word: "תקציב ערב הסעודית", "בייצוא הישראלי"
    placed = [m for m in words.state_figures.finditer(text, lo, qa)
              if m.end() < qa and words.places.match(text, m.end() + 1)]
    return placed[-1].start("word") if placed else None


def _last(matches):
    """The last of ``matches`` (None when there is none)."""
    last = None
    for last in matches:
        pass
    return last


def _state_place(site: Site, words: _National, start: int) -> str:
    """The state of a national figure whose cue starts at ``start``: a place named (or pointed to)
    between the cue and the number, the state of the number's currency, a place after the number
    in its clause, else elsewhere in the sentence, else the state of another figure's currency."""
    text, ctx = site.text, site.ctx
    ca, cb = clause_of(site)

    def found(lo: int, hi: int, last: bool) -> str:
        hits = list(words.places.finditer(text, lo, hi))
        return words.place_of[(hits[-1] if last else hits[0]).group("word")] if hits else ""

    return (found(start, site.qa, True) or words.currencies.get(site.unit, "") or found(site.qb, cb, False)
            or found(ctx.ns, start, True) or found(cb, ctx.ne, False)
            or next((words.currencies[u] for q in ctx.quantities for u in (q.unit, *q.candidates)
                     if u in words.currencies), ""))


def national_figure(site: Site) -> Decision:
    """A figure of a state is about the state, whoever reports or forecasts it: the number's own
    noun is one of a state's indicators (inflation, reserves, the minimum wage, an exchange rate)
    with no company named between it and the number, or a budget's figure (a budget, a deficit, a
    sector's exports) of a state named as the agent or right after the word, in an event that names
    no company, person or product. The state is the place named between the cue and the number,
    else the state whose currency the figure is counted in, else the place the sentence names.

    "שכר המינימום בטורקיה עומד על 22,104 לירות" → Turkey; "توقع بنك المغرب نمو الاقتصاد الوطني
    بنسبة 3,2%" → Morocco; "قدرت وزارة المالية العجز بنحو 6.3 مليار دينار" (KWD) → Kuwait.
    """
    reading = read_parties(site)
    if reading is None or site.kind in ("date", "year"):
        return NONE
    words = _national(site.lang)
    if not _in_sentence(site, "national", words.any_cue):
        return NONE
    start = _national_cue(site, event_of(reading, site.qa), words)
    if start is None:
        return NONE
    place = _state_place(site, words, start)
    return Decision(place, "national_figure", {"stands": True}) if place else NONE


def owner_after(site: Site) -> Decision:
    """The entity right after the number owns it: "500 עובדי OpenAI" → OpenAI."""
    named = named_subject(site)
    return named if named.rule == "owner_after" else NONE


@functools.cache
def _shares_words(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """The words for shares (``data/<lang>/parties.yaml``, ``markers``, ``shares``), and any of their
    forms (:meth:`~analysis.text.langdata.Language.any_form`)."""
    words = (language(lang).load("parties").get("markers") or {}).get("shares") or []
    return language(lang).words_regex(words), language(lang).any_form(words)


def sector_shares(site: Site) -> Decision:
    """Shares of a sector, not of a company (a word for shares followed by a noun with the article,
    not a name), in a clause that names no one but where they trade: nobody ("מניות השבבים הישראליות נופלות
    ב-5%", "تراجعت أسهم البنوك 3%")."""
    reading = read_parties(site)
    if reading is None:
        return NONE
    shares, any_form = _shares_words(site.lang)
    if not _in_sentence(site, "shares", any_form):
        return NONE
    ca, cb = _clause(site)
    if any(ca <= p.a < cb and not p.source and p.type != "place" and p.role != "in" for p in reading.parties):
        return NONE  # a place or an exchange is where the shares trade ("בבורסה בתל אביב", "في ناسداك")
    article = _article(site.lang)
    for m in shares.finditer(site.text, ca, site.qa):
        rest = site.text[m.end():site.qa]
        start = m.end() + len(rest) - len(rest.lstrip(' "\u00ab-'))
        if site.text.startswith(article, start) and not any(p.a == start for p in reading.parties):
            return Decision("", "sector_shares", {"stands": True})
    return NONE


@functools.cache
def _article(lang: str) -> tuple[str, ...]:
    """The language's definite articles (``data/<lang>/parties.yaml``, ``article``), normalized."""
    return tuple(normalize_word(a) for a in language(lang).load("parties").get("article") or ())


#: The rules that read what the sentence names, in order: the first that decides wins (see the module).
RULES = (owner_after, people_of_place, respectively, national_figure, market_size, unnamed_party, product_of_users, deal_subject, sector_shares, elided_subject, named_subject)


def subject_of(site: Site, decided: dict) -> Decision:
    """Whom the number is about by what its sentence names (dates and years have none); settled
    by :func:`settle_subject` once the metric is known."""
    if site.kind in ("date", "year"):
        return NONE
    for rule in RULES:
        d = rule(site)
        if d.value or d.rule:
            return d
    return NONE


# --------------------------------------------------------------------------- settled by the metric


@functools.cache
def subject_kinds() -> dict[str, tuple[str, ...]]:
    """Metric → the entity types its subject may have, preferred first (``data/metrics.csv``,
    ``subject_is_type``): ``()`` when any named entity may be (and none is guessed), ``("none",)``
    when the metric has no subject; ``source`` stands for the source the sentence names."""
    return {r["metric"]: tuple(filter(None, (r.get("subject_is_type") or "").split("|")))
            for r in read_csv(DATA_DIR / "metrics.csv")}


def _type(site: Site, name: str, party: Party | None = None) -> str:
    if party is not None:
        return party.type
    return entity_types().get(name) or next((m.type for _, _, m in site.ctx.mentions if m.entity == name), "org")


def _fits(kind: str, kinds: tuple[str, ...], entity: str = "") -> bool:
    """Whether an entity of type ``kind`` may be the subject of a metric whose subject has one of
    ``kinds``; a product the lexicon gives no company stands for its company (Cursor, Manus)."""
    if not kinds or kind in kinds:
        return True
    return kind == "product" and "org" in kinds and bool(entity) and entity not in companies()


def outside_analysis(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A number of page furniture (a byline's comment counter "רוי שיינמן | (1)", reader comments,
    related links: :data:`~analysis.claims.counting.OUTSIDE_SECTIONS`) is about nobody."""
    view = site.ctx.article
    outside = isinstance(view, ArticleView) and view.section in OUTSIDE_SECTIONS
    return Decision("", "outside_analysis") if outside else None


def no_subject_metric(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A metric about nobody (page furniture: reader comments, ``תגובות לכתבה (1)``) has no subject."""
    return Decision("", "no_subject_metric") if kinds == ("none",) else None


def fits_metric(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A subject named in the sentence stands when its type suits the metric (``metrics.csv``,
    ``subject_is_type``): a person for an age, a company for a valuation, a product for a
    specification; any named entity when the metric says nothing or is unknown. The people of a
    place (:func:`people_of_place`) and a sector's shares (:func:`sector_shares`, nobody) stand
    whatever the metric."""
    if found.extra.get("stands"):  # a place's people, a sector's shares: whatever the metric
        return found
    if found.value and _fits(_type(site, found.value, found.extra.get("party")), kinds, found.value):
        return found
    return None


_LATIN = re.compile(r"[a-z][a-z0-9+]*")


def product_tier(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A product followed, before the number, by a word that with its name names another product
    the lexicon knows is that product: "أطلقت ChatGPT خيار اشتراك Plus مقابل 20 دولارًا" → ChatGPT Plus."""
    party = found.extra.get("party")
    if party is None or party.type != "product" or party.b > site.qa:
        return None
    products = _products()
    for m in _LATIN.finditer(site.text, max(party.b, _clause(site)[0]), site.qa):
        name = products.get(f"{found.value} {m.group()}".lower())  # the normalized copy is in lower case
        if name:
            return Decision(name, "product_tier", {"party": party})
    return None


@functools.cache
def _products() -> dict[str, str]:
    """Product names in lower case → as the lexicon writes them."""
    return {e.lower(): e for e, t in entity_types().items() if t == "product"}


def company_of(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A product or a person where the metric wants a company stands for its company (``entities.csv``,
    ``company``): "ChatGPT ... بتقييم 500 مليار دولار" → OpenAI; "GPT-5 ... حدث البث المباشر
    الذي استمر 12 يومًا" → OpenAI."""
    company = companies().get(found.value)
    if found.value and company and "org" in kinds and _type(site, found.value, found.extra.get("party")) not in kinds:
        return Decision(company, "company_of", {"of": found.value})
    return None


def fitting_party(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """The subject named does not suit the metric: the nearest party of the sentence that does
    ("המייסד של "טבולה ראסה", אורי כהן, בן 34" → אורי כהן, not the company). A person's figure (an
    age, a tenure) may be a speaker's, and is looked for when nothing was named ("סם אלטמן, בן 40,
    הודיע כי …")."""
    personal = kinds == ("person",)
    if not found.value and not personal or not kinds:
        return None
    reading = read_parties(site)
    if reading is None:
        return None
    parties = [p for p in reading.parties if (not p.source or personal) and _fits(p.type, kinds, p.entity)]
    quoted = quotation_of(site)
    if quoted:
        parties = [p for p in parties if quoted[0] <= p.a < quoted[1]]
    got = nearest(site, parties)
    return Decision(got[1].entity, "fitting_party", {"party": got[1]}) if got else None


def maker_for_product(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A metric of a product (downloads, retention) in a sentence that names no product but its
    maker: the company stands for its product ("האפליקציה של לייטריקס חצתה את רף 10 מיליון
    ההורדות" → Lightricks)."""
    if "product" not in kinds or "org" in kinds or not found.value:
        return None
    if _type(site, found.value, found.extra.get("party")) != "org":
        return None
    return Decision(found.value, "maker_for_product", found.extra)


def coordinated_number(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A number joined to the one before it by a conjunction or a comma only takes its subject
    ("הונו שקול להון של 1 מיליון אמריקאים ו-2 מיליון ישראלים": both about the same fortune), and
    so does a number the one before is compared with, in a clause that names no one ("1.2 מיליון
    ישראלים החזיקו במטבעות קריפטו ב-2024, לעומת 2.35 מיליון בשיא של 2021")."""
    end, decision = site.ctx.memo.get("settled", (0, NONE))
    if not decision.value or end > site.qa:
        return None
    gap = site.text[end:site.qa].strip(" -,\u060c\u00a0")
    conjunctions = party_words(site.lang).conjunctions if site.lang else ()
    if not gap or gap in conjunctions:
        return Decision(decision.value, "coordinated_number")
    return Decision(decision.value, "coordinated_number") if _compared(site) else None


@functools.cache
def _compared_with(lang: str) -> re.Pattern:
    """Comparison words ending right before a number (``data/<lang>/roles.yaml``, ``compared_with``)."""
    words = language(lang).load("roles").get("compared_with") or []
    return re.compile(language(lang).words_regex(words).pattern + r"[\s\-]*$")


def _compared(site: Site) -> bool:
    """Whether the number stands right after a comparison word in a clause that names no one."""
    if not site.lang or not _compared_with(site.lang).search(site.text, max(site.ctx.ns, site.qa - 25), site.qa):
        return False
    reading = read_parties(site)
    ca, cb = clause_of(site)
    return reading is not None and not any(ca <= p.a < cb and not p.source for p in reading.parties)


def speaker_company(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A number in a quotation that names no one who suits the metric (one a company may be the
    subject of, or an unknown one) is about the speaker's company: the company speaking, the
    company of the person speaking (``entities.csv``, ``company``), else the company named last in
    the sentences before (where the speaker was introduced): "«نخطط لمضاعفة هذا الرقم»" after
    "قال ..., رئيس ... في صندوق الاستثمارات العامة" → PIF."""
    if kinds and "org" not in kinds or not quotation_of(site):
        return None  # "«אני בן 40»" is no company's age
    for _, name, _ in site.ctx.sources:
        chosen = _as_company(name, entity_types().get(name, ""), ("org",))
        if chosen:
            return Decision(chosen, "speaker_company")
    return _from_earlier(site, ("org",), "speaker_company")


def _as_company(name: str, kind: str, kinds: tuple[str, ...]) -> str:
    """``name`` if its type suits ``kinds``, else its company if that suits, else ''."""
    if _fits(kind, kinds, name):
        return name
    company = companies().get(name, "")
    return company if company and "org" in kinds else ""


def _from_earlier(site: Site, kinds: tuple[str, ...], rule: str) -> Decision | None:
    view = site.ctx.article
    if not isinstance(view, ArticleView):
        return None
    credited = _credited(site)
    for _, _, _, m in reversed(view.earlier):
        if m.type not in PARTY_TYPES and not (m.type == "outlet" and "outlet" in kinds) or m.entity in credited:
            continue
        chosen = _as_company(m.entity, m.type, kinds)
        if chosen:
            return Decision(chosen, rule, {"from": m.entity})
    return None


def the_source(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A metric about the source (who ran a survey) takes the source the sentence names, else the
    research firm or outlet named before the number: "أجرت شركة Menlo Ventures دراسة استقصائية
    شملت 600 من صناع القرار" → Menlo Ventures; "גרטנר ערכה סקר שכלל 2,000 משתתפים" → Gartner."""
    if "source" not in kinds:
        return None
    named = next((name for _, name, _ in site.ctx.sources if name), "")
    named = named or next((m.entity for ma, mb, m in reversed(site.ctx.mentions)
                           if mb <= site.qa and m.type in kinds and m.type != "place"), "")
    return Decision(named, "the_source") if named else None


def earlier_sentence(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """Nothing in the sentence suits a metric that says whom it is about: the entity named last in
    the (two) sentences before that suits it, or its company ("... בספייסX ... לאחרונה היו דיווחים
    על עסקאות בשווי של 800 מיליארד דולר" → SpaceX). An unknown metric guesses nothing."""
    return _from_earlier(site, kinds, "earlier_sentence") if kinds and not _names_agent(site) else None


def _names_agent(site: Site) -> bool:
    """Whether the sentence names a party with no role (an agent) other than a source or a place:
    then an unsuited subject is dropped, not guessed from elsewhere."""
    reading = read_parties(site)
    return reading is not None and any(not p.role and not p.source and not p.owns_previous and p.type != "place"
                                       for p in reading.parties)


def _credited(site: Site) -> set[str]:
    """The sources the number's sentence credits and the other sides of its deals (investors, a
    party "with"): never a guessed subject of its figures."""
    reading = read_parties(site)
    others = {p.entity for p in reading.parties if p.role in ("with", "investors")} if reading else set()
    return others | {name for _, name, _ in site.ctx.sources if name}


def place_alone(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A place named as an agent or an object (no "in", "from", "to" before it) in a sentence that
    names no company, person or product but its sources stands whatever the metric: "עזבו את ישראל
    כ-8,300 עובדי הייטק, לפי נתוני רשות החדשנות" → Israel."""
    party = found.extra.get("party")
    if party is None or party.type != "place" or party.role:
        return None
    reading = read_parties(site)
    others = [p for p in reading.parties if p.type != "place" and not p.source] if reading else []
    return Decision(found.value, "place_alone", found.extra) if not others else None


def article_main_entity(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """Still nothing: the article's most mentioned entity that suits the metric, or the company of
    its most mentioned product. An unknown metric guesses nothing."""
    view = site.ctx.article
    if not kinds or not isinstance(view, ArticleView) or _names_agent(site):
        return None
    credited = _credited(site)
    for name, kind in view.ranked:
        chosen = _as_company(name, kind, kinds) if name not in credited else ""
        if chosen:
            return Decision(chosen, "article_main_entity", {"from": name})
    return None


def no_fitting_subject(site: Site, found: Decision, kinds: tuple[str, ...]) -> Decision | None:
    """A subject named that suits the metric in no way is dropped ("طالب جامعي يبلغ من العمر 20
    عامًا" next to Gemini: an age of nobody named)."""
    return Decision("", "no_fitting_subject") if found.value else NONE


#: The rules that settle the subject once the metric is known, in order (see the module).
SETTLE_RULES = (outside_analysis, no_subject_metric, product_tier, fits_metric, company_of, fitting_party,
                maker_for_product, the_source,
                coordinated_number, speaker_company, place_alone,
                earlier_sentence, article_main_entity, no_fitting_subject)

#: Settle rules whose subject is not named in the number's sentence but guessed from outside it
#: (an earlier sentence, the article's main entity, the speaker's company): a comparison of
#: sources must not treat such a subject as stated.
GUESSED_RULES = frozenset({"earlier_sentence", "article_main_entity", "speaker_company"})


def settle_subject(site: Site, decided: dict) -> Decision:
    """The subject read from the sentence (:func:`subject_of`), settled by the metric decided
    since (:data:`SETTLE_RULES`)."""
    found = decided["subject"]
    if site.kind in ("date", "year"):
        return found
    kinds = subject_kinds().get(decided["metric"].value, ())
    for rule in SETTLE_RULES:
        settled = rule(site, found, kinds)
        if settled is not None:
            break
    site.ctx.memo["settled"] = (site.qb, settled)  # the sentence's last number settled (coordinated_number)
    return settled
