"""The metric of a claim, decided by the named rules of ``analysis/claims/metric.py`` (issue 7).

One table per rule: (lang, sentence, claim text, expected metric). The sentences are written for
these tests in the style of business news; the expectations were set by hand with the
conventions of ``tests/data/ANNOTATION.md`` ("Roles"). Each row also checks that the claim's
``why`` names the rule (``metric:<rule>``).
"""

import pytest

from analysis import extract_claims

PUBLISHED = "2025-06-15"

RULES = {
    # a count of users, customers or subscribers, whatever verb stands before it
    "counted_only": [
        ("ar", "تسعى المنصة إلى استقطاب 50 ألف مشترك جديد قبل الصيف.", "50 ألف مشترك", "users"),
        ("he", "חברת התוכנה מונה כיום 12 אלף לקוחות בשלוש יבשות.", "12 אלף לקוחות", "users"),
    ],
    # an own cue just before the number, else its counted noun or the complement right after it
    "cue_next_to_number": [
        ("he", "החברה גייסה 40 מיליארד דולר לפי שווי של 300 מיליארד דולר.", "40 מיליארד דולר", "funding_round"),
        ("he", "החברה גייסה 40 מיליארד דולר לפי שווי של 300 מיליארד דולר.", "300 מיליארד דולר", "valuation"),
        ("ar", "جمعت Nimbus 25 مليون دولار بتقييم 400 مليون دولار.", "25 مليون دولار", "funding_round"),
        ("ar", "جمعت Nimbus 25 مليون دولار بتقييم 400 مليون دولار.", "400 مليون دولار", "valuation"),
        ("he", "ענקית השבבים תפטר 450 עובדים עד סוף הרבעון.", "450 עובדים", "departures"),
        ("he", "אינטל איבדה ביום אחד 30 מיליארד דולר משווי השוק.", "30 מיליארד דולר", "market_value_change"),
        ("ar", "خسرت Intel نحو 30 مليار دولار من قيمتها السوقية في جلسة واحدة.", "30 مليار دولار",
         "market_value_change"),
        ("he", "Cohere מדווחת על קצב הכנסות שנתי של 200 מיליון דולר.", "200 מיליון דולר", "revenue_run_rate"),
        ("ar", "وقعت Meta عقد حوسبة بقيمة 9 مليارات دولار مع Oracle.", "9 مليارات دولار", "commitment"),
        ("he", "סמסונג רכשה 4% ממניות החברה.", "4%", "stake"),
        ("ar", "اشترت الحكومة 8% من أسهم الشركة.", "8%", "stake"),
        ("ar", "تخطط الشركة لتوظيف 300 مهندس في دبي.", "300 مهندس", "hiring"),
        ("ar", "توظف الشركة حاليا 2500 موظف في ثلاث دول.", "2500 موظف", "employees"),
        ("he", "גוגל הזרימה ל-Anthropic בשני סבבים 3 מיליארד דולר.", "3 מיליארד דולר", "total_funding"),
        # for a share, the whole it is "of" decides before the verb
        ("he", "יצרנית הציוד מחזיקה בשליש מהשוק העולמי.", "שליש", "market_share"),
        # money invested, nothing said of what in: spent
        ("ar", "يعتزم الصندوق استثمار 20 مليار دولار في الذكاء الاصطناعي خلال عقد.", "20 مليار دولار", "spend"),
        # a name holding a cue word is no cue: the verb decides
        ("he", "קרן העושר של נורווגיה הקצתה 2 מיליארד דולר לקרן חדשה.", "2 מיליארד דולר", "spend"),
        ("he", "גוגל תעניק לבכירים מענקי שימור של 50 מיליון דולר.", "50 מיליון דולר", "hiring_cost"),
    ],
    # a percent right before "of <company>"
    "share_of_company": [
        ("he", "לסופטבנק יש כיום כ-11% מ-OpenAI.", "11%", "stake"),
        ("ar", "ولدى سوفت بنك نحو 11% من OpenAI.", "11%", "stake"),
    ],
    # a percent written with its sign right after a company's name
    "signed_move": [
        ("he", "בנאסד\"ק בערב: אנבידיה +2.1%, אינטל -0.8%.", "-0.8%", "share_price_change"),
        ("ar", "في وول ستريت: إنفيديا +3.4%، إنتل -1.2%.", "+3.4%", "share_price_change"),
    ],
    # the nearest own cue farther away
    "own_cue": [
        ("he", "ההכנסות של Nvidia ברבעון השלישי של השנה שעברה הסתכמו ב-35 מיליארד דולר.", "35 מיליארד דולר",
         "revenue"),
        ("ar", "بلغت إيرادات Nvidia في الربع الثالث من العام الماضي 35 مليار دولار.", "35 مليار دولار", "revenue"),
        ("he", "קצב ההכנסות השנתי של Cohere עומד על 200 מיליון דולר.", "200 מיליון דולר", "revenue_run_rate"),
        ("he", "שווי השוק של מיקרוסופט אחרי פרסום הדוחות עומד כעת על 3.5 טריליון דולר.", "3.5 טריליון דולר",
         "market_value"),
        # a cue that fits the person named beats a nearer one that does not
        ("he", "הונו של ג'נסן הואנג מוערך ב-120 מיליארד דולר.", "120 מיליארד דולר", "net_worth"),
    ],
    # the number's counted noun names a metric
    "counted_noun": [
        ("ar", "في الصورة المنشورة يظهر 7 مديرين تنفيذيين سابقين.", "7 مديرين تنفيذيين", "departures"),
    ],
    # a figure without a cue continues the figure before it
    "previous_figure": [
        ("he", "מניית החברה צנחה ב-9% ל-41 דולר.", "41 דולר", "stock_price"),
        ("ar", "ارتفعت إيرادات الشركة إلى 4 مليارات دولار، بزيادة 35% على أساس سنوي.", "35%", "revenue"),
        ("he", "ההפסד התפעולי הגיע ל-2 מיליארד דולר, לעומת 1.2 מיליארד דולר אשתקד.", "1.2 מיליארד דולר",
         "loss"),
        ("ar", "تعتزم الشركة جمع 2 و3 مليارات دولار على دفعتين.", "3 مليارات دولار", "funding_round"),
        # a cue after a preposition reaches the level the change leads to
        ("he", "הדוח הצביע על עלייה של 15% בהכנסות, ל-3 מיליארד דולר.", "3 מיליארד דולר", "revenue"),
    ],
    # … else the figure after it in its clause
    "next_figure": [
        ("he", "בבריטניה 10% העליונים אוחזים ב-55% מהעושר הכולל.", "10%", "wealth_distribution"),
    ],
    # a cue of the sentence that no figure owns
    "nearest_cue": [
        ("he", "לפי ההערכות, ההכנסות, שנפגעו מהמכסים, יסתכמו השנה ב-2 מיליארד דולר.", "2 מיליארד דולר", "revenue"),
        ("ar", "أما الإيرادات، بحسب التقديرات، فستبلغ 2 مليار دولار.", "2 مليار دولار", "revenue"),
        ("he", "שווי השוק של מיקרוסופט, אחרי הדוחות, עומד כעת על 3.5 טריליון דולר.", "3.5 טריליון דולר",
         "market_value"),
    ],
    # a cue naming several metrics takes the one another cue of the phrase names, or the figure before
    "phrase_decides": [
        ("he", "החברה חתמה על חוזה מחשוב בשווי 8 מיליארד דולר.", "8 מיליארד דולר", "commitment"),
        ("ar", "وقعت الشركة عقد حوسبة تبلغ قيمته 8 مليارات دولار.", "8 مليارات دولار", "commitment"),
        ("he", "הקרן מחזיקה ב-15% ממניות החברה, בשווי 600 מיליון דולר.", "600 מיליון דולר", "stake"),
    ],
    # … or a company named after "in": money invested in it, or a stake held in it
    "in_company": [
        ("he", "אמזון השקיעה 4 מיליארד דולר באנתרופיק.", "4 מיליארד דולר", "funding_round"),
        ("ar", "استثمرت Nvidia نحو 500 مليون دولار في شركة ناشئة فرنسية.", "500 مليون دولار", "funding_round"),
        # … named after another word of investment of the sentence
        ("he", "סיילספורס תשקיע 500 מיליון דולר ב-Anthropic, כשההשקעה הראשונה, בסך 100 מיליון דולר, תבוצע השבוע.",
         "100 מיליון דולר", "funding_round"),
        ("ar", "رفع الصندوق حصته إلى 30% في الشركة المشغلة.", "30%", "stake"),
        ("ar", "تملك الحكومة حصة 8% في الشركة.", "8%", "stake"),
    ],
    # … or another cue of the sentence
    "sentence_decides": [
        ("ar", "تراجعت الحصة السوقية لشركة Intel، فيما ارتفعت حصة AMD إلى 25%.", "25%", "market_share"),
    ],
    # a word that names what no metric measures leaves the metric empty
    "not_in_codebook": [
        ("he", "הבנק רשם ברבעון רווח נקי של 1.5 מיליארד ש\"ח.", "1.5 מיליארד ש\"ח", ""),
        ("ar", "أصدر المصرف سندات بقيمة 500 مليون دولار.", "500 مليون دولار", ""),
        ("he", "חברת התקשורת גייסה 2 מיליארד דולר בהנפקת אג\"ח.", "2 מיליארד דולר", ""),
        ("he", "קרן הגידור מנהלת נכסים בשווי 50 מיליארד דולר.", "50 מיליארד דולר", ""),
        ("ar", "بلغت احتياطيات البنك المركزي من النقد الأجنبي 40 مليار دولار.", "40 مليار دولار", ""),
        ("he", "ההנהלה אישרה דיבידנד של 2 ש\"ח למניה.", "2 ש\"ח", ""),
    ],
    # a valuation word after a word of cost names the cost
    "cost_estimate": [
        ("he", "עלות ההקמה של הנמל החדש מוערכת ב-4 מיליארד ש\"ח.", "4 מיליארד ש\"ח", "capex"),
        ("he", "עלות הפרויקט מוערכת כיום ב-300 מיליון דולר.", "300 מיליון דולר", "spend"),
    ],
    # a worth in a sentence about someone's fortune, no company named, is that fortune
    "worth_of_wealth": [
        ("he", "לפי השווי הנוכחי של 90 מיליארד דולר, הונו גדול מזה של כל תושבי העיר.", "90 מיליארד דולר", "net_worth"),
        ("he", "אם מחשבים לפי שווי של 120 מיליארד דולר, הונה גדול מתקציב המדינה.", "120 מיליארד דולר", "net_worth"),
    ],
    # a share written right before "shares" is a stake
    "share_of_shares": [
        ("ar", "يملك الصندوق السيادي ربع أسهم الشركة.", "ربع", "stake"),
    ],
    # … or the narrower one the figure before it names
    "narrower_as_before": [
        ("ar", "أنفقت الشركة 30 مليار دولار على النفقات الرأسمالية في 2024، وستبلغ نفقاتها 40 مليار دولار هذا العام.",
         "40 مليار دولار", "capex"),
    ],
    # a valuation in a sentence about a listed company's market is its market value
    "listed_value": [
        ("he", "מניות החברה נסחרות לפי שווי של 2 מיליארד ש\"ח בלבד.", "2 מיליארד ש\"ח", "market_value"),
    ],
    # a company's metric about a state is none
    "unfit_subject": [
        ("he", "ממשלת מצרים צופה השנה גירעון של 900 מיליארד לירות מצריות.", "900 מיליארד לירות מצריות", ""),
    ],
    # a wage with no company named to pay it is a wage level
    "no_payer": [
        ("he", "השכר הממוצע של מתכנתים בחיפה הגיע ל-30 אלף ש\"ח.", "30 אלף ש\"ח", ""),
        ("ar", "يبلغ متوسط رواتب المبرمجين في الأردن نحو 1500 دينار.", "1500 دينار", ""),
    ],
    # staff counted after a word that says they leave or are hired
    "staff_moves": [
        ("ar", "سرحت الشركة الناشئة نحو 200 موظف، أي ما يعادل ثلث قوتها العاملة.", "ثلث", "departures"),
        ("ar", "سرحت الشركة الناشئة نحو 200 موظف، أي ما يعادل ثلث قوتها العاملة.", "200 موظف", "departures"),
        ("he", "אינטל תפטר כ-4,000 עובדים, כ-5% מכוח האדם שלה.", "5%", "departures"),
    ],
    # a valuation cue after a holding names the worth of the holding
    "stake_value": [
        ("he", "לקרן יש אחזקה ששוויה מוערך כעת ב-2 מיליארד דולר.", "2 מיליארד דולר", "stake"),
    ],
    # a broad metric gives way to a narrower one its phrase names
    "narrower_cue": [
        ("ar", "تنفق الشركة 10 مليارات دولار سنويا على بناء مراكز البيانات.", "10 مليارات دولار", "capex"),
        ("he", "ההכנסות של הסטארט-אפ עומדות על 300 מיליון דולר בקצב שנתי.", "300 מיליון דולר", "revenue_run_rate"),
        ("he", "מטא תשקיע 20 מיליארד דולר בהקמת מרכזי נתונים בטקסס.", "20 מיליארד דולר", "capex"),
        ("ar", "ستضخ الشركة 5 مليارات دولار في البنية التحتية.", "5 مليارات دولار", "capex"),
        # … or the phrase of the list it opens
        ("he", "שלוש החברות הודיעו על השקעות של 2, 3 ו-4 מיליארד דולר בהתאמה בחוות שרתים.", "2", "capex"),
        ("ar", "تدفع الشركة 30 دولارا شهريا لكل مستخدم.", "30 دولارا", "price"),
    ],
    # money raised with a to-date cue is the total raised
    "funding_to_date": [
        ("he", "מאז הקמתה ב-2019 גייסה החברה 300 מיליון דולר.", "300 מיליון דולר", "total_funding"),
        ("ar", "منذ تأسيسها في 2019 جمعت Nimbus نحو 80 مليون دولار.", "80 مليون دولار", "total_funding"),
    ],
    # a valuation in a share sale is the share sale's
    "share_sale_valuation": [
        ("he", "העובדים ימכרו מניות בהיקף של מיליארד דולר, לפי שווי של 90 מיליארד דולר.", "90 מיליארד דולר",
         "share_sale"),
        ("ar", "تسمح الشركة لموظفيها ببيع أسهم بقيمة 500 مليون دولار بتقييم 20 مليار دولار.", "20 مليار دولار",
         "share_sale"),
    ],
    # a market value in a sentence about a funding round is a private company's valuation
    "private_market_value": [
        ("ar", "أغلقت الشركة جولة تمويل جديدة رفعت قيمتها السوقية إلى 5 مليارات دولار.", "5 مليارات دولار",
         "valuation"),
    ],
    # a value read after "by" with a verb of change is a change of market value, never a valuation
    "value_change": [
        ("he", "שווי השוק של אינטל צנח ב-40 מיליארד דולר.", "40 מיליארד דולר", "market_value_change"),
        ("ar", "ارتفعت قيمتها السوقية بنحو 200 مليار دولار.", "200 مليار دولار", "market_value_change"),
        ("he", "שווי השוק של החברה זינק אתמול ב-6%.", "6%", "market_value_change"),
    ],
}

#: the metric stays empty rather than guessed when no cue supports it
EMPTY = [
    ("he", "הדוח המלא משתרע על פני 250 עמודים.", "250 עמודים"),
    ("ar", "حضر المؤتمر 3000 شخص، وأعلنت الشركة خلاله إيرادات بقيمة 2 مليار دولار.", "3000 شخص"),
    ("he", "70% מהקיבולת של החוות כבר נמכרה, והחברה תשקיע עוד 5 מיליארד דולר.", "70%"),
    # a growth rate before a sum of revenue is no revenue
    ("ar", "رفعت الشركة توقعاتها للنمو إلى 8% بعد أن بلغت إيراداتها 50 مليون دولار.", "8%"),
    # how long a process lasted is no event's length
    ("ar", "استمرت المفاوضات بين الشركتين ثلاثة أسابيع.", "ثلاثة أسابيع"),
    ("he", "בדיקת הרגולטור נמשכה 14 חודשים.", "14 חודשים"),
]

#: a level is no change, and a change is no level
NOT = [
    # a fortune named beside a company's worth leaves the worth a valuation
    ("he", "שווי SpaceX הגיע ל-400 מיליארד דולר, והונו של מאסק זינק בעקבותיו.", "400 מיליארד דולר", "valuation"),
    ("he", "שווי השוק של החברה ירד אל מתחת ל-400 מיליארד דולר.", "400 מיליארד דולר", "market_value"),
    ("ar", "تراجع سهم الشركة 3% لتنخفض قيمتها السوقية إلى نحو 800 مليار دولار.", "800 مليار دولار", "market_value"),
    # an end of a change "from X to Y" is a level
    ("he", "הסבב העלה את שוויה של החברה מ-2 ל-5 מיליארד דולר.", "2", "valuation"),
    # a headcount introduced as one stays the headcount
    ("he", "החברה, שמעסיקה 3,000 עובדים, תפטר 200 מהם.", "3,000 עובדים", "employees"),
    # a share of staff a word after it says may leave is a share of staff
    ("he", "יותר מ-60% מהעובדים מאיימים לעזוב.", "60%", "employees"),
    # the cue of a figure of another kind reads otherwise there
    ("he", "אפל תשקיע 300 מיליון דולר במרכז פיתוח ותגייס אליו 500 מהנדסים.", "300 מיליון דולר", "spend"),
    # money into a fund is spent, whatever the fund's name
    ("he", "הקרן הסעודית התחייבה להשקיע 10 מיליארד דולר בקרן טכנולוגיה משותפת.", "10 מיליארד דולר", "spend"),
]

ROWS = [(rule, *row) for rule, rows in RULES.items() for row in rows]


def _claim(lang: str, text: str, claim: str):
    claims = extract_claims(text, lang, PUBLISHED)
    rows = claims[claims["text"] == claim]
    assert len(rows) == 1, claims[["text", "kind", "metric"]].to_dict("records")
    return rows.iloc[0]


@pytest.mark.parametrize("rule,lang,text,claim,metric", ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_metric_rule(rule, lang, text, claim, metric):
    row = _claim(lang, text, claim)
    assert (row["metric"], f"metric:{rule}" in row["why"]) == (metric, True), row["why"]


@pytest.mark.parametrize("lang,text,claim", EMPTY, ids=[e[2] for e in EMPTY])
def test_metric_stays_empty_without_a_cue(lang, text, claim):
    row = _claim(lang, text, claim)
    assert row["metric"] == "" and "metric:" not in row["why"], row["why"]


@pytest.mark.parametrize("lang,text,claim,metric", NOT, ids=[n[2] for n in NOT])
def test_what_a_rule_must_not_read(lang, text, claim, metric):
    assert _claim(lang, text, claim)["metric"] == metric


def test_every_rule_has_a_table():
    from analysis.claims.metric import RULE_NAMES

    assert set(RULE_NAMES) == set(RULES)
