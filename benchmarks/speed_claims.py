"""Single-core speed of ``extract_claims``: the five seeds, one text per call, 4 passes a run,
5 runs (after one warm-up pass); prints each run's MB/s and the median.

    .venv/bin/python benchmarks/speed_claims.py [--runs 5]
"""

from __future__ import annotations

import argparse
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
    args = p.parse_args(argv)
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


if __name__ == "__main__":
    raise SystemExit(main())
