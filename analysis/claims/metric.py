"""Metric: what a number measures, from cue words and counted nouns, as the codebook allows.

Every number owns the metric cues of its own phrase (:meth:`_Reading.owner`): a cue belongs to
the figure it introduces, the next figure of its clause that one of its metrics may describe
("גייסה 40 מיליארד לפי שווי של 300 מיליארד": ``גייסה`` is the 40's, ``לפי שווי`` the 300's; a
word of building is not the cue of a duration after it), unless it is the complement written
right after a figure ("49% ממניות", "רבע מהשוק", "590 מיליארד דולר משווי השוק"; but "X مقابل حصة
49%": a complement without "from" right before the next figure introduces it); a cue after the
last figure of its clause is that figure's ("תשקיע 10 מיליארד בהקמת מרכזי נתונים"); a cue in a
clause without figures belongs to none, and a word inside a name ("صندوق الاستثمارات العامة") is
no cue. A cue counts for a claim only with a metric that allows the claim's kind and, for metrics
with a ``cue_window`` (age, tenure …), the distance (``data/metrics.csv``); the type of a subject
named in the sentence chooses among a cue's metrics (שווה: a person's net worth, a company's
valuation). Words listed under ``none`` in ``data/<lang>/cues.yaml`` say what a figure measures
when no metric does (a profit, a dividend, a loan, reserves, an exchange rate: see
:data:`~analysis.claims.codebook.NO_METRIC`); they are cues like the others, and a figure they
decide has no metric.

Rules, in order (the first that applies wins):

* ``counted_only``: a count of users, customers, subscribers or downloads is that metric, whatever
  verb stands before it ("تستهدف استقطاب 200 ألف مشترك");
* ``cue_next_to_number``: an own cue just before the number (within ``_NEAR`` characters), else
  the number's counted noun or the complement right after it when a cue word ("תפטר 6,000
  עובדים" is departures, "500 עובדי OpenAI" employees); for a share, the whole it is "of" first
  ("קמטק מחזיקה ברבע מהשוק": market share);
* ``share_of_company``: a percent right before "of <company>" is a stake ("42% מספייסX");
* ``signed_move``: a percent with its sign right after a company's name is its shares' move
  ("טאואר -3.2%, נובה -5.7%");
* ``own_cue``: the nearest own cue farther away, before the number first, then after it;
* ``counted_noun``: the number's counted noun names a metric (users, employees, executives);
* ``previous_figure``: a figure without a cue of its own continues the figure before it when no
  other cue stands between them ("צנחה ב-17% ל-118 דולר", "7 ו-8 מיליארד", "הכנסות של 57
  מיליארד, עלייה של 62%", "צמיחה של 33% בהכנסות, ל-972 מיליון דולר");
* ``next_figure``: … else the figure after it in its clause, of its kind ("10% העליונים מחזיקים
  ב-70% מהעושר");
* ``nearest_cue``: the nearest cue of the sentence that no figure owns (in a clause without
  figures: "ההון של מאסק … : 19.8% ממניות טסלה").

Otherwise the metric stays empty: a cue another figure owns is never borrowed, and a count of
a noun no metric names ("107 صفحات", "780 מיליון שאילתות") borrows nothing.

A cue naming several metrics (a word of worth: בשווי, قيمتها; of investment: השקיעה, ضخت; of
holding: מחזיקה, حصة) takes the one that ``phrase_decides`` (another cue of the number's phrase,
or the cue of the figure before it: "19.8% ממניות טסלה בשווי 290 מיליארד" → stake), else
``in_company`` (a company named after "in", in the phrase or after another word of investment of
the sentence: "השקיעה 10 מיליארד ב-OpenAI" → funding_round, "حصة 27% في OpenAI" → stake), else
``sentence_decides`` (another cue of the sentence, not one a figure of another kind reads), else
the first listed (``data/<lang>/cues.yaml`` lists them in order: money invested is spent money
until its phrase says in what).

The metric the chosen cue gives is then refined, the first refinement that applies naming itself
in the claim's ``why``:

* ``not_in_codebook``: a ``none`` word that is the figure's nearest cue before it or after it
  ("רשמה רווח של", "גייסה 5 מיליארד בהנפקת אג"ח"), or the thing whose worth is given ("נכסים
  בשווי 925 מיליארד"), leaves the metric empty;
* ``cost_estimate``: a valuation word after a word of cost ("עלות ההקמה … מוערכת ב-") is the cost;
* ``share_of_shares``: a share written right before "shares" ("ثلاثة أرباع الأسهم") is a stake;
* ``narrower_cue``: a broad metric gives way to a narrower one its phrase, or the phrase of the
  list it opens, names (spending on data centres is capex, paying per user a price; revenue at an
  annual pace is the run rate);
* ``narrower_as_before``: … or the one the figure of its kind before it names, when no one else
  is named between them ("ستنفق 60 مليار على النفقات الرأسمالية، بعد أن بلغت نفقاتها 39.2 مليار");
* ``stake_value``: a valuation after a holding named earlier in the phrase is the holding's
  worth ("אחזקה ששוויה מוערך ב-2 מיליארד" → stake);
* ``funding_to_date``: money raised with a to-date cue in its phrase (מאז הקמתה, على عدة
  جولات, בשני סבבים) is the total raised;
* ``share_sale_valuation``: a valuation or share price in a sentence about a share sale is the
  share sale's (the valuation it implies), unless a funding round is named in between;
* ``private_market_value``: a "market value" in a sentence about a funding round is a private
  company's valuation;
* ``listed_value``: a valuation in a sentence about a listed company's market (its market value,
  its shares trading) is its market value;
* ``value_change``: a value with a verb of change in its clause, read after "by" and not "to"
  nor as an end of a change "from X to Y" ("שוויה התכווץ ב-311 מיליארד", not "ירד ל-430
  מיליארד"), or a percent of a market value, is a change of market value: a market value change
  is never a valuation.

Last, the metric decided is checked against the sentence (:data:`_CHECKS`):

* ``unfit_subject``: a company's metric (revenue, a loss, a funding round, a valuation) is none
  when the subject named is a country or its government (tax revenue, a budget deficit, a loan);
* ``no_payer``: a wage or a bonus with no company named to pay it is a wage level, no metric;
* ``staff_moves``: a count or share of staff read from its counted noun or complement, after a
  word that says staff leave or are hired, counts those leaving or hired ("سرحت سويفل اكثر من الف
  موظف", "תפטר כ-6,000 עובדים, כ-3% מכוח האדם שלה").

A to-date cue (מאז, עד כה, منذ) only qualifies money raised: beside a cue of another metric in
the number's phrase ("ההכנסות מאז ינואר") it gives way.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from ..corpus.mentions import entity_types
from ..text.langdata import language
from ..text.normalize import normalize_word
from .codebook import NO_METRIC, codebook, unit_metrics
from .cues import Cue
from .site import NONE, Decision, Site

__all__ = ["RULES", "RULE_NAMES", "metric_of"]

_NEAR = 12  # characters: a metric cue this close before the number beats its counted noun
_RIGHT_AFTER = 3  # characters: a complement this close after the number is its own ("49% ממניות")


@functools.cache
def _into(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """"In" before a company invested in or held (attached prefixes or words), and words that name a
    company the lexicon may not know ("בחברת", "في شركة"): ``invested_in`` in ``data/<lang>/parties.yaml``."""
    spec = language(lang).load("parties").get("invested_in", {}) if lang else {}
    return (tuple(normalize_word(w) for w in spec.get("prefixes", [])),
            tuple(normalize_word(w) for w in spec.get("words", [])))


@functools.cache
def _conjunctions(lang: str) -> tuple[str, ...]:
    """The words for "and" (``conjunctions`` in ``data/<lang>/parties.yaml``)."""
    spec = language(lang).load("parties") if lang else {}
    return tuple(normalize_word(w) for w in spec.get("conjunctions") or ())


_COMPANY_TYPES = frozenset({"org", "product"})
_FUNDING = frozenset({"funding_round", "total_funding"})
#: a broad metric and the narrower ones a cue of its phrase may name
_NARROWER = {"spend": ("capex", "commitment", "training_cost", "hiring_cost", "price"),
             "revenue": ("revenue_run_rate",)}
_SHARE_SALE_READINGS = frozenset({"valuation", "stock_price"})
_MARKET = frozenset({"market_value", "stock_price"})  # cues of a listed company's market
_HOLDING_WORTH = frozenset({"valuation", "market_value", "net_worth"})  # what the worth of a holding reads as
_VALUES = frozenset({"valuation", "market_value"})
_GENERIC_UNITS = frozenset({"", "count"})
_STAFF_MOVES = ("departures", "hiring")  # what happens to staff: a headcount's figure may count them
_STAFF_KINDS = frozenset({"count", "number", "percent"})  # figures that may count staff
_COSTS = frozenset({"spend", "capex"})  # what a cost "estimated at" is
_PAID = frozenset({"hiring_cost"})  # what a company pays: no metric without a company named to pay it
#: metrics whose counted noun decides: a count of theirs is one of them whatever verb stands before
#: it ("تستهدف استقطاب 200 ألف مشترك")
_COUNTED_ONLY = frozenset({"users", "downloads"})
_SIGNS = frozenset("+-\u2212")  # a percent's sign in a market table
_CLAIM_KINDS = {"number": "count", "range": "count"}  # a quantity's kind as a claim's (see extract._kind_unit)
_VERB_KINDS = frozenset({"multiplier", "rank"})  # figures that may be a verb (تضاعفت): what follows is no complement


@dataclass(frozen=True)
class _Option:
    """A cue as one figure sees it, with the metrics it allows for this claim (lexicon order)."""

    cue: Cue
    metrics: tuple[str, ...]
    side: str  # "at" (in the number's span: its counted noun), "before", "right_after" or "after"
    distance: int


@functools.cache
def _words(lang: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(partitive "from" words, "to" words, prepositional prefixes) from a language's data."""
    data = language(lang)
    changes = data.load("cues").get("changes", {})
    froms = tuple(normalize_word(w) for w in changes.get("from", []))
    tos = tuple(normalize_word(w) for w in changes.get("to", []))
    articles = {normalize_word(w) for w in data.load("numbers").get("article", [])}
    prepositions = tuple(u for u in data.prefix_units if u not in froms and u not in articles)
    return froms, tos, prepositions


@functools.cache
def _whole_word(word: str) -> re.Pattern:
    """``word`` as a whole word."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


class _Reading:
    """The figures of the claim's sentence, the cues each owns, and what this claim allows."""

    def __init__(self, site: Site, decided: dict):
        self.site = site
        self.text = site.text
        self.memo = site.ctx.memo.setdefault("metric", {})  # what every claim of the sentence reads
        self.book = codebook()
        self.order = site.cues.lexicon.metric_order
        self.froms, self.tos, self.prepositions = _words(site.lang) if site.lang else ((), (), ())
        # a subject guessed from the article (not named in the sentence) does not restrict the metric
        named = decided["subject"].value if decided["subject"].rule != "article_main_entity" else ""
        self.subject_type = entity_types().get(named, "")
        party = decided["subject"].extra.get("party")
        #: the type of the subject named, a name the lexicon does not know being a company's, and a
        #: company the text does not name ("החברה") a company too ("" when none)
        self.subject_kind = ((self.subject_type or getattr(party, "type", "") or "org") if named
                             else "org" if decided["subject"].rule == "unnamed_party" else "")
        self.cues = self.named_cues()
        self.cuts = self.clause_cuts()
        self._owned: dict[int, list[_Option]] = {}
        self.figures, self.units, self.kinds, self.owners = self.layout()
        self.me = next(k for k, (a, b) in enumerate(self.figures) if a <= site.qa and site.qb <= b)

    def layout(self) -> tuple[list, list, list, list]:
        """The sentence's figures (this claim's number among them), their units and kinds, and the
        figure owning each cue: the same for every claim of the sentence, so read once (kept in the context's ``memo``)."""
        site = self.site
        memo = self.memo
        if "spans" not in memo:
            memo["spans"] = {site.norm.to_normalized(q.start, q.end): q for q in site.ctx.quantities
                             if q.kind not in ("date", "year")}
        spans = memo["spans"]
        extra = None if any(a <= site.qa and site.qb <= b for a, b in spans) else (site.qa, site.qb)
        key = extra and (*extra, site.q.kind, site.q.unit)
        if key not in memo:
            spans = spans if extra is None else {**spans, extra: site.q}
            self.figures = sorted(spans)
            self.kinds = [spans[f].kind for f in self.figures]
            self.figure_clauses = [self.clause(a) for a, _ in self.figures]
            memo[key] = (self.figures, [spans[f].unit or "" for f in self.figures], self.kinds,
                         [self.owner(cue) for cue in self.cues])
        return memo[key]

    # --- where things are ---------------------------------------------------------------------

    def named_cues(self) -> list[Cue]:
        """The sentence's metric cues, but words inside a name ("صندوق الاستثمارات العامة", "جهاز قطر
        للاستثمار", "קרן העושר הקטארית"): a name says who, not what is measured."""
        memo = self.memo
        if "cues" not in memo:
            names = [(a, b) for a, b, _ in self.site.ctx.mentions]
            memo["cues"] = [c for c in self.site.ctx.metric_cues
                            if not any(a <= c.start and c.end <= b for a, b in names)]
        return memo["cues"]

    def clause_cuts(self) -> list[int]:
        """The sentence's clause cuts, but a mark inside a word or a number: gershayim ("ש"ח", "אג"ח")
        and a thousands separator ("6,000")."""
        memo = self.memo
        if "cuts" not in memo:
            text = self.text

            def inside(c: int) -> bool:
                if not 0 < c < len(text) - 1:
                    return False
                a, mark, b = text[c - 1], text[c], text[c + 1]
                return mark == '"' and a.isalpha() and b.isalpha()  # (digit groups are no cuts already)

            memo["cuts"] = [c for c in self.site.ctx.cuts if not inside(c)]
        return memo["cuts"]

    def clause(self, pos: int) -> int:
        return bisect_right(self.cuts, pos)

    def right_after(self, b: int, cue: Cue) -> bool:
        """Whether ``cue`` is the complement written right after a figure ending at ``b``: after
        at most a "from" word ("ממניות", "من قيمتها"), and not introduced by a preposition."""
        between = self.text[b:cue.start]
        gap = between.strip(" -\u05be")
        if len(between.strip()) > _RIGHT_AFTER:
            return False
        if gap:
            return gap in self.froms or self.attached_from(between)
        word = self.text[cue.start:cue.end]
        return not any(word.startswith(p) for p in self.prepositions)

    def attached_from(self, between: str) -> bool:
        """Whether ``between`` (what stands between a figure and a cue) ends in a prefix attached to
        the cue that begins with "from" ("רבע מהשוק": מה)."""
        if not self.site.lang or between[-1:].isspace():
            return False
        gap = between.split()[-1] if between.split() else ""
        parts = language(self.site.lang).prefix_parts(gap)
        return bool(parts) and parts[0] in self.froms and "".join(parts) == gap.rstrip("-\u05be")

    def owner(self, cue: Cue) -> int | None:
        """The figure that owns ``cue`` (see the module's docstring), or None: among the figures of
        its clause that one of its metrics may describe ("לבנות מרכזי נתונים" is not the cue of the
        duration after it)."""
        clause = self.clause(cue.start)
        mine = [k for k, c in enumerate(self.figure_clauses) if c == clause]
        for k in mine:
            a, b = self.figures[k]
            if cue.start < b and a < cue.end and self.describes(cue, k):
                return k
        before = [k for k in mine if self.figures[k][1] <= cue.start]
        after = [k for k in mine if self.figures[k][0] >= cue.end]
        if before and self.kinds[before[-1]] not in _VERB_KINDS and self.right_after(self.figures[before[-1]][1], cue):
            # a complement without "from" right before the next figure introduces it ("X مقابل حصة 49%")
            words = self.text[self.figures[before[-1]][1]:cue.end].replace("-", " ").split()
            partitive = any(words[0] == f or (len(f) == 1 and words[0].startswith(f)) for f in self.froms)
            if partitive or not (after and self.figures[after[0]][0] - cue.end <= _NEAR):
                return before[-1]
        before = [k for k in before if self.describes(cue, k)]
        after = [k for k in after if self.describes(cue, k)]
        if after:
            return after[0]
        return before[-1] if before else None

    # --- what a cue allows --------------------------------------------------------------------

    def describes(self, cue: Cue, figure: int) -> bool:
        """Whether one of the metrics of ``cue`` allows the kind of ``figure``."""
        kind = _CLAIM_KINDS.get(self.kinds[figure], self.kinds[figure])
        return any(kind in self.book[m].kinds for m in cue.key)

    def allowed(self, cue: Cue, distance: int) -> tuple[str, ...]:
        """The metrics of ``cue`` that allow the claim's kind and, within their window, the distance;
        the type of the subject chooses among them (שווה: a person's net worth, a company's
        valuation) but vetoes no cue's only reading (:func:`_unfit_subject` checks the metric
        decided)."""
        book, kind = self.book, self.site.kind
        out = tuple(m for m in cue.key if kind in book[m].kinds
                    and (book[m].window is None or distance <= book[m].window))
        if not self.subject_type:  # every metric fits
            return out
        return tuple(m for m in out if self.fitting(m)) or out

    def option(self, i: int, figure: int) -> _Option | None:
        """Cue ``i`` as figure ``figure`` sees it, or None when it allows nothing for this claim."""
        cue = self.cues[i]
        a, b = self.figures[figure]
        if cue.start < b and a < cue.end:
            side, distance = "at", 0
        elif cue.end <= a:
            side, distance = "before", a - cue.end
        else:
            side = "right_after" if self.right_after(b, cue) else "after"
            distance = cue.start - b
        metrics = self.allowed(cue, distance)
        return _Option(cue, metrics, side, distance) if metrics else None

    def owned(self, figure: int) -> list[_Option]:
        """The usable cues ``figure`` owns; a to-date cue gives way to a cue of another metric
        (read once per figure: the rules and refinements ask again)."""
        if figure not in self._owned:
            options = [o for i, k in enumerate(self.owners) if k == figure and (o := self.option(i, figure))]
            if any(len(o.metrics) == 1 and o.metrics[0] not in _FUNDING for o in options):
                options = [o for o in options if o.metrics != ("total_funding",)]
            self._owned[figure] = options
        return list(self._owned[figure])

    def shared(self, figure: int) -> list[_Option]:
        """The cues of ``figure`` this claim may share: those that introduce it (before it) or follow
        it after a preposition ("צמיחה של 33% בהכנסות, ל-972 מיליון דולר"), and its complements when
        both figures are of a kind ("30% מהכנסותיה … 5%", not "32.1 مليون سهم … 5.83 مليار دولار");
        a metric whose cue must stand close to its number (``cue_window``: an age) only within that
        distance of this claim's number too."""
        same = self.kinds[figure] == self.site.q.kind
        out = [o for i, k in enumerate(self.owners)
               if k == figure and (o := self.option(i, figure)) and (o.side in ("before", "after") or same)]
        # a metric read only next to its number (an age: "בן 55") is not shared beyond its window
        return [_Option(o.cue, kept, o.side, o.distance) for o in out
                if (kept := tuple(m for m in o.metrics if self.book[m].window is None
                                  or self.reach(o.cue) <= self.book[m].window))]

    def reach(self, cue: Cue) -> int:
        """Characters between ``cue`` and this claim's number."""
        return self.site.qa - cue.end if cue.end <= self.site.qa else max(cue.start - self.site.qb, 0)

    def free(self) -> list[_Option]:
        """The usable cues of the sentence that no figure owns, as this claim's number sees them."""
        out = []
        for cue, k in zip(self.cues, self.owners):
            if k is not None:
                continue
            before = cue.end <= self.site.qa
            distance = self.site.qa - cue.end if before else cue.start - self.site.qb
            if metrics := self.allowed(cue, distance):
                out.append(_Option(cue, metrics, "before" if before else "after", distance))
        return out

    def fits(self, option: _Option) -> bool:
        """Whether ``option`` names a metric the type of the subject named in the sentence allows."""
        if not self.subject_type:  # every metric fits
            return bool(option.metrics)
        return any(self.fitting(m) for m in option.metrics)

    def fitting(self, metric: str) -> bool:
        """Whether the type of the subject named in the sentence (if any) suits ``metric``."""
        if not self.subject_type:
            return True
        types = self.book[metric].subject_types
        return not types or self.subject_type in types

    def pick(self, options: list[_Option]) -> _Option | None:
        """The option a figure reads: the nearest before it, else in or right after it, else after it;
        one that fits the subject first ("הונו של הואנג מוערך ב-": net worth, not a valuation)."""
        options = [o for o in options if self.fits(o)] or options
        for sides in (("before",), ("at", "right_after"), ("after",)):
            chosen = [o for o in options if o.side in sides]
            if chosen:
                return min(chosen, key=lambda o: (o.distance, self.order.index(o.metrics[0])))
        return None

    def of_whole(self, option: _Option) -> bool:
        """Whether ``option`` is the whole a share is "of" ("ממניות", "מהשוק", "من أسهمها")."""
        between = self.text[self.site.qb:option.cue.start]
        return (between.strip(" -\u05be") in self.froms or self.attached_from(between)
                or any(self.text.startswith(f, option.cue.start) for f in self.froms if len(f) == 1))

    def own_noun(self) -> bool:
        """Whether the claim counts a noun of its own that no metric names ("107 صفحات", "780 מיליון
        שאילתות"), or is a percent of one ("70% מהקיבולת"): such a claim borrows no cue."""
        kind, unit = self.site.kind, self.site.unit
        if kind == "count" and unit not in _GENERIC_UNITS:
            return True
        if kind not in ("count", "percent"):
            return False
        words = self.text[self.site.qb:self.site.qb + 40].replace("-", " ").split()
        if not words or not words[0][:1].isalpha() or self.text[self.site.qb:self.site.qb + 1] not in " -":
            return False
        first = words[0]
        w0 = self.site.qb + 1
        if any(c.start < w0 + len(first) and c.end > w0 for c in self.cues):
            return False  # the word after it is a cue ("32.1 مليون سهم")
        if kind == "percent":  # "X% of <noun>": a "from" word, alone or attached
            alone = first in self.froms and len(words) > 1 and words[1][:1].isalpha()
            return alone or any(first.startswith(f) and len(first) > len(f) + 1 for f in self.froms)
        into, _ = _into(self.site.lang or "")
        return not any(first.startswith(f) for f in self.froms + self.tos + tuple(into))

    # --- refining a cue's metric ----------------------------------------------------------------

    def decide(self, option: _Option, rule: str, figure: int) -> Decision:
        """The metric ``option`` gives this claim (see :meth:`resolve`), then refined by the first of
        :data:`_REFINEMENTS` that applies."""
        metric, rule = self.resolve(option, rule, figure)
        for refine in _REFINEMENTS:
            if (better := refine(self, option, metric, figure)) is not None:
                return Decision(better, refine.__name__.lstrip("_"))
        return Decision(metric, rule)

    def names(self, cue: Cue, metric: str) -> bool:
        """Whether ``cue`` names ``metric`` and nothing else this claim allows."""
        return self.allowed(cue, 0) == (metric,)

    def resolve(self, option: _Option, rule: str, figure: int) -> tuple[str, str]:
        """The one metric of an option (a cue naming several takes help, see the docstring)."""
        if len(option.metrics) == 1:
            return option.metrics[0], rule
        choices = set(option.metrics)
        own = sorted(self.owned(figure), key=lambda o: o.distance)
        phrase = [o for o in own if o.side == "before"]
        if figure > 0 and self.continues(figure):
            phrase += sorted(self.owned(figure - 1), key=lambda o: o.distance)
        phrase += [o for o in own if o.side != "before"]
        for other in phrase:
            if len(other.metrics) == 1 and other.metrics[0] in choices and other.cue != option.cue:
                return other.metrics[0], "phrase_decides"
        if "stake" in choices and figure > 0 and self.continues(figure) and self.of_company(figure - 1):
            return "stake", "phrase_decides"
        if "funding_round" in choices and (self.company_in(option.cue, figure) or self.invested_in_company()):
            return "funding_round", "in_company"
        if "stake" in choices and self.held_in(option.cue, figure):
            return "stake", "in_company"
        for cue, k in zip(self.cues, self.owners):
            if k is not None and self.kinds[k] != self.kinds[self.me]:
                continue  # the cue of a figure of another kind reads otherwise there ("ותגייס אליו אלף מהנדסים")
            allowed = self.allowed(cue, 0)
            if cue != option.cue and len(allowed) == 1 and allowed[0] in choices:
                return allowed[0], "sentence_decides"
        return option.metrics[0], rule

    def continues(self, figure: int) -> bool:
        """Whether ``figure`` sits in the clause of the figure before it, or the clause after."""
        here, there = self.clause(self.figures[figure][0]), self.clause(self.figures[figure - 1][0])
        return here - there <= 1

    def of_company(self, figure: int) -> bool:
        """Whether "of <company>" follows ``figure`` ("42% מספייסX")."""
        _, b = self.figures[figure]
        following = [(ms, m) for ms, _, m in self.site.ctx.mentions if ms >= b]
        if not following:
            return False
        ms, m = min(following, key=lambda x: x[0])
        gap = self.text[b:ms].strip(" -\u05be")
        return m.type in _COMPANY_TYPES and bool(gap) and gap in self.froms

    def company_in(self, cue: Cue, figure: int) -> bool:
        """Whether a company is named after "in" between ``cue`` and the end of the figure's phrase
        (the next figure or its clause's end): what was invested in ("ב-OpenAI", "في شركة «لوجيكا»")."""
        start, end, clause = cue.end, self.phrase_end(figure), self.clause(self.figures[figure][0])
        into, companies = _into(self.site.lang or "")
        for word in companies:  # "בחברת", "في شركة": a company the lexicon may not know
            for at in (m.start() for m in _whole_word(word).finditer(self.text[start:end])):
                if self.clause(start + at) == clause:
                    return True
        for ms, _, m in self.site.ctx.mentions:
            if not (start <= ms < end and self.clause(ms) == clause and m.type in _COMPANY_TYPES):
                continue
            words = self.text[max(start, ms - 12):ms].replace("-", " ").split()
            if (words and words[-1] in into) or (not words and self.text[ms - 1:ms] in into):
                return True
        return False

    def invested_in_company(self) -> bool:
        """Whether the sentence names a company invested in, after a word of investment of another
        figure ("תשקיע 100 מיליארד ב-OpenAI …, כשההשקעה הראשונה, בסך 10 מיליארד")."""
        for cue, k in zip(self.cues, self.owners):
            if k is not None and k != self.me and "funding_round" in cue.key and "spend" in cue.key \
                    and self.company_in(cue, k):
                return True
        return False

    def listed_after(self, figure: int) -> list[int]:
        """The figures listed after ``figure``, of its kind, with only commas and "and" between them
        ("10, 15 ו-25 מיליארד", "7 و8 مليارات")."""
        out, k = [], figure
        conjunctions = _conjunctions(self.site.lang or "")
        while k + 1 < len(self.figures) and self.kinds[k + 1] == self.kinds[figure]:
            gap = self.text[self.figures[k][1]:self.figures[k + 1][0]].strip(" ,\u060c-\u05be")
            if gap and gap not in conjunctions:
                break
            k += 1
            out.append(k)
        return out

    def agent_between(self, lo: int, hi: int) -> bool:
        """Whether an entity is named between ``lo`` and ``hi``, not after "in" ("في الولايات المتحدة")."""
        into, _ = _into(self.site.lang or "")
        for ms, _, m in self.site.ctx.mentions:
            if lo <= ms < hi:
                words = self.text[max(lo, ms - 12):ms].replace("-", " ").split()
                if not ((words and words[-1] in into) or self.text[ms - 1:ms] in into):
                    return True
        return False

    def phrase_end(self, figure: int) -> int:
        """Where the phrase of ``figure`` ends: at the next figure or at the end of its clause."""
        cuts = self.cuts
        k = self.clause(self.figures[figure][0])
        end = cuts[k] if k < len(cuts) else self.site.ctx.ne
        if figure + 1 < len(self.figures):
            end = min(end, self.figures[figure + 1][0])
        return end

    def held_in(self, cue: Cue, figure: int) -> bool:
        """Whether "in" follows a holding cue within the figure's phrase ("حصة 27% في الشركة")."""
        end = self.phrase_end(figure)
        into, _ = _into(self.site.lang or "")
        words = self.text[cue.end:end].replace("-", " ").split()
        return self.company_in(cue, figure) or any(w in into for w in words if len(w) > 1)

    def in_share_sale(self, option: _Option) -> bool:
        """Whether a share sale is named before ``option`` in the sentence, and no funding round
        (a word of investment is none) between it and the number."""
        sales = [c for c in self.cues if c.key[0] == "share_sale" and c.end <= option.cue.start]
        if not sales:
            return False
        start = sales[-1].end
        return not any("funding_round" in c.key and "spend" not in c.key and start <= c.start < self.site.qa
                       for c in self.cues)

    def value_changed(self, option: _Option) -> bool:
        """Whether a verb of change stands in the number's clause before it, and the number is not
        read after "to" ("התכווץ ב-311 מיליארד", "ارتفعت قيمتها السوقية بنحو", not "ירד ל-430")."""
        if option.cue.end > self.site.qa or self.site.role:
            return False  # an end of a change "from X to Y" is a level
        verbs = self.site.cues.find("change_verbs", self.site.ca, self.site.qa)
        if not verbs:
            return False
        words = self.text[verbs[-1].end:self.site.qa].replace("-", " ").split()
        return not any(w in self.tos for w in words[-2:])

    def borrowable(self, figure: int) -> bool:
        """Whether this claim may take the cue of ``figure``: no cue it does not own stands between
        them (cues that allow it nothing, "מלקוחות" before a sum, stand aside), and the claim counts
        no noun of its own."""
        if self.own_noun() and (self.site.kind != "count" or self.units[figure] != self.site.unit):
            return False
        if figure < self.me:
            lo, hi = self.figures[figure][1], self.figures[self.me][0]
        else:
            lo, hi = self.figures[self.me][1], self.figures[figure][0]
        return not any(lo <= c.start < hi and k != figure and self.allowed(c, 0)
                       for c, k in zip(self.cues, self.owners))


# --- the rules -----------------------------------------------------------------------------------


def _counted_only(r: _Reading) -> Decision | None:
    """A count of users, customers, subscribers or downloads (its counted noun) is that metric,
    whatever verb stands before it ("تستهدف استقطاب 200 ألف مشترك")."""
    counted = _counted_noun_of(r.site)
    return Decision(counted.value, "counted_only") if counted and counted.value in _COUNTED_ONLY else None


def _cue_next_to_number(r: _Reading) -> Decision | None:
    """An own cue just before the number (within ``_NEAR`` characters), else the number's counted
    noun or the complement right after it, when a cue word."""
    own = r.owned(r.me)
    near = [o for o in own if o.side in ("at", "right_after") or (o.side == "before" and o.distance <= _NEAR)]
    if r.subject_kind != "place" and any(r.fits(o) for o in own) and not any(r.fits(o) for o in near):
        return None  # a cue farther away fits the subject (a place's figure is checked after: _unfit_subject)
    if r.site.kind == "percent":  # a share of a whole: the whole decides ("מחזיקה ברבע מהשוק")
        near = [o for o in near if o.side == "right_after" and r.of_whole(o)] or near
    chosen = r.pick(near)
    return r.decide(chosen, "cue_next_to_number", r.me) if chosen else None


def _share_of_company(r: _Reading) -> Decision | None:
    """A percent right before "of <company>" is a stake in it ("42% מספייסX")."""
    if r.site.kind == "percent" and r.of_company(r.me):
        return Decision("stake", "share_of_company")
    return None


def _signed_move(r: _Reading) -> Decision | None:
    """A percent written with its sign right after the name of a company is the move of its shares
    (a market table: "טאואר -3.2%, נובה -5.7%", "Tower Semiconductor -5.62%")."""
    if r.site.kind != "percent" or r.text[r.site.qa:r.site.qa + 1] not in _SIGNS:
        return None
    before = [(me, m) for _, me, m in r.site.ctx.mentions if me <= r.site.qa]
    if not before:
        return None
    end, mention = max(before, key=lambda x: x[0])
    if mention.type == "org" and not r.text[end:r.site.qa].strip(" :\u05be"):
        return Decision("share_price_change", "signed_move")
    return None


def _own_cue(r: _Reading) -> Decision | None:
    """The nearest own cue farther away: before the number first, then after it."""
    options = r.owned(r.me)
    if r.own_noun():
        options = [o for o in options if o.side != "after"]
    chosen = r.pick(options)
    return r.decide(chosen, "own_cue", r.me) if chosen else None


def _previous_figure(r: _Reading) -> Decision | None:
    """A figure without a cue of its own continues the figure before it (over figures without
    cues) when no other cue, nor a verb of saying, stands between them (see :meth:`_Reading.shared`)."""
    me = r.figures[r.me][0]
    for prev in range(r.me - 1, -1, -1):
        if not r.borrowable(prev):
            return None
        if r.clause(r.figures[prev][0]) != r.clause(me) and r.site.cues.find("speech", r.figures[prev][1], me):
            return None
        chosen = r.pick(r.shared(prev))
        if chosen:
            return r.decide(chosen, "previous_figure", prev)
        if any(k == prev for k in r.owners):
            return None
    return None


def _next_figure(r: _Reading) -> Decision | None:
    """… else the figure after it in its clause, of its kind, when no other cue stands between them
    (a growth rate before a sum of revenue is no revenue)."""
    nxt = r.me + 1
    if (nxt >= len(r.figures) or r.clause(r.figures[nxt][0]) != r.clause(r.figures[r.me][0])
            or r.kinds[nxt] != r.kinds[r.me] or not r.borrowable(nxt)):
        return None
    chosen = r.pick(r.shared(nxt))
    return r.decide(chosen, "next_figure", nxt) if chosen else None


def _nearest_cue(r: _Reading) -> Decision | None:
    """The nearest cue of the sentence that no figure owns (a clause without figures), before the
    number first: a clause before it states the topic, one after it an afterthought."""
    options = r.free()
    if not options or r.own_noun():
        return None
    chosen = min(options, key=lambda o: (o.side != "before", o.distance, r.order.index(o.metrics[0])))
    return r.decide(chosen, "nearest_cue", r.me)


def _counted_noun(r: _Reading) -> Decision | None:
    """The number's counted noun names a metric (users, employees, executives)."""
    return _counted_noun_of(r.site)


# --- the refinements: (reading, option, its metric, the figure owning it) -> a better metric or None --


def _not_in_codebook(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """A figure introduced by a word that says what it measures when no metric of the codebook does
    (a profit, a dividend, a loan, reserves: ``none`` in ``data/<lang>/cues.yaml``) has no metric,
    whatever other cue its phrase holds, when that word is the figure's nearest cue before it or
    after it ("גייסה 5 מיליארד דולר בהנפקת אג"ח"; but "קרן העושר QIA הקצתה 3.7 מיליארד")."""
    if metric == NO_METRIC:
        return ""
    own = r.owned(figure)
    if not any(o.metrics == (NO_METRIC,) for o in own):
        return None  # no such word among the figure's cues
    if len(option.metrics) > 1 and any(o.side == "before" and o.distance > option.distance
                                       and o.metrics == (NO_METRIC,) for o in own):
        return ""  # the worth of what no metric measures ("נכסים בשווי 925 מיליארד")
    for before in (True, False):
        nearest = min((o for o in own if (o.side == "before") == before), key=lambda o: o.distance, default=None)
        if nearest is not None and nearest.metrics == (NO_METRIC,):
            return ""
    return None


def _cost_estimate(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """A cost "estimated at" (a word that names only a valuation, after a word of cost in its phrase:
    "עלות ההקמה … מוערכת ב-") is the cost, not a valuation."""
    if metric != "valuation" or option.side != "before" or len(option.metrics) > 1:
        return None
    costs = [o.metrics[0] for o in r.owned(figure) if o.side == "before" and o.distance > option.distance
             and len(o.metrics) == 1 and o.metrics[0] in _COSTS]
    return ("capex" if "capex" in costs else costs[0]) if costs else None


def _worth_of_wealth(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """A worth in a sentence that names no company or product but speaks of someone's fortune
    ("השווי הנוכחי של 500 מיליארד דולר, נקבל שהונו שקול ל…", "قيمة ثروته …") is that fortune: a
    valuation needs a company to be the worth of."""
    if metric != "valuation":
        return None
    ctx = r.site.ctx
    if any(m.type in ("org", "product", "index") for _, _, m in ctx.mentions):
        return None
    fortune = [c for c in r.cues if tuple(c.key) == ("net_worth",)]
    return "net_worth" if fortune else None


def _share_of_shares(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """A share written right before "shares" ("عُشر أسهم الشركة", "ثلاثة أرباع الأسهم") is a stake of
    them, not a move of their price."""
    if metric == "share_price_change" and option.side == "right_after" and figure == r.me:
        return "stake"
    return None


def _narrower_cue(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """A broad metric gives way to a narrower one its phrase names, or the phrase of the list it
    opens (spending on data centres is capex: "השקעות של 10, 15 ו-25 מיליארד דולר בהתאמה בחוות
    שרתים"; paying per user a price; revenue at an annual pace is the run rate)."""
    if metric not in _NARROWER:
        return None
    own = [o for k in (figure, *r.listed_after(figure)) for o in r.owned(k)]
    return next((n for n in _NARROWER[metric] if any(o.metrics == (n,) for o in own)), None)


def _narrower_as_before(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """… else the narrower one the figure of its kind before it in the sentence names, when no one
    else is named between them but after "in" (spending after capital spending: "ستنفق 60 مليار
    دولار على النفقات الرأسمالية، بعد أن بلغت نفقاتها 39.2 مليار"; but "رصدت جيبوتي … لكابل بحري،
    وخصصت جزر القمر …")."""
    if metric not in _NARROWER:
        return None
    before = [k for k in range(figure) if r.kinds[k] == r.kinds[figure]]
    if not before:
        return None
    lo, hi = r.figures[before[-1]][1], r.figures[figure][0]
    if r.agent_between(lo, hi):
        return None
    own = r.owned(before[-1])
    return next((n for n in _NARROWER[metric] if any(o.metrics == (n,) for o in own)), None)


def _stake_value(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """A valuation after a holding named earlier in its phrase is the holding's worth ("אחזקה
    ששוויה מוערך ב-2 מיליארד")."""
    if metric in _HOLDING_WORTH and any(o.side == "before" and o.distance > option.distance and "stake" in o.metrics
                                        for o in r.owned(figure)):
        return "stake"
    return None


def _funding_to_date(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """Money raised with a to-date cue in its phrase (מאז הקמתה, منذ تأسيسها) is the total raised."""
    if metric == "funding_round" and any(o.metrics == ("total_funding",) for o in r.owned(figure)):
        return "total_funding"
    return None


def _share_sale_valuation(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """A valuation or share price in a sentence about a share sale is the share sale's (the
    valuation it implies), unless a funding round is named in between."""
    return "share_sale" if metric in _SHARE_SALE_READINGS and r.in_share_sale(option) else None


def _private_market_value(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """A "market value" in a sentence about a funding round is a private company's valuation."""
    if metric == "market_value" and any(r.names(c, "funding_round") for c in r.cues):
        return "valuation"
    return None


def _listed_value(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """A worth in a sentence about a listed company's market (its market value, its shares
    trading: "עלה למקום הראשון בשווי השוק, עם שווי של 78 מיליארד", "מניותיה נסחרות לפי שווי של")
    is its market value, unless the sentence names a funding round or a share sale."""
    if metric != "valuation" or not any(set(c.key) & _MARKET for c in r.cues):
        return None
    if any(r.names(c, "funding_round") or r.names(c, "share_sale") for c in r.cues):
        return None
    return "market_value"


def _value_change(r: _Reading, option: _Option, metric: str, figure: int) -> str | None:
    """A value with a verb of change in its clause, read after "by" and not "to" nor as an end of a
    change "from X to Y", or a percent of a market value, is a change of market value: a market
    value change is never a valuation."""
    if metric in _VALUES and (r.site.kind == "percent" or r.value_changed(option)):
        return "market_value_change"
    return None


# --- the checks: (reading, the decision) -> another decision or None ----------------------------------


def _unfit_subject(r: _Reading, found: Decision) -> Decision | None:
    """A metric about a company (revenue, a loss, a funding round, a valuation: ``subject_types`` in
    ``data/metrics.csv`` without ``place``) is none when the subject named is a country or its
    government: a state's tax revenue, a budget deficit, a loan to a state have none."""
    types, kind = r.book[found.value].subject_types, r.subject_kind
    if types and kind == "place" and "place" not in types:
        return Decision("", "unfit_subject")
    return None


def _no_payer(r: _Reading, found: Decision) -> Decision | None:
    """A wage or a bonus (``hiring_cost``, what a company pays) with no company named to pay it is
    the wage level of an economy or a trade, which no metric measures."""
    if found.value in _PAID and r.subject_kind not in _COMPANY_TYPES:
        return Decision("", "no_payer")
    return None


def _staff_moves(r: _Reading, found: Decision) -> Decision | None:
    """A count or a share of staff read from its counted noun or the complement after it ("350
    موظفا", "3% מכוח האדם") after a word, in its clause or in the clause of the figure it follows,
    saying that staff leave or are hired ("תפטר", "سرحت", "عيّن") counts those who leave or are hired;
    a headcount introduced as one ("מעסיקה 5,000 עובדים") stays the headcount, and so does a share
    of staff a word after it says may leave ("95% מהעובדים מאיימים לעזוב")."""
    if found.value != "employees" or any(o.side == "before" and "employees" in o.metrics for o in r.owned(r.me)):
        return None
    here = r.clause(r.site.qa)
    lo = here - 1 if r.me > 0 and here - r.clause(r.figures[r.me - 1][0]) == 1 else here
    for cue, k in zip(r.cues, r.owners):
        moves = [m for m in r.allowed(cue, 0) if m in _STAFF_MOVES]
        if not moves or cue.end > r.site.qa or not lo <= r.clause(cue.start) <= here:
            continue
        # a word another figure reads otherwise ("שגייסה 10 מיליון דולר") says nothing of staff
        if k is None or k == r.me or (r.describes(cue, k) and r.kinds[k] in _STAFF_KINDS):
            return Decision(moves[0], "staff_moves")
    return None


#: The rules, in order: the first that applies decides.
RULES = (_counted_only, _cue_next_to_number, _share_of_company, _signed_move, _own_cue, _counted_noun,
         _previous_figure, _next_figure, _nearest_cue)
#: The refinements of the metric a rule read from a cue, in order: the first that applies decides.
_REFINEMENTS = (_not_in_codebook, _cost_estimate, _worth_of_wealth, _share_of_shares, _narrower_cue, _narrower_as_before, _stake_value,
                _funding_to_date, _share_sale_valuation, _private_market_value, _listed_value, _value_change)
#: The checks of the metric decided, in order: the first that applies decides.
_CHECKS = (_unfit_subject, _no_payer, _staff_moves)
#: Every name a claim's ``why`` may give as ``metric:<name>``.
RULE_NAMES = (tuple(f.__name__.lstrip("_") for f in RULES) + ("phrase_decides", "in_company", "sentence_decides")
              + tuple(f.__name__.lstrip("_") for f in _REFINEMENTS + _CHECKS))


def metric_of(site: Site, decided: dict) -> Decision:
    """The metric of a number (dates and years have none)."""
    if site.kind in ("date", "year"):
        return NONE
    if not site.cues:
        return _counted_noun_of(site) or NONE
    reading = _Reading(site, decided)
    for rule in RULES:
        if (found := rule(reading)) is not None:
            if found.value:
                return next((c for check in _CHECKS if (c := check(reading, found))), found)
            return found
    return NONE


def _counted_noun_of(site: Site) -> Decision | None:
    """Rule ``counted_noun`` (also for a text in a language without cue words)."""
    by_unit = unit_metrics().get(site.unit or "", "")
    return Decision(by_unit, "counted_noun") if by_unit else None
