"""Command line: ``python -m analysis corpus|build|claims``.

Bad input is reported on stderr, one line each, as ``warning: PATH: problem``
or ``error: PATH[, line N]: problem`` (files named as the user typed the
folder: ``seeds/x.txt``), never as a traceback. Loading a folder of 20 files or
more shows a progress bar on stderr (never on stdout).

Exit codes: 0 fine; 1 an error in the corpus (a manifest row without its file,
an unusable manifest, a doc_id used twice; with ``corpus --strict``, any
problem) or nothing could be loaded; 2 a bad
path: the corpus path does not exist, or ``build --out`` is a file, is or holds
the corpus, holds files a build did not write, or cannot be written (checked
before loading; a build that fails while writing leaves the old folder as it was).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import warnings
from pathlib import Path

from .paths import REPORTS, SEEDS

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


def cmd_build(args: argparse.Namespace) -> int:
    from .build.tables import OutputError, replace_folder, staging_folder, write_tables
    from .claims import counted
    from .corpus.loader import load_corpus

    source, out = Path(args.path), Path(args.out)
    if not source.exists():
        print(f"error: {source}: no such file or folder", file=sys.stderr)
        return 2
    try:
        staging = staging_folder(out, source)  # before loading: a bad --out fails at once
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        with _Progress() as progress:
            corpus = load_corpus(source, progress=progress)
        _report(corpus)
        if corpus.documents.empty:
            print(f"error: {source}: nothing could be loaded; {out} left as it was", file=sys.stderr)
            return 1
        claims = corpus.claims
        try:
            written = write_tables(corpus, staging)
            replace_folder(staging, out)
        except OSError as exc:
            print(f"error: {out}: cannot write the tables: {exc.strerror or exc}; {out} left as it was",
                  file=sys.stderr)
            return 2
    finally:  # whatever happened (an error, Ctrl-C), no half-written folder is left behind
        shutil.rmtree(staging, ignore_errors=True)
    print(corpus.summary())
    kept = counted(claims)
    print(f"claims: {len(kept)} counted ({', '.join(f'{k} {v}' for k, v in kept['kind'].value_counts().sort_index().items())}); "
          f"{len(claims)} in the table, of which {int((~claims['in_analysis']).sum())} outside the analysis "
          f"(comments, bylines, page furniture) and {int((claims['repeat_of'] != '').sum())} repeats")
    print(f"wrote {out}/: {' '.join(written)}")
    return 1 if (corpus.problems["level"] == "error").any() else 0


def cmd_claims(args: argparse.Namespace) -> int:
    from .build.tables import claims_for_paths, write_claims

    missing = [p for p in args.paths if not Path(p).exists()]
    for p in missing:
        print(f"error: {p}: no such file or folder", file=sys.stderr)
    if missing:
        return 2
    with _Progress() as progress:
        table, problems = claims_for_paths([Path(p) for p in args.paths], progress=progress)
    for message in problems:
        print(message, file=sys.stderr)
    write_claims(table, sys.stdout, args.format)
    return 0 if len(table) or not problems else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("corpus", help="load a folder of articles and print a one-screen summary")
    p.add_argument("path", nargs="?", default=_shown(SEEDS), help=f"folder (or file) to load; default: {_shown(SEEDS)}")
    p.add_argument("--strict", action="store_true", help="fail on the first bad file instead of skipping it")
    p.set_defaults(run=cmd_corpus)
    p = sub.add_parser("build", help="load the corpus and write every table (claims included) to reports/, "
                                     "as CSV (UTF-8 with BOM) and Parquet")
    p.add_argument("path", nargs="?", default=_shown(SEEDS), help=f"folder to load; default: {_shown(SEEDS)}")
    p.add_argument("--out", default=_shown(REPORTS), help=f"output folder; default: {_shown(REPORTS)}")
    p.set_defaults(run=cmd_build)
    p = sub.add_parser("claims", help="list every reported number as a claim")
    p.add_argument("paths", nargs="+", help="text files or folders")
    p.add_argument("--format", choices=("csv", "json", "table"), default="csv")
    p.set_defaults(run=cmd_claims)
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
