"""Comparing sources end to end: sentences written for these tests in the style of Hebrew and Arabic
business news (fictional outlets; not taken from any page), loaded as a corpus, read by the claims
engine, compared. Each expected finding was annotated by hand before the engine ran."""

import csv

import pandas as pd
import pytest

from analysis import compare_sources, load_corpus
from analysis.compare import compare_share, comparison_of

#: name, lang, outlet, published, country, text
DOCS = [
    # agree, across languages and a hedge
    ("ant_he", "he", "חדשות הטכנולוגיה", "2025-10-05", "IL", "חברת Anthropic גייסה 13 מיליארד דולר בסבב גיוס שהסתיים החודש."),
    ("ant_ar", "ar", "البوابة التقنية", "2025-10-07", "AE", "جمعت شركة Anthropic نحو 13 مليار دولار في جولة تمويل جديدة هذا الشهر."),
    # conflict: the same month, 4 against 3 trillion
    ("nv_he", "he", "שוק ההון היום", "2025-07-20", "IL", "שווי השוק של אנבידיה הגיע ל-4 טריליון דולר ביולי 2025."),
    ("nv_ar", "ar", "الاقتصاد الرقمي", "2025-07-22", "SA", "بلغت القيمة السوقية لشركة إنفيديا 3 تريليونات دولار في يوليو 2025."),
    # series: March and October are two times, not a conflict
    ("oa_he", "he", "חדשות הטכנולוגיה", "2025-03-31", "IL", "OpenAI הוערכה בשווי של 300 מיליארד דולר במרץ 2025."),
    ("oa_ar", "ar", "البوابة التقنية", "2025-10-03", "AE", "بلغ تقييم OpenAI نحو 500 مليار دولار في أكتوبر 2025."),
    # not comparable: a plan and money spent
    ("ms_he", "he", "מגזין הענן", "2025-01-10", "IL", "מיקרוסופט מתכננת להשקיע 80 מיליארד דולר במרכזי נתונים ב-2025."),
    ("ms_ar", "ar", "نشرة السحابة", "2025-12-20", "AE", "أنفقت مايكروسوفت 80 مليار دولار على مراكز البيانات في عام 2025."),
    # agree: half a trillion is 500 billion; the undated Hebrew figure joins the Arabic one's time
    ("musk_he", "he", "עושר ופנאי", "2025-11-02", "IL", "ההון של אילון מאסק מוערך בחצי טריליון דולר."),
    ("musk_ar", "ar", "أثرياء العالم", "2025-11-04", "AE", "تبلغ ثروة إيلون ماسك 500 مليار دولار."),
    # agree through the rate table: 1.07 billion shekels and about 300 million dollars
    ("cato_he", "he", "גיוסים", "2025-02-20", "IL", "חברת הסייבר Cato Networks גייסה 1.07 מיליארד שקל בסבב שהושלם בפברואר 2025."),
    ("cato_ar", "ar", "رواد الأعمال", "2025-02-21", "AE", "جمعت شركة Cato Networks نحو 300 مليون دولار في فبراير 2025."),
    # not comparable: no rate for the Egyptian pound
    ("insta_ar", "ar", "أخبار مصر التقنية", "2025-05-10", "EG", "جمعت شركة Instabug المصرية 150 مليون جنيه في مايو 2025."),
    ("insta_he", "he", "סטארטאפים בעולם", "2025-05-12", "IL", "Instabug גייסה 3 מיליון דולר במאי 2025."),
    # not comparable: a whole round and one investor's part of it
    ("mis_he", "he", "אירופה טק", "2025-09-10", "IL", "Mistral גייסה 1.7 מיליארד אירו בספטמבר 2025 בסבב בהובלת ASML ובהשתתפות Nvidia."),
    ("mis_ar", "ar", "أوروبا التقنية", "2025-09-11", "AE", "استثمرت Nvidia مبلغ 300 مليون يورو في شركة Mistral في سبتمبر 2025."),
    # nothing: different subjects with the same number
    ("xai_he", "he", "מגזין הענן", "2024-12-25", "IL", "xAI גייסה 6 מיליארד דולר בדצמבר 2024."),
    ("ppl_ar", "ar", "نشرة السحابة", "2024-12-27", "AE", "جمعت Perplexity مبلغ 6 مليارات دولار في ديسمبر 2024."),
    # nothing: one outlet contradicting itself across two articles is not two sources
    ("db_1", "he", "שוק ההון היום", "2025-08-20", "IL", "Databricks הוערכה ב-100 מיליארד דולר באוגוסט 2025."),
    ("db_2", "he", "שוק ההון היום", "2025-08-28", "IL", "Databricks הוערכה ב-62 מיליארד דולר באוגוסט 2025."),
    # inside one document
    ("range_he", "he", "אנליסטים", "2025-06-01", "IL",
     "אנליסטים מעריכים כי החברה תונפק לפי שווי של 900 מיליארד עד 1.1 מיליארד דולר."),
    ("stake_he", "he", "הון סיכון", "2025-06-01", "IL",
     "סופטבנק מחזיקה ב-10% ממניות Cohere בשווי של 700 מיליון דולר. Cohere הוערכה לאחרונה בשווי של 5 מיליארד דולר."),
    ("double_ar", "ar", "أرقام", "2025-06-01", "AE", "تضاعفت إيرادات Cohere من 2 مليار دولار إلى 5 مليارات دولار."),
    ("change_he", "he", "שבבים", "2025-06-01", "IL", "ההכנסות של Nvidia זינקו ב-60% מ-30 מיליארד דולר ל-57 מיליארד דולר."),
    ("shares_ar", "ar", "حصص السوق", "2025-06-01", "AE",
     "تبلغ حصة OpenAI السوقية 45%، بينما تبلغ حصة Anthropic السوقية 40% وحصة Google السوقية 25%."),
    ("percap_he", "he", "עושר ופנאי", "2025-12-01", "IL",
     "ההון של ג'ף בזוס, כ-240 מיליארד דולר, שקול להון של מיליון אמריקאים. העושר הממוצע לאדם בארה\"ב עומד על כ-550 אלף דולר."),
]

#: (subject, check, verdict, outlets or documents) of every finding expected, annotated by hand.
EXPECTED = {
    ("Anthropic", "values_agree", "agree"),
    ("Nvidia", "values_conflict", "conflict"),
    ("OpenAI", "series_over_time", "series"),
    ("Microsoft", "different_modality", "not comparable"),
    ("Elon Musk", "values_agree", "agree"),
    ("Cato Networks", "values_agree", "agree"),
    ("Instabug", "no_rate", "not comparable"),
    ("Mistral", "different_counterpart", "not comparable"),
    ("", "range_reversed", "inconsistent"),
    ("SoftBank; Cohere", "stake_times_valuation", "inconsistent"),
    ("Cohere", "multiple_vs_values", "inconsistent"),
    ("Nvidia", "change_vs_values", "inconsistent"),
    ("OpenAI; Anthropic; Google", "shares_sum_over_100", "inconsistent"),
    ("Jeff Bezos; United States", "per_capita", "inconsistent"),
}


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare_corpus")
    with (folder / "SOURCES.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "file", "lang", "outlet", "published", "country"])
        for name, lang, outlet, published, country, text in DOCS:
            (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
            w.writerow([name, f"{name}.txt", lang, outlet, published, country])
    return load_corpus(folder).claims


@pytest.fixture(scope="module")
def comparison(claims):
    return compare_sources(claims)


def test_every_expected_finding_and_no_other(comparison):
    got = {(r.subject, r.check, r.verdict) for r in comparison.itertuples()}
    assert got == EXPECTED


def test_notes_say_what_a_reader_needs(comparison):
    notes = {(r.subject, r.check): r.note for r in comparison.itertuples()}
    assert "1.33 times" in notes["Nvidia", "values_conflict"]
    assert "1.07 billion ILS is" in notes["Cato Networks", "values_agree"] and "3.557 ILS" in notes["Cato Networks", "values_agree"]
    assert "no rate for EGP" in notes["Instabug", "no_rate"]
    assert "a plan against a reported fact" in notes["Microsoft", "different_modality"] or \
        "a reported fact against a plan" in notes["Microsoft", "different_modality"]
    series = notes["OpenAI", "series_over_time"]
    assert series.index("300 billion USD (2025-03") < series.index("500 billion USD (2025-10")
    assert "1.1 trillion USD" in notes["", "range_reversed"]


def test_both_quotes_are_given(comparison):
    row = comparison.set_index(["subject", "check"]).loc[("Nvidia", "values_conflict")]
    assert "שווי השוק של אנבידיה" in row["quotes"] and "القيمة السوقية لشركة إنفيديا" in row["quotes"]
    assert row["outlets"] == "שוק ההון היום; الاقتصاد الرقمي" or row["outlets"] == "الاقتصاد الرقمي; שוק ההון היום"


def test_nothing_is_dropped(comparison):
    summary = comparison.attrs["undecided"]
    assert sum(r["claims"] for r in summary) > 0
    assert {r["status"] for r in summary} <= {"left out", "undecided", "compared", "single source"}


@pytest.mark.parametrize("passed", [False, True])
@pytest.mark.parametrize("shares", [2, 3, 7])
@pytest.mark.parametrize("twice", [False, True], ids=["once", "two folders alike"])
def test_the_comparison_made_in_shares_is_the_comparison_made_in_one(claims, shares, passed, twice):
    """What ``build --jobs N`` does: each process compares its share of the groups and checks its share
    of the documents; put together, the table and the summary are those of one process. Twice: the
    same files read from two folders (claim ids made unique as ``#2``, a document's rows apart)."""
    table = pd.concat([claims, claims], ignore_index=True) if twice else claims
    one = compare_sources(table, passed=passed)
    parts = [compare_share(table, k, shares, passed) for k in range(shares)]
    assert sum(len(p.found) for p in parts) == len(one)  # no finding made twice
    assert sorted(q for p in parts for q in p.positions) == list(range(len(table)))  # each claim's fate once
    assert sum(bool(len(p.found)) for p in parts) > 1  # the work is shared
    merged = comparison_of(parts)
    pd.testing.assert_frame_equal(merged, one)
    assert merged.attrs == one.attrs and ("#2" in str(merged.attrs)) == twice
