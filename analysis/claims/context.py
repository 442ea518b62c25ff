"""What the claims of one sentence share: its mentions, the sources it names, its clause cuts and cues."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..corpus.mentions import Mention

from ..text.normalize import Normalized
from .cues import DEFAULT_CLAUSE, DEFAULT_HARD, Cue, Scan
from .quantities import Quantity

__all__ = ["SOURCE_TYPES", "SentenceContext", "find_sources", "main_entities", "quote_openers", "sentence_context"]

SOURCE_TYPES = {"outlet", "org", "person"}
_SOURCE_REACH = 60  # characters after an "according to" cue within which its source is named

@dataclass
class SentenceContext:
    """What every claim of one sentence shares: its spans and the cues found in it once."""

    start: int
    end: int
    ns: int  # the sentence's span in the normalized copy
    ne: int
    mentions: list[tuple[int, int, Mention]]  # normalized span + mention
    source_spans: set[tuple[int, int]]
    sources: list[tuple[int, str, str]]  # (normalized position, entity, "source" | "speech")
    hard_breaks: list[int]  # ; and ؛: attribution does not cross them
    cuts: list[int]
    metric_cues: list[Cue]
    period_cues: list[Cue]
    quantities: list[Quantity]
    fallback: str


def sentence_context(norm: Normalized, s: int, e: int, mentions: list[Mention], qs: list[Quantity], cues: Scan | None,
              fallback: str) -> SentenceContext:
    ns, ne = norm.to_normalized(s, e)
    spans = [(*norm.to_normalized(m.start, m.end), m) for m in mentions if m.end <= e]
    sources, source_spans = find_sources(norm, ns, ne, spans, cues)
    clause_re = cues.lexicon.clause_marks if cues else DEFAULT_CLAUSE
    cuts = [m.start() for m in clause_re.finditer(norm.text, ns, ne)]
    metric_cues: list[Cue] = []
    period_cues: list[Cue] = []
    if cues:
        cuts += [c.start for c in cues.find("clause_breaks", ns, ne)]
        metric_cues = cues.find("metrics", ns, ne)
        period_cues = cues.find("periods", ns, ne)
    hard = [m.start() for m in (cues.lexicon.hard_marks if cues else DEFAULT_HARD).finditer(norm.text, ns, ne)]
    return SentenceContext(s, e, ns, ne, spans, source_spans, sources, hard, sorted(cuts), metric_cues, period_cues, qs,
                     fallback)


def _all(ch: str, text: str) -> Iterable[int]:
    """Positions of ``ch`` in ``text`` (quote marks; gershayim inside a word, מנכ"ל, are filtered by the caller)."""
    i = text.find(ch)
    while i >= 0:
        yield i
        i = text.find(ch, i + 1)


def quote_openers(text: str, norm: Normalized, sentences, wanted: set[int]) -> dict[int, int]:
    """For sentences inside a quotation opened by an earlier sentence: {sentence: opening sentence}.
    A line break closes any open quotation."""
    t = norm.text
    marks = [i for i in _all('"', t) if not (0 < i < len(t) - 1 and t[i - 1].isalnum() and t[i + 1].isalnum())]
    if not marks:
        return {}
    out: dict[int, int] = {}
    opener = -1
    prev_end = 0
    for k, (s, e) in enumerate(sentences):
        if "\n" in text[prev_end:s]:
            opener = -1
        prev_end = e
        if opener >= 0 and k in wanted:
            out[k] = opener
        ns, ne = norm.to_normalized(s, e)
        if (bisect_right(marks, ne - 1) - bisect_right(marks, ns - 1)) % 2:
            opener = -1 if opener >= 0 else k
    return out


def main_entities(mentions: list[Mention], article_at: Callable[[int], int]) -> dict[int, str]:
    """The most mentioned org, person or product of each article (first seen wins ties)."""
    counts: dict[int, dict[str, int]] = {}
    for m in mentions:
        if m.type in ("org", "person", "product"):
            per = counts.setdefault(article_at(m.start), {})
            per[m.entity] = per.get(m.entity, 0) + 1
    return {a: max(per, key=lambda e: per[e]) for a, per in counts.items()}


def _reached(norm: Normalized, gap, start: int, spans: list[tuple[int, int, Mention]]) -> list[Mention]:
    """The mentions reached from ``start`` over titles, punctuation and other names only."""
    reached, reach = [], start
    for ma, mb, m in spans:
        g = gap.match(norm.text, reach, ma)
        if g is None or g.end() < ma:
            break
        reached.append(m)
        reach = mb
    return reached


def find_sources(norm: Normalized, ns: int, ne: int, spans: list[tuple[int, int, Mention]], cues: Scan | None):
    """Sources a sentence names: ([(position, entity, how)], original spans of the source mentions).

    ``source``: the person named within reach after a cue (לפי, לדברי, وفقًا لـ), else the first
    outlet, company or person there;
    ``speech``: the person (else company or outlet) next to a verb of saying, after it
    within a few words or anywhere before it in the sentence.
    """
    if not cues or not spans:
        return [], set()
    found: list[tuple[int, str, str]] = []
    used: set[tuple[int, int]] = set()
    gap = cues.lexicon.title_gap
    for cue in cues.find("before_source", ns, ne):
        # "לדברי מנכ"ל OpenAI סם אלטמן": a person reached from the cue over titles and names is the
        # source; else the first outlet, company or person right after the cue ("ذكرت وكالة بلومبرغ")
        after = [(ma, mb, m) for ma, mb, m in spans if 0 <= ma - cue.end <= _SOURCE_REACH and m.type in SOURCE_TYPES]
        if not after:
            continue
        reached = _reached(norm, gap, cue.end, sorted(after, key=lambda x: x[0]))
        people = [m for m in reached if m.type == "person"]
        m = people[0] if people else min(after, key=lambda x: x[0])[2]
        found.append((cue.start, m.entity, "source"))
        used.add((m.start, m.end))
    hard = [m.start() for m in cues.lexicon.hard_marks.finditer(norm.text, ns, ne)]
    for cue in cues.find("speech", ns, ne):
        speakers = [(ma, mb, m) for ma, mb, m in spans if m.type in ("person", "org", "outlet")
                    and not any(min(ma, cue.start) <= h < max(mb, cue.end) for h in hard)]
        # after the verb: reached over titles and other names only (قال الرئيس التنفيذي لشركة OpenAI سام ألتمان)
        near, reach = [], cue.end
        for ma, mb, m in sorted(x for x in speakers if x[0] >= cue.end):
            g = gap.match(norm.text, reach, ma)
            if g is None or g.end() < ma:
                break
            near.append((ma - cue.end, m))
            reach = mb
        if not near and cue.key != "after_only":  # the speaker before the verb (מיקרוסופט מודיעה)
            near = [(cue.start - mb, m) for ma, mb, m in speakers if mb <= cue.start]
        if near:
            people = [x for x in near if x[1].type == "person"] or near
            m = min(people, key=lambda x: x[0])[1]
            found.append((cue.start, m.entity, "speech"))
            if m.type == "person":  # a person quoted is the source; a company may announce its own figures
                used.add((m.start, m.end))
    return sorted(found), used
