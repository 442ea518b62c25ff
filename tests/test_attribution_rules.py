"""Attribution rules (analysis/claims/attribution.py, analysis/claims/context.py), one table per rule.

Each row: (language, text, the claim's text, the attribution expected, the rule expected in the
claim's ``why`` or None). The sentences were written for these tests in the style of business news,
and the expected attribution annotated by hand before the engine was run on them (conventions:
tests/data/ANNOTATION.md, "Roles"). Every table holds sentences where the rule applies and
sentences where it must not.
"""

import pytest

from analysis import extract_claims

PUBLISHED = "2025-06-15"

# "according to" before the number: the source named in its phrase; no source when the phrase names
# nobody ("לפי שווי" is a price, not a source); an unnamed source credits nobody
ACCORDING_TO_BEFORE = [
    ("he", "לפי דיווח בבלומברג, סמסונג תשקיע 7 מיליארד דולר במפעל שבבים חדש בטקסס.", "7 מיליארד דולר",
     "Bloomberg", "according_to_before"),
    ("ar", "بحسب تقديرات مورغان ستانلي، ستنفق شركات الحوسبة السحابية 400 مليار دولار على مراكز البيانات هذا العام.",
     "400 مليار دولار", "Morgan Stanley", "according_to_before"),
    ("he", "לפי מקורות ששוחחו עם רויטרס, OpenAI תגייס 30 מיליארד דולר מקרנות במפרץ.", "30 מיליארד דולר",
     "Reuters", "according_to_before"),
    ("he", "אינטל גייסה 2 מיליארד דולר לפי שווי של 40 מיליארד דולר.", "40 מיליארד דולר", "", None),
    ("ar", "وفقًا لمصادر مطلعة، تتفاوض ميسترال على جمع 600 مليون يورو من مستثمرين جدد.", "600 مليون يورو", "",
     "unnamed_source"),
]

# a source set off after the figures it covers ("…, said X", "…, according to X"): the last hop; "and"
# attached to the cue makes it open a statement of its own instead
TRAILING = [
    ("he", "ההכנסות השנתיות של אנתרופיק הגיעו ל-5 מיליארד דולר, לפי מקורות ששוחחו עם הפייננשל טיימס.",
     "5 מיליארד דולר", "Financial Times", "according_to_after"),
    ("ar", "بلغت إيرادات إنفيديا من مراكز البيانات 41 مليار دولار في الربع الماضي، وفقًا لبيانات الشركة.",
     "41 مليار دولار", "Nvidia", "according_to_after"),
    ("he", "מיקרוסופט תוציא השנה 80 מיליארד דולר על מרכזי נתונים, כתב נשיא החברה בראד סמית' בבלוג.",
     "80 מיליארד דולר", "Brad Smith", "speaker_after"),
    ("ar", "ستضاعف الشركة عدد موظفيها إلى 3 آلاف موظف بحلول 2027، قال مؤسسها ومديرها التنفيذي نادر الخطيب.",
     "3 آلاف موظف", "نادر الخطيب", "speaker_after"),
    ("he", "אנבידיה צופה הכנסות של 45 מיליארד דולר ברבעון הבא, אמרה מנהלת הכספים קולט קרס.", "45 מיליארד דולר",
     "Colette Kress", "speaker_after"),
    ("ar", "أغلقت OpenAI جولة بقيمة 40 مليار دولار، ووفقًا لرويترز تدرس الشركة طرح أسهمها العام المقبل.",
     "40 مليار دولار", "", None),
    ("he", "לוואטסאפ יש כיום 3 מיליארד משתמשים, אמר מארק צוקרברג בכנס, לעומת 2 מיליארד לפני חמש שנים.",
     "2 מיליארד", "", None),
]

# a verb of saying before the number: its speaker after it (over titles, descriptors and apposition;
# a name the lexicon does not know is taken as printed), else right before it; "that" after it carries
# it to the sentence's end, else it reaches its own event only
SPEAKER_BEFORE = [
    ("he", "סמנכ\"לית הכספים של החברה, מיכל כהן, אמרה כי ההכנסות ברבעון יסתכמו ב-450 מיליון דולר.",
     "450 מיליון דולר", "מיכל כהן", "speaker_before"),
    ("ar", "قال محمود السيد، المدير المالي لشركة فوري، إن الأرباح ارتفعت 25% خلال النصف الأول.", "25%",
     "محمود السيد", "speaker_before"),
    ("ar", "وقال رئيسها التنفيذي عمر حداد إن الشركة جمعت 12 مليون دولار من صناديق خليجية.", "12 مليون دولار",
     "عمر حداد", "speaker_before"),
    ("ar", "أعلنت أمازون أنها ستستثمر 10 مليارات دولار في ولاية كارولاينا الشمالية، وستوفر 500 وظيفة.",
     "500 وظيفة", "Amazon", "speaker_before"),
    ("ar", "أعلنت مايكروسوفت وإنفيديا عن استثمار 15 مليار دولار في أنثروبيك.", "15 مليار دولار",
     "Microsoft; Nvidia", "speaker_before"),
    ("ar", "أعلنت شركة Musk's xAI عن جولة تمويل بقيمة 20 مليار دولار.", "20 مليار دولار", "xAI", "speaker_before"),
    ("he", "הודיעה xAI של אילון מאסק כי גייסה 20 מיליארד דולר.", "20 מיליארד דולר", "xAI", "speaker_before"),
    ("he", "אנבידיה הודיעה על השקעה של 5 מיליארד דולר באינטל, ומניית אינטל זינקה ב-20%.", "20%", "", None),
    ("ar", "قال رئيس الوزراء إن الحكومة ستخصص 2 مليار دولار لمراكز البيانات.", "2 مليار دولار", "",
     "unnamed_source"),
    ("ar", "أضافت أوراكل 244 مليار دولار إلى قيمتها السوقية في يوم واحد.", "244 مليار دولار", "", None),
]

# a denial or a refusal to confirm credits nobody; the report denied does, when it is named
DENIAL = [
    ("he", "אמזון הכחישה את הדיווח כי תפטר 14 אלף עובדים.", "14 אלף עובדים", "", "denial"),
    ("ar", "نفت سامسونج تقريرًا لوكالة بلومبرغ أفاد بأنها ستخفض إنتاج الرقائق بنسبة 30%.", "30%", "Bloomberg", None),
    ("ar", "نفت ميتا أن تكون قد عرضت 100 مليون دولار على باحثين، مؤكدة أن متوسط الرواتب لا يتجاوز مليون دولار.",
     "100 مليون دولار", "", "denial"),
]

# a report, study or data named with its publisher right after it; "data centres" are no data
REPORT_SOURCE = [
    ("ar", "يظهر تقرير لشركة IDC أن شحنات الحواسيب ارتفعت 9% في الربع الأخير.", "9%", "IDC", "report_source"),
    ("he", "במצגת של אנבידיה למשקיעים נכתב כי ההכנסות יגיעו ל-60 מיליארד דולר.", "60 מיליארד דולר", "Nvidia",
     "report_source"),
    ("he", "מרכזי הנתונים של מיקרוסופט צורכים 10% מהחשמל באזור.", "10%", "", None),
    ("ar", "تبلغ قدرة مراكز بيانات مايكروسوفت في المنطقة 200 ميغاواط.", "200 ميغاواط", "", None),
]

# a verb of saying with no speaker of its own (a participle, "one of them", "he added" in the next
# sentence) continues the last source; a verb that also means "adding" says nothing when money follows
SPEAKER_CONTINUED = [
    ("ar", "نقلت بلومبرغ عن مصدرين أن شركة آبل تدرس شراء حصة في ميسترال، وأوضح أحدهما أن قيمة الصفقة قد تبلغ 5 مليارات يورو.",
     "5 مليارات يورو", "Bloomberg", "speaker_continued"),
    ("he", "מנכ\"ל אנבידיה ג'נסן הואנג אמר כי החברה תרחיב את פעילותה בישראל. \"אנחנו מתכננים לגייס עוד 2,000 מהנדסים\", הוסיף.",
     "2,000 מהנדסים", "Jensen Huang", "speaker_continued"),
    ("ar", "ظهر سام ألتمان في مقابلة تلفزيونية، ملمحًا إلى أن الشركة قد تجمع 100 مليار دولار.", "100 مليار دولار",
     "Sam Altman", "speaker_continued"),
    ("ar", "نفت ميتا أن تكون قد عرضت 100 مليون دولار على باحثين، مؤكدة أن متوسط الرواتب لا يتجاوز مليون دولار.",
     "مليون دولار", "Meta", "speaker_continued"),
    ("he", "ובינואר הוסיפה אמזון עוד 4 מיליארד דולר להשקעתה באנתרופיק.", "4 מיליארד דולר", "", None),
    ("ar", "ارتفع سهم إنفيديا 5%، مضيفًا 200 مليار دولار إلى قيمتها السوقية.", "200 مليار دولار", "", None),
]

# "the report" with no publisher is the one named before
REPORT_CONTINUED = [
    ("he", "לפי סקר של מקינזי, 65% מהחברות משתמשות בבינה מלאכותית יוצרת. הסקר כלל 1,300 מנהלים ב-100 מדינות.",
     "1,300 מנהלים", "McKinsey", "report_continued"),
    ("ar", "نشرت غارتنر تقريرًا عن سوق الرقائق. وبحسب التقرير، ستصل المبيعات إلى 700 مليار دولار في 2027.",
     "700 مليار دولار", "Gartner", "report_continued"),
    ("he", "הדוח השנתי של החברה יפורסם בחודש הבא, ובו יופיעו הכנסות של 3 מיליארד דולר.", "3 מיליארד דולר", "",
     None),
]

# a quotation continued from an earlier sentence of the paragraph keeps its speaker; a new paragraph ends it
QUOTATION = [
    ("ar", "قال ساتيا ناديلا في مؤتمر المطورين: «سنستثمر 80 مليار دولار هذا العام. وسنوظف 5 آلاف مهندس في أوروبا».",
     "5 آلاف مهندس", "Satya Nadella", "quotation_speaker"),
    ("he", "סונדאר פיצ'אי אמר כי גוגל תשקיע בהודו.\n\"המספרים מדברים בעד עצמם: 15 מיליארד דולר בחמש שנים\".",
     "15 מיליארד דולר", "", None),
]

# a company's own forecast is the company's
OWN_GUIDANCE = [
    ("he", "אינטל הורידה את תחזית ההכנסות שלה לרבעון הבא ל-13 מיליארד דולר.", "13 מיליארד דולר", "Intel",
     "own_guidance"),
    ("ar", "وخفضت سامسونج توقعاتها لأرباح العام الحالي إلى 4 مليارات دولار.", "4 مليارات دولار", "Samsung",
     "own_guidance"),
    ("he", "תחזית האנליסטים להכנסות של אינטל עומדת על 13 מיליארד דולר.", "13 מיליארד דולר", "", None),
]

TABLES = {
    "according_to_before": ACCORDING_TO_BEFORE, "trailing": TRAILING, "speaker_before": SPEAKER_BEFORE,
    "denial": DENIAL, "report_source": REPORT_SOURCE, "speaker_continued": SPEAKER_CONTINUED,
    "report_continued": REPORT_CONTINUED, "quotation": QUOTATION, "own_guidance": OWN_GUIDANCE,
}
ROWS = [(table, *row) for table, rows in TABLES.items() for row in rows]


@pytest.mark.parametrize("table,lang,text,claim,expected,rule", ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_attribution(table, lang, text, claim, expected, rule):
    claims = extract_claims(text, lang, PUBLISHED)
    rows = claims[claims["text"] == claim]
    assert len(rows) == 1, claims[["text", "kind"]].to_dict("records")
    row = rows.iloc[0]
    assert row["attribution"] == expected, (row["attribution"], row["why"])
    if rule:
        assert f"attribution:{rule}" in row["why"], row["why"]


def test_every_table_has_positive_and_negative_rows():
    for table, rows in TABLES.items():
        assert any(r[3] for r in rows) and any(not r[3] for r in rows), table
