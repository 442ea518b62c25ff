"""A normalized copy of a text for matching, with a map back to the original.

Matching (entities, numbers, cue words) runs on the copy; every span it finds
is mapped back with :meth:`Normalized.to_original`, so offsets always index the
decoded original text. The original is never edited.

The copy differs from the original only by one-to-one character replacements
and by deleted characters, never by insertions:

* Arabic-Indic and Persian digits become ASCII digits; ``٫`` becomes ``.``,
  ``٬`` becomes ``,`` and ``٪`` becomes ``%``.
* Tatweel, Arabic diacritics, Hebrew niqqud and cantillation, bidi controls,
  zero-width joiners and the BOM are deleted.
* NBSP and other fixed-width spaces become a plain space; dashes, the minus
  sign and the Hebrew maqaf become ``-``; ``״`` and curly double quotes become
  ``"``, ``׳`` and curly single quotes become ``'``.
* Arabic alef variants (``أ إ آ ٱ``) become ``ا`` and alef maqsura ``ى`` becomes
  ``ي``; the Persian and Urdu letters ``ی ې`` become ``ي``, ``ک`` becomes ``ك`` and
  ``ە ۀ ھ`` become ``ه`` (``ؤ ئ`` stay: they are words' own letters, and ``گ ګ`` have no
  Arabic counterpart); Latin letters are lower-cased.

>>> n = normalize("בـ\u200f٥٫٥ مليار")
>>> n.text
'ב5.5 مليار'
>>> n.to_original(1, 4)
(3, 6)
>>> normalize("یک میلیارد ڈالر، ھزار").text  # Persian and Urdu letters in Arabic text
'يك ميليارد ڈالر، هزار'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Normalized", "normalize", "normalize_word"]

_DELETE = (
    "\u0640"  # tatweel
    "\u064b-\u065f\u0670"  # Arabic diacritics (harakat, shadda, sukun, ...)
    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"  # niqqud, cantillation
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"  # bidi, zw*, BOM, soft hyphen
)
_DELETE_RE = re.compile(f"[{_DELETE}]+")

_REPLACE = {
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    "\u066b": ".", "\u066c": ",", "\u066a": "%",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u05be": "-",  # maqaf
    "\u05f4": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u05f3": "'", "\u2018": "'", "\u2019": "'",
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a",
    # Persian and Urdu letters typed in Arabic text: yeh (ی, ې) → ي, keheh (ک) → ك, ae (ە),
    # heh with yeh above (ۀ, one character: kept one-to-one) and heh doachashmee (ھ) → ه.
    # گ and ګ have no Arabic letter and are left alone.
    "\u06cc": "\u064a", "\u06d0": "\u064a", "\u06a9": "\u0643",
    "\u06d5": "\u0647", "\u06c0": "\u0647", "\u06be": "\u0647",
    **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
}
def _chars(ranges: str) -> list[str]:
    """Expand a character-class body such as ``a-c\u0640`` into characters."""
    out: list[str] = []
    i = 0
    while i < len(ranges):
        if i + 2 < len(ranges) and ranges[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(ranges[i]), ord(ranges[i + 2]) + 1))
            i += 3
        else:
            out.append(ranges[i])
            i += 1
    return out


_TABLE = str.maketrans({**_REPLACE, **{c: None for c in _chars(_DELETE)}})

# The same table as a numpy lookup over the Basic Multilingual Plane: code point → code point,
# with _GONE (not a code point) marking a deleted character. Characters above U+FFFF are never changed.
_GONE = 0xFFFFFFFF
_LUT = np.arange(0x10000, dtype=np.uint32)
for _k, _v in _TABLE.items():
    _LUT[_k] = _GONE if _v is None else ord(_v) if isinstance(_v, str) else _v
_SMALL = 2000  # below this many characters str.translate is as fast


@dataclass(frozen=True)
class Normalized:
    """A normalized copy of ``original``; ``to_original`` maps spans back."""

    original: str
    text: str
    # For each run of deleted characters: the index in ``text`` where it sat,
    # and how many characters were deleted up to and including that run.
    _at: list[int] = field(default_factory=list, repr=False)
    _deleted: list[int] = field(default_factory=list, repr=False)
    # original index where each deleted run starts
    _orig: list[int] = field(default_factory=list, repr=False)

    def position(self, i: int) -> int:
        """Original index of the character at normalized index ``i``."""
        k = bisect_right(self._at, i) - 1
        return i + (self._deleted[k] if k >= 0 else 0)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized span ``[start, end)`` to the original text."""
        at = self._at
        if not at or start < end <= at[0]:  # before any deleted run (or none): unchanged
            return start, end
        if end <= start:
            p = self.position(start)
            return p, p
        return self.position(start), self.position(end - 1) + 1

    def index_of(self, original_index: int) -> int:
        """The first normalized index whose original position is >= ``original_index``."""
        orig = self._orig
        if not orig or original_index < orig[0]:  # before any deleted run (or none): unchanged
            return original_index
        k = bisect_right(orig, original_index) - 1
        deleted = self._deleted
        run_end = orig[k] + deleted[k] - (deleted[k - 1] if k else 0)
        if original_index < run_end:  # inside a deleted run: the next kept character
            return self._at[k]
        return original_index - deleted[k]

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map the original span ``[start, end)`` to the normalized copy."""
        if not self._orig:
            return start, end
        return self.index_of(start), self.index_of(end)


#: Characters translated at once by :func:`_translated` (its arrays take some 20 bytes a character).
_BLOCK = 1 << 20


def _translated(original: str) -> tuple[str, np.ndarray]:
    """``original.translate(_TABLE)``, faster on a long text: a lookup table over its code points;
    and which characters of ``original`` were deleted (a boolean array)."""
    codes = np.frombuffer(original.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = codes < 0x10000
    mapped = np.where(bmp, _LUT[np.where(bmp, codes, 0)], codes)
    gone = mapped == _GONE
    text = (mapped[~gone] if gone.any() else mapped).astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
    return text, gone


def _deleted_runs(original: str) -> tuple[list[int], list[int], list[int]]:
    """The offset map of :class:`Normalized`: for each run of deleted characters, where it sat in
    the copy, how many characters were deleted up to and including it, and where it starts."""
    at: list[int] = []
    deleted: list[int] = []
    orig: list[int] = []
    total = 0
    for m in _DELETE_RE.finditer(original):
        at.append(m.start() - total)
        orig.append(m.start())
        total += m.end() - m.start()
        deleted.append(total)
    return at, deleted, orig


def _runs_of(gone: np.ndarray) -> tuple[list[int], list[int], list[int]]:
    """:func:`_deleted_runs` from the array of deleted characters (no second pass over the text)."""
    edges = np.flatnonzero(np.diff(gone.view(np.int8), prepend=0, append=0))
    starts, ends = edges[0::2], edges[1::2]
    deleted = np.cumsum(ends - starts)
    return (ends - deleted).tolist(), deleted.tolist(), starts.tolist()


def normalize(original: str) -> Normalized:
    """Return the normalized copy of ``original`` with its offset map."""
    gone = None
    if len(original) < _SMALL:
        text = original.translate(_TABLE)
    elif len(original) <= _BLOCK:
        text, gone = _translated(original)
    else:  # a block at a time: the arrays cost some 20 bytes a character
        text = "".join(_translated(original[k:k + _BLOCK])[0] for k in range(0, len(original), _BLOCK))
    if len(text) == len(original):
        return Normalized(original, text)
    return Normalized(original, text, *(_deleted_runs(original) if gone is None else _runs_of(gone)))


def normalize_word(word: str) -> str:
    """Normalize a word from a data file the way texts are normalized."""
    return word.translate(_TABLE).strip()
