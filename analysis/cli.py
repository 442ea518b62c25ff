"""Command line: ``python -m analysis corpus|build|claims|compare``.

Bad input is reported on stderr, one line each, as ``warning: PATH: problem``
or ``error: PATH[, line N]: problem`` (files named as the user typed the
folder: ``seeds/x.txt``), never as a traceback. Loading a folder of 20 files or
more shows a progress bar on stderr (never on stdout).

Exit codes: 0 fine; 1 an error in the corpus (a manifest row without its file,
an unusable manifest, a doc_id used twice; with ``corpus --strict``, any
problem) or nothing could be loaded; 2 a bad
path: the corpus path does not exist, or ``build --out`` is a file, is or holds
the corpus, holds files a build did not write, or cannot be written (checked
before loading; a build that fails while writing leaves the old folder as it was);
3 ``build``: a notebook failed (named on stderr with its cell and error; the
other reports were built and the folder replaced).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
import warnings
from pathlib import Path

from .paths import PROJECT_ROOT, REPORTS, SEEDS

#: The analysis notebooks that ``build`` turns into reports.
NOTEBOOKS = PROJECT_ROOT / "notebooks"

__all__ = ["main"]


def _shown(path: Path) -> str:
    """A default folder as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _Progress:
    """A ``progress`` callback for :func:`load_corpus`: a tqdm bar on stderr for folders of
    :data:`MIN_FILES` files or more, quiet otherwise. Use as a context manager (it closes the bar)."""

    MIN_FILES = 20

    def __init__(self) -> None:
        self.bar = None

    def __call__(self, i: int, n: int, name: str) -> None:
        if n < self.MIN_FILES:
            return
        if self.bar is None or i == 0:  # a new folder
            from tqdm import tqdm

            self.close()
            self.bar = tqdm(total=n, desc="loading", unit="file", file=sys.stderr, dynamic_ncols=True)
        self.bar.set_postfix_str(name, refresh=False)
        self.bar.update(i - self.bar.n)  # files done before this one

    def close(self, done: bool = True) -> None:
        if self.bar is not None:
            if done:
                self.bar.update(self.bar.total - self.bar.n)
            self.bar.close()
            self.bar = None

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, exc_type, *_) -> None:
        self.close(done=exc_type is None)  # a failed load does not show 100 %


def _report(corpus) -> None:
    for row in corpus.problems.itertuples():
        print(f"{row.level}: {row.message}", file=sys.stderr)


def cmd_corpus(args: argparse.Namespace) -> int:
    from .corpus.loader import CorpusError, load_corpus

    if not Path(args.path).exists():
        print(f"error: {args.path}: no such file or folder", file=sys.stderr)
        return 2
    try:
        with _Progress() as progress:
            corpus = load_corpus(args.path, strict=args.strict, progress=progress)
    except CorpusError as exc:  # --strict: the first problem stops the run
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _report(corpus)
    print(corpus.summary())
    return 1 if (corpus.problems["level"] == "error").any() or corpus.documents.empty else 0


def _jobs(text: str) -> int:
    """``--jobs``: a whole number of 1 or more."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of 1 or more")
    return n


def cmd_build(args: argparse.Namespace) -> int:
    from .build.notebooks import find_notebooks
    from .build.reports import SIZE_TARGET, build_reports, build_stamp, previous_files, write_index
    from .build.tables import OutputError, replace_folder, staging_folder, write_tables
    from .claims import counted
    from .corpus.loader import jobs_count, load_corpus

    started = time.monotonic()
    source, out = Path(args.path), Path(args.out)
    if not source.exists():
        print(f"error: {source}: no such file or folder", file=sys.stderr)
        return 2
    notebooks = Path(args.notebooks if args.notebooks is not None else _shown(NOTEBOOKS))
    if not args.tables_only and not notebooks.is_dir():
        if args.notebooks is not None:
            print(f"error: {notebooks}: no such folder (--notebooks)", file=sys.stderr)
            return 2
        print(f"warning: {notebooks}: no notebooks folder; writing the tables and the index only", file=sys.stderr)
    try:
        staging = staging_folder(out, source, allowed=previous_files(out))  # before loading: a bad --out fails at once
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    bar = None

    def step(name: str) -> None:
        if bar is not None:
            bar.set_postfix_str(name, refresh=False)
            bar.update()

    if args.stream or args.dask is not None:
        return _build_scaled(args, source, out, staging)
    reports = []
    try:
        with _Progress() as progress:
            corpus = load_corpus(source, progress=progress, jobs=args.jobs or 0)
        _report(corpus)
        if corpus.documents.empty:
            print(f"error: {source}: nothing could be loaded; {out} left as it was", file=sys.stderr)
            return 1
        claims = corpus.claims
        if not args.tables_only:  # the steps after loading (which has its own bar): tables, each notebook, index
            from tqdm import tqdm

            bar = tqdm(total=2 + len(find_notebooks(notebooks)), desc="build", unit="step", file=sys.stderr,
                       dynamic_ncols=True)
        try:
            written = write_tables(corpus, staging, jobs=jobs_count(args.jobs or 0))
        except OSError as exc:
            print(f"error: {out}: cannot write the tables: {exc.strerror or exc}; {out} left as it was",
                  file=sys.stderr)
            return 2
        step("tables")
        try:
            if not args.tables_only:
                reports = build_reports(source, staging, out, notebooks, jobs=args.jobs, force=args.force, step=step)
                write_index(staging, reports, corpus, source, build_stamp())
                step("index")
            replace_folder(staging, out)
        except OSError as exc:
            print(f"error: {out}: cannot write the reports: {exc.strerror or exc}; {out} left as it was",
                  file=sys.stderr)
            return 2
    finally:  # whatever happened (an error, Ctrl-C), no half-written folder is left behind
        if bar is not None:
            bar.close()
        shutil.rmtree(staging, ignore_errors=True)
    print(corpus.summary())
    kept = counted(claims)
    print(f"claims: {len(kept)} counted ({', '.join(f'{k} {v}' for k, v in kept['kind'].value_counts().sort_index().items())}); "
          f"{len(claims)} in the table, of which {int((~claims['in_analysis']).sum())} outside the analysis "
          f"(comments, bylines, page furniture) and {int((claims['repeat_of'] != '').sum())} repeats")
    print(f"wrote {out}/: {' '.join(written)}")
    failed = [r for r in reports if r.status != "ok"]
    if not args.tables_only:
        _print_reports(out, reports, time.monotonic() - started)
        for r in failed:
            where = f"cell {r.cell}: " if r.cell else ""
            print(f"error: {notebooks / (r.name + '.ipynb')}: {where}{r.error} (its report shows the error)",
                  file=sys.stderr)
        for r in reports:
            if r.size > SIZE_TARGET:
                print(f"warning: {out / r.html}: {r.size / 1e6:.1f} MB, above the {SIZE_TARGET / 1e6:.0f} MB target",
                      file=sys.stderr)
    if (corpus.problems["level"] == "error").any():
        return 1
    return 3 if failed else 0


def _build_scaled(args: argparse.Namespace, source: Path, out: Path, staging: Path) -> int:
    """``build --stream`` (chunks in this process and its pool) or ``build --dask [ADDRESS]`` (a Dask
    cluster): the tables that grow with the corpus, written as they come; no comparison, no notebooks."""
    from .build.tables import write_table, replace_folder
    from .corpus.loader import PROBLEM_COLUMNS, SKIPPED_COLUMNS
    from .corpus.tables import frame

    started = time.monotonic()
    try:
        if args.dask is not None:
            from .build.cluster import dask_claims

            print(f"dask: {args.dask or 'a local cluster'} …", file=sys.stderr)
            with _Progress() as progress:
                summary = dask_claims(source, staging, scheduler=args.dask or None, progress=progress)
            for name, columns in (("skipped", SKIPPED_COLUMNS), ("problems", PROBLEM_COLUMNS)):
                write_table(frame(summary[name], columns), staging, name)
            what = (f"{summary['documents']} documents in {summary['partitions']} partitions: "
                    "claims/ and documents/ (partitioned Parquet), skipped and problems")
        else:
            from .build.scale import stream_tables

            with _Progress() as progress:
                summary = stream_tables(source, staging, jobs=args.jobs or 0, progress=progress)
            what = ", ".join(f"{name} {n}" for name, n in summary["rows"].items())
        for row in summary["problems"]:
            print(f"{row['level']}: {row['message']}", file=sys.stderr)
        replace_folder(staging, out)
    except OSError as exc:
        print(f"error: {out}: cannot write the tables: {exc.strerror or exc}; {out} left as it was", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"wrote {out}/ in {time.monotonic() - started:.1f} s: {what}")
    return 1 if any(row["level"] == "error" for row in summary["problems"]) else 0


def _print_reports(out: Path, reports: list, seconds: float) -> None:
    """The reports of a build, one line each with its size, then the index and the folder's total size."""
    from .build.reports import human_size as _size

    ran = [r for r in reports if not r.cached]
    failed = sum(r.status != "ok" for r in reports)
    print(f"reports: {len(reports)} ({len(ran)} run, {len(reports) - len(ran)} unchanged and reused"
          f"{f', {failed} failed' if failed else ''}) in {seconds:.1f} s")
    width = max((len(r.html) for r in reports), default=10)
    for r in reports:
        how = "failed" if r.status != "ok" else "reused" if r.cached else f"run {r.seconds:.1f} s"
        charts = f"{len(r.charts)} chart{'' if len(r.charts) == 1 else 's'}"
        print(f"  {r.html:<{width}}  {_size(r.size):>7}  {charts:<9}  {how}")
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"  {'index.html':<{width}}  {_size((out / 'index.html').stat().st_size):>7}")
    print(f"open {out / 'index.html'} (folder: {_size(total)}, relative links only: it can be zipped and sent)")


def _claims_of(paths: list[str]):
    """The claims of the files and folders named (problems on stderr), or None when one is missing."""
    from .build.tables import claims_for_paths

    missing = [p for p in paths if not Path(p).exists()]
    for p in missing:
        print(f"error: {p}: no such file or folder", file=sys.stderr)
    if missing:
        return None, []
    with _Progress() as progress:
        table, problems = claims_for_paths([Path(p) for p in paths], progress=progress)
    for message in problems:
        print(message, file=sys.stderr)
    return table, problems


def cmd_claims(args: argparse.Namespace) -> int:
    from .build.tables import write_claims

    table, problems = _claims_of(args.paths)
    if table is None:
        return 2
    write_claims(table, sys.stdout, args.format)
    return 0 if len(table) or not problems else 1


def cmd_compare(args: argparse.Namespace) -> int:
    from .build.tables import write_comparison
    from .compare import compare_sources

    table, problems = _claims_of(args.paths)
    if table is None:
        return 2
    found = compare_sources(table)
    write_comparison(found, sys.stdout, args.format)
    for row in found.attrs["undecided"]:  # what became of every claim, one line per reason
        print(f"note: {row['claims']} claim(s) {row['status']}: {row['reason']}", file=sys.stderr)
    return 0 if len(table) or not problems else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("corpus", help="load a folder of articles and print a one-screen summary")
    p.add_argument("path", nargs="?", default=_shown(SEEDS), help=f"folder (or file) to load; default: {_shown(SEEDS)}")
    p.add_argument("--strict", action="store_true", help="fail on the first bad file instead of skipping it")
    p.set_defaults(run=cmd_corpus)
    p = sub.add_parser("build", help="load the corpus, write every table (CSV and Parquet) and run every notebook "
                                     "into a static HTML report, with reports/index.html listing them")
    p.add_argument("path", nargs="?", default=_shown(SEEDS), help=f"folder to load; default: {_shown(SEEDS)}")
    p.add_argument("--out", default=_shown(REPORTS), help=f"output folder; default: {_shown(REPORTS)}")
    p.add_argument("--jobs", type=_jobs, default=None,
                   help="processes that analyse the documents, and notebooks run at once; default: the number of cores")
    scale = p.add_mutually_exclusive_group()
    scale.add_argument("--stream", action="store_true",
                       help="an archive: read, analyse and write the tables (CSV and Parquet) a chunk of documents "
                            "at a time, in memory that does not grow with the corpus; no comparison, no notebooks")
    scale.add_argument("--dask", nargs="?", const="", default=None, metavar="ADDRESS",
                       help="run the extraction on a Dask cluster (the scheduler at ADDRESS, e.g. tcp://host:8786; "
                            "without it, a local cluster) and write the claims as partitioned Parquet")
    p.add_argument("--force", action="store_true",
                   help="run every notebook again, even those whose inputs have not changed")
    p.add_argument("--notebooks", default=None, help=f"folder of the notebooks; default: {_shown(NOTEBOOKS)}")
    p.add_argument("--tables-only", action="store_true", help="write the tables only: no notebooks, no HTML")
    p.set_defaults(run=cmd_build)
    p = sub.add_parser("claims", help="list every reported number as a claim")
    p.add_argument("paths", nargs="+", help="text files or folders")
    p.add_argument("--format", choices=("csv", "json", "table"), default="csv")
    p.set_defaults(run=cmd_claims)
    p = sub.add_parser("compare", help="compare the sources: where they agree, conflict or contradict themselves")
    p.add_argument("paths", nargs="+", help="text files or folders")
    p.add_argument("--format", choices=("csv", "json", "table"), default="csv")
    p.set_defaults(run=cmd_compare)
    args = parser.parse_args(argv)
    from .corpus.loader import CorpusError
    from .corpus.documents import ManifestError
    from .corpus.files import UnreadableFile

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # problems are printed by the commands themselves
        try:
            return args.run(args)
        except (CorpusError, ManifestError, UnreadableFile) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except BrokenPipeError:
            return 0
