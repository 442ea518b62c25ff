"""Normalization offsets, sentences and prefixes (table-driven), and the reassembly property."""

import pytest
from hypothesis import given, settings, strategies as st

from analysis.corpus.mentions import find_mentions
from analysis.text.normalize import normalize
from analysis.corpus.sentences import split_sentences

NORMALIZE = [
    ("arabic-indic digits", "٥٫٥ مليار", "5.5 مليار"),
    ("persian digits", "۱۲", "12"),
    ("tatweel dropped", "بـ500", "ب500"),
    ("diacritics dropped", "مُسْتَخْدِم", "مستخدم"),
    ("niqqud dropped", "שָׁלוֹם", "שלום"),
    ("bidi controls dropped", "\u200f5%\u200e", "5%"),
    ("nbsp to space", "5\u00a0%", "5 %"),
    ("gershayim", "ש״ח", 'ש"ח'),
    ("maqaf", "ב\u05beOpenAI", "ב-openai"),
    ("alef variants", "أكثر إلى آلاف", "اكثر الي الاف"),
    ("percent sign", "٪", "%"),
]


@pytest.mark.parametrize("name,original,expected", NORMALIZE, ids=[c[0] for c in NORMALIZE])
def test_normalize(name, original, expected):
    n = normalize(original)
    assert n.text == expected
    # every normalized character maps back to an original character it came from
    for i in range(len(n.text)):
        a, b = n.to_original(i, i + 1)
        assert b - a >= 1 and 0 <= a < len(original)


# (lang, text, expected (surface, entity) pairs): prefixes are handled once, in code, for every alias
PREFIXES = [
    ("he", "השקיעה ב-OpenAI", [("OpenAI", "OpenAI")]),
    ("he", "השקיעה בOpenAI", [("OpenAI", "OpenAI")]),
    ("he", "השקיעה ב\u05beOpenAI", [("OpenAI", "OpenAI")]),
    ("he", "ומיקרוסופט הודיעה", [("מיקרוסופט", "Microsoft")]),
    ("he", "פנתה לאלטמן", [("אלטמן", "Sam Altman")]),
    ("he", "וכשגוגל השיקה", [("גוגל", "Google")]),
    ("he", "מטסלה", [("טסלה", "Tesla")]),
    ("he", "שבגוגל", [("גוגל", "Google")]),
    ("ar", "بـ DeepSeek", [("DeepSeek", "DeepSeek")]),
    ("ar", "لـOpenAI", [("OpenAI", "OpenAI")]),
    ("ar", "وجوجل", [("جوجل", "Google")]),
    ("ar", "فمايكروسوفت", [("مايكروسوفت", "Microsoft")]),
    ("ar", "وبمايكروسوفت", [("مايكروسوفت", "Microsoft")]),
    ("ar", "كأوبن إيه آي", [("أوبن إيه آي", "OpenAI")]),
    ("ar", "للولايات المتحدة", [("للولايات المتحدة", "United States")]),
    ("ar", "وألتمان", [("ألتمان", "Sam Altman")]),
    ("he", "OpenAIX", []),
    ("ar", "جوجلي", []),
]


@pytest.mark.parametrize("lang,text,expected", PREFIXES, ids=[f"{c[0]}:{c[1]}" for c in PREFIXES])
def test_attached_prefixes(lang, text, expected):
    got = [(m.surface, m.entity) for m in find_mentions(text, lang)]
    assert got == expected
    for m in find_mentions(text, lang):
        assert text[m.start:m.end] == m.surface


def test_product_versions_belong_to_the_mention():
    text = "أطلقت Google نموذج Gemini 2.0 و Grok-2 بينما استغرق TikTok 9 أشهر"
    got = {m.surface for m in find_mentions(text, "ar")}
    assert {"Gemini 2.0", "Grok-2", "TikTok"} <= got


SENTENCES = [
    ("he", "שלום. מה נשמע?\nשורה", ["שלום.", "מה נשמע?", "שורה"]),
    ("he", "Nova Ltd. -5.74% היום.", ["Nova Ltd. -5.74% היום."]),
    ("ar", "قال: \"مرحبا.\" ثم ذهب؟ نعم", ['قال: "مرحبا."', "ثم ذهب؟", "نعم"]),
    ("ar", "بلغت 6.6 مليار دولار.", ["بلغت 6.6 مليار دولار."]),
]


@pytest.mark.parametrize("lang,text,expected", SENTENCES, ids=[c[1][:12] for c in SENTENCES])
def test_sentences(lang, text, expected):
    assert [text[s.start:s.end] for s in split_sentences(text, lang=lang)] == expected


ALPHABET = st.sampled_from(
    list("אבגדהוזחטיכלמנסעפצקרשת") + list("ابتثجحخدذرسشصضطظعغفقكلمنهوي") + list("abcXYZ0123456789٠١٢٣")
    + list(" .,!?؟:;\"'()-%$\n\r\t") + ["\u00a0", "\u200f", "ـ", "\u064e", "\u05b8", "Ltd.", "״"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=200).map("".join), st.sampled_from(["he", "ar", None]))
def test_sentences_and_gaps_reassemble_the_text(text, lang):
    sentences = split_sentences(text, lang=lang)
    rebuilt, cut = [], 0
    for s in sentences:
        assert cut <= s.start < s.end <= len(text)
        gap = text[cut:s.start]
        assert gap.strip() == ""  # nothing but white space is left out of sentences
        rebuilt += [gap, text[s.start:s.end]]
        cut = s.end
    assert text[cut:].strip() == ""
    assert "".join(rebuilt) + text[cut:] == text


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_normalized_spans_map_back_in_bounds(text):
    n = normalize(text)
    for i in range(len(n.text) + 1):
        a, b = n.to_original(i, min(i + 1, len(n.text)))
        assert 0 <= a <= b <= len(text)


@pytest.mark.parametrize("content, message", [
    ("numbers:\n  - [1, 2\n  - 3\n", "not valid YAML"),  # an unclosed list
    ("- one\n- two\n", "expected a mapping at the top level"),
    ("no_such_key: 1\n", "unknown key(s) ['no_such_key']"),
])
def test_a_broken_language_data_file_is_named_with_its_problem(tmp_path, content, message):
    from analysis.text.langdata import Language, LanguageDataError

    lang = Language("he")
    lang.dir = tmp_path  # the same reader, pointed at a folder of broken data
    (tmp_path / "numbers.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(LanguageDataError) as err:
        lang.load("numbers")
    assert str(tmp_path / "numbers.yaml") in str(err.value) and message in str(err.value)
