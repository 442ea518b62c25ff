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
    # the start of a change is reported as so; a "now" figure is a fact; "but", "confirming" end a cue's reach
    ("modality:stated_as_current", "he", "2025-05-01", "החברה צופה הכנסות של 3 מיליארד דולר ב-2026, לעומת 1.2 מיליארד דולר כיום.",
     "1.2 מיליארד דולר", dict(modality="fact")),
    ("modality:cue_in_clause", "he", "2025-05-01", "החברה צופה הכנסות של 3 מיליארד דולר ב-2026, לעומת 1.2 מיליארד דולר כיום.",
     "3 מיליארד דולר", dict(modality="projection")),
    ("modality:denial", "ar", "2025-05-01", "نفت الشركة أنها تخطط لتسريح 2000 موظف، مؤكدة أن عدد موظفيها يبلغ 9 آلاف موظف.",
     "2000 موظف", dict(modality="denied")),
    ("modality:modality_breaks", "ar", "2025-05-01", "نفت الشركة أنها تخطط لتسريح 2000 موظف، مؤكدة أن عدد موظفيها يبلغ 9 آلاف موظف.",
     "9 آلاف موظف", dict(modality="fact")),
    ("modality:modality_breaks", "he", "2025-05-01", "החברה מתכננת לגייס 300 מיליון דולר, לאחר שבשנה שעברה גייסה 100 מיליון דולר.",
     "100 מיליון דולר", dict(modality="fact")),
    ("modality:cue_in_clause", "he", "2025-05-01", "החברה מתכננת לגייס 300 מיליון דולר, לאחר שבשנה שעברה גייסה 100 מיליון דולר.",
     "300 מיליון דולר", dict(modality="plan")),
    ("modality:denial_after", "he", "2025-05-01", "בשבוע שעבר פורסמו דיווחים על מכירת החברה ב-2 מיליארד דולר, אך המנכ\"ל אמר שהם אינם נכונים.",
     "2 מיליארד דולר", dict(modality="denied")),
    ("modality:denial_after", "ar", "2025-05-01", "تحدثت تقارير عن استثمار بقيمة 3 مليارات دولار في الشركة، لكن متحدثا باسمها قال إنها غير صحيحة.",
     "3 مليارات دولار", dict(modality="denied")),
    ("modality:reported", "ar", "2025-05-01", "جمعت الشركة 50 مليون دولار، ونفت تقارير عن بيع حصة بقيمة 200 مليون دولار.",
     "50 مليون دولار", dict(modality="fact")),
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
    # a total counted since a year is a level as of publication; a flow since a year has no period
    ("period:counted_since", "ar", "2025-02-10", "استثمرت مايكروسوفت 13 مليار دولار في OpenAI منذ 2019.",
     "13 مليار دولار", dict(period="2025-02", period_type="as_of", metric="total_funding")),
    ("period:counted_since", "he", "2025-04-01", "מאז הקמתה ב-2018 גייסה החברה 400 מיליון דולר.",
     "400 מיליון דולר", dict(period="2025-04", period_type="as_of")),
    ("period:counted_since", "ar", "2025-05-01", "ارتفع عدد موظفي الشركة من 300 إلى 900 موظف منذ تأسيسها في 2020.",
     "300", dict(period="2020", role="before")),
    ("period:counted_since", "ar", "2025-05-01", "ارتفع عدد موظفي الشركة من 300 إلى 900 موظف منذ تأسيسها في 2020.",
     "900 موظف", dict(period="2025-05", role="after")),
    ("period:counted_since", "he", "2025-04-01", "מאז 2023 עזבו את החברה 200 עובדים.",
     "200 עובדים", dict(period="2025-04", period_type="as_of", metric="departures")),
    ("period:since_is_no_period", "ar", "2025-04-01", "منذ 2021 تخطط الشركة لطرح أسهمها في البورصة بقيمة 3 مليارات دولار.",
     "3 مليارات دولار", dict(period="")),
    # a quarter takes the year printed with it; a quarter told relative to publication
    ("period:quarter", "he", "2025-03-02", "ברבעון השני של 2024 רשמה החברה הכנסות של 900 מיליון דולר.",
     "900 מיליון דולר", dict(period="2024-Q2", period_type="during")),
    ("period:quarter", "ar", "2025-06-01", "حققت الشركة في الربع الأخير من 2024 أرباحا بلغت 2 مليار دولار.",
     "2 مليار دولار", dict(period="2024-Q4")),
    ("period:relative_quarter", "he", "2025-08-12", "ברבעון הקודם הסתכמו הוצאות ההון של החברה ב-5 מיליארד דולר.",
     "5 מיליארד דולר", dict(period="2025-Q2", metric="capex")),
    ("period:relative_quarter", "ar", "2025-01-20", "سجلت الشركة في الربع الماضي خسارة بلغت 800 مليون دولار.",
     "800 مليون دولار", dict(period="2024-Q4", metric="loss")),
    # the base of a comparison is not the period of the figures compared with it
    ("period:comparison_base", "he", "2025-11-05",
     "ההכנסות ברבעון השלישי הסתכמו ב-3 מיליארד דולר, עלייה של 40% לעומת התקופה המקבילה אשתקד.",
     "40%", dict(period="2025-Q3")),
    ("period:comparison_base", "he", "2025-06-10", "לחברה 20 מיליון משתמשים, לעומת 12 מיליון בשנה שעברה.",
     "12 מיליון", dict(period="2024")),
    ("period:comparison_base", "ar", "2025-08-01",
     "ارتفعت مبيعات الشركة إلى 6 مليارات دولار في الربع الثاني، بزيادة 25% مقارنة بالعام الماضي.",
     "25%", dict(period="2025-Q2")),
    # "at the end of" a year dates a level in December; a flow keeps the year
    ("period:year_end", "ar", "2025-04-02", "بلغت أصول الصندوق 80 مليار دولار بنهاية 2024.",
     "80 مليار دولار", dict(period="2024-12")),
    ("period:year_end", "he", "2025-04-02", "בסוף 2024 הכנסות החברה הסתכמו ב-3 מיליארד דולר.",
     "3 מיליארד דולר", dict(period="2024", metric="revenue")),
    # a duration after "ago" points at a time; "in two years" does not date a figure
    ("period:time_ago", "ar", "2025-05-22", "يبلغ عدد عملاء المنصة 900 ألف عميل، مقابل 400 ألف عميل قبل عامين.",
     "400 ألف عميل", dict(period="2023")),
    ("period:time_ago", "he", "2025-05-22", "לחברה 40 אלף לקוחות, והיא מתכננת להגיע ל-100 אלף בעוד שנתיים.",
     "100 אלף", dict(period="")),
    # a clause that is nothing but a date dates the whole sentence
    ("period:time_only_clause", "ar", "2025-03-02", "أغلقت الشركة جولة بقيمة 20 مليون دولار بتقييم 150 مليون دولار، في 27 فبراير 2025.",
     "150 مليون دولار", dict(period="2025-02-27")),
    # the start of a change is not dated by the month the change ended in; a day holds both ends
    ("period:change_start", "ar", "2025-03-11", "ارتفع معدل البطالة من 6% إلى 7% في فبراير.", "6%", dict(period="")),
    ("period:change_start", "ar", "2025-03-11", "ارتفع معدل البطالة من 6% إلى 7% في فبراير.", "7%", dict(period="2025-02")),
    # "the third day" of an event is not "today"
    ("period:not_periods", "ar", "2025-03-11", "في اليوم الثالث من المؤتمر أعلنت الشركة عن 300 وظيفة جديدة.",
     "300 وظيفة", dict(period="")),
    # a bare weekday: the last one by publication (2025-03-13 is a Thursday), only beside its figure
    ("period:weekday", "he", "2025-03-13", "מניית החברה צנחה ביום שני ב-7%.", "7%", dict(period="2025-03-10")),
    ("period:weekday", "ar", "2025-03-13", "ارتفع سهم الشركة 4% يوم الأربعاء.", "4%", dict(period="2025-03-12")),
    ("period:weekday_far", "he", "2025-03-13",
     "מניות השבבים ירדו בממוצע ב-3% בשבוע האחרון, ואם המגמה תימשך הן יפתחו בירידה גם ביום ראשון.",
     "3%", dict(period="")),
    # a time in another clause: it governs when it opens its clause, not when it follows a figure there
    ("period:opening_clause", "he", "2025-02-01", "ב-2024 גדלו ההכנסות ל-10 מיליארד דולר, והרווח הגיע ל-2 מיליארד דולר.",
     "2 מיליארד דולר", dict(period="2024")),
    ("period:closing_clause", "he", "2025-02-01", "גוגל תשקיע 5 מיליארד דולר בהודו עד 2027, ומניית אלפבית עלתה ב-2%.",
     "2%", dict(period="")),
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
                "relative_phrase", "cue_near_number", "quarter", "relative_quarter", "weekday", "counted_since",
                "stated_as_current", "denial_after"):
        assert f"{attribute}:{name}" in row["why"]
