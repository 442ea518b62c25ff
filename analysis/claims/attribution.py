"""Attribution: who the text credits for a number.

The sentence's sources are found once (:func:`analysis.claims.context.find_sources` and
:func:`~analysis.claims.context.carry_sources`: the speaker of a verb of saying, the source after
"according to", a report's publisher, a speaker continued from before, a denial, an unnamed source);
these rules decide which of them covers the number. Rules, in order:

* ``according_to_after`` / ``speaker_after`` / ``speaker_continued``: a source set off after the
  figures it covers ("…800 מיליון משתמשים, הכריז סם אלטמן", "…، وفقًا لما نقلته صحيفة The
  Information", "«…»، הוסיף") covers the number before it, unless a source that opens a statement
  of its own stands between them. It is the last hop, so it wins over a verb before the number
  ("אנבידיה צופה ש… 500 מיליארד דולר, אמר ג'נסן הואנג" is Huang's);
* ``source_before`` (named by how the source was found: ``according_to_before``, ``speaker_before``,
  ``report_source``, ``speaker_continued``, ``report_continued``, ``quotation_speaker``): the nearest
  source before the number that reaches it: "according to", a report and a quotation reach the end
  of the sentence; a verb of saying followed by "that" (אמר כי, قال إن) too, else only its own event
  ("AMD הודיעה על עסקה …, ו-OpenAI קיבלה אופציה …" stops at the new event); a source set off after
  earlier figures reaches on only into a clause joined by "and" (", והשימוש היומי גדל ב-50%",
  not ", לעומת 500 מיליון"). When the source reached is a denial or names nobody, the number has
  no attribution (``denial``, ``unnamed_source``);
* ``own_guidance``: a company's own forecast before the number in its clause ("והעלתה את תחזית
  הוצאות ההון שלה ל-…", "ورفعت الشركة توقعاتها …") is the company's (the claim's subject).

Never across a semicolon. Dates and years have none.
"""

from __future__ import annotations

from .context import BLOCKING, Source, conjunctions
from .parties import event_of, read_parties
from .site import NONE, Decision, Site

__all__ = ["attribution_of"]

#: The rule name of a source before the number, by how it was found.
_BEFORE = {"according": "according_to_before", "speaker": "speaker_before", "report": "report_source",
           "speaker_continued": "speaker_continued", "report_continued": "report_continued",
           "quotation": "quotation_speaker"}
#: … and of a source after it.
_AFTER = {"according": "according_to_after", "report": "according_to_after", "speaker": "speaker_after",
          "speaker_continued": "speaker_continued", "report_continued": "report_continued"}


def attribution_of(site: Site, decided: dict) -> Decision:
    """The source governing a number (the first rule that applies)."""
    if site.kind in ("date", "year"):
        return NONE
    for rule in (trailing_source, source_before, own_guidance):
        found = rule(site, decided)
        if found is not None:
            return found
    return NONE


def _open(site: Site, a: int, b: int) -> bool:
    """No semicolon between ``a`` and ``b``."""
    return not any(a <= h < b for h in site.ctx.hard_breaks)


def trailing_source(site: Site, decided: dict) -> Decision | None:
    """A named source set off after the figures it covers, with no source opening a statement between."""
    for src in site.ctx.attributions:
        if src.pos < site.qb:
            continue
        if not _open(site, site.qb, src.pos):
            return None
        if not src.trailing:
            if src.how in ("according", "speaker", "report", "denial"):
                return None  # a statement of its own opens before any trailing source
            continue
        if src.entity and src.how not in BLOCKING:
            return Decision(src.entity, _AFTER.get(src.how, "speaker_after"))
    return None


def source_before(site: Site, decided: dict) -> Decision | None:
    """The nearest source before the number that reaches it (see the module)."""
    for src in reversed([s for s in site.ctx.attributions if s.pos < site.qa]):
        if not _open(site, src.pos, site.qa):
            return None
        if not _reaches(site, src):
            continue
        if src.how in BLOCKING or not src.entity:  # a denial, or a source the text does not name
            return Decision("", "denial" if src.how == "denial" else "unnamed_source")
        return Decision(src.entity, _BEFORE.get(src.how, "source_before"))
    return None


def _reaches(site: Site, src: Source) -> bool:
    """Whether a source before the number reaches it."""
    text = site.text
    if src.end > site.qa:  # the number stands inside the phrase that names the source
        return False
    if src.trailing:
        cut = next((c for c in site.ctx.cuts if src.end <= c < site.qa and text[c] in ",\u060c"), None)
        if cut is None:
            return False
        head = text[cut + 1:site.qa].lstrip()
        return any(head.startswith(u) for u in conjunctions(site.lang))
    if src.how in ("according", "report", "report_continued", "quotation", "unnamed") or src.clause:
        return True
    reading = read_parties(site)
    if reading is None or not reading.events:
        return True
    return event_of(reading, max(src.pos, min(src.end, site.qa - 1))) is event_of(reading, site.qa)


def own_guidance(site: Site, decided: dict) -> Decision | None:
    """A company's own forecast before the number in its clause is the company's."""
    subject = decided.get("subject")
    if not site.ctx.guidance or subject is None or not subject.value:
        return None
    if any(g < site.qa and not any(g < c < site.qa for c in site.ctx.cuts) for g in site.ctx.guidance):
        return Decision(subject.value, "own_guidance")
    return None
