"""The subject rules (:mod:`analysis.claims.subject`), one table per rule.

Each row: (lang, text, claim text, expected subject, rule expected in ``why`` or None). The text
is read as one article (several sentences where a rule looks at the sentences before); the rule
named must appear in the claim's ``why`` as ``subject:<rule>`` (None: the subject is checked
only, the row shows that the rule does *not* decide). The sentences are written for these tests
in the style of Israeli and Arab business news, the expected subjects set by hand with the
conventions of ``tests/data/ANNOTATION.md`` ("Roles") and ``analysis/data/metrics.csv``
(``subject_is``, ``subject_is_type``) before the engine was run on them.
"""

from __future__ import annotations

import pytest

from analysis import extract_claims
from analysis.claims.extract import _claims_in
from analysis.claims.parties import companies
from analysis.claims.subject import SETTLE_RULES, subject_kinds
from analysis.corpus.mentions import entity_types
from analysis.corpus.sentences import split_sentences
from analysis.text.normalize import normalize

# --------------------------------------------------------------------------- first pass: what the sentence names

SECTOR_SHARES = [
    # shares of a sector, nothing else named but a place: nobody
    ("he", "מניות הבנקים נפלו אתמול ב-3% בבורסה בתל אביב.", "3%", "", "sector_shares"),
    ("ar", "تراجعت أسهم البنوك بنسبة 2% في بورصة دبي.", "2%", "", "sector_shares"),
    # shares of a company
    ("he", "מניית אנבידיה עלתה ב-4% אחרי פרסום הדוחות.", "4%", "Nvidia", None),
    ("ar", "قفز سهم إنفيديا 6% في تداولات الأمس.", "6%", "Nvidia", None),
]

ELIDED_SPEAKING = [
    # a clause of saying (with the speaker's company in his title) does not carry the subject
    ("he", 'אפליקציית Claude הגיעה ל-30 מיליון משתמשים, אמר מנכ"ל אנתרופיק דריו אמודיי, והשימוש בה גדל ב-40% ברבעון.',
     "40%", "Claude", "elided_subject"),
    ("ar", "تجاوز عدد مستخدمي Gemini الشهريين 650 مليون مستخدم، قال الرئيس التنفيذي لغوغل سوندار بيتشاي، "
           "وارتفع الاستخدام اليومي بنسبة 45% خلال الربع.", "45%", "Gemini", "elided_subject"),
    # a clause that names its own company
    ("ar", "ارتفعت إيرادات غوغل 15% هذا الربع، ونمت إيرادات جوجل كلاود بنسبة 30%.", "30%", "Google Cloud", None),
]

NAMED = [
    # a party after "in" (the exchange) ranks after the company whose shares are meant
    ("he", 'מניית אינטל ננעלה בנאסד"ק ב-24 דולר.', "24 דולר", "Intel", "same_clause_before"),
    ("ar", "أغلق سهم إنتل في ناسداك عند 24 دولارًا.", "24 دولارًا", "Intel", None),
    # a party compared with ("after", "behind") is not the subject
    ("ar", "حل Claude في المرتبة الثالثة بعد ChatGPT وGemini.", "مرتبة الثالثة", "Claude", None),
    ("he", "Perplexity נמצאת במקום השלישי מאחורי ChatGPT.", "מקום השלישי", "Perplexity", None),
    # the company whose shares are received ranks after the one receiving them
    ("he", "סופטבנק תקבל מניות של Arm בשווי 2 מיליארד דולר.", "2 מיליארד דולר", "SoftBank", None),
    # a name restated in parentheses after a source is the source, not the subject
    ("he", "עד 2030 יגיע שוק השבבים העולמי לטריליון דולר, לפי תחזית של קרן המטבע הבינלאומית (IMF).",
     "טריליון דולר", "", None),
    # a company reporting its own figures may be their subject; places after "in" rank after it
    ("he", "צ'ק פוינט דיווחה כי הכנסותיה מלקוחות באירופה הגיעו ל-200 מיליון דולר.", "200 מיליון דולר",
     "Check Point", None),
    ("ar", "أعلنت أرامكو أن أرباحها من عملائها في آسيا بلغت 25 مليار دولار.", "25 مليار دولار", "Aramco", None),
    # the other side of a deal ("with") is never the subject, nor guessed
    ("he", "ההסכם עם אורקל יכניס לחברה 300 מיליון דולר בשנה.", "300 מיליון דולר", "", None),
    # an owner after a noun owns the noun, not the name before it: the round is Mistral's
    ("he", "ההשקעה של אנבידיה בסבב של Mistral תגיע ל-1 מיליארד דולר.", "1 מיליארד דולר", "Mistral", None),
    # agents carried over from the event before: the first of them, not the nearest
    ("he", "מסאיושי סון ייסד את סופטבנק, ובשנה שעברה השקיע 2 מיליארד דולר בחברות רובוטיקה.", "2 מיליארד דולר",
     "Masayoshi Son", "invested_in"),
    ("ar", "أسس ماسايوشي سون سوفت بنك، واستثمر لاحقا 3 مليارات دولار في شركات روبوتات.", "3 مليارات دولار",
     "Masayoshi Son", "invested_in"),
]

RESPECTIVELY = [
    # numbers listed before "respectively" go in order to the parties listed before them
    ("he", "אינטל ו-AMD רשמו ברבעון הכנסות של 13 ו-7 מיליארד דולר בהתאמה.", "13", "Intel", "respectively"),
    ("he", "אינטל ו-AMD רשמו ברבעון הכנסות של 13 ו-7 מיליארד דולר בהתאמה.", "7 מיליארד דולר", "AMD", "respectively"),
    ("ar", "بلغت إيرادات سامسونغ وإنتل 60 و14 مليار دولار على التوالي.", "60", "Samsung", "respectively"),
    # parties named each in a clause of its own: the agents named last, in order
    ("ar", "استغرق تطبيق Threads خمسة أيام، واستغرق ChatGPT شهرين، وجاء في المرتبة الأولى والثانية على التوالي.",
     "ثانية", "ChatGPT", "respectively"),
    ("he", "Threads הגיעה לשם בחמישה ימים ו-ChatGPT בחודשיים, והן דורגו במקום הראשון והשני בהתאמה.", "מקום הראשון",
     "Threads", "respectively"),
    # more parties listed than numbers: no pairing, the nearest name
    ("he", "אינטל, AMD ואנבידיה רשמו הכנסות של 13 ו-7 מיליארד דולר בהתאמה.", "13", "Nvidia", None),
]

NATIONAL_FIGURE = [
    # a state's indicator: the place named with it, whoever reports it
    ("he", "לפי הלשכה, האינפלציה בירדן עלתה ל-3.1% בחודש מאי.", "3.1%", "Jordan", "national_figure"),
    ("ar", "قال البنك المركزي إن احتياطي النقد الأجنبي ارتفع إلى 47 مليار دولار في مصر.", "47 مليار دولار", "Egypt",
     "national_figure"),
    # the state as agent, its place pointed to by an adjective or by the currency
    ("ar", "قدرت الحكومة المغربية عجز الموازنة بنحو 60 مليار درهم.", "60 مليار درهم", "Morocco", "national_figure"),
    ("he", "משרד האוצר צופה בשנה הבאה גירעון של 80 מיליארד שקל.", "80 מיליארד שקל", "Israel", "national_figure"),
    # a currency's move: the state whose currency it is
    ("he", "השקל נחלש אתמול ב-1.2% מול האירו.", "1.2%", "Israel", "national_figure"),
    # a deficit or exports of a company are the company's
    ("he", "OpenAI צופה גירעון של 5 מיליארד דולר השנה.", "5 מיליארד דולר", "OpenAI", None),
    ("ar", "ارتفعت صادرات إنفيديا إلى الصين بنسبة 20%.", "20%", "Nvidia", None),
]

MARKET_SIZE = [
    # the size of a market: its place, else nobody, whoever estimates it
    ("he", "גרטנר מעריכה את שוק הענן בישראל ב-4 מיליארד דולר.", "4 מיליארד דולר", "Israel", "market_size"),
    ("ar", "تقدر IDC حجم سوق الذكاء الاصطناعي بنحو 12 مليار دولار.", "12 مليار دولار", "", "market_size"),
    # a company's market value, and a price in a market, are no market's size
    ("he", "שווי השוק של אנבידיה הגיע ל-4 טריליון דולר.", "4 טריליון דולר", "Nvidia", None),
    ("ar", "بلغ سعر سهم أرامكو في السوق 27 ريالا.", "27 ريالا", "Aramco", None),
]

UNNAMED_PARTY = [
    # a company the text does not name is the agent: no subject, though others are named
    ("ar", "أعلنت شركة ناشئة سعودية عن جمع 5 ملايين دولار بقيادة STV.", "5 ملايين دولار", "", "unnamed_party"),
    ("he", "חברת סטארט-אפ ישראלית גייסה 12 מיליון דולר בהובלת Pitango.", "12 מיליון דולר", "", "unnamed_party"),
    ("ar", "جمعت أنثروبيك 13 مليار دولار، بينما جمعت منافستها الفرنسية 2 مليار يورو.", "2 مليار يورو", "",
     "unnamed_party"),
    # money put into a company the text does not name
    ("ar", "ضخ صندوق PIF مليار دولار في شركة جديدة للرقائق.", "مليار دولار", "", "invested_in"),
    # ... but into several companies: the investor's
    ("ar", "ضخ صندوق PIF مليار دولار في شركات ناشئة محلية.", "مليار دولار", "PIF", None),
    # a description of a company named before it, and a company named after the type word
    ("he", "Wiz, חברה ישראלית, גייסה מיליארד דולר.", "מיליארד דולר", "Wiz", None),
    ("ar", "جمعت شركة «رمال» 8 ملايين دولار.", "8 ملايين دولار", "رمال", None),
    # "the company" that is the object of a named agent's clause is another company
    ("he", "רשות ניירות ערך חוקרת את החברה, ומניותיה נסחרות לפי שווי של 40 מיליון שקל.", "40 מיליון שקל", "",
     "unnamed_party"),
]

# --------------------------------------------------------------------------- second pass: settled by the metric

PEOPLE_OF_PLACE = [
    # a count of a place's people is the place's, whoever says it
    ("he", "כ-2 מיליון ישראלים עובדים מהבית, אמר מנכ\"ל גוגל סונדאר פיצ'אי.", "2 מיליון ישראלים", "Israel",
     "people_of_place"),
    # ... but the people who use a product named with them are its users
    ("he", "ל-4 מיליון ישראלים יש חשבון ב-ChatGPT.", "4 מיליון ישראלים", "ChatGPT", None),
    ("he", "אילון מאסק שווה כמו 3 מיליון ישראלים.", "3 מיליון ישראלים", "Elon Musk", None),
    ("ar", "يستخدم 3 ملايين إسرائيلي تطبيق ChatGPT شهريا.", "3 ملايين", "ChatGPT", None),
]

NO_SUBJECT_METRIC = [
    # a comment counter is page furniture, whatever the article is about
    ("he", "OpenAI גייסה 6.6 מיליארד דולר.\nתגובות לכתבה (3)", "תגובות לכתבה (3", "", "no_subject_metric"),
    ("ar", "جمعت إنفيديا أرباحًا قياسية.\nالتعليقات 4", "تعليقات 4", "", "no_subject_metric"),
]

PRODUCT_TIER = [
    # the product and a tier word after it name a product the lexicon knows
    ("he", "ChatGPT מציעה מנוי Plus ב-20 דולר לחודש.", "20 דולר", "ChatGPT Plus", "product_tier"),
    ("ar", "يقدم ChatGPT باقة Pro مقابل 200 دولار شهريًا.", "200 دولار", "ChatGPT Pro", "product_tier"),
    # a tier the lexicon does not know: the product itself
    ("ar", "يتيح Gemini اشتراك Ultra مقابل 250 دولارًا شهريًا.", "250 دولارًا", "Gemini", None),
]

FITS_METRIC = [
    # a person for an age, a company for a valuation: the subject read stands, and keeps the name of
    # the rule that read it
    ("he", "מסאיושי סון, בן 68, הוביל את ההשקעה.", "68", "Masayoshi Son", "elided_subject"),
    ("ar", "جمعت Mistral 1.7 مليار يورو بتقييم 11.7 مليار يورو.", "11.7 مليار يورو", "Mistral", None),
]

COMPANY_OF = [
    # a product where a company is wanted: its maker
    ("he", "ChatGPT מוערכת לפי שווי של 500 מיליארד דולר.", "500 מיליארד דולר", "OpenAI", "company_of"),
    ("ar", "يقدر تقييم Claude بنحو 180 مليار دولار.", "180 مليار دولار", "Anthropic", "company_of"),
    # a product the lexicon gives no maker is named for its company (the press calls the company Cursor)
    ("he", "Cursor גייסה 900 מיליון דולר לפי שווי של 9.9 מיליארד דולר.", "9.9 מיליארד דולר", "Cursor", None),
]

FITTING_PARTY = [
    # the nearest name is a company, the age is the person's
    ("he", 'מסאיושי סון, יו"ר סופטבנק, בן 68, הוביל את ההשקעה.', "68", "Masayoshi Son", "fitting_party"),
    ("ar", "ماسايوشي سون، رئيس سوفت بنك، البالغ من العمر 68 عامًا، قاد الاستثمار.", "68 عامًا", "Masayoshi Son",
     "fitting_party"),
    # no person named: a company's "age" is no person's
    ("he", "Perplexity, בת שלוש, גייסה 500 מיליון דולר.", "שלוש", "", "no_fitting_subject"),
]

THE_SOURCE = [
    # a survey's size is about who ran it, even when it is the source
    ("he", "גרטנר ערכה סקר שכלל 2,000 משתתפים.", "2,000", "Gartner", "the_source"),
    ("ar", "وفقًا لاستطلاع أجرته غارتنر وشمل 1500 مدير، تزيد الشركات إنفاقها.", "1500", "Gartner", "the_source"),
]

SPEAKER_COMPANY = [
    # a figure in a quotation that names no company: the speaker's company
    ("he", '"בשנה הבאה נגייס עוד 500 עובדים בישראל", אמר מנכ"ל אנבידיה ג\'נסן הואנג בכנס בתל אביב.', "500 עובדים",
     "Nvidia", "speaker_company"),
    ("ar", "«لدينا اليوم أكثر من 3000 موظف»، قال سام ألتمان.", "3000 موظف", "OpenAI", "speaker_company"),
    # the second sentence of the quotation, the speaker introduced in the first
    ("ar", "قال لاري إليسون إن أوراكل ستوسع مراكز بياناتها. وأضاف: «سنضخ 10 مليارات دولار إضافية العام المقبل».",
     "10 مليارات دولار", "Oracle", "speaker_company"),
    # a quotation that names the company
    ("he", '"OpenAI תגיע השנה להכנסות של 13 מיליארד דולר", אמר סם אלטמן.', "13 מיליארד דולר", "OpenAI", None),
]

EARLIER_SENTENCE = [
    # nothing named, the metric wants a company: the one named in the sentence before
    ("he", "SpaceX נחשבת לחברה הפרטית היקרה בעולם. לפי הדיווחים, העסקה האחרונה נעשתה לפי שווי של 400 מיליארד דולר.",
     "400 מיליארד דולר", "SpaceX", "earlier_sentence"),
    ("ar", "أطلقت OpenAI أداة Sora لتوليد الفيديو. وتصل دقة المقاطع إلى 1080 بكسل.", "1080 بكسل", "Sora",
     "earlier_sentence"),
    # a number the metric says nothing of: no guess
    ("he", "SpaceX נחשבת לחברה הפרטית היקרה בעולם. יש לכך 3 סיבות.", "3", "", None),
]

ARTICLE_MAIN_ENTITY = [
    # the article's main company, named more than two sentences before
    ("he", "אנבידיה תדווח היום על תוצאות הרבעון. אנבידיה צפויה להפתיע. השוק מחכה בדריכות. האנליסטים זהירים. "
           "ההכנסות צפויות להגיע ל-55 מיליארד דולר.", "55 מיליארד דולר", "Nvidia", "article_main_entity"),
    ("ar", "تعلن إنفيديا نتائجها اليوم. وتترقب إنفيديا ردود الفعل. السوق في حالة ترقب. المحللون حذرون. "
           "ومن المتوقع أن تصل الإيرادات إلى 55 مليار دولار.", "55 مليار دولار", "Nvidia", "article_main_entity"),
]

NO_FITTING_SUBJECT = [
    # the one named is no person: the age is nobody's the text names
    ("ar", "أرسل Gemini رسالة إلى طالب يبلغ من العمر 19 عامًا.", "19 عامًا", "", None),
    ("he", "Gemini שלח הודעה לסטודנט בן 20.", "20", "", None),
]

PERSON_FIGURE = [
    # a person's figure (an age) read with a company: the person named, else nobody
    ("he", "סם אלטמן, בן 40, הודיע כי OpenAI תגייס עוד.", "40", "Sam Altman", None),
    ("ar", "عينت Meta باحثا يبلغ من العمر 24 عامًا.", "24 عامًا", "", None),
]

MAKER_FOR_PRODUCT = [
    # a product's metric and no product named: its maker stands for it
    ("he", "האפליקציה של מאנדיי.קום עברה את רף 5 מיליון ההורדות.", "5 מיליון ההורדות", "monday.com",
     "maker_for_product"),
    ("ar", "تجاوزت تنزيلات تطبيقات سامسونغ 50 مليون تنزيل.", "50 مليون تنزيل", "Samsung", "maker_for_product"),
    # a product named: the product
    ("ar", "تجاوز تطبيق ChatGPT حاجز 500 مليون تنزيل.", "500 مليون تنزيل", "ChatGPT", None),
]

PLACE_ALONE = [
    # a place named as object, nothing but a source besides: the place, whatever the metric
    ("he", "מאז תחילת השנה עזבו את ישראל כ-500 מהנדסים, לפי נתוני רשות החדשנות.", "500 מהנדסים", "Israel", None),
    ("ar", "غادر مصر نحو 3 آلاف مهندس العام الماضي، وفق الجهاز المركزي للتعبئة العامة والإحصاء.", "3 آلاف مهندس",
     "Egypt", None),
    # a place after "in" is where, not who
    ("he", "OpenAI פתחה משרד בלונדון עם 50 עובדים.", "50 עובדים", "OpenAI", None),
]

COORDINATED_NUMBER = [
    # a number joined to the one before by "and" only: the same subject
    ("he", "אילון מאסק שווה כ-480 מיליארד דולר. במילים אחרות, הונו שקול להון של 3 מיליון ישראלים ו-1 מיליון אמריקאים.",
     "1 מיליון אמריקאים", "Elon Musk", "coordinated_number"),
    ("ar", "أعلنت إنفيديا نتائجها الفصلية. وبلغت الإيرادات 57 مليار دولار و51 مليار دولار من مراكز البيانات.",
     "51 مليار دولار", "Nvidia", "coordinated_number"),
    # another company named with the second number
    ("he", "הכנסות אנבידיה הגיעו ל-57 מיליארד דולר ו-AMD רשמה 9 מיליארד דולר.", "9 מיליארד דולר", "AMD", None),
    # the figure the one before is compared with, its clause naming no one
    ("he", "הכנסות אמדוקס הגיעו ל-1.2 מיליארד דולר, לעומת 1.1 מיליארד דולר אשתקד.", "1.1 מיליארד דולר", "Amdocs",
     None),
    ("ar", "بلغت أرباح أرامكو 26 مليار دولار، مقابل 30 مليار دولار قبل عام.", "30 مليار دولار", "Aramco", None),
]

# "the company" with no company named before it in its sentence: the article's main company
ANAPHOR = [
    ("he", "OpenAI מרחיבה את פעילותה באירופה. לפי הדיווח, החברה תגייס 1,000 עובדים בשנה הבאה.", "1,000 עובדים",
     "OpenAI", None),
    ("ar", "تخطط أنثروبيك لافتتاح مكتب في الرياض. وستوظف الشركة 200 موظف هناك.", "200 موظف", "Anthropic", None),
]

TABLES = {
    "respectively": RESPECTIVELY, "national_figure": NATIONAL_FIGURE, "market_size": MARKET_SIZE,
    "unnamed_party": UNNAMED_PARTY, "person_figure": PERSON_FIGURE, "maker_for_product": MAKER_FOR_PRODUCT,
    "place_alone": PLACE_ALONE, "people_of_place": PEOPLE_OF_PLACE,
    "sector_shares": SECTOR_SHARES, "elided_subject": ELIDED_SPEAKING, "named_subject": NAMED,
    "no_subject_metric": NO_SUBJECT_METRIC, "product_tier": PRODUCT_TIER, "fits_metric": FITS_METRIC,
    "company_of": COMPANY_OF, "fitting_party": FITTING_PARTY, "the_source": THE_SOURCE,
    "speaker_company": SPEAKER_COMPANY, "earlier_sentence": EARLIER_SENTENCE,
    "article_main_entity": ARTICLE_MAIN_ENTITY, "no_fitting_subject": NO_FITTING_SUBJECT,
    "coordinated_number": COORDINATED_NUMBER, "anaphor": ANAPHOR,
}
ROWS = [(table, *row) for table, rows in TABLES.items() for row in rows]


@pytest.mark.parametrize("table,lang,text,claim,subject,rule", ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_subject_rules(table, lang, text, claim, subject, rule):
    claims = extract_claims(text, lang, "2025-06-01")
    rows = claims[claims["text"] == claim]
    assert len(rows) == 1, claims[["text", "kind"]].to_dict("records")
    row = rows.iloc[0]
    assert row["subject"] == subject, row["why"]
    if rule:
        assert f"subject:{rule}" in row["why"], row["why"]


def test_every_table_has_both_languages():
    assert all({r[0] for r in rows} == {"he", "ar"} for rows in TABLES.values())


#: Rules that read what was decided before: the subject of the number before in the sentence
#: (coordinated_number), the subject named, read once per number (named_subject).
STATEFUL = [(table, *row) for table in ("coordinated_number", "named_subject") for row in TABLES[table]]


@pytest.mark.parametrize("table,lang,text,claim,subject,rule", STATEFUL,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(STATEFUL)])
def test_subject_rules_while_another_text_is_read(monkeypatch, table, lang, text, claim, subject, rule):
    """What a rule keeps between two decisions belongs to its number or its sentence, never to the
    module: another text read in the middle of each number's subject (as another thread of a Dask
    worker does) changes nothing."""
    from analysis.claims import subject as subject_rules

    def read_another(site, found, kinds):
        if not busy:
            busy.append(1)
            extract_claims("אנבידיה גייסה 5 מיליארד דולר, ואמזון 4 מיליארד דולר.", "he")
            busy.clear()
        return None

    busy: list = []
    alone = extract_claims(text, lang, "2025-06-01")
    monkeypatch.setattr(subject_rules, "SETTLE_RULES", (read_another, *subject_rules.SETTLE_RULES))
    interleaved = extract_claims(text, lang, "2025-06-01")
    assert interleaved.equals(alone), interleaved.compare(alone)
    assert interleaved.loc[interleaved["text"] == claim, "subject"].tolist() == [subject]


# --------------------------------------------------------------------------- page furniture


@pytest.mark.parametrize("lang,text,claim", [
    ("he", "רוי כהן | (2)\nאנבידיה גייסה 5 מיליארד דולר.", "2"),
    ("ar", "بقلم سارة علي | (7)\nجمعت إنفيديا 5 مليارات دولار.", "7"),
])
def test_outside_analysis(lang, text, claim):
    """A number of page furniture (here the byline, first line) is about nobody."""
    norm = normalize(text)
    sentences = [(s.start, s.end) for s in split_sentences(text, lang=lang)]
    first_line = text.index("\n")
    rows = _claims_in(text, norm, lang, sentences, lambda _: "2025-06-01",
                      section_at=lambda off: "boilerplate" if off < first_line else "body")
    row = next(r for r in rows if r["text"].strip("()") == claim)
    assert (row["subject"], "subject:outside_analysis" in row["why"]) == ("", True), row["why"]
    body = next(r for r in rows if r["start"] > first_line)
    assert body["subject"] == "Nvidia"


# --------------------------------------------------------------------------- the data


def test_companies_are_known_orgs():
    """``entities.csv``, column ``company``: products and people only, each naming a known company."""
    types = entity_types()
    assert companies()
    assert all(types.get(e) in ("product", "person") and types.get(c) == "org" for e, c in companies().items())


def test_subject_kinds_are_entity_types():
    kinds = subject_kinds()
    allowed = {"org", "person", "product", "place", "index", "outlet", "source", "none"}
    assert kinds and all(set(k) <= allowed for k in kinds.values())
    assert kinds["comments"] == ("none",) and kinds["valuation"] == ("org",) and kinds["age"] == ("person",)


def test_settle_rules_have_docstrings():
    assert all(rule.__doc__ for rule in SETTLE_RULES)
