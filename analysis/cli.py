"""Command line: ``python -m analysis corpus|build|claims``.

Bad input is reported on stderr as ``file: problem`` and never as a traceback.
"""

from __future__ import annotations

import argparse
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


def _progress(i: int, n: int, name: str) -> None:
    if n >= 20 and (i % 10 == 0 or i == n - 1):
        print(f"loading {i + 1}/{n}: {name}", file=sys.stderr, flush=True)


def _report(corpus) -> None:
    for row in corpus.problems.itertuples():
        print(f"{row.level}: {row.message}", file=sys.stderr)


def cmd_corpus(args: argparse.Namespace) -> int:
    from .corpus.loader import load_corpus

    corpus = load_corpus(args.path, strict=args.strict, progress=_progress)
    _report(corpus)
    print(corpus.summary())
    return 1 if (corpus.problems["level"] == "error").any() or corpus.documents.empty else 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build.tables import write_claims
    from .corpus.loader import load_corpus

    corpus = load_corpus(args.path, progress=_progress)
    _report(corpus)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("documents", "segments", "sentences", "mentions", "skipped"):
        getattr(corpus, name).to_csv(out / f"{name}.csv", index=False, lineterminator="\n")
    claims = corpus.claims.copy()
    claims.insert(0, "doc", claims["file"])
    with (out / "claims.csv").open("w", encoding="utf-8", newline="") as fh:
        write_claims(claims, fh, "csv")
    print(corpus.summary())
    print(f"claims: {len(claims)} ({', '.join(f'{k} {v}' for k, v in claims['kind'].value_counts().sort_index().items())})")
    print(f"wrote {out}/: documents.csv segments.csv sentences.csv mentions.csv skipped.csv claims.csv")
    return 1 if (corpus.problems["level"] == "error").any() else 0


def cmd_claims(args: argparse.Namespace) -> int:
    from .build.tables import claims_for_paths, write_claims

    missing = [p for p in args.paths if not Path(p).exists()]
    for p in missing:
        print(f"error: {p}: no such file or folder", file=sys.stderr)
    if missing:
        return 2
    table, problems = claims_for_paths([Path(p) for p in args.paths], progress=_progress)
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
    p = sub.add_parser("build", help="load the corpus and write every table (claims included) to reports/")
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
