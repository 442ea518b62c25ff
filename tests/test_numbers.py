"""Numbers and quantities (analysis.numbers, analysis.quantities): named tables of examples.

Each example is ``(lang, text, span, expected)``: the quantity whose span is
``span`` (the text as printed, without hedge words or attached prefixes) must
have the ``expected`` fields; ``NONE`` lists texts with no quantity at all.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings, strategies as st

from analysis.claims.numbers import find_numbers, parse_digits
from analysis.claims.quantities import BARE, KINDS, Quantity, find_quantities

USD, ILS = "USD", "ILS"

DIGITS = [
    ("he", "גידול של 1,234,567 משתמשים", "1,234,567 משתמשים", dict(value=1234567, unit="users", kind="count")),
    ("he", "שיעור של 19.8% ממניות טסלה", "19.8%", dict(value=19.8, unit="percent", kind="percent")),
    ("ar", "بلغ ١٠٠٬٠٠٠٫٥ دولار", "١٠٠٬٠٠٠٫٥ دولار", dict(value=100000.5, unit=USD, kind="money")),
    ("ar", "عدد السكان ١،٢٣٤،٥٦٧", "١،٢٣٤،٥٦٧", dict(value=1234567, kind="number")),
    ("ar", "وزنه ٤,٨ كيلو", "٤,٨", dict(value=4.8)),
    ("ar", "الرقم 26،013,94", "26،013,94", dict(value=26013.94)),
    ("he", "המדד עלה .77 נקודות", ".77 נקודות", dict(value=0.77, unit="points", kind="other")),
    ("ar", "تضاعف ١e١٠ مرة", "١e١٠", dict(value=1e10)),
    ("he", "מספר 0033", "0033", dict(value=33)),
    # a dot groups thousands where the grouping proves it; spaces (NBSP, thin) group digits too
    ("ar", "بلغ صافي الدين 1.200.000 دينار أردني", "1.200.000 دينار أردني", dict(value=1.2e6, kind="money")),
    ("ar", "استثمرت 750.000 دولار", "750.000 دولار", dict(value=750000, unit=USD)),
    ("he", "מחיר של 1.500 דולר", "1.500 דולר", dict(value=1.5, unit=USD)),
    ("he", "החברה גייסה 1\u00a0200\u00a0000 דולר", "1\u00a0200\u00a0000 דולר", dict(value=1.2e6, unit=USD)),
    ("ar", "تجاوز عدد المستخدمين 12 500 000 مستخدم", "12 500 000 مستخدم", dict(value=12.5e6, unit="users")),
    ("he", "ב-2023 120 מיליון דולר", "120 מיליון דולר", dict(value=1.2e8, unit=USD)),
    # the Egyptian decimal letter: 12ر5 (typed order; it shows as 5ر12 right to left)
    ("ar", "نما الناتج بنسبة 4ر2 في المئة", "4ر2 في المئة", dict(value=4.2, unit="percent")),
    ("ar", "بلغت الاستثمارات 12ر5 مليار جنيه مصري", "12ر5 مليار جنيه مصري", dict(value=12.5e9, unit="EGP")),
    # digits glued to the words around them
    ("he", "הפסד של 5מיליארד דולר", "5מיליארד דולר", dict(value=5e9, unit=USD)),
    ("ar", "خسائر بقيمة 5مليارات دولار", "5مليارات دولار", dict(value=5e9, unit=USD)),
    ("ar", "استحواذ بـ5مليار دولار", "5مليار دولار", dict(value=5e9, unit=USD)),
    ("ar", "نحو5 ملايين مستخدم", "5 ملايين مستخدم", dict(value=5e6, unit="users", approx=True)),
    ("he", "הגיעה ל5 מיליון משתמשים", "5 מיליון משתמשים", dict(value=5e6, unit="users")),
]

WORDS = [
    ("he", "שלושים ושלוש", "שלושים ושלוש", dict(value=33)),
    ("he", "ארבע עשרה", "ארבע עשרה", dict(value=14)),
    ("he", "שלושת אלפים עובדים", "שלושת אלפים עובדים", dict(value=3000, unit="employees", kind="count")),
    ("he", "עשרת אלפים", "עשרת אלפים", dict(value=10000)),
    ("he", "מאתיים וחמישים", "מאתיים וחמישים", dict(value=250)),
    ("he", "אלפיים", "אלפיים", dict(value=2000)),
    ("he", "שלוש מאות", "שלוש מאות", dict(value=300)),
    ("he", "שני מיליון", "שני מיליון", dict(value=2e6)),
    ("he", "שתי חברות", "שתי חברות", dict(value=2, unit="companies", kind="count")),
    ("he", "חצי טריליון דולר", "חצי טריליון דולר", dict(value=5e11, unit=USD, kind="money")),
    ("he", "מיליארד וחצי דולר", "מיליארד וחצי דולר", dict(value=1.5e9, unit=USD)),
    ("he", "מינוס 1,200,000", "מינוס 1,200,000", dict(value=-1.2e6)),
    ("ar", "خمسة وعشرون", "خمسة وعشرون", dict(value=25)),
    ("ar", "إحدى عشرة", "إحدى عشرة", dict(value=11)),
    ("ar", "اثنين", "اثنين", dict(value=2)),
    ("ar", "اثنتين وثلاثين", "اثنتين وثلاثين", dict(value=32)),
    ("ar", "مليون وألفين ومائتين", "مليون وألفين ومائتين", dict(value=1002200)),
    ("ar", "ملياري دولار", "ملياري دولار", dict(value=2e9, unit=USD)),
    ("ar", "مليونين", "مليونين", dict(value=2e6)),
    ("ar", "مئتين", "مئتين", dict(value=200)),
    ("ar", "ثلاثة ملايين", "ثلاثة ملايين", dict(value=3e6)),
    ("ar", "عشرة آلاف", "عشرة آلاف", dict(value=10000)),
    ("ar", "ثلاثمائة وخمسين", "ثلاثمائة وخمسين", dict(value=350)),
    ("ar", "ثلاثة أخماس", "ثلاثة أخماس", dict(value=0.6)),
    ("ar", "ثلثان", "ثلثان", dict(value=2 / 3)),
    ("ar", "واحد على ٢٠", "واحد على ٢٠", dict(value=0.05)),
    ("ar", "سالب خمسة", "سالب خمسة", dict(value=-5)),
    ("ar", "مليار", "مليار", dict(value=1e9)),
    ("ar", "واحد ونصف", "واحد ونصف", dict(value=1.5)),
    ("ar", "سبعة عشر ألفا", "سبعة عشر ألفا", dict(value=17000)),
    ("ar", "عشرين مليونا", "عشرين مليونا", dict(value=2e7)),
    ("ar", "نصف الموظفين", "نصف", dict(value=50, kind="percent", unit="percent")),  # a share of a whole
]

SCALES = [
    ("he", "הפסד של 5 מיליארד דולר", "5 מיליארד דולר", dict(value=5e9, unit=USD, kind="money")),
    ("he", "שווי של 2.5 מיליארד", "2.5 מיליארד", dict(value=2.5e9, kind="number")),
    ("he", "550 אלף דולר", "550 אלף דולר", dict(value=550000, unit=USD)),
    ("ar", "بقيمة 6.6 مليار دولار أمريكي", "6.6 مليار دولار أمريكي", dict(value=6.6e9, unit=USD)),
    ("ar", "6 مليارات دولار", "6 مليارات دولار", dict(value=6e9, unit=USD)),
    ("ar", "100 مليون مستخدم", "100 مليون مستخدم", dict(value=1e8, unit="users", kind="count")),
    ("ar", "إلى مليار دولار", "مليار دولار", dict(value=1e9, unit=USD)),
    # defective spellings of the scale words (מליון, מליארד, טרליון) beside the plene ones
    ("he", "הפסד של 5 מליארד דולר", "5 מליארד דולר", dict(value=5e9, unit=USD)),
    ("he", "3 מליון משתמשים", "3 מליון משתמשים", dict(value=3e6, unit="users")),
    ("he", "שווי של חצי טרליון דולר", "חצי טרליון דולר", dict(value=5e11, unit=USD)),
    ("he", "עשרות מליוני משתמשים", "עשרות מליוני משתמשים", dict(value=2e7, value_max=9e7, unit="users")),
    ("he", "מליארדי דולרים", "מליארדי דולרים", dict(value=2e9, value_max=9e9, unit=USD)),
]

CURRENCIES = [
    ("he", "10 ש״ח", "10 ש״ח", dict(value=10, unit=ILS)),
    ("he", "₪10", "₪10", dict(value=10, unit=ILS)),
    ("he", "10 אש״ח", "10 אש״ח", dict(value=10000, unit=ILS)),
    ("he", "3 מש״ח", "3 מש״ח", dict(value=3e6, unit=ILS)),
    ("he", "חמש אגורות", "חמש אגורות", dict(value=0.05, unit=ILS)),
    ("he", "20 יורו", "20 יורו", dict(value=20, unit="EUR")),
    ("he", "£9", "£9", dict(value=9, unit="GBP")),
    ("ar", "200 دولار أمريكي شهريًا", "200 دولار أمريكي", dict(value=200, unit=USD)),
    ("ar", "20 دولارًا", "20 دولارًا", dict(value=20, unit=USD)),
    ("ar", "42 ريال سعودي", "42 ريال سعودي", dict(value=42, unit="SAR")),
    ("ar", "42 ج.م", "42 ج.م", dict(value=42, unit="EGP")),
    ("ar", "50 درهم إماراتي", "50 درهم إماراتي", dict(value=50, unit="AED")),
    ("ar", "7 يوان", "7 يوان", dict(value=7, unit="CNY")),
    ("ar", "20 دولار و43 سنت", "20 دولار و43 سنت", dict(value=20.43, unit=USD)),
    ("he", "EUR 20", "EUR 20", dict(value=20, unit="EUR")),
]

PERCENT = [
    ("he", "יותר מ 95% מהעובדים", "95%", dict(value=95, unit="percent", kind="percent")),
    ("he", "95 אחוז", "95 אחוז", dict(value=95, unit="percent")),
    ("he", "עלייה של 2 נקודות אחוז", "2 נקודות אחוז", dict(value=2, unit="percentage_points", kind="percent")),
    ("ar", "بنسبة ١٠٠٪", "١٠٠٪", dict(value=100, unit="percent")),
    ("ar", "٢٤٠ في المئة", "٢٤٠ في المئة", dict(value=240, unit="percent")),
    ("ar", "عشرين بالمائة", "عشرين بالمائة", dict(value=20, unit="percent")),
    ("ar", "نصف نقطة مئوية", "نصف نقطة مئوية", dict(value=0.5, unit="percentage_points")),
    ("ar", "بنسبة ٪٥٠ تقريبا", "٪٥٠", dict(value=50, unit="percent", approx=True)),
]

# an attached prefix is never a sign; a minus sign is one only after a space or punctuation
SIGNS = [
    ("he", "גרעון שיכול להגיע ל-5 מיליארד דולר", "5 מיליארד דולר", dict(value=5e9)),
    ("ar", "بـ500 مليون دولار", "500 مليون دولار", dict(value=5e8)),
    ("ar", "بـ 500 مليون", "500 مليون", dict(value=5e8)),
    ("he", "נופלות ב-5%", "5%", dict(value=5)),
    ("he", "Nova Ltd. -5.74%", "-5.74%", dict(value=-5.74)),
    ("he", "NVIDIA Corp. -2.4%", "-2.4%", dict(value=-2.4)),
    ("ar", "-١٢٠٠٠٠٠", "-١٢٠٠٠٠٠", dict(value=-1.2e6)),
    ("he", "התשואה (-3%)", "-3%", dict(value=-3)),
    ("he", "- 1,200,000", "1,200,000", dict(value=1.2e6)),
    ("he", "ו-2 מיליון ישראלים", "2 מיליון ישראלים", dict(value=2e6, unit="israelis")),
]

HEDGES = [
    ("he", "שווה כ-500 מיליארד דולר", "500 מיליארד דולר", dict(approx=True, hedge="כ")),
    ("he", "בערך 30 עובדים", "30 עובדים", dict(approx=True, hedge="בערך")),
    ("he", "צניחה של מעל 1 טריליון דולר", "1 טריליון דולר", dict(value=1e12, approx=True, hedge="מעל")),
    ("he", "לפחות 5 מיליון", "5 מיליון", dict(approx=True)),
    ("he", "עשוי להגיע ל-5 מיליארד דולר", "5 מיליארד דולר", dict(approx=True)),
    ("he", "ביום טוב זה מגיע למיליון", "מיליון", dict(value=1e6, approx=True)),
    ("he", "קרוב ל-40%", "40%", dict(approx=True)),
    ("ar", "حوالي 800 مليون شخص", "800 مليون شخص", dict(value=8e8, unit="people", approx=True, hedge="حوالي")),
    ("ar", "نحو 50 مليار دولار", "50 مليار دولار", dict(approx=True)),
    ("ar", "ما يقرب من ثلاثة أضعاف", "ثلاثة أضعاف", dict(value=3, kind="multiplier", approx=True)),
    ("ar", "أكثر من 100 مليون مستخدم", "100 مليون مستخدم", dict(approx=True)),
    ("ar", "تكلف ما يصل إلى 500 مليون دولار", "500 مليون دولار", dict(approx=True)),
    ("ar", "ما لا يقل عن 10 شركات", "10 شركات", dict(approx=True)),
    ("ar", "تسعة مديرين تنفيذيين على الأقل", "تسعة مديرين تنفيذيين", dict(value=9, unit="executives", approx=True)),
    ("ar", "قد تصل إلى 14 مليار دولار أمريكي", "14 مليار دولار أمريكي", dict(approx=True)),
    ("ar", "فقط 5 مستخدمين", "5 مستخدمين", dict(approx=False)),
    ("he", "גייסה 6.6 מיליארד דולר", "6.6 מיליארד דולר", dict(approx=False, hedge=None)),
]

RANGES = [
    ("he", "115-135 מיליארד", "115-135 מיליארד", dict(value=115e9, value_max=135e9, connector="dash")),
    ("he", "700-800 מיליארד דולר", "700-800 מיליארד דולר", dict(value=7e11, value_max=8e11, unit=USD, kind="money")),
    ("he", "בין 10 ל-20", "10 ל-20", dict(value=10, value_max=20, connector="between")),
    ("he", "בין 10 ל20 דולר", "10 ל20 דולר", dict(value=10, value_max=20, unit=USD)),
    ("he", "מ10 עד 20 דולר", "10 עד 20 דולר", dict(value=10, value_max=20, unit=USD, connector="from_to")),
    ("he", "800 מיליארד עד 1.2 מיליארד דולר", "800 מיליארד עד 1.2 מיליארד דולר",
     dict(value=8e11, value_max=1.2e9, unit=USD, connector="to")),
    ("he", "בטווח של שנה-שנתיים", "שנה-שנתיים", dict(value=1, value_max=2, unit="years", kind="duration")),
    ("he", "ירד מ-50% ל-34%", "50% ל-34%", dict(value=50, value_max=34, unit="percent", connector="from_to")),
    ("ar", "من 10 إلى 20", "10 إلى 20", dict(value=10, value_max=20, connector="from_to")),
    ("ar", "بين ٢٠ و٣٠", "٢٠ و٣٠", dict(value=20, value_max=30, connector="between")),
    ("ar", "ما بين عشرة وعشرون دولار", "عشرة وعشرون دولار", dict(value=10, value_max=20, unit=USD)),
    ("ar", "83%–92%", "83%–92%", dict(value=83, value_max=92, unit="percent", connector="dash")),
    ("he", "בעונת 2024-2025", "2024-2025", dict(value=2024, value_max=2025, kind="year")),
    ("ar", "بين عامي 2020 و2023", "2020 و2023", dict(value=2020, value_max=2023, kind="year", connector="between")),
    ("he", "שניים-שלושה ימים", "שניים-שלושה ימים", dict(value=2, value_max=3, unit="days")),
    ("ar", "حوالي 10$-20$", "10$-20$", dict(value=10, value_max=20, unit=USD, approx=True)),
    ("ar", "أكبر من 100 وأصغر من 300", "100 وأصغر من 300", dict(value=100, value_max=300)),
    ("ar", "من ٢٠٠ الى ٣٠٠٠٠٠٠ في ٢٠١٨", "٢٠٠ الى ٣٠٠٠٠٠٠", dict(value=200, value_max=3e6)),
    ("he", "מ-2020 ועד 2024", "2020 ועד 2024", dict(value=2020, value_max=2024, kind="year", connector="from_to")),
    ("ar", "من 2020 وحتى 2024", "2020 وحتى 2024", dict(value=2020, value_max=2024, connector="from_to")),
]

VAGUE = [
    ("he", "עשרות מיליוני משתמשים", "עשרות מיליוני משתמשים",
     dict(value=2e7, value_max=9e7, unit="users", approx=True)),
    ("he", "מאות עובדים", "מאות עובדים", dict(value=200, value_max=900, unit="employees", approx=True)),
    ("ar", "لدينا مئات المشاريع", "مئات المشاريع", dict(value=200, value_max=900, unit="projects", approx=True)),
    ("ar", "آلاف", "آلاف", dict(value=2000, value_max=9000, approx=True)),
    ("ar", "عشرات الآلاف", "عشرات الآلاف", dict(value=20000, value_max=90000, approx=True)),
    ("ar", "مئات الملايين من الدولارات", "مئات الملايين من الدولارات",
     dict(value=2e8, value_max=9e8, unit=USD, kind="money")),
    ("ar", "مليارات الدولارات", "مليارات الدولارات", dict(value=2e9, value_max=9e9, unit=USD)),
]

DURATIONS = [
    ("ar", "لمدة 12 يومًا", "12 يومًا", dict(value=12, unit="days", kind="duration")),
    ("ar", "منذ 8 سنوات", "8 سنوات", dict(value=8, unit="years")),
    ("ar", "استغرق شهرين", "شهرين", dict(value=2, unit="months")),
    ("ar", "عامين", "عامين", dict(value=2, unit="years")),
    ("ar", "أكثر من دقيقتين", "دقيقتين", dict(value=2, unit="minutes", approx=True)),
    ("ar", "واستغرق WeChat عامًا وشهرين", "عامًا وشهرين", dict(value=14, unit="months")),
    ("ar", "سنة واحدة هي فترة طويلة", "سنة واحدة", dict(value=1, unit="years")),
    ("ar", "طالب يبلغ من العمر 20 عامًا", "20 عامًا", dict(value=20, unit="years")),
    ("ar", "في غضون أسبوعين", "أسبوعين", dict(value=2, unit="weeks")),
    ("ar", "خلال الشهرين الماضيين", "شهرين", dict(value=2, unit="months")),
    ("he", "בשנתיים האחרונות", "שנתיים", dict(value=2, unit="years")),
    ("ar", "ثماني ساعات", "ثماني ساعات", dict(value=8, unit="hours")),
    ("he", "ביומיים האחרונים", "יומיים", dict(value=2, unit="days")),
    ("he", "רק 3 שנים", "3 שנים", dict(value=3, unit="years")),
    ("he", "לפני כשנה וחצי", "שנה וחצי", dict(value=1.5, unit="years", approx=True)),
    ("he", "מאסק, בן 55, הפך", "55", dict(value=55, unit="years", kind="duration", cue="בן")),
    ("he", "חודשיים", "חודשיים", dict(value=2, unit="months")),
    ("he", "שבועיים", "שבועיים", dict(value=2, unit="weeks")),
    ("he", "שעתיים", "שעתיים", dict(value=2, unit="hours")),
    ("he", "לפני שנתיים וחצי", "שנתיים וחצי", dict(value=2.5, unit="years")),
    ("he", "בעוד שבועיים", "שבועיים", dict(value=2, unit="weeks")),
    ("ar", "في السنوات الست الماضية", "سنوات الست", dict(value=6, unit="years")),
    # decades and centuries count in years; عقد is also "contract": see NONE
    ("he", "לפני שלושה עשורים", "שלושה עשורים", dict(value=30, unit="years", kind="duration")),
    ("he", "השקעה שתחזיר את עצמה בתוך כעשור", "עשור", dict(value=10, unit="years", approx=True)),
    ("he", "המיזם פועל כבר עשור וחצי", "עשור וחצי", dict(value=15, unit="years")),
    ("he", "תוך 2-3 עשורים", "2-3 עשורים", dict(value=20, value_max=30, unit="years")),
    ("ar", "على مدى ثلاثة عقود", "ثلاثة عقود", dict(value=30, unit="years", kind="duration")),
    ("ar", "تطور القطاع خلال عقدين", "عقدين", dict(value=20, unit="years", kind="duration")),
    ("ar", "نمت السوق خلال العقدين الماضيين", "عقدين", dict(value=20, unit="years")),
    ("ar", "استمرت الشراكة عقدين من الزمن", "عقدين", dict(value=20, unit="years")),
    ("ar", "منذ خمسة قرون", "خمسة قرون", dict(value=500, unit="years")),
    ("he", "מספר הסבבים ירד לשפל של עשור", "עשור", dict(value=10, unit="years")),
    ("he", "השקל בשיא של מזה עשורים", "עשורים", dict(value=20, value_max=90, unit="years", approx=True)),
    ("ar", "تمتد الشراكة لربع قرن", "ربع قرن", dict(value=25, unit="years", kind="duration")),
    ("ar", "يحتفل البنك بمرور قرن على تأسيسه", "قرن", dict(value=100, unit="years")),
    ("ar", "وقعت الشركة عقدا مدته عقد كامل", "عقد", dict(value=10, unit="years")),
]

DATES = [
    ("ar", "في 9 ديسمبر، اليوم الثالث", "9 ديسمبر", dict(value="--12-09", kind="date")),
    ("ar", "في 14 مارس 2023، أصدرت", "14 مارس 2023", dict(value="2023-03-14")),
    ("ar", "في نهاية نوفمبر 2024", "نوفمبر 2024", dict(value="2024-11")),
    ("ar", "في 17 كانون الأول (ديسمبر)، جاءت", "17 كانون الأول (ديسمبر)", dict(value="--12-17")),
    ("he", "הדוד סאם 21/11/2023 11:28", "21/11/2023 11:28", dict(value="2023-11-21")),
    ("he", "ב-14 בפברואר 2024", "14 בפברואר 2024", dict(value="2024-02-14")),
    ("he", "בינואר 2023", "ינואר 2023", dict(value="2023-01")),
    ("he", "עד 2024-05-01", "2024-05-01", dict(value="2024-05-01")),
    ("ar", "في الثامن من مارس 2024", "ثامن من مارس 2024", dict(value="2024-03-08")),
    ("ar", "في الأول من يناير", "أول من يناير", dict(value="--01-01")),
    ("ar", "بتاريخ 2024/11/21", "2024/11/21", dict(value="2024-11-21")),
    # a date inside a longer expression is one date (not 14 months, not 10 years and 2015)
    ("ar", "الخميس الموافق 14 شهر شباط", "خميس الموافق 14 شهر شباط", dict(value="--02-14", kind="date")),
    ("ar", "اخر يوم بشهر عشرة سنة 2015", "اخر يوم بشهر عشرة سنة 2015", dict(value="2015-10-31")),
    ("ar", "يوم الجمعة 15 شباط 2013", "يوم الجمعة 15 شباط 2013", dict(value="2013-02-15")),
    ("he", "שלושה במרץ 2015", "שלושה במרץ 2015", dict(value="2015-03-03")),
    ("he", "אפריל 14, 2015", "אפריל 14, 2015", dict(value="2015-04-14")),
    ("he", "נולד ב-10/31/74", "10/31/74", dict(value="1974-10-31")),
    ("ar", "بيانات 2/2013", "2/2013", dict(value="2013-02")),
    ("ar", "في الحادي والعشرين من مارس 2024", "حادي والعشرين من مارس 2024", dict(value="2024-03-21")),
]

YEARS = [
    ("ar", "لإنهاء عام 2024 في جو", "2024", dict(value=2024, kind="year")),
    ("ar", "أصبح عام 2024 عامًا حاسمًا", "2024", dict(value=2024, kind="year")),
    ("ar", "(تفاصيل 2025)", "2025", dict(value=2025, kind="year")),
    ("he", "בשנת 2023", "2023", dict(value=2023, kind="year")),
    ("he", "ב-2025 צפויה", "2025", dict(value=2025, kind="year")),
    ("ar", "لتوظيف 1500 موظف", "1500 موظف", dict(value=1500, kind="count", unit="employees")),
    ("ar", "جودة 1080 بكسل", "1080 بكسل", dict(value=1080, kind="count", unit="pixels")),
    ("ar", "2000 دولار", "2000 دولار", dict(value=2000, kind="money")),
]

COUNTS = [
    ("he", "500 עובדי OpenAI", "500 עובדי", dict(value=500, unit="employees", kind="count")),
    ("he", "2 מיליון ישראלים", "2 מיליון ישראלים", dict(value=2e6, unit="israelis")),
    ("he", "900 אלף אמריקאיים", "900 אלף אמריקאיים", dict(value=9e5, unit="americans")),
    ("ar", "شملت 600 من صناع القرار", "600 من صناع القرار", dict(value=600, unit="decision_makers")),
    ("ar", "شكوى من 107 صفحات", "107 صفحات", dict(value=107, unit="pages")),
    ("ar", "عشرة موظفين", "عشرة موظفين", dict(value=10, unit="employees")),
    ("ar", "إلى شخصين فقط", "شخصين", dict(value=2, unit="people", kind="count")),
    ("ar", "عدد الأشخاص الـ 11 في فريق", "أشخاص الـ 11", dict(value=11, unit="people")),
    ("ar", "التعليقات 0", "تعليقات 0", dict(value=0, unit="comments")),
    # Arabic duals of nouns the data does not list: the dual ending says two
    ("ar", "أبرمت المجموعة صفقتين هذا العام", "صفقتين", dict(value=2, kind="count")),
    ("ar", "استحوذت على شركتين", "شركتين", dict(value=2, unit="companies", kind="count")),
    ("ar", "وقعت الحكومة اتفاقيتين مع المصرف", "اتفاقيتين", dict(value=2, unit="count", kind="count")),
    ("ar", "أجرت دورتين تدريبيتين واسعتي النطاق", "دورتين تدريبيتين", dict(value=2, unit="training_runs")),
    ("ar", "استقال موظفا الشركة", "موظفا", dict(value=2, unit="employees", kind="count")),
    ("ar", "افتتحت الشركة مكتبين في دبي", "مكتبين", dict(value=2, unit="count", kind="count")),
    ("ar", "ألمح ألتمان إلى اتجاهين للخطة", "اتجاهين", dict(value=2, unit="directions")),
    ("ar", "عيّنت الشركة موظفين اثنين", "موظفين اثنين", dict(value=2, unit="employees")),
]

MULTIPLIERS = [
    ("he", "גדל פי 3", "פי 3", dict(value=3, unit="multiplier", kind="multiplier")),
    ("he", "פי שניים", "פי שניים", dict(value=2, kind="multiplier")),
    ("he", "החברה הכפילה את הכנסותיה", "הכפילה", dict(value=2, kind="multiplier")),
    ("ar", "ثلاثة أضعاف الخسائر", "ثلاثة أضعاف", dict(value=3, kind="multiplier")),
    ("ar", "وتضاعفت حصة Anthropic", "تضاعفت", dict(value=2, kind="multiplier")),
    ("ar", "بتقييم 2.5 مليار دولار، أي ضعف تقييمها السابق", "ضعف", dict(value=2, kind="multiplier")),
    ("ar", "ارتفعت الأسعار إلى الضعف", "ضعف", dict(value=2, kind="multiplier")),
    ("he", "ביצועים טובים 2.5x", "2.5x", dict(value=2.5, kind="multiplier")),
    ("ar", "أكثر من ضعف الإيرادات", "ضعف", dict(value=2, kind="multiplier", approx=True)),
]

RANKS = [
    ("he", "במקום השני", "מקום השני", dict(value=2, unit="rank", kind="rank")),
    ("he", "המקום הראשון", "מקום הראשון", dict(value=1, kind="rank")),
    ("ar", "احتلت المرتبة الأولى في", "مرتبة الأولى", dict(value=1, unit="rank", kind="rank")),
    ("ar", "ليحتل المرتبة الثانية بعد", "مرتبة الثانية", dict(value=2, kind="rank")),
    ("ar", "المركز الثالث", "مركز الثالث", dict(value=3, kind="rank")),
    ("ar", "ليحتل المرتبة الرابعة والخامسة", "خامسة", dict(value=5, kind="rank")),
]

UNKNOWN_LANGUAGE = [
    (None, "Revenue grew 12% to $3.5 in 2024.", "12%", dict(value=12, kind="percent")),
    (None, "Revenue grew 12% to $3.5 in 2024.", "$3.5", dict(value=3.5, kind="money", unit=USD)),
    ("fr", "Il a levé 10 $ en 2023.", "10 $", dict(value=10, kind="money")),
]

TABLES = {
    "digits": DIGITS, "words": WORDS, "scales": SCALES, "currencies": CURRENCIES, "percent": PERCENT,
    "signs": SIGNS, "hedges": HEDGES, "ranges": RANGES, "vague": VAGUE, "durations": DURATIONS,
    "dates": DATES, "years": YEARS, "counts": COUNTS, "multipliers": MULTIPLIERS, "ranks": RANKS,
    "unknown_language": UNKNOWN_LANGUAGE,
}
EXAMPLES = [pytest.param(*ex, id=f"{name}-{i}") for name, table in TABLES.items() for i, ex in enumerate(table)]


@pytest.mark.parametrize("lang,text,span,expected", EXAMPLES)
def test_example(lang, text, span, expected):
    found = find_quantities(text, lang)
    for q in found:
        assert text[q.start:q.end] == q.text
    hits = [q for q in found if q.text == span]
    assert hits, [(q.text, q.value, q.unit, q.kind) for q in found]
    q = hits[0]
    for field, value in expected.items():
        got = getattr(q, field)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and got is not None:
            assert math.isclose(got, value, rel_tol=1e-9), (field, got)
        else:
            assert got == value, (field, got)


# texts with no quantity at all
NONE = [
    ("ar", "لا يزال GPT-4 و GPT-4o و o3-mini و Grok-2 و Veo2 و ChatGPT-4 غائبة"),
    ("ar", "دقة 4K و 1080p في حدث \"12-Day Marathon\""),
    ("ar", "أعلنت Google عن Gemini2.0 و GPT-2"),
    ("he", "ביום ראשון בבוקר"),
    ("he", "ביום שני, ביום שלישי וביום שבת"),
    ("ar", "يوم الاثنين ويوم الثلاثاء ويوم الأحد"),
    ("he", "מורתי, אחד המייסדים של החברה"),
    ("he", "מוראטי הייתה אחד מהקולות הבולטים"),
    ("he", "לא נראה שאף אחד מהאירועים האלה"),
    ("ar", "وأصبحت واحدة من أكبر منافسي OpenAI"),
    ("ar", "جاءت الضغوط من الخارج الواحدة تلو الأخرى"),
    ("ar", "لقد قفز الأصليون من السفينة واحدًا تلو الآخر"),
    ("ar", "وقال في إحدى المقابلات إن"),
    ("ar", "أصبح هو نفسه أحد أكبر المستفيدين"),
    ("he", "התרחיש השני הוא שמיקרוסופט"),
    ("he", "התרחיש הראשון הוא, והשלישי"),
    ("ar", "أولاً، انخفض. ثانيًا، غادر. ثالثًا، غادر"),
    ("ar", "الأول هو نموذج صغير؛ والثاني هو نموذج جانبي"),
    ("ar", "اليوم الثالث من حدث البث"),
    ("he", "  • 1.\n    הדוד סאם"),
    ("ar", "عدة أشهر و العديد من المراجعات و بضعة أيام"),
    ("he", "יש כמה תרחישים אפשריים"),
    ("he", "OpenAI עובר כיום תקופת מהומות"),
    ("ar", "ضريبة التقييم الملياري"),
    ("ar", "لست متأكدا"),
    ("ar", "يكمن وراء ضعف منتجات OpenAI"),
    ("he", "בשעה 11:28"),
    ("he", "שירות 24/7 ותיקו 50/50"),
    ("he", "סבב גיוס שני, שלב שני"),
    ("he", "GPT-4.5 ו-Llama-3.1 ו-405B ו-COVID-19 ו-Q3"),
    ("he", "משתמשים שבועיים ודוחות שנתיים"),
    ("ar", "في الأسبوع الماضي والعام المقبل"),
    ("he", "השנה, בשנה שעברה ובחודש הבא"),
    ("ar", "خلال عقد"),
    ("ar", "وقعت الشركة عقدين مع الحكومة"),
    ("ar", "منتج غني بالبروتين وروتين العمل وقال الرئيس بوتين"),
    ("ar", "حققت الشركة نموا كبيرا العام الماضي وقال أيضا الرئيس التنفيذي"),
    ("ar", "العمال في باكستان وهولندا"),
    # dates that need the publication date: none without it, nor the numbers inside them
    ("ar", "اخر اثنين من شهر اذار"),
    ("ar", "اثنين الاسبوع الحالي"),
    ("he", "נפגשו אתמול, היום ומחר, ושוב ביום רביעי הבא"),
    ("ar", "القرن الحادي والعشرين"),
]


@pytest.mark.parametrize("lang,text", NONE, ids=[f"none-{i}" for i in range(len(NONE))])
def test_not_a_quantity(lang, text):
    assert find_quantities(text, lang) == [], [(q.text, q.value, q.kind) for q in find_quantities(text, lang)]


P = "2013-02-12"  # a Tuesday
# (lang, text, published, span, expected): dates resolved against the publication date
PUBLISHED = [
    ("he", "נפגשו אתמול", P, "אתמול", dict(kind="date", value="2013-02-11", relative=True, when="2013-02-11")),
    ("ar", "تراجعت الأسهم الأسبوع الماضي", P, "أسبوع الماضي", dict(value="2013-W06", relative=True)),
    ("he", "החברה צופה רווח השנה", "2025-02", "שנה", dict(value="2025", relative=True)),
    ("ar", "في 9 ديسمبر", "2024-12-26", "9 ديسمبر", dict(value="2024-12-09", relative=False, when="2024-12-09")),
    ("ar", "في 9 ديسمبر", "2025-01-05", "9 ديسمبر", dict(value="2024-12-09")),
    ("ar", "في 17 كانون الأول (ديسمبر)، جاءت", "2025-01-05", "17 كانون الأول (ديسمبر)", dict(value="2024-12-17")),
    ("ar", "الخميس 15 اغسطس", P, "خميس 15 اغسطس", dict(value="2013-08-15", relative=False)),
    ("ar", "الثلاثاء الثالث من شهر ايلول من عام 2014", P, "ثلاثاء الثالث من شهر ايلول من عام 2014",
     dict(value="2014-09-16", relative=False)),
    ("ar", "قرابة الثلاثاء القادم", P, "ثلاثاء القادم", dict(value="2013-02-19", approx=False)),
    # a duration counted from publication stays a duration, and points at a day
    ("ar", "قبل أسبوع", P, "أسبوع", dict(kind="duration", value=1, unit="weeks", when="2013-02-05")),
    ("he", "בעוד שבעה ימים", P, "שבעה ימים", dict(kind="duration", value=7, unit="days", when="2013-02-19")),
    ("he", "לפני שלוש שנים", "2025-03", "שלוש שנים", dict(kind="duration", value=3, when="2022")),
    ("he", "במשך שבעה ימים", P, "שבעה ימים", dict(kind="duration", value=7, when=None)),
    # a number that reaches outside a date keeps its reading
    ("ar", "عيّنت الشركة موظفين اثنين الأسبوع الماضي", P, "موظفين اثنين", dict(kind="count", value=2)),
    ("ar", "لإنهاء عام 2024 في جو", P, "2024", dict(kind="year", when="2024")),
]


@pytest.mark.parametrize("lang,text,published,span,expected", [
    pytest.param(*row, id=f"published-{i}") for i, row in enumerate(PUBLISHED)])
def test_with_publication_date(lang, text, published, span, expected):
    found = find_quantities(text, lang, published=published, relative=True)
    hits = [q for q in found if q.text == span]
    assert hits, [(q.text, q.value, q.kind, q.when) for q in found]
    for field, value in expected.items():
        got = getattr(hits[0], field)
        assert got == value, (field, got)


def test_relative_dates_are_read_only_with_a_publication_date_and_when_asked():
    text = "אתמול גייסה החברה 5 מיליון דולר, ובשבוע הבא תגייס עוד"
    assert [q.kind for q in find_quantities(text, "he")] == ["money"]
    assert [q.kind for q in find_quantities(text, "he", published=P)] == ["money"]
    found = find_quantities(text, "he", published=P, relative=True)
    assert [(q.kind, q.relative) for q in found] == [("date", True), ("money", False), ("date", True)]


def test_quantity_is_frozen_and_slotted():
    q = find_quantities("גייסה 5 מיליארד דולר", "he")[0]
    with pytest.raises(AttributeError):
        q.value = 1  # type: ignore[misc]
    assert not hasattr(q, "__dict__")


def test_range_parts_have_their_own_spans():
    text = "הנתח ירד מ-50% ל-34% השנה"
    (q,) = find_quantities(text, "he")
    a, b = q.parts
    assert (a.text, a.value, a.unit) == ("50%", 50, "percent")
    assert (b.text, b.value, b.unit) == ("34%", 34, "percent")
    assert text[a.start:a.end] == a.text and text[b.start:b.end] == b.text


def test_spans_index_the_original_text_through_normalization():
    text = "OpenAI\u200f גייסה \u202bכ\u00a0-\u00a0٥٫٥ מיליארד\u202c דולר"
    (q,) = find_quantities(text, "he")
    assert q.text == text[q.start:q.end] and q.value == 5.5e9


def test_sorted_and_non_overlapping():
    text = open_seed("002_25063b146d92d0fe.txt")
    found = find_quantities(text)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def open_seed(name: str) -> str:
    from pathlib import Path

    return (Path(__file__).resolve().parents[1] / "seeds" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("text,value", [("1,234", 1234), ("1,234.5", 1234.5), ("1.234,5", 1234.5), ("4,8", 4.8),
                                        ("5,00", 5), ("0,234", 0.234), ("1.5", 1.5), ("100,000,000", 1e8),
                                        ("1.200.000", 1.2e6), ("750.000", 750000), ("1.500", 1.5), ("2.5", 2.5),
                                        ("0.000", 0)])
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["1.2.3", "1,2,3", "12,34,567"])
def test_parse_digits_rejects_malformed(text):
    assert parse_digits(text) is None


def test_a_score_or_a_phone_number_is_not_a_range():
    assert [q.value_max for q in find_quantities("ניצחון 3-2 בטלפון 03-1234567", "he")] == [None] * 4


def test_an_adjective_agreeing_with_a_dual_is_not_another_dual():
    found = find_quantities("خلال الساعتين الماضيتين أبرمت صفقتين كبيرتين", "ar")
    assert [(q.text, q.value, q.unit) for q in found] == [("ساعتين", 2, "hours"), ("صفقتين", 2, "deals")]


def test_find_numbers_reads_numbers_inside_quantities():
    assert [(n.text, n.value) for n in find_numbers("أريد أن اربح ١٠٠٠٠ دولار في ٣ سنوات.", "ar")] == [
        ("١٠٠٠٠", 10000.0), ("٣", 3.0)]


# -- robustness: any text -------------------------------------------------------------

ALPHABET = list("אבגדהוזחטיכלמנסעפצקרשתםןךףץ ابتثجحخدذرسشصضطظعغفقكلمنهويىةءأإآ abcxyzABCDE0123456789"
                "٠١٢٣٤٥٦٧٨٩۰۱۲٫٬٪،.,;:-–—~/^%$€£₪()\"'\n\t ")
PIECES = ["מיליארד", "מיליון", "אלף", "דולר", "שנתיים", "וחצי", "עשרות", "מאות", "פי", "בין", "עד", "כ-", "ל-", "ב-",
          "مليار", "مليون", "ألفين", "دولار", "بـ", "وال", "من", "إلى", "بين", "و", "على", "جزء من", "أخماس", "ثلثان",
          "سالب", "مينوس", "فاصلة", "مئات", "عامًا", "شهرين", "نوفمبر", "ديسمبر", "عام", "المرتبة", "الثانية",
          "\u200f", "\u202b", "\u200d", "ـ", "\u064b", "\u05b8", "e", "^", "1e400", "9" * 40, "%–", "GPT-4", "12-Day"]
TEXTS = st.lists(st.one_of(st.sampled_from(ALPHABET), st.sampled_from(PIECES)), max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from(["he", "ar", None]))
def test_any_text(text, lang):
    found = find_quantities(text, lang)
    last_end = 0
    for q in found:
        assert isinstance(q, Quantity) and q.kind in KINDS + (BARE,)
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= last_end
        last_end = q.end
        if q.kind == "date":
            assert isinstance(q.value, str)
        else:
            assert math.isfinite(q.value)
        if q.value_max is not None:
            assert math.isfinite(q.value_max)
        for p in q.parts or ():
            assert text[p.start:p.end] == p.text


DATE_PIECES = ["אתמול", "היום", "הבא", "שעבר", "שבוע", "חודש", "שני", "ראשון", "האחרון", "של", "מרץ", "לפני", "בעוד",
               "امس", "اليوم", "الماضي", "القادم", "الاسبوع", "شهر", "اثنين", "الثلاثاء", "اخر", "ثالث", "يوم", "هذا",
               "شباط", "الموافق", "كريسماس", "بعد", "قبل", "عام", "10/31/74", "2/2013", "3-3-15", "15", "31", "2014",
               " ", " ", ", "]
DATE_TEXTS = st.lists(st.one_of(st.sampled_from(DATE_PIECES), st.sampled_from(ALPHABET)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(DATE_TEXTS, st.sampled_from(["he", "ar"]), st.sampled_from(["2013-02-12", "2025-12", "2024", "0001-01-01",
                                                                   "9999-12-31", ""]))
def test_any_text_with_a_publication_date(text, lang, published):
    last_end = 0
    for q in find_quantities(text, lang, published=published, relative=True):
        assert text[q.start:q.end] == q.text and q.start >= last_end
        last_end = q.end
        if q.kind == "date":
            assert isinstance(q.value, str) and (q.relative is False or q.when == q.value)
        assert q.when is None or isinstance(q.when, str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["he", "ar", None]))
def test_any_unicode(text, lang):
    for q in find_quantities(text, lang):
        assert text[q.start:q.end] == q.text
