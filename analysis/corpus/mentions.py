"""Sentences → entity mentions, from the alias lexicon.

The lexicon is data: ``data/entities.csv`` (``entity,type,note``) names each
entity once in English; ``data/common/aliases.csv`` holds Latin-script
aliases used in every language and ``data/<lang>/aliases.csv`` the native
spellings. Aliases are written bare; attached prefixes (``ב-OpenAI``,
``ולאלטמן``, ``بـ DeepSeek``, ``وجوجل``) are handled by
:meth:`analysis.langdata.Language.words_regex`. A product mention takes a
version number that follows it (``Gemini 2.0``, ``Grok-2``), so the claims
engine knows that number names a product and is not a quantity.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..text.langdata import DATA_DIR, language, read_csv, trie_pattern
from ..text.normalize import Normalized, normalize, normalize_word

__all__ = ["Mention", "find_mentions", "entity_types"]

#: A version right after a product name: attached (GPT-4o, Veo2, Grok-2) or after a space (Gemini 2.0, Imagen 3).
_VERSION = re.compile(r"(?:-?\d+(?:\.\d+)*[a-z]{0,2}|\s\d+\.\d+|\s\d(?=\s*(?:[^\w\s%$]|$)))(?![\w%])")


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named in the text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entity: str
    type: str


@functools.cache
def entity_types() -> dict[str, str]:
    """Canonical entity name → type, from ``data/entities.csv``."""
    return {row["entity"]: row["type"] for row in read_csv(DATA_DIR / "entities.csv")}


@functools.cache
def _lexicon(lang: str | None) -> tuple[re.Pattern, dict[str, str]]:
    rows = read_csv(DATA_DIR / "common" / "aliases.csv")
    if lang:
        rows += language(lang).csv("aliases")
    types = entity_types()
    by_alias: dict[str, str] = {}
    for row in rows:
        entity, alias = row["entity"], row["alias"]
        if entity not in types:
            raise ValueError(f"aliases: {alias!r} names unknown entity {entity!r} (add it to data/entities.csv)")
        by_alias.setdefault(alias, entity)
    if lang:
        return language(lang).lookup(by_alias)
    by_form: dict[str, str] = {}
    for alias, entity in by_alias.items():
        by_form.setdefault(normalize_word(alias), entity)
    pattern = re.compile(rf"(?<!\w)(?P<prefix>)(?P<word>{trie_pattern(by_form)})(?!\w)")
    return pattern, by_form


def find_mentions(text: str, lang: str | None, norm: Normalized | None = None) -> list[Mention]:
    """Entity mentions in ``text`` (``lang`` picks the native aliases).

    >>> [(m.surface, m.entity) for m in find_mentions("ומיקרוסופט השקיעה ב-OpenAI ו-Gemini 2.0", "he")]
    [('מיקרוסופט', 'Microsoft'), ('OpenAI', 'OpenAI'), ('Gemini 2.0', 'Gemini')]
    """
    norm = norm or normalize(text)
    pattern, by_form = _lexicon(lang)
    types = entity_types()
    out: list[Mention] = []
    for m in pattern.finditer(norm.text):
        entity = by_form[m.group("word")]
        a, b = m.start("word"), m.end("word")
        if types[entity] == "product" and (v := _VERSION.match(norm.text, b)):
            b = v.end()
        start, end = norm.to_original(a, b)
        out.append(Mention(start, end, text[start:end], entity, types[entity]))
    return out
