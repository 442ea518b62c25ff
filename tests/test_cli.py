"""The command line: summaries, CSV output, bad input named on stderr without tracebacks."""

import csv
import io
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def test_corpus_summary():
    out = run("corpus", SEEDS)
    assert out.returncode == 0, out.stderr
    assert "documents: 5 (ar 3, he 2)" in out.stdout
    assert "001_3410858ea03e43e5: 3" in out.stdout
    assert "comments" in out.stdout and "skipped: 0" in out.stdout
    assert out.stderr == ""


def test_claims_csv_header_and_rows():
    out = run("claims", SEEDS, "--format", "csv")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("doc,start,end,text,value,value_max,unit,kind,approx,subject,metric,period,attribution")
    assert not out.stdout.startswith("\ufeff")  # stdout is piped: no BOM
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) > 100
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in rows:
        assert texts[r["doc"]][int(r["start"]):int(r["end"])] == r["text"]


def test_claims_of_any_text_file(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("לפי הדיווח, xAI גייסה 6 מיליארד דולר.", encoding="utf-8")
    out = run("claims", f, "--format", "json")
    assert out.returncode == 0, out.stderr
    assert '"value": 6000000000.0' in out.stdout and '"unit": "USD"' in out.stdout


def test_bad_file_in_folder_is_named_and_others_processed(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 4)
    out = run("claims", folder, "--format", "table")
    assert out.returncode == 0
    assert "broken.txt" in out.stderr and "binary" in out.stderr
    assert "Traceback" not in out.stderr
    assert "000_013a6d9f286b6fec.txt" in out.stdout


@pytest.mark.parametrize("args", [("corpus", "/no/such/dir"), ("claims", "/no/such/file.txt")])
def test_missing_path_is_a_clear_error(args):
    out = run(*args)
    assert out.returncode != 0
    assert "no such file or folder" in out.stderr and "Traceback" not in out.stderr


def test_build_writes_every_table(tmp_path):
    out = run("build", SEEDS, "--out", tmp_path / "reports", "--tables-only")  # the reports: test_reports.py
    assert out.returncode == 0, out.stderr
    for name in ("documents", "segments", "sentences", "mentions", "skipped", "claims"):
        assert (tmp_path / "reports" / f"{name}.csv").exists()


def test_folder_with_nothing_loadable_fails_and_says_why(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"")
    out = run("corpus", tmp_path)
    assert out.returncode == 1
    assert "x.txt: skipped: empty file" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("command", ["corpus", "build"])
def test_progress_bar_on_stderr_for_large_folders_only(tmp_path, command):
    big, small = tmp_path / "big", tmp_path / "small"
    for folder, n in ((big, 25), (small, 19)):
        folder.mkdir()
        for i in range(n):
            (folder / f"a{i:02d}.txt").write_text(f"xAI גייסה {i} מיליארד דולר.", encoding="utf-8")
    extra = ("--out", tmp_path / "reports", "--tables-only") if command == "build" else ()
    out = run(command, big, *extra)
    assert out.returncode == 0, out.stderr
    assert "loading: 100%" in out.stderr and "25/25" in out.stderr  # the tqdm bar
    assert "\r" not in out.stdout and "loading" not in out.stdout and "%|" not in out.stdout
    assert "documents: 25 (he 25)" in out.stdout and "… and 10 more documents" in out.stdout
    quiet = run(command, small, *(("--out", tmp_path / "reports2", "--tables-only") if extra else ()))
    assert quiet.returncode == 0, quiet.stderr
    assert "%|" not in quiet.stderr and "loading" not in quiet.stderr


def test_strict_stops_at_the_first_problem_with_exit_code_1(tmp_path):
    (tmp_path / "a.txt").write_text("xAI גייסה 6 מיליארד דולר.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    out = run("corpus", "--strict", tmp_path)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr == f"error: {tmp_path / 'b.txt'}: skipped: empty file\n"


# --- compare: the comparison of sources ------------------------------------------------------------------------

def test_compare_csv_has_the_comparison_columns_and_the_summary_on_stderr():
    from analysis.compare import COMPARE_COLUMNS

    out = run("compare", SEEDS, "--format", "csv")
    assert out.returncode == 0, out.stderr
    assert not out.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0]) == COMPARE_COLUMNS
    assert any(r["check"] == "range_reversed" and r["verdict"] == "inconsistent" for r in rows)  # 800 billion to 1.2 billion
    notes = out.stderr.splitlines()
    assert notes and all(line.startswith("note: ") for line in notes)
    assert sum(int(line.split()[1]) for line in notes) == len(list(csv.DictReader(io.StringIO(run("claims", SEEDS).stdout))))


@pytest.mark.parametrize("fmt, marker", [("json", '"verdict": "inconsistent"'), ("table", "[inconsistent] range_reversed")])
def test_compare_json_and_table(fmt, marker):
    out = run("compare", SEEDS, "--format", fmt)
    assert out.returncode == 0, out.stderr
    assert marker in out.stdout and "Traceback" not in out.stderr


def test_compare_of_two_files(tmp_path):
    (tmp_path / "a.txt").write_text("שווי השוק של אנבידיה הגיע ל-4 טריליון דולר ביולי 2025.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("بلغت القيمة السوقية لشركة إنفيديا 3 تريليونات دولار في يوليو 2025.", encoding="utf-8")
    out = run("compare", tmp_path / "a.txt", tmp_path / "b.txt", "--format", "table")
    assert out.returncode == 0, out.stderr
    assert "[conflict] values_conflict" in out.stdout and "1.33 times" in out.stdout


def test_compare_missing_path_and_empty_input(tmp_path):
    out = run("compare", "/no/such/dir")
    assert out.returncode == 2 and "no such file or folder" in out.stderr and "Traceback" not in out.stderr
    (tmp_path / "empty.txt").write_bytes(b"")
    out = run("compare", tmp_path / "empty.txt", "--format", "table")
    assert out.returncode == 1 and "empty file" in out.stderr and "no findings" in out.stdout
    assert "Traceback" not in out.stderr


def test_build_writes_the_comparison_table(tmp_path):
    from analysis.compare import COMPARE_COLUMNS

    out = run("build", SEEDS, "--out", tmp_path / "reports", "--tables-only")
    assert out.returncode == 0, out.stderr
    raw = (tmp_path / "reports" / "comparison.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import pandas as pd

    table = pd.read_parquet(tmp_path / "reports" / "comparison.parquet")
    assert list(table.columns) == COMPARE_COLUMNS and "range_reversed" in set(table["check"])
    assert "comparison.csv" in out.stdout
