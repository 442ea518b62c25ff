"""Scale benchmark: how the whole pipeline's cost grows with the number of articles.

For each size N it builds a synthetic corpus of N articles in a temp folder. The
sentences come from the seeds (``seeds/*.txt``, split with
:func:`analysis.corpus.sentences.split_sentences`) and from the development sets
(``tests/data/dev/{he,ar}_*sentences.csv``, column ``sentence``). They are shuffled
with a fixed seed, so the documents differ. Each article has 8-20 sentences of ONE
language and is written as a UTF-8 ``.txt`` file, listed in a ``SOURCES.csv``
manifest (doc_id, file, lang, published).

Each size runs in a FRESH child process (this script with ``--worker``), which
times each stage:

* ``load``: :func:`analysis.load_corpus` on the folder;
* ``claims``: ``corpus.claims``;
* ``compare``: :func:`analysis.compare_sources` on the claims;
* ``tables``: :func:`analysis.build.tables.write_tables` (what ``build --tables-only``
  writes) into a temp folder, reusing the comparison above.

It also records the child's peak RSS (``ru_maxrss``). Everything runs in a single
process: jobs and Dask are not implemented yet.

Usage::

    .venv/bin/python benchmarks/bench_scale.py                      # sizes 100,1000,10000
    .venv/bin/python benchmarks/bench_scale.py --sizes 100,1000 --out benchmarks/scale.md

``--sizes`` also accepts 100000 (not run by default: today's claims stage is
quadratic in the number of documents). The Markdown table goes to stdout (and to
``--out``); progress goes to stderr. The ``ratio`` column is the per-file cost
divided by the per-file cost at the smallest size. It should stay near 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 20240611
HEADER = "single process; jobs and Dask are not implemented yet"


def sentence_pool() -> dict[str, list[str]]:
    """Sentences by language ('he', 'ar') from the seeds and the development sets."""
    from analysis.corpus.sentences import split_sentences

    pool: dict[str, list[str]] = {"he": [], "ar": []}
    with (ROOT / "seeds" / "SOURCES.csv").open(encoding="utf-8-sig", newline="") as fh:
        langs = {r["file"]: r["lang"] for r in csv.DictReader(fh)}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lang = langs.get(path.name)
        if lang not in pool:
            continue
        text = path.read_text(encoding="utf-8-sig")
        pool[lang] += [t for s in split_sentences(text, lang=lang) if len(t := text[s.start:s.end].strip()) > 1]
    for path in sorted((ROOT / "tests" / "data" / "dev").glob("*_sentences.csv")):
        lang = path.name.split("_")[0]
        if lang not in pool:
            continue
        with path.open(encoding="utf-8-sig", newline="") as fh:
            pool[lang] += [r["sentence"].strip() for r in csv.DictReader(fh) if r.get("sentence", "").strip()]
    return pool


def make_corpus(folder: Path, n: int, pool: dict[str, list[str]]) -> int:
    """Write ``n`` articles and SOURCES.csv into ``folder``; return the UTF-8 bytes of text written."""
    rng = random.Random(SEED + n)
    decks = {lang: [] for lang in pool}
    size = 0
    with (folder / "SOURCES.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "file", "lang", "published"])
        for i in range(n):
            lang = "he" if i % 2 == 0 else "ar"
            lines = []
            for _ in range(rng.randint(8, 20)):
                if not decks[lang]:  # draw without replacement from a reshuffled deck
                    decks[lang] = pool[lang][:]
                    rng.shuffle(decks[lang])
                lines.append(decks[lang].pop())
            data = ("\n".join(lines) + "\n").encode("utf-8")
            name = f"doc{i:06d}_{lang}.txt"
            (folder / name).write_bytes(data)
            size += len(data)
            month = 1 + i % 12
            w.writerow([f"doc{i:06d}", name, lang, f"{2023 + i % 3}-{month:02d}"])
    return size


def worker(folder: Path) -> dict:
    """Run the stages on ``folder`` in this process; seconds per stage and peak RSS in MB."""
    warnings.simplefilter("ignore")
    import analysis
    from analysis.build.tables import write_tables

    times = {}
    t = time.perf_counter()
    corpus = analysis.load_corpus(folder)
    times["load"] = time.perf_counter() - t
    t = time.perf_counter()
    claims = corpus.claims
    times["claims"] = time.perf_counter() - t
    t = time.perf_counter()
    comparison = analysis.compare_sources(claims)
    times["compare"] = time.perf_counter() - t
    corpus.__dict__["_comparison"] = comparison  # the tables reuse it, as build does via Corpus.comparison
    with tempfile.TemporaryDirectory(prefix="bench_scale_out_") as out:
        t = time.perf_counter()
        write_tables(corpus, Path(out))
        times["tables"] = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"times": times, "rss_mb": rss, "docs": len(corpus.documents), "claims": len(claims),
            "findings": len(comparison)}


def run(sizes: list[int]) -> str:
    pool = sentence_pool()
    print(f"sentence pool: he {len(pool['he'])}, ar {len(pool['ar'])}", file=sys.stderr)
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench_scale_{n}_") as tmp:
            folder = Path(tmp)
            size = make_corpus(folder, n, pool)
            print(f"{n} files, {size / 1e6:.2f} MB: running ...", file=sys.stderr, flush=True)
            proc = subprocess.run([sys.executable, __file__, "--worker", str(folder)],
                                  capture_output=True, text=True)
            if proc.returncode:
                sys.stderr.write(proc.stderr)
                raise SystemExit(f"worker failed at size {n}")
            res = json.loads(proc.stdout.strip().splitlines()[-1])
        total = sum(res["times"].values())
        rows.append((n, size, res, total))
        print(f"  done in {total:.1f} s ({res['docs']} docs, {res['claims']} claims, "
              f"{res['findings']} findings)", file=sys.stderr, flush=True)
    base = rows[0][3] / rows[0][0]
    out = [f"Scale benchmark ({HEADER}); Python {sys.version.split()[0]}", "",
           "| files | MB text | load s | claims s | compare s | tables s | total s | ms/file | peak RSS MB | ratio |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, size, res, total in rows:
        t = res["times"]
        out.append(f"| {n} | {size / 1e6:.2f} | {t['load']:.2f} | {t['claims']:.2f} | {t['compare']:.2f} | "
                   f"{t['tables']:.2f} | {total:.2f} | {1000 * total / n:.2f} | {res['rss_mb']:.0f} | "
                   f"{total / n / base:.2f} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes (default 100,1000,10000)")
    p.add_argument("--out", help="also write the Markdown table to this file")
    p.add_argument("--worker", help=argparse.SUPPRESS)  # internal: run the stages on this folder, print JSON
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(Path(args.worker))))
        return 0
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not sizes or min(sizes) < 1:
        p.error("--sizes: positive integers, e.g. 100,1000")
    table = run(sizes)
    print(table, end="")
    if args.out:
        Path(args.out).write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
