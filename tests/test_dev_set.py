"""The claims engine on the development set: sentences that are not the seeds.

``tests/data/dev/<lang>_sentences.csv`` holds sentences written for this project in the style
of business and technology news from other outlets (Gulf, Egyptian, Levantine, Maghreb and
Israeli), each with the item it exercises, the imagined publication date and outlet country;
``<lang>_claims.csv`` holds every number of those sentences, annotated by hand before the
engine was run on them, with the conventions of ``tests/data/ANNOTATION.md``. A sentence
with no rows asserts that it holds no quantity.

Print the per-item table (the README's) with ``.venv/bin/python tests/test_dev_set.py``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest import ROOT, report  # noqa: E402
from evaluation import load_sentence_set, predict_sentences, score  # noqa: E402

DEV = ROOT / "tests" / "data" / "dev"
LANGS = ("he", "ar")
#: The issue's floors on the development set.
THRESHOLDS = {"recall": 0.98, "precision": 0.97, "value_accuracy": 0.97, "unit_accuracy": 0.97}
FIELDS = ("kind",)


@cache
def dataset(lang: str) -> tuple[list[dict], list[dict]]:
    """(sentences, gold claims with ``doc``/``start``/``end``) of one language."""
    return load_sentence_set(DEV, f"{lang}")


@cache
def predictions(lang: str) -> tuple[dict, ...]:
    return predict_sentences(dataset(lang)[0], lang)


def evaluate(lang: str | None = None, item: str | None = None) -> dict:
    gold, pred = [], []
    for code in ([lang] if lang else LANGS):
        gold += [g for g in dataset(code)[1] if item in (None, g["item"])]
        pred += [p for p in predictions(code) if item in (None, p["item"])]
    return score(gold, pred, FIELDS)


def items() -> list[str]:
    return sorted({s["item"] for lang in LANGS for s in dataset(lang)[0]})


@pytest.mark.parametrize("lang", LANGS)
def test_annotation_is_consistent(lang):
    sentences, gold = dataset(lang)
    assert len(sentences) >= 60
    assert len({s["id"] for s in sentences}) == len(sentences)
    for g in gold:
        assert g["kind"] in ("money", "percent", "count", "duration", "date", "year", "multiplier", "rank", "other")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("measure", list(THRESHOLDS))
def test_engine_meets_threshold(lang, measure):
    result = evaluate(lang)
    report(f"development set ({lang}) vs hand annotation", result["scores"])
    value = result["scores"][measure]
    detail = {"recall": "missed", "precision": "extra", "value_accuracy": "wrong", "unit_accuracy": "wrong_unit"}[measure]
    assert value >= THRESHOLDS[measure], f"{lang} {measure} {value:.3f}; {detail}: {result[detail]}"


def table() -> str:
    """The per-item table in Markdown."""
    head = "| item | sentences | gold | recall | precision | value accuracy | unit (money/percent/duration) |"
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|"]
    for item in items() + [None]:
        r = evaluate(item=item)["scores"]
        n = sum(1 for lang in LANGS for s in dataset(lang)[0] if item in (None, s["item"]))
        name = item or "**all**"
        lines.append(f"| {name} | {n} | {r['gold']} | {r['recall']:.3f} | {r['precision']:.3f} | "
                     f"{r['value_accuracy']:.3f} | {r['unit_accuracy']:.3f} |")
    for lang in LANGS:
        r = evaluate(lang)["scores"]
        lines.append(f"| *{lang}* | {len(dataset(lang)[0])} | {r['gold']} | {r['recall']:.3f} | {r['precision']:.3f} | "
                     f"{r['value_accuracy']:.3f} | {r['unit_accuracy']:.3f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
    if "-v" in sys.argv:
        for lang in LANGS:
            result = evaluate(lang)
            for key in ("missed", "extra", "wrong", "wrong_unit"):
                for row in result[key]:
                    print(lang, key, *row, sep="\t")
