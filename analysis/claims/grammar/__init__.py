"""Numerals in Hebrew and Arabic text, read by small named rules.

Everything here runs on the normalized copy of a text (see :mod:`analysis.text.normalize`):
Arabic-Indic digits are ASCII there, ``٫`` is ``.``, ``٬`` is ``,`` and diacritics
are gone. The words come from ``data/<lang>/numbers.yaml``; attached prefixes
(``ו``, ``ל-``, ``بـ``, ``وال``) come from :mod:`analysis.text.langdata`. The code holds
no language words.

Each reading is built by named rules, one short function each, grouped by family:

=================  ==============================================================
module             rules
=================  ==============================================================
:mod:`.digits`     ``digits``, ``exponent``, ``space_groups``, ``letter_decimal``,
                   ``minus_sign``, ``glued_scale``, ``digits_after_word``
:mod:`.shapes`     ``numeric_date``, ``month_first``, ``numeric_month``,
                   ``slash_fraction``; ``clock_time`` and ``slash_run`` read nothing
:mod:`.lexicon`    ``latin_name`` reads nothing (GPT-4, o3: digits in a name)
:mod:`.words`      ``number_word``, ``teen``, ``add``, ``within_group``, ``scale``,
                   ``dual_scale``, ``vague``, ``ordinal``, ``spaced_conjunction``,
                   ``negative``, ``decimal_word``
:mod:`.fractions`  ``fraction``, ``denominator``, ``mixed_fraction``, ``over``, ``part_of``
:mod:`.units`      ``unit_word``, ``unit_dual``, ``unit_fraction``, ``one_after``,
                   ``factor_unit``, ``time_context``
:mod:`.duals`      ``feminine_dual``, ``construct_dual``, ``listed_dual``,
                   ``dual_with_two``, ``dual_adjective``
:mod:`.dates`      ``relative_day``, ``relative_period``, ``day_month``, ``month_day``,
                   ``month_year``, ``relative_month``, ``weekday_date``,
                   ``weekday_relative``, ``weekday_of_week``, ``weekday_day``,
                   ``nth_weekday``, ``last_of_month``, ``day_of_month``: dates in words,
                   resolved against a publication date (:func:`.dates.find_dates`)
=================  ==============================================================

:data:`RULES` maps every name to its function; each :class:`Numeral` lists in ``rules``
the names of the rules that built it, in order, and :func:`explain` shows them:

>>> explain("גרעון של 5 מיליארד דולר", "he")
[('5 מיליארד', 5000000000.0, ('digits', 'scale'))]
>>> [(n.text, n.value) for n in find_numbers("مليون وألفين ومائتين", "ar")]
[('مليون وألفين ومائتين', 1002200.0)]
>>> parse_digits("1,234.5"), parse_digits("٢٦،٠١٣,٩٤".translate({0x0660 + i: str(i) for i in range(10)}))
(1234.5, 26013.94)
"""

from .core import RULES, Numeral, explain
from .digits import parse_digits
from .lexicon import Grammar, grammar
from .reader import find_numbers, iter_numerals, read_numeral
from . import dates, duals, fractions, shapes, units, words  # noqa: F401  (register every rule)

__all__ = ["Numeral", "Grammar", "grammar", "read_numeral", "find_numbers", "parse_digits", "iter_numerals",
           "RULES", "explain"]
