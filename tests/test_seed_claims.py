"""The claims engine against the hand-annotated seeds (tests/data/seed_claims.csv).

Claims are matched to gold rows as :mod:`evaluation` says. Subject, metric,
period and attribution agreement are printed too, with lower floors: they are
judgements as much as readings.
"""

import csv

import pytest

from conftest import ROOT, report
from evaluation import score

GOLD = list(csv.DictReader((ROOT / "tests" / "data" / "seed_claims.csv").open(encoding="utf-8", newline="")))

THRESHOLDS = {"recall": 0.99, "precision": 0.97, "value_accuracy": 0.97}
FLOORS = {"kind": 0.97, "subject": 0.91, "counterpart": 0.99, "metric": 0.93, "modality": 0.95, "period": 0.9, "period_type": 0.91,
          "attribution": 0.97}


@pytest.fixture(scope="module")
def evaluation(seed_corpus):
    pred = seed_corpus.claims.to_dict("records")
    for p in pred:
        p["doc"] = p["file"]
    result = score(GOLD, pred, FLOORS)
    report("seed claims vs hand annotation", result["scores"])
    return result


def test_gold_standard_is_consistent():
    texts = {}
    for g in GOLD:
        src = texts.setdefault(g["doc"], (ROOT / "seeds" / g["doc"]).read_text(encoding="utf-8"))
        assert src[int(g["start"]):int(g["end"])] == g["text"]


@pytest.mark.parametrize("measure", list(THRESHOLDS))
def test_engine_meets_threshold(evaluation, measure):
    value = evaluation["scores"][measure]
    detail = {"recall": "missed", "precision": "extra", "value_accuracy": "wrong"}[measure]
    assert value >= THRESHOLDS[measure], f"{measure} {value:.3f}; {detail}: {evaluation[detail]}"


@pytest.mark.parametrize("field", list(FLOORS))
def test_claim_fields_agree_with_annotation(evaluation, field):
    assert evaluation["scores"][field] >= FLOORS[field]


def test_every_claim_points_into_its_seed(seed_corpus):
    for row in seed_corpus.claims.itertuples():
        assert seed_corpus.text(row.doc_id)[row.start:row.end] == row.text
