"""Memory of one long file: the streaming path (``build --stream``) on a single file of N MB.

The file is built from the same sentence pool as ``bench_scale.py`` (the seeds and the development
sets, Hebrew, drawn at random with a fixed seed), one sentence per line, until it holds ``--mb`` MB of
UTF-8. A fresh child process runs :func:`analysis.build.scale.stream_tables` on it (one process: a long
document is analysed in pieces, :func:`analysis.corpus.loader.analyse_pieces`) and reports its peak RSS,
its RSS after the imports, and the peak over the file's size.

Usage::

    .venv/bin/python benchmarks/bench_long_file.py            # 50 MB
    .venv/bin/python benchmarks/bench_long_file.py --mb 5
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def make_file(path: Path, mb: float) -> int:
    """One Hebrew text of at least ``mb`` MB, one sentence per line; its size in bytes."""
    from bench_scale import sentence_pool

    sentences = sentence_pool()["he"]
    rng = random.Random(20240611)
    lines, size = [], 0
    while size < mb * 1e6:
        line = rng.choice(sentences)
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.stat().st_size


def worker(folder: Path) -> dict:
    warnings.simplefilter("ignore")
    from analysis.build.scale import stream_tables
    from bench_scale import status_mb

    base = status_mb("VmRSS")
    out = Path(tempfile.mkdtemp(prefix="bench_long_out_"))
    t = time.perf_counter()
    summary = stream_tables(folder, out, jobs=1)
    return {"seconds": time.perf_counter() - t, "base_mb": base, "rows": summary["rows"],
            "peak_mb": status_mb("VmHWM")}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--mb", type=float, default=50, help="size of the file in MB (default 50)")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(Path(args.worker))))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_long_") as tmp:
        size = make_file(Path(tmp) / "long.txt", args.mb)
        print(f"one file of {size / 1e6:.1f} MB: streaming ...", file=sys.stderr, flush=True)
        proc = subprocess.run([sys.executable, __file__, "--worker", tmp], capture_output=True, text=True)
        if proc.returncode:
            sys.stderr.write(proc.stderr)
            return 1
        res = json.loads(proc.stdout.strip().splitlines()[-1])
    mb = size / 2**20
    print("| file MB | seconds | RSS after imports MB | peak RSS MB | peak / file size | sentences | claims |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {mb:.1f} | {res['seconds']:.0f} | {res['base_mb']:.0f} | {res['peak_mb']:.0f} | "
          f"{res['peak_mb'] / mb:.1f}× | {res['rows']['sentences']:,} | {res['rows']['claims']:,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
