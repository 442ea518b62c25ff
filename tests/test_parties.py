"""Subject and counterpart by role, and names the lexicon does not know (issue 7, items 1 and 5).

Each table row: (rule, lang, sentence, claim text, expected subject, expected counterpart). The
sentences are written for these tests in the style of Israeli and Arab business news; the
expectations were set by hand with the conventions of ``tests/data/ANNOTATION.md`` ("Roles").
The rule named is checked in the claim's ``why`` column.
"""

import pytest

from analysis import extract_claims
from analysis.corpus.mentions import find_candidates, find_mentions

INVESTORS = [
    # a round and the valuation it sets: the company raising; its investors are the counterpart
    ("subject:raiser", "he", "Perplexity השלימה גיוס של 500 מיליון דולר בהובלת IVP, לפי שווי של 9 מיליארד דולר.",
     "500 מיליון דולר", "Perplexity", "IVP"),
    ("subject:raiser", "he", "Perplexity השלימה גיוס של 500 מיליון דולר בהובלת IVP, לפי שווי של 9 מיליארד דולר.",
     "9 מיליארד דולר", "Perplexity", "IVP"),
    ("counterpart:investors", "he", "Mistral גייסה 640 מיליון דולר מאנבידיה, Samsung וקרן General Catalyst.",
     "640 מיליון דולר", "Mistral", "Nvidia; Samsung; General Catalyst"),
    ("counterpart:investors", "ar",
     "جمعت Mistral ملياري يورو بقيادة صندوق Lightspeed بمشاركة إنفيديا، بتقييم 14 مليار يورو.",
     "14 مليار يورو", "Mistral", "Lightspeed Venture Partners; Nvidia"),
    # the owner named after a company does not raise its money
    ("subject:raiser", "ar", "جمعت xAI المملوكة لإيلون ماسك 10 مليارات دولار من مستثمرين بينهم Valor Capital.",
     "10 مليارات دولار", "xAI", "Valor Capital"),
    # a round in a company is that company's; who leads it is an investor
    ("subject:raiser", "ar", "قادت Sequoia جولة تمويل بقيمة 120 مليون دولار في شركة «رؤى» الناشئة.",
     "120 مليون دولار", "رؤى", "Sequoia Capital"),
    # money put into a company: the company; who put it in is the counterpart
    ("subject:invested_in", "he",
     "אמזון השקיעה 4 מיליארד דולר באנתרופיק, וגוגל הזרימה ל-Character.AI 2.7 מיליארד דולר.",
     "4 מיליארד דולר", "Anthropic", "Amazon"),
    ("subject:invested_in", "he",
     "אמזון השקיעה 4 מיליארד דולר באנתרופיק, וגוגל הזרימה ל-Character.AI 2.7 מיליארד דולר.",
     "2.7 מיליארד דולר", "Character.AI", "Google"),
    ("subject:invested_in", "ar", "ضخت مايكروسوفت 1.5 مليار دولار في G42 الإماراتية.", "1.5 مليار دولار", "G42",
     "Microsoft"),
    # money invested in a country: the investor; the country is the counterpart
    ("counterpart:investor", "ar", "تعتزم أوراكل استثمار 14 مليار دولار في السعودية خلال عشر سنوات.",
     "14 مليار دولار", "Oracle", "Saudi Arabia"),
    # the valuation a round sets is the company's, even after a stake
    ("subject:raiser", "ar",
     "استثمر صندوق «مدى كابيتال» 40 مليون دولار في شركة «أفق» مقابل حصة 10%، بتقييم يبلغ 400 مليون دولار.",
     "400 مليون دولار", "أفق", "مدى كابيتال"),
    ("subject:stake_holder", "ar",
     "استثمر صندوق «مدى كابيتال» 40 مليون دولار في شركة «أفق» مقابل حصة 10%، بتقييم يبلغ 400 مليون دولار.",
     "10%", "مدى كابيتال", "أفق"),
    # an event of its own: a later deal verb without the investors ("ומאז גייסה")
    ("subject:raiser", "he", "Cohere גייסה 500 מיליון דולר מ-Nvidia, ומאז הקמתה גייסה יותר ממיליארד דולר.",
     "מיליארד דולר", "Cohere", ""),
]

STAKES = [
    ("subject:stake_holder", "he", "אנבידיה מחזיקה ב-7% ממניות CoreWeave, אחזקה ששוויה כ-4 מיליארד דולר.",
     "7%", "Nvidia", "CoreWeave"),
    ("subject:stake_holder", "he", "אנבידיה מחזיקה ב-7% ממניות CoreWeave, אחזקה ששוויה כ-4 מיליארד דולר.",
     "4 מיליארד דולר", "Nvidia", "CoreWeave"),
    # the holder named as the owner of the holding
    ("subject:stake_holder", "he", "אחזקתו של מארק צוקרברג במטא, כ-13% מהמניות, שווה כ-200 מיליארד דולר.",
     "200 מיליארד דולר", "Mark Zuckerberg", "Meta"),
    ("counterpart:company_held", "ar", "تمتلك سوفت بنك حصة تبلغ نحو 90% في Arm.", "90%", "SoftBank", "Arm"),
    # "the company": the company named last before it that is not an investor
    ("counterpart:company_held", "he", "מיקרוסופט השקיעה ב-Inflection, והיא מחזיקה כיום ב-20% ממניות החברה.",
     "20%", "Microsoft", "Inflection"),
]

DEALS = [
    # a commitment: the buyer; the seller is the counterpart
    ("subject:buyer", "he", "מטא התחייבה לרכוש מ-CoreWeave כוח מחשוב ב-14 מיליארד דולר.", "14 מיליארד דולר",
     "Meta", "CoreWeave"),
    ("counterpart:seller", "ar", "وقعت xAI عقدًا مع أوراكل بقيمة 10 مليارات دولار لشراء قدرات حوسبة.",
     "10 مليارات دولار", "xAI", "Oracle"),
    # a supply deal: the company supplied; the supplier is the counterpart
    ("subject:supplied", "he", "אנבידיה חתמה על הסכם לאספקת שבבים ל-xAI בהיקף של 5 מיליארד דולר.",
     "5 מיליארד דולר", "xAI", "Nvidia"),
    # a share sale: the company whose shares are sold; the buyers are the counterpart
    ("subject:shares_sold", "he",
     ("SpaceX השלימה מכירה משנית של מניות עובדים בהיקף 1.2 מיליארד דולר לקבוצת משקיעים שכללה את "
      "Andreessen Horowitz ו-Fidelity."),
     "1.2 מיליארד דולר", "SpaceX", "Andreessen Horowitz; Fidelity"),
    ("subject:shares_sold", "ar", "باع موظفون في Databricks أسهمًا بقيمة مليار دولار لمستثمرين بينهم Thrive Capital.",
     "مليار دولار", "Databricks", "Thrive Capital"),
    # a payment: who pays; who is paid is the counterpart
    ("subject:payer", "he", "אפל שילמה לגוגל 20 מיליארד דולר בשנה שעברה.", "20 מיליארד דולר", "Apple", "Google"),
]

OTHERS = [
    # a count of the people of a place: the place, not the person who said it
    ("subject:people_of_place", "he", "3 מיליון ישראלים עובדים מהבית, אמר סונדאר פיצ'אי.", "3 מיליון ישראלים",
     "Israel", ""),
    # ... but the people who use a product named with them are its users
    ("subject:same_clause_after", "he", "3 מיליון ישראלים משתמשים ב-Gemini, אמר סונדאר פיצ'אי.", "3 מיליון ישראלים",
     "Gemini", ""),
    # ... unless the count is set equal to someone's fortune
    ("subject:same_clause_before", "he", "הונו של ג'נסן הואנג שקול להונם של 400 אלף ישראלים.", "400 אלף ישראלים",
     "Jensen Huang", ""),
    # a count of users: the product named
    ("subject:product_of_users", "he", "גוגל הודיעה כי ל-Gemini יש 650 מיליון משתמשים חודשיים.",
     "650 מיליון משתמשים", "Gemini", ""),
    # a clause that names no one continues its sentence's subject, not the nearest name
    ("subject:elided_subject", "he",
     "אינטל רשמה הפסד של 16 מיליארד דולר בחטיבת Intel Foundry, והעלתה את תחזית ההוצאות ל-20 מיליארד דולר.",
     "20 מיליארד דולר", "Intel", ""),
    # the owner named right after a company is not the subject
    ("subject:same_clause_before", "he", "xAI של אילון מאסק שווה כיום 200 מיליארד דולר.", "200 מיליארד דולר",
     "xAI", ""),
    # a place named as a location is not the subject
    ("subject:same_clause_before", "he", "אנבידיה מעסיקה בישראל 5,000 עובדים.", "5,000 עובדים", "Nvidia", ""),
    # a multiple compares a figure with an earlier one: no counterpart
    ("subject:raiser", "he", "אנתרופיק גייסה 13 מיליארד דולר בהובלת ICONIQ, פי 3 מהסבב הקודם.", "פי 3",
     "Anthropic", ""),
    # nor a time ago
    ("subject:raiser", "he", "Harvey גייסה 300 מיליון דולר בהובלת Sequoia, פי 2 משוויה לפני חצי שנה.", "חצי שנה",
     "Harvey", ""),
    # a clause opened by "but" and naming another company is another event
    ("subject:same_clause_before", "he", "סופטבנק מחזיקה ב-11% מ-OpenAI, אבל Arm שווה בבורסה 150 מיליארד דולר.",
     "150 מיליארד דולר", "Arm", ""),
    # nor does a headcount, even inside a deal
    ("subject:shares_sold", "he", "Databricks השלימה מכירה משנית שבה רכשו Thrive Capital מניות מ-2,000 עובדים.",
     "2,000 עובדים", "Databricks", ""),
]

BY_METRIC = [
    # no deal word near the number: the deal its metric stands for (a stake: the company held)
    ("counterpart:company_held", "he", "סופטבנק תקבל מניות של Arm בשווי 2 מיליארד דולר.", "2 מיליארד דולר",
     "SoftBank", "Arm"),
    # no deal word and no metric: no counterpart
    ("subject:same_clause_before", "ar", "ستحصل سوفت بنك على أسهم Arm بقيمة 2 مليار دولار.", "2 مليار دولار",
     "SoftBank", ""),
]

PRODUCTS = [
    # a product named as a party to a deal stands for its maker (entities.csv, company)
    ("counterpart:seller", "ar", "وقعت OpenAI عقدًا لشراء قدرات حوسبة من منصة Azure بقيمة 50 مليار دولار.",
     "50 مليار دولار", "OpenAI", "Microsoft"),
    ("counterpart:seller", "he", "OpenAI התחייבה לרכוש שירותי ענן מ-Azure ב-250 מיליארד דולר.", "250 מיליארד דולר",
     "OpenAI", "Microsoft"),
    # a product bought is no party: the seller is the company it is bought from
    ("counterpart:seller", "he", "OpenAI התחייבה לרכוש שבבי Blackwell מאנבידיה ב-10 מיליארד דולר.", "10 מיליארד דולר",
     "OpenAI", "Nvidia"),
]

ROWS = INVESTORS + STAKES + DEALS + OTHERS + BY_METRIC + PRODUCTS


@pytest.mark.parametrize("rule,lang,sentence,claim,subject,counterpart", ROWS,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_roles(rule, lang, sentence, claim, subject, counterpart):
    claims = extract_claims(sentence, lang, "2025-06-01")
    rows = claims[claims["text"] == claim]
    assert len(rows) == 1, claims[["text", "kind"]].to_dict("records")
    row = rows.iloc[0]
    assert (row["subject"], row["counterpart"]) == (subject, counterpart), row["why"]
    assert rule in row["why"], row["why"]


def test_no_counterpart_without_a_deal():
    claims = extract_claims("הכנסות OpenAI הגיעו ל-13 מיליארד דולר, לפי דיווח ב-The Information.", "he", "2025-06")
    assert claims["counterpart"].tolist() == [""]


# --------------------------------------------------------------------------- candidates

CANDIDATES = [
    # a name in Latin script; "Series A" and the number stay out
    ("he", "חברת Lunar Robotics גייסה 20 מיליון דולר בסבב Series A.", [("Lunar Robotics", "org")]),
    # in quotation marks after a type word; written again without them
    ("he", 'קרן "גשר קפיטל" השקיעה בחברת הסטארט-אפ "אורן דאטה". אורן דאטה מעסיקה 40 עובדים.',
     [("גשר קפיטל", "org"), ("אורן דאטה", "org"), ("אורן דאטה", "org")]),
    ("ar", "استثمر صندوق «الأفق فنتشرز» في شركة «سحابة» السعودية.", [("الأفق فنتشرز", "org"), ("سحابة", "org")]),
    # the type word gives the type (a title in the construct state names the company, one with the
    # article the person); a short code with digits is a product
    ("he", 'מנכ"ל Qubit Works, המייסד Dan Ashkenazi, הציג את MX300.',
     [("Qubit Works", "org"), ("Dan Ashkenazi", "person"), ("MX300", "product")]),
    # a company's Latin name followed by more words names another company; a corporate suffix does not
    ("he", "בהשתתפות Samsung Next ו-SoftBank Group.", [("Samsung Next", "org")]),
    # not names: acronyms, labels, English prose, a quoted word after a person's title, a number word
    ("he", 'מנכ"ל ה-AI של החברה אמר כי ב-Q3 וב-FY2025 ה-CEO יוביל את ה-IPO.', []),
    ("he", '"We are not raising now", כתב המייסד. המנכ"ל "הזהיר" מבועה.', []),
    ("ar", 'أطلقت الشركة حدث "12-Day Marathon" الشهر الماضي.', []),
]


@pytest.mark.parametrize("lang,text,expected", CANDIDATES, ids=[f"{c[0]}:{c[1][:25]}" for c in CANDIDATES])
def test_candidates(lang, text, expected):
    found = [m for m in find_mentions(text, lang) if m.candidate]
    assert [(m.entity, m.type) for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.surface == m.entity


def test_candidates_only_in_hebrew_or_arabic_text():
    assert find_candidates("Lunar Robotics raised 20 million dollars", "he") == []


def test_lexicon_only_on_request():
    text = "חברת Lunar Robotics חתמה עם OpenAI."
    assert [m.entity for m in find_mentions(text, "he", candidates=False)] == ["OpenAI"]
    assert [m.entity for m in find_mentions(text, "he")] == ["Lunar Robotics", "OpenAI"]


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_party_words_are_text(lang):
    """YAML reads a bare On, No or Yes as a boolean: every word in parties.yaml must stay text."""
    from analysis.text.langdata import language

    def words(x):
        if isinstance(x, dict):
            return [w for v in x.values() for w in words(v)]
        return list(x) if isinstance(x, list) else []

    assert all(isinstance(w, str) for w in words(language(lang).load("parties")))


# --------------------------------------------------------------------------- companies the text does not name

UNNAMED = [
    # a word for a company followed by no name: an unnamed company (one, or several: "group")
    ("ar", "أعلنت شركة ناشئة كويتية عن جولة جديدة.", [("شركة", "org", "")]),
    ("he", "חברת סטארט-אפ ישראלית גייסה סכום גדול.", [("חברת סטארט-אפ", "org", "")]),
    ("ar", "أقرضت المصارف العراقية مبالغ كبيرة.", [("المصارف", "group", "")]),
    ("ar", "ضخ الصندوق أموالا في شركة جديدة للرقائق.", [("شركة", "org", "in")]),
    # followed by a name (over descriptors and quotation marks), definite, or a description
    ("he", "חברת הסייבר Cyera גייסה סכום גדול.", []),
    ("ar", "استثمر الصندوق في شركة «رمال» الناشئة.", []),
    ("he", "החברה גייסה סכום גדול, ובחברה מרוצים.", []),
    ("ar", "تعمل Mistral، وهي شركة فرنسية، على نموذج جديد.", []),
]


@pytest.mark.parametrize("lang,text,expected", UNNAMED, ids=[f"{u[0]}:{u[1][:25]}" for u in UNNAMED])
def test_unnamed_companies(lang, text, expected):
    from analysis.claims.parties import _unnamed
    from analysis.text.normalize import normalize

    norm = normalize(text)
    mentions = [(*norm.to_normalized(m.start, m.end), m) for m in find_mentions(text, lang)]
    found = _unnamed(norm.text, lang, 0, len(norm.text), mentions)
    assert [(norm.text[u.a:u.b], u.type, u.role) for u in found] == expected


# --------------------------------------------------------------------------- names that are ordinary words

GUARDED = [
    # a name that is also an ordinary word, where a name stands: after a type word or a word for
    # shares, after a noun it follows in the construct state, next to a deal verb
    ("he", "מניית לאומי עלתה אתמול ב-2%.", [("לאומי", "Bank Leumi")]),
    ("he", "טבע גייסה 2 מיליארד דולר באג\"ח.", [("טבע", "Teva")]),
    ("ar", "وظفت شركة كريم مئة مهندس.", [("كريم", "Careem")]),
    ("ar", "قفزت إيرادات فوري في الربع الأخير.", [("فوري", "Fawry")]),
    ("ar", "استثمر الصندوق في شركة «علم» السعودية.", [("علم", "Elm")]),
    # the ordinary word
    ("he", "הטבע בגליל יפה במיוחד באביב.", []),
    ("he", "הביטוח הלאומי הודיע על מענק.", []),
    ("ar", "قال كريم إن السوق نما كثيرا.", []),
    ("ar", "يتيح البنك التحويل الفوري للأموال.", []),
    ("ar", "يدرس الطلاب العلم في الجامعة.", []),
]


@pytest.mark.parametrize("lang,text,expected", GUARDED, ids=[f"{g[0]}:{g[1][:25]}" for g in GUARDED])
def test_guarded_names(lang, text, expected):
    from analysis.text.langdata import language

    guarded = {e for e in (language(lang).load("parties").get("guarded_names") or {})}
    found = [(m.surface, m.entity) for m in find_mentions(text, lang) if m.entity in guarded]
    assert found == expected
