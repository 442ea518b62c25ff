"""extract_claims_batch: one table for many texts, each text's rows exactly as extract_claims gives them."""

import pandas as pd
import pytest

from analysis import extract_claims
from analysis.claims.extract import BATCH_SCHEMA, extract_claims_batch


def _seeds():
    import csv
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "seeds"
    langs = {r["file"]: r["lang"] for r in csv.DictReader(open(root / "SOURCES.csv", encoding="utf-8"))}
    return [(p.read_text(encoding="utf-8"), langs.get(p.name)) for p in sorted(root.glob("*.txt"))]


def test_batch_equals_one_call_per_text():
    seeds = _seeds()
    texts = [t for t, _ in seeds] + ["", "אין כאן מספרים"]
    langs = [lang for _, lang in seeds] + ["he", "he"]
    batch = extract_claims_batch(texts, langs, published="2024-05", countries="IL")
    assert list(batch.columns) == list(BATCH_SCHEMA)
    assert [str(t) for t in batch.dtypes] == [str(t) for t in BATCH_SCHEMA.values()]
    for i, (text, lang) in enumerate(zip(texts, langs)):
        one = extract_claims(text, lang, "2024-05", "IL")
        got = batch[batch["text_no"] == i].drop(columns="text_no").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, one, check_exact=True)


def test_batch_empty_and_lengths():
    empty = extract_claims_batch([])
    assert list(empty.columns) == list(BATCH_SCHEMA) and len(empty) == 0
    with pytest.raises(ValueError):
        extract_claims_batch(["a", "b"], ["he"])
