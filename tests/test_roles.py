"""Claim roles decided by named rules: modality, period type, cadence (issue 7).

Each row: (rule, lang, published, sentence, claim text, expected fields). The sentences are
written for these tests in the style of business news; the expectations were set by hand.
"""

import pytest

from analysis import extract_claims

ROWS = [
    # modality
    ("modality:cue_in_clause", "he", "2025-05-01", "החברה מתכננת לגייס 500 מיליון דולר עד סוף השנה.",
     "500 מיליון דולר", dict(modality="plan")),
    ("modality:cue_in_clause", "ar", "2025-05-01", "تجري الشركة محادثات لجمع 2 مليار دولار بتقييم 40 مليار دولار.",
     "2 مليار دولار", dict(modality="talks")),
    ("modality:cue_in_clause", "ar", "2025-05-01", "من المتوقع أن تصل إيرادات الشركة إلى 12 مليار دولار.",
     "12 مليار دولار", dict(modality="projection")),
    ("modality:denial", "he", "2025-05-01", "החברה הכחישה את הדיווח כי תשלם 300 מיליון דולר.",
     "300 מיליון דולר", dict(modality="denied")),
    ("modality:cue_in_clause", "ar", "2025-05-01", "تستهدف المجموعة الوصول إلى 50 مليون مستخدم.",
     "50 مليون مستخدم", dict(modality="target")),
    ("modality:reported", "he", "2025-05-01", "החברה גייסה 80 מיליון דולר בסבב B.",
     "80 מיליון דולר", dict(modality="fact")),
    ("modality:none_for_years", "he", "2025-05-01", "החברה הוקמה ב-2019.", "2019", dict(modality="")),
    # period type
    ("period_type:deadline_cue", "ar", "2025-05-01", "تخطط الشركة لإنفاق 10 مليارات دولار بحلول عام 2030.",
     "10 مليارات دولار", dict(period="2030", period_type="by", modality="plan")),
    ("period_type:deadline_cue", "he", "2025-05-01", "החברה שואפת להגיע להכנסות של מיליארד דולר עד 2027.",
     "מיליארד דולר", dict(period="2027", period_type="by", modality="target")),
    ("period_type:metric_default", "he", "2025-05-01", "ההכנסות של החברה ב-2024 הסתכמו ב-4 מיליארד דולר.",
     "4 מיליארד דולר", dict(period="2024", period_type="during", metric="revenue")),
    ("period:relative_phrase", "he", "2025-05-14", "שווי השוק של החברה עומד כיום על 60 מיליארד דולר.",
     "60 מיליארד דולר", dict(period="2025-05", period_type="as_of")),
    ("period:current_figure", "ar", "2025-05-14", "تبلغ القيمة السوقية للشركة 60 مليار دولار.",
     "60 مليار دولار", dict(period="2025-05", period_type="as_of")),
    ("period:quarter", "he", "2025-11-02", "ההכנסות של החברה ברבעון השלישי הסתכמו ב-4 מיליארד דולר.",
     "4 מיליארד דולר", dict(period="2025-Q3", period_type="during")),
    ("period:quarter", "ar", "2025-02-10", "بلغت خسائر الشركة في الربع الرابع 300 مليون دولار.",
     "300 مليون دولار", dict(period="2024-Q4")),
    ("period:since_is_no_period", "ar", "2025-02-10", "استثمرت مايكروسوفت 13 مليار دولار في OpenAI منذ 2019.",
     "13 مليار دولار", dict(period="")),
    ("period:relative_phrase", "he", "2025-01-28", "אנבידיה איבדה אתמול כ-590 מיליארד דולר משווי השוק שלה.",
     "590 מיליארד דולר", dict(period="2025-01-27", metric="market_value_change")),
    ("attribution:source_before", "ar", "2025-05-01", "ذكرت وكالة بلومبرغ أن شركة ناشئة أسسها سام ألتمان تجمع 500 مليون دولار.",
     "500 مليون دولار", dict(attribution="Bloomberg")),
    ("attribution:source_before", "he", "2025-05-01", "לדברי מנכ\"ל OpenAI סם אלטמן, הכנסות החברה יגיעו ל-12 מיליארד דולר.",
     "12 מיליארד דולר", dict(attribution="Sam Altman")),
    # cadence
    ("cadence:cue_near_number", "ar", "2025-05-01", "يستخدم التطبيق 30 مليون مستخدم نشط شهريا.",
     "30 مليون مستخدم", dict(cadence="monthly", metric="users")),
    ("cadence:cue_near_number", "he", "2025-05-01", "לאפליקציה 12 מיליון משתמשים פעילים שבועיים.",
     "12 מיליון משתמשים", dict(cadence="weekly", metric="users")),
]


@pytest.mark.parametrize("rule,lang,published,text,claim,expected", ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_role(rule, lang, published, text, claim, expected):
    claims = extract_claims(text, lang, published)
    rows = claims[claims["text"] == claim]
    assert len(rows) == 1, claims[["text", "kind"]].to_dict("records")
    row = rows.iloc[0]
    for field, value in expected.items():
        assert row[field] == value, (field, row[field], row["why"])
    attribute, _, name = rule.partition(":")
    if name in ("cue_in_clause", "reported", "denial", "deadline_cue", "metric_default", "current_figure",
                "relative_phrase", "cue_near_number", "quarter"):
        assert f"{attribute}:{name}" in row["why"]
