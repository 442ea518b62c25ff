"""The presentation layer (issue 9): selecting claims, charts, narrative, HTML tables and the claim viewer.

Claims tables are built by hand (sentences written for these tests); a few tests run on the seeds
and check that every number drawn or described points back to its exact source span.
"""

import ast
import html
import math
import re
import warnings
from pathlib import Path
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import analysis  # noqa: E402
from analysis.present import charts  # noqa: E402
from analysis.present.narrative import (  # noqa: E402
    describe_claim, describe_claims, describe_finding, describe_findings, md_escape, nothing_reported, value_reading,
)
from analysis.present.palette import FIXED, OKABE_ITO, entity_colors, metric_class  # noqa: E402
from analysis.present.select import change_pairs, facts_and_projections, select  # noqa: E402
from analysis.present.tables import html_table  # noqa: E402
from analysis.present.viewer import document_html, show  # noqa: E402
from conftest import ROOT  # noqa: E402
from evaluation import claims_table  # noqa: E402

NAN = math.nan
BASE = dict(doc_id="d1", file="d1.txt", lang="he", outlet="", published="2025-03", article=0, section="body",
            kind="money", value=NAN, value_max=NAN, unit="USD", approx=False, hedge="", subject="OpenAI",
            metric="valuation", period="", attribution="", counterpart="", modality="fact", period_type="",
            cadence="", period_phrase="", role="", change_id="", gloss="", unit_inferred=False, in_analysis=True,
            repeat_of="", why="")


def table(*rows, **common) -> pd.DataFrame:
    """A claims table: each row a dict over :data:`BASE` (and ``common``); see :func:`evaluation.claims_table`."""
    return claims_table(BASE, *rows, **common)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def seeds():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analysis.load_corpus(ROOT / "seeds")


# ---------------------------------------------------------------- select

SELECT_ROWS = table(
    dict(subject="OpenAI", metric="valuation", period="2025-02", value=3e11),
    dict(subject="OpenAI", metric="loss", period="2025", modality="projection", value=5e9),
    dict(subject="Anthropic", metric="valuation", period="2024", value=6e10),
    dict(subject="OpenAI", metric="valuation", period="2025-02", value=3e11, repeat_of="d1:0-5"),
    dict(subject="OpenAI", metric="valuation", period="2025", value=1e9, section="comments", in_analysis=False),
    dict(subject="xAI", metric="funding_round", period="20251", value=6e9, modality="talks"),
)

# (filters, claim ids expected)
SELECT_CASES = [
    (dict(), ["d1:0-5", "d1:10-15", "d1:20-25", "d1:50-55"]),
    (dict(subject="OpenAI"), ["d1:0-5", "d1:10-15"]),
    (dict(subject=["OpenAI", "xAI"]), ["d1:0-5", "d1:10-15", "d1:50-55"]),
    (dict(metric="valuation"), ["d1:0-5", "d1:20-25"]),
    (dict(metric=["valuation", "loss"], subject="OpenAI"), ["d1:0-5", "d1:10-15"]),
    (dict(period="2025"), ["d1:0-5", "d1:10-15"]),  # a month lies inside its year; "20251" does not
    (dict(period="2025-02"), ["d1:0-5"]),
    (dict(modality="projection"), ["d1:10-15"]),
    (dict(modality=["fact", "talks"], metric="funding_round"), ["d1:50-55"]),
    (dict(counted=False, subject="OpenAI", metric="valuation"), ["d1:0-5", "d1:30-35", "d1:40-45"]),
    (dict(subject="nobody"), []),
]


@pytest.mark.parametrize("filters, expected", SELECT_CASES)
def test_select(filters, expected):
    assert select(SELECT_ROWS, **filters)["claim_id"].tolist() == expected


def test_select_keeps_columns_and_index():
    got = select(SELECT_ROWS, metric="loss")
    assert list(got.columns) == list(SELECT_ROWS.columns) and got.index.tolist() == [1]


def test_facts_and_projections():
    facts, others = facts_and_projections(SELECT_ROWS, subject="OpenAI")
    assert facts["claim_id"].tolist() == ["d1:0-5"] and others["claim_id"].tolist() == ["d1:10-15"]


def test_change_pairs():
    rows = table(dict(value=50, unit="percent", role="before", change_id="c0", claim_id="d1:0-3-before"),
                 dict(value=34, unit="percent", role="after", change_id="c0", claim_id="d1:5-8-after"),
                 dict(value=12, unit="percent", role="before", change_id="c0", doc_id="d2"),
                 dict(value=16, unit="percent"))
    pairs, rest = change_pairs(rows)
    assert pairs[["before_value", "after_value"]].values.tolist() == [[50, 34]]
    assert rest["claim_id"].tolist() == ["d2:20-25", "d1:30-35"]


# ---------------------------------------------------------------- values and labels

FORMAT_CASES = [
    (5e9, "USD", "5 billion USD"), (1.2e12, "USD", "1.2 trillion USD"), (550000, "USD", "550,000 USD"),
    (20, "USD", "20 USD"), (34, "percent", "34%"), (-5.74, "percent", "-5.74%"), (3, "percentage_points",
                                                                                  "3 percentage points"),
    (8e8, "users", "800 million users"), (1500, "employees", "1,500 employees"), (18, "months", "18 months"),
    (1, "years", "1 year"), (2, "multiplier", "2 times"), (2, "rank", "rank 2"), (10, "count", "10"),
    ("2024-12-26", "", "2024-12-26"), (None, "USD", ""), (NAN, "USD", ""),
]


@pytest.mark.parametrize("value, unit, expected", FORMAT_CASES)
def test_format_value(value, unit, expected):
    assert charts.format_value(value, unit) == expected


# (claim fields, chart label, reading in a sentence)
LABEL_CASES = [
    (dict(value=5e9), "5 billion USD", "5 billion USD"),
    (dict(value=5e9, approx=True, hedge="כ"), "≈5 billion USD", "about 5 billion USD"),
    (dict(value=5e9, approx=True), "≈5 billion USD", "about 5 billion USD"),
    (dict(value=1e8, unit="users", approx=True, hedge="יותר מ"), ">100 million users", "more than 100 million users"),
    (dict(value=5e8, lang="ar", approx=True, hedge="ما يصل إلى"), "≤500 million USD", "up to 500 million USD"),
    (dict(value=10, unit="percent", lang="ar", approx=True, hedge="أقل من"), "<10%", "less than 10%"),
    (dict(value=7e11, value_max=8e11), "700 billion to 800 billion USD", "700 billion to 800 billion USD"),
    (dict(value=5e9, approx=True, hedge="עשוי להגיע ל", modality="projection"), "≤5 billion USD (projected)",
     "up to 5 billion USD"),
    (dict(value=8e11, modality="denied"), "800 billion USD (denied)", "800 billion USD"),
    (dict(value=5e10, modality="target"), "50 billion USD (targeted)", "50 billion USD"),
    (dict(value=1500, unit="employees", modality="plan"), "1,500 employees (planned)", "1,500 employees"),
    (dict(value=6e9, modality="talks"), "6 billion USD (in talks)", "6 billion USD"),
]


@pytest.mark.parametrize("fields, label, reading", LABEL_CASES)
def test_value_label_and_reading(fields, label, reading):
    row = table(fields).iloc[0].to_dict()
    assert charts.value_label(row) == label
    assert value_reading(row) == reading


AXIS_CASES = [
    ([5e9, 2e11], "USD", (1e9, "USD billions")), ([1.2e12], "USD", (1e12, "USD trillions")),
    ([20, 200], "USD", (1, "USD")), ([12, 50], "percent", (1, "%")), ([8e8, 1e8], "users", (1e6, "millions of users")),
    ([900000], "americans", (1e3, "thousands of americans")), ([1500, 9], "employees", (1, "employees")),
    ([3, 18], "months", (1, "months")), ([2], "count", (1, "number")),
]


@pytest.mark.parametrize("values, unit, expected", AXIS_CASES)
def test_axis_scale(values, unit, expected):
    assert charts.axis_scale(values, unit) == expected


@pytest.mark.parametrize("period, expected", [
    ("2025", "2025-07-02"), ("2024-09", "2024-09-15"), ("2025-02-20", "2025-02-20"), ("", None), ("2025-Q3", None),
    ("2025-13", None),
])
def test_period_date(period, expected):
    got = charts.period_date(period)
    assert (got.strftime("%Y-%m-%d") if got is not None else None) == expected


def test_isolate_wraps_only_right_to_left_text():
    assert charts.isolate("OpenAI") == "OpenAI"
    assert charts.isolate("גלובל") == "\u2068גלובל\u2069" and charts.isolate("شركة النور") == "\u2068شركة النور\u2069"


# ---------------------------------------------------------------- style and colours


def test_style_file():
    with matplotlib.rc_context():
        charts.use_style()
        rc = matplotlib.rcParams
        assert rc["font.sans-serif"][0] == "DejaVu Sans"
        assert [c.upper() for c in rc["axes.prop_cycle"].by_key()["color"]] == list(OKABE_ITO)
        assert rc["svg.hashsalt"] and rc["savefig.dpi"] <= 150 and rc["text.parse_math"] is False
    text = charts.STYLE.read_text(encoding="utf-8")
    assert "bidi" not in text.replace("python-bidi", "").lower()


def test_no_bidi_preprocessing_anywhere():
    for path in (ROOT / "analysis" / "present").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not {"bidi", "arabic_reshaper"} & {m.split(".")[0] for m in names}, path


def test_entity_colors_are_stable_and_per_company():
    names = ["OpenAI", "Anthropic", "Google", "Meta", "xAI", "DeepSeek", "Some Startup", "ChatGPT"]
    colors = entity_colors(names)
    assert colors == entity_colors(list(reversed(names)))  # the order given does not matter
    assert colors["Some Startup"] == entity_colors(["Some Startup"])["Some Startup"]
    assert len({colors[n] for n in FIXED if n in colors}) == len([n for n in FIXED if n in colors])
    assert colors["ChatGPT"] == colors["OpenAI"]  # a product takes its company's colour
    assert set(colors.values()) <= set(OKABE_ITO)


# ---------------------------------------------------------------- charts on hand-built claims

MONEY = table(
    dict(subject="OpenAI", metric="valuation", period="2024", value=1.57e11, outlet="Outlet A"),
    dict(subject="OpenAI", metric="valuation", period="2025-02", value=3e11, approx=True, hedge="כ", outlet="Outlet A"),
    dict(subject="Anthropic", metric="valuation", period="2025", value=6e10, value_max=6.5e10, doc_id="d2",
         outlet="גלובל", published="2025-04"),
    dict(subject="xAI", metric="valuation", period="2025", value=5e10, modality="target", doc_id="d2",
         outlet="גלובל", published="2025-04"),
    dict(subject="xAI", metric="valuation", period="", value=4e10, doc_id="d2"),  # undated
    dict(subject="", kind="date", value="2024-12-24", unit="", metric="", doc_id="d2"),
)


def _data_ok(data, claims):
    """Every number drawn points to its source span and matches the claim it came from."""
    for col in ("claim_id", "doc_id", "start", "end", "text"):
        assert col in data
    by_id = claims.set_index("claim_id")
    for r in data.itertuples():
        src = by_id.loc[r.claim_id]
        assert (r.doc_id, r.start, r.end, r.text) == (src.doc_id, src.start, src.end, src.text)


def _markers(fig):
    return [ln for ax in fig.axes for ln in ax.lines if ln.get_marker() == "o"]


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts] + [t.get_text() for t in fig.texts]


def test_dot_timeline_draws_every_dated_number_with_its_style():
    fig, data = charts.dot_timeline(MONEY)
    _data_ok(data, MONEY)
    assert data["claim_id"].tolist() == ["d1:0-5", "d1:10-15", "d2:20-25", "d2:30-35"]
    assert {d["reason"] for d in data.attrs["left_out"]} == {"no period to place it in time", "no numeric value"}
    marks = _markers(fig)
    assert len(marks) == 4
    assert sum(m.get_markerfacecolor() == "white" for m in marks) == 1  # the hedged one is hollow
    assert sum(m.get_alpha() < 1 for m in marks) == 1  # the target is faded
    texts = " | ".join(_texts(fig))
    assert "≈300 billion USD" in texts and "50 billion USD (targeted)" in texts
    assert "60 billion to 65 billion USD" in texts
    assert fig.axes[0].get_ylabel() == "USD billions"
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert any("hollow" in t for t in legend) and any("not a reported fact" in t for t in legend)
    assert fig.axes[0].get_yscale() == "linear"


@pytest.mark.parametrize("values, log, scale", [
    ([1e6, 2e9], None, "log"), ([1e9, 5e10], None, "linear"), ([1e6, 2e9], False, "linear"), ([1, 2], True, "log"),
])
def test_dot_timeline_log_scale(values, log, scale):
    rows = table(*[dict(value=v, period="2025") for v in values])
    fig, _ = charts.dot_timeline(rows, log=log)
    assert fig.axes[0].get_yscale() == scale


def test_dot_timeline_one_panel_per_unit():
    rows = table(dict(value=5e9, period="2025"), dict(value=8e8, unit="users", metric="users", period="2025"))
    fig, data = charts.dot_timeline(rows)
    assert sorted(ax.get_ylabel() for ax in fig.axes) == ["USD billions", "millions of users"]


def test_slope_chart_pairs_before_and_after():
    rows = table(dict(subject="OpenAI", metric="market_share", unit="percent", kind="percent", value=50,
                      role="before", change_id="c0", start=0, end=3, claim_id="d1:0-3-before"),
                 dict(subject="OpenAI", metric="market_share", unit="percent", kind="percent", value=34,
                      role="after", change_id="c0", start=5, end=8, claim_id="d1:5-8-after"),
                 dict(subject="שחקן מקומי", metric="market_share", unit="percent", kind="percent", value=7,
                      role="before", change_id="c1", approx=True, hedge="כ"),
                 dict(subject="שחקן מקומי", metric="market_share", unit="percent", kind="percent", value=12,
                      role="after", change_id="c1"),
                 dict(subject="Meta", metric="market_share", unit="percent", kind="percent", value=16))
    fig, data = charts.slope_chart(rows)
    _data_ok(data, rows)
    assert sorted(zip(data["side"], data["text"])) == [("after", "12"), ("after", "34"), ("before", "50"),
                                                        ("before", "7")]
    assert [d["claim_id"] for d in data.attrs["left_out"]] == ["d1:40-45"]
    texts = " | ".join(_texts(fig))
    assert "OpenAI  50%" in texts and "\u2068שחקן מקומי\u2069  ≈7%" in texts  # Hebrew passed as it is
    assert fig.axes[0].get_ylabel() == "%"


def test_bars_hedged_hollow_projection_hatched_and_ranges():
    rows = table(dict(subject="A", value=5e9), dict(subject="B", value=3e9, approx=True, hedge="כ"),
                 dict(subject="C", value=2e9, modality="projection"), dict(subject="D", value=1e9, value_max=2e9),
                 dict(subject="E", value=4e9, approx=True, hedge="יותר מ"))
    fig, data = charts.bars(rows)
    _data_ok(data, rows)
    bars = list(fig.axes[0].patches)
    assert len(bars) == 5
    hollow = [p for p in bars if p.get_facecolor()[:3] == (1.0, 1.0, 1.0)]
    hatched = [p for p in bars if p.get_hatch()]
    assert len(hollow) == 2 and len(hatched) == 1
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == ["D", "C", "B", "E", "A"]  # largest on top
    texts = " | ".join(_texts(fig))
    assert ">4 billion USD" in texts and "1 billion to 2 billion USD" in texts and "2 billion USD (projected)" in texts


def test_event_timeline_places_periods_and_dates():
    rows = table(dict(subject="OpenAI", metric="departures", unit="executives", kind="count", value=9, period="2024",
                      approx=True, hedge="לפחות"),
                 dict(subject="OpenAI", metric="employees", unit="employees", kind="count", value=500,
                      period="2023-11-20"),
                 dict(subject="Anthropic", metric="departures", unit="people", kind="count", value=2),
                 dict(subject="", metric="", unit="", kind="date", value="2024-05-14"))
    fig, data = charts.event_timeline(rows)
    _data_ok(data, rows)
    assert data["claim_id"].tolist() == ["d1:10-15", "d1:30-35", "d1:0-5"]  # in time order
    assert data.attrs["left_out"] == [{"claim_id": "d1:20-25", "reason": "no date or period"}]
    texts = " | ".join(_texts(fig))
    assert "departures: ≥9 executives, 2024" in texts and "employees: 500 employees, 2023-11-20" in texts


@pytest.mark.parametrize("chart", [charts.slope_chart, charts.dot_timeline, charts.bars, charts.event_timeline])
@pytest.mark.parametrize("claims", [table(), table(dict(value="", kind="", unit="")),
                                    table(dict(value=5e9)).iloc[:0]])
def test_empty_data_draws_nothing(chart, claims):
    before = plt.get_fignums()
    fig, data = chart(claims)
    assert fig is None and data.empty and "claim_id" in data and plt.get_fignums() == before


def test_nothing_reported():
    assert nothing_reported("market share") == "*Nothing about market share was reported in this corpus.*"
    assert "&lt;b&gt;" in nothing_reported("<b>")


def test_source_footer_lists_outlets_documents_and_dates():
    fig, _ = charts.dot_timeline(MONEY)
    footer = fig._supxlabel.get_text()
    assert footer.startswith("Sources: ")
    assert footer == "Sources: Outlet A (d1, 2025-03); \u2068גלובל\u2069 (d2, 2025-04)"  # drawn rows only


def test_source_footer_falls_back_to_document_id():
    fig, _ = charts.bars(table(dict(value=5e9, outlet="", published="")))
    assert fig._supxlabel.get_text() == "Sources: d1 (undated)"


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_saved_figures_are_deterministic(tmp_path, suffix):
    charts.use_style()
    outs = []
    for i in range(2):
        fig, _ = charts.dot_timeline(MONEY)
        outs.append(charts.save_figure(fig, tmp_path / f"chart{i}{suffix}").read_bytes())
    assert outs[0] == outs[1]
    assert b"Software" not in outs[0] and b"Matplotlib v" not in outs[0] and b"<dc:date>" not in outs[0]


# ---------------------------------------------------------------- narrative


def test_describe_claim_says_who_what_value_period_modality_source_and_quotes():
    row = table(dict(subject="OpenAI", metric="loss", period="2025", period_type="during", modality="projection",
                     value=5e9, approx=True, hedge="עשוי להגיע ל", text="5 מיליארד דולר", outlet="גלובל",
                     attribution="The Information",
                     sentence="ההפסד של OpenAI עשוי להגיע ל-5 מיליארד דולר השנה ($)."))
    md = describe_claim(row.iloc[0])
    assert md.startswith("<bdi>גלובל</bdi>, 2025-03: **<bdi>OpenAI</bdi>**'s loss in 2025, projected: "
                         "up to 5 billion USD (printed “<bdi>5 מיליארד דולר</bdi>”), according to "
                         "<bdi>The Information</bdi>.")
    assert '<blockquote dir="auto"' in md and "ההפסד של OpenAI" in md and "[d1:0-5]" in md
    assert "$" not in md and "&#36;" in md


@pytest.mark.parametrize("modality, word", [("fact", "reported"), ("plan", "planned"), ("projection", "projected"),
                                            ("talks", "in talks"), ("target", "targeted"), ("denied", "denied"),
                                            ("", "reported")])
def test_describe_claim_modality_words(modality, word):
    assert f", {word}: 6 billion USD" in describe_claim(table(dict(value=6e9, modality=modality)).iloc[0])


@pytest.mark.parametrize("fields, part", [
    (dict(metric="stake", counterpart="Tesla", value=19.8, unit="percent"), "'s stake in <bdi>Tesla</bdi>"),
    (dict(metric="funding_round", counterpart="Microsoft; Nvidia"), "'s funding round from <bdi>Microsoft; Nvidia</bdi>"),
    (dict(metric="price", cadence="monthly", value=200, subject="ChatGPT Pro"), ": 200 USD a month"),
    (dict(metric="users", period="2025-12", period_type="as_of", value=8e8, unit="people"), "users as of 2025-12"),
    (dict(subject="", metric=""), "a figure (subject not identified)"),
])
def test_describe_claim_parts(fields, part):
    assert part in describe_claim(table({"value": 6e9, **fields}).iloc[0])


def test_describe_claim_escapes_html_and_markdown():
    row = table(dict(value=6e9, subject="<script>alert(1)</script>", text="$6*bn*",
                     sentence='<img src=x onerror="alert(1)"> costs $6 billion `code` [link](javascript:x)')).iloc[0]
    md = describe_claim(row)
    assert "<script" not in md and "<img" not in md and "$" not in md and "`" not in md and "](" not in md
    assert "&lt;script&gt;" in md


def test_describe_claims_empty():
    assert describe_claims(table(), "funding") == nothing_reported("funding")


FINDING = {"scope": "across", "check": "values_conflict", "verdict": "conflict", "subject": "OpenAI",
           "metric": "loss", "period": "2025", "docs": "d1; d2", "outlets": "d1; Outlet B",
           "values": "5 מיליארד דולר (up to 5 billion USD); 14 مليار دولار (up to 14 billion USD)",
           "claim_ids": "d1:0-5; d2:10-15",
           "note": "On OpenAI loss for 2025, d1 says up to 5 billion USD; Outlet B says up to 14 billion USD.",
           "quotes": "[d1:0-5] הגירעון עשוי להגיע ל-5 מיליארד דולר (לפי התחזית). (gloss: OpenAI loss ≈5 USD (2025)) | "
                     "[d2:10-15] قد تصل الخسائر إلى 14 مليار دولار | كما قيل. (gloss: OpenAI loss (2025))"}


def test_describe_finding_gives_verdict_note_and_both_quotes():
    claims = table(dict(doc_id="d1", outlet="", published="2025-02"),
                   dict(doc_id="d2", outlet="Outlet B", published="2024-12-26", start=10, end=15))
    md = describe_finding(FINDING, claims)
    assert md.startswith("**Conflict** (values&#95;conflict) — OpenAI · loss · 2025: On OpenAI loss")
    assert "<bdi>d1</bdi>, 2025-02 <small>[d1:0-5]</small>" in md
    assert "<bdi>Outlet B</bdi>, 2024-12-26 <small>[d2:10-15]</small>" in md
    assert md.count('<blockquote dir="auto"') == 2
    assert "(לפי התחזית).</blockquote>" in md and "إلى 14 مليار دولار &#124; كما قيل.</blockquote>" in md
    assert "(read as: OpenAI loss ≈5 USD (2025))" in md


def test_describe_findings_empty_and_joined():
    assert "Nothing about" in describe_findings(pd.DataFrame())
    assert describe_findings(pd.DataFrame([FINDING, FINDING])).count("**Conflict**") == 2


@pytest.mark.parametrize("text, expected", [
    ("a $ b", "a &#36; b"), ("<i>", "&lt;i&gt;"), ("*x* _y_", "&#42;x&#42; &#95;y&#95;"), ("a\n\n b", "a b"),
    (None, ""), ("a & b", "a &amp; b"), ("it's", "it's"),
])
def test_md_escape(text, expected):
    assert md_escape(text) == expected


# ---------------------------------------------------------------- tables


def test_html_table_escapes_and_marks_every_cell_auto_direction():
    df = pd.DataFrame({"text": ["<script>alert(1)</script>", "תגובות לכתבה(1)"], "value": [5e9, NAN],
                       "ok": [True, False]})
    out = html_table(df, columns={"text": "טקסט", "value": "value"}, caption="<b>cap</b>")
    h = out._repr_html_()
    assert "<script>" not in h and "&lt;script&gt;alert(1)&lt;/script&gt;" in h and "&lt;b&gt;cap" in h
    cells = re.findall(r"<t[dh]\b[^>]*>", h)
    assert len(cells) == 6 and all('dir="auto"' in c for c in cells)
    assert "unicode-bidi:plaintext" in h and "<th" in h and ">טקסט</th>" in h and ">5000000000</td>" in h
    assert "ok" not in re.sub(r"<[^>]+>", "", h)  # only the columns asked for
    assert "javascript" not in h.lower() and "<script" not in h.lower()


def test_html_table_max_rows():
    h = str(html_table(pd.DataFrame({"n": range(5)}), max_rows=2))
    assert h.count("<tr>") == 4 and "3 more rows" in h


# ---------------------------------------------------------------- claim viewer

VIEW_TEXT = "כותרת: <script>alert(1)</script>\nהחברה גייסה 6 מיליארד דולר לפי שווי של 300 מיליארד.\n\nسطر ثالث"


def _fake_corpus(text, claims):
    docs = pd.DataFrame([{"doc_id": "d1", "lang": "he", "outlet": "גלובל", "published": "2025-03"}])
    return SimpleNamespace(documents=docs, claims=claims, text=lambda doc_id: text)


def _view_claims():
    a = VIEW_TEXT.index("6 מיליארד דולר")
    b = VIEW_TEXT.index("300 מיליארד")
    return table(dict(start=a, end=a + len("6 מיליארד דולר"), text="6 מיליארד דולר", value=6e9,
                      metric="funding_round", counterpart="SoftBank", attribution="Reuters", period="2025"),
                 dict(start=b, end=b + len("300 מיליארד"), text="300 מיליארד", value=3e11, approx=True, hedge="כ",
                      metric="valuation", modality="target"),
                 dict(start=a, end=a + 1, text="6", value=6e9, section="comments", in_analysis=False, metric=""))


def test_show_marks_every_claim_with_its_reading():
    claims = _view_claims()
    h = show(_fake_corpus(VIEW_TEXT, claims), "d1")._repr_html_()
    assert "<script>" not in h and "&lt;script&gt;alert(1)&lt;/script&gt;" in h
    marks = re.findall(r'<mark class="([^"]*)"[^>]*title="([^"]*)"[^>]*>([^<]*)</mark>', h)
    assert [m[2] for m in marks] == ["6", " מיליארד דולר", "300 מיליארד"]  # the overlap split in two
    assert "m-funding_round" in marks[0][0] and "m-none" in marks[0][0] and "m-valuation" in marks[2][0]
    tip = html.unescape(marks[0][1])
    for part in ("value: 6 billion USD", "subject: OpenAI", "counterpart: SoftBank", "metric: funding_round",
                 "period: 2025", "modality: fact", "attribution: Reuters", "not counted (comments)", "unit: USD"):
        assert part in tip
    assert "value: about 300 billion USD" in html.unescape(marks[2][1])
    paragraphs = re.findall(r'<p dir="auto" style="([^"]*)">', h)
    assert len(paragraphs) == 3 and all("unicode-bidi:plaintext" in s and "text-align:start" in s for s in paragraphs)
    assert "<script" not in h.lower() and "onerror" not in h and " on" not in re.sub(r'title="[^"]*"', "", h).lower()


def test_viewer_text_round_trips():
    """Stripping the markup gives back every non-empty line of the original text."""
    h = document_html(VIEW_TEXT, _view_claims())
    body = h.split('</p><p style="font-size:85%">')[-1]
    lines = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r'<p dir="auto"[^>]*>(.*?)</p>', body)]
    assert lines == [line for line in VIEW_TEXT.splitlines() if line.strip()]


def test_metric_class_is_safe():
    assert metric_class('a" onmouseover="x') == "m-a--onmouseover--x"


# ---------------------------------------------------------------- on the seeds


def test_seed_charts_trace_every_number_to_its_span(seeds):
    claims = seeds.claims
    for fig, data in (charts.slope_chart(select(claims, metric="market_share")),
                      charts.dot_timeline(select(claims, metric=["valuation", "funding_round", "total_funding", "loss"])),
                      charts.bars(select(claims, metric=["valuation", "net_worth"])),
                      charts.event_timeline(select(claims, metric=["departures", "employees"]))):
        assert fig is not None and len(data)
        for r in data.itertuples():
            assert seeds.text(r.doc_id)[r.start:r.end] == r.text


def test_seed_slope_chart_draws_the_market_share_shifts(seeds):
    rows = select(seeds.claims, metric="market_share")
    fig, data = charts.slope_chart(rows)
    pairs = rows[rows["change_id"] != ""]
    assert len(data) == len(pairs) and set(data["side"]) == {"before", "after"}
    assert data["claim_id"].str.rsplit("-", n=1).str[-1].tolist() == data["side"].tolist()


def test_seed_narrative_for_every_counted_claim(seeds):
    for _, row in select(seeds.claims).iterrows():
        md = describe_claim(row)
        assert "$" not in md and f"[{md_escape(row['claim_id'])}]" in md
        assert md_escape(row["text"]) in md and '<blockquote dir="auto"' in md


def test_seed_findings_quote_every_claim(seeds):
    found = seeds.comparison
    md = describe_findings(found, seeds.claims)
    assert "$" not in md
    for ids in found["claim_ids"]:
        for cid in ids.split("; "):
            assert f"[{md_escape(cid)}]" in md


def test_seed_viewer_offsets_index_the_text(seeds):
    for doc_id in seeds.documents["doc_id"]:
        h = analysis.show(seeds, doc_id)._repr_html_()
        assert "<script" not in h.lower()
        claims = seeds.claims[seeds.claims["doc_id"] == doc_id]
        marked = html.unescape("".join(re.findall(r"<mark [^>]*>([^<]*)</mark>", h)))
        for r in claims.itertuples():
            assert seeds.text(doc_id)[r.start:r.end] == r.text
            assert r.text.split()[0] in marked


def test_seed_html_table_of_documents(seeds):
    h = html_table(seeds.documents, ["doc_id", "outlet", "authors"])._repr_html_()
    assert h.count('<td dir="auto"') == 3 * len(seeds.documents)


# ---------------------------------------------------------------- the package


def test_exports():
    assert analysis.show is show and analysis.select is select
    assert analysis.describe_claim is describe_claim and analysis.describe_finding is describe_finding
    assert {"show", "select", "describe_claim", "describe_finding"} <= set(analysis.__all__)


ALLOWED = {"text", "corpus", "claims", "compare", "present"}


@pytest.mark.parametrize("path", sorted((ROOT / "analysis" / "present").glob("*.py")), ids=lambda p: p.name)
def test_present_imports_only_earlier_stages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            stage = (node.module or "").split(".")[0]
            target = stage if node.level == 2 else "present"
            assert target in ALLOWED, f"{path.name} imports {node.module} (level {node.level})"
        if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").startswith("analysis"):
            assert node.module.split(".")[1] in ALLOWED
    assert Path(path).suffix == ".py"
