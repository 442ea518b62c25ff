"""The claims engine against the hand-annotated seeds (tests/data/seed_claims.csv).

Claims are matched to gold rows one to one by overlapping spans (largest
overlap first). Recall and precision count matches; value accuracy is the share
of matched claims whose value, value_max and unit all agree. Subject, metric,
period and attribution agreement are printed too, with lower floors: they are
judgements as much as readings.
"""

import csv
import math

import pytest

from conftest import ROOT, report

GOLD = list(csv.DictReader((ROOT / "tests" / "data" / "seed_claims.csv").open(encoding="utf-8", newline="")))

THRESHOLDS = {"recall": 0.97, "precision": 0.95, "value_accuracy": 0.97}
FLOORS = {"kind": 0.9, "subject": 0.6, "metric": 0.5, "period": 0.6, "attribution": 0.6}


def _num(x):
    if x in ("", None) or (isinstance(x, float) and math.isnan(x)):
        return None
    try:
        return float(x)
    except (TypeError, ValueError):
        return str(x)


def _same(a, b) -> bool:
    a, b = _num(a), _num(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-6)
    return a == b


def _match(gold, pred):
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["doc"] == p["doc"]:
                overlap = min(int(g["end"]), p["end"]) - max(int(g["start"]), p["start"])
                if overlap > 0:
                    pairs.append((overlap, gi, pi))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], pred[pi]))
    return out


@pytest.fixture(scope="module")
def evaluation(seed_corpus):
    pred = seed_corpus.claims.to_dict("records")
    for p in pred:
        p["doc"] = p["file"]
    matched = _match(GOLD, pred)
    good = [(g, p) for g, p in matched
            if _same(g["value"], p["value"]) and _same(g["value_max"], p["value_max"]) and g["unit"] == p["unit"]]
    scores = {
        "gold": len(GOLD), "claims": len(pred), "matched": len(matched),
        "recall": len(matched) / len(GOLD),
        "precision": len(matched) / max(len(pred), 1),
        "value_accuracy": len(good) / max(len(matched), 1),
    }
    for field in FLOORS:
        scores[field] = sum(g[field] == p[field] for g, p in matched) / max(len(matched), 1)
    report("seed claims vs hand annotation", scores)
    matched_gold = {id(g) for g, _ in matched}
    matched_pred = {id(p) for _, p in matched}
    return {
        "scores": scores,
        "missed": [(g["doc"], g["text"], g["value"]) for g in GOLD if id(g) not in matched_gold],
        "extra": [(p["doc"], p["text"], p["value"]) for p in pred if id(p) not in matched_pred],
        "wrong": [(g["doc"], g["text"], g["value"], g["unit"], p["value"], p["unit"])
                  for g, p in matched if (g, p) not in good],
    }


def test_gold_standard_is_consistent():
    texts = {}
    for g in GOLD:
        src = texts.setdefault(g["doc"], (ROOT / "seeds" / g["doc"]).read_text(encoding="utf-8"))
        assert src[int(g["start"]):int(g["end"])] == g["text"]


@pytest.mark.parametrize("measure", list(THRESHOLDS))
def test_engine_meets_threshold(evaluation, measure):
    score = evaluation["scores"][measure]
    detail = {"recall": "missed", "precision": "extra", "value_accuracy": "wrong"}[measure]
    assert score >= THRESHOLDS[measure], f"{measure} {score:.3f}; {detail}: {evaluation[detail]}"


@pytest.mark.parametrize("field", list(FLOORS))
def test_claim_fields_agree_with_annotation(evaluation, field):
    assert evaluation["scores"][field] >= FLOORS[field]


def test_every_claim_points_into_its_seed(seed_corpus):
    for row in seed_corpus.claims.itertuples():
        assert seed_corpus.text(row.doc_id)[row.start:row.end] == row.text
