"""Claim roles on the roles development set: subject, counterpart, metric, cadence, modality,
period, period type and attribution (issue 7).

``tests/data/dev/<lang>_roles_sentences.csv`` and ``<lang>_roles_claims.csv`` hold sentences
written for the project about investors, stakes, commitments, share sales, plans, talks,
projections, targets, denials, nested speakers, current figures, deadlines and companies the
lexicon does not know, annotated by hand before the engine was run on them, with the
conventions of ``tests/data/ANNOTATION.md`` ("Roles"). Agreement is measured on matched numbers
that are not dates or years (those carry no roles).

Print the tables with ``.venv/bin/python tests/test_roles_dev_set.py [roles|general] [-v]`` (``-v``
lists every disagreement: set, lang, field, sentence id, number, gold, engine).
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
#: The role set (``<lang>_roles_*.csv``, written for issue 7) and the general set (``<lang>_*.csv``,
#: written for number reading and re-annotated with the same role conventions; it has no cadence).
SETS = {"roles": "{lang}_roles", "general": "{lang}"}
FIELDS = ("subject", "counterpart", "metric", "cadence", "modality", "period", "period_type", "attribution")
#: The issue's target is 0.90 for every field; floors sit at or just below what the engine reaches,
#: so that no change makes it worse.
FLOORS = {
    "roles": {"recall": 0.98, "subject": 0.94, "counterpart": 0.94, "metric": 0.94, "cadence": 0.98, "modality": 0.92,
              "period": 0.92, "period_type": 0.89, "attribution": 0.99},
    "general": {"subject": 0.92, "counterpart": 0.95, "metric": 0.90, "modality": 0.94, "period": 0.90,
                "period_type": 0.84, "attribution": 0.95},
}


@cache
def dataset(lang: str, name: str = "roles") -> tuple[list[dict], list[dict]]:
    """(sentences, gold claims with ``doc``/``start``/``end``) of one language and set."""
    return load_sentence_set(DEV, SETS[name].format(lang=lang))


@cache
def predictions(lang: str, name: str = "roles") -> tuple[dict, ...]:
    return predict_sentences(dataset(lang, name)[0], lang)


def evaluate(lang: str, name: str = "roles") -> dict:
    gold, pred = dataset(lang, name)[1], list(predictions(lang, name))
    matched = match(gold, pred)
    roles = [(g, p) for g, p in matched if g["kind"] not in ("date", "year")]
    scores: dict = {"gold": len(gold), "matched": len(matched), "recall": len(matched) / max(len(gold), 1),
                    "with roles": len(roles)}
    wrong: dict[str, list] = {}
    for field in FIELDS:
        if field not in gold[0]:
            continue
        right = [str(g.get(field, "")) == str(p.get(field, "") or "") for g, p in roles]
        scores[field] = sum(right) / max(len(roles), 1)
        wrong[field] = [(g["doc"], g["text"], g.get(field, ""), p.get(field, "")) for (g, p), ok in zip(roles, right)
                        if not ok]
    return {"scores": scores, "wrong": wrong}


@pytest.mark.parametrize("name", list(SETS))
@pytest.mark.parametrize("lang", LANGS)
def test_annotation_is_consistent(lang, name):
    sentences, gold = dataset(lang, name)
    assert len(sentences) >= 60
    assert {g["modality"] for g in gold} <= {"", "fact", "plan", "talks", "projection", "target", "denied"}
    assert {g["period_type"] for g in gold} <= {"", "during", "as_of", "by"}
    assert all(bool(g["period_type"]) <= bool(g["period"]) for g in gold)


@pytest.mark.parametrize("name,field", [(n, f) for n, floors in FLOORS.items() for f in floors])
@pytest.mark.parametrize("lang", LANGS)
def test_roles_agree_with_annotation(lang, name, field):
    result = evaluate(lang, name)
    report(f"{name} development set ({lang}) vs hand annotation", result["scores"])
    assert result["scores"][field] >= FLOORS[name][field], result["wrong"].get(field)


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    for name in [n for n in SETS if n in sys.argv] or list(SETS):
        results = {lang: evaluate(lang, name) for lang in LANGS}
        print(f"\n{name} set\n\n| field | " + " | ".join(LANGS) + " |")
        print("|---|" + "---:|" * len(LANGS))
        for field in ("recall",) + FIELDS:
            if field in results[LANGS[0]]["scores"]:
                print(f"| {field} | " + " | ".join(f"{results[lang]['scores'][field]:.3f}" for lang in LANGS) + " |")
        if verbose:
            for lang in LANGS:
                for field, rows in results[lang]["wrong"].items():
                    for row in rows:
                        print(name, lang, field, *row, sep="\t")
