"""Scale benchmark: how the whole pipeline's cost grows with the number of articles.

For each size N it builds a synthetic corpus of N articles in a temp folder. The
sentences come from the seeds (``seeds/*.txt``, split with
:func:`analysis.corpus.sentences.split_sentences`) and from the development sets
(``tests/data/dev/{he,ar}_*sentences.csv``, column ``sentence``). They are shuffled
with a fixed seed, so the documents differ. Each article has 8-20 sentences of ONE
language and is written as a UTF-8 ``.txt`` file, listed in a ``SOURCES.csv``
manifest (doc_id, file, lang, published).

Each article's manifest row names one of 20 made-up outlets per language (an archive's articles come
from a few dozen outlets; each outlet is a source the comparison weighs).

Each (size, mode, jobs) runs in a FRESH child process (this script with ``--worker``):

* ``memory``: :func:`analysis.load_corpus` with ``jobs`` processes (segments, sentences, mentions and
  claims), then :func:`analysis.build.tables.write_tables` with ``jobs`` (what ``build --tables-only``
  does; with 2 jobs the comparison of sources is made in two shares, one per process, then put together
  and written while the processes write the other tables);
* ``stream``: :func:`analysis.build.scale.stream_tables` (``build --stream``): read, analyse and write the
  tables a chunk at a time, with ``jobs`` processes; no comparison;
* ``dask``: :func:`analysis.build.cluster.dask_claims` (``build --dask``) on a ``LocalCluster`` of ``jobs``
  single-threaded worker processes (the cluster's start-up is timed apart and left out of the total).

It records the child's peak RSS and that of its largest finished child (a pool or Dask worker).

Usage::

    .venv/bin/python benchmarks/bench_scale.py                        # sizes 100,1000,10000,100000
    .venv/bin/python benchmarks/bench_scale.py --sizes 100,1000 --runs memory:1,memory:2 --out scale.md

At 100,000 files only the streaming path runs (the in-memory corpus of that size does not fit this
machine's memory, which is what the streaming path is for). The Markdown table goes to stdout (and to
``--out``); progress goes to stderr. ``ratio`` is the per-file cost over the per-file cost of the same
mode and jobs at the smallest size (it should stay near 1); ``speed-up`` is one job's total over two
jobs' at the same size and mode.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 20240611
#: Made-up outlet names: an archive's articles come from a few dozen outlets, each a source to compare.
OUTLETS = {lang: [f"{lang}-outlet-{k:02d}" for k in range(20)] for lang in ("he", "ar")}


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
        w.writerow(["doc_id", "file", "lang", "published", "outlet"])
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
            w.writerow([f"doc{i:06d}", name, lang, f"{2023 + i % 3}-{month:02d}", OUTLETS[lang][i // 2 % len(OUTLETS[lang])]])
    return size


def status_mb(field: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of this process in MB, from /proc: ``ru_maxrss`` would carry
    the parent's peak over the exec of a child (elsewhere than Linux, ``ru_maxrss`` it is)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mb() -> tuple[float, float]:
    """Peak RSS in MB of this process and of its largest finished child (pool or Dask workers)."""
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    return status_mb("VmHWM"), child


def worker(folder: Path, mode: str, jobs: int) -> dict:
    """Run one mode on ``folder`` in this process; seconds per stage and peak RSS.

    * ``memory``: load_corpus(jobs) + claims, then write_tables(jobs) with the comparison (what ``build
      --tables-only`` does);
    * ``stream``: stream_tables(jobs) (``build --stream``): load, claims and tables a chunk at a time;
    * ``dask``: dask_claims on a LocalCluster of ``jobs`` single-threaded workers (``build --dask``).
    """
    warnings.simplefilter("ignore")
    import analysis
    from analysis.build.tables import write_tables

    times: dict[str, float] = {}
    out = Path(tempfile.mkdtemp(prefix="bench_scale_out_"))
    res: dict = {}
    try:
        t = time.perf_counter()
        if mode == "memory":
            corpus = analysis.load_corpus(folder, jobs=jobs)
            claims = corpus.claims
            times["load+claims"] = time.perf_counter() - t
            t = time.perf_counter()
            write_tables(corpus, out, jobs=jobs)  # with 2 jobs the comparison is made beside the other tables
            times["compare+tables"] = time.perf_counter() - t
            res.update(docs=len(corpus.documents), claims=len(claims), findings=len(corpus.comparison))
        elif mode == "stream":
            from analysis.build.scale import stream_tables

            summary = stream_tables(folder, out, jobs=jobs)
            times["load+claims+tables"] = time.perf_counter() - t
            res.update(docs=summary["rows"]["documents"], claims=summary["rows"]["claims"], findings=0)
        else:
            from dask.distributed import Client, LocalCluster

            from analysis.build.cluster import dask_claims

            with LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                started = time.perf_counter()
                summary = dask_claims(folder, out, client=client)
                times["load+claims+tables"] = time.perf_counter() - started
                times["cluster start"] = started - t
            import pandas as pd

            res.update(docs=summary["documents"], claims=len(pd.read_parquet(out / "claims", columns=["start"])),
                       findings=0)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    own, child = _peak_mb()
    return {"times": times, "rss_mb": own, "child_mb": child, **res}


#: (mode, jobs) run at each size; the 100,000-file corpus only streams (the in-memory corpus of that
#: size does not fit the machine, which is what the streaming path is for).
RUNS = (("memory", 1), ("memory", 2), ("stream", 1), ("stream", 2), ("dask", 2))
STREAM_ONLY = 20_000


def run(sizes: list[int], runs=RUNS) -> str:
    pool = sentence_pool()
    print(f"sentence pool: he {len(pool['he'])}, ar {len(pool['ar'])}", file=sys.stderr)
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench_scale_{n}_") as tmp:
            folder = Path(tmp)
            size = make_corpus(folder, n, pool)
            for mode, jobs in runs:
                if n > STREAM_ONLY and mode != "stream":
                    continue
                print(f"{n} files, {size / 1e6:.2f} MB: {mode}, {jobs} job(s) ...", file=sys.stderr, flush=True)
                proc = subprocess.run([sys.executable, __file__, "--worker", str(folder), "--mode", mode,
                                       "--jobs", str(jobs)], capture_output=True, text=True)
                if proc.returncode:
                    sys.stderr.write(proc.stderr)
                    raise SystemExit(f"worker failed at size {n}, {mode} {jobs}")
                res = json.loads(proc.stdout.strip().splitlines()[-1])
                total = sum(v for k, v in res["times"].items() if k != "cluster start")
                rows.append((n, size, mode, jobs, res, total))
                print(f"  done in {total:.1f} s ({res['docs']} docs, {res['claims']} claims, "
                      f"{res['findings']} findings)", file=sys.stderr, flush=True)
    return table(rows)


def table(rows: list) -> str:
    """The Markdown table: per-file cost, its ratio to the smallest size of the same mode and jobs, and the
    speed-up of 2 jobs over 1 at the same size and mode."""
    first: dict[tuple, float] = {}
    single: dict[tuple, float] = {}
    for n, _, mode, jobs, _, total in rows:
        first.setdefault((mode, jobs), total / n)
        if jobs == 1:
            single[(n, mode)] = total
    out = [f"Scale benchmark; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs", "",
           "| files | MB text | mode | jobs | load+claims s | compare+tables s | total s | ms/file | "
           "ratio | speed-up | peak RSS MB (main / largest worker) | claims |",
           "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    for n, size, mode, jobs, res, total in rows:
        t = res["times"]
        load = t.get("load+claims", t.get("load+claims+tables", 0.0))
        after = f"{t['compare+tables']:.2f}" if "compare+tables" in t else "(tables in load; no comparison)"
        ratio = total / n / first[(mode, jobs)]
        speedup = f"{single[(n, mode)] / total:.2f}×" if jobs > 1 and (n, mode) in single else "–"
        child = f"{res['child_mb']:.0f}" if res["child_mb"] else "–"
        out.append(f"| {n:,} | {size / 1e6:.2f} | {mode} | {jobs} | {load:.2f} | {after} | {total:.2f} | "
                   f"{1000 * total / n:.2f} | {ratio:.2f} | {speedup} | {res['rss_mb']:.0f} / {child} | "
                   f"{res['claims']:,} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="100,1000,10000,100000",
                   help="comma-separated corpus sizes (default 100,1000,10000,100000)")
    p.add_argument("--runs", default=",".join(f"{m}:{j}" for m, j in RUNS),
                   help="mode:jobs pairs to run at each size (modes: memory, stream, dask)")
    p.add_argument("--out", help="also write the Markdown table to this file")
    p.add_argument("--worker", help=argparse.SUPPRESS)  # internal: run one mode on this folder, print JSON
    p.add_argument("--mode", default="memory", help=argparse.SUPPRESS)
    p.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(Path(args.worker), args.mode, args.jobs)))
        return 0
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not sizes or min(sizes) < 1:
        p.error("--sizes: positive integers, e.g. 100,1000")
    runs = [(m, int(j)) for m, j in (r.split(":") for r in args.runs.split(",") if r.strip())]
    result = run(sizes, runs)
    print(result, end="")
    if args.out:
        Path(args.out).write_text(result, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
