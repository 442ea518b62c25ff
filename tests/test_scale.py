"""Scale-out (issue 11): a process pool, the streaming path and Dask give exactly the one-process tables.

The corpus here is the seeds plus files that exercise every path a big folder meets: a duplicate, an
empty file, a file with no manifest row, an article in two parts, and enough short articles (written
for these tests) that the pool gets several chunks.
"""

from __future__ import annotations

import shutil
import warnings

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.build.scale import iter_claims, iter_tables, stream_tables
from analysis.build.tables import for_parquet, write_table
from analysis.corpus.loader import Corpus, CorpusReader, in_order, jobs_count

from conftest import SEEDS

#: Short articles written for these tests (not from any outlet), one sentence each, with a number.
EXTRA = {
    "he": ["חברת הסטארט-אפ נובה גייסה 40 מיליון דולר בסבב שהובילה קרן אקסל.",
           "לפי הדוח, מספר המשתמשים החודשיים של Gemini עלה ל-350 מיליון.",
           "Anthropic מעריכה כי הכנסותיה השנה יגיעו ל-2 מיליארד דולר."],
    "ar": ["قالت الشركة إن إيراداتها بلغت 300 مليون دولار في الربع الثالث.",
           "استثمرت مايكروسوفت 10 مليارات دولار في OpenAI وفق مصادر مطلعة.",
           "غادر نحو 20 موظفاً الشركة خلال الشهر الماضي."],
}
TABLES = ("documents", "segments", "sentences", "mentions", "claims", "skipped", "problems")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    for p in SEEDS.iterdir():
        shutil.copy(p, root / p.name)
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, root / "zz_copy_of_first.txt")  # an exact duplicate: skipped
    (root / "zz_empty.txt").write_bytes(b"")  # skipped: empty
    for k in range(12):  # not in the manifest: a warning each, metadata inferred
        lang = "he" if k % 2 else "ar"
        dateline = f"{k + 1}.11.2025"  # every file differs
        (root / f"extra_{k:02d}.txt").write_text(f"{dateline}\n{EXTRA[lang][k % 3]}\n", encoding="utf-8")
    return root


def _load(folder, **kw) -> Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder, **kw)


@pytest.fixture(scope="module")
def one(folder):
    return _load(folder)


@pytest.mark.parametrize("jobs", [2, 3])
def test_a_pool_gives_the_same_tables_in_the_same_order(folder, one, jobs):
    many = _load(folder, jobs=jobs)
    assert len(one.documents) == 5 + 12 and len(one.skipped) == 2
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(many, name), getattr(one, name), obj=name)


@pytest.mark.parametrize("jobs", [1, 2])
def test_files_read_in_the_pool_are_kept_as_one_process_keeps_them(folder, monkeypatch, tmp_path, jobs):
    """Each batch of files is read where it is analysed, as if every file were kept; a batch with a file
    that is not kept (a duplicate, mid-batch) is analysed again without it, in file order, so the
    tables, skips and problems are those of reading every file first, in batches of 16."""
    from analysis.corpus import loader

    here = tmp_path / "archive"
    shutil.copytree(folder, here)
    shutil.copy(here / "extra_07.txt", here / "extra_07b.txt")  # the duplicate of a file of another batch
    whole = _load(here)
    again = []
    real = loader._read_run
    monkeypatch.setattr(loader, "_read_run", lambda docs, *a: again.append([d.file for d in docs]) or real(docs, *a))
    monkeypatch.setattr(loader, "CHUNK_DOCS", 4)
    many = _load(here, jobs=jobs)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(many, name), getattr(whole, name), obj=name)
    reasons = dict(zip(many.skipped["file"], many.skipped["reason"]))
    first = sorted(SEEDS.glob("*.txt"))[0].name
    assert reasons == {"extra_07b.txt": "duplicate of extra_07.txt", "zz_copy_of_first.txt": f"duplicate of {first}",
                       "zz_empty.txt": reasons["zz_empty.txt"]}
    assert len(again) == 2 and all(0 < len(files) < 4 for files in again)  # each duplicate's batch, without it
    assert not {f for files in again for f in files} & set(reasons)


def test_long_files_read_in_the_pool_are_analysed_here_in_pieces(folder, monkeypatch, tmp_path):
    """With a piece size below some files' length, a pool still gives the one-process stream: the long
    files come back unanalysed and are read in pieces here, between the chunks of the others."""
    from analysis.corpus import loader

    monkeypatch.setattr(loader, "CHUNK_DOCS", 3)
    pieces = []
    real = loader._in_pieces
    monkeypatch.setattr(loader, "_in_pieces", lambda docs, *a: pieces.extend(d.file for d in docs) or real(docs, *a))
    got = {}
    for jobs in (1, 2):
        reader = CorpusReader(folder, jobs=jobs, piece_chars=2_000)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parts = list(iter_tables(folder, chunk_docs=5, reader=reader))
        got[jobs] = {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in TABLES[:5]}
    assert pieces and len(pieces) % 2 == 0 and pieces[: len(pieces) // 2] == pieces[len(pieces) // 2:]
    for name in TABLES[:5]:
        pd.testing.assert_frame_equal(got[2][name], got[1][name], obj=name)
    # a batch a pool process read holds no long text while it waits: the text is read again where it is cut
    shared = (folder, None, None, None, None, 2_000)
    monkeypatch.setattr(loader, "_SHARED", shared)
    reads, runs = loader._read_and_analyse(pieces[:1] + ["extra_00.txt"])
    assert reads[0].doc.text is None and runs[0] == ([0], None) and len(reads[1].doc.text) < 2_000
    # one process cuts the text it has read
    reads, runs = loader._read_and_analyse(pieces[:1] + ["extra_00.txt"], shared)
    assert len(reads[0].doc.text) > 2_000 and runs[0] == ([0], None)


def test_one_process_reads_each_file_once_long_ones_too(folder, monkeypatch):
    from analysis.corpus import loader

    calls = []
    real = loader.read_document
    monkeypatch.setattr(loader, "read_document", lambda p, manifest: calls.append(p.name) or real(p, manifest))
    reader = CorpusReader(folder, piece_chars=2_000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parts = list(iter_tables(folder, chunk_docs=5, reader=reader))
    assert sorted(calls) == sorted(p.name for p in folder.iterdir() if p.name != "SOURCES.csv")
    docs = pd.concat([p["documents"] for p in parts], ignore_index=True)
    assert (docs["n_chars"] > 2_000).any()  # long files were cut in pieces


def test_a_long_file_that_changes_while_it_is_read_is_skipped(folder, monkeypatch, tmp_path):
    from analysis.corpus import loader

    here = tmp_path / "archive"
    shutil.copytree(folder, here)
    long = sorted(SEEDS.glob("*.txt"))[1].name
    changed = tmp_path / "changed"  # made once the file has changed (the pool's processes are forked)
    real = loader.read_document

    def read_document(p, manifest):
        read = real(p, manifest)
        if p.name == long and not changed.exists():  # after the pool process read it, before it is read here
            changed.touch()
            p.write_text(p.read_text(encoding="utf-8") + "\nתוספת מאוחרת.\n", encoding="utf-8")
        return read

    monkeypatch.setattr(loader, "read_document", read_document)
    reader = CorpusReader(here, piece_chars=2_000, jobs=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parts = list(iter_tables(here, chunk_docs=5, reader=reader))
    assert changed.exists()
    assert {"file": long, "reason": "changed while it was read"} in reader.skipped
    docs = pd.concat([p["documents"] for p in parts], ignore_index=True)
    assert long not in set(docs["file"]) and len(docs) == 5 + 12 - 1
    assert any(p["message"].endswith("skipped: the file changed while it was read") for p in reader.problems)


def test_claims_from_the_tables_equal_those_found_while_loading(folder, one, monkeypatch):
    """A corpus loaded before the claims stage was imported builds its claims from its tables (grouped once)."""
    monkeypatch.setattr(Corpus, "document_claims", None)
    late = _load(folder)
    assert late.found_claims is None
    pd.testing.assert_frame_equal(late.claims, one.claims)


def test_streamed_claims_are_the_corpus_claims_in_file_order(folder, one, monkeypatch):
    monkeypatch.setattr("analysis.corpus.loader.CHUNK_DOCS", 1)  # a process's share: one document, so chunks are exact
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        chunks = list(iter_claims(folder, chunk=4))
    assert [len(c) for c in chunks] != [] and len(chunks) == -(-len(one.documents) // 4)
    streamed = pd.concat(chunks, ignore_index=True).sort_values("doc_id", kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(streamed, one.claims)


def test_streamed_tables_match_the_corpus_but_for_near_duplicate_flags(folder, one):
    reader = CorpusReader(folder, jobs=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parts = list(iter_tables(folder, chunk_docs=5, reader=reader))
    for name in ("segments", "sentences", "mentions"):
        got = pd.concat([p[name] for p in parts], ignore_index=True)
        pd.testing.assert_frame_equal(got, getattr(one, name), obj=name)
    docs = pd.concat([p["documents"] for p in parts], ignore_index=True)
    want = one.documents.assign(flags=one.documents["flags"].str.replace(r"(; )?near_duplicate\([^)]*\)", "",
                                                                         regex=True))
    pd.testing.assert_frame_equal(docs, want)
    pd.testing.assert_frame_equal(pd.DataFrame(reader.problems), one.problems)


def test_stream_tables_writes_the_rows_write_table_writes(folder, one, tmp_path):
    streamed, whole = tmp_path / "streamed", tmp_path / "whole"
    streamed.mkdir(), whole.mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = stream_tables(folder, streamed, jobs=2)
    assert summary["rows"]["claims"] == len(one.claims) and summary["rows"]["skipped"] == 2
    claims = one.claims.copy()
    claims.insert(0, "doc", claims["file"])
    from analysis.build.tables import claims_columns

    write_table(claims.reindex(columns=claims_columns(claims)), whole, "claims")
    got = pd.read_parquet(streamed / "claims.parquet").sort_values("doc_id", kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, pd.read_parquet(whole / "claims.parquet"))
    csv_lines = (streamed / "claims.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv_lines[0].startswith("doc,") and sum(line.startswith("doc,") for line in csv_lines) == 1
    whole_lines = (whole / "claims.csv").read_text(encoding="utf-8-sig").splitlines()
    assert sorted(csv_lines) == sorted(whole_lines)  # the same lines (the stream's in file order)


def test_a_stream_of_nothing_still_writes_every_table(tmp_path):
    empty, out = tmp_path / "empty", tmp_path / "out"
    empty.mkdir(), out.mkdir()
    (empty / "blank.txt").write_text("   \n", encoding="utf-8")  # skipped: nothing loads
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = stream_tables(empty, out)
    assert summary["rows"]["documents"] == 0 and summary["rows"]["skipped"] == 1
    for name in TABLES:
        assert (out / f"{name}.csv").read_text(encoding="utf-8-sig").count("\n") == 1 + (name in ("skipped",)) \
            or name == "problems", name
        assert (out / f"{name}.parquet").exists()


def test_the_pool_never_holds_the_whole_input():
    drawn = []

    def items():
        for i in range(10_000):
            drawn.append(i)
            yield i

    first = next(in_order(abs, items(), jobs=2, chunk=8, ahead=2))
    assert first == (0, 0)
    assert len(drawn) <= 2 * 2 * 8 + 8  # the chunks in flight, and the next being drawn


def test_pool_results_keep_their_order():
    got = list(in_order(pow, range(200), jobs=2, extra=(2,), chunk=7))
    assert got == [(i, i * i) for i in range(200)]


@pytest.mark.parametrize("bad", [-1, 1.5, "2"])
def test_jobs_must_be_a_whole_number(bad):
    with pytest.raises(ValueError, match="jobs="):
        jobs_count(bad)


def test_dask_local_cluster_gives_exactly_the_single_process_claims(folder, one, tmp_path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client, LocalCluster

    from analysis.build.cluster import dask_claims

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, processes=True) as cluster, \
            Client(cluster) as client, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = dask_claims(folder, tmp_path, client=client, files_per_partition=4)
    assert summary["documents"] == len(one.documents) and summary["partitions"] == 5
    assert [s["file"] for s in summary["skipped"]] == one.skipped["file"].tolist()
    parts = sorted(p.name for p in (tmp_path / "claims").iterdir())
    assert parts == [f"part-{i:06d}.parquet" for i in range(5)]
    got = pd.read_parquet(tmp_path / "claims").sort_values("doc_id", kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, for_parquet(one.claims))
    docs = pd.read_parquet(tmp_path / "documents")
    assert docs["doc_id"].tolist() == one.documents["doc_id"].tolist()


@pytest.fixture
def with_copy(folder, tmp_path):
    """The archive with a duplicate of a file of another task of 4 files; its files, each with its task."""
    here = tmp_path / "archive"
    shutil.copytree(folder, here)
    shutil.copy(here / "extra_07.txt", here / "extra_07b.txt")
    files = sorted(p.name for p in here.iterdir() if p.name != "SOURCES.csv")
    return here, {name: i // 4 for i, name in enumerate(files)}


def _dask_in_threads(here, monkeypatch, tmp_path, change=None):
    """``dask_claims`` on a cluster of threads in this process (so reads can be counted), 4 files a task;
    the files read, in order, and the summary. ``change``: a file rewritten after its first read."""
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client, LocalCluster

    from analysis.build import cluster

    calls, told = [], []
    real = cluster.read_document

    def read_document(p, manifest):
        calls.append(p.name)
        read = real(p, manifest)
        if p.name == change and calls.count(change) == 1:
            p.write_text(p.read_text(encoding="utf-8") + "\nתוספת מאוחרת.\n", encoding="utf-8")
        return read

    monkeypatch.setattr(cluster, "read_document", read_document)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as local, \
            Client(local) as client, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = cluster.dask_claims(here, tmp_path / "out", client=client, files_per_partition=4,
                                      progress=lambda done, n, name: told.append((done, n, name)))
    files = sorted(p.name for p in here.iterdir() if p.name != "SOURCES.csv")
    assert told[0] == (0, len(files), files[0])  # started
    assert [(done, n) for done, n, _ in told[1:]] == [(min(k, len(files)), len(files))
                                                      for k in range(4, len(files) + 4, 4)]
    assert sorted(name for *_, name in told[1:]) == files[3::4] + files[-1:] * (len(files) % 4 > 0)  # each task's last
    return calls, summary


def test_dask_reads_each_file_once_and_writes_again_only_a_task_with_a_file_not_kept(with_copy, monkeypatch, tmp_path):
    here, task = with_copy
    files = list(task)
    calls, summary = _dask_in_threads(here, monkeypatch, tmp_path)
    whole = _load(here)
    redo = {task["extra_07b.txt"], task["zz_copy_of_first.txt"]}
    twice = [f for f in files if task[f] in redo and f in set(whole.documents["file"])]
    assert sorted(calls) == sorted(files + twice)  # the kept files of the two tasks written again: twice
    assert summary["written_again"] == 2 and summary["documents"] == len(whole.documents)
    assert [s["file"] for s in summary["skipped"]] == whole.skipped["file"].tolist()
    got = pd.read_parquet(tmp_path / "out" / "claims").sort_values("doc_id", kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, for_parquet(whole.claims))


def test_dask_skips_a_file_that_changes_before_its_task_is_written_again(with_copy, monkeypatch, tmp_path):
    here, task = with_copy
    changed = next(f for f in task if task[f] == task["extra_07b.txt"] and f.startswith("extra_")
                   and f != "extra_07b.txt")  # kept, in the task written again
    calls, summary = _dask_in_threads(here, monkeypatch, tmp_path, change=changed)
    assert calls.count(changed) == 2
    assert {"file": changed, "reason": "changed while it was read"} in [
        {k: s[k] for k in ("file", "reason")} for s in summary["skipped"]]
    docs = pd.read_parquet(tmp_path / "out" / "documents")
    assert changed not in set(docs["file"]) and summary["documents"] == len(docs)


#: A page of three short articles (headline, byline, body), written for this test.
PAGE = """גוגל מגדילה את ההשקעה בבינה מלאכותית
מאת דנה לוי |
חברת גוגל הודיעה כי תשקיע 75 מיליארד דולר בתשתיות מחשוב השנה. לדברי החברה, ההוצאה תגדל ב-40% לעומת השנה שעברה.

Anthropic מגייסת שוב
מאת יוסי כהן |
Anthropic השלימה גיוס של 13 מיליארד דולר לפי שווי של 183 מיליארד דולר. לפי הדיווח, מספר הלקוחות העסקיים של החברה עומד על 300 אלף.

Nvidia מדווחת על הכנסות שיא
מאת רונית אברהם |
Nvidia דיווחה על הכנסות של 46.7 מיליארד דולר ברבעון השני. המניה עלתה ב-3% במסחר המאוחר.
"""


def _page(tmp_path):
    from analysis.corpus.documents import Document

    return Document(doc_id="page", file="page.txt", path=tmp_path / "page.txt", text=PAGE, lang="he",
                    encoding="utf-8", sha256="", published=["2025-08-28"])


def _rows(found, name, drop=()):
    return [{k: v for k, v in r.items() if k not in drop} for f in found for r in getattr(f, name)]


def test_a_long_page_cut_between_articles_gives_the_rows_of_the_whole(tmp_path):
    from analysis.corpus.loader import analyse, analyse_pieces

    doc = _page(tmp_path)
    whole = analyse(doc, Corpus.document_claims)
    assert whole.n_articles == 3
    # annotated by hand: the seven figures of the page, in order
    assert [(r["value"], r["unit"]) for r in whole.claims] == [
        (75e9, "USD"), (40, "percent"), (13e9, "USD"), (183e9, "USD"), (300_000, "customers"), (46.7e9, "USD"),
        (3, "percent")]
    pieces = list(analyse_pieces(doc, Corpus.document_claims, piece_chars=150))
    assert len(pieces) == 3 and [p.last for p in pieces] == [False, False, True]
    assert (pieces[-1].flags, pieces[-1].n_articles) == (whole.flags, whole.n_articles)
    for name in ("segments", "sentences", "mentions"):
        assert _rows(pieces, name) == _rows([whole], name), name
    # change ids are numbered per text read, so a later piece's carry its offset; all else is the same
    assert _rows(pieces, "claims", drop={"change_id"}) == _rows([whole], "claims", drop={"change_id"})
    ids = [r["change_id"] for r in _rows(pieces, "claims")]
    assert all(i == "" or i.startswith("c") for i in ids) and len(set(filter(None, ids))) == len(
        set(filter(None, (r["change_id"] for r in whole.claims))))


def test_an_article_longer_than_two_pieces_is_cut_between_sentences(tmp_path):
    from analysis.corpus.loader import analyse, analyse_pieces

    doc = _page(tmp_path)
    whole = analyse(doc, Corpus.document_claims)
    pieces = list(analyse_pieces(doc, Corpus.document_claims, piece_chars=40))
    assert len(pieces) > 3
    for name in ("segments", "sentences", "mentions"):  # what does not read the whole article is the same
        assert _rows(pieces, name) == _rows([whole], name), name
    spans = lambda rows: [(r["start"], r["end"], r["value"], r["unit"]) for r in rows]  # noqa: E731
    assert spans(_rows(pieces, "claims")) == spans(whole.claims)


def test_build_stream_writes_the_tables(tmp_path, folder):
    from analysis.cli import main

    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = main(["build", str(folder), "--out", str(out), "--stream", "--jobs", "2"])
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{t}.{ext}" for t in TABLES for ext in ("csv", "parquet"))
    assert len(pd.read_parquet(out / "documents.parquet")) == 17


def test_stream_and_dask_cannot_be_asked_together(tmp_path, capsys):
    from analysis.cli import main

    with pytest.raises(SystemExit):
        main(["build", "seeds", "--out", str(tmp_path / "o"), "--stream", "--dask"])
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.parametrize("jobs, part_rows", [(2, 40_000), (2, 7), (3, 50)])
def test_tables_written_by_forked_processes_are_the_same_files(folder, tmp_path, monkeypatch, jobs, part_rows):
    """Forked writers (the comparison in shares; each CSV in parts of ``part_rows`` rows, joined in
    order) write the bytes one process writes, and leave no part behind."""
    import analysis.build.tables as tables

    monkeypatch.setattr(tables, "CSV_PART_ROWS", part_rows)
    outs = []
    for n in (1, jobs):
        corpus = _load(folder)  # a fresh corpus: its comparison not made yet
        out = tmp_path / f"jobs{n}"
        out.mkdir()
        assert tables.write_tables(corpus, out, jobs=n)[:2] == ["documents.csv", "documents.parquet"]
        assert "_comparison" in corpus.__dict__ and len(corpus.comparison) > 0
        outs.append(out)
    assert sorted(p.name for p in outs[1].iterdir()) == sorted(p.name for p in outs[0].iterdir())
    if part_rows < 40_000:
        assert len(corpus.claims) > 3 * part_rows  # the claims' CSV is written in several parts
    for p in sorted(outs[0].iterdir()):
        assert p.read_bytes() == (outs[1] / p.name).read_bytes(), p.name
