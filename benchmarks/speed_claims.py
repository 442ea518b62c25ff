"""Single-core speed of ``extract_claims``: the five seeds, one text per call, 4 passes a run,
5 runs (after one warm-up pass); prints each run's MB/s and the median.

    .venv/bin/python benchmarks/speed_claims.py [--runs 5] [--batch]
    .venv/bin/python benchmarks/speed_claims.py --stages

``--stages`` prints instead what one pass over the seeds costs (best of ``--runs`` passes, at least
10) for the whole of ``extract_claims``, for each stage that every reading needs whatever its rules
(the text normalized and cut into sentences, the numbers read, the names found), and for two bare
regex scans (every word; one word list), against the time a pass may take at 5 MB/s.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--batch", action="store_true", help="one extract_claims_batch call per pass instead")
    p.add_argument("--stages", action="store_true", help="the cost of a pass by stage, against the 5 MB/s budget")
    args = p.parse_args(argv)
    if args.stages:
        return stages(max(args.runs, 10))
    from bench_claims import seeds

    from analysis import extract_claims
    from analysis.claims.extract import extract_claims_batch

    docs = seeds()
    for _, lang, text in docs:  # warm-up: lexicons and patterns load on first use
        extract_claims(text, lang)
    size = sum(len(text.encode("utf-8")) for _, _, text in docs)
    rates = []
    for _ in range(args.runs):
        t = time.perf_counter()
        for _ in range(4):
            if args.batch:
                extract_claims_batch([d[2] for d in docs], [d[1] for d in docs])
            else:
                for _, lang, text in docs:
                    extract_claims(text, lang)
        rates.append(4 * size / (time.perf_counter() - t) / 1e6)
    print(" ".join(f"{r:.3f}" for r in rates), f"median {statistics.median(rates):.3f} MB/s")
    return 0


def _best(work, runs: int) -> float:
    """The fastest of ``runs`` calls of ``work`` (after one), in ms."""
    work()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        work()
        times.append(time.perf_counter() - t)
    return min(times) * 1000


def stages(runs: int) -> int:
    """Print the cost of one pass over the seeds by stage (``--stages``; see the module)."""
    from bench_claims import seeds

    from analysis import extract_claims
    from analysis.claims.cues import cue_lexicon
    from analysis.claims.quantities import find_quantities
    from analysis.corpus.mentions import find_mentions
    from analysis.corpus.sentences import split_sentences
    from analysis.text.normalize import normalize

    docs = seeds()
    norms = [(lang, text, normalize(text)) for _, lang, text in docs]
    word = re.compile(r"\w+")
    rows = [
        ("extract_claims, the whole reading", lambda: [extract_claims(t, lang) for lang, t, _ in norms]),
        ("normalize + split_sentences", lambda: [(normalize(t), split_sentences(t, lang=lang)) for lang, t, _ in norms]),
        ("find_quantities (the numbers)", lambda: [find_quantities(t, lang, n) for lang, t, n in norms]),
        ("find_mentions (the names)", lambda: [find_mentions(t, lang, n) for lang, t, n in norms]),
        ("re: every word (\\w+)", lambda: [sum(1 for _ in word.finditer(n.text)) for _, _, n in norms]),
        ("re: one word list (metric cues)", lambda: [sum(1 for _ in cue_lexicon(lang).words[0].finditer(n.text))
                                                     for lang, _, n in norms]),
    ]
    size = sum(len(text.encode("utf-8")) for _, _, text in docs)
    print(f"one pass: the {len(docs)} seeds, {size:,} bytes; at 5 MB/s a pass takes {size / 5e6 * 1000:.1f} ms")
    print("| stage | ms per pass (best of %d) | MB/s |" % runs)
    print("|---|---:|---:|")
    for name, work in rows:
        ms = _best(work, runs)
        print(f"| {name} | {ms:.1f} | {size / ms / 1000:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
