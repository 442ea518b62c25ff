"""Comparing sources, rule by rule, on hand-built claims tables: every rule has a table of examples
that must fire and of examples that must not (series over time, plans against facts, different
subjects with the same number are never conflicts)."""

import math

import pandas as pd
import pytest
from evaluation import claims_table

from analysis import compare_sources
from analysis.compare import COMPARE_COLUMNS, undecided
from analysis.compare.groups import measure, nested, read_claims, span
from analysis.compare.rates import rate_for
from analysis.compare.shares import deal
from analysis.compare.values import direction, interval

BASE = dict(doc_id="a", outlet="", lang="he", article=0, section="body", kind="money", unit="USD", value=math.nan,
            value_max=math.nan, approx=False, hedge="", subject="OpenAI", metric="valuation", counterpart="",
            modality="fact", period="", period_type="", cadence="", role="", change_id="", gloss="",
            in_analysis=True, repeat_of="", why="", published="")


def table(*rows, **common) -> pd.DataFrame:
    """A claims table: each row a dict over :data:`BASE` (and ``common``); see :func:`evaluation.claims_table`."""
    return claims_table(BASE, *rows, **common)


def found(df, **kw) -> list[tuple[str, str]]:
    return [(r.check, r.verdict) for r in compare_sources(df, **kw).itertuples()]


# --- values: hedges and intervals -----------------------------------------------------------------------------

@pytest.mark.parametrize("hedge, lang, approx, expected", [
    ("כ", "he", True, "about"), ("יותר מ", "he", True, "more_than"), ("מעל", "he", True, "more_than"),
    ("עד", "he", True, "up_to"), ("יכול להגיע ל", "he", True, "up_to"), ("לפחות", "he", True, "at_least"),
    ("כמעט", "he", True, "nearly"), ("حوالي", "ar", True, "about"), ("أكثر من", "ar", True, "more_than"),
    ("اكثر من", "ar", True, "more_than"), ("أقل من", "ar", True, "less_than"), ("ما يصل إلى", "ar", True, "up_to"),
    ("على الأقل", "ar", True, "at_least"), ("ما يقرب من", "ar", True, "nearly"),
    ("", "ar", True, "about"),  # a vague figure (مئات) without a hedge word
    ("מילה חדשה", "he", True, "about"),  # a hedge the table does not know
    ("", "he", False, ""),  # no hedge
])
def test_hedge_direction(hedge, lang, approx, expected):
    assert direction(hedge, lang, approx) == expected


@pytest.mark.parametrize("a, b, meets", [
    ((500, None, "about", "count"), (500, None, "", "count"), True),
    ((500, None, "more_than", "count"), (500, None, "", "count"), True),     # "more than 500" and 500 agree
    ((500, None, "more_than", "count"), (500, None, "about", "count"), True),
    ((500, None, "more_than", "count"), (700, None, "", "count"), False),    # 25 % reach at most
    ((500, None, "more_than", "count"), (500, None, "less_than", "count"), False),
    ((500, None, "at_least", "count"), (500, None, "up_to", "count"), True),
    ((700, 800, "", "money"), (750, None, "", "money"), True),               # a value inside a range
    ((700, 800, "", "money"), (850, None, "", "money"), False),
    ((5e9, None, "up_to", "money"), (14e9, None, "up_to", "money"), False),  # two ceilings far apart
    ((6.6e9, None, "", "money"), (6.62e9, None, "", "money"), True),         # ±2 % rounding
    ((6e9, None, "", "money"), (6.6e9, None, "", "money"), False),
    ((34, None, "", "percent"), (34.4, None, "", "percent"), True),          # ±0.5 points
    ((34, None, "", "percent"), (35, None, "", "percent"), False),
    ((3, None, "nearly", "multiplier"), (2.8, None, "", "multiplier"), True),
    ((3, None, "nearly", "multiplier"), (3.3, None, "", "multiplier"), False),
])
def test_intervals_overlap(a, b, meets):
    assert interval(*a).overlaps(interval(*b)) is meets


def test_no_value_no_interval():
    assert interval(math.nan, None, "", "money") is None and interval(None, None, "", "money") is None


# --- rates and periods ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("currency, day, per_usd", [
    ("AED", "2025-06-01", 3.6725),   # rule peg
    ("SAR", None, 3.75),             # a peg serves an undated claim
    ("ILS", "2025-02-20", 3.557),    # rule nearest_fix
    ("ILS", "2025-04-30", 3.566),
    ("EUR", "2025-01-15", 0.962556),
    ("ILS", "2024-01-15", None),     # no fixing within half a year
    ("EGP", "2025-05-01", None),     # no row at all
    ("ILS", None, None),             # a fixing needs a date
])
def test_rate_rules(currency, day, per_usd):
    from datetime import date

    rate = rate_for(currency, date.fromisoformat(day) if day else None)
    assert (rate.per_usd if rate else None) == per_usd


def test_rates_file_names_its_source_and_date():
    from analysis.compare.rates import RATES_FILE, rates

    head = RATES_FILE.read_text(encoding="utf-8").splitlines()
    assert head[0].startswith("#") and any("source" in line for line in head if line.startswith("#"))
    for rows in rates().values():
        assert all(r.source and r.date and r.quoted for r in rows)


@pytest.mark.parametrize("a, b, same", [
    ("2025", "2025-03", True), ("2025-03", "2025-03-14", True), ("2025-Q1", "2025-02", True),
    ("2025-H2", "2025-10", True), ("2025", "2025", True),
    ("2024", "2025-03", False), ("2025-03", "2025-04", False), ("2025-Q1", "2025-04", False), ("", "2025", False),
])
def test_month_in_year(a, b, same):
    assert nested(span(a), span(b)) is same


def test_measure_rules():
    c = read_claims(table({"kind": "count", "unit": "people", "metric": "users", "value": 8e8},
                          {"kind": "money", "unit": "ILS", "value": 3.566e9, "period": "2025-02-24"},
                          {"kind": "money", "unit": "EGP", "value": 1e9, "period": "2025-02"},
                          {"kind": "duration", "unit": "months", "value": 18.0}))
    assert [measure(x).key for x in c] == ["count:users", "money", "money:EGP", "duration"]
    assert round(measure(c[1]).base(c[1].value)) == 1_000_000_000
    assert "3.566 ILS" in measure(c[1]).note and "Bank of Israel" in measure(c[1]).note


# --- across documents -----------------------------------------------------------------------------------------

A = dict(doc_id="a", outlet="Globes")
B = dict(doc_id="b", outlet="Al Arabiya", lang="ar")
C = dict(doc_id="c", outlet="Calcalist")

ACROSS = [
    # (rule, rows, expected findings)
    ("values_agree", [dict(A, value=5e11, period="2025-10"), dict(B, value=5e11, approx=True, hedge="حوالي", period="2025-10")],
     [("values_agree", "agree")]),
    ("values_agree: a range holds a value", [dict(A, value=7e11, value_max=8e11, period="2025"),
                                             dict(B, value=7.5e11, period="2025")], [("values_agree", "agree")]),
    ("values_agree: more than 500 and 500", [dict(A, kind="count", unit="users", metric="users", value=5e8,
                                                  approx=True, hedge="יותר מ", period="2025-10"),
                                             dict(B, kind="count", unit="users", metric="users", value=5e8, period="2025-10")],
     [("values_agree", "agree")]),
    ("values_agree: a month lies inside its year", [dict(A, value=5e11, period="2025"), dict(B, value=5e11, period="2025-03")],
     [("values_agree", "agree")]),
    ("values_conflict", [dict(A, value=5e11, period="2025-10"), dict(B, value=3e11, period="2025-10")],
     [("values_conflict", "conflict")]),
    ("values_conflict: two ceilings", [dict(A, metric="loss", value=5e9, approx=True, hedge="יכול להגיע ל",
                                            modality="projection", period="2025"),
                                       dict(B, metric="loss", value=1.4e10, approx=True, hedge="قد تصل إلى",
                                            modality="projection", period="2025")], [("values_conflict", "conflict")]),
    ("figure_held: a level at two times", [dict(A, value=5e11, period="2025-03"), dict(B, value=5e11, period="2025-06")],
     [("figure_held", "agree")]),
    ("series_over_time: not a conflict", [dict(A, value=3e11, period="2025-03"), dict(B, value=5e11, period="2025-10")],
     [("series_over_time", "series")]),
    ("series_over_time: two rounds of a flow", [dict(A, metric="funding_round", value=6e9, period="2024-05"),
                                                dict(B, metric="funding_round", value=6e9, period="2024-12")],
     [("series_over_time", "series")]),
    ("part_of_period", [dict(A, metric="revenue", value=1e9, period="2025-03"), dict(B, metric="revenue", value=1.2e10, period="2025")],
     [("part_of_period", "not comparable")]),
    ("no part_of_period for an event", [dict(A, metric="funding_round", value=6e9, period="2024-05"),
                                        dict(B, metric="funding_round", value=6e9, period="2024")], [("values_agree", "agree")]),
    ("different_modality: plan against fact", [dict(A, metric="capex", value=8e10, modality="plan", period="2025"),
                                               dict(B, metric="capex", value=8e10, period="2025")],
     [("different_modality", "not comparable")]),
    ("different_modality: also when values differ at one time", [dict(A, value=3e11, modality="talks", period="2025-10"),
                                                                 dict(B, value=5e11, period="2025-10")],
     [("different_modality", "not comparable")]),
    ("different_counterpart: a round and one investor's part", [
        dict(A, metric="funding_round", unit="EUR", value=1.7e9, counterpart="ASML; Nvidia", period="2025-09"),
        dict(B, metric="funding_round", unit="EUR", value=3e8, counterpart="Nvidia", period="2025-09")],
     [("different_counterpart", "not comparable")]),
    ("different_cadence", [dict(A, kind="count", unit="users", metric="users", value=8e8, cadence="weekly", period="2025-10"),
                           dict(B, kind="count", unit="users", metric="users", value=8e8, cadence="monthly", period="2025-10")],
     [("different_cadence", "not comparable")]),
    ("different_measure: a percent and a count", [dict(A, kind="percent", unit="percent", metric="employees", value=95.0, period="2023-11"),
                                                  dict(B, kind="count", unit="employees", metric="employees", value=500.0, period="2023-11")],
     [("different_measure", "not comparable")]),
    ("no_rate: a currency without a rate", [dict(A, metric="funding_round", unit="USD", value=3e6, period="2025-05"),
                                            dict(B, metric="funding_round", unit="EGP", value=1.5e8, period="2025-05")],
     [("no_rate", "not comparable")]),
    ("values_agree through a rate", [dict(A, metric="funding_round", unit="ILS", value=1.07e9, period="2025-02"),
                                     dict(B, metric="funding_round", unit="USD", value=3e8, approx=True, hedge="نحو", period="2025-02")],
     [("values_agree", "agree")]),
    ("unclear_party", [dict(A, metric="funding_round", value=6e9, counterpart="Nvidia", period="2025"),
                       dict(C, metric="funding_round", value=2e9, counterpart="AMD", period="2025"),
                       dict(B, metric="funding_round", value=6e9, period="2025")],
     [("different_counterpart", "not comparable"), ("unclear_party", "not comparable"), ("unclear_party", "not comparable")]),
]


@pytest.mark.parametrize("rule, rows, expected", ACROSS, ids=[r[0] for r in ACROSS])
def test_across_rules_fire(rule, rows, expected):
    assert sorted(found(table(*rows))) == sorted(expected)


NOT_ACROSS = [
    ("one outlet repeating itself is one source", [dict(A, value=5e11, period="2025-10"),
                                                   dict(A, doc_id="a2", value=3e11, period="2025-10")]),
    ("a repeat inside one article is one statement", [dict(A, value=5e11, period="2025-10"),
                                                      dict(A, value=5e11, start=90, end=95, repeat_of="a:0-5", period="2025-10")]),
    ("different subjects with the same number", [dict(A, value=5e11, period="2025-10"),
                                                 dict(B, subject="SpaceX", value=5e11, period="2025-10")]),
    ("different metrics with the same number", [dict(A, value=5e11, period="2025-10"),
                                                dict(B, metric="market_value", value=5e11, period="2025-10")]),
    ("a subject guessed from outside the sentence", [dict(A, value=5e11, period="2025-10"),
                                                      dict(B, value=3e11, period="2025-10", why="subject:article_main_entity")]),
    ("an undated figure that agrees with no dated one", [dict(A, value=5e11, period="2025-10"), dict(B, value=3e11)]),
    ("outside the analysis (a reader comment)", [dict(A, value=5e11, period="2025-10"),
                                                 dict(B, value=3e11, period="2025-10", in_analysis=False, section="comments")]),
    ("a plan and a fact at different times, different values", [dict(A, metric="capex", value=8e10, modality="plan", period="2026"),
                                                                 dict(B, metric="capex", value=6e10, period="2024")]),
    ("one source only", [dict(A, value=5e11, period="2025-10"), dict(A, value=3e11, period="2024-10")]),
]


@pytest.mark.parametrize("case, rows", NOT_ACROSS, ids=[r[0] for r in NOT_ACROSS])
def test_across_traps_are_not_findings(case, rows):
    assert found(table(*rows)) == []


def test_an_undated_figure_joins_the_time_it_agrees_with():
    df = compare_sources(table(dict(A, value=5e11, period="2025-10"), dict(B, value=5e11, approx=True, hedge="حوالي"),
                               dict(C, value=3e11, period="2025-03")))
    assert sorted(zip(df["check"], df["verdict"])) == [("series_over_time", "series"), ("values_agree", "agree")]
    agree = df.set_index("check").loc["values_agree"]
    assert agree["claim_ids"] == "a:0-5; b:10-15" and agree["period"] == "2025-10"


def test_undated_figures_agree_among_themselves():
    assert found(table(dict(A, value=5e11), dict(B, value=5e11))) == [("values_agree", "agree")]


def test_conflict_note_gives_the_gap_and_both_quotes():
    df = compare_sources(table(dict(A, value=5e11, period="2025-10", text="500 מיליארד דולר", sentence="OpenAI שווה 500."),
                               dict(B, value=3e11, period="2025-10", text="300 مليار دولار", sentence="OpenAI تساوي 300.")))
    row = df.iloc[0]
    assert row["verdict"] == "conflict" and row["outlets"] == "Globes; Al Arabiya" and row["docs"] == "a; b"
    assert "1.67 times" in row["note"] and "200 billion USD" in row["note"]
    assert "OpenAI שווה 500." in row["quotes"] and "OpenAI تساوي 300." in row["quotes"]
    assert row["values"] == "500 מיליארד דולר (500 billion USD); 300 مليار دولار (300 billion USD)"


def test_conversion_is_shown_in_the_note():
    df = compare_sources(table(dict(A, metric="funding_round", unit="ILS", value=1.07e9, period="2025-02"),
                               dict(B, metric="funding_round", value=3e8, approx=True, hedge="نحو", period="2025-02")))
    assert "1.07 billion ILS is" in df.iloc[0]["note"] and "1 USD = 3.557 ILS" in df.iloc[0]["note"]


def test_series_is_in_time_order():
    df = compare_sources(table(dict(B, value=5e11, period="2025-10"), dict(C, value=4e11, period="2025-06"),
                               dict(A, value=3e11, period="2025-03")))
    note = df.iloc[0]["note"]
    assert df.iloc[0]["verdict"] == "series"
    assert note.index("300 billion") < note.index("400 billion") < note.index("500 billion")


# --- inside one document --------------------------------------------------------------------------------------

STAKE = dict(subject="SoftBank", metric="stake", counterpart="Cohere", sent_no=1)
VAL = dict(subject="Cohere", metric="valuation", sent_no=2)
SHARE = dict(kind="percent", unit="percent", metric="market_share", sent_no=1)
DUR = dict(kind="duration", unit="years", metric="age", subject="Dario Amodei")
WITHIN = [
    ("range_reversed", [dict(value=8e11, value_max=1.2e9)], [("range_reversed", "inconsistent")]),
    ("range_reversed: a sound range", [dict(value=7e11, value_max=8e11)], []),
    ("stake_times_valuation", [dict(STAKE, kind="percent", unit="percent", value=10.0), dict(STAKE, value=7e8), dict(VAL, value=5e9)],
     [("stake_times_valuation", "inconsistent")]),
    ("stake_times_valuation: it holds", [dict(STAKE, kind="percent", unit="percent", value=10.0), dict(STAKE, value=5e8),
                                         dict(VAL, value=5e9)], [("stake_times_valuation", "consistent")]),
    ("stake_times_valuation: a planned valuation is no reference", [
        dict(STAKE, kind="percent", unit="percent", value=10.0), dict(STAKE, value=7e8), dict(VAL, value=5e9, modality="plan")], []),
    ("stake_times_valuation: a guessed subject is no reference", [
        dict(STAKE, kind="percent", unit="percent", value=10.0), dict(STAKE, value=7e8),
        dict(VAL, value=5e9, why="subject:earlier_sentence")], []),
    ("multiple_vs_values", [dict(kind="multiplier", unit="multiplier", metric="growth_multiple", value=2.0, subject="Cohere"),
                            dict(metric="revenue", subject="Cohere", value=2e9, role="before", change_id="c0", sent_no=0),
                            dict(metric="revenue", subject="Cohere", value=5e9, role="after", change_id="c0", sent_no=0)],
     [("multiple_vs_values", "inconsistent")]),
    ("multiple_vs_values: doubled from 12% to 24%", [
        dict(kind="multiplier", unit="multiplier", metric="growth_multiple", value=2.0, subject="Anthropic"),
        dict(SHARE, subject="Anthropic", value=12.0, role="before", change_id="c1", sent_no=0),
        dict(SHARE, subject="Anthropic", value=24.0, role="after", change_id="c1", sent_no=0)], [("multiple_vs_values", "consistent")]),
    ("multiple_vs_values: nearly three times", [
        dict(kind="multiplier", unit="multiplier", metric="growth_multiple", value=3.0, approx=True, hedge="ما يقرب من", lang="ar"),
        dict(metric="loss", value=4.8e9, role="before", change_id="c2", sent_no=0),
        dict(metric="loss", value=1.4e10, role="after", change_id="c2", sent_no=0)], [("multiple_vs_values", "consistent")]),
    ("change_vs_values", [dict(kind="percent", unit="percent", metric="revenue", subject="Nvidia", value=60.0),
                          dict(metric="revenue", subject="Nvidia", value=3e10, role="before", change_id="c0", sent_no=0),
                          dict(metric="revenue", subject="Nvidia", value=5.7e10, role="after", change_id="c0", sent_no=0)],
     [("change_vs_values", "inconsistent")]),
    ("change_vs_values: +500 % between two unordered values", [
        dict(kind="percent", unit="percent", metric="spend", value=500.0), dict(metric="spend", value=2.3e9, sent_no=0),
        dict(metric="spend", value=1.38e10, sent_no=0)], [("change_vs_values", "consistent")]),
    ("change_vs_values: a fall of 37 %", [
        dict(kind="percent", unit="percent", metric="price_change", value=37.0, subject="ChatGPT"),
        dict(metric="price", subject="ChatGPT", value=20.0, role="before", change_id="c0", sent_no=0),
        dict(metric="price", subject="ChatGPT", value=12.6, role="after", change_id="c0", sent_no=0)], [("change_vs_values", "consistent")]),
    ("change_vs_values: from 50% to 34% is 16 points", [
        dict(kind="percent", unit="percentage_points", metric="market_share", value=16.0),
        dict(SHARE, value=50.0, role="before", change_id="c0", sent_no=0), dict(SHARE, value=34.0, role="after", change_id="c0", sent_no=0)],
     [("change_vs_values", "consistent")]),
    ("change_vs_values: from 50% to 34% is not 10 points", [
        dict(kind="percent", unit="percentage_points", metric="market_share", value=10.0),
        dict(SHARE, value=50.0, role="before", change_id="c0", sent_no=0), dict(SHARE, value=34.0, role="after", change_id="c0", sent_no=0)],
     [("change_vs_values", "inconsistent")]),
    ("change_vs_values: a stake is a share, not a change", [
        dict(kind="percent", unit="percent", metric="stake", subject="Elon Musk", value=42.0, sent_no=0),
        dict(metric="stake", subject="Elon Musk", value=2.9e11, sent_no=0), dict(metric="stake", subject="Elon Musk", value=1.9e11, sent_no=0)],
     []),
    ("share_above_100", [dict(SHARE, subject="OpenAI", value=120.0)], [("share_above_100", "inconsistent")]),
    ("share_above_100: 95 %", [dict(SHARE, subject="OpenAI", value=95.0)], []),
    ("shares_sum_over_100", [dict(SHARE, subject="OpenAI", value=45.0), dict(SHARE, subject="Anthropic", value=40.0),
                             dict(SHARE, subject="Google", value=25.0)], [("shares_sum_over_100", "inconsistent")]),
    ("shares_sum_over_100: before and after apart", [
        dict(SHARE, subject="OpenAI", value=50.0, role="before", change_id="c0"), dict(SHARE, subject="OpenAI", value=34.0, role="after", change_id="c0"),
        dict(SHARE, subject="Anthropic", value=12.0, role="before", change_id="c1"), dict(SHARE, subject="Anthropic", value=24.0, role="after", change_id="c1"),
        dict(SHARE, subject="Meta", value=16.0)], [("shares_sum_over_100", "consistent")] * 2),
    ("shares_sum_over_100: one subject twice is not a split", [dict(SHARE, subject="Google", value=50.0), dict(SHARE, subject="Google", value=55.0)], []),
    ("shares_sum_over_100: different sentences", [dict(SHARE, subject="OpenAI", value=60.0), dict(SHARE, subject="Google", value=50.0, sent_no=2)], []),
    ("part_exceeds_total", [dict(subject="xAI", metric="funding_round", value=1.5e10), dict(subject="xAI", metric="total_funding", value=1.2e10)],
     [("part_exceeds_total", "inconsistent")]),
    ("part_exceeds_total: within", [dict(subject="xAI", metric="funding_round", value=6e9), dict(subject="xAI", metric="total_funding", value=1.2e10)],
     [("part_exceeds_total", "consistent")]),
    ("part_exceeds_total: a total of an earlier time", [dict(subject="xAI", metric="funding_round", value=1.5e10, period="2025"),
                                                        dict(subject="xAI", metric="total_funding", value=1.2e10, period="2024")], []),
    ("stakes_exceed_net_worth", [dict(subject="Elon Musk", metric="stake", counterpart="Tesla", value=2.9e11),
                                 dict(subject="Elon Musk", metric="stake", counterpart="SpaceX", value=1.9e11, sent_no=0),
                                 dict(subject="Elon Musk", metric="net_worth", value=4e11)], [("stakes_exceed_net_worth", "inconsistent")]),
    ("stakes_exceed_net_worth: within", [dict(subject="Elon Musk", metric="stake", counterpart="Tesla", value=2.9e11),
                                         dict(subject="Elon Musk", metric="stake", counterpart="SpaceX", value=1.9e11, sent_no=0),
                                         dict(subject="Elon Musk", metric="net_worth", value=5e11, approx=True, hedge="כ")],
     [("stakes_exceed_net_worth", "consistent")]),
    ("two_durations", [dict(DUR, value=41.0), dict(DUR, value=45.0)], [("two_durations", "inconsistent")]),
    ("two_durations: two events", [dict(DUR, metric="event_duration", unit="days", value=12.0),
                                   dict(DUR, metric="event_duration", unit="minutes", value=10.0)], []),
    ("two_durations: the same", [dict(DUR, unit="months", metric="development_time", value=18.0),
                                 dict(DUR, metric="development_time", value=1.5)], []),
    ("two_durations: two times", [dict(DUR, value=41.0, period="2024"), dict(DUR, value=42.0, period="2025")], []),
    ("two_dates", [dict(kind="date", unit="", value="2024-05-14", metric="launch", subject="GPT-4o"),
                   dict(kind="date", unit="", value="2024-06-02", metric="launch", subject="GPT-4o")], [("two_dates", "inconsistent")]),
    ("two_dates: a day inside the month", [dict(kind="date", unit="", value="2024-05-14", metric="launch", subject="GPT-4o"),
                                           dict(kind="date", unit="", value="2024-05", metric="launch", subject="GPT-4o")], []),
    ("per_capita", [dict(subject="Jeff Bezos", metric="net_worth", value=2.4e11, approx=True, hedge="כ", sent_no=0),
                    dict(kind="count", unit="americans", subject="Jeff Bezos", metric="net_worth", value=1e6, sent_no=0),
                    dict(subject="United States", metric="net_worth", value=5.5e5, approx=True, hedge="כ", sent_no=1,
                         sentence="העושר הממוצע לאדם בארה\"ב עומד על כ-550 אלף דולר")], [("per_capita", "inconsistent")]),
    ("per_capita: it holds", [dict(subject="Elon Musk", metric="net_worth", value=5e11, sent_no=0),
                              dict(kind="count", unit="americans", subject="Elon Musk", metric="net_worth", value=1e6, sent_no=0),
                              dict(subject="United States", metric="net_worth", value=5.5e5, approx=True, hedge="כ", sent_no=1,
                                   sentence="העושר הממוצע לאדם בארה\"ב עומד על כ-550 אלף דולר")], [("per_capita", "consistent")]),
    ("per_capita: no amount per person", [dict(subject="Elon Musk", metric="net_worth", value=5e11, sent_no=0),
                                          dict(kind="count", unit="americans", subject="Elon Musk", metric="net_worth", value=1e6, sent_no=0),
                                          dict(subject="United States", metric="net_worth", value=5.5e5, sent_no=1,
                                               sentence="העושר הכולל בארה\"ב עומד על 550 אלף דולר")], []),
]


@pytest.mark.parametrize("rule, rows, expected", WITHIN, ids=[r[0] for r in WITHIN])
def test_within_rules(rule, rows, expected):
    assert sorted(found(table(*rows), passed=True)) == sorted(expected)


def test_consistent_checks_are_listed_only_when_asked():
    rows = table(dict(subject="xAI", metric="funding_round", value=6e9), dict(subject="xAI", metric="total_funding", value=1.2e10))
    assert compare_sources(rows).empty and len(compare_sources(rows, passed=True)) == 1


def test_range_note_suggests_the_scale():
    note = compare_sources(table(dict(value=8e11, value_max=1.2e9, text="800 מיליארד עד 1.2 מיליארד דולר"))).iloc[0]["note"]
    assert "1.2 trillion USD" in note and "800 מיליארד עד 1.2 מיליארד דולר" in note


# --- nothing silently dropped ---------------------------------------------------------------------------------

def test_every_claim_has_a_fate():
    rows = table(dict(A, value=5e11, period="2025-10"), dict(B, value=3e11, period="2025-10"),
                 dict(A, value=3e11, subject=""), dict(A, value=2e9, metric=""), dict(B, value=3e11),
                 dict(A, kind="date", unit="", value="2025-03-01"), dict(B, value=3e11, in_analysis=False),
                 dict(A, value=5e11, repeat_of="a:0-5", start=200, end=205), dict(A, value=math.nan),
                 dict(C, subject="SpaceX", value=4e11, period="2025"))
    summary = undecided(rows)
    assert summary["claims"].sum() == len(rows)
    reasons = dict(zip(summary["reason"], summary["claims"]))
    assert reasons["no subject: who the figure is about is not known"] == 1
    assert reasons["no metric: what the figure measures is not known"] == 1
    assert reasons["in a finding across documents"] == 2
    assert any(r.startswith("no period") for r in reasons)
    assert set(summary["status"]) == {"left out", "undecided", "compared", "single source"}
    assert compare_sources(rows).attrs["undecided"] == summary.to_dict("records")


@pytest.mark.parametrize("frame", [
    pd.DataFrame(),
    pd.DataFrame({"value": [1.0, math.nan]}),
    table(dict(value=math.nan), dict(value=math.nan, doc_id="b")),
    table(dict(value="not a number"), dict(doc_id="b", value=5e11)),
    table(dict(A, value=5e11, period="2025"), dict(B, kind="percent", unit="percent", value=5.0, period="2026")),  # mixed units
    table(dict(value=5e11, period="2025"), dict(value=3e11, period="2025")),  # one document
    table(dict(value=5e11, period="31/12/2025"), dict(B, value=3e11, period="garbage")),  # unreadable periods
])
def test_odd_tables_give_a_result_never_an_exception(frame):
    df = compare_sources(frame)
    assert list(df.columns) == COMPARE_COLUMNS
    assert undecided(frame)["claims"].sum() == len(frame)


def test_sorted_the_same_way_whatever_the_row_order():
    rows = table(dict(A, value=5e11, period="2025-10"), dict(B, value=3e11, period="2025-10"),
                 dict(C, metric="revenue", value=1e9, period="2025-03"), dict(B, metric="revenue", value=1.2e10, period="2025"),
                 dict(value=8e11, value_max=1.2e9, start=500, end=505))
    one, two = compare_sources(rows), compare_sources(rows.iloc[::-1].reset_index(drop=True))
    pd.testing.assert_frame_equal(one, two)
    assert one["scope"].tolist() == ["across", "across", "within"]


def test_an_undated_figure_matching_two_times_is_undecided():
    rows = table(dict(A, metric="funding_round", value=6e9, period="2024-05"),
                 dict(B, metric="funding_round", value=6e9, period="2024-12"), dict(C, metric="funding_round", value=6e9))
    assert found(rows) == [("series_over_time", "series")]
    reasons = dict(zip(undecided(rows)["reason"], undecided(rows)["claim_ids"]))
    assert reasons["no period, and its value agrees with figures of several times"] == "c:20-25"


def test_claim_ids_met_twice_are_told_apart():
    rows = table(dict(A, value=5e11, period="2025-10", claim_id="x"), dict(B, value=3e11, period="2025-10", claim_id="x"))
    assert compare_sources(rows).iloc[0]["claim_ids"] == "x; x#2"


@pytest.mark.parametrize("sizes, shares, expected", [
    ({("A", "m"): 5, ("B", "m"): 3, ("C", "n"): 3}, 2, {("A", "m"): 0, ("B", "m"): 1, ("C", "n"): 1}),
    ({("A", "m"): 1, ("B", "m"): 1}, 3, {("A", "m"): 0, ("B", "m"): 1}),  # more shares than groups
    ({("A", "m"): 2, ("B", "m"): 9, ("C", "n"): 4, ("D", "n"): 4}, 2,  # largest first, to the lightest share
     {("B", "m"): 0, ("C", "n"): 1, ("D", "n"): 1, ("A", "m"): 1}),
    ({}, 2, {}),
])
def test_groups_are_dealt_largest_first_to_the_lightest_share(sizes, shares, expected):
    assert deal(sizes, shares) == expected
