"""Numerals in Hebrew and Arabic text: the public names of :mod:`analysis.claims.grammar`.

The reader is split into small named rules there, one module per family (digits, numeric
shapes, number words, fractions, unit words, noun duals); this module keeps the names the
rest of the pack imports.

>>> [(n.text, n.value) for n in find_numbers("גרעון של 5 מיליארד דולר", "he")]
[('5 מיליארד', 5000000000.0)]
"""

from .grammar import Grammar, Numeral, find_numbers, grammar, iter_numerals, parse_digits, read_numeral
from .grammar.core import explain

__all__ = ["Numeral", "Grammar", "grammar", "read_numeral", "find_numbers", "parse_digits", "iter_numerals", "explain"]
