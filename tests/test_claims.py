"""Claims: subject, metric, period, attribution and changes (table-driven), and robustness."""

import math

import pytest
from hypothesis import given, settings, strategies as st

from analysis import extract_claims

# (lang, published, text, expected fields of the claim whose text is `claim`)
FIELDS = [
    ("he", "2024-07", "OpenAI צופה גרעון שיכול להגיע ל-5 מיליארד דולר השנה.", "5 מיליארד דולר",
     dict(value=5e9, unit="USD", kind="money", approx=True, subject="OpenAI", metric="loss", period="2024")),
    ("ar", "2024-12-26", "أكملت شركة OpenAI تمويلًا بقيمة 6.6 مليار دولار أمريكي هذا العام.", "6.6 مليار دولار أمريكي",
     dict(value=6.6e9, unit="USD", kind="money", subject="OpenAI", metric="funding_round", period="2024")),
    ("ar", "2024-12-26", "وفقًا لـ CNBC، فإن التقييم المستهدف لشركة xAI هو 50 مليار دولار أمريكي.", "50 مليار دولار أمريكي",
     dict(value=5e10, subject="xAI", metric="valuation", attribution="CNBC")),
    ("ar", "2024-12-26", "فإن خسائر OpenAI في العام المقبل قد تصل إلى 14 مليار دولار أمريكي.", "14 مليار دولار أمريكي",
     dict(value=1.4e10, approx=True, subject="OpenAI", metric="loss", period="2025", period_phrase="العام المقبل")),
    ("he", "2025-12", "אילון מאסק שווה כ-500 מיליארד דולר.", "500 מיליארד דולר",
     dict(value=5e11, approx=True, subject="Elon Musk", metric="net_worth")),
    ("ar", "2025-12", "يستخدم روبوت الدردشة ChatGPT حوالي 800 مليون شخص.", "800 مليون شخص",
     dict(value=8e8, kind="count", approx=True, subject="ChatGPT")),
    ("he", "2025-02", "לפי וול סטריט ג'ורנל, OpenAI גייסה 6.6 מיליארד דולר.", "6.6 מיליארד דולר",
     dict(subject="OpenAI", metric="funding_round", attribution="Wall Street Journal")),
    ("ar", "2025-02-20", "اعترف سام ألتمان: \"تكلفة تدريب GPT-4 تبلغ حوالي 100 مليون دولار\".", "100 مليون دولار",
     dict(value=1e8, subject="GPT-4", metric="training_cost", attribution="Sam Altman")),
    ("ar", "2024-12-26", "في عام 2023، جمعت الشركة 12 مليار دولار.", "12 مليار دولار",
     dict(period="2023")),
    # a quotation that runs over two sentences keeps its speaker; "now" is the month of publication
    ("ar", "2025-02-20", 'اعترف سام ألتمان: "تكلفة تدريب GPT-4 تبلغ حوالي 100 مليون دولار. الآن، كلف تدريب GPT-5 لمدة شهر 500 مليون دولار".',
     "500 مليون دولار", dict(attribution="Sam Altman", period="2025-02", subject="GPT-5")),
    # the owner right after a count; a verb of saying does not reach across a semicolon
    ("he", "2023-11-20", "היום מיקרוסופט מודיעה שהיא ממנה אותו; 500 עובדי OpenAI מאיימים לעזוב.", "500 עובדי",
     dict(value=500.0, unit="employees", subject="OpenAI", attribution="", metric="employees")),
    # a month with "this year" gives the month
    ("ar", "2024-12-26", "وإلى جانب التمويل من السلسلة B بقيمة 6 مليارات دولار أمريكي في مايو من هذا العام.",
     "6 مليارات دولار أمريكي", dict(period="2024-05", metric="funding_round")),
    # a person's worth is net worth, a company's is its valuation
    ("he", "2025-12", "ספייסX היא החברה הפרטית הגדולה בעולם עם שווי של מעל 500 מיליארד דולר.", "500 מיליארד דולר",
     dict(subject="SpaceX", metric="valuation", approx=True)),
    # the speaker after a verb of saying is reached over titles only; a person quoted is the source,
    # not the subject; a company announcing its own figures is both
    ("ar", "2024-12-26", "قال الرئيس التنفيذي لشركة OpenAI سام ألتمان إن الشركة جمعت 6.6 مليار دولار.", "6.6 مليار دولار",
     dict(attribution="Sam Altman", subject="OpenAI")),
    ("ar", "2024-12-26", 'تقول الشكوى ضد رواتب شركة OpenAI: "ستوظف OpenAI نحو 1500 موظف".', "1500 موظف",
     dict(attribution="", subject="OpenAI", approx=True)),
    ("ar", "2024-12-26", "أعلنت xAI أنها أكملت تمويلًا بقيمة 6 مليارات دولار بمشاركة Nvidia وAMD.", "6 مليارات دولار",
     dict(attribution="xAI", subject="xAI", metric="funding_round")),
    # verb-first: the subject after the verb in the same clause beats a name in an earlier clause
    ("ar", "2024-12-26", "انخفضت حصة OpenAI من 50% إلى 34%، وتضاعفت حصة Anthropic من 12% إلى 24%.", "تضاعفت",
     dict(kind="multiplier", value=2.0, subject="Anthropic")),
    # dates and years are time markers: no subject, metric or attribution; a date without a year
    # takes the publication year
    ("ar", "2024-12-26", "في 9 ديسمبر، أعلنت OpenAI عن إطلاق Sora.", "9 ديسمبر",
     dict(kind="date", value="2024-12-09", subject="", metric="", attribution="")),
]


@pytest.mark.parametrize("lang,published,text,claim,expected", FIELDS, ids=[f[3] for f in FIELDS])
def test_claim_fields(lang, published, text, claim, expected):
    claims = extract_claims(text, lang, published)
    rows = claims[claims["text"] == claim]
    assert len(rows) == 1, claims[["text", "value", "kind"]].to_dict("records")
    row = rows.iloc[0]
    for field, value in expected.items():
        got = row[field]
        if isinstance(value, float):
            assert math.isclose(got, value, rel_tol=1e-9), (field, got)
        else:
            assert got == value, (field, got)
    assert text[row["start"]:row["end"]] == row["text"]


CHANGES = [
    ("ar", "انخفضت حصة OpenAI السوقية من 50% إلى 34%.", [(50, "before"), (34, "after")], "OpenAI"),
    ("he", "נתח השוק של OpenAI ירד מ-50% ל-34%.", [(50, "before"), (34, "after")], "OpenAI"),
]


@pytest.mark.parametrize("lang,text,expected,subject", CHANGES, ids=[c[1][:20] for c in CHANGES])
def test_from_to_is_a_change(lang, text, expected, subject):
    claims = extract_claims(text, lang)
    pct = claims[claims["kind"] == "percent"]
    assert [(r.value, r.role) for r in pct.itertuples()] == expected
    assert pct["change_id"].nunique() == 1 and pct["change_id"].iloc[0]
    assert set(pct["subject"]) == {subject} and set(pct["metric"]) == {"market_share"}


NOT_CLAIMS = [
    ("ar", "أطلقت Google نموذج Gemini 2.0 و Claude 3.5 و Imagen 3، بينما تأخر GPT-5."),
    ("he", "מדד S&P 500 ומדד ת\"א 35 נסחרו ביום ראשון."),
    ("ar", "قفزت Veo2 و Grok-2 و o3-mini."),
]


@pytest.mark.parametrize("lang,text", NOT_CLAIMS, ids=[n[1][:20] for n in NOT_CLAIMS])
def test_product_and_index_numbers_are_not_claims(lang, text):
    assert extract_claims(text, lang).empty


def test_claim_columns_come_first_in_order():
    cols = list(extract_claims("גייסה 5 מיליארד דולר", "he").columns)
    assert cols[:12] == ["start", "end", "text", "value", "value_max", "unit", "kind", "approx", "subject",
                         "metric", "period", "attribution"]


TEXT = st.lists(st.sampled_from(
    list("אבגדהוזחטיכלמנסעפצקרשת ابتثجحخدذرسشصضطظعغفقكلمنهوي0123456789٠١٢٣٤٥.,-%$₪٪٫٬ \n")
    + ["מיליארד", "מיליון", "דולר", "مليار", "مليون", "دولار", "من", "إلى", "בין", "ל-", "כ-", "بـ", "\u200f", "ـ",
       "OpenAI", "GPT-4", "حوالي", "שנה-שנתיים", "عامين", "השנה", "العام المقبل", "פי", "أضعاف", "%–", "1e", "^"]
), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["he", "ar", None]))
def test_any_text_gives_claims_or_nothing(text, lang):
    claims = extract_claims(text, lang, "2024-06")
    for row in claims.itertuples():
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start:row.end] == row.text
        if row.kind != "date":
            assert math.isfinite(float(row.value))
        if not math.isnan(row.value_max):
            assert math.isfinite(row.value_max)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.sampled_from(["he", "ar", None]))
def test_arbitrary_unicode_never_raises(text, lang):
    claims = extract_claims(text, lang)
    for row in claims.itertuples():
        assert text[row.start:row.end] == row.text
