"""Documents → segments: which part of a page is which article and section.

A page is read line by line. Cue phrases from ``data/<lang>/cues.yaml``
(matched at the start of a line) open FAQ, comments and related blocks or mark
a line as boilerplate. Articles are found from bylines: a short line ending in
``|`` (``רוי שיינמן | (1)``) closes an article's head block (caption,
headline, subtitle), and the head block starts a new article. All of this is
language-neutral; a new page layout means editing the cue data.

Sections: ``headline``, ``body``, ``faq``, ``comments``, ``related``,
``boilerplate``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..text.langdata import language, sentence_ends
from ..text.normalize import normalize, normalize_word

__all__ = ["SECTIONS", "Line", "Segment", "split_lines", "segment_document"]

SECTIONS = ("headline", "body", "faq", "comments", "related", "boilerplate")

#: A byline: a short line whose last field is empty after a ``|`` (optionally a comment count).
_BYLINE = re.compile(r"^\s*[^|\n]{2,40}\|\s*(?:\(\d+\))?\s*$")
_HEAD_LINES = 4  # at most this many non-blank lines (caption, kicker, headline, subtitle) before a byline


class Line:
    """One line of a document: ``text[start:end]`` without its line break (sliced when asked for, so
    that the lines of a long document are not a second copy of it).

    >>> Line(2, 4, "a\\nbc\\n").text
    'bc'
    """

    __slots__ = ("start", "end", "_source")

    def __init__(self, start: int, end: int, source: str):
        self.start, self.end, self._source = start, end, source

    @property
    def text(self) -> str:
        return self._source[self.start:self.end]

    def __repr__(self) -> str:
        return f"Line({self.start}, {self.end}, {self.text!r})"

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indented(self) -> bool:
        return self.text[:1] in (" ", "\t", "\u00a0") and not self.blank


@dataclass(frozen=True)
class Segment:
    """A run of lines of one article and section."""

    article: int
    section: str
    start: int
    end: int


def split_lines(text: str) -> list[Line]:
    """Lines of ``text`` (``\\n``, ``\\r\\n`` or ``\\r`` breaks) with offsets."""
    out = []
    for m in re.finditer(r"[^\r\n]*", text):
        if m.start() == m.end() and out and out[-1].end == m.start():
            continue
        out.append(Line(m.start(), m.end(), text))
    return out


@functools.cache
def _ends_sentence(lang: str | None) -> re.Pattern:
    """A line that ends like a sentence (body text, not a headline or caption)."""
    marks = sentence_ends(lang)
    return re.compile("(?:" + "|".join(map(re.escape, marks)) + r")\s*$")


@functools.cache
def _cue_regex(lang: str, section: str) -> re.Pattern:
    phrases = language(lang).load("cues").get("sections", {}).get(section, [])
    forms = sorted({normalize_word(p) for p in phrases if p}, key=len, reverse=True)
    if not forms:
        return re.compile(r"(?!x)x")
    return re.compile(r"^[\s•·*\-]*(?:" + "|".join(map(re.escape, forms)) + ")")


def _is_doubled(s: str) -> bool:
    """A caption scraped twice (alt text + caption): the line is one string repeated."""
    s = s.strip()
    half = len(s) // 2
    return len(s) >= 8 and len(s) % 2 == 0 and s[:half] == s[half:]


def _cue(lang: str | None, line_norm: str) -> str | None:
    if not lang:
        return None
    for section in ("comments", "faq", "related", "boilerplate"):
        if _cue_regex(lang, section).match(line_norm):
            return section
    return None


def _article_starts(lines: list[Line], cues: list[str | None], lang: str | None) -> list[int]:
    """Indices of the lines that start an article (the first is always 0)."""
    starts = [0]
    for i, line in enumerate(lines):
        if not _BYLINE.match(line.text):
            continue
        head = i
        taken = 0
        j = i - 1
        while j >= 0 and taken < _HEAD_LINES:
            prev = lines[j]
            if prev.blank:
                j -= 1
                continue
            if prev.indented or cues[j] in ("comments", "faq", "related") or _BYLINE.match(prev.text):
                break
            if taken and _ends_sentence(lang).search(prev.text) and not _is_doubled(prev.text):
                break
            head = j
            taken += 1
            j -= 1
        first_content = next((k for k, ln in enumerate(lines) if not ln.blank), 0)
        if head > first_content and head > starts[-1]:
            starts.append(head)
    return starts


def segment_document(text: str, lang: str | None) -> list[Segment]:
    """Split a document into segments (non-blank lines only, merged by section)."""
    lines = split_lines(text)
    norm = normalize(text)
    cues = [_cue(lang, norm.text[slice(*norm.to_normalized(ln.start, ln.end))]) for ln in lines]
    starts = set(_article_starts(lines, cues, lang))

    labels: list[tuple[int, str] | None] = []
    article = -1
    block = "body"  # the open block: body, faq, comments or related
    head_open = False
    for i, line in enumerate(lines):
        if i in starts:
            article += 1
            block = "body"
            head_open = i > 0 or any(_BYLINE.match(ln.text) for ln in lines[:12])
            first_pending = True
        if line.blank:
            labels.append(None)
            continue
        first, first_pending = first_pending, False  # the article's first non-blank line
        cue = cues[i]
        if _BYLINE.match(line.text):
            labels.append((article, "boilerplate"))
            head_open = False
            continue
        if cue in ("comments", "faq", "related"):
            block = cue
            labels.append((article, cue))
            continue
        if cue == "boilerplate" or _is_doubled(line.text):
            labels.append((article, "boilerplate"))
            continue
        if head_open:
            labels.append((article, "headline"))
            continue
        if block == "body" and first:
            short = len(line.text.strip()) <= 120 and not _ends_sentence(lang).search(line.text)
            labels.append((article, "headline" if short else "body"))
            continue
        labels.append((article, block))

    segments: list[Segment] = []
    for line, label in zip(lines, labels):
        if label is None:
            continue
        start = line.start + (len(line.text) - len(line.text.lstrip()))
        end = line.start + len(line.text.rstrip())
        if segments and (segments[-1].article, segments[-1].section) == label:
            segments[-1] = Segment(label[0], label[1], segments[-1].start, end)
        else:
            segments.append(Segment(label[0], label[1], start, end))
    return segments
