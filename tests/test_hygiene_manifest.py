"""SOURCES.csv: the optional `country` column, one bad row = one problem, files named as the user typed them."""

import csv
import shutil
import subprocess
import sys
import warnings

import pytest

from analysis import CorpusError, CorpusWarning, load_corpus
from analysis.corpus.documents import COUNTRIES, read_manifest
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.filterwarnings("ignore::analysis.CorpusWarning")

HE = "OpenAI גייסה {n} מיליארד דולר לפי שווי של 157 מיליארד דולר. החברה צופה הפסד השנה.\n"
HEADER = "doc_id,file,lang,outlet,published,notes,country\n"


def folder_with(tmp_path, manifest: str, n_files: int = 8, encoding="utf-8"):
    """A corpus folder of ``n_files`` distinct Hebrew articles f0.txt… and the given SOURCES.csv."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(n_files):
        (folder / f"f{i}.txt").write_text(HE.format(n=i + 1), encoding="utf-8")
    (folder / "SOURCES.csv").write_text(manifest, encoding=encoding)
    return folder


def load(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(path)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


# --- task 1: country -------------------------------------------------------------------------------------------

def test_seed_manifest_has_an_empty_country_column_last():
    with (SEEDS / "SOURCES.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[-1] == "country"
    assert [r["country"] for r in rows] == [""] * 5  # no seed names its outlet's country for certain


def test_country_reaches_documents(tmp_path):
    folder = folder_with(tmp_path, HEADER + "a,f0.txt,he,Globes,2025-02,,IL\nb,f1.txt,he,,2025,,ae\n", n_files=3)
    corpus, messages = load(folder)
    docs = corpus.documents.set_index("file")
    assert str(corpus.documents["country"].dtype) == "str"
    assert docs.loc["f0.txt", "country"] == "IL" and corpus.docs["a"].country == "IL"
    assert docs.loc["f1.txt", "country"] == "AE"  # lower case accepted, upper-cased
    assert docs.loc["f2.txt", "country"] == ""
    assert not any("line" in m for m in messages)


def test_old_manifest_without_country_or_optional_columns_loads(tmp_path):
    folder = folder_with(tmp_path, "file,lang,published\nf0.txt,he,2025-02\nf1.txt,he,2024\n", n_files=2)
    corpus, messages = load(folder)
    assert corpus.problems.empty, messages
    docs = corpus.documents.set_index("file")
    assert docs["in_manifest"].all() and (docs["country"] == "").all()
    assert docs.loc["f0.txt", "published"] == "2025-02"


def test_country_codes_are_the_assigned_iso_3166_ones():
    assert len(COUNTRIES) == 249
    assert {"IL", "EG", "SA", "AE", "PS", "GB"} <= COUNTRIES
    assert not {"UK", "XX", "EU", "il"} & COUNTRIES


# --- task 2: one bad row is one problem ------------------------------------------------------------------------

BAD_ROWS = [  # (manifest row, fragment of its warning)
    ("f1,f1.txt,he,,2025-13-45,,", "published '2025-13-45' is not an ISO date"),
    ("f2,f2.txt,he,,20/11/2023,,", "published '20/11/2023' is not an ISO date"),
    ("f3,f3.txt,fr,,2025,,", "lang 'fr' has no language data (known: ar, he)"),
    ("f4,f4.txt,he,,2025,,Israel", "country 'Israel' is not an ISO 3166-1 alpha-2 code"),
    ("f5,,he,,2025,,", "empty 'file'"),
    ("f0bis,f0.txt,he,Other,2024,,", "f0.txt is listed twice (first on line 2)"),
    ("f6,f6.txt,he,,2025-02-30 ; 2025-01,,XX", "published '2025-02-30' is not an ISO date"),
]


def test_each_bad_row_is_one_warning_with_its_line_and_only_it_is_ignored(tmp_path):
    rows = ['f0,f0.txt,he,Globes,2025-02,"a note\nover two lines",IL'] + [r for r, _ in BAD_ROWS]
    rows.insert(3, "")  # a blank line counts in the numbering and is no problem
    rows.append("f7,f7.txt,he,Calcalist,2025-01-02,,il")
    folder = folder_with(tmp_path, HEADER + "\n".join(rows) + "\n")
    corpus, messages = load(folder)

    manifest = folder / "SOURCES.csv"
    # line 1 header, line 2-3 the f0 row (its note spans two lines), line 4 f1, line 5 f2, line 6 blank, then the rest
    expected_lines = [4, 5, 7, 8, 9, 10, 11]
    row_warnings = [m for m in messages if m.startswith(f"{manifest}, line")]
    assert len(row_warnings) == len(BAD_ROWS), row_warnings
    for message, line, (_, fragment) in zip(row_warnings, expected_lines, BAD_ROWS):
        assert message.startswith(f"{manifest}, line {line}: ") and fragment in message and "row ignored" in message
    assert "country 'XX'" in row_warnings[-1]  # two problems of one row: one warning naming both
    assert (corpus.problems["level"] == "warning").all()

    docs = corpus.documents.set_index("file")
    assert len(docs) == 8 and corpus.skipped.empty
    # the good rows are used, including the first of the file listed twice
    assert docs.loc["f0.txt", ["outlet", "published", "country"]].tolist() == ["Globes", "2025-02", "IL"]
    assert docs.loc["f7.txt", ["outlet", "published", "country"]].tolist() == ["Calcalist", "2025-01-02", "IL"]
    # the files of ignored rows load as if they had no row
    for name, line in (("f1.txt", 4), ("f2.txt", 5), ("f3.txt", 7), ("f4.txt", 8), ("f6.txt", 11)):
        assert not docs.loc[name, "in_manifest"] and "no_manifest_row" in docs.loc[name, "flags"]
        assert docs.loc[name, "lang"] == "he" and docs.loc[name, "published"] == ""
        assert any(m == f"{folder / name}: its row in SOURCES.csv (line {line}) was ignored; metadata inferred "
                        "(lang=he)" for m in messages), name


def test_a_bad_row_raises_in_strict_mode(tmp_path):
    folder = folder_with(tmp_path, HEADER + "f0,f0.txt,he,,2025-13-45,,\n", n_files=1)
    with pytest.raises(CorpusError, match=r"SOURCES.csv, line 2: published '2025-13-45'"):
        load_corpus(folder, strict=True)


def test_missing_required_column_is_one_error_naming_it(tmp_path):
    folder = folder_with(tmp_path, "doc_id,lang,published\nf0,he,2025-13-45\n", n_files=2)
    corpus, messages = load(folder)
    errors = corpus.problems[corpus.problems["level"] == "error"]["message"].tolist()
    assert errors == [f"{folder / 'SOURCES.csv'}, line 1: missing column(s) file (the header has: doc_id, lang, "
                      "published); loading without it"]
    assert len(corpus.documents) == 2


def test_unknown_column_is_reported_and_the_rest_used(tmp_path):
    folder = folder_with(tmp_path, "file,lang,contry\nf0.txt,he,IL\n", n_files=1)
    corpus, messages = load(folder)
    assert messages == [f"{folder / 'SOURCES.csv'}, line 1: unknown column(s) contry ignored (known: doc_id, file, "
                        "lang, outlet, authors, published, published_evidence, sha256, notes, country)"]
    assert corpus.documents["in_manifest"].all()


def test_more_fields_than_the_header_is_a_row_problem(tmp_path):
    folder = folder_with(tmp_path, "file,lang,outlet\nf0.txt,he,Globes, Tel Aviv\nf1.txt,he,Maariv\n", n_files=2)
    corpus, messages = load(folder)
    assert any("line 2: 4 fields but the header has 3" in m for m in messages)
    assert corpus.documents.set_index("file")["outlet"].to_dict() == {"f0.txt": "", "f1.txt": "Maariv"}


def test_manifest_with_bom_and_crlf(tmp_path):
    folder = folder_with(tmp_path, (HEADER + "f0,f0.txt,he,,2025-99,,\r\nf1,f1.txt,he,,2025,,\r\n").replace("\n", "\r\n"),
                         n_files=2, encoding="utf-8-sig")
    manifest = read_manifest(folder / "SOURCES.csv")
    assert list(manifest.rows) == ["f1.txt"]
    assert [(p.line, p.file) for p in manifest.problems] == [(2, "f0.txt")]


def test_every_problem_is_one_line(tmp_path):
    folder = folder_with(tmp_path, HEADER + 'f0,f0.txt,he,,"2025-02\n-01",,\n', n_files=1)
    (folder / "bad\nname.txt").write_bytes(bytes(range(256)))
    corpus, messages = load(folder)
    assert len(messages) >= 2
    assert all("\n" not in m and "\r" not in m for m in messages + corpus.problems["message"].tolist())
    assert any("published '2025-02\\n-01'" in m for m in messages)


# --- task 8: files are named as the user typed the folder ------------------------------------------------------

def make_troubled(folder):
    """A copy of the seeds with one problem of every kind a file can have."""
    shutil.copytree(SEEDS, folder)
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "new.txt").write_text(HE.format(n=9), encoding="cp1255")
    (folder / "003_dc27bdc87947ed81.txt").write_bytes((folder / "003_dc27bdc87947ed81.txt").read_bytes() + b"\n")
    (folder / "002_25063b146d92d0fe.txt").unlink()
    with (folder / "SOURCES.csv").open("a", encoding="utf-8", newline="") as fh:
        fh.write("x,x.txt,he,,,2025-13-01,,,,\r\n")
    shutil.copy(folder / "000_013a6d9f286b6fec.txt", folder / "zz_copy.txt")


def test_problems_name_files_as_the_user_typed_the_folder(tmp_path, monkeypatch):
    make_troubled(tmp_path / "mine")
    monkeypatch.chdir(tmp_path)
    corpus, messages = load("mine")
    assert len(messages) >= 7
    for m in messages:
        assert m.startswith("mine/"), m
        assert str(tmp_path) not in m
    assert all(f.startswith("mine/") for f in corpus.problems["file"])
    assert "mine/zz_copy.txt: skipped: duplicate of mine/000_013a6d9f286b6fec.txt (same bytes)" in messages
    assert "mine/new.txt: no row in SOURCES.csv; metadata inferred (lang=he)" in messages
    assert "mine/003_dc27bdc87947ed81.txt: sha256 differs from SOURCES.csv (the file changed since it was listed)" \
        in messages
    # tables keep the name inside the folder (the key the manifest and other tables use)
    assert "zz_copy.txt" in corpus.skipped["file"].tolist() and "new.txt" in corpus.documents["file"].tolist()


def test_cli_stderr_names_files_the_same_way(tmp_path):
    make_troubled(tmp_path / "mine")
    out = subprocess.run([sys.executable, "-m", "analysis", "corpus", "mine"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 1  # a manifest row without its file is an error
    lines = out.stderr.splitlines()
    assert len(lines) >= 7 and "Traceback" not in out.stderr
    for line in lines:
        assert line.startswith(("warning: mine/", "error: mine/")), line
    assert "error: mine/SOURCES.csv, line 4: lists 002_25063b146d92d0fe.txt, but mine/002_25063b146d92d0fe.txt " \
           "does not exist" in lines
    assert any(line.startswith("warning: mine/SOURCES.csv, line 7: published '2025-13-01'") for line in lines)


def test_default_corpus_is_named_relative_to_the_working_folder():
    out = subprocess.run([sys.executable, "-m", "analysis", "corpus", "--help"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert "default: seeds" in out.stdout


# --- a manifest held as sorted Arrow columns: any row order, any script, more rows than one block ---------------

def test_rows_in_any_order_and_script_find_their_files_and_the_missing_ones(tmp_path, monkeypatch):
    from analysis.corpus import documents

    monkeypatch.setattr(documents._RowsBuilder, "BLOCK", 2)  # several blocks, sorted across them
    folder = tmp_path / "corpus"
    folder.mkdir()
    names = ["ידיעה-ב.txt", "خبر-أ.txt", "z9.txt", "a1.txt", "ידיעה-א.txt"]
    for i, name in enumerate(names[:4]):
        (folder / name).write_text(HE.format(n=i + 1), encoding="utf-8")
    rows = [f"d{i},{name},he,Outlet {i},2025-0{i + 1},,il" for i, name in enumerate(names)]
    rows.append("dx,a1.txt,he,Twice,2025,,")  # a1.txt listed twice: the first row stands
    (folder / "SOURCES.csv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    manifest = read_manifest(folder / "SOURCES.csv")
    assert list(manifest.rows) == sorted(names)
    assert manifest.get("a1.txt")["outlet"] == "Outlet 3" and manifest.rows.line("a1.txt") == 5
    assert manifest.get("ידיעה-ב.txt") == {"doc_id": "d0", "file": "ידיעה-ב.txt", "lang": "he", "outlet": "Outlet 0",
                                           "published": "2025-01", "notes": "", "country": "IL"}
    assert manifest.get("missing.txt") is None

    corpus, messages = load(folder)
    outlets = corpus.documents.set_index("file")["outlet"].to_dict()
    assert outlets == {"ידיעה-ב.txt": "Outlet 0", "خبر-أ.txt": "Outlet 1", "z9.txt": "Outlet 2", "a1.txt": "Outlet 3"}
    assert any("line 7: a1.txt is listed twice (first on line 5)" in m for m in messages)
    missing = corpus.skipped[corpus.skipped["reason"].str.startswith("listed in")]["file"].tolist()
    assert missing == ["ידיעה-א.txt"]
