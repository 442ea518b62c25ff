"""`build`: a bad --out fails at once, a failed build keeps the old output, every table as CSV (BOM) and Parquet,
and the claims table carries every column of `Corpus.claims`."""

import csv
import errno
import os
import subprocess
import sys

import pandas as pd
import pytest

from analysis import cli
from analysis.build import tables
from analysis.build.tables import CSV_COLUMNS, TABLES, write_tables
from conftest import ROOT, SEEDS

NAMES = list(TABLES)


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "reports"
    result = run("build", SEEDS, "--out", out, "--tables-only")  # the reports: tests/test_reports.py
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def big_folder(tmp_path):
    """25 files: loading them would show a progress bar, so its absence shows nothing was loaded."""
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(25):
        (folder / f"a{i:02d}.txt").write_text(f"xAI גייסה {i} מיליארד דולר.", encoding="utf-8")
    return folder


def siblings(out):
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name and p.name.startswith("."))


# --- task 5: a bad --out fails at once; a failed build leaves the old output ------------------------------------

def test_out_is_a_file(tmp_path, big_folder):
    target = tmp_path / "report.csv"
    target.write_text("mine", encoding="utf-8")
    out = run("build", big_folder, "--out", target)
    assert out.returncode == 2
    assert out.stderr == f"error: {target}: exists and is not a folder\n"  # one line, nothing loaded (no bar)
    assert out.stdout == "" and target.read_text(encoding="utf-8") == "mine"


def test_out_cannot_be_written(tmp_path, big_folder):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    out = run("build", big_folder, "--out", blocker / "reports")
    assert out.returncode == 2
    assert out.stderr == f"error: {blocker / 'reports'}: cannot write there: {blocker} is a file, not a folder\n"
    assert out.stdout == ""


def test_out_holding_other_files_or_the_corpus_is_refused(tmp_path, big_folder):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.md").write_text("keep me", encoding="utf-8")
    (mine / "documents.csv").write_text("old", encoding="utf-8")
    out = run("build", big_folder, "--out", mine)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith(f"error: {mine}: holds files a build does not write (notes.md); ")
    assert len(out.stderr.splitlines()) == 1
    assert (mine / "notes.md").read_text(encoding="utf-8") == "keep me"
    for target in (big_folder, tmp_path):
        out = run("build", big_folder, "--out", target)
        assert out.returncode == 2 and "is (or holds) the corpus folder" in out.stderr
    assert len(list(big_folder.iterdir())) == 25


def old_reports(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    for name in ("documents.csv", "claims.csv", "claims.parquet"):
        (out / name).write_text(f"old {name}", encoding="utf-8")
    return out


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_build_leaves_the_previous_output(tmp_path, monkeypatch, capsys, failure):
    out = old_reports(tmp_path)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def fail(df, path):
        path.write_bytes(b"partial")
        raise failure

    monkeypatch.setattr(tables, "_write_parquet", fail)
    if isinstance(failure, OSError):
        assert cli.main(["build", str(SEEDS), "--out", str(out), "--tables-only"]) == 2
        err = capsys.readouterr().err
        assert err == f"error: {out}: cannot write the tables: No space left on device; {out} left as it was\n"
    else:
        with pytest.raises(KeyboardInterrupt):
            cli.main(["build", str(SEEDS), "--out", str(out), "--tables-only"])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert siblings(out) == []  # the temporary folder is gone


def test_a_corpus_with_nothing_loadable_keeps_the_previous_output(tmp_path):
    out = old_reports(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    result = run("build", corpus, "--out", out)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"error: {corpus}: nothing could be loaded; {out} left as it was"
    assert (out / "documents.csv").read_text(encoding="utf-8") == "old documents.csv"
    assert siblings(out) == []


def test_a_build_replaces_the_previous_output_whole(tmp_path):
    out = old_reports(tmp_path)
    os.chmod(out, 0o750)
    result = run("build", SEEDS, "--out", out, "--tables-only")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.{e}" for n in NAMES for e in ("csv", "parquet"))
    assert not (out / "documents.csv").read_text(encoding="utf-8-sig").startswith("old")
    assert siblings(out) == []
    assert out.stat().st_mode & 0o777 == 0o750  # the folder keeps its permissions
    fresh = tmp_path / "fresh" / "deeper"
    assert run("build", SEEDS, "--out", fresh, "--tables-only").returncode == 0
    assert fresh.stat().st_mode & 0o777 == 0o777 & ~_umask()  # not mkdtemp's private 0700


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- task 6: every table as CSV with BOM and as Parquet ----------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_every_table_is_written_as_csv_with_bom_and_parquet(built, seed_corpus, name):
    raw = (built / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    with (built / f"{name}.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    parquet = pd.read_parquet(built / f"{name}.parquet")
    assert rows[0] == list(parquet.columns)
    assert len(rows) - 1 == len(parquet) == len(getattr(seed_corpus, name))
    frame = getattr(seed_corpus, name)
    for column in frame.columns:
        if str(frame[column].dtype) in ("int64", "bool", "float64"):
            assert parquet[column].dtype == frame[column].dtype, column


def test_csv_cells_are_written_one_way(built):
    documents = list(csv.DictReader((built / "documents.csv").open(encoding="utf-8-sig", newline="")))
    assert {d["in_manifest"] for d in documents} == {"true"}
    assert [d["doc_id"] for d in documents] == sorted(d["doc_id"] for d in documents)
    claims = pd.read_csv(built / "claims.csv", keep_default_na=False, dtype=str)
    assert set(claims["approx"]) == {"true", "false"}
    assert not claims["value"].str.contains(r"e\+|\.0$").any()  # 5e9 is 5000000000, 6.0 is 6
    parquet = pd.read_parquet(built / "claims.parquet")
    assert parquet["value"].tolist() == claims["value"].tolist()  # a number or a date: kept as the CSV's text
    keys = list(zip(parquet["doc_id"], parquet["start"], parquet["end"]))
    assert keys == sorted(keys)


def test_builds_are_byte_for_byte_repeatable(built, tmp_path):
    again = tmp_path / "again"
    assert run("build", SEEDS, "--out", again, "--tables-only").returncode == 0
    for name in NAMES:
        assert (again / f"{name}.csv").read_bytes() == (built / f"{name}.csv").read_bytes(), name


# --- task 7: the claims table carries where each claim sits -----------------------------------------------------

def test_claims_csv_has_every_column_of_corpus_claims(built, seed_corpus):
    with (built / "claims.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    header = list(rows[0])
    frame_columns = list(seed_corpus.claims.columns)
    assert header[: len(CSV_COLUMNS)] == CSV_COLUMNS
    assert header == CSV_COLUMNS + [c for c in frame_columns if c not in CSV_COLUMNS]
    assert {"doc_id", "file", "article", "section", "sent_no", "sentence"} <= set(header)
    sentences = seed_corpus.sentences.set_index(["doc_id", "sent_no"])
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in rows:
        start, end = int(r["start"]), int(r["end"])
        assert texts[r["file"]][start:end] == r["text"] and r["doc"] == r["file"]
        sentence = sentences.loc[(r["doc_id"], int(r["sent_no"]))]
        assert sentence["start"] <= start < sentence["end"]
        assert sentence["section"] == r["section"] and sentence["article"] == int(r["article"])


def test_new_claim_columns_are_written_without_code_changes(seed_corpus, tmp_path):
    claims = seed_corpus.claims.assign(zz_new=range(len(seed_corpus.claims)))
    fake = type("Fake", (), {n: getattr(seed_corpus, n) for n in NAMES if n != "claims"})()
    fake.claims = claims
    write_tables(fake, tmp_path)
    header = next(csv.reader((tmp_path / "claims.csv").open(encoding="utf-8-sig", newline="")))
    assert header[-1] == "zz_new" and header[: len(CSV_COLUMNS)] == CSV_COLUMNS
    assert list(pd.read_parquet(tmp_path / "claims.parquet").columns) == header
