"""Segments → sentences, with offsets into the original text.

A sentence ends at a line break, or at a sentence-final mark from
``data/<lang>/language.yaml`` (``sentence_end``) followed by white space,
closing quotes and brackets staying with it. A token listed in
``abbreviations`` (``Ltd.``) or a decimal point (``5.74``) does not end a
sentence. Every character that is not white space belongs to exactly one
sentence, so the sentences and the gaps between them reassemble the text.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from ..text.langdata import language, sentence_ends

__all__ = ["Sentence", "SentenceIndex", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """``text[start:end]``: one sentence, stripped of surrounding white space."""

    start: int
    end: int


@functools.cache
def _boundary(lang: str | None) -> tuple[re.Pattern, re.Pattern | None, int, tuple[str, ...]]:
    """Sentence ends, abbreviations ending a span, how far back an abbreviation may start, and
    the abbreviations themselves."""
    data = language(lang).load("language") if lang else {}
    ends = sentence_ends(lang)
    marks = "".join(re.escape(e) for e in ends)
    # ``[marks]+[closers]*(?=\s|$)|\r\n|\r|\n``, written to open with one character class: the
    # regex engine then jumps from candidate to candidate instead of trying every position
    closers = "[\"'”’»)\\]]*"
    boundary = re.compile(rf"[{marks}\r\n](?:(?<=[{marks}])[{marks}]*{closers}(?=\s|$)|(?<=\r)\n?|(?<=\n))")
    abbrevs = data.get("abbreviations", [])
    abbrev = re.compile(r"(?:^|\s)(?:" + "|".join(map(re.escape, abbrevs)) + r")$") if abbrevs else None
    return boundary, abbrev, max(map(len, abbrevs), default=0) + 2, tuple(abbrevs)


def split_sentences(text: str, start: int = 0, end: int | None = None, lang: str | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` as spans of ``text``.

    >>> t = "Nova Ltd. -5.74%. שלום.\\nمرحبا"
    >>> [t[s.start:s.end] for s in split_sentences(t, lang="he")]
    ['Nova Ltd. -5.74%.', 'שלום.', 'مرحبا']
    """
    end = len(text) if end is None else end
    boundary, abbrev, reach, abbrevs = _boundary(lang)
    out: list[Sentence] = []
    cut = start
    for m in boundary.finditer(text, start, end):
        b = m.end()
        lo = max(cut, b - reach)
        # (an abbreviation must end the span: testing that first spares most searches)
        if abbrev and text[m.start()] not in "\r\n" and text.endswith(abbrevs, lo, b) and abbrev.search(text, lo, b):
            continue
        _add(out, text, cut, b)
        cut = b
    _add(out, text, cut, end)
    return out


def _add(out: list[Sentence], text: str, a: int, b: int) -> None:
    piece = text[a:b]
    stripped = piece.lstrip()
    if stripped:
        a += len(piece) - len(stripped)
        out.append(Sentence(a, a + len(stripped.rstrip())))


class SentenceIndex:
    """Find the sentence an offset falls in: ``(article, section, sent_no)``.

    Built from the rows of one document's sentences table, in order. An offset
    before the first sentence belongs to the first; a text without sentences
    gives ``(0, "body", -1)``.

    >>> SentenceIndex([(0, 5, 0, "headline", 0), (6, 20, 0, "body", 1)]).at(9)
    (0, 'body', 1)
    """

    def __init__(self, rows: list[tuple[int, int, int, str, int]]):
        self._starts = [r[0] for r in rows]
        self._where = [(r[2], r[3], r[4]) for r in rows]

    def at(self, offset: int) -> tuple[int, str, int]:
        if not self._where:
            return 0, "body", -1
        return self._where[max(bisect_right(self._starts, offset) - 1, 0)]

    def article(self, offset: int) -> int:
        return self.at(offset)[0]
