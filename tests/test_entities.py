"""The entity lexicon (``analysis/data/entities.csv`` and the alias files) and the mentions it finds.

The data tests check the lexicon as a whole: every alias names a known entity, every type is
one of the codebook's, no alias means two entities, and no alias is written with an attached
prefix (``ו``, ``ב``, ``ال``…) that the code generates anyway. The sentence tables are written
for this project in the style of Israeli and Arab business news; each row lists every mention
:func:`find_mentions` must give, in order, as (surface, entity): the surface is the name without
its attached prefix (``ולאנבידיה`` → ``אנבידיה``, ``لـ SoftBank`` → ``SoftBank``), and a
product keeps its version (``Gemini 2.5``).
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

import pytest

from analysis import extract_claims
from analysis.corpus.mentions import entity_types, find_mentions
from analysis.text.langdata import DATA_DIR, language, read_csv
from analysis.text.normalize import normalize_word

TYPES = {"org", "person", "product", "outlet", "place", "index"}
ENTITIES = read_csv(DATA_DIR / "entities.csv")
ALIAS_FILES = {"common": DATA_DIR / "common" / "aliases.csv",
               "he": DATA_DIR / "he" / "aliases.csv",
               "ar": DATA_DIR / "ar" / "aliases.csv"}
ALIASES = {name: read_csv(path) for name, path in ALIAS_FILES.items()}

# --------------------------------------------------------------------------- the data


def test_entities_are_unique_typed_and_many():
    names = [e["entity"] for e in ENTITIES]
    assert len(names) == len(set(names)), [n for n, k in Counter(names).items() if k > 1]
    assert {e["type"] for e in ENTITIES} <= TYPES, {e["entity"]: e["type"] for e in ENTITIES if e["type"] not in TYPES}
    assert len(names) >= 300
    assert all(n == n.strip() and n for n in names)


@pytest.mark.parametrize("name", list(ALIAS_FILES))
def test_every_alias_names_a_known_entity(name):
    known = {e["entity"] for e in ENTITIES}
    unknown = [(r["entity"], r["alias"]) for r in ALIASES[name] if r["entity"] not in known]
    assert not unknown, unknown


@pytest.mark.parametrize("name", list(ALIAS_FILES))
def test_aliases_are_clean(name):
    rows = ALIASES[name]
    assert all(r["alias"] and r["alias"] == r["alias"].strip() and "  " not in r["alias"] for r in rows)
    pairs = [(r["entity"], r["alias"]) for r in rows]
    assert len(pairs) == len(set(pairs)), [p for p, k in Counter(pairs).items() if k > 1]


def _owners(rows: list[dict]) -> dict[str, set[str]]:
    """Normalized alias → the entities it is listed for (matching sees the normalized form)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        owners[normalize_word(r["alias"])].add(r["entity"])
    return owners


@pytest.mark.parametrize("name", list(ALIAS_FILES))
def test_no_alias_maps_to_two_entities_in_a_file(name):
    clashes = {a: e for a, e in _owners(ALIASES[name]).items() if len(e) > 1}
    assert not clashes, clashes


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_no_alias_maps_to_two_entities_with_the_common_file(lang):
    """The common aliases are read together with each language's: one form, one entity."""
    clashes = {a: e for a, e in _owners(ALIASES["common"] + ALIASES[lang]).items() if len(e) > 1}
    assert not clashes, clashes


def test_every_entity_has_an_alias():
    named = {r["entity"] for rows in ALIASES.values() for r in rows}
    assert not [e["entity"] for e in ENTITIES if e["entity"] not in named]


def _prefixes(lang: str) -> set[str]:
    """Every attached prefix the code generates for ``lang`` (units, up to ``max``, joiner or not)."""
    spec = language(lang).load("language")["prefixes"]
    units = [normalize_word(u) for u in spec["units"]]
    out = set()
    for k in range(1, int(spec.get("max", 1)) + 1):
        for combo in itertools.product(units, repeat=k):
            out.add("".join(combo))
    return out | {p + normalize_word(j) for p in out for j in spec.get("joiners", []) if j.strip()} | {
        p + j for p in out for j in spec.get("joiners", []) if not j.strip()}


@pytest.mark.parametrize("lang", ["he", "ar"])
def test_aliases_are_written_bare(lang):
    """No alias is an attached prefix plus another alias (ולאנבידיה, البنتاغون next to بنتاغون)."""
    forms = set(_owners(ALIASES["common"] + ALIASES[lang]))
    contractions = language(lang).load("language")["prefixes"].get("contractions", {})
    prefixes = _prefixes(lang)
    bad = []
    for alias in sorted(forms):
        for i in range(1, len(alias)):
            if alias[:i] in prefixes and alias[i:] in forms:
                bad.append(f"{alias} = {alias[:i]} + {alias[i:]}")
        for article, merged in contractions.items():  # ل + الولايات is written للولايات
            if alias.startswith(merged) and article + alias[len(merged):] in forms:
                bad.append(f"{alias} is a prefixed form of {article + alias[len(merged):]}")
    assert not bad, bad


def test_product_aliases_with_digits_are_model_or_chip_names():
    """A product alias with a digit swallows that number (it is a name, not a quantity): only models and chips."""
    types = entity_types()
    digits = sorted({r["entity"] for rows in ALIASES.values() for r in rows
                     if types[r["entity"]] == "product" and any(c.isdigit() for c in r["alias"])})
    assert digits == sorted([
        "Blackwell", "DeepSeek-V3", "Gemini", "GPT-2", "GPT-3", "GPT-3.5", "GPT-4", "GPT-4.1",
        "GPT-4.5", "GPT-4o", "GPT-5", "H100", "H20", "H200", "Qwen", "R1", "Trainium", "Veo", "o1", "o3", "o3-mini",
        "o4-mini",
    ])


# --------------------------------------------------------------------------- mentions in news sentences

HE = [
    ("אנבידיה ואינטל דיווחו השבוע על תוצאות, ולאנבידיה יש יתרון ברור על AMD ועל קוואלקום בשוק מאיצי ה-AI.",
     [("אנבידיה", "Nvidia"), ("אינטל", "Intel"), ("אנבידיה", "Nvidia"), ("AMD", "AMD"), ("קוואלקום", "Qualcomm")]),
    ("TSMC תגדיל את ייצור השבבים בטייוואן עבור אפל ונבידיה, ובמקביל סמסונג ו-SK הייניקס מתחרות על שוק הזיכרונות.",
     [("TSMC", "TSMC"), ("טייוואן", "Taiwan"), ("אפל", "Apple"), ("נבידיה", "Nvidia"), ("סמסונג", "Samsung"),
      ("SK הייניקס", "SK Hynix")]),
    ("מיקרון ו-ASML מסרו כי הביקוש לשבבים של ארם נותר חזק.",
     [("מיקרון", "Micron"), ("ASML", "ASML"), ("ארם", "Arm")]),
    ('סרברס הגישה בקשה להנפקה בנאסד"ק, בזמן ש-Groq גייסה 640 מיליון דולר מ-BlackRock.',
     [("סרברס", "Cerebras"), ('נאסד"ק', "Nasdaq"), ("Groq", "Groq"), ("BlackRock", "BlackRock")]),
    ("קורוויב חתמה על הסכם עם מיקרוסופט, ואורקל הודיעה שתקים חוות שרתים בטקסס עבור אופן איי איי.",
     [("קורוויב", "CoreWeave"), ("מיקרוסופט", "Microsoft"), ("אורקל", "Oracle"), ("אופן איי איי", "OpenAI")]),
    ("לאמזון ול-AWS יש נתח של כשליש משוק הענן, לפני גוגל קלאוד ו-Azure.",
     [("אמזון", "Amazon"), ("AWS", "AWS"), ("גוגל קלאוד", "Google Cloud"), ("Azure", "Azure")]),
    ("יבמ, דל טכנולוגיות וסופרמיקרו נהנות מהביקוש לשרתי בינה מלאכותית.",
     [("יבמ", "IBM"), ("דל טכנולוגיות", "Dell"), ("סופרמיקרו", "Supermicro")]),
    ("אנתרופיק גייסה 13 מיליארד דולר, ודריו אמודיי אמר כי Claude Code מכניס יותר מ-500 מיליון דולר בשנה.",
     [("אנתרופיק", "Anthropic"), ("דריו אמודיי", "Dario Amodei"), ("Claude Code", "Claude Code")]),
    ("xAI של אילון מאסק מאמנת את Grok-3 על מחשב העל Colossus בממפיס.",
     [("xAI", "xAI"), ("אילון מאסק", "Elon Musk"), ("Grok-3", "Grok"), ("Colossus", "Colossus")]),
    ("מיסטרל הצרפתית, בראשות ארתור מנש, גייסה 1.7 מיליארד אירו בהובלת ASML.",
     [("מיסטרל", "Mistral"), ("ארתור מנש", "Arthur Mensch"), ("ASML", "ASML")]),
    ("דיפסיק מהאנגג'ואו, שייסד ליאנג ונפנג, השיקה את DeepSeek-V3 ואחריו את R1.",
     [("דיפסיק", "DeepSeek"), ("האנגג'ואו", "Hangzhou"), ("ליאנג ונפנג", "Liang Wenfeng"),
      ("DeepSeek-V3", "DeepSeek-V3"), ("R1", "R1")]),
    ("עליבאבא השיקה את Qwen3, וטנסנט ובאידו הציגו מודלים מתחרים.",
     [("עליבאבא", "Alibaba"), ("Qwen3", "Qwen"), ("טנסנט", "Tencent"), ("באידו", "Baidu")]),
    ('מונשוט, שמאחורי Kimi, ו-MiniMax הן חלק מ"הנמרים" של הבינה המלאכותית בסין.',
     [("מונשוט", "Moonshot AI"), ("Kimi", "Kimi"), ("MiniMax", "MiniMax"), ("סין", "China")]),
    ("פרפלקסיטי, שבראשה ארווינד סריניבאס, הציעה לרכוש את כרום מגוגל.",
     [("פרפלקסיטי", "Perplexity"), ("ארווינד סריניבאס", "Aravind Srinivas"), ("גוגל", "Google")]),
    ("איליה סוצקבר ודניאל גרוס הקימו את SSI, ומירה מוראטי הקימה את Thinking Machines.",
     [("איליה סוצקבר", "Ilya Sutskever"), ("דניאל גרוס", "Daniel Gross"), ("SSI", "Safe Superintelligence"),
      ("מירה מוראטי", "Mira Murati"), ("Thinking Machines", "Thinking Machines Lab")]),
    ("AI21 Labs הישראלית ו-Hugging Face חתמו על שיתוף פעולה עם Stability AI.",
     [("AI21 Labs", "AI21 Labs"), ("Hugging Face", "Hugging Face"), ("Stability AI", "Stability AI")]),
    ("מטא השקיעה 14.3 מיליארד דולר בסקייל איי איי, ואלכסנדר וואנג עבר לנהל את Meta Superintelligence Labs.",
     [("מטא", "Meta"), ("סקייל איי איי", "Scale AI"), ("אלכסנדר וואנג", "Alexandr Wang"),
      ("Meta Superintelligence Labs", "Meta Superintelligence Labs")]),
    ("דאטהבריקס גייסה לפי שווי של 100 מיליארד דולר, וסנופלייק ופלנטיר זינקו בוול סטריט.",
     [("דאטהבריקס", "Databricks"), ("סנופלייק", "Snowflake"), ("פלנטיר", "Palantir"), ("וול סטריט", "Wall Street")]),
    ("OpenAI השיקה את GPT-4.5 ואת o4-mini, ואחריהם את GPT-5 ואת Sora 2.",
     [("OpenAI", "OpenAI"), ("GPT-4.5", "GPT-4.5"), ("o4-mini", "o4-mini"), ("GPT-5", "GPT-5"), ("Sora 2", "Sora")]),
    ("סם אלטמן וגרג ברוקמן הציגו את Codex, ושרה פרייר אמרה שההכנסות יגיעו ל-13 מיליארד דולר.",
     [("סם אלטמן", "Sam Altman"), ("גרג ברוקמן", "Greg Brockman"), ("Codex", "Codex"), ("שרה פרייר", "Sarah Friar")]),
    ("גוגל דיפמיינד, בראשות דמיס חסאביס, הציגה את Gemini 2.5 ואת Nano Banana.",
     [("גוגל דיפמיינד", "Google DeepMind"), ("דמיס חסאביס", "Demis Hassabis"), ("Gemini 2.5", "Gemini"),
      ("Nano Banana", "Nano Banana")]),
    ("סאטיה נאדלה אמר כי Copilot ו-GitHub ממשיכים לצמוח, ומוסטפה סולימאן מוביל את צוות ה-AI של מיקרוסופט.",
     [("סאטיה נאדלה", "Satya Nadella"), ("Copilot", "Copilot"), ("GitHub", "GitHub"),
      ("מוסטפה סולימאן", "Mustafa Suleyman"), ("מיקרוסופט", "Microsoft")]),
    ("מארק צוקרברג הבטיח שמודל Llama הבא יהיה פתוח, ויאן לקון עזב את מטא.",
     [("מארק צוקרברג", "Mark Zuckerberg"), ("Llama", "Llama"), ("יאן לקון", "Yann LeCun"), ("מטא", "Meta")]),
    ("ג'נסן הואנג הציג את שבבי Blackwell ו-H100 בכנס של אנבידיה.",
     [("ג'נסן הואנג", "Jensen Huang"), ("Blackwell", "Blackwell"), ("H100", "H100"), ("אנבידיה", "Nvidia")]),
    ("ליסה סו מ-AMD ופט גלסינגר לשעבר מאינטל התראיינו לבלומברג.",
     [("ליסה סו", "Lisa Su"), ("AMD", "AMD"), ("פט גלסינגר", "Pat Gelsinger"), ("אינטל", "Intel"),
      ("בלומברג", "Bloomberg")]),
    ("סופטבנק של מסאיושי סון תשקיע דרך קרן החזון בסטארגייט, לצד אורקל ו-MGX.",
     [("סופטבנק", "SoftBank"), ("מסאיושי סון", "Masayoshi Son"), ("קרן החזון", "Vision Fund"),
      ("סטארגייט", "Stargate"), ("אורקל", "Oracle"), ("MGX", "MGX")]),
    ("קרן ההשקעות הציבורית של סעודיה ומובאדלה מאבו דאבי השקיעו ב-xAI, וגם QIA הצטרפה.",
     [("קרן ההשקעות הציבורית של סעודיה", "PIF"), ("מובאדלה", "Mubadala"), ("אבו דאבי", "Abu Dhabi"), ("xAI", "xAI"),
      ("QIA", "QIA")]),
    ("G42 והשייח' טחנון בן זאיד חתמו על הסכם עם מיקרוסופט באמירויות.",
     [("G42", "G42"), ("שייח' טחנון בן זאיד", "Tahnoun bin Zayed"), ("מיקרוסופט", "Microsoft"),
      ("אמירויות", "United Arab Emirates")]),
    ("מוחמד בן סלמאן הכריז על HUMAIN, שתקנה שבבים מאנבידיה ומ-AMD.",
     [("מוחמד בן סלמאן", "Mohammed bin Salman"), ("HUMAIN", "HUMAIN"), ("אנבידיה", "Nvidia"), ("AMD", "AMD")]),
    ("גולדמן סאקס ומורגן סטנלי מובילים את ההנפקה, וג'יי.פי מורגן מעריך שהמניה תעלה.",
     [("גולדמן סאקס", "Goldman Sachs"), ("מורגן סטנלי", "Morgan Stanley"), ("ג'יי.פי מורגן", "JPMorgan")]),
    ("סקויה קפיטל, אנדריסן הורוביץ ות'רייב קפיטל השתתפו בסבב, לצד טייגר גלובל.",
     [("סקויה קפיטל", "Sequoia Capital"), ("אנדריסן הורוביץ", "Andreessen Horowitz"),
      ("ת'רייב קפיטל", "Thrive Capital"), ("טייגר גלובל", "Tiger Global")]),
    ('מובילאיי, וויקס ומאנדיי.קום ירדו בנאסד"ק, בעוד צ\'ק פוינט וסייברארק עלו.',
     [("מובילאיי", "Mobileye"), ("וויקס", "Wix"), ("מאנדיי.קום", "monday.com"), ('נאסד"ק', "Nasdaq"),
      ("צ'ק פוינט", "Check Point"), ("סייברארק", "CyberArk")]),
    ("גוגל תרכוש את וויז ב-32 מיליארד דולר, העסקה הגדולה בתולדות ההייטק הישראלי.",
     [("גוגל", "Google"), ("וויז", "Wiz")]),
    ("אנבידיה רכשה את מלאנוקס ואת ראן איי איי, ואינטל רכשה את הבאנה לאבס.",
     [("אנבידיה", "Nvidia"), ("מלאנוקס", "Mellanox"), ("ראן איי איי", "Run:ai"), ("אינטל", "Intel"),
      ("הבאנה לאבס", "Habana Labs")]),
    ("נייס, אמדוקס ואלביט מערכות נסחרות גם בבורסת תל אביב.",
     [("נייס", "NICE"), ("אמדוקס", "Amdocs"), ("אלביט מערכות", "Elbit Systems"),
      ("בורסת תל אביב", "Tel Aviv Stock Exchange")]),
    ('טאואר, קמטק ונובה מכשירי מדידה הובילו את העליות במדד ת"א 35.',
     [("טאואר", "Tower Semiconductor"), ("קמטק", "Camtek"), ("נובה מכשירי מדידה", "Nova"), ('ת"א 35', "TA-35")]),
    ("היילו הישראלית גייסה 120 מיליון דולר, ולייטריקס קיצצה 15% מעובדיה.",
     [("היילו", "Hailo"), ("לייטריקס", "Lightricks")]),
    ("רשות ניירות ערך האמריקאית (SEC) ו-FTC בוחנות את ההשקעה של מיקרוסופט ב-OpenAI.",
     [("רשות ניירות ערך האמריקאית", "SEC"), ("SEC", "SEC"), ("FTC", "FTC"), ("מיקרוסופט", "Microsoft"),
      ("OpenAI", "OpenAI")]),
    ("הנציבות האירופית הודיעה כי האיחוד האירופי יקנוס את מטא, ובבית הלבן הגיבו בחריפות.",
     [("נציבות האירופית", "European Commission"), ("איחוד האירופי", "European Union"), ("מטא", "Meta"),
      ("בית הלבן", "White House")]),
    ("הפד הותיר את הריבית ללא שינוי, ובנק ישראל צפוי ללכת בעקבותיו.",
     [("פד", "Federal Reserve"), ("בנק ישראל", "Bank of Israel")]),
    ("לפי דיווח בכלכליסט, ובעקבות כתבות בפייננשל טיימס ובוול סטריט ג'ורנל, אנבידיה שוקלת השקעה.",
     [("כלכליסט", "Calcalist"), ("פייננשל טיימס", "Financial Times"), ("וול סטריט ג'ורנל", "Wall Street Journal"),
      ("אנבידיה", "Nvidia")]),
    ("כך דווח בדה מרקר ובגלובס, בעקבות דיווח של רויטרס ו-CNBC.",
     [("דה מרקר", "TheMarker"), ("גלובס", "Globes"), ("רויטרס", "Reuters"), ("CNBC", "CNBC")]),
    ("לפי גרטנר ו-IDC, ההוצאה על בינה מלאכותית תגיע ל-1.5 טריליון דולר, ונתוני סימילרווב מראים ש-ChatGPT מוביל.",
     [("גרטנר", "Gartner"), ("IDC", "IDC"), ("סימילרווב", "Similarweb"), ("ChatGPT", "ChatGPT")]),
    ('מדד נאסד"ק 100 ומדד S&P 500 עלו, ודאו ג\'ונס ירד.',
     [('נאסד"ק 100', "Nasdaq 100"), ("S&P 500", "S&P 500"), ("דאו ג'ונס", "Dow Jones")]),
    ("טים קוק הציג את Apple Intelligence ואת סירי החדשה, וג'וני אייב עובד עם OpenAI על מכשיר.",
     [("טים קוק", "Tim Cook"), ("Apple Intelligence", "Apple Intelligence"), ("סירי", "Siri"),
      ("ג'וני אייב", "Jony Ive"), ("OpenAI", "OpenAI")]),
    ("ג'ף בזוס ואנדי ג'סי הציגו את Alexa+ ואת שבבי Trainium.",
     [("ג'ף בזוס", "Jeff Bezos"), ("אנדי ג'סי", "Andy Jassy"), ("Alexa", "Alexa"), ("Trainium", "Trainium")]),
    ("ג'פרי הינטון ויהושע בנג'יו הזהירו מפני הסיכונים, ואנדריי קרפאתי עזב את טסלה.",
     [("ג'פרי הינטון", "Geoffrey Hinton"), ("יהושע בנג'יו", "Yoshua Bengio"), ("אנדריי קרפאתי", "Andrej Karpathy"),
      ("טסלה", "Tesla")]),
    ("דונלד טראמפ ודייוויד סאקס נפגשו עם ג'נסן חואנג בוושינגטון.",
     [("דונלד טראמפ", "Donald Trump"), ("דייוויד סאקס", "David Sacks"), ("ג'נסן חואנג", "Jensen Huang"),
      ("וושינגטון", "Washington")]),
    ("שי ג'ינפינג ובנימין נתניהו לא הוזכרו בדוח, אבל ג'ו ביידן הטיל מגבלות על ייצוא H20 לסין.",
     [("שי ג'ינפינג", "Xi Jinping"), ("בנימין נתניהו", "Benjamin Netanyahu"), ("ג'ו ביידן", "Joe Biden"),
      ("H20", "H20"), ("סין", "China")]),
    ("ארמקו, קטאר ודובאי משקיעות במרכזי נתונים; סעודיה ומצרים מתחרות על השקעות מאירופה ומיפן.",
     [("ארמקו", "Aramco"), ("קטאר", "Qatar"), ("דובאי", "Dubai"), ("סעודיה", "Saudi Arabia"), ("מצרים", "Egypt"),
      ("אירופה", "Europe"), ("יפן", "Japan")]),
    ("משרדים חדשים ייפתחו בלונדון, בפריז, בסינגפור ובדרום קוריאה.",
     [("לונדון", "London"), ("פריז", "Paris"), ("סינגפור", "Singapore"), ("דרום קוריאה", "South Korea")]),
    ("וואווי ושיאומי מפתחות שבבים משלהן, וסמסונג מוכרת רכיבים לפוקסקון.",
     [("וואווי", "Huawei"), ("שיאומי", "Xiaomi"), ("סמסונג", "Samsung"), ("פוקסקון", "Foxconn")]),
    ("פייסבוק, אינסטגרם ווואטסאפ של מטא עוברים לתמוך ב-Meta AI.",
     [("פייסבוק", "Facebook"), ("אינסטגרם", "Instagram"), ("וואטסאפ", "WhatsApp"), ("מטא", "Meta"),
      ("Meta AI", "Meta AI")]),
    ("לדברי מנכ\"ל ווימו, Starlink ו-Neuralink של מאסק אינן מתחרות בה.",
     [("ווימו", "Waymo"), ("Starlink", "Starlink"), ("Neuralink", "Neuralink"), ("מאסק", "Elon Musk")]),
    ("קוהיר ואילבן לאבס גייסו כסף מ-Nvidia, ומידג'רני נשארה רווחית.",
     [("קוהיר", "Cohere"), ("אילבן לאבס", "ElevenLabs"), ("Nvidia", "Nvidia"), ("מידג'רני", "Midjourney")]),
    ("הבנק העולמי וקרן המטבע הבינלאומית מעריכים כי הבינה המלאכותית תוסיף לצמיחה.",
     [("בנק העולמי", "World Bank"), ("קרן המטבע הבינלאומית", "IMF")]),
    ("רשות החדשנות ויחידה 8200 הן מקור מרכזי לכישרונות עבור אנבידיה ישראל.",
     [("רשות החדשנות", "Israel Innovation Authority"), ("יחידה 8200", "Unit 8200"), ("אנבידיה", "Nvidia"),
      ("ישראל", "Israel")]),
    ("בנק לאומי ובנק הפועלים משתמשים ב-Gemini ובקלוד.",
     [("בנק לאומי", "Bank Leumi"), ("בנק הפועלים", "Bank Hapoalim"), ("Gemini", "Gemini"), ("קלוד", "Claude")]),
    ("בלקסטון ובלקרוק רכשו נתח בחוות השרתים, וגם פידליטי השתתפה.",
     [("בלקסטון", "Blackstone"), ("בלקרוק", "BlackRock"), ("פידליטי", "Fidelity")]),
    ('אבישי אברהמי, מנכ"ל וויקס, ואסף רפפורט, מנכ"ל וויז, דיברו בכנס בתל אביב.',
     [("אבישי אברהמי", "Avishai Abrahami"), ("וויקס", "Wix"), ("אסף רפפורט", "Assaf Rappaport"), ("וויז", "Wiz"),
      ("תל אביב", "Tel Aviv")]),
    ("עליבאבא השיקה את Qwen2.5 ומטא את Llama 3.1.",
     [("עליבאבא", "Alibaba"), ("Qwen2.5", "Qwen"), ("מטא", "Meta"), ("Llama 3.1", "Llama")]),
    ("אמנון שעשוע וגיל שוויד דיברו על עתיד הבינה המלאכותית בישראל.",
     [("אמנון שעשוע", "Amnon Shashua"), ("גיל שוויד", "Gil Shwed"), ("ישראל", "Israel")]),
    ("גוגל כרום ומיקרוסופט אז'ור ישלבו סוכני AI.",
     [("גוגל כרום", "Chrome"), ("מיקרוסופט אז'ור", "Azure")]),
    # aliases left out as ordinary words: nothing is named here
    ("מקימי החברה השיקו פורטל מקוון חדש, והקודקס האתי עודכן.", []),
    ("התקציב הדל של שמורת הטבע נחשף בכל רחבי הארץ.", []),
]

AR = [
    ("أعلنت إنفيديا أن مبيعاتها تضاعفت، فيما تراجعت أسهم إنتل وانخفضت حصة إيه إم دي وكوالكوم.",
     [("إنفيديا", "Nvidia"), ("إنتل", "Intel"), ("إيه إم دي", "AMD"), ("كوالكوم", "Qualcomm")]),
    ("وبإنفيديا ترتبط خطط تي إس إم سي في تايوان، بينما تستثمر سامسونج وإس كيه هاينكس في الذاكرة.",
     [("إنفيديا", "Nvidia"), ("تي إس إم سي", "TSMC"), ("تايوان", "Taiwan"), ("سامسونج", "Samsung"),
      ("إس كيه هاينكس", "SK Hynix")]),
    ("قالت ميكرون إن الطلب على رقائق آرم هولدينغز وأجهزة إيه إس إم إل سيبقى قويا.",
     [("ميكرون", "Micron"), ("آرم هولدينغز", "Arm"), ("إيه إس إم إل", "ASML")]),
    ("وقعت كورويف عقدا مع مايكروسوفت بقيمة 10 مليارات دولار، كما وسعت أوراكل مراكز بياناتها لصالح أوبن إيه آي.",
     [("كورويف", "CoreWeave"), ("مايكروسوفت", "Microsoft"), ("أوراكل", "Oracle"), ("أوبن إيه آي", "OpenAI")]),
    ("تستحوذ أمازون ويب سيرفيسز على نحو ثلث سوق السحابة، تليها جوجل كلاود.",
     [("أمازون ويب سيرفيسز", "AWS"), ("جوجل كلاود", "Google Cloud")]),
    ("أعلنت شركة آبل عن شراكة مع آي بي إم وسوبر مايكرو.",
     [("شركة آبل", "Apple"), ("آي بي إم", "IBM"), ("سوبر مايكرو", "Supermicro")]),
    ("جمعت أنثروبيك 13 مليار دولار، وقال داريو أمودي إن كلود كود يحقق إيرادات متنامية.",
     [("أنثروبيك", "Anthropic"), ("داريو أمودي", "Dario Amodei"), ("كلود كود", "Claude Code")]),
    ("دربت إكس إيه آي التابعة لإيلون ماسك نموذج Grok-3 على الحاسوب العملاق كولوسوس.",
     [("إكس إيه آي", "xAI"), ("إيلون ماسك", "Elon Musk"), ("Grok-3", "Grok"), ("كولوسوس", "Colossus")]),
    ("جمعت ميسترال الفرنسية بقيادة آرثر مينش 1.7 مليار يورو.",
     [("ميسترال", "Mistral"), ("آرثر مينش", "Arthur Mensch")]),
    ("أطلقت ديب سيك، التي أسسها ليانغ وين فنغ في هانغتشو، نموذج R1 بعد DeepSeek-V3.",
     [("ديب سيك", "DeepSeek"), ("ليانغ وين فنغ", "Liang Wenfeng"), ("هانغتشو", "Hangzhou"), ("R1", "R1"),
      ("DeepSeek-V3", "DeepSeek-V3")]),
    ("طرحت علي بابا نموذج Qwen2.5، فيما كشفت تينسنت وبايدو عن نماذج منافسة.",
     [("علي بابا", "Alibaba"), ("Qwen2.5", "Qwen"), ("تينسنت", "Tencent"), ("بايدو", "Baidu")]),
    ("تعد مونشوت مطورة كيمي، إلى جانب ميني ماكس وتشيبو، من أبرز الشركات الناشئة في الصين.",
     [("مونشوت", "Moonshot AI"), ("كيمي", "Kimi"), ("ميني ماكس", "MiniMax"), ("تشيبو", "Zhipu AI"), ("الصين", "China")]),
    ("عرضت بيربلكسيتي برئاسة أرافيند سرينيفاس شراء متصفح كروم من غوغل.",
     [("بيربلكسيتي", "Perplexity"), ("أرافيند سرينيفاس", "Aravind Srinivas"), ("غوغل", "Google")]),
    ("أسس إيليا سوتسكيفر شركة سيف سوبر إنتليجنس، بينما أسست ميرا موراتي ثينكينغ ماشينز.",
     [("إيليا سوتسكيفر", "Ilya Sutskever"), ("سيف سوبر إنتليجنس", "Safe Superintelligence"),
      ("ميرا موراتي", "Mira Murati"), ("ثينكينغ ماشينز", "Thinking Machines Lab")]),
    ("وقعت هاغينغ فيس وستابيليتي اتفاقا مع ميدجورني.",
     [("هاغينغ فيس", "Hugging Face"), ("ستابيليتي", "Stability AI"), ("ميدجورني", "Midjourney")]),
    ("استثمرت ميتا 14.3 مليار دولار في سكيل إيه آي، وانتقل ألكسندر وانغ لقيادة مختبراتها.",
     [("ميتا", "Meta"), ("سكيل إيه آي", "Scale AI"), ("ألكسندر وانغ", "Alexandr Wang")]),
    ("بلغ تقييم داتابريكس 100 مليار دولار، وارتفعت أسهم سنوفليك وبالانتير في وول ستريت.",
     [("داتابريكس", "Databricks"), ("سنوفليك", "Snowflake"), ("بالانتير", "Palantir"), ("وول ستريت", "Wall Street")]),
    ("أطلقت OpenAI نموذج GPT-4.5 ثم GPT-5، كما طورت تطبيق سورا.",
     [("OpenAI", "OpenAI"), ("GPT-4.5", "GPT-4.5"), ("GPT-5", "GPT-5"), ("سورا", "Sora")]),
    ("قال سام ألتمان إن شات جي بي تي يضم 800 مليون مستخدم أسبوعيا، وأكد غريغ بروكمان ذلك.",
     [("سام ألتمان", "Sam Altman"), ("شات جي بي تي", "ChatGPT"), ("غريغ بروكمان", "Greg Brockman")]),
    ("كشفت جوجل ديب مايند بقيادة ديميس هاسابيس عن جيميني 2.5 ونموذج جيما.",
     [("جوجل ديب مايند", "Google DeepMind"), ("ديميس هاسابيس", "Demis Hassabis"), ("جيميني 2.5", "Gemini"),
      ("جيما", "Gemma")]),
    ("أكد ساتيا ناديلا أن كوبايلوت وجيت هاب يواصلان النمو، فيما يقود مصطفى سليمان فريق الذكاء الاصطناعي في مايكروسوفت.",
     [("ساتيا ناديلا", "Satya Nadella"), ("كوبايلوت", "Copilot"), ("جيت هاب", "GitHub"),
      ("مصطفى سليمان", "Mustafa Suleyman"), ("مايكروسوفت", "Microsoft")]),
    ("وعد مارك زوكربيرغ بإتاحة Llama مفتوحا، بينما غادر يان ليكون شركة ميتا.",
     [("مارك زوكربيرغ", "Mark Zuckerberg"), ("Llama", "Llama"), ("يان ليكون", "Yann LeCun"), ("ميتا", "Meta")]),
    ("كشف جنسن هوانغ عن رقائق بلاكويل وH100 في مؤتمر إنفيديا.",
     [("جنسن هوانغ", "Jensen Huang"), ("بلاكويل", "Blackwell"), ("H100", "H100"), ("إنفيديا", "Nvidia")]),
    ("أجرت ليزا سو من إيه إم دي وبات غيلسنجر مقابلة مع بلومبرغ.",
     [("ليزا سو", "Lisa Su"), ("إيه إم دي", "AMD"), ("بات غيلسنجر", "Pat Gelsinger"), ("بلومبرغ", "Bloomberg")]),
    ("ستضخ سوفت بنك بقيادة ماسايوشي سون أموالا عبر صندوق رؤية سوفت بنك في ستارغيت، إلى جانب أوراكل وMGX.",
     [("سوفت بنك", "SoftBank"), ("ماسايوشي سون", "Masayoshi Son"), ("صندوق رؤية سوفت بنك", "Vision Fund"),
      ("ستارغيت", "Stargate"), ("أوراكل", "Oracle"), ("MGX", "MGX")]),
    ("ضخ صندوق الاستثمارات العامة ومبادلة للاستثمار وجهاز قطر للاستثمار أموالا في إكس إيه آي.",
     [("صندوق الاستثمارات العامة", "PIF"), ("مبادلة للاستثمار", "Mubadala"), ("جهاز قطر للاستثمار", "QIA"),
      ("إكس إيه آي", "xAI")]),
    ("وقع الشيخ طحنون بن زايد اتفاقا بين جي 42 ومايكروسوفت في أبوظبي.",
     [("طحنون بن زايد", "Tahnoun bin Zayed"), ("جي 42", "G42"), ("مايكروسوفت", "Microsoft"), ("أبوظبي", "Abu Dhabi")]),
    ("أعلن ولي العهد محمد بن سلمان إطلاق هيوماين التي ستشتري رقائق من إنفيديا ومن إيه إم دي.",
     [("محمد بن سلمان", "Mohammed bin Salman"), ("هيوماين", "HUMAIN"), ("إنفيديا", "Nvidia"), ("إيه إم دي", "AMD")]),
    ("يقود غولدمان ساكس ومورغان ستانلي عملية الطرح، فيما يتوقع جيه بي مورغان ارتفاع السهم.",
     [("غولدمان ساكس", "Goldman Sachs"), ("مورغان ستانلي", "Morgan Stanley"), ("جيه بي مورغان", "JPMorgan")]),
    ("شاركت سيكويا كابيتال وأندريسن هورويتز وثرايف كابيتال وتايغر غلوبال في الجولة.",
     [("سيكويا كابيتال", "Sequoia Capital"), ("أندريسن هورويتز", "Andreessen Horowitz"),
      ("ثرايف كابيتال", "Thrive Capital"), ("تايغر غلوبال", "Tiger Global")]),
    ("تراجعت أسهم موبايلاي وويكس في ناسداك، بينما ارتفع سهما تشيك بوينت وسايبر آرك.",
     [("موبايلاي", "Mobileye"), ("ويكس", "Wix"), ("ناسداك", "Nasdaq"), ("تشيك بوينت", "Check Point"),
      ("سايبر آرك", "CyberArk")]),
    ("استحوذت إنفيديا على ميلانوكس، واستحوذت إنتل على هابانا لابس.",
     [("إنفيديا", "Nvidia"), ("ميلانوكس", "Mellanox"), ("إنتل", "Intel"), ("هابانا لابس", "Habana Labs")]),
    ("أعلنت أرامكو وإس تي سي عن استثمارات في مراكز البيانات بالرياض.",
     [("أرامكو", "Aramco"), ("إس تي سي", "stc"), ("الرياض", "Riyadh")]),
    ("حققت إي آند ومجموعة زين وأوريدو نموا في الإيرادات.",
     [("إي آند", "e&"), ("مجموعة زين", "Zain"), ("أوريدو", "Ooredoo")]),
    ("جمعت فاليو وباي موب تمويلا جديدا في القاهرة، فيما توسعت تمارا في السعودية.",
     [("فاليو", "valU"), ("باي موب", "Paymob"), ("القاهرة", "Cairo"), ("تمارا", "Tamara"), ("السعودية", "Saudi Arabia")]),
    ("يستمع المشتركون إلى أنغامي عبر هواتف سامسونغ وآيفون.",
     [("أنغامي", "Anghami"), ("سامسونغ", "Samsung"), ("آيفون", "iPhone")]),
    ("تحقق لجنة التجارة الفيدرالية وهيئة الأوراق المالية والبورصات في استثمار مايكروسوفت في أوبن إيه آي.",
     [("لجنة التجارة الفيدرالية", "FTC"), ("هيئة الأوراق المالية والبورصات", "SEC"), ("مايكروسوفت", "Microsoft"),
      ("أوبن إيه آي", "OpenAI")]),
    ("أعلنت المفوضية الأوروبية أن الاتحاد الأوروبي سيغرم ميتا، وردّ البيت الأبيض بحدة.",
     [("المفوضية الأوروبية", "European Commission"), ("الاتحاد الأوروبي", "European Union"), ("ميتا", "Meta"),
      ("البيت الأبيض", "White House")]),
    ("أبقى الاحتياطي الفيدرالي أسعار الفائدة دون تغيير، وكذلك فعل بنك إسرائيل.",
     [("الاحتياطي الفيدرالي", "Federal Reserve"), ("بنك إسرائيل", "Bank of Israel")]),
    ("ذكرت رويترز وفايننشال تايمز ووول ستريت جورنال أن إنفيديا تدرس الاستثمار.",
     [("رويترز", "Reuters"), ("فايننشال تايمز", "Financial Times"), ("وول ستريت جورنال", "Wall Street Journal"),
      ("إنفيديا", "Nvidia")]),
    ("نقلت قناة العربية والشرق مع بلومبرغ عن مصادر أن هيوماين ستجمع 10 مليارات دولار.",
     [("قناة العربية", "Al Arabiya"), ("الشرق مع بلومبرغ", "Asharq Business"), ("هيوماين", "HUMAIN")]),
    ("وفقا لغارتنر وآي دي سي، سيبلغ الإنفاق 1.5 تريليون دولار، وتظهر بيانات سيميلار ويب أن شات جي بي تي يتصدر.",
     [("غارتنر", "Gartner"), ("آي دي سي", "IDC"), ("سيميلار ويب", "Similarweb"), ("شات جي بي تي", "ChatGPT")]),
    ("ارتفع مؤشر ناسداك 100 ومؤشر ستاندرد آند بورز 500، بينما تراجع داو جونز.",
     [("ناسداك 100", "Nasdaq 100"), ("ستاندرد آند بورز 500", "S&P 500"), ("داو جونز", "Dow Jones")]),
    ("عرض تيم كوك آبل إنتليجنس وسيري الجديدة، ويعمل جوني آيف مع OpenAI.",
     [("تيم كوك", "Tim Cook"), ("آبل إنتليجنس", "Apple Intelligence"), ("سيري", "Siri"), ("جوني آيف", "Jony Ive"),
      ("OpenAI", "OpenAI")]),
    ("كشف جيف بيزوس وآندي جاسي عن أليكسا الجديدة.",
     [("جيف بيزوس", "Jeff Bezos"), ("آندي جاسي", "Andy Jassy"), ("أليكسا", "Alexa")]),
    ("حذر جيفري هينتون ويوشوا بنجيو من المخاطر، وغادر أندريه كارباثي تسلا.",
     [("جيفري هينتون", "Geoffrey Hinton"), ("يوشوا بنجيو", "Yoshua Bengio"), ("أندريه كارباثي", "Andrej Karpathy"),
      ("تسلا", "Tesla")]),
    ("التقى دونالد ترامب وديفيد ساكس بجنسن هوانغ في واشنطن.",
     [("دونالد ترامب", "Donald Trump"), ("ديفيد ساكس", "David Sacks"), ("جنسن هوانغ", "Jensen Huang"),
      ("واشنطن", "Washington")]),
    ("فرضت إدارة جو بايدن قيودا على تصدير رقائق H20 إلى الصين، ورد شي جين بينغ بإجراءات مماثلة.",
     [("جو بايدن", "Joe Biden"), ("H20", "H20"), ("الصين", "China"), ("شي جين بينغ", "Xi Jinping")]),
    ("تتنافس قطر والإمارات ومصر والمغرب على جذب الاستثمارات من أوروبا واليابان.",
     [("قطر", "Qatar"), ("الإمارات", "United Arab Emirates"), ("مصر", "Egypt"), ("المغرب", "Morocco"),
      ("أوروبا", "Europe"), ("اليابان", "Japan")]),
    ("ستفتح الشركة مكاتب في لندن وباريس وسنغافورة وكوريا الجنوبية.",
     [("لندن", "London"), ("باريس", "Paris"), ("سنغافورة", "Singapore"), ("كوريا الجنوبية", "South Korea")]),
    ("تطور هواوي وشاومي رقائق خاصة بهما، بينما تبيع سامسونغ مكونات لفوكسكون.",
     [("هواوي", "Huawei"), ("شاومي", "Xiaomi"), ("سامسونغ", "Samsung"), ("فوكسكون", "Foxconn")]),
    ("ستدعم فيسبوك وإنستغرام وواتساب مساعد Meta AI.",
     [("فيسبوك", "Facebook"), ("إنستغرام", "Instagram"), ("واتساب", "WhatsApp"), ("Meta AI", "Meta AI")]),
    ("قال مدير وايمو إن ستارلينك ونيورالينك لا تنافسان الشركة.",
     [("وايمو", "Waymo"), ("ستارلينك", "Starlink"), ("نيورالينك", "Neuralink")]),
    ("جمعت كوهير وإيليفن لابس أموالا من بلاك روك وبلاكستون.",
     [("كوهير", "Cohere"), ("إيليفن لابس", "ElevenLabs"), ("بلاك روك", "BlackRock"), ("بلاكستون", "Blackstone")]),
    ("يتوقع البنك الدولي وصندوق النقد الدولي أن يعزز الذكاء الاصطناعي النمو.",
     [("البنك الدولي", "World Bank"), ("صندوق النقد الدولي", "IMF")]),
    ("تعمل سدايا وجامعة محمد بن زايد للذكاء الاصطناعي ومعهد الابتكار التكنولوجي على نماذج عربية.",
     [("سدايا", "SDAIA"), ("جامعة محمد بن زايد للذكاء الاصطناعي", "MBZUAI"),
      ("معهد الابتكار التكنولوجي", "Technology Innovation Institute")]),
    ("ارتفع مؤشر EGX30 في البورصة المصرية، وصعد مؤشر تاسي في السوق المالية السعودية.",
     [("EGX30", "EGX30"), ("البورصة المصرية", "Egyptian Exchange"), ("تاسي", "TASI"),
      ("السوق المالية السعودية", "Saudi Exchange")]),
    ("أعلن جهاز أبوظبي للاستثمار وإيه دي كيو عن صفقة مع المصرية للاتصالات.",
     [("جهاز أبوظبي للاستثمار", "ADIA"), ("إيه دي كيو", "ADQ"), ("المصرية للاتصالات", "Telecom Egypt")]),
    ("قال لاري إليسون إن أوراكل ستنفق 35 مليار دولار، وأكدت صفرا كاتز ذلك.",
     [("لاري إليسون", "Larry Ellison"), ("أوراكل", "Oracle"), ("صفرا كاتز", "Safra Catz")]),
    ("قدمت OpenAI عرضا لـ SoftBank ولـ Oracle لبناء مراكز البيانات.",
     [("OpenAI", "OpenAI"), ("SoftBank", "SoftBank"), ("Oracle", "Oracle")]),
    ("أطلقت علي بابا Qwen3 وأطلقت ميتا Llama 3.1.",
     [("علي بابا", "Alibaba"), ("Qwen3", "Qwen"), ("ميتا", "Meta"), ("Llama 3.1", "Llama")]),
    ("قالت وكالة بلومبيرغ إن سويفل وفوري لتكنولوجيا البنوك تدرسان الاندماج.",
     [("بلومبيرغ", "Bloomberg"), ("سويفل", "Swvl"), ("فوري لتكنولوجيا البنوك", "Fawry")]),
    ("ارتفع مؤشر تل أبيب 35 بدعم من بنك لئومي وبنك هبوعليم.",
     [("تل أبيب 35", "TA-35"), ("بنك لئومي", "Bank Leumi"), ("بنك هبوعليم", "Bank Hapoalim")]),
    # aliases left out as ordinary words: nothing else is named here
    ("مد كابل بحري جديد بين أوروبا وآسيا.", [("أوروبا", "Europe")]),
    ("طرحت الشركة بديلا أرخص في معرض للفنون، وقال كلاما واضحا عن الأرقام.", []),
    ("تسعى الحكومة إلى مبادلة الديون، وعاد إلى البيت بعد نقاش حول اقتصاد الشرق الأوسط باللغة العربية.", []),
]


def _mentions(lang: str, sentence: str) -> list[tuple[str, str]]:
    found = find_mentions(sentence, lang)
    for m in found:
        assert sentence[m.start:m.end] == m.surface
    return [(m.surface, m.entity) for m in found]


@pytest.mark.parametrize("sentence, expected", HE, ids=[f"he{i:02d}" for i in range(len(HE))])
def test_hebrew_mentions(sentence, expected):
    assert _mentions("he", sentence) == expected


@pytest.mark.parametrize("sentence, expected", AR, ids=[f"ar{i:02d}" for i in range(len(AR))])
def test_arabic_mentions(sentence, expected):
    assert _mentions("ar", sentence) == expected


@pytest.mark.parametrize("lang, table", [("he", HE), ("ar", AR)])
def test_sentence_tables_cover_sixty_entities(lang, table):
    entities = {e for _, expected in table for _, e in expected}
    assert len(entities) >= 60, len(entities)
    assert entities <= set(entity_types())


# --------------------------------------------------------------------------- names with numbers

@pytest.mark.parametrize("lang, text, claims", [
    ("he", "G42 גייסה 1.5 מיליארד דולר.", ["1.5 מיליארד דולר"]),
    ("he", "שבבי H100 נמכרו ב-40 אלף דולר.", ["40 אלף דולר"]),
    ("he", "יחידה 8200 גדלה ב-10% השנה.", ["10%"]),
    ("he", "מטא השיקה את Llama 3.1 ואת GPT-4.5 לא הזכירה.", []),
    ("ar", "ارتفع مؤشر EGX30 بنسبة 2% في البورصة المصرية.", ["2%"]),
    ("ar", "حققت ديب سيك في 3 أشهر ما حققه غيرها في سنوات.", ["3 أشهر"]),  # في 3 is "in 3", not a model
    ("ar", "وقعت جي 42 صفقة بقيمة 3 مليارات دولار.", ["3 مليارات دولار"]),
])
def test_only_model_and_index_names_swallow_numbers(lang, text, claims):
    assert list(extract_claims(text, lang=lang)["text"]) == claims
