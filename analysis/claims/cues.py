"""Cue words of one language (metrics, sources, periods, verbs of saying and of change …), compiled once
and found in a document once; a :class:`Scan` slices them by span."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..text.langdata import language
from ..text.normalize import normalize_word
from .codebook import codebook

__all__ = ["DEFAULT_CLAUSE", "DEFAULT_HARD", "Cue", "Cues", "Scan", "cue_lexicon"]

DEFAULT_CLAUSE = re.compile(r"[,;:()\[\]\"]|\s-\s")
DEFAULT_HARD = re.compile(r";")

@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    key: object


class Cues:
    """Cue words of one language, compiled once into two regexes (one per kind of prefix)."""

    #: cue categories matched with every attached prefix, and those that are verbs (conjunctions only)
    WORDS = ("metrics", "before_source", "periods", "clause_breaks", "months", "modality", "cadence", "deadline",
             "current", "quarters", "since", "quarters_relative", "compared_with", "weekdays", "now",
             "modality_breaks", "denial_back", "not_periods", "year_end")
    VERBS = ("speech", "change_verbs", "range_cues")

    def __init__(self, lang: str):
        lang_data = language(lang)
        cues = lang_data.load("cues")
        roles = lang_data.load("roles")
        self.lang = lang_data
        self.metric_order = list(cues.get("metrics", {}))
        for metric in self.metric_order:
            if metric not in codebook():
                raise ValueError(f"data/{lang}/cues.yaml: metric {metric!r} is not in data/metrics.csv")
        att, ch = roles.get("attribution", {}), cues.get("changes", {})
        self.periods = {normalize_word(p["phrase"]): (p["unit"], int(p["offset"])) for p in cues.get("periods", [])}
        months = lang_data.load("numbers").get("months", {})
        categories: dict[str, list[tuple[str, object]]] = {
            "metrics": [(w, m) for m, words in cues.get("metrics", {}).items() for w in words],
            "before_source": [(w, "source") for w in att.get("before_source", [])],
            "periods": [(p["phrase"], normalize_word(p["phrase"])) for p in cues.get("periods", [])],
            "clause_breaks": [(w, "break") for w in cues.get("clause_breaks", [])],
            "months": [(w, str(n)) for n, words in months.items() for w in words],
            "speech": [(w, "speech") for w in att.get("speech", [])]
            + [(w, "after_only") for w in att.get("speech_after_only", [])],
            "change_verbs": [(w, "verb") for w in ch.get("verbs", [])],
            "range_cues": [(w, "range") for w in ch.get("range_cues", [])],
            "modality": [(w, m) for m, words in roles.get("modality", {}).items() for w in words],
            "cadence": [(w, c) for c, words in roles.get("cadence", {}).items() for w in words],
            "deadline": [(w, "by") for w in roles.get("deadline", [])],
            "current": [(w, "current") for w in roles.get("current", [])],
            "quarters": [(w, str(n)) for n, words in roles.get("quarters", {}).items() for w in words],
            "since": [(w, "since") for w in roles.get("since", [])],
            "quarters_relative": [(w, int(n)) for n, words in roles.get("quarters_relative", {}).items() for w in words],
            "compared_with": [(w, "base") for w in roles.get("compared_with", [])],
            "now": [(w, "now") for w in roles.get("now", [])],
            "modality_breaks": [(w, "break") for w in roles.get("modality_breaks", [])],
            "denial_back": [(w, "denied") for w in roles.get("denial_back", [])],
            # matched so that the period words inside them are not (one regex: the longest phrase wins)
            "not_periods": [(w, "none") for w in roles.get("not_periods", [])],
            "year_end": [(w, "end") for w in roles.get("year_end", [])],
            "weekdays": _weekdays(lang_data.load("numbers").get("weekdays") or {}),
        }
        spec = lang_data.load("language")
        self.clause_marks = _alternation(spec.get("clause_marks")) or DEFAULT_CLAUSE
        self.hard_marks = _alternation(spec.get("hard_clause_marks")) or DEFAULT_HARD
        self.words = self._compile({c: categories[c] for c in self.WORDS}, True)
        titles = lang_data.words_regex(roles.get("speaker_titles", []))
        # the gap between a verb of saying and the speaker after it: titles, spaces and punctuation only
        self.title_gap = re.compile(rf"(?:\s|[^\w\s]|{titles.pattern})*")
        self.verbs = self._compile({c: categories[c] for c in self.VERBS}, "verb")
        # a trailing "…, said X": a clause mark, then the verb (optionally after a lead word: "כך מסרה")
        leads = "|".join(map(re.escape, (normalize_word(w) for w in att.get("after_lead", []))))
        self.said_after_re = re.compile(rf"[,\u060c\"'»\u201d]\s*(?:(?:{leads})\s+)?\Z" if leads else r"[,\u060c\"'»\u201d]\s*\Z")
        froms = "|".join(map(re.escape, (normalize_word(w) for w in ch.get("from", []))))
        tos = "|".join(map(re.escape, (normalize_word(w) for w in ch.get("to", []))))
        self.from_re = re.compile(rf"(?:^|[\s(])(?:{froms})[\s-]?$") if froms else re.compile(r"(?!x)x")
        self.to_re = re.compile(rf"^\s*(?:{tos})[\s-]?$") if tos else re.compile(r"(?!x)x")
        change_tos = "|".join(map(re.escape, (normalize_word(w) for w in ch.get("change_to", []))))
        self.change_to_re = re.compile(rf"^\s*(?:{change_tos})[\s-]?$") if change_tos else re.compile(r"(?!x)x")

    def _compile(self, categories: dict[str, list[tuple[str, object]]], prefix: bool | str):
        """One regex for all the words of these categories; form → [(category, key)]."""
        by_word: dict[str, list[tuple[str, object]]] = {}
        for category, pairs in categories.items():
            for word, key in pairs:
                entry = by_word.setdefault(normalize_word(word), [])
                if category == "metrics":  # a metric cue word may name several metrics
                    old = next((i for i, (c, _) in enumerate(entry) if c == "metrics"), None)
                    if old is not None:
                        entry[old] = ("metrics", entry[old][1] + (key,))
                        continue
                    key = (key,)
                entry.append((category, key))
        return self.lang.lookup(by_word, prefix)

    def scan(self, text: str, regions: Iterable[tuple[int, int]] | None = None) -> "Scan":
        """Every cue of a (normalized) document, or of the given regions of it, by category."""
        found: dict[str, list[Cue]] = {}
        for a, b in (regions if regions is not None else [(0, len(text))]):
            for pattern, keys in (self.words, self.verbs):
                for m in pattern.finditer(text, a, b):
                    start, end = m.span("word")
                    for category, key in keys[m.group("word")]:
                        found.setdefault(category, []).append(Cue(start, end, key))
        for cues in found.values():
            cues.sort(key=lambda c: c.start)
        return Scan(self, {c: ([x.start for x in cues], cues) for c, cues in found.items()})


@dataclass
class Scan:
    """The cues found in one document; ``find`` slices them by span."""

    lexicon: Cues
    found: dict[str, tuple[list[int], list[Cue]]]

    def find(self, category: str, start: int, end: int) -> list[Cue]:
        starts, cues = self.found.get(category, ((), ()))
        return list(cues[bisect_right(starts, start - 1):bisect_right(starts, end - 1)])


def _weekdays(spec: dict) -> list[tuple[str, int]]:
    """Weekday phrases (``יום שלישי``, ``الثلاثاء``) with their ISO number (1 = Monday): the name a
    phrase ends with (numbers.yaml ``weekdays``: ``phrases`` and ``names``).

    >>> _weekdays({"phrases": ["יום שלישי"], "names": {2: ["שלישי"], 4: ["חמישי"]}})
    [('יום שלישי', 2)]
    """
    names = sorted(((normalize_word(n), int(iso)) for iso, ns in (spec.get("names") or {}).items() for n in ns),
                   key=lambda x: -len(x[0]))
    out = []
    for phrase in spec.get("phrases") or []:
        iso = next((i for n, i in names if normalize_word(phrase).endswith(n)), None)
        if iso is not None:
            out.append((phrase, iso))
    return out


def _alternation(marks: list[str] | None) -> re.Pattern | None:
    return re.compile("|".join(map(re.escape, sorted(marks, key=len, reverse=True)))) if marks else None


@functools.cache
def cue_lexicon(lang: str) -> Cues:
    return Cues(lang)
