"""Per-language data files and the one place attached prefixes are handled.

Each language has a folder ``analysis/data/<code>/`` of hand-edited files:

* ``language.yaml``: name, script range, attached prefixes, sentence rules;
* ``numbers.yaml``: number, scale and unit words, hedges, range words;
* ``cues.yaml``: section, attribution and period cue words;
* ``topics.csv`` (``topic,cue``) and ``aliases.csv`` (``entity,alias``).

Every YAML file is checked against :data:`SCHEMAS`: an unknown key is an
error naming the file, so a typo in a data file never passes silently.
Words in data files are written plainly; they are normalized with
:func:`analysis.normalize.normalize_word` when loaded, and the prefixed forms
(``ו``+``ל``+word, ``وال``+word, ``ב-OpenAI``, ``بـ DeepSeek``) are generated
here, never listed in data.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from .normalize import normalize_word

__all__ = ["DATA_DIR", "currency_countries", "DEFAULT_SENTENCE_END", "sentence_ends", "trie_pattern", "bare_forms", "Language", "LanguageDataError", "language", "languages", "detect_language", "read_csv"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

#: Allowed top-level keys of each per-language YAML file.
SCHEMAS: dict[str, set[str]] = {
    "language": {"name", "script", "encodings", "prefixes", "sentence_end", "abbreviations", "clause_marks", "hard_clause_marks"},
    "currencies": {"currencies", "shared"},
    "parties": {"markers", "prefix_markers", "conjunctions", "article", "frames", "anaphors", "type_words", "demonyms", "equivalence", "ago", "not_entities", "invested_in", "national", "respectively", "unnamed", "unnamed_groups", "definite_prefixes", "described", "guarded_names", "market", "market_not_after", "object_marker", "name_after"},
    "roles": {"modality", "cadence", "deadline", "current", "quarters", "since", "attribution", "speaker_titles",
              "quarters_relative", "compared_with", "now",
              "modality_breaks", "denial_back", "not_periods", "year_end"},
    "cues": {"sections", "periods", "changes", "metrics", "clause_breaks"},
    "numbers": {
        "ones", "teens", "tens", "hundreds", "scales", "fractions", "denominators", "over",
        "part_of", "vague", "ordinals", "negative", "decimal_point", "conjunction", "article",
        "one_after", "range", "hedges", "percent", "durations", "age", "counted",
        "counted_of", "number_of", "elision_cues", "measures", "fraction_construct_share", "multipliers", "ranks", "months", "weekdays", "year_cues", "not_quantities",
    },
}


#: What ends a sentence in a text of no known language (a language's ``sentence_end`` overrides it).
DEFAULT_SENTENCE_END = (".", "?", "!")


#: PyYAML's safe loader, in C (libyaml) when the install has it: the same data, read ten times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LanguageDataError(ValueError):
    """A language data file is missing, malformed or has an unknown key."""


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV data file as dicts (a missing file gives no rows)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [dict(row) for row in csv.DictReader(fh)]


class Language:
    """The data of one language and the regexes built from it."""

    def __init__(self, code: str):
        self.code = code
        self.dir = DATA_DIR / code
        if not (self.dir / "language.yaml").exists():
            raise LanguageDataError(f"no language data for {code!r} in {self.dir}")

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    @functools.cache
    def load(self, name: str) -> dict:
        """The validated contents of ``data/<code>/<name>.yaml`` ({} if absent)."""
        path = self.dir / f"{name}.yaml"
        if not path.exists():
            return {}
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or {}
        except yaml.YAMLError as exc:
            raise LanguageDataError(f"{path}: not valid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise LanguageDataError(f"{path}: expected a mapping at the top level")
        unknown = set(data) - SCHEMAS.get(name, set(data))
        if unknown:
            raise LanguageDataError(f"{path}: unknown key(s) {sorted(unknown)}; allowed: {sorted(SCHEMAS[name])}")
        return data

    @functools.cache
    def csv(self, name: str) -> list[dict[str, str]]:
        """Rows of ``data/<code>/<name>.csv``."""
        return read_csv(self.dir / f"{name}.csv")

    @functools.cached_property
    def currencies(self) -> list[dict]:
        """Every currency entry of ``currencies.yaml``, shared names included.

        Each entry has ``code`` (for a shared name: its most common reading) and ``codes``
        (the candidate codes; more than one for a shared name), plus the word lists.
        """
        data = self.load("currencies")
        path = self.dir / "currencies.yaml"
        known = currency_countries()
        out = []
        for entry in data.get("currencies") or []:
            out.append({**entry, "codes": (entry["code"],)})
        for entry in data.get("shared") or []:
            codes = tuple(entry.get("codes") or ())
            if len(codes) < 2:
                raise LanguageDataError(f"{path}: a shared name needs two codes or more: {entry}")
            out.append({**entry, "code": codes[0], "codes": codes})
        for entry in out:
            for code in entry["codes"]:
                if code not in known:
                    raise LanguageDataError(f"{path}: {code} is not in {DATA_DIR / 'currencies.csv'}")
        return out

    @functools.cached_property
    def script(self) -> re.Pattern:
        """A character class matching one letter of this language's script."""
        return re.compile(f"[{self.load('language')['script']}]")

    def _units(self, key: str) -> list[str]:
        """Prefix units listed under ``prefixes.<key>``, normalized, longest first."""
        units = self.load("language").get("prefixes", {}).get(key, [])
        return sorted((normalize_word(u) for u in units), key=len, reverse=True)

    @functools.cached_property
    def prefix_units(self) -> list[str]:
        return self._units("units")

    @functools.cached_property
    def prefix_pattern(self) -> str:
        """Regex source for an optional attached prefix, joiner included."""
        return self._prefix_pattern(self.prefix_units)

    @functools.cached_property
    def verb_prefix_pattern(self) -> str:
        """Regex source for the prefixes a verb takes (conjunctions: ו, ש; و, ف)."""
        return self._prefix_pattern(self._units("verb_units"))

    def _prefix_pattern(self, units_list: list[str]) -> str:
        spec = self.load("language").get("prefixes", {})
        if not units_list:
            return ""
        units = "|".join(map(re.escape, units_list))
        joiners = "|".join(map(re.escape, spec.get("joiners", [])))
        joiner = f"(?:{joiners})?" if joiners else ""
        # lazy: the longest listed word wins over prefix + a shorter word (ממניות before מ + מניות)
        return f"(?:(?:{units}){{1,{int(spec.get('max', 1))}}}?{joiner})??"

    def word_forms(self, words: Iterable[str], prefix: bool = True) -> dict[str, str]:
        """Normalized forms a word may take in text → the normalized word.

        Besides the word itself this adds contracted forms from the data
        (``ل`` + ``الولايات`` is written ``للولايات``).
        """
        forms = {normalize_word(w): normalize_word(w) for w in words if w and normalize_word(w)}
        if prefix:
            for article, merged in self.load("language").get("prefixes", {}).get("contractions", {}).items():
                for f, word in list(forms.items()):
                    if f.startswith(article):
                        forms.setdefault(merged + f[len(article):], word)
        return forms

    def words_regex(self, words: Iterable[str], prefix: bool | str = True) -> re.Pattern:
        """Match any of ``words`` as a whole word, optionally after an attached prefix.

        Groups: ``prefix`` (possibly empty) and ``word``; :meth:`lookup` also
        maps each matched ``word`` back to a value. Matching is on normalized text.
        ``prefix="verb"`` allows only the prefixes a verb takes.
        """
        forms = self.word_forms(words, prefix is True)
        if not forms:
            return re.compile(r"(?!x)x")
        pre = self.verb_prefix_pattern if prefix == "verb" else (self.prefix_pattern if prefix else "")
        # a quote mark between letters is part of the word (Hebrew acronyms: ליש"ט is not ל + יש)
        return re.compile(rf"(?<!\w)(?P<prefix>{pre})(?P<word>{trie_pattern(forms)})(?!\w|[\"'](?=\w))")

    def any_form(self, words: Iterable[str]) -> re.Pattern:
        """Any form of ``words`` as a bare string (:func:`bare_forms`): a span without one holds no
        match of :meth:`words_regex` for the same words."""
        return bare_forms(self.word_forms(words))

    def lookup(self, mapping: dict, prefix: bool | str = True) -> tuple[re.Pattern, dict]:
        """A regex for the words of ``mapping`` and a map from each matched form to its value.

        ``mapping`` is word → value (words written plainly, as in the data files);
        look up ``match.group("word")`` in the returned map.

        >>> pattern, value = language("ar").lookup({"الولايات المتحدة": "United States"})
        >>> value[pattern.search("للولايات المتحدة").group("word")]
        'United States'
        """
        values: dict = {}
        for word, value in mapping.items():
            values.setdefault(normalize_word(word), value)
        forms = self.word_forms(values, prefix is True)
        return self.words_regex(values, prefix), {form: values[word] for form, word in forms.items()}

    @functools.cache
    def prefix_parts(self, prefix: str) -> tuple[str, ...]:
        """The units of an attached prefix, its joiner dropped.

        >>> language("he").prefix_parts("וכש-")
        ('ו', 'כ', 'ש')
        >>> language("ar").prefix_parts("وبال")
        ('و', 'ب', 'ال')
        """
        spec = self.load("language").get("prefixes", {})
        rest = prefix
        for j in spec.get("joiners", []):
            if j and rest.endswith(j):
                rest = rest[: -len(j)]
                break
        units: list[str] = []
        while rest:
            unit = next((u for u in self.prefix_units if rest.startswith(u)), None)
            if unit is None:
                break
            units.append(unit)
            rest = rest[len(unit):]
        return tuple(units)


@functools.cache
def currency_countries() -> dict[str, frozenset[str]]:
    """ISO 4217 code → the ISO 3166 codes of the countries that use it (``data/currencies.csv``)."""
    return {r["code"]: frozenset(filter(None, r["countries"].split("|")))
            for r in read_csv(DATA_DIR / "currencies.csv")}


def trie_pattern(words: Iterable[str]) -> str:
    """Regex source matching any of ``words``, longest first, as a prefix trie.

    A trie is much faster for Python's ``re`` than a flat alternation.

    >>> re.fullmatch(trie_pattern(["ab", "abc", "b"]), "abc") is not None
    True
    """
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie) if trie else r"(?!x)x"


@functools.cache
def language(code: str) -> Language:
    """The :class:`Language` for ``code`` (``he``, ``ar``, …)."""
    return Language(code)


def sentence_ends(lang: str | None) -> tuple[str, ...]:
    """The characters that end a sentence in ``lang`` (besides a line break).

    >>> sentence_ends("ar")[-1], sentence_ends(None)
    ('؟', ('.', '?', '!'))
    """
    if not lang:
        return DEFAULT_SENTENCE_END
    return tuple(language(lang).load("language").get("sentence_end", DEFAULT_SENTENCE_END))


@functools.cache
def languages() -> tuple[str, ...]:
    """Codes of every language with a data folder."""
    return tuple(sorted(p.parent.name for p in DATA_DIR.glob("*/language.yaml")))


@functools.cache
def _script_runs(code: str) -> re.Pattern:
    """Runs of letters of a language's script (counting runs is faster than counting letters)."""
    return re.compile(language(code).script.pattern + "+")


def detect_language(text: str) -> str | None:
    """The language whose script has the most letters in ``text``, or None.

    >>> detect_language("OpenAI גייסה 6.6 מיליארד דולר"), detect_language("جمعت OpenAI"), detect_language("none")
    ('he', 'ar', None)
    """
    best, best_n = None, 0
    for code in languages():
        n = _letters(_script_runs(code), text)
        if n > best_n:
            best, best_n = code, n
    return best


_PIECE = 1 << 16


def _letters(runs: re.Pattern, text: str) -> int:
    """How many characters of ``text`` the runs of ``runs`` cover, counted a piece of the text at a time
    (a run cut at a piece's end is counted in two parts; a big text is not copied whole)."""
    return sum(sum(map(len, runs.findall(text, k, k + _PIECE))) for k in range(0, len(text), _PIECE))


def bare_forms(forms: Iterable[str]) -> re.Pattern:
    """Any of ``forms`` as a bare string. The ``word`` group of :meth:`Language.words_regex` and
    :meth:`Language.lookup` matches one of them, so a span without one holds no match of that regex,
    and is found much faster than its matches: a quick test before reading a sentence for them.

    >>> bool(bare_forms(["מניות"]).search("ומניותיה")), bool(bare_forms(["מניות"]).search("מנייה"))
    (True, False)
    """
    return re.compile(trie_pattern(forms))
