"""Claim roles on the roles development set: subject, counterpart, metric, cadence, modality,
period, period type and attribution (issue 7).

``tests/data/dev/<lang>_roles_sentences.csv`` and ``<lang>_roles_claims.csv`` hold sentences
written for the project about investors, stakes, commitments, share sales, plans, talks,
projections, targets, denials, nested speakers, current figures, deadlines and companies the
lexicon does not know, annotated by hand before the engine was run on them, with the
conventions of ``tests/data/ANNOTATION.md`` ("Roles"). Agreement is measured on matched numbers
that are not dates or years (those carry no roles).

Print the table with ``.venv/bin/python tests/test_roles_dev_set.py`` (``-v`` lists every
disagreement).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest import ROOT, report  # noqa: E402
from evaluation import load_sentence_set, match, predict_sentences  # noqa: E402

DEV = ROOT / "tests" / "data" / "dev"
LANGS = ("he", "ar")
FIELDS = ("subject", "counterpart", "metric", "cadence", "modality", "period", "period_type", "attribution")
#: The issue's target is 0.90 for every field. These floors are what the engine reaches today,
#: so that no change makes it worse while the rules are being written; raise them as it improves.
FLOORS = {"recall": 0.98, "subject": 0.78, "counterpart": 0.84, "metric": 0.88, "cadence": 0.97, "modality": 0.86,
          "period": 0.79, "period_type": 0.82, "attribution": 0.77}


@cache
def dataset(lang: str) -> tuple[list[dict], list[dict]]:
    """(sentences, gold claims with ``doc``/``start``/``end``) of one language."""
    return load_sentence_set(DEV, f"{lang}_roles")


@cache
def predictions(lang: str) -> tuple[dict, ...]:
    return predict_sentences(dataset(lang)[0], lang)


def evaluate(lang: str) -> dict:
    gold, pred = dataset(lang)[1], list(predictions(lang))
    matched = match(gold, pred)
    roles = [(g, p) for g, p in matched if g["kind"] not in ("date", "year")]
    scores: dict = {"gold": len(gold), "matched": len(matched), "recall": len(matched) / max(len(gold), 1),
                    "with roles": len(roles)}
    wrong: dict[str, list] = {}
    for field in FIELDS:
        right = [str(g.get(field, "")) == str(p.get(field, "") or "") for g, p in roles]
        scores[field] = sum(right) / max(len(roles), 1)
        wrong[field] = [(g["doc"], g["text"], g.get(field, ""), p.get(field, "")) for (g, p), ok in zip(roles, right)
                        if not ok]
    return {"scores": scores, "wrong": wrong}


@pytest.mark.parametrize("lang", LANGS)
def test_annotation_is_consistent(lang):
    sentences, gold = dataset(lang)
    assert len(sentences) >= 60
    assert {g["modality"] for g in gold} <= {"", "fact", "plan", "talks", "projection", "target", "denied"}
    assert {g["period_type"] for g in gold} <= {"", "during", "as_of", "by"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("field", list(FLOORS))
def test_roles_agree_with_annotation(lang, field):
    result = evaluate(lang)
    report(f"roles development set ({lang}) vs hand annotation", result["scores"])
    assert result["scores"][field] >= FLOORS[field], result["wrong"].get(field)


if __name__ == "__main__":
    print("| field | " + " | ".join(LANGS) + " |")
    print("|---|" + "---:|" * len(LANGS))
    results = {lang: evaluate(lang) for lang in LANGS}
    for field in ("recall",) + FIELDS:
        print(f"| {field} | " + " | ".join(f"{results[lang]['scores'][field]:.3f}" for lang in LANGS) + " |")
    if "-v" in sys.argv:
        for lang in LANGS:
            for field, rows in results[lang]["wrong"].items():
                for row in rows:
                    print(lang, field, *row, sep="\t")
