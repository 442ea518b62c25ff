"""Matching claims to a hand annotation and scoring them (shared by the seed and development sets).

Claims are matched to gold rows one to one by overlapping spans (largest overlap first)
within the same ``doc``. Recall and precision count matches; value accuracy is the share
of matched claims whose value, value_max and unit all agree.
"""

from __future__ import annotations

import math

#: Kinds whose unit is scored on its own (the issue's "unit right for money/percent/duration").
UNIT_KINDS = ("money", "percent", "duration")


def num(x):
    if x in ("", None) or (isinstance(x, float) and math.isnan(x)):
        return None
    try:
        return float(x)
    except (TypeError, ValueError):
        return str(x)


def same(a, b) -> bool:
    a, b = num(a), num(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-6)
    return a == b


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of (gold, predicted) rows whose spans overlap in the same ``doc``."""
    pairs = []
    by_doc: dict[str, list[tuple[int, dict]]] = {}
    for pi, p in enumerate(pred):
        by_doc.setdefault(p["doc"], []).append((pi, p))
    for gi, g in enumerate(gold):
        for pi, p in by_doc.get(g["doc"], ()):
            overlap = min(int(g["end"]), int(p["end"])) - max(int(g["start"]), int(p["start"]))
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], pred[pi]))
    return out


def value_right(g: dict, p: dict) -> bool:
    return same(g["value"], p["value"]) and same(g["value_max"], p["value_max"]) and g["unit"] == p["unit"]


def score(gold: list[dict], pred: list[dict], fields=()) -> dict:
    """Scores and the rows behind them (``missed``, ``extra``, ``wrong``, ``wrong_unit``)."""
    matched = match(gold, pred)
    good = [(g, p) for g, p in matched if value_right(g, p)]
    unit_rows = [(g, p) for g, p in matched if g["kind"] in UNIT_KINDS]
    scores = {
        "gold": len(gold), "claims": len(pred), "matched": len(matched),
        "recall": len(matched) / max(len(gold), 1),
        "precision": len(matched) / max(len(pred), 1),
        "value_accuracy": len(good) / max(len(matched), 1),
        "unit_accuracy": sum(g["unit"] == p["unit"] for g, p in unit_rows) / max(len(unit_rows), 1),
    }
    for field in fields:
        scores[field] = sum(g[field] == p[field] for g, p in matched) / max(len(matched), 1)
    matched_gold = {id(g) for g, _ in matched}
    matched_pred = {id(p) for _, p in matched}
    return {
        "scores": scores,
        "missed": [(g["doc"], g["text"], g["value"]) for g in gold if id(g) not in matched_gold],
        "extra": [(p["doc"], p["text"], p["value"]) for p in pred if id(p) not in matched_pred],
        "wrong": [(g["doc"], g["text"], g["value"], g["value_max"], g["unit"], p["value"], p["value_max"], p["unit"])
                  for g, p in matched if not value_right(g, p)],
        "wrong_unit": [(g["doc"], g["text"], g["unit"], p["unit"]) for g, p in unit_rows if g["unit"] != p["unit"]],
    }


def _span(sentence: str, text: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = sentence.find(text, start + 1)
        if start < 0:
            raise ValueError(f"{text!r} does not occur {occurrence} time(s) in {sentence!r}")
    return start


def read_rows(path) -> list[dict]:
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_sentence_set(folder, prefix: str) -> tuple[list[dict], list[dict]]:
    """A hand-annotated sentence set: ``<prefix>_sentences.csv`` and ``<prefix>_claims.csv`` in
    ``folder``. Returns (sentences, gold claims with ``doc``/``item``/``start``/``end``); a claim's
    span is the ``occurrence``-th place its ``text`` stands in its sentence."""
    from pathlib import Path

    sentences = read_rows(Path(folder) / f"{prefix}_sentences.csv")
    by_id = {s["id"]: s for s in sentences}
    gold = []
    for g in read_rows(Path(folder) / f"{prefix}_claims.csv"):
        s = by_id[g["id"]]
        start = _span(s["sentence"], g["text"], int(g["occurrence"] or 1))
        gold.append({**g, "doc": g["id"], "item": s["item"], "start": start, "end": start + len(g["text"])})
    return sentences, gold


def predict_sentences(sentences: list[dict], lang: str) -> tuple[dict, ...]:
    """Claims of each sentence read as an article of its own (its publication date and country)."""
    from analysis import extract_claims

    out = []
    for s in sentences:
        claims = extract_claims(s["sentence"], lang, s["published"] or None, s["country"] or None)
        for p in claims.to_dict("records"):
            out.append({**p, "doc": s["id"], "item": s["item"]})
    return tuple(out)


def load_suites(home, names) -> list[tuple[str, int, dict]]:
    """(suite, line number, case) of every non-blank line of the JSON-lines peer suites ``names``
    in folder ``home``."""
    import json
    from pathlib import Path

    cases = []
    for suite in names:
        with (Path(home) / f"{suite}.jsonl").open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, 1):
                if line.strip():
                    cases.append((suite, line_no, json.loads(line)))
    return cases


def claims_table(base: dict, *rows: dict, **common):
    """A claims table for unit tests: each row a dict over ``base`` (and ``common``); spans,
    claim ids, texts and sentences filled in where a row does not give them."""
    import pandas as pd

    out = []
    for i, r in enumerate(rows):
        rec = {**base, **common, **r}
        rec.setdefault("sent_no", i)
        rec.setdefault("start", 10 * i)
        rec.setdefault("end", 10 * i + 5)
        rec.setdefault("claim_id", f"{rec['doc_id']}:{rec['start']}-{rec['end']}")
        rec.setdefault("text", str(rec["value"]))
        rec.setdefault("sentence", f"sentence {rec['sent_no']} of {rec['doc_id']}")
        out.append(rec)
    return pd.DataFrame(out)
