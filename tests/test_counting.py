"""Counting each fact once, and the claim rules of issue 6: lists, shares, changes, shared currencies, markup.

Sentences are written for these tests in the style of business news; expected values were
worked out by hand.
"""

import math
import warnings

import pytest

from analysis import counted, extract_claims, load_corpus

# (rule, lang, published, country, sentence) → [(text, value, value_max, unit, kind, role, unit_inferred)]
N = None
CLAIMS = [
    ("list_shares_unit", "ar", "2025-04-02", "", "خصصت الحكومة 7 و8 مليارات دولار لمحطتي الطاقة.",
     [("7", 7e9, N, "USD", "money", "", False), ("8 مليارات دولار", 8e9, N, "USD", "money", "", False)]),
    ("list_shares_unit", "he", "2025-04-02", "", "הקרנות השקיעו 3, 5 ו-7 מיליון דולר בשלושה סבבים.",
     [("3", 3e6, N, "USD", "money", "", False), ("5", 5e6, N, "USD", "money", "", False),
      ("7 מיליון דולר", 7e6, N, "USD", "money", "", False), ("שלושה סבבים", 3, N, "funding_rounds", "count", "", False)]),
    ("list_shares_unit", "he", "2025-04-02", "", "הריבית תעלה ב-0.25 או 0.5 נקודת אחוז.",
     [("0.25", 0.25, N, "percentage_points", "percent", "", False),
      ("0.5 נקודת אחוז", 0.5, N, "percentage_points", "percent", "", False)]),
    ("range_between", "he", "2025-04-02", "", "ההנפקה צפויה לגייס בין 3 ל-4.5 מיליארד דולר.",
     [("3 ל-4.5 מיליארד דולר", 3e9, 4.5e9, "USD", "money", "", False)]),
    ("range_from_to", "ar", "2025-04-02", "", "تتراوح تقديرات المحللين من 20 مليارًا إلى 35 مليار دولار.",
     [("20 مليارًا إلى 35 مليار دولار", 2e10, 3.5e10, "USD", "money", "", False)]),
    ("change_from_to", "ar", "2025-04-02", "", "رفعت الشركة تقييمها من 20 إلى 35 مليار دولار.",
     [("20", 2e10, N, "USD", "money", "before", False), ("35 مليار دولار", 3.5e10, N, "USD", "money", "after", False)]),
    ("change_from_to", "he", "2025-04-02", "", "הקרן העלתה את שווי האחזקה מ-20 ל-35 מיליארד שקל.",
     [("20", 2e10, N, "ILS", "money", "before", False), ("35 מיליארד שקל", 3.5e10, N, "ILS", "money", "after", False)]),
    ("fraction_of_whole", "he", "2025-04-02", "", "החברה פיטרה כמעט חצי מהעובדים ושולטת ברבע מהשוק.",
     [("חצי", 50, N, "percent", "percent", "", False), ("רבע", 25, N, "percent", "percent", "", False)]),
    ("fraction_of_whole", "ar", "2025-04-02", "", "استحوذت المجموعة على ثلث السوق بعد أن سرحت نصف الموظفين.",
     [("ثلث", 100 / 3, N, "percent", "percent", "", False), ("نصف", 50, N, "percent", "percent", "", False)]),
    ("fraction_not_share", "he", "2025-04-02", "", "החברה גייסה חצי מיליארד דולר תוך חצי שנה.",
     [("חצי מיליארד דולר", 5e8, N, "USD", "money", "", False), ("חצי שנה", 0.5, N, "years", "duration", "", False)]),
    ("currency_from_country", "ar", "2025-04-02", "MA", "ربح البنك 450 مليون درهم في الربع الأول.",
     [("450 مليون درهم", 4.5e8, N, "MAD", "money", "", True)]),
    ("currency_from_country", "ar", "2025-04-02", "AE", "ربح البنك 450 مليون درهم في الربع الأول.",
     [("450 مليون درهم", 4.5e8, N, "AED", "money", "", True)]),
    ("currency_most_common", "ar", "2025-04-02", "", "ربح البنك 450 مليون درهم في الربع الأول.",
     [("450 مليون درهم", 4.5e8, N, "AED", "money", "", True)]),
    ("currency_from_country", "ar", "2025-04-02", "JO", "ارتفع سعر الاشتراك الشهري إلى دينارين.",
     [("دينارين", 2, N, "JOD", "money", "", True)]),
    ("currency_not_shared", "ar", "2025-04-02", "MA", "ربح البنك 450 مليون درهم إماراتي في الربع الأول.",
     [("450 مليون درهم إماراتي", 4.5e8, N, "AED", "money", "", False)]),
    ("noun_before_one", "ar", "2025-04-02", "", "لم تتقدم سوى شركة واحدة إلى المناقصة.",
     [("شركة واحدة", 1, N, "companies", "count", "", False)]),
    ("one_with_article", "ar", "2025-04-02", "", "وزعت الشركة 1.5 دولار للسهم الواحد.",
     [("1.5 دولار", 1.5, N, "USD", "money", "", False)]),
    ("number_of_noun", "he", "2025-11-11", "IL", "מספר המשתמשים הרשומים באפליקציה עלה מ-1.2 מיליון ל-1.9 מיליון.",
     [("1.2 מיליון", 1.2e6, N, "users", "count", "before", False),
      ("1.9 מיליון", 1.9e6, N, "users", "count", "after", False)]),
    ("number_of_noun", "ar", "2025-11-11", "", "ارتفع عدد الموظفين في مكتب دبي إلى 450.",
     [("450", 450, N, "employees", "count", "", False)]),
    ("definite_duration", "he", "2025-11-11", "", "בשלוש השנים הקרובות תשקיע החברה 2 מיליארד דולר.",
     [("שלוש השנים", 3, N, "years", "duration", "", False), ("2 מיליארד דולר", 2e9, N, "USD", "money", "", False)]),
    ("change_to_word", "he", "2025-11-11", "", "מחיר המניה מ-40 ל-55 דולר בתוך שבוע.",
     [("40", 40, N, "USD", "money", "before", False), ("55 דולר", 55, N, "USD", "money", "after", False),
      ("שבוע", 1, N, "weeks", "duration", "", False)]),  # a singular unit after a time preposition
    ("range_not_change", "he", "2025-11-11", "", "השווי מוערך במ-20 עד 35 מיליארד דולר.",
     [("20 עד 35 מיליארד דולר", 2e10, 3.5e10, "USD", "money", "", False)]),
    ("unit_word_is_verb", "he", "2025-04-02", "", "המנכ\"ל שקל לפרוש, ובסוף קיבל העלאה בשקל אחד למניה.",
     [("שקל אחד", 1, N, "ILS", "money", "", False)]),
    ("one_of", "he", "2025-04-02", "", "היילו, אחת מחברות השבבים הבולטות, גייסה 120 מיליון דולר.",
     [("120 מיליון דולר", 1.2e8, N, "USD", "money", "", False)]),
    ("range_cue", "he", "2025-09-10", "IL", "ההערכות לשווי ההנפקה נעות מ-1.5 ל-2 מיליארד דולר.",
     [("1.5 ל-2 מיליארד דולר", 1.5e9, 2e9, "USD", "money", "", False)]),
    ("dual_is_adjective", "he", "2025-06-12", "IL", "בתוך שבועיים זינק מספר המשתמשים הפעילים השבועיים ל-2.4 מיליון.",
     [("שבועיים", 2, N, "weeks", "duration", "", False), ("2.4 מיליון", 2.4e6, N, "users", "count", "", False)]),
    ("noun_before_one", "he", "2025-01-08", "IL", "רק חברה אחת מתוך 12 החברות בתיק רשמה רווח.",
     [("חברה אחת", 1, N, "companies", "count", "", False), ("12 החברות", 12, N, "companies", "count", "", False)]),
    ("elided_unit", "he", "2025-01-07", "IL", "החברה מעסיקה 12,500 עובדים, מהם 4,300 במפעל בדרום.",
     [("12,500 עובדים", 12500, N, "employees", "count", "", False), ("4,300", 4300, N, "employees", "count", "", False)]),
    ("elided_unit", "ar", "2025-01-07", "EG", "أنفقت الشركة 3 مليارات دولار على الحوسبة مقابل 2 في العام السابق.",
     [("3 مليارات دولار", 3e9, N, "USD", "money", "", False), ("2", 2e9, N, "USD", "money", "", False)]),
    ("unit_of_measure", "ar", "2025-01-07", "AE", "تبلغ قدرة المركز 200 ميغاواط وترتفع إلى 1 غيغاواط لاحقا.",
     [("200 ميغاواط", 200, N, "megawatts", "other", "", False), ("1 غيغاواط", 1, N, "gigawatts", "other", "", False)]),
    ("basis_points", "ar", "2025-01-07", "EG", "خفض البنك المركزي الفائدة 225 نقطة أساس.",
     [("225 نقطة أساس", 2.25, N, "percentage_points", "percent", "", False)]),
    ("fraction_construct_share", "ar", "2025-01-07", "EG", "باعت الحكومة ربع أسهم البنك وبلغ الفريق نصف نهائي البطولة.",
     [("ربع", 25, N, "percent", "percent", "", False), ("نصف", 0.5, N, "", "other", "", False)]),
    ("definite_unit", "he", "2025-01-07", "IL", "שער הדולר חצה את רף 35 הלירות.",
     [("35 הלירות", 35, N, "TRY", "money", "", True)]),
    ("markup_blanked", "he", "2025-04-02", "", "<script>var n = 42;</script><img src=x onerror=alert(7) width=300> החברה גייסה 5 מיליון דולר <a href=\"javascript:go(9)\">כאן</a>",
     [("5 מיליון דולר", 5e6, N, "USD", "money", "", False)]),
]


def _same(a, b):
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return math.isclose(a, b, rel_tol=1e-9)


@pytest.mark.parametrize("rule,lang,published,country,sentence,expected", CLAIMS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CLAIMS)])
def test_rule(rule, lang, published, country, sentence, expected):
    claims = extract_claims(sentence, lang, published, country)
    got = [(r.text, r.value, r.value_max, r.unit, r.kind, r.role, r.unit_inferred) for r in claims.itertuples()]
    assert [g[0] for g in got] == [e[0] for e in expected], got
    for g, e in zip(got, expected):
        assert _same(g[1], e[1]) and _same(g[2], e[2]), (rule, g, e)
        assert g[3:] == e[3:], (rule, g, e)


def test_repeat_of_links_a_repeated_figure_to_its_first_statement():
    text = ("xAI גייסה 6 מיליארד דולר. חברת xAI השלימה סבב גיוס של 6 מיליארד דולר, כך נמסר היום. "
            "החברה מעסיקה 300 עובדים. בסך הכול גייסה xAI בסבב 6 מיליארד דולר.")
    claims = extract_claims(text, "he", "2025-01-10")
    six = claims[claims["value"] == 6e9]
    assert len(six) == 3
    first = six.iloc[0]
    assert first["repeat_of"] == ""
    assert (six.iloc[1:]["repeat_of"] == first["claim_id"]).all()
    assert counted(claims)["value"].tolist().count(6e9) == 1


@pytest.mark.parametrize("text", [
    "OpenAI גייסה 100 מיליון דולר. Anthropic גייסה 100 מיליון דולר.",  # two subjects
    "ההכנסות של Nvidia הגיעו ל-5 מיליארד דולר ב-2023, ושוב ל-5 מיליארד דולר ב-2024.",  # two periods
])
def test_the_same_value_about_something_else_is_not_a_repeat(text):
    claims = extract_claims(text, "he", "2025-01-10")
    money = claims[claims["kind"] == "money"]
    assert len(money) == 2 and (money["repeat_of"] == "").all()


@pytest.fixture
def page(tmp_path):
    """A page: its headline (scraped twice), a byline, the body restating it, an FAQ, reader comments."""
    text = ("Anthropic מגייסת 13 מיליארד דולר לפי שווי של 183 מיליארד דולר\n"
            "Anthropic מגייסת 13 מיליארד דולר לפי שווי של 183 מיליארד דולר\n"
            "רוי כהן |\n"
            "חברת Anthropic הודיעה היום כי השלימה גיוס של 13 מיליארד דולר, לפי שווי של 183 מיליארד דולר.\n"
            "שאלות ותשובות\n"
            "כמה גייסה Anthropic? 13 מיליארד דולר.\n"
            "תגובות לכתבה(2)\n"
            "1. ישראל: אני הייתי משקיע 500 דולר.\n")
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(tmp_path)


def test_a_repeated_headline_adds_no_second_counted_claim(page):
    claims = page.claims
    kept = counted(claims)
    assert kept["value"].tolist().count(13e9) == 1
    assert kept["value"].tolist().count(183e9) == 1
    assert claims["value"].tolist().count(13e9) == 4  # all still in the table, linked to the first


def test_numbers_in_comments_stay_but_are_outside_the_analysis(page):
    claims = page.claims
    comment = claims[claims["value"] == 500]
    assert len(comment) == 1 and not comment["in_analysis"].iloc[0]
    assert 500 not in counted(claims)["value"].tolist()


def _claims_of(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
    return corpus, corpus.claims.reset_index(drop=True)


def test_a_file_copied_under_a_second_name_adds_no_claim(tmp_path):
    a = "Nvidia תשקיע 500 מיליון דולר במרכז פיתוח חדש בחיפה, שיעסיק 1,200 עובדים.\n"
    b = "أعلن صندوق الاستثمارات العامة ضخ 15 مليار ريال سعودي في مراكز البيانات خلال عامين.\n"
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
        (folder / "a.txt").write_text(a, encoding="utf-8")
        (folder / "b.txt").write_text(b, encoding="utf-8")
    (two / "a_copy.txt").write_text(a, encoding="utf-8")  # the same bytes
    (two / "b_saved_again.txt").write_bytes(b.replace("\n", "\r\n").encode("utf-8-sig"))  # the same text
    _, without = _claims_of(one)
    corpus, with_copies = _claims_of(two)
    assert len(without) == 4
    assert with_copies.equals(without)
    assert set(corpus.skipped["reason"]) == {"duplicate of a.txt", "duplicate of b.txt"}
