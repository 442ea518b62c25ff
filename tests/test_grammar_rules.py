"""The numbers grammar rule by rule (analysis.claims.grammar): one table per named rule.

A row ``(lang, text, value)`` of rule ``R`` passes when a numeral read in ``text`` has
``value`` (a float, or the ISO date of a numeric date) and names ``R`` in its ``rules``, so
a failing row names the rule that failed. ``NOTHING`` rows must read no number at all
(:func:`find_numbers`: weak unit words and dates are no numbers), ``NOT_APPLIED`` rows a
number with that value that the rule did not build. The date rules (:mod:`analysis.claims.
grammar.dates`) have their own tables: a ``DATE_ROWS`` row ``(lang, text, published,
value)`` passes when a date read in ``text`` names the rule and resolves to ``value``
against ``published`` (None: without a publication date); a ``DATE_NOTHING`` row reads no
date. The sentences are written for these tests in the style of business news.
"""

from __future__ import annotations

import inspect
import math

import pytest

from analysis.claims.grammar import RULES, explain
from analysis.claims.grammar.dates import explain_dates
from analysis.claims.numbers import Numeral, find_numbers

RULE_ROWS: dict[str, list[tuple[str, str, float | str]]] = {
    # -- digits -------------------------------------------------------------------------
    "digits": [
        ("he", "החברה גייסה 350 מיליון דולר בסבב האחרון", 350e6),
        ("ar", "بلغت الإيرادات ١٢٫٥ مليار دولار", 12.5e9),
        ("ar", "ارتفع عدد المشتركين إلى ١٠٠٬٠٠٠ مشترك", 100000),
        ("he", "שווי השוק עומד על 1,234.5 מיליון", 1234.5e6),
        ("ar", "بلغ صافي الدين 1.200.000 دينار", 1200000),
        ("ar", "استثمرت الشركة 750.000 دولار في التطبيق", 750000),
        ("he", "המניה נסחרת ב-1.500 דולר", 1.5),
        ("ar", "ارتفع السهم 2.5 في المئة", 2.5),
        ("ar", "تمويل ب5 مليارات دولار", 5e9),
        ("he", "החברה הגיעה ל5 מיליון משתמשים", 5e6),
        ("ar", "وصل عدد المستخدمين إلى نحو5 ملايين", 5e6),
    ],
    "exponent": [
        ("ar", "بلغت القدرة الحاسوبية ١e١٠ عملية", 1e10),
        ("he", "אשכול של 2^10 מעבדים", 1024),
    ],
    "space_groups": [
        ("he", "החברה גייסה 1 200 000 דולר", 1.2e6),
        ("ar", "تجاوز عدد المستخدمين 12 500 000 مستخدم", 12.5e6),
        ("he", "הכנסות של 3\u00a0400\u00a0000 שקל", 3.4e6),
        ("ar", "خسائر بقيمة 7\u202f250\u2009000 دولار", 7.25e6),
    ],
    "letter_decimal": [
        ("ar", "نما الاقتصاد المصري بنسبة 4ر2 في المئة", 4.2),
        ("ar", "بلغت الاستثمارات 12ر5 مليار جنيه", 12.5e9),
    ],
    "minus_sign": [
        ("he", "מניית אנבידיה ירדה (-3.2%) במסחר", -3.2),
        ("ar", "سجل السهم -1.5% في تداولات الخميس", -1.5),
    ],
    "glued_scale": [
        ("he", "הפסד של 5מיליארד דולר", 5e9),
        ("ar", "خسائر بقيمة 5مليارات دولار", 5e9),
        ("ar", "صفقة استحواذ بـ5مليار دولار", 5e9),
        ("he", "שווי של 2.5מיליארד", 2.5e9),
    ],
    "digits_after_word": [
        ("ar", "بلغ عدد الموظفين ٤ آلاف ٣ مائة", 4300),
        ("ar", "وظفت الشركة ثلاثة آلاف و500 مهندس", 3500),
    ],
    # -- numeric shapes -----------------------------------------------------------------
    "numeric_date": [
        ("he", "הדוח פורסם ב-21/11/2023", "2023-11-21"),
        ("ar", "أعلنت النتائج بتاريخ 2024-05-01", "2024-05-01"),
        ("he", "הדוח פורסם ב-3/3/15", "2015-03-03"),
        ("ar", "أعلنت النتائج بتاريخ 2-3-2022", "2022-03-02"),
        ("he", "החברה נוסדה ב-1/7/98", "1998-07-01"),
    ],
    "month_first": [
        ("he", "החברה נוסדה ב-10/31/1974", "1974-10-31"),
        ("ar", "صدر التقرير في 12-25-2014", "2014-12-25"),
        ("he", "ההנפקה ב-10-31-74", "1974-10-31"),
    ],
    "numeric_month": [
        ("he", "דוח הרבעון ל-2/2013", "2013-02"),
        ("ar", "بيانات شهر 11/2024", "2024-11"),
    ],
    "slash_fraction": [
        ("he", "רק 1/3 מהעובדים נשארו", 1 / 3),
        ("ar", "3/4 من الشركات الناشئة", 0.75),
    ],
    # -- number words -------------------------------------------------------------------
    "number_word": [
        ("he", "שלושה מנהלים בכירים עזבו", 3),
        ("ar", "استثمرت عشرين شركة ناشئة", 20),
        ("he", "מאתיים עובדים פוטרו", 200),
    ],
    "teen": [
        ("he", "ארבעה עשר מהנדסים עברו למתחרה", 14),
        ("ar", "انضم خمسة عشر مستثمرا إلى الجولة", 15),
        ("ar", "استحوذت على إحدى عشرة شركة", 11),
        ("ar", "احتلت المرتبة الثالثة عشرة", 13),
    ],
    "add": [
        ("he", "שלושים ושלושה מיליון משתמשים", 33e6),
        ("ar", "مئة وخمسون موظفا", 150),
        ("he", "מאה עשרים מנויים", 120),
        ("ar", "المركز الثالث والعشرون", 23),
        ("ar", "الدورة الواحد والثلاثون", 31),
    ],
    "within_group": [
        ("he", "שלוש מאות משתמשים", 300),
        ("ar", "ثلاث مائة مهندس", 300),
        ("ar", "٣ مئة موظف", 300),
    ],
    "scale": [
        ("he", "הפסד של 5 מיליארד דולר", 5e9),
        ("ar", "صفقة بقيمة مليار دولار", 1e9),
        ("ar", "مليون وألف سهم", 1001000),
        ("he", "שווי של 3 מליארד דולר", 3e9),
        ("he", "כשני מליון מנויים", 2e6),
        ("he", "חצי טרליון דולר", 5e11),
        ("he", "שוויה עבר את רף הטריליון", 1e12),
        ("ar", "تجاوزت القيمة المليار دولار", 1e9),
        ("ar", "سبعة عشر ألفا", 17000),
        ("ar", "بلغ التمويل عشرين مليارا", 2e10),
    ],
    "dual_scale": [
        ("he", "אלפיים עובדים", 2000),
        ("ar", "تمويل بقيمة مليونين", 2e6),
        ("ar", "خسائر بلغت ملياري دولار", 2e9),
        ("ar", "مليون وألفين", 1002000),
        ("ar", "منها مليارا دولار لصندوق الرعاية الصحية", 2e9),
        ("ar", "ويعمل فيهما ألفا موظف", 2000),
    ],
    "vague": [
        ("he", "השקל בשיא של מזה עשורים", 20),
        ("he", "עשרות מיליוני משתמשים", 2e7),
        ("he", "מליוני לקוחות", 2e6),
        ("ar", "سرحت مئات الموظفين", 200),
        ("ar", "آلاف المستخدمين", 2000),
    ],
    "ordinal": [
        ("he", "בסבב השלישי", 3),
        ("ar", "احتلت المرتبة الثانية", 2),
        ("ar", "اقتصاد القرن الحادي والعشرين", 21),
        ("ar", "في الحادي عشر من الشهر", 11),
        ("ar", "المؤتمر الثان عشر", 12),
    ],
    "spaced_conjunction": [
        ("ar", "الذكرى الخامس و العشرون", 25),
        ("ar", "الدورة الواحد و العشرون", 21),
    ],
    "negative": [
        ("he", "תזרים של מינוס 1,200,000", -1.2e6),
        ("ar", "سالب خمسة في المئة", -5),
    ],
    "decimal_word": [
        ("ar", "نمو بنسبة ثلاثة فاصلة خمسة في المئة", 3.5),
        ("he", "צמיחה של 2 נקודה 5 אחוז", 2.5),
    ],
    # -- fractions ----------------------------------------------------------------------
    "fraction": [
        ("he", "שווי של חצי טריליון דולר", 5e11),
        ("he", "גייסה מיליארד וחצי דולר", 1.5e9),
        ("he", "שוק של שלושה וחצי מיליארד דולר", 3.5e9),
        ("ar", "استثمرت مليار ونصف المليار درهم", 1.5e9),
        ("ar", "بلغ عدد المستخدمين مليونا ونصف المليون", 1.5e6),
        ("he", "פחות מעשירית מהשוק", 0.1),
        ("ar", "نصف المساهمين", 0.5),
        ("ar", "ثلثان من الأسهم", 2 / 3),
    ],
    "denominator": [
        ("ar", "ثلاثة أخماس المساهمين", 0.6),
        ("he", "ארבעה חמישיות מהשוק", 0.8),
    ],
    "mixed_fraction": [
        ("ar", "ثلاث وعشرون وثلاثة أخماس", 23.6),
    ],
    "over": [
        ("ar", "واحد على ٢٠ من المستخدمين", 0.05),
        ("ar", "ثلاثة على أربعة", 0.75),
    ],
    "part_of": [
        ("ar", "جزء من مئة", 0.01),
        ("ar", "جزء من ألف من الأسهم", 0.001),
    ],
    # -- unit words ---------------------------------------------------------------------
    "unit_word": [
        ("he", "המחיר עלה בשקל", 1),
        ("ar", "وتضاعفت الإيرادات", 2),
        ("he", "היילו שילשה את הכנסותיה", 3),
        ("he", "הפרויקט נמשך כשנה", 1),
        ("he", "השקעה שתחזיר את עצמה בתוך כעשור", 10),
        ("he", "מספר הסבבים ירד לשפל של עשור", 10),
        ("he", "במשך עשור כמעט לא גייסה הון", 10),
        ("ar", "يحتفل البنك بمرور قرن على تأسيسه", 100),
    ],
    "unit_dual": [
        ("he", "ההשקה נדחתה בשנתיים", 2),
        ("ar", "استغرق التطوير شهرين", 2),
        ("ar", "قابلنا شخصين من الفريق", 2),
        ("ar", "خفضت الإدارة عدد العاملين مرتين", 2),
    ],
    "unit_fraction": [
        ("he", "לפני שנה וחצי", 1.5),
        ("he", "המיזם פועל כבר עשור וחצי", 15),
        ("ar", "استمر الاجتماع ساعة ونصف", 1.5),
    ],
    "one_after": [
        ("ar", "خلال سنة واحدة", 1),
        ("he", "המניה עלתה שקל אחד", 1),
    ],
    "factor_unit": [
        ("ar", "تمتد الشراكة لربع قرن", 25),
        ("ar", "خلال نصف قرن", 50),
        ("he", "לפני חצי עשור", 5),
        ("he", "לפני שלושה עשורים", 30),
        ("he", "במשך 2 עשורים", 20),
        ("ar", "على مدى ثلاثة عقود", 30),
        ("ar", "منذ خمسة قرون", 500),
        ("he", "שניים-שלושה עשורים", 30),
    ],
    "time_context": [
        ("ar", "تطور القطاع خلال عقدين", 20),
        ("ar", "تأسست الشركة منذ حوالي عقدين", 20),
        ("ar", "استمرت الشراكة عقدين من الزمن", 20),
        ("ar", "نمت السوق خلال العقدين الماضيين", 20),
        ("ar", "وقعت الشركة عقدا مدته عقد كامل", 10),
    ],
    # -- noun duals ---------------------------------------------------------------------
    "feminine_dual": [
        ("ar", "أبرمت المجموعة صفقتين هذا العام", 2),
        ("ar", "استحوذت على شركتين", 2),
        ("ar", "وقعت الحكومة اتفاقيتين مع المصرف", 2),
        ("ar", "خلال دورتين تدريبيتين", 2),
        ("ar", "شرکتین", 2),  # Persian yeh and keheh, normalized to Arabic letters
    ],
    "construct_dual": [
        ("ar", "استقال موظفا الشركة", 2),
        ("ar", "اندمجت شركتا الاتصالات", 2),
    ],
    "listed_dual": [
        ("ar", "افتتحت الشركة مكتبين في دبي", 2),
        ("ar", "وقع الاتفاق بين الطرفين", 2),
        ("ar", "أطلق البنك صندوقين استثماريين", 2),
        ("ar", "افتتحت الشركة مصنعين في المنطقة الاقتصادية", 2),
        ("ar", "تبني الشركة مركزين للبيانات", 2),
        ("ar", "ألمح ألتمان إلى اتجاهين للخطة", 2),
    ],
    "dual_with_two": [
        ("ar", "عيّنت الشركة موظفين اثنين", 2),
        ("ar", "خلال عامين اثنين", 2),
        ("ar", "أبرمت صفقتين اثنتين", 2),
    ],
    "dual_adjective": [
        ("ar", "أجرت دورتين تدريبيتين واسعتي النطاق", 2),
        ("ar", "أبرمت صفقتين كبيرتين", 2),
        ("ar", "خلال الساعتين الماضيتين", 2),
    ],
}

#: rule → texts in which nothing is a number (the rule reads nothing there, nor does any other)
NOTHING: dict[str, list[tuple[str, str]]] = {
    "latin_name": [("he", "GPT-4 ו-o3 ו-Llama-3.1 במבחן"), ("ar", "دقة 4K و 1080p في حدث \"12-Day\"")],
    "clock_time": [("he", "הישיבה נפתחה ב-11:28"), ("ar", "في الساعة 10:30 صباحا")],
    "slash_run": [("he", "שירות 24/7 ותיקו 50/50")],
    "numeric_date": [("he", "עדכון לגרסה 1.10.25")],
    "slash_fraction": [("he", "יחס של 4/3")],
    "unit_word": [("ar", "خلال عقد"), ("ar", "في العام المقبل"), ("he", "בעשור הקודם")],
    "time_context": [("ar", "وقعت الشركة عقدين مع الحكومة"), ("ar", "عقدين")],
    "feminine_dual": [("ar", "منتج غني بالبروتين"), ("ar", "روتين العمل اليومي"), ("ar", "قال الرئيس بوتين"),
                      ("ar", "السوق في باكستان"), ("ar", "وروتين الشركة")],
    "construct_dual": [("ar", "حققت الشركة نموا كبيرا العام الماضي"), ("ar", "وقال أيضا الرئيس التنفيذي"),
                       ("ar", "وفقا للشركة"), ("ar", "أعلنت ميتا الأمريكية"), ("ar", "حققت ارتفاعا الأسبوع الماضي")],
    "listed_dual": [("ar", "موظفين جدد"), ("ar", "مستثمرين من الخليج")],
}

#: rule → rows where the number is read without that rule
NOT_APPLIED: dict[str, list[tuple[str, str, float]]] = {
    "minus_sign": [("he", "התשואה עלתה ל-5%", 5), ("ar", "عام 2023-2024", 2023)],
    "space_groups": [("he", "ב-2024 500 עובדים פוטרו", 500), ("he", "ב-2023 120 מיליון דולר", 120e6)],
    "letter_decimal": [("ar", "باعت 12 رأسا", 12)],
    "glued_scale": [("he", "הפסד של 5 מיליארד", 5e9)],
    "factor_unit": [("ar", "وقعت 15 عقدا", 15)],
    "numeric_date": [("he", "המתנה של 5-10-15 דקות", 5)],
    "spaced_conjunction": [("ar", "ثلاثة و أربعة", 3)],
    "digits_after_word": [("ar", "رواتب بين 40 ألفا و65 ألف درهم", 65000)],
    "dual_scale": [("ar", "سبعة عشر ألفا", 17000), ("ar", "وظفت ألفا من المهندسين", 1000)],
}


def _rows():
    for rule, rows in RULE_ROWS.items():
        for i, (lang, text, value) in enumerate(rows):
            yield pytest.param(rule, lang, text, value, id=f"{rule}-{i}")


@pytest.mark.parametrize("rule,lang,text,value", list(_rows()))
def test_rule(rule, lang, text, value):
    read = explain(text, lang)
    built = [(t, v, r) for t, v, r in read if rule in r]
    assert built, f"rule {rule!r} built nothing in {text!r}; read: {read}"
    same = [(t, v, r) for t, v, r in built
            if (v == value if isinstance(value, str) else not isinstance(v, str) and math.isclose(v, value))]
    assert same, f"rule {rule!r}: expected {value!r}, read {built}"


@pytest.mark.parametrize("rule,lang,text", [pytest.param(rule, lang, text, id=f"{rule}-nothing-{i}")
                                            for rule, rows in NOTHING.items()
                                            for i, (lang, text) in enumerate(rows)])
def test_rule_reads_nothing(rule, lang, text):
    assert find_numbers(text, lang) == [], f"{rule}: {explain(text, lang)}"


@pytest.mark.parametrize("rule,lang,text,value", [pytest.param(rule, lang, text, value, id=f"{rule}-not-{i}")
                                                  for rule, rows in NOT_APPLIED.items()
                                                  for i, (lang, text, value) in enumerate(rows)])
def test_rule_not_applied(rule, lang, text, value):
    read = explain(text, lang)
    assert any(not isinstance(v, str) and math.isclose(v, value) and rule not in r for _, v, r in read), read
    assert not any(rule in r for _, _, r in read), read


#: date rule → rows (lang, text, published, value): a date read in ``text`` names the rule and
#: resolves to ``value`` (an ISO string at its grain) against ``published``
DATE_ROWS: dict[str, list[tuple[str, str, str | None, str]]] = {
    "relative_day": [
        ("he", "החברה הודיעה היום על גיוס", "2013-02-12", "2013-02-12"),
        ("he", "המניה צנחה אתמול ב-5%", "2013-02-12", "2013-02-11"),
        ("ar", "أعلنت الشركة امس عن صفقة", "2013-02-12", "2013-02-11"),
        ("ar", "يصدر التقرير غدا", "2013-02-12", "2013-02-13"),
        ("ar", "وقعت الصفقة اول من امس", "2013-02-12", "2013-02-10"),
    ],
    "relative_period": [
        ("he", "ההנפקה תושלם בשבוע הבא", "2013-02-12", "2013-W08"),
        ("he", "ההכנסות בחודש שעבר", "2013-02-12", "2013-01"),
        ("he", "החברה צופה רווח השנה", "2013-02", "2013"),
        ("ar", "تراجعت الأسهم الأسبوع الماضي", "2013-02-12", "2013-W06"),
        ("ar", "ارتفعت المبيعات هذا الشهر", "2013-02-12", "2013-02"),
        ("ar", "تتوقع الشركة أرباحا العام المقبل", "2013-02-12", "2014"),
    ],
    "day_month": [
        ("he", "ההנפקה נקבעה ל-3 למרץ 2015", None, "2015-03-03"),
        ("he", "הכנס ייערך ב-15 בפברואר", None, "--02-15"),
        ("he", "הכנס ייערך ב-15 בפברואר", "2013-02-12", "2013-02-15"),
        ("he", "נחתם ב-שלושה במרץ 2015", None, "2015-03-03"),
        ("ar", "في الأول من شهر شباط", "2013-02-12", "2013-02-01"),
        ("ar", "في 14 شهر شباط", "2013-02-12", "2013-02-14"),
        ("ar", "وقعت الاتفاقية في 9 ديسمبر الماضي", "2013-02-12", "2012-12-09"),
    ],
    "month_day": [
        ("he", "פברואר 15", "2013-02-12", "2013-02-15"),
        ("he", "אפריל 14, 2015", None, "2015-04-14"),
    ],
    "month_year": [
        ("he", "נכון לאוקטובר 2014", None, "2014-10"),
        ("ar", "في مارس من عام 2014", None, "2014-03"),
        ("ar", "في يناير من العام المقبل", "2024-12-26", "2025-01"),
    ],
    "relative_month": [
        ("he", "ההשקה נדחתה למרץ הבא", "2013-02-12", "2013-03"),
        ("ar", "منذ ديسمبر الماضي", "2013-02-12", "2012-12"),
    ],
    "weekday_date": [
        ("ar", "الخميس الموافق 14 شهر شباط", "2013-02-12", "2013-02-14"),
        ("ar", "يوم الاثنين في 18 شباط", None, "--02-18"),
        ("he", "ראשון, 10 לפברואר", "2013-02-12", "2013-02-10"),
        ("ar", "الخميس 15 اغسطس", "2013-02-12", "2013-08-15"),
    ],
    "weekday_relative": [
        ("he", "הדוח יפורסם ביום רביעי הבא", "2013-02-12", "2013-02-13"),
        ("he", "ביום שלישי האחרון", "2013-02-12", "2013-02-05"),
        ("ar", "اجتمع المجلس الاحد الماضي", "2013-02-12", "2013-02-10"),
        ("ar", "يجتمع المجلس الثلاثاء القادم", "2013-02-12", "2013-02-19"),
    ],
    "weekday_of_week": [
        ("he", "רביעי שבוע הבא", "2013-02-12", "2013-02-20"),
        ("ar", "الاثنين من هذا الاسبوع", "2013-02-12", "2013-02-11"),
        ("ar", "ثلاثاء الاسبوع الفائت", "2013-02-12", "2013-02-05"),
    ],
    "weekday_day": [
        ("he", "יום שלישי התשעה עשר", "2013-02-12", "2013-02-19"),
        ("ar", "الأحد السابع عشرة", "2013-02-12", "2013-02-17"),
    ],
    "nth_weekday": [
        ("ar", "ثاني اربعاء من شهر اكتوبر من عام 2014", None, "2014-10-08"),
        ("ar", "الثلاثاء الثالث من شهر ايلول من عام 2014", None, "2014-09-16"),
        ("ar", "ثالث ثلاثاء بعد كريسماس 2014", None, "2015-01-13"),
    ],
    "last_of_month": [
        ("he", "ראשון האחרון של מרץ 2014", None, "2014-03-30"),
        ("ar", "اخر اثنين من الشهر القادم", "2013-02-12", "2013-03-25"),
        ("ar", "اليوم الاخير من شهر عشرة سنة 2015", None, "2015-10-31"),
    ],
    "day_of_month": [
        ("ar", "اليوم الاول من شهر ثلاثة", "2013-02-12", "2013-03-01"),
    ],
}

#: date rule → texts in which no date is read (with a publication date)
DATE_NOTHING: dict[str, list[tuple[str, str]]] = {
    "relative_day": [("ar", "اليوم الثالث من المعرض"), ("ar", "في اليوم الأخير من المؤتمر")],
    "day_month": [("ar", "وظفت الشركة 5 في مارس"), ("he", "שלושה במרץ ועוד שניים באפריל")],
    "month_day": [("he", "בפברואר 15 חברות גייסו")],
    "weekday_relative": [("he", "ביום שני בבוקר"), ("ar", "يوم الثلاثاء ويوم الأحد"), ("he", "בסבב הרביעי 12")],
}


def _date_rows():
    for rule, rows in DATE_ROWS.items():
        for i, (lang, text, published, value) in enumerate(rows):
            yield pytest.param(rule, lang, text, published, value, id=f"{rule}-date-{i}")


@pytest.mark.parametrize("rule,lang,text,published,value", list(_date_rows()))
def test_date_rule(rule, lang, text, published, value):
    read = explain_dates(text, lang, published)
    built = [r for r in read if rule in r[3]]
    assert built, f"rule {rule!r} built no date in {text!r}; read: {read}"
    assert any(v == value for _, v, _, _ in built), f"rule {rule!r}: expected {value!r}, read {built}"


@pytest.mark.parametrize("rule,lang,text", [pytest.param(rule, lang, text, id=f"{rule}-nodate-{i}")
                                            for rule, rows in DATE_NOTHING.items()
                                            for i, (lang, text) in enumerate(rows)])
def test_date_rule_reads_nothing(rule, lang, text):
    assert explain_dates(text, lang, "2013-02-12") == []


def test_every_rule_has_a_table():
    covered = set(RULE_ROWS) | set(NOTHING) | set(DATE_ROWS) | set(DATE_NOTHING)
    assert set(RULES) <= covered, sorted(set(RULES) - covered)
    assert covered <= set(RULES), sorted(covered - set(RULES))


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_rule_is_documented_with_an_example(name):
    doc = inspect.getdoc(RULES[name]) or ""
    assert ">>>" in doc, f"rule {name!r} has no doctest example"


def test_rules_are_recorded_in_order():
    (num,) = find_numbers("גייסה 5 מיליארד דולר", "he")
    assert isinstance(num, Numeral) and num.rules == ("digits", "scale")
    (num,) = find_numbers("מינוס שלושים ושלוש", "he")
    assert num.rules == ("number_word", "add", "negative")


def test_persian_and_urdu_letters_read_as_arabic_with_spans_in_the_original():
    from analysis.claims.quantities import find_quantities
    from analysis.text.normalize import normalize

    text = "استثمرت شرکة أرامکو ۲ ملیار دولار فی مرکز بیانات، وھي ثانی صفقة خلال ٱلعام"
    n = normalize(text)
    assert len(n.text) == len(text)  # one-to-one: every offset maps back as is
    assert "ی" not in n.text and "ک" not in n.text and "ھ" not in n.text and "ٱ" not in n.text
    found = find_quantities(text, "ar")
    assert [(q.text, q.value, q.unit) for q in found] == [("۲ ملیار دولار", 2e9, "USD")]
    assert all(text[q.start:q.end] == q.text for q in found)
    # ؤ and ئ are letters of their own words and stay as they are
    assert normalize("مسؤول رئيس").text == "مسؤول رئيس"
