"""Files → decoded text: encoding detection and the reasons a file is skipped.

UTF-8 (with or without BOM) is read as is. UTF-16 (with or without BOM) and the
legacy encodings named in the language data (cp1255, cp1256, …) are detected,
decoded and reported with a warning naming the encoding. Empty, binary and
undecodable files raise :class:`UnreadableFile` with the reason. Line endings
are kept, so offsets index exactly the decoded text (without any BOM).

A few stray NUL characters in otherwise readable text do not make a file
binary: they are **kept in the text** (so offsets still index the decoded text
exactly) and counted in :attr:`Decoded.nuls`, which the loader reports. A text
is binary when its control characters (NUL included; tab, line and page breaks
excluded) are more than 1 % of its characters (more than 2 in a short text).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..text.langdata import language, languages

__all__ = ["Decoded", "UnreadableFile", "decode_bytes", "read_bytes", "read_text_file"]

#: Encodings that are read without a warning.
QUIET_ENCODINGS = {"utf-8", "utf-8-sig"}


class UnreadableFile(ValueError):
    """A file that cannot be loaded as text; the message says why."""


@dataclass(frozen=True)
class Decoded:
    """A decoded file: its text, the encoding used, a warning if any, and how many NULs the text holds."""

    text: str
    encoding: str
    warning: str | None = None
    nuls: int = 0


def _legacy_encodings() -> list[str]:
    out: list[str] = []
    for code in languages():
        out += language(code).load("language").get("encodings", [])
    return out


def _script_share(text: str) -> float:
    """Share of letters that belong to a known language's script or Latin."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    known = sum(1 for c in letters if c.isascii() or any(language(l).script.match(c) for l in languages()))
    return known / len(letters)


_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    """More than 1 % control characters (NUL included; more than 2 in a short text).

    >>> _looks_binary("שלום עולם " * 50 + "\\x00" * 3), _looks_binary("abc\\x00def " * 20)
    (False, True)
    """
    return len(_CONTROLS.findall(text)) > max(2, len(text) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when every other byte is mostly NUL."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes, or raise :class:`UnreadableFile` saying why.

    >>> decode_bytes("שלום".encode("cp1255")).encoding
    'cp1255'
    >>> decode_bytes(b"\\xef\\xbb\\xbfhi").text
    'hi'
    >>> decode_bytes("שלום\\x00 עולם, מה שלומך היום?".encode()).nuls
    1
    """
    if not data.strip():
        raise UnreadableFile("empty file")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _checked(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"starts with a UTF-8 BOM but is not valid UTF-8 (byte {exc.start + 3})") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"starts with a UTF-16 BOM but is not valid UTF-16 ({exc.reason})") from None
    if enc := _utf16_without_bom(data):
        try:
            return _checked(data.decode(enc), enc)
        except UnicodeDecodeError:
            pass
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    legacy = _legacy_encodings()
    best = from_bytes(data, cp_isolation=legacy).best() if legacy else None
    if best is not None:
        enc = codecs.lookup(best.encoding).name
        text = data.decode(enc)
        if _script_share(text) > 0.9:
            return _checked(text, enc)
    raise UnreadableFile(f"not valid UTF-8, UTF-16 or any of {', '.join(legacy)}: undecodable or binary")


def _checked(text: str, encoding: str) -> Decoded:
    if _looks_binary(text):
        raise UnreadableFile("binary file (control characters)")
    if not text or text.isspace():
        raise UnreadableFile("empty file")
    warning = None if encoding in QUIET_ENCODINGS else f"decoded as {encoding} (not UTF-8)"
    return Decoded(text, encoding, warning, text.count("\x00"))


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``; :class:`UnreadableFile` if it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None


def read_text_file(path: Path) -> Decoded:
    """Read and decode ``path``; :class:`UnreadableFile` names the problem."""
    return decode_bytes(read_bytes(path))
